"""Liputan6 (liputan6.com, with its m., opera., news. and channel subdomains).

Layouts seen in dumps:

* ``desktop-2018``: the ``Sukses`` toast line, the title, the deck, ``oleh <Author>
  diperbarui 26 Nov 2018, 09:30 WIB`` and ``Diterbitkan 26 Nov 2018, 09:30 WIB``, an
  image title and its caption credited ``(Liputan6.com/…)``, then the body.
* ``amp``: the body alone, opening with the dateline.

The dateline is ``Liputan6.com, Jakarta - `` with variants ``Jakarta-``, ``Jakarta:``,
no dash at all, or ``Jakarta - `` without the outlet. Inside the body: ``Advertisement``,
bare ``Baca Juga``, the WhatsApp channel and hoax-check notices, ``2 dari 3 halaman``
pagination (each followed by a sub-heading, which is kept), ``Saksikan video pilihan``;
the page ends with ``Video Terkini`` / ``POPULER`` lists.
"""

from __future__ import annotations

import re

from cleaner.dates import parse_datetime
from cleaner.names import merge_names, split_names

from . import patterns as P
from .base import Draft, Layout, SiteRule

# "Jakarta - Barcelona siap menjamu …": the outlet left out of the dateline.
_BARE_PLACE_DATELINE = re.compile(r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?) - (?=[A-Z])")
_BYLINE = re.compile(r"oleh (?P<names>.+?)(?:\s+(?:diperbarui|Diperbarui)\s+(?P<updated>.+))?")
_PUBLISHED = re.compile(r"Diterbitkan\s+(?P<date>.+)")
# Multi-word places that may follow "Liputan6.com, " with no dash to end them.
_PLACE_TAILS = r"(?: (?:Aceh|Utara|Selatan|Barat|Timur|Tengah|Baru|York|Lumpur|Raya|Besar))?"


class Liputan6(SiteRule):
    name = "liputan6"
    hosts = ("liputan6.com",)
    signatures = (
        re.compile(r"^Liputan6\.com, [A-Z]", re.M),
        re.compile(r"WhatsApp Channel Liputan6\.com", re.M),
        re.compile(r"Cek Fakta Liputan6\.com 0811", re.M),
        re.compile(r"^oleh .+ diperbarui \d", re.M),
    )
    signature_markers = ("Liputan6.com", "oleh ")
    dateline_forms = (
        re.compile(r"Liputan6\.com,\s*(?P<place>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})\s*(?:--|-|–|—|:)\s*"),
        re.compile(rf"Liputan6\.com,\s*(?P<place>[A-Z][\w'-]*{_PLACE_TAILS})\s+(?=[A-Z0-9\"“'])"),
        _BARE_PLACE_DATELINE,
    )
    layouts = (
        Layout("desktop-2018", re.compile(r"^Sukses$", re.M)),
        Layout("desktop-byline", re.compile(r"^oleh .+ diperbarui", re.M)),
    )
    deck_always = True
    drops = (
        *P.line_patterns(
            "liputan6.notice",
            r"Selengkapnya di|Video Terkini Selengkapnya|Infografis Selengkapnya",
            # The hoax-check notice, also when the dump is cut inside it.
            r"\* Fakta atau Hoaks\?.*|\* Follow Official.*",
        ),
    )
    stops = P.line_patterns("liputan6.end_lists", r"Video Terkini|POPULER|Berita Terkini Selengkapnya")
    detection_examples = (
        ("https://www.liputan6.com/news/read/5510213/x", "liputan6"),
        ("https://m.liputan6.com/bola/read/3977663/x", "liputan6"),
        ("https://opera.liputan6.com/tekno/read/3735230/x", "liputan6"),
    )

    def valid_dateline(self, line: str, match: re.Match[str]) -> bool:
        # The bare "Jakarta - " form only opens a paragraph, never a title or a caption.
        if match.re is _BARE_PLACE_DATELINE:
            return len(line) > 150
        return super().valid_dateline(line, match)

    def header_line(self, line: str, draft: Draft, seen_title: bool) -> bool:
        byline = _BYLINE.fullmatch(line)
        if byline and seen_title:
            draft.authors = merge_names(draft.authors, split_names(byline.group("names")))
            if byline.group("updated"):
                draft.updated = parse_datetime(byline.group("updated")) or draft.updated
            return True
        published = _PUBLISHED.fullmatch(line)
        if published and parse_datetime(published.group("date")):
            draft.published = parse_datetime(published.group("date"))
            return True
        return False
