"""The ``conflictwire`` command."""

from __future__ import annotations

import logging
from datetime import date, datetime
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any, cast

import typer
from rich.console import Console
from rich.table import Table

from flows.settings import Settings

app = typer.Typer(help="conflictwire: casualty and displacement figures from the news, in DuckDB.",
                  no_args_is_help=True, add_completion=False)
console = Console(width=120)
logger = logging.getLogger(__name__)

# The demo's older day: one story has left its feed and only the site's sitemap lists it.
DEMO_BACKFILL_DAY = date(2026, 11, 20)

DbOption = Annotated[
    Path | None, typer.Option("--db", help="DuckDB file (default: CONFLICTWIRE_DB or data/conflictwire.duckdb)")
]


def _settings(**overrides: Any) -> Settings:
    return Settings(**{k: v for k, v in overrides.items() if v is not None})


@app.command()
def run(
    feeds: Annotated[Path | None, typer.Option(help="feed list (TOML)")] = None,
    db: DbOption = None,
    max_articles: Annotated[int | None, typer.Option(help="fetch at most this many pages")] = None,
) -> None:
    """Run the daily ingest flow once, locally (Prefect's ephemeral mode: no server needed)."""
    settings = _settings(feeds=feeds, db=db, max_articles=max_articles)
    _run_and_report(settings)


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="DuckDB file for the demo")] = Path("data/demo.duckdb"),
) -> None:
    """Serve the bundled demo sites on loopback, run the daily ingest flow on them, then a refetch
    backfill of an older day from the sites' sitemaps, and print what was loaded. Run it twice:
    the second run finds nothing new."""
    from demo.server import demo_server
    from flows.backfill import backfill as backfill_flow
    from flows.settings import use_settings

    with demo_server() as server:
        settings = _settings(
            db=db,
            feeds=Path(str(files("demo").joinpath("feeds.toml"))),
            proxy=server.proxy_url,
            per_host_interval=0.05,
        )
        _run_and_report(settings, summary=False)
        with use_settings(settings):
            found = backfill_flow(DEMO_BACKFILL_DAY, DEMO_BACKFILL_DAY, "refetch")
        console.print(f"backfill {found['run_id']} {found['status']}: refetch of {DEMO_BACKFILL_DAY} found "
                      f"{found['entries_found']} articles in {found['sitemaps_read']} sitemaps, "
                      f"{found['already_stored']} stored already, {found['articles_new']} new")
        _print_summary(settings.db)
        pages = sum(n for key, n in server.hits.items() if not key.endswith((".xml", ".rdf", ".json", "/robots.txt")))
        console.print(f"article page requests this run: {pages}")


@app.command()
def backfill(
    start: Annotated[datetime, typer.Option(formats=["%Y-%m-%d"], help="first publication day (UTC)")],
    end: Annotated[datetime, typer.Option(formats=["%Y-%m-%d"], help="last publication day (UTC), included")],
    mode: Annotated[str, typer.Option(help="reprocess (stored pages, no network) or refetch (sitemaps and feeds)")]
    = "reprocess",
    feed: Annotated[list[str] | None, typer.Option(help="limit to this feed (repeat for several)")] = None,
    feeds: Annotated[Path | None, typer.Option("--feeds", help="feed list (TOML)")] = None,
    db: DbOption = None,
) -> None:
    """Run the backfill flow locally over a date range: the same flow the `backfill` deployment runs."""
    from flows.backfill import Mode
    from flows.backfill import backfill as backfill_flow
    from flows.settings import use_settings

    if mode not in ("reprocess", "refetch"):
        raise typer.BadParameter("mode must be reprocess or refetch", param_hint="--mode")
    settings = _settings(feeds=feeds, db=db)
    with use_settings(settings):
        result = backfill_flow(start.date(), end.date(), cast(Mode, mode), feed or None)
    console.print(f"backfill {result.pop('run_id')} {result.pop('status')}: "
                  + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in result.items()))


@app.command()
def serve(
    port: Annotated[int | None, typer.Option(help="port of the Prefect API and UI (CONFLICTWIRE_SERVE_PORT)")] = None,
) -> None:
    """Start an operated service on loopback: a Prefect server with its UI, the `conflictwire` process
    work pool, both deployments of prefect.yaml and a worker. Ctrl-C stops it all."""
    from flows.serve import serve_forever

    raise typer.Exit(serve_forever(_settings(serve_port=port), console.print))


@app.command()
def feeds(db: DbOption = None) -> None:
    """List every feed's state: active or dead, last success, consecutive failures, the last
    error and, for a dead feed, when it is polled next."""
    settings = _settings(db=db)
    with settings.open_warehouse() as wh:
        rows = wh.rows("feed_report")
    table = Table(title=f"Feeds ({settings.db})")
    for column in ("feed", "status", "last success", "failures", "last status", "last error", "next poll", "entries"):
        table.add_column(column, overflow="fold")
    for feed_id, status, success, failures, last_status, error, next_check, entries in rows:
        table.add_row(feed_id, status, f"{success:%Y-%m-%d %H:%M}" if success else "never", str(failures),
                      str(last_status or ""), error or "", f"{next_check:%Y-%m-%d}" if next_check else "every run",
                      str(entries if entries is not None else ""))
    console.print(table)


@app.command()
def summary(db: DbOption = None) -> None:
    """Print articles per feed and open errors from the warehouse."""
    _print_summary(_settings(db=db).db)


@app.command("extract-figures")
def extract_figures_command(
    input_path: Annotated[Path, typer.Argument(metavar="INPUT.jsonl", help="one document a line: id, text, published")],
    output: Annotated[Path, typer.Option("-o", "--output", help="where to write one figure a line")],
) -> None:
    """Extract casualty and displacement figures from a JSONL file of documents.

    Bad lines (not JSON, no text) are reported on stderr with their line number and skipped;
    the exit status is 1 when there were any, 0 otherwise."""
    from flows.extract_cli import extract_stream

    err = Console(stderr=True)
    with input_path.open(encoding="utf-8") as source, output.open("w", encoding="utf-8") as sink:
        documents, figures, errors = extract_stream(source, sink)
    err.print(f"{documents} documents, {figures} figures, {len(errors)} bad lines skipped")
    raise typer.Exit(1 if errors else 0)


@app.command("classify-context")
def classify_context_command(
    input_path: Annotated[Path, typer.Argument(metavar="INPUT.jsonl", help="one document a line: id, text, published")],
    output: Annotated[Path, typer.Option("-o", "--output", help="where to write one context a document")],
) -> None:
    """Classify each document as about conflict, a disaster, or other: one line a document with
    doc_id, context and confidence. Bad lines are reported on stderr and skipped (exit status 1)."""
    from flows.extract_cli import classify_stream

    err = Console(stderr=True)
    with input_path.open(encoding="utf-8") as source, output.open("w", encoding="utf-8") as sink:
        documents, _, errors = classify_stream(source, sink)
    err.print(f"{documents} documents classified, {len(errors)} bad lines skipped")
    raise typer.Exit(1 if errors else 0)


@app.command("extract-stored")
def extract_stored(db: DbOption = None) -> None:
    """Run the figure extractor again over every stored article, replacing its figures (after an
    extractor upgrade); raw pages and articles are untouched."""
    from transforms.figures import EXTRACTOR_VERSION
    from transforms.timeutil import utcnow
    from warehouse.figures import reextract

    settings = _settings(db=db)
    from warehouse.analyst import refresh_and_publish

    with settings.open_warehouse() as wh:
        articles, figures = reextract(wh, f"reextract-{utcnow():%Y%m%dT%H%M%SZ}", EXTRACTOR_VERSION)
        refresh_and_publish(wh, settings.snapshot)
    console.print(f"{articles} articles re-extracted: {figures} figures")


def _run_and_report(settings: Settings, summary: bool = True) -> None:
    from flows.ingest import daily_ingest
    from flows.settings import use_settings

    with use_settings(settings):
        result = daily_ingest()
    console.print(
        f"run {result['run_id']} {result['status']}: {result['feeds_checked']} feeds checked "
        f"({result['feeds_unchanged']} unchanged, {result['feeds_failed']} failed), "
        f"{result['entries_new']} new entries, {result['pages_fetched']} pages fetched, "
        f"{result['articles_new']} new articles, {result['figures_new']} figures, {result['errors']} errors"
    )
    if summary:
        _print_summary(settings.db)


def _print_summary(db: Path) -> None:
    from warehouse.db import Warehouse

    with Warehouse(db) as wh:
        per_feed = wh.rows("articles_per_feed")
        errors = wh.rows("open_errors")
        articles, aliases, raw_pages, open_errors = wh.rows("table_counts")[0]
        per_kind = wh.rows("figures_per_kind")
        examples = wh.rows("figure_examples", limit=8)
    table = Table(title=f"Articles per feed ({db})")
    for column in ("feed", "entries", "articles"):
        table.add_column(column, justify="left" if column == "feed" else "right")
    for feed_id, entries, count in per_feed:
        table.add_row(feed_id, str(entries), str(count))
    console.print(table)
    console.print(f"{articles} articles stored once each ({aliases} duplicate or syndicated URLs point at them), "
                  f"{raw_pages} raw pages kept")
    kinds = Table(title="Figures per kind (totals: asserted, not part of another figure)")
    for column in ("kind", "figures", "incident total", "cumulative total"):
        kinds.add_column(column, justify="left" if column == "kind" else "right")
    for kind, count, incident, cumulative in per_kind:
        kinds.add_row(kind, str(count), str(incident or 0), str(cumulative or 0))
    console.print(kinds)
    if examples:
        sample = Table(title="Some figures and the sentences they came from")
        for column in ("kind", "group", "best", "qualifier", "as written", "place", "date", "sentence"):
            sample.add_column(column, overflow="fold")
        for kind, group, best, qualifier, text, place, when, sentence in examples:
            sample.add_row(kind, group, str(best), qualifier, text, place, when, sentence)
        console.print(sample)
    if errors:
        err = Table(title=f"Open ingest errors ({open_errors})")
        for column in ("stage", "kind", "status", "url", "reason", "attempts"):
            err.add_column(column, overflow="fold")
        for row in errors:
            err.add_row(*(str(v) for v in row))
        console.print(err)
    else:
        console.print("no open ingest errors")


if __name__ == "__main__":
    app()


# -- the analyst's commands: they read the snapshot, never the warehouse a run is writing ---------

def _analyst_failure(exc: Exception) -> typer.Exit:
    console.print(f"[red]{exc}[/red]")
    return typer.Exit(2)


@app.command("sql")
def sql_command(
    query: Annotated[str, typer.Argument(help="a SELECT over the snapshot's tables and views")],
    fmt: Annotated[str, typer.Option("--format", help="table, csv, json or parquet")] = "table",
    out: Annotated[Path | None, typer.Option("--out", help="write the result here instead")] = None,
    db: DbOption = None,
) -> None:
    """Run SQL on the read-only snapshot (it never waits for, nor blocks, a running ingest)."""
    import duckdb

    from flows.analyst import AnalystError, run_sql, write_result

    try:
        frame = run_sql(_settings(db=db), query)
        if fmt == "table" and out is None:
            table = Table(show_lines=False)
            for column in frame.columns:
                table.add_column(column, overflow="fold")
            for row in frame.iter_rows():
                table.add_row(*("" if v is None else str(v) for v in row))
            console.print(table)
            console.print(f"{frame.height} rows")
            return
        text = write_result(frame, "csv" if fmt == "table" else fmt, out)
    except (AnalystError, duckdb.Error) as exc:
        raise _analyst_failure(exc) from exc
    if text is not None:
        typer.echo(text, nl=False)


@app.command()
def shell(db: DbOption = None) -> None:
    """Open the DuckDB CLI read-only on the snapshot (a small Python shell without the CLI)."""
    from flows.analyst import AnalystError
    from flows.analyst import shell as open_shell

    try:
        open_shell(_settings(db=db))
    except AnalystError as exc:
        raise _analyst_failure(exc) from exc


@app.command()
def review(
    figure_id: Annotated[str, typer.Argument(help="the figure's figure_id")],
    set_: Annotated[list[str] | None, typer.Option("--set", help="FIELD=VALUE: best, low, high, kind, group, "
                                                   "place, country_iso3 (repeatable)")] = None,
    note: Annotated[str | None, typer.Option("--note", help="why")] = None,
    reject: Annotated[bool, typer.Option("--reject", help="the figure is wrong: leave it out")] = False,
    reviewer: Annotated[str | None, typer.Option("--reviewer")] = None,
    db: DbOption = None,
) -> None:
    """Correct or reject a figure. The review survives re-extraction and backfills; claims, views
    and the snapshot apply it at once."""
    from flows.analyst import AnalystError
    from flows.analyst import review as record_review

    changes = {}
    for item in set_ or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise _analyst_failure(ValueError(f"--set {item!r}: use FIELD=VALUE"))
        changes[key.strip()] = value.strip()
    try:
        row = record_review(_settings(db=db), figure_id, changes, note, reject, reviewer)
    except AnalystError as exc:
        raise _analyst_failure(exc) from exc
    console.print(f"figure {figure_id} {'rejected' if reject else 'reviewed: ' + str(changes)}"
                  f" ({row['article_key']} at {row['start_offset']})")


@app.command()
def export(out: Annotated[Path, typer.Option("--out", help="folder for the Parquet export")],
           db: DbOption = None) -> None:
    """Write Parquet partitioned by date (hive layout: figures/date=2026-11-28/...) for other engines."""
    from flows.analyst import AnalystError
    from flows.analyst import export as write_export

    try:
        counts = write_export(_settings(db=db), out)
    except AnalystError as exc:
        raise _analyst_failure(exc) from exc
    console.print(", ".join(f"{n} {name}" for name, n in counts.items()) + f" written to {out}")


@app.command()
def report(out: Annotated[Path, typer.Option("--out", help="the HTML file")] = Path("report.html"),
           db: DbOption = None) -> None:
    """Write a self-contained HTML report (plots work offline) from the snapshot."""
    from flows.report import write_report

    settings = _settings(db=db)
    if not settings.snapshot.exists():
        raise _analyst_failure(FileNotFoundError(f"no snapshot at {settings.snapshot} yet: run `conflictwire run`"))
    console.print(f"report written to {write_report(settings.snapshot, out)}")


@app.command()
def dictionary(out: Annotated[Path | None, typer.Option("--out", help="write the markdown here")] = None) -> None:
    """Print (or write) the data dictionary generated from the warehouse's comments."""
    from flows.analyst import fresh_dictionary

    text = fresh_dictionary()
    if out is None:
        typer.echo(text)
    else:
        out.write_text(text, encoding="utf-8")
