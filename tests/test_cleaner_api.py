"""``Cleaner``: options fixed once, ``clean`` and a lazy ``clean_many`` (issue 5)."""

from __future__ import annotations

import itertools

import pytest

from cleaner import Cleaner, UnknownSiteError, clean

ANTARA = "Jakarta (ANTARA) - Pemerintah kota menambah armada bus sekolah untuk tiga kecamatan.\nKalimat kedua berita ini.\nPewarta: Budi Santoso"
TEMPO_URL = "https://nasional.tempo.co/read/1/x"
TEMPO = "TEMPO.CO, Jakarta - Harga beras di pasar induk turun dua persen pekan ini.\nKalimat kedua berita ini."
PAGE = (
    "<html><head><title>Judul</title></head><body><article><p>Petani di lereng gunung mulai menanam kopi setelah hujan "
    "pertama turun pekan ini, kata kepala desa.</p><p>Harga bibit kopi naik sejak awal tahun menurut para petani.</p>"
    "</article></body></html>"
)


def test_the_default_cleaner_is_the_one_call_shortcut() -> None:
    assert Cleaner().clean(ANTARA) == clean(ANTARA)
    assert Cleaner().clean(TEMPO, url=TEMPO_URL).text == clean(TEMPO, url=TEMPO_URL).text


def test_rules_limit_which_rules_run() -> None:
    only_antara = Cleaner(rules=["antara"])
    assert only_antara.clean(ANTARA).site == "antara"
    tempo = only_antara.clean(TEMPO, url=TEMPO_URL)
    assert tempo.site is None and tempo.provenance.rule == "generic"
    with pytest.raises(UnknownSiteError):
        only_antara.clean(TEMPO, site="tempo")
    with pytest.raises(UnknownSiteError):
        Cleaner(rules=["antara", "no-such-site"])


def test_fallback_off_leaves_unread_html_empty_with_a_warning() -> None:
    on = Cleaner().clean(PAGE, url="https://contoh.id/berita/1")
    off = Cleaner(fallback=False).clean(PAGE, url="https://contoh.id/berita/1")
    assert "menanam kopi" in on.text and on.provenance.rule == "trafilatura"
    assert off.text == "" and any("fallback is off" in warning for warning in off.warnings)


def test_keep_dateline_keeps_it_in_the_text_and_in_its_field() -> None:
    kept = Cleaner(keep_dateline=True).clean(ANTARA)
    assert kept.text.startswith("Jakarta (ANTARA) - Pemerintah kota") and kept.dateline == "Jakarta"
    assert clean(ANTARA).text.startswith("Pemerintah kota")


def test_min_text_chars_turns_short_text_into_no_article() -> None:
    short = Cleaner(min_text_chars=500).clean(ANTARA)
    assert short.text == "" and "shorter than 500" in short.warnings[-1] and short.dateline == "Jakarta"
    assert Cleaner(min_text_chars=20).clean(ANTARA).text
    with pytest.raises(ValueError):
        Cleaner(min_text_chars=-1)


def test_clean_many_streams_in_order_and_keeps_records_aligned() -> None:
    records = [ANTARA, {"text": TEMPO, "url": TEMPO_URL}, {"html": PAGE, "url": "https://contoh.id/b/2"}, {"id": 4}]
    articles = list(Cleaner().clean_many(records))
    assert [a.site for a in articles] == ["antara", "tempo", None, None]
    assert articles[3].text == "" and articles[3].warnings


def test_clean_many_is_lazy() -> None:
    endless = ({"text": ANTARA.replace("tiga", str(n))} for n in itertools.count())
    first_three = list(itertools.islice(Cleaner().clean_many(endless), 3))
    assert [a.text.split()[7] for a in first_three] == ["0", "1", "2"]
