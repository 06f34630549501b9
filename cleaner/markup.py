"""A rule's markup layout read off a parsed page: header fields, then the article blocks.

Selectors are compiled once per layout (``etree.XPath``). The page tree is never
changed here: what a layout removes is skipped when the blocks are read, so a later
stage (the fallback) still sees the page as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from lxml.etree import XPath

from site_rules.base import HtmlLayout, SiteRule

from .dates import date_line, parse_datetime
from .draft import Draft
from .html import block_lines, crumb_section, element_text
from .passes import by_era, find_dateline, finish_paragraphs, guarded, meta_line, plan_for, read_body, _UPDATED_LABEL
from .vocabulary import ASIDE_CLASS_WORDS, BYLINE_CLASS_WORDS, alternation

@dataclass(frozen=True)
class CompiledLayout:
    """A markup layout's selectors, compiled."""

    layout: HtmlLayout
    body: XPath
    remove: XPath | None
    title: XPath | None
    description: XPath | None
    bylines: XPath | None
    published: XPath | None
    category: XPath | None
    tags: XPath | None


def _xpath(expression: str | None) -> XPath | None:
    return XPath(expression) if expression else None


@lru_cache(maxsize=256)
def compiled(layout: HtmlLayout) -> CompiledLayout:
    return CompiledLayout(
        layout, XPath(layout.body), _xpath(" | ".join(layout.remove)), _xpath(layout.title), _xpath(layout.description),
        _xpath(" | ".join(layout.bylines)), _xpath(layout.published), _xpath(layout.category), _xpath(layout.tags),
    )


def _texts(selector: XPath | None, tree: Any) -> list[str]:
    """Normalized, distinct, non-empty texts of what ``selector`` finds, in page order."""
    if selector is None:
        return []
    texts: list[str] = []
    for element in selector(tree):
        text = element_text(element)
        if text and text not in texts:
            texts.append(text)
    return texts


def _first(selector: XPath | None, tree: Any) -> str | None:
    texts = _texts(selector, tree)
    return texts[0] if texts else None


def matching_layout(rule: SiteRule, tree: Any, when: date | None = None) -> tuple[CompiledLayout, list[Any]] | None:
    """The first markup layout (of the page's era first) whose body selector finds something."""
    for layout in by_era(rule.html_layouts, when):
        selectors = compiled(layout)
        bodies = selectors.body(tree)
        if bodies:
            return selectors, bodies
    return None


_BY = re.compile(r"(?:[Oo]leh|OLEH|By|by)\s+(?P<names>[^\d|:()]{2,80})")


def read_byline(rule: SiteRule, line: str, draft: Draft) -> None:
    """One byline, credit or date line of a page: the rule's header hook, a credit or tags
    line, else a date (an update where it says so, else the publication)."""
    if rule.header_line(line, draft, True) or meta_line(line, draft):
        return
    byline = _BY.fullmatch(line)  # an element classed as a byline may say "Oleh X" with no colon
    if byline:
        draft.credit("author", byline.group("names"))
        return
    # A date shown with other facts beside it (``Selasa, 23 Februari 2016 15:06 WIB | 998 Views``).
    iso = date_line(line) or next(filter(None, (date_line(part) for part in line.split(" | ")[:4])), None)
    if iso and _UPDATED_LABEL.match(line):
        draft.updated = draft.updated or iso
    elif iso:
        draft.published = draft.published or iso


def read_header(rule: SiteRule, selectors: CompiledLayout, tree: Any, draft: Draft) -> None:
    """The visible header and footer fields; each field read alone, so one failure costs only it."""
    label = f"{rule.name} layout {selectors.layout.name}"
    draft.title = guarded(draft, f"{label}: title", lambda: _first(selectors.title, tree), None)
    draft.description = guarded(draft, f"{label}: description", lambda: _first(selectors.description, tree), None)

    def bylines() -> None:
        for line in _texts(selectors.bylines, tree):
            read_byline(rule, line, draft)

    guarded(draft, f"{label}: bylines", bylines, None)
    if draft.published is None:
        shown = guarded(draft, f"{label}: published", lambda: _first(selectors.published, tree), None)
        draft.published = parse_datetime(shown) if shown else None
    guarded(draft, f"{rule.name} page fields hook", lambda: rule.read_html_fields(tree, draft), None)
    no_texts: list[str] = []
    categories = guarded(draft, f"{label}: category", lambda: _texts(selectors.category, tree), no_texts)
    draft.category = categories[-1] if categories else None
    tags = guarded(draft, f"{label}: tags", lambda: _texts(selectors.tags, tree), no_texts)
    draft.tags = [tag.lstrip("#").strip() for tag in tags]


#: The headline: the page's one ``<h1>`` (a page with several says nothing by it).
_HEADLINES = XPath("//h1[normalize-space()][position() <= 2]")
#: Conventions most news pages follow, read when no layout of the rule reads the page: the
#: last item of the first breadcrumb (the GUIDE's section label), the first list of tag
#: links, and byline, credit and date elements by their class names. One pass over the
#: classed elements finds all three (three scans of the page cost twice as much).
_CLASSED = XPath("//*[@class]")
_CRUMB_ITEMS = XPath(".//*[self::li or self::a or self::span][not(.//li or .//a)][normalize-space()]")
_TAG_ITEMS = XPath(".//a[not(starts-with(normalize-space(), '#'))][normalize-space()]")
_NOT_A_TAG = frozenset(("tag", "tags", "topik", "more tag", "lihat semua", "selengkapnya"))
_BYLINE_CLASS = re.compile(alternation(BYLINE_CLASS_WORDS))
_ASIDE_CLASS = re.compile(alternation(ASIDE_CLASS_WORDS))
#: Byline elements read at most (a page's first, in document order).
MAX_BYLINE_ELEMENTS = 40


@dataclass
class _Conventions:
    breadcrumb: Any = None
    tag_list: Any = None
    bylines: list[Any] = field(default_factory=list)


def _conventions(tree: Any) -> _Conventions:
    """The first breadcrumb, the first tag list holding links, and the byline, credit and
    date elements outside links and related lists, in document order."""
    found = _Conventions()
    for element in _CLASSED(tree):
        name = element.get("class") or ""
        if found.breadcrumb is None and ("breadcrumb" in name or "Breadcrumb" in name):
            found.breadcrumb = element
        if found.tag_list is None and ("tags" in name or "tag-list" in name or "topik" in name) and element.find(".//a") is not None:
            found.tag_list = element
        if (
            len(found.bylines) < MAX_BYLINE_ELEMENTS
            and _BYLINE_CLASS.search(name)
            and not _ASIDE_CLASS.search(name)
            and element.tag != "a"
            and not any(a.tag == "a" or _ASIDE_CLASS.search(a.get("class") or "") for a in element.iterancestors())
        ):
            found.bylines.append(element)
    return found


#: A label standing alone on its line, its value on the next ("Editor:" then "<h4>X</h4>").
_LABEL_ONLY = re.compile(r"[A-Za-z][A-Za-z ]{1,20}\s*:")


def _credit_lines(element: Any) -> list[str]:
    """A credit element's lines: by block, so a box of several facts ("Penulis: X | Editor: Y",
    then a date) is not one glued line, with a lone label joined to the value after it."""
    lines: list[str] = []
    for line in block_lines([element]):
        if lines and _LABEL_ONLY.fullmatch(lines[-1]):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return lines


def visible_fields(rule: SiteRule, tree: Any, title: str | None) -> Draft:
    """What a page shows of itself by common conventions, when no layout reads it: the rule's
    page hook (a credits box), its one ``<h1>`` as headline, the last breadcrumb item as
    section, the first tag list, and byline, credit and date elements by their class names
    (read as a layout's bylines are)."""
    draft = Draft()
    guarded(draft, f"{rule.name} page fields hook", lambda: rule.read_html_fields(tree, draft), None)
    found = guarded(draft, "page conventions: classed elements", lambda: _conventions(tree), _Conventions())

    def crumbs() -> None:
        elements = _CRUMB_ITEMS(found.breadcrumb) if found.breadcrumb is not None else []
        draft.category = crumb_section((element_text(element) for element in elements), title)

    def tags() -> None:
        tagged: list[str] = []
        for element in _TAG_ITEMS(found.tag_list) if found.tag_list is not None else []:
            text = element_text(element)
            if text and text.casefold() not in _NOT_A_TAG and len(text.split()) <= 6 and text not in tagged:
                tagged.append(text)
        draft.tags = tagged

    def bylines() -> None:
        seen: set[str] = set()
        for element in found.bylines:
            for line in _credit_lines(element):
                if line in seen or len(line) > 120:
                    continue
                seen.add(line)
                read_byline(rule, line, draft)

    def headline() -> None:
        found = _HEADLINES(tree)
        if len(found) == 1:
            draft.title = element_text(found[0]) or None

    guarded(draft, "page conventions: headline", headline, None)
    guarded(draft, "page conventions: breadcrumb", crumbs, None)
    guarded(draft, "page conventions: tags", tags, None)
    guarded(draft, "page conventions: bylines and dates", bylines, None)
    draft.mark_sources("page conventions: headline, breadcrumb, tag list, credits box")
    return draft


def extract_markup(rule: SiteRule, tree: Any, when: date | None = None) -> Draft | None:
    """The article of a parsed page by the rule's markup layouts; None when none matches."""
    found = matching_layout(rule, tree, when)
    if found is None:
        return None
    selectors, bodies = found
    layout = selectors.layout
    draft = Draft(layout=layout.name)
    read_header(rule, selectors, tree, draft)
    draft.mark_sources(f"markup: {rule.name} layout {layout.name}")
    # Fields first: a header or credits box may sit inside the container and go with the junk.
    skip: set[Any] = set()
    if selectors.remove is not None:
        for body in bodies:
            junk = selectors.remove(body)
            chosen = set(junk)
            for element in junk:
                if element in skip or any(a in chosen or a in skip for a in element.iterancestors()):
                    continue  # inside a removed block (noted with it)
                skip.add(element)
                text = element_text(element)
                if text:  # one decision per removed element, for explain and the report
                    draft.note(text, "drop", f"{rule.name}.{layout.name}.markup_remove")
    lines = block_lines(bodies, skip=skip, kinds=draft.kinds)
    plan = plan_for(rule, layout)
    dateline = find_dateline(plan, lines[:8])
    if dateline is not None:
        index, match = dateline
        for line in lines[:index]:
            draft.note(line, "drop", "shared.before_dateline")
        read_body(plan, lines[index:], draft, match)
    else:
        read_body(plan, lines, draft, None)
    # Markup separates paragraphs exactly: a short line the article repeats (a formula, an
    # instruction) is the writer's; only a long paragraph printed twice is the layout's.
    finish_paragraphs(plan, draft, repeat_min_chars=150)
    draft.mark_sources(f"{rule.name} text rules on the article blocks")
    return draft
