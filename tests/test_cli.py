from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

from .conftest import FIXTURES

CLEANER = [sys.executable, "-m", "cleaner.cli"]


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLEANER, *args], input=stdin, capture_output=True, text=True, timeout=120, cwd=cwd)


def test_clean_folder_to_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run("clean", str(FIXTURES / "antara"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    inputs = [*(FIXTURES / "antara").glob("*.txt"), *(FIXTURES / "antara").glob("*.html")]
    assert len(records) == len(inputs)
    assert {Path(r["source"]).name for r in records} == {p.name for p in inputs}
    assert "documents: antara" in result.stderr and "; 0 errors" in result.stderr


def test_jsonl_records_keep_ids_and_extra_keys_and_report_bad_lines(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl.gz"
    lines = [
        json.dumps({"id": 7, "url": "https://www.tempo.co/x", "text": "TEMPO.CO, Jakarta - Isi berita.", "lang": "id"}),
        "{not json",
        json.dumps({"id": 9, "text": ""}),
        json.dumps({"id": 10, "html": "<html><body><p>Isi halaman yang cukup panjang untuk diekstrak oleh trafilatura.</p></body></html>"}),
    ]
    source.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    errors = tmp_path / "errors.jsonl"
    result = run("clean", str(source), "--errors", str(errors))
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r.get("id") for r in records] == ["7", "10"]  # ids are written as strings (one schema)
    assert records[0]["site"] == "tempo" and records[0]["lang"] == "id" and records[0]["source"].endswith(":1")
    failed = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [f["source"].rsplit(":", 1)[1] for f in failed] == ["2", "3"]
    assert "4 documents" in result.stderr and "; 2 errors" in result.stderr


def test_stdin_and_formats() -> None:
    dump = "Judul\nJakarta, CNN Indonesia -- Isi berita."
    result = run("clean", "-", "--format", "text", stdin=dump)
    assert result.returncode == 0
    assert result.stdout.startswith("Isi berita.")
    result = run("clean", "-", "--format", "markdown", "--url", "https://www.cnnindonesia.com/x", stdin=dump)
    assert result.stdout.startswith("# Judul")


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("clean").returncode == 2
    assert run("clean", "-", "--site", "nope", stdin="x").returncode == 2
    assert run("clean", "-", "--format", "xml", stdin="x").returncode == 2


def test_a_missing_input_is_a_usage_error_before_any_work(tmp_path: Path) -> None:
    """Issue 23 item 21: a typo'd path is found at the start, not at the end of a long batch."""
    good = tmp_path / "a.txt"
    good.write_text("TEMPO.CO, Jakarta - Isi.", encoding="utf-8")
    result = run("clean", str(good), str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "no such file or folder" in result.stderr and "missing.txt" in result.stderr


def test_an_input_that_cannot_be_opened_is_an_error_record_not_a_crash(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("TEMPO.CO, Jakarta - Isi.", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")  # named, but nothing to open
    result = run("clean", str(tmp_path / "gone.txt"), str(good))
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1
    assert "cannot open" in result.stderr


def test_sites_lists_every_rule() -> None:
    result = run("sites")
    assert result.returncode == 0
    for name in ("tirto", "cnnindonesia", "liputan6", "antara", "tempo", "generic"):
        assert name in result.stdout
