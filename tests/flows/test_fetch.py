"""The fetch seam against a real HTTP server on loopback."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise

import pytest

from demo.server import LoopbackServer, Resource
from flows.fetch import FailureKind, Fetcher, FetchError
from flows.settings import Settings

PAGE = Resource(b"<html><body><p>ok</p></body></html>")


def test_sends_a_clear_user_agent_and_returns_the_body(server: LoopbackServer, settings: Settings) -> None:
    url = server.add(server.url("/a"), PAGE)
    with Fetcher(settings) as fetcher:
        result = fetcher.get(url)
    assert result.status == 200 and result.body == PAGE.body and result.attempts == 1
    assert server.requests[0][1]["user-agent"].startswith("conflictwire/")


def test_conditional_headers_give_304_not_modified(server: LoopbackServer, settings: Settings) -> None:
    url = server.add(server.url("/feed"), PAGE)
    with Fetcher(settings) as fetcher:
        first = fetcher.get(url)
        second = fetcher.get(url, etag=first.headers["etag"], last_modified=first.headers["last-modified"])
    assert second.not_modified and second.body == b""
    assert server.requests[1][1]["if-none-match"] == first.headers["etag"]


@pytest.mark.parametrize("status", [500, 502, 503, 504, 429])
def test_transient_statuses_are_retried_until_success(server: LoopbackServer, settings: Settings,
                                                      status: int) -> None:
    url = server.add(server.url("/flaky"), [Resource(b"busy", status=status), PAGE])
    with Fetcher(settings) as fetcher:
        result = fetcher.get(url)
    assert result.status == 200 and result.attempts == 2
    assert server.hits_for(url) == 2


def test_retries_stop_after_the_configured_attempts_with_a_temporary_error(server: LoopbackServer,
                                                                          settings: Settings) -> None:
    url = server.add(server.url("/down"), Resource(b"down", status=503))
    with Fetcher(settings) as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(url)
    assert info.value.kind is FailureKind.TEMPORARY and info.value.status == 503
    assert info.value.attempts == settings.attempts == server.hits_for(url)


def test_retry_after_is_honoured_and_a_long_one_is_left_for_a_later_run(server: LoopbackServer,
                                                                       settings: Settings) -> None:
    short = server.add(server.url("/short"), [Resource(b"", status=429, headers={"Retry-After": "0"}), PAGE])
    long = server.add(server.url("/long"), Resource(b"", status=429, headers={"Retry-After": "3600"}))
    with Fetcher(settings) as fetcher:
        assert fetcher.get(short).status == 200
        with pytest.raises(FetchError, match="Retry-After 3600s") as info:
            fetcher.get(long)
    assert info.value.kind is FailureKind.TEMPORARY
    assert server.hits_for(long) == 1  # no waiting an hour inside the run


@pytest.mark.parametrize(("status", "kind"), [(404, FailureKind.PERMANENT), (410, FailureKind.PERMANENT),
                                              (403, FailureKind.PERMANENT), (408, FailureKind.TEMPORARY)])
def test_client_errors_are_not_retried_in_the_run(server: LoopbackServer, settings: Settings, status: int,
                                                  kind: FailureKind) -> None:
    url = server.add(server.url("/gone"), Resource(b"no", status=status))
    with Fetcher(settings) as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(url)
    assert (info.value.kind, info.value.status, server.hits_for(url)) == (kind, status, 1)


def test_responses_over_the_size_cap_are_refused(server: LoopbackServer, settings: Settings) -> None:
    url = server.add(server.url("/big"), Resource(b"x" * 5000))
    with Fetcher(settings.model_copy(update={"max_bytes": 1000})) as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(url)
    assert info.value.kind is FailureKind.PERMANENT and "too large" in info.value.reason


def test_redirects_are_followed_up_to_the_limit(server: LoopbackServer, settings: Settings) -> None:
    target = server.add(server.url("/final"), PAGE)
    start = server.add(server.url("/start"), Resource(b"", status=301, headers={"Location": target}))
    server.add(server.url("/loop-a"), Resource(b"", status=302, headers={"Location": server.url("/loop-b")}))
    server.add(server.url("/loop-b"), Resource(b"", status=302, headers={"Location": server.url("/loop-a")}))
    with Fetcher(settings) as fetcher:
        assert fetcher.get(start).final_url == target
        with pytest.raises(FetchError, match="too many redirects") as info:
            fetcher.get(server.url("/loop-a"))
    assert info.value.kind is FailureKind.PERMANENT
    assert server.hits_for(server.url("/loop-a")) <= settings.max_redirects + 1


def test_a_read_timeout_is_a_temporary_failure(server: LoopbackServer, settings: Settings) -> None:
    url = server.add(server.url("/slow"), Resource(b"late", delay=1.0))
    quick = settings.model_copy(update={"read_timeout": 0.2, "attempts": 1})
    with Fetcher(quick) as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(url)
    assert info.value.kind is FailureKind.TEMPORARY and "Timeout" in info.value.reason


def test_a_refused_connection_is_a_temporary_failure(settings: Settings) -> None:
    with LoopbackServer() as gone:
        url = gone.url("/x")
    allowed = settings.model_copy(update={"attempts": 1, "allow_private_hosts": f"127.0.0.1:{gone.port}"})
    with Fetcher(allowed) as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(url)
    assert info.value.kind is FailureKind.TEMPORARY


def test_per_host_limit_caps_requests_in_flight_and_spaces_them(server: LoopbackServer, settings: Settings) -> None:
    for i in range(6):
        server.add(f"http://busy.example/p{i}", Resource(b"ok", delay=0.1))
        server.add(f"http://other.example/p{i}", Resource(b"ok", delay=0.1))
    limited = settings.model_copy(update={"proxy": server.proxy_url, "per_host_concurrency": 2,
                                          "per_host_interval": 0.05, "workers": 12})
    urls = [f"http://{host}/p{i}" for i in range(6) for host in ("busy.example", "other.example")]
    with Fetcher(limited) as fetcher, ThreadPoolExecutor(12) as pool:
        assert all(r.status == 200 for r in pool.map(fetcher.get, urls))
    assert server.max_in_flight["busy.example"] == 2
    assert server.max_in_flight["other.example"] == 2
    starts = server.started["busy.example"]
    # a lower bound, not a speed target: no two requests to one host start closer than the interval
    assert min(b - a for a, b in pairwise(starts)) >= 0.04
