from __future__ import annotations

import pytest

from cleaner import UnknownSiteError, clean
from cleaner.detect import choose_rule, rule_for_url
from site_rules import all_rules

EXAMPLES = [(rule.name, url, site) for rule in all_rules() for url, site in rule.detection_examples]


@pytest.mark.parametrize("rule_name, url, site", EXAMPLES)
def test_each_rule_declared_examples(rule_name: str, url: str, site: str | None) -> None:
    rule = rule_for_url(url)
    assert (None if rule.name == "generic" else rule.name) == site
    # The GUIDE's five sites name themselves in ``site``; an outlet rule beside them leaves it null.
    assert clean("Isi berita.", url=url).site == (site if rule.site_field else None)


@pytest.mark.parametrize(
    "url, name",
    [
        ("https://nasional.tempo.co/read/1/x", "tempo"),
        ("http://m.liputan6.com/amp/1/x", "liputan6"),
        ("https://opera.liputan6.com/news/read/1/x", "liputan6"),
        ("https://jatim.antaranews.com/berita/1/x", "antara"),
        ("https://pemilu.antaranews.com/foto/1/x", "antara"),
        ("www.cnnindonesia.com/nasional/1/x", "cnnindonesia"),
        ("https://TIRTO.ID/x", "tirto"),
        ("https://notliputan6.com/x", "generic"),
        ("https://tempo.co.example.org/x", "generic"),
        ("not a url at all", "generic"),
    ],
)
def test_rule_by_host(url: str, name: str) -> None:
    assert rule_for_url(url).name == name


@pytest.mark.parametrize(
    "dump, name",
    [
        ("Judul\nJakarta, CNN Indonesia -- Isi berita pertama.\n(has)", "cnnindonesia"),
        ("Liputan6.com, Jakarta - Isi berita.\n* Follow Official WhatsApp Channel Liputan6.com untuk x", "liputan6"),
        ("Medan (ANTARA) - Isi berita.\nCopyright © ANTARA 2020", "antara"),
        ("TEMPO.CO, Jakarta - Isi berita.\nBaca berita dengan sedikit iklan, klik di sini", "tempo"),
        ("Menuju konten utama\nJudul\ntirto.id - Isi berita.", "tirto"),
        ("JAKARTA, KOMPAS.com - Isi berita.", "kompas"),
        ("JAKARTA, Beritacontoh.com - Isi berita.", "generic"),
        ("", "generic"),
    ],
)
def test_rule_by_signature(dump: str, name: str) -> None:
    assert choose_rule(dump.split("\n")).name == name


def test_url_outranks_signatures() -> None:
    # A page of another outlet quoting a CNN dateline stays with the other outlet.
    dump = "Judul\nJakarta, CNN Indonesia -- Kutipan berita."
    assert clean(dump, url="https://mediaindonesia.com/x").site is None
    assert clean(dump).site == "cnnindonesia"


def test_site_forces_a_rule_and_unknown_site_raises() -> None:
    assert clean("TEMPO.CO, Jakarta - Isi.", site="antara").site == "antara"
    assert clean("TEMPO.CO, Jakarta - Isi.", site="generic").site is None
    with pytest.raises(UnknownSiteError):
        clean("x", site="kompass-tv-id")
