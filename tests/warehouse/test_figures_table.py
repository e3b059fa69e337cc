"""The figures table: loaded with each new article, replaced (never duplicated) on re-extraction."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

from transforms.figures import EXTRACTOR_VERSION, extract_figures
from transforms.records import ArticleRow, RawPage
from warehouse import loader
from warehouse.archive import PageArchive
from warehouse.db import Warehouse
from warehouse.figures import reextract

TEXT = ("BAMAKO (Sahel Wire) - Gunmen killed 11 villagers and wounded at least four others in central Mali "
        "on Tuesday, officials said. About 300 families fled to the town of Bandiagara.")
WHEN = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)


def article(key: str = "k1") -> tuple[RawPage, ArticleRow]:
    html = f"<html><body><p>{TEXT}</p></body></html>".encode()
    raw = RawPage(hashlib.sha256(html).hexdigest(), len(html), "text/html", html, WHEN, f"https://wire.example/{key}")
    row = ArticleRow(
        article_key=key, canonical_url=f"https://wire.example/{key}", url=f"https://wire.example/{key}",
        feed_id="Wire", title="Gunmen kill 11", author=None, site_name="Sahel Wire", language="en",
        published_at=WHEN, date_source="page", text=TEXT, text_sha256="t-" + key, raw_sha256=raw.sha256,
        extractor="test", extractor_version="0", fetched_at=WHEN, entry_key=key,
        entry_url=f"https://wire.example/{key}",
        figures=tuple(extract_figures(TEXT, date(2026, 11, 27), key)),
    )
    return raw, row


def figures(wh: Warehouse) -> list[tuple[object, ...]]:
    return wh.con.execute('SELECT figure_index, kind, "group", unit, best, qualifier, sentence, event_date_start '
                          "FROM figures ORDER BY figure_index").fetchall()


def test_new_articles_load_their_figures_with_sentences(wh: Warehouse, archive: PageArchive) -> None:
    raw, row = article()
    result = loader.load_pages(wh, archive, "run-1", [raw], [row])
    assert result.figures == 3
    rows = figures(wh)
    assert [(r[1], r[4], r[5]) for r in rows] == [("killed", 11, "exact"), ("injured", 4, "at_least"),
                                                  ("displaced", 300, "approx")]
    assert rows[0][6].startswith("BAMAKO (Sahel Wire) - Gunmen killed 11 villagers")
    assert rows[0][7] == date(2026, 11, 24)
    assert wh.con.execute("SELECT DISTINCT extractor_version, load_id FROM figures").fetchall() == [
        (EXTRACTOR_VERSION, "run-1")]


def test_loading_the_same_batch_twice_adds_nothing(wh: Warehouse, archive: PageArchive) -> None:
    raw, row = article()
    loader.load_pages(wh, archive, "run-1", [raw], [row])
    again = loader.load_pages(wh, archive, "run-2", [raw], [row])
    assert (again.articles_new, again.figures) == (0, 0)
    assert len(figures(wh)) == 3


def test_re_extraction_replaces_an_articles_figures(wh: Warehouse, archive: PageArchive) -> None:
    raw, row = article()
    loader.load_pages(wh, archive, "run-1", [raw], [row])
    before = figures(wh)
    assert reextract(wh, "re-1", EXTRACTOR_VERSION) == (1, 3)
    assert reextract(wh, "re-2", EXTRACTOR_VERSION) == (1, 3)
    assert figures(wh) == before
    assert wh.con.execute("SELECT DISTINCT load_id FROM figures").fetchall() == [("re-2",)]
    # the article records which figure extractor read it last, and what it is about
    assert wh.con.execute("SELECT figures_version, context FROM articles").fetchall() == [
        (EXTRACTOR_VERSION, "conflict")]


def test_rows_the_contract_forbids_land_in_ingest_errors_not_in_figures(wh: Warehouse, archive: PageArchive) -> None:
    from warehouse.figures import figure_rows, replace_figures

    _raw, row = article()
    rows = figure_rows("k1", row.figures, EXTRACTOR_VERSION)
    rows[1] = {**rows[1], "low": rows[1]["best"] + 5}  # low > best
    rows[2] = {**rows[2], "kind": "looted"}
    assert replace_figures(wh, "run-9", ["k1"], rows) == (1, 2)
    errors = wh.con.execute("SELECT stage, url, reason FROM ingest_errors ORDER BY url").fetchall()
    assert [(stage, url) for stage, url, _ in errors] == [("normalise", "figure:k1#1"), ("normalise", "figure:k1#2")]
    assert errors[0][2].startswith("low > best") and errors[1][2].startswith("unknown kind")


def test_household_figures_are_stored_with_people_and_the_size_used(wh: Warehouse, archive: PageArchive) -> None:
    raw, row = article()
    loader.load_pages(wh, archive, "run-1", [raw], [row])
    household = wh.con.execute("SELECT unit, best, people, household_size, household_size_source, country_iso3 "
                               "FROM figures WHERE kind = 'displaced'").fetchall()
    unit, best, people, size, source, country = household[0]
    assert (unit, best, country) == ("household", 300, "MLI")
    assert people == round(300 * size) and 5 < size < 7 and "Household Size and Composition 2019" in source


def test_a_batch_frame_from_the_workers_loads_the_same_rows(wh: Warehouse, archive: PageArchive) -> None:
    from transforms.normalise import batch_figures_frame

    raw, row = article()
    built = batch_figures_frame([(row.article_key, row.figures)], EXTRACTOR_VERSION)
    loader.load_pages(wh, archive, "run-1", [raw], [row], built)
    assert [(r[1], r[4]) for r in figures(wh)] == [("killed", 11), ("injured", 4), ("displaced", 300)]


def test_the_same_article_twice_in_one_batch_loads_its_figures_once(wh: Warehouse, archive: PageArchive) -> None:
    from dataclasses import replace

    raw, row = article()
    other_feed = replace(row, feed_id="Other", entry_key="k1-other", entry_url="https://other.example/k1")
    same_text = replace(row, article_key="k2", canonical_url="https://wire.example/k2", entry_key="k2")
    result = loader.load_pages(wh, archive, "run-1", [raw], [row, other_feed, same_text])
    assert (result.articles_new, result.figures) == (1, 3)
    assert wh.con.execute("SELECT DISTINCT article_key FROM figures").fetchall() == [("k1",)]
