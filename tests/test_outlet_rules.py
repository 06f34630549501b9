"""Outlet rules beside the five (issue 22/24): declarations of their own, gathered into the generic rule.

The generic rule in use is built from the registry: every rule's brands and outlet lines
reach it, so a page of a known outlet with no address (or on a mirror) loses the
outlet's boilerplate too. Outlet rules leave ``site`` null, as the GUIDE asks.
"""

from __future__ import annotations

import re

from cleaner import clean
from cleaner.detect import rule_for_url
from site_rules import SiteRule, all_rules, gathered_generic, generic_rule, rule_by_name
from site_rules import patterns as P
from site_rules.generic import Generic

FIVE = {"tempo", "liputan6", "antara", "cnnindonesia", "tirto"}
OUTLETS = {
    "kompas", "detik", "tribun", "okezone", "suara", "jpnn", "merdeka", "kapanlagi", "fimela", "dream", "bola", "viva",
    "republika", "sindonews", "kumparan", "idntimes", "cnbcindonesia", "medcom", "inews", "bisnis", "kontan",
    "mediaindonesia",
}


def test_every_outlet_the_issue_names_has_a_rule_that_leaves_site_null() -> None:
    names = {rule.name for rule in all_rules()}
    assert OUTLETS <= names
    for rule in all_rules():
        assert rule.site_field is (rule.name in FIVE), rule.name


def test_the_generic_rule_gathers_every_rules_brands_and_outlet_lines() -> None:
    generic = generic_rule()
    for rule in all_rules():
        assert set(rule.brands) <= set(generic.brands), rule.name
        assert set(rule.outlet_lines) <= set(generic.outlet_lines), rule.name
    assert "CNN Indonesia" in generic.brands and r"detikNews" in generic.brands


class _Contoh(Generic):
    name = "contoh"
    hosts = ("contoh.id",)
    site_field = False
    brands = (r"ContohNews",)
    outlet_lines = P.line_patterns("contoh.promo", r"Unduh aplikasi Contoh sekarang")


def test_a_new_outlet_reaches_the_generic_rule_through_its_own_declarations_only() -> None:
    generic = gathered_generic(rule_by_name("generic") or generic_rule(), [_Contoh()])
    assert "ContohNews" in generic.brands
    assert any(line.reason == "contoh.promo" for line in generic.outlet_lines)
    assert isinstance(generic, Generic) and generic.name == "generic"


def test_outlet_lines_of_one_outlet_are_dropped_on_a_dump_with_no_address() -> None:
    dump = (
        "Judul Berita Contoh Tentang Banjir\n"
        "JAKARTA - Banjir merendam puluhan rumah warga di tepi sungai sejak Senin malam.\n"
        "Silakan baca konten menarik lainnya dari JPNN.com di Google News, ya\n"
        "Warga mengungsi ke balai desa."
    )
    article = clean(dump)
    assert article.site is None
    assert "Silakan baca" not in article.text and "Warga mengungsi ke balai desa." in article.text


def test_a_brand_byline_is_read_by_the_generic_rule_for_an_outlet_it_does_not_serve() -> None:
    dump = "Judul Berita Tentang Jalan Rusak\nRina Kartika - detikNews\nJakarta - Jalan rusak di pinggir kota mulai diperbaiki pekan ini oleh dinas."
    assert clean(dump, url="https://mirror.beritacontoh.id/x").authors == ("Rina Kartika",)


def test_outlet_rules_are_chosen_by_host_and_keep_the_five_sites_their_own() -> None:
    assert rule_for_url("https://regional.kompas.com/read/1/x").name == "kompas"
    assert rule_for_url("https://www.kompas.tv/article/1/x").name == "kompas"
    assert rule_for_url("https://makassar.tribunnews.com/1/x").name == "tribun"
    assert rule_for_url("https://www.suarajogja.id/news/x").name == "suara"
    assert rule_for_url("https://opera.bola.net/x").name == "bola"
    assert rule_for_url("https://www.liputan6.com/news/read/1/x").name == "liputan6"
    assert rule_for_url("https://www.cnnindonesia.com/nasional/1/x").name == "cnnindonesia"


def test_outlet_signatures_do_not_claim_a_five_site_dump() -> None:
    tempo = "TEMPO.CO, Jakarta - Isi berita dari Kompas.com dan detikNews dikutip di sini.\nBaca berita dengan sedikit iklan, klik di sini"
    assert clean(tempo).site == "tempo"


def test_each_outlet_rule_is_a_generic_rule_with_declarations_only() -> None:
    for rule in all_rules():
        if rule.name in OUTLETS:
            assert isinstance(rule, Generic), rule.name
            own = {name for name, value in vars(type(rule)).items() if callable(value) and not isinstance(value, (type, re.Pattern))}
            assert own <= {"header_line", "body_line", "read_html_fields"}, (rule.name, own)
            assert isinstance(rule, SiteRule)


def test_the_head_reads_the_meta_names_the_rules_declare() -> None:
    from cleaner.html import head_names, page_metadata, parse_html

    names = head_names(registry_head_meta())
    assert names["authors"][-2:] == ("article:author", "author")  # the outlets' own names outrank them
    assert {"content_author", "dtk:author"} <= set(names["authors"])
    assert names["category"].index("article:section3") < names["category"].index("article:section")
    page = parse_html(
        '<html><head><meta name="content_author" content="Sari Dewi"><meta name="content_category" content="Regional">'
        "</head><body><p>Isi.</p></body></html>"
    )
    assert page_metadata(page).authors == ("Sari Dewi",)
    assert page_metadata(page).category == "Regional"
    # Without the rules' declarations only the standard names are read.
    assert page_metadata(page, ()).authors == () and page_metadata(page, ()).category is None


def registry_head_meta() -> tuple[tuple[str, str, str | None], ...]:
    from site_rules import registry

    return registry().head_meta


def test_an_outlets_name_alone_on_a_line_goes_on_every_rules_pages() -> None:
    from site_rules import registry

    assert {r"Kompas\.com", r"TEMPO\.CO", r"Tribun"} <= set(registry().outlet_names)
    dump = "Judul Berita Tentang Pasar\nTEMPO.CO, Jakarta - Harga cabai di pasar induk naik sejak pekan lalu menurut pedagang.\nKompas.com\nPedagang berharap harga turun."
    article = clean(dump, url="https://nasional.tempo.co/read/1/x")
    assert "Kompas.com" not in article.text and "Pedagang berharap harga turun." in article.text
    # A sentence naming an outlet stays.
    kept = clean("Judul\nJAKARTA - Berita ini dikutip Kompas.com dari siaran pers pemerintah daerah setempat.", url="https://x.id/1")
    assert "dikutip Kompas.com" in kept.text


def test_a_tribun_paragraph_closed_by_the_reporters_credit_keeps_its_text() -> None:
    dump = (
        "Judul Berita Tentang Jalan Tol\n"
        "TRIBUNNEWS.COM, LAMPUNG - Sebuah mobil pecah ban di jalan tol pada Minggu sore dan menabrak truk di depannya.\n"
        '"Kami masih menunggu keterangan saksi di lokasi," kata petugas kepada wartawan. (Tribunlampung.co.id/Fulan Bin Fulan)'
    )
    article = clean(dump, url="https://lampung.tribunnews.com/2020/12/21/x")
    assert article.text.endswith('kata petugas kepada wartawan.')
    assert "Tribunlampung.co.id/" not in article.text


def test_the_shared_dateline_forms_name_the_outlets_the_rules_declare() -> None:
    from site_rules import registry

    outlets = registry().dateline_outlets
    assert r"TEMPO\.CO" in outlets["before_place"] and "CNN Indonesia" in outlets["after_place"]
    assert r"tirto\.id" in outlets["alone"] and "VIVA" in outlets["bare"] and r"Fimela\.com" in outlets["no_dash"]
    form = P.DATELINE_OUTLET_AFTER_PLACE.compiled(("ContohNews",))
    match = form.match("Sleman, ContohNews - Isi berita.")
    assert match is not None and match.group("place") == "Sleman"
    assert P.DATELINE_OUTLET_BEFORE_PLACE.compiled(()).match("ContohNews, Sleman - Isi.") is None  # no names: no match
    # The generic rule reads an outlet's form through the registry: "BERITASATU.COM, Jakarta - ".
    article = clean("Judul Berita Tentang Banjir\nBERITASATU.COM, Jakarta - Banjir merendam rumah warga di bantaran sungai sejak pagi.")
    assert article.dateline == "Jakarta" and article.text.startswith("Banjir merendam")


def test_a_tribun_credit_read_in_the_body_does_not_end_it() -> None:
    dump = (
        "Selamat Datang di Pameran Buku Kota\n"
        "Berita Entertainment\n"
        "Penyanyi Muda Batalkan Konser karena Hujan Deras, Penonton Diminta Simpan Tiket\n"
        "Penyelenggara berjanji menjadwalkan ulang konser bulan depan.\n"
        "Editor: Rina Marlina\n"
        "Konser di lapangan kota dibatalkan satu jam sebelum dimulai karena hujan deras disertai angin.\n"
        "Penonton diminta menyimpan tiket untuk jadwal pengganti."
    )
    article = clean(dump, url="https://www.tribunnews.com/seleb/2023/06/10/x?page=3")
    assert "Penonton diminta menyimpan tiket untuk jadwal pengganti." in article.text
    assert "Rina Marlina" in article.editors
