"""Shared test helpers: where the fixtures and the real pages of ../shared live."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

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


@pytest.fixture()
def sites() -> Iterator[list["HttpSite"]]:
    """Servers a test starts with ``sites.append(HttpSite(...))``; all stopped afterwards."""
    started: list["HttpSite"] = []
    yield started
    for site in started:
        site.close()
