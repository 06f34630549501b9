"""Output formats of ``cleaner clean``: JSON Lines (the default), plain text, Markdown."""

from __future__ import annotations

import json
from typing import Any, Callable, TextIO

FORMATS = ("jsonl", "text", "markdown")


def write_jsonl(record: dict[str, Any], out: TextIO) -> None:
    out.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_text(record: dict[str, Any], out: TextIO) -> None:
    """The clean text alone; documents separated by a form feed line (a corpus convention)."""
    out.write((record.get("text") or "") + "\n\f\n")


def write_markdown(record: dict[str, Any], out: TextIO) -> None:
    lines = [f"# {record['title']}" if record.get("title") else f"# {record.get('source', 'untitled')}", ""]
    facts = [
        f"**{label}:** {value}"
        for label, value in (
            ("Site", record.get("site")),
            ("URL", record.get("url")),
            ("Published", record.get("published")),
            ("Authors", ", ".join(record.get("authors") or [])),
            ("Dateline", record.get("dateline")),
        )
        if value
    ]
    if record.get("description"):
        lines += [f"*{record['description']}*", ""]
    if facts:
        lines += ["  \n".join(facts), ""]
    lines += [record.get("text") or "", "", "---", ""]
    out.write("\n".join(lines) + "\n")


WRITERS: dict[str, Callable[[dict[str, Any], TextIO], None]] = {
    "jsonl": write_jsonl,
    "text": write_text,
    "markdown": write_markdown,
}
