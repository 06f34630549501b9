"""The CLI loses no record (issue 6): corrupted batches, interruptions, resumed runs.

Every input document yields exactly one output record or one error record; an
interrupted run leaves its target untouched and resumes with no duplicate and no
gap, whether it was stopped by Ctrl-C, killed outright, or died mid-record.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .conftest import FIXTURES, INTERRUPTIBLE

CLEANER = [sys.executable, "-m", "cleaner.cli"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLEANER, *args], capture_output=True, text=True, timeout=300)


def fixture_dumps() -> list[tuple[str, str]]:
    """(url-less site hint, text) of every text fixture: realistic documents to repeat."""
    return [(path.parent.name, path.read_text(encoding="utf-8")) for path in sorted(FIXTURES.glob("*/*.txt"))]


def corrupted(index: int) -> str:
    """Five kinds of broken JSONL line, in turn."""
    kind = index % 5
    if kind == 0:
        return '{"id": %d, "text": "Jakarta - tanpa penutup' % index  # cut mid-record
    if kind == 1:
        return "[1, 2, 3]"  # not an object
    if kind == 2:
        return json.dumps({"id": index, "text": ""})  # nothing to clean
    if kind == 3:
        return json.dumps({"id": index, "text": "".join(chr(c) for c in range(1, 32)) * 40})  # binary
    return "\x00\xff garbage"


#: The size of a batch a test interrupts after 500 records: large enough that the run is
#: still going when the journal reaches 500 (``_wait_for_journal`` fails loudly otherwise),
#: small enough that the three runs of a resume test take seconds, not a minute.
INTERRUPTED_BATCH = 3_000


def write_batch(path: Path, size: int, corrupt_every: int | None) -> int:
    """A JSONL batch of ``size`` lines; every ``corrupt_every``-th is broken. Returns how many are."""
    dumps = fixture_dumps()
    broken = 0
    with open(path, "w", encoding="utf-8") as handle:
        for index in range(size):
            if corrupt_every and index % corrupt_every == corrupt_every - 1:
                handle.write(corrupted(broken) + "\n")
                broken += 1
                continue
            _, text = dumps[index % len(dumps)]
            handle.write(json.dumps({"id": index, "text": text}, ensure_ascii=False) + "\n")
    return broken


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_ten_thousand_records_with_five_percent_corrupted(tmp_path: Path) -> None:
    batch, clean_batch = tmp_path / "batch.jsonl", tmp_path / "clean.jsonl"
    broken = write_batch(batch, 10_000, corrupt_every=20)
    assert broken == 500
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    result = run("clean", str(batch), "-o", str(out), "--errors", str(errors))
    assert result.returncode == 1, result.stderr
    records, error_records = read_jsonl(out), read_jsonl(errors)
    assert len(records) + len(error_records) == 10_000
    assert len(error_records) == 500 and all(r.get("error") for r in error_records)
    assert "9,500 documents" not in result.stderr and "10,000 documents" in result.stderr and "; 500 errors" in result.stderr

    # The same documents without the broken lines clean to the same records.
    with open(batch, encoding="utf-8") as source, open(clean_batch, "w", encoding="utf-8") as target:
        for index, line in enumerate(source):
            if index % 20 != 19:
                target.write(line)
    reference = tmp_path / "reference.jsonl"
    assert run("clean", str(clean_batch), "-o", str(reference)).returncode == 0
    without_source = lambda rs: [{k: v for k, v in r.items() if k != "source"} for r in rs]  # noqa: E731
    assert without_source(records) == without_source(read_jsonl(reference))


def test_refused_documents_are_error_records(tmp_path: Path) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_text(
        json.dumps({"id": 1, "text": "\x01\x02\x03\x04\x05\x06" * 50}) + "\n"
        + json.dumps({"id": 2, "text": "Jakarta (ANTARA) - Isi berita yang baik."}) + "\n",
        encoding="utf-8",
    )
    errors = tmp_path / "errors.jsonl"
    result = run("clean", str(batch), "-o", str(tmp_path / "out.jsonl"), "--errors", str(errors))
    assert result.returncode == 1
    [error] = read_jsonl(errors)
    assert error["id"] == "1" and "binary" in error["error"]  # ids are written as strings
    assert [r["id"] for r in read_jsonl(tmp_path / "out.jsonl")] == ["2"]


def _start(batch: Path, out: Path, errors: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*CLEANER, "clean", str(batch), "-o", str(out), "--errors", str(errors), "--no-progress", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **INTERRUPTIBLE,
    )


def _wait_for_journal(out: Path, entries: int, process: subprocess.Popen[str]) -> None:
    journal = out.with_name(f".{out.name}.journal")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if journal.exists() and journal.read_bytes().count(b"\n") >= entries:
            return
        time.sleep(0.02)
    raise AssertionError("the run finished or stalled before it could be interrupted")


def _reference(tmp_path: Path, batch: Path) -> tuple[str, str]:
    out, errors = tmp_path / "ref.jsonl", tmp_path / "ref-errors.jsonl"
    run("clean", str(batch), "-o", str(out), "--errors", str(errors))
    return out.read_text(encoding="utf-8"), errors.read_text(encoding="utf-8")


def _interrupted_run(tmp_path: Path, stop: str) -> tuple[Path, Path, Path, subprocess.Popen[str], str]:
    """A run of INTERRUPTED_BATCH records stopped (``stop``: "sigint" or "kill") after 500 records."""
    batch = tmp_path / "batch.jsonl"
    write_batch(batch, INTERRUPTED_BATCH, corrupt_every=50)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    process = _start(batch, out, errors)
    _wait_for_journal(out, 500, process)
    if stop == "sigint":
        process.send_signal(signal.SIGINT)
    else:
        process.kill()  # no handler runs: what is on disk is what a crash leaves
    _, stderr = process.communicate(timeout=60)
    return batch, out, errors, process, stderr


def test_ctrl_c_stops_with_a_summary_and_resume_completes_the_run(tmp_path: Path) -> None:
    batch, out, errors, process, stderr = _interrupted_run(tmp_path, "sigint")
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "--resume" in stderr and "documents" in stderr  # the summary
    assert not out.exists() and not errors.exists()  # targets appear only whole

    resumed = run("clean", str(batch), "-o", str(out), "--errors", str(errors), "--resume")
    assert resumed.returncode == 1, resumed.stderr  # the batch has broken lines
    assert "written before the interruption" in resumed.stderr
    assert (out.read_text(encoding="utf-8"), errors.read_text(encoding="utf-8")) == _reference(tmp_path, batch)
    assert not out.with_name(f".{out.name}.journal").exists()


def test_resume_after_a_kill_and_a_half_written_record(tmp_path: Path) -> None:
    batch, out, errors, process, _ = _interrupted_run(tmp_path, "kill")
    assert process.returncode == -signal.SIGKILL
    partial = out.with_name(f".{out.name}.partial")
    journal = out.with_name(f".{out.name}.journal")
    with open(partial, "a", encoding="utf-8") as handle:
        handle.write('{"site": "tirto", "text": "a record cut by the cr')  # torn write
    with open(journal, "a", encoding="utf-8") as handle:
        handle.write('{"source": "cut')  # torn journal entry

    resumed = run("clean", str(batch), "-o", str(out), "--errors", str(errors), "--resume")
    assert resumed.returncode == 1, resumed.stderr
    assert (out.read_text(encoding="utf-8"), errors.read_text(encoding="utf-8")) == _reference(tmp_path, batch)


def test_resume_needs_an_output_file() -> None:
    result = run("clean", str(FIXTURES / "tempo"), "--resume")
    assert result.returncode == 2 and "--resume" in result.stderr


def test_a_run_without_resume_starts_over(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.with_name(f".{out.name}.partial").write_text("stale\n", encoding="utf-8")
    out.with_name(f".{out.name}.journal").write_text('{"source": "x", "out": 6, "err": 0}\n', encoding="utf-8")
    assert run("clean", str(FIXTURES / "tempo"), "-o", str(out)).returncode == 0
    assert "stale" not in out.read_text(encoding="utf-8")
    assert len(read_jsonl(out)) == len([*(FIXTURES / "tempo").glob("*.txt"), *(FIXTURES / "tempo").glob("*.html")])


def test_jobs_keep_the_order_and_the_records_of_one_process(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    write_batch(batch, 3_000, corrupt_every=40)
    outputs = {}
    for jobs in ("1", "2", "3"):
        out, errors = tmp_path / f"out{jobs}.jsonl", tmp_path / f"errors{jobs}.jsonl"
        result = run("clean", str(batch), "-o", str(out), "--errors", str(errors), "--jobs", jobs)
        assert result.returncode == 1, result.stderr
        outputs[jobs] = (out.read_text(encoding="utf-8"), errors.read_text(encoding="utf-8"))
    assert outputs["1"] == outputs["2"] == outputs["3"]
    ids = [json.loads(line)["id"] for line in outputs["2"][0].splitlines()]
    assert ids == sorted(ids, key=int)  # input order
