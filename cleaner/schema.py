"""The output schema, for tools that want it declared: JSON Schema, and Hugging Face ``Features``.

Every key of a record has one JSON type in every record (see ``schema.json``), but a
reader that infers types from one file cannot know that: a column null in every row of
one file is typed ``null`` there, and pyarrow reads ISO 8601 strings as timestamps,
dropping their offset. Declare the types instead::

    from datasets import load_dataset
    from cleaner.schema import features

    load_dataset("json", data_files=["dumps.jsonl", "pages.jsonl"], features=features())
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping


def record_id(value: Any) -> str | None:
    """An input record's ``id`` as output records carry it: always a string.

    JSON Lines inputs give ids of any JSON type (``7``, ``"a-7"``, ``7.5``); one column
    must have one type for ``load_dataset`` (and any typed reader) to read every output
    of the CLI together, so a string stays as it is and anything else is written as its
    JSON text (``7`` becomes ``"7"``, ``true`` becomes ``"true"``). ``NaN`` and the
    infinities, which JSON has no text for, are null, as everywhere in the output.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


@lru_cache(maxsize=1)
def json_schema() -> dict[str, Any]:
    """The JSON Schema of an output record (``cleaner/schema.json``)."""
    return dict(json.loads(resources.files("cleaner").joinpath("schema.json").read_text(encoding="utf-8")))


def features(extra: Mapping[str, Any] | None = None, *, cli: bool = True) -> Any:
    """``datasets.Features`` of an output record (``cli``: with the CLI's ``source`` key).

    ``published`` and ``updated`` come back as the strings written, offsets intact: they
    are declared ``Json`` (datasets 5), which keeps pyarrow from reading them as UTC
    timestamps (a plain ``Value("string")`` does not: the offset is gone before the cast).
    ``id`` is declared (a string, ``record_id``; a file without ids loads it as null).
    Other input keys the CLI carries through (``lang``, …) vary by corpus: declare them
    in ``extra``, e.g. ``features({"lang": Value("string")})``.
    """
    from datasets import Features, Value

    try:
        from datasets import Json

        def timestamp() -> Any:
            return Json()
    except ImportError:  # before datasets 5: offsets survive only where pyarrow does not parse them
        def timestamp() -> Any:
            return Value("string")

    try:
        from datasets import List as _List

        def strings() -> Any:
            return _List(Value("string"))
    except ImportError:  # datasets before 4
        from datasets import Sequence

        def strings() -> Any:
            return Sequence(Value("string"))

    text = Value("string")
    fields: dict[str, Any] = {
        "site": text, "url": text, "title": text, "description": text, "authors": strings(), "editors": strings(),
        "published": timestamp(), "updated": timestamp(), "dateline": text, "category": text, "tags": strings(), "text": text,
        "outcome": text, "paywalled": Value("bool"),
        "provenance": {"extractor": text, "rule": text, "layout": text, "reason": text},
        "warnings": strings(),
    }
    if cli:
        fields["source"] = text
        fields["id"] = text
    fields.update(extra or {})
    return Features(fields)


__all__ = ["features", "json_schema", "record_id"]
