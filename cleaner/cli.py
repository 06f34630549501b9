"""The ``cleaner`` command line: ``cleaner clean`` and ``cleaner sites``."""

from __future__ import annotations

import os
import sys
import tempfile
from collections import Counter
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Any, Iterator, Optional, TextIO

import typer

from . import __version__
from .engine import clean
from .inputs import InputDocument, read_documents
from .writers import WRITERS

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Clean pages of Indonesian news sites into article text and metadata.",
)


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    text = "text"
    markdown = "markdown"


@contextmanager
def atomic_output(path: Optional[Path]) -> Iterator[TextIO]:
    """Write to ``path`` through a temporary file renamed at the end (stdout when None).

    An interrupted run never leaves a truncated output file behind.
    """
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", suffix=".part", delete=False
    )
    try:
        with handle:
            yield handle
        os.replace(handle.name, path)
    except BaseException:
        os.unlink(handle.name)
        raise


def _record(document: InputDocument, default_url: Optional[str], site: Optional[str]) -> tuple[dict[str, Any], str | None]:
    """The output record of one document, and the rule/fallback that made it (None on error)."""
    base: dict[str, Any] = {"source": document.source}
    if document.id is not None:
        base["id"] = document.id
    if document.error:
        return {**base, "error": document.error, **document.extra}, None
    assert document.content is not None
    article = clean(document.content, url=document.url or default_url, site=site)
    if not article.text and "empty input" in article.warnings:
        return {**base, "error": "empty input", **document.extra}, None
    record = article.to_dict()
    record.update(base)
    for key, value in document.extra.items():
        record.setdefault(key, value)
    path = "fallback" if article.provenance.extractor == "fallback" else "rule"
    return record, f"{path}:{article.site or 'generic'}"


@app.command("clean")
def clean_command(
    inputs: list[str] = typer.Argument(
        ..., metavar="INPUT...", help="Files, folders (walked recursively) or - for stdin: .txt dumps, .html pages, .jsonl records, and .gz forms."
    ),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Output file (default: stdout). Written atomically."),
    output_format: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", "-f", help="jsonl (one record per document), text or markdown."),
    site: Optional[str] = typer.Option(None, "--site", help="Force a site rule (see `cleaner sites`)."),
    url: Optional[str] = typer.Option(None, "--url", help="Page URL for inputs that carry none (selects the rule by host)."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Write error records here (default: stderr)."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar on stderr (default: when stderr is a terminal)."),
) -> None:
    """Clean documents; one output record per input document, one error record per bad one.

    Exit status: 0 all clean, 1 some documents failed, 2 usage error.
    """
    if site is not None:
        from site_rules import rule_by_name

        if rule_by_name(site) is None:
            raise typer.BadParameter(f"unknown site {site!r}; see `cleaner sites`", param_hint="--site")
    write = WRITERS[output_format.value]
    counts: Counter[str] = Counter()
    error_count = 0
    show_progress = sys.stderr.isatty() if progress is None else progress
    error_handle = open(errors, "w", encoding="utf-8") if errors else None  # noqa: SIM115
    try:
        with atomic_output(output) as out, _progress(show_progress) as tick:
            for document in read_documents(inputs):
                try:
                    record, path = _record(document, url, site)
                except Exception as error:  # noqa: BLE001 - one bad document never stops the batch
                    record, path = {"source": document.source, "error": f"{type(error).__name__}: {error}"}, None
                if path is None:
                    error_count += 1
                    WRITERS["jsonl"](record, error_handle or sys.stderr)
                else:
                    counts[path] += 1
                    write(record, out)
                tick()
    finally:
        if error_handle:
            error_handle.close()
    _summary(counts, error_count)
    raise typer.Exit(1 if error_count else 0)


@contextmanager
def _progress(enabled: bool) -> Iterator[Any]:
    if not enabled:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(), TextColumn("{task.completed} documents"), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    ) as bar:
        task = bar.add_task("clean", total=None)
        yield lambda: bar.advance(task)


def _summary(counts: Counter[str], error_count: int) -> None:
    documents = sum(counts.values()) + error_count
    per_site: Counter[str] = Counter()
    for key, n in counts.items():
        per_site[key.split(":", 1)[1]] += n
    fallbacks = sum(n for key, n in counts.items() if key.startswith("fallback:"))
    sites = ", ".join(f"{name} {n}" for name, n in sorted(per_site.items())) or "none"
    typer.echo(f"{documents} documents: {sites}; fallbacks {fallbacks}; errors {error_count}", err=True)


@app.command("sites")
def sites_command() -> None:
    """List the site rules and what each matches (hosts, layouts)."""
    from site_rules import all_rules

    for rule in all_rules():
        hosts = ", ".join(rule.hosts) or "any other host (site null)"
        layouts = ", ".join(layout.name for layout in rule.layouts) or "-"
        doc = (type(rule).__doc__ or sys.modules[type(rule).__module__].__doc__ or "").strip().splitlines()[0]
        typer.echo(f"{rule.name:<14} hosts: {hosts}\n{'':<14} layouts: {layouts}\n{'':<14} {doc}")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cleaner {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Clean pages of Indonesian news sites into article text and metadata."""


def main() -> None:
    app()


if __name__ == "__main__":
    main()
