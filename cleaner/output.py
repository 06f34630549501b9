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

import errno
import io
import json
import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Callable, TextIO

from .lock import NOFOLLOW, acquire, release
from .resume import differences
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


def create_new(path: Path) -> BinaryIO:
    """A new hidden file at ``path``: what was at the name goes (a stale partial file, or a
    link planted there: the link itself, never its target), and the file is made afresh,
    exclusively and without following links."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW, 0o666)
    return os.fdopen(fd, "wb")


def _open_at(path: Path, length: int) -> _Sink:
    """``path`` cut to ``length`` bytes and opened for appending from there (made afresh when 0).

    An existing file is opened without following links, and must be a regular file: a
    link planted at a hidden name fails (``ELOOP``) instead of being written through.
    """
    if not length:
        return _Sink(create_new(path))
    fd = os.open(path, os.O_RDWR | NOFOLLOW)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OSError(errno.EINVAL, f"{path} is not a regular file")
    handle = os.fdopen(fd, "r+b")
    handle.seek(length)
    handle.truncate(length)
    return _Sink(handle, length)


def _target(path: Path) -> Path:
    """Where ``-o`` writes: through a symbolic link, the file it points to (the link stays, as
    with a shell's ``>``); the hidden partial, journal and lock files go beside that file."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a hidden partial file renamed onto it, so the file
    appears whole; through a link, the file it points to (``_target``). Another run writing
    the same file meanwhile is refused (``lock.OutputBusy``)."""
    target = _target(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = acquire(target)
    try:
        partial = _hidden(target, "partial")
        with create_new(partial) as handle:
            handle.write(data)
        os.replace(partial, target)
    finally:
        release(target, fd)


class ResumeMismatch(ValueError):
    """``--resume`` of a run made from other inputs or options; ``differences`` says what."""

    def __init__(self, differences: list[str]) -> None:
        super().__init__("; ".join(differences))
        self.differences = differences


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
    #: What this run is made from (``resume.fingerprint``): journaled first, and a resume of a
    #: journal made from something else is refused (``ResumeMismatch``).
    made_from: dict[str, Any] | None = None
    _journaled_from: dict[str, Any] | None = None
    _locks: list[tuple[Path, int | None]] = field(default_factory=list)
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
        if self.output is not None:
            self.output = _target(self.output)
        if self.errors is not None:
            self.errors = _target(self.errors)
        for path in (self.output, self.errors):  # a second run on the same files is refused, never interleaved
            if path is not None:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    self._locks.append((path, acquire(path)))
                except BaseException:
                    self._unlock()
                    raise
        try:
            return self._open(resume=resume, extend=extend)
        except BaseException:
            for sink in (self._out, self._err):
                if sink is not None and sink.owned:
                    sink.handle.close()
            if self._journal is not None:
                self._journal.close()
            self._unlock()
            raise

    def _unlock(self) -> None:
        while self._locks:
            release(*self._locks.pop())

    def _open(self, *, resume: bool, extend: bool) -> "ResumableOutput":
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
                if self.made_from is not None and self._journaled_from is not None:
                    changed = differences(self._journaled_from, self.made_from)
                    if changed:
                        raise ResumeMismatch(changed)
            self._out = _open_at(self.partial, out_length if self.done else 0)
            # A torn last entry (the process died writing it) is cut, so the next entry starts clean.
            self._journal = _open_at(self.journal_path, journal_length if self.done else 0).handle
            if not self.done and self.made_from is not None:
                self._journal.write(utf8(json.dumps({"made_from": self.made_from}, ensure_ascii=False) + "\n"))
                self._journal.flush()
        if self.errors is not None:
            self.errors.parent.mkdir(parents=True, exist_ok=True)
            self._err = _open_at(_hidden(self.errors, "partial"), err_length if self.done else 0)
        return self

    def _adopt_finished_output(self) -> None:
        """Copy a finished JSONL output to the partial file and journal its records."""
        assert self.output is not None and self.partial is not None and self.journal_path is not None
        length = 0
        with open(self.output, "rb") as source, create_new(self.partial) as partial, create_new(self.journal_path) as journal:
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
        with os.fdopen(os.open(self.journal_path, os.O_RDONLY | NOFOLLOW), "rb") as journal:
            for line in journal:
                if not line.endswith(b"\n"):
                    break  # the entry being written when the run stopped
                try:
                    entry = json.loads(line)
                    if not journal_length and isinstance(entry, dict) and isinstance(entry.get("made_from"), dict):
                        self._journaled_from = entry["made_from"]
                        journal_length += len(line)
                        continue
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
        """Close the files; when ``complete``, move them onto the targets and drop the journal.
        The output's lock is released in any case."""
        try:
            self._close(complete=complete)
        finally:
            self._unlock()

    def _close(self, *, complete: bool) -> None:
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
