"""Every layout a rule declares has a reviewed fixture that this layout reads (issue 24)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from site_rules import all_rules

from .conftest import FIXTURES


def fixture_metas() -> list[dict[str, object]]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(FIXTURES.glob("*/*.meta.json"))]


def test_every_declared_layout_has_a_reviewed_fixture() -> None:
    covered = {(meta.get("rule"), meta.get("layout")) for meta in fixture_metas() if meta.get("reviewed") is True}
    missing = [
        f"{rule.name}/{layout.name}"
        for rule in all_rules()
        for layout in (*rule.layouts, *rule.html_layouts)
        if (rule.name, layout.name) not in covered
    ]
    assert not missing, f"layouts with no reviewed fixture in tests/fixtures: {missing}"


def test_no_fixture_here_is_an_unreviewed_snapshot() -> None:
    unreviewed = [meta.get("url") for meta in fixture_metas() if meta.get("reviewed") is not True]
    assert not unreviewed, unreviewed


def test_the_fixture_folders_are_rules() -> None:
    names = {rule.name for rule in all_rules()}
    folders = {path.name for path in FIXTURES.iterdir() if path.is_dir()}
    assert folders <= names, f"fixture folders that name no rule: {sorted(folders - names)}"
    assert (Path(FIXTURES) / "README.md").is_file()


# What each layout must do, one named behaviour a row: the fixture whose structure the layout
# reads, the block (by a fragment of it), and the verdict and reason the GUIDE asks for.
# (fixture, what it checks, block fragment, verdict, reason)
BEHAVIOURS: list[tuple[str, str, str, str, str]] = [
    ("antara/article.txt", "the 'Baca juga:' link inside the body is dropped", "Baca juga:", "drop", "shared.read_also"),
    ("antara/article.txt", "the Pewarta credit is the author, not text", "Pewarta:", "meta", "shared.credit_line"),
    ("antara/article.txt", "the copyright footer is dropped", "Copyright ©", "drop", "antara.copyright"),
    ("antara/desktop-2015.html", "the place dateline is a field, not text", "Padang (ANTARA News) -", "meta", "shared.dateline"),
    ("antara/desktop-2015.html", "the closing (*) is dropped", "(*)", "drop", "shared.closing_code"),
    ("antara/english-2014.html", "the related-news box inside the article is removed by the layout", "Related News", "drop", "antara.english-2014.markup_remove"),
    ("antara/photo.txt", "the title printed again above the caption is dropped", "Pameran kopi Nusantara di Makassar", "drop", "shared.repeated_title"),
    ("antara/video.txt", "the view count is dropped", "Views", "drop", "shared.view_count"),
    ("antara/video.txt", "the closing crew credit is dropped", "(Ahmad Fauzi/", "drop", "shared.closing_code"),
    ("antara/regional-trailing-title.txt", "the title repeated after the body is read as the title", "Kunjungan wisatawan ke Gili", "meta", "antara.trailing_title"),
    ("cnnindonesia/article-2019.txt", "the byline with the date is metadata", "CNN Indonesia | Senin", "meta", "cnnindonesia.byline"),
    ("cnnindonesia/article-2019.txt", "the ADVERTISEMENT marker is dropped", "ADVERTISEMENT", "drop", "shared.ads"),
    ("cnnindonesia/article-2019.txt", "the closing editor code is dropped", "(fik/ugo)", "drop", "shared.editor_code"),
    ("cnnindonesia/desktop-2016.html", "the read-also box is removed by the layout", "Baca juga:", "drop", "cnnindonesia.desktop-2016.markup_remove"),
    ("cnnindonesia/desktop-2023.html", "the photo caption is removed by the layout", "(CNN Indonesia/Fulan Contoh)", "drop", "cnnindonesia.desktop-2023.markup_remove"),
    ("cnnindonesia/tv-2016.txt", "the channel label above the title is the category", "EKONOMI", "meta", "cnnindonesia.category_label"),
    ("cnnindonesia/tv-2016.txt", "the related-video heading is dropped", "VIDEO TERKAIT", "drop", "cnnindonesia.related_video"),
    ("cnnindonesia/video-2020.txt", "the byline names the author", "Hendra Saputra | CNN Indonesia", "meta", "cnnindonesia.byline"),
    ("liputan6/desktop-2018.txt", "the WhatsApp channel notice is dropped", "Follow Official WhatsApp Channel", "drop", "liputan6.notice"),
    ("liputan6/desktop-2018.txt", "the 'x dari y halaman' marker is dropped", "2 dari 2 halaman", "drop", "shared.pagination"),
    ("liputan6/desktop-2018.txt", "the byline with the update time is metadata", "oleh Yohanes Kurnia", "meta", "liputan6.byline"),
    ("liputan6/desktop-byline.txt", "the bare 'Baca Juga' heading is dropped", "Baca Juga", "drop", "shared.read_also"),
    ("liputan6/desktop-byline.txt", "the 'Video Terkini' list ends the article", "Video Terkini", "drop", "liputan6.end_lists"),
    ("liputan6/desktop-2024.html", "the read-also box is removed by the layout", "Baca Juga", "drop", "liputan6.desktop-2024.markup_remove"),
    ("liputan6/mobile-2019.html", "the read-also box is removed by the layout", "Baca Juga", "drop", "liputan6.mobile-2019.markup_remove"),
    ("liputan6/desktop-2015.html", "the video prompt is dropped", "Saksikan video pilihan", "drop", "shared.video_notice"),
    ("tempo/classic-2013.txt", "the doubled photo caption is dropped", "Kapal nelayan bersandar", "drop", "shared.caption"),
    ("tempo/classic-2013.txt", "the reporter's name in capitals closing the body is the author", "RIZKI PRATAMA", "meta", "shared.reporter_signature"),
    ("tempo/classic-2013.txt", "'Berita terkait' ends the article", "Berita terkait", "drop", "tempo.related_list"),
    ("tempo/paywall-2024.txt", "the 'sedikit iklan' prompt is dropped", "Baca berita dengan sedikit iklan", "drop", "shared.ads"),
    ("tempo/paywall-2024.txt", "the Tempo+ benefits list is dropped", "Akses edisi mingguan", "drop", "shared.paywall"),
    ("tempo/paywall-2024.txt", "the contributors line names authors", "berkontribusi dalam penulisan", "drop", "tempo.contributors"),
    ("tempo/video.txt", "the closing video credit is dropped", "Video: ANTARA", "drop", "tempo.media_link"),
    ("tempo/koran.txt", "the teaser's '...' is dropped", "...", "drop", "shared.ellipsis"),
    ("tempo/koran.txt", "'Berita Lainnya' ends the teaser", "Berita Lainnya", "drop", "tempo.related_list"),
    ("tempo/desktop-2015.html", "the channel map is removed by the layout", "homegayakesehatan", "drop", "tempo.desktop-2015.markup_remove"),
    ("tempo/desktop-2018.html", "the read-also box is removed by the layout", "Baca Juga", "drop", "tempo.desktop-2018.markup_remove"),
    ("tempo/mobile-2017.html", "the headline inside the article container is removed by the layout", "Persib Rekrut Dua Pemain Asing Baru", "drop", "tempo.mobile-2017.markup_remove"),
    ("tirto/article-2018-footer.txt", "the 'Baca juga artikel terkait' footer is dropped", "Baca juga artikel terkait", "drop", "tirto.related_tag"),
    ("tirto/article-2018-footer.txt", "the reporter credit names the authors", "Reporter: Bagus Santoso", "meta", "shared.credit_line"),
    ("tirto/nuxt-2019.html", "the read-also link is removed by the layout", "Baca juga:", "drop", "tirto.nuxt-2019.markup_remove"),
    # The outlet rules' markup layouts (issue 22).
    ("detik/desktop-2015.html", "the read-also box is removed by the layout", "Baca Juga", "drop", "detik.desktop-2015.markup_remove"),
    ("detik/desktop-2015.html", "the closing editor code is dropped", "(rpr/rpr)", "drop", "shared.editor_code"),
    ("kapanlagi/desktop-2015.html", "the photo caption with its credit is removed by the layout", "©KapanLagi.com", "drop", "kapanlagi.desktop-2015.markup_remove"),
    ("kapanlagi/desktop-2015.html", "'Jangan Lewatkan' and its list are dropped", "Jangan Lewatkan", "drop", "kapanlagi.related"),
    ("kompas/kcm-2015.html", "the credits box inside the article container is removed by the layout", "Penulis: Kontributor", "drop", "kompas.kcm-2015.markup_remove"),
    ("kompas/kcm-2015.html", "the 'PLACE, KOMPAS.com –' dateline is a field", "KOMPAS.com –", "meta", "shared.dateline"),
    ("kompas/oto-2016.html", "the 'Jakarta, KompasOtomotif –' dateline is a field", "KompasOtomotif", "meta", "shared.dateline"),
    ("merdeka/desktop-2015.html", "the read-also paragraph is removed by the layout", "Baca juga:", "drop", "merdeka.desktop-2015.markup_remove"),
    ("merdeka/mobile-2021.html", "Instagram's prompt is removed by the layout", "Lihat postingan ini di Instagram", "drop", "merdeka.mobile-2021.markup_remove"),
    ("merdeka/mobile-2021-related-links.html", "related headlines set one link a paragraph are removed by the layout", "Festival Perahu Hias", "drop", "merdeka.mobile-2021.markup_remove"),
    ("merdeka/mobile-2021-related-links.html", "the closing (mdk/yan) is dropped", "(mdk/yan)", "drop", "shared.closing_code"),
    ("okezone/desktop-2015.html", "the closing desk code is dropped", "(ram)", "drop", "shared.closing_code"),
    ("republika/wp-2015.html", "the 'REPUBLIKA.CO.ID, PLACE --' dateline is a field", "REPUBLIKA.CO.ID, MADRID", "meta", "shared.dateline"),
    ("suara/amp-regional.txt", "the scroll prompt is dropped", "Scroll untuk membaca artikel", "drop", "suara.notice"),
    ("suara/amp-regional.txt", "'Berita Terkait' ends the article", "Berita Terkait", "drop", "shared.related_list"),
    ("viva/article-2015.html", "the 'VIVA.co.id -' dateline is a field", "VIVA.co.id -", "meta", "shared.dateline"),
]


def _decisions(fixture: str) -> tuple[list[tuple[str, str, str]], str]:
    from cleaner import Cleaner
    from cleaner.inputs import InputDocument

    path = FIXTURES / fixture
    meta = json.loads(path.with_name(path.name.split(".")[0] + ".meta.json").read_text(encoding="utf-8"))
    article = Cleaner().clean_document(InputDocument(str(path), content=path.read_bytes(), url=meta.get("url")))
    return [(d.line, d.verdict, d.reason) for d in article.decisions], article.text


@pytest.mark.parametrize(("fixture", "what", "fragment", "verdict", "reason"), BEHAVIOURS, ids=[f"{row[0]}: {row[1]}" for row in BEHAVIOURS])
def test_the_layout_does_what_it_must(fixture: str, what: str, fragment: str, verdict: str, reason: str) -> None:
    decisions, text = _decisions(fixture)
    blocks = [(v, r) for line, v, r in decisions if fragment in line]
    assert (verdict, reason) in blocks, f"{what}: the block {fragment!r} got {blocks or 'no decision'}"
    if verdict == "drop" and reason != "tempo.contributors":
        assert not any(fragment in paragraph and len(paragraph) < len(fragment) + 40 for paragraph in text.split("\n\n")), f"{what}: still in the text"


def test_every_layout_has_a_named_behaviour() -> None:
    metas = [json.loads((FIXTURES / f).with_name((FIXTURES / f).name.split(".")[0] + ".meta.json").read_text()) for f, *_ in BEHAVIOURS]
    named = {(meta.get("rule"), meta.get("layout")) for meta in metas}
    layouts = {(rule.name, layout.name) for rule in all_rules() for layout in (*rule.layouts, *rule.html_layouts)}
    assert layouts <= named, f"layouts with no named behaviour here: {sorted(layouts - named)}"
