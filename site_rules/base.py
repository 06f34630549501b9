"""The site-rule base: what a rule declares, and the one extraction every rule runs.

A rule is mostly declarations (hosts, text signatures, dateline forms, boilerplate
lines, end-of-article headings, layout signatures) plus a few small hooks where a
layout needs code. The extraction below reads a dump in two zones:

* the **header**: everything before the opening dateline when one is found near
  the top, otherwise the run of title-, deck-, byline- and date-like lines that
  opens the dump. It yields title, description, authors, dates and the section
  label; whatever else stands there (image titles, captions, a repeated title) is
  chrome and goes.
* the **body**: every later line is kept unless a pattern names it boilerplate;
  an end-of-article heading (related, popular, video lists) ends it.

Then the shared passes of ``finish_paragraphs`` run: repeated paragraphs, closing
editor codes and crew lists, and the caption fallback of photo and video pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar, Pattern

from cleaner.article import Decision
from cleaner.dates import date_line, parse_datetime
from cleaner.names import merge_names, split_names
from cleaner.text import ends_sentence, word_count

from . import patterns as P
from .patterns import LinePattern


@dataclass(frozen=True)
class Layout:
    """A dated layout of a site, recognised by a signature line (``re.search`` on the dump)."""

    name: str
    signature: Pattern[str]


def has_class(name: str) -> str:
    """XPath predicate: the element's class list holds ``name`` (whole word, not a prefix)."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


@dataclass(frozen=True)
class HtmlLayout:
    """Where a dated markup layout keeps its article (XPath expressions).

    ``body`` selects the article container(s), in page order (the pages of a
    multi-page article present in one file are joined); ``remove`` selects what
    goes inside them (captions, related boxes, ads, embeds); ``title``,
    ``description`` (the deck), ``bylines`` (credit, byline and date lines), ``published`` (an element
    holding the displayed date among other words), ``category`` (its last match)
    and ``tags`` select the visible header and footer fields.
    """

    name: str
    body: str
    remove: tuple[str, ...] = ()
    title: str | None = None
    description: str | None = None
    bylines: tuple[str, ...] = ()
    published: str | None = None
    category: str | None = None
    tags: str | None = None


@dataclass
class Draft:
    """The fields one extraction fills in; local to a single call, never shared."""

    title: str | None = None
    description: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    dateline: str | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    layout: str | None = None
    warnings: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # metadata field -> where it was read
    dateline_prefix: str | None = None  # the opening dateline as displayed ("Jakarta (ANTARA) - ")

    META_FIELDS: ClassVar[tuple[str, ...]] = (
        "title", "description", "authors", "editors", "published", "updated", "dateline", "category", "tags",
    )

    def mark_sources(self, where: str) -> None:
        """Credit ``where`` with every filled metadata field that has no source yet."""
        for name in self.META_FIELDS:
            if getattr(self, name) and name not in self.sources:
                self.sources[name] = where

    def note(self, line: str, verdict: str, reason: str) -> None:
        """Record what happened to an input block, and why (``cleaner explain`` shows it)."""
        self.decisions.append(Decision(line, verdict, reason))

    def revise(self, line: str, verdict: str, reason: str, *, was: str = "keep") -> None:
        """A later pass overturns the latest ``was`` decision on ``line`` (a repeat, a caption's title)."""
        for index in range(len(self.decisions) - 1, -1, -1):
            decision = self.decisions[index]
            if decision.verdict == was and decision.line == line:
                self.decisions[index] = Decision(line, verdict, reason)
                return
        self.note(line, verdict, reason)

    def add_credit(self, label: str, names: str) -> None:
        label = label.casefold()
        if label in P.AUTHOR_LABELS:
            self.authors = merge_names(self.authors, split_names(names))
        elif label in P.EDITOR_LABELS or label.startswith("redaktur"):
            self.editors = merge_names(self.editors, split_names(names))


_TITLE_MAX_WORDS = 30
_UPDATED_LABEL = re.compile(r"(?:diperbarui|diperbaharui|updated?|pembaruan)\b", re.IGNORECASE)
_PUBLISHED_LABEL = re.compile(r"(?:diterbitkan|dipublikasikan|published|terbit|tayang)\b", re.IGNORECASE)
_TAGS_LINE = re.compile(r"(?:Tags?|Tag|Topik|TAGS?)\s*:\s*(?P<tags>.+)")
_UPPER_SIGNATURE = re.compile(r"(?P<name>(?:[A-Z][A-Z'’.-]*\.?)(?: [A-Z][A-Z'’.-]*\.?){1,4})(?:\s*\|\s*[A-Z]{1,4})?")
_NAME_LINE = re.compile(r"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|bin|binti|van|de|dan|&|,)){0,6}")


def _looks_like_title(line: str) -> bool:
    """Short, and not ending like a sentence (a title may end in ``?``, ``!`` or ``...``)."""
    bare = line.rstrip("?!").removesuffix("...").removesuffix("…")
    return word_count(line) <= _TITLE_MAX_WORDS and len(line) <= 220 and not ends_sentence(bare)


def _looks_like_name(line: str) -> bool:
    return word_count(line) <= 8 and bool(_NAME_LINE.fullmatch(line)) and not ends_sentence(line)


class SiteRule:
    """Base class of every site rule. Subclasses override the declarations below.

    The registry (``site_rules.registry``) finds subclasses by importing every module
    of this package; nothing lists them by hand.
    """

    #: Short name, the ``site`` value of its articles (``None`` for the generic rule).
    name: ClassVar[str] = ""
    #: Host names it serves; subdomains match too (``nasional.tempo.co``).
    hosts: ClassVar[tuple[str, ...]] = ()
    #: Feeds (RSS/Atom) and sitemaps that list the site's fresh articles: ``cleaner fetch
    #: --site NAME --latest`` starts from them.
    latest_feeds: ClassVar[tuple[str, ...]] = ()
    latest_sitemaps: ClassVar[tuple[str, ...]] = ()
    #: Text signatures recognising a dump of this site when no URL is given.
    signatures: ClassVar[tuple[Pattern[str], ...]] = ()
    #: Literal strings one of which every signature contains (a fast first test).
    signature_markers: ClassVar[tuple[str, ...]] = ()
    #: Opening dateline forms, tried with ``match`` at the start of a line.
    dateline_forms: ClassVar[tuple[Pattern[str], ...]] = ()
    #: Site boilerplate lines (on top of ``patterns.SHARED_DROPS``).
    drops: ClassVar[tuple[LinePattern, ...]] = ()
    #: Site end-of-article headings (on top of ``patterns.SHARED_STOPS``).
    stops: ClassVar[tuple[LinePattern, ...]] = ()
    #: Layouts, newest first; the first whose signature is found names the layout.
    layouts: ClassVar[tuple[Layout, ...]] = ()
    #: A deck may stand right under the title.
    has_deck: ClassVar[bool] = True
    #: The line under the title is always the deck (even with no dateline to bound the header).
    deck_always: ClassVar[bool] = False
    #: The title is printed twice in the header (above the deck and above the photo); any
    #: short line before its first print is the section label (tirto).
    title_repeated: ClassVar[bool] = False
    #: A credit line (``Editor: …``) in the body is its footer: only credits and tags follow.
    credits_close_body: ClassVar[bool] = True
    #: A date line inside the body closes it, and the line above it is the title (ANTARA regional).
    trailing_title_date: ClassVar[bool] = False
    #: Lines that open the body even though they look like a title (``Poin penting``).
    body_openers: ClassVar[tuple[Pattern[str], ...]] = ()
    #: Header lines that are a section label (``NASIONAL``, ``Video - ANTARA News bogor``).
    category_labels: ClassVar[tuple[Pattern[str], ...]] = ()
    #: Credit given to a bare person-name line under the title (Tempo prints the editor so).
    unlabelled_credit: ClassVar[str | None] = None
    #: Datelines are looked for in this many opening lines.
    max_header_lines: ClassVar[int] = 25
    #: Markup layouts, newest first; the first whose body selector matches is used.
    html_layouts: ClassVar[tuple[HtmlLayout, ...]] = ()
    #: Host/URL examples with the site they must be detected as (checked by the tests).
    detection_examples: ClassVar[tuple[tuple[str, str | None], ...]] = ()

    def __init__(self) -> None:
        # Compiled once per rule: every line meets one alternation instead of dozens of patterns.
        self._drop_matcher = P.LineMatcher((*self.drops, *P.SHARED_DROPS))
        self._stop_matcher = P.LineMatcher((*self.stops, *P.SHARED_STOPS))

    # -- detection ---------------------------------------------------------------------------

    @classmethod
    def matches_host(cls, host: str) -> bool:
        host = host.lower().rstrip(".")
        return any(host == h or host.endswith("." + h) for h in cls.hosts)

    def signature_score(self, sample: str) -> int:
        """How many of this rule's signatures occur in ``sample``.

        The literal ``signature_markers`` gate the regexes: a dump that names none of
        them is not this site's, and most dumps are ruled out by a substring test.
        """
        if not any(marker in sample for marker in self.signature_markers):
            return 0
        return sum(1 for signature in self.signatures if signature.search(sample))

    def detect_layout(self, lines: list[str]) -> str | None:
        sample = "\n".join(lines[:40])
        for layout in self.layouts:
            if layout.signature.search(sample):
                return layout.name
        return None

    # -- hooks (override where a layout needs code) ------------------------------------------------

    def header_line(self, line: str, draft: Draft, seen_title: bool) -> bool:
        """Read a site-specific header line (a byline form, say); True when consumed."""
        return False

    def body_line(self, line: str, draft: Draft) -> str | None:
        """Read a site-specific body line; return the reason when it leaves the body."""
        return None

    def read_html_fields(self, tree: object, draft: Draft) -> None:
        """Read site-specific visible fields of a page (a credits box, say)."""

    def is_navigation_page(self, lines: list[str]) -> bool:
        """A page that is only a menu or an index has no article text (GUIDE)."""
        bullets = sum(1 for line in lines if line.startswith("•"))
        return bullets >= 10 and bullets * 4 >= len(lines)

    # -- extraction ----------------------------------------------------------------------------------

    def extract(self, lines: list[str]) -> Draft:
        """Run the header and body passes over normalized dump lines."""
        draft = Draft(layout=self.detect_layout(lines))
        if self.is_navigation_page(lines):
            draft.warnings.append("non-article page: the input is a navigation menu")
            for line in lines:
                draft.note(line, "drop", "shared.navigation_page")
            return draft
        found = self.find_dateline(lines)
        if found is not None:
            index, match = found
            self.read_header(lines[:index], draft, bounded=True)
            self.read_body(lines[index:], draft, match)
        else:
            start = self.read_header(lines, draft, bounded=False)
            self.read_body(lines[start:], draft, None)
        self.finish_paragraphs(draft)
        draft.mark_sources(f"{self.name} text rules: the meta lines")
        return draft

    def extract_html(self, tree: object) -> Draft | None:
        """The article of a parsed page by this rule's markup layouts; None when none matches."""
        from cleaner.html import all_texts, block_lines, element_text, first_text

        for layout in self.html_layouts:
            bodies = tree.xpath(layout.body)  # type: ignore[attr-defined]
            if bodies:
                break
        else:
            return None
        draft = Draft(layout=layout.name)
        draft.title = first_text(tree, layout.title)
        draft.description = first_text(tree, layout.description)
        for line in all_texts(tree, " | ".join(layout.bylines)):
            if not (self.header_line(line, draft, True) or self._meta_line(line, draft)):
                iso = date_line(line)
                if iso and _UPDATED_LABEL.match(line):
                    draft.updated = draft.updated or iso
                elif iso:
                    draft.published = draft.published or iso
        shown = first_text(tree, layout.published)
        if shown and draft.published is None:
            draft.published = parse_datetime(shown)
        self.read_html_fields(tree, draft)
        categories = all_texts(tree, layout.category)
        draft.category = categories[-1] if categories else None
        draft.tags = [tag.lstrip("#").strip() for tag in all_texts(tree, layout.tags)]
        draft.mark_sources(f"markup: {self.name} layout {layout.name}")
        # Fields first: a header or credits box may sit inside the container and go with the junk.
        if layout.remove:
            for body in bodies:
                junk = body.xpath(" | ".join(layout.remove))
                chosen = set(junk)
                for element in junk:
                    if element.getparent() is None or any(a in chosen for a in element.iterancestors()):
                        continue  # gone already, or inside a removed block (noted with it)
                    text = element_text(element)
                    if text:  # one decision per removed element, for explain and the report
                        draft.note(text, "drop", f"{self.name}.{layout.name}.markup_remove")
                    element.drop_tree()
        lines = block_lines(bodies)
        found = self.find_dateline(lines[:8])
        if found is not None:
            index, match = found
            for line in lines[:index]:
                draft.note(line, "drop", "shared.before_dateline")
            self.read_body(lines[index:], draft, match)
        else:
            self.read_body(lines, draft, None)
        # Markup separates paragraphs exactly: a short line the article repeats (a formula, an
        # instruction) is the writer's; only a long paragraph printed twice is the layout's.
        self.finish_paragraphs(draft, repeat_min_chars=150)
        draft.mark_sources(f"{self.name} text rules on the article blocks")
        return draft

    def find_dateline(self, lines: list[str]) -> tuple[int, re.Match[str]] | None:
        for index, line in enumerate(lines[: self.max_header_lines]):
            for form in self.dateline_forms:
                match = form.match(line)
                if match and self.valid_dateline(line, match):
                    return index, match
        return None

    def valid_dateline(self, line: str, match: re.Match[str]) -> bool:
        place = match.groupdict().get("place")
        return place is None or word_count(place) <= 5

    def _drop_reason(self, line: str) -> str | None:
        return self._drop_matcher.reason(line)

    def _stop_reason(self, line: str) -> str | None:
        return self._stop_matcher.reason(line)

    def _meta_line(self, line: str, draft: Draft) -> str | None:
        """Credit and tags lines that may stand in the header or the footer."""
        if ":" not in line:
            return None  # every credit and tags line has a label and a colon
        segments = P.CREDIT_LABEL_INSIDE.split(line)
        credits = [P.CREDIT_LINE.fullmatch(segment.strip(" |")) for segment in segments]
        if all(credits):
            for credit in credits:
                assert credit is not None
                draft.add_credit(credit.group("label").split(" &")[0], credit.group("names"))
            # Only writer and editor credits mark the footer; "Sumber: BPS" may stand under a table.
            label = credits[0].group("label").casefold() if credits[0] else ""
            closes = label in P.AUTHOR_LABELS or label in P.EDITOR_LABELS or label.startswith("redaktur")
            return "shared.credit_line" if closes else "shared.source_line"
        tags = _TAGS_LINE.fullmatch(line)
        if tags:
            draft.tags = merge_names(draft.tags, [t.strip() for t in re.split(r"\s*[,#]\s*", tags.group("tags")) if t.strip()])
            return "shared.tags_line"
        return None

    def read_header(self, lines: list[str], draft: Draft, *, bounded: bool) -> int:
        """Fill title, deck, bylines, dates and label from the opening lines.

        ``bounded``: the lines are exactly the header (a dateline follows them), so
        every line not read as a field is dropped. Otherwise the header ends at the
        first line that reads as body; its index is returned.
        """
        counts: dict[str, int] = {}
        for line in lines:
            counts[line] = counts.get(line, 0) + 1
        repeated_title = (
            next((l for l in lines if counts[l] > 1 and _looks_like_title(l) and not P.caption_credit(l)), None)
            if bounded and self.title_repeated
            else None
        )
        title_index: int | None = None
        dates: list[tuple[bool, str]] = []  # (after title, iso)
        pending_label: str | None = None
        labels: list[str] = []
        for index, line in enumerate(lines):
            seen_title = title_index is not None
            reason = self._drop_reason(line)
            if reason:
                draft.note(line, "drop", reason)
                continue
            if self.header_line(line, draft, seen_title):
                draft.note(line, "meta", f"{self.name or 'generic'}.byline")
                continue
            reason = self._meta_line(line, draft)
            if reason:
                draft.note(line, "meta", reason)
                continue
            if P.BARE_CREDIT_LABEL.fullmatch(line):
                pending_label = line.rstrip(" :").casefold()
                draft.note(line, "drop", "shared.credit_label")
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
            label = self._category_label(line)
            if label is not None:
                draft.category = draft.category or label
                draft.note(line, "meta", f"{self.name or 'generic'}.category_label")
                continue
            if _looks_like_name(line) and (pending_label or (seen_title and self.unlabelled_credit)):
                draft.add_credit(pending_label or self.unlabelled_credit or "", line)
                draft.note(line, "meta", "shared.credit_line")
                continue
            if P.caption_credit(line) or P.EDITOR_CODE_LINE.fullmatch(line):
                draft.captions.append(line)
                draft.note(line, "drop", "shared.caption")
                continue
            if any(p.fullmatch(line) for p in self.body_openers) and not bounded:
                return index
            # A candidate for title, deck, label, or (unbounded) the first body line.
            if not seen_title:
                is_title = line == repeated_title if repeated_title else (bounded or _looks_like_title(line))
                if is_title:
                    draft.title = line
                    title_index = index
                    draft.note(line, "meta", "shared.title")
                    continue
                if bounded and repeated_title and word_count(line) <= 4:
                    labels.append(line)
                    draft.note(line, "meta", "shared.section_label")
                    continue
            elif line == draft.title:
                draft.note(line, "drop", "shared.repeated_title")
                continue
            elif draft.title and len(line) >= 10 and draft.title.endswith(line) and title_index is not None:
                # The dump glued the section label to the title ("OpiniDi Balik …"); the
                # plain title follows, and what was glued before it is the label.
                label = draft.title[: -len(line)].strip()
                if label and word_count(label) <= 3 and draft.category is None:
                    draft.category = label
                draft.title, title_index = line, index
                draft.note(line, "meta", "shared.title")
                continue
            elif draft.description is None and index == title_index + 1 and self.has_deck and self._deck_fits(lines, index, bounded):
                draft.description = line
                draft.note(line, "meta", "shared.deck")
                continue
            if not bounded:
                self._set_dates(draft, dates)
                return index
            draft.note(line, "drop", "shared.header_chrome")
        if labels and draft.category is None:
            draft.category = labels[-1]
        self._set_dates(draft, dates)
        return len(lines)

    def _category_label(self, line: str) -> str | None:
        for pattern in self.category_labels:
            match = pattern.fullmatch(line)
            if match:
                return match.groupdict().get("category") or line
        return None

    def _deck_fits(self, lines: list[str], index: int, bounded: bool) -> bool:
        if bounded or self.deck_always:
            return True
        following = lines[index + 1] if index + 1 < len(lines) else ""
        return bool(date_line(following) or P.CREDIT_LINE.fullmatch(following) or P.BARE_CREDIT_LABEL.fullmatch(following))

    @staticmethod
    def _set_dates(draft: Draft, dates: list[tuple[bool, str]]) -> None:
        if draft.published is not None or not dates:
            return
        after_title = [iso for seen, iso in dates if seen]
        if after_title:
            draft.published = after_title[0]
        elif draft.title is None:
            draft.published = dates[0][1]
        # A date above the title is the site header's "today", not the publication date.

    def read_body(self, lines: list[str], draft: Draft, dateline: re.Match[str] | None) -> None:
        """Keep the article's lines in order; boilerplate goes, an end heading stops."""
        kept = draft.paragraphs
        pending_label: str | None = None
        in_footer = False
        last_kept_index = -2
        for index, line in enumerate(lines):
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
            reason = self._stop_reason(line)
            if reason:
                for rest in lines[index:]:
                    draft.note(rest, "drop", reason)
                break
            reason = self._drop_reason(line) or self.body_line(line, draft)
            if reason:
                draft.note(line, "drop", reason)
                continue
            reason = self._meta_line(line, draft)
            if reason:
                draft.note(line, "meta", reason)
                in_footer = in_footer or (self.credits_close_body and reason == "shared.credit_line")
                continue
            if in_footer and not P.BARE_CREDIT_LABEL.fullmatch(line) and not pending_label:
                draft.note(line, "drop", "shared.after_credits")
                continue
            if len(line) <= 14 and P.BARE_CREDIT_LABEL.fullmatch(line):
                pending_label = line.rstrip(" :").casefold()
                draft.note(line, "drop", "shared.credit_label")
                continue
            if pending_label and _looks_like_name(line):
                draft.add_credit(pending_label, line)
                draft.note(line, "meta", "shared.credit_line")
                pending_label = None
                continue
            pending_label = None
            if line[0] == "(" and P.EDITOR_CODE_LINE.fullmatch(line):
                draft.note(line, "drop", "shared.editor_code")
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
                elif previous and index - 1 > 0 and self._is_image_title(previous, line):
                    kept.pop()
                    draft.revise(previous, "drop", "shared.image_title")
                continue
            iso = date_line(line)
            if iso and self.trailing_title_date and kept and _looks_like_title(kept[-1]):
                title = kept.pop()
                draft.title = draft.title or title
                draft.published = draft.published or iso
                draft.revise(title, "meta", f"{self.name}.trailing_title")
                for rest in lines[index:]:
                    draft.note(rest, "drop", f"{self.name}.after_trailing_title")
                break
            kept.append(line)
            last_kept_index = index
            draft.note(line, "keep", "body")

    @staticmethod
    def _is_image_title(previous: str, caption: str) -> bool:
        """A short image title shown right above its caption (not a sub-heading naming it)."""
        return (
            word_count(previous) <= 12
            and not ends_sentence(previous)
            and not caption.startswith(previous)
        )

    def _without_dateline(self, paragraph: str) -> str:
        """A paragraph as compared for repeats: a layout may print the lead again with its dateline."""
        head = paragraph[:90]
        if not (any(mark in head for mark in "-(:—–") or head[:4].isupper() or head.startswith("Liputan6")):
            # Dateline forms have a dash, bracket or colon near the start; the two that do not
            # open with a place in capitals or with the outlet's name.
            return paragraph
        for form in self.dateline_forms:
            match = form.match(paragraph)
            if match:
                return paragraph[match.end() :].strip()
        return paragraph

    def finish_paragraphs(self, draft: Draft, *, repeat_min_chars: int = 20) -> None:
        """Shared passes: closing signature, repeats, editor codes, crew lists, caption fallback."""
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
            key = self._without_dateline(paragraph)
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
            last = P.CREW_LIST.sub("", P.EDITOR_CODE.sub("", unique[-1])).rstrip()
            if last != unique[-1]:
                draft.note(unique[-1][len(last) :].strip(), "drop", "shared.closing_code")
            if last:
                unique[-1] = last
            else:
                unique.pop()
        draft.paragraphs = unique
        if not unique:
            draft.warnings.append("no article text found")
