"""What one document may cost before the cleaner refuses it.

A pipeline sees everything the web produces: a 50 MB log file saved as ``.html``, a
page of a million lines. An article is a few hundred blocks and under a megabyte of
markup, so inputs far beyond that are refused with empty text and a warning, in
time proportional to their size, instead of stalling a batch.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Per-document ceilings; each default is ten times or more what a real page needs."""

    #: Characters (or bytes) of input. The largest saved news page is under 0.5 MB.
    max_chars: int = 10_000_000
    #: Bytes of one input document as read (a file once decompressed, a JSON line, a record of a
    #: JSON array or a WARC): four per character, what ``max_chars`` characters take at most in
    #: UTF-8. Reading stops here, so a decompression bomb or a 500 MB line costs this much memory.
    max_input_bytes: int = 40_000_000
    #: Text blocks after splitting, in a dump or in an article container. Articles have hundreds.
    max_lines: int = 20_000
    #: Elements of an HTML page. The largest saved news page has about 2,200.
    max_elements: int = 100_000
    #: Elements of a page sent to trafilatura, whose time grows with them (~0.15 ms each).
    #: Real pages have 300–2,500; a larger page gets plain block text instead, so no page
    #: costs more than about a second.
    max_fallback_elements: int = 6_000
    #: Attributes of one element. Real elements have 15 at most; parsing time grows with the
    #: square of one element's attributes, so an element beyond this loses them all.
    max_attributes: int = 1_000
    #: Attributes of a whole page (real pages: under 5,000). Beyond it, every element with
    #: more than ``crowded_attributes`` loses them, so no flood spread over many elements costs.
    max_attributes_total: int = 200_000
    crowded_attributes: int = 50


DEFAULT_LIMITS = Limits()
