"""ANTARA (antaranews.com and its regional sites ``jabar.``, ``jatim.``, ``bali.``, …).

Layouts seen in dumps:

* ``article``: the body opens with ``Jakarta (ANTARA) - `` (``(ANTARA News)`` before
  2019), ``Baca juga:`` lines stand inside it, and a footer of ``Pewarta:``,
  ``Editor:`` and ``Copyright © ANTARA 2021`` closes it. Regional sites print the
  title and date *after* the body, then the photo caption.
* ``photo``: the title (often twice), one caption ending in ``ANTARA FOTO/<Name>/aww.``
  and the copyright line: the caption, without its credit, is the article.
* ``video``: title, ``27 September 2021 19:37 WIB`` or ``Rabu, 3 Februari 2021 15:27``
  with a view count, then ``ANTARA - <text> (<crew>/<crew>/<crew>)``.
* a page that is only the navigation menu (``• Top News • Terkini …``) has no article.
"""

from __future__ import annotations

import re
from datetime import date

from . import patterns as P
from .base import HtmlLayout, Layout, SiteRule, TextOptions, has_class

# Press releases: "ISTANBUL, 23 Februari 2016 (Antara/PRNewswire) --".
_PRESS_RELEASE_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z .'-]+), \d{1,2} \w+ \d{4} \((?:Antara|ANTARA)/[A-Za-z-]+\)\s*(?:--|-|–|—)\s*"
)
_COPYRIGHT = r"(?:Copyright|COPYRIGHT)\s*©.*"


class Antara(SiteRule):
    name = "antara"
    aliases = ("antaranews", "antaranews.com")
    hosts = ("antaranews.com", "antarafoto.com")
    dateline_outlets = (
        ("agency", r"ANTARA(?: News)?"), ("agency", r"Antara(?: News)?"), ("agency", "Antaranews"),
        ("alone", "ANTARA"), ("alone", "Antara"), ("alone", r"\(Antara\)"), ("alone", r"\(ANTARA\)"),
    )  # how its datelines name it
    outlet_names = (r"Antaranews\.com",)  # printed alone on a line (shared.outlet_name)
    latest_feeds = ("https://www.antaranews.com/rss/terkini.xml",)  # as public crawlers list it; not fetched from here
    signatures = (
        re.compile(r"^[A-Z][\w .,'-]{1,40} \(ANTARA(?: News)?\)\s*-", re.M),
        re.compile(r"^(?:Copyright|COPYRIGHT) © ANTARA", re.M),
        re.compile(r"^(?:ANTARA|\(Antara\))\s*-", re.M),
        re.compile(r"^Video - ANTARA News", re.M),
        re.compile(r"^Pewarta:", re.M),
    )
    signature_markers = ("ANTARA", "Antara", "Pewarta:")
    dateline_forms = (
        P.DATELINE_AGENCY,
        _PRESS_RELEASE_DATELINE,
        re.compile(r"(?:ANTARA|Antara|\(Antara\)|\(ANTARA\))\s*(?:--|-|–|—)\s*"),
    )
    layouts = (
        Layout("video", re.compile(r"^(?:ANTARA|\(Antara\))\s*-|^Video - ANTARA|This browser does not support the video", re.M)),
        Layout("article", re.compile(r"\((?:ANTARA|Antara)(?: News)?\)\s*-", re.M)),
        Layout("photo", re.compile(r"ANTARA FOTO/|Antara [A-Z]\w+/", re.M)),
    )
    # No deck; regional pages print the title and date after the body.
    options = TextOptions(has_deck=False, trailing_title_date=True)
    category_labels = (re.compile(r"(?P<category>\w+) - ANTARA News(?: \w+)*"),)
    drops = P.line_patterns("antara.footer", r"Tags:?|Pewarta\s*:?\s*-?|Editor\s*:?\s*-?")
    # On saved pages the copyright line closes the article; share and comment buttons follow it.
    stops = P.line_patterns("antara.copyright", _COPYRIGHT)
    html_layouts = (
        HtmlLayout(
            "desktop-2015",
            until=date(2019, 12, 31),
            body="//div[@id='content_news']",
            remove=(".//div[@id='image_news'] | .//div[@id='caption_news'] | .//script",),
            title="//h1",
            bylines=(f"//div[{has_class('byline')}]",),
            published=f"//div[{has_class('date')}]",
        ),
        HtmlLayout(
            "english-2014",
            until=date(2019, 12, 31),
            body=f"//span[{has_class('post-content')}]",
            remove=(".//div[@id='box_newsLeft']", ".//blockquote"),
            title="//h1",
            published=f"//p[{has_class('datetime')}]",
        ),
    )
    detection_examples = (
        ("https://www.antaranews.com/berita/92655/x", "antara"),
        ("https://jabar.antaranews.com/berita/340505/x", "antara"),
        ("https://m.antaranews.com/amp/video/2419389/x", "antara"),
        ("https://en.antaranews.com/news/1/x", "antara"),
    )
