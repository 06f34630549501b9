"""Feeds and sitemaps to article URLs.

RSS and Atom go through feedparser. Sitemaps (``urlset``), sitemap indexes
(``sitemapindex``, whose entries are more sitemaps) and Google News sitemaps (a
``urlset`` with ``news:`` elements) are read with lxml; gzip bodies are unpacked,
whatever the server's headers say. Parsing is inert (no entities, no network).
"""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass, field

from lxml import etree

_MAX_UNPACKED = 50_000_000  # the sitemap protocol caps a file at 50 MB uncompressed


@dataclass(frozen=True)
class Discovered:
    """What one feed or sitemap lists: pages, and (from an index) more sitemaps."""

    pages: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


def unpack(body: bytes) -> bytes:
    """The body, gunzipped when it is gzip (by its magic bytes), capped at 50 MB."""
    if body[:2] != b"\x1f\x8b":
        return body
    try:
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        return decompressor.decompress(body, _MAX_UNPACKED)
    except (zlib.error, gzip.BadGzipFile):
        return b""


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def parse_sitemap(body: bytes) -> Discovered:
    """Page URLs of a ``urlset``, or sitemap URLs of a ``sitemapindex``; empty when neither."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(unpack(body), parser)
    except (etree.XMLSyntaxError, ValueError):
        return Discovered()
    if root is None:
        return Discovered()
    locations = [
        (loc.text or "").strip()
        for entry in root
        if _local(entry.tag) in ("url", "sitemap")
        for loc in entry
        if _local(loc.tag) == "loc" and (loc.text or "").strip()
    ]
    if _local(root.tag) == "sitemapindex":
        return Discovered(sitemaps=locations)
    return Discovered(pages=locations)


def parse_feed(body: bytes) -> Discovered:
    """Entry links of an RSS or Atom feed."""
    import io

    import feedparser

    # A stream, never bytes: feedparser would try bytes as a file name (or a URL) first.
    parsed = feedparser.parse(io.BytesIO(unpack(body)))
    links = []
    for entry in parsed.entries:
        link = entry.get("link")
        if isinstance(link, str) and link.strip():
            links.append(link.strip())
    return Discovered(pages=links)
