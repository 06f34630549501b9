"""The plug-in is registered; its fixtures run as tests through the cleaner's pytest plug-in.

``cleaner_fixtures`` in this package's pyproject.toml names the fixture folder: each
``<site>/<name>.txt | .html`` with its ``.expected.json`` is one test, failing with
the same diff as ``cleaner fixtures check tests/fixtures``.
"""

from __future__ import annotations

from site_rules import registry


def test_the_rule_is_registered_as_a_plug_in() -> None:
    assert registry().origins["beritacontoh"].startswith("plug-in site-rules-beritacontoh")
