"""Which source wins for each field: one precedence table for dumps and pages alike.

Sources, as a document may offer them:

* ``markup``: the visible header and footer a markup layout reads, and the text passes
  over that layout's article blocks (what the page shows, read by structure);
* ``text``: the text passes over a raw dump (what the page showed, as a crawler kept it);
* ``visible``: on a page no layout reads, what it shows by common conventions: the rule's
  page hook (a credits box), its one ``<h1>``, the last breadcrumb item, the first list
  of tag links;
* ``headline``: on a page no layout reads, the date line shown by its headline (before
  the head's date, often an indexing time or a day without its hour);
* ``page``: the page's description of itself: JSON-LD, OpenGraph, ``article:*``, meta;
* ``trafilatura``: trafilatura's metadata guesses, on fallback pages;
* ``extracted``: the text passes over trafilatura's text, whose opening lines are a
  guess at the header.

Displayed values win over declared ones; guesses come last. A page's declared editors,
section and tags stand in only where nothing shown names them (the GUIDE wants what is
displayed; a declared section is the same label more often than not). ``description`` is
only what the page shows under its title (a head's ``og:description`` is a summary, not the
deck), and ``updated`` only a displayed update time (``article:modified_time`` is stamped on
every save, shown or not).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from .draft import Draft

PRECEDENCE: Mapping[str, tuple[str, ...]] = {
    "title": ("markup", "text", "page", "visible", "trafilatura", "extracted"),
    "description": ("markup", "text"),
    "authors": ("markup", "text", "visible", "extracted", "page", "trafilatura"),
    "editors": ("markup", "text", "visible", "extracted", "page"),
    "published": ("markup", "text", "headline", "page", "visible", "trafilatura", "extracted"),
    "updated": ("markup", "text", "visible", "extracted"),
    "dateline": ("markup", "text", "extracted"),
    "category": ("markup", "text", "visible", "extracted", "page"),
    "tags": ("markup", "text", "visible", "extracted", "page"),
}

PAGE_METADATA = "page metadata: JSON-LD / OpenGraph / meta"


@dataclass(frozen=True)
class Candidate:
    """One source's reading of the fields: an object with the field attributes, and a label."""

    fields: Any  # a Draft or a PageMeta
    label: str
    #: Use the draft's own record of where each field was read, where it has one.
    own_sources: bool = True


def _value(source: Any, name: str) -> Any:
    value = getattr(source, name, None)
    return list(value) if isinstance(value, tuple) else value


def resolve(candidates: Mapping[str, Candidate], into: Draft) -> None:
    """Set every field of ``into`` from the first source in ``PRECEDENCE`` that has a value.

    A field no source fills is left empty; ``into.sources`` says where each value was read.
    """
    empty = Draft()
    for name, order in PRECEDENCE.items():
        for source in order:
            candidate = candidates.get(source)
            if candidate is None:
                continue
            value = _value(candidate.fields, name)
            if value:
                setattr(into, name, value)
                sources = getattr(candidate.fields, "sources", None) if candidate.own_sources else None
                into.sources[name] = (sources or {}).get(name) or candidate.label
                break
        else:
            setattr(into, name, getattr(empty, name))
            into.sources.pop(name, None)
