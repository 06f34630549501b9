"""Okezone (okezone.com with news., economy., bola., celebrity., lifestyle., video., and its m. pages).

Built from ``../shared/outlets`` (3 saved pages, 1 gold dump, 11 batch texts). What is
Okezone's own: the 2024 byline ``Name , Jurnalis-Selasa, 10 September 2024 |22:09 WIB``,
the font buttons ``A`` ``A`` ``A`` one per line, ``Follow Berita Okezone di Google News``,
video pages' ``Reporter:`` / ``Produser:`` credits, datelines ``JAKARTA - `` (generic) and
``Okezone.com, Jakarta - ``; closing editor names in parentheses (``(Ramdani Bur)``).
"""

from __future__ import annotations

import re

from cleaner.dates import date_line

from . import patterns as P
from datetime import date

from .base import Draft, HtmlLayout, has_class
from .generic import Generic

#: The 2015 desktop page's reporter box: the name, then the word "Jurnalis".
_REPORTER_2015 = f"//div[{has_class('autor')}]/div[{has_class('nmreporter')}]"

#: The 2024 byline: ``Wikanto Arungbudoyo , Jurnalis-Selasa, 10 September 2024 |22:09 WIB``.
_JOURNALIST_LINE = re.compile(r"(?P<names>[A-Z][^,|]{1,80}?)\s*,\s*Jurnalis\s*[-·]\s*(?P<date>.+)")

__all__ = ["Okezone"]


class Okezone(Generic):
    """Okezone: built from 3 saved pages, 1 gold dump and 11 batch texts of ../shared/outlets.

    Okezone: the generic reading plus Okezone's own lines.
    """

    name = "okezone"
    aliases = ("okezone.com",)
    hosts = ("okezone.com",)
    dateline_outlets = (("after_place", "Okezone"), ("alone", "okezone"), ("alone", "Okezone"), ("bare", "Okezone"))  # how its datelines name it
    outlet_names = (r"Okezone",)  # printed alone on a line (shared.outlet_name)
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
        # The page list under the body, its label and numbers on two lines: "Halaman:" / "1 2".
        r"Halaman\s*:|(?:\d{1,2} ){1,9}\d{1,2}",
        # The editor's name closing the article, alone in parentheses: "(Ramdani Bur)".
        r"\((?:[A-Z][a-z]+)(?: [A-Z][a-z]+){1,3}\)",
    )
    # The 2024 breadcrumb on one line, "HOME BOLA SEPAKBOLA DUNIA": after the channel, the section.
    category_labels = (re.compile(r"HOME [A-Z]+ (?P<category>[A-Z]+(?: [A-Z]+){0,3})"),)
    html_layouts = (
        HtmlLayout(
            "desktop-2015",
            until=date(2017, 12, 31),
            body=f"//div[{has_class('dtlnews')}]",
            remove=(".//script | .//style | .//iframe | .//figure | .//table", f".//div[{has_class('caption-img-ab')}]"),
            title=f"//div[{has_class('titles')}]/h1",
            bylines=(f"//div[{has_class('meta-post')}]//time",),
            # The topic link under "Berita Rekomendasi" (the related list beside it is not the tags).
            tags=f"//div[{has_class('meta-bottom-content')}]/span/a",
            category=f"//ul[{has_class('breadcrumb')}]/li[last()]",
        ),
    )
    detection_examples = (
        ("https://news.okezone.com/read/2015/01/01/x", "okezone"),
        ("https://bola.okezone.com/read/2024/09/10/x", "okezone"),
    )

    def header_line(self, line: str, draft: Draft, seen_title: bool) -> bool:
        """The 2024 and video bylines: ``Name , Jurnalis-<date>`` gives the writer and the time."""
        journalist = _JOURNALIST_LINE.fullmatch(line)
        if journalist:
            draft.credit("author", journalist.group("names"))
            iso = date_line(journalist.group("date").replace("|", " "))
            if iso:
                draft.published = draft.published or iso
            return True
        return super().header_line(line, draft, seen_title)

    def read_html_fields(self, tree: object, draft: Draft) -> None:
        """The 2015 reporter box holds the writer's name alone (its label, ``Jurnalis``, beside it)."""
        for element in tree.xpath(_REPORTER_2015)[:2]:  # type: ignore[attr-defined]
            text = " ".join(part.strip() for part in element.itertext() if part.strip())  # the name and its label are blocks
            name = re.sub(r"\s*\bJurnalis$", "", text)
            if name:
                draft.credit("author", name)
