"""pytest plug-in: one test per fixture, failing with the same diff as ``cleaner fixtures check``.

    pytest --cleaner-fixtures my-fixtures/

or, in ``pyproject.toml`` (paths relative to it)::

    [tool.pytest.ini_options]
    cleaner_fixtures = ["tests/fixtures"]

Registered through the ``pytest11`` entry point, so it is active wherever the cleaner
is installed; it collects nothing unless a fixture folder is named.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from .fixtures import INPUT_SUFFIXES, Fixture, Result, check


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("cleaner", "indonesian-news-cleaner fixtures")
    group.addoption(
        "--cleaner-fixtures", action="append", default=[], metavar="DIR",
        help="Run every fixture under DIR (<site>/<name>.txt|.html|.html.gz with <name>.expected.json) as a test.",
    )
    parser.addini("cleaner_fixtures", type="paths", default=[], help="Fixture folders run as tests (relative to the ini file).")


def pytest_configure(config: pytest.Config) -> None:
    given = [Path(p).resolve() for p in config.getoption("cleaner_fixtures") or []]
    configured = [Path(p).resolve() for p in config.getini("cleaner_fixtures")]
    folders = given + configured
    config.stash[_FOLDERS] = folders
    collected = [Path(arg.split("::")[0]).resolve() for arg in config.args]
    # Folders named on the command line always run; the ini's run with a whole-suite run
    # (no paths given), or where a given path holds them, as testpaths do.
    explicit = config.args_source == pytest.Config.ArgsSource.ARGS
    for folder in given + ([] if explicit else configured):
        if not folder.is_dir():
            raise pytest.UsageError(f"--cleaner-fixtures: {folder} is not a folder")
        if not any(folder == path or path in folder.parents for path in collected):
            config.args.append(str(folder))  # collected even when it lies outside the test paths


_FOLDERS = pytest.StashKey[list[Path]]()


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    folders = parent.config.stash.get(_FOLDERS, [])
    if not folders or not file_path.name.endswith(INPUT_SUFFIXES):
        return None
    resolved = file_path.resolve()
    if not any(folder in resolved.parents for folder in folders):
        return None
    if not Fixture(file_path).expected_path.exists():
        return None
    return FixtureFile.from_parent(parent, path=file_path)


class FixtureFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        fixture = Fixture(self.path)
        yield FixtureItem.from_parent(self, name=fixture.label, fixture=fixture)


class FixtureChanged(Exception):
    def __init__(self, result: Result) -> None:
        super().__init__("\n".join(result.report()))
        self.result = result


class FixtureUnreviewed(Exception):
    """A fixture still marked ``"reviewed": false``: its expected record is the code's own output."""


class FixtureItem(pytest.Item):
    def __init__(self, *, fixture: Fixture, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.fixture = fixture

    def runtest(self) -> None:
        result = check(self.fixture)
        if result.changed:
            raise FixtureChanged(result)
        if not result.reviewed:  # a snapshot of today's output proves nothing until a person read it
            raise FixtureUnreviewed(
                f"{self.fixture.label}: not reviewed: read its .expected.json against the GUIDE, correct it by hand, "
                "then run `cleaner fixtures update DIR --reviewed --only NAME` (or set \"reviewed\": true in its .meta.json)"
            )

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, (FixtureChanged, FixtureUnreviewed)):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"cleaner fixture {self.fixture.label}"
