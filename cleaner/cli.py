"""The ``cleaner`` command line: ``cleaner clean`` and ``cleaner sites``."""

from __future__ import annotations

import signal
import sys
import threading
from collections import Counter
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Any, Iterator, Optional

import typer

from . import __version__
from .engine import clean
from .inputs import InputDocument, read_documents
from .output import ResumableOutput
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
    if article.provenance.rule == "none":  # refused: binary, beyond the limits, a parser failure
        return {**base, "error": article.provenance.reason, **document.extra}, None
    record = article.to_dict()
    record.update(base)
    for key, value in document.extra.items():
        record.setdefault(key, value)
    path = "fallback" if article.provenance.extractor == "fallback" else "rule"
    return record, f"{path}:{article.site or 'generic'}"


def _safe_record(document: InputDocument, default_url: Optional[str], site: Optional[str]) -> tuple[dict[str, Any], str | None]:
    """``_record``, with any failure turned into the document's error record."""
    try:
        return _record(document, default_url, site)
    except Exception as error:  # noqa: BLE001 - one bad document never stops the batch
        return {"source": document.source, "error": f"{type(error).__name__}: {error}"}, None


def _stop_on_sigterm() -> None:
    """A scheduler's SIGTERM stops the run like Ctrl-C: summary, partial output kept."""

    def handler(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, handler)


@app.command("clean")
def clean_command(
    inputs: list[str] = typer.Argument(
        ..., metavar="INPUT...", help="Files, folders (walked recursively) or - for stdin: .txt dumps, .html pages, .jsonl records, and .gz forms."
    ),
    output: Optional[Path] = typer.Option(
        None, "-o", "--output", help="Output file (default: stdout). Written through a hidden partial file, renamed when the run completes."
    ),
    output_format: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", "-f", help="jsonl (one record per document), text or markdown."),
    site: Optional[str] = typer.Option(None, "--site", help="Force a site rule (see `cleaner sites`)."),
    url: Optional[str] = typer.Option(None, "--url", help="Page URL for inputs that carry none (selects the rule by host)."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Write error records here, as JSON Lines (default: stderr)."),
    resume: bool = typer.Option(
        False, "--resume", help="Continue an interrupted run with the same -o and inputs: documents already written are skipped."
    ),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress on stderr (default: when stderr is a terminal)."),
) -> None:
    """Clean documents; one output record per input document, one error record per bad one.

    Ctrl-C (or SIGTERM) stops with a summary and keeps what was written; run the
    same command with --resume to continue. Exit status: 0 all clean, 1 some
    documents failed, 2 usage error, 130 interrupted.
    """
    if site is not None:
        from site_rules import rule_by_name

        if rule_by_name(site) is None:
            raise typer.BadParameter(f"unknown site {site!r}; see `cleaner sites`", param_hint="--site")
    if resume and output is None:
        raise typer.BadParameter("--resume continues an output file; give it with -o", param_hint="--resume")
    write = WRITERS[output_format.value]
    counts: Counter[str] = Counter()
    error_count = 0
    show_progress = sys.stderr.isatty() if progress is None else progress
    _stop_on_sigterm()
    sink = ResumableOutput(output, errors).open(resume=resume)
    complete = interrupted = False
    try:
        with _progress(show_progress) as tick:
            for document in read_documents(inputs):
                if document.source in sink.done:
                    continue
                record, path = _safe_record(document, url, site)
                sink.write(record, error=path is None, writer=write, error_writer=WRITERS["jsonl"])
                if path is None:
                    error_count += 1
                else:
                    counts[path] += 1
                tick()
        complete = True
    except KeyboardInterrupt:
        interrupted = True
    finally:
        sink.close(complete=complete)
    _summary(counts, error_count, resumed=len(sink.done))
    if interrupted:
        where = f"; partial output kept in {sink.partial}, run the same command with --resume to continue" if sink.partial else ""
        typer.echo(f"interrupted{where}", err=True)
        raise typer.Exit(130)
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


def _summary(counts: Counter[str], error_count: int, *, resumed: int = 0) -> None:
    documents = sum(counts.values()) + error_count
    per_site: Counter[str] = Counter()
    for key, n in counts.items():
        per_site[key.split(":", 1)[1]] += n
    fallbacks = sum(n for key, n in counts.items() if key.startswith("fallback:"))
    sites = ", ".join(f"{name} {n}" for name, n in sorted(per_site.items())) or "none"
    earlier = f" (and {resumed} written by the interrupted run)" if resumed else ""
    typer.echo(f"{documents} documents{earlier}: {sites}; fallbacks {fallbacks}; errors {error_count}", err=True)


@app.command("explain")
def explain_command(
    input_file: str = typer.Argument(..., metavar="FILE", help="A dump, a page, or a JSONL file (every record is explained); - for stdin."),
    url: Optional[str] = typer.Option(None, "--url", help="The page URL (selects the rule by host), where the input carries none."),
    site: Optional[str] = typer.Option(None, "--site", help="Force a site rule (see `cleaner sites`)."),
    full: bool = typer.Option(False, "--full", help="Show every block whole (default: cut at 100 characters)."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour the verdicts (default: when stdout is a terminal)."),
) -> None:
    """Show what the cleaner did: every input block KEEP, DROP or META with the rule and
    pattern that decided, the metadata found and where, and which rule, layout or
    fallback ran."""
    from .explain import VERDICT_STYLES, explain

    if site is not None:
        from site_rules import rule_by_name

        if rule_by_name(site) is None:
            raise typer.BadParameter(f"unknown site {site!r}; see `cleaner sites`", param_hint="--site")
    failed = False
    for number, document in enumerate(read_documents([input_file])):
        if number:
            typer.echo("")
        if document.error or document.content is None:
            typer.echo(f"{document.source}: error: {document.error}", err=True)
            failed = True
            continue
        article = clean(document.content, url=document.url or url, site=site)
        for line in explain(article, source=document.source, width=0 if full else 100):
            styled = typer.style(line.text, **VERDICT_STYLES[line.verdict]) if line.verdict in VERDICT_STYLES else line.text
            typer.echo(styled, color=color)
    raise typer.Exit(1 if failed else 0)


@app.command("report")
def report_command(
    inputs: list[str] = typer.Argument(..., metavar="INPUT...", help="Files, folders or - for stdin, as for `cleaner clean`."),
    output: Path = typer.Option(..., "-o", "--output", help="The HTML file to write (self-contained, no network)."),
    url: Optional[str] = typer.Option(None, "--url", help="Page URL for inputs that carry none."),
    site: Optional[str] = typer.Option(None, "--site", help="Force a site rule (see `cleaner sites`)."),
    max_views: int = typer.Option(2000, "--max-views", min=0, help="Per-document views to include (totals always count every document)."),
) -> None:
    """Write an HTML review of a batch: totals per site, fallback rate, how often each
    rule fired, drift warnings (a site over 10% fallbacks, empty bodies or missing
    signatures), and per document the input with dropped blocks struck through beside
    the clean text and metadata."""
    from .report import render_html, review

    if site is not None:
        from site_rules import rule_by_name

        if rule_by_name(site) is None:
            raise typer.BadParameter(f"unknown site {site!r}; see `cleaner sites`", param_hint="--site")
    batch = review(read_documents(inputs), url=url, site=site)
    page = render_html(batch, title=f"Cleaner review of {', '.join(inputs)}", max_views=max_views)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.partial")
    partial.write_text(page, encoding="utf-8")
    partial.replace(output)
    sites = ", ".join(f"{name} {t.documents}" for name, t in sorted(batch.sites.items()))
    typer.echo(f"{batch.total} documents: {sites}; fallback rate {batch.fallback_rate:.1%}; {len(batch.drift_warnings())} drift warnings -> {output}", err=True)
    for _, message in batch.drift_warnings():
        typer.echo(f"drift: {message}", err=True)


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
