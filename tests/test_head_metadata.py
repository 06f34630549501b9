"""What a page declares of itself in its head: the standard fields and the conventions
of Indonesian publishers' systems (Kompas' template, detik's network, KLY), each read on
its own, and standing in only where the page shows nothing."""

from __future__ import annotations

import json

import pytest

from cleaner import clean
from cleaner.html import page_metadata, parse_html

BODY = (
    "<p>Warga desa memperbaiki saluran irigasi bersama-sama pada akhir pekan, setelah hujan deras "
    "merusak tanggul di tiga titik sepanjang sawah mereka.</p>"
    "<p>Kepala desa mengatakan pekerjaan itu selesai dalam dua hari berkat bantuan pemuda dari dusun "
    "tetangga yang membawa karung pasir sendiri.</p>"
    "<p>Petani berharap air kembali mengalir normal sebelum musim tanam kedua dimulai bulan depan.</p>"
)


def head(*metas: tuple[str, str, str], json_ld: object | None = None) -> object:
    tags = "".join(f'<meta {kind}="{name}" content="{value}">' for kind, name, value in metas)
    script = f'<script type="application/ld+json">{json.dumps(json_ld)}</script>' if json_ld is not None else ""
    return page_metadata(parse_html(f"<html><head>{tags}{script}</head><body>{BODY}</body></html>"))


@pytest.mark.parametrize(
    ("value", "site", "expected"),
    [
        ("Rina Marlina", None, ("Rina Marlina",)),
        ("Liputan6.com", None, ()),
        ("Kompas Cyber Media", None, ()),
        ("Tim detikcom", None, ()),
        ("Warta Desa", "Warta Desa", ()),
        ("https://www.example.id/penulis/rina", None, ()),
    ],
)
def test_a_heads_author_counts_only_when_it_names_a_person(value: str, site: str | None, expected: tuple[str, ...]) -> None:
    metas = [("name", "author", value)] + ([("property", "og:site_name", site)] if site else [])
    assert head(*metas).authors == expected


def test_kompas_template_names() -> None:
    meta = head(
        ("name", "author", "Kompas Cyber Media"),
        ("name", "content_Author", "Rina Marlina"),
        ("name", "content_editor", "Bayu Aji, Sekar Ayu"),
        ("name", "content_category", "Regional"),
        ("name", "content_subcategory", "Jawa Tengah"),
        ("name", "content_tags", "irigasi, sawah, Klaten"),
        ("name", "content_PublishedDate", "2025-01-12 19:05:33"),
    )
    assert meta.authors == ("Rina Marlina",) and meta.editors == ("Bayu Aji", "Sekar Ayu")
    assert meta.category == "Jawa Tengah" and meta.tags == ("irigasi", "sawah", "Klaten")
    assert meta.published == "2025-01-12T19:05:00+07:00"


def test_detik_network_names() -> None:
    meta = head(
        ("name", "dtk:author", "Yoga Saputra - detikJateng"),
        ("name", "dtk:publishdate", "2025/02/09 16:42:05"),
        ("name", "dtk:namakanal", "Berita Jateng"),
        ("name", "dtk:keywords", "irigasi,sawah"),
    )
    assert meta.authors == ("Yoga Saputra",) and meta.published == "2025-02-09T16:42:00+07:00"
    assert meta.category == "Berita Jateng" and meta.tags == ("irigasi", "sawah")


def test_kly_sections_most_specific_first() -> None:
    meta = head(
        ("property", "article:section", "News"), ("property", "article:section2", "Bisnis"), ("property", "article:section3", "Ekonomi")
    )
    assert meta.category == "Ekonomi"
    assert head(("property", "article:section", "News"), ("property", "article:section2", "Hot")).category == "Hot"


def test_plain_keywords_are_not_tags() -> None:
    meta = head(("name", "keywords", "berita terkini, berita Indonesia, portal Indonesia"))
    assert meta.tags == () and meta.keywords == ("berita terkini", "berita Indonesia", "portal Indonesia")
    assert head(("name", "news_keywords", "irigasi, sawah")).tags == ("irigasi", "sawah")


def test_json_ld_author_editor_keywords_section_and_breadcrumb() -> None:
    article = {
        "@type": "NewsArticle",
        "headline": "Saluran Irigasi Diperbaiki",
        "author": [{"@type": "Person", "name": "Rina Marlina"}, {"@type": "NewsMediaOrganization", "name": "Warta Desa"}],
        "editor": {"@type": "Person", "name": "Bayu Aji"},
        "keywords": "irigasi, sawah",
        "articleSection": ["Daerah", "Jawa Tengah"],
    }
    meta = head(json_ld=article)
    assert meta.authors == ("Rina Marlina",) and meta.editors == ("Bayu Aji",)
    assert meta.tags == ("irigasi", "sawah") and meta.category == "Jawa Tengah"
    crumbs = {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "name": "Beranda"},
            {"@type": "ListItem", "item": {"name": "Daerah"}},
            {"@type": "ListItem", "name": "Saluran Irigasi Diperbaiki"},
        ],
    }
    assert head(json_ld=[{"@type": "NewsArticle", "headline": "Saluran Irigasi Diperbaiki"}, crumbs]).category == "Daerah"


def test_what_the_page_shows_wins_over_its_head() -> None:
    html = (
        '<html><head><meta name="news_keywords" content="kepala, ekor">'
        '<meta name="content_author" content="Nama Kepala"><meta property="article:section" content="Kepala">'
        '<link rel="canonical" href="https://www.wartadesa.id/daerah/saluran-irigasi"></head><body>'
        '<ul class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/daerah">Daerah</a></li></ul>'
        '<h1>Saluran Irigasi Diperbaiki</h1><div class="byline">Penulis: Rina Marlina</div>'
        f'<div class="entry-content">{BODY}</div>'
        '<div class="tags"><a href="/tag/irigasi">Irigasi</a> <a href="/tag/sawah">Sawah</a></div></body></html>'
    )
    article = clean(html)
    assert article.authors == ("Rina Marlina",) and article.category == "Daerah" and article.tags == ("Irigasi", "Sawah")


def test_a_head_stands_in_where_the_page_shows_nothing() -> None:
    html = (
        '<html><head><meta name="news_keywords" content="irigasi, sawah">'
        '<meta name="content_author" content="Rina Marlina"><meta name="content_editor" content="Bayu Aji">'
        '<meta property="article:section" content="Daerah">'
        '<link rel="canonical" href="https://www.wartadesa.id/daerah/saluran-irigasi"></head><body>'
        f'<h1>Saluran Irigasi Diperbaiki</h1><div class="entry-content">{BODY}</div></body></html>'
    )
    article = clean(html)
    assert (article.authors, article.editors, article.category, article.tags) == (("Rina Marlina",), ("Bayu Aji",), "Daerah", ("irigasi", "sawah"))
    sources = dict(article.sources)
    assert sources["tags"] == sources["category"] == sources["editors"] == "page metadata: JSON-LD / OpenGraph / meta"
