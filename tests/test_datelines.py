"""Opening datelines: stripped from the first paragraph, their place kept as displayed."""

from __future__ import annotations

import pytest

from cleaner import clean


@pytest.mark.parametrize(
    "first_line, site, place, text",
    [
        ("tirto.id - Isi berita.", "tirto", None, "Isi berita."),
        ("Jakarta, CNN Indonesia -- Isi berita.", "cnnindonesia", "Jakarta", "Isi berita."),
        ("Kampar, Riau, CNN Indonesia -- Isi berita.", "cnnindonesia", "Kampar, Riau", "Isi berita."),
        ("Liputan6.com, Pyongyang - Isi berita.", "liputan6", "Pyongyang", "Isi berita."),
        ("Liputan6.com, Jakarta- Isi berita.", "liputan6", "Jakarta", "Isi berita."),
        ("Liputan6.com, Banda Aceh - Isi berita.", "liputan6", "Banda Aceh", "Isi berita."),
        ("New York (ANTARA News) - Isi berita.", "antara", "New York", "Isi berita."),
        ("Jakarta (ANTARA) - Isi berita.", "antara", "Jakarta", "Isi berita."),
        ("ANTARA - Isi berita.", "antara", None, "Isi berita."),
        ("(Antara)- Isi berita.", "antara", None, "Isi berita."),
        ("TEMPO.CO, Banda Aceh - Isi berita.", "tempo", "Banda Aceh", "Isi berita."),
        ("JAKARTA -- Isi berita.", "tempo", "JAKARTA", "Isi berita."),
        ("JAKARTA, KOMPAS.com - Isi berita.", "generic", "JAKARTA", "Isi berita."),
        ("TRIBUNNEWS.COM, SURABAYA -- Isi berita.", "generic", "SURABAYA", "Isi berita."),
        ("jpnn.com - JAKARTA - Isi berita.", "generic", "JAKARTA", "Isi berita."),
        ("Jakarta, CNBC Indonesia - Isi berita.", "generic", "Jakarta", "Isi berita."),
    ],
)
def test_dateline_stripped(first_line: str, site: str, place: str | None, text: str) -> None:
    article = clean(first_line + "\nParagraf kedua.", site=site)
    assert article.dateline == place
    assert article.text == text + "\n\nParagraf kedua."


def test_dateline_alone_on_its_line_is_dropped() -> None:
    article = clean("Judul Berita\nJakarta, CNN Indonesia --\nIsi berita pertama.", site="cnnindonesia")
    assert (article.dateline, article.text) == ("Jakarta", "Isi berita pertama.")


def test_no_dateline_in_a_sentence() -> None:
    # "Jakarta - Bandung" inside a sentence is no dateline.
    article = clean("Kereta cepat rute Jakarta - Bandung kembali beroperasi normal.", site="liputan6")
    assert article.dateline is None
    assert article.text.startswith("Kereta cepat")


# Other outlets, read by the generic rule (issue 15): the outlet's name is no place.
OTHER_OUTLETS = [
    ("Merdeka.com - ", None), ("KapanLagi.com - ", None), ("Dream.co.id - ", None), ("KOMPAS.com - ", None),
    ("detikNews - ", None), ("Suara.com - ", None), ("VIVA - ", None), ("SOLOPOS.COM - ", None), ("Sindonews.com - ", None),
    ("Okezone.com, Jakarta - ", "Jakarta"), ("JPNN.com, JAKARTA - ", "JAKARTA"), ("REPUBLIKA.CO.ID, JAKARTA -- ", "JAKARTA"),
    ("Fimela.com, Jakarta ", "Jakarta"), ("Bola.com, Bandung - ", "Bandung"), ("JAKARTA, KOMPAS.com - ", "JAKARTA"),
]


@pytest.mark.parametrize(("dateline", "place"), OTHER_OUTLETS, ids=[d.strip() for d, _ in OTHER_OUTLETS])
def test_datelines_of_other_outlets_on_pages(dateline: str, place: str | None) -> None:
    body = "Pemerintah kota mengumumkan jadwal baru pengangkutan sampah yang berlaku mulai pekan depan bagi seluruh warga di wilayah itu."
    page = (
        f"<html><body><article><h1>Jadwal Sampah Kota Berubah</h1><p>{dateline}{body}</p>"
        "<p>Paragraf kedua yang juga cukup panjang untuk artikel ini di sini.</p></article></body></html>"
    )
    article = clean(page, url="https://media-lain.id/berita/1")
    assert article.text.startswith(body) and article.dateline == place
