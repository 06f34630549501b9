"""Per-site regression fixtures: saved inputs with their expected output, checked on demand.

A fixture folder holds ``<site>/<name>.txt | .html | .html.gz`` (a dump or a saved
page), beside it ``<name>.expected.json`` (the GUIDE's keys, in order) and
``<name>.meta.json``::

    {"url": "https://…", "saved": "2026-11-27", "rule": "tempo", "layout": "koran",
     "cleaner_version": "0.1.0", "reviewed": false, "basis": "saved pages"}

``new`` writes a fixture from the cleaner's current output, marked unreviewed;
``check`` cleans every fixture with its URL and compares every field; ``update``
accepts the current output after review. The CLI (``cleaner fixtures``) and the
pytest plug-in (``pytest --cleaner-fixtures DIR``) both use what is here, so they
report a change the same way.
"""

from __future__ import annotations

import difflib
import gzip
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import __version__
from .api import Cleaner
from .article import GUIDE_FIELDS, Article
from .inputs import InputDocument
from .output import write_whole

#: Input forms of a fixture, by how the file name ends.
INPUT_SUFFIXES = (".html.gz", ".html", ".txt")
_NAME = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Fixture:
    """One fixture: its input file, and the expected and meta files beside it."""

    input: Path

    @property
    def name(self) -> str:
        return next(self.input.name[: -len(s)] for s in INPUT_SUFFIXES if self.input.name.endswith(s))

    @property
    def site(self) -> str:
        return self.input.parent.name

    @property
    def label(self) -> str:
        return f"{self.site}/{self.name}"

    @property
    def expected_path(self) -> Path:
        return self.input.with_name(f"{self.name}.expected.json")

    @property
    def meta_path(self) -> Path:
        return self.input.with_name(f"{self.name}.meta.json")

    def content(self) -> bytes:
        data = self.input.read_bytes()
        return gzip.decompress(data) if self.input.name.endswith(".gz") else data

    def expected(self) -> dict[str, Any]:
        return dict(json.loads(self.expected_path.read_text(encoding="utf-8")))

    def meta(self) -> dict[str, Any]:
        try:
            return dict(json.loads(self.meta_path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return {}

    def url(self) -> str | None:
        url = self.meta().get("url") or self.expected().get("url")
        return url if isinstance(url, str) else None


def find(dirs: Iterable[Path]) -> list[Fixture]:
    """Every fixture under ``dirs`` (an input with an ``.expected.json`` beside it), in path order."""
    found: dict[Path, Fixture] = {}
    for folder in dirs:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and path.name.endswith(INPUT_SUFFIXES):
                fixture = Fixture(path)
                if fixture.expected_path.exists():
                    found.setdefault(path.resolve(), fixture)
    return sorted(found.values(), key=lambda f: (f.site, f.name))


# -- comparing --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One field whose output differs from the expected record."""

    field: str
    expected: Any
    got: Any

    def diff(self) -> list[str]:
        """A readable diff: the text paragraph by paragraph, lists item by item, other fields whole."""
        if self.field == "text":
            return paragraph_diff(str(self.expected or ""), str(self.got or ""))
        if isinstance(self.expected, list) and isinstance(self.got, list):
            return [f"  - {item!r}" for item in self.expected if item not in self.got] + [
                f"  + {item!r}" for item in self.got if item not in self.expected
            ] or [f"  order: {self.expected!r} -> {self.got!r}"]
        return [f"  - {self.expected!r}", f"  + {self.got!r}"]


def paragraph_diff(expected: str, got: str) -> list[str]:
    """Paragraphs removed (``-``) and added (``+``), in order, with a line of context where it helps."""
    old, new = expected.split("\n\n") if expected else [], got.split("\n\n") if got else []
    lines = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        lines += [f"  - {paragraph}" for paragraph in old[i1:i2]]
        lines += [f"  + {paragraph}" for paragraph in new[j1:j2]]
    return lines


@dataclass(frozen=True)
class Result:
    """What checking one fixture found."""

    fixture: Fixture
    changes: tuple[Change, ...] = ()
    reviewed: bool = True
    error: str | None = None
    article: Article | None = field(default=None, compare=False, repr=False)

    @property
    def changed(self) -> bool:
        return bool(self.changes) or self.error is not None

    def report(self) -> list[str]:
        """The lines a person reads: the fixture, then each changed field with its diff."""
        if self.error:
            return [f"{self.fixture.label}: {self.error}"]
        lines = [f"{self.fixture.label}: {', '.join(change.field for change in self.changes)} changed"]
        for change in self.changes:
            lines.append(f" {change.field}:")
            lines += change.diff()
        return lines

    def to_dict(self) -> dict[str, Any]:
        return {
            "fixture": self.fixture.label, "input": str(self.fixture.input), "reviewed": self.reviewed, "error": self.error,
            "changes": [{"field": c.field, "expected": c.expected, "got": c.got} for c in self.changes],
        }


def check(fixture: Fixture, cleaner: Cleaner | None = None) -> Result:
    """Clean the fixture with its URL and compare every GUIDE field with its expected record."""
    meta = fixture.meta()
    reviewed = meta.get("reviewed", True) is not False
    try:
        expected = fixture.expected()
    except (OSError, ValueError) as error:
        return Result(fixture, reviewed=reviewed, error=f"unreadable expected record: {error}")
    document = InputDocument(str(fixture.input), content=fixture.content(), url=fixture.url())
    article = (cleaner or Cleaner()).clean_document(document)
    got = article.to_dict()
    changes = [Change(key, expected.get(key), got[key]) for key in GUIDE_FIELDS if expected.get(key) != got[key]]
    if "layout" in meta and meta["layout"] != article.provenance.layout:
        changes.append(Change("layout", meta["layout"], article.provenance.layout))  # another layout reads it now
    return Result(fixture, tuple(changes), reviewed, article=article)


def check_all(fixtures: Iterable[Fixture], cleaner: Cleaner | None = None) -> Iterator[Result]:
    cleaner = cleaner or Cleaner()
    for fixture in fixtures:
        yield check(fixture, cleaner)


@dataclass
class SiteTally:
    fixtures: int = 0
    unchanged: int = 0
    changed: int = 0
    unreviewed: int = 0


def tally(results: Iterable[Result]) -> dict[str, SiteTally]:
    """Per site: fixtures, unchanged, changed, unreviewed."""
    sites: dict[str, SiteTally] = {}
    for result in results:
        counts = sites.setdefault(result.fixture.site, SiteTally())
        counts.fixtures += 1
        counts.changed += result.changed
        counts.unchanged += not result.changed
        counts.unreviewed += not result.reviewed
    return dict(sorted(sites.items()))


# -- writing ------------------------------------------------------------------------------------------------


def expected_record(article: Article) -> dict[str, Any]:
    """The GUIDE's keys of an article, in order: what an expected record holds."""
    record = article.to_dict()
    return {key: record[key] for key in GUIDE_FIELDS}


def _write_json(path: Path, value: dict[str, Any]) -> None:
    write_whole(path, (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def check_name(name: str) -> str:
    """``name`` if it names a fixture inside its folder; ``ValueError`` for a path (``../x``,
    ``/tmp/x``, ``a/b``) or a name that is none (``.``, ``..``, empty), which would write elsewhere."""
    if not name.strip() or name in (".", "..") or "/" in name or "\\" in name or "\0" in name or Path(name).is_absolute():
        raise ValueError(f"a fixture name is a plain name, not a path: {name!r}")
    return name


def _meta(article: Article, url: str | None, *, reviewed: bool, previous: dict[str, Any] | None = None) -> dict[str, Any]:
    meta = dict(previous or {})
    meta.update(
        url=url,
        saved=meta.get("saved") or datetime.now(timezone.utc).date().isoformat(),
        rule=article.provenance.rule if article.provenance.extractor == "rule" else article.site or "generic",
        layout=article.provenance.layout,
        extractor=article.provenance.extractor,
        cleaner_version=__version__,
        reviewed=reviewed,
    )
    return meta


def fixture_name(text: str) -> str:
    """A file-name-safe fixture name from a URL's last segment or a file name."""
    stem = text.rstrip("/").rsplit("/", 1)[-1].split("?", 1)[0]
    for suffix in (*INPUT_SUFFIXES, ".htm", ".gz"):
        stem = stem.removesuffix(suffix)
    return _NAME.sub("-", stem.lower()).strip("-")[:80] or "page"


def new(
    content: bytes, *, kind: str, folder: Path, url: str | None = None, name: str | None = None, cleaner: Cleaner | None = None
) -> tuple[Fixture, Article]:
    """Write a fixture from the cleaner's current output, marked unreviewed.

    ``kind`` is ``"txt"`` (a dump) or ``"html"`` (a page); the fixture goes to
    ``folder/<site>/<name>.<kind>``, ``<site>`` being the rule that reads it. An existing
    fixture of that name is never overwritten: a number is added.
    """
    base = check_name(name) if name else fixture_name(url or "page")
    article = (cleaner or Cleaner()).clean_document(InputDocument(name or url or "page", content=content, url=url))
    # The rule that read it: an outlet rule leaves ``site`` null but names itself in the provenance.
    site = article.site or (article.provenance.rule if article.provenance.extractor == "rule" else None) or "generic"
    target = Path(folder) / site
    target.mkdir(parents=True, exist_ok=True)
    candidate, number = base, 1
    while any((target / f"{candidate}{suffix}").exists() for suffix in (*INPUT_SUFFIXES, ".expected.json")):
        number += 1
        candidate = f"{base}-{number}"
    fixture = Fixture(target / f"{candidate}.{kind}")
    fixture.input.write_bytes(content)
    _write_json(fixture.expected_path, expected_record(article))
    _write_json(fixture.meta_path, _meta(article, url or article.url, reviewed=False))
    return fixture, article


def update(fixture: Fixture, *, reviewed: bool | None = None, cleaner: Cleaner | None = None) -> Result:
    """Accept the current output as expected (``reviewed``: also mark it so, or not)."""
    result = check(fixture, cleaner)
    meta = fixture.meta()
    if result.article is not None and result.changes:
        _write_json(fixture.expected_path, expected_record(result.article))
    if result.article is not None:
        keep = meta.get("reviewed", True) is not False
        meta = _meta(result.article, fixture.url(), reviewed=keep if reviewed is None else reviewed, previous=meta)
        _write_json(fixture.meta_path, meta)
    return result
