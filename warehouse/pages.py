"""Raw pages between the warehouse and the archive: new pages archived before their batch is
loaded, pages stored inside the warehouse by earlier versions moved out, stored pages read back
for a reprocess backfill."""

from __future__ import annotations

import gzip
import logging
import zlib
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import polars as pl

from transforms.records import RawPage, StoredPage
from warehouse.archive import ArchivedPage, ArchiveError, PageArchive, PageRef
from warehouse.db import Warehouse

logger = logging.getLogger(__name__)

REF_SCHEMA = {"sha256": pl.String, "warc_file": pl.String, "warc_offset": pl.Int64, "warc_length": pl.Int64}


def archive_pages(wh: Warehouse, archive: PageArchive, raw_pages: Sequence[RawPage]) -> list[dict[str, Any]]:
    """Write the pages the warehouse does not hold yet to the archive; their raw_pages rows."""
    digests = list(dict.fromkeys(r.sha256 for r in raw_pages))
    known = {row[0] for row in wh.rows("known_raw_pages", digests=digests)} if digests else set()
    new = {r.sha256: r for r in raw_pages if r.sha256 not in known}
    refs = archive.write(ArchivedPage(r.sha256, r.url, r.content_type, r.body, r.fetched_at) for r in new.values())
    return [{"sha256": ref.sha256, "size": new[ref.sha256].size, "content_type": new[ref.sha256].content_type,
             "fetched_at": new[ref.sha256].fetched_at, "warc_file": ref.warc_file, "warc_offset": ref.warc_offset,
             "warc_length": ref.warc_length} for ref in refs]


def move_inline_pages(wh: Warehouse, archive: PageArchive, batch: int = 500) -> int:
    """Move the pages earlier versions kept inside the warehouse into the archive, ``batch`` at
    a time, each batch one transaction after its file is written; how many moved. A page whose
    inline copy is unreadable stays where it is, logged (it is never lost)."""
    moved, after = 0, ""
    while rows := wh.rows("inline_raw_pages", after=after, limit=batch):
        after = rows[-1][0]
        pages = []
        for sha256, content_type, gz, fetched_at, url in rows:
            try:
                pages.append(ArchivedPage(sha256, url, content_type, gzip.decompress(gz), fetched_at))
            except (OSError, EOFError, zlib.error) as exc:
                logger.error("raw page %s stays in the warehouse: its copy is unreadable (%s)", sha256[:12], exc)
        refs = archive.write(pages)
        with wh.transaction():
            wh.load("archive_raw_pages", pl.DataFrame([_ref_row(r) for r in refs], schema=REF_SCHEMA))
        moved += len(refs)
    if moved:
        wh.con.execute("CHECKPOINT")  # the freed blocks are reused by later writes
        logger.info("moved %d raw pages from the warehouse into the archive at %s", moved, archive.root)
    return moved


def _ref_row(ref: PageRef) -> dict[str, Any]:
    return {"sha256": ref.sha256, "warc_file": ref.warc_file, "warc_offset": ref.warc_offset,
            "warc_length": ref.warc_length}


def read_stored_pages(archive: PageArchive, pages: Sequence[StoredPage]) -> tuple[list[StoredPage],
                                                                                   list[tuple[StoredPage, str]]]:
    """The pages with their bytes, from the archive (or their inline copy); and those that could
    not be read, with why."""
    refs = [PageRef(p.raw_sha256, p.warc_file, p.warc_offset, p.warc_length) for p in pages
            if p.warc_file is not None and p.warc_offset is not None and p.warc_length is not None]
    bodies: dict[str, bytes] = {}
    failures: dict[str, str] = {}
    by_file: dict[str, list[PageRef]] = {}
    for ref in refs:
        by_file.setdefault(ref.warc_file, []).append(ref)
    for file_refs in by_file.values():
        try:
            bodies.update(archive.read(file_refs))
        except ArchiveError as exc:  # one bad file fails its own pages, one at a time
            for ref in file_refs:
                try:
                    bodies.update(archive.read([ref]))
                except ArchiveError as one:
                    failures[ref.sha256] = str(one)
            logger.warning("archive file %s: %s", file_refs[0].warc_file, exc)
    read: list[StoredPage] = []
    unreadable: list[tuple[StoredPage, str]] = []
    for page in pages:
        if page.warc_file is None:
            try:
                read.append(replace(page, body=gzip.decompress(page.gz), gz=b""))
            except (OSError, EOFError, zlib.error) as exc:
                unreadable.append((page, f"stored page is unreadable: {exc}"))
        elif page.raw_sha256 in bodies:
            read.append(replace(page, body=bodies[page.raw_sha256], gz=b""))
        else:
            unreadable.append((page, failures.get(page.raw_sha256, "stored page is missing from the archive")))
    return read, unreadable
