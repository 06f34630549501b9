"""The main content of a page no layout reads, where one container plainly holds it.

Most news pages put the article's paragraphs in one element (``<p>`` children, or text
runs split by ``<br>`` as ANTARA's older pages do). Each paragraph of prose counts its
length for the element that holds it; the element holding the most is the article,
when it holds most of the page's prose and no other element holds a third as much. Then
its blocks are read as a layout's are, minus what is plainly not article inside it
(blocks of links, share bars, tag and related boxes by class), and the rule's text passes
do the rest.

Where no container is that plain (prose spread over several, a page of teasers, too
little prose), ``main_lines`` returns None and trafilatura, slower and more careful,
decides. Measured on the real pages with layouts off: the same token F1 as trafilatura's
path, at a fraction of its time.
"""

from __future__ import annotations

import re
from typing import Any

from lxml.etree import XPath

from .html import block_lines
from .text import ends_sentence, normalize_line, visible_length
from .vocabulary import NOT_ARTICLE_CLASS_WORDS, alternation

#: A block of prose: at least this many characters of its own, and links under a third of it.
MIN_PARAGRAPH_CHARS = 40
#: The container must hold this many characters of prose ...
MIN_ARTICLE_CHARS = 300
#: ... and this share of all the prose on the page ...
MIN_SHARE = 0.5
#: ... and no other element may hold a third as much (an article split in two containers,
#: 60 and 40, is trafilatura's to read whole; comments and teasers are many small holders).
MAX_RIVAL = 1 / 3
#: Inside the container, a block whose links carry this share of its text is a list of links.
LINK_LIST_SHARE = 0.6
#: A block classed as not article (share, caption, related, ...) is dropped when shorter than this.
MAX_ASIDE_CHARS = 200
#: A container larger than this is left to trafilatura (its own limits bound its time).
MAX_CONTAINER_ELEMENTS = 5_000

#: Class or id words of what sits inside an article container but is not article.
_NOT_ARTICLE = re.compile(alternation(NOT_ARTICLE_CLASS_WORDS), re.IGNORECASE)
#: Paragraphs, and elements with a text run of their own long enough to be one.
_CANDIDATES = XPath(f".//p | .//*[not(self::p)][text()[string-length(normalize-space()) >= {MIN_PARAGRAPH_CHARS}]]")
_INLINE = frozenset("a span b strong i em u small sup sub font abbr cite code mark q s".split())
#: Elements whose text belongs to them as a block, never as a container of paragraphs.
_NOT_CONTAINERS = frozenset(("li", "h1", "h2", "h3", "h4", "h5", "h6", "th", "body", "html"))
_BLOCKS = frozenset(("div", "p", "br", "section", "article", "blockquote", "ul", "ol", "table"))


def _link_chars(element: Any) -> int:
    return sum(visible_length(a.text_content()) for a in element.iter("a"))


def _scores(body: Any) -> tuple[dict[Any, int], dict[Any, int], int]:
    """Prose characters each element holds itself, its score with half its children's lent,
    and the page's prose in all.

    A paragraph counts for the element that holds it; a ``<p>`` for its parent. A
    ``<span>`` holding blocks is a container too (ANTARA's 2014 pages hold the article as
    text runs in one). Each holder also lends half its prose to its own parent, so an
    article of one ``<div>`` per paragraph is found in the element around them.
    """
    own: dict[Any, int] = {}
    total = 0
    for element in _CANDIDATES(body):  # in document order; lxml filters, Python only weighs
        tag = element.tag
        if not isinstance(tag, str) or tag in _NOT_CONTAINERS:
            continue
        if tag in _INLINE and not (tag == "span" and any(child.tag in _BLOCKS for child in element)):
            continue
        if tag == "p":
            chars = visible_length(element.text_content())
            holder = element.getparent()
            if holder is None or chars < MIN_PARAGRAPH_CHARS or _link_chars(element) * 3 >= chars:
                continue
        else:  # text runs of its own, between <br>s and inline children
            runs = (visible_length(run) for run in (element.text, *(child.tail for child in element)))
            chars = sum(run for run in runs if run >= MIN_PARAGRAPH_CHARS)
            holder = element
            if not chars:
                continue
        own[holder] = own.get(holder, 0) + chars
        total += chars
    scores = dict(own)
    for holder, chars in own.items():
        parent = holder.getparent()
        if parent is not None and parent.tag != "body":
            scores[parent] = scores.get(parent, 0) + chars // 2
    return own, scores, total


def _leads_in(element: Any) -> bool:
    """Prose stands before ``element`` in its parent: the parent's opening text or a paragraph."""
    parent = element.getparent()
    if visible_length(parent.text) >= MIN_PARAGRAPH_CHARS:
        return True
    for before in element.itersiblings(preceding=True):
        if visible_length(before.tail) >= MIN_PARAGRAPH_CHARS:
            return True
        if before.tag == "p" and visible_length(before.text_content()) >= MIN_PARAGRAPH_CHARS:
            return True
    return False


def _split_among_siblings(element: Any, own: dict[Any, int]) -> bool:
    """Siblings of the same tag hold prose of their own, at least half as much as ``element``."""
    siblings = sum(own.get(sibling, 0) for sibling in element.itersiblings() if sibling.tag == element.tag)
    siblings += sum(own.get(sibling, 0) for sibling in element.itersiblings(preceding=True) if sibling.tag == element.tag)
    return siblings * 2 >= own.get(element, 0) > 0


#: A related-article link reads as a headline: a few words, no sentence end, no address.
_HEADLINE_WORDS = 3
#: Blocks a related list may be set in, one title each (a list or a div of links is a list already).
_LINK_BLOCKS = frozenset(("p", "h2", "h3", "h4"))
_READ_ALSO_LABEL = re.compile(r"(?i)^(?:baca|lihat|simak)(?: juga| pula)?\s*:?$|^berita terkait\s*:?$|^artikel terkait\s*:?$")
_ADDRESS = re.compile(r"@|://|\bwww\.|\.(?:com|id|net|org)\b", re.IGNORECASE)


def _headline_links(element: Any) -> int:
    """How many headline-like links make up ``element`` (0 when it is not links alone).

    A paragraph of links to other articles (``Baca juga:`` and titles, or a title alone)
    is a related list set in ``<p>``s; an address or a sentence that is a link is text.
    """
    links = [normalize_line(a.text_content()) for a in element.iter("a")]
    if not links:
        return 0
    chars = visible_length(element.text_content())
    linked = sum(len(text) for text in links)
    if not chars or linked < chars * 0.8:
        return 0
    if element.text and element.text.strip() and not _READ_ALSO_LABEL.match(normalize_line(element.text)):
        return 0  # words of its own before the links: not a bare list
    for text in links:
        if len(text.split()) < _HEADLINE_WORDS or ends_sentence(text) or _ADDRESS.search(text):
            return 0
    return len(links)


def _related_paragraph(element: Any) -> bool:
    """A ``<p>`` (or a heading) of related-article links: two or more, or one beside another
    such block or right after a ``Baca juga`` label (three titles in three ``<p>``s, as
    Merdeka sets them)."""
    count = _headline_links(element)
    if count >= 2:
        return True
    if count == 0:
        return False
    before = element.getprevious()
    after = element.getnext()
    for neighbour in (before, after):
        if neighbour is not None and neighbour.tag in _LINK_BLOCKS and _headline_links(neighbour):
            return True
    return before is not None and bool(_READ_ALSO_LABEL.match(normalize_line(before.text_content())))


def _junk(container: Any) -> set[Any]:
    """The blocks inside ``container`` that are not article: by class or id, or lists of links.

    A paragraph is dropped for its links only when they are headlines of other articles
    (``_related_paragraph``): a contact line or an address the article gives is text (the
    rule's passes drop read-also and media-link lines by form).
    One walk that does not enter what it skips: linear in the container's size.
    """
    skip: set[Any] = set()
    stack = list(reversed(container))
    while stack:
        element = stack.pop()
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if tag not in _INLINE and tag != "p" and _NOT_ARTICLE.search(f"{(element.get('class') or '')[:200]} {(element.get('id') or '')[:200]}"):
            # A share bar, a caption, a related box: short, or carried by links. Long prose
            # stays whatever its class says (a video page's description is its article).
            chars = visible_length(element.text_content())
            if chars < MAX_ASIDE_CHARS or _link_chars(element) * 3 >= chars:
                skip.add(element)
                continue
        elif tag in _LINK_BLOCKS and _related_paragraph(element):
            skip.add(element)  # a list of related articles set as paragraphs of links
            continue
        elif tag in ("ul", "ol", "div", "table", "section"):
            chars = visible_length(element.text_content())
            if chars and _link_chars(element) >= chars * LINK_LIST_SHARE:
                skip.add(element)
                continue
        stack.extend(reversed(element))
    return skip


def main_lines(tree: Any) -> list[str] | None:
    """The lines of the one element holding most of the page's prose; None where none plainly does."""
    body = tree.find("body") if tree.tag == "html" else tree
    if body is None:
        return None
    own, scores, total = _scores(body)
    if not scores:
        return None
    best = max(scores, key=scores.__getitem__)
    # Prose just before a nested block opens the article ("Jakarta (ANTARA) - ...<div><br>..."):
    # climb while the parent holds prose of its own ahead of it (not a footer line after it).
    # An article of one block per paragraph ("<div>" after "<div>") is their parent's.
    while (parent := best.getparent()) is not None and parent.tag != "body" and (
        (parent in own and _leads_in(best)) or _split_among_siblings(best, own)
    ):
        best = parent
    if sum(1 for _ in best.iter()) > MAX_CONTAINER_ELEMENTS:
        return None
    # An article split into sibling sections of one class (KLY's "2 dari 6 halaman") is read whole.
    rest = _sections_after(best)
    inside = {element for part in (best, *rest) for element in part.iter() if element in own}
    held = sum(own[element] for element in inside)
    rival = max((chars for element, chars in own.items() if element not in inside), default=0)
    if held < MIN_ARTICLE_CHARS or held < total * MIN_SHARE or rival >= held * MAX_RIVAL:
        return None
    lines = block_lines([best], skip=_junk(best))
    return lines + _section_lines(rest) if lines else None


#: How far up from the last paragraph trafilatura kept a repeated section is looked for.
_SECTION_DEPTH = 6


def _sections_after(element: Any) -> list[Any]:
    """The sibling sections that continue the one holding ``element``: the following siblings
    of one tag and class of it or its nearest classed ancestor that has such."""
    for section in [element, *list(element.iterancestors())[:_SECTION_DEPTH]]:
        name = section.get("class")
        if name and section.tag not in ("body", "html"):
            rest = [sibling for sibling in section.itersiblings() if sibling.tag == section.tag and sibling.get("class") == name]
            if rest:
                return rest
    return []


def _section_lines(rest: list[Any]) -> list[str]:
    """The lines of continuing sections, less what is plainly not article; none when they are
    mostly links (a related list of one class, not the article's rest)."""
    skip: set[Any] = set()
    for sibling in rest:
        skip |= _junk(sibling)
    lines = block_lines(rest, skip=skip)
    chars = sum(len(line) for line in lines)
    linked = sum(_link_chars(sibling) for sibling in rest)
    return lines if chars and linked * 2 < chars else []


def continuation(tree: Any, text: str) -> list[str]:
    """The sections of an article split into repeated blocks that trafilatura left out.

    KLY's pages (Liputan6, Fimela, Bola.com, KapanLagi, Merdeka) split one article into
    sibling sections of one class (``2 dari 6 halaman``), each a sub-heading and a photo;
    trafilatura keeps the section with the most prose. The section holding the last
    paragraph it kept is found by that paragraph's text; its following siblings of the same
    tag and class are the article's rest, unless they are mostly links (a related list).
    Their lines, less what is plainly not article (as in ``main_lines``), go through the
    rule's text passes with the rest.
    """
    kept = [line for line in text.splitlines() if len(line) >= 60]
    if not kept:
        return []
    last = kept[-1]
    anchor = next((p for p in tree.iter("p") if normalize_line(p.text_content()) == last), None)
    if anchor is None:
        return []
    seen = set(text.splitlines())
    return [line for line in _section_lines(_sections_after(anchor)) if line not in seen]
