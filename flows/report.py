"""A static, self-contained HTML report of the snapshot: plotly with its library embedded (works
offline, no CDN), so it opens from a file, a mail or a run artifact anywhere."""

from __future__ import annotations

import html
import logging
from pathlib import Path

import duckdb
import plotly.graph_objects as go

from transforms.timeutil import utcnow

logger = logging.getLogger(__name__)

TOP_CLAIMS = 25


def build_report(con: duckdb.DuckDBPyConnection, title: str = "conflictwire") -> str:
    """The report's HTML: daily deaths and displacement by country, the top claims with their
    sources, feed health."""
    sections = []
    for kind_class, label in (("deaths", "Daily deaths by country"), ("displacement", "Daily displacement by country")):
        rows = con.execute(
            "SELECT day, coalesce(country_iso3, 'unknown'), sum(total) FROM daily_totals WHERE kind_class = $k "
            "AND day IS NOT NULL GROUP BY ALL ORDER BY 1", {"k": kind_class}).fetchall()
        figure = go.Figure()
        for country in sorted({r[1] for r in rows}):
            mine = [r for r in rows if r[1] == country]
            figure.add_trace(go.Bar(x=[str(r[0]) for r in mine], y=[int(r[2] or 0) for r in mine], name=country))
        figure.update_layout(barmode="stack", title=label, xaxis_title="day",
                             yaxis_title="people (claims counted once)")
        sections.append((label, figure))
    claims = con.execute(
        "SELECT kind, best, sources, coalesce(country_iso3, ''), coalesce(place, ''), "
        "coalesce(CAST(event_date_start AS VARCHAR), ''), sentences[1] FROM figure_claims "
        "WHERE modality = 'asserted' ORDER BY sources DESC, best DESC LIMIT $n", {"n": TOP_CLAIMS}).fetchall()
    sections.append(("Top claims", _table(["kind", "best", "sources", "country", "place", "date", "sentence"], claims)))
    feeds = con.execute(
        "SELECT feed_id, status, coalesce(CAST(last_success_at AS VARCHAR), 'never'), consecutive_failures, "
        "articles_7d, figures_7d, open_errors FROM feed_health ORDER BY feed_id").fetchall()
    sections.append(("Feed health", _table(["feed", "status", "last success", "failures in a row", "articles 7d",
                                            "figures 7d", "open errors"], feeds)))
    parts = [f"<h1>{html.escape(title)}</h1><p>Generated {utcnow():%Y-%m-%d %H:%M} UTC from the snapshot.</p>"]
    for i, (label, figure) in enumerate(sections):
        parts.append(f"<section><h2>{html.escape(label)}</h2>")
        parts.append(figure.to_html(full_html=False, include_plotlyjs=(i == 0), div_id=f"plot-{i}"))
        parts.append("</section>")
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>" + html.escape(title) + "</title></head>"
            "<body style='font-family: sans-serif; max-width: 1100px; margin: auto'>" + "".join(parts)
            + "</body></html>")


def _table(header: list[str], rows: list[tuple[object, ...]]) -> go.Figure:
    columns = [[str(r[i]) for r in rows] for i in range(len(header))]
    figure = go.Figure(go.Table(header={"values": header}, cells={"values": columns, "align": "left"}))
    figure.update_layout(height=120 + 30 * max(len(rows), 1))
    return figure


def write_report(snapshot: Path, out: Path, title: str = "conflictwire") -> Path:
    with duckdb.connect(str(snapshot), read_only=True) as con:
        text = build_report(con, title)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
    logger.info("report written: %s (%.1f MB)", out, out.stat().st_size / 1e6)
    return out
