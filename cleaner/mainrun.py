"""Find the article in a whole page's text: the dump stage before the positional passes.

A dump of the shape crawlers of news archives store starts near the title and holds
little beyond the article; the passes read it by position (header, body, footer). The
raw dumps users have most are the **whole page's text** (Common Crawl's WET, a
``get_text()``, a Markdown crawler): menus, tickers, sidebars, related decks and
footers stand around the article, and position means nothing there. This stage does
for such a dump what ``density`` does for a page: it finds the run of lines that
plainly holds the article's prose (lines of real length ending like sentences, close
together, the rule's dateline form marking the lead), widens it by what belongs to it
(the headline the page shows above it with the date and byline lines between, a short
closing paragraph, the closing credits) and hands the passes only that window, so
their header, footer and trailing-title readings act around the run, never inside it.

A dump whose run starts near its top and is not buried in chrome is article-shaped:
it is left exactly as it is (``Window.whole`` is False). A whole page with no run of
prose at all is no article (a home page, an index, a search or tag page). Where the
stage is unsure whether a second run of prose belongs to the article it keeps it, and
says so in the decision log (``mainrun.unsure_kept``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from site_rules import SiteRule
from site_rules import patterns as P

from .article import Decision
from .passes import find_dateline, plan_for
from .dates import date_line, find_datetime
from .draft import Draft
from .text import ends_sentence, word_count

__all__ = ["Window", "locate", "settle"]

#: A prose line: at least this many words, ending like a sentence.
PROSE_WORDS = 8
#: Non-prose lines (sub-headings, captions, a short list, an inline "Baca juga") that
#: may stand between two paragraphs of one run.
MAX_GAP = 6
#: A second run this close to the main one, with real prose, is kept with it (unsure).
MERGE_GAP = 14
#: A dump is article-shaped when its run starts within this many lines of its top and
#: at most ``TAIL_LINES`` lines (or twice the window) follow it.
HEAD_LINES = 25
TAIL_LINES = 60
#: Teasers of a deck stand at most this many lines apart, each under a stamp of its own.
DECK_SPACING = 6
DECK_LENGTH = 3
#: A list closing the article: how far it may reach, and how long its items and headings are.
LIST_REACH = 30
LIST_ITEM_WORDS = 6
#: List items or links above the run that make it a site's menu, not a dump's header.
MENU_ITEMS = 6
#: How far above the headline a breadcrumb is looked for.
CRUMB_REACH = 5
#: How far above the run the headline, date and byline are looked for.
TITLE_REACH = 40
#: Lines after the run that may still belong to it (credits, a short last paragraph).
AFTER_REACH = 6

_BLOCK_MARKS = frozenset("#*>-+|!")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\(\s*[^)\s]*(?:\s+\"[^\"]*\")?\s*\)")
_LEADING_MARKS = re.compile(r"^(?:[#>]+\s+|[*+-]\s+|\d+\.\s+)+")
_CREDIT_IN_BRACKETS = re.compile(r"\((?:Sumber|Foto|Dok|Source|Photo)\b", re.IGNORECASE)
_NUMBERED = re.compile(r"\d{1,2}[.)] ")
_BYLINE = re.compile(
    r"(?:Oleh|By|Penulis|Reporter|Pewarta)\s*:?\s+(?P<names>[^|,:]+?)(?:\s+(?:pada|on)\s+.*|\s*[|,]\s*.*\d{4}.*)?",
    re.IGNORECASE,
)
_OUTLET_BYLINE = re.compile(r"(?P<names>[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,4})\s+-\s+[a-z][\w.]*")
_DATE_TAIL = re.compile(r"\s*\|\s*(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)\b.*$")
_HOME = frozenset({"home", "beranda", "index", "indeks berita"})
_CRUMB_SEPARATOR = re.compile(r"\s+(?:>|»|/|›)\s+")
_TIME_OF_DAY = re.compile(r"\d[:.][0-5]\d")
_CLAUSE_GOES_ON = frozenset(",.;:)")
_ITEM_MARKS = frozenset({"• ", "* ", "- ", "+ ", "· "})
_YEAR = re.compile(r"\d{4}")
#: A channel's stamp inside a line, "DETIKNEWS | Kamis 18 Jun 2015, 07:20 WIB": a teaser of a
#: deck whose headline link a Markdown reading has turned into plain text before it.
_CHANNEL_STAMP = re.compile(
    r"\b[A-Z][A-Za-z0-9.]{2,30} ?\| ?(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu),? \d{1,2} [A-Za-z]{3,9} \d{4},? \d{1,2}[:.]\d{2}"
)
_WORD = re.compile(r"[^\W_]+")
_MARKUP = re.compile(r"^(?:#{1,6}\s+|\*\*|__)|(?:\*\*|__)$")
_CREDIT_OR_TAGS = re.compile(
    r"(?:Penulis|Pewarta|Reporter|Editor|Penyunting|Redaktur|Kontributor|Oleh|Sumber|Tags?|Topik|Foto|Baca juga)\b.{0,120}$",
    re.IGNORECASE,
)
_EDITOR_CODE = re.compile(r"\([\w/ .,-]{1,30}\)")
_UPPER_NAME = re.compile(r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]*){0,4}(?:\s*\|\s*[A-Z]{1,4})?")
_COPYRIGHT = re.compile(r"(?:copyright|hak cipta|©|\(c\))", re.IGNORECASE)
_SLUG_STOP = frozenset({"html", "htm", "php", "read", "berita", "news", "detail", "www", "com", "id", "co"})


@dataclass
class Window:
    """What the stage found: the lines the passes read, and what it did with the rest."""

    lines: list[str]
    #: True when the dump is a whole page and ``lines`` is the article's window.
    whole: bool = False
    start: int = 0
    run_start: int = 0
    run_end: int = 0
    end: int = 0
    #: The headline the page shows above the run, where one was found.
    title: str | None = None
    #: The publication date read next to the article (ISO), where the window holds none.
    published: str | None = None
    #: The section a breadcrumb above the headline names.
    category: str | None = None
    #: Why the whole page is no article (no run of prose), else None.
    non_article: str | None = None
    #: Extra runs of prose kept with the article (index ranges), each logged as unsure.
    unsure: list[tuple[int, int]] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    #: Lines between the headline and the run that are no prose: chrome wherever the passes kept them.
    header_gap: frozenset[str] = frozenset()
    #: The run's prose lines: the positional passes never drop them.
    protect: frozenset[str] = frozenset()


def visible(line: str) -> tuple[str, float]:
    """A line as a reader sees it, with the share of it that is link text: Markdown's link
    and image syntax read as their text (an image as nothing), block markers gone."""
    if "](" not in line and line[:1] not in _BLOCK_MARKS:
        return line, 0.0
    text = _IMAGE.sub("", line)
    linked = sum(len(m.group(1)) for m in _LINK.finditer(text))
    text = _LINK.sub(r"\1", text)
    text = _LEADING_MARKS.sub("", text).strip()
    return text, (linked / len(text) if text else 1.0)


def is_prose(line: str) -> bool:
    """A paragraph of prose: real length, ending like a sentence (or long, with sentences
    or clauses inside it: a last paragraph closed by an editor's code, a cut lead), and
    not mostly link text."""
    if len(line) < 40 or line.count(" ") < PROSE_WORDS - 1:
        return False
    head = 0  # where the line's own text starts: after a headline link opening it
    if "](" in line or line[0] in _BLOCK_MARKS:
        opening = _LINK.search(line, 0, 200)
        if opening is not None and opening.start() <= 20:
            head = len(opening.group(1)) + len(_LEADING_MARKS.sub("", _IMAGE.sub("", line[: opening.start()])))
        line, linked = visible(line)
        if linked > 0.5 or len(line) < 40:
            return False
    if line.endswith(("...", "…")):
        return False  # a teaser cut short
    words = word_count(line)
    if not ((words >= PROSE_WORDS and ends_sentence(line)) or (words >= 16 and (". " in line or line.count(", ") >= 2))):
        return False
    if "|" in line[:250] and _CHANNEL_STAMP.search(line, 0, 250):
        return False  # a teaser of a deck: its headline, the channel's stamp, the opening sentence
    if _YEAR.search(line, head, head + 45):
        stamp = find_datetime(line[head : head + 45])
        if stamp is not None and "T" in stamp[0]:
            return False  # "DETIKNEWS | Kamis 18 Jun 2015, 07:20 WIB Seorang …": a teaser in a deck
    return True


def wrap_width(lines: list[str]) -> int:
    """The column a hard-wrapped dump (``lynx -dump``, html2text's default) breaks its lines
    at, or 0: most lines of real length end within a few characters of one width."""
    lengths = sorted(len(line) for line in lines if len(line) >= 40)
    if len(lengths) < 20:
        return 0
    width = lengths[int(len(lengths) * 0.9)]
    if not 60 <= width <= 100:
        return 0
    near = sum(1 for length in lengths if width - 15 <= length <= width + 2)
    return width if near * 2 >= len(lengths) else 0


def _continues(lines: list[str], index: int, inside: bool, wrap: int = 0) -> bool:
    """The line after ``index`` goes on the sentence ``lines[index]`` leaves open: a paragraph
    hard-wrapped in the page's source, or cut at each link and emphasis, which ``get_text``
    keeps as lines. ``inside``: the line already continues such a paragraph, so a long line
    left open goes on even before a capital (a name); a block's first break needs a small
    letter or a clause's punctuation, so a headline never joins the lead."""
    line, following = lines[index], lines[index + 1]
    if ends_sentence(line) and not line.endswith(","):
        return False
    # A date with its time of day stands on its own: a stamp, not a sentence's words (asked
    # last, of the lines that would go on: the cheap tests settle most lines).
    return _goes_on(lines, index, inside, wrap) and not (_stamp(line) or _stamp(following))


def _goes_on(lines: list[str], index: int, inside: bool, wrap: int) -> bool:
    """``_continues`` but for the stamps: what the next line's first character, the line's
    length and the wrapping width say."""
    line, following = lines[index], lines[index + 1]
    first = following[0]
    if first.islower() or first in _CLAUSE_GOES_ON:
        return inside or len(line) >= 15 or word_count(following) <= 3
    if not first.isalpha():
        return False
    if (inside and len(line) >= 50) or (wrap and len(line) >= wrap - 15):
        return True  # a line left open at the wrapping width goes on whatever follows
    if word_count(following) <= 3 and index + 2 < len(lines) and (lines[index + 2][0].islower() or lines[index + 2][0] in _CLAUSE_GOES_ON):
        return inside or len(line) >= 15  # a name or a term set apart: "… mengukuhkan" / "Tri" / "sebagai …"
    return line.endswith(("--", " -", "–", "—", ","))  # a dateline on a line of its own, a clause


def prose_flags(lines: list[str], linked: frozenset[str] = frozenset()) -> list[bool]:
    """Which lines are prose, a hard-wrapped paragraph's lines judged together. ``linked``:
    lines that were wholly link text in the source (a Markdown dump read as plain blocks)."""
    flags = [False] * len(lines)
    wrap = wrap_width(lines)
    index = 0
    while index < len(lines):
        end = index
        while end + 1 < len(lines) and end - index < 60 and _continues(lines, end, end > index, wrap):
            end += 1
        if end == index:
            flags[index] = is_prose(lines[index])
        else:
            block = " ".join(lines[index : end + 1])
            # A wrapped paragraph ends a sentence; only a short one may end open (a last
            # paragraph closed by an editor's code).
            flag = (ends_sentence(block) or end - index < 4) and is_prose(block)
            flags[index : end + 1] = [flag] * (end + 1 - index)
        index = end + 1
    _unflag_decks(lines, flags, linked)
    return flags


def _stamp(line: str) -> bool:
    """A short line holding a date with its time of day (a teaser's or the article's stamp)."""
    if len(line) > 80 or not _YEAR.search(line) or not _TIME_OF_DAY.search(line):
        return False
    return _dated(line)


@functools.lru_cache(maxsize=4096)
def _dated(line: str) -> bool:
    """``find_datetime`` found a time of day in a short line (asked for each line up to four
    times: as a line, as the next, as a deck's neighbour; and the same menus recur)."""
    found = find_datetime(line)
    return found is not None and "T" in found[0]


def _headline_link(line: str, linked: frozenset[str] = frozenset()) -> bool:
    """A Markdown heading that is one link: a teaser's headline in a deck (or a line that was
    wholly link text before the Markdown was read)."""
    return line in linked or (line[:1] == "#" and "](" in line and visible(line)[1] > 0.8)


def _unflag_decks(lines: list[str], flags: list[bool], linked: frozenset[str] = frozenset()) -> None:
    """A deck of teasers (a headline or a stamp, one sentence; again and again) is no run of
    prose: three or more prose lines, each under a stamp or a headline link of its own, a
    few lines apart with no other prose between, are teasers. The article's lead under its
    own stamp stands alone, and stays prose."""
    under: list[tuple[int, int]] = []  # (prose line, its marker line)
    for index, flag in enumerate(flags):
        if flag:
            marker = next(
                (j for j in (index - 1, index - 2, index - 3) if j >= 0 and not flags[j] and (_stamp(lines[j]) or _headline_link(lines[j], linked))),
                None,
            )
            if marker is not None:
                under.append((index, marker))
    chain: list[tuple[int, int]] = []
    for index, marker in under:
        if chain and marker != chain[-1][1]:  # the next teaser, under a marker of its own
            last = chain[-1][0]
            if index - last > DECK_SPACING or any(flags[last + 1 : index]):
                _unflag(chain, flags)
                chain = []
        chain.append((index, marker))  # a second line under one marker (an image's alt, its caption) goes with it
    _unflag(chain, flags)


def _unflag(chain: list[tuple[int, int]], flags: list[bool]) -> None:
    if len({marker for _, marker in chain}) >= DECK_LENGTH:
        for index, _ in chain:
            flags[index] = False


def _runs(prose: list[int]) -> list[tuple[int, int, int]]:
    """Runs of prose lines (first, last index, number of prose lines) with gaps ≤ MAX_GAP."""
    runs: list[tuple[int, int, int]] = []
    for index in prose:
        if runs and index - runs[-1][1] - 1 <= MAX_GAP:
            first, _, count = runs[-1]
            runs[-1] = (first, index, count + 1)
        else:
            runs.append((index, index, 1))
    return runs


def _plain(line: str) -> str:
    return _MARKUP.sub("", visible(line)[0]).strip().lstrip("•·▪►» ").strip()


def _slug_words(url: str | None) -> set[str]:
    if not url:
        return set()
    try:
        path = unquote(urlsplit(url if "://" in url else "//" + url).path)
    except ValueError:
        return set()
    words = {w.casefold() for w in _WORD.findall(path) if not w.isdigit()}
    return words - _SLUG_STOP


def _slug_fit(words: set[str], slug: set[str]) -> float:
    """How well the address names a headline's words: all of them, and nothing but them (F1)."""
    shared = len(words & slug)
    if not shared:
        return 0.0
    precision, recall = shared / len(words), shared / len(slug)
    return 2 * precision * recall / (precision + recall)


def _words(line: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(line)}


def _title_like(line: str) -> bool:
    bare = line.rstrip("?!").removesuffix("...").removesuffix("…")
    n = word_count(line)
    return 3 <= n <= 30 and len(line) <= 220 and not ends_sentence(bare) and not date_line(line) and ":" not in line[-2:]


def _find_title(lines: list[str], run_start: int, url: str | None, counts: dict[str, int]) -> int | None:
    """The headline the page shows above the article: the title-like line nearest the run
    that the address names, or that the page repeats, or failing both the nearest one."""
    slug = _slug_words(url)
    best: tuple[float, int] | None = None
    low = max(0, run_start - TITLE_REACH)
    for index in range(run_start - 1, low - 1, -1):
        line = _plain(lines[index])
        if not _title_like(line):
            continue
        words = {w.casefold() for w in _WORD.findall(line)}
        score = 0.0
        score += 4.0 * _slug_fit(words, slug)
        if counts.get(lines[index], 0) > 1 or any(counts.get(h, 0) for h in (line,) if h != lines[index]):
            score += 1.0
        score += 0.8 * (1 - (run_start - index) / TITLE_REACH)
        if any(len(after) <= 120 and _YEAR.search(after) and find_datetime(after) for after in lines[index + 1 : min(index + 4, run_start)]):
            score += 1.0  # the date or byline line a headline carries under it
        if P.caption_credit(line) or _CREDIT_IN_BRACKETS.search(line):
            score -= 3.0  # an image's caption repeats the headline with its credit
        if word_count(line) >= 5:
            score += 0.3
        if best is None or score > best[0]:
            best = (score, index)
    if best is None or best[0] < 1.2:
        return None
    return best[1]


def _menu_above(lines: list[str], linked: frozenset[str] = frozenset()) -> bool:
    """The lines above the run read as a site's menu: list items, links, or a dozen one- and
    two-word lines (a header holds a title, a date, a byline, a caption, not this)."""
    items = sum(1 for line in lines if line[:2] in _ITEM_MARKS or "](" in line or line in linked)
    short = sum(1 for line in lines if line.count(" ") <= 1 and not ends_sentence(line))
    return items >= MENU_ITEMS or short >= 2 * MENU_ITEMS


def _page_of_links(rule: SiteRule, lines: list[str], linked: frozenset[str] = frozenset()) -> bool:
    """A whole page with no run of prose is no article only on strong evidence: it opens
    with a site's menu, hardly a short line of it ends a sentence, and no line opens with the
    rule's dateline (a dump of short paragraphs under one is an article)."""
    if not _menu_above(lines[:80], linked):
        return False
    # Short sentences, one a line, are a dump of short paragraphs; a deck's teasers (prose the
    # deck rule set aside) are not.
    sentences = sum(1 for line in lines if ends_sentence(line) and line.count(" ") >= 2 and not is_prose(line))
    if sentences * 10 >= len(lines):
        return False
    return find_dateline(plan_for(rule), lines) is None


def _closing_list(lines: list[str], end: int, above: set[str], rule: SiteRule) -> int:
    """Past a list that closes the article (a heading or two over short items: the clubs, the
    scorers): its end, or ``end`` where none follows. Items the page's menu shows above the
    run, end headings the rule or the shared patterns name, and lines a list item would not
    be end it."""
    stops = plan_for(rule).stops
    index, reach, items = end, end, 0
    while index < len(lines) and index - end < LIST_REACH:
        line = lines[index]
        if line in above or stops.reason(line) or _COPYRIGHT.search(line):
            break
        if line[:2] in _ITEM_MARKS or _NUMBERED.match(line):
            if word_count(line) > LIST_ITEM_WORDS:
                break
            items += 1
            reach = index + 1
        elif word_count(line) > LIST_ITEM_WORDS or ends_sentence(line):
            break
        index += 1
    return reach if items >= 2 else end


def _breadcrumb(lines: list[str]) -> str | None:
    """The section a breadcrumb above the headline names: its last step after ``Home``
    (``• Home`` / ``• News`` / ``• Peristiwa``, or ``Home > Sepakbola > Liga Inggris``)."""
    for index in range(len(lines) - 1, -1, -1):
        line = _plain(lines[index]).lstrip("•*-· ").strip()
        steps = [step.strip() for step in _CRUMB_SEPARATOR.split(line) if step.strip()]
        if len(steps) >= 2 and steps[0].casefold() in _HOME:
            return steps[-1] if word_count(steps[-1]) <= 4 else None
        if line.casefold() in _HOME:
            trail = [_plain(step).lstrip("•*-· ").strip() for step in lines[index + 1 :]]
            trail = [step for step in trail if step and word_count(step) <= 4 and not date_line(step)]
            return trail[-1] if trail else None
    return None


def _find_date(lines: list[str], flags: list[bool], title: int, first: int, end: int) -> str | None:
    """The publication date shown next to the article, as the window's passes may not read
    it (``Kamis, 5 November 2015 14:56 WIB | 1.229 Views``): in a short line between the
    headline and the run, then just after the run, then above the headline; a date with a
    time of day before a bare one (a site header's "today")."""
    spans = (range(title, first), range(end, min(len(lines), end + 12)), range(title - 1, max(-1, title - TITLE_REACH), -1))
    bare: str | None = None
    for span in spans:
        for index in span:
            line = lines[index]
            if len(line) > 120 or flags[index] or not _YEAR.search(line):
                continue
            found = find_datetime(line)
            if found is None:
                continue
            if "T" not in found[0] and len(line) <= 40:
                # "on 18 Jun 2015" / "at" / "06:25 WIB": a stamp cut into lines by its markup
                joined = find_datetime(" ".join(part for part in lines[index : index + 3] if len(part) <= 40))
                found = joined if joined is not None and joined[0].startswith(found[0]) else found
            if "T" in found[0]:
                return found[0]
            bare = bare or found[0]
    return bare


def _belongs_after(line: str) -> bool:
    """A line right after the run that is still the article's: credits, tags, an editor's
    code, the reporter's signature, a short closing sentence."""
    if _COPYRIGHT.search(line):
        return False
    return bool(
        _CREDIT_OR_TAGS.match(line)
        or _EDITOR_CODE.fullmatch(line)
        or (word_count(line) <= 6 and _UPPER_NAME.fullmatch(line))
        or (word_count(line) >= 3 and ends_sentence(line))
        or word_count(line) >= 12
    )


def locate(rule: SiteRule, lines: list[str], url: str | None, linked: frozenset[str] = frozenset()) -> Window:
    """The window of ``lines`` the passes read: all of them for an article-shaped dump.
    ``linked``: lines that were wholly link text in the source (a Markdown dump's menu items
    and headline links, read as plain blocks by ``cleaner.markdown``)."""
    if len(lines) <= HEAD_LINES and not _menu_above(lines, linked):
        # Short, and no menu anywhere in it: whatever its runs, the article-shaped test below
        # holds (a run starts within HEAD_LINES, no tail, no menu above it): read as always.
        return Window(lines)
    flags = prose_flags(lines, linked)
    prose = [i for i, flag in enumerate(flags) if flag]
    runs = _runs(prose)
    if not runs:
        if len(lines) >= 40 and _page_of_links(rule, lines, linked):
            return Window(lines, non_article="a whole page of short lines with no run of prose")
        return Window(lines)
    # Each run's weight: the characters of its prose, doubled where a line opens with the
    # rule's dateline (the article's lead). One pass over the prose lines: linear.
    forms = plan_for(rule).datelines
    weight = [0.0] * len(runs)
    k = 0
    for index in prose:
        while runs[k][1] < index:
            k += 1
        weight[k] += len(lines[index])
    for k, (a, b, _) in enumerate(runs):
        if forms and any(form.pattern.match(lines[i]) for form in forms for i in range(a, min(b + 1, a + 3))):
            weight[k] *= 2
    best = max(range(len(runs)), key=lambda k: weight[k])
    first, last, _ = runs[best]
    if first < HEAD_LINES and len(lines) - last - 1 <= max(TAIL_LINES, 2 * (last + 1)) and not _menu_above(lines[:first], linked):
        return Window(lines)  # article-shaped: the passes read it as they always have
    window = Window(lines, whole=True, source=lines)
    # Neighbouring runs with real prose close by: kept with the article, as unsure.
    for step in (-1, 1):
        k = best + step
        while 0 <= k < len(runs):
            a, b, count = runs[k]
            gap = (first - b - 1) if step < 0 else (a - last - 1)
            if gap > MERGE_GAP or count < 2 or weight[k] < 0.25 * weight[best]:
                break
            window.unsure.append((a, b + 1))
            first, last = min(first, a), max(last, b)
            k += step
    counts: dict[str, int] = {}
    for line in lines:
        counts[line] = counts.get(line, 0) + 1
    title_index = _find_title(lines, first, url, counts)
    start = title_index if title_index is not None else first
    end = last + 1
    while end < len(lines) and end - last - 1 < AFTER_REACH and _belongs_after(lines[end]):
        end += 1
        while end < len(lines) and _continues(lines, end - 1, True):
            end += 1  # the rest of a hard-wrapped paragraph
    if end == last + 1:
        end = _closing_list(lines, end, set(lines[:start]), rule)
    window.start, window.run_start, window.run_end, window.end = start, first, last + 1, end
    window.lines = lines[start:end]
    window.protect = frozenset(lines[i] for i in range(first, last + 1) if flags[i])
    window.header_gap = frozenset(lines[i] for i in range(start + 1, first) if not flags[i])
    if title_index is not None:
        window.title = _plain(lines[title_index])
        window.lines[0] = window.title
        wrap = wrap_width(lines)
        rest = lines[title_index + 1] if title_index + 1 < first else ""
        slug = _slug_words(url)
        joined = f"{window.title} {_plain(rest)}"
        fits = _slug_fit(_words(joined), slug) > _slug_fit(_words(window.title), slug) if slug else rest[:1].islower()
        if wrap and len(lines[title_index]) >= wrap - 15 and rest and len(rest) < wrap - 15 and not ends_sentence(rest) and not date_line(rest) and fits:
            # A headline the dump wrapped at its width: its second line is the headline's too.
            window.title = joined
            window.lines[0:2] = [window.title]
    window.published = _find_date(lines, flags, start, first, end)
    window.category = _breadcrumb(lines[max(0, start - CRUMB_REACH) : start]) if title_index is not None else None
    return window


def settle(window: Window, draft: Draft) -> None:
    """After the passes read the window: the lines outside it logged as dropped, header chrome
    the passes kept between headline and run dropped, the page's headline and date filled."""
    if window.non_article:
        if draft.non_article is None:  # a pass's own finding (a navigation menu) stands
            draft.non_article = window.non_article
            draft.warnings.append(f"non-article page: {window.non_article}")
            for paragraph in draft.paragraphs:
                draft.revise(paragraph, "drop", "mainrun.no_prose")
            draft.paragraphs = []
        return
    if not window.whole:
        return
    lines = window.source
    run = set(lines[window.run_start : window.run_end])
    header_gap = set(window.header_gap) - run
    kept = []
    for paragraph in draft.paragraphs:
        if paragraph in header_gap:
            draft.revise(paragraph, "drop", "mainrun.header_chrome")
        else:
            kept.append(paragraph)
    draft.paragraphs = kept
    if window.title and draft.title != window.title:  # the headline the page shows above the article
        draft.title = window.title
        draft.sources["title"] = "the whole page: the headline above the article"
    if draft.published is None and window.published:
        draft.published = window.published
        draft.sources.setdefault("published", "the whole page: the date next to the article")
    if draft.category is None and window.category:
        draft.category = window.category
        draft.sources.setdefault("category", "the whole page: the breadcrumb above the headline")
    _read_byline(draft)
    before = [_outside(line) for line in lines[: window.start]]
    after = [_outside(line) for line in lines[window.end :]]
    notes = [*before, *draft.decisions, *after]
    for a, b in window.unsure:
        notes.append(_note(f"lines {a + 1}-{b}", "keep", "mainrun.unsure_kept"))
    draft.decisions = notes
    draft._positions = None


def _read_byline(draft: Draft) -> None:
    """In a whole page the line under the headline the passes took for a deck is mostly a
    byline (``Oleh X pada …``, ``By X``, ``X - detiknews``) or an image's caption: a byline
    gives its writer; a line that is no sentence is no deck. Credits read with a date glued
    on (``X | Jumat, 19 Juni 2015``) lose the date."""
    deck = draft.description
    if deck:
        byline = _BYLINE.fullmatch(deck) or _OUTLET_BYLINE.fullmatch(deck)
        if byline is not None or not ends_sentence(deck) or P.caption_credit(deck) or _COPYRIGHT.search(deck):
            draft.description = None
            draft.sources.pop("description", None)
            draft.revise(deck, "drop" if byline is None else "meta", "mainrun.byline" if byline else "mainrun.not_a_deck", was="meta")
        names = byline.group("names").strip() if byline is not None else ""
        if names and not draft.authors and not any(ch.isdigit() for ch in names) and ".com" not in names.casefold():
            draft.credit("author", names)
            draft.sources.setdefault("authors", "the whole page: the byline under the headline")
    cleaned = [name for name in (_DATE_TAIL.sub("", n).strip() for n in draft.authors) if name and not date_line(name)]
    if cleaned != draft.authors:
        draft.authors = cleaned


def _outside(line: str) -> Decision:
    return _note(line, "drop", "mainrun.outside_article")


def _note(line: str, verdict: str, reason: str) -> Decision:
    return Decision(line, verdict, reason)
