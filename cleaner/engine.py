"""The engine: one staged pipeline for dumps and pages alike.

    decode → sniff (empty, binary, page, dump) → [page: parse once → page metadata →
    rule → listing check → markup layout, else the fallback's lines] → [dump: lines →
    rule → listing check] → the text passes → fields by one precedence table → Article

Each stage is a plain function below; the rule is chosen once per document. Every
document gives an ``Article`` whose ``outcome`` says what happened; nothing raises but
``UnknownSiteError`` for a ``site`` that names no enabled rule.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Callable
from urllib.parse import urlsplit

from lxml import etree

from site_rules import SiteRule

from . import density, fallback, mainrun, markdown
from . import profile as host_profile
from .article import NO_TEXT, Article, Outcome, Provenance
from .decode import NotText, decode_bytes, looks_binary, looks_like_html, repair_mojibake
from .detect import UnknownSiteError, choose_rule
from .draft import Draft
from .fields import PAGE_METADATA, Candidate, resolve
from .html import PageMeta, block_lines, page_metadata, parse_html, tame_attributes
from .markup import extract_markup, headline_date, visible_fields
from .options import DEFAULT_OPTIONS, CleanOptions
from .passes import extract_text, guarded
from .text import ends_sentence, split_lines, visible_length, without_surrogates, word_count

__all__ = ["clean", "UnknownSiteError"]

# Addresses of search, tag, topic and index pages, on any site: they list articles and are none.
_LISTING_PATH = re.compile(
    r"/*(?:$|(?:search|cari|pencarian|tag|tags|topik|topic|indeks|index|kanal|category|kategori)(?:/|$|\?))", re.I
)
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# The query of a search at a site's root (WordPress ``?s=``, ``?q=``); any other query at the root
# names one page (WordPress' plain permalinks ``?p=1234``, ``?page_id=``), not the home page.
_ROOT_SEARCH_QUERY = re.compile(r"(?:^|&)(?:s|q|query|search|cari|keyword|tag|cat)=", re.I)


def clean(
    content: str | bytes,
    *,
    url: str | None = None,
    site: str | None = None,
    encoding: str | None = None,
    when: str | None = None,
    options: CleanOptions = DEFAULT_OPTIONS,
) -> Article:
    """Clean one document, a raw text dump or an HTML page, into an ``Article``.

    ``url`` picks the site rule by host and is copied to the article; ``site`` forces
    a rule by name (``"tempo"``, ``"generic"``, …); ``encoding`` is the charset of
    ``bytes`` where the HTTP ``Content-Type`` header gave one; ``when`` is a date known
    from outside the document (a WARC-Date, ISO 8601), which puts the layouts of that
    era first; ``options`` (see ``CleanOptions``; ``cleaner.Cleaner`` holds them for a
    run) choose the rules, the fallback, the dateline, a minimum length and the limits.

    Never raises on bad input: the article's ``outcome`` says ``refused`` (empty,
    binary, beyond the limits), ``failed`` (an internal error, or the fallback could not
    run) or ``non_article``, with the reason. The one exception, by design, is
    ``UnknownSiteError`` for a ``site`` that names no (enabled) rule.
    """
    if site is not None:
        choose_rule([], url=url, site=site, enabled=options.rules)  # an unknown ``site`` is refused before any work
    try:
        article = _clean(content, url=url, site=site, encoding=encoding, when=when, options=options)
    except (Exception, RecursionError) as error:  # noqa: BLE001 - one bad document must not take a batch down
        reason = f"internal error while cleaning: {type(error).__name__}: {error}"[:300]
        return refused(reason, url=url, site=site, options=options, outcome=Outcome.FAILED)
    if article.text and len(article.text) < options.min_text_chars:
        reason = f"text shorter than {options.min_text_chars} characters: no article"
        return replace(
            article, text="", outcome=Outcome.NON_ARTICLE, warnings=(*article.warnings, reason),
            provenance=replace(article.provenance, reason=reason),
        )
    return article


@dataclass
class Context:
    """What the stages of one document share: its address, the options, warnings so far."""

    url: str | None
    site: str | None
    options: CleanOptions
    when: date | None = None
    warnings: list[str] = field(default_factory=list)


def _clean(content: str | bytes, *, url: str | None, site: str | None, encoding: str | None, when: str | None, options: CleanOptions) -> Article:
    context = Context(url=url, site=site, options=options, when=day_of(when))
    if len(content) > options.limits.max_chars:
        return refused(f"input too large: {len(content):,} characters (limit {options.limits.max_chars:,})", context=context)
    try:
        text = decode(content, encoding, context)
    except NotText as error:
        return refused(str(error), context=context)
    kind = sniff(text)
    if kind == "empty":
        return refused("empty input", context=context)
    if kind == "binary":
        return refused("binary input: not text or HTML", context=context)
    if kind == "page":
        return clean_page(text, context)
    return clean_dump(text, context)


# -- stages --------------------------------------------------------------------------------------------


def day_of(value: str | None) -> date | None:
    """The calendar day of an ISO 8601 date or timestamp; None when there is none or it is impossible."""
    match = _ISO_DAY.match(value.strip()) if value else None
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def decode(content: str | bytes, encoding: str | None, context: Context) -> str:
    """Bytes to text (HTTP charset, UTF-8, ``<meta charset>``, detection); mojibake repaired; NULs dropped."""
    if isinstance(content, (bytes, bytearray, memoryview)):
        text, warnings = decode_bytes(bytes(content), encoding)
        context.warnings.extend(warnings)
    else:
        text = repair_mojibake(without_surrogates(content), context.warnings)
    return text.replace("\x00", "")  # NUL bytes stray into real dumps; they carry nothing



def sniff(text: str) -> str:
    """``empty``, ``binary``, ``page`` (HTML) or ``dump`` (visible text, one block a line)."""
    if not text.strip():
        return "empty"
    if looks_binary(text):
        return "binary"
    return "page" if looks_like_html(text) else "dump"


def is_listing_address(rule: SiteRule, url: str | None) -> bool:
    """A search, tag, topic or index address: shared forms, and the ones the rule declares."""
    if not url:
        return False
    try:
        parts = urlsplit(url if "://" in url else "//" + url)
    except ValueError:
        return False
    path = parts.path or "/"
    if not path.strip("/") and parts.query:  # the root with a query: a search, else one page
        return bool(_ROOT_SEARCH_QUERY.search(parts.query))
    return bool(_LISTING_PATH.match(path)) or any(pattern.match(path) for pattern in rule.listing_paths)


def path_of(url: str | None) -> str | None:
    """The path of an address; None for none or a malformed one (``http://[x/1``): a bad
    address costs its own field, never the page."""
    if not url:
        return None
    try:
        return urlsplit(url).path
    except ValueError:
        return None


def clean_dump(text: str, context: Context) -> Article:
    """A raw text dump: lines → rule → listing check → the text passes."""
    read = markdown.read(text)  # a Markdown dump (crawl4ai, Firecrawl, Jina Reader) as plain blocks, else None
    lines = read.lines if read else split_lines(text)
    context.url = context.url or (read.url if read else None)
    limit = context.options.limits.max_lines
    if len(lines) > limit:
        return refused(f"input too long: {len(lines):,} lines (limit {limit:,})", context=context)
    rule = choose_rule(lines, url=context.url, site=context.site, enabled=context.options.rules)
    if is_listing_address(rule, context.url):
        return non_article(rule, "its address is a search, tag, topic or index page", lines, context)
    linked = frozenset(read.linked) if read else frozenset()
    window = mainrun.locate(rule, lines, context.url, linked)  # a whole page's text: the article's window
    draft = passes_with_profile(rule, window.lines, context, window.protect)
    mainrun.settle(window, draft)
    outcome = Outcome.NON_ARTICLE if draft.non_article else None
    candidates = {"text": Candidate(draft, f"{rule.name} text rules: the meta lines")}
    if read:
        read.annotate(draft)
        candidates["page"] = Candidate(read, "markdown")
    return build(rule, draft, candidates, context, Provenance("rule", rule.name, draft.layout), outcome=outcome)


def passes_with_profile(rule: SiteRule, lines: list[str], context: Context, protect: frozenset[str] = frozenset()) -> Draft:
    """The text passes; with a host profile, its recurring blocks taken out before them
    (``cleaner.profile``), never a line of the article's run (``protect``, ``cleaner.mainrun``)."""
    if context.options.profile is None:
        return extract_text(rule, lines, context.when, protect)
    return host_profile.extract(context.options.profile, context.url, rule, lines, context.when, protect)


def clean_page(html: str, context: Context) -> Article:
    """An HTML page: parse once → page metadata → rule → listing check → layout or fallback."""
    limits = context.options.limits
    html, flooded = tame_attributes(html, limits)
    if flooded:
        context.warnings.append(f"attribute flood: the attributes of {flooded:,} element(s) were dropped (Limits.max_attributes)")
    tree = parse_html(html)
    if tree is None:
        return refused("unparseable HTML", context=context)
    elements = int(tree.xpath("count(//*)"))
    if elements > limits.max_elements:
        return refused(f"page too large: {elements:,} elements (limit {limits.max_elements:,})", context=context)
    meta = page_metadata(tree)
    context.warnings.extend(meta.warnings)
    canonical = meta.canonical if (path_of(meta.canonical) or "").strip("/") else None
    if meta.canonical and path_of(meta.canonical) is None:
        context.warnings.append("malformed canonical address ignored")
    context.url = context.url or canonical  # a canonical pointing at the home page is not the article's address
    context.when = context.when or day_of(meta.published)
    body_lines = functools.cache(lambda: block_lines(tree.xpath("//body")))  # read once, for two stages
    rule = page_rule(context, body_lines)
    if meta.is_listing:
        return non_article(rule, ", ".join(meta.types[:3]), [], context)
    if not meta.is_article and is_listing_address(rule, context.url):  # what the page declares beats its address's shape
        return non_article(rule, "its address is a search, tag, topic or index page", [], context)
    page = Candidate(meta, PAGE_METADATA)
    shown = extract_markup(rule, tree, context.when) if context.options.markup_layouts else None
    paywalled = meta.accessible_for_free is False
    if shown is not None and shown.paragraphs:
        if context.options.profile is not None:
            host_profile.filter_paragraphs(context.options.profile, context.url, rule, shown)
        candidates = {"markup": Candidate(shown, f"markup: {rule.name} layout {shown.layout}"), "page": page}
        return build(rule, shown, candidates, context, Provenance("rule", rule.name, shown.layout), paywalled=paywalled)
    if shown is not None:
        reason = f"{rule.name} layout {shown.layout} found no body"
    elif not context.options.markup_layouts:
        reason = "markup layouts off"
    else:
        reason = f"no {rule.name} markup layout matched" if rule.html_layouts else f"no markup rules for {rule.name}"
    header = shown or Draft()
    if shown is None and is_link_page(tree, body_lines):
        return non_article(rule, "a page of links with no prose", [], context)
    if not context.options.fallback:
        header.paragraphs = []
        context.warnings.append(f"{reason}, and the fallback is off: no article text")
        provenance = Provenance("rule", rule.name, header.layout, reason + "; fallback off")
        return build(rule, header, {"markup": Candidate(header, "markup"), "page": page}, context, provenance, paywalled=paywalled)
    # What the page shows by common conventions, where no layout read its header (before the
    # fallback trims the tree: breadcrumbs and bylines often sit in what it cuts).
    visible = visible_fields(rule, tree, meta.title) if shown is None else Draft()
    shown_date = Draft(published=guarded(visible, "page conventions: headline date", lambda: headline_date(tree, meta.title), None))
    read = fallback_lines(tree, elements, context)
    if read.why is not None:  # the fallback could not run: loud, never an empty article that looks clean
        return refused(read.why, context=context, rule=rule, outcome=Outcome.FAILED)
    if len(read.lines) > limits.max_lines:
        return refused(f"page too long: {len(read.lines):,} text blocks (limit {limits.max_lines:,})", context=context)
    if read.extractor == "blocks":
        reason += "; page too large for trafilatura, plain block text"
    draft = passes_with_profile(rule, read.lines, context)
    candidates = {
        "markup": Candidate(header, f"markup: {rule.name} layout {header.layout}", own_sources=False),
        "headline": Candidate(shown_date, "page conventions: the date line by the headline"),
        "visible": Candidate(visible, "page conventions"),
        "page": page,
        "trafilatura": Candidate(read.found, "trafilatura"),
        "extracted": Candidate(draft, f"{rule.name} text rules on the {read.extractor} text", own_sources=False),
    }
    outcome = Outcome.NON_ARTICLE if draft.non_article else None
    provenance = Provenance("fallback", read.extractor, None, reason)
    return build(rule, draft, candidates, context, provenance, paywalled=paywalled or header.paywalled, outcome=outcome)


def is_link_page(tree: Any, body_lines: Callable[[], list[str]]) -> bool:
    """A page of links (an index, a menu) by strong evidence: no sentence of prose outside
    its links, and four fifths of its visible text is link text. ``body_lines`` gives the
    body's block lines, read once for this and the rule."""
    bodies = tree.xpath("//body")
    # A quick bound first, in C as far as it goes: the page's text less its scripts, and an
    # upper bound of its link text (each text node of a link, plus the space that may join
    # it to the next). Block text is a little shorter than the page's (no spaces between
    # blocks), so only a clear majority of prose settles it.
    link_bound = sum(visible_length(text) + 1 for text in _LINK_TEXT(tree))
    rough = sum(visible_length(body.text_content()) for body in bodies)
    rough -= sum(len(e.text or "") for body in bodies for e in body.iter("script", "style", "noscript", "template"))
    if link_bound * 5 < rough * 4 * 0.85:
        return False
    link_texts = [" ".join(a.text_content().split()) for a in tree.iter("a")]
    linked = sum(len(text) for text in link_texts)
    lines = body_lines()
    total = sum(len(line) for line in lines)
    if total == 0:
        return False
    if linked * 5 < total * 4:
        return False
    linked_texts = set(link_texts)
    return not any(word_count(line) >= 12 and ends_sentence(line) and line not in linked_texts for line in lines)


_LINK_TEXT = etree.XPath("//a//text()", smart_strings=False)


def page_rule(context: Context, body_lines: Callable[[], list[str]]) -> SiteRule:
    """The rule of a page: ``site``, else its address (given, canonical), else its visible text."""
    if context.url or context.site:
        return choose_rule([], url=context.url, site=context.site, enabled=context.options.rules)
    return choose_rule(body_lines(), enabled=context.options.rules)


@dataclass
class Fallback:
    """What the fallback read of a page: its lines, trafilatura's metadata, which extractor ran."""

    lines: list[str]
    found: PageMeta
    extractor: str
    #: Why the fallback could not run (trafilatura missing): the page is ``failed``, loudly.
    why: str | None = None


def fallback_lines(tree: Any, elements: int, context: Context) -> Fallback:
    """The page's text where no layout read it: plain blocks for a page too large for any
    extractor; the one container that plainly holds the prose (``density``); else trafilatura.
    A missing trafilatura fails the page even where it was not needed: a broken install is loud."""
    unavailable = fallback.available()
    if unavailable is not None:
        return Fallback([], PageMeta(), "trafilatura", f"the fallback cannot run: trafilatura cannot be imported: {unavailable}"[:300])
    fallback.trim(tree)
    if elements > context.options.limits.max_fallback_elements:
        # trafilatura's time grows with the element count; a page this large gets plain blocks.
        context.warnings.append(f"page too large for trafilatura ({elements:,} elements); plain block text used")
        return Fallback(block_lines(tree.xpath("//body")), PageMeta(), "blocks")
    try:
        plain = density.main_lines(tree)
    except Exception as error:  # noqa: BLE001 - trafilatura decides where the plain reading fails
        context.warnings.append(f"main-content reading failed: {type(error).__name__}")
        plain = None
    if plain is not None:  # one container plainly holds the article (its sections read with it)
        return Fallback(plain, PageMeta(), "density")
    try:
        text, found = fallback.extract(tree, context.url)
    except fallback.FallbackUnavailable as error:
        return Fallback([], PageMeta(), "trafilatura", f"the fallback cannot run: {error}"[:300])
    except Exception as error:  # noqa: BLE001 - a parser failure yields an empty article, never a crash
        context.warnings.append(f"HTML extraction failed: {type(error).__name__}")
        return Fallback([], PageMeta(), "trafilatura")
    lines = split_lines(text)
    try:
        lines += density.continuation(tree, text)
    except Exception as error:  # noqa: BLE001 - the sections beyond never cost what trafilatura kept
        context.warnings.append(f"continued sections unreadable: {type(error).__name__}")
    return Fallback(lines, found, "trafilatura")


# -- records -------------------------------------------------------------------------------------------


def build(
    rule: SiteRule,
    body: Draft,
    candidates: dict[str, Candidate],
    context: Context,
    provenance: Provenance,
    *,
    outcome: Outcome | None = None,
    paywalled: bool = False,
) -> Article:
    """Freeze a document into an ``Article``: fields by the precedence table, text from ``body``."""
    fields = Draft()
    resolve(candidates, fields)
    paragraphs = list(body.paragraphs)
    if context.options.keep_dateline and body.dateline_prefix and paragraphs:
        paragraphs[0] = body.dateline_prefix + paragraphs[0]
    text = "\n\n".join(paragraphs)
    warnings = [*context.warnings, *body.warnings]
    if outcome is None:
        outcome = Outcome.ARTICLE if text else Outcome.NON_ARTICLE
    if outcome is not Outcome.ARTICLE and provenance.reason is None:
        reason = f"non-article page: {body.non_article}" if body.non_article else None
        provenance = replace(provenance, reason=reason or NO_TEXT)
    return Article(
        site=rule.name if rule.site_field and rule.name != "generic" else None,
        url=context.url or None,
        title=fields.title,
        description=fields.description,
        authors=tuple(fields.authors),
        editors=tuple(fields.editors),
        published=fields.published,
        updated=fields.updated,
        dateline=fields.dateline,
        category=fields.category,
        tags=tuple(fields.tags),
        text=text,
        provenance=provenance,
        warnings=tuple(warnings),
        outcome=outcome,
        paywalled=paywalled or body.paywalled or any(c.fields.paywalled for c in candidates.values() if isinstance(c.fields, Draft)),
        decisions=tuple(body.decisions),
        structure=tuple((i, body.kinds[p]) for i, p in enumerate(paragraphs) if p in body.kinds) if body.kinds else (),
        sources=tuple((name, where) for name, where in fields.sources.items() if getattr(fields, name, None)),
    )


def non_article(rule: SiteRule, what: str, lines: list[str], context: Context) -> Article:
    """A listing page: no article text, the outcome and the reason said."""
    draft = Draft(warnings=[f"non-article page: {what}"], non_article=what)
    for line in lines:
        draft.note(line, "drop", "shared.listing_page")
    provenance = Provenance("rule", rule.name, None, f"listing page, no article: {what}")
    return build(rule, draft, {}, context, provenance, outcome=Outcome.NON_ARTICLE)


def refused(
    reason: str,
    *,
    context: Context | None = None,
    url: str | None = None,
    site: str | None = None,
    options: CleanOptions = DEFAULT_OPTIONS,
    rule: SiteRule | None = None,
    outcome: Outcome = Outcome.REFUSED,
) -> Article:
    """An article with no text for input the cleaner will not or cannot read, saying why."""
    context = context or Context(url=url, site=site, options=options)
    if rule is None:
        try:
            rule = choose_rule([], url=context.url, site=context.site, enabled=context.options.rules)
        except UnknownSiteError:
            rule = choose_rule([], url=context.url)  # a site disabled by the options: still say which host
    draft = Draft(warnings=[reason])
    return build(rule, draft, {}, context, Provenance("fallback", "none", None, reason), outcome=outcome)
