"""The engine: input → site detection → the rule's extraction → shared passes → Article."""

from __future__ import annotations

from site_rules import Draft, SiteRule

from .article import Article, Provenance
from .decode import decode_bytes, looks_like_html, repair_mojibake
from .detect import UnknownSiteError, choose_rule
from .text import split_lines

__all__ = ["clean", "UnknownSiteError"]


def clean(
    content: str | bytes, *, url: str | None = None, site: str | None = None, encoding: str | None = None
) -> Article:
    """Clean one page, a raw text dump or an HTML page, into an ``Article``.

    ``url`` picks the site rule by host and is copied to the article; ``site`` forces
    a rule by name (``"tempo"``, ``"generic"``, …); ``encoding`` is the charset of
    ``bytes`` where the HTTP ``Content-Type`` header gave one. Bad input never raises:
    it gives an article with empty text and a warning. The one exception, by design,
    is ``UnknownSiteError`` for a ``site`` that names no rule.
    """
    warnings: list[str] = []
    if isinstance(content, (bytes, bytearray, memoryview)):
        text, warnings = decode_bytes(bytes(content), encoding)
    else:
        text = repair_mojibake(content, warnings)
    text = text.replace("\x00", "")
    if looks_like_html(text):
        from .html_fallback import clean_html

        return clean_html(text, url=url, site=site, warnings=warnings)
    lines = split_lines(text)
    rule = choose_rule(lines, url=url, site=site)
    if not lines:
        warnings.append("empty input")
    draft = rule.extract(lines)
    return article_from_draft(draft, rule, url=url, warnings=warnings)


def article_from_draft(
    draft: Draft,
    rule: SiteRule,
    *,
    url: str | None,
    warnings: list[str],
    provenance: Provenance | None = None,
) -> Article:
    """Freeze a rule's draft into an ``Article`` (the one place fields are finalised)."""
    site = None if rule.name == "generic" else rule.name
    return Article(
        site=site,
        url=url or None,
        title=draft.title,
        description=draft.description,
        authors=tuple(draft.authors),
        editors=tuple(draft.editors),
        published=draft.published,
        updated=draft.updated,
        dateline=draft.dateline,
        category=draft.category,
        tags=tuple(draft.tags),
        text="\n\n".join(draft.paragraphs),
        provenance=provenance or Provenance("rule", rule.name, draft.layout),
        warnings=tuple(warnings + draft.warnings),
    )
