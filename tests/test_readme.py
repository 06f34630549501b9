"""Every code block of the README runs as written (issue 13), in README order.

Blocks run from a scratch folder laid out like the repository's root (its ``tests``,
``examples`` and ``.venv`` linked in), with the venv's ``bin`` first on ``PATH`` as
after ``. .venv/bin/activate``; what they write goes to ``out/`` there. A block marked
``<!-- readme: not run here, <why> -->`` or ``<!-- readme: run by .ci/run ... -->`` is
not run by this test; only those named below may carry such a mark.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, missing_extra

README = ROOT / "README.md"
_BLOCK = re.compile(r"(?:<!-- readme: (?P<mark>[^>]*?) -->\n)?```(?P<lang>\w+)\n(?P<code>.*?)\n```", re.S)
#: The blocks that do not run here, by their first line, and why (each says so in the README).
NOT_RUN = {
    'python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && .venv/bin/cleaner clean tests/fixtures -f markdown': ".ci/run runs it verbatim",
    "cleaner fetch URL... -o crawl.warc.gz [--clean clean.jsonl]": "the network",
    '.venv/bin/pip install -e ".[eval]"     # readability-lxml and jusText, for the comparison': "installs, minutes",
    ".venv/bin/python scripts/stress.py      # pathological inputs: each time, the worst, a regex audit": "minutes",
}


def blocks() -> list[tuple[str | None, str, str]]:
    return [(m.group("mark"), m.group("lang"), m.group("code")) for m in _BLOCK.finditer(README.read_text(encoding="utf-8"))]


def test_only_the_named_blocks_are_not_run() -> None:
    marked = {code.splitlines()[0]: mark for mark, _, code in blocks() if mark}
    assert set(marked) == set(NOT_RUN)
    assert all(mark.startswith(("not run here, ", "run by .ci/run")) for mark in marked.values())
    assert len(blocks()) >= 11


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    for name in ("tests", "examples", "scripts"):
        (folder / name).symlink_to(ROOT / name, target_is_directory=True)
    (folder / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    (folder / "out").mkdir()
    return folder


#: What a block needs beyond the test extra, by the import that says so: such a block is
#: skipped, with the reason, where its extra is absent (CI, ``CLEANER_REQUIRE_EXTRAS``, runs all).
_NEEDS = re.compile(r"^\s*(?:from|import)\s+(datatrove|datasets|ray)\b", re.M)


def test_every_other_block_runs_as_written(scratch: Path) -> None:
    skipped: list[str] = []
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "HF_HOME": str(scratch / "hf"), "HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1",
    }
    ran = 0
    for number, (mark, lang, code) in enumerate(blocks()):
        if mark or lang not in ("bash", "python"):
            continue
        absent = [reason for reason in map(missing_extra, sorted(set(_NEEDS.findall(code)))) if reason]
        if absent and not os.environ.get("CLEANER_REQUIRE_EXTRAS"):
            skipped.append(f"block {number}: {'; '.join(absent)}")
            continue
        if lang == "python":
            script = scratch / f"block{number}.py"
            script.write_text(code + "\n", encoding="utf-8")
            command = [sys.executable, str(script)]
        else:
            command = ["bash", "-e", "-o", "pipefail", "-c", code]
        result = subprocess.run(command, cwd=scratch, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, f"README block {number} ({lang}) failed:\n{code}\n--- stderr:\n{result.stderr[-3000:]}"
        ran += 1
    assert (scratch / "out" / "clean.jsonl").exists()
    if skipped:  # every other block ran and passed; these wait for their extras
        assert ran >= 4  # the CLI, fixtures, Python API and Cleaner blocks
        pytest.skip("README blocks not run, their extras absent: " + " | ".join(skipped))
    assert ran >= 6  # the CLI, fixtures, Python API, Cleaner, datatrove and datasets blocks
    assert list((scratch / "out" / "clean").glob("*.parquet"))
