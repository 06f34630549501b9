"""``cleaner explain`` and ``cleaner report`` (issue 7): reasons, totals, drift, and the page in Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from cleaner import clean
from cleaner.inputs import InputDocument, read_documents
from cleaner.report import render_html, review

from .conftest import FIXTURES, shared_dir

CLEANER = [sys.executable, "-m", "cleaner.cli"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLEANER, *args], capture_output=True, text=True, timeout=300)


# -- decisions on the Article ---------------------------------------------------------------------

LIPUTAN6_DUMP = """Liputan6.com, Jakarta - Warga kampung nelayan memperbaiki perahu sebelum musim angin barat tiba.
Baca Juga
Harga Ikan Naik di Pelelangan
Para nelayan mengaku biaya cat dan kayu naik sepanjang tahun ini.
Warga memperbaiki perahu di pantai. (Liputan6.com/Fulan Hakim)
"""


def test_every_block_carries_its_verdict_and_reason() -> None:
    article = clean(LIPUTAN6_DUMP, url="https://www.liputan6.com/news/read/1/x")
    decisions = [(d.verdict, d.reason) for d in article.decisions]
    assert ("meta", "shared.dateline") in decisions
    assert ("keep", "body") in decisions
    assert any(verdict == "drop" and reason.endswith("read_also") for verdict, reason in decisions)
    assert ("drop", "shared.caption") in decisions
    kept = [d.line for d in article.decisions if d.verdict == "keep"]
    assert "\n\n".join(kept) == article.text  # the kept blocks are exactly the text
    record = article.to_dict(decisions=True)
    assert record["decisions"][0] == {"block": "Liputan6.com, Jakarta - ", "verdict": "meta", "reason": "shared.dateline"}
    assert record["sources"]["dateline"].startswith("liputan6")
    assert "decisions" not in article.to_dict()  # the output schema stays the GUIDE's


def test_a_repeated_paragraph_is_dropped_where_it_repeats() -> None:
    paragraph = "Pemerintah kota menambah armada bus sekolah untuk tiga kecamatan di pinggiran kota."
    article = clean(f"Jakarta (ANTARA) - {paragraph}\nKalimat kedua berita ini cukup panjang.\n{paragraph}", site="antara")
    verdicts = [(d.verdict, d.reason) for d in article.decisions if d.line == paragraph]
    assert verdicts == [("keep", "body"), ("drop", "shared.repeated_paragraph")]


# -- cleaner explain -----------------------------------------------------------------------------


def test_explain_lists_blocks_metadata_and_the_path_plain_when_piped() -> None:
    source = FIXTURES / "tempo" / "classic-2013.txt"
    result = run("explain", str(source))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "\x1b[" not in out  # no colour codes into a pipe
    assert out.splitlines()[0].endswith("rule tempo, layout classic-2013")
    assert "DROP  shared.read_also" in out and "KEEP  body" in out and "META  shared.dateline" in out
    assert "tempo.related_list" in out
    assert any(line.startswith("title ") and "[" in line for line in out.splitlines())  # where the title came from


def test_explain_colours_when_asked_and_shows_fallbacks(tmp_path: Path) -> None:
    coloured = run("explain", str(FIXTURES / "tempo" / "classic-2013.txt"), "--color")
    assert "\x1b[" in coloured.stdout
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Judul</title></head><body><article><p>" + TEMPO_BODY + "</p>"
        "<p>Kalimat kedua yang juga cukup panjang untuk diambil oleh ekstraktor.</p></article></body></html>",
        encoding="utf-8",
    )
    result = run("explain", str(page), "--url", "https://contoh-berita.id/read/1/x")
    first = result.stdout.splitlines()[0]
    assert result.returncode == 0 and "fallback trafilatura: no markup rules for generic" in first


# -- cleaner report: gathering -------------------------------------------------------------------

TEMPO_BODY = "Petani di lereng gunung mulai menanam kopi setelah hujan pertama turun pekan ini."


def tempo_documents(count: int, *, with_signature: bool) -> list[InputDocument]:
    """Tempo dumps of my own: with the dateline and footer the rule knows, or with both gone."""
    documents = []
    for index in range(count):
        if with_signature:
            text = f"Judul Berita Nomor {index}\nTEMPO.CO, Temanggung - {TEMPO_BODY}\nKalimat kedua berita.\nPILIHAN EDITOR: Berita lain"
        else:  # the site changed its dateline form and dropped the footer
            text = f"Judul Berita Nomor {index}\nTemanggung | Tempo Baru: {TEMPO_BODY}\nKalimat kedua berita."
        documents.append(InputDocument(f"tempo-{index}.txt", content=text, url=f"https://nasional.tempo.co/read/{index}/x"))
    return documents


def test_a_site_whose_signature_vanished_gets_a_drift_warning() -> None:
    healthy = review(tempo_documents(10, with_signature=True))
    assert healthy.sites["tempo"].missing_signature == 0 and healthy.drift_warnings() == []
    drifted = review(tempo_documents(2, with_signature=True) + tempo_documents(8, with_signature=False))
    assert drifted.sites["tempo"].missing_signature == 8
    [(site, message)] = drifted.drift_warnings()
    assert site == "tempo" and "8 of 10" in message and "signatures" in message


def test_fallbacks_over_ten_percent_are_drift() -> None:
    page = "<html><body><main><p>" + TEMPO_BODY + "</p><p>Kalimat kedua yang juga cukup panjang untuk diambil.</p></main></body></html>"
    documents = tempo_documents(8, with_signature=True) + [
        InputDocument(f"page-{i}.html", content=page, url=f"https://www.tempo.co/read/{i}/x") for i in range(2)
    ]
    batch = review(documents)
    assert batch.sites["tempo"].fallbacks == 2
    assert any("fell back" in message for _, message in batch.drift_warnings())


def test_report_counts_every_fixture_and_errors(tmp_path: Path) -> None:
    batch = review([*read_documents([str(FIXTURES)]), InputDocument("broken.txt", error="empty input")])
    inputs = [p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".html")]
    assert batch.total == len(inputs) + 1 and batch.sites["generic"].errors == 1
    page = render_html(batch)
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page.split('<h2 id="documents">Documents</h2>')[0] and '<h2 id="documents">' in page
    assert page.count('<details class="doc"') == batch.total


# -- cleaner report in a real browser --------------------------------------------------------------


def _browser():  # type: ignore[no-untyped-def]
    """Playwright and Debian's Chromium (installed by .ci/run); a skip elsewhere, a failure in CI."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None  # type: ignore[assignment]
    if chromium is None or sync_playwright is None:
        if os.environ.get("CLEANER_REQUIRE_BROWSER"):
            pytest.fail("CI must run the browser test: chromium or playwright is missing")
        pytest.skip("chromium or playwright is not installed (pip install -e '.[checks]' and a Chromium; bash .ci/run installs both)")
    return sync_playwright, chromium


CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def open_report(path: Path):  # type: ignore[no-untyped-def]
    """Load the report in headless Chromium; yields (page, console errors, requests made)."""
    sync_playwright, chromium = _browser()
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
    page = browser.new_page()
    page.set_default_timeout(30_000)  # every browser step is bounded
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.resolve().as_uri(), timeout=30_000)
    return playwright, browser, page, errors, requests


def site_totals(page) -> dict[str, int]:  # type: ignore[no-untyped-def]
    rows = page.locator("#sites tr[data-site]")
    return {
        rows.nth(i).get_attribute("data-site"): int(rows.nth(i).locator("td.site-documents").inner_text())
        for i in range(rows.count())
    }


def test_report_in_chromium_totals_and_a_document_view(tmp_path: Path) -> None:
    report = tmp_path / "r.html"
    result = run("report", str(FIXTURES), "-o", str(report))
    assert result.returncode == 0, result.stderr
    playwright, browser, page, errors, requests = open_report(report)
    try:
        expected = Counter()
        for document in read_documents([str(FIXTURES)]):
            expected[clean(document.content, url=document.url).site or "generic"] += 1  # type: ignore[arg-type]
        assert site_totals(page) == dict(expected)
        assert int(page.locator("#total-documents").inner_text()) == sum(expected.values())
        # Open the view of a document with dropped lines: they show, struck through, with reasons.
        view = page.locator("details.doc", has=page.locator(".block.drop")).first
        assert not view.locator(".block.drop del").first.is_visible()
        view.locator("summary").click()
        dropped = view.locator(".block.drop del").first
        assert dropped.is_visible()
        assert view.locator(".block.drop .reason").first.inner_text().strip()
        assert view.locator(".clean p").first.is_visible()
        # The site filter hides other sites' documents.
        page.select_option("#filter", "tempo")
        assert page.locator("details.doc[data-site='antara']").first.is_hidden()
        assert errors == [] and all(url.startswith("file://") for url in requests)
    finally:
        browser.close()
        playwright.stop()


def test_corpus_report_in_chromium_matches_the_corpus_counts(tmp_path: Path) -> None:
    dumps = shared_dir("corpus", "dumps")
    report = tmp_path / "r.html"
    result = run("report", str(dumps), "-o", str(report))
    assert result.returncode == 0, result.stderr
    # The corpus keeps the pages of other outlets in other/; the report names their rule, generic.
    corpus_counts = {folder.name.replace("other", "generic"): len(list(folder.glob("*.txt"))) for folder in dumps.iterdir() if folder.is_dir()}
    playwright, browser, page, errors, _ = open_report(report)
    try:
        assert site_totals(page) == corpus_counts
        assert errors == []
        assert page.locator("#no-drift").is_visible()
    finally:
        browser.close()
        playwright.stop()


def test_report_controls_filter_search_and_link_totals(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    for path in sorted(FIXTURES.glob("tempo/*.txt")) + sorted(FIXTURES.glob("tirto/*.html")):
        (batch / path.name).write_bytes(path.read_bytes())
    (batch / "kosong.txt").write_text("   \n")  # an error record
    report = tmp_path / "r.html"
    result = run("report", str(batch), "-o", str(report))
    assert result.returncode == 0, result.stderr
    playwright, browser, page, errors, requests = open_report(report)
    try:
        documents = page.locator("details.doc")
        total = documents.count()
        visible = lambda: sum(documents.nth(i).is_visible() for i in range(total))  # noqa: E731
        assert visible() == total and page.locator("#shown").inner_text() == f"{total} shown"
        # Paths relative to the input root, not absolute.
        assert page.locator("details.doc summary").first.inner_text().startswith(("classic-2013.txt", "english.txt", "koran.txt"))
        assert str(tmp_path) not in page.locator("#documents ~ details").first.inner_text()
        # Outcome, path and warning filters.
        page.select_option("#outcome", "non_article")
        assert visible() == page.locator("details.doc[data-outcome='non_article']").count() >= 1
        page.select_option("#outcome", "")
        page.select_option("#path", "error")
        assert visible() == 1 and page.locator("details.doc[data-path='error']").is_visible()
        page.select_option("#path", "")
        page.select_option("#warnings", "no")
        assert 0 < visible() < total
        page.select_option("#warnings", "")
        # Search matches text inside the documents.
        page.fill("#search", "insentif mobil listrik")
        assert visible() == 1
        page.fill("#search", "")
        assert visible() == total
        # A total links to its documents: the tempo row's count shows tempo's documents only.
        page.locator("#sites tr[data-site='tempo'] td.site-documents a").click()
        assert visible() == int(page.locator("#sites tr[data-site='tempo'] td.site-documents").inner_text())
        assert page.locator("details.doc[data-site='tirto']").first.is_hidden()
        # Warnings are coloured by severity: an error red, a note not.
        assert page.locator(".warn-error").count() + page.locator(".warn-notice").count() >= 1
        assert errors == [] and all(url.startswith("file://") for url in requests)
    finally:
        browser.close()
        playwright.stop()


def test_warning_severity_and_relative_paths() -> None:
    from cleaner.report import shown_path, warning_class

    assert warning_class("body hook failed: ValueError: x") == "warn-error"
    assert warning_class("input is not UTF-8; decoded as cp1250") == "warn-notice"
    assert warning_class("page metadata: published '2024-02-30' is not a valid date") == "warn-notice"
    root = str(FIXTURES)
    assert shown_path(str(FIXTURES / "tempo" / "koran.txt"), root) == "tempo/koran.txt"
    assert shown_path(f"{FIXTURES}/x.jsonl:12", root) == "x.jsonl:12"
    assert shown_path("/elsewhere/a.txt", root) == "/elsewhere/a.txt"
