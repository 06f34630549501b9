"""Hypothesis strategies for dumps and pages: prose, the boilerplate rules drop, and noise.

Shared by the property tests and ``scripts/fuzz.py``. The prose is built from a
small Indonesian vocabulary with sentence punctuation, so a paragraph never reads
as a title, a credit or a notice; the boilerplate lines are the kinds of line the
GUIDE drops (notices, read-also links, captions, credits, datelines).
"""

from __future__ import annotations

from hypothesis import strategies as st

from site_rules import all_rules

RULE_NAMES = [rule.name for rule in all_rules()]

WORDS = (
    "warga pemerintah harga beras naik di pasar kota menurut kepala dinas pada Senin yang dan "
    "Rp10.000 persen sekolah jalan banjir petani panen musim hujan tahun ini kata dia rapat desa "
    "Bandung Surabaya Medan dua tiga ribu orang bantuan sosial diberikan sejak pagi hingga malam"
).split()

sentence = st.lists(st.sampled_from(WORDS), min_size=4, max_size=18).map(lambda words: " ".join(words).capitalize() + ".")
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)

BOILERPLATE = (
    "Baca juga: Harga cabai turun di pasar induk",
    "BACA JUGA",
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "Editor: Budi Santoso",
    "Penulis: Siti Rahma",
    "Pewarta: Andi Wijaya",
    "Reporter: Dewi Lestari",
    "Warga menunggu bantuan di balai desa. (Liputan6.com/Fulan Hakim)",
    "Petugas memeriksa tanggul. ANTARA FOTO/Joko Susilo/aww.",
    "Foto: Dok. Istimewa",
    "Berita terkait",
    "POPULER",
    "Video Terkini",
    "Kamis, 12 Maret 2020 10:15 WIB",
    "Selasa, 04 Feb 2025 07:30 WIB",
    "(has)",
    "(nma/ayp)",
    "2 dari 3 halaman",
    "Lanjutkan Membaca ↓",
    "Tags: banjir, jakarta",
    "Ukuran Font: - +",
    "Menuju konten utama",
    "Saksikan Video Pilihan Berikut Ini:",
    "Copyright © 2025 Contoh Media. All rights reserved.",
    "Berita ini telah tayang di contoh.com dengan judul berita lain",
)

DATELINES = (
    "tirto.id - ",
    "Jakarta, CNN Indonesia -- ",
    "Liputan6.com, Jakarta - ",
    "Jakarta (ANTARA) - ",
    "TEMPO.CO, Jakarta - ",
    "JAKARTA - ",
    "",
)

TITLE = st.lists(st.sampled_from(WORDS), min_size=3, max_size=10).map(lambda words: " ".join(words).title())

#: A raw dump: maybe a title, a dateline glued to the first paragraph, then prose, boilerplate and noise.
messy_dump = st.builds(
    lambda title, dateline, first, rest: "\n".join(([title] if title else []) + [dateline + first] + rest),
    st.one_of(st.none(), TITLE),
    st.sampled_from(DATELINES),
    paragraph,
    st.lists(st.one_of(paragraph, paragraph, st.sampled_from(BOILERPLATE), st.text(max_size=60)), max_size=20),
)

#: Text with lone surrogates: valid in a JSON string, never in UTF-8.
with_surrogates = st.lists(
    st.one_of(paragraph, st.sampled_from(["\ud800", "\udfff", "\udc80", "\ud83d"]), st.text(max_size=20)), min_size=1, max_size=12
).map("".join)

#: Bytes of the upper half only: random data a detector would read as cp1252 noise.
high_bytes = st.lists(st.integers(0x80, 0xFF), min_size=1, max_size=4000).map(bytes)

#: Charset labels as servers and pages write them, bogus ones included.
charset_labels = st.sampled_from(
    [None, "utf-8", "UTF-8", "windows-1252", "latin-1", "iso-8859-1", "undefined", "punycode", "idna", "utf-7",
     "base64", "rot13", "x-user-defined", "no-such-charset", "", "utf-16", '"utf-8"']
)

#: A dump that is already clean: distinct prose paragraphs, one per block.
clean_dump = st.lists(paragraph, min_size=1, max_size=12, unique=True).map("\n\n".join)

_TAGS = ("<p>", "</p>", "<div class='content'>", "</div>", "<br>", "<h1>", "</h1>", "<script>", "</script>",
         '<script type="application/ld+json">', '{"@type": "NewsArticle", "headline": ', '"datePublished": "2024-02-30"}',
         "<!--", "-->", "<![CDATA[", "]]>", "&nbsp;", "&#0;", "&lol;", "<figcaption>", "</figcaption>", "<table><tr><td>")

#: Markup soup: tags, entities, JSON-LD fragments, prose and noise in any order.
markup = st.lists(
    st.one_of(st.sampled_from(_TAGS), paragraph, st.sampled_from(BOILERPLATE), st.text(max_size=30)), max_size=40
).map(lambda parts: "<html><body>" + "".join(parts))
