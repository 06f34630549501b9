"""A malformed value costs its own field, never the text; an address's shape never overrides
what the page declares (issue 24)."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.article import Outcome

PROSE = "Warga desa bergotong royong membersihkan saluran air menjelang musim hujan yang diperkirakan datang lebih awal. "
BODY = f"<article><p>{PROSE * 2}</p><p>{PROSE}Kepala desa memimpin kerja bakti itu sejak pagi.</p></article>"
NEWS_ARTICLE = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Kerja bakti desa"}</script>'


def page(head: str) -> str:
    return f"<html><head>{head}</head><body>{BODY}</body></html>"


@pytest.mark.parametrize(
    "head",
    [
        '<link rel="canonical" href="http://[contoh.id/berita/1">',
        '<meta property="og:url" content="http://[contoh.id/berita/1">',
        '<meta property="twitter:url" content="https://contoh.id:99999/berita/1">',
    ],
)
def test_a_malformed_canonical_costs_the_address_not_the_text(head: str) -> None:
    article = clean(page(head))
    assert article.outcome is Outcome.ARTICLE, article.provenance.reason
    assert "Kepala desa memimpin kerja bakti" in article.text
    assert article.url is None or "[" not in article.url


def test_a_malformed_address_given_by_the_caller_keeps_the_text() -> None:
    article = clean(page(""), url="http://[contoh.id/berita/1")
    assert article.outcome is Outcome.ARTICLE and "Kepala desa" in article.text


@pytest.mark.parametrize("url", ["https://beritadesa.id/?p=1234", "https://beritadesa.id/?page_id=77", "https://beritadesa.id/index.php?p=9"])
def test_a_wordpress_plain_permalink_is_an_article(url: str) -> None:
    assert clean(page(NEWS_ARTICLE), url=url).outcome is Outcome.ARTICLE
    assert clean(page(""), url=url).outcome is Outcome.ARTICLE  # no declaration either: the address alone says no listing
    dump = f"Kerja bakti desa\n{PROSE * 2}\n{PROSE}Kepala desa memimpin kerja bakti itu sejak pagi."
    assert clean(dump, url=url).outcome is Outcome.ARTICLE


def test_a_declared_article_beats_a_listing_shaped_address() -> None:
    article = clean(page(NEWS_ARTICLE), url="https://beritadesa.id/tag/kerja-bakti")
    assert article.outcome is Outcome.ARTICLE and "Kepala desa" in article.text


@pytest.mark.parametrize("url", ["https://beritadesa.id/", "https://beritadesa.id/?s=banjir", "https://beritadesa.id/tag/banjir"])
def test_listing_addresses_still_are_listings(url: str) -> None:
    article = clean(page(""), url=url)
    assert article.outcome is Outcome.NON_ARTICLE and article.text == ""


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2023-02-30T99:99:99+25:00">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": 12, "author": {"name": [1, 2]}, "keywords": {"a": 1}}</script>',
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": [null, {"@type": []}], "articleSection": [[]]}</script>',
        '<meta charset="x-no-such-charset">',
        '<meta name="author" content="\x01\x02">',
    ],
)
def test_malformed_head_values_keep_the_text(head: str) -> None:
    article = clean(page(head).encode("utf-8"), url="https://beritadesa.id/berita/1")
    assert article.outcome is Outcome.ARTICLE, article.provenance.reason
    assert "Kepala desa memimpin kerja bakti" in article.text


def test_a_bogus_http_charset_keeps_the_text() -> None:
    article = clean(page("").encode("utf-8"), url="https://beritadesa.id/berita/1", encoding="no-such-charset")
    assert article.outcome is Outcome.ARTICLE and "Kepala desa" in article.text
