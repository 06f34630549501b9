"""Every fixture under tests/fixtures/<site>/ against its hand-written expected record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import GUIDE_FIELDS, clean

from .conftest import FIXTURES

CASES = sorted(FIXTURES.glob("*/*.txt"))


def test_every_rule_has_fixtures() -> None:
    from site_rules import all_rules

    folders = {path.parent.name for path in CASES}
    assert {rule.name for rule in all_rules()} <= folders


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture(path: Path) -> None:
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    assert list(expected) == list(GUIDE_FIELDS), "expected records list the GUIDE's keys in order"
    got = clean(path.read_text(encoding="utf-8"), url=expected["url"]).to_dict()
    mismatched = {key: (got[key], expected[key]) for key in GUIDE_FIELDS if got[key] != expected[key]}
    assert not mismatched
