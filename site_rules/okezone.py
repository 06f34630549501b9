"""Okezone (okezone.com with news., economy., bola., celebrity., lifestyle., video., and its m. pages).

Built from ``../shared/outlets`` (3 saved pages, 1 gold dump, 11 batch texts). What is
Okezone's own: the 2024 byline ``Name , Jurnalis-Selasa, 10 September 2024 |22:09 WIB``,
the font buttons ``A`` ``A`` ``A`` one per line, ``Follow Berita Okezone di Google News``,
video pages' ``Reporter:`` / ``Produser:`` credits, datelines ``JAKARTA - `` (generic) and
``Okezone.com, Jakarta - ``; closing editor names in parentheses (``(Ramdani Bur)``).
"""

from __future__ import annotations

import re

from . import patterns as P
from .generic import Generic

__all__ = ["Okezone"]


class Okezone(Generic):
    """Okezone: the generic reading plus Okezone's own lines."""

    name = "okezone"
    aliases = ("okezone.com",)
    hosts = ("okezone.com",)
    site_field = False
    brands = (r"Okezone",)
    signatures = (
        re.compile(r"^Follow Berita Okezone di Google News", re.M),
        re.compile(r"^.{3,60} , Jurnalis-\w+, \d{1,2} \w+ \d{4}", re.M),
        re.compile(r"^Okezone\.com, [A-Z]", re.M),
    )
    signature_markers = ("Okezone", "Jurnalis-")
    outlet_lines = P.line_patterns(
        "okezone.notice",
        r"Follow Berita Okezone di Google News.*",
        r"A",  # a font-size button, one per line
        r"Produser\s*:.*",
    )
    detection_examples = (
        ("https://news.okezone.com/read/2015/01/01/x", "okezone"),
        ("https://bola.okezone.com/read/2024/09/10/x", "okezone"),
    )
