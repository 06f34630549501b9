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


#: Codecs Python knows that are no charset of a web page: a label naming one is bogus.
_NOT_CHARSETS = frozenset(
    ("undefined", "punycode", "idna", "unicode_escape", "raw_unicode_escape", "utf_7", "mbcs", "oem", "palmos", "rot_13")
)


def text_codec(label: str | None) -> str | None:
    """The codec a charset label names, or None for an unknown or bogus one (``undefined``, ``punycode``)."""
    if not label:
        return None
    try:
        info = codecs.lookup(label.strip().strip("\"'"))
    except (LookupError, ValueError, TypeError):
        return None
    if info.name in _NOT_CHARSETS or not getattr(info, "_is_text_encoding", True):
        return None
    return info.name


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return text_codec(match.group(1).decode("ascii"))
    except UnicodeDecodeError:
        return None


def high_byte_noise(data: bytes) -> bool:
    """Bytes that are no text in any charset a news page uses: mostly bytes 0x80–0xFF.

    Called on bytes that are not UTF-8. Indonesian text in a legacy single-byte
    charset is nearly all ASCII (letters, spaces, markup), a few accented letters aside;
    random or compressed data has half its bytes high.
    """
    sample = data[:65536]
    high = len(sample) - len(sample.translate(None, _HIGH))
    return bool(sample) and high * 10 > len(sample) * 3


_HIGH = bytes(range(0x80, 0x100))


class NotText(ValueError):
    """Bytes that decode to no text in any charset: random or compressed data."""


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, list[str]]:
    """Decode ``data`` to text (``encoding``: the HTTP header's charset).

    An unknown or bogus charset label falls back to detection. Raises ``NotText`` for
    bytes that are mostly high-byte noise; nothing else raises.
    """
    warnings: list[str] = []
    if encoding:
        codec = text_codec(encoding)
        if codec is None:
            warnings.append(f"the HTTP charset {encoding[:40]!r} is unknown; detecting the charset")
        else:
            try:
                return repair_mojibake(data.decode(codec), warnings), warnings
            except (UnicodeError, LookupError, ValueError):
                warnings.append(f"the HTTP charset {encoding[:40]} does not decode the body; detecting the charset")
    try:
        return repair_mojibake(data.decode("utf-8-sig"), warnings), warnings
    except UnicodeDecodeError:
        pass
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # a UTF-16 byte-order mark
        try:
            return repair_mojibake(data.decode("utf-16"), warnings), warnings
        except UnicodeDecodeError:
            pass
    if high_byte_noise(data):
        raise NotText("binary input: mostly bytes 0x80-0xFF, no text in any charset")
    declared = _declared_charset(data) if b"<" in data[:4096] else None
    if declared and declared != "utf-8":
        try:
            return repair_mojibake(data.decode(declared), warnings), warnings
        except (UnicodeError, LookupError, ValueError):
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
