from __future__ import annotations

import dataclasses
import json

import pytest

from cleaner import GUIDE_FIELDS, Article, clean
from cleaner.article import Outcome

DUMP = "Judul Berita Contoh\nJakarta, CNN Indonesia -- Paragraf pertama.\nParagraf kedua. (abc)"


def test_article_is_immutable_and_ordered() -> None:
    article = clean(DUMP)
    assert isinstance(article, Article)
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.title = "x"  # type: ignore[misc]
    record = article.to_dict()
    assert list(record)[: len(GUIDE_FIELDS)] == list(GUIDE_FIELDS)
    assert record["provenance"] == {"extractor": "rule", "rule": "cnnindonesia", "layout": None, "reason": None}
    json.dumps(record)  # JSON-ready


def test_str_and_bytes_agree() -> None:
    article = clean(DUMP)
    assert article.outcome is Outcome.ARTICLE and article == clean(DUMP.encode("utf-8"))


def test_windows_1252_bytes_are_decoded() -> None:
    article = clean("Jakarta, CNN Indonesia -- Harga naik 5\u2030 pekan ini.".encode("cp1252"))
    assert article.text == "Harga naik 5\u2030 pekan ini."


def test_normalization_of_spaces_and_mojibake() -> None:
    article = clean("Jakarta (ANTARA) -\u00a0Kalimat\u00a0pertama  dengan\tspasi.\n\u00c2\nKalimat kedua.   ")
    assert article.text == "Kalimat pertama dengan spasi.\n\nKalimat kedua."


@pytest.mark.parametrize("content", ["", "   \n\n", b"", b"\x00\x00", "\x00"])
def test_empty_input_gives_empty_article_with_warning(content: str | bytes) -> None:
    article = clean(content)
    assert article.text == ""
    assert article.warnings
    assert article.outcome is Outcome.REFUSED and article.provenance.reason == "empty input"


def test_html_does_not_crash_and_says_which_path_ran() -> None:
    html = "<html><head><title>Judul</title></head><body><article><p>Jakarta (ANTARA) - Isi berita yang cukup panjang untuk diambil.</p><p>Paragraf kedua berita ini juga cukup panjang.</p></article></body></html>"
    article = clean(html, url="https://www.antaranews.com/berita/1/x")
    assert article.outcome is Outcome.ARTICLE
    assert article.provenance.extractor == "fallback"
    assert article.provenance.rule == "trafilatura"
    assert article.site == "antara"


def test_caption_only_page_keeps_caption_without_credit() -> None:
    article = clean("Warga menanam mangrove di pesisir Demak, Minggu (5/1/2025). ANTARA FOTO/Fulan/abc.\nCopyright © ANTARA 2025", site="antara")
    assert article.text == "Warga menanam mangrove di pesisir Demak, Minggu (5/1/2025)."


def test_editor_code_removed_only_at_the_end() -> None:
    article = clean("Jakarta, CNN Indonesia -- Laporan (KPK) diterima.\nKasus ditangani KPK. (nma/ayp)", site="cnnindonesia")
    assert article.text == "Laporan (KPK) diterima.\n\nKasus ditangani KPK."
    article = clean("Jakarta, CNN Indonesia -- Berkas diserahkan ke KPK (Komisi Pemberantasan Korupsi).", site="cnnindonesia")
    assert article.text.endswith("(Komisi Pemberantasan Korupsi).")


def test_meta_charset_is_honoured_for_html_bytes() -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Judul</title></head><body><div id="content_news">'
        "Medan (ANTARA News) - Harga naik 5\u2030 dan \u201ckatanya\u201d stabil.<br>Editor: Ayu Lestari</div></body></html>"
    ).encode("cp1252")
    article = clean(page, url="http://www.antaranews.com/berita/1/x")
    assert article.text == "Harga naik 5\u2030 dan \u201ckatanya\u201d stabil."


def test_mojibake_is_repaired_only_where_unambiguous() -> None:
    article = clean("Jakarta (ANTARA) - Ia berkata \u00e2\u20ac\u0153cukup\u00e2\u20ac\u009d.\nKalimat biasa \u201cini\u201d.", site="antara")
    assert article.text == "Ia berkata \u201ccukup\u201d.\n\nKalimat biasa \u201cini\u201d."
    assert "mis-decoded text (mojibake) repaired" in article.warnings


def test_http_charset_decodes_bytes() -> None:
    body = "Jakarta (ANTARA) - Kata \u201cresmi\u201d dipakai.".encode("cp1252")
    assert clean(body, site="antara", encoding="windows-1252").text == "Kata \u201cresmi\u201d dipakai."
    assert clean(b"Jakarta (ANTARA) - Teks.", site="antara", encoding="no-such-charset").text == "Teks."


def test_layout_with_empty_body_falls_back_to_trafilatura() -> None:
    page = (
        "<html><head><title>Judul Halaman</title></head><body><h1>Judul Halaman</h1>"
        "<div id='content_news'></div><article><p>Medan (ANTARA) - Paragraf pertama berita yang cukup panjang "
        "untuk dikenali sebagai isi oleh pengekstrak.</p><p>Paragraf kedua berita ini juga cukup panjang untuk "
        "diambil sebagai bagian dari isi artikel.</p></article></body></html>"
    )
    article = clean(page, url="https://www.antaranews.com/berita/1/x")
    assert article.provenance.extractor == "fallback"
    assert "found no body" in (article.provenance.reason or "")
    assert article.title == "Judul Halaman"


def test_search_and_tag_addresses_are_not_articles() -> None:
    page = "<html><body><h3>Banjir di Bekasi</h3><p>Air surut pada pagi hari di tiga kecamatan.</p></body></html>"
    for url in ("https://www.tempo.co/tag/banjir", "https://tirto.id/search?q=banjir", "https://www.liputan6.com/"):
        article = clean(page, url=url)
        assert article.text == "" and any("non-article" in w for w in article.warnings), url
    assert clean(page, url="https://www.tempo.co/read/1/banjir-di-bekasi").text != ""
