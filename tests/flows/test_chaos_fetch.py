"""The fetch seam against a hostile server and hostile links: every case ends, within its
deadline, as a body or as a named failure that says why. No Prefect, no database."""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable, Iterator

import pytest

from flows.fetch import FailureKind, Fetcher, FetchError
from flows.settings import Settings
from tests.hostile import (
    HangingListener,
    HostileServer,
    drip,
    drip_headers,
    endless,
    gzip_body,
    gzip_bomb,
    reset_mid_body,
    response,
    stall_in_headers,
)

PAGE = b"<html><body><p>" + "Bogotá ".encode() * 50 + b"</p></body></html>"
DEADLINE = 2.0


@pytest.fixture
def hostile() -> Iterator[HostileServer]:
    with HostileServer() as server:
        yield server


@pytest.fixture
def strict(settings: Settings, hostile: HostileServer) -> Settings:
    return settings.model_copy(update={
        "allow_private_hosts": f"127.0.0.1:{hostile.port}", "request_deadline": DEADLINE, "read_timeout": 1.0,
        "connect_timeout": 1.0, "attempts": 1, "max_bytes": 1_000_000, "max_redirects": 5,
    })


def redirect(location: str, status: int = 302) -> bytes:
    return response(status, b"", {"Location": location})


def chain(hostile: HostileServer, hops: int) -> str:
    for i in range(hops):
        hostile.add(f"/hop{i}", redirect(f"/hop{i + 1}"))
    hostile.add(f"/hop{hops}", response(200, PAGE))
    return "/hop0"


# (id, path, behaviour, expected kind or None for a body, what the reason says)
CASES: list[tuple[str, Callable[[HostileServer], object], FailureKind | None, str]] = [
    ("stall-mid-headers", lambda h: h.add("/p", stall_in_headers), FailureKind.TEMPORARY, "Timeout"),
    ("slow-drip-body", lambda h: h.add("/p", drip()), FailureKind.TEMPORARY, "deadline of 2s exceeded"),
    ("slow-drip-headers", lambda h: h.add("/p", drip_headers), FailureKind.TEMPORARY, "deadline of 2s exceeded"),
    ("reset-mid-body", lambda h: h.add("/p", reset_mid_body), FailureKind.TEMPORARY, "Error"),
    ("endless-body", lambda h: h.add("/p", endless()), FailureKind.PERMANENT, "too large"),
    ("truncated-gzip", lambda h: h.add("/p", gzip_body(PAGE * 20, cut=200)), FailureKind.TEMPORARY,
     "truncated gzip body"),
    ("corrupt-gzip", lambda h: h.add("/p", response(200, PAGE, {"Content-Encoding": "gzip"})), FailureKind.PERMANENT,
     "corrupt gzip body"),
    ("gzip-bomb", lambda h: h.add("/p", gzip_bomb(50_000_000)), FailureKind.PERMANENT, "compression bomb"),
    ("50-MB-declared", lambda h: h.add("/p", response(200, b"", length=50_000_000)), FailureKind.PERMANENT,
     "too large (50000000 bytes"),
    ("brotli-not-asked-for", lambda h: h.add("/p", response(200, b"xx", {"Content-Encoding": "br"})),
     FailureKind.PERMANENT, "unsupported content encoding 'br'"),
    ("redirect-to-file", lambda h: h.add("/p", redirect("file:///etc/passwd")), FailureKind.PERMANENT,
     "redirect to an unsupported scheme: file:///etc/passwd"),
    ("redirect-to-metadata", lambda h: h.add("/p", redirect("http://169.254.169.254/latest/meta-data/")),
     FailureKind.PERMANENT, "169.254.169.254 is a link-local (cloud metadata) address"),
    ("redirect-to-private", lambda h: h.add("/p", redirect("http://10.20.30.40/admin")), FailureKind.PERMANENT,
     "10.20.30.40 is a private address"),
    ("redirect-to-other-loopback-port", lambda h: h.add("/p", redirect("http://127.0.0.1:9/admin")),
     FailureKind.PERMANENT, "127.0.0.1 is a loopback address"),
    ("redirect-loop", lambda h: (h.add("/p", redirect("/q")), h.add("/q", redirect("/p"))), FailureKind.PERMANENT,
     "redirect loop"),
    ("20-hop-chain", lambda h: h.add("/p", redirect(chain(h, 20))), FailureKind.PERMANENT, "more than 5 hops"),
    ("huge-retry-after", lambda h: h.add("/p", response(503, b"", {"Retry-After": "86400"})), FailureKind.TEMPORARY,
     "Retry-After 86400s is beyond this run"),
    ("5-hop-chain", lambda h: h.add("/p", redirect(chain(h, 4))), None, ""),
    ("deflate-raw", lambda h: h.add("/p", response(200, gzip.compress(PAGE)[10:-8], {"Content-Encoding": "deflate"})),
     None, ""),
    ("empty-page", lambda h: h.add("/p", response(200, b"")), None, ""),
]


@pytest.mark.parametrize(("setup", "kind", "reason"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hostile_responses_end_as_a_body_or_a_named_failure_within_the_deadline(
        hostile: HostileServer, strict: Settings, setup: Callable[[HostileServer], object],
        kind: FailureKind | None, reason: str) -> None:
    setup(hostile)
    started = time.monotonic()
    with Fetcher(strict) as fetcher:
        if kind is None:
            assert fetcher.get(hostile.url("/p")).status == 200
        else:
            with pytest.raises(FetchError) as info:
                fetcher.get(hostile.url("/p"))
            assert info.value.kind is kind
            assert reason in info.value.reason
    # bounded: the deadline plus the slack of one read timeout, never the server's "forever"
    assert time.monotonic() - started < DEADLINE + strict.read_timeout + 3


def test_a_connect_that_never_completes_is_a_temporary_failure(strict: Settings) -> None:
    hanging = HangingListener()
    try:
        allowed = strict.model_copy(update={"allow_private_hosts": f"127.0.0.1:{hanging.port}"})
        with Fetcher(allowed) as fetcher, pytest.raises(FetchError) as info:
            fetcher.get(f"http://127.0.0.1:{hanging.port}/")
    finally:
        hanging.close()
    assert info.value.kind is FailureKind.TEMPORARY and "Timeout" in info.value.reason


def test_retry_after_in_range_is_waited_for_and_the_page_comes(hostile: HostileServer, strict: Settings) -> None:
    answers = iter([response(429, b"", {"Retry-After": "1"}), response(200, PAGE)])
    hostile.add("/p", lambda conn: conn.sendall(next(answers)))
    with Fetcher(strict.model_copy(update={"attempts": 2, "max_retry_wait": 2.0})) as fetcher:
        result = fetcher.get(hostile.url("/p"))
    assert (result.status, result.attempts, hostile.hits["/p"]) == (200, 2, 2)


@pytest.mark.parametrize(("url", "says"), [
    ("http://127.0.0.1:8080/admin", "127.0.0.1 is a loopback address"),
    ("http://localhost/", "localhost (127.0.0.1) is a loopback address"),
    ("http://[::1]/", "::1 is a loopback address"),
    ("http://[::ffff:127.0.0.1]/", "is a loopback address"),
    ("http://169.254.169.254/latest/meta-data/", "link-local (cloud metadata)"),
    ("http://[fd00:ec2::254]/", "is a private address"),
    ("http://10.0.0.1/", "is a private address"),
    ("http://192.168.1.1/", "is a private address"),
    ("http://172.16.5.4/", "is a private address"),
    ("http://0.0.0.0/", "is an unspecified address"),
    ("http://224.0.0.251/", "is a multicast address"),
    ("http://100.64.0.1/", "is a non-public address"),
    ("http://2130706433/", "loopback"),  # 127.0.0.1 written as one number
    ("file:///etc/passwd", "file scheme"),
    ("ftp://ftp.example.org/pub", "ftp scheme"),
    ("javascript:alert(1)", "javascript scheme"),
    ("data:text/html,<p>hi</p>", "data scheme"),
])
def test_the_outbound_policy_refuses_before_connecting(settings: Settings, url: str, says: str) -> None:
    started = time.monotonic()
    with Fetcher(settings.model_copy(update={"attempts": 3})) as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(url)
    assert info.value.kind is FailureKind.PERMANENT
    assert says in info.value.reason and "refused" in info.value.reason
    assert info.value.attempts == 1 and time.monotonic() - started < 2  # no retries, no connect timeout


def test_the_allow_list_lets_one_host_port_through_and_no_other(hostile: HostileServer, settings: Settings) -> None:
    hostile.add("/p", response(200, PAGE))
    with HostileServer() as other:
        other.add("/p", response(200, PAGE))
        allowed = settings.model_copy(update={"allow_private_hosts": f"127.0.0.1:{hostile.port}"})
        with Fetcher(allowed) as fetcher:
            assert fetcher.get(hostile.url("/p")).body == PAGE
            with pytest.raises(FetchError, match="loopback address"):
                fetcher.get(other.url("/p"))
        assert other.hits["/p"] == 0
    with Fetcher(settings.model_copy(update={"allow_private_hosts": "127.0.0.1"})) as fetcher:  # a whole host
        assert fetcher.get(hostile.url("/p")).status == 200


def test_behind_a_proxy_private_targets_are_still_refused(hostile: HostileServer, settings: Settings) -> None:
    hostile.add("/p", response(200, PAGE))
    proxied = settings.model_copy(update={"proxy": hostile.url(""), "allow_private_hosts": None})
    with Fetcher(proxied) as fetcher:
        with pytest.raises(FetchError, match="link-local"):
            fetcher.get("http://169.254.169.254/latest/meta-data/")
        with pytest.raises(FetchError, match="loopback"):
            fetcher.get("http://localhost/p")
        # a name only the proxy can resolve goes to the proxy, which is the operator's choice
        assert fetcher.get("http://wire.example/p").body == PAGE
