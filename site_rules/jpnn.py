"""JPNN (jpnn.com with www., m. and m.jpnn.com/amp).

Built from ``../shared/outlets`` (1 gold dump, 13 batch texts). What is JPNN's own: the
date line ``Senin, 09 November 2009 – 16:49 WIB``, datelines ``jpnn.com - JAKARTA - ``
(generic), ``Redaktur & Reporter : Tim Redaksi``, ``Silakan baca konten menarik lainnya
dari JPNN.com di Google News``, the 2026 mobile app promos (``Close Banner Apps
JPNN.com``, ``Download Apps JPNN.com``), codes ``(dil/jpnn)`` (shared).
"""

from __future__ import annotations

import re

from cleaner.dates import date_line

from . import patterns as P
from .base import DatelineForm, Draft, TextOptions
from .generic import Generic

#: The lead printed again after the body: its dateline, then text cut mid-sentence.
_REPEATED_LEAD = re.compile(r"(?:jpnn\.com\s*-\s*)?[A-Z][A-Z.'’]{2,}(?: [A-Z][A-Z.'’]+){0,3}\s*(?:--|-|–|—)\s+.{20,}(?<![.!?\"”'’)])")
#: ``Senin, 09 November 2009 – 16:49 WIB``: JPNN puts a dash between the day and the time.
_DASHED_DATE = re.compile(r"(?P<day>[A-Z][a-z]+, \d{1,2} [A-Z][a-z]+ \d{4})\s+[–—-]\s+(?P<time>\d{1,2}[:.]\d{2}(?: WI[BT]A?)?)")

__all__ = ["JPNN"]


class JPNN(Generic):
    """JPNN (jpnn.com, m.jpnn.com): built from 1 gold dump and 13 batch texts of ../shared/outlets.

    JPNN: the generic reading plus JPNN's own lines.
    """

    name = "jpnn"
    aliases = ("jpnn.com",)
    hosts = ("jpnn.com",)
    dateline_outlets = (("alone", r"jpnn\.com"), ("alone", r"JPNN\.com"))  # how its datelines name it
    site_field = False
    signatures = (
        re.compile(r"^jpnn\.com - ", re.M),
        re.compile(r"^Silakan baca konten menarik lainnya dari JPNN\.com", re.M),
        re.compile(r"\([a-z]{2,5}/jpnn\)$", re.M),
    )
    signature_markers = ("jpnn", "JPNN")
    # The 2026 breadcrumb "JPNN.com - Daerah - Sumsel" has the shape of "jpnn.com - PALEMBANG - ":
    # a dateline opens a paragraph of the lead's length, never a short header line.
    dateline_forms = tuple(
        DatelineForm(form.pattern if isinstance(form, DatelineForm) else form, min_line_chars=max(60, getattr(form, "min_line_chars", 0)))
        for form in Generic.dateline_forms
    )
    # The lead is printed again after the body, cut mid-sentence: on a page-2 excerpt it must not
    # be read as the dateline (everything above it would be taken for the header).
    options = TextOptions(max_prose_before_dateline=2)
    outlet_lines = P.line_patterns(
        "jpnn.notice",
        r"Silakan baca konten menarik lainnya dari JPNN\.com.*",
        r"(?:date \d{4}-\d{2}-\d{2} )?(?:Close Banner|Download) Apps JPNN\.com.*",
        # The 2026 mobile page's app banner, menu and the headline image's alt text.
        r"JPNN\.com App|Aplikasi Berita Terbaru dan Terpopuler|Dapatkan di Play Store atau Apps? Store|Rubrik JPNN\.com.*",
        r".{10,200} - JPNN\.COM",
    )
    # The 2026 mobile page's breadcrumb: "JPNN.com - Daerah - Sumsel" (its last item is the section).
    category_labels = (re.compile(r"JPNN\.com(?: - [A-Z][\w ]{1,30})* - (?P<category>[A-Z][\w ]{1,30})"),)
    detection_examples = (
        ("https://www.jpnn.com/news/x", "jpnn"),
        ("https://m.jpnn.com/amp/news/x", "jpnn"),
    )

    def body_line(self, line: str, draft: Draft) -> str | None:
        """The lead printed again after the body, cut mid-sentence (a dateline never opens a later paragraph)."""
        return "jpnn.repeated_lead" if draft.paragraphs and _REPEATED_LEAD.fullmatch(line) else None

    def header_line(self, line: str, draft: Draft, seen_title: bool) -> bool:
        """JPNN's date line under the title, a dash between the day and the time."""
        dashed = _DASHED_DATE.fullmatch(line)
        if dashed:
            iso = date_line(f"{dashed.group('day')} {dashed.group('time')}")
            if iso:
                draft.published = draft.published or iso
                return True
        return super().header_line(line, draft, seen_title)
