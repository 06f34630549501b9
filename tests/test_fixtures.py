"""Every fixture under tests/fixtures/<site>/ against its hand-written expected record.

Dumps are ``*.txt``, saved pages ``*.html``. A page fixture named after one of its
rule's markup layouts (``desktop-2015.html``) must also be read by that layout.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import GUIDE_FIELDS, clean
from site_rules import all_rules

from .conftest import FIXTURES

CASES = sorted([*FIXTURES.glob("*/*.txt"), *FIXTURES.glob("*/*.html")])
LAYOUTS = {rule.name: {layout.name for layout in rule.html_layouts} for rule in all_rules()}


def test_every_rule_has_fixtures_and_every_markup_layout_one() -> None:
    folders = {path.parent.name for path in CASES}
    assert set(LAYOUTS) <= folders
    pages = {(path.parent.name, path.stem) for path in CASES if path.suffix == ".html"}
    missing = {(site, layout) for site, names in LAYOUTS.items() for layout in names} - pages
    assert not missing, f"markup layouts without a fixture: {sorted(missing)}"


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture(path: Path) -> None:
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    assert list(expected) == list(GUIDE_FIELDS), "expected records list the GUIDE's keys in order"
    article = clean(path.read_bytes(), url=expected["url"])
    got = article.to_dict()
    mismatched = {key: (got[key], expected[key]) for key in GUIDE_FIELDS if got[key] != expected[key]}
    assert not mismatched
    if path.suffix == ".html" and path.stem in LAYOUTS.get(path.parent.name, ()):
        assert (article.provenance.extractor, article.provenance.layout) == ("rule", path.stem)
