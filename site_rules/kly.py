"""The KLY family beside Liputan6: Merdeka, KapanLagi, Fimela, Dream, Bola.com and Bola.net.

KLY's sites share one CMS: datelines ``Merdeka.com - ``, ``Fimela.com, Jakarta Musim …``
(the dash may be left out: ``patterns.DATELINE_KLY_NO_DASH``), articles split into
``2 dari 6 halaman`` sections (shared), ``article:section2`` / ``section3`` head fields.
Built from ``../shared/outlets`` (merdeka: 2 saved pages, 1 gold dump; kapanlagi: 1 saved
page; bola.net: 1 gold dump) and stored pages. Each site is a rule of its own (its hosts,
its ``site`` name); what is one site's own is declared on its class.
"""

from __future__ import annotations

import re

from datetime import date

from cleaner.dates import date_line

from . import patterns as P
from .base import Draft, HtmlLayout, has_class
from .generic import Generic

#: A question and its answer in Merdeka's inserted Q&A widget ("Apa nama …? Sampai saat ini …").
_WIDGET_QUESTION = re.compile(r"(?:Apa|Apakah|Kenapa|Mengapa|Siapa|Bagaimana|Kapan|Di ?mana|Ke ?mana|Berapa)\b[^?]{2,200}\?(?: .*)?")
_WIDGET = "merdeka.qa_widget"
#: Merdeka's 2015 reporter line: ``Reporter : Name | Jumat, 19 Juni 2015 03:40``.
_REPORTER_AND_DATE = re.compile(r"Reporter\s*:\s*(?P<names>[^|]+?)\s*\|\s*(?P<date>.+)")

__all__ = ["Bola", "Dream", "Fimela", "KapanLagi", "Merdeka"]


class Merdeka(Generic):
    """Merdeka (KLY): built from 2 saved pages and 1 gold dump of ../shared/outlets.

    merdeka.com (www., m.): ``Merdeka.com - `` opens the lead.
    """

    name = "merdeka"
    aliases = ("merdeka.com",)
    hosts = ("merdeka.com",)
    dateline_outlets = (("before_place", r"merdeka\.com"), ("before_place", r"Merdeka\.com"), ("no_dash", r"[Mm]erdeka\.com"))  # how its datelines name it
    site_field = False
    signatures = (re.compile(r"^(?:[Mm]erdeka\.com - |Merdeka\.com, [A-Z])", re.M),)
    signature_markers = ("erdeka.com",)
    html_layouts = (
        HtmlLayout(
            "mobile-2021",
            since=date(2019, 1, 1),
            # The outer block only: the later pages are ``paging-content`` blocks nested inside it.
            body=f"//div[{has_class('mdk-body-paragraph')}][not(ancestor::div[{has_class('mdk-body-paragraph')}])]",
            remove=(
                ".//script | .//style | .//iframe | .//figure | .//blockquote[contains(@class, 'instagram')]",
                # Read-also paragraphs, and related headlines set one link a paragraph.
                ".//p[starts-with(normalize-space(), 'Baca juga')] | .//p[a][normalize-space(.) = normalize-space(a[1])]",
            ),
            title=f"//div[{has_class('mdk-news-head')}]/h1",
            bylines=(f"//div[{has_class('mdk-date-reporter')}]/span",),
            category=f"//div[{has_class('mdk-date-reporter')}]/span[1]/a",
            tags=f"//div[{has_class('tag')}]//ul[contains(@class, 'tag__list')]//a",
        ),
        HtmlLayout(
            "desktop-2015",
            until=date(2018, 12, 31),
            body="//div[@id='mdk-body-newsarea']",
            # Read-also paragraphs of links, and the editor's code in brackets in its own block.
            remove=(".//script | .//style | .//iframe | .//figure", ".//p[starts-with(normalize-space(), 'Baca juga')] | .//div[@id='mdk-body-newsinit']"),
            title="//div[@id='mdk-body-news']/h1",
            bylines=("//div[@id='mdk-body-news-reporter']",),
            category="//div[@id='mdk-nav-navtxt']/a[last()]",
            tags=f"//div[{has_class('found_tag_rel_det')}]//a",
        ),
    )
    detection_examples = (("https://www.merdeka.com/peristiwa/x.html", "merdeka"), ("https://m.merdeka.com/x", "merdeka"))

    def body_line(self, line: str, draft: Draft) -> str | None:
        """A Q&A widget inserted into older articles: a line "-", then a question with its answer,
        in turn. A question counts only right after a "-" the widget dropped, so an interview's
        questions stay."""
        if line == "-":
            return _WIDGET
        last = draft.decisions[-1] if draft.decisions else None
        if last is not None and last.reason == _WIDGET and last.line == "-" and _WIDGET_QUESTION.fullmatch(line):
            return _WIDGET
        return None

    def header_line(self, line: str, draft: Draft, seen_title: bool) -> bool:
        """The 2015 reporter line carries the date after a bar."""
        reporter = _REPORTER_AND_DATE.fullmatch(line)
        if reporter:
            draft.credit("author", reporter.group("names"))
            draft.published = draft.published or date_line(reporter.group("date"))
            return True
        return super().header_line(line, draft, seen_title)


class KapanLagi(Generic):
    """KapanLagi (KLY): built from 1 saved page of ../shared/outlets and KLY's shared conventions.

    kapanlagi.com (www., m.): celebrity news, ``KapanLagi.com - `` opens the lead.
    """

    name = "kapanlagi"
    aliases = ("kapanlagi.com",)
    hosts = ("kapanlagi.com",)
    dateline_outlets = (("before_place", r"KapanLagi\.com"), ("no_dash", r"KapanLagi\.com"), ("no_dash", r"Kapanlagi\.com"))  # how its datelines name it
    site_field = False
    signatures = (re.compile(r"^Kapan[Ll]agi\.com(?: - |, [A-Z])", re.M),)
    signature_markers = ("apanLagi.com", "apanlagi.com")
    html_layouts = (
        HtmlLayout(
            "desktop-2015",
            until=date(2018, 12, 31),
            body=f"//div[{has_class('entertainment-detail-news')}]",
            remove=(
                ".//script | .//style | .//iframe | .//figure",
                f".//*[contains(@class, 'related') or contains(@class, 'baca-juga') or {has_class('entertainment-newsdetail-image-caption')}]",
            ),
            # "Jangan Lewatkan": links to the outlet's other articles close the body.
            stops=P.line_patterns("kapanlagi.related", r"Jangan Lewatkan"),
            title=f"//h1[{has_class('entertainment-newsdetail-title-new')}]",
            tags=f"//div[{has_class('v7-tags-terkait-warper')}]//div[{has_class('box-content')}]//li/a",
            bylines=(f"//span[{has_class('newsdetail-schedule-new')}]",),
            category=f"//a[{has_class('newsdetail-categorylink')}]",
        ),
    )
    detection_examples = (("https://www.kapanlagi.com/showbiz/selebriti/x.html", "kapanlagi"),)


class Fimela(Generic):
    """Fimela (KLY): built from KLY's shared conventions (the Liputan6 rule's pages); no page of its own yet.

    fimela.com: ``Fimela.com, Jakarta`` opens the lead, often with no dash.
    """

    name = "fimela"
    aliases = ("fimela.com",)
    hosts = ("fimela.com",)
    dateline_outlets = (("before_place", r"Fimela\.com"), ("no_dash", r"Fimela\.com"))  # how its datelines name it
    site_field = False
    signatures = (re.compile(r"^Fimela\.com, [A-Z]", re.M),)
    signature_markers = ("Fimela.com",)
    detection_examples = (("https://www.fimela.com/lifestyle/read/1/x", "fimela"),)


class Dream(Generic):
    """Dream (KLY): built from KLY's shared conventions (the Liputan6 rule's pages); no page of its own yet.

    dream.co.id: ``Dream - `` or ``Dream.co.id, Jakarta`` opens the lead.
    """

    name = "dream"
    aliases = ("dream.co.id",)
    hosts = ("dream.co.id",)
    dateline_outlets = (("before_place", r"Dream\.co\.id"), ("no_dash", r"Dream\.co\.id"), ("bare", "Dream"))  # how its datelines name it
    site_field = False
    signatures = (re.compile(r"^Dream\.co\.id, [A-Z]", re.M),)
    signature_markers = ("Dream.co.id",)
    detection_examples = (("https://www.dream.co.id/news/x.html", "dream"),)


class Bola(Generic):
    """Bola.com and Bola.net (KLY sports): built from 1 gold dump (bola.net) of ../shared/outlets.

    bola.com and bola.net (KLY's sports sites; opera. mirrors).

    bola.net: ``Bola.net - - `` opens the lead (no place), ``Baca halaman berikutnya ya
    Bolaneters.`` before a page's next heading, then ``TAG TERKAIT`` / ``BERITA TERKAIT``
    lists and ``LATEST UPDATE``.
    """

    name = "bola"
    aliases = ("bola.com", "bola.net", "bolanet")
    hosts = ("bola.com", "bola.net")
    dateline_outlets = (("before_place", r"Bola\.com"), ("no_dash", r"Bola\.com"))  # how its datelines name it
    site_field = False
    signatures = (re.compile(r"^Bola\.(?:net|com)(?: -|, [A-Z])", re.M), re.compile(r"Bolaneters", re.M))
    signature_markers = ("Bola.", "Bolaneters")
    dateline_forms = (re.compile(r"(?P<outlet>Bola\.net)\s*-\s*-\s*(?=[A-Z\"“'‘])"), *Generic.dateline_forms)
    outlet_lines = P.line_patterns("bola.notice", r"Baca halaman berikutnya ya Bolaneters\.?")
    stops = (*Generic.stops, *P.line_patterns("bola.end_lists", r"TAG TERKAIT|LATEST UPDATE"))
    detection_examples = (("https://www.bola.net/tim_nasional/x.html", "bola"), ("https://www.bola.com/indonesia/read/1/x", "bola"))
