"""HTML pages: the site rule's markup layout, else trafilatura, then the text passes.

1. Parse (inert), read the page's own metadata (JSON-LD, OpenGraph, meta).
2. The rule is chosen by ``site=``, else the URL or the page's canonical URL, else
   the signatures in the page's visible text.
3. A listing page (search results, index) has no article: empty text and a warning.
4. The rule's markup layout selects the article blocks; if no layout matches (an
   unknown site, a new layout) trafilatura extracts the text, and the rule's text
   passes clean it. Provenance says which path ran and why.
5. Fields the markup did not show are filled from the page metadata.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from site_rules import Draft, SiteRule

from .article import Article, Provenance
from .detect import choose_rule
from .options import CleanOptions
from .html import PageMeta, block_lines, minute_iso, page_metadata, parse_html
from .text import split_lines


# Addresses of search, tag, topic and index pages, which list articles and are none.
_LISTING_PATH = re.compile(
    r"/*(?:$|(?:search|cari|pencarian|tag|tags|topik|topic|indeks|index|kanal|category|kategori)(?:/|$|\?))", re.I
)


def _trafilatura(html: str, url: str | None) -> tuple[str, PageMeta]:
    """trafilatura's main text and the metadata it finds (title, date, authors).

    No ``target_language``: it is a filter, and it would drop the English edition of
    ANTARA; the Indonesian knowledge lives in the rule's text passes that follow.
    """
    import trafilatura

    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, favor_precision=True)
    if document is None:
        return "", PageMeta()
    get = document.get if isinstance(document, dict) else lambda key: getattr(document, key, None)
    authors = tuple(a.strip() for a in (get("author") or "").split(";") if a.strip())
    return get("text") or "", PageMeta(title=get("title"), published=minute_iso(get("date")), authors=authors)


PAGE_METADATA = "page metadata: JSON-LD / OpenGraph / meta"


def _fill_from_page(draft: Draft, meta: PageMeta) -> None:
    """Page metadata fills what the visible markup did not show."""
    draft.title = draft.title or meta.title
    draft.published = draft.published or meta.published
    # `updated` stays what the page displays: a modified time only in the head is not shown.
    if not draft.authors:
        draft.authors = list(meta.authors)
    draft.mark_sources(PAGE_METADATA)


def clean_html(html: str, *, url: str | None, site: str | None, warnings: list[str], options: CleanOptions) -> Article:
    """The article of an HTML page (steps in the module docstring)."""
    from .engine import article_from_draft, refused

    limits = options.limits
    tree = parse_html(html)
    if tree is None:
        rule = choose_rule([], url=url, site=site, enabled=options.rules)
        draft = Draft(warnings=["HTML could not be parsed"])
        return article_from_draft(draft, rule, url=url, warnings=warnings, provenance=Provenance("fallback", "none", None, "unparseable HTML"))
    elements = int(tree.xpath("count(//*)"))
    if elements > limits.max_elements:
        return refused(f"page too large: {elements:,} elements (limit {limits.max_elements:,})", url=url, site=site, warnings=warnings)
    meta = page_metadata(tree)
    canonical = meta.canonical if meta.canonical and urlsplit(meta.canonical).path.strip("/") else None
    url = url or canonical  # a canonical pointing at the home page is not the article's address
    if url or site:
        rule: SiteRule = choose_rule([], url=url, site=site, enabled=options.rules)
    else:  # no address at all: the page's visible text carries the site's signatures
        rule = choose_rule(block_lines(tree.xpath("//body")), enabled=options.rules)
    listing_address = bool(url and _LISTING_PATH.match(urlsplit(url).path or "/"))
    if meta.is_listing or listing_address:
        what = ", ".join(meta.types[:3]) if meta.is_listing else "its address is a search, tag or index page"
        draft = Draft(warnings=[f"non-article page: {what}"])
        provenance = Provenance("rule", rule.name, None, "listing page, no article")
        return article_from_draft(draft, rule, url=url, warnings=warnings, provenance=provenance, keep_dateline=options.keep_dateline)
    draft = rule.extract_html(tree)
    if draft is not None and draft.paragraphs:
        provenance = Provenance("rule", rule.name, draft.layout)
        _fill_from_page(draft, meta)
    else:
        if draft is not None:
            reason = f"{rule.name} layout {draft.layout} found no body"
        else:
            reason = f"no {rule.name} markup layout matched" if rule.html_layouts else f"no markup rules for {rule.name}"
        shown = draft
        if not options.fallback:
            draft = shown or Draft()
            draft.paragraphs = []
            draft.warnings.append(f"{reason}, and the fallback is off: no article text")
            provenance = Provenance("rule", rule.name, draft.layout, reason + "; fallback off")
            return article_from_draft(draft, rule, url=url, warnings=warnings, provenance=provenance, keep_dateline=options.keep_dateline)
        if elements > limits.max_fallback_elements:
            # trafilatura's time grows with the element count; a page this large gets plain blocks.
            lines, found = block_lines(tree.xpath("//body")), PageMeta()
            warnings = [*warnings, f"page too large for trafilatura ({elements:,} elements); plain block text used"]
            reason += "; page too large for trafilatura, plain block text"
        else:
            try:
                text, found = _trafilatura(html, url)
            except Exception as error:  # noqa: BLE001 - a parser failure yields an empty article, never a crash
                text, found = "", PageMeta()
                warnings = [*warnings, f"HTML extraction failed: {type(error).__name__}"]
            lines = split_lines(text)
        if len(lines) > limits.max_lines:
            return refused(f"page too long: {len(lines):,} text blocks (limit {limits.max_lines:,})", url=url, site=site, warnings=warnings)
        draft = rule.extract(lines)
        # Header fields: what the layout showed, then the page's head, then trafilatura's
        # guesses; a "title" or "deck" parsed from the extracted text comes last or not at all.
        header = shown or Draft()
        text_fields = {name: getattr(draft, name) for name in Draft.META_FIELDS}
        for name, candidates in {
            "title": [(header.title, "markup"), (meta.title, PAGE_METADATA), (found.title, "trafilatura"), (text_fields["title"], "text")],
            "description": [(header.description, "markup")],
            "published": [(header.published, "markup"), (meta.published, PAGE_METADATA), (found.published, "trafilatura"), (text_fields["published"], "text")],
            "updated": [(header.updated, "markup"), (text_fields["updated"], "text")],
            "category": [(header.category, "markup"), (text_fields["category"], "text")],
            "authors": [(header.authors, "markup"), (text_fields["authors"], "text"), (list(meta.authors), PAGE_METADATA), (list(found.authors), "trafilatura")],
            "editors": [(header.editors, "markup"), (text_fields["editors"], "text")],
            "tags": [(header.tags, "markup"), (text_fields["tags"], "text")],
        }.items():
            value, where = next(((v, w) for v, w in candidates if v), (getattr(Draft(), name), None))
            setattr(draft, name, value)
            if where == "markup" and header.layout:
                draft.sources[name] = f"markup: {rule.name} layout {header.layout}"
            elif where == "text":
                draft.sources[name] = f"{rule.name} text rules on trafilatura's text"
            elif where:
                draft.sources[name] = where
        provenance = Provenance("fallback", "trafilatura", None, reason)
    return article_from_draft(draft, rule, url=url, warnings=warnings, provenance=provenance, keep_dateline=options.keep_dateline)
