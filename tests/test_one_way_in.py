"""One way into the engine (issue 24): every caller cleans a document alike.

One WARC record whose charset is given only in its HTTP header (windows-1252, no
``<meta charset>``) and whose WARC-Date lies in another era than today's layouts: the
page holds a Tempo container of 2015 and one of 2018, so the date decides which layout
reads it, and the charset decides whether ``Piñera`` survives. ``clean``, ``explain``,
``report``, the fixtures' reader and the datatrove step must give the same record.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from cleaner import Cleaner
from cleaner.fetch.store import WarcStore
from cleaner.inputs import InputDocument, read_documents
from cleaner.report import review

CLEANER = [sys.executable, "-m", "cleaner.cli"]
URL = "https://nasional.tempo.co/read/700001/presiden-chile-berkunjung"
OLD = "Presiden Chile Sebastián Piñera tiba di Jakarta untuk kunjungan kenegaraan selama tiga hari pekan ini."
NEW = "Kunjungan itu dibahas ulang oleh para menteri dalam rapat kabinet terbatas yang digelar pada Kamis sore."
PAGE = (
    "<html><head><title>Presiden Chile Berkunjung</title></head><body>"
    "<div class='artikel'><h1>Presiden Chile Berkunjung ke Jakarta</h1>"
    f"<p>{OLD}</p><p>Ia disambut oleh menteri luar negeri di bandara dan langsung menuju istana negara.</p></div>"
    "<article><h1>Presiden Chile Berkunjung ke Jakarta</h1><div id='isi'>"
    f"<p>{NEW}</p><p>Para menteri sepakat menyiapkan nota kesepahaman di bidang perdagangan dan energi.</p></div></article>"
    "</body></html>"
).encode("cp1252")
WARC_DATE = datetime(2015, 6, 1, 9, 30, tzinfo=timezone.utc)


@pytest.fixture()
def warc(tmp_path: Path) -> Path:
    path = tmp_path / "crawl.warc.gz"
    store = WarcStore(path).open()
    store.write_response(URL, 200, "OK", [("Content-Type", "text/html; charset=windows-1252")], PAGE, WARC_DATE)
    store.close()
    return path


def _expected_shape(record: dict[str, Any]) -> None:
    """What the record must be, read from the page by hand: the 2015 layout, ñ intact."""
    assert OLD in record["text"] and "Pińera" not in record["text"]
    assert NEW not in record["text"]
    assert record["title"] == "Presiden Chile Berkunjung ke Jakarta"


def test_the_engine_sees_the_charset_and_the_date(warc: Path) -> None:
    [document] = read_documents([str(warc)])
    article = Cleaner().clean_document(document)
    _expected_shape(article.to_dict())
    assert article.provenance.layout == "desktop-2015"
    # Without the date, today's layout reads the page: the date is what decides.
    undated = Cleaner().clean_document(InputDocument(document.source, content=document.content, url=URL, encoding=document.encoding))
    assert undated.provenance.layout == "desktop-2018" and NEW in undated.text


def test_clean_explain_and_report_give_the_same_record(warc: Path, tmp_path: Path) -> None:
    result = subprocess.run([*CLEANER, "clean", str(warc)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    _expected_shape(record)
    assert record["provenance"]["layout"] == "desktop-2015"

    explained = subprocess.run([*CLEANER, "explain", "--full", "--no-color", str(warc)], capture_output=True, text=True, timeout=120)
    assert explained.returncode == 0, explained.stderr
    assert "layout desktop-2015" in explained.stdout and OLD in explained.stdout and "Pińera" not in explained.stdout

    [row] = review(read_documents([str(warc)]), Cleaner()).documents
    assert row.article is not None
    reviewed = row.article.to_dict()
    assert {key: reviewed[key] for key in record if key in reviewed and key != "provenance"} == {
        key: record[key] for key in record if key in reviewed and key != "provenance"
    }
    assert row.article.provenance.layout == "desktop-2015"

    report = tmp_path / "report.html"
    made = subprocess.run([*CLEANER, "report", str(warc), "-o", str(report)], capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    assert "desktop-2015" in report.read_text(encoding="utf-8")


def test_the_datatrove_step_gives_the_same_record(warc: Path, tmp_path: Path) -> None:
    try:
        from datatrove.pipeline.readers import WarcReader
    except ImportError as error:
        if os.environ.get("CLEANER_REQUIRE_EXTRAS") or os.environ.get("CI") == "true":
            raise
        pytest.skip(f"datatrove is not installed ({error}): pip install -e '.[datatrove]'")
    from cleaner.integrations.datatrove import IndonesianNewsCleaner

    (tmp_path / "in").mkdir()
    warc.rename(tmp_path / "in" / warc.name)
    [document] = list(IndonesianNewsCleaner().run(WarcReader(str(tmp_path / "in")).run()))
    assert document.metadata["cleaner_rule"] == "rule:tempo:desktop-2015"
    assert OLD in document.text and NEW not in document.text
    [mine] = read_documents([str(tmp_path / "in" / warc.name)])
    article = Cleaner().clean_document(mine)
    assert document.text == article.text and document.metadata["title"] == article.title
