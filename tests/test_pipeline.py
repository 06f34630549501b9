"""The staged pipeline: each stage on its own, outcomes as data, one field never costs the text."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from cleaner import Cleaner, Outcome, clean
from cleaner.engine import day_of, is_listing_address, sniff
from cleaner.fields import PRECEDENCE, Candidate, resolve
from cleaner.draft import Draft
from cleaner.html import PageMeta, minute_iso, page_metadata, parse_html
from cleaner.passes import by_era, text_layout
from site_rules import Layout, SiteRule, rule_by_name

ARTICLE_PAGE = """<html><head><title>t</title>
<script type="application/ld+json">{json_ld}</script></head>
<body><article><h1>Warga Membersihkan Sungai Setiap Minggu Pagi</h1>
<p>Jakarta - Warga di bantaran kali bergotong royong membersihkan sampah plastik yang menyangkut di pintu air setiap Minggu pagi.</p>
<p>Ketua rukun warga mengatakan kegiatan itu sudah berjalan tiga bulan dan diikuti puluhan keluarga dari empat kampung.</p>
<p>Mereka berharap pemerintah kota menambah tempat sampah di sepanjang jalan inspeksi agar sungai tetap bersih.</p>
</article></body></html>"""


def page(json_ld: dict[str, object]) -> str:
    return ARTICLE_PAGE.format(json_ld=json.dumps(json_ld))


# -- stages ---------------------------------------------------------------------------------------------


def test_sniff_tells_the_kinds_of_input_apart() -> None:
    assert sniff("") == "empty" and sniff(" \n\t") == "empty"
    assert sniff("\x01\x02\x03\x04" * 100) == "binary"
    assert sniff("<html><body><p>x</p></body></html>") == "page"
    assert sniff("Judul\nJakarta - Isi berita.") == "dump"


def test_day_of_reads_a_date_and_rejects_an_impossible_one() -> None:
    assert day_of("2024-02-29T10:00:00Z") == date(2024, 2, 29)
    assert day_of("2024-02-30T10:00:00Z") is None
    assert day_of(None) is None and day_of("kemarin") is None


def test_listing_addresses_shared_and_declared_per_rule() -> None:
    tirto = rule_by_name("tirto")
    assert tirto is not None
    assert is_listing_address(tirto, "https://tirto.id/q/banjir-jakarta-abc")
    assert is_listing_address(tirto, "https://tirto.id/search?q=banjir")
    assert not is_listing_address(tirto, "https://tirto.id/mengapa-harga-tiket-naik-eAbc")
    tempo = rule_by_name("tempo")
    assert tempo is not None and not is_listing_address(tempo, "https://nasional.tempo.co/q/x")  # tirto's form only


def test_the_precedence_table_orders_sources_for_every_field() -> None:
    markup = Draft(title="Shown title")
    extracted = Draft(title="Guessed title", authors=["A Guess"], published="2020-01-01")
    meta = PageMeta(title="Head title", authors=("Head Author",), published="2021-02-03T04:05:00+07:00")
    into = Draft()
    resolve({"markup": Candidate(markup, "markup"), "page": Candidate(meta, "page"), "extracted": Candidate(extracted, "x", own_sources=False)}, into)
    assert into.title == "Shown title" and into.sources["title"] == "markup"
    assert into.authors == ["A Guess"]  # a credit line in the text beats the head's author
    assert into.published == "2021-02-03T04:05:00+07:00" and into.sources["published"] == "page"
    assert set(PRECEDENCE) == set(Draft.META_FIELDS)


# -- outcomes ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "outcome"),
    [
        ("", Outcome.REFUSED),
        ("   \n  ", Outcome.REFUSED),
        (b"\x00\x01\x02\x03\xff\xfe" * 500, Outcome.REFUSED),
        ("Judul Berita Hari Ini\nJakarta (ANTARA) - Isi berita yang cukup panjang untuk satu paragraf.", Outcome.ARTICLE),
        ("\n".join(f"• Menu {i}" for i in range(30)), Outcome.NON_ARTICLE),
    ],
    ids=["empty", "blank", "binary", "article", "menu"],
)
def test_every_article_carries_an_outcome(content: str | bytes, outcome: Outcome) -> None:
    article = clean(content)
    assert article.outcome is outcome
    record = article.to_dict()
    assert record["outcome"] == outcome.value and record["paywalled"] is False
    if outcome is not Outcome.ARTICLE:
        assert article.text == "" and article.provenance.reason


def test_a_listing_address_is_a_non_article_for_dumps_too() -> None:
    dump = "Banjir Jakarta\n" + "\n".join(f"Judul artikel nomor {i} tentang banjir di ibu kota" for i in range(12))
    article = clean(dump, url="https://tirto.id/q/banjir-jakarta-abc")
    assert article.outcome is Outcome.NON_ARTICLE and article.text == "" and article.site == "tirto"


def test_text_under_the_minimum_is_a_non_article_saying_why() -> None:
    article = Cleaner(min_text_chars=500).clean("Judul\nJakarta (ANTARA) - Isi berita singkat.")
    assert article.outcome is Outcome.NON_ARTICLE and "shorter than 500" in (article.provenance.reason or "")


def test_a_tempo_plus_teaser_is_paywalled() -> None:
    teaser = (
        "Judul Laporan Utama\nDeck laporan.\nJAKARTA -- Awal paragraf yang terpotong di sini karena artikel ini untuk pelanggan...\n"
        "Berlangganan untuk lanjutkan membaca.\n- Akses penuh seluruh artikel Tempo+\n"
    )
    article = clean(teaser, url="https://koran.tempo.co/read/nasional/1/judul")
    assert article.paywalled and article.outcome is Outcome.ARTICLE
    assert not clean("Judul\nTEMPO.CO, Jakarta - Isi berita biasa yang terbuka untuk semua.", url="https://tempo.co/read/1/x").paywalled


def test_json_ld_says_the_page_is_behind_a_paywall() -> None:
    article = clean(page({"@type": "NewsArticle", "headline": "H", "isAccessibleForFree": "False"}), url="https://example.id/a/1")
    assert article.paywalled and article.text


# -- field isolation -------------------------------------------------------------------------------------


def test_an_impossible_json_ld_date_costs_only_that_field() -> None:
    article = clean(page({"@type": "NewsArticle", "headline": "Judul Halaman", "datePublished": "2024-02-30T10:00:00Z"}), url="https://example.id/berita/1")
    assert article.outcome is Outcome.ARTICLE
    assert "Warga di bantaran kali" in article.text
    assert article.published is None and article.title
    assert any("2024-02-30" in warning for warning in article.warnings)


@pytest.mark.parametrize(
    "json_ld",
    [
        {"@type": "NewsArticle", "author": {"name": {"deep": [1, 2]}}, "datePublished": 20240101},
        {"@type": ["NewsArticle", 7], "headline": ["list", "not", "text"], "dateModified": "99-99-99"},
        {"@graph": [{"@type": "NewsArticle", "author": [None, 5, {"name": "Sari Dewi"}], "keywords": {"x": 1}}]},
    ],
)
def test_strange_metadata_never_costs_the_text(json_ld: dict[str, object]) -> None:
    article = clean(page(json_ld), url="https://example.id/berita/2")
    assert article.outcome is Outcome.ARTICLE and "gotong royong" in article.text


def test_impossible_dates_are_no_dates() -> None:
    assert minute_iso("2024-02-30T10:00:00Z") is None
    assert minute_iso("2024-02-30") is None
    assert minute_iso("2024-13-01T10:00:00+07:00") is None
    assert minute_iso("2024-02-29T10:00:00Z") == "2024-02-29T17:00:00+07:00"


def test_page_metadata_reads_each_field_alone() -> None:
    tree = parse_html(page({"@type": "NewsArticle", "headline": "Judul", "datePublished": "2023-02-31", "dateModified": "2023-03-01T08:00:00+07:00"}))
    meta = page_metadata(tree)
    assert meta.title == "Judul" and meta.published is None and meta.updated == "2023-03-01T08:00:00+07:00"
    assert meta.warnings and "published" in meta.warnings[0]


def test_a_failing_rule_hook_costs_only_what_it_reads() -> None:
    class Broken(SiteRule):
        name = "broken-test-rule"

        def body_line(self, line: str, draft: Draft) -> str | None:
            raise ValueError("a bug in a plug-in")

    from cleaner.passes import extract_text

    draft = extract_text(Broken(), ["Judul", "Jakarta - Isi berita pertama yang cukup panjang.", "Paragraf kedua berita ini."])
    assert draft.paragraphs and any("body hook failed: ValueError" in w for w in draft.warnings)


# -- layouts as versions ----------------------------------------------------------------------------------


def test_layouts_of_the_documents_era_are_tried_first() -> None:
    old = Layout("old", re.compile("x"), until=date(2016, 12, 31))
    new = Layout("new", re.compile("x"), since=date(2017, 1, 1))
    assert [l.name for l in by_era([new, old], date(2015, 6, 1))] == ["old", "new"]
    assert [l.name for l in by_era([new, old], date(2020, 6, 1))] == ["new", "old"]
    assert [l.name for l in by_era([new, old], None)] == ["new", "old"]

    class Dated(SiteRule):
        name = "dated-test-rule"
        layouts = (new, old)

    assert text_layout(Dated(), ["x"], date(2015, 1, 1)) is old
    assert text_layout(Dated(), ["x"]) is new


def test_a_layouts_own_drops_apply_only_to_its_pages() -> None:
    from site_rules import patterns as P
    from cleaner.passes import extract_text

    class Site(SiteRule):
        name = "layout-drops-test-rule"
        dateline_forms = (re.compile(r"(?P<place>[A-Z][a-z]+) - "),)
        layouts = (Layout("promo-2024", re.compile("^PROMO$", re.M), drops=P.line_patterns("site.promo", r"Diskon .*")),)

    lines = ["PROMO", "Jakarta - Isi berita pertama.", "Diskon besar hari ini"]
    assert extract_text(Site(), lines).paragraphs == ["Isi berita pertama."]
    assert extract_text(Site(), lines[1:]).paragraphs == ["Isi berita pertama.", "Diskon besar hari ini"]


def test_markup_layouts_can_be_switched_off() -> None:
    from tests.conftest import FIXTURES

    html = (FIXTURES / "tempo" / "desktop-2018.html").read_bytes()
    url = json.loads((FIXTURES / "tempo" / "desktop-2018.expected.json").read_text())["url"]
    on = clean(html, url=url)
    off = Cleaner(markup_layouts=False).clean(html, url=url)
    assert on.provenance.layout == "desktop-2018" and on.provenance.extractor == "rule"
    assert off.provenance.extractor == "fallback" and off.site == "tempo" and "markup layouts off" in (off.provenance.reason or "")
