"""The one network seam: every HTTP request of conflictwire goes through ``Fetcher.get``.

What a polite, robust news crawler needs: connect/read timeouts, a redirect limit, a response
size cap, a clear User-Agent, conditional requests, retries with exponential backoff on
5xx/429/network errors that honour Retry-After, and a per-host limit (requests in flight and a
minimum interval). Failures are named: ``temporary`` ones are worth another try on a later
run, ``permanent`` ones are not.
"""

from __future__ import annotations

import email.utils
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

import httpx

from flows.settings import Settings
from transforms.urls import host_of

logger = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504, 520, 521, 522, 523, 524})


class FailureKind(StrEnum):
    TEMPORARY = "temporary"
    PERMANENT = "permanent"


class FetchError(Exception):
    def __init__(self, url: str, kind: FailureKind, reason: str, status: int | None = None,
                 attempts: int = 1) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.kind = kind
        self.reason = reason
        self.status = status
        self.attempts = attempts


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: datetime
    attempts: int

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")


@dataclass
class HostLimiter:
    """At most ``concurrency`` requests in flight per host, started at least ``interval``
    seconds apart. Shared by every thread of a run."""

    concurrency: int
    interval: float
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _slots: dict[str, threading.BoundedSemaphore] = field(default_factory=dict)
    _next_start: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self._lock:
            semaphore = self._slots.setdefault(host, threading.BoundedSemaphore(self.concurrency))
        with semaphore:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start.get(host, now))
                self._next_start[host] = start + self.interval
            if start > now:
                time.sleep(start - now)
            yield


class Fetcher:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.limiter = HostLimiter(settings.per_host_concurrency, settings.per_host_interval)
        self.client = httpx.Client(
            timeout=httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout),
            follow_redirects=True,
            max_redirects=settings.max_redirects,
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            proxy=settings.proxy,
            limits=httpx.Limits(max_connections=settings.workers * 2),
            trust_env=False,  # only our settings decide where requests go
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str | None = None) -> FetchResult:
        """GET ``url``. Returns 2xx and 304 responses; raises ``FetchError`` for the rest."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if accept:
            headers["Accept"] = accept
        host = host_of(url)
        attempt = 0
        while True:
            attempt += 1
            try:
                with self.limiter.slot(host):
                    status, final_url, response_headers, body = self._request(url, headers)
            except FetchError as exc:
                exc.attempts = attempt
                raise
            except httpx.TooManyRedirects as exc:
                raise FetchError(url, FailureKind.PERMANENT, f"too many redirects: {exc}", None, attempt) from exc
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                if attempt >= self.settings.attempts:
                    raise FetchError(url, FailureKind.TEMPORARY, reason, None, attempt) from exc
                self._wait(url, attempt, None, reason)
                continue
            except httpx.InvalidURL as exc:
                raise FetchError(url, FailureKind.PERMANENT, f"invalid URL: {exc}", None, attempt) from exc

            if status in RETRY_STATUSES:
                reason = f"HTTP {status}"
                retry_after = _retry_after(response_headers.get("retry-after"))
                if attempt >= self.settings.attempts:
                    raise FetchError(url, FailureKind.TEMPORARY, reason, status, attempt)
                if retry_after is not None and retry_after > self.settings.max_retry_wait:
                    raise FetchError(url, FailureKind.TEMPORARY,
                                     f"{reason}, Retry-After {retry_after:.0f}s is beyond this run", status, attempt)
                self._wait(url, attempt, retry_after, reason)
                continue
            if status == 304 or 200 <= status < 300:
                return FetchResult(url, final_url, status, response_headers, body, datetime.now(UTC), attempt)
            kind = FailureKind.TEMPORARY if status in (408, 425) else FailureKind.PERMANENT
            raise FetchError(url, kind, f"HTTP {status}", status, attempt)

    def _request(self, url: str, headers: dict[str, str]) -> tuple[int, str, dict[str, str], bytes]:
        cap = self.settings.max_bytes
        with self.client.stream("GET", url, headers=headers) as response:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > cap:
                raise FetchError(url, FailureKind.PERMANENT, f"response too large ({declared} bytes, cap {cap})",
                                 response.status_code)
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > cap:
                    raise FetchError(url, FailureKind.PERMANENT, f"response too large (over {cap} bytes)",
                                     response.status_code)
                chunks.append(chunk)
            lowered = {k.lower(): v for k, v in response.headers.items()}
            return response.status_code, str(response.url), lowered, b"".join(chunks)

    def _wait(self, url: str, attempt: int, retry_after: float | None, reason: str) -> None:
        delay = retry_after if retry_after is not None else self.settings.backoff * 2 ** (attempt - 1)
        delay = min(delay, self.settings.max_retry_wait)
        logger.info("retrying %s in %.2fs after %s (attempt %d)", url, delay, reason, attempt)
        time.sleep(delay)


def _retry_after(value: str | None) -> float | None:
    """Retry-After is either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
