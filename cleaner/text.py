"""Line-level normalization shared by every rule.

A raw dump is "one block per line" (GUIDE, Inputs). Before any rule looks at it we
make each line comparable: non-breaking and zero-width spaces become plain spaces,
runs of blanks of every Unicode kind (thin, hair, ideographic, …) collapse, so no
pattern downstream meets a long run of them (a blank-run pattern over one is
quadratic), the stray ``Â`` left by a mis-decoded NBSP goes, and the crawl artefact
`` date 2025-05 `` that some crawlers glue before the text is cut.
Nothing else is rewritten: quotes, case and punctuation stay as displayed.
"""

from __future__ import annotations

import re

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[^\S\n]+")  # every Unicode blank (str.isspace) but the line break
# "Â" is what a UTF-8 NBSP (C2 A0) becomes when read as Latin-1; alone or before a space.
_STRAY_A_CIRC = re.compile(r"Â(?=\s|$)")
# Line breaks other than \n (which ``str.split("\n")`` would miss) and control characters.
_ODD_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x01-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]+")
_CRAWL_DATE_PREFIX = re.compile(r"^date \d{4}-\d{2}(?:-\d{2})? +")


def visible_length(text: str | None) -> int:
    """``len(" ".join(text.split()))``, the length of ``text`` with its blanks collapsed,
    without building the joined string (the fallback measures a whole page with it)."""
    words = text.split() if text else []
    return sum(map(len, words)) + len(words) - 1 if words else 0


def normalize_line(line: str) -> str:
    """Return ``line`` trimmed, with blanks collapsed and mojibake NBSPs removed."""
    if line.isascii() and line.isprintable() and "  " not in line and "date " not in line[:6]:
        return line.strip()  # the common case: nothing to normalize
    if not line.isprintable():
        # NUL bytes are dropped (a UTF-16 text read as UTF-8 interleaves them); another
        # control character separates words at most.
        line = _CONTROLS.sub(" ", line.replace("\x00", ""))
    if not line.isascii():
        line = line.translate(_INVISIBLE).replace("\u00c2\u00a0", " ")
        if "Â" in line:
            line = _STRAY_A_CIRC.sub("", line)
    line = _SPACES.sub(" ", line).strip()
    if line.startswith("date "):
        line = _CRAWL_DATE_PREFIX.sub("", line)
    return line


def split_lines(text: str) -> list[str]:
    """Split a dump into normalized, non-empty lines (blank lines carry no meaning)."""
    if "\r" in text or (not text.isascii() and ("\x85" in text or "\u2028" in text or "\u2029" in text)):
        text = _ODD_BREAKS.sub("\n", text)  # substring tests first: a pattern search costs more
    out = []
    for raw in text.split("\n"):
        line = normalize_line(raw)
        if line:
            out.append(line)
    return out


def word_count(line: str) -> int:
    return len(line.split())


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """A lone surrogate (valid in a JSON string, never in UTF-8 text) becomes U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def ends_sentence(line: str) -> bool:
    """True when the line ends like prose (so it is not a heading or a title)."""
    return line.rstrip("\"'”’)»] ").endswith((".", "!", "?", ";", ":")) or line.endswith((".", '."', '.”'))
