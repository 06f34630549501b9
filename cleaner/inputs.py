"""Reading the CLI's inputs: files, folders, stdin; dumps, HTML, JSONL, and their .gz forms.

Every input document comes out as one ``InputDocument``; one that cannot be read
(undecodable, empty, an invalid JSON line) comes out too, carrying its error, so
the caller writes an error record for it and no record is silently lost.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from .limits import DEFAULT_LIMITS

#: Dumps. A Markdown dump is read as Markdown by its signals, whatever its suffix; a ``.md`` file
#: is read when named, not in a folder walk, where ``.md`` files are a folder's README and notes.
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: JSON Lines (what ``datasets.Dataset.to_json`` writes) or one JSON array of records: sniffed.
JSON_SUFFIXES = (".json",)
WARC_SUFFIXES = (".warc",)
#: Common Crawl's WET files (``.warc.wet.gz``, ``.wet``, ``.wet.gz``): WARC ``conversion`` records.
WET_SUFFIXES = (".wet",)
KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + JSON_SUFFIXES + WARC_SUFFIXES + WET_SUFFIXES
#: Files beside inputs that are not inputs: a fixture's expected record and meta.
SIDECAR_SUFFIXES = (".expected.json", ".meta.json")
#: Errors a damaged file raises while it is read (a corrupt deflate stream raises ``zlib.error``).
READ_ERRORS = (OSError, EOFError, zlib.error, ValueError)
#: Content types of WARC responses that are pages to clean; other records are not documents.
_PAGE_TYPES = ("text/html", "application/xhtml+xml")
#: WARC headers of a WET ``conversion`` record carried to the output, by the output key.
_WET_KEYS = (("warc_refers_to", "WARC-Refers-To"), ("warc_language", "WARC-Identified-Content-Language"))


@dataclass(frozen=True)
class InputDocument:
    """One document to clean, or the error that kept it from being read."""

    source: str  # a path, or path:line for a JSONL record, "-" or "-:line" for stdin
    content: str | bytes | None = None
    url: str | None = None
    id: Any = None
    extra: dict[str, Any] = field(default_factory=dict)  # other JSONL keys, carried through
    error: str | None = None
    encoding: str | None = None  # the charset of the bytes, where a header gave one (WARC)
    json_line: bytes | None = None  # a JSONL line not parsed yet (``read_documents(lazy_json=True)``)
    when: str | None = None  # a date known from outside the document (a WARC-Date): layouts of its era first

    def parsed(self) -> "InputDocument":
        """This document with its JSON line parsed (itself when there is none)."""
        return parse_json_line(self.source, self.json_line) if self.json_line is not None else self


def _base_suffix(path: Path) -> str:
    """``.txt`` for ``a.txt`` and ``a.txt.gz``."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _walk(folder: Path) -> Iterator[tuple[Path, OSError | None]]:
    """Every entry below ``folder``, sorted, with None; a folder that cannot be listed (no
    permission, removed meanwhile) with its error. Links to folders are not followed (no loops)."""
    unlisted: list[OSError] = []
    for root, dirs, files in os.walk(folder, followlinks=False, onerror=unlisted.append):
        while unlisted:
            error = unlisted.pop(0)
            yield Path(error.filename or root), error
        dirs.sort()
        for name in sorted(files):
            yield Path(root) / name, None
    for error in unlisted:  # the last folder listed, or ``folder`` itself
        yield Path(error.filename or folder), error


def expand_paths(inputs: list[str], skipped: list[tuple[str, str]] | None = None) -> Iterator[str]:
    """The files of ``inputs`` (see ``expand_inputs``); a folder that cannot be listed is left out."""
    return (name for name, error in expand_inputs(inputs, skipped) if error is None)


def expand_inputs(inputs: list[str], skipped: list[tuple[str, str]] | None = None) -> Iterator[tuple[str, str | None]]:
    """Files as given, folders walked recursively (sorted), ``-`` as is; each file once.

    In a folder, files with a known suffix (``.txt``, ``.html``, ``.jsonl``, ``.json``,
    ``.warc``, ``.wet`` and ``.warc.wet``, and their ``.gz`` forms) and files with no suffix (sniffed) are inputs;
    anything else — other suffixes, fixture sidecars, FIFOs and devices — is passed
    over and listed in ``skipped`` with the reason (a fixture's ``.expected.json`` and
    ``.meta.json`` and URL manifests go with their inputs and are not counted). A file named twice (or a file and
    its folder) is read once. Each file comes with None; a folder that cannot be listed
    (no permission) comes with the reason, to be reported like a file that cannot be read.
    """
    seen: set[str] = set()

    def once(name: str) -> bool:
        key = os.path.realpath(name)
        if key in seen:
            if skipped is not None:
                skipped.append((name, "given twice: read once"))
            return False
        seen.add(key)
        return True

    for item in inputs:
        if item == "-":
            yield item, None
            continue
        path = Path(item)
        if not path.is_dir():
            if once(item):
                yield item, None
            continue
        for child, unlisted in _walk(path):
            if unlisted is not None:  # reported like a file that cannot be read: an error record
                yield str(child), f"cannot list the folder: {unlisted.strerror or unlisted}"
                continue
            if child.name.endswith(SIDECAR_SUFFIXES) or child.name in MANIFEST_NAMES:
                continue  # what travels with inputs: a fixture's expected record and meta, URL manifests
            reason = None
            if not child.is_file():
                reason = "not a regular file (a FIFO, a device or a broken link)"
            elif child.name.startswith("."):
                reason = "a hidden file"
            elif _base_suffix(child) not in KNOWN_SUFFIXES and _base_suffix(child) != "":
                reason = f"unknown suffix {_base_suffix(child)}"
            if reason is None:
                if once(str(child)):
                    yield str(child), None
            elif skipped is not None:
                skipped.append((str(child), reason))


MANIFEST_NAMES = ("INDEX.tsv", "PROVENANCE.tsv")
_URL = re.compile(r"https?://\S+")


def manifest_urls(directory: Path) -> dict[str, str]:
    """File name → URL from the manifests (``INDEX.tsv``, ``PROVENANCE.tsv``) of ``directory``
    and up to two folders above it: tab-separated tables with ``file`` (or ``path``) and
    ``url`` columns, as crawls and corpora keep them. Cells that are no URL are ignored."""
    urls: dict[str, str] = {}
    for folder in (*reversed(directory.parents[:2]), directory):  # the nearest table wins
        for name in MANIFEST_NAMES:
            table = folder / name
            if not table.is_file():
                continue
            try:
                with table.open(encoding="utf-8", newline="") as handle:
                    for row in csv.DictReader(handle, delimiter="\t"):
                        file_name, url = row.get("file") or row.get("path") or "", (row.get("url") or "").strip()
                        if file_name and _URL.fullmatch(url):
                            urls[Path(file_name).name] = url
            except (OSError, UnicodeDecodeError, csv.Error):
                continue  # a broken manifest only means no URLs from it
    return urls


def _open_binary(name: str) -> BinaryIO:
    if name == "-":
        return sys.stdin.buffer
    handle: BinaryIO = open(name, "rb")  # noqa: SIM115 - closed by the caller
    if name.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=handle)  # type: ignore[return-value]
    return handle


def read_documents(
    inputs: list[str], *, lazy_json: bool = False, skipped: list[tuple[str, str]] | None = None, limit: int = DEFAULT_LIMITS.max_input_bytes,
) -> Iterator[InputDocument]:
    """Yield every document of ``inputs`` in order, errors included; never raises.

    A dump or page file takes its URL from a manifest beside it (``manifest_urls``).
    ``lazy_json``: JSONL lines come unparsed (``InputDocument.parsed()`` parses them),
    so worker processes, not the reader, pay for the parsing. ``skipped`` collects the
    files a folder walk passes over, with the reason. ``.json`` and suffix-less files
    are sniffed from their first bytes: JSON Lines, a JSON array of records, or a dump or page.

    Memory stays bounded whatever the input: everything is read in chunks, and a
    document (a file, once decompressed; a JSON line; an element of a JSON array; a
    WARC record) of more than ``limit`` bytes is refused with its reason once ``limit``
    bytes are read, the rest of it skipped unread or in chunks.
    """
    manifests: dict[Path, dict[str, str]] = {}
    for name, unreadable in expand_inputs(inputs, skipped):
        if unreadable is not None:
            yield InputDocument(name, error=unreadable)
            continue
        try:
            handle = _open_binary(name)
        except (OSError, ValueError) as error:  # ValueError: a name with a NUL byte
            yield InputDocument(name, error=f"cannot open: {_os_reason(error)}")
            continue
        try:
            suffix = _base_suffix(Path(name)) if name != "-" else ""
            if suffix in WARC_SUFFIXES or suffix in WET_SUFFIXES:
                yield from _read_warc(name, limit)
                continue
            if suffix in JSONL_SUFFIXES:
                yield from _read_jsonl(name, _bounded_lines(_chunks(handle), limit), lazy_json, limit)
                continue
            try:
                head = _sniff(handle, limit) if suffix in JSON_SUFFIXES or suffix == "" else b""
            except READ_ERRORS as error:
                yield InputDocument(name, error=f"cannot read: {type(error).__name__}: {error}")
                continue
            first = head.lstrip()[:1]
            if first == b"{":
                yield from _read_jsonl(name, _bounded_lines(_chunks(handle, head), limit), lazy_json, limit)
                continue
            if first == b"[":
                replay = _Replay(head)
                records = _read_json_array(name, replay.chunks(handle), limit)
                try:
                    opening = next(records, None)
                except READ_ERRORS as error:
                    yield InputDocument(name, error=f"cannot read: {type(error).__name__}: {error}")
                    continue
                if opening is not None and opening.error != _NOT_RECORDS:
                    replay.stop()
                    yield opening
                    yield from records
                    continue
                head = replay.recorded  # not an array of records: a dump or page that opens with "["
            if suffix in JSON_SUFFIXES:
                yield InputDocument(name, error="a .json file that is neither JSON Lines nor a JSON array of records")
                continue
            try:
                data = head + handle.read(limit + 1 - len(head)) if len(head) <= limit else head
            except READ_ERRORS as error:
                yield InputDocument(name, error=f"cannot read: {type(error).__name__}: {error}")
                continue
            folder = Path(name).resolve().parent if name != "-" else Path.cwd()
            if folder not in manifests:
                manifests[folder] = manifest_urls(folder)
            yield _whole_file(name, data, manifests[folder].get(Path(name).name), limit)
        finally:
            if handle is not sys.stdin.buffer:
                handle.close()


def _os_reason(error: BaseException) -> str:
    return (error.strerror if isinstance(error, OSError) else None) or str(error)


#: Bytes read at a time: every reader here holds a few of these, plus at most one document.
CHUNK = 1 << 16
#: Formats whose signature is plain ASCII (no NUL byte to give them away): never a page or dump.
_BINARY_SIGNATURES = {b"%PDF-": "a PDF file", b"%!PS": "a PostScript file", b"{\\rtf": "an RTF document", b"PK\x03\x04": "a ZIP archive"}


def _whole_file(name: str, data: bytes, url: str | None = None, limit: int = DEFAULT_LIMITS.max_input_bytes) -> InputDocument:
    if len(data) > limit:
        return InputDocument(name, url=url, error=f"input too large: more than {limit:,} bytes (the limit; decompressed where compressed)")
    if not data.strip():
        return InputDocument(name, url=url, error="empty input")
    if b"\x00" in data[:4096]:
        return InputDocument(name, url=url, error="binary input (NUL bytes), not a text dump or HTML page")
    start = data[:1024].lstrip()
    for signature, kind in _BINARY_SIGNATURES.items():
        if start.startswith(signature):
            return InputDocument(name, url=url, error=f"binary input ({kind}), not a text dump or HTML page")
    return InputDocument(name, content=data, url=url)


def _chunks(handle: BinaryIO, head: bytes = b"") -> Iterator[bytes]:
    """``head``, then the rest of ``handle`` ``CHUNK`` bytes at a time."""
    if head:
        yield head
    while chunk := handle.read(CHUNK):
        yield chunk


def _sniff(handle: BinaryIO, limit: int) -> bytes:
    """The first bytes of ``handle``, up to the first that is not white space (at most ``limit`` + 1 bytes)."""
    head = b""
    while len(head) <= limit:
        chunk = handle.read(CHUNK)
        if not chunk:
            break
        head += chunk
        if chunk.strip():
            break
    return head


class _Replay:
    """Chunks of a stream, recorded until ``recorded`` is taken: a sniffed file that turns out
    to be no JSON array is read again from its first byte, stdin included."""

    def __init__(self, head: bytes) -> None:
        self._parts = [head]
        self._recording = True

    def chunks(self, handle: BinaryIO) -> Iterator[bytes]:
        yield self._parts[0]
        while chunk := handle.read(CHUNK):
            if self._recording:
                self._parts.append(chunk)
            yield chunk

    def stop(self) -> None:
        """Record no more (the stream is what it was sniffed to be)."""
        self._recording = False
        self._parts = [b""]

    @property
    def recorded(self) -> bytes:
        self._recording = False
        return b"".join(self._parts)


def _bounded_lines(chunks: Iterator[bytes], limit: int) -> Iterator[bytes | None]:
    """The lines of a stream of chunks, each with its newline; None for a line of more than
    ``limit`` bytes, whose bytes are dropped as they come (never held whole)."""
    pending: list[bytes] = []
    size = 0
    too_long = False
    for chunk in chunks:
        start = 0
        while True:
            end = chunk.find(b"\n", start) + 1
            piece = chunk[start:end] if end else chunk[start:]
            if not too_long:
                size += len(piece)
                if size > limit:
                    too_long, pending = True, []
                else:
                    pending.append(piece)
            if not end:
                break
            yield None if too_long else b"".join(pending)
            pending, size, too_long = [], 0, False
            start = end
    if too_long:
        yield None
    elif pending:
        yield b"".join(pending)


_NOT_RECORDS = "not a JSON array of records"
_STRUCTURE = re.compile(rb'["\[\]{},]')
_STRING_END = re.compile(rb'["\\]')


def _array_elements(chunks: Iterator[bytes], limit: int) -> Iterator[bytes | None]:
    """The raw bytes of each element of a JSON array streamed in ``chunks`` (the first opens
    with ``[``); None for an element of more than ``limit`` bytes, dropped as it streams by.

    Only the array's own commas and brackets are found (strings and nesting are tracked),
    so no element is parsed here and none is held beyond the limit. A stream that ends
    before the array does raises ``EOFError``.
    """
    depth = 0  # nesting inside the array's elements
    in_string = escaped = False
    parts: list[bytes] = []
    size = 0
    too_large = opened = False

    def element(last: bytes) -> bytes | None:
        return None if too_large or size + len(last) > limit else b"".join([*parts, last])

    for data in chunks:
        position = start = 0
        if not opened:
            position = start = data.index(b"[") + 1
            opened = True
        while position < len(data):
            if escaped:
                position, escaped = position + 1, False
                continue
            if in_string:
                match = _STRING_END.search(data, position)
                if match is None:
                    break
                position = match.end()
                if match.group() == b"\\":
                    escaped = True
                else:
                    in_string = False
                continue
            match = _STRUCTURE.search(data, position)
            if match is None:
                break
            mark, position = match.group(), match.end()
            if mark == b'"':
                in_string = True
            elif mark in b"[{":
                depth += 1
            elif mark in b"]}" and depth:
                depth -= 1
            elif mark == b"]" or (mark == b"," and not depth):
                raw = element(data[start : position - 1])
                if raw is None or raw.strip():
                    yield raw
                parts, size, too_large, start = [], 0, False, position
                if mark == b"]":
                    return
        piece = data[start:]
        if not too_large:
            size += len(piece)
            if size > limit:
                too_large, parts = True, []
            else:
                parts.append(piece)
    raise EOFError("the JSON array is cut short")


def _read_json_array(name: str, chunks: Iterator[bytes], limit: int) -> Iterator[InputDocument]:
    """The records of a JSON array, streamed; the first comes back as ``_NOT_RECORDS`` when the
    array's first element is no record (the file is then no batch of records)."""
    number = 0
    started = False
    try:
        for number, raw in enumerate(_array_elements(chunks, limit), start=1):
            source = f"{name}:{number}"
            if raw is None:
                started = True
                yield InputDocument(source, error=f"input too large: a record of more than {limit:,} bytes (the limit)")
                continue
            try:
                record = json.loads(raw, parse_constant=_no_constant)
            except (ValueError, RecursionError) as error:
                if number == 1:
                    yield InputDocument(name, error=_NOT_RECORDS)
                    return
                yield InputDocument(source, error=f"invalid JSON record: {type(error).__name__}: {str(error)[:200]}")
                continue
            if number == 1 and not isinstance(record, dict):
                yield InputDocument(name, error=_NOT_RECORDS)
                return
            started = True
            yield _from_record(source, record)
    except (*READ_ERRORS, EOFError) as error:
        if number == 0 or (number == 1 and not started):
            yield InputDocument(name, error=_NOT_RECORDS)
            return
        yield InputDocument(f"{name}:{number + 1}", error=f"cannot read past record {number}: {type(error).__name__}: {error}")


def _read_jsonl(name: str, lines: Iterator[bytes | None], lazy: bool, limit: int = DEFAULT_LIMITS.max_input_bytes) -> Iterator[InputDocument]:
    number = 0
    try:
        for number, raw in enumerate(lines, start=1):
            source = f"{name}:{number}"
            if raw is None:
                yield InputDocument(source, error=f"input too large: a JSON line of more than {limit:,} bytes (the limit)")
                continue
            if not raw.strip():
                continue
            yield InputDocument(source, json_line=raw) if lazy else parse_json_line(source, raw)
    except READ_ERRORS as error:
        yield InputDocument(f"{name}:{number + 1}", error=f"cannot read past line {number}: {type(error).__name__}: {error}")


def _no_constant(name: str) -> None:
    """``NaN``, ``Infinity`` and ``-Infinity`` in an input are no JSON: read as null."""
    return None


def parse_json_line(source: str, raw: bytes) -> InputDocument:
    """One JSONL record as a document: ``text`` or ``html``, ``url``, ``id``, other keys carried.

    Never raises: invalid JSON, nesting too deep, an integer too long to read, or
    invalid UTF-8 give a document carrying the error.
    """
    try:
        record = json.loads(raw, parse_constant=_no_constant)
    except (ValueError, RecursionError) as error:
        return InputDocument(source, error=f"invalid JSON line: {type(error).__name__}: {str(error)[:200]}")
    return _from_record(source, record)


def _from_record(source: str, record: Any) -> InputDocument:
    if not isinstance(record, dict):
        return InputDocument(source, error="JSON line is not an object")
    content = record.get("html") if record.get("html") is not None else record.get("text")
    extra = {k: v for k, v in record.items() if k not in ("text", "html", "url", "id")}
    url = record.get("url") if isinstance(record.get("url"), str) else None
    if not isinstance(content, str) or not content.strip():
        return InputDocument(source, url=url, id=record.get("id"), extra=extra, error="record has no text or html")
    return InputDocument(source, content=content, url=url, id=record.get("id"), extra=extra)


def _read_warc(name: str, limit: int = DEFAULT_LIMITS.max_input_bytes) -> Iterator[InputDocument]:
    """The documents of a WARC file (``.warc``, ``.warc.gz``) or a WET file (``.warc.wet.gz``,
    ``.wet``), via warcio: HTML responses with status 200, and ``conversion`` records of
    plain text (Common Crawl's WET: the text of a page, a dump), each with its target URI
    (choosing the rule), record id, WARC-Date (the era) and, for a conversion, the record
    it was converted from (``warc_refers_to``) and the language Common Crawl identified
    (``warc_language``).

    Other records (``warcinfo``, requests, redirects, robots.txt, images, metadata) are
    not documents and are passed over; a file cut short gives an error record after
    the documents read before the cut.
    """
    from warcio.archiveiterator import ArchiveIterator

    number = 0
    try:
        with open(name, "rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type not in ("response", "resource", "conversion"):
                    continue
                number += 1
                headers = record.http_headers
                if record.rec_type == "response" and (headers is None or headers.get_statuscode() != "200"):
                    continue
                content_type = (headers.get_header("Content-Type") if headers else record.rec_headers.get_header("Content-Type")) or ""
                converted = record.rec_type == "conversion"
                if converted and not (content_type or "text/plain").lower().startswith("text/plain"):
                    continue
                if not converted and not content_type.lower().startswith(_PAGE_TYPES):
                    continue
                body = record.content_stream().read(limit + 1)  # the rest of a larger record is skipped in chunks
                source = f"{name}:{number}"
                if len(body) > limit:
                    yield InputDocument(source, url=record.rec_headers.get_header("WARC-Target-URI"),
                                        error=f"input too large: a WARC record of more than {limit:,} bytes (the limit)")
                    continue
                if getattr(record.raw_stream, "limit", 0) > 0:  # warcio hands out a cut record's bytes silently
                    yield InputDocument(source, url=record.rec_headers.get_header("WARC-Target-URI"), error="WARC record cut short")
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                record_id = record.rec_headers.get_header("WARC-Record-ID")
                extra = {key: value for key, header in _WET_KEYS if converted and (value := record.rec_headers.get_header(header))}
                if not body.strip():
                    yield InputDocument(source, url=url, id=record_id, extra=extra, error="empty input")
                    continue
                yield InputDocument(
                    source, content=body, url=url, id=record_id, encoding=charset_of(content_type),
                    when=record.rec_headers.get_header("WARC-Date"), extra=extra,
                )
    except Exception as error:  # noqa: BLE001 - warcio raises several types on a damaged archive
        yield InputDocument(name, error=f"cannot read the WARC file past record {number}: {type(error).__name__}: {error}")


def charset_of(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header, if any."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None
