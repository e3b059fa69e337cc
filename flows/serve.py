"""An operated conflictwire on one machine: a Prefect server with its UI on loopback, the
``conflictwire`` process work pool, the deployments of ``prefect.yaml`` and a worker.

``conflictwire serve`` (``make serve``) runs it in the foreground until Ctrl-C; the integration
tests start the same ``PrefectService`` on a free port. Every part is a real Prefect process
started with its own command line, the way an operator would start it by hand.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import FrameType
from typing import IO

import httpx

from flows.settings import Settings

logger = logging.getLogger(__name__)

POOL = "conflictwire"
PROJECT_DIR = Path(__file__).resolve().parents[1]
# A fresh PREFECT_HOME means a new SQLite database and all its migrations: 7-12 s on an idle
# machine, several times that on a loaded one.
STARTUP_TIMEOUT = 240.0


class ServiceError(RuntimeError):
    """A part of the service did not start; the message says which and where its log is."""


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _port_taken(host: str, port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex((host, port)) == 0


class PrefectService:
    """``with PrefectService(settings) as service: ...`` starts everything and stops it on exit.

    ``env`` is added to this process's environment for every process it starts (the worker's
    flow runs inherit it: that is how ``CONFLICTWIRE_*`` settings reach deployments). Logs of the
    server, the set-up commands and the worker go to ``log_dir`` (default: ``prefect-logs`` beside
    the warehouse file)."""

    def __init__(self, settings: Settings, *, env: dict[str, str] | None = None, log_dir: Path | None = None,
                 project_dir: Path = PROJECT_DIR, poll_seconds: float = 5.0,
                 worker_output: IO[str] | None = None) -> None:
        self.host, self.port = settings.serve_host, settings.serve_port
        self.project_dir = project_dir
        self.log_dir = (log_dir or settings.db.parent / "prefect-logs").resolve()
        self.worker_output = worker_output
        self.env = {
            **os.environ,
            "PREFECT_API_URL": self.api_url,
            # the UI asks this address for the API: the same host and port it is served from
            "PREFECT_UI_API_URL": self.api_url,
            "PREFECT_UI_URL": self.ui_url,
            "PREFECT_SERVER_API_HOST": self.host,
            "PREFECT_SERVER_API_PORT": str(self.port),
            "PREFECT_WORKER_QUERY_SECONDS": str(poll_seconds),
            "PREFECT_WORKER_PREFETCH_SECONDS": str(max(poll_seconds * 2, 10)),
            "CONFLICTWIRE_DAILY_HOUR": str(settings.daily_hour),
            **(env or {}),
        }
        self.processes: dict[str, subprocess.Popen[bytes]] = {}

    @property
    def api_url(self) -> str:
        return f"http://{self.host}:{self.port}/api"

    @property
    def ui_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self, timeout: float = STARTUP_TIMEOUT) -> PrefectService:
        if _port_taken(self.host, self.port):
            raise ServiceError(f"port {self.port} on {self.host} is in use: stop what holds it or set "
                               "CONFLICTWIRE_SERVE_PORT (conflictwire serve --port)")
        self.log_dir.mkdir(parents=True, exist_ok=True)
        try:
            self._spawn("server", ["server", "start", "--host", self.host, "--port", str(self.port)])
            self._wait_healthy(timeout)
            self._prefect(["work-pool", "create", POOL, "--type", "process", "--overwrite"])
            # DuckDB takes one writing process per file: runs of the pool go one at a time.
            self._prefect(["work-pool", "set-concurrency-limit", POOL, "1"])
            self._prefect(["--no-prompt", "deploy", "--all"])
            self._spawn("worker", ["worker", "start", "--pool", POOL, "--type", "process",
                                   "--name", "conflictwire-worker"], output=self.worker_output)
        except BaseException:
            self.stop()
            raise
        logger.info("Prefect UI at %s (API %s)", self.ui_url, self.api_url)
        return self

    def stop(self, grace: float = 20.0) -> None:
        """Stop the worker first (it cancels nothing: a running flow run is left to finish or be
        marked crashed by the server), then the server."""
        for name in ("worker", "server"):
            process = self.processes.pop(name, None)
            if process is None or process.poll() is not None:
                continue
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(grace)
            except subprocess.TimeoutExpired:
                logger.warning("%s did not stop within %.0f s: killing it", name, grace)
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def __enter__(self) -> PrefectService:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def check(self) -> None:
        """Raise when the server or the worker has exited."""
        for name, process in self.processes.items():
            if process.poll() is not None:
                raise ServiceError(f"the Prefect {name} exited with status {process.returncode}; "
                                   f"see {self.log_dir / (name + '.log')}")

    # -- parts -------------------------------------------------------------------------------
    def _command(self, args: list[str]) -> list[str]:
        return [sys.executable, "-m", "prefect", *args]

    def _spawn(self, name: str, args: list[str], output: IO[str] | None = None) -> None:
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115  (the process owns it until it exits)
        self.processes[name] = subprocess.Popen(
            self._command(args), cwd=self.project_dir, env=self.env, stdin=subprocess.DEVNULL,
            stdout=output or log, stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches us alone: we stop the worker before the server
            # the worker waits for a server that is gone on SIGTERM: it gets SIGKILL
            preexec_fn=partial(_die_with_parent, signal.SIGKILL if name == "worker" else signal.SIGTERM),
        )

    def _prefect(self, args: list[str]) -> None:
        done = subprocess.run(self._command(args), cwd=self.project_dir, env=self.env, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=300, check=False)
        with (self.log_dir / "setup.log").open("a") as log:
            log.write(f"$ prefect {' '.join(args)}\n{done.stdout}{done.stderr}\n")
        if done.returncode != 0:
            raise ServiceError(f"`prefect {' '.join(args)}` failed ({done.returncode}):\n{done.stdout}{done.stderr}")

    def _wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.check()
            try:
                if httpx.get(f"{self.api_url}/health", timeout=2.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise ServiceError(f"the Prefect server was not healthy after {timeout:.0f} s; "
                           f"see {self.log_dir / 'server.log'}")


def _die_with_parent(signum: int) -> None:
    """In the child, before exec: have Linux send ``signum`` when ``conflictwire serve`` dies,
    even by SIGKILL, so no server or worker outlives it. Elsewhere a no-op."""
    if sys.platform != "linux":
        return
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signum)


def serve_forever(settings: Settings, say: Callable[[str], object]) -> int:
    """Run the service until Ctrl-C (or SIGTERM), telling the operator what happens through
    ``say``; returns the exit status."""
    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    service = PrefectService(settings, worker_output=None)
    say(f"starting the Prefect server on {service.ui_url} (logs in {service.log_dir}) ...")
    try:
        service.start()
        say(f"\nconflictwire is being served.\n  UI:   {service.ui_url}\n  API:  {service.api_url}\n"
            f"  pool: {POOL} (a process worker is running)\n  deployments: daily-ingest/daily-ingest "
            f"(every day at {settings.daily_hour:02d}:00 UTC), backfill/backfill\n"
            f"Open {service.ui_url}/deployments to start a backfill. Ctrl-C stops everything.")
        while True:
            service.check()
            time.sleep(1.0)
    except KeyboardInterrupt:
        say("\nstopping the worker and the server ...")
        return 0
    except ServiceError as exc:
        say(f"error: {exc}")
        return 1
    finally:
        service.stop()
