"""``conflictwire extract-figures``: the evaluation contract. JSONL documents in, JSONL figures
out, streamed one document at a time so memory does not grow with the input."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from transforms.figures import extract_figures

logger = logging.getLogger(__name__)


class BadLine(ValueError):
    def __init__(self, number: int, reason: str) -> None:
        super().__init__(f"line {number}: {reason}")
        self.number = number


def read_documents(lines: IO[str], errors: list[BadLine]) -> Iterator[tuple[str, str, date | None]]:
    """Yield (id, text, published) per good line; bad lines are appended to ``errors``."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(BadLine(number, f"not JSON ({exc.msg})"))
            continue
        if not isinstance(doc, dict):
            errors.append(BadLine(number, "not a JSON object"))
            continue
        text = doc.get("text")
        if not isinstance(text, str) or not text.strip():
            errors.append(BadLine(number, "no text"))
            continue
        published = _published(doc.get("published"))
        if published is False:
            errors.append(BadLine(number, f"published is not YYYY-MM-DD: {doc.get('published')!r}"))
            continue
        yield str(doc.get("id", number)), text, published or None


def _published(value: Any) -> date | None | bool:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return False


def extract_stream(source: IO[str], sink: IO[str], report: IO[str] = sys.stderr) -> tuple[int, int, list[BadLine]]:
    """Returns (documents, figures, bad lines)."""
    errors: list[BadLine] = []
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
