"""Third-party text made inert for where it is shown: a terminal, a Markdown renderer.

A page, a URL or a file name may carry control characters (an ESC sequence retitles
the window or clears the screen; a C1 CSI does the same on many terminals) or raw HTML
(a Markdown renderer passes it through, scripts included). The data keeps them; what
shows them escapes them. A leaf module: the CLI, the explainer and the writers use it.
"""

from __future__ import annotations

import re

#: C0 controls but the tab, DEL and the C1 controls: nothing a reader should receive raw.
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_MARKDOWN_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # a line break stays one
#: What a CommonMark renderer would read as HTML or as an escape: every ``<`` (tags,
#: comments, declarations, autolinks), ``[`` (a link or an image, ``![](…)``, made of
#: page text), a backslash (it could un-escape the next ``<``), a backtick (a code span
#: would show the escapes), and an ``&`` that starts an entity.
_MARKDOWN_ACTIVE = re.compile(r"[<\[\\`]|&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}"


#: DEL and the C1 controls, which ``json.dumps(ensure_ascii=False)`` writes raw.
_JSON_RAW_CONTROLS = re.compile("[\x7f-\x9f]")


def json_inert(line: str) -> str:
    """A JSON text with DEL and the C1 controls as ``\\u009b`` escapes: the same JSON value,
    safe to print to a terminal (``json.dumps`` escapes the C0 controls itself)."""
    if line.isascii() or not _JSON_RAW_CONTROLS.search(line):
        return line
    return _JSON_RAW_CONTROLS.sub(lambda match: f"\\u{ord(match.group()):04x}", line)


def for_terminal(text: str) -> str:
    """``text`` with its control characters shown as ``\\x1b``-style escapes (one line, inert).

    A line break inside a value is shown as ``\\x0a`` too: one value stays one line.
    """
    if text.isprintable():
        return text
    return _CONTROLS.sub(_escaped, text)


def for_markdown(text: str) -> str:
    """``text`` as CommonMark that renders to the same characters, with no live HTML.

    Backslash escapes (CommonMark 2.4) for ``<``, ``[``, ``\\`` and the backtick; ``&`` before
    what would be an entity reference becomes ``&amp;``. Control characters (never in
    clean text, possible in a URL or a file name) are shown escaped; line breaks stay.
    """
    text = _MARKDOWN_ACTIVE.sub(lambda match: "&amp;" if match.group() == "&" else "\\" + match.group(), text)
    return text if text.isprintable() else _MARKDOWN_CONTROLS.sub(_escaped, text)
