"""``Draft``: the fields one extraction fills in, local to a single document.

A leaf module: site rules import it to write fields from their hooks, the engine to
run its passes; it imports nothing of either, so neither depends on the other
through it.
"""

from __future__ import annotations

from bisect import insort
from dataclasses import dataclass, field
from typing import ClassVar, Iterable

from .article import Decision
from .names import merge_names, split_names

#: Credit labels, case-folded, that name writers and editors.
AUTHOR_LABELS = frozenset({"penulis", "reporter", "pewarta", "oleh", "writer", "reporting by", "kontributor"})
EDITOR_LABELS = frozenset({"editor", "penyunting", "redaktur", "editing by"})


def credit_role(label: str) -> str | None:
    """``author``, ``editor`` or None (a ``Sumber:`` line) for a credit label as displayed."""
    label = label.strip(" :").casefold()
    if label in AUTHOR_LABELS or label == "author":  # the role itself (``TextOptions.unlabelled_credit``)
        return "author"
    if label in EDITOR_LABELS or label.startswith("redaktur"):
        return "editor"
    return None


@dataclass
class Draft:
    """The fields one extraction fills in; never shared between documents."""

    title: str | None = None
    description: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    dateline: str | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    layout: str | None = None
    warnings: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # metadata field -> where it was read
    dateline_prefix: str | None = None  # the opening dateline as displayed ("Jakarta (ANTARA) - ")
    #: The page shows a teaser behind a subscription wall (Tempo+ and its kin).
    paywalled: bool = False
    #: Why this input is no article (a navigation menu, a listing), where a pass found so.
    non_article: str | None = None
    #: Credits read from a line that only names them in passing (tirto's "… tulisan lainnya
    #: dari X"): merged after every labelled credit, so the labelled order stands.
    late_credits: list[tuple[str, list[str]]] = field(default_factory=list)
    #: Blocks that are sub-headings, list items or quotations (markup pages), for Markdown.
    kinds: dict[str, str] = field(default_factory=dict)
    #: Blocks of embedded posts the text introduces (markup pages): kept as they stand, never
    #: read as captions or credits (a post may end in a link that looks like a photo credit).
    embedded: set[str] = field(default_factory=set)
    #: Where each (block, verdict) stands in ``decisions``, built at the first revision, so
    #: revisions cost no scan and documents with none pay nothing.
    _positions: dict[tuple[str, str], list[int]] | None = field(default=None, repr=False, compare=False)

    META_FIELDS: ClassVar[tuple[str, ...]] = (
        "title", "description", "authors", "editors", "published", "updated", "dateline", "category", "tags",
    )

    def credit(self, role: str, names: str | Iterable[str], *, late: bool = False) -> None:
        """Record writers (``role="author"``) or editors; the one way rules add credits.

        ``names`` as displayed (``"A, B dan C"`` is split) or already split; ``late``
        merges them after the labelled credits of the page.
        """
        found = split_names(names) if isinstance(names, str) else [n for n in names if n]
        if late:
            self.late_credits.append((role, found))
        elif role == "author":
            self.authors = merge_names(self.authors, found)
        elif role == "editor":
            self.editors = merge_names(self.editors, found)

    def credit_label(self, label: str, names: str) -> bool:
        """A labelled credit (``Penulis: X``); False when the label names no writer or editor."""
        role = credit_role(label)
        if role is not None:
            self.credit(role, names)
        return role is not None

    def add_tags(self, tags: Iterable[str]) -> None:
        self.tags = merge_names(self.tags, [t for t in tags if t])

    def settle_late_credits(self) -> None:
        for role, names in self.late_credits:
            self.credit(role, names)
        self.late_credits.clear()

    def mark_sources(self, where: str) -> None:
        """Credit ``where`` with every filled metadata field that has no source yet."""
        for name in self.META_FIELDS:
            if getattr(self, name) and name not in self.sources:
                self.sources[name] = where

    def note(self, line: str, verdict: str, reason: str) -> None:
        """Record what happened to an input block, and why (``cleaner explain`` shows it)."""
        if self._positions is not None:
            self._positions.setdefault((line, verdict), []).append(len(self.decisions))
        self.decisions.append(Decision(line, verdict, reason))

    def revise(self, line: str, verdict: str, reason: str, *, was: str = "keep") -> None:
        """A later pass overturns the latest ``was`` decision on ``line`` (a repeat, a caption's title)."""
        if self._positions is None:
            self._positions = {}
            for index, decision in enumerate(self.decisions):
                self._positions.setdefault((decision.line, decision.verdict), []).append(index)
        positions = self._positions.get((line, was))
        if not positions:
            self.note(line, verdict, reason)
            return
        index = positions.pop()
        self.decisions[index] = Decision(line, verdict, reason)
        insort(self._positions.setdefault((line, verdict), []), index)
