"""The named kinds of failure (Media Cloud's rss-fetcher and story-indexer are the model).

- ``temporary``: worth another try on a later run (5xx, 429, timeouts, a cut connection, a
  truncated body), up to ``CONFLICTWIRE_MAX_ERROR_ATTEMPTS`` runs;
- ``permanent``: the item is not a usable article or feed as it stands (404, 410, refused by the
  outbound policy, a body that is not HTML, corrupt compression, no article text); not retried;
- ``unexpected``: our code raised on this item (a bug, or input no rule foresaw). Logged with
  its traceback, filed with the exception type, retried on later runs like a temporary failure
  so that a fixed bug heals the item, and never allowed to stop the run.
"""

from __future__ import annotations

from enum import StrEnum


class FailureKind(StrEnum):
    TEMPORARY = "temporary"
    PERMANENT = "permanent"
    UNEXPECTED = "unexpected"


class FetchError(Exception):
    def __init__(self, url: str, kind: FailureKind, reason: str, status: int | None = None,
                 attempts: int = 1) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.kind = kind
        self.reason = reason
        self.status = status
        self.attempts = attempts
