"""Tribun Network (tribunnews.com with its regional subdomains: wow., manado., makassar.,
mataram., medan., jatim., lampung., …; and the network's own domains: tribun-timur.com,
tribun-medan.com, surya.co.id, wartakotalive.com, serambinews.com, sripoku.com,
bangkapos.com, banjarmasinpost.co.id, pos-kupang.com, tribun-video.com).

Built from ``../shared/outlets`` (2 gold dumps, 16 batch texts of tribunnews.com and
its regional sites) and stored pages. What is Tribun's own: the ``Nikmati berita
interaktif …`` header (shared), ``Laporan Wartawan …``, ``zoom-in <title>``, ``Berita
Rekomendasi`` mid-body, the footer ``Dapatkan Berita Pilihan`` / ``di WhatsApp Anda`` /
``Baca WhatsApp Tribunnews`` / ``Ikuti kami di`` / ``Atas``, ``Kirim Komentar`` and its
disclaimer, brand datelines ``TRIBUN-TIMUR.COM - ``, ``SURYA.CO.ID, KOTA SURABAYA - ``
(the generic domain forms read them).
"""

from __future__ import annotations

import re

from . import patterns as P
from .base import TextOptions
from .generic import Generic

__all__ = ["Tribun"]


class Tribun(Generic):
    """Tribun Network (tribunnews.com, its regional subdomains and sites): built from 3 gold dumps and 16 batch texts.

    Tribun Network: the generic reading plus Tribun's own lines.
    """

    name = "tribun"
    aliases = ("tribunnews", "tribunnews.com")
    hosts = (
        "tribunnews.com", "tribun-timur.com", "tribun-medan.com", "tribun-video.com", "surya.co.id",
        "wartakotalive.com", "serambinews.com", "sripoku.com", "bangkapos.com", "banjarmasinpost.co.id", "pos-kupang.com",
    )
    dateline_outlets = (
        ("before_place", r"TRIBUNNEWS\.COM"), ("before_place", r"Tribunnews\.com"), ("before_place", r"TRIBUN-[A-Z]+\.COM"),
        ("before_place", r"SURYA\.co\.id"), ("before_place", r"WARTAKOTALIVE\.COM"),
    )  # how its datelines name it
    outlet_names = (r"Tribun", r"Tribunnews(?:\.com)?")  # printed alone on a line (shared.outlet_name)
    site_field = False
    brands = (r"Tribunnews\.com",)
    signatures = (
        re.compile(r"^(?:TRIBUNNEWS\.COM|TRIBUN-[A-Z]+\.COM|TRIBUN[A-Z]+\.COM|SURYA\.CO\.ID)[,\s]", re.M),
        re.compile(r"^Artikel ini telah tayang di [Tt]ribun", re.M),
        re.compile(r"^Baca WhatsApp Tribunnews", re.M),
    )
    signature_markers = ("TRIBUN", "ribun", "SURYA.CO.ID")
    outlet_lines = P.line_patterns(
        "tribun.notice",
        r"Laporan Wartawan .*|Berita Rekomendasi|zoom-in .*",
        r"Dapatkan Berita Pilihan|di WhatsApp Anda|Baca WhatsApp Tribunnews|Ikuti kami di|Atas",
        r"Isi komentar sepenuhnya adalah tanggung jawab pengguna.*",
        r"Istimewa",  # the photo credit line under "zoom-in"
        r"Lihat videonya(?: mulai)? (?:dari )?menit (?:ke-?)?\d+[:.]\d+\.?",
    )
    # The reporter's credit closing the last paragraph, "(Tribunlampung.co.id/Hanif Mustafa)": without
    # it the paragraph would read as a photo caption and be lost. (The name is not read as a credit yet.)
    line_rewrites = ((re.compile(r"\s*\((?:Tribun[\w.-]*|TRIBUN[\w.-]*|Surya[\w.]*|Wartakotalive[\w.]*)/[A-Z][^()/]{1,60}\)$"), ""),)
    # Regional pages put a topic label above the title: "Terkini Nasional", "Kecelakaan Lalu
    # Lintas", "Berita Entertainment" (two to four capitalised words, no punctuation).
    category_labels = (re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,3}"),)
    # The credits stand in the header, under the deck (m.tribunnews and the regional pages): a
    # credit line is no footer, and the body does not end there.
    options = TextOptions(credits_close_body=False)
    # TribunWow's related headlines between paragraphs: "• <headline>" (a headline: no closing stop).
    drops = (*Generic.drops, *P.line_patterns("tribun.related_bullet", r"•\s+[A-Z0-9\"'‘“].{10,200}(?<![.!?\"”])"))
    stops = (*Generic.stops, *P.line_patterns("tribun.footer", r"Kirim Komentar"))
    detection_examples = (
        ("https://m.tribunnews.com/nasional/2018/08/19/x", "tribun"),
        ("https://makassar.tribunnews.com/2021/01/01/x", "tribun"),
        ("https://surabaya.tribunnews.com/2021/01/01/x", "tribun"),
        ("https://www.surya.co.id/2021/01/01/x", "tribun"),
    )
