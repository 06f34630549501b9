"""The plug-in's fixtures against their hand-written expected JSON (run: pytest, once installed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import GUIDE_FIELDS, clean
from site_rules import registry

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*/*.txt"))


def test_the_rule_is_registered_as_a_plug_in() -> None:
    assert registry().origins["beritacontoh"].startswith("plug-in site-rules-beritacontoh")


@pytest.mark.parametrize("dump", FIXTURES, ids=lambda path: path.stem)
def test_fixture(dump: Path) -> None:
    expected = json.loads(dump.with_suffix(".expected.json").read_text(encoding="utf-8"))
    got = clean(dump.read_text(encoding="utf-8"), site=dump.parent.name).to_dict()
    assert {key: got[key] for key in GUIDE_FIELDS} == expected
