"""Shared test helpers: where the fixtures and the real pages of ../shared live."""

from __future__ import annotations

import importlib
import os
import signal
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Iterator

import pytest

if TYPE_CHECKING:
    from .httpsite import HttpSite

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"


def shared_dir(*parts: str) -> Path:
    """A folder of ../shared, or a skip with the reason when it is absent; under ``CI=true``
    (where ../shared is always laid beside the clone) its absence fails: the corpus bars
    must run there, never pass as skips."""
    path = SHARED.joinpath(*parts)
    if not path.is_dir():
        message = f"{path} is absent: the real pages of ../shared are not beside this checkout"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: the corpus tests must run)", pytrace=False)
        pytest.skip(message)
    return path


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


#: ``Popen`` keywords for a child a test stops with SIGINT (Ctrl-C). A job the shell runs in
#: the background (``bash .ci/run &``, a CI runner) starts with SIGINT ignored and its
#: children inherit that, so Python would install no KeyboardInterrupt handler in them;
#: the child restores the default disposition first and takes Ctrl-C as in the foreground.
INTERRUPTIBLE: dict[str, Any] = {"preexec_fn": _default_sigint}


#: The extra that installs each optional module a test needs (pyproject.toml).
EXTRAS = {"datatrove": "datatrove", "magic": "datatrove", "ray": "ray", "datasets": "checks", "playwright": "checks", "mypy": "checks", "jsonschema": "test"}


def missing_extra(module: str) -> str | None:
    """Why ``module`` cannot be imported (its extra, how to install it), or None when it can."""
    try:
        importlib.import_module(module)
    except ImportError as error:
        extra = EXTRAS.get(module.split(".")[0], "test")
        return f"{module} is not installed ({error}): pip install -e '.[{extra}]'"
    return None


def need(module: str) -> ModuleType:
    """``module``, or a skip that names its extra; under ``CLEANER_REQUIRE_EXTRAS`` (CI) a failure."""
    reason = missing_extra(module)
    if reason is not None:
        if os.environ.get("CLEANER_REQUIRE_EXTRAS"):
            pytest.fail(f"CI must run this test: {reason}")
        pytest.skip(reason)
    return importlib.import_module(module)


@pytest.fixture()
def sites() -> Iterator[list["HttpSite"]]:
    """Servers a test starts with ``sites.append(HttpSite(...))``; all stopped afterwards."""
    started: list["HttpSite"] = []
    yield started
    for site in started:
        site.close()
