"""The crawl's archive: WARC (gzip per record) through warcio.

Why WARC: it is the web-archive standard (ISO 28500) that crawl tools, datatrove's
``WarcReader``, warcio and ``cleaner clean`` itself read; it keeps the final URL,
the status, every header, the fetch time and the exact body bytes, so a page can
be cleaned again later with a better rule. Each record is its own gzip member,
written and flushed before the next request, so a crash loses at most the record
in flight. Opening an existing archive lists the URLs it holds (a re-run skips
them) and cuts off a record half-written by a crash.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO, Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass(frozen=True)
class StoredResponse:
    """One response record read back from the archive."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes


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
                )
        except Exception:  # noqa: BLE001 - a record cut by a crash ends what can be read
            return


@dataclass
class WarcStore:
    """Append-only WARC output that knows which URLs it already holds."""

    path: Path
    stored: set[str] = field(default_factory=set)
    _handle: BinaryIO | None = None
    _writer: WARCWriter | None = None

    def open(self) -> "WarcStore":
        """Open for appending; an existing archive is scanned and a torn last record cut off."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        good_length = 0
        if self.path.exists():
            good_length = self._scan()
        self._handle = open(self.path, "r+b" if self.path.exists() else "wb")  # noqa: SIM115 - closed in close()
        self._handle.seek(good_length)
        self._handle.truncate(good_length)
        self._writer = WARCWriter(self._handle, gzip=True)
        return self

    def _scan(self) -> int:
        """Collect the stored URLs; return the length of the archive's complete records."""
        good_length = 0
        with open(self.path, "rb") as handle:
            iterator = ArchiveIterator(handle)
            try:
                for record in iterator:
                    uri = record.rec_headers.get_header("WARC-Target-URI")
                    record.content_stream().read()  # to the record's end, so its length is known
                    if record.rec_type == "response" and uri:
                        self.stored.add(uri)
                    good_length = iterator.get_record_offset() + iterator.get_record_length()
            except Exception:  # noqa: BLE001 - the record in flight when a crash came
                pass
        return good_length

    def write_response(self, url: str, status: int, reason: str, headers: list[tuple[str, str]], body: bytes, fetched_at: datetime) -> None:
        """Append one response record (any status: redirects too) and flush it to disk."""
        assert self._writer is not None and self._handle is not None
        http_headers = StatusAndHeaders(f"{status} {reason}".strip(), headers, protocol="HTTP/1.1")
        warc_headers = {"WARC-Date": fetched_at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
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
        self.stored.add(url)

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def now_utc() -> datetime:
    return datetime.now(timezone.utc)
