"""Liputan6 (liputan6.com, with its m., opera., news. and channel subdomains).

Layouts seen in dumps:

* ``desktop-2018``: the ``Sukses`` toast line, the title, the deck, ``oleh <Author>
  diperbarui 26 Nov 2018, 09:30 WIB`` and ``Diterbitkan 26 Nov 2018, 09:30 WIB``, an
  image title and its caption credited ``(Liputan6.com/…)``, then the body.
* ``amp``: the body alone, opening with the dateline.

The dateline is ``Liputan6.com, Jakarta - `` with variants ``Jakarta-``, ``Jakarta:``,
no dash at all, or ``Jakarta - `` without the outlet. Inside the body: ``Advertisement``,
bare ``Baca Juga``, the WhatsApp channel and hoax-check notices, ``2 dari 3 halaman``
pagination (each followed by a sub-heading, which is kept), ``Saksikan video pilihan``;
the page ends with ``Video Terkini`` / ``POPULER`` lists.
"""

from __future__ import annotations

import re
from datetime import date

from cleaner.dates import parse_datetime
from cleaner.names import split_names

from . import patterns as P
from .base import DatelineForm, Draft, HtmlLayout, Layout, SiteRule, TextOptions, has_class

# "Jakarta - Barcelona siap menjamu …": the outlet left out of the dateline.
_BARE_PLACE_DATELINE = re.compile(r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?) - (?=[A-Z])")
_IN_BODY_JUNK = (
    f".//div[{has_class('baca-juga')} or {has_class('baca-juga-collections')}]",
    ".//*[contains(@class, 'article-photo-gallery') or contains(@class, 'photo-gallery')]",
    ".//figure | .//figcaption | .//*[contains(@class, 'advertisement') or contains(@class, 'ads-')]",
    ".//*[contains(@class, 'video') and not(self::p)] | .//*[contains(@class, 'promo')]",
    ".//*[contains(@class, 'read-page__lanjutkan') or contains(@class, 'article-content-body__item-break')]",
)
_CREDITS = (
    "//li[contains(@class, 'article-credits__item') or contains(@class, 'read-page--credits__')]"
    " | //div[contains(@class, 'entry-credits') or contains(@class, 'credits')]/ul/li"
)
_BYLINE = re.compile(r"oleh (?P<names>.+?)(?:\s+(?:diperbarui|Diperbarui)\s+(?P<updated>.+))?")
_PUBLISHED = re.compile(r"Diterbitkan\s+(?P<date>.+)")
# Multi-word places that may follow "Liputan6.com, " with no dash to end them.
_PLACE_TAILS = r"(?: (?:Aceh|Utara|Selatan|Barat|Timur|Tengah|Baru|York|Lumpur|Raya|Besar))?"


class Liputan6(SiteRule):
    name = "liputan6"
    aliases = ("liputan6.com", "liputan")
    hosts = ("liputan6.com",)
    dateline_outlets = (("before_place", r"Liputan6\.com"), ("no_dash", r"Liputan6\.com"))  # how its datelines name it
    outlet_names = (r"Liputan6\.com",)  # printed alone on a line (shared.outlet_name)
    latest_feeds = ("https://feed.liputan6.com/rss",)  # as public crawlers list it; not fetched from here
    # KLY's head (Liputan6, Bola.com, Fimela, Merdeka, KapanLagi, Dream): ``article:section`` is the
    # group, ``article:section2`` the channel, ``article:section3`` the sub-channel the breadcrumb shows.
    head_meta = (("category", "article:section3", "article:section"), ("category", "article:section2", "article:section"))
    signatures = (
        re.compile(r"^Liputan6\.com, [A-Z]", re.M),
        re.compile(r"WhatsApp Channel Liputan6\.com", re.M),
        re.compile(r"Cek Fakta Liputan6\.com 0811", re.M),
        re.compile(r"^oleh .+ diperbarui \d", re.M),
    )
    signature_markers = ("Liputan6.com", "oleh ")
    dateline_forms = (
        re.compile(r"Liputan6\.com,\s*(?P<place>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})\s*(?:--|-|–|—|:)\s*"),
        re.compile(rf"Liputan6\.com,\s*(?P<place>[A-Z][\w'-]*{_PLACE_TAILS})\s+(?=[A-Z0-9\"“'])"),
        # The bare "Jakarta - " form only opens a paragraph, never a title or a caption.
        DatelineForm(_BARE_PLACE_DATELINE, min_line_chars=151),
    )
    layouts = (
        Layout("desktop-2018", re.compile(r"^Sukses$", re.M), since=date(2018, 1, 1)),
        Layout("desktop-byline", re.compile(r"^oleh .+ diperbarui", re.M)),
    )
    options = TextOptions(deck_always=True)
    html_layouts = (
        HtmlLayout(
            "desktop-2024",
            since=date(2023, 1, 1),
            body=f"//div[{has_class('article-content-body__item-content')}]",
            remove=_IN_BODY_JUNK,
            title="//h1[contains(@class, 'read-page--header--title')] | //h1",
            description=f"//div[{has_class('read-page--header--description')}]",
            bylines=(f"//div[{has_class('read-page-box__author__datetime')}]//*[contains(., 'Diterbitkan')][not(*)]",),
            category=f"//ul[{has_class('read-page--breadcrumb')}]/li[last()]",
            tags=f"//ul[{has_class('tags--snippet__list')}]//span[{has_class('tags--snippet__name')}]",
        ),
        HtmlLayout(
            "mobile-2019",
            since=date(2019, 1, 1),
            until=date(2023, 12, 31),
            body=f"//div[{has_class('article-content-body__item')}]",
            remove=(*_IN_BODY_JUNK, f".//h2[{has_class('article-content-body__item-title')}][contains(., 'Saksikan')]"),
            title=f"//h1[{has_class('article-header__title')}]",
            bylines=(
                f"//span[{has_class('article-header__datetime')}]",
                f"//div[{has_class('article-header__modified-time')}]",
            ),
            category=f"//ul[{has_class('breadcrumb')}]/li[last()]",
            tags=f"//ul[{has_class('tags--topics__list')}]//a[not(contains(., 'More Tag'))]",
        ),
        HtmlLayout(
            "desktop-2015",
            until=date(2018, 12, 31),
            body=f"//div[{has_class('text-detail')}]",
            remove=_IN_BODY_JUNK,
            title="//h1",
            bylines=(f"//*[{has_class('read-page--header__publish')} or {has_class('datetime')}]",),
            category=f"//ul[{has_class('read-page--breadcrumb')} or {has_class('breadcrumb')}]/li[last()]",
            tags=f"//ul[{has_class('read-page--tags__list')}]//a | //div[{has_class('tag-links')}]//a",
        ),
    )
    drops = (
        *P.line_patterns(
            "liputan6.notice",
            r"Selengkapnya di|Video Terkini Selengkapnya|Infografis Selengkapnya",
            # The hoax-check notice, also when the dump is cut inside it.
            r"\* Fakta atau Hoaks\?.*|\* Follow Official.*",
        ),
    )
    stops = P.line_patterns("liputan6.end_lists", r"Video Terkini|POPULER|Berita Terkini Selengkapnya")
    detection_examples = (
        ("https://www.liputan6.com/news/read/5510213/x", "liputan6"),
        ("https://m.liputan6.com/bola/read/3977663/x", "liputan6"),
        ("https://opera.liputan6.com/tekno/read/3735230/x", "liputan6"),
    )

    def header_line(self, line: str, draft: Draft, seen_title: bool) -> bool:
        byline = _BYLINE.fullmatch(line)
        if byline and seen_title:
            draft.credit("author", byline.group("names"))
            if byline.group("updated"):
                draft.updated = parse_datetime(byline.group("updated")) or draft.updated
            return True
        published = _PUBLISHED.fullmatch(line)
        if published and parse_datetime(published.group("date")):
            draft.published = parse_datetime(published.group("date"))
            return True
        return False

    def read_html_fields(self, tree: object, draft: Draft) -> None:
        """Credits boxes: role items (``Author``, ``Editor``) followed by names, or a name with its role."""
        role = "author"
        for item in tree.xpath(_CREDITS):  # type: ignore[attr-defined]
            text = " ".join(item.text_content().split())
            if item.get("id", "").startswith("credits_") or "role" in (item.get("class") or ""):
                role = "editor" if "editor" in text.lower() or "editor" in item.get("id", "") else "author"
                continue
            names = item.xpath(".//*[contains(@class, 'name')]")
            name = " ".join(names[0].text_content().split()) if names else text
            label = text.replace(name, "", 1).strip().lower()
            item_role = "editor" if label.startswith("editor") else "author" if label else role
            draft.credit(item_role, name)
        # 2024 layout: "Oleh <writer>" and a "Tim Redaksi" box listing writer and editor.
        writers = tree.xpath(f"//a[{has_class('read-page-box__author__name')}]")  # type: ignore[attr-defined]
        team = tree.xpath(f"//span[{has_class('read-page-box__author__team-detail__people')}]")  # type: ignore[attr-defined]
        if writers:
            draft.credit("author", writers[0].text_content())
            if team:
                draft.credit("editor", [n for n in split_names(team[0].text_content()) if n not in draft.authors])
