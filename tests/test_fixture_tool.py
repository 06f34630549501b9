"""`cleaner fixtures new | check | update` and `pytest --cleaner-fixtures`, as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cleaner.fixtures import Change, paragraph_diff

from .conftest import FIXTURES, ROOT
from .httpsite import HttpSite, Reply, always
from .test_warc_input import write_warc

CLEANER = [sys.executable, "-m", "cleaner.cli"]
DUMP_URL = "https://koran.tempo.co/read/nasional/450567/insentif-mobil-listrik"
PAGE_URL = "https://www.liputan6.com/news/read/5510213/jembatan-gantung-baru"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLEANER, *args], capture_output=True, text=True, timeout=120, cwd=cwd)


def make_two(tmp_path: Path) -> Path:
    folder = tmp_path / "F"
    for source, url in ((FIXTURES / "tempo" / "koran.txt", DUMP_URL), (FIXTURES / "liputan6" / "desktop-2024.html", PAGE_URL)):
        result = run("fixtures", "new", str(source), "--dir", str(folder), "--url", url, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert "review" in result.stdout and "unreviewed" in result.stdout
    return folder


def test_new_check_change_update_check(tmp_path: Path) -> None:
    folder = make_two(tmp_path)
    dump = folder / "tempo" / "insentif-mobil-listrik.txt"
    page = folder / "liputan6" / "jembatan-gantung-baru.html"
    assert dump.read_bytes() == (FIXTURES / "tempo" / "koran.txt").read_bytes() and page.exists()
    meta = json.loads(dump.with_name("insentif-mobil-listrik.meta.json").read_text())
    assert meta["url"] == DUMP_URL and meta["reviewed"] is False and meta["rule"] == "tempo" and meta["layout"] == "koran"
    expected = json.loads(dump.with_name("insentif-mobil-listrik.expected.json").read_text())
    assert list(expected)[0] == "site" and list(expected)[-1] == "text" and expected["url"] == DUMP_URL

    checked = run("fixtures", "check", str(folder), cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "tempo" in checked.stdout and "2 fixtures, 0 changed" in checked.stderr

    expected_path = page.with_name("jembatan-gantung-baru.expected.json")
    record = json.loads(expected_path.read_text())
    record["title"] = "Judul yang Lain"
    expected_path.write_text(json.dumps(record, ensure_ascii=False, indent=2))
    changed = run("fixtures", "check", str(folder), cwd=tmp_path)
    assert changed.returncode == 1
    assert "liputan6/jembatan-gantung-baru: title changed" in changed.stdout and "- 'Judul yang Lain'" in changed.stdout

    as_json = json.loads(run("fixtures", "check", str(folder), "--format", "json", cwd=tmp_path).stdout)
    assert [c["field"] for c in as_json["changed"][0]["changes"]] == ["title"]
    assert as_json["sites"]["liputan6"]["changed"] == 1 and len(as_json["unreviewed"]) == 2

    updated = run("fixtures", "update", str(folder), "--only", "jembatan-gantung-baru", "--reviewed", cwd=tmp_path)
    assert updated.returncode == 0 and "updated liputan6/jembatan-gantung-baru: title" in updated.stdout
    assert run("fixtures", "check", str(folder), cwd=tmp_path).returncode == 0
    assert json.loads(page.with_name("jembatan-gantung-baru.meta.json").read_text())["reviewed"] is True
    assert json.loads(dump.with_name("insentif-mobil-listrik.meta.json").read_text())["reviewed"] is False  # not chosen


def mark_reviewed(folder: Path) -> None:
    """What a person does after reading each expected record against the GUIDE."""
    for meta_path in folder.rglob("*.meta.json"):
        meta = json.loads(meta_path.read_text())
        meta_path.write_text(json.dumps({**meta, "reviewed": True}, ensure_ascii=False, indent=2))


def test_pytest_fails_an_unreviewed_fixture(tmp_path: Path) -> None:
    folder = make_two(tmp_path)  # `fixtures new`: today's output, marked unreviewed
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(tmp_path), "--cleaner-fixtures", str(folder)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )
    assert result.returncode == 1 and "2 failed" in result.stdout, result.stdout
    assert "not reviewed" in result.stdout and "--reviewed" in result.stdout


def test_pytest_runs_each_fixture_and_fails_with_the_same_diff(tmp_path: Path) -> None:
    folder = make_two(tmp_path)
    mark_reviewed(folder)
    expected_path = folder / "tempo" / "insentif-mobil-listrik.expected.json"
    record = json.loads(expected_path.read_text())
    record["text"] = record["text"] + "\n\nParagraf yang tidak ada di halaman."
    expected_path.write_text(json.dumps(record, ensure_ascii=False, indent=2))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(tmp_path), "--cleaner-fixtures", str(folder)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )
    assert result.returncode == 1, result.stdout
    assert "1 failed, 1 passed" in result.stdout
    check = run("fixtures", "check", str(folder), cwd=tmp_path)
    diff = check.stdout[check.stdout.index("tempo/insentif-mobil-listrik"):].strip()
    assert "- Paragraf yang tidak ada di halaman." in diff
    assert diff in result.stdout  # the failure message is check's report, word for word


def test_a_warc_gives_a_fixture_per_page(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    result = run("fixtures", "new", str(warc), "--dir", str(tmp_path / "F"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [page] = list((tmp_path / "F").rglob("*.html"))
    assert page.name == "baru.html" and json.loads(page.with_name("baru.meta.json").read_text())["url"] == "https://contoh.id/baru"


def test_a_url_is_fetched_once_politely(tmp_path: Path) -> None:
    body = (FIXTURES / "liputan6" / "desktop-2024.html").read_bytes()
    site = HttpSite({"/berita/1": always(Reply(200, body, {"Content-Type": "text/html; charset=utf-8"}))})
    try:
        result = run("fixtures", "new", site.url("/berita/1"), "--dir", str(tmp_path / "F"), "--name", "jembatan", cwd=tmp_path)
    finally:
        site.close()
    assert result.returncode == 0, result.stderr
    assert site.paths() == ["/robots.txt", "/berita/1"]
    [page] = list((tmp_path / "F").rglob("jembatan.html"))
    assert page.read_bytes() == body


def test_the_diff_reads_paragraph_by_paragraph() -> None:
    assert paragraph_diff("A\n\nB\n\nC", "A\n\nB2\n\nC\n\nD") == ["  - B", "  + B2", "  + D"]
    assert Change("tags", ["x", "y"], ["y", "z"]).diff() == ["  - 'x'", "  + 'z'"]
    assert ROOT.exists()
