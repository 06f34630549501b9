"""detik and its network (detik.com with news., finance., inet., sport., hot., health.,
travel., food., oto., 20., and the regional detik.com/<region> channels; haibunda.com,
insertlive.com, beautynesia.id, femaledaily.com, cxomedia.id, wolipop's address under detik.com).

Built from ``../shared/outlets`` (detik: 3 saved pages, 5 gold dumps, 13 batch texts)
and stored pages. What is detik's own: bylines ``Name - detikNews`` / ``Tim detikcom -
detikNews``, ``SCROLL TO CONTINUE WITH CONTENT`` (shared), ``[Gambas:Video 20detik]``
(shared), closing codes ``(iws/hsa)`` (shared), promo lines after the code (``Hoegeng
Awards 2025``, ``Baca kisah inspiratif …``), ``LAINNYA DI DETIKNETWORK`` (shared). The
regional channels (detikBali, detikSulsel, …) open with the lead and no dateline.
CNBC Indonesia and CNN Indonesia share detik's CMS but have rules of their own.
"""

from __future__ import annotations

import re

from datetime import date

from . import patterns as P
from .base import HtmlLayout, has_class
from .generic import Generic

# The 2015-2016 desktop pages: a channel page (detikinet, detikfinance: ``div.content_detail``
# holding the title, author, date and breadcrumb), detikNews' ``article > div.jdl`` (a label
# ``h2`` above the title), and a photo page (``div.detail_profil``: lead text, then the captions
# of the gallery, which are its body).
_HEADER_2015 = f"//div[{has_class('content_detail')} or {has_class('jdl')} or {has_class('detail_profil')}]"

__all__ = ["Detik"]


class Detik(Generic):
    """detik and its network: built from 3 saved pages, 5 gold dumps and 13 batch texts of ../shared/outlets.

    detik.com and its network: the generic reading plus detik's own lines.
    """

    name = "detik"
    aliases = ("detik.com", "detikcom", "detiknews")
    hosts = ("detik.com", "haibunda.com", "insertlive.com", "beautynesia.id", "femaledaily.com", "cxomedia.id")
    dateline_outlets = (("after_place", r"detik\w*"), ("bare", "detikNews"), ("bare", "detikcom"), ("bare", "detikFinance"), ("bare", "detikSport"))  # how its datelines name it
    outlet_names = (r"detikNews", r"detikcom")  # printed alone on a line (shared.outlet_name)
    site_field = False
    brands = (
        r"detikNews", r"detikcom", r"detikFinance",
        r"detik(?:Inet|Sport|Hot|Health|Travel|Food|Oto|Edu|Jatim|Jateng|Jabar|Bali|Sulsel|Sumut|Sumbagsel|Jogja|Properti)",
        # The 2015 pages print the channel in lower case: "Name - detiknews", "Name - detikinet".
        r"detik(?:news|inet|finance|sport|hot|health|travel|food|oto)",
    )
    # The head of detik's CMS (also CNN Indonesia's and CNBC Indonesia's): ``dtk:author`` is
    # ``Name - detikNews``, ``dtk:publishdate`` / ``publishdate`` ``2023/05/17 10:24:01`` (WIB).
    head_meta = (
        ("authors", "dtk:author", "article:author"),
        ("editors", "dtk:editor", None),
        ("published", "dtk:publishdate", "pubdate"),
        ("published", "publishdate", "pubdate"),
        ("category", "dtk:namakanal", None),
        ("tags", "dtk:keywords", None),
    )
    # The full-page layout prints the dateline alone on a line ("Maros -"), the lead below it.
    dateline_forms = (re.compile(r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\s+(?:-|–)$"), *Generic.dateline_forms)
    html_layouts = (
        HtmlLayout(
            "desktop-2015",
            until=date(2017, 12, 31),
            body=(
                f"//div[{has_class('text_detail')}] | //div[{has_class('detail_text')}]"
                f" | //div[{has_class('detail_profil')}]/div[{has_class('text_gal')}]"
                f" | //div[{has_class('gal_rating')}]//span[{has_class('text')}]"
            ),
            remove=(
                ".//div[contains(@class, 'pic_artikel')] | .//figure | .//figcaption | .//script | .//style | .//iframe",
                f".//*[{has_class('lihatjg')} or {has_class('detail_tag')} or {has_class('news_tag')}]",
            ),
            title=f"{_HEADER_2015}/h1 | //div[{has_class('content_detail')}]//h1",
            bylines=(f"{_HEADER_2015}/div[{has_class('author')}]", f"{_HEADER_2015}/div[{has_class('date')}]"),
            category=f"//div[{has_class('content_detail')}]/ul[{has_class('breadcrumb')}]/li[last()] | //div[{has_class('jdl')}]/h2",
        ),
    )
    signatures = (
        re.compile(r"^.{2,80} - detik(?:News|com|Finance|Inet|Sport|Hot|Health|Travel|Oto)$", re.M),
        re.compile(r"^LAINNYA DI DETIKNETWORK$", re.M),
        re.compile(r"\[Gambas:Video 20detik\]", re.M),
    )
    signature_markers = ("detik", "DETIK")
    outlet_lines = P.line_patterns(
        "detik.promo",
        r"Hoegeng Awards \d{4}|Baca kisah inspiratif .*",
    )
    detection_examples = (
        ("https://news.detik.com/berita/d-4723121/x", "detik"),
        ("https://www.detik.com/sumbagsel/berita/d-7300950/x", "detik"),
        ("https://20.detik.com/detikupdate/x", "detik"),
        ("https://www.haibunda.com/parenting/x", "detik"),
    )
