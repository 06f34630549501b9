"""The cleaner's output record."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

#: The GUIDE's keys, in its order. ``Article.to_dict`` starts with exactly these.
GUIDE_FIELDS: tuple[str, ...] = (
    "site", "url", "title", "description", "authors", "editors", "published", "updated",
    "dateline", "category", "tags", "text",
)


#: ``provenance.reason`` of a document in which no article text was found (as opposed to a
#: listing or menu, which is a non-article by evidence).
NO_TEXT = "no article text found"


class Outcome(str, Enum):
    """What happened to a document, as data: every record carries one.

    ``article``: text was found. ``non_article``: the document is a listing (index,
    search, topic, tag), a menu, or shows no article text. ``refused``: the input is
    not a document the cleaner reads (empty, binary, beyond the limits, unparseable).
    ``failed``: the cleaner could not do its job (an internal error, or the fallback
    could not run); the reason is in ``provenance.reason``.
    """

    ARTICLE = "article"
    NON_ARTICLE = "non_article"
    REFUSED = "refused"
    FAILED = "failed"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Decision:
    """What happened to one input block: ``keep``, ``drop`` or ``meta`` (moved to a field), and why.

    ``reason`` names the rule and pattern that decided: ``shared.read_also``,
    ``liputan6.whatsapp_notice``, ``tempo.related_list``, ``body`` for article text.
    """

    line: str
    verdict: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"block": self.line, "verdict": self.verdict, "reason": self.reason}


@dataclass(frozen=True)
class Provenance:
    """Which path produced an article: a site rule and its layout, or a fallback, and why."""

    extractor: str  # "rule" or "fallback"
    rule: str  # rule name: "tirto", ..., "generic"; on the fallback "density", "trafilatura" or "blocks"
    layout: str | None = None
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"extractor": self.extractor, "rule": self.rule, "layout": self.layout, "reason": self.reason}


@dataclass(frozen=True)
class Article:
    """A clean article: the GUIDE's fields, plus provenance and warnings.

    Immutable so it can be shared between pipeline stages without copies.
    ``published`` and ``updated`` are ISO 8601 strings (``2021-08-23T17:33:00+07:00``
    or date-only ``2021-08-23``) exactly as the GUIDE writes them.
    """

    site: str | None
    url: str | None
    title: str | None
    description: str | None
    authors: tuple[str, ...]
    editors: tuple[str, ...]
    published: str | None
    updated: str | None
    dateline: str | None
    category: str | None
    tags: tuple[str, ...]
    text: str
    provenance: Provenance = field(default_factory=lambda: Provenance("rule", "generic"))
    warnings: tuple[str, ...] = ()
    #: What happened to the document (see ``Outcome``); why, where it is not an article, is
    #: in ``provenance.reason``.
    outcome: Outcome = Outcome.ARTICLE
    #: The page shows only a teaser behind a subscription (Tempo+ and its kin).
    paywalled: bool = False
    #: Every input block in order with what happened to it and why (``cleaner explain``).
    decisions: tuple[Decision, ...] = field(default=(), repr=False, compare=False)
    #: The paragraphs that are sub-headings (``heading``), list items (``item``) or quotations
    #: (``quote``), by index; pages only. Markdown output keeps them.
    structure: tuple[tuple[int, str], ...] = field(default=(), repr=False, compare=False)
    #: Where each metadata field was read: ``(field, source)`` pairs such as
    #: ``("title", "markup: desktop-2024 title")`` or ``("published", "JSON-LD / OpenGraph")``.
    sources: tuple[tuple[str, str], ...] = field(default=(), repr=False, compare=False)

    def to_dict(self, *, decisions: bool = False) -> dict[str, Any]:
        """A JSON-ready dict: the GUIDE's keys in order, then outcome, paywalled, provenance, warnings.

        ``decisions=True`` adds the block-by-block decisions and the field sources.
        """
        record: dict[str, Any] = {}
        for key in GUIDE_FIELDS:
            value = getattr(self, key)
            record[key] = list(value) if isinstance(value, tuple) else value
        record["outcome"] = self.outcome.value
        record["paywalled"] = self.paywalled
        record["provenance"] = self.provenance.to_dict()
        record["warnings"] = list(self.warnings)
        if decisions:
            record["decisions"] = [decision.to_dict() for decision in self.decisions]
            record["sources"] = dict(self.sources)
        return record
