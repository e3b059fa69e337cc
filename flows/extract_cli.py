"""``conflictwire extract-figures``: the evaluation contract. JSONL documents in, JSONL figures
out, streamed one document at a time so memory does not grow with the input."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from datetime import date
from typing import IO

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
    errors: list[BadLineError] = []
    documents = figures = 0
    reported = 0
    for doc_id, text, published in read_documents(source, errors):
        while reported < len(errors):
            print(f"skipped {errors[reported]}", file=report)
            reported += 1
        documents += 1
        for figure in extract_figures(text, published, doc_id):
            sink.write(json.dumps(figure.as_json(), ensure_ascii=False) + "\n")
            figures += 1
    while reported < len(errors):
        print(f"skipped {errors[reported]}", file=report)
        reported += 1
    return documents, figures, errors
