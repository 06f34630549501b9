"""trafilatura, for pages no markup layout reads: it gets the parsed tree, trimmed.

Before it runs, what cannot be article is cut from the tree (scripts, styles,
JSON-LD, templates, embedded media, navigation and footers by tag and ARIA role)
and oversized attributes are emptied: trafilatura and htmldate scan the raw markup,
so a 7 MB JSON-LD block or a 9 MB attribute would otherwise cost seconds. The page's
own metadata has been read before this trim.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from .html import PageMeta, minute_iso

#: Elements that never hold article text.
_NOT_ARTICLE = etree.XPath(
    "//script | //style | //noscript | //template | //svg | //iframe | //object | //embed | //canvas"
    " | //nav | //footer | //*[@role='navigation' or @role='contentinfo' or @role='search']"
)
#: Attribute values longer than this are emptied (data URIs, inline state blobs).
MAX_ATTRIBUTE_CHARS = 2_000


class FallbackUnavailable(RuntimeError):
    """trafilatura cannot run here (not installed, or it fails to import)."""


def available() -> str | None:
    """None when trafilatura imports; else why not (said loudly by the engine)."""
    try:
        import trafilatura  # noqa: F401
    except Exception as error:  # noqa: BLE001 - any import failure means the fallback cannot run
        return f"{type(error).__name__}: {error}"
    return None


def trim(tree: Any) -> None:
    """Cut what cannot be article from ``tree`` (in place: the fallback is the tree's last reader)."""
    for element in _NOT_ARTICLE(tree):
        if element.getparent() is not None:
            element.drop_tree()
    for element in tree.iter():
        attributes = element.attrib if isinstance(element.tag, str) else None
        if attributes:
            for name, value in attributes.items():
                if len(value) > MAX_ATTRIBUTE_CHARS:
                    attributes[name] = ""


def extract(tree: Any, url: str | None) -> tuple[str, PageMeta]:
    """trafilatura's main text and the metadata it finds (title, date, authors).

    No ``target_language``: it is a filter, and it would drop the English edition of
    ANTARA; the Indonesian knowledge lives in the rule's text passes that follow.
    Raises ``FallbackUnavailable`` when trafilatura cannot be imported.
    """
    try:
        import trafilatura
    except Exception as error:  # noqa: BLE001
        raise FallbackUnavailable(f"trafilatura cannot be imported: {type(error).__name__}: {error}") from error
    trim(tree)
    document = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False, favor_precision=True)
    if document is None:
        return "", PageMeta()
    get = document.get if isinstance(document, dict) else lambda key: getattr(document, key, None)
    authors = tuple(a.strip() for a in (get("author") or "").split(";") if a.strip())
    return get("text") or "", PageMeta(title=get("title"), published=minute_iso(get("date")), authors=authors)
