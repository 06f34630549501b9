"""One type per key in every record: the JSON Schema holds, and datasets loads dumps and pages together."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import clean
from cleaner.schema import features, json_schema

from .conftest import FIXTURES, need, shared_dir

jsonschema = pytest.importorskip("jsonschema")


def cli_output(inputs: list[Path], out: Path) -> list[dict[str, object]]:
    result = subprocess.run([sys.executable, "-m", "cleaner.cli", "clean", *map(str, inputs), "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_every_record_of_every_kind_follows_the_schema(tmp_path: Path) -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    records = cli_output([FIXTURES], tmp_path / "out.jsonl")
    records += [{**clean(content).to_dict(), "source": "x"} for content in ("", b"\x00\x01" * 300, "\n".join(f"• Menu {i}" for i in range(30)))]
    assert {r["outcome"] for r in records} == {"article", "non_article", "refused"}
    for record in records:
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(record)]
        assert not errors, (record.get("source"), errors)


def test_the_schema_catches_a_wrong_type() -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    record = {**clean("Judul\nJakarta (ANTARA) - Isi berita.").to_dict(), "published": "2021-08-23 17:33"}
    assert not validator.is_valid(record)
    assert not validator.is_valid({**record, "published": None, "authors": None})


def _load(files: list[Path], tmp_path: Path) -> object:
    env_before = dict(os.environ)
    os.environ.update(HF_HOME=str(tmp_path / "hf"), HF_DATASETS_OFFLINE="1", HF_HUB_OFFLINE="1")
    try:
        datasets = need("datasets")
        return datasets.load_dataset("json", data_files=[str(f) for f in files], split="train", features=features())
    finally:
        os.environ.clear()
        os.environ.update(env_before)


def _assert_loaded_as_written(dataset: object, records: list[dict[str, object]]) -> None:
    rows = list(dataset)  # type: ignore[call-overload]
    assert len(rows) == len(records)
    for row, record in zip(rows, records):
        assert row["published"] == record["published"] and row["updated"] == record["updated"]  # offsets kept
        assert row["authors"] == record["authors"] and row["provenance"] == record["provenance"] and row["text"] == record["text"]


def test_datasets_loads_the_fixture_dumps_and_pages_in_one_call(tmp_path: Path) -> None:
    dumps = cli_output(sorted(FIXTURES.glob("*/*.txt")), tmp_path / "dumps.jsonl")
    pages = cli_output(sorted(FIXTURES.glob("*/*.html")), tmp_path / "pages.jsonl")
    for order in ((tmp_path / "pages.jsonl", tmp_path / "dumps.jsonl"), (tmp_path / "dumps.jsonl", tmp_path / "pages.jsonl")):
        records = pages + dumps if order[0].name == "pages.jsonl" else dumps + pages
        _assert_loaded_as_written(_load(list(order), tmp_path), records)
    assert any("+08:00" in str(r["published"]) for r in dumps + pages)


def test_datasets_loads_the_real_dumps_and_pages_in_one_call(tmp_path: Path) -> None:
    corpus = shared_dir("corpus")
    pages = cli_output([corpus / "html"], tmp_path / "pages.jsonl")
    dumps = cli_output([corpus / "dumps"], tmp_path / "dumps.jsonl")
    dataset = _load([tmp_path / "pages.jsonl", tmp_path / "dumps.jsonl"], tmp_path)
    _assert_loaded_as_written(dataset, pages + dumps)
    assert len(pages) >= 15 and len(dumps) >= 100
