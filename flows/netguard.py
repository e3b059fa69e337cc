"""Where our requests may go, and for how long: the outbound policy and the request deadline.

A news crawler follows links that strangers wrote. Without a policy a feed entry or a redirect
pointing at ``http://127.0.0.1:8080/admin`` or the cloud metadata address ``169.254.169.254``
is fetched and stored like any article (server-side request forgery). The policy is enforced
where it cannot be bypassed: in the network backend under httpx, on the address actually
connected to, after DNS resolution and on every redirect hop; a name that resolves to a
private address is refused like the address itself, and a rebinding DNS answer is vetted at
the moment of connecting. ``CONFLICTWIRE_ALLOW_PRIVATE_HOSTS`` (``host`` or ``host:port``,
comma-separated) is the only way through. The configured proxy is the operator's own choice
and is always reachable; behind it, names the proxy resolves are the proxy's business, and
literal private addresses and names that resolve privately here are still refused.

The deadline bounds a whole request (connect, headers, body): a server that drips one byte a
second never trips a per-read timeout, so every read is given at most what is left of it.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
import typing
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpcore
from httpcore._backends.sync import SyncBackend, SyncStream

logger = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class PolicyRefusedError(Exception):
    """A request the policy does not allow: a permanent failure that says why."""


def address_problem(ip: IPAddress) -> str | None:
    """Why we never connect to ``ip``, or None for a public address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return address_problem(ip.ipv4_mapped)
    for label, flag in (("an unspecified", ip.is_unspecified), ("a loopback", ip.is_loopback),
                        ("a link-local (cloud metadata)", ip.is_link_local), ("a multicast", ip.is_multicast),
                        ("a private", ip.is_private), ("a reserved", ip.is_reserved)):
        if flag:
            return f"{label} address"
    if not ip.is_global:  # shared address space (100.64/10), documentation ranges ...
        return "a non-public address"
    return None


def parse_allow_list(value: str | None) -> frozenset[str]:
    """``"localhost, 127.0.0.1:8080"`` -> entries in lower case, IPv6 brackets kept."""
    return frozenset(part.strip().lower() for part in (value or "").split(",") if part.strip())


@dataclass
class Deadline:
    """The end of the current request in this thread, and whether it was reached."""

    at: float | None = None
    expired: bool = False

    def remaining(self) -> float | None:
        return None if self.at is None else self.at - time.monotonic()

    def passed(self) -> bool:
        """Whether the request ran out of time (a read given only the time left timed out)."""
        remaining = self.remaining()
        return self.expired or (remaining is not None and remaining <= 0.01)


RESOLVED_TTL = 60.0


@dataclass
class OutboundPolicy:
    allow: frozenset[str] = frozenset()
    proxy: tuple[str, int] | None = None
    _local: threading.local = field(default_factory=threading.local)
    # behind a proxy, what each target host resolved to here, for a minute: a lookup per request
    # costs a DNS round trip (seconds when the resolver drops a query) for an advisory check
    _resolved: dict[tuple[str, int], tuple[float, list[IPAddress]]] = field(default_factory=dict)
    _resolved_lock: threading.Lock = field(default_factory=threading.Lock)

    # -- allow list ----------------------------------------------------------------------------
    def allowed(self, host: str, port: int) -> bool:
        host = host.lower().strip("[]")
        return host in self.allow or f"{host}:{port}" in self.allow or f"[{host}]:{port}" in self.allow

    def vet(self, host: str, port: int, addresses: Iterable[IPAddress]) -> None:
        """Raise ``PolicyRefusedError`` unless every address of ``host`` is public, or the host is
        on the allow list."""
        if self.allowed(host, port):
            return
        for ip in addresses:
            problem = address_problem(ip)
            if problem:
                shown = host if host == str(ip) else f"{host} ({ip})"
                raise PolicyRefusedError(f"refused: {shown} is {problem}; "
                                      "allow it with CONFLICTWIRE_ALLOW_PRIVATE_HOSTS")

    def check_url(self, url: str) -> None:
        """Before each request and redirect hop: only http(s), and no literal or locally
        resolvable private target (the backend checks again at connect time)."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https"):
            raise PolicyRefusedError(f"refused: {parts.scheme or 'no'} scheme ({url[:80]}); "
                                     "only http and https are fetched")
        host = (parts.hostname or "").lower()
        if not host:
            raise PolicyRefusedError(f"refused: no host in {url[:80]}")
        try:
            port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        except ValueError as exc:
            raise PolicyRefusedError(f"refused: bad port in {url[:80]}") from exc
        if self.proxy is not None:
            # Behind a proxy we never connect to the target ourselves: vet what we can see here.
            self.vet(host, port, _literal(host) or self._resolve_cached(host, port))

    def _resolve_cached(self, host: str, port: int) -> list[IPAddress]:
        now = time.monotonic()
        with self._resolved_lock:
            hit = self._resolved.get((host, port))
        if hit is not None and hit[0] > now:
            return hit[1]
        addresses = _resolve_quietly(host, port)
        with self._resolved_lock:
            self._resolved[(host, port)] = (now + RESOLVED_TTL, addresses)
        return addresses

    # -- deadline ------------------------------------------------------------------------------
    @property
    def deadline(self) -> Deadline:
        current = getattr(self._local, "deadline", None)
        if current is None:
            current = self._local.deadline = Deadline()
        return current

    @contextmanager
    def deadline_of(self, seconds: float) -> Iterator[Deadline]:
        """Bound every network wait in this thread to ``seconds`` from now, together."""
        deadline = self.deadline
        deadline.at, deadline.expired = time.monotonic() + seconds, False
        try:
            yield deadline
        finally:
            deadline.at = None

    def bounded(self, timeout: float | None) -> float | None:
        remaining = self.deadline.remaining()
        if remaining is None:
            return timeout
        if remaining <= 0:
            self.deadline.expired = True
            raise httpcore.ReadTimeout("request deadline exceeded")
        return remaining if timeout is None else min(timeout, remaining)


def _literal(host: str) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        return [ipaddress.ip_address("127.0.0.1")] if host == "localhost" or host.endswith(".localhost") else []


def _resolve_quietly(host: str, port: int) -> list[IPAddress]:
    try:
        return _resolve(host, port)
    except OSError:
        return []  # the proxy resolves it, or it does not exist


def _resolve(host: str, port: int) -> list[IPAddress]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


class GuardedStream(SyncStream):
    """Every read and write gets at most the time left before the request's deadline."""

    def __init__(self, sock: socket.socket, policy: OutboundPolicy) -> None:
        super().__init__(sock)
        self._policy = policy

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return super().read(max_bytes, self._policy.bounded(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        super().write(buffer, self._policy.bounded(timeout))

    def start_tls(self, ssl_context: typing.Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        stream = super().start_tls(ssl_context, server_hostname, self._policy.bounded(timeout))
        sock = stream.get_extra_info("socket")
        return GuardedStream(sock, self._policy) if isinstance(stream, SyncStream) else stream


class GuardedBackend(SyncBackend):
    """httpcore's own socket backend, connecting only to addresses the policy allows (the
    configured proxy always), with the deadline applied to the connect and every read."""

    def __init__(self, policy: OutboundPolicy) -> None:
        self.policy = policy

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: typing.Iterable[typing.Any] | None = None) -> httpcore.NetworkStream:
        if self.policy.proxy is not None and (host.lower(), port) == self.policy.proxy:
            addresses = None  # the operator's proxy
        else:
            try:
                addresses = _literal(host) or _resolve(host, port)
            except OSError as exc:
                raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
            self.policy.vet(host, port, addresses)
        if addresses is None:
            stream = super().connect_tcp(host, port, self.policy.bounded(timeout), local_address, socket_options)
            return GuardedStream(stream.get_extra_info("socket"), self.policy)
        last: Exception | None = None
        for ip in addresses:  # connect to the address we vetted, not to a second DNS answer
            try:
                stream = super().connect_tcp(str(ip), port, self.policy.bounded(timeout), local_address,
                                             socket_options)
                return GuardedStream(stream.get_extra_info("socket"), self.policy)
            except httpcore.ConnectError as exc:
                last = exc
        raise last or httpcore.ConnectError(f"no address for {host}")
