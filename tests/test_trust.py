"""Runs, files and inputs a user or a hostile page can get wrong (issue 23, items 8–15 and 21).

Two runs on one output, a resume after the input changed, links planted at the hidden
names, an input named as the report's output, looping links and fixture names that are
paths, inputs that would blow up memory, a worker killed while the main process is busy,
a folder that cannot be listed, and the command line's papercuts. Each test failed
before its fix.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import resource
import signal
import subprocess
import sys
import time
import tracemalloc
import zlib
from pathlib import Path
from typing import Any

import pytest

from cleaner import lock
from cleaner.inputs import read_documents
from cleaner.parallel import map_ordered
from cleaner.report import script_json

CLEANER = [sys.executable, "-m", "cleaner.cli"]


def run(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLEANER, *args], capture_output=True, text=True, timeout=300, **kwargs)


def article(number: int) -> str:
    return f"Judul Berita Nomor {number}\nJakarta (ANTARA) - Warga kampung nomor {number} membersihkan saluran air sebelum musim hujan tiba.\n"


def batch(path: Path, size: int, first: int = 0) -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": article(i)}) + "\n" for i in range(first, first + size)), encoding="utf-8")
    return path


def ids(numbers: Any) -> list[str]:
    """Output ids as the CLI writes them: strings (``cleaner.schema.record_id``)."""
    return [str(number) for number in numbers]


def records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _small_files() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG), as on a full disk
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))


def interrupted_run(inputs: list[Path], out: Path, *options: str) -> None:
    """A run stopped part way, deterministically: its files may grow to 100 kB only."""
    stopped = subprocess.run(
        [*CLEANER, "clean", *map(str, inputs), "-o", str(out), "--jobs", "1", *options],
        capture_output=True, text=True, timeout=300, preexec_fn=_small_files,
    )
    assert stopped.returncode == 3, stopped.stderr
    journal = out.with_name(f".{out.name}.journal")
    assert len(journal.read_text().splitlines()) > 64 and not out.exists()  # what it wrote is journaled


# -- 8. one writer per output -----------------------------------------------------------------------


def test_a_second_run_on_the_same_output_is_refused_not_interleaved(tmp_path: Path) -> None:
    source, out = batch(tmp_path / "a.jsonl", 5), tmp_path / "out.jsonl"
    held = lock.acquire(out)  # another run is writing out.jsonl
    try:
        second = run("clean", str(source), "-o", str(out))
        assert second.returncode == 3, second.stderr
        assert "being written by another run" in second.stderr and f"process {os.getpid()}" in second.stderr
        assert "Traceback" not in second.stderr
        assert not out.exists() and not out.with_name(".out.jsonl.partial").exists()
    finally:
        lock.release(out, held)
    assert not lock.lock_path(out).exists()
    after = run("clean", str(source), "-o", str(out))
    assert after.returncode == 0, after.stderr
    assert [r["id"] for r in records(out)] == ids(range(5))
    assert not lock.lock_path(out).exists()  # the run removes its lock file


def test_the_lock_is_exclusive_and_refuses_a_planted_link(tmp_path: Path) -> None:
    target, victim = tmp_path / "crawl.warc.gz", tmp_path / "victim"
    victim.write_text("precious\n")
    lock.lock_path(target).symlink_to(victim)
    with lock.exclusive(target):
        assert victim.read_text() == "precious\n" and not lock.lock_path(target).is_symlink()
        with pytest.raises(lock.OutputBusy, match="being written by another run"):
            lock.acquire(target)
    with lock.exclusive(target):  # released, so taken again
        pass
    assert not lock.lock_path(target).exists()


def test_two_runs_at_once_on_one_output(tmp_path: Path) -> None:
    source, out = batch(tmp_path / "a.jsonl", 3000), tmp_path / "out.jsonl"
    first = subprocess.Popen([*CLEANER, "clean", str(source), "-o", str(out), "--jobs", "1"], stderr=subprocess.PIPE, text=True)
    journal = out.with_name(".out.jsonl.journal")
    deadline = time.monotonic() + 60
    while not journal.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    second = run("clean", str(source), "-o", str(out), "--jobs", "1")
    _, first_err = first.communicate(timeout=300)
    assert first.returncode == 0, first_err
    assert second.returncode == 3 and "being written by another run" in second.stderr
    assert [r["id"] for r in records(out)] == ids(range(3000))  # the first run's records, whole and once


def test_a_killed_run_leaves_no_lock_behind(tmp_path: Path) -> None:
    source, out = batch(tmp_path / "a.jsonl", 3000), tmp_path / "out.jsonl"
    first = subprocess.Popen([*CLEANER, "clean", str(source), "-o", str(out), "--jobs", "1"], stderr=subprocess.PIPE)
    journal = out.with_name(".out.jsonl.journal")
    deadline = time.monotonic() + 60
    while not journal.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    first.kill()
    first.communicate(timeout=60)
    resumed = run("clean", str(source), "-o", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert [r["id"] for r in records(out)] == ids(range(3000))


# -- 9. a resume of another run is refused -----------------------------------------------------------


def test_resume_after_a_record_was_inserted_at_the_top_is_refused(tmp_path: Path) -> None:
    source, out = batch(tmp_path / "a.jsonl", 300), tmp_path / "out.jsonl"
    interrupted_run([source], out)
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    source.write_text(json.dumps({"id": "new", "text": article(999)}) + "\n" + "".join(lines), encoding="utf-8")
    resumed = run("clean", str(source), "-o", str(out), "--resume")
    assert resumed.returncode == 2, resumed.stderr
    assert "cannot resume" in resumed.stderr and f"{source} changed" in resumed.stderr
    assert "without --resume to start over" in resumed.stderr
    assert not out.exists()
    again = run("clean", str(source), "-o", str(out))  # starting over, as the message says
    assert again.returncode == 0
    assert [r["id"] for r in records(out)] == ["new", *ids(range(300))]


def test_resume_with_other_inputs_or_options_is_refused(tmp_path: Path) -> None:
    first, other, out = batch(tmp_path / "a.jsonl", 300), batch(tmp_path / "b.jsonl", 3, first=500), tmp_path / "out.jsonl"
    interrupted_run([first], out)
    named = run("clean", str(first), str(other), "-o", str(out), "--resume")
    assert named.returncode == 2 and f"{other} is an input now" in named.stderr
    formatted = run("clean", str(first), "-o", str(out), "--resume", "--format", "text")
    assert formatted.returncode == 2 and "--format was 'jsonl', now 'text'" in formatted.stderr
    same = run("clean", str(first), "-o", str(out), "--resume")  # the same run still resumes, and completes it
    assert same.returncode == 0, same.stderr
    assert [r["id"] for r in records(out)] == ids(range(300))


def test_resume_after_a_file_was_rewritten_to_the_same_size_is_refused(tmp_path: Path) -> None:
    source, out = batch(tmp_path / "a.jsonl", 300), tmp_path / "out.jsonl"
    interrupted_run([source], out)
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("Warga kampung nomor 1 ", "Warga kampung nomor 7 "), encoding="utf-8")
    os.utime(source, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))
    resumed = run("clean", str(source), "-o", str(out), "--resume")
    assert resumed.returncode == 2 and "modified since the interrupted run" in resumed.stderr


# -- 10. links at the hidden names ---------------------------------------------------------------------


def test_links_planted_at_the_hidden_names_are_never_written_through(tmp_path: Path) -> None:
    source, out = batch(tmp_path / "a.jsonl", 3), tmp_path / "out.jsonl"
    victims = {name: tmp_path / f"victim-{name}" for name in ("partial", "journal", "lock")}
    for name, victim in victims.items():
        victim.write_text("precious\n")
        (tmp_path / f".out.jsonl.{name}").symlink_to(victim)
    result = run("clean", str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert all(victim.read_text() == "precious\n" for victim in victims.values())
    assert [r["id"] for r in records(out)] == ids(range(3)) and not out.is_symlink()


def test_a_link_planted_at_the_partial_name_before_a_resume_is_refused(tmp_path: Path) -> None:
    source, out = batch(tmp_path / "a.jsonl", 300), tmp_path / "out.jsonl"
    interrupted_run([source], out)
    partial, victim = tmp_path / ".out.jsonl.partial", tmp_path / "victim"
    victim.write_text(partial.read_text())
    partial.unlink()
    partial.symlink_to(victim)
    before = victim.read_bytes()
    resumed = run("clean", str(source), "-o", str(out), "--resume")
    assert resumed.returncode == 3 and "Too many levels of symbolic links" in resumed.stderr, resumed.stderr
    assert victim.read_bytes() == before and not out.exists()


def test_a_link_at_the_report_partial_name_is_not_followed(tmp_path: Path) -> None:
    page, victim = tmp_path / "page.txt", tmp_path / "victim"
    page.write_text(article(1))
    victim.write_text("precious\n")
    (tmp_path / ".report.html.partial").symlink_to(victim)
    result = run("report", str(page), "-o", str(tmp_path / "report.html"))
    assert result.returncode == 0, result.stderr
    assert victim.read_text() == "precious\n" and "<html" in (tmp_path / "report.html").read_text()


def test_output_through_a_link_writes_the_file_it_points_to(tmp_path: Path) -> None:
    source, target, link = batch(tmp_path / "a.jsonl", 2), tmp_path / "data" / "real.jsonl", tmp_path / "out.jsonl"
    target.parent.mkdir()
    target.write_text("old\n")
    link.symlink_to(target)
    result = run("clean", str(source), "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert [r["id"] for r in records(target)] == ids(range(2))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "data", "out.jsonl"]  # no hidden file left beside the link
    assert "through a symbolic link, the file it points to" in " ".join(run("clean", "--help").stdout.split())


# -- 11. the report never replaces its input ---------------------------------------------------------------


def test_report_output_naming_an_input_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Isi halaman yang berharga dan tidak boleh hilang.</p></body></html>")
    before = page.read_bytes()
    result = run("report", str(page), "-o", str(page))
    assert result.returncode == 2
    assert "would overwrite or be read as an input" in result.stderr
    assert page.read_bytes() == before


# -- 12. a looping link, a fixture name that is a path -------------------------------------------------------


def test_a_looping_link_named_as_an_input_is_an_error_record_and_the_batch_goes_on(tmp_path: Path) -> None:
    loop, good = tmp_path / "loop.txt", tmp_path / "good.txt"
    loop.symlink_to(loop)
    good.write_text(article(1))
    result = run("clean", str(loop), str(good), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "RuntimeError" not in result.stderr
    assert "Too many levels of symbolic links" in result.stderr
    assert [r["title"] for r in records(tmp_path / "out.jsonl")] == ["Judul Berita Nomor 1"]


@pytest.mark.parametrize("name", ["../escaped", "ABSOLUTE", "a/b", ".."])
def test_a_fixture_name_that_is_a_path_is_refused(tmp_path: Path, name: str) -> None:
    page, folder = tmp_path / "page.txt", tmp_path / "fixtures"
    page.write_text(article(1))
    name = str(tmp_path / "elsewhere" / "escaped") if name == "ABSOLUTE" else name
    result = run("fixtures", "new", str(page), "--dir", str(folder), "--name", name)
    assert result.returncode == 2, result.stderr
    assert "not a path" in result.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["page.txt"]  # nothing written, inside or out


# -- 13. bounded memory -------------------------------------------------------------------------------------


def _peak(inputs: list[str], limit: int) -> tuple[list[Any], int]:
    """The documents read (content dropped) and the peak memory Python allocated reading them."""
    tracemalloc.start()
    try:
        found = [(d.source, d.error, len(d.content or d.json_line or b"")) for d in read_documents(inputs, lazy_json=True, limit=limit)]
        return found, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


MB = 1 << 20


def test_a_decompression_bomb_is_refused_after_reading_the_limit(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip framing
    line = b"Kalimat yang sama berulang-ulang tanpa akhir di dalam berkas ini.\n" * 16_000  # ~1 MB
    with open(bomb, "wb") as handle:
        for _ in range(200):  # 200 MB once inflated
            handle.write(packer.compress(line))
        handle.write(packer.flush())
    assert bomb.stat().st_size < 2 * MB
    [(source, error, _)], peak = _peak([str(bomb)], 4 * MB)
    assert error is not None and error.startswith("input too large") and "4,194,304" in error
    assert peak < 12 * MB, peak


def test_a_huge_json_line_is_refused_and_the_next_lines_are_read(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    with open(path, "w") as handle:
        handle.write(json.dumps({"id": 1, "text": article(1)}) + "\n")
        handle.write(json.dumps({"id": 2, "text": "x" * (24 * MB)}) + "\n")
        handle.write(json.dumps({"id": 3, "text": article(3)}) + "\n")
    found, peak = _peak([str(path)], 2 * MB)
    assert [(source.rsplit(":", 1)[1], error is None) for source, error, _ in found] == [("1", True), ("2", False), ("3", True)]
    assert "a JSON line of more than 2,097,152 bytes" in found[1][1]
    assert peak < 8 * MB, peak


def test_json_lines_named_json_are_streamed_not_loaded(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with open(path, "w") as handle:
        for i in range(72):  # 72 records of 256 kB: 18 MB
            handle.write(json.dumps({"id": i, "text": article(i) + "Paragraf panjang. " * 14_500}) + "\n")
    assert path.stat().st_size > 16 * MB
    found, peak = _peak([str(path)], 2 * MB)
    assert len(found) == 72 and all(error is None for _, error, _ in found)
    assert peak < 6 * MB, peak  # a few records at a time, never the 16 MB file


def test_a_json_array_is_streamed_record_by_record(tmp_path: Path) -> None:
    path = tmp_path / "array.json"
    tricky = {"id": "b", "text": article(2) + ' kurung ] dan { kurawal }, koma "kutip" \\ garis miring', "tags": [[1], {"a": [2]}]}
    items = [{"id": "a", "text": article(1)}, tricky, {"id": "c", "text": "y" * (3 * MB)}, {"id": "d", "text": article(4)}]
    path.write_text(" [\n" + ",\n".join(json.dumps(item) for item in items) + "\n]\n")
    documents = list(read_documents([str(path)], limit=2 * MB))
    assert [d.source.rsplit(":", 1)[1] for d in documents] == ["1", "2", "3", "4"]
    assert [d.id for d in documents] == ["a", "b", None, "d"]
    assert documents[1].content == tricky["text"] and documents[1].extra == {"tags": [[1], {"a": [2]}]}
    assert documents[2].error is not None and "record of more than" in documents[2].error


def test_a_dump_that_opens_with_a_bracket_is_still_a_dump(tmp_path: Path) -> None:
    path = tmp_path / "dump"  # no suffix: sniffed
    path.write_text("[FOTO] Banjir di Kampung Melayu\nJakarta (ANTARA) - Air setinggi lutut merendam rumah warga pagi ini.\n")
    [document] = list(read_documents([str(path)]))
    assert document.error is None and document.content == path.read_bytes()


def test_a_huge_warc_record_is_refused_and_the_next_is_read(tmp_path: Path) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc"
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        for number, body in enumerate([b"<html><body>" + b"<p>isi</p>" * (2 * MB) + b"</body></html>", b"<html><body><p>Isi pendek.</p></body></html>"]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://contoh.id/{number}", "response", payload=BytesIO(body), http_headers=headers))
    found, peak = _peak([str(path)], 1 * MB)
    assert [error is None for _, error, _ in found] == [False, True]
    assert "a WARC record of more than 1,048,576 bytes" in found[0][1]
    assert peak < 4 * MB, peak


def test_the_cli_refuses_a_bomb_with_its_reason(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"kata " * (9 * MB)))  # 45 MB inflated, past the 40 MB default
    result = run("clean", str(bomb))
    assert result.returncode == 1 and "input too large: more than 40,000,000 bytes" in result.stderr


# -- 14. a worker killed while the main process is busy ------------------------------------------------------


def _kill_on_multiples(number: int) -> int:
    if number % 150 == 149:
        os.kill(os.getpid(), signal.SIGKILL)
    return number * 2


def _crashed(number: int, error: BaseException) -> int:
    return -number


@pytest.mark.timeout(120)
def test_workers_killed_while_the_main_process_is_busy_never_hang_the_run() -> None:
    got = []
    for value in map_ordered(_kill_on_multiples, range(1200), jobs=2, chunk_size=4, window=2, on_crash=_crashed):
        got.append(value)
        time.sleep(0.0005)  # the main process busy writing
    assert got == [-n if n % 150 == 149 else n * 2 for n in range(1200)]


# -- 15. a folder that cannot be listed -------------------------------------------------------------------------


def test_a_sub_folder_that_cannot_be_listed_is_an_error_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(article(1))
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text(article(2))
    (tmp_path / "z.txt").write_text(article(3))
    scandir = os.scandir

    def refuse(path: Any = ".") -> Any:
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    documents = list(read_documents([str(tmp_path)]))
    assert [(Path(d.source).name, d.error) for d in documents] == [  # a folder's files, then its sub-folders
        ("z.txt", None), ("one.txt", None), ("locked", "cannot list the folder: Permission denied"),
    ]


# -- 21. papercuts ----------------------------------------------------------------------------------------------


def test_url_with_several_inputs_is_refused(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(article(1))
    second.write_text(article(2))
    for inputs in ([first, second], [tmp_path]):
        result = run("clean", *map(str, inputs), "--url", "https://www.antaranews.com/berita/1/x")
        assert result.returncode == 2 and "--url is the address of one page" in result.stderr
    assert run("clean", str(first), "--url", "https://www.antaranews.com/berita/1/x").returncode == 0


def test_text_format_writes_no_empty_chunk_and_documents_its_separator(tmp_path: Path) -> None:
    story, menu = tmp_path / "a.txt", tmp_path / "b.txt"
    story.write_text(article(1))
    menu.write_text("\n".join(["• Top News", "• Terkini", *(f"• Rubrik {i}" for i in range(20))]) + "\n")
    result = run("clean", str(story), str(menu), "-f", "text")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Warga kampung nomor 1 membersihkan saluran air sebelum musim hujan tiba.\n\f\n"
    assert "then a line holding a form feed" in " ".join(run("clean", "--help").stdout.split())


def test_sites_shows_no_markup() -> None:
    result = run("sites")
    assert result.returncode == 0 and "jabar." in result.stdout
    assert "`" not in result.stdout


def test_an_ascii_pdf_named_html_is_refused_as_binary(tmp_path: Path) -> None:
    pdf = tmp_path / "laporan.html"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    result = run("clean", str(pdf))
    assert result.returncode == 1 and result.stdout == ""
    [record] = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert record["outcome"] == "refused" and "PDF" in record["error"]


def test_the_summary_offers_verbose_only_when_it_is_off(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(article(1))
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    quiet, verbose = run("clean", str(tmp_path)), run("clean", str(tmp_path), "--verbose")
    assert "1 file passed over (--verbose lists them)" in quiet.stderr
    assert "1 file passed over" in verbose.stderr and "--verbose" not in verbose.stderr
    assert "notes.pdf: unknown suffix .pdf" in verbose.stderr


def test_the_report_data_is_json_that_parses(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(article(1))
    out = tmp_path / "report.html"
    assert run("report", str(tmp_path / "a.txt"), "-o", str(out)).returncode == 0
    [data] = re.findall(r'<script type="application/json" id="report-data">(.*?)</script>', out.read_text(encoding="utf-8"), re.S)
    assert json.loads(data) == {"documents": 1, "sites": {"antara": 1}}


def test_script_json_cannot_end_its_element_and_still_parses() -> None:
    value = {"site": "</script><script>alert(1)</script>", "line": "a\u2028b\u2029c", "comment": "<!-- & -->"}
    escaped = script_json(json.dumps(value, ensure_ascii=False))
    assert "</" not in escaped and "<!--" not in escaped and "\u2028" not in escaped and "\u2029" not in escaped
    assert json.loads(escaped) == value


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to find the worker processes")
def test_a_worker_killed_mid_run_never_hangs_and_loses_nothing(tmp_path: Path) -> None:
    source, out, errors = batch(tmp_path / "a.jsonl", 4000), tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    process = subprocess.Popen(
        [*CLEANER, "clean", str(source), "-o", str(out), "--errors", str(errors), "--jobs", "2"], stderr=subprocess.PIPE, text=True
    )
    journal, killed = out.with_name(".out.jsonl.journal"), 0
    deadline = time.monotonic() + 120
    while killed < 3 and time.monotonic() < deadline and process.poll() is None:
        if journal.exists() and len(journal.read_bytes()) > 20_000 * (killed + 1):
            workers = _children(process.pid)
            if workers:
                os.kill(workers[killed % len(workers)], signal.SIGKILL)
                killed += 1
        time.sleep(0.02)
    _, stderr = process.communicate(timeout=300)  # never hangs
    assert killed >= 1, stderr  # a busy machine may finish the batch before all three kills
    # The chunks in flight are redone by new workers; only a document whose worker was killed a
    # second time (a later kill landing on the same redo) becomes an error record. Nothing is lost.
    failed = [r["source"] for r in records(errors)] if errors.exists() else []
    assert len(failed) <= killed - 1 and process.returncode == (1 if failed else 0), stderr
    assert stderr.startswith("4,000 documents: antara ")
    kept = [r["id"] for r in records(out)]
    assert len(kept) + len(failed) == 4000 and kept == sorted(kept, key=int)
