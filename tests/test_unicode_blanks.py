"""Blanks of every Unicode kind collapse before any pattern reads them (issue 23).

A run of thin, hair or ideographic spaces, or of plain spaces in a head's value, once
reached patterns edged with ``\\s*`` that went quadratic over it (seconds for a
credit line, tens of seconds for a ``<meta name="author">``) and left the names
unread. ``scripts/stress.py`` times these inputs; here their reading is checked.
"""

from __future__ import annotations

import sys

import pytest

from cleaner import clean
from cleaner.names import split_names
from cleaner.text import normalize_line, split_lines

from .conftest import ROOT

#: Every blank but the line breaks (``split_lines`` breaks lines on those).
BLANKS = [chr(code) for code in range(0x110000) if chr(code).isspace() and chr(code) not in "\n\r\x85\u2028\u2029\x0b\x0c\x1c\x1d\x1e"]
BODY = "<article><h1>Warga Membersihkan Sungai</h1><p>" + "Warga tiga kelurahan membersihkan sungai bersama pada Minggu pagi. " * 4 + "</p></article>"


def _dump(line: str) -> str:
    return "Warga Membersihkan Sungai\nJAKARTA - Warga tiga kelurahan membersihkan sungai bersama pada Minggu pagi.\n" + line + "\n"


@pytest.mark.parametrize("blank", BLANKS, ids=lambda blank: f"U+{ord(blank):04X}")
def test_every_unicode_blank_collapses_in_a_line(blank: str) -> None:
    assert normalize_line(f"Budi{blank * 3}Santoso{blank}") == "Budi Santoso"
    assert split_lines(f"Satu{blank * 500}dua\ntiga") == ["Satu dua", "tiga"]


@pytest.mark.parametrize("blank", ["\u2009", "\u200a", "\u205f", "\u2000", "\u1680", " \u2005 "], ids=repr)
def test_a_credit_line_padded_with_blanks_names_its_writer(blank: str) -> None:
    article = clean(_dump(f"Penulis: Budi{blank * 6000}Santoso"))
    assert article.authors == ("Budi Santoso",)
    assert article.text == "Warga tiga kelurahan membersihkan sungai bersama pada Minggu pagi."


def test_a_tags_line_padded_with_hair_spaces_gives_its_tags() -> None:
    article = clean(_dump("Tags:" + "\u200a" * 6000 + "politik," + "\u2009" * 3000 + "ekonomi"))
    assert article.tags == ("politik", "ekonomi")


def test_a_head_author_padded_with_spaces_is_a_person() -> None:
    page = f'<html><head><meta name="author" content="Budi{" " * 10_000}Santoso"></head><body>{BODY}</body></html>'
    assert clean(page).authors == ("Budi Santoso",)


def test_a_json_ld_author_padded_with_thin_spaces_is_split_and_collapsed() -> None:
    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "author": "Budi' + "\u2009" * 10_000
        + 'Santoso,\u3000\u3000Sari Dewi"}</script></head><body>' + BODY + "</body></html>"
    )
    assert clean(page).authors == ("Budi Santoso", "Sari Dewi")


def test_names_split_without_blanks_at_the_edges() -> None:
    assert split_names("Budi\u2009\u2009Santoso ,  Sari Dewi dan\u00a0Andi & Rina.") == ["Budi Santoso", "Sari Dewi", "Andi", "Rina"]


def test_the_stress_script_times_these_inputs() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import stress
    finally:
        sys.path.pop(0)
    cases = stress.unicode_blank_cases(0.01)
    assert {"meta author, 30,000 spaces", "credit line, U+2009 x 6,000", "tags line, U+205F x 6,000"} <= set(cases)
    for make in cases.values():
        _, outcome = stress.time_case(make)
        assert outcome.startswith("ok"), outcome
