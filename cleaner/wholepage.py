"""Whole-page dumps made from saved HTML, as users' crawlers write them, for measurement.

A whole page's text holds the site's menus, tickers, sidebars and footers around the
article; the dumps in ``../shared`` hold little beyond the article. To measure the dump
pipeline on what users have, ``scripts/evaluate.py``, ``scripts/bench.py`` and the tests
turn each saved page into whole-page dumps with common converters, at run time (the
dumps are third-party text and are never stored):

* ``resiliparse``: resiliparse's plain text with main-content extraction off, as Common
  Crawl writes its WET records;
* ``get_text``: BeautifulSoup's ``get_text("\\n")``, a crawler's quickest dump;
* ``html2text``: Markdown, as the crawlers of the LLM era write it.

The converters are an extra (``pip install -e '.[wholepage]'``); a missing one is left
out and said by ``available``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

__all__ = ["CONVERTERS", "WholePageTotals", "available", "convert", "measure"]


def _resiliparse(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return str(extract_plain_text(HTMLTree.parse(html), main_content=False))


def _get_text(html: str) -> str:
    from bs4 import BeautifulSoup

    return str(BeautifulSoup(html, "lxml").get_text("\n"))


def _html2text(html: str) -> str:
    import html2text

    converter = html2text.HTML2Text()
    converter.body_width = 0  # no hard wrapping: one block a line, as crawlers write it
    return str(converter.handle(html))


#: Name → converter of an HTML page to its whole-page text.
CONVERTERS: dict[str, Callable[[str], str]] = {
    "resiliparse": _resiliparse,
    "get_text": _get_text,
    "html2text": _html2text,
}

_MODULES = {"resiliparse": "resiliparse.extract.html2text", "get_text": "bs4", "html2text": "html2text"}


def available() -> dict[str, str | None]:
    """Each converter's name → None where it can run, else why not (the import error)."""
    import importlib

    found: dict[str, str | None] = {}
    for name, module in _MODULES.items():
        try:
            importlib.import_module(module)
            found[name] = None
        except ImportError as error:
            found[name] = f"{module} cannot be imported: {error} (pip install -e '.[wholepage]')"
    return found


def convert(name: str, html: str) -> str:
    """The whole-page dump of ``html`` by converter ``name``."""
    return CONVERTERS[name](html)


@dataclass
class WholePageTotals:
    """What one converter's whole-page dumps scored: the means of issue 20's bars."""

    articles: int = 0
    f1: float = 0.0
    recall: float = 0.0
    title: int = 0
    published: int = 0
    non_articles: int = 0
    #: Articles that kept under 90% of their tokens, and non-articles that kept text.
    lost: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def means(self) -> dict[str, float]:
        n = self.articles or 1
        return {"f1": self.f1 / n, "recall": self.recall / n, "title": self.title / n, "published": self.published / n}


def measure(roots: list[Path], cleaner: Any, names: Iterable[str] | None = None) -> dict[str, WholePageTotals]:
    """Clean the whole-page dumps of every saved page under ``roots`` that has an expected
    record (the gold of its dumps too: the article is the same), per converter."""
    from .evaluation import find_cases, loss, score

    chosen = [n for n in (names or CONVERTERS) if available().get(n) is None]
    totals = {name: WholePageTotals() for name in chosen}
    for case in find_cases(roots):
        if case.input_kind != "html":
            continue
        html = case.path.read_text(encoding="utf-8", errors="replace")
        for name in chosen:
            got = cleaner.clean(convert(name, html), url=case.url).to_dict()
            result = score(got, case.expected)
            lost = loss(got, case.expected, result)
            total = totals[name]
            if case.expected.get("text"):
                total.articles += 1
                total.f1 += result.f1
                total.recall += result.recall
                total.title += result.fields["title"]
                total.published += result.fields["published"]
                if lost:
                    total.lost.append(f"{case.path.name}: {lost}")
            else:
                total.non_articles += 1
                if lost:
                    total.kept.append(f"{case.path.name}: {lost}")
    return totals
