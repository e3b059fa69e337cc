"""The operated service, as an operator meets it: a real Prefect server on a free loopback port,
the deployments of prefect.yaml applied with `prefect deploy`, a process worker, runs started
through the API exactly as the UI's custom-run form does, and the real UI driven in headless
Chromium. One service for the module (it takes 20-60 s to start)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import httpx
import pytest

from demo.server import LoopbackServer, demo_server
from flows.serve import free_port
from flows.steps import current_versions
from warehouse.db import Warehouse

pytestmark = pytest.mark.service

CHROMIUM = "/usr/bin/chromium"
# What the machine's closed network needs (no background look-ups), as root in a container.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
TERMINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


@dataclass
class Running:
    """`conflictwire serve` running in its own process, and the demo sites it ingests from."""

    process: subprocess.Popen[str]
    output: Output
    api_url: str
    ui_url: str
    demo: LoopbackServer
    db: Path
    logs: Path

    def check(self) -> None:
        if self.process.poll() is not None:
            raise AssertionError(f"conflictwire serve exited ({self.process.returncode}); logs in {self.logs}")

    def api(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        # Prefect's server answers 503 while its SQLite database is busy (a worker writing run
        # states at the same moment); a client retries that, as Prefect's own client does
        for attempt in range(5):
            response = httpx.request(method, f"{self.api_url}{path}", json=body, timeout=30.0)
            if response.status_code != 503 or attempt == 4:
                break
            time.sleep(1.0 + attempt)
        response.raise_for_status()
        return response.json()

    def deployment(self, name: str) -> dict[str, Any]:
        (found,) = self.api("POST", "/deployments/filter", {"deployments": {"name": {"any_": [name]}}})
        return dict(found)

    def run(self, name: str, parameters: dict[str, Any]) -> dict[str, Any]:
        """Start a run the way the UI's custom-run form does, and wait for it to end."""
        run = self.api("POST", f"/deployments/{self.deployment(name)['id']}/create_flow_run",
                       {"parameters": parameters, "state": {"type": "SCHEDULED"}})
        return self.wait(run["id"])

    def wait(self, flow_run_id: str, timeout: float = 240.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.check()
            run = self.api("GET", f"/flow_runs/{flow_run_id}")
            if run["state_type"] in TERMINAL:
                return dict(run)
            time.sleep(1.0)
        raise AssertionError(f"flow run {flow_run_id} did not finish in {timeout:.0f} s: {run['state_type']}")

    def logs_of(self, flow_run_id: str, logger: str, text: str, timeout: float = 60.0) -> list[str]:
        """The run's log messages, once one from ``logger`` containing ``text`` has arrived (a
        run's process sends its last batch of logs as it exits, after its final state)."""
        deadline = time.monotonic() + timeout
        while True:
            logs = self.api("POST", "/logs/filter", {"logs": {"flow_run_id": {"any_": [flow_run_id]}}})
            if any(log["name"] == logger and text in log["message"] for log in logs) or time.monotonic() > deadline:
                return [f"{log['name']}: {log['message']}" for log in logs]
            time.sleep(0.5)

    def query(self, sql: str, **params: Any) -> list[tuple[Any, ...]]:
        with Warehouse(self.db) as wh:
            return wh.con.execute(sql, params or None).fetchall()

    def make_stale(self) -> None:
        self.query("UPDATE articles SET figures_version = 'figures-old'")


class Output:
    """The lines a process prints, read by a thread as they come (select() on a buffered pipe
    misses lines already read into the buffer)."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(process,), daemon=True)
        self._thread.start()

    def _read(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            self.lines.append(line)

    def wait_for(self, text: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(text in line for line in self.lines):
                return "".join(self.lines)
            time.sleep(0.2)
        raise AssertionError(f"no {text!r} from conflictwire serve in {timeout:.0f} s:\n{''.join(self.lines)}")

    def text(self) -> str:
        self._thread.join(timeout=10)
        return "".join(self.lines)


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    folder = tmp_path_factory.mktemp("service")
    db = folder / "warehouse.duckdb"
    port = free_port()
    with demo_server() as demo:
        env = {
            **os.environ,
            "PREFECT_HOME": str(folder / "prefect-home"),  # a new machine's: empty
            "CONFLICTWIRE_SERVE_PORT": str(port),
            "CONFLICTWIRE_DAILY_HOUR": "7",
            "CONFLICTWIRE_DB": str(db),
            "CONFLICTWIRE_FEEDS": str(files("demo").joinpath("feeds.toml")),
            "CONFLICTWIRE_PROXY": demo.proxy_url,
            "CONFLICTWIRE_PER_HOST_INTERVAL": "0",
            "PREFECT_WORKER_QUERY_SECONDS": "1",  # the worker picks runs up within a second
            "COLUMNS": "200",
        }
        env.pop("PREFECT_API_URL", None)
        process = subprocess.Popen([sys.executable, "-m", "flows.cli", "serve"], env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            out = Output(process)
            output = out.wait_for("Ctrl-C stops everything", timeout=300)
            assert f"UI:   http://127.0.0.1:{port}" in output and f"API:  http://127.0.0.1:{port}/api" in output
            running = Running(process, out, f"http://127.0.0.1:{port}/api", f"http://127.0.0.1:{port}", demo, db,
                              folder / "prefect-logs")
            first = running.run("daily-ingest", {})
            assert first["state_type"] == "COMPLETED", (running.logs / "worker.log").read_text()[-3000:]
            yield running
        finally:
            if process.poll() is None:  # a test failed before the Ctrl-C test: stop it the same way
                process.send_signal(signal.SIGINT)
                try:
                    process.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    process.kill()


def test_prefect_yaml_deploys_a_daily_schedule_at_the_configured_hour_and_a_backfill_form(running: Running) -> None:
    daily = running.deployment("daily-ingest")
    assert [s["schedule"]["cron"] for s in daily["schedules"]] == ["0 7 * * *"]
    assert daily["schedules"][0]["schedule"]["timezone"] == "UTC"
    form = running.deployment("backfill")["parameter_openapi_schema"]
    assert form["required"] == ["start_date", "end_date"]
    properties = form["properties"]
    assert properties["start_date"]["format"] == properties["end_date"]["format"] == "date"
    assert properties["mode"]["enum"] == ["reprocess", "refetch"]
    assert all(p.get("description") for p in properties.values())  # the form explains every field
    assert "settings" not in properties and "settings" not in daily["parameter_openapi_schema"]["properties"]


def test_the_daily_deployment_loads_the_demo_and_its_run_shows_our_logs_and_artifact(running: Running) -> None:
    assert running.query("SELECT count(*) FROM articles") == [(10,)]
    (flow_run_id,) = running.query("SELECT flow_run_id FROM runs WHERE flow = 'daily-ingest'")[0]
    logs = running.logs_of(flow_run_id, "flows.ingest", "4 feeds polled")
    assert any(line.startswith("flows.ingest: 4 feeds polled") for line in logs), logs
    (artifact,) = running.api("POST", "/artifacts/filter", {"artifacts": {"flow_run_id": {"any_": [flow_run_id]}}})
    assert artifact["key"] == "daily-ingest" and "| articles new | 10 |" in artifact["data"]


def test_a_custom_backfill_run_through_the_api_reprocesses_the_range(running: Running) -> None:
    running.make_stale()
    run = running.run("backfill", {"start_date": "2026-11-26", "end_date": "2026-11-28", "mode": "reprocess"})
    assert run["state_type"] == "COMPLETED"
    current = current_versions().figures_version
    assert running.query("SELECT count(*) FILTER (WHERE figures_version = $v), count(*) FROM articles",
                         v=current) == [(8, 10)]
    (artifact,) = running.api("POST", "/artifacts/filter", {"artifacts": {"flow_run_id": {"any_": [run["id"]]}}})
    assert artifact["key"] == "backfill" and "| articles reprocessed | 8 |" in artifact["data"]
    logs = running.logs_of(run["id"], "flows.backfill", "2026-11-28: 5 of 5 out-of-date articles reprocessed")
    assert "flows.backfill: 2026-11-28: 5 of 5 out-of-date articles reprocessed" in logs, logs


def test_an_operator_starts_a_backfill_from_the_ui_form_and_sees_it_complete(running: Running) -> None:
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: install Debian's chromium "
                    "(`apt-get install chromium`, as .ci/run does) to run the UI test")
    from playwright.sync_api import expect, sync_playwright

    running.make_stale()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{running.ui_url}/deployments")
            page.get_by_role("link", name="backfill", exact=True).first.click()
            page.get_by_role("button", name="Run", exact=True).click()
            page.get_by_text("Custom run").click()
            run_name = page.get_by_role("textbox").first.input_value()  # the form's generated "Run Name"
            assert run_name
            for position, day in enumerate(("2026-11-26", "2026-11-28")):  # the date pickers
                page.locator(".p-date-button__control").nth(position).click()
                page.locator("input[type=date]:visible").fill(day)
                page.get_by_role("button", name="Apply").click()
            expect(page.get_by_text("Nov 26th, 2026")).to_be_visible()
            select = page.locator(".p-select-button__control").first
            select.click()
            if not page.get_by_role("option", name="refetch").is_visible():
                select.press("ArrowDown")  # the select opens on the keyboard when a click only focuses it
            page.get_by_role("option", name="reprocess").click()
            page.get_by_role("button", name="Submit").click()
            expect(page.get_by_text(f"{run_name} scheduled to start now").first).to_be_visible()  # the toast
            page.get_by_role("button", name="View run").first.click(force=True)  # the toast still slides in
            # the run's state badge in the page heading follows the run: Submitting, Pending, Running ...
            badge = page.locator(".page-heading-flow-run__meta .state-badge")
            expect(badge).to_have_text("Completed", timeout=240_000)
            page.screenshot(path=str(running.db.parent / "ui-backfill-completed.png"))
        finally:
            browser.close()

    deployment_id = running.deployment("backfill")["id"]
    runs = running.api("POST", "/flow_runs/filter", {"deployments": {"id": {"any_": [deployment_id]}},
                                                      "sort": "EXPECTED_START_TIME_DESC", "limit": 1})
    assert runs[0]["name"] == run_name
    assert runs[0]["parameters"] == {"start_date": "2026-11-26", "end_date": "2026-11-28", "mode": "reprocess",
                                     "feeds": None}
    assert runs[0]["state_type"] == "COMPLETED"
    current = current_versions().figures_version
    assert running.query("SELECT count(*) FROM articles WHERE figures_version = $v", v=current) == [(8,)]


def test_the_cli_runs_its_flows_on_the_server_prefect_api_url_names(running: Running) -> None:
    env = {**os.environ, "PREFECT_API_URL": running.api_url}
    command = [sys.executable, "-m", "flows.cli", "backfill", "--start", "2026-11-26", "--end", "2026-11-26",
               "--db", str(running.db), "--feeds", str(files("demo").joinpath("feeds.toml"))]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Starting temporary server" not in done.stdout + done.stderr  # no ephemeral server
    runs = running.api("POST", "/flow_runs/filter", {"flow_runs": {"deployment_id": {"is_null_": True}},
                                                      "flows": {"name": {"any_": ["backfill"]}}})
    assert [(r["parameters"]["start_date"], r["state_type"]) for r in runs] == [("2026-11-26", "COMPLETED")]


def test_ctrl_c_stops_the_worker_and_the_server_and_frees_the_port(running: Running) -> None:
    running.process.send_signal(signal.SIGINT)
    running.process.wait(timeout=60)
    output = running.output.text()
    assert running.process.returncode == 0, output
    assert "stopping the worker and the server" in output
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{running.api_url}/health", timeout=5.0)
