"""Sections of an article split into repeated blocks, which trafilatura leaves out."""

from __future__ import annotations

from cleaner.density import continuation
from cleaner.html import parse_html

LAST = "Petani berharap air kembali mengalir normal sebelum musim tanam kedua dimulai bulan depan."
TEXT = "Warga desa memperbaiki saluran irigasi bersama-sama pada akhir pekan lalu di tiga titik.\n" + LAST


def sections(following: str) -> object:
    return parse_html(
        '<html><body><div class="post"><div class="post__part"><p>Warga desa memperbaiki saluran irigasi '
        f"bersama-sama pada akhir pekan lalu di tiga titik.</p><p>{LAST}</p></div>{following}</div></body></html>"
    )


def test_following_sections_of_the_same_class_continue_the_article() -> None:
    tree = sections('<div class="post__part"><h2>1. Tanggul ditinggikan setengah meter.</h2></div>'
                    '<div class="post__other"><p>Bukan bagian artikel.</p></div>'
                    '<div class="post__part"><h2>2. Pintu air diganti baru.</h2></div>')
    assert continuation(tree, TEXT) == ["1. Tanggul ditinggikan setengah meter.", "2. Pintu air diganti baru."]


def test_repeated_blocks_of_links_are_not_the_article() -> None:
    tree = sections('<div class="post__part"><a href="/a">Banjir di hilir sungai surut</a></div>'
                    '<div class="post__part"><a href="/b">Harga gabah naik lagi pekan ini</a></div>')
    assert continuation(tree, TEXT) == []


def test_nothing_without_repeated_sections_or_a_known_paragraph() -> None:
    assert continuation(sections('<div class="lain"><p>Iklan.</p></div>'), TEXT) == []
    assert continuation(sections('<div class="post__part"><h2>1. Lagi.</h2></div>'), "Paragraf yang tidak ada di halaman ini sama sekali, panjang.") == []
