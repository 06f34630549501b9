"""The crawl's archive: WARC (gzip per record) through warcio.

Why WARC: it is the web-archive standard (ISO 28500) that crawl tools, datatrove's
``WarcReader``, warcio and ``cleaner clean`` itself read; it keeps the final URL,
the status, every header, the fetch time and the body, so a page can be cleaned
again later with a better rule. Each record is its own gzip member, written and
flushed before the next request, so a crash loses at most the record in flight.

The payload is the body as decoded from its transfer and content codings (every
layer, by ``codings``), and the record's headers are rewritten to match it, so every
WARC reader (warcio, datatrove's ``WarcReader``) reads back exactly those bytes:
``Content-Encoding`` and ``Transfer-Encoding`` are removed, ``Content-Length`` is the
stored length, and the server's originals are kept as ``X-Crawler-Original-…``.

Opening an existing archive lists the URLs it holds — a page, or a redirect whose
chain ends in a stored page, so a crash between a redirect and its target loses
nothing — with the validators (``ETag``, ``Last-Modified``) of the latest copy, for
revisits; a record half-written by a crash is cut off. It also keeps the redirects
it holds, so a re-run does not ask again for a redirect loop, a self-redirect or an
over-long chain an earlier run stored (``redirect_chain``). URLs are keyed in their
normalised spelling (``urls.normalise``).

One run at a time: ``open`` takes an exclusive ``flock`` on the archive file itself
(no lock file to plant or leave behind; an ``-o`` through a symbolic link locks the
file it points to, so two names of one archive exclude each other too) and a second
run is refused with ``ArchiveBusy`` rather than interleave its records. The lock
goes with ``close`` or with the process.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO, Iterator
from urllib.parse import urljoin

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .urls import BadUrl, normalise

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: runs are not locked there
    fcntl = None  # type: ignore[assignment]


class ArchiveBusy(Exception):
    """Another run holds the archive's lock."""


def _key(url: str) -> str:
    """A stored URL in its normalised spelling (as it was, where it does not parse)."""
    try:
        return normalise(url)
    except BadUrl:
        return url


@dataclass(frozen=True)
class StoredResponse:
    """One response record read back from the archive."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    date: str | None = None  # its WARC-Date


def read_responses(path: Path) -> Iterator[StoredResponse]:
    """The response records of a WARC file, in order (a torn last record ends the stream)."""
    with open(path, "rb") as handle:
        try:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = int(record.http_headers.get_statuscode() or 0)
                yield StoredResponse(
                    record.rec_headers.get_header("WARC-Target-URI") or "",
                    status,
                    dict(record.http_headers.headers),
                    record.content_stream().read(),
                    record.rec_headers.get_header("WARC-Date"),
                )
        except Exception:  # noqa: BLE001 - a record cut by a crash ends what can be read
            return


#: Headers that describe the bytes on the wire, not the stored payload: rewritten.
_WIRE_HEADERS = ("content-encoding", "transfer-encoding", "content-length")
_REDIRECTS = (301, 302, 303, 307, 308)
SERVER_NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"


@dataclass(frozen=True)
class Stored:
    """The latest stored copy of a page: what a conditional request needs."""

    record_id: str
    date: str
    etag: str | None = None
    last_modified: str | None = None


def payload_headers(headers: list[tuple[str, str]], length: int) -> list[tuple[str, str]]:
    """Headers rewritten for a decoded payload of ``length`` bytes (originals kept as ``X-Crawler-Original-…``)."""
    kept = [(name, value) for name, value in headers if name.lower() not in _WIRE_HEADERS]
    originals = [(f"X-Crawler-Original-{name.title()}", value) for name, value in headers if name.lower() in _WIRE_HEADERS]
    return [*kept, *originals, ("Content-Length", str(length))]


@dataclass
class WarcStore:
    """Append-only WARC output that knows which URLs it already holds."""

    path: Path
    stored: set[str] = field(default_factory=set)
    #: URL → its latest stored copy with status 200 (for ``--revisit``).
    copies: dict[str, Stored] = field(default_factory=dict)
    #: URL → where its stored redirect points (normalised): what ``redirect_chain`` walks.
    redirects: dict[str, str] = field(default_factory=dict)
    _handle: BinaryIO | None = None
    _writer: WARCWriter | None = None

    def open(self) -> "WarcStore":
        """Open for appending, locked; an existing archive is scanned and a torn last record cut off.

        Raises ``ArchiveBusy`` when another run holds the archive.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.fdopen(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666), "r+b")  # noqa: SIM115 - closed in close()
        if fcntl is not None:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                raise ArchiveBusy(
                    f"{self.path} is being written by another cleaner fetch run; wait for it to end "
                    "(a re-run then skips what it stored), or give another -o"
                ) from None
        good_length = 0
        try:
            if os.fstat(handle.fileno()).st_size:
                good_length = self._scan()
        except BaseException:
            handle.close()
            raise
        self._handle = handle
        self._handle.seek(good_length)
        self._handle.truncate(good_length)
        self._writer = WARCWriter(self._handle, gzip=True)
        return self

    def _scan(self) -> int:
        """Collect the stored URLs; return the length of the archive's complete records."""
        good_length = 0
        redirects = self.redirects
        with open(self.path, "rb") as handle:
            iterator = ArchiveIterator(handle)
            try:
                for record in iterator:
                    uri = record.rec_headers.get_header("WARC-Target-URI")
                    uri = _key(uri) if uri else uri
                    record.content_stream().read()  # to the record's end, so its length is known
                    if record.rec_type in ("response", "revisit") and uri and record.http_headers is not None:
                        status = int(record.http_headers.get_statuscode() or 0)
                        location = record.http_headers.get_header("Location")
                        if status in _REDIRECTS and location:
                            redirects[uri] = _key(urljoin(uri, location.strip()))
                        else:
                            self.stored.add(uri)
                            redirects.pop(uri, None)
                        if status == 200 and record.rec_type == "response":
                            self.copies[uri] = Stored(
                                record.rec_headers.get_header("WARC-Record-ID") or "",
                                record.rec_headers.get_header("WARC-Date") or "",
                                record.http_headers.get_header("ETag"),
                                record.http_headers.get_header("Last-Modified"),
                            )
                    good_length = iterator.get_record_offset() + iterator.get_record_length()
            except Exception:  # noqa: BLE001 - the record in flight when a crash came
                pass
        for uri in redirects:  # a redirect counts as stored once its chain ends in a stored page
            target, hops = redirects[uri], 0
            while target in redirects and hops < 20:
                target, hops = redirects[target], hops + 1
            if target in self.stored:
                self.stored.add(uri)
        return good_length

    def redirect_chain(self, url: str) -> tuple[int, bool]:
        """The stored redirects met following ``url`` (0: it is no stored redirect), and whether they loop.

        A chain that loops, or is longer than a crawl allows, was a dead end when it was
        stored and is one still: a re-run need not ask for it again.
        """
        seen, hops = {url}, 0
        while url in self.redirects:
            url, hops = self.redirects[url], hops + 1
            if url in seen:
                return hops, True
            seen.add(url)
        return hops, False

    def write_response(
        self, url: str, status: int, reason: str, headers: list[tuple[str, str]], body: bytes, fetched_at: datetime,
        *, updates: Stored | None = None,
    ) -> str:
        """Append one response record (any status: redirects too), flushed to disk; its record id.

        A redirect is not counted as stored here: the crawler marks it once its target is.
        ``updates``: the earlier copy this one replaces (a revisit that found the page changed).
        """
        assert self._writer is not None and self._handle is not None
        http_headers = StatusAndHeaders(f"{status} {reason}".strip(), payload_headers(headers, len(body)), protocol="HTTP/1.1")
        warc_headers = {"WARC-Date": fetched_at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
        if updates is not None:
            warc_headers["WARC-Refers-To"] = updates.record_id
            warc_headers["WARC-Refers-To-Date"] = updates.date
        content_type = next((value for name, value in headers if name.lower() == "content-type"), "")
        if body and content_type:  # the media type, as readers such as datatrove's WarcReader filter on it
            warc_headers["WARC-Identified-Payload-Type"] = content_type.split(";")[0].strip().lower()
        record = self._writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=http_headers,
            warc_headers_dict=warc_headers,
        )
        self._writer.write_record(record)
        self._handle.flush()
        record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
        location = next((value for name, value in headers if name.lower() == "location"), None)
        if status in _REDIRECTS and location:
            self.redirects[_key(url)] = _key(urljoin(url, location.strip()))
        else:
            self.redirects.pop(_key(url), None)
        if status not in _REDIRECTS:
            self.stored.add(url)
        if status == 200:
            header = {name.lower(): value for name, value in headers}
            self.copies[url] = Stored(record_id, warc_headers["WARC-Date"], header.get("etag"), header.get("last-modified"))
        return record_id

    def write_revisit(self, url: str, reason: str, headers: list[tuple[str, str]], earlier: Stored, fetched_at: datetime) -> None:
        """A ``revisit`` record (profile server-not-modified): the page answered 304 to a conditional request."""
        assert self._writer is not None and self._handle is not None
        http_headers = StatusAndHeaders(f"304 {reason}".strip(), payload_headers(headers, 0), protocol="HTTP/1.1")
        record = self._writer.create_warc_record(
            url, "revisit", http_headers=http_headers,
            warc_headers_dict={
                "WARC-Date": fetched_at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "WARC-Profile": SERVER_NOT_MODIFIED,
                "WARC-Refers-To": earlier.record_id,
                "WARC-Refers-To-Target-URI": url,
                "WARC-Refers-To-Date": earlier.date,
            },
        )
        self._writer.write_record(record)
        self._handle.flush()
        self.stored.add(url)

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def now_utc() -> datetime:
    return datetime.now(timezone.utc)
