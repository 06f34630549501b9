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

from . import patterns as P
from .generic import Generic

__all__ = ["Bola", "Dream", "Fimela", "KapanLagi", "Merdeka"]


class Merdeka(Generic):
    """Merdeka (KLY): built from 2 saved pages and 1 gold dump of ../shared/outlets.

    merdeka.com (www., m.): ``Merdeka.com - `` opens the lead.
    """

    name = "merdeka"
    aliases = ("merdeka.com",)
    hosts = ("merdeka.com",)
    site_field = False
    signatures = (re.compile(r"^(?:[Mm]erdeka\.com - |Merdeka\.com, [A-Z])", re.M),)
    signature_markers = ("erdeka.com",)
    detection_examples = (("https://www.merdeka.com/peristiwa/x.html", "merdeka"), ("https://m.merdeka.com/x", "merdeka"))


class KapanLagi(Generic):
    """KapanLagi (KLY): built from 1 saved page of ../shared/outlets and KLY's shared conventions.

    kapanlagi.com (www., m.): celebrity news, ``KapanLagi.com - `` opens the lead.
    """

    name = "kapanlagi"
    aliases = ("kapanlagi.com",)
    hosts = ("kapanlagi.com",)
    site_field = False
    signatures = (re.compile(r"^Kapan[Ll]agi\.com(?: - |, [A-Z])", re.M),)
    signature_markers = ("apanLagi.com", "apanlagi.com")
    detection_examples = (("https://www.kapanlagi.com/showbiz/selebriti/x.html", "kapanlagi"),)


class Fimela(Generic):
    """Fimela (KLY): built from KLY's shared conventions (the Liputan6 rule's pages); no page of its own yet.

    fimela.com: ``Fimela.com, Jakarta`` opens the lead, often with no dash.
    """

    name = "fimela"
    aliases = ("fimela.com",)
    hosts = ("fimela.com",)
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
    site_field = False
    signatures = (re.compile(r"^Bola\.(?:net|com)(?: -|, [A-Z])", re.M), re.compile(r"Bolaneters", re.M))
    signature_markers = ("Bola.", "Bolaneters")
    dateline_forms = (re.compile(r"(?P<outlet>Bola\.net)\s*-\s*-\s*(?=[A-Z\"“'‘])"), *Generic.dateline_forms)
    outlet_lines = P.line_patterns("bola.notice", r"Baca halaman berikutnya ya Bolaneters\.?")
    stops = (*Generic.stops, *P.line_patterns("bola.end_lists", r"TAG TERKAIT|LATEST UPDATE"))
    detection_examples = (("https://www.bola.net/tim_nasional/x.html", "bola"), ("https://www.bola.com/indonesia/read/1/x", "bola"))
