"""The generic rule: any Indonesian outlet with no rule of its own, and the base of the outlet rules.

It knows every dateline form of the corpus and the boilerplate common to Indonesian
news pages (``patterns.SHARED_DROPS`` and ``SHARED_STOPS``, and what other outlets share:
``OUTLET_DROPS`` and ``OUTLET_STOPS``, which every rule gets). What belongs to one
outlet (its brands in bylines, its own boilerplate lines) is declared in that
outlet's module; the registry gathers them into the generic rule in use
(``site_rules.gathered_generic``), so a page of a known outlet that reaches it
still comes out clean. Its articles have ``site`` null.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import ClassVar, Pattern, Union

from cleaner.dates import date_line

from . import patterns as P
from .base import DatelineForm, Draft, SiteRule
from .patterns import LinePattern


@lru_cache(maxsize=64)
def outlet_byline(brands: tuple[str, ...]) -> re.Pattern[str] | None:
    """``Cantika Adinda Putri, CNBC Indonesia``, ``Name | detikNews``: a byline naming one of the
    outlets (``SiteRule.brands``), compiled once per set of brands."""
    if not brands:
        return None
    return re.compile(rf"(?P<names>[A-Z][^|]{{1,80}}?)\s*[,|/-]\s*(?:{'|'.join(brands)})")


#: The channel before the writer in an outlet byline: "Market - Hidayat Setiaji".
_CHANNEL_BEFORE_NAME = re.compile(r"(?P<channel>[A-Z][\w&]*(?: [A-Z][\w&]*)?) - (?P<names>[A-Z].+)")
#: A writer with the role word and the date: "Nama Penulis , Jurnalis-Selasa, 10 September 2024 |22:09 WIB".
_JOURNALIST_DATE = re.compile(r"(?P<names>[A-Z][^,|]{2,60}?)\s*,\s*(?:Jurnalis|Wartawan|Reporter|Kontributor)\s*[-·|]\s*(?P<date>.{8,60})")
#: Republika's reporter and editor: "Rep: Nama/ Red: Nama" (the reporter may be a code or an agency).
_REP_RED = re.compile(r"Rep\s*:\s*(?P<rep>[^/]{2,60}?)\s*/\s*Red\s*:\s*(?P<red>\S.{1,60})")
_PERSON = re.compile(r"[A-Z][a-z'’.-]+(?: [A-Z][a-z'’.-]*)+")
_AGENCY = re.compile(r"(?i)antara|reuters|afp|ap|xinhua|bernama")


class Generic(SiteRule):
    name = "generic"
    aliases: ClassVar[tuple[str, ...]] = ("other", "none")
    site_field = False  # "null for any other site" (GUIDE); the outlet rules built on it inherit that
    # Outlets with no rule of their own that sign datelines so.
    dateline_outlets: ClassVar[tuple[tuple[str, str], ...]] = (
        ("before_place", r"BERITASATU\.COM"), ("no_dash", r"Bintang\.com"), ("no_dash", r"Vidio\.com"),
    )
    dateline_forms: ClassVar[tuple[Union[Pattern[str], P.OutletDateline, DatelineForm], ...]] = (
        P.DATELINE_OUTLET_AFTER_PLACE,
        P.DATELINE_OUTLET_BEFORE_PLACE,
        P.DATELINE_DOMAIN_BEFORE_PLACE,
        P.DATELINE_AGENCY,
        # A lead follows an outlet's dateline on its line; "JPNN.com - Daerah - Sumsel" is a breadcrumb.
        P.DATELINE_OUTLET_ONLY_LEAD,
        # An outlet's own name opens the paragraph: no place (before the capitals form, which
        # would read "VIVA - " or "SOLOPOS.COM - " as a place).
        P.DATELINE_DOMAIN_ONLY_LEAD,
        DatelineForm(P.DATELINE_KLY_NO_DASH, min_line_chars=120),
        P.DATELINE_UPPER_PLACE,
        DatelineForm(P.DATELINE_PLACE_ONLY, min_line_chars=120),
        # Forms of other outlets (issue 22): a brand after the place, a doubled dash, a place
        # with a colon or full stop, a place alone on its line above the lead.
        P.DATELINE_BRAND_AFTER_PLACE,
        P.DATELINE_DOMAIN_DOUBLE_DASH,
        DatelineForm(P.DATELINE_PLACE_COLON, min_line_chars=120, max_place_words=3),
        DatelineForm(P.DATELINE_UPPER_PLACE_STOP, min_line_chars=120, max_place_words=3),
        DatelineForm(P.DATELINE_PLACE_ALONE, max_place_words=3),
    )
    drops: ClassVar[tuple[LinePattern, ...]] = (
        *P.line_patterns(
            "generic.outlet_notice",
            r"Tim Redaksi|Headline|Logo ios.*|"
            r"·\s*\d+ menit baca|Syarat & Ketentuan.*|"
            r"Next Article .*|Tags|Recommendation|Terverifikasi Administratif dan Faktual oleh Dewan Pers",
        ),
    )
    stops: ClassVar[tuple[LinePattern, ...]] = P.line_patterns("generic.footer", r"Kantor Redaksi|NEWSTICKER|Komentar|KOMENTAR")

    def header_line(self, line: str, draft: Draft, seen_title: bool) -> bool:
        if not seen_title:
            return False
        pattern = outlet_byline(self.brands)
        byline = pattern.fullmatch(line) if pattern is not None else None
        if byline:
            names = byline.group("names")
            channel = _CHANNEL_BEFORE_NAME.fullmatch(names)
            if channel:  # "Market - Hidayat Setiaji, CNBC Indonesia": the channel, then the writer
                draft.category = draft.category or channel.group("channel")
                names = channel.group("names")
            draft.credit("author", names)
            return True
        journalist = _JOURNALIST_DATE.fullmatch(line)
        if journalist:
            draft.credit("author", journalist.group("names"))
            iso = date_line(journalist.group("date").replace("|", " "))
            draft.published = draft.published or iso
            return True
        rep_red = _REP_RED.fullmatch(line)
        if rep_red:
            reporter = rep_red.group("rep").strip()
            if _PERSON.fullmatch(reporter) and not _AGENCY.fullmatch(reporter):
                draft.credit("author", reporter)
            draft.credit("editor", rep_red.group("red"))
            return True
        return False

    detection_examples: ClassVar[tuple[tuple[str, str | None], ...]] = (
        ("https://www.beritacontoh.id/read/2017/02/08/x", None),
        ("https://notkompas.com/x", None),
    )
