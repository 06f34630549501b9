"""Every output the CLI writes loads under one schema, ids included (issue 23).

JSON Lines inputs carry ``id`` as integers as often as strings; the output writes every
id as a string (``cleaner.schema.record_id``), so ``load_dataset(..., features=features())``
reads output of JSON Lines, dumps and pages together.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from cleaner.schema import features, json_schema, record_id

from .conftest import FIXTURES, need
from .test_schema import cli_output

ARTICLE = "Warga Membersihkan Sungai\nJAKARTA - Warga tiga kelurahan membersihkan sungai bersama pada Minggu pagi dan mengangkut sampah plastik."


def _jsonl_batch(tmp_path: Path) -> Path:
    batch = tmp_path / "batch.jsonl"
    ids: list[object] = [7, "a-8", 9.5, True, {"shard": 1}, 12345678901234567890]
    batch.write_text("".join(json.dumps({"id": value, "text": ARTICLE}) + "\n" for value in ids), encoding="utf-8")
    return batch


def test_ids_are_written_as_strings(tmp_path: Path) -> None:
    records = cli_output([_jsonl_batch(tmp_path)], tmp_path / "out.jsonl")
    assert [r["id"] for r in records] == ["7", "a-8", "9.5", "true", '{"shard":1}', "12345678901234567890"]
    assert record_id(float("nan")) is None and record_id("x") == "x"


def test_the_json_schema_declares_the_id_a_string(tmp_path: Path) -> None:
    jsonschema = need("jsonschema")
    validator = jsonschema.Draft202012Validator(json_schema())
    records = cli_output([_jsonl_batch(tmp_path)], tmp_path / "out.jsonl")
    assert all(validator.is_valid(record) for record in records)
    assert not validator.is_valid({**records[0], "id": 7})


def test_datasets_loads_jsonl_dump_and_page_output_in_one_call(tmp_path: Path) -> None:
    datasets = need("datasets")
    from_jsonl = cli_output([_jsonl_batch(tmp_path)], tmp_path / "jsonl.jsonl")
    from_files = cli_output(sorted(FIXTURES.glob("*/*.txt"))[:3] + sorted(FIXTURES.glob("*/*.html"))[:3], tmp_path / "files.jsonl")
    saved = dict(os.environ)
    os.environ.update(HF_HOME=str(tmp_path / "hf"), HF_DATASETS_OFFLINE="1", HF_HUB_OFFLINE="1")
    try:
        for files in (["files.jsonl", "jsonl.jsonl"], ["jsonl.jsonl", "files.jsonl"]):
            loaded = datasets.load_dataset("json", data_files=[str(tmp_path / f) for f in files], split="train", features=features())
            expected = from_files + from_jsonl if files[0] == "files.jsonl" else from_jsonl + from_files
            assert [row["id"] for row in loaded] == [record.get("id") for record in expected]
            assert [row["text"] for row in loaded] == [record["text"] for record in expected]
    finally:
        os.environ.clear()
        os.environ.update(saved)
