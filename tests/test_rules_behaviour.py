"""Behaviour the rules share, on small dumps written for the purpose."""

from __future__ import annotations

from cleaner import clean


def test_labelled_update_date_goes_to_updated() -> None:
    dump = (
        "Sukses\nJudul Berita Contoh\nRingkasan berita contoh.\n"
        "Diterbitkan 05 Jan 2025, 08:00 WIB\nDiperbarui 05 Jan 2025, 09:30 WIB\n"
        "Liputan6.com, Jakarta - Isi berita."
    )
    article = clean(dump, site="liputan6")
    assert (article.published, article.updated) == ("2025-01-05T08:00:00+07:00", "2025-01-05T09:30:00+07:00")


def test_one_line_credit_footer_is_split() -> None:
    article = clean("JAKARTA, KOMPAS.com - Isi berita.\nPenulis: Ayu Lestari | Editor: Bima Sakti", site="generic")
    assert (article.authors, article.editors, article.text) == (("Ayu Lestari",), ("Bima Sakti",), "Isi berita.")


def test_credit_line_with_two_labels_and_no_separator() -> None:
    article = clean("JAKARTA, KOMPAS.TV - Isi berita.\nPenulis : Ayu Lestari Sumber : Kompas TV", site="generic")
    assert (article.authors, article.text) == (("Ayu Lestari",), "Isi berita.")
    article = clean("Isi berita bola.\nEditor : Bima Sakti Sumber : BolaSport.com", site="generic")
    assert article.editors == ("Bima Sakti",)


def test_source_line_does_not_end_the_article() -> None:
    dump = "Jakarta (ANTARA) - Data inflasi bulanan.\nBulan | Inflasi |\nJanuari | 0,4 |\nSumber: BPS\nParagraf setelah tabel."
    text = clean(dump, site="antara").text
    assert text == "Data inflasi bulanan.\n\nBulan | Inflasi |\n\nJanuari | 0,4 |\n\nParagraf setelah tabel."


def test_writer_credit_ends_the_article() -> None:
    dump = "tirto.id - Isi berita.\nPenulis: Ayu Lestari\nEditor: Bima Sakti\nArtikel lain yang mungkin Anda suka"
    article = clean(dump, site="tirto")
    assert article.text == "Isi berita."


def test_bare_read_also_heading_is_dropped_not_an_end() -> None:
    dump = "Liputan6.com, Jakarta - Paragraf satu.\nLihat Juga\nParagraf dua.\nPilihan Editor: Judul Lain di Situs"
    assert clean(dump, site="liputan6").text == "Paragraf satu.\n\nParagraf dua."


def test_related_list_ends_the_article() -> None:
    dump = "TEMPO.CO, Jakarta - Paragraf satu.\nBerita terkait\nJudul berita lain\n3 jam lalu"
    assert clean(dump, site="tempo").text == "Paragraf satu."


def test_repeated_paragraph_and_teaser_keep_the_first() -> None:
    lead = "Pemerintah daerah menyiapkan tiga lokasi pengungsian baru bagi warga yang terdampak banjir."
    dump = f"JAKARTA - {lead}\nParagraf dua.\nJAKARTA - {lead[:70]}\n{lead}"
    assert clean(dump, site="generic").text == f"{lead}\n\nParagraf dua."


def test_short_heading_kept_when_not_above_a_caption() -> None:
    dump = "Liputan6.com, Jakarta - Paragraf satu.\nSub Judul Bagian\nParagraf dua."
    assert "Sub Judul Bagian" in clean(dump, site="liputan6").text


def test_image_title_above_caption_dropped() -> None:
    dump = "Liputan6.com, Jakarta - Paragraf satu.\nJudul Foto Pendek\nKeterangan foto di lokasi. (Liputan6.com/Fulan Contoh)\nParagraf dua."
    assert clean(dump, site="liputan6").text == "Paragraf satu.\n\nParagraf dua."


def test_reporter_signature_in_capitals_becomes_author() -> None:
    article = clean("TEMPO.CO, Jakarta - Isi berita.\nAYU LESTARI", site="tempo")
    assert (article.authors, article.text) == (("AYU LESTARI",), "Isi berita.")


def test_closing_crew_list_is_removed() -> None:
    article = clean("ANTARA - Isi video berita. (Ayu Lestari/Bima Sakti/Candra Wijaya)", site="antara")
    assert article.text == "Isi video berita."
