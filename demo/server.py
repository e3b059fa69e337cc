"""A loopback HTTP server for the demo and the tests: real sockets, real HTTP/1.1.

It serves any number of sites by host name. Clients reach it directly
(``http://127.0.0.1:PORT/path``) or use it as their HTTP proxy, which lets the demo keep stable,
realistic URLs (``http://sahelwire.example/...``) while every byte stays on 127.0.0.1. It
answers conditional requests with 304, and a route can be a list of responses served in turn
(``[503, 503, 200]``) to play out retries.
"""

from __future__ import annotations

import hashlib
import html
import logging
import threading
import time
import tomllib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

DEFAULT_LAST_MODIFIED = "Sat, 28 Nov 2026 18:00:00 GMT"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


@dataclass
class Resource:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    conditional: bool = True  # send ETag/Last-Modified and honour If-None-Match/If-Modified-Since
    delay: float = 0.0  # seconds to wait before answering (timeouts)

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'


Route = Resource | Sequence[Resource] | Callable[[dict[str, str]], Resource]


class LoopbackServer:
    """``with LoopbackServer() as server: server.add(url, Resource(...))``."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._served: Counter[str] = Counter()
        # per host: requests being answered now, the most ever at once, and start times
        self.in_flight: Counter[str] = Counter()
        self.max_in_flight: Counter[str] = Counter()
        self.started: dict[str, list[float]] = {}
        self._lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), _make_handler(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="loopback-http", daemon=True)

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def proxy_url(self) -> str:
        return self.base_url

    def url(self, path: str) -> str:
        return self.base_url + path

    def add(self, url: str, route: Route) -> str:
        self.routes[_route_key(url)] = route
        return url

    def start(self) -> LoopbackServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def hits_for(self, url: str) -> int:
        return self.hits[_route_key(url)]

    def requests_for(self, url: str) -> list[dict[str, str]]:
        """The headers of every request made for ``url``, in order."""
        key = _route_key(url)
        with self._lock:
            return [headers for k, headers in self.requests if k == key]

    def enter(self, host: str) -> None:
        with self._lock:
            self.in_flight[host] += 1
            self.max_in_flight[host] = max(self.max_in_flight[host], self.in_flight[host])
            self.started.setdefault(host, []).append(time.monotonic())

    def leave(self, host: str) -> None:
        with self._lock:
            self.in_flight[host] -= 1

    def resolve(self, key: str, headers: dict[str, str]) -> Resource | None:
        with self._lock:
            self.hits[key] += 1
            self.requests.append((key, headers))
            route = self.routes.get(key)
            if route is None and "?" in key:
                # Like real news sites, ignore query strings a page does not use (utm_* ...).
                route = self.routes.get(key.split("?", 1)[0])
            if route is None:
                return None
            if isinstance(route, Resource):
                return route
            if callable(route):
                return route(headers)
            index = min(self._served[key], len(route) - 1)
            self._served[key] += 1
            return route[index]


class _Server(ThreadingHTTPServer):
    # The standard library listens with a backlog of 5: a crawler opening 16 connections at once
    # would see the others' SYNs dropped and retried a second later, as no real site does.
    request_queue_size = 128


def _route_key(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path or "/"
    return f"{parts.netloc.lower()}{path}" + (f"?{parts.query}" if parts.query else "")


def _make_handler(server: LoopbackServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "conflictwire-loopback/1"

        def do_GET(self) -> None:
            headers = {k.lower(): v for k, v in self.headers.items()}
            if self.path.startswith(("http://", "https://")):  # proxy form: absolute URI
                key = _route_key(self.path)
            else:
                key = _route_key(f"http://{headers.get('host', '')}{self.path}")
            host = key.split("/", 1)[0]
            server.enter(host)
            try:
                self._answer(key, headers)
            finally:
                server.leave(host)

        def _answer(self, key: str, headers: dict[str, str]) -> None:
            resource = server.resolve(key, headers)
            if resource is None:
                self._send(404, b"<html><body><h1>404 Not Found</h1></body></html>", "text/html", {})
                return
            if resource.delay:
                time.sleep(resource.delay)
            extra = dict(resource.headers)
            if resource.conditional and resource.status == 200:
                extra.setdefault("ETag", resource.etag)
                extra.setdefault("Last-Modified", DEFAULT_LAST_MODIFIED)
                if (headers.get("if-none-match") == extra["ETag"]
                        or headers.get("if-modified-since") == extra["Last-Modified"]):
                    self._send(304, b"", None, extra)
                    return
            self._send(resource.status, resource.body, resource.content_type, extra)

        def _send(self, status: int, body: bytes, content_type: str | None, extra: dict[str, str]) -> None:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            for name, value in extra.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            logger.debug("loopback %s", format % args)

    return Handler


# -- the demo's sites ---------------------------------------------------------------------------

PAGE_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | {site}</title>
<link rel="canonical" href="{canonical}">
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta property="og:type" content="article">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}">
</head>
<body>
<header><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/africa">Africa</a> |
<a href="/middle-east">Middle East</a> | <a href="/subscribe">Subscribe</a></nav></header>
<main>
<article>
<h1>{title}</h1>
<p class="byline">By {author} | <time datetime="{published}">{published_text}</time></p>
{paragraphs}
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Markets close higher</a></li>
<li><a href="/b">Weather: dry week ahead</a></li></ul></aside>
</main>
<footer><p>&copy; 2026 {site}. All rights reserved. | <a href="/privacy">Privacy</a></p></footer>
</body>
</html>
"""


def render_story(story: dict[str, Any]) -> bytes:
    esc = {k: html.escape(str(v)) for k, v in story.items() if isinstance(v, str)}
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in story["body"])
    return PAGE_TEMPLATE.format(
        title=esc["title"], site=esc["site"], author=esc["author"], published=esc["published"],
        published_text=esc["published"][:10], canonical=html.escape(story.get("canonical", story["url"])),
        paragraphs=paragraphs,
    ).encode("utf-8")


def add_sitemaps(server: LoopbackServer, stories: Sequence[dict[str, Any]]) -> None:
    """Serve each site's stories the way news sites list them: ``robots.txt`` names a sitemap
    index, which points at one Google News sitemap per publication day."""
    by_site: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for story in stories:
        parts = urlsplit(story["url"])
        by_site.setdefault(f"{parts.scheme}://{parts.netloc}", {}).setdefault(story["published"][:10], []).append(story)
    for site, days in by_site.items():
        server.add(f"{site}/robots.txt", Resource(f"User-agent: *\nAllow: /\n\nSitemap: {site}/sitemap_index.xml\n"
                                                  .encode(), "text/plain; charset=utf-8"))
        index = "".join(f"<sitemap><loc>{site}/sitemaps/news-{day}.xml</loc>"
                        f"<lastmod>{max(s['published'] for s in day_stories)}</lastmod></sitemap>"
                        for day, day_stories in sorted(days.items()))
        server.add(f"{site}/sitemap_index.xml", Resource(
            f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{SITEMAP_NS}">{index}</sitemapindex>'
            .encode(), "application/xml"))
        for day, day_stories in days.items():
            urls = "".join(
                f"<url><loc>{html.escape(s['url'])}</loc><news:news><news:publication><news:name>"
                f"{html.escape(s['site'])}</news:name><news:language>en</news:language></news:publication>"
                f"<news:publication_date>{s['published']}</news:publication_date>"
                f"<news:title>{html.escape(s['title'])}</news:title></news:news></url>"
                for s in day_stories)
            server.add(f"{site}/sitemaps/news-{day}.xml", Resource(
                f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">'
                f"{urls}</urlset>".encode(), "application/xml"))


def demo_server() -> LoopbackServer:
    """A server with every demo feed, page and sitemap; the missing page is simply not there (404)."""
    folder = files("demo")
    server = LoopbackServer()
    for feed in tomllib.loads(folder.joinpath("feeds.toml").read_text(encoding="utf-8"))["feed"]:
        body = folder.joinpath(feed["file"]).read_bytes()
        server.add(feed["url"], Resource(body, feed["content_type"]))
    stories = tomllib.loads(folder.joinpath("stories.toml").read_text(encoding="utf-8"))["story"]
    for story in stories:
        server.add(story["url"], Resource(render_story(story)))
    add_sitemaps(server, stories)
    return server
