"""Kompas (kompas.com with its channel and regional subdomains, kompas.tv, kompas.id).

Built from the outlet pages in ``../shared/outlets`` (kompas.com: 4 saved pages, 1 gold
dump, 13 batch texts; kompas.tv: 1 gold dump, 11 batch texts; see its README) and the
search tool's stored pages. What is Kompas' own:

* kompas.com: ``Baca berita tanpa iklan. Gabung Kompas.com+`` first (a shared ad line),
  ``Kompas.com - 22/09/2016, 22:08 WIB`` under the title, datelines ``GARUT, KOMPAS.com - ``
  and ``KOMPAS.com - ``, 2011 print pieces ``Jakarta, Kompas - ``, the ``/copy/`` page's
  ``Salin Artikel``, a ``Kompas TV <title>`` video teaser, ``Video rekomendasi`` and
  ``Terkini Lainnya`` closing the /tren layout.
* kompas.tv: ``Gabung ke Channel WhatsApp KompasTV …``, ``FOLLOW US``, ``VIDEO TERPOPULER``,
  the AMP layout's ``> >`` first line and closing ``TERBARU``, ``Video editor: X``.
* kompas.id (public conventions): the ``logo Kompas.id`` image title.
"""

from __future__ import annotations

import re

from cleaner.dates import parse_datetime

from . import patterns as P
from datetime import date

from .base import Draft, HtmlLayout, TextOptions, has_class
from .generic import Generic

#: A regional contributor's credit names the place first: ``Penulis: Kontributor Lhokseumawe, Masriadi``.
_CONTRIBUTOR = re.compile(r"(?:Penulis|Reporter)\s*:\s*Kontributor [A-Z][\w.' -]{1,40}?,\s*(?P<names>[A-Z].{1,80})")
# The 2015 article header: ``div.kcm-read-content-top`` (channels) or ``div.kcm-read-top`` (regional).
_KCM_TOP = f"//div[{has_class('kcm-read-content-top')} or {has_class('kcm-read-top')}]"

#: kompas.tv's AMP date line: the channel, a bar, the date (``Vod | 24 September 2022, 22:15 WIB``).
_CHANNEL_DATE = re.compile(r"[A-Za-z][\w ]{0,30}?\s*\|\s*(?P<date>\d{1,2} \w+ \d{4},? \d{1,2}[:.]\d{2}(?: WI[BT]A?)?)")

__all__ = ["Kompas"]


class Kompas(Generic):
    """Kompas (kompas.com, kompas.tv, kompas.id): built from 4 saved pages, 2 gold dumps and 24 batch texts of ../shared/outlets.

    Kompas Gramedia's news sites: the generic reading plus Kompas' own lines.
    """

    name = "kompas"
    aliases = ("kompas.com", "kompastv", "kompas.tv", "kompas.id")
    hosts = ("kompas.com", "kompas.tv", "kompas.id")
    dateline_outlets = (("bare", r"KOMPAS\.TV"),)  # how its datelines name it
    outlet_names = (r"Kompas\.com", r"KOMPAS\.com", r"Kompas\.id")  # printed alone on a line (shared.outlet_name)
    site_field = False
    brands = (r"Kompas\.com", r"KOMPAS\.com", r"KompasTV", r"Kompas\.tv")
    # kompas.com prints the names, then their role: "Irwan Nugraha" / "Penulis".
    options = TextOptions(role_after_names=True)
    # The head of Kompas' template (also used by the many outlets on it).
    head_meta = (
        ("authors", "content_author", "article:author"),
        ("editors", "content_editor", None),
        ("published", "content_publisheddate", "pubdate"),
        ("category", "content_subcategory", None),
        ("category", "content_category", None),
        ("tags", "content_tags", None),
    )
    html_layouts = (
        HtmlLayout(
            "kcm-2015",
            until=date(2016, 12, 31),
            body=(
                f"//div[{has_class('kcm-read-text')}]"
                f" | //div[{has_class('kcm-read-content-text')}]//span[starts-with(@class, 'kcmread')]"
            ),
            remove=(
                f".//div[{has_class('photo')}] | .//div[contains(@class, 'kcm-read-terkait')] | .//div[{has_class('kcm-read-bottom-topic')}]",
                ".//div[contains(@class, 'kcm-read-copy')] | .//script | .//style | .//figure | .//iframe",
            ),
            title=f"{_KCM_TOP}/h2",
            bylines=("//div[contains(@class, 'kcm-read-copy')]//tr", f"{_KCM_TOP}/div[contains(., 'WIB')]"),
            # The channel's name in the page header, then the breadcrumb's section where there is one.
            category=f"//h1[{has_class('tcenter')}] | //h4[contains(@class, 'breadcrump')]//a",
            tags=f"//div[{has_class('kcm-read-bottom-topic')}]//li/a",
        ),
        HtmlLayout(
            "oto-2016",
            since=date(2015, 1, 1),
            until=date(2017, 12, 31),
            body=f"//div[{has_class('baca-content')}]//div[{has_class('div-read')}]",
            remove=(f".//script | .//style | .//figure | .//iframe | .//div[{has_class('berita-terkait-content')}]",),
            title=f"//div[{has_class('baca-content')}]/h1",
            bylines=(f"//div[{has_class('penulis-editor')}]//tr", f"//div[{has_class('baca-content')}]//div[contains(@class, 'kcm-date')]"),
        ),
    )
    signatures = (
        re.compile(r"^(?:[A-Z][A-Z. ]+, )?KOMPAS\.(?:com|TV) -", re.M),
        re.compile(r"^Baca berita tanpa iklan\. Gabung Kompas\.com\+", re.M),
        re.compile(r"^Gabung ke Channel WhatsApp KompasTV", re.M),
        re.compile(r"^Kompas\.(?:com|tv) - \d{1,2}[/ ]", re.M),
    )
    signature_markers = ("KOMPAS.", "Kompas.", "KompasTV")
    dateline_forms = (
        # "Jakarta, Kompas - ": the print edition's pieces of 2011, the outlet without a domain.
        re.compile(r"(?P<place>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}),\s*(?P<outlet>Kompas)\s*(?:--|-|–|—)\s+(?=[A-Z\"“])"),
        # Channel brands without a domain: "Jakarta, KompasOtomotif – ".
        re.compile(r"(?P<place>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}),\s*(?P<outlet>Kompas[A-Z][a-z]+)\s*(?:--|-|–|—)\s*"),
        *Generic.dateline_forms,
    )
    outlet_lines = P.line_patterns(
        "kompas.notice",
        r"Kompas TV video vod|logo Kompas\.id|Logo Kompas|Salin Artikel",
        r"Gabung ke Channel WhatsApp KompasTV.*|FOLLOW US|> >|Video editor\s*:.*",
        # kompas.tv's channel labels run together above the title ("Kompas TV nasional berita kompas tv").
        r"Kompas TV(?: [a-z]+){1,6}",
    )
    stops = (
        *Generic.stops,
        *P.line_patterns("kompas.end_lists", r"VIDEO TERPOPULER|Video rekomendasi|Terkini Lainnya|TERBARU"),
        # The 2016 page closes with a Kompas TV video teaser: "Kompas TV <its title>", "Simak breaking news …".
        *P.line_patterns("kompas.video_teaser", r"Kompas TV [A-Z][^.!?]{5,150}"),
    )
    detection_examples = (
        ("https://nasional.kompas.com/read/2017/02/08/x", "kompas"),
        ("https://regional.kompas.com/read/2016/09/22/x", "kompas"),
        ("https://www.kompas.tv/article/1/x", "kompas"),
        ("https://www.kompas.id/baca/x", "kompas"),
    )

    def header_line(self, line: str, draft: Draft, seen_title: bool) -> bool:
        """kompas.tv's ``<channel> | <date>`` line gives the publication time; a regional contributor's
        credit names the place before the writer; else the generic bylines."""
        contributor = _CONTRIBUTOR.fullmatch(line)
        if contributor:
            draft.credit("author", contributor.group("names"))
            return True
        channel_date = _CHANNEL_DATE.fullmatch(line)
        if channel_date:
            iso = parse_datetime(channel_date.group("date"))
            if iso:
                draft.published = draft.published or iso
                return True
        return super().header_line(line, draft, seen_title)
