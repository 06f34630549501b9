"""The other extractors the evaluation compares with, on the same inputs.

Shared by ``scripts/evaluate.py`` and the corpus test. Each returns a record with
the GUIDE's keys it can fill; dumps reach them as one ``<p>`` per line.
"""

from __future__ import annotations

import html


def as_html(source: str, kind: str) -> str:
    """Dumps go to the HTML extractors as one ``<p>`` per line; pages as they are."""
    if kind != "txt":
        return source
    body = "".join(f"<p>{html.escape(line)}</p>" for line in source.splitlines() if line.strip())
    return f"<html><body><article>{body}</article></body></html>"


def trafilatura_record(source: str, kind: str, url: str | None) -> dict[str, object]:
    """trafilatura's text and metadata for one input."""
    import trafilatura

    document = trafilatura.bare_extraction(as_html(source, kind), url=url, with_metadata=True, favor_recall=True)
    if document is None:
        return {"text": ""}
    get = document.get if isinstance(document, dict) else lambda key: getattr(document, key, None)
    authors = [a.strip() for a in (get("author") or "").split(";") if a.strip()]
    categories = get("categories") or []
    return {
        "site": None,
        "url": url,
        "title": get("title"),
        "description": get("description"),
        "authors": authors,
        "editors": [],
        "published": get("date"),
        "updated": None,
        "dateline": None,
        "category": categories[0] if categories else None,
        "tags": list(get("tags") or []),
        "text": "\n\n".join(line.strip() for line in (get("text") or "").split("\n") if line.strip()),
    }


def readability_record(source: str, kind: str, url: str | None) -> dict[str, object]:
    """readability-lxml's main content, its blocks as paragraphs."""
    from readability import Document

    from cleaner.html import block_lines, parse_html

    document = Document(as_html(source, kind))
    tree = parse_html(document.summary(html_partial=True))
    return {"title": document.short_title(), "text": "\n\n".join(block_lines([tree]) if tree is not None else [])}


def justext_record(source: str, kind: str, url: str | None) -> dict[str, object]:
    """jusText's non-boilerplate paragraphs (Indonesian stop list)."""
    import justext

    paragraphs = justext.justext(as_html(source, kind).encode("utf-8"), justext.get_stoplist("Indonesian"))
    return {"text": "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)}
