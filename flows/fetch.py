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
from urllib.parse import urljoin, urlsplit

import httpx

from flows.bodies import BodyDecoder
from flows.failures import FailureKind, FetchError
from flows.netguard import GuardedBackend, OutboundPolicy, PolicyRefusedError, parse_allow_list
from flows.settings import Settings
from transforms.urls import host_of

logger = logging.getLogger(__name__)

__all__ = ["FailureKind", "FetchError", "FetchResult", "Fetcher"]

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504, 520, 521, 522, 523, 524})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


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
        self.policy = OutboundPolicy(parse_allow_list(settings.allow_private_hosts), _proxy_address(settings.proxy))
        transport = httpx.HTTPTransport(proxy=settings.proxy, limits=httpx.Limits(max_connections=settings.workers * 2))
        pool = getattr(transport, "_pool", None)
        if not hasattr(pool, "_network_backend"):  # pragma: no cover - a guard against an httpx upgrade
            raise RuntimeError("httpx's transport changed: the outbound policy cannot be installed")
        pool._network_backend = GuardedBackend(self.policy)  # type: ignore[union-attr]
        self.client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout),
            follow_redirects=False,  # every hop is vetted by the policy and counted here
            # only what we decode ourselves, so corrupt, truncated and bomb bodies are caught
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
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
                with self.limiter.slot(host), self.policy.deadline_of(self.settings.request_deadline) as deadline:
                    try:
                        status, final_url, response_headers, body = self._follow(url, headers)
                    except (httpx.TimeoutException, httpx.TransportError) as exc:
                        if deadline.passed():
                            raise FetchError(url, FailureKind.TEMPORARY, "request deadline of "
                                             f"{self.settings.request_deadline:.0f}s exceeded", None, attempt) from exc
                        raise
            except FetchError as exc:
                exc.attempts = attempt
                raise
            except PolicyRefusedError as exc:
                raise FetchError(url, FailureKind.PERMANENT, str(exc), None, attempt) from exc
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                if attempt >= self.settings.attempts:
                    raise FetchError(url, FailureKind.TEMPORARY, reason, None, attempt) from exc
                self._wait(url, attempt, None, reason)
                continue
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
                raise FetchError(url, FailureKind.PERMANENT, f"invalid URL: {exc}", None, attempt) from exc

            if status in RETRY_STATUSES:
                reason = f"HTTP {status}"
                retry_after = _retry_after(response_headers.get("retry-after"))
                if retry_after is not None and retry_after > self.settings.max_retry_wait:
                    raise FetchError(url, FailureKind.TEMPORARY,
                                     f"{reason}, Retry-After {retry_after:.0f}s is beyond this run", status, attempt)
                if attempt >= self.settings.attempts:
                    raise FetchError(url, FailureKind.TEMPORARY, reason, status, attempt)
                self._wait(url, attempt, retry_after, reason)
                continue
            if status == 304 or 200 <= status < 300:
                return FetchResult(url, final_url, status, response_headers, body, datetime.now(UTC), attempt)
            kind = FailureKind.TEMPORARY if status in (408, 425) else FailureKind.PERMANENT
            raise FetchError(url, kind, f"HTTP {status}", status, attempt)

    def _follow(self, url: str, headers: dict[str, str]) -> tuple[int, str, dict[str, str], bytes]:
        """One request and its redirects, each hop checked by the outbound policy."""
        seen = [url]
        while True:
            self.policy.check_url(url)
            status, response_headers, body = self._request(url, headers)
            location = response_headers.get("location")
            if status not in REDIRECT_STATUSES or not location:
                return status, url, response_headers, body
            target = urljoin(url, location.strip())
            if urlsplit(target).scheme.lower() not in ("http", "https"):
                raise FetchError(url, FailureKind.PERMANENT, f"redirect to an unsupported scheme: {target[:80]}",
                                 status)
            if target in seen:
                raise FetchError(url, FailureKind.PERMANENT, f"too many redirects: a redirect loop back to {target}",
                                 status)
            if len(seen) > self.settings.max_redirects:
                raise FetchError(url, FailureKind.PERMANENT,
                                 f"too many redirects: more than {self.settings.max_redirects} hops", status)
            seen.append(target)
            url = target

    def _request(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        cap = self.settings.max_bytes
        with self.client.stream("GET", url, headers=headers) as response:
            lowered = {k.lower(): v for k, v in response.headers.items()}
            declared = lowered.get("content-length")
            if declared and declared.isdigit() and int(declared) > cap:
                raise FetchError(url, FailureKind.PERMANENT, f"response too large ({declared} bytes, cap {cap})",
                                 response.status_code)
            if response.status_code in REDIRECT_STATUSES or response.status_code == 304:
                return response.status_code, lowered, b""
            body = BodyDecoder(url, lowered.get("content-encoding"), cap, response.status_code)
            for chunk in response.iter_raw():
                body.feed(chunk)
            return response.status_code, lowered, body.finish()

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


def _proxy_address(proxy: str | None) -> tuple[str, int] | None:
    if not proxy:
        return None
    parts = urlsplit(proxy)
    return (parts.hostname or "").lower(), parts.port or (443 if parts.scheme == "https" else 80)
