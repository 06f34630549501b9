"""A scriptable HTTP server on 127.0.0.1 for the crawler's tests, with a request log.

Each route maps a path to a function of the request count for that path, returning
a ``Reply``; a reply may sleep before answering (a slow server). The log records
the monotonic time, path and User-Agent of every request, so tests check
politeness on what the server saw.
"""

from __future__ import annotations

import http.server
import threading
import time
from dataclasses import dataclass, field
from typing import Callable


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    sleep: float = 0.0


@dataclass(frozen=True)
class Hit:
    at: float
    path: str
    user_agent: str


Route = Callable[[int], Reply]


def always(reply: Reply) -> Route:
    return lambda count: reply


def html_page(title: str, body: str, charset: str = "utf-8") -> bytes:
    return f'<html><head><meta charset="{charset}"><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>'.encode(charset)


class HttpSite:
    """A running server: ``site.url(path)``; ``site.hits`` in order; stop with ``close()``."""

    def __init__(self, routes: dict[str, Route], *, host: str = "127.0.0.1") -> None:
        self.routes = routes
        self.hits: list[Hit] = []
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
                with site._lock:
                    site.hits.append(Hit(time.monotonic(), self.path, self.headers.get("User-Agent", "")))
                    count = site._counts.get(self.path, 0)
                    site._counts[self.path] = count + 1
                route = site.routes.get(self.path)
                reply = route(count) if route else Reply(404, b"not found")
                if reply.sleep:
                    time.sleep(reply.sleep)
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    if "Content-Length" not in reply.headers:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer((host, 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [hit.path for hit in self.hits]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
