"""What a fresh install promises: the module runs, the licence ships, types are marked."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata, resources

from .conftest import ROOT


def test_python_m_cleaner_answers_version_and_help() -> None:
    version = subprocess.run([sys.executable, "-m", "cleaner", "-V"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.strip() == f"cleaner {metadata.version('indonesian-news-cleaner')}"
    helped = subprocess.run([sys.executable, "-m", "cleaner", "clean", "-h"], capture_output=True, text=True, timeout=60)
    assert helped.returncode == 0 and "Usage:" in helped.stdout
    assert "<bool>" not in helped.stdout and "``" not in helped.stdout  # plain help, no type labels or RST


def test_the_licence_matches_the_package_metadata() -> None:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "WITHOUT WARRANTY OF ANY KIND" in licence
    meta = metadata.metadata("indonesian-news-cleaner")
    assert meta.get("License-Expression") == "MIT" or meta.get("License") == "MIT"
    assert "LICENSE" in (meta.get_all("License-File") or [])


def test_types_are_marked_and_the_schema_ships() -> None:
    assert resources.files("cleaner").joinpath("py.typed").is_file()
    assert resources.files("site_rules").joinpath("py.typed").is_file()
    assert resources.files("cleaner").joinpath("schema.json").is_file()
