"""Where a markup layout's article really ends, and which embedded posts belong to it.

Two structures a layout's containers miss (issue 23):

* **A section after the body.** Some templates close the article container before the
  last section: a sub-heading and its paragraphs stand as the container's following
  siblings. ``trailing_sections`` finds them: runs of a heading followed by paragraphs
  of prose (long, ending like a sentence, not carried by links), right after the last
  container, nothing with text between; anything else ends the search.
* **Embedded posts.** The GUIDE drops embedded social-media posts the text does not
  introduce and keeps those it does. A post (a ``twitter-tweet``, ``instagram-media`` or
  ``tiktok-embed`` block) is introduced when the paragraph before it (or before the run
  of posts it belongs to) ends with a colon or speaks of posting, writing or sharing
  (``Beberapa pengguna pun mengunggah …``).

Pure functions over a parsed page; the page is never changed.
"""

from __future__ import annotations

import re
from typing import Any, Collection

from lxml.etree import XPath

from .html import element_text
from .text import ends_sentence, visible_length

#: A paragraph of prose after the body: at least this long (shorter lines are notices, links).
MIN_TRAILING_PARAGRAPH = 60
#: How far up from the last container a following section is looked for.
_ANCESTORS = 2
_HEADINGS = frozenset(("h2", "h3", "h4"))
_SILENT = frozenset(("script", "style", "noscript", "iframe", "ins", "template"))

#: Embedded posts, by the classes their embed codes give the block.
EMBEDS = XPath(
    ".//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'twitter-video') or contains(@class, 'instagram-media')"
    " or contains(@class, 'tiktok-embed')]"
)
#: The text before a post introduces it: it speaks of posting, writing, sharing or
#: commenting (Indonesian and English forms), or points below.
_INTRODUCES = re.compile(
    r"(?i)\b(?:(?:meng|di)?unggah\w*|cuit\w*|(?:ber)?kicau\w*|mencuit\w*|(?:me)?nulis\w*|tulis\w*|(?:mem|di)?bagikan|"
    r"posting\w*|unggahan|komentar\w*|berkomentar|warganet|netizen|pengguna (?:media sosial|twitter|instagram|tiktok|akun)|"
    r"akun (?:twitter|instagram|tiktok|resmi)|sebagai berikut|berikut (?:ini|unggahan|cuitan|postingan)|posted|tweeted|wrote|shared)\b"
)


#: The embed code's own interface, not the post: Instagram's link to the post, TikTok's
#: and Twitter's prompts. Dropped from a post kept.
EMBED_INTERFACE = re.compile(
    r"(?i)^(?:lihat postingan ini di instagram|view this post on instagram|tampilkan postingan ini di instagram|"
    r"lihat (?:video|postingan) ini di tiktok|view (?:this video|more) on tiktok|lihat selengkapnya di twitter|"
    r"see (?:more|the latest) on twitter)\.?$"
)


def interface_blocks(post: Any) -> list[Any]:
    """The elements of a post's embed code that show its interface (``Lihat postingan ini di
    Instagram``), outermost first; the post's words and attribution stay."""
    found: list[Any] = []
    for element in post.iter():
        if isinstance(element.tag, str) and element is not post and not any(a in found for a in element.iterancestors()):
            if EMBED_INTERFACE.match(element_text(element)):
                found.append(element)
    return found


def _link_share(element: Any, chars: int) -> float:
    return sum(visible_length(a.text_content()) for a in element.iter("a")) / chars if chars else 1.0


def _is_prose(element: Any) -> bool:
    if element.tag != "p":
        return False
    text = element_text(element)
    return len(text) >= MIN_TRAILING_PARAGRAPH and ends_sentence(text) and _link_share(element, len(text)) < 1 / 3


def _silent(element: Any) -> bool:
    """An element that shows no text: an ad slot, a script, an empty paragraph."""
    return not isinstance(element.tag, str) or element.tag in _SILENT or not element_text(element)


def _sections_after(element: Any, skip: Collection[Any]) -> list[Any]:
    """Heading-and-prose runs among ``element``'s following siblings, up to the first other block."""
    found: list[Any] = []
    run: list[Any] = []
    for sibling in element.itersiblings():
        if sibling in skip or _silent(sibling):
            continue
        if sibling.tag in _HEADINGS and element_text(sibling):
            if run and len(run) > 1:
                found.extend(run)
            run = [sibling]
        elif run and _is_prose(sibling):
            run.append(sibling)
        else:
            break
    if len(run) > 1:
        found.extend(run)
    return found


def trailing_sections(bodies: list[Any], skip: Collection[Any] = frozenset()) -> list[Any]:
    """Sections (a heading and its paragraphs) that continue the article after its last container.

    Looked for among the following siblings of the last container, then of its parent
    when the container closes it (nothing with text after it there).
    """
    if not bodies:
        return []
    element = bodies[-1]
    for _ in range(_ANCESTORS):
        found = _sections_after(element, skip)
        if found:
            return found
        parent = element.getparent()
        if parent is None or parent.tag in ("body", "html") or any(not _silent(s) and s not in skip for s in element.itersiblings()):
            return []
        element = parent
    return []


def _before(post: Any, posts: Collection[Any], bodies: Collection[Any]) -> str:
    """The text of the nearest block before ``post`` in its container that is neither
    silent nor another post (a post in a wrapper of its own: the block before the wrapper)."""
    element = post
    while element is not None and element not in bodies:
        if (element.text or "").strip() and element is not post:
            return " ".join(element.text.split())  # a wrapper's own words before the post
        for sibling in element.itersiblings(preceding=True):
            if sibling in posts or _silent(sibling) or any(inner in posts for inner in sibling.iter("blockquote")):
                continue
            return element_text(sibling)
        element = element.getparent()
    if element is not None and (element.text or "").strip():
        return " ".join(element.text.split())
    return ""


def introduced(post: Any, posts: Collection[Any], bodies: Collection[Any]) -> bool:
    """The text introduces ``post`` (or the run of posts it stands in)."""
    lead = _before(post, posts, bodies)
    return bool(lead) and (lead.rstrip().endswith(":") or bool(_INTRODUCES.search(lead[-300:])))


def embedded_posts(bodies: list[Any], skip: Collection[Any]) -> list[tuple[Any, bool]]:
    """Each embedded post in the containers (outside what is skipped) and whether the text introduces it."""
    posts = [post for body in bodies for post in EMBEDS(body) if post not in skip and not any(a in skip for a in post.iterancestors())]
    chosen, containers = set(posts), set(bodies)
    return [(post, introduced(post, chosen, containers)) for post in posts]
