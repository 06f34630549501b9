"""Common Crawl WET files as input (issue 20): ``conversion`` records are documents.

The WET files here are written by hand, byte by byte, in the layout the WARC 1.1
specification gives a ``conversion`` record and Common Crawl publishes for its WET
files (WARC/1.0 records, one gzip member each: a ``warcinfo`` record first, then one
``conversion`` record of ``text/plain`` per page, with its target URI, date, record id,
the id of the response it was converted from, a block digest, the identified language
and the length). The texts are fixture dumps, with their hand-written expected records.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cleaner import Cleaner, Outcome
from cleaner.inputs import read_documents

from .conftest import FIXTURES
from .test_cli_faults import _wait_for_journal

CLEANER = [sys.executable, "-m", "cleaner.cli"]
GUIDE_KEYS = ("site", "url", "title", "description", "authors", "editors", "published", "updated", "dateline", "category", "tags", "text")
#: Fixture dumps that become WET records: (fixture, the record's WARC-Date).
PAGES = (("tempo/classic-2013", "2014-02-21T03:12:45Z"), ("antara/article", "2025-03-20T11:02:09Z"), ("antara/markdown-crawl4ai", "2025-03-12T08:40:00Z"))


def _uuid(number: int) -> str:
    return f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>"


def warc_record(headers: list[tuple[str, str]], block: bytes) -> bytes:
    """One WARC/1.0 record: version line, named fields, ``Content-Length``, a blank line,
    the block, and the two CRLFs that end a record."""
    lines = ["WARC/1.0", *(f"{name}: {value}" for name, value in headers), f"Content-Length: {len(block)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + block + b"\r\n\r\n"


def warcinfo(name: str) -> bytes:
    fields = (
        "Software-Info: ia-web-commons.1.1.10-SNAPSHOT-20240112000000\r\n"
        "Extracted-Date: Mon, 04 Mar 2024 12:00:00 GMT\r\n"
        "robots: checked via crawler-commons 1.5-SNAPSHOT\r\n"
        "isPartOf: CC-MAIN-2024-10\r\n"
        "operator: Common Crawl Admin\r\n"
        "description: Wide crawl of the web, text extracted\r\n"
        "publisher: Common Crawl\r\n"
    ).encode()
    headers = [("WARC-Type", "warcinfo"), ("WARC-Date", "2024-03-04T12:00:00Z"), ("WARC-Filename", name),
               ("WARC-Record-ID", _uuid(999_999)), ("Content-Type", "application/warc-fields")]
    return warc_record(headers, fields)


def conversion(number: int, url: str, date: str, text: str, *, language: str | None = "ind", content_type: str = "text/plain") -> bytes:
    block = text.encode("utf-8")
    digest = "sha1:" + base64.b32encode(hashlib.sha1(block).digest()).decode()
    headers = [("WARC-Type", "conversion"), ("WARC-Target-URI", url), ("WARC-Date", date), ("WARC-Record-ID", _uuid(number)),
               ("WARC-Refers-To", _uuid(500_000 + number)), ("WARC-Block-Digest", digest)]
    if language:
        headers.append(("WARC-Identified-Content-Language", language))
    headers.append(("Content-Type", content_type))
    return warc_record(headers, block)


def fixture(name: str) -> tuple[str, str, dict[str, Any]]:
    """A fixture dump's URL, text and hand-written expected record."""
    meta = json.loads((FIXTURES / f"{name}.meta.json").read_text(encoding="utf-8"))
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    return meta["url"], (FIXTURES / f"{name}.txt").read_text(encoding="utf-8"), expected


def wet_records() -> list[bytes]:
    """warcinfo; the fixture pages; an empty conversion; a metadata record; a conversion that is no text."""
    records = [warcinfo("CC-MAIN-20240304-00001.warc.wet.gz")]
    for number, (name, date) in enumerate(PAGES, start=1):
        url, text, _ = fixture(name)
        records.append(conversion(number, url, date, text))
    records.append(conversion(4, "https://www.liputan6.com/news/read/4/kosong", "2024-03-04T12:01:00Z", "", language=None))
    records.append(warc_record([("WARC-Type", "metadata"), ("WARC-Target-URI", "https://www.tempo.co/"), ("WARC-Date", "2024-03-04T12:02:00Z"),
                                ("WARC-Record-ID", _uuid(5)), ("Content-Type", "application/warc-fields")], b"fetchTimeMs: 120\r\n"))
    records.append(conversion(6, "https://www.tempo.co/logo.png", "2024-03-04T12:03:00Z", "PNG", content_type="image/png"))
    return records


def write_wet(path: Path, records: list[bytes]) -> Path:
    """``.gz`` names get one gzip member per record, as Common Crawl writes them; others plain."""
    with open(path, "wb") as handle:
        for record in records:
            handle.write(gzip.compress(record, mtime=0) if path.name.endswith(".gz") else record)
    return path


EXAMPLE = FIXTURES.parents[1] / "examples" / "crawl.warc.wet.gz"


def example_records() -> list[bytes]:
    """``examples/crawl.warc.wet.gz``, which the README cleans: a warcinfo and two fixture pages."""
    records = [warcinfo("crawl.warc.wet.gz")]
    for number, (name, date) in enumerate(PAGES[:2], start=1):
        url, text, _ = fixture(name)
        records.append(conversion(number, url, date, text))
    return records


def test_the_example_wet_file_is_the_one_these_helpers_write(tmp_path: Path) -> None:
    """Run with ``REWRITE_EXAMPLE=1`` to write it anew (after a fixture it holds changed)."""
    import os

    if os.environ.get("REWRITE_EXAMPLE"):
        write_wet(EXAMPLE, example_records())
    assert EXAMPLE.read_bytes() == write_wet(tmp_path / "crawl.warc.wet.gz", example_records()).read_bytes()


@pytest.mark.parametrize("name", ["CC-MAIN-20240304-00001.warc.wet.gz", "crawl.wet", "crawl.wet.gz"])
def test_conversion_records_are_documents_and_nothing_else_is(tmp_path: Path, name: str) -> None:
    wet = write_wet(tmp_path / name, wet_records())
    documents = list(read_documents([str(wet)]))
    assert [d.source for d in documents] == [f"{wet}:1", f"{wet}:2", f"{wet}:3", f"{wet}:4"]  # warcinfo, metadata, the image: none
    first = documents[0]
    assert first.url == fixture("tempo/classic-2013")[0] and first.id == _uuid(1) and first.when == "2014-02-21T03:12:45Z"
    assert first.extra == {"warc_refers_to": _uuid(500_001), "warc_language": "ind"}
    assert first.content == fixture("tempo/classic-2013")[1].encode("utf-8")
    empty = documents[3]
    assert empty.error == "empty input" and empty.id == _uuid(4) and empty.extra == {"warc_refers_to": _uuid(500_004)}


def test_a_folder_walk_takes_wet_files(tmp_path: Path) -> None:
    write_wet(tmp_path / "a.warc.wet.gz", wet_records())
    skipped: list[tuple[str, str]] = []
    assert len(list(read_documents([str(tmp_path)], skipped=skipped))) == 4 and skipped == []


def test_the_cli_cleans_each_record_with_its_url_and_carries_the_record_ids(tmp_path: Path) -> None:
    wet = write_wet(tmp_path / "CC-MAIN-20240304-00001.warc.wet.gz", wet_records())
    result = subprocess.run([*CLEANER, "clean", str(wet), "--no-progress"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr  # the empty record is an error record
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 3
    for number, ((name, _), record) in enumerate(zip(PAGES, records), start=1):
        expected = fixture(name)[2]
        assert {key: record[key] for key in GUIDE_KEYS} == expected, name
        assert record["id"] == _uuid(number) and record["warc_refers_to"] == _uuid(500_000 + number) and record["warc_language"] == "ind"
        assert record["source"] == f"{wet}:{number}"
    [error] = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert error["error"] == "empty input" and error["id"] == _uuid(4) and error["warc_refers_to"] == _uuid(500_004)


def test_the_api_cleans_the_documents_of_a_wet_file(tmp_path: Path) -> None:
    wet = write_wet(tmp_path / "crawl.warc.wet.gz", wet_records())
    cleaner = Cleaner()
    documents = list(read_documents([str(wet)]))
    articles = [cleaner.clean_document(document) for document in documents]
    assert len(articles) == 4
    for (name, date), document, article in zip(PAGES, documents, articles):
        assert document.when == date and document.extra["warc_refers_to"].startswith("<urn:uuid:")
        assert {key: article.to_dict()[key] for key in GUIDE_KEYS} == fixture(name)[2]
    assert articles[3].outcome is Outcome.REFUSED and articles[3].provenance.reason == "empty input"


def test_the_warc_date_is_the_era_the_cleaner_is_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import cleaner.engine

    seen: list[Any] = []
    original = cleaner.engine.extract_text
    monkeypatch.setattr(cleaner.engine, "extract_text", lambda rule, lines, when=None, *rest: seen.append(when) or original(rule, lines, when, *rest))
    wet = write_wet(tmp_path / "crawl.warc.wet.gz", wet_records())
    cleaner = Cleaner()
    for document in read_documents([str(wet)]):
        cleaner.clean_document(document)
    assert [str(day) for day in seen] == ["2014-02-21", "2025-03-20", "2025-03-12"]


def test_a_killed_run_over_a_wet_file_resumes_to_the_uninterrupted_result(tmp_path: Path) -> None:
    pages = [fixture(name) for name, _ in PAGES]
    records = [warcinfo("big.warc.wet.gz")]
    for number in range(1, 6001):
        url, text, _ = pages[number % len(pages)]
        records.append(conversion(number, url.replace("/read/", f"/read/{number}/"), "2024-03-04T12:00:00Z", text if number % 97 else ""))
    wet = write_wet(tmp_path / "big.warc.wet.gz", records)
    reference, reference_errors = tmp_path / "ref.jsonl", tmp_path / "ref-errors.jsonl"
    done = subprocess.run([*CLEANER, "clean", str(wet), "-o", str(reference), "--errors", str(reference_errors), "--jobs", "1"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stderr  # the empty records

    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    process = subprocess.Popen([*CLEANER, "clean", str(wet), "-o", str(out), "--errors", str(errors), "--jobs", "1", "--no-progress"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_for_journal(out, 300, process)
    process.kill()
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL and not out.exists()
    resumed = subprocess.run([*CLEANER, "clean", str(wet), "-o", str(out), "--errors", str(errors), "--jobs", "1", "--resume"],
                             capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 1, resumed.stderr
    assert out.read_bytes() == reference.read_bytes() and errors.read_bytes() == reference_errors.read_bytes()
    assert len(out.read_bytes().splitlines()) == 6000 - 6000 // 97


def _require_datatrove() -> None:
    from .test_datatrove import _require

    _require("datatrove")


def test_datatrove_warc_reader_documents_of_a_wet_file_go_through_the_step(tmp_path: Path) -> None:
    _require_datatrove()
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.integrations.datatrove import IndonesianNewsCleaner

    from .test_datatrove import read_output

    (tmp_path / "wet").mkdir()
    write_wet(tmp_path / "wet" / "CC-MAIN-20240304-00001.warc.wet.gz", wet_records())
    LocalPipelineExecutor(
        [WarcReader(str(tmp_path / "wet")), IndonesianNewsCleaner(), JsonlWriter(str(tmp_path / "out"))],
        tasks=1, logging_dir=str(tmp_path / "logs"),
    ).run()
    documents = read_output(tmp_path / "out")
    assert sorted(documents) == [_uuid(1), _uuid(2), _uuid(3)]  # WarcReader keeps the record id; the empty record it skips
    for number, (name, date) in enumerate(PAGES, start=1):
        document, expected = documents[_uuid(number)], fixture(name)[2]
        assert document["text"] == expected["text"], name
        assert {key: document["metadata"][key] for key in ("site", "url", "title", "published", "dateline")} == {
            key: expected[key] or "" for key in ("site", "url", "title", "published", "dateline")
        }
        assert document["metadata"]["date"] == date
