"""Output formats of ``cleaner clean``: JSON Lines (the default), plain text, Markdown."""

from __future__ import annotations

import json
import math
from typing import Any, Callable, TextIO

from .inert import for_markdown, json_inert
from .text import without_surrogates

FORMATS = ("jsonl", "text", "markdown")


def utf8(text: str) -> bytes:
    """``text`` as UTF-8; a lone surrogate (valid in a JSON string, not in UTF-8) becomes U+FFFD."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return without_surrogates(text).encode("utf-8")


def _finite(value: Any) -> Any:
    """``value`` with NaN and infinities as null: JSON has no such numbers."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


def write_jsonl(record: dict[str, Any], out: TextIO) -> None:
    """One JSON object a line; always valid JSON (NaN and infinities written as null), with DEL
    and the C1 controls escaped so that a record printed to a terminal stays inert."""
    try:
        line = json.dumps(record, ensure_ascii=False, allow_nan=False)
    except ValueError:
        line = json.dumps(_finite(record), ensure_ascii=False, allow_nan=False)
    out.write(json_inert(line) + "\n")


def write_text(record: dict[str, Any], out: TextIO) -> None:
    """The clean text alone, followed by a line holding a form feed (``\\f``, the page
    separator of text corpora); a document with no text writes nothing, no empty chunk."""
    if record.get("text"):
        out.write(record["text"] + "\n\f\n")


_MARKDOWN_PREFIX = {"heading": "## ", "item": "- ", "quote": "> "}


def write_markdown(record: dict[str, Any], out: TextIO) -> None:
    """A document in Markdown: title, deck, every metadata field, then the text with its
    sub-headings, list items and quotations (from pages) kept; a non-article says so.

    Every value is page text, escaped (``inert.for_markdown``) so that no tag, comment or
    entity of a page is live HTML when the Markdown is rendered."""
    md = for_markdown
    lines = [f"# {md(str(record['title']))}" if record.get("title") else f"# {md(str(record.get('source', 'untitled')))}", ""]
    if record.get("description"):
        lines += [f"*{md(str(record['description']))}*", ""]
    facts = [
        f"- **{label}:** {md(str(value))}"
        for label, value in (
            ("Site", record.get("site")),
            ("URL", record.get("url")),
            ("Published", record.get("published")),
            ("Updated", record.get("updated")),
            ("Authors", ", ".join(record.get("authors") or [])),
            ("Editors", ", ".join(record.get("editors") or [])),
            ("Dateline", record.get("dateline")),
            ("Category", record.get("category")),
            ("Tags", ", ".join(record.get("tags") or [])),
            ("Paywalled", "yes (a teaser)" if record.get("paywalled") else None),
            ("Source", record.get("source")),
        )
        if value
    ]
    if facts:
        lines += [*facts, ""]
    text = record.get("text") or ""
    if not text:
        reason = (record.get("provenance") or {}).get("reason") or "no article text"
        lines += [f"*No article: {md(str(record.get('outcome', 'non_article')))}, {md(str(reason))}.*", ""]
    else:
        kinds = {index: kind for index, kind in record.get("structure") or ()}
        for index, paragraph in enumerate(text.split("\n\n")):
            kind = kinds.get(index, "")
            lines.append(_MARKDOWN_PREFIX.get(kind, "") + md(paragraph))
            if not (kind == "item" and kinds.get(index + 1) == "item"):  # a list stays one list
                lines.append("")
    lines += ["---", ""]
    out.write("\n".join(lines) + "\n")


WRITERS: dict[str, Callable[[dict[str, Any], TextIO], None]] = {
    "jsonl": write_jsonl,
    "json": write_jsonl,
    "text": write_text,
    "txt": write_text,
    "markdown": write_markdown,
    "md": write_markdown,
}
