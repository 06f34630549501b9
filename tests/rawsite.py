"""A raw socket server on 127.0.0.1 for responses no well-behaved server library sends.

Each path maps to the exact bytes written back (status line, headers, body) before
the connection is closed; the log keeps every request's path and headers, so a test
sees what the crawler sent (an ``Authorization`` header, say). Unknown paths get a 404.
"""

from __future__ import annotations

import socket
import threading


def response(status: str, headers: list[tuple[str, str]], body: bytes = b"", *, chunked: bool = False) -> bytes:
    """The bytes of an HTTP/1.1 response; ``chunked`` sends the body in chunks of 4 KiB without a length."""
    head = [f"HTTP/1.1 {status}", *(f"{name}: {value}" for name, value in headers), "Connection: close"]
    if chunked:
        head.append("Transfer-Encoding: chunked")
        pieces = [body[i : i + 4096] for i in range(0, len(body), 4096)]
        payload = b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces) + b"0\r\n\r\n"
    else:
        head.append(f"Content-Length: {len(body)}")
        payload = body
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + payload


class RawSite:
    """A running server: ``site.url(path)``; ``site.requests`` as (path, headers); stop with ``close()``."""

    def __init__(self, routes: dict[str, bytes]) -> None:
        self.routes = routes
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._socket.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def base(self) -> str:
        host, port = self._socket.getsockname()[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except (socket.timeout, OSError):
                continue
            with connection:
                connection.settimeout(5)
                data = b""
                try:
                    while b"\r\n\r\n" not in data and len(data) < 65536:
                        chunk = connection.recv(4096)
                        if not chunk:
                            break
                        data += chunk
                    lines = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
                    path = lines[0].split(" ")[1] if len(lines[0].split(" ")) > 1 else ""
                    headers = {name.strip(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])}
                    self.requests.append((path, headers))
                    connection.sendall(self.routes.get(path, response("404 Not Found", [], b"not found")))
                except OSError:
                    pass

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._socket.close()
