"""Tempo (tempo.co: www., nasional., metro., bola., en., koran., majalah., video.).

Layouts seen in dumps:

* ``classic-2013``: title, bare ``Reporter`` / ``Editor`` labels with the names on the
  following lines, ``• Font:`` / ``• Ukuran Font: - +``, an indented photo caption
  printed twice, an indented body, and the reporter's name in capitals closing it.
* ``paywall-2024``: ``Baca berita dengan sedikit iklan, klik di sini`` repeated in the
  body, ``Baca:`` / ``Simak:`` related links, the Tempo+ benefits list and the
  ``Berita terkait`` list at the end.
* ``koran`` / ``majalah``: title, deck, a date, and ``JAKARTA -- `` (or ``JAKARTA`` with
  no dash) opening a teaser that ends in ``...`` then ``Berita Lainnya`` or the
  subscription pitch.
* ``video``: ``Videografer`` / ``Editor`` labels and a closing ``Video: ANTARA (…)`` line.

A date above the title is the site header's date of the day, not the publication date.
"""

from __future__ import annotations

import re
from datetime import date

from . import patterns as P
from .base import DatelineForm, Draft, HtmlLayout, Layout, SiteRule, TextOptions, has_class

# Koran pages: "JAKARTA Pemerintah tak menghiraukan …", the place in capitals and no dash.
_KORAN_DATELINE = re.compile(r"(?P<place>[A-Z]{3,}(?: [A-Z]{3,})?) (?=[A-Z][a-z])")
_CONTRIBUTORS = re.compile(r"(?P<names>.+?) berkontribusi dalam penulisan artikel ini\..*")


class Tempo(SiteRule):
    name = "tempo"
    aliases = ("tempo.co",)
    hosts = ("tempo.co", "tempo.com")
    dateline_outlets = (("before_place", r"TEMPO\.CO"), ("before_place", r"Tempo\.co"))  # how its datelines name it
    outlet_names = (r"TEMPO\.CO",)  # printed alone on a line (shared.outlet_name)
    latest_feeds = ("https://rss.tempo.co/",)  # as public crawlers list it; not fetched from here
    signatures = (
        re.compile(r"^(?:• )?TEMPO\.CO, [A-Z]", re.M),
        re.compile(r"^Baca berita dengan sedikit iklan", re.M),
        re.compile(r"Akses penuh seluruh artikel Tempo\+", re.M),
        re.compile(r"^Berlangganan untuk lanjutkan membaca", re.M),
        re.compile(r"Independensi Jurnalisme Tempo", re.M),
        re.compile(r"^Videografer\n(?:Editor\n)?", re.M),
    )
    signature_markers = ("TEMPO.CO", "Tempo", "Baca berita dengan sedikit iklan", "Berlangganan", "Videografer")
    dateline_forms = (
        P.DATELINE_OUTLET_BEFORE_PLACE,
        re.compile(r"(?P<place>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?)\s*--\s*"),
        P.DATELINE_UPPER_PLACE,
        # The capitals-without-dash form only ever opens a long paragraph, never a title.
        DatelineForm(_KORAN_DATELINE, min_line_chars=151),
    )
    layouts = (
        Layout("paywall-2024", re.compile(r"^Baca berita dengan sedikit iklan", re.M), since=date(2024, 1, 1)),
        Layout("classic-2013", re.compile(r"^(?:• )?(?:Ukuran )?Font:|^Reporter:?$", re.M), until=date(2017, 12, 31)),
        Layout("video", re.compile(r"^Videografer$", re.M)),
        Layout("koran", re.compile(r"^Berita Lainnya$|^Berlangganan untuk lanjutkan", re.M)),
    )
    html_layouts = (
        HtmlLayout(
            "desktop-2018",
            since=date(2018, 1, 1),
            body="//div[@id='isi']",
            remove=(
                f".//blockquote[{has_class('twitter-tweet')} or {has_class('instagram-media')}]", ".//figure",
                f".//*[{has_class('bacajuga')} or {has_class('baca-juga')} or {has_class('ads')}]",
            ),
            title="//article//h1",
            bylines=("//div[@id='author']",),
            published="//span[@id='date']/..",
            category=f"//nav[{has_class('breadcrumbs')}]//li[last()]",
            tags=f"//div[{has_class('tags')}]//a",
        ),
        HtmlLayout(
            "mobile-2017",
            since=date(2017, 1, 1),
            body=f"//section[@id='detail']/article[{has_class('wrapper')}]",
            remove=(
                ".//h1", f".//div[{has_class('sub-head')}]", f".//div[{has_class('tags')}]", ".//figure",
                f".//div[{has_class('baca-juga')}]", f".//div[{has_class('ads')}]", f".//div[{has_class('author')}]",
                f".//blockquote[{has_class('twitter-tweet')} or {has_class('instagram-media')}]",
                f".//*[{has_class('share')} or {has_class('social')}]",
            ),
            title="//section[@id='detail']//h1",
            bylines=("//div[@id='author']",),
            published=f"//div[{has_class('sub-head')}][.//span[@id='date']]",
            tags=f"//section[@id='detail']//div[{has_class('tags')}]//a",
        ),
        HtmlLayout(
            "desktop-2015",
            until=date(2017, 12, 31),
            body=f"//div[{has_class('artikel')}]",
            remove=(
                f".//ul[{has_class('block-kanal-map')}]", ".//h1", f".//div[{has_class('block-tanggal')}]",
                ".//figure", f".//*[{has_class('caption')} or {has_class('foto')}]",
            ),
            title=f"//div[{has_class('artikel')}]//h1",
            published=f"//div[{has_class('block-tanggal')}]",
            category=f"//ul[{has_class('block-kanal-map')}]/li[last()]",
            tags="//a[contains(@href, '/topik/')]",
        ),
    )
    # A bare person-name line under the title is the editor.
    options = TextOptions(unlabelled_credit="editor")
    # Tempo+ teasers: the benefits list and the call to subscribe stand where the article stops.
    paywall_markers = P.line_patterns("tempo.paywall", r"-? ?Akses penuh seluruh artikel Tempo\+.*", r"Berlangganan untuk lanjutkan membaca\.?")
    body_openers = (re.compile(r"Poin [Pp]enting"),)
    drops = (
        *P.line_patterns("tempo.media_link", r"Video: .+|Grafis|Selengkapnya|Baca Selengkapnya|Tempo"),
        # The alt text of the photo above the body, printed as a line by some dumps.
        *P.line_patterns("tempo.image_title", r"Image of Tempo", flags=re.IGNORECASE),
    )
    # Tempo's "Lihat Juga" opens a block of links and graphics, unlike a bare read-also line elsewhere.
    stops = P.line_patterns("tempo.related_list", r"Berita terkait|Berita Lainnya|Lihat Juga|Majalah Tempo")
    detection_examples = (
        ("https://nasional.tempo.co/read/1115298/x", "tempo"),
        ("https://koran.tempo.co/amp/nasional/450567/x", "tempo"),
        ("https://en.tempo.co/read/1264598/x", "tempo"),
    )

    def body_line(self, line: str, draft: Draft) -> str | None:
        contributors = _CONTRIBUTORS.fullmatch(line)
        if contributors:
            draft.credit("author", contributors.group("names"))
            return "tempo.contributors"
        return None
