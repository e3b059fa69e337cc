"""Page bytes to text: the HTTP charset, the page's own meta charset and the bytes themselves
reconciled, because servers lie. A Latin-1 page labelled UTF-8 ("Bogot\\xe1") must read
"Bogotá", not "Bogot\ufffd", and a UTF-8 page labelled ISO-8859-1 must not turn into "BogotÃ¡".

Rules, in order: a byte-order mark wins; pure ASCII is ASCII; bytes that are valid UTF-8 with
multi-byte sequences are UTF-8 whatever the labels say (random single-byte text is almost never
valid UTF-8); else the first declared charset (HTTP, then meta) that decodes the bytes strictly;
else charset-normalizer's best guess; else Windows-1252 with replacement characters.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

import charset_normalizer

logger = logging.getLogger(__name__)

# How much more "chaos" (charset-normalizer's measure of implausible characters) Windows-1252
# may show than the best candidate and still be preferred.
WESTERN_TIE = 0.05

_HTTP_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # the Python codec name used
    source: str  # bom | ascii | utf-8 | http | meta | detected | fallback
    declared: tuple[tuple[str, str], ...] = ()  # (http | meta, codec) of what the header and page said


def declared_charsets(body: bytes, content_type: str | None) -> tuple[tuple[str, str], ...]:
    """(source, codec name) of the charsets the HTTP header and the page's meta tag name; names
    Python does not know are left out."""
    names = []
    if content_type and (http := _HTTP_CHARSET.search(content_type)):
        names.append(("http", http.group(1)))
    if meta := _META_CHARSET.search(body[:4096]):
        names.append(("meta", meta.group(1).decode("ascii", "replace")))
    return tuple((source, codec) for source, name in names if (codec := _codec(name)))


def decode_html(body: bytes, content_type: str | None = None) -> Decoded:
    """Decode a page's bytes by the rules above. Never raises."""
    declared = declared_charsets(body, content_type)
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return Decoded(body.decode(codec, errors="replace"), codec, "bom", declared)
    if body.isascii():
        return Decoded(body.decode("ascii"), "ascii", "ascii", declared)
    try:
        return Decoded(body.decode("utf-8"), "utf-8", "utf-8", declared)
    except UnicodeDecodeError:
        pass
    for source, codec in declared:
        if codec == "utf-8":
            continue  # a lie: the bytes are not UTF-8
        try:
            return Decoded(body.decode(codec), codec, source, declared)
        except (UnicodeDecodeError, LookupError):
            continue
    detected = _detect(body[:200_000])
    if detected:
        return Decoded(body.decode(detected, errors="replace"), detected, "detected", declared)
    return Decoded(body.decode("cp1252", errors="replace"), "cp1252", "fallback", declared)


def _detect(sample: bytes) -> str | None:
    """charset-normalizer's pick, except that Windows-1252 wins a near tie: single-byte
    detectors confuse the Latin code pages on a page with few accented letters, and
    Windows-1252 is by far the most common charset behind a wrong label on the web."""
    matches = list(charset_normalizer.from_bytes(sample))
    if not matches:
        return None
    best = matches[0]
    western = next((m for m in matches if _codec(m.encoding) == "cp1252"), None)
    if western is not None and western.chaos <= best.chaos + WESTERN_TIE:
        return "cp1252"
    try:
        return codecs.lookup(best.encoding).name
    except LookupError:  # pragma: no cover - a codec charset-normalizer knows and Python does not
        return None


def _codec(name: str) -> str | None:
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    # WHATWG: pages labelled ISO-8859-1 or US-ASCII are decoded as Windows-1252
    return "cp1252" if codec in ("iso8859-1", "latin-1", "ascii") else codec
