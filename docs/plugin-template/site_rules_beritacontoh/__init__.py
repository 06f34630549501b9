"""BeritaContoh (beritacontoh.id): a template for a site rule shipped as a plug-in.

Markup layout ``desktop-2025``: the article in ``div.isi-berita``, the title in
``h1.judul``, the byline in ``div.penulis``, the date in ``time.tanggal``.

Dump layout ``article-2025``: the menu (``Menu``, ``Beranda``, section names), the title, a byline ``Oleh Name``, a date line, then the
dateline ``BeritaContoh.id, Place - `` opening the first paragraph; inside the
body, ``Baca juga`` links (dropped by the shared patterns) and the site's own
``Ikuti BeritaContoh di Google News`` notice; a ``Berita Terkait`` list closes it.
"""

from __future__ import annotations

import re

from site_rules import Draft, HtmlLayout, Layout, SiteRule, has_class
from site_rules import patterns as P


class BeritaContoh(SiteRule):
    """BeritaContoh (beritacontoh.id), a plug-in template."""

    name = "beritacontoh"
    hosts = ("beritacontoh.id",)  # subdomains match too
    signature_markers = ("BeritaContoh.id",)  # a literal every page carries: the fast gate
    signatures = (re.compile(r"^BeritaContoh\.id, [A-Z]", re.M),)  # dumps that come with no URL
    dateline_forms = (re.compile(r"BeritaContoh\.id, (?P<place>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})\s*-\s*"),)
    layouts = (Layout("article-2025", re.compile(r"^BeritaContoh\.id, ", re.M)),)
    html_layouts = (  # saved pages: the article container and the visible header, as XPath
        HtmlLayout(
            "desktop-2025",
            body=f"//div[{has_class('isi-berita')}]",
            remove=(".//figure", f".//div[{has_class('baca-juga')}]"),
            title=f"//h1[{has_class('judul')}]",
            bylines=(f"//div[{has_class('penulis')}]",),
            published=f"//time[{has_class('tanggal')}]",
            category=f"//ol[{has_class('breadcrumb')}]/li[last()]",
            tags=f"//div[{has_class('tags')}]/a",
        ),
    )
    drops = (
        *P.line_patterns("beritacontoh.navigation", r"Menu|Beranda|Nasional|Daerah|Olahraga|Ekonomi"),
        *P.line_patterns("beritacontoh.google_news", r"Ikuti BeritaContoh di Google News.*"),
    )
    stops = P.line_patterns("beritacontoh.related", r"Berita Terkait")
    detection_examples = (
        ("https://www.beritacontoh.id/nasional/2025/01/02/judul", "beritacontoh"),
        ("https://daerah.beritacontoh.id/read/1", "beritacontoh"),
    )

    def header_line(self, line: str, draft: Draft, seen_title: bool) -> bool:
        """The byline ``Oleh Name`` under the title."""
        if seen_title and line.startswith("Oleh "):
            draft.credit("author", line.removeprefix("Oleh "))
            return True
        return False
