"""Content codings (RFC 9110 §8.4) decoded layer by layer with bounded memory.

httpx inflates each network chunk whole before a caller can count it, so a few
kilobytes of ``Content-Encoding: gzip, gzip`` become gigabytes before any size
limit applies. Here the raw bytes go through one decoder per coding, in the
reverse of the order they were applied, and every layer is read at most
``PIECE`` bytes at a time (zlib's ``max_length``, brotli's
``output_buffer_limit``), so what is held at once is the caller's limit plus a
piece per layer, however far the body would inflate. A layer between two others
(compressed data for the next) may not grow past ``max(limit, 1 MiB)`` with some
slack either: legitimately compressed data is smaller than what it decodes to.

``gzip`` (and its alias ``x-gzip``), ``deflate`` (zlib-wrapped, or raw as some
servers send it) and ``br`` (when the ``brotli`` module is installed) are decoded;
``identity`` is nothing to do. Anything else (``compress``, ``zstd``, a typo) is
``Undecodable`` with the coding named: the caller fails the URL rather than
archive bytes it cannot read as if they were the page.
"""

from __future__ import annotations

import zlib
from typing import Iterator, Protocol

#: Bytes read from one layer at a time.
PIECE = 64 * 1024
#: More codings than this on one body is not a real server's doing.
MAX_LAYERS = 4


class Undecodable(Exception):
    """The body cannot be decoded: an unknown coding, corrupt data, or a layer inflating past its bound."""


class _Layer(Protocol):
    name: str

    def feed(self, data: bytes) -> None: ...

    def read(self, size: int) -> bytes: ...


class _Zlib:
    """gzip (every member of a multi-member body) or deflate, ``size`` bytes at most per read."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._wbits = 16 + zlib.MAX_WBITS if name == "gzip" else zlib.MAX_WBITS
        self._inflater = zlib.decompressobj(self._wbits)
        self._pending = b""
        self._started = False  # deflate: whether the zlib wrapper was accepted (else raw deflate is tried)
        self._ended = False  # after the last member: trailing bytes are ignored, as browsers do
        self._between = False  # a member ended: does another begin?

    def feed(self, data: bytes) -> None:
        if not self._ended:
            self._pending += data

    def read(self, size: int) -> bytes:
        while not self._ended:
            if self._inflater.eof:  # a member ended: what follows is another gzip member, or ignored
                self._pending = self._inflater.unused_data + self._pending
                self._inflater, self._between = zlib.decompressobj(self._wbits), True
                continue
            if self._between:
                if self.name == "gzip" and len(self._pending) < 2:
                    return b""  # too little yet to tell
                if self.name != "gzip" or self._pending[:2] != b"\x1f\x8b":
                    self._ended, self._pending = True, b""
                    break
                self._between = False
            try:
                out = self._inflater.decompress(self._pending, size)
            except zlib.error as error:
                if self.name == "deflate" and not self._started:  # raw deflate, without the zlib wrapper
                    self._inflater, self._started = zlib.decompressobj(-zlib.MAX_WBITS), True
                    continue
                raise Undecodable(f"corrupt {self.name} data ({error})") from error
            self._started = True
            self._pending = self._inflater.unconsumed_tail
            if out or not self._pending:
                return out
        return b""


class _Brotli:
    """br through the ``brotli`` module, ``size`` bytes at most per read."""

    name = "br"

    def __init__(self) -> None:
        import brotli

        self._brotli = brotli
        self._decoder = brotli.Decompressor()
        self._pending = b""

    def feed(self, data: bytes) -> None:
        self._pending += data

    def read(self, size: int) -> bytes:
        # Output held back by the limit comes first (with empty input, as brotli asks);
        # only then more input. The limit bounds growth: a read may pass it by a buffer step.
        try:
            out = self._decoder.process(b"", output_buffer_limit=size)
            if out or not self._pending or not self._decoder.can_accept_more_data():
                return bytes(out)
            data, self._pending = self._pending, b""
            return bytes(self._decoder.process(data, output_buffer_limit=size))
        except self._brotli.error as error:
            raise Undecodable(f"corrupt br data ({error})") from error


def _brotli_available() -> bool:
    try:
        import brotli
    except ImportError:
        return False
    return hasattr(brotli.Decompressor, "can_accept_more_data")  # bounded output needs brotli >= 1.1


def codings_of(headers: list[tuple[str, str]]) -> list[str]:
    """The codings a response declares, in the order they were applied (``identity`` left out)."""
    found = []
    for name, value in headers:
        if name.lower() == "content-encoding":
            found += [token.strip().lower() for token in value.split(",")]
    return ["gzip" if token == "x-gzip" else token for token in found if token and token != "identity"]


def supported(coding: str) -> bool:
    return coding in ("gzip", "deflate") or (coding == "br" and _brotli_available())


def _layer(coding: str) -> _Layer:
    if coding in ("gzip", "deflate"):
        return _Zlib(coding)
    return _Brotli()


class BodyDecoder:
    """Raw body bytes in, decoded bytes out, piece by piece; see the module docstring.

    ``limit`` is what the caller accepts of the decoded body: it bounds the layers
    between others (the caller stops reading the last layer itself).
    """

    def __init__(self, codings: list[str], limit: int) -> None:
        if len(codings) > MAX_LAYERS:
            raise Undecodable(f"{len(codings)} content codings (more than {MAX_LAYERS})")
        unknown = [coding for coding in codings if not supported(coding)]
        if unknown:
            hint = " (br needs the brotli module, 1.1 or later)" if "br" in unknown else ""
            raise Undecodable(f"content coding {', '.join(repr(c) for c in unknown)} not supported{hint}")
        self.codings = codings
        self._layers = [_layer(coding) for coding in reversed(codings)]  # the last applied is undone first
        self._bound = max(limit, 1 << 20) + max(limit, 1 << 20) // 8
        self._grown = [0] * len(self._layers)

    def feed(self, raw: bytes) -> Iterator[bytes]:
        """The decoded pieces (each at most ``PIECE`` bytes) that ``raw`` makes available."""
        if not self._layers:
            if raw:
                yield raw
            return
        self._layers[0].feed(raw)
        yield from self._drain(0)

    def _drain(self, index: int) -> Iterator[bytes]:
        layer, last = self._layers[index], index == len(self._layers) - 1
        while True:
            out = layer.read(PIECE)
            if not out:
                return
            if last:
                yield out
                continue
            self._grown[index] += len(out)
            if self._grown[index] > self._bound:
                raise Undecodable(f"the {layer.name} layer inflates past {self._bound:,} bytes")
            self._layers[index + 1].feed(out)
            yield from self._drain(index + 1)
