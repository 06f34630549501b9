"""Reading the CLI's inputs: files, folders, stdin; dumps, HTML, JSONL, and their .gz forms.

Every input document comes out as one ``InputDocument``; one that cannot be read
(undecodable, empty, an invalid JSON line) comes out too, carrying its error, so
the caller writes an error record for it and no record is silently lost.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Iterator

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES


@dataclass(frozen=True)
class InputDocument:
    """One document to clean, or the error that kept it from being read."""

    source: str  # a path, or path:line for a JSONL record, "-" or "-:line" for stdin
    content: str | bytes | None = None
    url: str | None = None
    id: Any = None
    extra: dict[str, Any] = field(default_factory=dict)  # other JSONL keys, carried through
    error: str | None = None


def _base_suffix(path: Path) -> str:
    """``.txt`` for ``a.txt`` and ``a.txt.gz``."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def expand_paths(inputs: list[str]) -> Iterator[str]:
    """Files as given, folders walked recursively (known suffixes only, sorted), ``-`` as is."""
    for item in inputs:
        if item == "-":
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _base_suffix(child) in KNOWN_SUFFIXES and not child.name.endswith(".expected.json"):
                    yield str(child)
        else:
            yield item


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


def _looks_like_jsonl(head: bytes) -> bool:
    return head.lstrip().startswith(b"{")


def read_documents(inputs: list[str]) -> Iterator[InputDocument]:
    """Yield every document of ``inputs`` in order, errors included.

    A dump or page file takes its URL from a manifest beside it (``manifest_urls``).
    """
    manifests: dict[Path, dict[str, str]] = {}
    for name in expand_paths(inputs):
        try:
            handle = _open_binary(name)
        except OSError as error:
            yield InputDocument(name, error=f"cannot open: {error.strerror or error}")
            continue
        try:
            suffix = _base_suffix(Path(name)) if name != "-" else ""
            if suffix in JSONL_SUFFIXES:
                yield from _read_jsonl(name, handle)
                continue
            try:
                data = handle.read()
            except (OSError, EOFError, gzip.BadGzipFile) as error:
                yield InputDocument(name, error=f"cannot read: {error}")
                continue
            if name == "-" and _looks_like_jsonl(data[:64]):
                yield from _read_jsonl(name, iter(data.splitlines(keepends=True)))
                continue
            folder = Path(name).resolve().parent
            if folder not in manifests:
                manifests[folder] = manifest_urls(folder)
            yield _whole_file(name, data, manifests[folder].get(Path(name).name))
        finally:
            if handle is not sys.stdin.buffer:
                handle.close()


def _whole_file(name: str, data: bytes, url: str | None = None) -> InputDocument:
    if not data.strip():
        return InputDocument(name, url=url, error="empty input")
    if b"\x00" in data[:4096]:
        return InputDocument(name, url=url, error="binary input (NUL bytes), not a text dump or HTML page")
    return InputDocument(name, content=data, url=url)


def _read_jsonl(name: str, lines: Any) -> Iterator[InputDocument]:
    try:
        for number, raw in enumerate(lines, start=1):
            source = f"{name}:{number}"
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except (UnicodeDecodeError, json.JSONDecodeError) as error:
                yield InputDocument(source, error=f"invalid JSON line: {error}")
                continue
            if not isinstance(record, dict):
                yield InputDocument(source, error="JSON line is not an object")
                continue
            content = record.get("html") if record.get("html") is not None else record.get("text")
            extra = {k: v for k, v in record.items() if k not in ("text", "html", "url", "id")}
            url = record.get("url") if isinstance(record.get("url"), str) else None
            if not isinstance(content, str) or not content.strip():
                yield InputDocument(source, url=url, id=record.get("id"), extra=extra, error="record has no text or html")
                continue
            yield InputDocument(source, content=content, url=url, id=record.get("id"), extra=extra)
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        yield InputDocument(name, error=f"cannot read: {error}")
