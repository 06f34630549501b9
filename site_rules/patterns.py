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


_SENTENCE_ENDS = frozenset('.!?"”')
#: Tiers of at most this many characters hold only short chrome, never a sentence.
_SHORT_TIER = 110


class LineMatcher:
    """Many whole-line patterns as one alternation: one ``fullmatch`` per line, not one per pattern.

    ``reason(line)`` gives the reason of the first pattern that matches the whole line.

    ``tiers`` (``(max_chars, entries, needles)``) are tried after the others, each only on lines
    of at most ``max_chars`` characters and, where ``needles`` are given, holding one of them:
    patterns of short chrome lines need not meet every paragraph (the regular expression engine
    tries an alternation branch by branch). One alternation per set of admitted tiers.
    """

    def __init__(
        self, entries: tuple[LinePattern, ...], tiers: tuple[tuple[int, tuple[LinePattern, ...], tuple[str, ...]], ...] = ()
    ) -> None:
        self._entries = entries
        self._groups = [tier for _, tier, _ in tiers]
        self._reasons = [entry.reason for entry in entries] + [entry.reason for tier in self._groups for entry in tier]
        # Per tier: its bit, its longest line, and its needles as one expression (searched in C).
        self._tiers = [
            (1 << number, limit, re.compile("|".join(map(re.escape, needles))) if needles else None)
            for number, (limit, _, needles) in enumerate(tiers)
        ]
        self._widest = max((limit for limit, _, _ in tiers), default=0)
        self._patterns: dict[int, Pattern[str] | None] = {}

    def _pattern(self, mask: int) -> Pattern[str] | None:
        if mask not in self._patterns:
            branches = []
            index = 0  # every entry keeps its index among all, admitted or not (the reasons' order)
            for number, group in enumerate((self._entries, *self._groups)):
                use = number == 0 or bool(mask & (1 << (number - 1)))
                for entry in group:
                    if use:
                        inline = "(?i:" if entry.pattern.flags & re.IGNORECASE else "(?:"
                        branches.append(f"(?P<p{index}>{inline}{entry.pattern.pattern}))")
                    index += 1
            self._patterns[mask] = re.compile("|".join(branches)) if branches else None
        return self._patterns[mask]

    def reason(self, line: str) -> str | None:
        mask = 0
        size = len(line)
        if size <= self._widest:
            # A sentence of seven words or more, or a line of fifteen, is prose, never a short chrome line.
            spaces = line.count(" ")
            prose = spaces >= 14 or (spaces >= 6 and line[-1:] in _SENTENCE_ENDS)
            for bit, limit, needles in self._tiers:
                if size <= limit and not (prose and limit <= _SHORT_TIER) and (needles is None or needles.search(line)):
                    mask |= bit
        pattern = self._patterns[mask] if mask in self._patterns else self._pattern(mask)
        match = pattern.fullmatch(line) if pattern is not None else None
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


# -- what Indonesian outlets share (issue 22): the generic layer every rule gets -----------------------
#
# Each pattern names a kind of chrome by its structure (a pitch's imperative and the channel
# it names, a share bar's controls, a pager's numbers), never one article's words. Patterns
# that could take a sentence of an article are tested on articles holding similar sentences
# (tests/test_outlet_conventions.py).

#: A channel or app the outlet pitches: WhatsApp and Telegram channels, Google News, its app.
_CHANNEL = r"(?:Google News|(?:WhatsApp|WA|Telegram) Channel|Channel (?:WhatsApp|WA|Telegram)|Saluran WhatsApp)"
#: A pitch naming a channel may run long (about 200 characters): tried on lines holding a channel's name.
_LONG_PITCH: tuple[LinePattern, ...] = line_patterns(
    "shared.channel_pitch",
    # "Gabung ke Channel WhatsApp KompasTV …", "Silakan baca konten menarik lainnya dari X di Google News",
    # "Cek Berita dan Artikel yang lain di Google News", "Follow Berita Okezone di Google News": an
    # imperative opening a short line that names a channel.
    rf"(?:Silakan |Silahkan |Yuk,? |Ayo,? )?(?:[Gg]abung|[Bb]ergabung|[Jj]oin|[Ii]kuti|[Ff]ollow|[Ss]imak|[Bb]aca|[Cc]ek|"
    rf"[Dd]apatkan|[Kk]lik|[Kk]unjungi|[Pp]antau|[Uu]pdate|[Ll]angganan|[Bb]erlangganan|[Ss]ubscribe)\b.{{0,90}}\b{_CHANNEL}\b.{{0,60}}",
)
OUTLET_DROPS: tuple[LinePattern, ...] = (
    *_LONG_PITCH,
    *line_patterns(
        "shared.channel_pitch",
        # The same pitch split over lines: "Cek Berita dan Artikel yang lain di" / "Google News".
        r"(?:Cek|Baca|Simak|Ikuti|Dapatkan) [Bb]erita (?:dan|&) [Aa]rtikel (?:yang|yg) [Ll]ain di\s*:?",
        r"(?:Google News|WhatsApp Channel|Channel WhatsApp)\.?",
        r"Dapatkan [Bb]erita [Pp]ilihan|di WhatsApp Anda|Baca WhatsApp \S+|Ikuti [Kk]ami di\s*:?|FOLLOW US|Follow [Uu]s",
        # App pitches: "Download Apps JPNN.com", "Unduh aplikasi X di Play Store", "Close Banner Apps X".
        r"(?:Download|Unduh)(?: [Ss]ekarang)? (?:[Aa]pps?|[Aa]plikasi)\b.{0,80}",
        r"Close (?:Banner|Ads)\b.{0,40}|Tutup [Ii]klan",
    ),
    *line_patterns(
        "shared.share_bar",
        r"Salin [Aa]rtikel|Salin [Tt]autan|Salin [Ll]ink|Copy [Ll]ink|(?:Link|Tautan) (?:[Tt]ersalin|[Bb]erhasil disalin)",
        r"(?:Bagikan|Share)(?: [Aa]rtikel| [Bb]erita)?(?: [Ii]ni)?\s*:?(?:\s*(?:Facebook|Twitter|X|WhatsApp|Telegram|LINE|Line|Email|Copy Link)){0,8}",
        r"(?:Facebook|Twitter|WhatsApp|Telegram|LINE|Email|Copy Link)(?:\s+(?:Facebook|Twitter|WhatsApp|Telegram|LINE|Email|Copy Link)){1,8}",
        # Font-size buttons, one per line ("A" "A" "A"), and a back-to-top link.
        r"A[+-]?|Atas|Kembali ke [Aa]tas|Back to [Tt]op",
    ),
    *line_patterns(
        "shared.ads",
        r"(?:- ?)?(?:ADVERTISEMENT|Advertisement)(?: ?-)?|SCROLL TO (?:CONTINUE|RESUME) (?:WITH )?CONTENT|"
        r"Scroll (?:untuk|ke bawah untuk) (?:membaca|melanjutkan)(?: membaca)?(?: artikel| berita)?|\s*spinner loading",
    ),
    *line_patterns(
        "shared.pagination",
        # "BACA HALAMAN BERIKUTNYA", "HALAMAN :", a pager "1 2 3", "Baca halaman berikutnya ya …".
        r"(?i:Baca halaman (?:berikutnya|selanjutnya)\b.{0,60})|(?i:halaman)\s*:|(?i:halaman \d+ dari \d+)",
        r"1(?: \d{1,2}){1,20}(?: (?:Next|Selanjutnya|»|›))?|(?:«|‹) ?1(?: \d{1,2}){1,20}",
    ),
    *line_patterns(
        "shared.column_box",
        # "Ingin menjadi kolumnis? Kirim tulisanmu ke …", "Mau jadi kolumnis Kompas.com? …": a question or
        # invitation, never a sentence saying someone was a columnist.
        r"(?:Ingin|Mau|Tertarik|Yuk|Ayo|Anda ingin|Anda tertarik|Bagi Anda yang ingin)\b.{0,40}\b(?:menjadi|jadi) [Kk]olumnis\b.{0,160}",
        r"(?:Kirim|Kirimkan) (?:tulisan|artikel|opini|naskah)(?:mu| Anda)? .{0,80}(?:@|redaksi|email|surel).{0,80}",
    ),
    *line_patterns(
        "shared.video_credit",
        # "Video editor: X", "VO/Video Editor: X", "Produser : Y", "Kamerawan: Z": the crew of a video item.
        r"(?:VO|Video ?[Ee]ditor|Editor [Vv]ideo|Video [Jj]urnalis|Videografer|Produser|Kamerawan|Narator|Penyunting [Vv]ideo|"
        r"Grafis|Tim Produksi)(?:\s*/\s*(?:VO|Video ?[Ee]ditor|Editor|Produser|Kamerawan|Narator)){0,3}\s*:\s*[^.:]{2,80}",
        r"(?:Lihat|Simak|Tonton|Saksikan) video(?:nya| selengkapnya)\b[^.]{0,60}",
    ),
    *line_patterns(
        "shared.widget_control",
        # A lone bullet or dash, a close button, a "must read" tab; an address written with [at].
        r"[-–—•·]|[Cc]lose|CLOSE|MustRead|Must Read|Tutup",
        r"(?:Redaksi|[Hh]ubungi|E-?mail|Surel|Kontak|Iklan)\s*:?\s*\S{0,40}\w\[at\]\w\S{0,40}|Informasi [Pp]emasangan [Ii]klan.{0,40}",
    ),
    *line_patterns(
        "shared.page_widget",
        # A prayer-times widget ("imsak04:10", "maghrib 17:30"), a Hijri date, an app version,
        # a reading time, a site footer of glued links, an app's tagline, a lone "Lihat".
        r"(?:[Ii]msak|[Ss]ubuh|[Tt]erbit|[Dd]zuhur|[Zz]uhur|[Aa]shar|[Aa]sar|[Mm]aghrib|[Mm]agrib|[Ii]sya)\s*\d{1,2}[:.]\d{2}",
        r"\d{1,2} (?:Muharram|Safar|Rabiul Awal|Rabiul Akhir|Jumadil Awal|Jumadil Akhir|Rajab|Sya'?ban|Ramadh?an|Syawal|"
        r"Dzulqa'?dah|Dzulhijjah) \d{4} H.{0,40}",
        r"(?i:version|versi) \d+(?:\.\d+)+|(?i:waktu baca) \d+ menit|\d+ menit (?:waktu )?baca|\d{4}\s*©.{0,80}",
        r"\S{2,30} Apps?|Aplikasi [Bb]erita\b.{0,60}|Dapatkan di (?:Play Store|App Store|Apps Store).{0,40}",
        r"Lihat|LIHAT",
    ),
    *line_patterns(
        "shared.breadcrumb",
        # "HOME BOLA SEPAKBOLA DUNIA", "Home » News » Nasional": a breadcrumb from the home page.
        r"(?:HOME|Home|Beranda|BERANDA)(?:\s*[›»>/|]\s*|\s+)[A-Z][\w&-]*(?:(?:\s*[›»>/|]\s*|\s+)[A-Z][\w&-]*){0,5}",
    ),
    #: A line of hashtags only: "#BanjirJakarta #Banjir".
    *line_patterns("shared.hashtags", r"#\w[\w-]*(?:[ ,]+#\w[\w-]*)*"),
    #: A photo credit on its own line under the title: "- VIVA/Daru Waskita", "Foto: Istimewa", "Istimewa".
    *line_patterns(
        "shared.photo_credit",
        r"[-–]\s*[A-Z][A-Za-z0-9.]{1,30}\s*/\s*[A-Z][\w .'’-]{1,40}",
        r"(?:Foto|FOTO|Ilustrasi|Sumber [Ff]oto)\s*:\s*(?:Istimewa|Dok\.?.{0,40}|[A-Za-z0-9.]+/.{1,40})|Istimewa|Dok\. Istimewa|Ilustrasi",
    ),
)

#: Outlet chrome whose lines may run long: tried on every line (``OUTLET_DROPS`` only on short ones).
OUTLET_LONG_DROPS: tuple[LinePattern, ...] = (
    *line_patterns(
        "shared.reposted_notice",
        r"(?:Sebagian )?(?:Berita|Artikel|Tulisan|Konten) ini (?:telah|sudah|sebelumnya) (?:tayang|terbit|dimuat|dipublikasikan) di .*",
    ),
    *line_patterns("shared.page_widget", r"(?:Tentang Kami|Redaksi|Kontak|Kebijakan)[^.]{0,120}Pedoman Media Siber.{0,200}"),
)
#: ``OUTLET_DROPS`` by the longest line each can match: most are short chrome (100
#: characters at most); pitches, column boxes and hashtag lines run to about 250.
_MEDIUM = frozenset((*_LONG_PITCH, *(entry for entry in OUTLET_DROPS if entry.reason in ("shared.column_box", "shared.hashtags"))))
#: The longer ones each name a channel, a column or a hashtag: a line holding none of these
#: words never meets them.
_MEDIUM_NEEDLES = ("WhatsApp", "Google News", "Telegram", "WA ", "olumnis", "#", "irim", "Channel", "aluran")
OUTLET_DROP_TIERS: tuple[tuple[int, tuple[LinePattern, ...], tuple[str, ...]], ...] = (
    (260, tuple(entry for entry in OUTLET_DROPS if entry in _MEDIUM), _MEDIUM_NEEDLES),
    (110, tuple(entry for entry in OUTLET_DROPS if entry not in _MEDIUM), ()),
)

#: Related-list and end headings of other outlets (whole lines): nothing of the article follows.
OUTLET_STOPS: tuple[LinePattern, ...] = line_patterns(
    "shared.related_list",
    r"Terkini Lainnya|TERKINI LAINNYA|Video [Rr]ekomendasi|VIDEO REKOMENDASI|TAG TERKAIT|Tag [Tt]erkait|LATEST UPDATE|Latest Update|"
    r"Berita Terbaru|BERITA TERBARU|Artikel Lainnya|ARTIKEL LAINNYA|Rekomendasi [Uu]ntuk (?:Anda|Kamu)|Jangan Lewatkan|JANGAN LEWATKAN|"
    r"Kumpulan Berita Terkait|(?:ARTIS|TOPIK|BERITA|ARTIKEL|VIDEO|FOTO) TERKAIT|Topik Pilihan|TOPIK PILIHAN|Baca Berita Terkait|"
    r"Berita Lain(?:nya)? [Dd]ari .{2,30}|Kirim Komentar|Tulis Komentar|Komentar \(\d+\)",
)

#: Closing marks of other outlets after the last sentence: ``***``, a bracketed code ``[ian]``.
CLOSING_MARK = re.compile(r"(?<=[.!?\"”’'])\s*(?:\*{2,4}|\[[a-z]{2,5}(?:/[a-z]{2,5}){0,3}\])\s*$")
#: A line that is only an upper-case desk code: ``(OGI)``, ``(HUS)`` (in a sentence such a
#: bracket names an institution and stays; on a line of its own it is a code).
DESK_CODE_LINE = re.compile(r"\((?:[A-Z]{2,6}|[A-Z][a-z]{1,5})\)|\[[a-z]{2,5}(?:/[a-z]{2,5}){0,3}\]")
#: The outlet and reporter credited after the last sentence: ``(Tribunlampung.co.id/Hanif Mustafa)``,
#: ``(Tribunnews/Amryono Prakoso)``. The reporter joins the authors.
CLOSING_CREDIT = re.compile(
    # An outlet's name of five letters or more, not an agency in capitals (``(REUTERS/Name)`` closes
    # captions), and a full name (an editor code has neither).
    r"(?<=[.!?\"”’'])\s*\((?P<outlet>[A-Z][a-z][\w-]{3,30}(?:\.[a-z]{2,4}){0,2})\s*/\s*"
    r"(?P<name>[A-Z][a-z'’.-]+(?: [A-Z][a-z'’.-]*){1,3})\)\s*$"
)

#: Dateline forms of other outlets (issue 22), for the generic rule and any outlet rule.
#: ``Jakarta: `` (Medcom) and ``JAKARTA. `` (Kontan): a place of at most three words closed by a
#: colon or full stop. Only a long paragraph opens so (``DatelineForm`` min length), so a
#: title ("Jokowi: …") or a short quote never reads as one.
DATELINE_PLACE_COLON = re.compile(r"(?!(?:Penulis|Reporter|Editor|Penyunting|Redaktur|Pewarta|Sumber|Foto|Video|Baca|Simak|Lihat|Tonton|Catatan|Keterangan|Kontributor)\b)(?P<place>[A-Z][a-z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}):\s+(?=[A-Z\"“'‘])")
DATELINE_UPPER_PLACE_STOP = re.compile(r"(?P<place>[A-Z]{3,}(?: [A-Z]{3,}){0,2})\.\s+(?=[A-Z\"“'‘])")
#: A domain with a doubled dash: ``Bola.net - - ``.
DATELINE_DOMAIN_DOUBLE_DASH = re.compile(rf"(?P<outlet>{_DOMAIN})\s*(?:-|–|—)\s*(?:-|–|—)\s*(?=[A-Z\"“'‘(])")
#: A place alone on its line, its lead on the next (detik's full-page layout: ``Maros -``).
DATELINE_PLACE_ALONE = re.compile(r"(?P<place>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})\s+(?:-|–|—|--)\s*$")
#: A place, then the outlet's brand in one word with an inner capital or in capitals
#: (``Jakarta, KompasOtomotif – ``, ``Jakarta, Kompas - ``), then a dash.
DATELINE_BRAND_AFTER_PLACE = re.compile(
    r"(?P<place>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}),\s*(?P<outlet>[A-Za-z][a-z]+[A-Z][A-Za-z]+|[A-Z]{4,}|Kompas|Suara|Tribun)"
    r"\s*(?:--|-|–|—)\s+(?=[A-Z\"“'‘(])"
)
#: After an outlet-only dateline, a lead: a sentence ending, or a long run of text. A
#: breadcrumb such as ``JPNN.com - Daerah - Sumsel`` has neither.
_LEAD_FOLLOWS = r"(?=.*\w[.!?\"”’)]\s*$|.{60})"
DATELINE_OUTLET_ONLY_LEAD = DATELINE_OUTLET_ONLY._replace(template=DATELINE_OUTLET_ONLY.template + _LEAD_FOLLOWS)
DATELINE_DOMAIN_ONLY_LEAD = DATELINE_DOMAIN_ONLY._replace(template=DATELINE_DOMAIN_ONLY.template + _LEAD_FOLLOWS)

#: A breadcrumb line naming the outlet then its sections: ``JPNN.com - Daerah - Sumsel``; the last
#: section is the article's.
OUTLET_BREADCRUMB_LINE = re.compile(
    rf"(?:{_DOMAIN}|[A-Z][\w.]+\.(?:COM|ID|CO\.ID))(?:\s+[-›»>/|]\s+[A-Z][\w&]*(?: [A-Z&][\w&]*){{0,2}}){{1,3}}?"
    rf"\s+[-›»>/|]\s+(?P<last>[A-Z][\w&]*(?: [A-Z&][\w&]*){{0,2}})"
)
