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
from .generic import Generic

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
    detection_examples = (
        ("https://www.suara.com/news/2019/02/14/x", "suara"),
        ("https://jateng.suara.com/read/2021/x", "suara"),
        ("https://www.suarajogja.id/news/x", "suara"),
    )
