"""``cleaner explain``: the input block by block, KEEP, DROP or META, with the reason.

Pure rendering of an ``Article``'s decisions, sources and provenance into lines of
text; the caller styles them (colour on a terminal, plain when piped).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from .article import GUIDE_FIELDS, Article, Outcome
from .inert import for_terminal

VERDICT_LABELS = {"keep": "KEEP", "drop": "DROP", "meta": "META"}
#: Colours for a terminal: kept text stands out, dropped text recedes.
VERDICT_STYLES: dict[str, dict[str, Any]] = {"keep": {"fg": "green", "bold": True}, "drop": {"fg": "red", "dim": True}, "meta": {"fg": "cyan"}}


@dataclass(frozen=True)
class Line:
    """One line of the explanation, and the verdict whose style it takes (None: plain)."""

    text: str
    verdict: str | None = None


def describe_path(article: Article) -> str:
    """Which rule and layout ran, or which fallback and why."""
    p = article.provenance
    if p.extractor == "rule":
        layout = f", layout {p.layout}" if p.layout else ""
        return f"rule {p.rule}{layout}" + (f" ({p.reason})" if p.reason else "")
    if article.outcome in (Outcome.REFUSED, Outcome.FAILED):
        return f"{article.outcome.value}: {p.reason}"
    return f"fallback {p.rule}: {p.reason}"


def explain(article: Article, *, source: str, width: int = 100) -> Iterator[Line]:
    """The explanation of one document; blocks longer than ``width`` are cut with ``…`` (0: never).

    Every line is shown inert: a page's (or a URL's, a file name's) control characters
    come out as ``\\x1b``-style escapes, never raw to the terminal.
    """
    for line in _explain(article, source=source, width=width):
        yield Line(for_terminal(line.text), line.verdict)


def _explain(article: Article, *, source: str, width: int) -> Iterator[Line]:
    yield Line(f"{source}: {describe_path(article)}")
    for warning in article.warnings:
        yield Line(f"warning: {warning}")
    yield Line("")
    reason_width = max((len(d.reason) for d in article.decisions), default=4)
    for decision in article.decisions:
        block = decision.line
        if width and len(block) > width:
            block = block[: width - 1] + "…"
        yield Line(f"{VERDICT_LABELS.get(decision.verdict, decision.verdict.upper())}  {decision.reason:<{reason_width}}  {block}", decision.verdict)
    if not article.decisions:
        yield Line("(no block decisions: the fallback extractor chose the text)")
    yield Line("")
    sources = dict(article.sources)
    for key in GUIDE_FIELDS:
        if key == "text":
            continue
        value = getattr(article, key)
        shown = ", ".join(value) if isinstance(value, tuple) else value
        if shown in (None, ""):
            continue
        where = sources.get(key) or ""
        if key == "site":
            where = "the URL's host" if article.url else "the text's signatures"
        yield Line(f"{key:<12} {shown}" + (f"   [{where}]" if where else ""))
    paragraphs = article.text.split("\n\n") if article.text else []
    yield Line(f"{'text':<12} {len(paragraphs)} paragraphs, {len(article.text):,} characters")
