"""trafilatura, for pages no markup layout reads and no container plainly holds
(``density`` tries first): it gets the parsed tree, trimmed.

Before it runs, what cannot be article is cut from the tree (scripts, styles,
JSON-LD, templates, embedded media, navigation, asides, forms and footers by tag and
ARIA role — what trafilatura's own cleaning drops, dropped before it copies and walks
the tree — and a page-level ``<header>`` that holds no ``<h1>``) and oversized
attributes are emptied: trafilatura and htmldate scan the raw markup,
so a 7 MB JSON-LD block or a 9 MB attribute would otherwise cost seconds. The page's
own metadata has been read before this trim.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from .html import PageMeta, minute_iso
from .vocabulary import NOT_ARTICLE_ROLES, NOT_ARTICLE_TAGS

#: Elements that never hold article text: removed by tag in one C call ...
_NOT_ARTICLE_TAGS = NOT_ARTICLE_TAGS
#: ... and by ARIA role, and a page-level header that holds no headline.
_NOT_ARTICLE = etree.XPath(
    "//header[not(ancestor::article or ancestor::main)][not(.//h1)]"
    " | //*[" + " or ".join(f"@role='{role}'" for role in NOT_ARTICLE_ROLES) + "]"
)
#: Attribute values longer than this are emptied (data URIs, inline state blobs).
MAX_ATTRIBUTE_CHARS = 2_000
#: Attributes trafilatura and htmldate read (boilerplate by class, id and role; dates by
#: datetime, content, itemprop); the others (data-*, event handlers, tracking) go, since
#: both tools serialize and scan the markup and pay for every attribute.
KEPT_ATTRIBUTES = frozenset(
    "class id role itemprop itemtype itemscope property name content datetime href rel lang type src alt title "
    "style hidden aria-hidden aria-label".split()
)


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
    etree.strip_elements(tree, *_NOT_ARTICLE_TAGS, with_tail=False)  # their tails are the page's text
    for element in _NOT_ARTICLE(tree):
        if element.getparent() is not None:
            element.drop_tree()


def slim(tree: Any) -> None:
    """Empty oversized attributes and drop those trafilatura and htmldate never read, in place.

    Only before trafilatura runs: both serialize and scan the markup and pay for every
    attribute; a reading by structure (``density``) does not.
    """
    for element in tree.iter():
        attributes = element.attrib if isinstance(element.tag, str) else None
        if attributes:
            items = attributes.items()
            if any(name not in KEPT_ATTRIBUTES or len(value) > MAX_ATTRIBUTE_CHARS for name, value in items):
                kept = [(name, value if len(value) <= MAX_ATTRIBUTE_CHARS else "") for name, value in items if name in KEPT_ATTRIBUTES]
                attributes.clear()  # one pass: removing attributes one by one is quadratic in libxml2
                for name, value in kept:
                    attributes[name] = value


def extract(tree: Any, url: str | None) -> tuple[str, PageMeta]:
    """trafilatura's main text (and whatever metadata it still reports), from a tree ``trim``
    cut; ``slim`` runs first.

    No ``target_language``: it is a filter, and it would drop the English edition of
    ANTARA; the Indonesian knowledge lives in the rule's text passes that follow.
    ``with_metadata`` off, chosen by measuring on the real pages with layouts off: the
    page's own metadata (JSON-LD, OpenGraph, meta) is read before this, and
    trafilatura's guesses (htmldate, author heuristics) were worse (authors agreed 0.53
    with them, 0.65 without) and cost a quarter of a fallback page's time.
    ``favor_precision`` on, measured the same way: off, the real pages' token F1 with
    layouts off falls from 0.98 to 0.88 (navigation and related lists come along), for
    no gain in time.
    Raises ``FallbackUnavailable`` when trafilatura cannot be imported.
    """
    try:
        import trafilatura
    except Exception as error:  # noqa: BLE001
        raise FallbackUnavailable(f"trafilatura cannot be imported: {type(error).__name__}: {error}") from error
    slim(tree)
    document = trafilatura.bare_extraction(tree, url=url, with_metadata=False, include_comments=False, favor_precision=True)
    if document is None:
        return "", PageMeta()
    get = document.get if isinstance(document, dict) else lambda key: getattr(document, key, None)
    authors = tuple(a.strip() for a in (get("author") or "").split(";") if a.strip())
    return get("text") or "", PageMeta(title=get("title"), published=minute_iso(get("date")), authors=authors)

