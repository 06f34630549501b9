"""Where ``cleaner clean`` writes: files that appear whole, and runs that resume.

Records go to hidden partial files beside the targets (``.out.jsonl.partial``),
flushed one record at a time, and a journal notes after each record its source
and the byte length of both files. A finished run renames the partial files onto
the targets, so an interrupted run never leaves a truncated output file. A run
with ``resume=True`` reads the journal, cuts the partial files back to the last
record the journal confirms (a record half-written when the process died goes),
and reports which sources are done, so the run continues with no duplicate and
no gap.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TextIO

Writer = Callable[[dict[str, Any], TextIO], None]


def _hidden(path: Path, suffix: str) -> Path:
    return path.with_name(f".{path.name}.{suffix}")


@dataclass
class ResumableOutput:
    """Output and error files written through partial files and a journal (see module doc)."""

    output: Path | None  # None: standard output, which cannot resume
    errors: Path | None = None
    done: set[str] = field(default_factory=set)  # sources already written by an earlier run
    _out: TextIO | None = None
    _err: TextIO | None = None
    _journal: TextIO | None = None

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
            self._out = sys.stdout
        else:
            assert self.partial is not None and self.journal_path is not None
            self.output.parent.mkdir(parents=True, exist_ok=True)
            if resume and self.journal_path.exists() and self.partial.exists():
                out_length, err_length = self._read_journal()
            self._out = self._open_at(self.partial, "r+" if self.done else "w", out_length)
            self._journal = open(self.journal_path, "a" if self.done else "w", encoding="utf-8")  # noqa: SIM115
        if self.errors is not None:
            self.errors.parent.mkdir(parents=True, exist_ok=True)
            error_partial = _hidden(self.errors, "partial")
            self._err = self._open_at(error_partial, "r+" if self.done and error_partial.exists() else "w", err_length)
        return self

    def _adopt_finished_output(self) -> None:
        """Copy a finished JSONL output to the partial file and journal its records."""
        assert self.output is not None and self.partial is not None and self.journal_path is not None
        length = 0
        with open(self.output, encoding="utf-8", newline="") as source, open(self.partial, "w", encoding="utf-8", newline="") as partial, open(
            self.journal_path, "w", encoding="utf-8"
        ) as journal:
            for line in source:
                if not line.endswith("\n"):
                    break
                try:
                    record_source = json.loads(line).get("source")
                except (json.JSONDecodeError, AttributeError):
                    continue
                partial.write(line)
                length += len(line.encode("utf-8"))
                journal.write(json.dumps({"source": record_source, "out": length, "err": 0}, ensure_ascii=False) + "\n")

    @staticmethod
    def _open_at(path: Path, mode: str, length: int) -> TextIO:
        handle = open(path, mode, encoding="utf-8", newline="")  # noqa: SIM115 - closed in close()
        handle.seek(length)
        handle.truncate(length)
        return handle

    def _read_journal(self) -> tuple[int, int]:
        assert self.journal_path is not None
        out_length = err_length = 0
        with open(self.journal_path, encoding="utf-8") as journal:
            for line in journal:
                if not line.endswith("\n"):
                    break  # the entry being written when the run stopped
                entry = json.loads(line)
                self.done.add(entry["source"])
                out_length, err_length = entry["out"], entry["err"]
        return out_length, err_length

    def write(self, record: dict[str, Any], *, error: bool, writer: Writer, error_writer: Writer) -> None:
        """Write one record (to the error file when ``error``), flush it, then journal it."""
        assert self._out is not None
        if error:
            error_writer(record, self._err or sys.stderr)
            (self._err or sys.stderr).flush()
        else:
            writer(record, self._out)
            self._out.flush()
        if self._journal is not None:
            err_length = self._err.tell() if self._err else 0
            entry = {"source": record.get("source"), "out": self._out.tell(), "err": err_length}
            self._journal.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self._journal.flush()

    def close(self, *, complete: bool) -> None:
        """Close the files; when ``complete``, move them onto the targets and drop the journal."""
        for handle in (self._out, self._err, self._journal):
            if handle is not None and handle is not sys.stdout:
                handle.close()
        if self._out is sys.stdout:
            sys.stdout.flush()
        if complete:
            if self.output is not None and self.partial is not None and self.journal_path is not None:
                os.replace(self.partial, self.output)
                self.journal_path.unlink(missing_ok=True)
            if self.errors is not None:
                os.replace(_hidden(self.errors, "partial"), self.errors)
