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

from typing import Callable

__all__ = ["CONVERTERS", "available", "convert"]


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
