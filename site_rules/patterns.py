"""Boilerplate patterns shared by several sites: they live here once.

Every pattern matches a *whole line* (``fullmatch``) unless its name says otherwise,
so a sentence of an article that merely contains the words is never touched. Each
entry carries the reason name that ``cleaner explain`` style tools can show.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Pattern


class LinePattern(NamedTuple):
    """A named whole-line pattern: ``reason`` says why a matching line goes."""

    reason: str
    pattern: Pattern[str]


def line_patterns(reason: str, *regexes: str, flags: int = 0) -> tuple[LinePattern, ...]:
    return tuple(LinePattern(reason, re.compile(rx, flags)) for rx in regexes)


class LineMatcher:
    """Many whole-line patterns as one alternation: one ``fullmatch`` per line, not one per pattern.

    ``reason(line)`` gives the reason of the first pattern that matches the whole line.
    """

    def __init__(self, entries: tuple[LinePattern, ...]) -> None:
        self._reasons = [entry.reason for entry in entries]
        branches = []
        for index, entry in enumerate(entries):
            inline = "(?i:" if entry.pattern.flags & re.IGNORECASE else "(?:"
            branches.append(f"(?P<p{index}>{inline}{entry.pattern.pattern}))")
        self._pattern = re.compile("|".join(branches)) if branches else None

    def reason(self, line: str) -> str | None:
        if self._pattern is None:
            return None
        match = self._pattern.fullmatch(line)
        return self._reasons[int(match.lastgroup[1:])] if match and match.lastgroup else None


I = re.IGNORECASE

#: Lines dropped wherever they stand, on any site (GUIDE, "Drop").
SHARED_DROPS: tuple[LinePattern, ...] = (
    *line_patterns(
        "shared.read_also",
        r"\(?(?:Baca(?: [Jj]uga| [Pp]ula)?|BACA(?: JUGA)?|Simak(?: [Jj]uga)?|Lihat(?: [Jj]uga)?|Tonton(?: [Jj]uga)?|"
        r"Baca [Ss]elengkapnya|Baca Berita Lainnya)\s*:.*",
        r"Baca [Jj]uga|BACA JUGA|Lihat [Jj]uga|LIHAT JUGA",
        flags=0,
    ),
    *line_patterns(
        "shared.ads",
        r"ADVERTISEMENT|Advertisement|Advertising|SCROLL TO CONTINUE WITH CONTENT|Iklan|Close Ads x|Ads",
        r"Baca berita dengan sedikit iklan,? klik di ?sini\.?",
        r"Baca berita tanpa iklan\..*",
        r"Nyaman tanpa iklan\..*",
    ),
    *line_patterns(
        "shared.pagination",
        r"\d+ dari \d+ halaman",
        r"Lanjutkan Membaca\s*↓?|Loading\.*|Halaman selanjutnya|Halaman:?(?: \d+)+|Selanjutnya|Sebelumnya",
        r"Scroll down untuk melanjutkan membaca|Perbesar|zoom-in-whitePerbesar",
        flags=I,
    ),
    *line_patterns(
        "shared.whatsapp_notice",
        r"\*?\s*(?:Follow|Ikuti) (?:Official )?WhatsApp Channel.*",
        r"\*?\s*(?:Fakta atau Hoaks\? )?Untuk mengetahui kebenaran informasi yang beredar, silakan WhatsApp.*",
        r"Follow (?:Suara\.com|WhatsApp Channel) .*",
        r"Cek berita dan artikel yg? lain di Google News.*",
        r"Dapatkan update berita pilihan dan breaking news.*",
        r"Nikmati berita interaktif dan LIVE report.*",
    ),
    *line_patterns(
        "shared.video_notice",
        r"(?:Saksikan|Simak|Tonton|Lihat)(?: [Jj]uga)? [Vv]ideo [Pp]ilihan.*|Video [Pp]ilihan(?: [Hh]ari [Ii]ni)?:?|"
        r"(?:Saksikan|Simak|Tonton|Lihat)(?: [Jj]uga)? [Vv]ideo (?:di [Bb]awah [Ii]ni|[Bb]erikut(?: [Ii]ni)?)\s*:?|"
        r"(?:Saksikan|Simak|Tonton|Lihat)(?: [Jj]uga)? [Vv]ideo\s*:?\s*[\"“'‘].{0,150}[\"”'’]\s*:?|"
        r"This browser does not support the video element\.?|\[Gambas:.*\]",
    ),
    *line_patterns(
        "shared.reposted_notice",
        r"(?:Berita|Artikel) ini telah tayang di .*",
        r"Pilihan [Ee]ditor\s*:.*|PILIHAN EDITOR\s*:.*",
        r"(?:Ikuti|Simak|Dapatkan) (?:berita|breaking news|update|informasi).*(?:Google News|WhatsApp|Telegram|[Ss]aluran).*",
        r"(?:Copyright|COPYRIGHT|Hak Cipta)\s*(?:©|\(c\))?.*\d{4}.*",
        r"©\s*\d{4}.*",
    ),
    *line_patterns(
        "shared.paywall",
        r"- (?:Akses edisi mingguan|Akses penuh seluruh artikel|Baca dengan lebih sedikit gangguan iklan|"
        r"Fitur baca cepat|Anda Mendukung Independensi Jurnalisme).*",
        r"Berlangganan untuk lanjutkan membaca\.?|Kami mengemas berita, dengan cerita\.|"
        r"Manfaat berlangganan .*|Konten Premium.*",
    ),
    *line_patterns("shared.media_link", r"\(?(?:Video|Foto|Photo|Audio)\s*:\s*https?://\S+\)?", r"https?://(?:www\.)?youtube\.com/\S+"),
    *line_patterns("shared.view_count", r"[\d.,]+ (?:Views|views|kali dibaca|Dilihat)"),
    *line_patterns("shared.share_controls", r"•?\s*(?:Ukuran )?Font:.*|A A A|Bagikan|Share|Sukses|Menuju konten utama"),
    *line_patterns("shared.ellipsis", r"\.\.\.|…"),
    # An outlet's name alone on a line ("shared.outlet_name") is dropped too: the names are each
    # rule's ``outlet_names``, gathered by the registry (``cleaner.passes.plan_for``).
)

#: Headings after which nothing of the article follows (related, popular, video lists).
SHARED_STOPS: tuple[LinePattern, ...] = line_patterns(
    "shared.related_list",
    r"Berita [Tt]erkait|BERITA TERKAIT|Berita Lainnya|BERITA LAINNYA|TOPIK TERKAIT|Topik Terkait|"
    r"LAINNYA DI DETIKNETWORK|VIDEO TERKAIT|Video Terkait|Video Terkini|Video Terpopuler|VIDEO TERBARU|"
    r"POPULER|Berita Populer|Terpopuler|TERPOPULER|Berita Terkini Selengkapnya|Artikel Terkait|ARTIKEL TERKAIT|"
    r"Related Articles|Most Popular|REKOMENDASI|TERKINI|Berita Terkini|Baca Lainnya|Berita Pilihan|BERITA PILIHAN",
)

#: Credit lines: label and names. They leave the body and fill ``authors`` / ``editors``.
CREDIT_LINE = re.compile(
    r"(?P<label>Penulis|Reporter|Pewarta|Editor|Redaktur(?: & Reporter)?|Penyunting|Kontributor|"
    r"Videografer|Fotografer|Sumber|Oleh|Writer|Reporting by|Editing by)\s*:\s*(?P<names>\S.*)",
    re.IGNORECASE,
)
#: Where a further credit label starts inside a credit line ("Editor : A Sumber : B").
CREDIT_LABEL_INSIDE = re.compile(
    r"(?<!&)\s+(?:\|\s*)?(?=(?:Penulis|Reporter|Pewarta|Editor|Redaktur|Penyunting|Kontributor|Videografer|"
    r"Fotografer|Sumber)\s*:)",
    re.IGNORECASE,
)
#: Labels whose names are authors; ``Editor``/``Penyunting``/``Redaktur`` are editors; others
#: (``Sumber``, ``Videografer``) are credits that only leave the body.
from cleaner.draft import AUTHOR_LABELS, EDITOR_LABELS  # noqa: E402, F401 - re-exported beside the credit patterns
#: A credit label standing alone (the names follow on the next line, or nowhere).
BARE_CREDIT_LABEL = re.compile(
    r"(?:Penulis|Reporter|Pewarta|Editor|Redaktur|Videografer|Fotografer|Oleh)\s*:?", re.IGNORECASE
)

#: Editor codes closing an article: ``(has)``, ``(nma/ayp)``, ``(ASW/SHA)``, ``(abu/jpnn)``, ``(*)``.
#: One lower-case code, or several short codes of any case (``(Adi/Ism)``, ``(Bob/P-3)``), so
#: that ``(KPK)`` ending a sentence stays; a credit has a name with a space or a long word.
_CODE = r"[A-Za-z][A-Za-z0-9-]{0,5}"
_EDITOR_CODE_INNER = rf"\*|[a-z]{{2,6}}|{_CODE}(?:\s*/\s*{_CODE}){{1,3}}"
EDITOR_CODE = re.compile(rf"\s*\((?:{_EDITOR_CODE_INNER})\)\s*$")
EDITOR_CODE_LINE = re.compile(rf"\((?:{_EDITOR_CODE_INNER})\)")
#: A video crew list closing the item: ``(Name Name/Name/Name)``, three names or more.
CREW_LIST = re.compile(r"\s*\((?:[^()/]{2,60}/){2,}[^()/]{2,60}\)\s*$")

_CREDIT_INNER = r"[^()\[\]]{2,100}"
#: A caption ends with a photo or video credit (GUIDE: ``ANTARA FOTO/…``, ``(Liputan6.com/…)``,
#: ``[… via AP]``, ``(Dok. Istimewa) |``, ``tirto.id/…``, ``FOTO/REUTERS``).
CAPTION_CREDIT_BRACKETED = re.compile(
    rf"[(\[](?P<inner>{_CREDIT_INNER})[)\]]\s*\|?\s*$"
)
CAPTION_CREDIT_AGENCY = re.compile(
    r"(?:^|(?<=[.!?\"”)\]])\s*)"
    r"(?:Foto:\s*[^()]{2,80}"
    r"|(?P<agency>[A-Z][A-Z0-9]+(?: [A-Z][A-Z0-9]+){0,2}|[A-Za-z0-9]+\.(?:com|id|co\.id|net)|detikcom|"
    r"Antara(?: [A-Z][a-z]+)?|AP Photo)\s*/\s*\S[^()]{0,70}(?:\([A-Z]{2,5}\))?"
    r"|[A-Z][a-z]{2,}/[A-Z][\w .]{1,40})\s*\|?\s*$"
)
_BARE_ADDRESS = re.compile(r"(?:https?://|www\.)\S+")
_BARE_CREDIT_END = re.compile(r"(?:AP|AFP|REUTERS|Reuters|ANTARA|EPA|Xinhua|Istimewa|Dok\.?)\s*$")
CAPTION_CREDIT_BARE = re.compile(r"(?<=[.!?\"”])\s+(?:AP|AFP|REUTERS|Reuters|ANTARA|EPA|Xinhua|Istimewa|Dok\.?)\s*$")
_CREDIT_WORDS = re.compile(r"\bvia\b|\bDok\b|\bdok\.|Istimewa|Foto|FOTO|Photo|Ilustrasi|Getty|AFP|Reuters|REUTERS|\bAP\b")


#: Captions are short blocks (the longest seen run to about 560 characters); a longer line
#: ending in a credit is a paragraph the dump glued a caption to, and stays.
CAPTION_MAX_CHARS = 650


def caption_credit(line: str) -> re.Match[str] | None:
    """The trailing photo/video credit of a caption line, or None for prose.

    An editor code such as ``(gil)`` or ``(ASW/SHA)`` is not a credit: its parts are
    bare initials, where a credit names an outlet or a person.
    """
    if len(line) > CAPTION_MAX_CHARS or _BARE_ADDRESS.fullmatch(line):
        return None  # a long paragraph, or an address printed in the text
    tail = line[-130:]
    if "/" not in tail and "Foto:" not in line and not line.rstrip(" |").endswith((")", "]")) and not _BARE_CREDIT_END.search(tail):
        return None  # no slash, bracket or agency word at the end: prose, the common case
    match = CAPTION_CREDIT_BRACKETED.search(line)
    if match:
        inner = match.group("inner").strip()
        if EDITOR_CODE_LINE.fullmatch(f"({inner})"):
            pass
        elif ("/" in inner and re.search(r"[A-Za-z]{2}", inner.split("/")[0] + inner.split("/")[-1])) or _CREDIT_WORDS.search(inner):
            # A date such as (26/2/2019) has no letters; a quoted aside has no slash or credit word.
            return match
    match = CAPTION_CREDIT_AGENCY.search(line)
    if match:
        return match
    return CAPTION_CREDIT_BARE.search(line)


def strip_caption_credit(line: str) -> str:
    """The caption text without its credit (the body of a photo or video page)."""
    match = caption_credit(line)
    return line[: match.start()].rstrip(" |") if match else line


#: Dateline forms. Each has a ``place`` group where the form names a place.
_PLACE = r"(?P<place>[A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){0,4})"
_DASH = r"\s*(?:--|-|–|—|:)"
_OUTLETS = "{outlets}"  # where an outlet form takes the outlets' names


class OutletDateline(NamedTuple):
    """A dateline form that names an outlet, whose names are no list of this module's.

    Each rule declares how its outlet signs its datelines (``SiteRule.dateline_outlets``,
    ``(kind, name pattern)``); the registry gathers them per ``kind`` and the engine's plan
    compiles the form once with every rule's names (``cleaner.passes.plan_for``), so a new
    outlet touches only its own module.
    """

    kind: str
    template: str

    def compiled(self, names: tuple[str, ...]) -> Pattern[str]:
        """The form naming these outlets (none: a form that never matches)."""
        return _compile_outlet_form(self.template, names)

    def match(self, line: str) -> re.Match[str] | None:
        raise TypeError(f"the {self.kind!r} dateline form is compiled with the rules' names first (OutletDateline.compiled)")


@lru_cache(maxsize=64)
def _compile_outlet_form(template: str, names: tuple[str, ...]) -> Pattern[str]:
    return re.compile(template.replace(_OUTLETS, "|".join(names) if names else "(?!)"))


DATELINE_OUTLET_AFTER_PLACE = OutletDateline(  # "Jakarta, CNN Indonesia -- ", "JAKARTA, KOMPAS.com - "
    "after_place",
    rf"{_PLACE},\s*(?P<outlet>{_OUTLETS}|[A-Za-z0-9-]+\.(?:com|co\.id|id|net|tv|TV|COM|ID|CO\.ID)){_DASH}+\s*",
)
DATELINE_OUTLET_BEFORE_PLACE = OutletDateline(  # "Liputan6.com, Jakarta - ", "TEMPO.CO, Jakarta - "
    "before_place", rf"(?:•\s*)?(?P<outlet>{_OUTLETS}),\s*{_PLACE}{_DASH}+\s*"
)
DATELINE_AGENCY = OutletDateline(  # "Jakarta (ANTARA) - ", "New York (ANTARA News) - "
    "agency", rf"{_PLACE}\s*\((?P<outlet>{_OUTLETS})\)\s*(?:--|-|–|—)?\s*"
)
DATELINE_OUTLET_ONLY = OutletDateline(  # "tirto.id - ", "ANTARA - ", "(Antara)- ", "jpnn.com - JAKARTA - "
    "alone", rf"(?P<outlet>{_OUTLETS})\s*(?:--|-|–|—)(?:\s*{_PLACE}\s*(?:--|-|–|—))?\s*"
)
#: An outlet named by its domain, in any case: ``Merdeka.com``, ``KOMPAS.com``, ``REPUBLIKA.CO.ID``.
_DOMAIN = r"(?i:[a-z][a-z0-9-]*\.(?:co\.id|com|id|net|tv|co)\b)"
DATELINE_DOMAIN_BEFORE_PLACE = re.compile(  # "Okezone.com, Jakarta - ", "JPNN.com, JAKARTA - ", "REPUBLIKA.CO.ID, JAKARTA -- "
    rf"(?P<outlet>{_DOMAIN}),\s*{_PLACE}{_DASH}+\s*"
)
DATELINE_DOMAIN_ONLY = OutletDateline(  # "Merdeka.com - ", "KOMPAS.com - ", "VIVA - ", "detikNews - ", "SOLOPOS.COM - "
    # A domain, or an outlet whose datelines name it without one ("bare"). A sentence follows;
    # "Kompas.com - 12/11/2024, 07:30 WIB" is a header's date line, not a dateline.
    "bare", rf"(?P<outlet>{_DOMAIN}|{_OUTLETS})\s*(?:--|-|–|—)\s*(?=[A-Z\"“'‘(])"
)
#: The KLY family (Liputan6, Fimela, Bola.com, KapanLagi, Merdeka, Dream) may leave out the dash:
#: "Fimela.com, Jakarta Musim hujan …". Only a long paragraph opens so (``DatelineForm`` min length).
DATELINE_KLY_NO_DASH = OutletDateline(
    "no_dash",
    rf"(?P<outlet>{_OUTLETS}),\s*(?P<place>[A-Z][\w'-]*(?: (?:Utara|Selatan|Barat|Timur|Tengah|Raya|Baru))?)\s+(?=[A-Z0-9\"“'])",
)
#: detik's network opens with the place alone, in title case: "Wonosobo - Kereta wisata …".
#: Only a long paragraph, and a place of at most three capitalised words before a spaced dash.
DATELINE_PLACE_ONLY = re.compile(r"(?P<place>[A-Z][a-z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})\s+(?:-|–|—)\s+(?=[A-Z\"“'‘])")
DATELINE_UPPER_PLACE = re.compile(  # "JAKARTA - ", "JAKARTA -- "
    r"(?P<place>[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+){0,3})\s*(?:--|-|–|—)\s+"
)
