"""The text passes every rule's documents go through, dumps and page blocks alike.

A document is read in two zones:

* the **header**: everything before the opening dateline when one is found near the
  top, otherwise the run of title-, deck-, byline- and date-like lines that opens
  the dump. It yields title, description, authors, dates and the section label;
  whatever else stands there (image titles, captions, a repeated title) is chrome.
* the **body**: every later line is kept unless a pattern names it boilerplate; an
  end-of-article heading (related, popular, video lists) ends it.

Then the finishing pass: the closing reporter signature, repeated paragraphs,
closing editor codes and crew lists, and the caption fallback of photo and video
pages. What the passes apply — the rule's declarations merged with its layout's —
is a ``Plan``, compiled once per rule and layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Callable, Iterable, Pattern, TypeVar, Union

from site_rules import patterns as P
from site_rules import registry
from site_rules.base import DatelineForm, HtmlLayout, Layout, SiteRule, TextOptions
from site_rules.patterns import LineMatcher, LinePattern

from .dates import date_line
from .article import NO_TEXT
from .draft import Draft
from .names import merge_names
from .text import ends_sentence, word_count

_TITLE_MAX_WORDS = 30
#: A sentence ending inside a line ("… siapa saja. Karena …"): prose, not a title ("Dr. Budi" passes).
_INNER_SENTENCE_END = re.compile(r"[a-z]{3}[.!?]\s+[A-Z]")
_UPDATED_LABEL = re.compile(r"(?:diperbarui|diperbaharui|updated?|pembaruan)\b", re.IGNORECASE)
_PUBLISHED_LABEL = re.compile(r"(?:diterbitkan|dipublikasikan|published|terbit|tayang)\b", re.IGNORECASE)
_TAGS_LINE = re.compile(r"(?:Tags?|Tag|Topik|TAGS?)\s*:\s*(?P<tags>.+)")
_UPPER_SIGNATURE = re.compile(r"(?P<name>(?:[A-Z][A-Z'’.-]*\.?)(?: [A-Z][A-Z'’.-]*\.?){1,4})(?:\s*\|\s*[A-Z]{1,4})?")
_NAME_LINE = re.compile(r"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|bin|binti|van|de|dan|&|,)){0,6}")


@dataclass(frozen=True)
class Plan:
    """What the passes apply to one document: a rule with one of its layouts, compiled."""

    rule: SiteRule
    layout: str | None
    options: TextOptions
    drops: LineMatcher
    stops: LineMatcher
    paywall: LineMatcher
    datelines: tuple[DatelineForm, ...]
    #: The rule's line hooks where it fills them (None: the base's, which read nothing).
    header_hook: Callable[[str, Draft, bool], bool] | None = None
    body_hook: Callable[[str, Draft], str | None] | None = None

    @property
    def label(self) -> str:
        return self.rule.name or "generic"


@lru_cache(maxsize=1)
def _outlet_name_drop() -> tuple[LinePattern, ...]:
    """A line that is only an outlet's name, for every outlet the rules name (``SiteRule.outlet_names``)."""
    names = registry().outlet_names
    return P.line_patterns("shared.outlet_name", "|".join(names)) if names else ()


def _outlet_pattern(form: Pattern[str] | P.OutletDateline) -> Pattern[str]:
    """A shared form naming outlets, compiled with every rule's names (``SiteRule.dateline_outlets``)."""
    return form.compiled(registry().dateline_outlets.get(form.kind, ())) if isinstance(form, P.OutletDateline) else form


def _dateline_form(form: Pattern[str] | P.OutletDateline | DatelineForm) -> DatelineForm:
    if isinstance(form, DatelineForm):
        return replace(form, pattern=_outlet_pattern(form.pattern)) if isinstance(form.pattern, P.OutletDateline) else form
    return DatelineForm(_outlet_pattern(form))


@lru_cache(maxsize=256)
def plan_for(rule: SiteRule, layout: Layout | HtmlLayout | None = None) -> Plan:
    """The compiled plan of ``rule`` with ``layout`` (a text or markup layout, or none).

    Compiled once per pair: every line then meets one alternation of drops and one of
    stops instead of dozens of patterns.
    """
    drops: tuple[LinePattern, ...] = (
        *(layout.drops if layout else ()), *rule.drops, *rule.outlet_lines, *P.SHARED_DROPS, *P.OUTLET_LONG_DROPS, *_outlet_name_drop()
    )
    stops: tuple[LinePattern, ...] = (*(layout.stops if layout else ()), *rule.stops, *P.SHARED_STOPS)
    forms = tuple(_dateline_form(form) for form in rule.dateline_forms)
    options = (layout.options if layout is not None else None) or rule.options
    kind = type(rule)
    return Plan(
        rule, layout.name if layout else None, options,
        LineMatcher(drops, P.OUTLET_DROP_TIERS), LineMatcher(stops, ((80, P.OUTLET_STOPS, ()),)),
        LineMatcher(rule.paywall_markers), forms,
        rule.header_line if kind.header_line is not SiteRule.header_line else None,
        rule.body_line if kind.body_line is not SiteRule.body_line else None,
    )


def _header_hook(plan: Plan, line: str, draft: Draft, seen_title: bool) -> bool:
    """The rule's header hook on one line; a failure costs only that line's reading."""
    if plan.header_hook is None:
        return False
    try:
        return plan.header_hook(line, draft, seen_title)
    except Exception as error:  # noqa: BLE001 - one bad field never costs the text
        draft.warnings.append(f"{plan.label} header hook failed: {type(error).__name__}: {error}"[:200])
        return False


def _body_hook(plan: Plan, line: str, draft: Draft) -> str | None:
    if plan.body_hook is None:
        return None
    try:
        return plan.body_hook(line, draft)
    except Exception as error:  # noqa: BLE001 - one bad field never costs the text
        draft.warnings.append(f"{plan.label} body hook failed: {type(error).__name__}: {error}"[:200])
        return None


L = TypeVar("L", bound=Union[Layout, HtmlLayout])
T = TypeVar("T")


def in_era(layout: Layout | HtmlLayout, when: date | None) -> bool:
    """Whether ``when`` falls within the layout's ``since``/``until`` (unknown dates fit every era)."""
    if when is None:
        return True
    return (layout.since is None or layout.since <= when) and (layout.until is None or when <= layout.until)


def by_era(layouts: Iterable[L], when: date | None) -> list[L]:
    """Layouts of ``when``'s era first, the others after, each group in declared order."""
    ordered = list(layouts)
    return sorted(ordered, key=lambda layout: not in_era(layout, when)) if when else ordered


def text_layout(rule: SiteRule, lines: list[str], when: date | None = None) -> Layout | None:
    """The first layout (of the document's era first) whose signature is in the dump's opening."""
    sample = "\n".join(lines[:40])
    return next((layout for layout in by_era(rule.layouts, when) if layout.signature.search(sample)), None)


def guarded(draft: Draft, what: str, hook: Callable[[], T], default: T) -> T:
    """Run a rule's hook; a failure costs only what the hook would have read, with a warning."""
    try:
        return hook()
    except Exception as error:  # noqa: BLE001 - one bad field never costs the text
        draft.warnings.append(f"{what} failed: {type(error).__name__}: {error}"[:200])
        return default



# -- whole-document judgements ----------------------------------------------------------------------


def is_navigation_page(lines: list[str], dateline_found: bool) -> bool:
    """A dump that is only a menu: mostly ``•`` items, no dateline and almost no prose.

    A bulleted list inside an article (a dozen items, say) leaves the article: an
    opening dateline, or two or more prose paragraphs, make a document an article.
    """
    if dateline_found:
        return False
    bullets = sum(1 for line in lines if line.startswith("•"))
    if bullets < 10 or bullets * 4 < len(lines):
        return False
    prose = sum(1 for line in lines if not line.startswith("•") and word_count(line) >= 12 and ends_sentence(line))
    return prose < 2


# -- the text extraction of a dump --------------------------------------------------------------------


def extract_text(rule: SiteRule, lines: list[str], when: date | None = None, protect: frozenset[str] = frozenset()) -> Draft:
    """Run the header, body and finishing passes over normalized dump lines.

    ``protect``: the prose lines of the article's run in a whole page (``cleaner.mainrun``);
    the positional readings (an end heading, a trailing title, the lines after the
    credits) never drop them: an end heading inside the run ends only the chrome before
    the next of them.
    """
    layout = text_layout(rule, lines, when)
    plan = plan_for(rule, layout)
    draft = Draft(layout=plan.layout)
    found = find_dateline(plan, lines)
    if is_navigation_page(lines, found is not None):
        draft.non_article = "the input is a navigation menu"
        draft.warnings.append(f"non-article page: {draft.non_article}")
        for line in lines:
            draft.note(line, "drop", "shared.navigation_page")
        return draft
    if found is not None:
        index, match = found
        read_header(plan, lines[:index], draft, bounded=True)
        read_body(plan, lines[index:], draft, match, protect)
    else:
        start = read_header(plan, lines, draft, bounded=False)
        read_body(plan, lines[start:], draft, None, protect)
    finish_paragraphs(plan, draft)
    draft.mark_sources(f"{rule.name} text rules: the meta lines")
    return draft


def find_dateline(plan: Plan, lines: list[str]) -> tuple[int, re.Match[str]] | None:
    prose, most = 0, plan.options.max_prose_before_dateline
    for index, line in enumerate(lines[: plan.options.max_header_lines]):
        if most is not None and prose > most:
            return None  # the body has begun: a dateline now is the lead printed again
        prose += len(line) >= 80 and ends_sentence(P.EDITOR_CODE.sub("", line))
        for form in plan.datelines:
            match = form.pattern.match(line)
            if match and _valid_dateline(form, line, match):
                return index, match
    return None


def _valid_dateline(form: DatelineForm, line: str, match: re.Match[str]) -> bool:
    if len(line) < form.min_line_chars:
        return False
    place = match.groupdict().get("place")
    return place is None or word_count(place) <= form.max_place_words


def _looks_like_title(line: str) -> bool:
    """Short, and not ending like a sentence (a title may end in ``?``, ``!`` or ``...``)."""
    bare = line.rstrip("?!").removesuffix("...").removesuffix("…")
    return (
        word_count(line) <= _TITLE_MAX_WORDS and len(line) <= 220 and not ends_sentence(bare)
        and not _INNER_SENTENCE_END.search(bare)
    )


def _looks_like_name(line: str) -> bool:
    return word_count(line) <= 8 and bool(_NAME_LINE.fullmatch(line)) and not ends_sentence(line)


def meta_line(line: str, draft: Draft) -> str | None:
    """Credit and tags lines that may stand in the header or the footer; the reason when read."""
    if ":" not in line:
        return None  # every credit and tags line has a label and a colon
    segments = P.CREDIT_LABEL_INSIDE.split(line)
    credits = [P.CREDIT_LINE.fullmatch(segment.strip(" |")) for segment in segments]
    if all(credits):
        roles = []
        for credit in credits:
            assert credit is not None
            label = credit.group("label").split(" &")[0]
            roles.append(draft.credit_label(label, credit.group("names")))
        # Only writer and editor credits mark the footer; "Sumber: BPS" may stand under a table.
        return "shared.credit_line" if roles[0] else "shared.source_line"
    tags = _TAGS_LINE.fullmatch(line)
    if tags:
        draft.add_tags(t.strip() for t in re.split(r"[,#]", tags.group("tags")) if t.strip())
        return "shared.tags_line"
    return None


def _watch_paywall(plan: Plan, line: str, draft: Draft) -> None:
    if plan.rule.paywall_markers and not draft.paywalled and plan.paywall.reason(line):
        draft.paywalled = True


def read_header(plan: Plan, lines: list[str], draft: Draft, *, bounded: bool) -> int:
    """Fill title, deck, bylines, dates and label from the opening lines.

    ``bounded``: the lines are exactly the header (a dateline follows them), so every
    line not read as a field is dropped. Otherwise the header ends at the first line
    that reads as body; its index is returned.
    """
    rule, options = plan.rule, plan.options
    counts: dict[str, int] = {}
    for line in lines:
        counts[line] = counts.get(line, 0) + 1
    repeated_title = (
        next((l for l in lines if counts[l] > 1 and _looks_like_title(l) and not P.caption_credit(l)), None)
        if bounded and options.title_repeated
        else None
    )
    if bounded and repeated_title is None:
        # The title printed again with the site's name (an image's alt: "<title> - JPNN.COM").
        repeated_title = _title_shown_with_site(lines)
    # The headline sits on its date or byline: the first title-like line of four words or more
    # right above a date or credit line, for a header whose first line is a stray word (a
    # widget's city, a "> >" trail).
    def anchored() -> str | None:
        return next(
            (l for l, nxt in zip(lines[:15], lines[1:16]) if (date_line(nxt) or P.CREDIT_LINE.fullmatch(nxt))
             and word_count(l) >= 4 and _looks_like_title(l) and not plan.drops.reason(l)),
            None,
        )

    title_index: int | None = None
    chrome_index = -2  # the last line read as header chrome
    dates: list[tuple[bool, str]] = []  # (after title, iso)
    pending_label: str | None = None
    waiting_names: list[str] = []  # names whose role line follows (``TextOptions.role_after_names``)
    labels: list[str] = []
    for index, line in enumerate(lines):
        seen_title = title_index is not None
        _watch_paywall(plan, line, draft)
        label = _category_label(rule, line) if rule.category_labels and not seen_title else None
        if label is not None:  # the rule's own label form beats a shared drop ("HOME BOLA LIGA INDONESIA")
            draft.category = draft.category or label
            draft.note(line, "meta", f"{plan.label}.category_label")
            continue
        reason = plan.drops.reason(line)
        if reason:
            draft.note(line, "drop", reason)
            continue
        if _header_hook(plan, line, draft, seen_title):
            draft.note(line, "meta", f"{plan.label}.byline")
            continue
        reason = meta_line(line, draft)
        if reason:
            draft.note(line, "meta", reason)
            continue
        if P.BARE_CREDIT_LABEL.fullmatch(line):
            if waiting_names:  # the role follows the names it credits (``TextOptions.role_after_names``)
                for name in waiting_names:
                    draft.credit_label(line.rstrip(" :").casefold(), name)
                waiting_names.clear()
                draft.note(line, "drop", "shared.credit_label")
                continue
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if chrome_index == index - 1 and _looks_like_name(lines[index - 1]) and not _looks_like_name(following):
                # The role under the name it credits (Kompas: "Irwan Nugraha", then "Penulis").
                draft.credit_label(line.rstrip(" :").casefold(), lines[index - 1])
                draft.revise(lines[index - 1], "meta", "shared.credit_line", was="drop")
                draft.note(line, "drop", "shared.credit_label")
                continue
            pending_label = line.rstrip(" :").casefold()
            draft.note(line, "drop", "shared.credit_label")
            continue
        if options.role_after_names and bounded and seen_title and not pending_label and _looks_like_name(line.rstrip(",")):
            waiting_names.append(line.rstrip(","))
            draft.note(line, "meta", "shared.name_before_role")
            continue
        iso = date_line(line)
        if iso:
            if _UPDATED_LABEL.match(line):
                draft.updated = draft.updated or iso
            elif _PUBLISHED_LABEL.match(line):
                draft.published = draft.published or iso
            else:
                dates.append((seen_title, iso))
            draft.note(line, "meta", "shared.date_line")
            continue
        crumb = P.OUTLET_BREADCRUMB_LINE.fullmatch(line)
        if crumb and not seen_title:
            draft.category = draft.category or crumb.group("last")
            draft.note(line, "meta", "shared.breadcrumb_line")
            continue
        label = _category_label(rule, line)
        if label is not None:
            draft.category = draft.category or label
            draft.note(line, "meta", f"{plan.label}.category_label")
            continue
        if _looks_like_name(line) and (pending_label or (seen_title and options.unlabelled_credit)):
            draft.credit_label(pending_label or options.unlabelled_credit or "", line)
            draft.note(line, "meta", "shared.credit_line")
            continue
        if P.caption_credit(line) or P.EDITOR_CODE_LINE.fullmatch(line):
            draft.captions.append(line)
            draft.note(line, "drop", "shared.caption")
            continue
        if any(p.fullmatch(line) for p in rule.body_openers) and not bounded:
            return index
        # A candidate for title, deck, label, or (unbounded) the first body line.
        if title_index is None:
            is_title = line == repeated_title if repeated_title else (bounded or _looks_like_title(line))
            if is_title and word_count(line) < 2 and not repeated_title and anchored() not in (None, line):
                draft.note(line, "drop", "shared.header_chrome")  # a stray word above the headline
                continue
            if is_title:
                draft.title = line
                title_index = index
                draft.note(line, "meta", "shared.title")
                continue
            if bounded and repeated_title and word_count(line) <= 4:
                labels.append(line)
                draft.note(line, "meta", "shared.section_label")
                continue
        elif line == draft.title or _titled_with_site(line, draft.title):
            draft.note(line, "drop", "shared.repeated_title")
            continue
        elif index == title_index + 1 and _label_above_title(draft.title, line, lines, index):
            # A channel or topic label stood above the headline ("Terkini Nasional", then the
            # title, then its deck or byline): the label is chrome, a short one the section.
            label = draft.title or ""
            if word_count(label) <= 3 and draft.category is None:
                draft.category = label
            draft.revise(label, "meta" if draft.category == label else "drop", "shared.label_above_title", was="meta")
            draft.title, title_index = line, index
            draft.note(line, "meta", "shared.title")
            continue
        elif draft.title and len(line) >= 10 and draft.title.endswith(line):
            # The dump glued the section label to the title ("OpiniDi Balik …"); the
            # plain title follows, and what was glued before it is the label.
            label = draft.title[: -len(line)].strip()
            if label and word_count(label) <= 3 and draft.category is None:
                draft.category = label
            draft.title, title_index = line, index
            draft.note(line, "meta", "shared.title")
            continue
        elif draft.description is None and index == title_index + 1 and options.has_deck and _deck_fits(options, lines, index, bounded):
            draft.description = line
            draft.note(line, "meta", "shared.deck")
            continue
        if not bounded:
            _set_dates(draft, dates)
            return index
        draft.note(line, "drop", "shared.header_chrome")
        chrome_index = index
    if labels and draft.category is None:
        draft.category = labels[-1]
    _set_dates(draft, dates)
    return len(lines)


#: How a byline opens: never a headline, whatever stands above it.
_BYLINE_OPENING = re.compile(r"(?:Oleh|OLEH|By|BY|Penulis|Reporter|Editor|Laporan [Ww]artawan)\b")


def _label_above_title(label: str | None, line: str, lines: list[str], index: int) -> bool:
    """``label`` (read as the title) is a label above the headline ``line``: short, the line
    longer and title-like, and a deck, byline or date within the next two lines."""
    words = word_count(line)
    if not label or word_count(label) > 6 or not 5 <= words <= 22 or words < word_count(label) + 2 or not _looks_like_title(line):
        return False
    if _BYLINE_OPENING.match(line):  # "Oleh Rina Kartika pada 14 Mei 2024": the byline under the headline
        return False
    if ends_sentence(line) or line.endswith((":", ",")):
        return False
    following = lines[index + 1 : index + 3]
    return any(
        date_line(nxt) or P.CREDIT_LINE.fullmatch(nxt) or P.BARE_CREDIT_LABEL.fullmatch(nxt) for nxt in following
    ) or bool(following and ends_sentence(following[0]) and word_count(following[0]) <= 60
              and any(P.CREDIT_LINE.fullmatch(nxt) or date_line(nxt) for nxt in lines[index + 2 : index + 4]))


#: A title repeated with the site's name after a separator (``<title> - JPNN.COM``, ``<title> | Kompas.com``).
_SITE_SUFFIX = re.compile(r"\s+[-|–—:]\s+(?P<site>[\w.]{2,40}(?: [\w.]{2,20}){0,2})$")


def _title_shown_with_site(lines: list[str]) -> str | None:
    """The line that another line repeats with the site's name after it, if any (sorted, a
    line and its longer forms are neighbours)."""
    ordered = sorted(set(lines))
    for line, following in zip(ordered, ordered[1:]):
        if len(line) >= 10 and _titled_with_site(following, line):
            return line
    return None


def _titled_with_site(line: str, title: str | None) -> bool:
    """``line`` is ``title`` followed by a separator and the site's name (three words at most)."""
    if not title or not line.startswith(title) or line == title:
        return False
    match = _SITE_SUFFIX.fullmatch(line[len(title):])
    return match is not None and word_count(match.group("site")) <= 3


def _category_label(rule: SiteRule, line: str) -> str | None:
    for pattern in rule.category_labels:
        match = pattern.fullmatch(line)
        if match:
            return match.groupdict().get("category") or line
    return None


def _deck_fits(options: TextOptions, lines: list[str], index: int, bounded: bool) -> bool:
    if bounded or options.deck_always:
        return True
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return bool(date_line(following) or P.CREDIT_LINE.fullmatch(following) or P.BARE_CREDIT_LABEL.fullmatch(following))


def _set_dates(draft: Draft, dates: list[tuple[bool, str]]) -> None:
    if draft.published is not None or not dates:
        return
    after_title = [iso for seen, iso in dates if seen]
    if after_title:
        draft.published = after_title[0]
    elif draft.title is None:
        draft.published = dates[0][1]
    elif "T" in dates[-1][1]:
        # A date above the title is the site header's "today", not the publication date; one
        # with its minute is the article's own (Republika prints it over the headline).
        draft.published = dates[-1][1]


def _rewrite(rewrites: tuple[tuple[Pattern[str], str], ...], line: str) -> str:
    for pattern, replacement in rewrites:
        line = pattern.sub(replacement, line)
    return line


def read_body(plan: Plan, lines: list[str], draft: Draft, dateline: re.Match[str] | None, protect: frozenset[str] = frozenset()) -> None:
    """Keep the article's lines in order; boilerplate goes, an end heading stops (before
    the next ``protect``ed line, where one follows: see ``extract_text``)."""
    rule, options = plan.rule, plan.options
    if rule.line_rewrites:
        lines = [_rewrite(rule.line_rewrites, line) for line in lines]
    kept = draft.paragraphs
    pending_label: str | None = None
    in_footer = False
    last_kept_index = -2
    stopped: str | None = None  # an end heading inside a protected run: chrome until its prose resumes
    last_protected = max((i for i, line in enumerate(lines) if line in protect), default=-1) if protect else -1
    for index, line in enumerate(lines):
        if stopped is not None:
            if line not in protect:
                _watch_paywall(plan, line, draft)
                draft.note(line, "drop", stopped)
                continue
            stopped = None
        if index == 0 and dateline is not None:
            place = dateline.groupdict().get("place")
            draft.dateline = place.rstrip(" ,") if place else None
            line = line[dateline.end() :].strip()
            draft.dateline_prefix = lines[0][: dateline.end()]
            draft.note(draft.dateline_prefix, "meta", "shared.dateline")
            if not line:
                continue
            draft.note(line, "keep", "body")
            kept.append(line)
            last_kept_index = index
            continue
        if line in draft.embedded:  # a post the text introduces (markup pages): the article's
            kept.append(line)
            last_kept_index = index
            draft.note(line, "keep", "shared.embed_introduced")
            continue
        _watch_paywall(plan, line, draft)
        reason = plan.stops.reason(line)
        if reason and index < last_protected:
            stopped = reason
            draft.note(line, "drop", reason)
            continue
        if reason:
            for rest in lines[index:]:
                _watch_paywall(plan, rest, draft)
                draft.note(rest, "drop", reason)
            break
        reason = plan.drops.reason(line) or _body_hook(plan, line, draft)
        if reason:
            draft.note(line, "drop", reason)
            if (
                (reason == "shared.pagination" or reason.endswith(".pager")) and kept and last_kept_index == index - 1 and index - 1 > 0
                and line.casefold().startswith("baca halaman") and _looks_like_title(kept[-1]) and word_count(kept[-1]) <= 12
            ):
                # The next page's heading shown above "BACA HALAMAN BERIKUTNYA": that page's, not this one's.
                draft.revise(kept.pop(), "drop", "shared.next_page_heading")
            continue
        reason = meta_line(line, draft)
        if reason:
            draft.note(line, "meta", reason)
            in_footer = in_footer or (options.credits_close_body and reason == "shared.credit_line")
            continue
        if in_footer and not P.BARE_CREDIT_LABEL.fullmatch(line) and not pending_label and line not in protect:
            draft.note(line, "drop", "shared.after_credits")
            continue
        if len(line) <= 14 and P.BARE_CREDIT_LABEL.fullmatch(line):
            pending_label = line.rstrip(" :").casefold()
            draft.note(line, "drop", "shared.credit_label")
            continue
        if pending_label and _looks_like_name(line):
            draft.credit_label(pending_label, line)
            draft.note(line, "meta", "shared.credit_line")
            pending_label = None
            continue
        pending_label = None
        if line[0] in "([" and (P.EDITOR_CODE_LINE.fullmatch(line) or P.DESK_CODE_LINE.fullmatch(line)):
            draft.note(line, "drop", "shared.editor_code")
            continue
        closing = P.CLOSING_CREDIT.search(line) if line.endswith(")") else None
        if closing and closing.start() >= 40 and _rest_is_chrome(plan, lines[index + 1 :]):
            # The last paragraph, closed by the outlet and its reporter (a caption ends so too,
            # but nothing of the article follows a closing credit).
            draft.authors = merge_names(draft.authors, [closing.group("name")])
            draft.note(closing.group(0).strip(), "meta", "shared.closing_credit")
            line = line[: closing.start()].rstrip()
            kept.append(line)
            last_kept_index = index
            draft.note(line, "keep", "body")
            continue
        credit = P.caption_credit(line)
        if credit:
            draft.captions.append(line)
            draft.note(line, "drop", "shared.caption")
            previous = kept[-1] if kept and last_kept_index == index - 1 else None
            if previous and index - 1 == 0 and dateline is not None:
                previous = None  # the dateline paragraph is never a caption
            if previous and credit.start() == 0 and not ends_sentence(line):
                # A credit on a line of its own: the line above it is the caption.
                draft.captions.append(kept.pop())
                draft.revise(previous, "drop", "shared.caption")
            elif previous and index - 1 > 0 and _is_image_title(previous, line):
                kept.pop()
                draft.revise(previous, "drop", "shared.image_title")
            continue
        first = line[0]
        if len(line) <= 90:
            outlet_date = _OUTLET_DATE.fullmatch(line) if "." in line[:40] else None
            if outlet_date and date_line(outlet_date.group("date")):
                draft.note(line, "drop", "shared.outlet_date_line")  # "Medcom.id, Jumat, 6 September 2019."
                continue
            if index > 0 and not options.trailing_title_date and _listed_date(line):
                draft.note(line, "drop", "shared.listed_date")  # "- Selasa, 23/02/2016 16:10 WIB": a list's date
                continue
        if draft.title and line.startswith(draft.title) and _titled_with_site(line, draft.title):
            draft.note(line, "drop", "shared.repeated_title")  # an image's alt text: the title and the site
            continue
        if first in _QUESTION_INITIALS and _inserted_question(lines, index):
            draft.note(line, "drop", "shared.question_widget")
            continue
        if first in _BULLETS and _lone_related_item(lines, index):
            draft.note(line, "drop", "shared.related_item")
            continue
        iso = date_line(line)
        if iso and options.trailing_title_date and kept and _looks_like_title(kept[-1]) and index >= last_protected:
            title = kept.pop()
            draft.title = draft.title or title
            draft.published = draft.published or iso
            draft.revise(title, "meta", f"{plan.label}.trailing_title")
            for rest in lines[index:]:
                draft.note(rest, "drop", f"{plan.label}.after_trailing_title")
            break
        kept.append(line)
        last_kept_index = index
        draft.note(line, "keep", "body")


def _rest_is_chrome(plan: Plan, lines: list[str]) -> bool:
    """Whether every line left is boilerplate: drops, an end heading, credit or tags lines."""
    for line in lines:
        if plan.stops.reason(line):
            return True
        if not (plan.drops.reason(line) or P.CREDIT_LINE.fullmatch(line) or _TAGS_LINE.fullmatch(line)):
            return False
    return True


#: The outlet's name and a date, alone on a line: "Medcom.id, Jumat, 6 September 2019.".
_OUTLET_DATE = re.compile(r"[A-Za-z][\w-]*\.(?:co\.id|com|id|net|tv)\s*[,|-]\s*(?P<date>.{8,50}?)\.?")


def _listed_date(line: str) -> bool:
    """A date with its time alone on a line of the body, bulleted or not: a related list's
    date (a chronology's heading names a day, not a minute)."""
    if not (line[0] in "-•·" or line[-1] in "BTAbta" or line[-1].isdigit()):
        return False
    iso = date_line(line.lstrip("-•· "))
    return bool(iso) and "T" in (iso or "")


_QUESTION_INITIALS = frozenset("AKMBDS")
_BULLETS = frozenset("•-–·▪►»")
#: A generated question and its answer on one line ("Apa nama partai …? Sampai saat ini …").
_QUESTION_ITEM = re.compile(r"(?:Apa|Siapa|Kenapa|Mengapa|Bagaimana|Kapan|Di ?mana|Berapa|Apakah|Seperti apa)\b[^?]{5,150}\?\s+\S.*")


def _inserted_question(lines: list[str], index: int) -> bool:
    """An item of a question-and-answer widget inserted into the article: a question and its
    answer on one line, set between lone dashes, in a run of three or more such items."""
    if not _QUESTION_ITEM.fullmatch(lines[index]):
        return False
    beside = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    if not any(line.strip() in ("-", "–") for line in beside):
        return False
    run = sum(1 for line in lines[max(0, index - 6) : index + 7] if _QUESTION_ITEM.fullmatch(line))
    return run >= 3


_BULLET = re.compile(r"(?:•|-|–|·|▪|►|»)\s+(?P<item>\S.*)")


def _lone_related_item(lines: list[str], index: int) -> bool:
    """A link to another article standing alone between paragraphs (``• <headline>``,
    ``- <headline>``): a bullet with no bullet beside it (a list of the article's own has
    several), in title case, not ending like a sentence."""
    match = _BULLET.fullmatch(lines[index])
    if not match:
        return False
    neighbours = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines) and lines[i]]
    if any(_BULLET.fullmatch(line) for line in neighbours):
        return False
    item = match.group("item")
    words = item.split()
    if not 5 <= len(words) <= 25 or ends_sentence(item) or item.endswith((":", ",", ";")):
        return False
    long_words = [word for word in words if len(word) >= 4 and word[0].isalpha()]
    capitalised = sum(1 for word in long_words if word[0].isupper())
    return bool(long_words) and capitalised >= 0.7 * len(long_words)


def _is_image_title(previous: str, caption: str) -> bool:
    """A short image title shown right above its caption (not a sub-heading naming it)."""
    return word_count(previous) <= 12 and not ends_sentence(previous) and not caption.startswith(previous)


#: An outlet's domain opening a paragraph (whichever outlet: no name is listed here).
_OPENS_WITH_DOMAIN = re.compile(r"[A-Za-z][A-Za-z0-9-]*\.(?:com|co\.id|id|net|tv)\b", re.IGNORECASE)


def _without_dateline(plan: Plan, paragraph: str) -> str:
    """A paragraph as compared for repeats: a layout may print the lead again with its dateline."""
    head = paragraph[:90]
    if not (any(mark in head for mark in "-(:—–") or head[:4].isupper() or _OPENS_WITH_DOMAIN.match(head)):
        # Dateline forms have a dash, bracket or colon near the start; the two that do not
        # open with a place in capitals or with the outlet's domain (``Liputan6.com, Jakarta Isi``).
        return paragraph
    for form in plan.datelines:
        match = form.pattern.match(paragraph)
        if match:
            return paragraph[match.end() :].strip()
    return paragraph


def finish_paragraphs(plan: Plan, draft: Draft, *, repeat_min_chars: int = 20) -> None:
    """Closing signature, repeats, editor codes, crew lists, caption fallback."""
    draft.settle_late_credits()
    paragraphs = draft.paragraphs
    signature = _UPPER_SIGNATURE.fullmatch(paragraphs[-1]) if paragraphs else None
    if signature and not ends_sentence(paragraphs[-1]):
        # "MAYA AYU PUSPITASARI", or "ANDRIAN HABIBI | DA" with the editor's initials.
        draft.authors = merge_names(draft.authors, [signature.group("name")])
        draft.revise(paragraphs.pop(), "meta", "shared.reporter_signature")
    unique: list[str] = []
    seen: set[str] = {P.strip_caption_credit(caption) for caption in draft.captions}
    leads: list[str] = []  # the opening paragraphs, which layouts reprint as cut teasers
    for paragraph in paragraphs:
        key = _without_dateline(plan, paragraph)
        if len(key) >= repeat_min_chars and (key in seen or (len(key) >= 60 and any(lead.startswith(key) for lead in leads))):
            # Verbatim again, or a lead again as a teaser cut short: keep the first.
            draft.revise(paragraph, "drop", "shared.repeated_paragraph")
            continue
        seen.add(key)
        if len(leads) < 5:
            leads.append(key)
        unique.append(paragraph)
    if not unique and draft.captions:
        # Photo and video pages: the caption is the article; its credit is not.
        shown: set[str] = set()
        for caption in draft.captions:
            text = P.strip_caption_credit(caption)
            if text and text not in shown and not P.EDITOR_CODE_LINE.fullmatch(text):
                shown.add(text)
                unique.append(text)
                draft.revise(caption, "keep", "shared.caption_as_body", was="drop")
    if unique:
        credit = P.CLOSING_CREDIT.search(unique[-1])
        if credit:
            draft.authors = merge_names(draft.authors, [credit.group("name")])
            draft.note(credit.group(0).strip(), "meta", "shared.closing_credit")
            unique[-1] = unique[-1][: credit.start()].rstrip()
        mark = P.CLOSING_MARK.search(unique[-1]) if unique[-1].endswith(("*", "]")) else None
        if mark:
            draft.note(mark.group(0).strip(), "drop", "shared.closing_code")
            unique[-1] = unique[-1][: mark.start()].rstrip()
        last = P.CREW_LIST.sub("", P.EDITOR_CODE.sub("", unique[-1])).rstrip()
        if last != unique[-1]:
            draft.note(unique[-1][len(last) :].strip(), "drop", "shared.closing_code")
        if last:
            unique[-1] = last
        else:
            unique.pop()
    draft.paragraphs = unique
    if not unique:
        draft.warnings.append(NO_TEXT)


__all__ = [
    "Plan", "plan_for", "in_era", "by_era", "text_layout", "extract_text", "find_dateline", "read_header",
    "read_body", "finish_paragraphs", "meta_line", "is_navigation_page", "guarded",
]
