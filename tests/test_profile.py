"""Host profiles (issue 21): learned from a batch, recurring chrome dropped, never an article's sentence.

Every page here is made of sentences of our own, reproducing the structure of an
outlet's pages: chrome above the title, the article, promo and footer lines after it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cleaner import Cleaner, clean
from cleaner.draft import Draft
from cleaner.learning import learn_records
from cleaner.profile import (
    PROFILE_VERSION, Block, HostProfile, Learner, Observation, Profile, ProfileError, Thresholds, filter_paragraphs, host_key, match,
)
from site_rules import rule_by_name

from .conftest import ROOT

PLACES = ["Sleman", "Bantul", "Kendal", "Jepara", "Blora", "Pati", "Garut", "Ciamis"]
THINGS = ["pasar rakyat", "jembatan gantung", "taman baca", "puskesmas pembantu", "balai latihan kerja", "embung desa", "terminal kecil", "gedung olahraga"]
TOP = ("Masuk Daftar", "Kanal Pilihan Pembaca")
CLOSING = ("Ikuti kanal kabar kami setiap pagi", "Kebijakan Privasi Redaksi Pedoman")
HOST = "kabarcontoh.id"
#: A news agency's standard closing sentence: long, sentence-ending, right after the article.
AGENCY_CLOSING = "Berita ini disiarkan kantor berita kami untuk seluruh pelanggan media cetak dan daring di tanah air."


def paragraphs(i: int) -> list[str]:
    place, thing = PLACES[i % 8], THINGS[(i * 3) % 8]
    return [
        f"Pemerintah Kabupaten {place} meresmikan {thing} baru pada pekan ke-{i + 2} setelah pembangunan selama {i + 4} bulan.",
        f"Bupati {place} berharap {thing} itu dipakai warga dari {i + 3} kecamatan sekitar untuk kegiatan sehari-hari.",
        f"Anggaran pembangunan {thing} tersebut mencapai {i + 7} miliar rupiah dari dana daerah tahun ini.",
    ]


def dump(i: int, *, top: tuple[str, ...] = TOP, closing: tuple[str, ...] = CLOSING, inside: str | None = None, dateline: str = "JAKARTA - ") -> str:
    """A whole-page dump of article ``i``: chrome, title, date, the article, promo and footer."""
    body = paragraphs(i)
    lines = [*top, f"Warga {PLACES[i % 8]} Sambut {THINGS[(i * 3) % 8].title()} Nomor {i}", f"Rabu, {i + 1} Juni 2024 10:00 WIB"]
    lines += [dateline + body[0], body[1], *([inside] if inside else []), body[2], *closing]
    return "\n".join(lines)


def batch(n: int = 6, **kwargs: Any) -> list[dict[str, str]]:
    return [{"text": dump(i, **kwargs), "url": f"https://www.{HOST}/read/{i}/warga"} for i in range(n)]


def reasons(article: Any, line: str) -> list[str]:
    return [d.reason for d in article.decisions if d.line == line]


def test_recurring_chrome_goes_with_its_figures_and_the_article_stays() -> None:
    records = batch()
    plain = clean(records[1]["text"], url=records[1]["url"])
    # The rules alone take the chrome for the title and deck, and keep the promo and footer.
    assert (plain.title, plain.description) == TOP and plain.text.endswith("\n\n".join(CLOSING))
    profile = learn_records(records)
    assert set(profile.hosts) == {HOST} and profile.hosts[HOST].pages == 6
    article = Cleaner(profile=profile).clean(records[1]["text"], url=records[1]["url"])
    assert article.text == "\n\n".join(paragraphs(1))
    for line in (*TOP, *CLOSING):
        assert reasons(article, line) == [f"host.repeated (on 6 of 6 pages of {HOST})"]
    # The chrome once read as the title is gone, so the real headline is the title now.
    assert article.title == "Warga Bantul Sambut Puskesmas Pembantu Nomor 1" and article.description is None
    assert article.dateline == "JAKARTA" and article.published == "2024-06-02T10:00:00+07:00"


def test_copies_of_one_article_count_once() -> None:
    # Article 0 seen at four addresses (www., m., AMP, a re-crawl with another footer) shows a
    # tag line the other articles do not: one distinct page, so it is no host chrome.
    tag = "Topik Pilihan Pasar Rakyat Sleman"
    copies = [
        {"text": dump(0, closing=(*CLOSING, tag)), "url": url}
        for url in (f"https://www.{HOST}/read/0/warga", f"https://m.{HOST}/read/0/warga", f"https://amp.{HOST}/amp/read/0/warga", f"https://www.{HOST}/read/0/warga?r=2")
    ]
    records = copies + batch(4)[1:]
    learner = Learner()
    from cleaner.learning import observe_document
    from cleaner.inputs import InputDocument

    for record in records:
        learner.add(observe_document(InputDocument(source="t", content=record["text"], url=record["url"])))
    assert (learner.seen, learner.counted, learner.copies) == (7, 4, 3)
    profile = learner.profile()
    assert profile.hosts[HOST].pages == 4
    assert tag not in profile.hosts[HOST].blocks  # on 4 of 7 addresses, but one article
    article = Cleaner(profile=profile).clean(copies[1]["text"], url=copies[1]["url"])
    assert tag in article.text.split("\n\n")


def test_an_agency_closing_sentence_next_to_the_article_stays() -> None:
    records = batch(closing=(AGENCY_CLOSING, *CLOSING))
    profile = learn_records(records)
    assert AGENCY_CLOSING in profile.hosts[HOST].blocks
    article = Cleaner(profile=profile).clean(records[2]["text"], url=records[2]["url"])
    assert article.text.split("\n\n")[-1] == AGENCY_CLOSING
    assert reasons(article, AGENCY_CLOSING) == [f"host.repeated_kept (a sentence next to the article's run; on 6 of 6 pages of {HOST})"]
    assert reasons(article, CLOSING[1]) == [f"host.repeated (on 6 of 6 pages of {HOST})"]


def test_a_long_sentence_parted_from_the_article_by_chrome_goes() -> None:
    notice = "Kami memakai kuki untuk mengingat pilihan Anda dan mengukur kunjungan ke halaman situs ini setiap hari."
    records = batch(closing=(*CLOSING, notice))
    article = Cleaner(profile=learn_records(records)).clean(records[3]["text"], url=records[3]["url"])
    assert article.text == "\n\n".join(paragraphs(3))
    assert reasons(article, notice) == [f"host.repeated (on 6 of 6 pages of {HOST})"]


@pytest.mark.parametrize(
    "inside",
    [
        "Bagian Kedua Seri Jalan Desa",  # a sub-heading of a running series
        "Kami ingin semua warga merasakan manfaat pembangunan ini tanpa kecuali, kata gubernur dalam pidatonya.",  # a quote the follow-ups repeat
        "Baca Selengkapnya",  # even what looks like chrome: it stands between two paragraphs of the article
    ],
)
def test_a_recurring_block_inside_the_article_run_stays(inside: str) -> None:
    records = batch(inside=inside)
    profile = learn_records(records)
    assert inside in profile.hosts[HOST].blocks
    article = Cleaner(profile=profile).clean(records[4]["text"], url=records[4]["url"])
    assert inside in article.text.split("\n\n")
    assert reasons(article, inside) == [f"host.repeated_kept (inside the article's run of prose; on 6 of 6 pages of {HOST})"]


def _hand_profile(*blocks: str, pages: int = 10) -> Profile:
    return Profile({HOST: HostProfile(pages, {text: Block(pages) for text in blocks})})


def test_a_standalone_dateline_a_credit_a_credit_label_and_a_long_block_stay_whatever_the_profile_says() -> None:
    long_block = " ".join(["kata"] * 45)
    lines = ["Jakarta -", "Penulis: Sari Wulandari", "Rabu, 5 Juni 2024 10:00 WIB", long_block, "Editor", "Budi Santoso", *paragraphs(5)]
    profile = _hand_profile("Jakarta -", "Penulis: Sari Wulandari", "Rabu, 5 Juni 2024 10:00 WIB", long_block, "Editor")
    decided = match(profile, f"https://{HOST}/x", rule_by_name("generic"), lines)
    assert decided[0] == ("keep", f"host.repeated_kept (a dateline; on 10 of 10 pages of {HOST})")
    assert decided[1][0] == decided[2][0] == decided[4][0] == "keep"
    assert all("read as a field" in decided[i][1] for i in (1, 2, 4))
    assert decided[3] == ("keep", f"host.repeated_kept (longer than 40 words; on 10 of 10 pages of {HOST})")
    for alone in ("Maros -", "Jakarta (ANTARA) -", "JAKARTA, KOMPAS.com --"):
        assert match(_hand_profile(alone), f"https://{HOST}/x", rule_by_name("generic"), [alone, *paragraphs(5)])[0][0] == "keep"
    # And through the engine: the page comes out as it does with no profile.
    text = "\n".join(["Judul Berita Contoh Hari Ini", "Jakarta -", *paragraphs(5)])
    profiled = Cleaner(profile=_hand_profile("Jakarta -")).clean(text, url=f"https://{HOST}/x")
    # (A place alone on its line above the lead is the dateline: the passes read it as the field.)
    assert profiled == clean(text, url=f"https://{HOST}/x") and profiled.dateline == "Jakarta"


def test_thresholds_share_and_pages_are_options() -> None:
    promo = "Pojok Warga Kabar Contoh"  # chrome no rule knows (an app pitch the generic layer drops by itself)
    records = [{"text": dump(i, closing=(promo,) if i < 3 else ()), "url": f"https://{HOST}/read/{i}"} for i in range(8)]
    profile = learn_records(records)
    assert profile.hosts[HOST].blocks[promo].pages == 3  # 3 of 8 pages: 0.375, under the default 0.4
    text, url = records[0]["text"], records[0]["url"]
    assert promo in Cleaner(profile=profile).clean(text, url=url).text
    assert promo not in Cleaner(profile=profile.with_thresholds(min_share=0.3)).clean(text, url=url).text
    assert promo in Cleaner(profile=profile.with_thresholds(min_share=0.3, min_pages=4)).clean(text, url=url).text
    with pytest.raises(ValueError):
        Thresholds(min_share=0)
    with pytest.raises(ValueError):
        Thresholds(min_pages=1)


def test_another_host_and_no_url_are_untouched() -> None:
    profile = learn_records(batch())
    text = batch()[1]["text"]
    for url in (None, "https://lainberita.id/read/1"):
        assert Cleaner(profile=profile).clean(text, url=url) == clean(text, url=url)


def test_host_key_groups_an_outlets_addresses() -> None:
    urls = ["https://www.kompas.com/a", "https://m.kompas.com/a", "https://regional.kompas.com/a", "https://amp.kompas.com/a", "kompas.com/a"]
    assert {host_key(u) for u in urls} == {"kompas.com"}
    assert host_key("https://www.bbc.co.uk/x") == "bbc.co.uk"
    assert host_key(None) is None and host_key("not a url") is None


def test_the_profile_file_round_trips_and_says_its_version(tmp_path: Path) -> None:
    profile = learn_records(batch())
    path = tmp_path / "profile.json"
    profile.dump(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == PROFILE_VERSION and data["hosts"][HOST]["pages"] == 6
    first = data["hosts"][HOST]["blocks"][0]
    assert first["pages"] == 6 and first["example"].startswith(f"https://www.{HOST}/read/") and "text" in first
    again = Profile.load(path)
    assert again.to_dict() == profile.to_dict()
    data["version"] = PROFILE_VERSION + 1
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProfileError, match="version"):
        Profile.load(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ProfileError, match="not JSON"):
        Cleaner(profile=path)
    with pytest.raises(ProfileError, match="cannot read"):
        Profile.load(tmp_path / "absent.json")
    path.write_text(json.dumps({"version": PROFILE_VERSION, "hosts": {HOST: {"blocks": []}}}), encoding="utf-8")
    with pytest.raises(ProfileError, match="malformed"):
        Profile.load(path)


def test_learning_memory_is_bounded_by_recurring_blocks_not_by_the_batch() -> None:
    learner = Learner(error=0.02)
    for page in range(5000):
        unique = tuple((f"blok unik {page} nomor {k}", "after") for k in range(20))
        learner.add(Observation(HOST, f"https://{HOST}/{page}", page, (("Menu Utama Situs", "before"), *unique)))
        counter = learner.hosts[HOST]
        assert len(counter) <= 50 * 20 + 1 and len(counter.entries) <= 1  # one bucket's blocks at most, as hashes, and the recurring one
    profile = learner.profile()
    assert list(profile.hosts[HOST].blocks) == ["Menu Utama Situs"] and profile.hosts[HOST].blocks["Menu Utama Situs"].pages == 5000


def test_markup_paragraphs_are_judged_alike() -> None:
    draft = Draft(paragraphs=["Menu Utama Situs", *paragraphs(1), "Baca Selengkapnya", *paragraphs(2), "Menu Bawah Situs"])
    for line in draft.paragraphs:
        draft.note(line, "keep", "body")
    filter_paragraphs(_hand_profile("Menu Utama Situs", "Baca Selengkapnya", "Menu Bawah Situs"), f"https://{HOST}/x", rule_by_name("generic"), draft)
    assert draft.paragraphs == [*paragraphs(1), "Baca Selengkapnya", *paragraphs(2)]
    assert [d.verdict for d in draft.decisions if "Situs" in d.line] == ["drop", "drop"]


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cleaner.cli", *args], cwd=ROOT, capture_output=True, text=True, input=stdin, timeout=120,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def test_cli_learn_then_clean_with_the_profile_and_learn_in_one_go(tmp_path: Path) -> None:
    records = tmp_path / "batch.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in batch()), encoding="utf-8")
    profile = tmp_path / "profile.json"
    learned = _cli("learn", str(records), "-o", str(profile), "--jobs", "1")
    assert learned.returncode == 0, learned.stderr
    assert "1 hosts, 6 pages" in learned.stderr and "4 recurring blocks" in learned.stderr
    assert Profile.load(profile).hosts[HOST].pages == 6
    out1, out2 = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first = _cli("clean", str(records), "--profile", str(profile), "-o", str(out1), "--jobs", "2")
    second = _cli("clean", str(records), "--learn", "-o", str(out2), "--jobs", "1")
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert out1.read_bytes() == out2.read_bytes()
    texts = [json.loads(line)["text"] for line in out1.read_text(encoding="utf-8").splitlines()]
    assert texts == ["\n\n".join(paragraphs(i)) for i in range(6)]
    explained = _cli("explain", str(records), "--profile", str(profile), "--full")
    assert f"DROP  host.repeated (on 6 of 6 pages of {HOST})" in explained.stdout


def test_cli_refuses_learn_on_stdin_and_a_bad_profile(tmp_path: Path) -> None:
    refused = _cli("clean", "-", "--learn", stdin=batch()[0]["text"])
    assert refused.returncode == 2 and "standard input can be read once" in refused.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 99, "hosts": {}}', encoding="utf-8")
    wrong = _cli("clean", "-", "--profile", str(bad), stdin="x")
    assert wrong.returncode == 2 and "schema version 99" in wrong.stderr
    assert _cli("clean", "-", "--min-share", "0.5", stdin="x").returncode == 2


def test_datatrove_learns_on_a_sample_then_cleans_with_the_profile(tmp_path: Path) -> None:
    pytest.importorskip("datatrove", reason="datatrove is not installed (pip install -e '.[datatrove]')")
    from datatrove.data import Document

    from cleaner.integrations.datatrove import IndonesianNewsCleaner, LearnHostProfile

    documents = [Document(text=r["text"], id=str(i), metadata={"url": r["url"]}) for i, r in enumerate(batch())]
    path = tmp_path / "profile.json"
    passed = list(LearnHostProfile(path).run(iter(documents)))
    assert passed == documents and Profile.load(path).hosts[HOST].pages == 6
    cleaned = list(IndonesianNewsCleaner(profile=path).run(iter([Document(text=r["text"], id="x", metadata={"url": r["url"]}) for r in batch()])))
    assert [d.text for d in cleaned] == ["\n\n".join(paragraphs(i)) for i in range(6)]
    with pytest.raises(ValueError, match="tasks=1"):
        list(LearnHostProfile(path).run(iter(documents), rank=0, world_size=2))


@pytest.mark.parametrize("parts", [("corpus", "dumps"), ("corpus", "html"), ("outlets", "dumps"), ("outlets", "html"), ("seeds",)])
def test_on_the_real_sets_a_profile_learned_from_its_own_set_makes_no_document_worse(parts: tuple[str, ...]) -> None:
    from cleaner.evaluation import METADATA_FIELDS, find_cases, score

    from .conftest import shared_dir

    cases = list(find_cases([shared_dir(*parts)]))
    assert cases
    records = [{"text": case.path.read_text(encoding="utf-8", errors="replace"), "url": case.url} for case in cases]
    profiled = Cleaner(profile=learn_records(records))
    for case, record in zip(cases, records):
        before = score(clean(record["text"], url=record["url"]).to_dict(), case.expected)
        after = score(profiled.clean(record["text"], url=record["url"]).to_dict(), case.expected)
        assert after.f1 >= before.f1 and after.recall >= before.recall, case.path
        assert [f for f in METADATA_FIELDS if before.fields[f] and not after.fields[f]] == [], case.path


@pytest.mark.parametrize("parts", [("corpus", "html"), ("outlets", "html")])
def test_on_whole_page_dumps_the_profile_drops_chrome_and_never_a_paragraph_of_the_gold(parts: tuple[str, ...]) -> None:
    """Each saved page read as the dump of its whole body (menus, footers and all): the input
    a profile is for. What the profile drops is never a paragraph of the gold text, and where
    the header was read right without a profile (the title agrees) no field that agreed with
    the gold stops agreeing. (Where the dump passes took a menu item for the title, the
    profile drops that menu and the passes take the next chrome line: a wrong header either
    way, until whole-page dumps are read as such.)"""
    from cleaner.evaluation import METADATA_FIELDS, find_cases, score
    from cleaner.html import block_lines, parse_html

    from .conftest import shared_dir

    def whole_page(path: Path) -> str:
        tree = parse_html(path.read_text(encoding="utf-8", errors="replace"))
        for element in tree.xpath("//script|//style|//noscript|//template"):
            element.drop_tree()
        return "\n".join(block_lines(tree.xpath("//body")))

    cases = list(find_cases([shared_dir(*parts)]))
    records = [{"text": whole_page(case.path), "url": case.url} for case in cases]
    profiled = Cleaner(profile=learn_records(records))
    dropped = 0
    outputs = []
    for case, record in zip(cases, records):
        plain = clean(record["text"], url=record["url"])
        article = profiled.clean(record["text"], url=record["url"])
        gold = set((case.expected.get("text") or "").split("\n\n"))
        assert (set(plain.text.split("\n\n")) & gold) - set(article.text.split("\n\n")) == set(), case.path
        before, after = score(plain.to_dict(), case.expected), score(article.to_dict(), case.expected)
        if before.fields["title"]:
            assert [f for f in METADATA_FIELDS if before.fields[f] and not after.fields[f]] == [], case.path
        dropped += sum(d.reason.startswith(("host.repeated (", "mainrun.")) and d.verdict == "drop" for d in article.decisions)
        outputs.append((case, article))
    assert dropped >= 100  # menus and footers recur on these pages: the window and the profile take them
    # The bar: no line that recurs on 40% of its host's pages (three pages or more) and
    # is no article text is left in the output.
    from collections import Counter, defaultdict
    from urllib.parse import urlsplit

    by_host: dict[str, list[int]] = defaultdict(list)
    for index, case in enumerate(cases):
        by_host[(urlsplit(case.url or "").hostname or "").removeprefix("www.")].append(index)
    for host, members in by_host.items():
        if len(members) < 3:
            continue
        seen = Counter(line for i in members for line in set(records[i]["text"].split("\n")) if line.strip())
        gold = {p for i in members for p in (cases[i].expected.get("text") or "").split("\n\n")}
        recurring = {line for line, count in seen.items() if count >= 0.4 * len(members) and line not in gold}
        for i in members:
            left = recurring & set(outputs[i][1].text.split("\n\n"))
            assert not left, (cases[i].path, sorted(left)[:5])


def test_the_report_counts_host_repeated_as_one_reason_and_shows_the_figures_per_block() -> None:
    from cleaner.inputs import InputDocument
    from cleaner.options import CleanOptions
    from cleaner.report import render_html, review

    records = batch()
    documents = [InputDocument(source=f"page{i}.txt", content=r["text"], url=r["url"]) for i, r in enumerate(records)]
    reviewed = review(documents, Cleaner(profile=learn_records(records)))
    assert reviewed.reasons["host.repeated"] == 6 * 4
    assert f"host.repeated (on 6 of 6 pages of {HOST})" in render_html(reviewed)


def page(i: int) -> bytes:
    """An HTML page of article ``i``: a menu, the article with a promo line closing it, a footer."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs(i))
    return (
        f"<html><head><title>Berita {i}</title></head><body><nav><a href='/'>Beranda</a> <a href='/n'>Nasional</a></nav>"
        f"<article><h1>Warga {PLACES[i % 8]} Sambut {THINGS[(i * 3) % 8].title()} Nomor {i}</h1>{body}"
        f"<p>Ikuti kanal kabar kami setiap pagi</p></article><footer><p>Kebijakan Privasi Redaksi Pedoman</p></footer></body></html>"
    ).encode("utf-8")


def test_learning_from_a_warc_of_pages_and_cleaning_them(tmp_path: Path) -> None:
    from datetime import datetime, timezone

    from cleaner.fetch.store import WarcStore
    from cleaner.inputs import read_documents
    from cleaner.learning import learn_documents

    warc = tmp_path / "crawl.warc.gz"
    store = WarcStore(warc).open()
    for i in range(5):
        store.write_response(f"https://www.{HOST}/read/{i}/warga", 200, "OK", [("Content-Type", "text/html; charset=utf-8")], page(i), datetime(2026, 1, 1, tzinfo=timezone.utc))
    store.close()
    profile = learn_documents(read_documents([str(warc)])).profile()
    assert profile.hosts[HOST].pages == 5 and "Ikuti kanal kabar kami setiap pagi" in profile.hosts[HOST].blocks
    plain = clean(page(1), url=f"https://www.{HOST}/read/1/warga")
    assert plain.text.endswith("Ikuti kanal kabar kami setiap pagi")
    article = Cleaner(profile=profile).clean(page(1), url=f"https://www.{HOST}/read/1/warga")
    assert article.text == "\n\n".join(paragraphs(1))
    assert reasons(article, "Ikuti kanal kabar kami setiap pagi") == [f"host.repeated (on 5 of 5 pages of {HOST})"]


def test_a_page_a_markup_layout_reads_is_judged_alike() -> None:
    from .conftest import FIXTURES

    html = (FIXTURES / "cnnindonesia" / "desktop-2023.html").read_text(encoding="utf-8")
    url = json.loads((FIXTURES / "cnnindonesia" / "desktop-2023.meta.json").read_text(encoding="utf-8"))["url"]
    expected = clean(html, url=url)
    cut = html.index("</p>", html.index(expected.text.split("\n\n")[-1][:40])) + len("</p>")
    promo = "Pojok Warga Kabar Kami Sekarang"
    html = html[:cut] + f"<p>{promo}</p>" + html[cut:]
    plain = clean(html, url=url)
    assert plain.provenance.extractor == "rule" and plain.text.endswith(promo)
    profiled = Cleaner(profile=Profile({host_key(url) or "": HostProfile(10, {promo: Block(10)})})).clean(html, url=url)
    # The promo goes, and the editor code it kept from being the closing one goes as well.
    assert profiled.text == expected.text
    assert reasons(profiled, promo) == [f"host.repeated (on 10 of 10 pages of {host_key(url)})"]
