"""What a run did, as a Prefect markdown artifact on the run's page in the UI: its counts,
the figures it loaded by kind and country, the errors it left open by stage, and the feeds
that were unchanged or failed. Rendering is a plain function; publishing needs a flow run."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from flows.settings import Settings

logger = logging.getLogger(__name__)


def render_run(title: str, run_id: str, status: str, counts: Mapping[str, int],
               figures: Sequence[tuple[Any, ...]], errors: Sequence[tuple[Any, ...]],
               feeds_unchanged: Sequence[str] = (), feeds_failed: Sequence[str] = (),
               parameters: Mapping[str, Any] | None = None, report: Path | None = None) -> str:
    """Markdown for one run. ``figures``: (kind, country, figures, total) rows; ``errors``:
    (stage, kind, errors, example reason) rows."""
    lines = [f"# {title}", "", f"Run `{run_id}`: **{status}**", ""]
    if report is not None:
        lines += [f"Report: [{report.name}]({report.resolve().as_uri()}) (plots of daily totals, top claims, "
                  "feed health; opens offline)", ""]
    if parameters:
        lines += ["| parameter | value |", "|---|---|"]
        lines += [f"| {name} | {_cell(value)} |" for name, value in parameters.items()]
        lines.append("")
    lines += ["| count | value |", "|---|---:|"]
    lines += [f"| {name.replace('_', ' ')} | {value} |" for name, value in counts.items()]
    lines += ["", "## Figures loaded, by kind and country", ""]
    if figures:
        lines += ["| kind | country | figures | total (asserted, counted once) |", "|---|---|---:|---:|"]
        lines += [f"| {kind} | {country} | {n} | {total if total is not None else ''} |"
                  for kind, country, n, total in figures]
    else:
        lines.append("No figures loaded.")
    lines += ["", "## Errors left open, by stage", ""]
    if errors:
        lines += ["| stage | kind | errors | example reason |", "|---|---|---:|---|"]
        lines += [f"| {stage} | {kind} | {n} | {_cell(example)} |" for stage, kind, n, example in errors]
    else:
        lines.append("No errors.")
    if feeds_unchanged or feeds_failed:
        lines += ["", "## Feeds", ""]
        if feeds_unchanged:
            lines.append(f"Unchanged ({len(feeds_unchanged)}): " + ", ".join(feeds_unchanged))
        if feeds_failed:
            lines += ["", f"Failed ({len(feeds_failed)}): " + ", ".join(feeds_failed)]
    return "\n".join(lines) + "\n"


def publish_run(settings: Settings, key: str, title: str, run_id: str, status: str, counts: Mapping[str, int],
                feeds_unchanged: Sequence[str] = (), feeds_failed: Sequence[str] = (),
                parameters: Mapping[str, Any] | None = None, report: Path | None = None) -> str:
    """Publish the run's markdown artifact under ``key`` (its history is the run history of that
    flow) and return the markdown."""
    from prefect.artifacts import create_markdown_artifact

    with settings.open_warehouse() as wh:
        figures = wh.rows("run_figures", run_id=run_id)
        errors = wh.rows("run_errors", run_id=run_id)
    markdown = render_run(title, run_id, status, counts, figures, errors, feeds_unchanged, feeds_failed, parameters,
                          report)
    create_markdown_artifact(markdown=markdown, key=key, description=f"{title}: {status}")
    return markdown


def _cell(value: object) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
    return text.replace("|", "\\|").replace("\n", " ")[:200]
