"""WARC input for ``cleaner clean`` (issue 5): HTML responses are documents, other records are not."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from cleaner.fetch.store import WarcStore
from cleaner.inputs import read_documents

PAGE = (
    '<html><head><meta charset="windows-1252"><title>Kafé</title></head><body><article>'
    "<p>“Kopi di kafé itu enak,” kata José kepada wartawan di Jakarta pada Senin pagi.</p>"
    "<p>Harga secangkir kopi naik menjadi Rp25.000 sejak bulan lalu menurut pemilik kafé.</p></article></body></html>"
).encode("cp1252")


def write_warc(path: Path) -> None:
    store = WarcStore(path).open()
    when = datetime(2026, 11, 21, tzinfo=timezone.utc)
    store.write_response("https://contoh.id/robots.txt", 200, "OK", [("Content-Type", "text/plain")], b"User-agent: *", when)
    store.write_response("https://contoh.id/lama", 301, "Moved", [("Location", "/baru")], b"", when)
    store.write_response("https://contoh.id/baru", 200, "OK", [("Content-Type", "text/html; charset=windows-1252")], PAGE, when)
    store.write_response("https://contoh.id/foto.jpg", 200, "OK", [("Content-Type", "image/jpeg")], b"\xff\xd8\xff", when)
    store.close()


def test_only_html_responses_are_documents(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    [document] = list(read_documents([str(warc)]))
    assert document.url == "https://contoh.id/baru" and document.encoding == "windows-1252"
    assert document.source == f"{warc}:3" and str(document.id).startswith("<urn:uuid:")


def test_cleaning_a_warc_and_a_damaged_one(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    result = subprocess.run([sys.executable, "-m", "cleaner.cli", "clean", str(warc)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["url"] == "https://contoh.id/baru" and "“Kopi di kafé itu enak,” kata José" in record["text"]

    damaged = tmp_path / "damaged.warc.gz"
    whole = warc.read_bytes()
    image_record = whole.index(b"\x1f\x8b\x08", len(whole) // 2)  # the last gzip member; the page's ends there
    damaged.write_bytes(whole[: image_record - 30])  # cut inside the page's record
    result = subprocess.run([sys.executable, "-m", "cleaner.cli", "clean", str(damaged)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "WARC record cut short" in result.stderr and result.stdout == ""


def test_the_warc_reader_gives_the_warc_date(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    [document] = list(read_documents([str(warc)]))
    assert document.when is not None and document.when.startswith("2026-11-21")
    # That the cleaner then reads the page with the layouts of that date: tests/test_one_way_in.py.
