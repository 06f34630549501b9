"""The plain reading of a page no layout reads: the one container that holds its prose."""

from __future__ import annotations

from cleaner import Cleaner
from cleaner.density import main_lines
from cleaner.fallback import trim
from cleaner.html import parse_html

P1 = "Warga desa memperbaiki saluran irigasi bersama-sama pada akhir pekan setelah hujan deras merusak tanggul."
P2 = "Kepala desa mengatakan pekerjaan itu selesai dalam dua hari berkat bantuan pemuda dari dusun tetangga."
P3 = "Petani berharap air kembali mengalir normal sebelum musim tanam kedua dimulai pada bulan depan nanti."
P4 = "Dinas pertanian berjanji mengirim alat berat untuk memperkuat tanggul sebelum puncak musim hujan tiba."


def read(body: str) -> list[str] | None:
    tree = parse_html(f"<html><body>{body}</body></html>")
    trim(tree)
    return main_lines(tree)


def test_the_container_of_the_paragraphs_less_what_is_not_article() -> None:
    lines = read(
        '<nav><a href="/">Beranda</a></nav><h1>Judul</h1>'
        f'<div class="isi"><p>{P1}</p><div class="share-bar">Bagikan ke Facebook</div><p>{P2}</p>'
        '<ul class="x"><li><a href="/a">Banjir surut di hilir sungai pekan ini</a></li><li><a href="/b">Harga gabah naik</a></li></ul>'
        f'<p>{P3}</p><p>KONTAK: <a href="mailto:humas@desa.id">humas@desa.id</a></p></div>'
        '<div class="sidebar"><p>Iklan: sewa traktor murah hanya di toko kami, hubungi nomor di bawah ini.</p></div>'
    )
    assert lines == [P1, P2, P3, "KONTAK: humas@desa.id"]


def test_text_runs_between_breaks_and_the_run_before_a_nested_block() -> None:
    lines = read(f'<div id="content_news">Jakarta (ANTARA) - {P1}<div><br>{P2}<br><br>{P3}<br></div></div>')
    assert lines == [f"Jakarta (ANTARA) - {P1}", P2, P3]


def test_one_block_per_paragraph_is_read_from_their_parent() -> None:
    lines = read(f'<div class="berita"><div>{P1}</div><div>{P2}</div><div>{P3}</div><div>{P4}</div></div>')
    assert lines == [P1, P2, P3, P4]


def test_a_span_holding_blocks_is_a_container() -> None:
    lines = read(f'<span class="post-content"><div><script>tampilkan_iklan()</script></div>{P1}<br><br>{P2}<br><br>{P3}</span>')
    assert lines == [P1, P2, P3]


def test_prose_spread_over_containers_or_too_little_is_left_to_trafilatura() -> None:
    spread = f'<div class="a"><p>{P1}</p><p>{P2}</p></div><div class="b"><p>{P3}</p><p>{P4}</p></div>'
    assert read(spread) is None
    assert read(f"<div><p>{P1}</p></div>") is None  # under 300 characters of prose
    # Two thirds in one container, a third in another: a split article, not a sidebar.
    split = f'<div class="a"><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p></div><div class="b"><p>{P1}</p><p>{P3}</p></div>'
    assert read(split) is None


def test_many_small_holders_beside_the_article_do_not_hide_it() -> None:
    comments = "".join(f'<div class="c{i}"><p>Komentar pembaca nomor {i} yang cukup panjang untuk dihitung.</p></div>' for i in range(6))
    lines = read(f'<div class="isi"><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p></div>{comments}')
    assert lines == [P1, P2, P3, P4]


def test_sibling_sections_of_one_class_are_read_whole() -> None:
    lines = read(
        f'<div class="body"><div class="part"><div class="raw"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div>'
        '<div class="part"><h2>1. Tanggul ditinggikan</h2><div class="photo-caption">Foto: Dok. Desa</div></div>'
        f'<div class="part"><div class="raw"><p>{P4}</p></div></div></div>'
    )
    assert lines == [P1, P2, P3, "1. Tanggul ditinggikan", P4]


def test_the_engine_says_which_reading_it_used() -> None:
    page = f'<html><head><title>Judul</title></head><body><h1>Judul</h1><div class="isi"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></body></html>'
    article = Cleaner().clean(page, url="https://www.wartadesa.id/daerah/irigasi")
    assert article.provenance.extractor == "fallback" and article.provenance.rule == "density"
    assert article.text == "\n\n".join((P1, P2, P3)) and article.title == "Judul"


def test_long_prose_stays_whatever_its_class_says() -> None:
    long = f"{P3} {P4}"
    lines = read(
        f'<div class="isi"><p>{P1}</p><div class="photo-caption">Tanggul yang jebol. (Foto: Dok. Desa)</div>'
        f'<div class="video-description"><div>{long}</div></div><p>{P2}</p></div>'
    )
    assert lines == [P1, long, P2]


def test_articles_of_short_lines_are_left_to_trafilatura_and_kept_whole() -> None:
    """No container holds paragraphs of prose here, so trafilatura reads them, with the
    rescue passes that find short-line articles its main pass misses (a measured trap:
    skipping them for pages without long prose lost both of these)."""
    steps = "".join(f"<li>Langkah {i}: siapkan bahan nomor {i} dengan rapi</li>" for i in range(1, 9))
    recipe = Cleaner().clean(
        "<html><body><nav><a href='/'>Beranda</a></nav><div class='konten'><h1>Cara Membuat Kue Lapis</h1>"
        f"<ul>{steps}</ul><p>Selamat mencoba.</p></div><footer>Hak cipta</footer></body></html>",
        url="https://www.contoh.id/kuliner/kue",
    )
    assert recipe.provenance.rule == "trafilatura"
    assert all(f"Langkah {i}: siapkan bahan nomor {i} dengan rapi" in recipe.text for i in range(1, 9))
    verses = "<br>".join(f"Baris puisi nomor {i} tentang hujan" for i in range(12))
    poem = Cleaner().clean(
        f"<html><body><div class='menu'><a href='/'>Beranda</a></div><div class='isi'><h1>Puisi Hujan</h1><div>{verses}</div></div></body></html>",
        url="https://www.contoh.id/sastra/puisi",
    )
    assert poem.outcome.value == "article" and poem.text.count("Baris puisi nomor") == 12
