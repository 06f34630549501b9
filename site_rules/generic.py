"""The generic rule: any Indonesian outlet with no rule of its own, and the base of the outlet rules.

It knows every dateline form of the corpus and the boilerplate common to Indonesian
news pages (``patterns.SHARED_DROPS`` and ``SHARED_STOPS``). What belongs to one
outlet (its brands in bylines, its own boilerplate lines) is declared in that
outlet's module; the registry gathers them into the generic rule in use
(``site_rules.gathered_generic``), so a page of a known outlet that reaches it
still comes out clean. Its articles have ``site`` null.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import ClassVar, Pattern, Union

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
        P.DATELINE_OUTLET_ONLY,
        # An outlet's own name opens the paragraph: no place (before the capitals form, which
        # would read "VIVA - " or "SOLOPOS.COM - " as a place).
        P.DATELINE_DOMAIN_ONLY,
        DatelineForm(P.DATELINE_KLY_NO_DASH, min_line_chars=120),
        P.DATELINE_UPPER_PLACE,
        DatelineForm(P.DATELINE_PLACE_ONLY, min_line_chars=120),
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
        pattern = outlet_byline(self.brands)
        byline = pattern.fullmatch(line) if pattern is not None else None
        if byline and seen_title:
            draft.credit("author", byline.group("names"))
            return True
        return False

    detection_examples: ClassVar[tuple[tuple[str, str | None], ...]] = (
        ("https://www.beritacontoh.id/read/2017/02/08/x", None),
        ("https://notkompas.com/x", None),
    )
