"""Plug-in site rules through the ``site_rules`` entry-point group (issue 5).

The template in ``docs/plugin-template`` is built and installed for real (pip, into a
temporary folder put on PYTHONPATH), then its own fixture test runs against it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

TEMPLATE = ROOT / "docs" / "plugin-template"


def run(args: list[str], plugin_path: Path, **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    env = {**os.environ, "PYTHONPATH": str(plugin_path)}
    return subprocess.run(args, capture_output=True, text=True, timeout=300, env=env, cwd=ROOT, **kwargs)


@pytest.fixture(scope="module")
def installed_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("plugin")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(TEMPLATE)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return target


def test_the_template_registers_and_passes_its_own_fixture_test(installed_template: Path) -> None:
    result = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(TEMPLATE / "tests")], installed_template)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout  # the registration test and two fixtures, a dump and a page


def test_sites_shows_each_rules_origin(installed_template: Path) -> None:
    result = run([sys.executable, "-m", "cleaner.cli", "sites"], installed_template)
    assert result.returncode == 0, result.stderr
    assert "origin: plug-in site-rules-beritacontoh (site_rules_beritacontoh:BeritaContoh)" in result.stdout
    # Discovery, not a count: every module of site_rules that defines a rule is listed as built in.
    import importlib
    import inspect
    import pkgutil

    import site_rules
    from site_rules.base import SiteRule

    built_in = {
        value.name
        for info in pkgutil.iter_modules(site_rules.__path__)
        for value in vars(importlib.import_module(f"site_rules.{info.name}")).values()
        if inspect.isclass(value) and issubclass(value, SiteRule) and value.name and value.__module__ == f"site_rules.{info.name}"
    }
    assert {"generic", "tempo", "liputan6", "antara", "cnnindonesia", "tirto"} <= built_in
    listed = {block.split()[0] for block in result.stdout.split("\n") if block and not block.startswith(" ")}
    for name in built_in:
        assert name in listed, name
    assert result.stdout.count("origin: built-in") == len(built_in)


def test_a_plugin_rule_is_chosen_by_its_host(installed_template: Path) -> None:
    dump = "Judul Berita Contoh Hari Ini\nBeritaContoh.id, Sleman - Isi berita pertama yang cukup panjang.\nBerita Terkait\nLain"
    result = run(
        [sys.executable, "-m", "cleaner.cli", "clean", "-", "--url", "https://www.beritacontoh.id/read/1"],
        installed_template, input=dump,
    )
    assert result.returncode == 0, result.stderr
    assert '"site": "beritacontoh"' in result.stdout and '"dateline": "Sleman"' in result.stdout


def _fake_distribution(folder: Path, name: str, entry_points: str) -> None:
    info = folder / f"{name.replace('-', '_')}-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[site_rules]\n{entry_points}\n", encoding="utf-8")


def test_a_broken_or_clashing_plugin_is_reported_and_skipped(tmp_path: Path) -> None:
    _fake_distribution(tmp_path, "broken-plugin", "broken = no_such_module_anywhere:Rule")
    (tmp_path / "clashing_rules.py").write_text(
        "from site_rules import SiteRule\n\nclass Tempo(SiteRule):\n    name = 'tempo'\n    hosts = ('tempo.co',)\n",
        encoding="utf-8",
    )
    _fake_distribution(tmp_path, "clashing-plugin", "tempo = clashing_rules")
    result = run([sys.executable, "-m", "cleaner.cli", "sites"], tmp_path)
    assert result.returncode == 0
    assert "broken-plugin" in result.stderr and "ModuleNotFoundError" in result.stderr
    assert "clashing-plugin" in result.stderr and "'tempo', which built-in already defines; ignored" in result.stderr
    cleaned = run([sys.executable, "-m", "cleaner.cli", "clean", "-", "--url", "https://www.tempo.co/read/1"], tmp_path, input="TEMPO.CO, Jakarta - Isi berita.")
    assert cleaned.returncode == 0 and '"provenance": {"extractor": "rule", "rule": "tempo"' in cleaned.stdout


def test_a_plugin_claiming_a_built_in_host_is_reported_and_skipped_but_a_subdomain_is_its_own(tmp_path: Path) -> None:
    (tmp_path / "host_rules.py").write_text(
        "from site_rules import SiteRule\n\n"
        "class Salinan(SiteRule):\n    name = 'salinan'\n    hosts = ('kompas.com',)\n\n"
        "class Kanal(SiteRule):\n    name = 'kanal'\n    hosts = ('kanal.kompas.com',)\n",
        encoding="utf-8",
    )
    _fake_distribution(tmp_path, "host-plugin", "hosts = host_rules")
    result = run([sys.executable, "-m", "cleaner.cli", "sites"], tmp_path)
    assert result.returncode == 0
    assert "host-plugin" in result.stderr and "'kompas.com' is declared by two rules, 'kompas' and 'salinan'" in result.stderr
    cleaned = run([sys.executable, "-m", "cleaner.cli", "clean", "-", "--url", "https://kanal.kompas.com/read/1"], tmp_path, input="Judul\nIsi berita.")
    assert cleaned.returncode == 0 and '"rule": "kanal"' in cleaned.stdout  # the longer suffix wins
    cleaned = run([sys.executable, "-m", "cleaner.cli", "clean", "-", "--url", "https://regional.kompas.com/read/1"], tmp_path, input="Judul\nIsi berita.")
    assert '"rule": "kompas"' in cleaned.stdout
