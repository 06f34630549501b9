"""The generic rule: any other Indonesian outlet (kompas, detik, tribunnews, okezone, …).

It knows every dateline form of the corpus and the boilerplate common to Indonesian
news pages (``patterns.SHARED_DROPS`` and ``SHARED_STOPS``, and what other outlets share:
``OUTLET_DROPS`` and ``OUTLET_STOPS``, which every rule gets) plus the recurring
lines and bylines of older templates of the most frequent outlets, so a page of a site with no rule of its own
still comes out clean. Its articles have ``site`` null.
"""

from __future__ import annotations

import re

from cleaner.dates import date_line

from . import patterns as P
from .base import DatelineForm, Draft, SiteRule


# "Cantika Adinda Putri, CNBC Indonesia", "Name | detikNews": a byline naming the outlet.
_OUTLET_BYLINE = re.compile(
    r"(?P<names>[A-Z][^|]{1,80}?)\s*[,|/-]\s*(?:CNBC Indonesia|CNN Indonesia|detikNews|detikcom|detikFinance|"
    r"Kompas\.com|KOMPAS\.com|Tribunnews\.com|Okezone|Suara\.com|Republika|kumparan(?:NEWS)?|IDN Times)"
)


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
    aliases = ("other", "none")
    dateline_forms = (
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
    drops = (
        *P.line_patterns(
            "generic.outlet_notice",
            r"Tim Redaksi|Headline|Kompas TV video vod|logo Kompas\.id|Logo Kompas|Logo ios.*|"
            r"·\s*\d+ menit baca|Syarat & Ketentuan.*|Laporan Wartawan .*|Berita Rekomendasi|"
            r"zoom-in .*|Next Article .*|Tags|Recommendation|Terverifikasi Administratif dan Faktual oleh Dewan Pers",
        ),
    )
    stops = P.line_patterns("generic.footer", r"Kantor Redaksi|NEWSTICKER|Komentar|KOMENTAR")
    def header_line(self, line: str, draft: Draft, seen_title: bool) -> bool:
        if not seen_title:
            return False
        byline = _OUTLET_BYLINE.fullmatch(line)
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

    detection_examples = (
        ("https://nasional.kompas.com/read/2017/02/08/x", None),
        ("https://m.tribunnews.com/nasional/2018/08/19/x", None),
        ("https://mediaindonesia.com/politik/1/cnn-minta-jaminan", None),
    )
