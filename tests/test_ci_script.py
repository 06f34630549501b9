"""`.ci/run` runs anywhere a developer runs it and leaves their tree as it was (issue 23).

It takes its own folder from mktemp (no fixed path under /tmp), never removes the
developer's ``.venv``, never calls sudo, and still runs the README's commands. Run in
the background, its jobs start with SIGINT ignored: the Ctrl-C tests restore the
default in the child they interrupt (``conftest.INTERRUPTIBLE``), checked here by
running one with SIGINT ignored, as a background job would.
"""

from __future__ import annotations

import re
import signal
import subprocess
from pathlib import Path

from .conftest import ROOT

CI = ROOT / ".ci" / "run"


def _commands() -> list[str]:
    """The script's lines that run something (comments and echoed messages aside)."""
    lines = [line.split("#", 1)[0].strip() for line in CI.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line and not line.startswith("echo ")]


def test_ci_leaves_the_developers_venv_and_calls_no_sudo() -> None:
    commands = "\n".join(_commands())
    assert not re.search(r"\brm\b[^\n]*\.venv", commands)
    assert not re.search(r"\bsudo\b", commands)
    assert re.search(r"apt-get install", commands) and re.search(r'"\$\(id -u\)" -eq 0', commands)  # apt only as root


def test_ci_writes_no_fixed_path_under_tmp() -> None:
    commands = "\n".join(_commands())
    assert not re.search(r"(?<![\w{:-])/tmp/", commands.replace("${TMPDIR:-/tmp}", "")), commands
    assert "mktemp -d" in commands and "trap 'rm -rf \"$work\"' EXIT" in commands


def test_ci_runs_the_readmes_two_commands() -> None:
    commands = "\n".join(_commands())
    assert "first_command=$(awk '/^```bash$/ {getline; print; exit}' README.md)" in commands
    assert 'bash -c "$first_command"' in commands and 'bash -c "$test_command"' in commands
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```bash\n", 1)[1].split("```", 1)[0].splitlines()
    assert first_block[1] == ".venv/bin/python -m pytest -q"


def test_the_script_parses(tmp_path: Path) -> None:
    result = subprocess.run(["bash", "-n", str(CI)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr


def test_ctrl_c_reaches_a_run_started_by_a_background_job(tmp_path: Path) -> None:
    """As under ``bash .ci/run &``: this process ignores SIGINT, and so would its children."""
    from .test_cli_faults import _interrupted_run

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _, out, _, process, stderr = _interrupted_run(tmp_path, "sigint")
    finally:
        signal.signal(signal.SIGINT, previous)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and not out.exists()
