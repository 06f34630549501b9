"""Suara (suara.com with amp., jateng., malang., and the other regional subdomains; the
regional sites on their own domains: suarajawatengah.id, suaramalang.id, suarajogja.id,
suarasulsel.id, suarabali.id, suarajatim.id, suarabekaci.id, suarabogor.id, suarasumut.id).

Built from ``../shared/outlets`` (1 gold dump, 12 batch texts) and stored pages. What is
Suara's own: ``Follow Suara.com untuk mendapatkan informasi terkini. Klik WhatsApp
Channel & Google News`` (shared), datelines ``Suara.com - `` / ``SuaraJawaTengah.id - ``
(generic domain forms), AMP's ``Scroll untuk membaca artikel``, ``Kontributor : X``
(a credit line), ``VO/Video Editor: X`` on video pages.
"""

from __future__ import annotations

import re

from . import patterns as P
from .base import Draft, Layout, TextOptions
from .generic import Generic

#: A writer's name alone on a line: two to four capitalised words.
_NAME_LINE = re.compile(r"[A-Z][a-z'’.]+(?: [A-Z][a-z'’.]*){1,3}")

__all__ = ["Suara"]


class Suara(Generic):
    """Suara and its regional sites: built from 1 gold dump and 12 batch texts of ../shared/outlets.

    Suara: the generic reading plus Suara's own lines.
    """

    name = "suara"
    aliases = ("suara.com",)
    hosts = (
        "suara.com", "suarajawatengah.id", "suaramalang.id", "suarajogja.id", "suarasulsel.id", "suarabali.id",
        "suarajatim.id", "suarabekaci.id", "suarabogor.id", "suarasumut.id",
    )
    dateline_outlets = (("bare", "Suara"),)  # how its datelines name it
    outlet_names = (r"Suara\.com",)  # printed alone on a line (shared.outlet_name)
    site_field = False
    brands = (r"Suara\.com",)
    signatures = (
        re.compile(r"^Suara(?:\.com|[A-Z][A-Za-z]+\.id)\s+-\s", re.M),
        re.compile(r"^Follow Suara\.com untuk", re.M),
    )
    signature_markers = ("Suara",)
    outlet_lines = P.line_patterns(
        "suara.notice",
        r"Scroll untuk membaca artikel|VO/Video Editor\s*:.*",
    )
    # The AMP page of the regional sites: title, "Scroll untuk membaca artikel", the writer's name
    # alone on a line, the date, the photo and its caption, then the body.
    layouts = (
        Layout(
            "amp-regional",
            re.compile(r"^Scroll untuk membaca artikel$", re.M),
            options=TextOptions(unlabelled_credit="author"),
        ),
    )
    detection_examples = (
        ("https://www.suara.com/news/2019/02/14/x", "suara"),
        ("https://jateng.suara.com/read/2021/x", "suara"),
        ("https://www.suarajogja.id/news/x", "suara"),
    )

    def header_line(self, line: str, draft: Draft, seen_title: bool) -> bool:
        """On the AMP page the writer's name stands alone under the scroll hint, where an
        excerpt may have lost the title above it: a name there is the writer, not the title."""
        if draft.layout == "amp-regional" and not seen_title and _NAME_LINE.fullmatch(line):
            draft.credit("author", line)
            return True
        return super().header_line(line, draft, seen_title)
