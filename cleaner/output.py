"""Where ``cleaner clean`` writes: files that appear whole, and runs that resume.

Records go to hidden partial files beside the targets (``.out.jsonl.partial``),
flushed one record at a time, and a journal notes after each record its source
and the byte length of both files. A finished run renames the partial files onto
the targets, so an interrupted run never leaves a truncated output file. A run
with ``resume=True`` reads the journal, cuts the partial files back to the last
record the journal confirms (a record half-written when the process died goes),
and reports which sources are done, so the run continues with no duplicate and
no gap. Files are written as bytes with lengths counted here: no text-file
``tell()`` per record. Records are flushed and journaled every ``flush_every``
records (and at the end): a record is journaled only once it is on disk, so a
crash costs at most the records since the last flush, which the resumed run redoes.
"""

from __future__ import annotations

import io
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Callable, TextIO

from .writers import utf8

Writer = Callable[[dict[str, Any], TextIO], None]


def _hidden(path: Path, suffix: str) -> Path:
    return path.with_name(f".{path.name}.{suffix}")


@dataclass
class _Sink:
    """One byte stream and how many bytes it holds."""

    handle: BinaryIO
    length: int = 0
    owned: bool = True  # False for stdout and stderr, which are not closed

    def write(self, data: bytes) -> None:
        self.handle.write(data)
        self.length += len(data)


def _open_at(path: Path, length: int) -> _Sink:
    """``path`` cut to ``length`` bytes and opened for appending from there (created if absent)."""
    handle = open(path, "r+b" if path.exists() and length else "wb")  # noqa: SIM115 - closed in close()
    handle.seek(length)
    handle.truncate(length)
    return _Sink(handle, length)


@dataclass
class ResumableOutput:
    """Output and error files written through partial files and a journal (see module doc)."""

    output: Path | None  # None: standard output, which cannot resume
    errors: Path | None = None
    done: set[str] = field(default_factory=set)  # sources already written by an earlier run
    #: What the earlier run wrote, by tag (``rule:tempo``, ``fallback:generic``, ``error``), so a
    #: resumed run's summary and exit status are the uninterrupted run's.
    resumed: dict[str, int] = field(default_factory=dict)
    flush_every: int = 1
    _unjournaled: list[bytes] = field(default_factory=list)
    _out: _Sink | None = None
    _err: _Sink | None = None
    _journal: BinaryIO | None = None

    @property
    def partial(self) -> Path | None:
        return _hidden(self.output, "partial") if self.output else None

    @property
    def journal_path(self) -> Path | None:
        return _hidden(self.output, "journal") if self.output else None

    def open(self, *, resume: bool, extend: bool = False) -> "ResumableOutput":
        """Start fresh, or (``resume``) continue from what the journal confirms.

        ``extend``: with no journal, a finished JSONL output is continued rather than
        replaced (its records' ``source`` keys are done); ``cleaner fetch --clean`` adds
        the pages of each run to the same file.
        """
        if extend and self.output is not None and self.output.exists() and not (self.journal_path and self.journal_path.exists()):
            self._adopt_finished_output()
            resume = True
        out_length = err_length = 0
        if self.output is None:
            sys.stdout.flush()
            self._out = _Sink(sys.stdout.buffer, owned=False)
        else:
            assert self.partial is not None and self.journal_path is not None
            self.output.parent.mkdir(parents=True, exist_ok=True)
            journal_length = 0
            if resume and self.journal_path.exists() and self.partial.exists():
                out_length, err_length, journal_length = self._read_journal()
            self._out = _open_at(self.partial, out_length if self.done else 0)
            # A torn last entry (the process died writing it) is cut, so the next entry starts clean.
            self._journal = _open_at(self.journal_path, journal_length if self.done else 0).handle
        if self.errors is not None:
            self.errors.parent.mkdir(parents=True, exist_ok=True)
            self._err = _open_at(_hidden(self.errors, "partial"), err_length if self.done else 0)
        return self

    def _adopt_finished_output(self) -> None:
        """Copy a finished JSONL output to the partial file and journal its records."""
        assert self.output is not None and self.partial is not None and self.journal_path is not None
        length = 0
        with open(self.output, "rb") as source, open(self.partial, "wb") as partial, open(self.journal_path, "wb") as journal:
            for line in source:
                if not line.endswith(b"\n"):
                    break
                try:
                    record_source = json.loads(line).get("source")
                except (json.JSONDecodeError, UnicodeDecodeError, AttributeError):
                    continue
                partial.write(line)
                length += len(line)
                journal.write(_journal_entry(record_source, length, 0))

    def _read_journal(self) -> tuple[int, int, int]:
        """Lengths of the output, error and journal files up to the last whole journal entry."""
        assert self.journal_path is not None
        out_length = err_length = journal_length = 0
        with open(self.journal_path, "rb") as journal:
            for line in journal:
                if not line.endswith(b"\n"):
                    break  # the entry being written when the run stopped
                try:
                    entry = json.loads(line)
                    source, out, err = entry["source"], int(entry["out"]), int(entry["err"])
                except (ValueError, KeyError, TypeError):
                    break  # damaged from here on: the records after the last good entry are redone
                self.done.add(source)
                tag = str(entry.get("tag") or "")
                if tag:
                    self.resumed[tag] = self.resumed.get(tag, 0) + 1
                out_length, err_length = out, err
                journal_length += len(line)
        return out_length, err_length, journal_length

    def write_formatted(self, data: bytes, *, source: str, error: bool, tag: str | None = None) -> None:
        """Write one record already formatted and encoded (by a worker process), then journal it."""
        assert self._out is not None
        target = self._err if error else self._out
        if target is None:  # an error record with no --errors file: stderr
            sys.stderr.flush()
            sys.stderr.buffer.write(data)
            sys.stderr.buffer.flush()
        else:
            target.write(data)
        if self._journal is not None:
            self._unjournaled.append(_journal_entry(source, self._out.length, self._err.length if self._err else 0, tag or ("error" if error else "")))
        if len(self._unjournaled) >= self.flush_every or self._journal is None:
            self.flush()

    def flush(self) -> None:
        """Put the records written so far on disk, then journal them."""
        for sink in (self._out, self._err):
            if sink is not None:
                sink.handle.flush()
        if self._journal is not None and self._unjournaled:
            self._journal.write(b"".join(self._unjournaled))
            self._journal.flush()
            self._unjournaled.clear()

    def write(self, record: dict[str, Any], *, error: bool, writer: Writer, error_writer: Writer) -> None:
        """Format one record with ``writer`` (``error_writer`` for an error record) and write it."""
        buffer = io.StringIO()
        (error_writer if error else writer)(record, buffer)
        self.write_formatted(utf8(buffer.getvalue()), source=str(record.get("source")), error=error)

    def close(self, *, complete: bool) -> None:
        """Close the files; when ``complete``, move them onto the targets and drop the journal."""
        self.flush()
        for sink in (self._out, self._err):
            if sink is not None:
                if sink.owned:
                    sink.handle.close()
                else:
                    sink.handle.flush()
        if self._journal is not None:
            self._journal.close()
        if complete:
            if self.output is not None and self.partial is not None and self.journal_path is not None:
                os.replace(self.partial, self.output)
                self.journal_path.unlink(missing_ok=True)
            if self.errors is not None:
                os.replace(_hidden(self.errors, "partial"), self.errors)


def _journal_entry(source: Any, out_length: int, err_length: int, tag: str = "") -> bytes:
    entry = {"source": source, "out": out_length, "err": err_length, "tag": tag}
    return utf8(json.dumps(entry, ensure_ascii=False) + "\n")
