"""Never lose an article silently, and always finish the batch (issue 12).

Each test is a way a batch used to lose documents or stop: it now gives one record per
document, valid JSON, and the documented exit status.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cleaner import Outcome, clean

from .conftest import FIXTURES
from .test_cli_faults import INTERRUPTED_BATCH, _reference, _start, _wait_for_journal, write_batch

CLEANER = [sys.executable, "-m", "cleaner.cli"]


def run(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLEANER, *args], capture_output=True, text=True, timeout=300, **kwargs)


def strict_jsonl(path: Path) -> list[dict[str, Any]]:
    """Records of a JSONL file read strictly: valid UTF-8, and no NaN or Infinity."""
    def refuse(name: str) -> None:
        raise AssertionError(f"bare {name} in the output")

    text = path.read_bytes().decode("utf-8")  # strict: a lone surrogate would fail here
    return [json.loads(line, parse_constant=refuse) for line in text.splitlines()]


# -- articles never emptied ---------------------------------------------------------------------------


def test_an_article_with_a_bulleted_list_is_an_article() -> None:
    items = [f"• Syarat nomor {i}: dokumen pendukung wajib dibawa saat pendaftaran" for i in range(1, 13)]
    dump = "\n".join([
        "Pemerintah Umumkan Syarat Pendaftaran Beasiswa 2025",
        "Jakarta - Kementerian mengumumkan dua belas syarat pendaftaran beasiswa tahun ini, yang dibuka mulai pekan depan.",
        *items,
        "Pendaftaran ditutup pada akhir bulan, dan hasil seleksi diumumkan dua minggu kemudian.",
    ])
    article = clean(dump)
    assert article.outcome is Outcome.ARTICLE
    assert all(item in article.text for item in items) and "Pendaftaran ditutup" in article.text


def test_a_menu_without_prose_is_still_a_non_article() -> None:
    menu = "\n".join(["• Top News", "• Terkini", *(f"• Rubrik {i}" for i in range(20))])
    assert clean(menu, url="https://www.antaranews.com/").outcome is Outcome.NON_ARTICLE


def test_the_fallback_missing_is_loud(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import trafilatura now raises ImportError
    page = "<html><body><div class='x'><p>" + "Kalimat yang panjang sekali. " * 30 + "</p></div></body></html>"
    article = clean(page, url="https://media-lain.id/berita/1")
    assert article.outcome is Outcome.FAILED and article.text == ""
    assert "the fallback cannot run" in (article.provenance.reason or "")


def test_the_fallback_missing_fails_the_cli(tmp_path: Path) -> None:
    fake = tmp_path / "fake" / "trafilatura"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('lxml.html.clean module is now a separate project lxml_html_clean')\n")
    page = tmp_path / "page.html"
    page.write_text("<html><body><div class='x'><p>" + "Kalimat yang panjang sekali. " * 30 + "</p></div></body></html>")
    env = {**os.environ, "PYTHONPATH": str(fake.parent)}
    result = run("clean", str(page), "--url", "https://media-lain.id/berita/1", env=env)
    assert result.returncode == 1 and result.stdout == ""
    [record] = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert record["outcome"] == "failed" and "lxml_html_clean" in record["error"]


# -- input that used to crash a batch --------------------------------------------------------------------


HOSTILE_LINES = [
    r'{"id": 1, "text": "Jakarta - a \ud800 b yang cukup panjang untuk menjadi paragraf artikel di sini dan di sana."}',
    '{"id": 2, "text": ' + "[" * 100_000 + "]" * 100_000 + "}",
    '{"id": 3, "text": "Jakarta - isi.", "n": ' + "9" * 5000 + "}",
    '{"id": NaN, "text": "Jakarta (ANTARA) - Isi berita yang cukup panjang untuk satu paragraf.", "score": Infinity}',
    '{"id": 5, "source": "theirs", "error": "theirs too", "outcome": "x", "text": "Jakarta (ANTARA) - Isi berita lain yang panjang."}',
    '{"id": 6, "text": "Jakarta (ANTARA) - Berita terakhir yang harus tetap ada di keluaran."}',
]


def test_hostile_json_lines_each_give_one_record(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(HOSTILE_LINES) + "\n", encoding="utf-8")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    result = run("clean", str(batch), "-o", str(out), "--errors", str(errors))
    assert result.returncode == 1, result.stderr  # some lines are errors
    assert "Traceback" not in result.stderr and "6 documents" in result.stderr
    records = strict_jsonl(out) + strict_jsonl(errors)
    assert sorted(r["source"] for r in records) == [f"{batch}:{n}" for n in range(1, 7)]
    by_line = {int(r["source"].rsplit(":", 1)[1]): r for r in records}
    assert "\ufffd" in by_line[1].get("text", "") + by_line[1].get("error", "") or by_line[1]["outcome"] == "refused"
    assert "RecursionError" in by_line[2]["error"] and "ValueError" in by_line[3]["error"]
    assert by_line[4].get("id") is None and by_line[4]["score"] is None and by_line[4]["outcome"] == "article"
    assert by_line[5]["source"] == f"{batch}:5" and by_line[5]["input_source"] == "theirs"
    assert by_line[5]["input_error"] == "theirs too" and by_line[5]["input_outcome"] == "x"
    assert "error" not in by_line[5] and by_line[6]["text"].startswith("Berita terakhir")


def test_a_lone_surrogate_in_a_long_record_is_replaced_not_fatal(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    text = "Jakarta (ANTARA) - " + "Kalimat yang panjang. " * 20 + "\ud800 akhir."
    batch.write_text(json.dumps({"id": 1, "text": text}) + "\n", encoding="utf-8")  # json escapes it as \\ud800
    out = tmp_path / "out.jsonl"
    assert run("clean", str(batch), "-o", str(out)).returncode == 0
    assert "\ufffd akhir." in strict_jsonl(out)[0]["text"]
    assert run("clean", str(batch), "-o", str(out), "--resume").returncode == 0


def test_corrupt_gzip_files_give_an_error_record_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = gzip.compress(("Judul\nJakarta (ANTARA) - Isi berita yang utuh dan cukup panjang.\n" * 50).encode())
    damaged = good[:30] + bytes(b ^ 0x5A for b in good[30:60]) + good[60:]
    (tmp_path / "a.txt.gz").write_bytes(damaged)
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b'{"id": 1, "text": "Jakarta (ANTARA) - Satu."}\n' * 200)[:-40] + b"\x00" * 40)
    (tmp_path / "c.txt").write_text("Judul Terakhir\nJakarta (ANTARA) - Berkas terakhir tetap dibersihkan.\n")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    result = run("clean", str(tmp_path / "a.txt.gz"), str(tmp_path / "b.jsonl.gz"), str(tmp_path / "c.txt"), "-o", str(out), "--errors", str(errors))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    failed = strict_jsonl(errors)
    assert any(r["source"].startswith(str(tmp_path / "a.txt.gz")) for r in failed)
    assert any(r["source"].startswith(str(tmp_path / "b.jsonl.gz")) and "cannot read" in r["error"] for r in failed)
    assert strict_jsonl(out)[-1]["text"] == "Berkas terakhir tetap dibersihkan."


@pytest.mark.parametrize("case", ["folder", "same-as-errors", "an-input", "inside-an-input-folder"])
def test_usage_errors_come_before_any_work(tmp_path: Path, case: str) -> None:
    source = tmp_path / "in"
    source.mkdir()
    dump = source / "a.txt"
    dump.write_text("Judul\nJakarta (ANTARA) - Isi.\n")
    args = {
        "folder": ["-o", str(tmp_path)],
        "same-as-errors": ["-o", str(tmp_path / "x.jsonl"), "--errors", str(tmp_path / "x.jsonl")],
        "an-input": ["-o", str(dump)],
        "inside-an-input-folder": ["-o", str(source / "out.jsonl")],
    }[case]
    result = run("clean", str(source), *args)
    assert result.returncode == 2, result.stderr
    assert dump.read_text() == "Judul\nJakarta (ANTARA) - Isi.\n" and sorted(p.name for p in source.iterdir()) == ["a.txt"]
    assert not (tmp_path / "x.jsonl").exists()


def test_charset_labels_that_name_no_charset_fall_back_to_detection() -> None:
    body = "<html><head><meta charset='undefined'></head><body><article><p>Kafé di Jakarta ramai pada Senin pagi, kata pemiliknya kepada wartawan.</p></article></body></html>"
    assert "Kafé" in clean(body.encode("utf-8")).text
    for label in ("undefined", "punycode", "x-no-such-charset", "base64"):
        article = clean(body.encode("cp1252"), encoding=label)
        assert article.outcome is Outcome.ARTICLE and "Kaf" in article.text, label


def test_high_byte_noise_is_binary_not_cp1252() -> None:
    noise = bytes((0x80 + (i * 37) % 128) for i in range(200_000))
    article = clean(noise)
    assert article.outcome is Outcome.REFUSED and article.text == "" and "binary" in (article.provenance.reason or "")
    legacy = ("Harga kopi di kafé naik menjadi Rp25.000 sejak bulan lalu, kata José. " * 40).encode("cp1252")
    assert clean(legacy).outcome is Outcome.ARTICLE


def test_an_attribute_flood_keeps_the_article() -> None:
    flood = " ".join(f'a{i}="x"' for i in range(40_000))
    page = f"<html><body><div {flood}><article><p>" + "Kalimat artikel yang panjang. " * 20 + "</p></article></div></body></html>"
    article = clean(page, url="https://media-lain.id/berita/2")
    assert article.outcome is Outcome.ARTICLE and "Kalimat artikel" in article.text
    assert any("attribute flood" in warning for warning in article.warnings)


# -- interruptions ------------------------------------------------------------------------------------------


def _batch_failing_early(path: Path) -> None:
    """INTERRUPTED_BATCH records whose only broken lines are among the first 100."""
    write_batch(path, INTERRUPTED_BATCH, corrupt_every=None)
    lines = path.read_text(encoding="utf-8").splitlines()
    for index in (3, 40, 77):
        lines[index] = "{not json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_after_resume_the_exit_status_and_summary_are_the_uninterrupted_runs(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    _batch_failing_early(batch)
    reference = run("clean", str(batch), "-o", str(tmp_path / "ref.jsonl"), "--errors", str(tmp_path / "ref-errors.jsonl"))
    assert reference.returncode == 1
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    process = _start(batch, out, errors)
    _wait_for_journal(out, 500, process)
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=60)
    resumed = run("clean", str(batch), "-o", str(out), "--errors", str(errors), "--resume")
    assert resumed.returncode == reference.returncode == 1
    assert resumed.stderr.splitlines()[0] == reference.stderr.splitlines()[0]  # the same summary line
    assert out.read_bytes() == (tmp_path / "ref.jsonl").read_bytes()


def test_the_same_file_twice_is_read_once_and_survives_an_interruption(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    write_batch(batch, INTERRUPTED_BATCH, corrupt_every=50)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    process = subprocess.Popen(
        [*CLEANER, "clean", str(batch), str(batch), "-o", str(out), "--errors", str(errors), "--no-progress"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    _wait_for_journal(out, 500, process)
    process.kill()
    process.communicate(timeout=60)
    resumed = run("clean", str(batch), str(batch), "-o", str(out), "--errors", str(errors), "--resume")
    assert resumed.returncode == 1
    assert (out.read_text(encoding="utf-8"), errors.read_text(encoding="utf-8")) == _reference(tmp_path, batch)


def test_a_torn_journal_tail_never_blocks_a_later_resume(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    write_batch(batch, INTERRUPTED_BATCH, corrupt_every=50)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    journal = out.with_name(f".{out.name}.journal")
    for stop_at in (300, 900):  # two interruptions, each leaving a torn journal entry
        process = _start(batch, out, errors, *(["--resume"] if journal.exists() else []))
        _wait_for_journal(out, stop_at, process)
        process.kill()
        process.communicate(timeout=60)
        with open(journal, "ab") as handle:
            handle.write(b'{"source": "torn')
    resumed = run("clean", str(batch), "-o", str(out), "--errors", str(errors), "--resume")
    assert resumed.returncode == 1, resumed.stderr
    assert (out.read_text(encoding="utf-8"), errors.read_text(encoding="utf-8")) == _reference(tmp_path, batch)


def _small_file_limit() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as on a full disk
    resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))


def test_a_full_disk_stops_loudly_and_resume_finishes(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    write_batch(batch, 3_000, corrupt_every=50)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    full = subprocess.run(
        [*CLEANER, "clean", str(batch), "-o", str(out), "--errors", str(errors)],
        capture_output=True, text=True, timeout=300, preexec_fn=_small_file_limit,
    )
    assert full.returncode == 3, full.stderr
    assert "cannot write the output" in full.stderr and "--resume" in full.stderr and "Traceback" not in full.stderr
    assert not out.exists()
    resumed = run("clean", str(batch), "-o", str(out), "--errors", str(errors), "--resume")
    assert resumed.returncode == 1
    assert (out.read_text(encoding="utf-8"), errors.read_text(encoding="utf-8")) == _reference(tmp_path, batch)


def test_a_folder_with_a_fifo_a_loop_and_odd_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Judul\nJakarta (ANTARA) - Isi berita yang utuh.\n")
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    (folder / "records.json").write_text('[{"id": 1, "text": "Jakarta (ANTARA) - Dari larik JSON."}]')
    (folder / "dump").write_text("Judul Tanpa Akhiran\nJakarta (ANTARA) - Berkas tanpa akhiran.\n")
    result = subprocess.run([*CLEANER, "clean", str(folder), "--verbose"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    texts = [json.loads(line)["text"] for line in result.stdout.splitlines()]
    assert texts == ["Isi berita yang utuh.", "Berkas tanpa akhiran.", "Dari larik JSON."]
    assert "2 files passed over" in result.stderr
    assert "pipe.txt: not a regular file" in result.stderr and "notes.pdf: unknown suffix .pdf" in result.stderr
    assert FIXTURES.exists()


def test_a_document_that_kills_its_worker_gives_an_error_record(tmp_path: Path) -> None:
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import os\nimport cleaner.engine as engine\n_clean = engine.clean\n\n"
        "def clean(content, **options):\n"
        "    if 'KILL-WORKER' in str(content):\n        os._exit(9)  # as an out-of-memory kill would\n"
        "    return _clean(content, **options)\n\nengine.clean = clean\n"
    )
    batch = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": i, "text": f"Judul {i}\nJakarta (ANTARA) - Isi berita nomor {i} yang cukup panjang."}) for i in range(600)]
    lines[250] = json.dumps({"id": 250, "text": "Jakarta (ANTARA) - KILL-WORKER"})
    batch.write_text("\n".join(lines) + "\n")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    # The hook first, then the checkout under test (a worktree run sets PYTHONPATH to it).
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(hook), os.environ.get("PYTHONPATH"))))}
    result = run("clean", str(batch), "-o", str(out), "--errors", str(errors), "--jobs", "2", env=env)
    assert result.returncode == 1, result.stderr
    assert [r["id"] for r in strict_jsonl(out)] == [str(i) for i in range(600) if i != 250]  # ids written as strings
    [failed] = strict_jsonl(errors)
    assert failed["source"] == f"{batch}:251" and failed["outcome"] == "failed" and "worker" in failed["error"]


def test_a_page_of_links_is_a_non_article_but_a_short_article_among_links_is_not() -> None:
    links = "".join(f'<li><a href="/b/{i}">Judul berita nomor {i} tentang banjir di ibu kota yang panjang</a></li>' for i in range(40))
    index = clean(f"<html><body><ul>{links}</ul></body></html>", url="https://media-lain.id/berita")
    assert index.outcome is Outcome.NON_ARTICLE and index.text == ""
    story = "<p>Warga di bantaran kali membersihkan sampah plastik yang menyangkut di pintu air setiap Minggu pagi.</p>"
    article = clean(f"<html><body><nav><ul>{links}</ul></nav><div class='isi'>{story}</div></body></html>", url="https://media-lain.id/berita/1")
    assert article.outcome is Outcome.ARTICLE and "pintu air" in article.text


def test_the_fallback_runs_on_this_install() -> None:
    """A broken install (trafilatura unable to import) must fail the tests, not pass quietly."""
    from cleaner.fallback import available

    assert available() is None, f"trafilatura cannot run: {available()}"
    page = "<html><body><div class='x'>" + "<p>Kalimat yang panjang sekali tentang banjir di kota.</p>" * 5 + "</div></body></html>"
    article = clean(page, url="https://media-lain.id/berita/3")
    assert article.outcome is Outcome.ARTICLE and article.provenance.rule == "trafilatura"


# -- the real pages of other outlets (../shared/outlets, issue 22) --------------------------------------


def test_every_page_of_other_outlets_gives_one_record_and_keeps_its_article(tmp_path: Path) -> None:
    """The outlets' gold dumps and pages and their unannotated batches through the command
    line: one record per file, no error, every article of the gold kept (90% of its tokens;
    ``test_corpus.KNOWN_OUTLET_LOSSES`` excepted) and every non-article empty."""
    from cleaner.evaluation import find_cases, loss, score

    from .conftest import shared_dir
    from .test_corpus import KNOWN_OUTLET_LOSSES

    outlets = shared_dir("outlets")
    inputs = sorted(p for p in outlets.rglob("*") if p.suffix in (".txt", ".html"))
    assert len(inputs) >= 100
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    result = run("clean", str(outlets), "-o", str(out), "--errors", str(errors), "--no-progress")
    assert result.returncode == 0, result.stderr
    records = {Path(r["source"]).resolve(): r for r in strict_jsonl(out)}
    assert not errors.exists() or not strict_jsonl(errors)
    assert set(records) == {p.resolve() for p in inputs}
    lost = []
    for case in find_cases([outlets]):
        got = records[case.path.resolve()]
        problem = loss(got, case.expected, score(got, case.expected))
        if problem and case.path.name not in KNOWN_OUTLET_LOSSES:
            lost.append(f"{case.path.name}: {problem}")
    assert not lost, lost
