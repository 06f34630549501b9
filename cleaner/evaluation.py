"""Scoring cleaned articles against hand-written expected records.

Used by ``scripts/evaluate.py`` and the corpus test, so the bars the tests hold and
the numbers the script prints are computed by the same code.

* token precision/recall/F1: lower-cased ``\\w+`` tokens, multiset overlap;
* paragraph F1: multiset of exact normalized paragraphs;
* exact document: the text equals the expected text;
* metadata agreement: per GUIDE field, equal values (``dateline`` and ``category``
  ignore case).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .article import GUIDE_FIELDS
from .inputs import manifest_urls

METADATA_FIELDS: tuple[str, ...] = tuple(f for f in GUIDE_FIELDS if f != "text")
_CASE_INSENSITIVE = frozenset({"dateline", "category"})
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Case:
    """One input file with its expected record."""

    path: Path
    expected: dict[str, Any]
    url: str | None
    group: str  # the site folder ("tempo", "seeds"), with "/html" for saved pages

    @property
    def input_kind(self) -> str:
        return "html" if self.path.suffix in (".html", ".htm") else "txt"


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    paragraph_f1: float
    exact: bool
    fields: dict[str, bool]


def _f1(overlap: int, got: int, want: int) -> tuple[float, float, float]:
    if got == 0 and want == 0:
        return 1.0, 1.0, 1.0
    precision = overlap / got if got else 0.0
    recall = overlap / want if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.lower()))


def paragraphs(text: str) -> Counter[str]:
    return Counter(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())


def field_agrees(name: str, got: Any, want: Any) -> bool:
    if name in _CASE_INSENSITIVE and isinstance(got, str) and isinstance(want, str):
        return got.casefold() == want.casefold()
    if isinstance(got, tuple):
        got = list(got)
    return got == want


def score(got: dict[str, Any], expected: dict[str, Any]) -> Score:
    """Compare one produced record (``Article.to_dict()``) with its expected record."""
    got_text, want_text = got.get("text") or "", expected.get("text") or ""
    got_tokens, want_tokens = tokens(got_text), tokens(want_text)
    precision, recall, f1 = _f1(
        sum((got_tokens & want_tokens).values()), sum(got_tokens.values()), sum(want_tokens.values())
    )
    got_paras, want_paras = paragraphs(got_text), paragraphs(want_text)
    _, _, paragraph_f1 = _f1(sum((got_paras & want_paras).values()), sum(got_paras.values()), sum(want_paras.values()))
    fields = {name: field_agrees(name, got.get(name), expected.get(name)) for name in METADATA_FIELDS}
    return Score(precision, recall, f1, paragraph_f1, got_text == want_text, fields)


#: An article that kept less than this share of its expected tokens was (partly) lost.
LOST_RECALL = 0.9


def loss(got: dict[str, Any], expected: dict[str, Any], result: Score) -> str | None:
    """What the never-lose bar calls a loss, or None: an article that kept under 90% of its
    tokens, or a page with no article (expected text empty) that kept text."""
    if not (expected.get("text") or ""):
        return f"non-article kept {len(got.get('text') or ''):,} characters" if got.get("text") else None
    if result.recall < LOST_RECALL:
        return f"article lost {1 - result.recall:.0%} of its tokens (outcome {got.get('outcome')})"
    return None


def find_cases(roots: list[Path]) -> Iterator[Case]:
    """Every ``*.txt`` / ``*.html`` under ``roots`` that has a ``*.expected.json`` beside it.

    The input URL is the page's known address: the expected record's ``url``, else
    the folder's index table where its cell is a URL (some cells hold a note).
    """
    for root in roots:
        for expected_path in sorted(root.rglob("*.expected.json")):
            stem = expected_path.name[: -len(".expected.json")]
            source = next(
                (expected_path.with_name(stem + ext) for ext in (".txt", ".html", ".htm") if expected_path.with_name(stem + ext).is_file()),
                None,
            )
            if source is None:
                continue
            expected = json.loads(expected_path.read_text(encoding="utf-8"))
            url = expected.get("url") or manifest_urls(source.parent).get(source.name)
            site = source.parent.name if source.parent.name not in ("_prototypes", "_nonarticle") else source.parent.parent.name
            group = f"{site}/html" if source.suffix in (".html", ".htm") else site
            yield Case(source, expected, url, group)


@dataclass
class Totals:
    """Running means for one group of documents."""

    n: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    paragraph_f1: float = 0.0
    exact: int = 0

    def __post_init__(self) -> None:
        self.fields: Counter[str] = Counter()

    def add(self, s: Score) -> None:
        self.n += 1
        self.precision += s.precision
        self.recall += s.recall
        self.f1 += s.f1
        self.paragraph_f1 += s.paragraph_f1
        self.exact += s.exact
        self.fields.update(name for name, ok in s.fields.items() if ok)

    def means(self) -> dict[str, float]:
        n = self.n or 1
        out = {
            "precision": self.precision / n,
            "recall": self.recall / n,
            "f1": self.f1 / n,
            "paragraph_f1": self.paragraph_f1 / n,
            "exact": self.exact / n,
        }
        out.update({f"meta.{name}": self.fields[name] / n for name in METADATA_FIELDS})
        return out
