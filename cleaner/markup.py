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

from site_rules import patterns as P

from site_rules.base import HtmlLayout, SiteRule

from .dates import date_line, parse_datetime
from .draft import Draft
from .extent import embedded_posts, interface_blocks, trailing_sections
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


#: A credits table's row as block lines give it: ``Penulis | : Aditya Maulana |``.
_CREDIT_ROW = re.compile(r"(?P<label>[A-Za-z][A-Za-z &]{1,20}?)\s*\|\s*:?\s*(?P<value>[^|]{2,100}?)\s*\|?")
#: A role shown after the name it credits (``Dewi Kania`` then ``Jurnalis``; ``Name`` then ``Penulis``).
_ROLE_AFTER = {"jurnalis": "Penulis", "penulis": "Penulis", "reporter": "Reporter", "wartawan": "Penulis", "editor": "Editor", "penyunting": "Editor"}
#: A contributor's desk before the name (``Kontributor Lhokseumawe, Masriadi``): the desk is no person.
_CONTRIBUTOR_DESK = re.compile(r"(?<=:)\s*Kontributor [A-Z][\w-]*(?: [A-Z][\w-]*){0,2},\s*")


def _credit_lines(element: Any) -> list[str]:
    """A credit element's lines: by block, so a box of several facts ("Penulis: X | Editor: Y",
    then a date) is not one glued line, with a lone label joined to the value after it, a
    table row read as ``label: value``, and a role shown after a name put before it."""
    lines: list[str] = []
    for line in block_lines([element]):
        row = _CREDIT_ROW.fullmatch(line)
        if row and P.BARE_CREDIT_LABEL.fullmatch(row.group("label")):
            line = f"{row.group('label')}: {row.group('value').lstrip(': ')}"
        if lines and _LABEL_ONLY.fullmatch(lines[-1]):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    # A box of just a name and its role under it (Okezone: "Dewi Kania", "Jurnalis"). In a
    # longer list a role names the names after it ("Author", "X", "Y", "Editor", "Z").
    role = _ROLE_AFTER.get(lines[-1].strip(" :").casefold()) if len(lines) == 2 else None
    if role and _NAME_ONLY.fullmatch(lines[0]):
        lines = [f"{role}: {lines[0]}"]
    return [_CONTRIBUTOR_DESK.sub(" ", line) for line in lines]


_NAME_ONLY = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,4}")
#: Credits shown with a label anywhere on the page: a table row whose first cell is the label
#: (Kompas' credits box), or a short block opening with ``Penulis:``/``Editor:``.
_RE = {"re": "http://exslt.org/regular-expressions"}
_LABELLED_CREDITS = XPath(
    "//tr[td[1][re:test(normalize-space(), '^(Penulis|Editor|Reporter|Pewarta|Penyunting|Redaktur)\\s*:?$', 'i')]]"
    " | //*[self::p or self::div or self::span or self::li or self::td]"
    "[re:test(normalize-space(), '^(Penulis|Editor|Reporter|Pewarta|Penyunting|Redaktur|Rep|Laporan [Ww]artawan)\\b[^:]{0,12}:', '')]"
    "[string-length(normalize-space()) < 120][not(.//p or .//div or .//li)]",
    namespaces=_RE,
)
#: ``Name - detikinet`` in an element classed as the author: the name and the outlet's brand.
_NAME_AND_BRAND = re.compile(r"(?P<names>[A-Z][^|:\d/]{2,60}?)\s+[-–|]\s+(?P<brand>[\w.]{3,30})")
_AUTHOR_CLASS = re.compile("author|byline|reporter|penulis")


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
            author_class = bool(_AUTHOR_CLASS.search(element.get("class") or ""))
            for line in _credit_lines(element):
                if line in seen or len(line) > 120:
                    continue
                seen.add(line)
                brand = _NAME_AND_BRAND.fullmatch(line) if author_class else None
                if brand and not draft.authors and _NAME_ONLY.fullmatch(brand.group("names").strip()):
                    draft.credit("author", brand.group("names"))
                    continue
                read_byline(rule, line, draft)

    def labelled() -> None:
        lines: list[str] = []
        for element in _LABELLED_CREDITS(tree)[:12]:
            lines.extend(_credit_lines(element))  # by block and <br>: "Pewarta: X<br>Editor: Y" is two lines
        for line in dict.fromkeys(lines):
            if rule.header_line(line, draft, True):  # a rule's own credit form ("Rep: X/ Red: Y")
                continue
            for part in line.split(" | ")[:4]:  # "Reporter : X | Jumat, 19 Juni 2015 03:40"
                if len(part) <= 120:
                    meta_line(_CONTRIBUTOR_DESK.sub(" ", part), draft)

    def headline() -> None:
        found = _HEADLINES(tree)
        if len(found) == 1:
            draft.title = element_text(found[0]) or None

    guarded(draft, "page conventions: headline", headline, None)
    guarded(draft, "page conventions: breadcrumb", crumbs, None)
    if draft.category is None:
        draft.category = guarded(draft, "page conventions: channel above the headline", lambda: headline_channel(tree, title), None)
    if draft.category is None:
        draft.category = guarded(draft, "page conventions: rubric above the headline", lambda: headline_label(tree, title), None)
    guarded(draft, "page conventions: tags", tags, None)
    if not draft.tags:
        draft.tags = guarded(draft, "page conventions: tag links after the headline", lambda: headline_tags(tree, title), [])
    guarded(draft, "page conventions: bylines and dates", bylines, None)
    if not (draft.authors or draft.editors):
        guarded(draft, "page conventions: labelled credits", labelled, None)
    draft.mark_sources("page conventions: headline, breadcrumb, tag list, credits box")
    return draft


_HEADINGS = XPath("//h1[normalize-space()] | //h2[normalize-space()]")
_AFTER = XPath("following::*[position() <= 30]")
_BEFORE = XPath("preceding::*[position() <= 12]")
_IN_LINK = XPath("ancestor-or-self::a")


def headline_element(tree: Any, title: str | None) -> Any | None:
    """The article's visible headline: the ``<h1>``/``<h2>`` whose text is the title (a page's
    logo may be an ``<h1>`` too), else the page's one ``<h1>``."""
    if title:
        for element in _HEADINGS(tree)[:60]:
            if element_text(element) == title and not _IN_LINK(element):
                return element
    found = _HEADLINES(tree)
    return found[0] if len(found) == 1 else None


def _shown_time(element: Any) -> str | None:
    if _IN_LINK(element):
        return None  # a related item's date
    text = element_text(element)
    if not 8 <= len(text) <= 100:
        return None
    # A date line may carry a label or a credit beside it: "JATIM | 16 Juni 2021 10:49 Reporter : X".
    for part in (text, *text.split(" | ")[:4]):
        iso = date_line(P.CREDIT_LABEL_INSIDE.split(part)[0].strip())
        if iso and "T" in iso:
            return iso
    return None


def headline_date(tree: Any, title: str | None) -> str | None:
    """The outlet's own date line by the headline: the first date with a time among the
    elements after it, else the nearest before it (``Kompas``: under it; ``Okezone``: above).

    A date shown on the page wins over the head's, which is often the indexing time or
    a day without its hour. Measured against htmldate (which trafilatura brings) on the
    saved pages of ../shared, ``--no-layouts``: htmldate found the minute on 8 of 33 pages
    (it mostly gives the day), the page's own reading on 20, so the own reading is kept.
    """
    headline = headline_element(tree, title)
    if headline is None:
        return None
    for element in _AFTER(headline):
        if element.tag in ("h1", "h2") and element_text(element):
            break  # the next article's headline: no date of this one beyond
        iso = _shown_time(element)
        if iso:
            return iso
    for element in reversed(_BEFORE(headline)):
        iso = _shown_time(element)
        if iso:
            return iso
    return None


_SECTION_BEFORE = XPath("preceding::a[position() <= 8]")
_ROOT_TEXTS = frozenset(("home", "beranda", "index", "depan"))
#: Links to listings, not channels ("INDEKS" above Viva's headline).
_LISTING_TEXTS = frozenset(("indeks", "index", "terkini", "terpopuler", "terbaru", "lainnya", "selengkapnya", "more", "arsip"))
_CRUMB_SEPARATOR = re.compile(r"^\s*[»›>/|]\s*$")
_MENU_CLASS = re.compile(r"(?i)(?:^|[\s_-])(?:menu|nav|navbar|header|masthead)(?:$|[\s_-])")
#: Social networks' addresses: a "Like" or "Follow" button, never a channel.
_SOCIAL = re.compile(r"(?i)facebook\.|twitter\.|x\.com|instagram\.|youtube\.|whatsapp|t\.me/|line\.me|tiktok\.|linkedin\.")
_ARTICLE_ADDRESS = re.compile(r"\d{5,}|/read/|/berita/\d|\.html?$")


def _path(href: str) -> str:
    return re.sub(r"^(?:https?:)?//[^/]+", "", href.strip()).split("?")[0].split("#")[0]


def headline_channel(tree: Any, title: str | None) -> str | None:
    """The channel linked just above the headline, as a breadcrumb shows it: the nearest link
    before the headline when a link to the site's home stands a few links further back
    (``Home › News › Nasional``, ``Bola › Liga Indonesia``); a navigation menu has no home
    link among its last items, and a related item links to an article, not a section."""
    headline = headline_element(tree, title)
    if headline is None:
        return None
    links = list(reversed(_SECTION_BEFORE(headline)))
    texts = [element_text(link) for link in links]
    rooted = any(
        _path(link.get("href") or "#") in ("", "/") or text.casefold() in _ROOT_TEXTS
        for link, text in zip(links[1:6], texts[1:6])
    )
    if not links or not rooted:
        return None
    first, text = links[0], texts[0]
    href = first.get("href") or ""
    if (
        not text or text.casefold() in _ROOT_TEXTS | _LISTING_TEXTS or not 1 <= len(text.split()) <= 4
        or _ARTICLE_ADDRESS.search(href) or _SOCIAL.search(href)
    ):
        return None
    if _path(href) in ("", "/") and href not in ("#", ""):
        return None  # the site's home itself
    if len(links) > 1 and _CRUMB_SEPARATOR.search(links[1].tail or ""):
        return text  # "MERDEKA.COM » PERISTIWA": a breadcrumb's separator, wherever it stands
    menu = next(first.iterancestors("ul", "ol", "nav"), None)
    if menu is not None and (menu.tag == "nav" or len(menu) > 6):
        return None  # an item of the site's menu, not a breadcrumb
    for ancestor in list(first.iterancestors())[:4]:
        if ancestor.tag in ("nav", "header") or _MENU_CLASS.search(f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"):
            return None  # the site's top menu ("Home", "News", "Bisnis") stands above many headlines too
    return text


_LABEL_CLASS = re.compile(r"(?i)kanal|channel|rubri[ck]|categor|kategori|upperdeck|section|label")


def headline_label(tree: Any, title: str | None) -> str | None:
    """A rubric shown right above the headline (detik's ``<h2>MUDA DAN MENGINSPIRASI</h2>``,
    Viva's ``upperdeck-kanal``): the nearest element with text before the headline or its
    wrapper, of one to four words with no digits, in capitals, a heading, or classed as a
    channel."""
    node = headline_element(tree, title)
    for _ in range(2):  # the headline, then the element wrapping it
        if node is None:
            return None
        previous = node.getprevious()
        while previous is not None and (not isinstance(previous.tag, str) or not element_text(previous)):
            previous = previous.getprevious()
        if previous is not None:
            text = element_text(previous)
            words = len(text.split())
            if 1 <= words <= 4 and not re.search(r"\d", text) and previous.tag != "a" and (
                text.isupper() or previous.tag in ("h2", "h3", "h4", "h5") or _LABEL_CLASS.search(previous.get("class") or "")
            ):
                return text
            return None
        node = node.getparent()
    return None


_TAG_LINKS_AFTER = XPath(
    "following::a[re:test(@href, '/(tag|tags|topic|topik|hot_topic|topikpilihan[a-z]*)/', 'i')][normalize-space()][position() <= 40]",
    namespaces=_RE,
)


_SIDE_COLUMN = re.compile(r"(?i)(?:^|[\s_-])(?:right|sidebar|side|aside|widget|trending|populer|popular|hot)(?:$|[\s_-])")


def _in_side_column(element: Any) -> bool:
    """Inside a side column or a trending box (a site-wide topic list, not the article's tags)."""
    for ancestor in list(element.iterancestors())[:6]:
        if ancestor.tag == "aside" or _SIDE_COLUMN.search(f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"):
            return True
    return False


def headline_tags(tree: Any, title: str | None) -> list[str]:
    """The article's tag list: the first group of links to tag or topic addresses after the
    headline (``/tag/…``, ``/topic/…``, ``/hot_topic/…``), one group sharing a container;
    a site-wide trending bar stands above the headline and is not read."""
    headline = headline_element(tree, title)
    if headline is None:
        return []
    links = [link for link in _TAG_LINKS_AFTER(headline) if not _in_side_column(link)]
    if not links:
        return []
    parent = links[0].getparent()
    group = parent.getparent() if parent is not None else None
    listing = next(links[0].iterancestors("ul", "ol"), None)
    tags: list[str] = []
    for link in links:
        owner = link.getparent()
        in_list = listing is not None and any(a is listing for a in link.iterancestors("ul", "ol"))
        if owner is None or (owner is not parent and owner.getparent() is not group and not in_list):
            break  # the group ended
        text = element_text(link).lstrip("#").strip()
        if text and 1 <= len(text.split()) <= 5 and text not in tags:
            tags.append(text)
    return tags


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
    # Embedded posts: the GUIDE keeps those the text introduces, drops the others.
    for post, keep in embedded_posts(bodies, skip):
        if keep:
            interface = set(interface_blocks(post))
            for element in interface:
                draft.note(element_text(element), "drop", "shared.embed_interface")
            skip |= interface
            draft.embedded.update(block_lines([post], skip=interface))
        else:
            skip.add(post)
            draft.note(element_text(post), "drop", "shared.embed_not_introduced")
    lines = block_lines(bodies, skip=skip, kinds=draft.kinds)
    # A last section (a sub-heading and its paragraphs) the template set after the container.
    for element in trailing_sections(bodies, skip):
        line = element_text(element)
        lines.append(line)
        if element.tag != "p":
            draft.kinds.setdefault(line, "heading")
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
