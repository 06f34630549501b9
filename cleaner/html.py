"""HTML pages: a safe parse, the page's own metadata, and its blocks as text lines.

* ``parse_html`` never touches the network or the file system (lxml's HTML parser
  with ``no_network``; no DTD, no external entities) and never raises.
* ``page_metadata`` reads JSON-LD (NewsArticle and kin), OpenGraph, ``article:*``
  and plain ``<meta>`` tags, and the canonical link.
* ``block_lines`` turns an article container into one line per block element
  (``p``, ``h2``…, ``li``, ``blockquote``, a table row, or a run of text between
  ``<br>`` breaks), the GUIDE's paragraph for HTML, so the same text passes that
  clean dumps clean markup too.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Collection, Iterable, TypeVar

import lxml.html
from lxml import etree

from .dates import parse_datetime
from .names import merge_names, split_names
from .text import normalize_line

_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol blockquote section article table thead tbody tr pre header footer "
    "dd dt dl center main aside nav figure figcaption address hr".split()
)
_SKIP_TAGS = frozenset("script style noscript iframe form button svg select textarea template object embed video audio canvas map".split())
T = TypeVar("T")
_CELL_TAGS = frozenset(("td", "th"))
_ARTICLE_TYPES = frozenset(
    ("NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BlogPosting", "LiveBlogPosting", "ReviewNewsArticle")
)
_NOT_PERSON_TYPES = frozenset(("Organization", "NewsMediaOrganization", "Corporation", "WebSite", "Brand"))
_LISTING_TYPES = frozenset(("SearchResultsPage", "CollectionPage", "ItemList", "WebSite"))


# A start tag long enough to hold an attribute flood (checked before counting its attributes).
_LONG_TAG = re.compile(r"<([A-Za-z][\w:-]{0,40})(\s[^<>]{4000,})>")
# Its quick necessary condition: a tag opening followed by 4,000 characters that close nothing.
_LONG_TAG_START = re.compile(r"<[A-Za-z][^<>]{4000}")
_ANY_TAG = re.compile(r"<([A-Za-z][\w:-]{0,40})(\s[^<>]*)>")


def tame_attributes(html: str, limits: Any) -> tuple[str, int]:
    """``html`` with attribute floods removed, before the parser meets them.

    The parser's time grows with the square of one element's attribute count (10,000
    take a second, 40,000 twelve). An element with more than ``limits.max_attributes``
    loses its attributes; on a page with more than ``limits.max_attributes_total`` in
    all, so does every element with more than ``limits.crowded_attributes``. Linear;
    returns the page and how many tags were rewritten.
    """
    if len(html) < 4000:
        return html, 0
    crowded = html.count("=") > limits.max_attributes_total  # an upper bound on the attributes, counted in C
    if not crowded and not _LONG_TAG_START.search(html):
        return html, 0
    threshold = limits.crowded_attributes if crowded else limits.max_attributes
    rewritten = 0

    def bare(match: re.Match[str]) -> str:
        nonlocal rewritten
        if match.group(2).count("=") <= threshold:
            return match.group(0)
        rewritten += 1
        return f"<{match.group(1)}>"

    return (_ANY_TAG if crowded else _LONG_TAG).sub(bare, html), rewritten


_ELEMENT_CLASSES = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity
)


def parse_html(html: str | bytes) -> Any | None:
    """The document tree, or None when nothing parseable is there. Inert: no network, no files."""
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True, huge_tree=False, default_doctype=False
    )
    # Every element an ``HtmlElement`` (``text_content``, ``drop_tree``; what trafilatura
    # accepts), chosen in C: lxml.html's own lookup, per tag in Python, costs a call for
    # every element any stage touches (a tenth of a page's time), for form and input
    # classes nothing here uses.
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError, TypeError):
        return None
    return tree


@dataclass(frozen=True)
class PageMeta:
    """What the page says of itself in its head (JSON-LD first, then meta tags).

    Field names follow ``Article`` where the value can stand in for a displayed one
    (``authors``, ``editors``, ``category``, ``tags``): ``fields.PRECEDENCE`` reads them
    by name, after what the page shows.
    """

    title: str | None = None
    description: str | None = None
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None
    #: The section the page declares (``article:section``, a CMS's own name, JSON-LD).
    category: str | None = None
    #: Topic tags the page declares (``article:tag``, ``news_keywords``, a CMS's tag list,
    #: JSON-LD ``keywords``); plain ``<meta name="keywords">`` is kept apart in ``keywords``,
    #: since many outlets fill it with search terms (ANTARA: ``berita terkini, ...``).
    tags: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    canonical: str | None = None
    types: tuple[str, ...] = ()
    #: JSON-LD ``isAccessibleForFree`` (False: the article is behind a paywall), where given.
    accessible_for_free: bool | None = None
    #: Fields that were present but unreadable, and why.
    warnings: tuple[str, ...] = ()

    @property
    def is_listing(self) -> bool:
        """A search, index or section page: it declares a listing type and no article."""
        return bool(set(self.types) & _LISTING_TYPES) and not set(self.types) & _ARTICLE_TYPES

    @property
    def is_article(self) -> bool:
        """The page declares itself an article (JSON-LD ``NewsArticle`` and kin)."""
        return bool(set(self.types) & _ARTICLE_TYPES)


#: The standard ``<meta>`` names (lower case) per field, most specific first. The names of
#: publishers' own systems (Kompas' ``content_*``, detik's ``dtk:*``, KLY's
#: ``article:section3``) are declared by the rules that own them (``SiteRule.head_meta``,
#: each with the standard name it outranks) and merged in by ``head_names``; the head is
#: read before a rule is chosen, so every rule's names apply to every page. ``author`` is
#: read last, and only a person's name counts (outlets put their own name there).
STANDARD_HEAD_NAMES: dict[str, tuple[str, ...]] = {
    "authors": ("article:author", "author"),
    "editors": (),
    "published": ("article:published_time", "pubdate", "datepublished", "dc.date.issued", "date"),
    "updated": ("article:modified_time", "datemodified"),
    "category": ("article:section",),
    "tags": ("news_keywords",),
}


@lru_cache(maxsize=8)
def head_names(declared: tuple[tuple[str, str, "str | None"], ...]) -> dict[str, tuple[str, ...]]:
    """Per field, the standard names with the rules' own (``(field, name, outranks)``) merged in:
    each right before the standard name it outranks, or after them all (``outranks`` None)."""
    names = {field: list(standard) for field, standard in STANDARD_HEAD_NAMES.items()}
    for field, name, outranks in declared:
        order = names.setdefault(field, [])
        if name in order:
            continue
        order.insert(order.index(outranks) if outranks in order else len(order), name)
    return {field: tuple(order) for field, order in names.items()}


def _declared_head_names() -> tuple[tuple[str, str, "str | None"], ...]:
    from site_rules import registry  # the rules' declarations; imported late, the head reader is below the rules

    return registry().head_meta


#: What an outlet, not a person, puts in a head's author field.
_NOT_A_PERSON = re.compile(
    r"(?i)\.(?:com|co|id|net|org)\b|^https?:|\bwww\.|\b(?:media|network|group|cyber|redaksi|admin|desk|newsroom|biro)\b|^tim\b|^pt\b"
)


def _head_names(value: Any, site_name: str | None) -> list[str]:
    """Person names from a head field: a CMS suffix (``Name - detikNews``) cut, outlets dropped."""
    if not isinstance(value, str):
        return _names(value)
    head, dash, suffix = value.rpartition(" - ")  # meta values come with their blanks collapsed
    if dash and head.strip() and suffix.strip() and " " not in suffix.strip():
        value = head
    names = split_names(value)
    site = (site_name or "").casefold()
    return [name for name in names if not _NOT_A_PERSON.search(name) and not (site and (name.casefold() in site or site in name.casefold()))]


def _list(value: Any) -> list[str]:
    """A JSON-LD or meta list of labels: ``"a, b"`` or ``["a", "b"]``."""
    items = value.split(",") if isinstance(value, str) else [v for v in value[:50] if isinstance(v, str)] if isinstance(value, list) else []
    found: list[str] = []
    for item in items:
        label = normalize_line(item)
        if label and label not in found:
            found.append(label)
    return found


def minute_iso(value: str | None) -> str | None:
    """``2020-06-26T13:58:07+07:00`` as displayed on the page: ``2020-06-26T13:58:00+07:00``."""
    if not value:
        return None
    match = re.match(r"(\d{4}[-/]\d{2}[-/]\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?", value.strip())
    if not match:
        return parse_datetime(value)
    day, hour, minute, zone = match.groups()
    day = day.replace("/", "-")  # detik's ``2023/05/17 10:24:01``
    try:  # an impossible date ("2024-02-30", "25:61") is no date
        datetime.fromisoformat(f"{day}T{hour or '00'}:{minute or '00'}")
    except ValueError:
        return None
    if hour is None:
        return day
    if zone is None:
        return f"{day}T{hour}:{minute}:00+07:00"  # no zone: WIB, as the GUIDE reads a bare time
    zone = "+00:00" if zone == "Z" else zone if ":" in zone else f"{zone[:3]}:{zone[3:]}"
    if zone in ("+00:00", "-00:00"):
        # A UTC timestamp in the head; the page displays it in WIB.
        shown = datetime.fromisoformat(f"{day}T{hour}:{minute}:00+00:00").astimezone(timezone(timedelta(hours=7)))
        return shown.isoformat()
    return f"{day}T{hour}:{minute}:00{zone}"


def _json_ld_objects(tree: Any) -> Iterable[dict[str, Any]]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item[:50]))
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"][:50]))


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return split_names(value)
    if isinstance(value, dict):
        # An Organization credited as author is the outlet, not a writer (the GUIDE's persons only).
        return [] if set(_types(value)) & _NOT_PERSON_TYPES else _names(value.get("name"))
    if isinstance(value, list):
        return merge_names(*(_names(v) for v in value[:20]))
    return []


def _types(item: dict[str, Any]) -> list[str]:
    value = item.get("@type")
    return [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _read(warnings: list[str], name: str, read: Callable[[], T], default: T) -> T:
    """One field of the page's head: a malformed value leaves that field empty and says why."""
    try:
        return read()
    except Exception as error:  # noqa: BLE001 - one bad field never costs the text or another field
        warnings.append(f"page metadata: {name} unreadable ({type(error).__name__}: {error})"[:200])
        return default


def _date(warnings: list[str], name: str, *values: Any) -> str | None:
    """The first readable date among ``values``; an impossible one (``2024-02-30``) is said, not used."""
    for value in values:
        if isinstance(value, str) and value.strip():
            iso = minute_iso(value)
            if iso:
                return iso
            warnings.append(f"page metadata: {name} {value.strip()[:40]!r} is not a valid date")
    return None


def page_metadata(tree: Any, declared: tuple[tuple[str, str, "str | None"], ...] | None = None) -> PageMeta:
    """Read JSON-LD, OpenGraph / ``article:*`` and ``<meta>`` fields of a page, each field on its own.

    ``declared``: the rules' own meta names (``SiteRule.head_meta``); every rule's by default.
    """
    HEAD_NAMES = head_names(_declared_head_names() if declared is None else declared)  # noqa: N806 - read like the constant it was
    warnings: list[str] = []
    meta: dict[str, str] = {}
    for element in tree.xpath("//meta[@content]"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        if key and key not in meta:
            # Blanks of every kind collapsed before any pattern reads the value (no quadratic runs).
            meta[key] = " ".join((element.get("content") or "").split())
    types: list[str] = []
    article: dict[str, Any] = {}
    breadcrumbs: list[dict[str, Any]] = []
    for item in _json_ld_objects(tree):
        item_types = _types(item)
        types.extend(item_types)
        if not article and set(item_types) & _ARTICLE_TYPES:
            article = item
        if "BreadcrumbList" in item_types:
            breadcrumbs.append(item)
    # The page's own address: its canonical link, else OpenGraph's or Twitter's (older pages carry only those).
    canonical = next(iter(tree.xpath('//link[@rel="canonical"]/@href')), None) or meta.get("og:url") or meta.get("twitter:url")

    def title() -> str | None:
        value = article.get("headline") if isinstance(article.get("headline"), str) else None
        value = value or meta.get("og:title") or meta.get("twitter:title")
        names = site_names(canonical if isinstance(canonical, str) else None, meta.get("og:site_name"))
        return strip_site_name(normalize_line(value), names) if value else None

    def first(field: str) -> str | None:
        return next((meta[name] for name in HEAD_NAMES[field] if meta.get(name, "").strip()), None)

    def authors() -> tuple[str, ...]:
        found = _names(article.get("author"))
        if not found:  # the head's names, most specific first: the first that holds a person
            site = meta.get("og:site_name")
            found = next((n for n in (_head_names(meta.get(name), site) for name in HEAD_NAMES["authors"]) if n), [])
        return tuple(found)

    def editors() -> tuple[str, ...]:
        found = _names(article.get("editor"))
        return tuple(found or _head_names(first("editors"), meta.get("og:site_name")))

    def category() -> str | None:
        value = first("category")
        if not value:
            section = article.get("articleSection")
            value = section if isinstance(section, str) else next(iter(_list(section)[-1:]), None)
        return normalize_line(value) if value else crumb()

    def crumb() -> str | None:
        """The section a JSON-LD breadcrumb names."""
        headline = article.get("headline")
        for item in breadcrumbs:
            elements = item.get("itemListElement")
            section = crumb_section([_crumb_name(e) for e in elements[:20]] if isinstance(elements, list) else [], headline)
            if section:
                return section
        return None

    def tags() -> tuple[str, ...]:
        declared = [element.get("content") or "" for element in tree.xpath('//meta[@property="article:tag"][@content]')[:50]]
        found = [label for value in declared for label in _list(value)]
        return tuple(dict.fromkeys(found or _list(first("tags")) or _list(article.get("keywords"))))

    def free() -> bool | None:
        value = article.get("isAccessibleForFree")
        if isinstance(value, str):
            value = {"true": True, "false": False}.get(value.strip().lower())
        return value if isinstance(value, bool) else None

    return PageMeta(
        title=_read(warnings, "title", title, None),
        description=_read(warnings, "description", lambda: normalize_line(meta.get("og:description") or meta.get("description") or "") or None, None),
        authors=_read(warnings, "authors", authors, ()),
        editors=_read(warnings, "editors", editors, ()),
        published=_read(warnings, "published", lambda: _date(
            warnings, "published", article.get("datePublished"), *(meta.get(name) for name in HEAD_NAMES["published"])
        ), None),
        updated=_read(warnings, "updated", lambda: _date(
            warnings, "updated", article.get("dateModified"), *(meta.get(name) for name in HEAD_NAMES["updated"])
        ), None),
        category=_read(warnings, "category", category, None),
        tags=_read(warnings, "tags", tags, ()),
        keywords=_read(warnings, "keywords", lambda: tuple(_list(meta.get("keywords"))), ()),
        canonical=canonical.strip() if isinstance(canonical, str) and canonical.strip() else None,
        types=tuple(types),
        accessible_for_free=_read(warnings, "isAccessibleForFree", free, None),
        warnings=tuple(warnings),
    )


#: Where a site's name is joined to a title: `` - ``, `` | ``, `` – ``, `` :: ``, or a colon after it.
_TITLE_TAIL = re.compile(r"(?P<head>.+?)\s+(?:[-|–—•]|::?)\s+(?P<site>[^|–—:]{2,50})")
_TITLE_HEAD = re.compile(r"(?P<site>[^|–—:]{2,50}?)(?:\s+(?:[-|–—•]|::)\s+|:\s+)(?P<head>.+)")
_HOST_LABEL = re.compile(r"^(?:https?://)?(?:[\w-]+\.)*?(?P<label>[\w-]{3,})\.(?:co\.id|or\.id|ac\.id|go\.id|web\.id|my\.id|[a-z]{2,6})(?:[:/]|$)")


def site_names(url: str | None, site_name: str | None) -> tuple[str, ...]:
    """The names a site calls itself, compacted (``kompas``, ``republikaonline``): the
    registered label of its address and its ``og:site_name``."""
    names: list[str] = []
    match = _HOST_LABEL.match((url or "").strip().casefold())
    if match:
        names.append(match.group("label").replace("-", ""))
    if site_name and len(site_name.split()) <= 4 and not site_name.startswith("http"):
        names.append(_compact(site_name))
    return tuple(name for name in names if len(name) >= 3)


def _compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _names_site(segment: str, names: tuple[str, ...]) -> bool:
    compact = _compact(segment)
    # The name, with at most a channel beside it ("Kompas.com Regional", "Okezone News"): a
    # clause that merely mentions the outlet ("Kompas Minta Warga Waspada") is the title's.
    return len(segment.split()) <= 4 and len(compact) >= 3 and any(
        (name in compact and len(compact) - len(name) <= 12) or compact in name for name in names
    )


def strip_site_name(title: str, names: tuple[str, ...]) -> str:
    """``title`` without the site's name, whichever side it stands and whatever separator
    (``… - Kompas.com``, ``… | merdeka.com``, ``KapanLagi.com: …``, ``… :: Okezone News``)."""
    if not names:
        return title
    for _ in range(2):  # a name on each side at most
        tail = _TITLE_TAIL.fullmatch(title)
        if tail and _names_site(tail.group("site"), names):
            title = tail.group("head").strip()
            continue
        head = _TITLE_HEAD.fullmatch(title)
        if head and _names_site(head.group("site"), names) and len(head.group("head").split()) >= 3:
            title = head.group("head").strip()
            continue
        break
    return title


def crumb_section(items: Iterable[str | None], title: Any) -> str | None:
    """The section a breadcrumb names (the GUIDE's label): its last item that is not the
    home page nor the article itself, when that is a label of at most four words."""
    names = [item for item in items if item and item != title and item.casefold() not in ("home", "beranda")]
    if names and names[-1].casefold() in _CRUMB_PLACEHOLDERS:
        return None  # "detikNews / Berita / Detail Berita": the last item stands for the article itself
    return names[-1] if names and len(names[-1].split()) <= 4 else None


#: A breadcrumb's last item standing for the article page, not a section.
_CRUMB_PLACEHOLDERS = frozenset(("detail berita", "detail", "berita detail", "baca berita", "read", "artikel", "detail artikel"))


def _crumb_name(element: Any) -> str | None:
    """A ``ListItem``'s label: its ``name``, or its ``item``'s."""
    if not isinstance(element, dict):
        return None
    name = element.get("name")
    item = element.get("item")
    if not isinstance(name, str) and isinstance(item, dict):
        name = item.get("name")
    return normalize_line(name) if isinstance(name, str) else None


#: The kind of a block, for output formats that keep structure (Markdown).
_KINDS = {"h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading", "li": "item", "blockquote": "quote"}


def block_lines(
    containers: Iterable[Any], skip: Collection[Any] = frozenset(), kinds: dict[str, str] | None = None
) -> list[str]:
    """The text of ``containers`` as lines: one per block element or ``<br>``-separated run.

    Elements in ``skip`` (a layout's removed junk) are passed over, their tails kept.
    ``kinds`` collects the lines that are sub-headings, list items or quotations.
    """
    lines: list[str] = []
    buffer: list[str] = []
    inside: list[str] = []  # the kinds of the open block elements

    def flush() -> None:
        if buffer:
            line = normalize_line(" ".join("".join(buffer).splitlines()))
            buffer.clear()
            if line:
                lines.append(line)
                if kinds is not None and inside:
                    kinds.setdefault(line, inside[-1])

    def walk(element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP_TAGS or not tag or (skip and element in skip):
            pass
        elif tag == "br":
            flush()
        elif tag == "tr":
            flush()
            cells = [element_text(cell) for cell in element if isinstance(cell.tag, str) and cell.tag in _CELL_TAGS]
            if any(cells):
                lines.append(" | ".join(cells) + " |")
        elif tag in _BLOCK_TAGS:
            flush()
            kind = _KINDS.get(tag)
            if kind:
                inside.append(kind)
            if element.text:
                buffer.append(element.text)
            for child in element:
                walk(child)
            flush()
            if kind:
                inside.pop()
        else:
            if element.text:
                buffer.append(element.text)
            for child in element:
                walk(child)
        if element.tail:
            buffer.append(element.tail)

    for container in containers:
        if container.text:
            buffer.append(container.text)
        for child in container:
            walk(child)
        flush()
    return lines


def element_text(element: Any) -> str:
    """The normalized text of an element (or of a string XPath result), on one line."""
    raw = element if isinstance(element, str) else element.text_content()
    return normalize_line(" ".join(raw.splitlines()))
