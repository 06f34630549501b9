"""Every layout a rule declares has a reviewed fixture that this layout reads (issue 24)."""

from __future__ import annotations

import json
from pathlib import Path

from site_rules import all_rules

from .conftest import FIXTURES


def fixture_metas() -> list[dict[str, object]]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(FIXTURES.glob("*/*.meta.json"))]


def test_every_declared_layout_has_a_reviewed_fixture() -> None:
    covered = {(meta.get("rule"), meta.get("layout")) for meta in fixture_metas() if meta.get("reviewed") is True}
    missing = [
        f"{rule.name}/{layout.name}"
        for rule in all_rules()
        for layout in (*rule.layouts, *rule.html_layouts)
        if (rule.name, layout.name) not in covered
    ]
    assert not missing, f"layouts with no reviewed fixture in tests/fixtures: {missing}"


def test_no_fixture_here_is_an_unreviewed_snapshot() -> None:
    unreviewed = [meta.get("url") for meta in fixture_metas() if meta.get("reviewed") is not True]
    assert not unreviewed, unreviewed


def test_the_fixture_folders_are_rules() -> None:
    names = {rule.name for rule in all_rules()}
    folders = {path.name for path in FIXTURES.iterdir() if path.is_dir()}
    assert folders <= names, f"fixture folders that name no rule: {sorted(folders - names)}"
    assert (Path(FIXTURES) / "README.md").is_file()
