"""Whole-page dumps (issue 20): the article found wherever it sits in a whole page's text.

The dumps below are written for these tests (sentences of our own) in the structure of
a whole page's text: menus, a ticker, the headline, date and byline, the article, then
related decks, a popular list and a footer. The real saved pages of ../shared are turned
into whole-page dumps at test time by the converters of ``cleaner.wholepage``.
"""

from __future__ import annotations

import os
import time

import pytest

from cleaner import Outcome, clean
from cleaner.mainrun import is_prose, locate
from site_rules import generic_rule

from .conftest import FIXTURES, shared_dir

URL = "https://www.kabarcontoh.id/read/2024/05/14/101/warga-sukamaju-bangun-jembatan-bambu-sendiri"
TITLE = "Warga Sukamaju Bangun Jembatan Bambu Sendiri"
MENU = [
    "Beranda", "Nasional", "Daerah", "Ekonomi", "Olahraga", "Hiburan", "Teknologi", "Gaya Hidup",
    "Otomotif", "Foto", "Video", "Indeks", "Masuk", "Daftar", "Selasa, 14 Mei 2024",
    "Trending: Harga Cabai | Banjir Rob | Liga Desa", "Beranda", "Nasional", "Daerah", "Ekonomi",
    "Olahraga", "Hiburan", "Teknologi", "Gaya Hidup", "Otomotif", "Foto", "Video",
]
PARAGRAPHS = [
    "Warga Desa Sukamaju bergotong royong membangun jembatan bambu sepanjang dua puluh meter di atas sungai kecil.",
    "Kepala desa mengatakan pembangunan dimulai pekan lalu setelah jembatan lama hanyut terbawa arus deras.",
    "Menurut dia, setiap keluarga menyumbang tenaga dan beberapa batang bambu dari kebun masing-masing.",
    "Anak-anak sekolah kini tidak perlu lagi memutar sejauh tiga kilometer untuk sampai ke kelas mereka.",
    "Pemerintah kabupaten berjanji meninjau lokasi itu bulan depan untuk menyiapkan jembatan permanen.",
]
RELATED = [
    "Berita Terkait",
    "Sungai Meluap, Dua Dusun Terendam",
    "Jalan Desa Rusak Parah Usai Hujan",
    "Petani Panen Raya Lebih Awal",
]
FOOTER = [
    "Terpopuler", "Harga Beras Naik Lagi di Pasar Induk", "Tim Desa Juara Turnamen Voli",
    "Tentang Kami", "Redaksi", "Pedoman Media Siber", "Kontak", "Copyright © 2024 Kabar Contoh",
]


def _page(article: list[str]) -> str:
    return "\n".join([*MENU, *article, *RELATED, *FOOTER, *MENU[:10]])


def _article() -> list[str]:
    return [
        "Daerah", TITLE, "Selasa, 14 Mei 2024 | 10:15 WIB", "Penulis: Rina Kartika", "Bagikan", "Komentar",
        PARAGRAPHS[0], PARAGRAPHS[1],
        "Baca Juga", "Desa Tetangga Ikut Perbaiki Jalan",  # a related box inside the article
        PARAGRAPHS[2], "Gotong royong", PARAGRAPHS[3], PARAGRAPHS[4],
        "Editor: Bambang Sutrisno",
    ]


def test_the_article_is_found_in_the_whole_page_with_its_headline_and_date() -> None:
    article = clean(_page(_article()), url=URL)
    assert article.outcome is Outcome.ARTICLE
    assert article.title == TITLE
    assert article.published == "2024-05-14T10:15:00+07:00"
    assert article.authors == ("Rina Kartika",)
    assert article.editors == ("Bambang Sutrisno",)
    kept = article.text.split("\n\n")
    assert [p for p in kept if p in PARAGRAPHS] == PARAGRAPHS  # every paragraph, in order
    assert "Gotong royong" in kept  # the sub-heading inside the run
    for chrome in ("Beranda", "Terpopuler", "Tentang Kami", "Sungai Meluap, Dua Dusun Terendam", "Bagikan"):
        assert chrome not in kept
    reasons = {d.line: d.reason for d in article.decisions}
    assert reasons["Tentang Kami"] == "mainrun.outside_article"


def test_an_end_heading_inside_the_run_never_drops_the_paragraphs_after_it() -> None:
    lines = _article()
    lines[8] = "Berita Terkait"  # a shared end heading, standing inside the article
    article = clean(_page(lines), url=URL)
    assert [p for p in article.text.split("\n\n") if p in PARAGRAPHS] == PARAGRAPHS
    assert "Desa Tetangga Ikut Perbaiki Jalan" not in article.text


def test_a_whole_home_page_of_short_link_lines_is_no_article() -> None:
    teasers = [f"Kabar Singkat Nomor {n} dari Desa Contoh" for n in range(30)]
    article = clean("\n".join([*MENU, *teasers, *FOOTER]), url="https://www.kabarcontoh.id/read/2024/05/14/9/kabar")
    assert article.outcome is Outcome.NON_ARTICLE
    assert article.text == ""
    assert "no run of prose" in (article.provenance.reason or "")


def test_a_second_run_of_prose_near_the_article_is_kept_and_logged_as_unsure() -> None:
    lines = _article()
    lines[12:12] = ["Foto", "Dokumentasi warga", "Galeri", "Lihat semua", "Geser", "Unduh", "Tutup", "Iklan", "Lanjut"]
    article = clean(_page(lines), url=URL)
    assert [p for p in article.text.split("\n\n") if p in PARAGRAPHS] == PARAGRAPHS
    assert any(d.reason == "mainrun.unsure_kept" for d in article.decisions)


def test_a_markdown_whole_page_is_read_by_its_link_text() -> None:
    menu = [f"* [{item}](https://www.kabarcontoh.id/{item.lower()})" for item in MENU]
    related = [f"### [{title}](https://www.kabarcontoh.id/read/{n})" for n, title in enumerate(RELATED[1:])]
    body = [f"# {TITLE}", "Selasa, 14 Mei 2024 | 10:15 WIB", "![foto](https://img.kabarcontoh.id/a.jpg)", *PARAGRAPHS]
    article = clean("\n\n".join([*menu, *body, "## Berita Terkait", *related, *menu]), url=URL)
    assert article.title == TITLE
    assert [p for p in article.text.split("\n\n") if p in PARAGRAPHS] == PARAGRAPHS
    assert not any(p.startswith("###") for p in article.text.split("\n\n"))


def test_an_article_shaped_dump_is_left_to_the_passes_as_it_was() -> None:
    dumps = sorted(FIXTURES.rglob("*.txt"))
    assert dumps
    for path in dumps:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        window = locate(generic_rule(), lines, None)
        assert not window.whole, path
        assert window.lines == lines


def test_prose_is_a_sentence_of_real_length_not_a_link_or_a_stamped_teaser() -> None:
    assert is_prose(PARAGRAPHS[0])
    assert not is_prose(TITLE)
    assert not is_prose(f"[{PARAGRAPHS[0]}](https://www.kabarcontoh.id/read/1)")
    assert not is_prose("KABAR | Selasa 14 Mei 2024, 10:15 WIB " + PARAGRAPHS[1])


def test_a_5_mb_whole_page_dump_is_cleaned_without_quadratic_cost() -> None:
    page = _page(_article())
    big = "\n".join([page] * (5_000_000 // len(page) + 1))
    start = time.process_time()
    article = clean(big, url=URL)
    assert article.outcome in (Outcome.ARTICLE, Outcome.REFUSED)  # a refusal would say its limit
    assert time.process_time() - start < 20  # generous: scripts/bench.py measures the 2 s goal


# -- the saved pages of ../shared as whole-page dumps ---------------------------------------------


def _totals():  # type: ignore[no-untyped-def]
    from cleaner import Cleaner
    from cleaner.wholepage import available, measure

    missing = [why for why in available().values() if why]
    if missing:
        if os.environ.get("CLEANER_REQUIRE_EXTRAS"):  # CI installs them with the test extra
            pytest.fail("; ".join(missing))
        pytest.skip("; ".join(missing))
    roots = [shared_dir("corpus", "html"), shared_dir("outlets", "html")]
    return measure(roots, Cleaner())


@pytest.fixture(scope="module")
def totals():  # type: ignore[no-untyped-def]
    return _totals()


@pytest.mark.xfail(strict=True, reason="issue 20's bars not yet reached on every converter (scripts/evaluate.py shows the figures)")
def test_whole_page_dumps_of_the_saved_pages_hold_the_bars(totals) -> None:  # type: ignore[no-untyped-def]
    for name, total in totals.items():
        means = total.means()
        assert total.articles > 0
        assert means["f1"] >= 0.95 and means["recall"] >= 0.98, (name, means)
        assert not total.lost and not total.kept, (name, total.lost, total.kept)
        assert means["title"] >= 0.85 and means["published"] >= 0.85, (name, means)


def test_whole_page_dumps_of_the_saved_pages_stay_above_todays_floor(totals) -> None:  # type: ignore[no-untyped-def]
    """A regression floor below the bars (the issue measured F1 0.51, recall 0.74 before the
    stage): no converter falls back toward the positional reading."""
    for name, total in totals.items():
        means = total.means()
        assert means["f1"] >= 0.85 and means["recall"] >= 0.9, (name, means)
        assert means["title"] >= 0.8 and means["published"] >= 0.8, (name, means)
        assert len(total.lost) <= 3, (name, total.lost)


def test_a_deck_of_stamped_teasers_is_no_article_text() -> None:
    deck = []
    for n in range(8):
        deck += [str(n + 2), "Daerah", f"1{n} Mei 2024 0{n}:30", f"Judul Kabar Lain Nomor {n}",
                 f"Warga kampung nomor {n} berkumpul di balai desa untuk membahas rencana panen bersama tahun ini."]
    article = clean("\n".join([*MENU, *deck, *FOOTER]), url="https://www.kabarcontoh.id/read/2024/05/14/9/kabar")
    assert article.outcome is Outcome.NON_ARTICLE
    assert article.text == ""


def test_a_list_closing_the_article_belongs_to_it() -> None:
    closing = ["Desa penerima bantuan", "• Sukamaju", "• Sukamanah", "• Cibodas", "Tentang Kami"]
    lines = _article()[:-1] + closing
    article = clean(_page(lines), url=URL)
    kept = article.text.split("\n\n")
    assert kept[-4:] == ["Desa penerima bantuan", "• Sukamaju", "• Sukamanah", "• Cibodas"]
    assert "Tentang Kami" not in kept


def test_a_markdown_deck_of_headline_links_is_no_article_text_but_a_lead_under_its_stamp_is() -> None:
    deck = []
    for n in range(6):
        deck += [f"![foto {n}](https://img.kabarcontoh.id/{n}.jpg)", f"#### [Judul Kabar Lain Nomor {n}](https://www.kabarcontoh.id/read/{n})",
                 f"Warga kampung nomor {n} berkumpul di balai desa untuk membahas rencana panen bersama tahun ini."]
    menu = [f"* [{item}](https://www.kabarcontoh.id/{item.lower()})" for item in MENU]
    listing = clean("\n\n".join([*menu, *deck, *FOOTER]), url="https://www.kabarcontoh.id/read/2024/05/14/9/kabar")
    assert listing.outcome is Outcome.NON_ARTICLE and listing.text == ""
    article = clean("\n".join([*MENU, TITLE, "Selasa, 14 Mei 2024 | 10:15 WIB", *PARAGRAPHS, *RELATED, *FOOTER]), url=URL)
    assert [p for p in article.text.split("\n\n") if p in PARAGRAPHS] == PARAGRAPHS
    assert article.published == "2024-05-14T10:15:00+07:00"


def test_a_hard_wrapped_whole_page_keeps_every_paragraph() -> None:
    import textwrap

    long_paragraphs = [f"{p} {q}" for p, q in zip(PARAGRAPHS, reversed(PARAGRAPHS))]
    body = [TITLE, "Selasa, 14 Mei 2024 | 10:15 WIB", *long_paragraphs]
    text = "\n".join([*MENU, *(textwrap.fill(line, width=78) for line in body), *RELATED, *FOOTER])
    article = clean(text, url=URL)
    assert article.title == TITLE
    words = article.text.split()
    assert words == " ".join(long_paragraphs).split()  # every word, in order, nothing else


@pytest.mark.parametrize("byline", ["Oleh Rina Kartika pada 14 Mei 2024, 10:15 WIB", "By Rina Kartika", "Rina Kartika - kabarcontoh"])
def test_the_byline_under_the_headline_names_the_writer_and_is_no_deck(byline: str) -> None:
    body = [TITLE, byline, "Selasa, 14 Mei 2024 | 10:15 WIB", *PARAGRAPHS]
    article = clean("\n".join([*MENU, *body, *RELATED, *FOOTER]), url=URL)
    assert article.authors == ("Rina Kartika",)
    assert article.description is None
    assert article.published == "2024-05-14T10:15:00+07:00"
    assert byline not in article.text


@pytest.mark.parametrize("crumbs", [["• Beranda", "• Daerah", "• Jawa Barat"], ["Beranda > Daerah > Jawa Barat"]])
def test_the_breadcrumb_above_the_headline_names_the_section(crumbs: list[str]) -> None:
    body = [*crumbs, TITLE, "Selasa, 14 Mei 2024 | 10:15 WIB", *PARAGRAPHS]
    article = clean("\n".join([*MENU, *body, *RELATED, *FOOTER]), url=URL)
    assert article.category == "Jawa Barat"
    assert "Jawa Barat" not in article.text
