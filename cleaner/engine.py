"""The engine: input → site detection → the rule's extraction → shared passes → Article."""

from __future__ import annotations

from dataclasses import replace

from site_rules import Draft, SiteRule

from .article import Article, Provenance
from .decode import decode_bytes, looks_binary, looks_like_html, repair_mojibake
from .detect import UnknownSiteError, choose_rule
from .options import DEFAULT_OPTIONS, CleanOptions
from .text import split_lines

__all__ = ["clean", "UnknownSiteError"]


def clean(
    content: str | bytes,
    *,
    url: str | None = None,
    site: str | None = None,
    encoding: str | None = None,
    options: CleanOptions = DEFAULT_OPTIONS,
) -> Article:
    """Clean one page, a raw text dump or an HTML page, into an ``Article``.

    ``url`` picks the site rule by host and is copied to the article; ``site`` forces
    a rule by name (``"tempo"``, ``"generic"``, …); ``encoding`` is the charset of
    ``bytes`` where the HTTP ``Content-Type`` header gave one; ``options`` (see
    ``CleanOptions``; ``cleaner.Cleaner`` holds them for a run) choose the rules, the
    fallback, the dateline, a minimum length and the limits of what one document may
    cost. Bad input never raises: binary data, input beyond the limits, or a failure
    inside a parser gives an article with empty text and a warning. The one
    exception, by design, is ``UnknownSiteError`` for a ``site`` that names no
    (enabled) rule.
    """
    try:
        article = _clean(content, url=url, site=site, encoding=encoding, options=options)
    except UnknownSiteError:
        raise
    except (Exception, RecursionError) as error:  # noqa: BLE001 - one bad page must not take a batch down
        return refused(f"internal error while cleaning: {type(error).__name__}: {error}"[:300], url=url, site=site)
    if article.text and len(article.text) < options.min_text_chars:
        return replace(article, text="", warnings=(*article.warnings, f"text shorter than {options.min_text_chars} characters: no article"))
    return article


def _clean(content: str | bytes, *, url: str | None, site: str | None, encoding: str | None, options: CleanOptions) -> Article:
    limits = options.limits
    choose_rule([], url=url, site=site, enabled=options.rules)  # an unknown ``site`` is refused before any work
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

        return clean_html(text, url=url, site=site, warnings=warnings, options=options)
    lines = split_lines(text)
    if len(lines) > limits.max_lines:
        return refused(f"input too long: {len(lines):,} lines (limit {limits.max_lines:,})", url=url, site=site, warnings=warnings)
    rule = choose_rule(lines, url=url, site=site, enabled=options.rules)
    if not lines:
        warnings.append("empty input")
    draft = rule.extract(lines)
    return article_from_draft(draft, rule, url=url, warnings=warnings, keep_dateline=options.keep_dateline)


def refused(reason: str, *, url: str | None, site: str | None, warnings: list[str] | None = None) -> Article:
    """An article with no text for input the cleaner will not or cannot read, saying why."""
    try:
        rule = choose_rule([], url=url, site=site)
    except UnknownSiteError:
        rule = choose_rule([], url=url)  # a site disabled by the options: still say which host
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
    keep_dateline: bool = False,
) -> Article:
    """Freeze a rule's draft into an ``Article`` (the one place fields are finalised)."""
    site = None if rule.name == "generic" else rule.name
    paragraphs = list(draft.paragraphs)
    if keep_dateline and draft.dateline_prefix and paragraphs:
        paragraphs[0] = draft.dateline_prefix + paragraphs[0]
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
        text="\n\n".join(paragraphs),
        provenance=provenance or Provenance("rule", rule.name, draft.layout),
        warnings=tuple(warnings + draft.warnings),
        decisions=tuple(draft.decisions),
        sources=tuple((name, where) for name, where in draft.sources.items() if getattr(draft, name, None)),
    )
