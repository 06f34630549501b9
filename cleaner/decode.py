"""Bytes to text, and telling HTML from a text dump."""

from __future__ import annotations

import re

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|article|p|title)\b", re.I | re.S)


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Decode ``data``: UTF-8 first (the web's default), else the charset detector.

    Returns the text and warnings; never raises.
    """
    warnings: list[str] = []
    try:
        return data.decode("utf-8-sig"), warnings
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None:
            warnings.append(f"input is not UTF-8; decoded as {best.encoding}")
            return str(best), warnings
    except Exception:  # noqa: BLE001 - a detector failure must not lose the record
        pass
    warnings.append("input is not UTF-8; decoded as windows-1252 with replacements")
    return data.decode("cp1252", errors="replace"), warnings


def looks_like_html(text: str) -> bool:
    """True when ``text`` is markup rather than a dump of visible text."""
    head = text[:2048]
    if "<" not in head:
        return False
    return bool(_HTML_START.match(head)) or head.lower().count("</p>") + head.lower().count("</div>") >= 3
