"""``conflictwire extract-figures`` and ``classify-context``: the evaluation contracts. JSONL
documents in, JSONL figures (or one context a document) out, streamed one document at a time so
memory does not grow with the input."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from datetime import date
from typing import IO

from transforms.context import classify_context
from transforms.figures import extract_figures

logger = logging.getLogger(__name__)


class BadLineError(ValueError):
    def __init__(self, number: int, reason: str) -> None:
        super().__init__(f"line {number}: {reason}")
        self.number = number


def read_documents(lines: IO[str], errors: list[BadLineError]) -> Iterator[tuple[str, str, date | None]]:
    """Yield (id, text, published) per good line; bad lines are appended to ``errors``."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(BadLineError(number, f"not JSON ({exc.msg})"))
            continue
        if not isinstance(doc, dict):
            errors.append(BadLineError(number, "not a JSON object"))
            continue
        text = doc.get("text")
        if not isinstance(text, str) or not text.strip():
            errors.append(BadLineError(number, "no text"))
            continue
        raw = doc.get("published")
        try:
            published = date.fromisoformat(str(raw)[:10]) if raw not in (None, "") else None
        except ValueError:
            errors.append(BadLineError(number, f"published is not YYYY-MM-DD: {raw!r}"))
            continue
        yield str(doc.get("id", number)), text, published


def extract_stream(source: IO[str], sink: IO[str],
                   report: IO[str] = sys.stderr) -> tuple[int, int, list[BadLineError]]:
    """Returns (documents, figures, bad lines)."""
    return _stream(source, sink, report, lambda doc_id, text, published: [
        figure.as_json() for figure in extract_figures(text, published, doc_id)])


def classify_stream(source: IO[str], sink: IO[str],
                    report: IO[str] = sys.stderr) -> tuple[int, int, list[BadLineError]]:
    """One ``{"doc_id", "context", "confidence"}`` line a document. Returns (documents, lines, bad lines)."""
    def one(doc_id: str, text: str, published: date | None) -> list[dict[str, object]]:
        found = classify_context(text)
        return [{"doc_id": doc_id, "context": found.context, "confidence": found.confidence}]
    return _stream(source, sink, report, one)


def _stream(source: IO[str], sink: IO[str], report: IO[str],
            rows: Callable[[str, str, date | None], list[dict[str, object]]]) -> tuple[int, int, list[BadLineError]]:
    errors: list[BadLineError] = []
    documents = written = 0
    reported = 0
    for doc_id, text, published in read_documents(source, errors):
        while reported < len(errors):
            print(f"skipped {errors[reported]}", file=report)
            reported += 1
        documents += 1
        for row in rows(doc_id, text, published):
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")
            written += 1
    while reported < len(errors):
        print(f"skipped {errors[reported]}", file=report)
        reported += 1
    return documents, written, errors
