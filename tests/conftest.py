"""Shared test helpers: where the fixtures and the real pages of ../shared live."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import pytest

if TYPE_CHECKING:
    from .httpsite import HttpSite

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"


def shared_dir(*parts: str) -> Path:
    """A folder of ../shared, or a skip with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.is_dir():
        pytest.skip(f"{path} is absent: the real pages of ../shared are not beside this checkout")
    return path


@pytest.fixture()
def sites() -> Iterator[list["HttpSite"]]:
    """Servers a test starts with ``sites.append(HttpSite(...))``; all stopped afterwards."""
    started: list["HttpSite"] = []
    yield started
    for site in started:
        site.close()
