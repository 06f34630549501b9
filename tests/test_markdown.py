"""Markdown dumps (issue 20): recognised on several signals, read as Markdown before the text passes.

The crawler-shaped dumps with their hand-written expected records are fixtures
(``tests/fixtures/*/markdown-*.txt``: crawl4ai, Firecrawl, Jina Reader), checked by the
fixture plug-in; here, each construct on its own, the sniff, and the plain dumps that
must come out exactly as before.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import cleaner.engine
from cleaner import clean, markdown
from cleaner.inputs import read_documents

from .conftest import FIXTURES, shared_dir

JINA = FIXTURES / "tempo" / "markdown-jina.txt"


def plain_reading(text: str, monkeypatch: pytest.MonkeyPatch, **options: str) -> dict[str, object]:
    """The record ``text`` gives when nothing is read as Markdown: the dump path as it was."""
    with monkeypatch.context() as patch:
        patch.setattr(cleaner.engine.markdown, "read", lambda text: None)
        return clean(text, **options).to_dict(decisions=True)  # type: ignore[arg-type]


PLAIN_DUMPS = {
    "a hashtag and a footnote star": "#BanjirJakarta ramai di media sosial\nWarga mengungsi ke masjid terdekat sejak Senin malam.\nHarga beras Rp 12.000* per kilogram.\n* syarat dan ketentuan berlaku",
    "one ATX-like line and dashes": "# 1 di klasemen sementara\nPersib memimpin klasemen setelah menang 2-0 di kandang.\n- Bandung -\n- Jakarta -",
    "a quote marker and a list": "> kutipan dari pembaca\nWarga mengeluh jalan rusak.\n1. Jalan berlubang\n2. Lampu mati\n3. Got mampet",
    "a table-like line": "Skor akhir | Persib 2 | Persija 0\nPertandingan berlangsung di Stadion Si Jalak Harupat.",
    "a double star once": "**PENGUMUMAN** kantor tutup pada hari libur nasional.\nLayanan daring tetap berjalan seperti biasa.",
}


@pytest.mark.parametrize("name", sorted(PLAIN_DUMPS))
def test_a_plain_dump_with_a_hash_or_a_star_is_no_markdown_and_comes_out_as_before(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = PLAIN_DUMPS[name]
    assert markdown.read(text) is None
    assert clean(text).to_dict(decisions=True) == plain_reading(text, monkeypatch)


def test_no_fixture_dump_but_the_markdown_ones_is_read_as_markdown() -> None:
    dumps = sorted(FIXTURES.glob("*/*.txt"))
    read = {path.name for path in dumps if markdown.read(path.read_text(encoding="utf-8")) is not None}
    assert read == {"markdown-jina.txt", "markdown-crawl4ai.txt", "markdown-firecrawl.txt"}


@pytest.mark.parametrize("part", [("corpus", "dumps"), ("outlets",)])
def test_no_real_dump_of_shared_is_read_as_markdown(part: tuple[str, ...]) -> None:
    dumps = sorted(shared_dir(*part).rglob("*.txt"))
    assert dumps
    assert [path for path in dumps if markdown.read(path.read_text(encoding="utf-8", errors="replace")) is not None] == []


def test_one_signal_is_never_enough_and_two_kinds_are() -> None:
    assert not markdown.is_markdown(markdown.signals("# Judul\nTeks biasa."))
    assert not markdown.is_markdown(markdown.signals("Lihat [foto](https://contoh.id/foto) di sini.\nDan [video](https://contoh.id/v)."))
    assert not markdown.is_markdown(markdown.signals("# Judul\n- satu\n- dua"))  # a heading and a list: weak, both
    assert markdown.is_markdown(markdown.signals("# Judul\nLihat [foto](https://contoh.id/foto) di sini."))
    assert markdown.is_markdown(markdown.signals("## Satu\n## Dua\n- a\n- b"))
    assert markdown.is_markdown(markdown.signals("| a | b |\n| --- | --- |\n| 1 | 2 |\n\n**Catatan** tabel"))


CONSTRUCTS = """# Jembatan gantung baru menghubungkan dua desa

Warga Desa Sukamaju kini menyeberang sungai lewat [jembatan gantung](https://contoh.id/tag/jembatan "Jembatan") sepanjang 80 meter.

![Jembatan gantung di Sukamaju](https://contoh.id/img/jembatan.jpg)

[![](https://contoh.id/img/kecil.jpg)](https://contoh.id/galeri)

Pembangunan memakan waktu **empat bulan** dan _melibatkan_ warga dari *dua* desa, dengan biaya \\*Rp 900 juta\\*.

## Manfaat bagi sekolah

Anak-anak tidak lagi memutar sejauh tujuh kilometer.
Perjalanan ke sekolah kini cukup sepuluh menit.

*   Murid sekolah dasar
*   Pedagang sayur
    1. dari Sukamaju
    2. dari Sukamulya

> "Dulu kami menunggu air surut," kata seorang warga.
> Ia lega jembatan itu selesai.

| Desa | Warga |
|:-----|------:|
| Sukamaju | 1.200 |
| Sukamulya | 950 |

| [Berita satu](https://contoh.id/1) | [![b](https://contoh.id/b.jpg)](https://contoh.id/2) |
|---|---|

* * *

Jembatan diresmikan pada ~~Senin~~ Selasa pagi.
"""


def test_each_construct_is_read_as_what_it_is() -> None:
    read = markdown.read(CONSTRUCTS)
    assert read is not None
    assert read.lines == [
        "Jembatan gantung baru menghubungkan dua desa",
        "Warga Desa Sukamaju kini menyeberang sungai lewat jembatan gantung sepanjang 80 meter.",
        "Pembangunan memakan waktu empat bulan dan melibatkan warga dari dua desa, dengan biaya *Rp 900 juta*.",
        "Manfaat bagi sekolah",
        "Anak-anak tidak lagi memutar sejauh tujuh kilometer.",
        "Perjalanan ke sekolah kini cukup sepuluh menit.",
        "Murid sekolah dasar",
        "Pedagang sayur",
        "dari Sukamaju",
        "dari Sukamulya",
        "\"Dulu kami menunggu air surut,\" kata seorang warga.",
        "Ia lega jembatan itu selesai.",
        "Desa | Warga |",
        "Sukamaju | 1.200 |",
        "Sukamulya | 950 |",
        "Jembatan diresmikan pada Senin Selasa pagi.",
    ]
    assert read.kinds == {
        "Manfaat bagi sekolah": "heading", "Murid sekolah dasar": "item", "Pedagang sayur": "item", "dari Sukamaju": "item",
        "dari Sukamulya": "item", "\"Dulu kami menunggu air surut,\" kata seorang warga.": "quote", "Ia lega jembatan itu selesai.": "quote",
    }
    assert [(note.line, note.verdict, note.reason) for note in read.notes] == [  # in input order
        ("![Jembatan gantung di Sukamaju](https://contoh.id/img/jembatan.jpg)", "drop", "markdown.image"),
        ("![](https://contoh.id/img/kecil.jpg)", "drop", "markdown.image"),
        ("Berita satu | ", "drop", "markdown.link_grid"),  # its image goes with it
    ]
    assert read.title == "Jembatan gantung baru menghubungkan dua desa"


def test_raw_html_keeps_its_text_and_not_its_scripts() -> None:
    text = "# Judul berita hari ini\n\nLihat [foto](https://contoh.id/f) berikut.\n\n<div class=\"kotak\">Teks dalam kotak tetap terbaca.</div>\n\n<script>var iklan = 1;</script>\n\nParagraf penutup."
    read = markdown.read(text)
    assert read is not None and read.lines == ["Judul berita hari ini", "Lihat foto berikut.", "Teks dalam kotak tetap terbaca.", "Paragraf penutup."]


@pytest.mark.parametrize("opening", ["<!-- komentar tanpa penutup", "<script>var iklan = 1;", "<style>p { color: red }"])
def test_a_reading_that_would_lose_text_falls_back_to_the_plain_dump(opening: str) -> None:
    sentence = "Kalimat panjang ini bagian dari artikel dan tidak boleh hilang dari hasil. "
    text = "# Judul\n\n[a](https://contoh.id/a) dan [b](https://contoh.id/b)\n\n" + opening + "\n\n" + sentence * 10
    assert markdown.signals(text) and markdown.read(text) is None  # unclosed, it would swallow the rest
    assert sentence.strip() in clean(text).text


@pytest.mark.parametrize("deep", [">" * 400 + " kutipan terdalam", "<div>" * 400 + "kutipan terdalam" + "</div>" * 400])
def test_what_the_parser_cannot_nest_is_read_as_plain_text(deep: str) -> None:
    text = "# Judul\n\nLihat [foto](https://contoh.id/f) dan **tebal** di sini.\n\n" + deep + "\n\nParagraf terakhir."
    assert markdown.signals(text) and markdown.read(text) is None  # libxml2 stops at 256 nested elements
    assert "kutipan terdalam" in clean(text).text


def test_a_long_link_grid_is_dropped_row_by_row_and_the_header_kept() -> None:
    rows = "| [Berita lain](https://contoh.id/a) | ![foto](https://contoh.id/b.jpg) |\n" * 20_000
    read = markdown.read("# Judul\n\n| a | b |\n|---|---|\n" + rows + "\nParagraf penutup.")
    assert read is not None and read.lines == ["Judul", "a | b |", "Paragraf penutup."]
    assert sum(note.reason == "markdown.link_grid" for note in read.notes) == 20_000


def test_jina_reader_header_is_metadata_and_its_url_chooses_the_rule() -> None:
    article = clean(JINA.read_text(encoding="utf-8"))  # no URL given: the header's
    assert article.site == "tempo" and article.url == "https://nasional.tempo.co/read/1888002/pemkab-kulon-progo-bangun-embung-untuk-petani-cabai"
    assert "Title:" not in article.text and "Markdown Content" not in article.text
    header = [d for d in article.decisions if d.reason == "markdown.jina_header"]
    assert [d.verdict for d in header] == ["meta", "meta", "meta", "drop"]


def test_jina_header_fields_stand_in_where_the_dump_shows_none() -> None:
    text = (
        "Title: Kereta cepat tambah jadwal akhir pekan\n\nURL Source: https://www.antaranews.com/berita/4100001/kereta-cepat\n\n"
        "Published Time: 2024-05-10T08:30:00+07:00\n\nMarkdown Content:\n"
        "Jakarta (ANTARA) - Operator kereta cepat menambah empat perjalanan pada Sabtu dan Minggu mulai pekan depan.\n\n"
        "Tambahan jadwal diberikan karena penumpang akhir pekan naik sepertiga dibanding bulan lalu.\n"
    )
    article = clean(text)
    assert (article.site, article.title, article.published, article.dateline) == (
        "antara", "Kereta cepat tambah jadwal akhir pekan", "2024-05-10T08:30:00+07:00", "Jakarta"
    )
    assert dict(article.sources)["title"] == "markdown: Jina Reader's Title header"
    assert article.text.startswith("Operator kereta cepat menambah empat perjalanan")


def test_a_title_line_without_jinas_content_marker_is_plain_text() -> None:
    text = "Title: bukan header\nURL Source: https://contoh.id/a\nParagraf biasa yang cukup panjang untuk sebuah dump."
    assert markdown.read(text) is None


def test_markdown_output_keeps_the_sub_headings_lists_and_quotes(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cleaner.cli", "clean", str(JINA), "--format", "markdown"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "\n## Jadwal pembangunan\n" in result.stdout
    assert "\n- Embung pertama rampung pada Juli.\n- Dua embung lainnya dikerjakan hingga akhir tahun.\n" in result.stdout
    assert "\n> \"Petani tidak perlu lagi" in result.stdout
    plain = subprocess.run([sys.executable, "-m", "cleaner.cli", "clean", str(JINA)], capture_output=True, text=True, timeout=120)
    [record] = [json.loads(line) for line in plain.stdout.splitlines()]
    assert "##" not in record["text"] and "**" not in record["text"] and "](" not in record["text"]


def test_explain_names_what_the_markdown_reading_dropped() -> None:
    result = subprocess.run([sys.executable, "-m", "cleaner.cli", "explain", str(JINA)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "markdown.image" in result.stdout and "markdown.link_grid" in result.stdout and "markdown.jina_header" in result.stdout


def test_a_markdown_file_named_is_an_input_and_a_folders_notes_are_not(tmp_path: Path) -> None:
    (tmp_path / "halaman.md").write_text(CONSTRUCTS, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "cleaner.cli", "clean", str(tmp_path / "halaman.md")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["title"] == "Jembatan gantung baru menghubungkan dua desa" and "Murid sekolah dasar" in record["text"]
    skipped: list[tuple[str, str]] = []
    assert list(read_documents([str(tmp_path)], skipped=skipped)) == [] and skipped == [(str(tmp_path / "halaman.md"), "unknown suffix .md")]
