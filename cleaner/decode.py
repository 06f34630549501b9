"""Bytes to text, mojibake repair, and telling HTML from a text dump.

Decoding order: the HTTP header's charset where the caller knows it; a byte-order
mark or valid UTF-8 (the web's default); for HTML the charset its ``<meta>``
declares; else the charset detector (charset-normalizer).
Text that was decoded wrongly upstream (``â€œ`` for ``“``, ``Ã©`` for ``é``) is
repaired with ftfy's ``fix_encoding``, which changes only what is unambiguously
mojibake; nothing undecodable raises.
"""

from __future__ import annotations

import codecs
import re

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|article|p|title)\b", re.I | re.S)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
# Sequences a UTF-8 text shows after being read as Latin-1 / windows-1252.
_MOJIBAKE = re.compile("[ÃÂ][\u0080-\u00bf]|â€|Ã[a-zA-Z]|â\u0080")


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, list[str]]:
    """Decode ``data`` to text (``encoding``: the HTTP header's charset); never raises."""
    warnings: list[str] = []
    if encoding:
        try:
            return repair_mojibake(data.decode(codecs.lookup(encoding).name), warnings), warnings
        except (LookupError, UnicodeDecodeError):
            warnings.append(f"the HTTP charset {encoding} does not decode the body; detecting the charset")
    try:
        return repair_mojibake(data.decode("utf-8-sig"), warnings), warnings
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data) if b"<" in data[:4096] else None
    if declared and declared != "utf-8":
        try:
            return repair_mojibake(data.decode(declared), warnings), warnings
        except (UnicodeDecodeError, LookupError):
            warnings.append(f"the page declares {declared} but is not; detecting the charset")
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None:
            warnings.append(f"input is not UTF-8; decoded as {best.encoding}")
            return repair_mojibake(str(best), warnings), warnings
    except Exception:  # noqa: BLE001 - a detector failure must not lose the record
        pass
    warnings.append("input is not UTF-8; decoded as windows-1252 with replacements")
    return data.decode("cp1252", errors="replace"), warnings


def repair_mojibake(text: str, warnings: list[str] | None = None) -> str:
    """Undo UTF-8-read-as-Latin-1 damage where it is unambiguous; other text is returned as is."""
    if not ("Ã" in text or "Â" in text or "â" in text) or not _MOJIBAKE.search(text):
        return text  # the substring tests are cheap on a whole page; the pattern is not
    from ftfy import fix_encoding

    fixed = fix_encoding(text)
    if fixed != text and warnings is not None:
        warnings.append("mis-decoded text (mojibake) repaired")
    return fixed


# C0 controls other than whitespace and NUL (which stray into real dumps), and U+FFFD.
_BINARY_CHARS = re.compile("[\x01-\x08\x0e-\x1f\x7f\ufffd]")


def looks_binary(text: str) -> bool:
    """True for decoded bytes that are no text: an image, an archive, a PDF.

    Real text has almost no control characters; random bytes have about one in nine.
    """
    sample = text[:65536]
    return bool(sample) and len(_BINARY_CHARS.findall(sample)) * 20 > len(sample)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is markup rather than a dump of visible text."""
    head = text[:2048]
    if "<" not in head:
        return False
    return bool(_HTML_START.match(head)) or head.lower().count("</p>") + head.lower().count("</div>") >= 3
