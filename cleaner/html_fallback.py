"""HTML until the per-site markup rules land: trafilatura's text, then the text passes.

trafilatura finds the main text of any page; its lines then go through the same
rule the URL selects, so notices and credits are dropped as for a dump. The
provenance says this fallback ran and why.
"""

from __future__ import annotations

from .article import Article, Provenance
from .detect import choose_rule
from .text import split_lines


def clean_html(html: str, *, url: str | None, site: str | None, warnings: list[str]) -> Article:
    from .engine import article_from_draft

    title = date = None
    text = ""
    try:
        import trafilatura

        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, target_language=None
        )
        if document is not None:
            get = document.get if isinstance(document, dict) else lambda key: getattr(document, key, None)
            text = get("text") or ""
            title = get("title")
            date = get("date")
    except Exception as error:  # noqa: BLE001 - a parser failure yields an empty article, never a crash
        warnings = [*warnings, f"HTML extraction failed: {type(error).__name__}"]
    lines = split_lines(text)
    rule = choose_rule(lines, url=url, site=site)
    draft = rule.extract(lines)
    draft.title = draft.title or title
    draft.published = draft.published or date
    reason = "HTML input: site markup rules not yet available, trafilatura extracted the text"
    return article_from_draft(
        draft, rule, url=url, warnings=warnings, provenance=Provenance("fallback", "trafilatura", None, reason)
    )
