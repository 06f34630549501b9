"""The datatrove step (issue 5), run for real: LocalPipelineExecutor and RayPipelineExecutor.

Skipped where the extras are not installed, except in CI (``CLEANER_REQUIRE_EXTRAS``),
which installs ``.[datatrove,ray]`` and must run them.
"""

from __future__ import annotations

import gzip
import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from cleaner import clean
from cleaner.fetch.store import WarcStore

from .conftest import FIXTURES


def _require(module: str) -> None:
    try:
        __import__(module)
    except ImportError:
        if os.environ.get("CLEANER_REQUIRE_EXTRAS"):
            pytest.fail(f"CI must run this test: {module} is not installed")
        pytest.skip(f"{module} is not installed (pip install -e '.[datatrove,ray]')")


TEMPO_URL = "https://nasional.tempo.co/read/1/contoh"


def input_records() -> list[dict[str, Any]]:
    """Fixture dumps as datatrove documents, their URL in the metadata, and one non-article."""
    records = []
    for index, path in enumerate(sorted(FIXTURES.glob("*/*.txt"))):
        records.append({"id": f"doc-{index}", "text": path.read_text(encoding="utf-8"), "metadata": {"source_file": path.name}})
    first_tempo = next(i for i, path in enumerate(sorted(FIXTURES.glob("*/*.txt"))) if path.parent.name == "tempo")
    records[first_tempo]["metadata"]["url"] = TEMPO_URL
    records.append({"id": "menu", "text": "\n".join(f"• Menu {i}" for i in range(20)), "metadata": {}})
    return records


def write_input(folder: Path, records: list[dict[str, Any]]) -> None:
    folder.mkdir(parents=True)
    with open(folder / "input.jsonl", "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def read_output(folder: Path) -> dict[str, dict[str, Any]]:
    documents = {}
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                documents[record["id"]] = record
    return documents


def pipeline(input_dir: Path, output_dir: Path, **step_options: Any) -> list[Any]:
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.integrations.datatrove import IndonesianNewsCleaner

    return [JsonlReader(str(input_dir)), IndonesianNewsCleaner(**step_options), JsonlWriter(str(output_dir))]


def check_output(records: list[dict[str, Any]], output: dict[str, dict[str, Any]]) -> None:
    for record in records:
        url = record["metadata"].get("url")
        article = clean(record["text"], url=url)
        if not article.text:
            assert record["id"] not in output  # no article: dropped
            continue
        got = output[record["id"]]
        assert got["text"] == article.text
        metadata = got["metadata"]
        assert metadata["source_file"] == record["metadata"]["source_file"]  # kept
        assert metadata["title"] == (article.title or "") and metadata["authors"] == "; ".join(article.authors)
        assert metadata["published"] == (article.published or "") and metadata["site"] == (article.site or "")
        assert metadata["cleaner_rule"].startswith("rule:")
    [with_url] = [doc for doc in output.values() if doc["metadata"].get("url") == TEMPO_URL]
    assert with_url["metadata"]["site"] == "tempo"


def non_articles(records: list[dict[str, Any]]) -> int:
    return sum(not clean(record["text"], url=record["metadata"].get("url")).text for record in records)


def test_local_pipeline_jsonl_reader_step_jsonl_writer(tmp_path: Path) -> None:
    _require("datatrove")
    from datatrove.executor import LocalPipelineExecutor

    records = input_records()
    write_input(tmp_path / "in", records)
    executor = LocalPipelineExecutor(pipeline(tmp_path / "in", tmp_path / "out"), tasks=1, logging_dir=str(tmp_path / "logs"))
    executor.run()
    output = read_output(tmp_path / "out")
    check_output(records, output)
    dropped = non_articles(records)
    assert "menu" not in output and dropped >= 1 and len(output) == len(records) - dropped
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text(encoding="utf-8"))
    step = next(s for s in stats if s["name"].endswith("Indonesian news cleaner"))
    assert step["stats"]["total"] == len(records) and step["stats"]["dropped"] == dropped
    assert step["stats"]["dropped_no_article"] == dropped and step["stats"]["rule_tempo"] >= 1


def test_non_articles_can_be_tagged_instead_of_dropped(tmp_path: Path) -> None:
    _require("datatrove")
    from datatrove.executor import LocalPipelineExecutor

    records = input_records()
    write_input(tmp_path / "in", records)
    LocalPipelineExecutor(
        pipeline(tmp_path / "in", tmp_path / "out", drop_non_articles=False), tasks=1, logging_dir=str(tmp_path / "logs")
    ).run()
    menu = read_output(tmp_path / "out")["menu"]
    assert menu["metadata"]["cleaner_no_article"] is True and menu["metadata"]["cleaner_outcome"] == "non_article"
    assert menu.get("text", "") == ""  # never the raw page it came as (the writer leaves out an empty text)


def test_warc_reader_step_on_a_warc_the_test_writes(tmp_path: Path) -> None:
    _require("datatrove")
    _require("magic")  # the WarcReader needs libmagic (apt-get install libmagic1)
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.integrations.datatrove import IndonesianNewsCleaner

    page = (FIXTURES / "liputan6" / "desktop-2024.html").read_bytes()
    url = "https://www.liputan6.com/news/read/1/contoh"
    (tmp_path / "warc").mkdir()
    store = WarcStore(tmp_path / "warc" / "crawl.warc.gz").open()
    when = datetime(2026, 11, 21, tzinfo=timezone.utc)
    store.write_response(url, 200, "OK", [("Content-Type", "text/html; charset=utf-8")], page, when)
    store.write_response("https://www.liputan6.com/robots.txt", 200, "OK", [("Content-Type", "text/plain")], b"User-agent: *", when)
    store.close()
    LocalPipelineExecutor(
        [WarcReader(str(tmp_path / "warc")), IndonesianNewsCleaner(), JsonlWriter(str(tmp_path / "out"))],
        tasks=1, logging_dir=str(tmp_path / "logs"),
    ).run()
    [document] = read_output(tmp_path / "out").values()
    expected = clean(page, url=url)
    assert document["text"] == expected.text and document["metadata"]["site"] == "liputan6"
    assert document["metadata"]["cleaner_rule"] == f"rule:liputan6:{expected.provenance.layout}"


def test_ray_pipeline_on_a_local_ray_instance(tmp_path: Path) -> None:
    _require("datatrove")
    _require("ray")
    import ray
    from datatrove.executor.ray import RayPipelineExecutor

    records = input_records()
    write_input(tmp_path / "in", records[: len(records) // 2])
    with open(tmp_path / "in" / "second.jsonl", "w", encoding="utf-8") as handle:  # two files: two tasks
        for record in records[len(records) // 2 :]:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        RayPipelineExecutor(
            pipeline(tmp_path / "in", tmp_path / "out"), tasks=2, workers=2, cpus_per_task=1, mem_per_cpu_gb=0.5,
            logging_dir=str(tmp_path / "logs"),
        ).run()
    finally:
        ray.shutdown()
    output = read_output(tmp_path / "out")
    check_output(records, output)
    assert len(output) == len(records) - non_articles(records)


def test_parquet_writer_after_the_step_writes_every_document(tmp_path: Path) -> None:
    """Metadata keep one type in every document, so a columnar writer keeps one schema."""
    _require("datatrove")
    import pyarrow.parquet as pq
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import ParquetWriter

    from cleaner.integrations.datatrove import IndonesianNewsCleaner

    records = input_records()
    # A first batch where every optional field is empty, then documents that fill them:
    # the case that broke the writer's schema.
    records.insert(0, {"id": "bare", "text": "Jakarta (ANTARA) - Isi berita tanpa judul dan tanpa penulis yang cukup panjang.", "metadata": {"source_file": "bare.txt"}})
    for record in records:
        record["metadata"].setdefault("source_file", "")  # a reader gives every document the same keys
    write_input(tmp_path / "in", records)
    steps = [
        JsonlReader(str(tmp_path / "in")),
        IndonesianNewsCleaner(),
        ParquetWriter(str(tmp_path / "out"), batch_size=1),  # a schema per batch of one: the strictest case
    ]
    LocalPipelineExecutor(steps, tasks=1, logging_dir=str(tmp_path / "logs")).run()
    table = pq.read_table(next((tmp_path / "out").glob("*.parquet")))
    dropped = non_articles(records)
    assert dropped >= 1 and table.num_rows == len(records) - dropped  # every document the step forwards
    rows = {row["id"]: row for row in table.to_pylist()}
    assert "menu" not in rows and rows["bare"]["text"].startswith("Isi berita tanpa judul")
    assert rows["bare"]["metadata"]["authors"] == "" and rows["bare"]["metadata"]["cleaner_no_article"] is False
    assert any(row["metadata"]["published"].endswith("+07:00") for row in rows.values())


def test_html_from_a_metadata_key_an_exclusion_writer_and_a_time_limit(tmp_path: Path) -> None:
    _require("datatrove")
    from datatrove.data import Document
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.integrations.datatrove import IndonesianNewsCleaner

    page = (FIXTURES / "tempo" / "desktop-2018.html").read_text(encoding="utf-8")
    url = json.loads((FIXTURES / "tempo" / "desktop-2018.expected.json").read_text())["url"]
    documents = [
        Document(text="", id="page", metadata={"url": url, "html": page}),
        Document(text="\n".join(f"• Menu {i}" for i in range(20)), id="menu", metadata={}),
    ]
    step = IndonesianNewsCleaner(html_key="html", exclusion_writer=JsonlWriter(str(tmp_path / "excluded")))
    kept = list(step.run(iter(documents)))
    assert [d.id for d in kept] == ["page"] and kept[0].text == clean(page, url=url).text and kept[0].metadata["site"] == "tempo"
    [excluded] = read_output(tmp_path / "excluded").values()
    assert excluded["id"] == "menu" and excluded["metadata"]["filter_reason"].startswith("non_article")

    slow = IndonesianNewsCleaner(time_limit=1e-6, drop_non_articles=False)
    [timed_out] = list(slow.run(iter([Document(text=page, id="slow", metadata={"url": url})])))
    assert timed_out.metadata["cleaner_outcome"] == "failed" and "time limit" in timed_out.metadata["cleaner_reason"]
    assert timed_out.text == ""


def test_kept_non_articles_in_parquet_with_the_adapter_that_keeps_empty_text(tmp_path: Path) -> None:
    _require("datatrove")
    import pyarrow.parquet as pq
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import ParquetWriter

    from cleaner.integrations.datatrove import IndonesianNewsCleaner, keep_empty_text

    records = input_records()
    for record in records:
        record["metadata"].setdefault("source_file", "")
    write_input(tmp_path / "in", records)
    steps = [
        JsonlReader(str(tmp_path / "in")),
        IndonesianNewsCleaner(drop_non_articles=False),
        ParquetWriter(str(tmp_path / "out"), batch_size=1, adapter=keep_empty_text),
    ]
    LocalPipelineExecutor(steps, tasks=1, logging_dir=str(tmp_path / "logs")).run()
    rows = {row["id"]: row for row in pq.read_table(next((tmp_path / "out").glob("*.parquet"))).to_pylist()}
    assert len(rows) == len(records) and rows["menu"]["text"] == "" and rows["menu"]["metadata"]["cleaner_no_article"] is True
