"""Response bodies decoded by us, not by httpx: a ``Content-Encoding: gzip`` body that is not gzip,
one cut short, or one that inflates past the size cap (a compression bomb) must each end as a
clear error of that page, never as an exception that escapes the run or as half an article."""

from __future__ import annotations

import logging
import zlib

from flows.failures import FailureKind, FetchError

logger = logging.getLogger(__name__)


class BodyDecoder:
    """Feed raw chunks in, get the decoded body out, with the size cap on both sides."""

    def __init__(self, url: str, encoding: str | None, cap: int, status: int | None = None) -> None:
        self.url, self.cap, self.status = url, cap, status
        self.encoding = (encoding or "identity").split(",")[-1].strip().lower()
        self.raw_size = 0
        self.parts: list[bytes] = []
        self.size = 0
        self._raw_deflate_tried = False
        if self.encoding in ("identity", "none", ""):
            self._inflate: zlib._Decompress | None = None
        elif self.encoding in ("gzip", "x-gzip"):
            self._inflate = zlib.decompressobj(wbits=31)
        elif self.encoding == "deflate":
            self._inflate = zlib.decompressobj(wbits=15)
        else:
            raise self._error(FailureKind.PERMANENT, f"unsupported content encoding {self.encoding!r}")

    def feed(self, chunk: bytes) -> None:
        self.raw_size += len(chunk)
        if self.raw_size > self.cap:
            raise self._error(FailureKind.PERMANENT, f"response too large (over {self.cap} bytes)")
        if self._inflate is None:
            self._add(chunk)
            return
        if self._inflate.eof:
            return  # bytes after the end of the compressed stream are ignored, as browsers do
        room = self.cap - self.size
        try:
            # never inflate more than the cap allows: a 10 KB bomb stops at cap + 1 bytes
            out = self._inflate.decompress(chunk, room + 1)
        except zlib.error as exc:
            if self.encoding == "deflate" and not self._raw_deflate_tried and not self.size:
                # servers often send raw deflate (no zlib header) under this name
                self._raw_deflate_tried, self._inflate = True, zlib.decompressobj(wbits=-15)
                self.raw_size -= len(chunk)
                self.feed(chunk)
                return
            raise self._error(FailureKind.PERMANENT, f"corrupt {self.encoding} body: {exc}") from exc
        if len(out) > room or self._inflate.unconsumed_tail:
            raise self._error(FailureKind.PERMANENT, f"response too large ({self.raw_size} bytes inflate past "
                                                     f"the cap of {self.cap}: a compression bomb?)")
        self._add(out)

    def finish(self) -> bytes:
        if self._inflate is not None and not self._inflate.eof:
            # the stream stopped before its end: a cut connection as often as a broken server
            raise self._error(FailureKind.TEMPORARY,
                              f"truncated {self.encoding} body ({self.raw_size} bytes received)")
        return b"".join(self.parts)

    def _add(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.cap:
            raise self._error(FailureKind.PERMANENT, f"response too large (over {self.cap} bytes)")
        self.parts.append(data)

    def _error(self, kind: FailureKind, reason: str) -> FetchError:
        return FetchError(self.url, kind, reason, self.status)
