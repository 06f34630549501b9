"""JPNN (jpnn.com with www., m. and m.jpnn.com/amp).

Built from ``../shared/outlets`` (1 gold dump, 13 batch texts). What is JPNN's own: the
date line ``Senin, 09 November 2009 – 16:49 WIB``, datelines ``jpnn.com - JAKARTA - ``
(generic), ``Redaktur & Reporter : Tim Redaksi``, ``Silakan baca konten menarik lainnya
dari JPNN.com di Google News``, the 2026 mobile app promos (``Close Banner Apps
JPNN.com``, ``Download Apps JPNN.com``), codes ``(dil/jpnn)`` (shared).
"""

from __future__ import annotations

import re

from . import patterns as P
from .generic import Generic

__all__ = ["JPNN"]


class JPNN(Generic):
    """JPNN: the generic reading plus JPNN's own lines."""

    name = "jpnn"
    aliases = ("jpnn.com",)
    hosts = ("jpnn.com",)
    site_field = False
    signatures = (
        re.compile(r"^jpnn\.com - ", re.M),
        re.compile(r"^Silakan baca konten menarik lainnya dari JPNN\.com", re.M),
        re.compile(r"\([a-z]{2,5}/jpnn\)$", re.M),
    )
    signature_markers = ("jpnn", "JPNN")
    outlet_lines = P.line_patterns(
        "jpnn.notice",
        r"Silakan baca konten menarik lainnya dari JPNN\.com.*",
        r"(?:Close Banner|Download) Apps JPNN\.com.*",
    )
    detection_examples = (
        ("https://www.jpnn.com/news/x", "jpnn"),
        ("https://m.jpnn.com/amp/news/x", "jpnn"),
    )
