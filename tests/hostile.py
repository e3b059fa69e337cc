"""A hostile HTTP server on loopback: raw sockets, so it can do what well-behaved servers never do
(stall in the middle of the headers, drip one byte at a time, reset the connection mid-body,
send gzip that is not gzip, never stop sending). Each path is a behaviour; every behaviour ends
by itself (bounded loops), and the server stops with the test."""

from __future__ import annotations

import contextlib
import gzip
import socket
import socketserver
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable

Behaviour = Callable[[socket.socket], None]

FOREVER = 60.0  # "never" for a test: longer than any deadline a test sets, shorter than CI's patience


def response(status: int = 200, body: bytes = b"", headers: dict[str, str] | None = None,
             content_type: str = "text/html; charset=utf-8", length: int | None = None) -> bytes:
    head = {"Content-Type": content_type, "Content-Length": str(len(body) if length is None else length),
            "Connection": "close", **(headers or {})}
    lines = [f"HTTP/1.1 {status} X"] + [f"{k}: {v}" for k, v in head.items() if v is not None]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def send(raw: bytes) -> Behaviour:
    return lambda conn: conn.sendall(raw)


def stall_in_headers(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
    time.sleep(FOREVER)


def drip(body: bytes = b"<html><body>" + b"x" * 10_000, every: float = 0.2) -> Behaviour:
    def behave(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body))
        deadline = time.monotonic() + FOREVER
        for byte in body:
            if time.monotonic() > deadline:
                return
            conn.sendall(bytes([byte]))
            time.sleep(every)
    return behave


def drip_headers(conn: socket.socket) -> None:
    head = b"HTTP/1.1 200 OK\r\n" + b"X-Padding: " + b"a" * 2000
    for byte in head:
        conn.sendall(bytes([byte]))
        time.sleep(0.05)


def reset_mid_body(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html><body><p>")
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close sends RST
    conn.close()


def endless(chunk: bytes = b"<p>more</p>" * 100) -> Behaviour:
    def behave(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n")
        deadline = time.monotonic() + FOREVER
        while time.monotonic() < deadline:
            conn.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
    return behave


def gzip_body(body: bytes, cut: int = 0, content_type: str = "text/html; charset=utf-8") -> bytes:
    packed = gzip.compress(body)
    packed = packed[:-cut] if cut else packed
    return response(200, packed, {"Content-Encoding": "gzip"}, content_type)


def gzip_bomb(size: int) -> bytes:
    return response(200, gzip.compress(b"\0" * size, compresslevel=9), {"Content-Encoding": "gzip"})


class HostileServer:
    """``with HostileServer() as hostile: hostile.add("/drip", drip())``; URLs are on 127.0.0.1."""

    def __init__(self) -> None:
        self.routes: dict[str, Behaviour] = {}
        self.hits: Counter[str] = Counter()
        server = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                conn: socket.socket = self.request
                conn.settimeout(10)
                try:
                    data = b""
                    while b"\r\n\r\n" not in data and len(data) < 65536:
                        part = conn.recv(4096)
                        if not part:
                            return
                        data += part
                    path = data.split(b" ", 2)[1].decode("latin-1")
                    path = path.split("://", 1)[1].split("/", 1)[1] if "://" in path else path.lstrip("/")
                    path = "/" + path
                    server.hits[path] += 1
                    behaviour = server.routes.get(path) or server.routes.get(path.split("?", 1)[0])
                    (behaviour or send(response(404, b"not here")))(conn)
                except OSError:
                    pass  # the client gave up: that is the point of most behaviours

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self._server = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, behaviour: Behaviour | bytes) -> str:
        self.routes[path] = send(behaviour) if isinstance(behaviour, bytes) else behaviour
        return self.url(path)

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


class HangingListener:
    """A port whose connect never completes: a listening socket with a full backlog and no
    accept, so the kernel drops further SYNs (a firewall that silently drops looks the same)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(0)
        self.fillers = []
        for _ in range(4):  # fill the accept queue
            filler = socket.socket()
            filler.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                filler.connect(self.sock.getsockname())
            self.fillers.append(filler)

    @property
    def port(self) -> int:
        return int(self.sock.getsockname()[1])

    def close(self) -> None:
        for filler in self.fillers:
            filler.close()
        self.sock.close()
