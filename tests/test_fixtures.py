"""The project's own fixtures: every layout has one, and each says what it reproduces.

The fixtures themselves run as tests through the pytest plug-in (``cleaner_fixtures``
in ``pyproject.toml``), one test each, failing with ``cleaner fixtures check``'s diff.
"""

from __future__ import annotations

import json

import pytest

from cleaner import GUIDE_FIELDS
from cleaner.fixtures import find
from site_rules import all_rules

from .conftest import FIXTURES

CASES = find([FIXTURES])
BASES = {"saved pages", "public conventions"}


def test_the_fixture_folder_is_found() -> None:
    assert len(CASES) >= 30 and {case.site for case in CASES} >= {rule.name for rule in all_rules()}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.label)
def test_every_fixture_has_its_expected_record_and_meta(case) -> None:  # type: ignore[no-untyped-def]
    assert list(case.expected()) == list(GUIDE_FIELDS), "expected records list the GUIDE's keys in order"
    meta = case.meta()
    assert meta.get("basis") in BASES, f"{case.label}: say whether it reproduces saved pages or public conventions"
    assert meta.get("reviewed") is True, f"{case.label}: an unreviewed fixture is no test"
    assert meta.get("url") == case.expected()["url"]


def test_every_layout_text_or_markup_has_a_fixture_read_by_it() -> None:
    covered = {(case.meta().get("rule"), case.meta().get("layout")) for case in CASES}
    missing = [
        (rule.name, layout.name)
        for rule in all_rules()
        for layout in (*rule.layouts, *rule.html_layouts)
        if (rule.name, layout.name) not in covered
    ]
    assert not missing, f"layouts without a fixture: {missing}"


def test_a_markup_layouts_fixture_carries_the_layouts_basis() -> None:
    for rule in all_rules():
        for layout in rule.html_layouts:
            cases = [c for c in CASES if c.meta().get("layout") == layout.name and c.meta().get("rule") == rule.name]
            assert cases and all(c.meta()["basis"] == layout.basis for c in cases), (rule.name, layout.name)


def test_cnn_indonesia_and_tirto_markup_are_marked_as_public_conventions() -> None:
    marked = {(rule.name, layout.name): layout.basis for rule in all_rules() for layout in rule.html_layouts}
    assert {key for key, basis in marked.items() if basis == "public conventions"} == {
        ("cnnindonesia", "desktop-2023"), ("cnnindonesia", "desktop-2016"), ("tirto", "nuxt-2019"),
    }
    assert json.loads((FIXTURES / "tirto" / "nuxt-2019.meta.json").read_text())["basis"] == "public conventions"
