"""Markdown dumps, as LLM-era crawlers write them (crawl4ai, Firecrawl, Jina Reader).

A Markdown dump is recognised without being told, on several signals at once (links
``[text](url)``, images ``![..](..)``, tables, ATX and setext headings, emphasis, list and
block-quote markers, Jina Reader's ``Title:`` / ``URL Source:`` / ``Markdown Content:``
header), never on one ``#`` or ``*``: a plain dump that merely contains one comes out as
it always did. A recognised dump is read as what it is before any text pass sees it:
GitHub-flavoured Markdown parsed by cmark (``cmarkgfm``, in C: a pure-Python parser costs
more than the whole cleaning of a dump), then read into lines as ``html.block_lines`` reads
a page's blocks, so a ``##`` line is a sub-heading (its text), a link is its text, emphasis
is unwrapped, list and quote markers go, a table row is its cells' text. Images are nothing; a table row of nothing but links or images (a link grid) is
dropped, as is Jina's header, whose title, address and time become metadata. Line breaks
stay line breaks (cmark's hard-break mode), so each input line is still its own block, as
in every dump.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from typing import Any

import cmarkgfm
from cmarkgfm.cmark import Options
from lxml import etree

from .article import Decision
from .draft import Draft
from .html import _BLOCK_TAGS, _KINDS, _SKIP_TAGS, minute_iso, parse_html  # the block reader's own sets: both read blocks alike
from .text import normalize_line

__all__ = ["MarkdownDump", "read", "signals"]

_LINK = re.compile(r"(?<!!)\[[^\]\n]{0,500}\]\((?:[a-z][a-z0-9+.-]*:|/|#|\.|www\.)[^\s)]*(?:\s+\"[^\"\n]*\")?\)", re.I)
_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]\([^\s)]+(?:\s+\"[^\"\n]*\")?\)")
_TABLE_DELIMITER = re.compile(r"^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.M)
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.M)
_SETEXT_H1 = re.compile(r"\S[ \t]*\n {0,3}={3,}[ \t]*$", re.M)  # a line of text, underlined with "="
_EMPHASIS = re.compile(r"(?<![\w*])\*\*\S[^*\n]{0,300}?\*\*(?![\w*])|(?<!\w)__\S[^_\n]{0,300}?__(?!\w)")
_LIST_ITEM = re.compile(r"^[ \t]{0,6}(?:[*+-]|\d{1,3}[.)])[ \t]+\S", re.M)
_QUOTE = re.compile(r"^ {0,3}>[ \t]?\S", re.M)
#: Characters without which no strong signal can be there: most plain dumps stop here.
_STRONG_MARKS = ("](", "#", "|", "**", "__", "===")

#: What each kind of signal weighs. Links, images, tables and setext headings are
#: syntax that plain text does not write; one ATX heading, emphasis, list and quote
#: markers are common enough in plain dumps that each only adds to other evidence.
_WEIGHTS = {"link": 2, "image": 2, "table": 2, "setext_heading": 2, "heading": 1, "headings": 2, "emphasis": 1, "list": 1, "quote": 1}
#: A dump is Markdown at this weight, from at least two kinds of signal.
MIN_WEIGHT = 3

#: Jina Reader's header: ``Title: …``, ``URL Source: …``, ``Published Time: …``, then
#: ``Markdown Content:`` above the page's Markdown.
_JINA_KEY = re.compile(r"^(Title|URL Source|Published Time|Description|Warning|Number of Pages):[ \t]*(.*)$")
_JINA_CONTENT = "Markdown Content:"
_JINA_HEADER_LINES = 20

#: A line break in cmark's output (``<br />`` and a newline) or in raw HTML, marked in the
#: text by a private-use character before parsing, so a block's text is split there in one go.
_BREAK = re.compile(r"<br\s*/?>\n?", re.I)
_BREAK_MARK = "\ue000"
#: Blocks cmark fills with inline content only (lxml closes a paragraph at any block tag).
_LEAF_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 td th dt figcaption".split())

#: A line break is a block boundary, as in every dump; raw HTML passes through to the block
#: reader (inert: parsed by lxml, never rendered), whose text is kept and its scripts not.
_OPTIONS = Options.CMARK_OPT_HARDBREAKS | Options.CMARK_OPT_UNSAFE
#: GitHub's extensions but its tag filter, which would show a raw ``<script>`` as text.
_EXTENSIONS = ["table", "strikethrough", "autolink"]
#: What the plain text of Markdown has less than its source: image syntax whole, link targets,
#: tags, markup characters. The reading must keep ``MIN_KEPT`` of the rest (a dropped link grid
#: counted), else the dump is read as plain text: never lose text to a Markdown construct gone
#: wrong (an unclosed raw ``<script`` swallows the rest of the page).
_NOT_TEXT = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|\]\([^)\n]*\)|<[^>\n]*>")
_MARKUP_CHARACTERS = "#*_>|=[]`~-"
MIN_KEPT = 0.6
_TAG = re.compile(r"<[^>]*>")
#: The sniff reads this much of a dump: signals show on every screen of a Markdown page.
SNIFF_CHARS = 100_000


@dataclass
class MarkdownDump:
    """A Markdown dump read as plain blocks, what reading it dropped, and its header's fields."""

    lines: list[str]
    #: Lines that are sub-headings, list items or quotations (``--format markdown`` keeps them).
    kinds: dict[str, str] = field(default_factory=dict)
    #: Headings and list items that were wholly link text (a deck's headline links, a menu's
    #: items): what ``cleaner.mainrun`` reads as links, as it does in raw Markdown.
    linked: set[str] = field(default_factory=set)
    #: Blocks the reading dropped or moved to a field (images, link grids, Jina's header), in order.
    notes: list[Decision] = field(default_factory=list)
    #: The headline: the one level-1 heading, else Jina's ``Title:``.
    title: str | None = None
    #: Jina's ``Published Time:``, as ISO 8601.
    published: str | None = None
    #: Jina's ``URL Source:``.
    url: str | None = None
    #: Where each field was read (``fields.resolve`` credits them).
    sources: dict[str, str] = field(default_factory=dict)

    def annotate(self, draft: Draft) -> None:
        """Put what the reading decided on the text passes' ``draft``: its notes first, in
        input order, then the passes' own; and the kinds of the blocks."""
        draft.decisions[:0] = self.notes
        draft._positions = None  # rebuilt on the next revision, with the notes counted
        for line, kind in self.kinds.items():
            draft.kinds.setdefault(line, kind)


def signals(text: str) -> dict[str, int]:
    """The Markdown signals in the first ``SNIFF_CHARS`` of ``text``, each counted up to two
    (what ``is_markdown`` weighs: one ``#`` line or several, one ``- `` line or a list)."""
    text = text[:SNIFF_CHARS]
    if not any(mark in text for mark in _STRONG_MARKS):
        return {}  # only list and quote markers could be left: never enough on their own
    found = {
        "link": _count(_LINK, text) if "](" in text else 0,
        "image": _count(_IMAGE, text) if "![" in text else 0,
        "table": _count(_TABLE_DELIMITER, text) if "|" in text else 0,
        "heading": _count(_ATX_HEADING, text) if "#" in text else 0,
        "setext_heading": _count(_SETEXT_H1, text) if "===" in text else 0,
        "emphasis": _count(_EMPHASIS, text) if ("**" in text or "__" in text) else 0,
        "list": _count(_LIST_ITEM, text),
        "quote": _count(_QUOTE, text) if ">" in text else 0,
    }
    if found["list"] < 2:
        found["list"] = 0  # one "- " line is a dash, not a list
    return {name: count for name, count in found.items() if count}


def _count(pattern: re.Pattern[str], text: str) -> int:
    """Matches of ``pattern`` in ``text``, counted up to two: a search stops there."""
    matches = pattern.finditer(text)
    return sum(1 for _ in zip(range(2), matches))


def is_markdown(found: dict[str, int]) -> bool:
    """Markdown on several signals: weight ``MIN_WEIGHT`` from at least two kinds."""
    weight = sum(_WEIGHTS["headings" if name == "heading" and count > 1 else name] for name, count in found.items())
    return len(found) >= 2 and weight >= MIN_WEIGHT


def _jina_header(text: str) -> tuple[dict[str, str], list[str], str] | None:
    """Jina Reader's header: its fields, its lines, and the Markdown below it; None without one."""
    if _JINA_CONTENT not in text[:4000]:
        return None
    fields: dict[str, str] = {}
    lines: list[str] = []
    position = 0
    for _ in range(_JINA_HEADER_LINES):
        end = text.find("\n", position)
        raw = text[position:] if end < 0 else text[position:end]
        line = raw.strip()
        position = len(text) if end < 0 else end + 1
        if line == _JINA_CONTENT:
            lines.append(line)
            return (fields, lines, text[position:]) if ("URL Source" in fields or "Title" in fields) else None
        if not line:
            continue
        match = _JINA_KEY.match(line)
        if match is None:
            return None
        fields[match.group(1)] = match.group(2).strip()
        lines.append(line)
        if end < 0:
            break
    return None


def read(text: str) -> MarkdownDump | None:
    """``text`` read as Markdown when it is (see the module's doc), else None: a plain dump."""
    header = _jina_header(text)
    body = header[2] if header else text
    found = signals(body)
    if header is None and not is_markdown(found):
        return None
    if _BREAK_MARK in body:
        body = body.replace(_BREAK_MARK, " ")  # the mark is this reading's own
    try:
        html = cmarkgfm.markdown_to_html_with_extensions(body, options=_OPTIONS, extensions=_EXTENSIONS)
    except Exception:  # noqa: BLE001 - cmark reads any text; should it not, the dump is read as plain text
        return None
    dump = MarkdownDump([])
    if header:
        fields, header_lines, _ = header
        dump.notes += [Decision(line, "meta" if line != _JINA_CONTENT else "drop", "markdown.jina_header") for line in header_lines]
        dump.url = fields.get("URL Source") or None
        if dump.url and not dump.url.startswith(("http://", "https://")):
            dump.url = None
        dump.published = minute_iso(fields.get("Published Time"))
        if fields.get("Title"):
            dump.title = normalize_line(fields["Title"]) or None
            dump.sources["title"] = "markdown: Jina Reader's Title header"
        if dump.published:
            dump.sources["published"] = "markdown: Jina Reader's Published Time header"
    html = _BREAK.sub(_BREAK_MARK, html)
    tree = parse_html(f"<html><body>{html}</body></html>")
    if tree is None or not _parsed_whole(html, tree):
        return None
    etree.strip_elements(tree, *_SKIP_TAGS, with_tail=False)
    headlines = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    if len(headlines) == 1 and headlines[0]:
        dump.title = normalize_line(headlines[0])
        dump.sources["title"] = "markdown: the one level-1 heading"
    _prepare(tree, dump.notes)
    for body_element in tree.iter("body"):
        _read_block(body_element, None, dump)
    if not _kept_the_text(body, dump):
        return None
    return dump


def _parsed_whole(html: str, tree: Any) -> bool:
    """Whether the parsed tree holds all the text of cmark's HTML: libxml2 drops what lies
    deeper than 256 nested elements (``>`` repeated, a list nested in a list, raw ``<div>``s).
    Any shortfall, however small, sends the dump to the plain reading, which loses nothing."""
    written = len("".join(unescape(_TAG.sub("", html)).split()))
    parsed = sum(len("".join(body.text_content().split())) for body in tree.iter("body"))
    return parsed >= written


def _kept_the_text(body: str, dump: MarkdownDump) -> bool:
    """Whether the reading kept ``MIN_KEPT`` of the dump's visible characters: its characters
    but blanks, markup characters, image syntax, link targets and tags (counted in C)."""
    rest = _NOT_TEXT.sub("", body) if ("](" in body or "<" in body) else body
    source = len("".join(rest.split())) - sum(rest.count(mark) for mark in _MARKUP_CHARACTERS)
    if source < 200:
        return True  # too little to judge by proportion; nothing long can hide in it
    kept = sum(len(line) - line.count(" ") for line in dump.lines)
    kept += sum(len(note.line) for note in dump.notes if note.reason == "markdown.link_grid")
    return kept >= MIN_KEPT * source


def _read_block(element: Any, kind: str | None, dump: MarkdownDump) -> None:
    """The lines of a block element, as ``html.block_lines`` reads a page's: one per block and
    per line break, a table row as its cells' text; sub-headings, list items and quotations
    (the innermost) marked in ``dump.kinds``. Leaf blocks are read whole, in C (cmark's
    paragraphs hold many links: a walk of every element would cost more than the rest)."""
    tag = element.tag if isinstance(element.tag, str) else ""
    kind = _KINDS.get(tag, kind)
    if tag == "tr":
        cells = [" ".join(cell.text_content().replace(_BREAK_MARK, " ").split()) for cell in element if cell.tag in ("td", "th")]
        if any(cells):
            _add(" | ".join(cells) + " |", kind, dump)
        return
    if tag == "pre":  # a code block (an indented run): its lines stay lines
        for line in element.text_content().splitlines():
            _add(line, kind, dump)
        return
    if tag in _LEAF_BLOCKS or next(element.iterchildren(*_BLOCK_TAGS), None) is None:
        text = element.text_content()
        _add(text, kind, dump, linked=tag in _LINKABLE and _wholly_linked(element, text))
        return
    run = [element.text or ""]  # inline content between the block children (raw HTML mixes them)
    for child in element:
        if isinstance(child.tag, str) and child.tag in _BLOCK_TAGS:
            _add("".join(run), kind, dump)
            run = []
            _read_block(child, kind, dump)
        elif isinstance(child.tag, str):
            run.append(child.text_content())
        run.append(child.tail or "")
    _add("".join(run), kind, dump)


#: Blocks whose being one link marks a headline link or a menu item.
_LINKABLE = frozenset("h1 h2 h3 h4 h5 h6 li".split())


def _wholly_linked(element: Any, text: str) -> bool:
    """Four fifths or more of a heading's or list item's text is link text."""
    length = len(text.strip())
    return length > 0 and sum(len(a.text_content()) for a in element.iter("a")) >= 0.8 * length


def _add(text: str, kind: str | None, dump: MarkdownDump, *, linked: bool = False) -> None:
    """The lines of one block's text (split at its line breaks), normalized, empty ones left out."""
    for part in text.split(_BREAK_MARK):
        line = normalize_line(" ".join(part.splitlines()) if "\n" in part else part)
        if line:
            dump.lines.append(line)
            if linked:
                dump.linked.add(line)
            if kind is not None:
                dump.kinds.setdefault(line, kind)


def _prepare(tree: Any, notes: list[Decision]) -> None:
    """Images are nothing (they have no text: only noted); a table row of nothing but links
    or images is a link grid, emptied (``clear``: a removal costs a scan of its siblings)."""
    in_grids: set[Any] = set()
    for element in list(tree.iter("tr", "img")):  # in document order, so the notes are
        if element.tag == "img":
            if element not in in_grids:
                notes.append(Decision(_image_form(element), "drop", "markdown.image"))
            continue
        cells = [cell for cell in element if cell.tag in ("td", "th")]
        if cells and any(len(cell) for cell in cells) and all(_only_links(cell) for cell in cells):
            texts = [" ".join(cell.text_content().split()) for cell in cells]
            images = list(element.iter("img"))
            text = " | ".join(texts) if any(texts) else " | ".join(map(_image_form, images))
            notes.append(Decision(text or "|", "drop", "markdown.link_grid"))
            in_grids.update(images)
            element.clear(keep_tail=True)


def _only_links(cell: Any) -> bool:
    """A cell whose text is all inside links (or has none), holding at least one link or image, or empty."""
    if not len(cell):
        return not cell.text_content().strip()
    outside = (cell.text or "") + "".join(
        (child.tail or "") + ("" if child.tag in ("a", "img") else child.text_content()) for child in cell
    )
    return not outside.strip()


def _image_form(image: Any) -> str:
    """An image as the dump wrote it, for the decision log."""
    return f"![{image.get('alt') or ''}]({image.get('src') or ''})"
