"""National outlets with one rule each, built from one gold dump apiece in ``../shared/outlets``
(``dumps/other``) and the search tool's stored pages: Viva, Republika, Sindonews, Kumparan,
IDN Times, CNBC Indonesia, Medcom, iNews, Bisnis, Kontan, Media Indonesia.

Each declares its hosts, the signatures of its dumps, the dateline forms the generic
layer does not know, and the lines that are its own (quoted in each class).
"""

from __future__ import annotations

import re

from cleaner.dates import date_line

from . import patterns as P
from datetime import date

from .base import DatelineForm, Draft, HtmlLayout, TextOptions, has_class
from .generic import Generic

__all__ = [
    "Bisnis", "CNBCIndonesia", "IDNTimes", "INews", "Kontan", "Kumparan", "Medcom", "MediaIndonesia", "Republika",
    "Sindonews", "Viva",
]

#: CNBC Indonesia's byline: the channel, a dash, the writer and the outlet (``Market - Name, CNBC Indonesia``).
_CNBC_BYLINE = re.compile(r"(?P<channel>[A-Z][\w&]*(?: [A-Z][\w&]*){0,2}) - (?P<names>[A-Z][^,|]{1,80}?),\s*CNBC Indonesia")
#: Republika's credits: ``Rep: Name/ Red: Name`` (the reporter may be a code, ``C31``, or an agency).
_REPUBLIKA_CREDITS = re.compile(r"Rep\s*:\s*(?P<reporter>[^/]*?)\s*/\s*Red\s*:\s*(?P<editor>.+)")
#: Republika's date line above the title: ``Rabu 04 Nov 2020 12:00 WIB``.
_REPUBLIKA_DATE = re.compile(r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu),? \d{1,2} [A-Z][a-z]{2,8} \d{4},? \d{1,2}[:.]\d{2}(?: WI[BT]A?)?")
_AGENCY_OR_CODE = re.compile(r"(?i:antara|reuters|afp|ap|xinhua|republika)|[A-Z]{0,3}\d+|[a-z]{2,4}")

#: Medcom's and Metro TV's byline: the writer, a bullet, the date (``Name • 5 March 2025 05:07``).
_BULLET_BYLINE = re.compile(r"(?P<names>[A-Z][^•|]{1,80}?)\s*•\s*(?P<date>\d{1,2} [A-Z][a-z]+ \d{4},? \d{1,2}[:.]\d{2}(?: WI[BT]A?)?)")

#: "Cek Berita dan Artikel yang lain di Google News", on one line or split before "Google News".
_GOOGLE_NEWS_PITCH = (r"Cek Berita dan Artikel yang lain di(?: Google News)?", r"Google News")


class Viva(Generic):
    """Viva (viva.co.id): built from 2 saved pages and 1 gold dump of ../shared/outlets.

    viva.co.id: ``- VIVA/Daru Waskita`` photo credit under the title, ``VIVA – `` lead.
    """

    name = "viva"
    aliases = ("viva.co.id",)
    hosts = ("viva.co.id",)
    dateline_outlets = (("after_place", "VIVA"), ("bare", "VIVA"))  # how its datelines name it
    site_field = False
    signatures = (re.compile(r"^VIVA\s*(?:–|-|—)\s", re.M), re.compile(r"^-\s*VIVA/", re.M))
    signature_markers = ("VIVA",)
    outlet_lines = P.line_patterns("viva.photo_credit", r"-\s*VIVA/.{2,60}")
    html_layouts = (
        HtmlLayout(
            "article-2015",
            until=date(2018, 12, 31),
            body=f"//article[{has_class('article-detail')}]/div[{has_class('content')}]",
            remove=(".//script | .//style | .//iframe | .//figure", f".//*[{has_class('photodesc')}]"),
            title=f"//article[{has_class('article-detail')}]/div[{has_class('title')}]",
            description=f"//article[{has_class('article-detail')}]/div[{has_class('summary')}]",
            bylines=(f"//article[{has_class('article-detail')}]/div[{has_class('smalldesc')}]/*",),
            category=f"//article[{has_class('article-detail')}]/div[{has_class('upperdeck-kanal')}]",
        ),
    )
    detection_examples = (("https://www.viva.co.id/berita/nasional/1-x", "viva"),)


class Republika(Generic):
    """Republika: built from 1 saved page and 1 gold dump of ../shared/outlets.

    republika.co.id (and republika.id): ``REPUBLIKA.CO.ID, JAKARTA -- `` lead, ``Rep: X/ Red: Y``.
    """

    name = "republika"
    aliases = ("republika.co.id",)
    hosts = ("republika.co.id", "republika.id")
    outlet_names = (r"Republika\.co\.id",)  # printed alone on a line (shared.outlet_name)
    site_field = False
    brands = (r"Republika",)
    signatures = (re.compile(r"^REPUBLIKA\.CO\.ID, [A-Z]", re.M), re.compile(r"^Rep: .{2,60} Red: ", re.M))
    signature_markers = ("REPUBLIKA", "Red: ")
    html_layouts = (
        HtmlLayout(
            "wp-2015",
            until=date(2018, 12, 31),
            body=f"//div[{has_class('content-detail')}]",
            remove=(".//script | .//style | .//iframe | .//figure", f".//*[{has_class('red')} or {has_class('tagging')}]"),
            title=f"//div[{has_class('jdl-detail')}]/h1",
            bylines=(f"//div[{has_class('red')}]", f"//div[{has_class('date-detail')}]"),
            category=f"//div[{has_class('set-nav-2')}]//li[{has_class('active')}]/a",
            tags=f"//div[{has_class('tagging')}]//a",
        ),
    )
    detection_examples = (("https://www.republika.co.id/berita/x", "republika"), ("https://fbeta.republika.co.id/berita/x", "republika"))

    def header_line(self, line: str, draft: Draft, seen_title: bool) -> bool:
        """``Rep: X/ Red: Y``: X writes (unless a code or an agency), Y edits; the date line above the
        title is the publication time (the layout prints it before the headline, not the day's date)."""
        if not seen_title and _REPUBLIKA_DATE.fullmatch(line):
            iso = date_line(line)
            if iso:
                draft.published = draft.published or iso
                return True
        credits = _REPUBLIKA_CREDITS.fullmatch(line)
        if credits:
            reporter = credits.group("reporter").strip()
            if reporter and not _AGENCY_OR_CODE.fullmatch(reporter):
                draft.credit("author", reporter)
            draft.credit("editor", credits.group("editor"))
            return True
        return super().header_line(line, draft, seen_title)


class Sindonews(Generic):
    """Sindonews: built from 1 gold dump of ../shared/outlets (the outlet is rare in the stored pages).

    sindonews.com (daerah., nasional., …): ``loading...``, three ``A`` font buttons, ``TUBAN - `` lead.
    """

    name = "sindonews"
    aliases = ("sindonews.com", "sindo")
    hosts = ("sindonews.com",)
    site_field = False
    signatures = (re.compile(r"^SINDOnews\.com", re.M),)
    signature_markers = ("SINDOnews",)
    outlet_lines = P.line_patterns("sindonews.font_buttons", r"A")
    # A read-also cut after its first word by the excerpt: "Lihat" alone.
    drops = (*Generic.drops, *P.line_patterns("sindonews.read_also", r"Lihat"))
    detection_examples = (("https://daerah.sindonews.com/read/1/x", "sindonews"),)


class Kumparan(Generic):
    """kumparan: built from 1 gold dump of ../shared/outlets.

    kumparan.com: the footer and a prayer-times widget come first, ``waktu baca 2 menit``.
    """

    name = "kumparan"
    aliases = ("kumparan.com",)
    hosts = ("kumparan.com",)
    dateline_outlets = (("after_place", "Kumparan"), ("after_place", "kumparan"), ("bare", "kumparan"), ("bare", "kumparanNEWS"))  # how its datelines name it
    outlet_names = (r"kumparan",)  # printed alone on a line (shared.outlet_name)
    site_field = False
    brands = (r"kumparan(?:NEWS)?",)
    # The prayer-times widget names its city on a line of its own ("Jakarta") before "imsak04:10":
    # a single word alone on a line is no sentence of a kumparan article.
    drops = (*Generic.drops, *P.line_patterns("kumparan.prayer_city", r"[A-Z][a-z]{2,}"))
    signatures = (re.compile(r"PT Dynamo Media Network", re.M), re.compile(r"^waktu baca \d+ menit$", re.M))
    signature_markers = ("Dynamo Media", "waktu baca")
    outlet_lines = P.line_patterns(
        "kumparan.widgets",
        r"Tentang Kami.*Pedoman Media Siber.*|\d{4} © PT Dynamo Media Network.*|Version \d+(?:\.\d+)+",
        r"(?:imsak|subuh|terbit|dzuhur|ashar|maghrib|isya)\d{2}:\d{2}|waktu baca \d+ menit|·",
        # The widget's Hijri date glued to the day's date: "26 Ramadhan 1446 HRabu, 26 Maret 2025".
        r"\d{1,2} [A-Z][a-z]+(?: [A-Z][a-z]+)? \d{4} H(?:[A-Z][a-z]+, .*)?",
    )
    detection_examples = (("https://kumparan.com/kumparannews/x", "kumparan"),)


class IDNTimes(Generic):
    """IDN Times: built from 1 gold dump (AMP) of ../shared/outlets.

    idntimes.com (and its regional channels): ``Jakarta, IDN Times - `` lead.
    """

    name = "idntimes"
    aliases = ("idntimes.com", "idn times")
    hosts = ("idntimes.com",)
    dateline_outlets = (("after_place", "IDN Times"),)  # how its datelines name it
    site_field = False
    brands = (r"IDN Times",)
    signatures = (re.compile(r"^[A-Z][\w ]{1,30}, IDN Times\s*-", re.M),)
    signature_markers = ("IDN Times",)
    detection_examples = (("https://www.idntimes.com/sport/soccer/x", "idntimes"),)


class CNBCIndonesia(Generic):
    """CNBC Indonesia: built from 1 gold dump of ../shared/outlets.

    cnbcindonesia.com: ``Market - Name, CNBC Indonesia``, next-page teasers, ``spinner loading``.
    """

    name = "cnbcindonesia"
    aliases = ("cnbc", "cnbcindonesia.com")
    hosts = ("cnbcindonesia.com",)
    dateline_outlets = (("after_place", "CNBC Indonesia"),)  # how its datelines name it
    outlet_names = (r"CNBC Indonesia",)  # printed alone on a line (shared.outlet_name)
    site_field = False
    brands = (r"CNBC Indonesia",)
    signatures = (re.compile(r"^[A-Z][\w ,]{1,30}, CNBC Indonesia\s*-", re.M), re.compile(r"^BACA HALAMAN BERIKUTNYA$", re.M))
    signature_markers = ("CNBC Indonesia", "BACA HALAMAN")
    outlet_lines = P.line_patterns(
        "cnbcindonesia.pager", r"BACA HALAMAN BERIKUTNYA|HALAMAN :|\s*spinner loading", r"(?:\d{1,2} ){1,9}\d{1,2}"
    )
    detection_examples = (("https://www.cnbcindonesia.com/market/1-17-x", "cnbcindonesia"),)

    def header_line(self, line: str, draft: Draft, seen_title: bool) -> bool:
        """``Market - Name, CNBC Indonesia``: the channel is the section, the name the writer."""
        byline = _CNBC_BYLINE.fullmatch(line)
        if byline and seen_title:
            draft.credit("author", byline.group("names"))
            draft.category = draft.category or byline.group("channel")
            return True
        return super().header_line(line, draft, seen_title)


class Medcom(Generic):
    """Medcom (medcom.id): built from 1 gold dump of ../shared/outlets.

    medcom.id: ``Jakarta: `` opens the lead; ``Cek Berita dan Artikel yang lain di`` / ``Google News``.
    """

    name = "medcom"
    aliases = ("medcom.id", "metrotvnews")
    # metrotvnews.com became medcom.id and came back as Metro TV's news site on the same CMS.
    hosts = ("medcom.id", "metrotvnews.com")
    site_field = False
    signatures = (re.compile(r"^Cek Berita dan Artikel yang lain di$", re.M),)
    signature_markers = ("Cek Berita dan Artikel",)
    dateline_forms = (
        DatelineForm(re.compile(r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}):\s+(?=[A-Z\"“])"), min_line_chars=120),
        *Generic.dateline_forms,
    )
    outlet_lines = P.line_patterns("medcom.pitch", *_GOOGLE_NEWS_PITCH)
    # The desk's code closing the article in capitals, "(OGI)", and the repeated copy's date line.
    drops = (
        *Generic.drops,
        *P.line_patterns("medcom.closing", r"\([A-Z]{2,4}\)", r"Medcom\.id, [A-Z][a-z']+, \d{1,2} [A-Z][a-z]+ \d{4}\.?"),
    )
    detection_examples = (("https://www.medcom.id/nasional/metro/x", "medcom"), ("https://www.metrotvnews.com/read/x", "medcom"))

    def header_line(self, line: str, draft: Draft, seen_title: bool) -> bool:
        """``M Sholahadhin Azhar • 5 March 2025 05:07``: the writer and the publication time."""
        byline = _BULLET_BYLINE.fullmatch(line)
        if byline:
            iso = date_line(byline.group("date"))
            if iso:
                draft.credit("author", byline.group("names"))
                draft.published = draft.published or iso
                return True
        return super().header_line(line, draft, seen_title)


class INews(Generic):
    """iNews (inews.id): built from 1 gold dump (a regional page 2) of ../shared/outlets.

    inews.id (and its regional channels): ``Editor : X``, ``Artikel Terkait``, ``pungkasnya.***``.
    """

    name = "inews"
    aliases = ("inews.id",)
    hosts = ("inews.id",)
    site_field = False
    # Regional sites sign "JAKARTA, iNewsBekasi.id - " or, without the domain, "SERANG, iNewsBanten – ".
    dateline_outlets = (("after_place", r"iNews[A-Z][A-Za-z]*"),)
    # The writer's name stands alone under the title.
    options = TextOptions(unlabelled_credit="author")
    line_rewrites = ((re.compile(r"(?<=[.!?\"”])\*{3}$"), ""),)
    outlet_lines = P.line_patterns(
        "inews.chrome",
        r"get app|Aa Text|Read Next\s*:.*|Bagikan Artikel Ini|Lihat Berita Lainnya",
        r"Follow Whatsapp Channel iNews.*",
    )
    stops = (*Generic.stops, *P.line_patterns("inews.footer", r"Konten di bawah ini disajikan oleh Advertiser\..*"))
    detection_examples = (("https://kuningan.inews.id/berita/x", "inews"), ("https://banten.inews.id/amp/1/x", "inews"))


class Bisnis(Generic):
    """Bisnis (bisnis.com): built from 1 gold dump of ../shared/outlets.

    bisnis.com (and its regional subdomains): ``Bisnis.com, JAKARTA — `` lead.
    """

    name = "bisnis"
    aliases = ("bisnis.com",)
    hosts = ("bisnis.com",)
    dateline_outlets = (("before_place", r"Bisnis\.com"),)  # how its datelines name it
    site_field = False
    signatures = (re.compile(r"^Bisnis\.com, [A-Z]", re.M),)
    signature_markers = ("Bisnis.com",)
    detection_examples = (("https://ekonomi.bisnis.com/read/2013/x", "bisnis"),)


class Kontan(Generic):
    """Kontan (kontan.co.id): built from 1 gold dump of ../shared/outlets.

    kontan.co.id: ``Reporter: X | Editor: Y`` first, ``JAKARTA. `` (a full stop) opens the lead.
    """

    name = "kontan"
    aliases = ("kontan.co.id",)
    hosts = ("kontan.co.id",)
    site_field = False
    signatures = (re.compile(r"^Reporter: .{2,60} \| Editor: ", re.M), re.compile(r"^KONTAN\.CO\.ID - [A-Z]+\. ", re.M))
    signature_markers = ("| Editor: ", "KONTAN.CO.ID")
    dateline_forms = (
        # The AMP page names the outlet first: "KONTAN.CO.ID - JAKARTA. ".
        re.compile(r"(?P<outlet>KONTAN\.CO\.ID)\s*(?:-|–|—)\s*(?P<place>[A-Z]{3,}(?: [A-Z]{3,}){0,2})\.\s+"),
        DatelineForm(re.compile(r"(?P<place>[A-Z]{3,}(?: [A-Z]{3,}){0,2})\.\s+(?=[A-Z][a-z])"), min_line_chars=120),
        *Generic.dateline_forms,
    )
    outlet_lines = P.line_patterns("kontan.pitch", *_GOOGLE_NEWS_PITCH)
    detection_examples = (("https://nasional.kontan.co.id/news/x", "kontan"),)


class MediaIndonesia(Generic):
    """Media Indonesia: built from two stored pages (the search tool's); its leads open with a word in capitals.

    mediaindonesia.com: stored pages only (no gold); its ``Jakarta - `` leads are the generic forms.
    """

    name = "mediaindonesia"
    aliases = ("mediaindonesia.com", "mi")
    hosts = ("mediaindonesia.com",)
    site_field = False
    outlet_lines = P.line_patterns("mediaindonesia.promo", r"Kumpulan Berita DPR RI")
    # The desk's code closing the last paragraph: "katanya. (OL-1)", "(Z-2)".
    line_rewrites = ((re.compile(r"(?<=[.!?\"”])\s*\([A-Z]{1,3}-\d{1,3}\)$"), ""),)
    detection_examples = (("https://mediaindonesia.com/politik/1/cnn-minta-jaminan", "mediaindonesia"),)
