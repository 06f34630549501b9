"""The engine: input → site detection → the rule's extraction → shared passes → Article."""

from __future__ import annotations

from site_rules import Draft, SiteRule

from .article import Article, Provenance
from .decode import decode_bytes, looks_binary, looks_like_html, repair_mojibake
from .detect import UnknownSiteError, choose_rule
from .limits import DEFAULT_LIMITS, Limits
from .text import split_lines

__all__ = ["clean", "UnknownSiteError"]


def clean(
    content: str | bytes,
    *,
    url: str | None = None,
    site: str | None = None,
    encoding: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Article:
    """Clean one page, a raw text dump or an HTML page, into an ``Article``.

    ``url`` picks the site rule by host and is copied to the article; ``site`` forces
    a rule by name (``"tempo"``, ``"generic"``, …); ``encoding`` is the charset of
    ``bytes`` where the HTTP ``Content-Type`` header gave one; ``limits`` caps what
    one document may cost. Bad input never raises: binary data, input beyond the
    limits, or a failure inside a parser gives an article with empty text and a
    warning. The one exception, by design, is ``UnknownSiteError`` for a ``site``
    that names no rule.
    """
    try:
        return _clean(content, url=url, site=site, encoding=encoding, limits=limits)
    except UnknownSiteError:
        raise
    except (Exception, RecursionError) as error:  # noqa: BLE001 - one bad page must not take a batch down
        return refused(f"internal error while cleaning: {type(error).__name__}: {error}"[:300], url=url, site=site)


def _clean(content: str | bytes, *, url: str | None, site: str | None, encoding: str | None, limits: Limits) -> Article:
    choose_rule([], url=url, site=site)  # an unknown ``site`` is refused before any work
    if len(content) > limits.max_chars:
        return refused(f"input too large: {len(content):,} characters (limit {limits.max_chars:,})", url=url, site=site)
    warnings: list[str] = []
    if isinstance(content, (bytes, bytearray, memoryview)):
        text, warnings = decode_bytes(bytes(content), encoding)
    else:
        text = repair_mojibake(content, warnings)
    text = text.replace("\x00", "")  # NUL bytes stray into real dumps; they carry nothing
    if looks_binary(text):
        return refused("binary input: not text or HTML", url=url, site=site, warnings=warnings)
    if looks_like_html(text):
        from .html_fallback import clean_html

        return clean_html(text, url=url, site=site, warnings=warnings, limits=limits)
    lines = split_lines(text)
    if len(lines) > limits.max_lines:
        return refused(f"input too long: {len(lines):,} lines (limit {limits.max_lines:,})", url=url, site=site, warnings=warnings)
    rule = choose_rule(lines, url=url, site=site)
    if not lines:
        warnings.append("empty input")
    draft = rule.extract(lines)
    return article_from_draft(draft, rule, url=url, warnings=warnings)


def refused(reason: str, *, url: str | None, site: str | None, warnings: list[str] | None = None) -> Article:
    """An article with no text for input the cleaner will not or cannot read, saying why."""
    rule = choose_rule([], url=url, site=site)
    draft = Draft(warnings=[reason])
    return article_from_draft(
        draft, rule, url=url, warnings=list(warnings or []), provenance=Provenance("fallback", "none", None, reason)
    )


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
        decisions=tuple(draft.decisions),
        sources=tuple((name, where) for name, where in draft.sources.items() if getattr(draft, name, None)),
    )
