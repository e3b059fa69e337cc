"""Raw pages in WARC files: what a web archive's tools read, content-addressed, one folder a
day, on disk or any fsspec URL; pages stored inside older warehouses move out and read back."""

from __future__ import annotations

import gzip
import hashlib
import logging
from datetime import UTC, datetime, timedelta

import polars as pl
import pytest
from warcio.archiveiterator import ArchiveIterator

from transforms.records import RawPage, StoredPage
from warehouse.archive import ArchivedPage, ArchiveError, PageArchive, PageRef
from warehouse.db import Warehouse
from warehouse.pages import archive_pages, move_inline_pages, read_stored_pages

MONDAY = datetime(2026, 11, 30, 23, 59, tzinfo=UTC)


def page(n: int, when: datetime = MONDAY) -> ArchivedPage:
    body = f"<html><body><p>Story {n}: shelling killed {n} people in the north.</p></body></html>".encode()
    return ArchivedPage(hashlib.sha256(body).hexdigest(), f"https://wire.example/story-{n}",
                        "text/html; charset=utf-8", body, when)


def test_pages_read_back_byte_for_byte_and_a_repeated_page_is_written_once(archive: PageArchive) -> None:
    pages = [page(1), page(2), page(1)]
    refs = archive.write(pages)
    assert [r.sha256 for r in refs] == [pages[0].sha256, pages[1].sha256]
    assert archive.read(refs) == {p.sha256: p.body for p in pages}
    assert len({r.warc_file for r in refs}) == 1 and refs[0].warc_offset > 0  # after the warcinfo record


def test_files_are_standard_warc_that_warcio_reads_with_url_type_date_and_digest(archive: PageArchive) -> None:
    (ref,) = archive.write([page(7)])
    with archive.fs.open(f"{archive.root}/{ref.warc_file}", "rb") as handle:
        records = [(r.rec_type, r.rec_headers, r.content_stream().read()) for r in ArchiveIterator(handle)]
    assert [r[0] for r in records] == ["warcinfo", "resource"]
    _, headers, body = records[1]
    assert headers.get_header("WARC-Target-URI") == "https://wire.example/story-7"
    assert headers.get_header("Content-Type") == "text/html; charset=utf-8"
    assert headers.get_header("WARC-Date") == "2026-11-30T23:59:00.000000Z"
    assert headers.get_header("WARC-Payload-Digest").startswith("sha256:")
    assert hashlib.sha256(body).hexdigest() == ref.sha256


def test_files_rotate_by_the_utc_day_the_pages_were_fetched(archive: PageArchive) -> None:
    refs = archive.write([page(1), page(2, MONDAY + timedelta(minutes=2)), page(3, MONDAY + timedelta(minutes=3))])
    days = sorted({r.warc_file.rsplit("/", 1)[0] for r in refs})
    assert days == ["2026/11/30", "2026/12/01"]
    assert len(archive.files()) == 2
    assert not [f for f in archive.fs.find(archive.root) if f.endswith(".part")]  # every file renamed whole


def test_any_fsspec_url_is_an_archive() -> None:
    remote = PageArchive("memory://conflictwire-test/pages")
    refs = remote.write([page(4)])
    assert remote.read(refs) == {refs[0].sha256: page(4).body}
    assert remote.files() == [refs[0].warc_file]


def test_a_missing_file_or_a_wrong_offset_is_an_error_that_names_the_page(archive: PageArchive) -> None:
    (ref,) = archive.write([page(5)])
    with pytest.raises(ArchiveError, match="missing"):
        archive.read([PageRef(ref.sha256, "2026/01/01/gone.warc.gz", ref.warc_offset, ref.warc_length)])
    with pytest.raises(ArchiveError, match=ref.sha256[:12]):
        archive.read([PageRef(ref.sha256, ref.warc_file, ref.warc_offset + 3, ref.warc_length)])
    (other,) = archive.write([page(6)])
    with pytest.raises(ArchiveError, match="does not match its digest"):
        archive.read([PageRef(ref.sha256, other.warc_file, other.warc_offset, other.warc_length)])


def test_the_loader_archives_only_pages_the_warehouse_does_not_hold(wh: Warehouse, archive: PageArchive) -> None:
    raw = [RawPage(p.sha256, len(p.body), p.content_type, p.body, p.fetched_at, p.url) for p in (page(1), page(2))]
    rows = archive_pages(wh, archive, raw)
    wh.load("insert_raw_pages", pl.DataFrame(rows))
    assert archive_pages(wh, archive, raw) == []
    assert len(archive.files()) == 1


def _legacy_rows(wh: Warehouse, pages: list[ArchivedPage], corrupt: set[int] = frozenset()) -> None:
    """Raw pages as versions before the archive stored them: gzip BLOBs in the warehouse."""
    for i, p in enumerate(pages):
        gz = b"not gzip at all" if i in corrupt else gzip.compress(p.body)
        wh.con.execute("INSERT INTO raw_pages (sha256, size, content_type, gz, fetched_at) VALUES (?, ?, ?, ?, ?)",
                       [p.sha256, len(p.body), p.content_type, gz, p.fetched_at])


def test_pages_inside_an_older_warehouse_move_out_in_batches_and_read_back(
        wh: Warehouse, archive: PageArchive, caplog: pytest.LogCaptureFixture) -> None:
    pages = [page(n) for n in range(1, 8)]
    _legacy_rows(wh, pages, corrupt={3})
    with caplog.at_level(logging.ERROR):
        assert move_inline_pages(wh, archive, batch=2) == 6
    assert "unreadable" in caplog.text and pages[3].sha256[:12] in caplog.text
    rows = wh.con.execute("SELECT sha256, warc_file, warc_offset, warc_length, octet_length(gz) FROM raw_pages "
                          "ORDER BY sha256").fetchall()
    moved = [r for r in rows if r[1] is not None]
    assert len(moved) == 6 and all(r[4] == 0 for r in moved)
    assert [r[4] > 0 for r in rows if r[1] is None] == [True]  # the unreadable one stays as it was, not lost
    assert archive.read([PageRef(*r[:4]) for r in moved]) == {p.sha256: p.body for i, p in enumerate(pages) if i != 3}
    assert move_inline_pages(wh, archive) == 0  # done once


def stored(p: ArchivedPage, ref: PageRef | None, gz: bytes = b"") -> StoredPage:
    return StoredPage("k-" + p.sha256[:6], p.url, "Wire", p.fetched_at, "page", "t", gz, p.fetched_at, p.sha256, 0,
                      p.content_type, *((ref.warc_file, ref.warc_offset, ref.warc_length) if ref else (None,) * 3))


def test_a_reprocess_reads_archived_and_inline_pages_and_names_the_ones_it_cannot(archive: PageArchive) -> None:
    good, gone, inline, broken = page(1), page(2), page(3), page(4)
    (ref,) = archive.write([good])
    pages = [stored(good, ref), stored(gone, PageRef(gone.sha256, "2026/11/30/lost.warc.gz", 0, 10)),
             stored(inline, None, gzip.compress(inline.body)), stored(broken, None, b"corrupt")]
    read, unreadable = read_stored_pages(archive, pages)
    assert {p.raw_sha256: p.body for p in read} == {good.sha256: good.body, inline.sha256: inline.body}
    assert [(p.raw_sha256, "missing" in why or "unreadable" in why) for p, why in unreadable] == [
        (gone.sha256, True), (broken.sha256, True)]
