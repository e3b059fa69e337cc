"""Raw pages kept the way web archives keep them: in WARC files beside the warehouse, which holds
only where each page is (file, offset, length) and its SHA-256.

A page inside the DuckDB file costs about 34 KB; a busy day of 100,000 pages would add gigabytes
that every snapshot and backup copies. WARC (ISO 28500) is what crawlers and web archives write
and read (warcio, pywb, the Internet Archive's tools), one gzip member per record so any record
can be read alone from its offset.

Layout under the archive root (a folder, or any fsspec URL such as ``s3://bucket/pages``):
``YYYY/MM/DD/<batch>.warc.gz``, the day being the UTC day the pages were fetched. Each load batch
writes its own file, whole, under a temporary name renamed when complete: object stores cannot
append, and a file is never referenced before it is complete. Pages are addressed by content: a
page whose digest the warehouse already holds is not written again.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import logging
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import fsspec
from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

logger = logging.getLogger(__name__)

SOFTWARE = "conflictwire"


class ArchiveError(Exception):
    """A page the archive cannot give back: its file is missing, cut short or not the page."""


@dataclass(frozen=True, slots=True)
class ArchivedPage:
    """What the archive writes: one fetched page, as fetched."""

    sha256: str  # of body
    url: str
    content_type: str | None
    body: bytes
    fetched_at: datetime


@dataclass(frozen=True, slots=True)
class PageRef:
    """Where a page is: its WARC file (relative to the archive root), the offset of its gzip
    member and the member's length in bytes."""

    sha256: str
    warc_file: str
    warc_offset: int
    warc_length: int


def _warc_digest(sha256_hex: str) -> str:
    # WARC digests are "algorithm:base32", as warcio and the Internet Archive write them
    return "sha256:" + base64.b32encode(bytes.fromhex(sha256_hex)).decode("ascii")


class PageArchive:
    """A WARC archive at ``root``: a local folder or an fsspec URL."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.fs, self._base = fsspec.core.url_to_fs(root)

    def __repr__(self) -> str:
        return f"PageArchive({self.root!r})"

    def _path(self, relative: str) -> str:
        return f"{self._base.rstrip('/')}/{relative}"

    def write(self, pages: Iterable[ArchivedPage]) -> list[PageRef]:
        """Write pages (each digest once) into one new file per fetch day; their references."""
        by_day: dict[str, list[ArchivedPage]] = {}
        seen: set[str] = set()
        for page in pages:
            if page.sha256 not in seen:
                seen.add(page.sha256)
                by_day.setdefault(page.fetched_at.astimezone(UTC).strftime("%Y/%m/%d"), []).append(page)
        refs: list[PageRef] = []
        for day, day_pages in sorted(by_day.items()):
            refs.extend(self._write_file(day, day_pages))
        return refs

    def _write_file(self, day: str, pages: Sequence[ArchivedPage]) -> list[PageRef]:
        name = f"{day}/{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:12]}.warc.gz"
        buffer = io.BytesIO()
        writer = WARCWriter(None, gzip=False, warc_version="1.1")
        buffer.write(_member(writer, writer.create_warcinfo_record(name, {"software": SOFTWARE,
                                                                          "format": "WARC 1.1"})))
        refs = []
        for page in pages:
            start = buffer.tell()
            buffer.write(_member(writer, _record(writer, page)))
            refs.append(PageRef(page.sha256, name, start, buffer.tell() - start))
        final = self._path(name)
        partial = f"{final}.part"
        self.fs.makedirs(final.rsplit("/", 1)[0], exist_ok=True)
        with self.fs.open(partial, "wb") as out:
            out.write(buffer.getvalue())
        self.fs.mv(partial, final)
        logger.debug("archived %d pages in %s", len(refs), name)
        return refs

    def read(self, refs: Sequence[PageRef]) -> dict[str, bytes]:
        """The bytes of each referenced page by digest, one open per file, each checked against
        its digest. A page that cannot be read raises ``ArchiveError`` naming it."""
        out: dict[str, bytes] = {}
        by_file: dict[str, list[PageRef]] = {}
        for ref in refs:
            by_file.setdefault(ref.warc_file, []).append(ref)
        for name, file_refs in by_file.items():
            try:
                handle = self.fs.open(self._path(name), "rb")
            except FileNotFoundError as exc:
                raise ArchiveError(f"archive file {name} is missing from {self.root}") from exc
            with handle:
                for ref in sorted(file_refs, key=lambda r: r.warc_offset):
                    handle.seek(ref.warc_offset)
                    out[ref.sha256] = _payload(handle.read(ref.warc_length), ref)
        return out

    def files(self) -> list[str]:
        """Every WARC file of the archive, relative to its root, in name order (days, then batches)."""
        base = self._base.rstrip("/")
        if not self.fs.exists(base):
            return []
        return sorted(p[len(base) + 1:] for p in self.fs.find(base) if str(p).endswith(".warc.gz"))


def _record(writer: WARCWriter, page: ArchivedPage) -> Any:
    digest = _warc_digest(page.sha256)
    headers = {
        "WARC-Date": page.fetched_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "WARC-Payload-Digest": digest,
        "WARC-Block-Digest": digest,  # a resource record's block is its payload
    }
    # A resource record: the body as fetched (content-decoded), with its type. We do not keep
    # the HTTP headers, so a response record would claim more than we have.
    return writer.create_warc_record(page.url, "resource", payload=io.BytesIO(page.body), length=len(page.body),
                                     warc_content_type=page.content_type or "application/octet-stream",
                                     warc_headers_dict=headers)


def _member(writer: WARCWriter, record: Any) -> bytes:
    """One record as its own gzip member, as WARC readers expect. Level 6, not warcio's 9: a
    third of the time for about the same size on HTML, and this runs in the single writer."""
    raw = io.BytesIO()
    writer.out = raw
    writer.write_record(record)
    return gzip.compress(raw.getvalue(), compresslevel=6)


def _payload(member: bytes, ref: PageRef) -> bytes:
    try:
        record = next(iter(ArchiveIterator(io.BytesIO(member))))
        body = record.content_stream().read()
    except Exception as exc:  # warcio raises several kinds on a cut or foreign member
        raise ArchiveError(f"page {ref.sha256[:12]} at {ref.warc_file}:{ref.warc_offset} is unreadable: {exc}") from exc
    if hashlib.sha256(body).hexdigest() != ref.sha256:
        raise ArchiveError(f"page {ref.sha256[:12]} at {ref.warc_file}:{ref.warc_offset} does not match its digest")
    return bytes(body)
