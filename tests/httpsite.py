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
    #: Seconds between the body's bytes: a server that drips its answer.
    drip: float = 0.0
    #: The page's validator: a request whose If-None-Match names it gets 304 Not Modified.
    etag: str | None = None


@dataclass(frozen=True)
class Hit:
    at: float
    path: str
    user_agent: str
    headers: dict[str, str] = field(default_factory=dict)


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
                    site.hits.append(Hit(time.monotonic(), self.path, self.headers.get("User-Agent", ""), dict(self.headers.items())))
                    count = site._counts.get(self.path, 0)
                    site._counts[self.path] = count + 1
                route = site.routes.get(self.path)
                reply = route(count) if route else Reply(404, b"not found")
                if reply.sleep:
                    time.sleep(reply.sleep)
                if reply.etag and self.headers.get("If-None-Match") == reply.etag:
                    reply = Reply(304, b"", {"ETag": reply.etag})
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    if reply.etag:
                        self.send_header("ETag", reply.etag)
                    if "Content-Length" not in reply.headers:
                        self.send_header("Content-Length", str(len(reply.body)))
                    elif int(reply.headers["Content-Length"]) > len(reply.body):
                        self.close_connection = True  # a body shorter than announced: the connection ends
                    self.end_headers()
                    if reply.drip:
                        for index in range(len(reply.body)):
                            self.wfile.write(reply.body[index : index + 1])
                            self.wfile.flush()
                            time.sleep(reply.drip)
                    else:
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
