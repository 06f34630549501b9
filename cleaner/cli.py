"""The ``cleaner`` command line: ``cleaner clean`` and ``cleaner sites``."""

from __future__ import annotations

import io
import json
import os
import signal
import sys
from functools import partial
import threading
from collections import Counter
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Any, Iterator, Optional

import typer

from . import __version__
from .article import GUIDE_FIELDS, Outcome
from .api import Cleaner
from .inert import for_terminal
from .options import CleanOptions
from .parallel import available_cores, map_ordered
from .schema import record_id
from .inputs import InputDocument, expand_paths, read_documents
from .output import ResumableOutput, ResumeMismatch
from .resume import fingerprint
from .writers import WRITERS, utf8

#: Plain help, as click formats it: paragraphs rewrapped to the terminal, no type labels
#: such as ``<bool>`` beside flags; ``-h`` as well as ``--help``.
HELP = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings=HELP,
    help="Clean pages of Indonesian news sites into article text and metadata.",
)


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"  # JSON Lines too
    text = "text"
    txt = "txt"
    markdown = "markdown"
    md = "md"


def _record(
    document: InputDocument, cleaner: Cleaner, default_url: Optional[str] = None, *, structure: bool = False
) -> tuple[dict[str, Any], str | None]:
    """The output record of one document, and the rule/fallback that made it (None on error).

    Never raises: any failure becomes the document's error record. ``structure`` adds
    which paragraphs are sub-headings, list items and quotations (for Markdown).
    """
    try:
        return _cleaned_record(document, cleaner, default_url, structure=structure)
    except (Exception, RecursionError) as error:  # noqa: BLE001 - one bad document never stops the batch
        return {"source": document.source, "error": f"{type(error).__name__}: {error}"[:ERROR_CHARS], "outcome": "failed"}, None


#: How much of a reason an error record cites: never the whole input.
ERROR_CHARS = 300
#: Keys the cleaner writes itself; an input's key of the same name is kept as ``input_<key>``.
RESERVED_KEYS = frozenset(
    ("source", "id", "error", "outcome", "paywalled", "provenance", "warnings", "decisions", "sources", *GUIDE_FIELDS)
)


def merge_input_keys(record: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Carry an input record's other keys; one that clashes with the cleaner's own is renamed ``input_<key>``."""
    for key, value in extra.items():
        name = key
        while name in RESERVED_KEYS or name in record:
            name = f"input_{name}"
        record[name] = value
    return record


def _cleaned_record(
    document: InputDocument, cleaner: Cleaner, default_url: Optional[str], *, structure: bool = False
) -> tuple[dict[str, Any], str | None]:
    base: dict[str, Any] = {"source": document.source}
    if document.id is not None:
        base["id"] = record_id(document.id)  # always a string: one schema for every output
    if document.error:
        return merge_input_keys({**base, "error": document.error[:ERROR_CHARS], "outcome": "refused"}, document.extra), None
    article = cleaner.clean_document(document, default_url=default_url)
    if article.outcome in (Outcome.REFUSED, Outcome.FAILED):  # empty, binary, beyond the limits, an internal failure
        error = (article.provenance.reason or "")[:ERROR_CHARS]
        return merge_input_keys({**base, "error": error, "outcome": article.outcome.value}, document.extra), None
    record = article.to_dict()
    record.update(base)
    merge_input_keys(record, document.extra)
    if structure:
        record["structure"] = [list(pair) for pair in article.structure]
    path = "fallback" if article.provenance.extractor == "fallback" else "rule"
    return record, f"{path}:{article.site or 'generic'}"


def _site_rule(site: Optional[str]) -> Any:
    """The rule ``--site`` names, in any case or by an alias (None when not given); an unknown
    name is a usage error that suggests the names it resembles."""
    if site is None:
        return None
    from site_rules import rule_by_name, suggest

    rule = rule_by_name(site)
    if rule is None:
        close = suggest(site)
        hint = f"; did you mean {' or '.join(close)}?" if close else "; see `cleaner sites`"
        raise typer.BadParameter(f"unknown site {site!r}{hint}", param_hint="--site")
    return rule


def _formatted_record(
    document: InputDocument, *, cleaner: Cleaner, default_url: Optional[str], output_format: str
) -> tuple[bytes, str, str | None]:
    """A document's record as the bytes to write, its source, and its rule path (None: an error).

    Runs in the worker processes of ``--jobs``: parsing, cleaning and formatting all
    happen there, and the main process only writes text.
    """
    record, path = _record(document.parsed(), cleaner, default_url, structure=output_format in ("markdown", "md"))
    buffer = io.StringIO()
    WRITERS["jsonl" if path is None else output_format](record, buffer)
    return utf8(buffer.getvalue()), document.source, path


def _crashed_record(document: InputDocument, error: BaseException) -> tuple[bytes, str, str | None]:
    """The error record of a document whose worker process died while cleaning it."""
    record = {"source": document.source, "error": f"the worker cleaning it died ({type(error).__name__})", "outcome": "failed"}
    return utf8(json.dumps(record, ensure_ascii=False) + "\n"), document.source, None


def _stop_on_sigterm() -> None:
    """A scheduler's SIGTERM stops the run like Ctrl-C: summary, partial output kept."""

    def handler(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, handler)


@app.command("clean", short_help="Clean dumps, pages, JSON Lines and WARCs into article records.")
def clean_command(
    inputs: list[str] = typer.Argument(
        ..., metavar="INPUT...",
        help="Files, folders (walked recursively) or - for stdin: .txt dumps, .html pages, .jsonl or .json records, .warc archives, "
        "their .gz forms, and files with no suffix (sniffed).",
    ),
    output: Optional[Path] = typer.Option(
        None, "-o", "--output", help="Output file (default: stdout). Written through a hidden partial file, renamed when the run completes; "
        "through a symbolic link, the file it points to. A second run on the same file is refused."
    ),
    output_format: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", "-f", help="jsonl (one record per document; also json), text (also txt: each article's text, then a line "
                                          "holding a form feed; no text, nothing) or markdown (also md)."),
    site: Optional[str] = typer.Option(None, "--site", help="Force a site rule (see `cleaner sites`)."),
    url: Optional[str] = typer.Option(None, "--url", help="Page URL of the one input, where it carries none (selects the rule by host); refused with several inputs."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Write error records here, as JSON Lines (default: stderr)."),
    resume: bool = typer.Option(
        False, "--resume", help="Continue an interrupted run with the same -o and inputs: documents already written are skipped. "
        "Refused, saying what differs, when an input or an option changed since."
    ),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Worker processes (default 0: one per available core); output order is kept."),
    keep_dateline: bool = typer.Option(False, "--keep-dateline", help="Keep the opening dateline at the start of the text."),
    fallback: bool = typer.Option(True, "--fallback/--no-fallback", help="For HTML no markup layout reads: the container holding its prose, else trafilatura (default on)."),
    min_chars: int = typer.Option(0, "--min-chars", min=0, help="Text shorter than this counts as no article (empty text, a warning)."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress on stderr (default: when stderr is a terminal)."),
    layouts: bool = typer.Option(True, "--layouts/--no-layouts", help="Read pages with the rules' markup layouts (default on); off, every page goes to the fallback, as after a redesign."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List the files a folder walk passed over, with the reason."),
    profile: Optional[Path] = typer.Option(
        None, "--profile", help="A host profile (`cleaner learn`): blocks recurring across a host's pages are dropped as host.repeated."
    ),
    learn: bool = typer.Option(False, "--learn", help="Learn a host profile from the inputs themselves first (reads them twice; not for stdin)."),
    min_share: Optional[float] = typer.Option(
        None, "--min-share", min=0.01, max=1.0, help="With a profile: the share of a host's pages a block must be on to go (default: the profile's, 0.4)."
    ),
) -> None:
    """Clean documents; one output record per input document, one error record per bad one.

    Ctrl-C (or SIGTERM) stops with a summary and keeps what was written; run the
    same command with --resume to continue. Exit status: 0 all clean, 1 some
    documents failed, 2 usage error (or a --resume of another run), 3 the output
    could not be written (a full disk: free space, then --resume; another run
    writing it), 130 interrupted.
    """
    _site_rule(site)
    _check_paths(inputs, output, errors)
    _check_url(inputs, url)
    if resume and output is None:
        raise typer.BadParameter("--resume continues an output file; give it with -o", param_hint="--resume")
    counts: Counter[str] = Counter()
    show_progress = sys.stderr.isatty() if progress is None else progress
    _stop_on_sigterm()
    cleaner = Cleaner(site=site, keep_dateline=keep_dateline, fallback=fallback, min_text_chars=min_chars, markup_layouts=layouts)
    cleaner = cleaner.with_profile(
        _host_profile(cleaner.options, inputs, profile=profile, learn=learn, min_share=min_share, url=url, site=site, jobs=jobs, progress=show_progress)
    )
    work = partial(_formatted_record, cleaner=cleaner, default_url=url, output_format=output_format.value)
    made_from = fingerprint(expand_paths(inputs), {
        "--format": output_format.value, "--site": site, "--url": url, "--errors": os.path.abspath(errors) if errors else None,
        "--keep-dateline": keep_dateline, "--fallback": fallback, "--min-chars": min_chars, "--layouts": layouts,
        "--profile": os.path.abspath(profile) if profile else None, "--learn": learn, "--min-share": min_share,
    }) if output is not None else None
    try:
        sink = ResumableOutput(output, errors, flush_every=64, made_from=made_from).open(resume=resume)
    except ResumeMismatch as mismatch:
        typer.echo(
            "cannot resume: the interrupted run was made from other inputs or options:\n  " + "\n  ".join(mismatch.differences)
            + "\nrun the same command without --resume to start over (the partial output is replaced)", err=True,
        )
        raise typer.Exit(2) from None
    except OSError as error:
        typer.echo(f"cannot write the output: {os_message(error)}", err=True)
        raise typer.Exit(3) from error
    counts.update(sink.resumed)
    skipped: list[tuple[str, str]] = []
    complete = interrupted = False
    write_failure: OSError | None = None
    try:
        with _progress(show_progress) as tick:
            todo = (document for document in read_documents(inputs, lazy_json=True, skipped=skipped) if document.source not in sink.done)
            for data, source, path in map_ordered(work, todo, jobs=jobs or available_cores(), chunk_size=128, on_crash=_crashed_record):
                sink.write_formatted(data, source=source, error=path is None, tag=path or "error")
                counts[path or "error"] += 1
                tick()
        complete = True
    except KeyboardInterrupt:
        interrupted = True
    except BrokenPipeError:  # `cleaner clean … | head`: the reader has what it wanted
        _quiet_stdout()
        raise typer.Exit(141) from None
    except OSError as error:  # a full disk, a vanished folder: what was journaled is kept for --resume
        write_failure = error
    except Exception as error:  # noqa: BLE001 - a bug of ours still ends in the summary, resumable
        write_failure = OSError(f"internal error: {type(error).__name__}: {error}")
    finally:
        try:
            sink.close(complete=complete)
        except BrokenPipeError:
            _quiet_stdout()
        except OSError as error:
            write_failure = write_failure or error
    _summary(counts, skipped=len(skipped), verbose=verbose)
    if sink.done:
        typer.echo(f"({len(sink.done):,} of them written before the interruption)", err=True)
    if verbose:
        for name, reason in skipped:
            typer.echo(for_terminal(f"skipped {name}: {reason}"), err=True)
    if write_failure is not None:
        where = f"; partial output kept in {sink.partial}" if sink.partial else ""
        typer.echo(f"cannot write the output: {write_failure.strerror or write_failure}{where}; free space and run the same command with --resume", err=True)
        raise typer.Exit(3)
    if interrupted:
        where = f"; partial output kept in {sink.partial}, run the same command with --resume to continue" if sink.partial else ""
        typer.echo(f"interrupted{where}", err=True)
        raise typer.Exit(130)
    raise typer.Exit(1 if counts["error"] else 0)


def _host_profile(
    options: CleanOptions, inputs: list[str], *, profile: Optional[Path], learn: bool, min_share: Optional[float],
    url: Optional[str], site: Optional[str], jobs: int, progress: bool,
) -> Any:
    """The host profile ``--profile`` names or ``--learn`` learns with ``options``, or None
    (usage errors exit 2)."""
    from .profile import Profile, ProfileError, summary

    if profile is not None and learn:
        raise typer.BadParameter("give --profile or --learn, not both", param_hint="--learn")
    if learn and "-" in inputs:
        raise typer.BadParameter(
            "--learn reads the inputs twice and standard input can be read once: save it to a file, "
            "or learn a profile first (`cleaner learn FILE... -o profile.json`) and give it with --profile", param_hint="--learn",
        )
    if min_share is not None and profile is None and not learn:
        raise typer.BadParameter("--min-share applies to a host profile: give --profile or --learn", param_hint="--min-share")
    loaded: Profile | None = None
    if profile is not None:
        try:
            loaded = Profile.load(profile)
        except ProfileError as error:
            raise typer.BadParameter(str(error), param_hint="--profile") from error
    elif learn:
        from .learning import learn_documents

        with _progress(progress) as tick:
            learner = learn_documents(
                read_documents(inputs, lazy_json=True), default_url=url, site=site, options=options, jobs=jobs or available_cores(), tick=tick
            )
        loaded = learner.profile()
        typer.echo(f"learned: {summary(learner, loaded)}", err=True)
    if loaded is not None and min_share is not None:
        loaded = loaded.with_thresholds(min_share=min_share)
    return loaded


def _quiet_stdout() -> None:
    """After a broken pipe, send what is left for stdout nowhere, so Python's exit says nothing."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def os_message(error: OSError) -> str:
    """An OS error as a sentence: its reason and the file, without ``[Errno N]``."""
    if error.strerror and error.filename:
        return f"{error.strerror}: {error.filename}"
    return error.strerror or str(error)


def _resolved(path: Path) -> Path:
    """``path`` with its links followed; a looping link stays as it is (it is no input's target)."""
    return Path(os.path.realpath(path))


def _check_paths(inputs: list[str], output: Optional[Path], errors: Optional[Path]) -> None:
    """Usage errors caught before any work: an input that does not exist (a typo found now,
    not at the end of a long batch), an output that is a folder, or that would overwrite an
    input or the other output."""
    missing = [item for item in inputs if item != "-" and not os.path.lexists(item)]
    if missing:
        raise typer.BadParameter(f"no such file or folder: {', '.join(missing[:5])}" + (f" and {len(missing) - 5} more" if len(missing) > 5 else ""), param_hint="INPUT")
    for option, path in (("-o", output), ("--errors", errors)):
        if path is not None and path.is_dir():
            raise typer.BadParameter(f"{path} is a folder; name a file", param_hint=option)
    if output is not None and errors is not None and _resolved(output) == _resolved(errors):
        raise typer.BadParameter("-o and --errors name the same file; give each its own", param_hint="--errors")
    for option, path in (("-o", output), ("--errors", errors)):
        if path is None:
            continue
        target = _resolved(path)
        for item in inputs:
            if item == "-":
                continue
            source = _resolved(Path(item))
            if target == source or (source.is_dir() and source in target.parents):
                raise typer.BadParameter(f"{path} would overwrite or be read as an input ({item})", param_hint=option)


def _check_url(inputs: list[str], url: Optional[str]) -> None:
    """``--url`` names one page: with several inputs (or a folder) every one would carry it."""
    if url is not None and (len(inputs) > 1 or any(item != "-" and os.path.isdir(item) for item in inputs)):
        raise typer.BadParameter(
            "--url is the address of one page, and would be stamped on every input; give one file, "
            "or the addresses in the inputs (a url key in JSON Lines, an INDEX.tsv manifest beside the files)",
            param_hint="--url",
        )


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


def plural(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")


def _summary(counts: Counter[str], *, skipped: int = 0, verbose: bool = False) -> None:
    """One line: documents, per site, fallbacks, errors (and files a folder walk passed over)."""
    error_count = counts.get("error", 0)
    documents = sum(counts.values())
    per_site: Counter[str] = Counter()
    for key, n in counts.items():
        if key != "error":
            per_site[key.split(":", 1)[1]] += n
    fallbacks = sum(n for key, n in counts.items() if key.startswith("fallback:"))
    sites = ", ".join(f"{name} {n:,}" for name, n in sorted(per_site.items())) or "none"
    passed = f"; {plural(skipped, 'file')} passed over" + ("" if verbose else " (--verbose lists them)") if skipped else ""
    typer.echo(f"{plural(documents, 'document')}: {sites}; {plural(fallbacks, 'fallback')}; {plural(error_count, 'error')}{passed}", err=True)


@app.command("fetch", short_help="Fetch pages politely into a WARC archive (and clean them).")
def fetch_command(
    urls: Optional[list[str]] = typer.Argument(None, metavar="[URL]...", help="Article URLs to fetch."),
    output: Path = typer.Option(..., "-o", "--output", help="The WARC archive (.warc.gz) to append to; a re-run skips the URLs it holds."),
    url_file: Optional[Path] = typer.Option(None, "--urls", help="A file of URLs, one per line (# comments allowed)."),
    feeds: Optional[list[str]] = typer.Option(None, "--feed", help="An RSS or Atom feed whose entries to fetch (repeatable)."),
    sitemaps: Optional[list[str]] = typer.Option(None, "--sitemap", help="A sitemap, sitemap index or news sitemap, .gz read too (repeatable)."),
    site: Optional[str] = typer.Option(None, "--site", help="With --latest: the site whose declared feeds and sitemaps to read."),
    latest: bool = typer.Option(False, "--latest", help="Discover fresh articles from the --site rule's feeds and sitemaps."),
    clean_output: Optional[Path] = typer.Option(None, "--clean", help="Also clean each page as it arrives into this JSONL file (as `cleaner clean` writes it)."),
    max_pages: Optional[int] = typer.Option(None, "--max-pages", min=1, help="Fetch at most this many pages this run."),
    delay: float = typer.Option(1.0, "--delay", min=0.0, help="Seconds between requests to one host (raised to its robots.txt Crawl-delay)."),
    concurrency: int = typer.Option(8, "--concurrency", min=1, help="Requests in flight across all hosts (one per host at most)."),
    contact: Optional[str] = typer.Option(None, "--contact", help="An e-mail or URL added to the User-Agent so site owners can reach you."),
    timeout: float = typer.Option(30.0, "--timeout", min=0.1, help="Read timeout in seconds (connect: the smaller of this and 10)."),
    max_bytes: int = typer.Option(10_000_000, "--max-bytes", min=1, help="Largest body accepted."),
    max_redirects: int = typer.Option(5, "--max-redirects", min=0, help="Redirects followed per URL."),
    retries: int = typer.Option(3, "--retries", min=0, help="Retries on timeouts, connection errors, 5xx and 429."),
    backoff: float = typer.Option(1.0, "--backoff", min=0.0, help="First retry wait in seconds, doubled per attempt, with jitter."),
    max_retry_after: float = typer.Option(120.0, "--max-retry-after", min=0.0, help="Cap on a server's Retry-After, in seconds."),
    robots_retry: float = typer.Option(60.0, "--robots-retry", min=0.0, help="Wait before asking again for a robots.txt that failed (5xx, no answer)."),
    max_crawl_delay: float = typer.Option(60.0, "--max-crawl-delay", min=0.0, help="Cap on a robots.txt Crawl-delay, in seconds (the summary says when a host's was cut)."),
    deadline: float = typer.Option(120.0, "--deadline", min=0.1, help="Seconds one request may take in all, however slowly the server sends."),
    max_sitemaps: int = typer.Option(500, "--max-sitemaps", min=1, help="Sitemaps read this run, the given ones included (the summary counts those left)."),
    max_sitemap_depth: int = typer.Option(2, "--max-sitemap-depth", min=0, help="Sitemap indexes within indexes followed (0: only the sitemaps given)."),
    revisit: bool = typer.Option(False, "--revisit", help="Ask again for pages the archive holds, conditionally (ETag, Last-Modified): 304s are archived as revisits, changed pages anew."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="A line per URL on stderr (default: when stderr is a terminal)."),
) -> None:
    """Fetch pages politely into a WARC archive, and optionally clean them as they arrive.

    robots.txt is obeyed (RFC 9309), one request at a time per host with --delay
    between them, retries back off, and a final summary counts fetched, not
    modified, skipped and failed URLs by reason. Exit status: 0 all fetched,
    1 some URLs failed, 2 usage error, 130 interrupted.
    """
    from .fetch import Crawler, FetchSettings
    from .fetch.crawler import FetchedPage
    from .inputs import charset_of
    from .fetch.store import ArchiveBusy, WarcStore, now_utc, read_responses

    if latest and site is None:
        raise typer.BadParameter("--latest needs --site NAME", param_hint="--latest")
    rule = _site_rule(site)
    seeds = list(urls or [])
    if url_file is not None:
        try:
            seeds += [line.strip() for line in url_file.read_text(encoding="utf-8").splitlines() if line.strip() and not line.lstrip().startswith("#")]
        except OSError as error:
            raise typer.BadParameter(f"cannot read {url_file}: {error.strerror}", param_hint="--urls") from error
    feed_urls, sitemap_urls = list(feeds or []), list(sitemaps or [])
    if latest and rule is not None:
        feed_urls += list(rule.latest_feeds)
        sitemap_urls += list(rule.latest_sitemaps)
        if not (rule.latest_feeds or rule.latest_sitemaps):
            raise typer.BadParameter(f"the {rule.name} rule declares no feeds or sitemaps", param_hint="--latest")
    if not (seeds or feed_urls or sitemap_urls):
        raise typer.BadParameter("give URLs, --urls FILE, --feed, --sitemap, or --site NAME --latest")

    settings = FetchSettings(
        delay=delay, concurrency=concurrency, contact=contact, connect_timeout=min(timeout, 10.0), read_timeout=timeout,
        max_bytes=max_bytes, max_redirects=max_redirects, retries=retries, backoff=backoff,
        max_retry_after=max_retry_after, robots_retry=robots_retry, max_crawl_delay=max_crawl_delay, deadline=deadline,
        revisit=revisit, max_sitemaps=max_sitemaps, max_sitemap_depth=max_sitemap_depth,
    )
    show_progress = sys.stderr.isatty() if progress is None else progress
    _stop_on_sigterm()
    try:
        store = WarcStore(output).open()  # locked: a second run on one archive is refused, never interleaved
    except ArchiveBusy as error:
        typer.echo(f"Error: {error}", err=True)
        raise typer.Exit(2) from None
    except OSError as error:
        typer.echo(f"Error: cannot open {output}: {error.strerror}", err=True)
        raise typer.Exit(2) from None
    sink = ResumableOutput(clean_output).open(resume=True, extend=True) if clean_output else None
    cleaner = Cleaner(site=site)
    cleaned = 0

    def clean_page(page: FetchedPage) -> None:
        nonlocal cleaned
        if sink is None or (page.final_url in sink.done and page.updates is None):
            return
        document = InputDocument(
            page.final_url, content=page.body, url=page.final_url, encoding=page.charset,
            when=page.date or now_utc().strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
        record, path = _record(document, cleaner)
        if page.updates is not None:
            record["updates"] = page.updates  # a revisit found the page changed: this record supersedes that copy
        sink.write(record, error=path is None, writer=WRITERS["jsonl"], error_writer=WRITERS["jsonl"])
        sink.done.add(page.final_url)
        cleaned += 1

    if sink is not None:  # pages stored by an earlier run but never cleaned (a crash between the two)
        for stored in read_responses(output):
            if stored.status == 200:
                content_type = next((v for k, v in stored.headers.items() if k.lower() == "content-type"), None)
                clean_page(FetchedPage(stored.url, stored.url, stored.body, charset_of(content_type), date=stored.date))
    crawler = Crawler(settings, store, on_page=clean_page, on_progress=(lambda line: typer.echo(for_terminal(line), err=True)) if show_progress else None, max_pages=max_pages)
    for feed in feed_urls:
        crawler.add(feed, "feed")
    for sitemap in sitemap_urls:
        crawler.add(sitemap, "sitemap")
    for seed in seeds:
        crawler.add(seed)
    complete = interrupted = False
    try:
        summary = crawler.run()
        complete = True
    except KeyboardInterrupt:
        interrupted, summary = True, crawler.summary
    finally:
        store.close()
        if sink is not None:
            sink.close(complete=complete)
    for url_, reason in summary.failures:
        typer.echo(for_terminal(f"failed: {url_}: {reason}"), err=True)
    typer.echo(summary.line() + f" -> {output}" + (f"; cleaned {cleaned} -> {clean_output}" if sink is not None else ""), err=True)
    if interrupted:
        typer.echo("interrupted; run the same command again to continue (stored URLs are skipped)", err=True)
        raise typer.Exit(130)
    raise typer.Exit(1 if summary.failures else 0)


@app.command("explain", short_help="Show why each block was kept, dropped or read as metadata.")
def explain_command(
    input_file: str = typer.Argument(..., metavar="FILE", help="A dump, a page, or a JSONL file (every record is explained); - for stdin."),
    url: Optional[str] = typer.Option(None, "--url", help="The page URL (selects the rule by host), where the input carries none."),
    site: Optional[str] = typer.Option(None, "--site", help="Force a site rule (see `cleaner sites`)."),
    full: bool = typer.Option(False, "--full", help="Show every block whole (default: cut at 100 characters)."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour the verdicts (default: when stdout is a terminal)."),
    profile: Optional[Path] = typer.Option(None, "--profile", help="A host profile (`cleaner learn`): its drops are shown as host.repeated with their figures."),
) -> None:
    """Show what the cleaner did: every input block KEEP, DROP or META with the rule and
    pattern that decided, the metadata found and where, and which rule, layout or
    fallback ran."""
    from .explain import VERDICT_STYLES, explain

    _site_rule(site)
    cleaner = Cleaner(site=site)
    cleaner = cleaner.with_profile(
        _host_profile(cleaner.options, [input_file], profile=profile, learn=False, min_share=None, url=url, site=site, jobs=1, progress=False)
    )
    failed = False
    for number, document in enumerate(read_documents([input_file])):
        if number:
            typer.echo("")
        if document.error or document.content is None:
            typer.echo(for_terminal(f"{document.source}: error: {document.error}"), err=True)
            failed = True
            continue
        article = cleaner.clean_document(document.parsed(), default_url=url)
        for line in explain(article, source=document.source, width=0 if full else 100):
            styled = typer.style(line.text, **VERDICT_STYLES[line.verdict]) if line.verdict in VERDICT_STYLES else line.text
            typer.echo(styled, color=color)
    raise typer.Exit(1 if failed else 0)


@app.command("report", short_help="Write an HTML review of a batch, with drift warnings.")
def report_command(
    inputs: list[str] = typer.Argument(..., metavar="INPUT...", help="Files, folders or - for stdin, as for `cleaner clean`."),
    output: Path = typer.Option(..., "-o", "--output", help="The HTML file to write (self-contained, no network)."),
    url: Optional[str] = typer.Option(None, "--url", help="Page URL for inputs that carry none."),
    site: Optional[str] = typer.Option(None, "--site", help="Force a site rule (see `cleaner sites`)."),
    max_views: int = typer.Option(2000, "--max-views", min=0, help="Per-document views to include (totals always count every document)."),
    profile: Optional[Path] = typer.Option(None, "--profile", help="A host profile (`cleaner learn`): its drops are struck through as host.repeated."),
) -> None:
    """Write an HTML review of a batch: totals per site, fallback rate, how often each
    rule fired, drift warnings (a site over 10% fallbacks, empty bodies or missing
    signatures), and per document the input with dropped blocks struck through beside
    the clean text and metadata."""
    from .report import input_root, render_html, review

    from .output import write_whole

    _site_rule(site)
    _check_paths(inputs, output, None)
    _check_url(inputs, url)
    cleaner = Cleaner(site=site)
    cleaner = cleaner.with_profile(
        _host_profile(cleaner.options, inputs, profile=profile, learn=False, min_share=None, url=url, site=site, jobs=1, progress=False)
    )
    batch = review(read_documents(inputs), cleaner, url=url, root=input_root(inputs))
    page = render_html(batch, title=f"Cleaner review of {', '.join(inputs)}", max_views=max_views)
    try:
        write_whole(output, page.encode("utf-8"))
    except OSError as error:
        typer.echo(f"cannot write the report: {os_message(error)}", err=True)
        raise typer.Exit(3) from error
    sites = ", ".join(f"{name} {t.documents}" for name, t in sorted(batch.sites.items()))
    typer.echo(f"{batch.total} documents: {sites}; fallback rate {batch.fallback_rate:.1%}; {len(batch.drift_warnings())} drift warnings -> {output}", err=True)
    for _, message in batch.drift_warnings():
        typer.echo(f"drift: {message}", err=True)


@app.command("learn", short_help="Learn a host profile: each outlet's recurring boilerplate, from a batch.")
def learn_command(
    inputs: list[str] = typer.Argument(..., metavar="INPUT...", help="Files, folders or - for stdin, as for `cleaner clean`."),
    output: Path = typer.Option(..., "-o", "--output", help="The profile to write (JSON, with its schema version)."),
    url: Optional[str] = typer.Option(None, "--url", help="Page URL for inputs that carry none (a page with no URL has no host and teaches nothing)."),
    site: Optional[str] = typer.Option(None, "--site", help="Force a site rule (see `cleaner sites`)."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Worker processes (default 0: one per available core)."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress on stderr (default: when stderr is a terminal)."),
    min_share: float = typer.Option(0.4, "--min-share", min=0.01, max=1.0, help="Share of a host's distinct pages a block must be on to go."),
    min_pages: int = typer.Option(3, "--min-pages", min=2, help="Distinct pages a block must be on to go (and a host must have)."),
    max_words: int = typer.Option(40, "--max-words", min=1, help="A recurring block of more words never goes."),
    sentence_words: int = typer.Option(
        12, "--sentence-words", min=1, help="A recurring sentence of this many words goes only where other blocks part it from the article."
    ),
) -> None:
    """Learn a host profile from a batch: per host (registered domain), the blocks the
    cleaner keeps that recur across the host's distinct articles (copies of one article,
    m./www./AMP, re-crawls, syndication, count once), with how many pages show each, an
    example URL and where they sat. Give it to `cleaner clean --profile`. The thresholds
    are stored in the profile; clean --min-share changes the share."""
    from .learning import learn_documents
    from .profile import Thresholds, summary

    _site_rule(site)
    _check_paths(inputs, output, None)
    if output.suffix.lower() != ".json":
        raise typer.BadParameter(f"{output}: a profile is a .json file", param_hint="-o")
    try:
        thresholds = Thresholds(min_share=min_share, min_pages=min_pages, max_words=max_words, sentence_words=sentence_words)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from error
    show_progress = sys.stderr.isatty() if progress is None else progress
    _stop_on_sigterm()
    try:
        with _progress(show_progress) as tick:
            learner = learn_documents(read_documents(inputs, lazy_json=True), default_url=url, site=site, jobs=jobs or available_cores(), tick=tick)
    except KeyboardInterrupt:
        typer.echo("interrupted; no profile written", err=True)
        raise typer.Exit(130) from None
    profile = learner.profile(thresholds)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        profile.dump(output)
    except OSError as error:
        typer.echo(f"cannot write the profile: {error.strerror or error}", err=True)
        raise typer.Exit(3) from error
    typer.echo(f"{summary(learner, profile)} -> {output}", err=True)


@app.command("sites", short_help="List the site rules, their hosts, layouts and origins.")
def sites_command() -> None:
    """List the site rules: where each comes from (built in or a plug-in), its hosts and layouts."""
    from site_rules import registry

    rules = registry()
    for rule in rules.rules:
        hosts = ", ".join(rule.hosts) or "any other host (site null)"
        layouts = ", ".join([layout.name for layout in rule.layouts] + [f"{layout.name} (html)" for layout in rule.html_layouts]) or "-"
        doc = _plain(next(iter((type(rule).__doc__ or sys.modules[type(rule).__module__].__doc__ or "").strip().splitlines()), ""))
        typer.echo(f"{rule.name:<14} {doc}\n{'':<14} origin: {rules.origins.get(rule.name, '?')}\n{'':<14} hosts: {hosts}\n{'':<14} layouts: {layouts}")
    for problem in rules.problems:
        typer.echo(f"warning: {problem}", err=True)


def _plain(docstring: str) -> str:
    """A docstring's reStructuredText literals (````jabar.````, ```x```) as plain words, for a terminal."""
    import re

    return re.sub(r"`+([^`]+)`+", r"\1", docstring)


fixtures_app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings=HELP,
    help="Per-site regression fixtures: save a page with its expected output, check it after every change.",
)
app.add_typer(fixtures_app, name="fixtures", short_help="Per-site regression fixtures: new, check, update.")


class CheckFormat(str, Enum):
    table = "table"
    json = "json"


def _fixture_inputs(inputs: list[str], url: Optional[str]) -> Iterator[tuple[bytes, str, Optional[str], str]]:
    """(content, kind, url, name hint) per page or dump: files, WARCs (each page), URLs (fetched once)."""
    import tempfile

    from .decode import looks_like_html
    from .inputs import read_documents

    for item in inputs:
        if item.startswith(("http://", "https://")):
            from .fetch import Crawler, FetchSettings
            from .fetch.crawler import FetchedPage
            from .fetch.store import WarcStore

            pages: list[FetchedPage] = []
            with tempfile.TemporaryDirectory() as folder:
                store = WarcStore(Path(folder) / "fetched.warc.gz").open()
                try:
                    crawler = Crawler(FetchSettings(), store, on_page=pages.append, max_pages=1)
                    crawler.add(item)
                    summary = crawler.run()
                    crawler_failures = summary.failures
                finally:
                    store.close()
            if not pages:
                reason = "; ".join(f"{u}: {r}" for u, r in crawler_failures) or "nothing fetched (robots.txt or a redirect away?)"
                raise typer.BadParameter(f"could not fetch {item}: {reason}")
            page = pages[0]
            body = page.body if isinstance(page.body, bytes) else page.body.encode("utf-8")
            yield body, "html", page.final_url, page.final_url
            continue
        for document in read_documents([item]):
            if document.error or document.content is None:
                raise typer.BadParameter(f"cannot read {document.source}: {document.error}")
            content = document.content if isinstance(document.content, bytes) else document.content.encode("utf-8")
            text = content[:4096].decode("utf-8", errors="replace")
            kind = "html" if looks_like_html(text) else "txt"
            page_url = document.url or url
            yield content, kind, page_url, page_url or Path(document.source.split(":")[0]).name


@fixtures_app.command("new", short_help="Save inputs as fixtures with their current output.")
def fixtures_new(
    inputs: list[str] = typer.Argument(..., metavar="INPUT...", help="Saved pages or dumps, WARC files (every page in them), or URLs (fetched once, politely)."),
    folder: Path = typer.Option(..., "--dir", help="The fixture folder; each fixture goes to DIR/<site>/."),
    url: Optional[str] = typer.Option(None, "--url", help="The page's address, for a file that does not carry one."),
    name: Optional[str] = typer.Option(None, "--name", help="The fixture's name (default: from the URL or the file name)."),
) -> None:
    """Save inputs as fixtures with their current output as the expected record, marked
    unreviewed. Review each expected record against the GUIDE, fix what is wrong, then
    `cleaner fixtures update --reviewed`."""
    from . import fixtures as fx

    if name is not None:
        try:
            fx.check_name(name)
        except ValueError as error:
            raise typer.BadParameter(str(error), param_hint="--name") from None
    documents = list(_fixture_inputs(inputs, url))
    written = 0
    for number, (content, kind, page_url, hint) in enumerate(documents, 1):
        chosen = fx.fixture_name(hint) if not name else name if len(documents) == 1 else f"{name}-{number}"
        fixture, article = fx.new(content, kind=kind, folder=folder, url=page_url, name=chosen)
        written += 1
        path = f"{article.provenance.extractor} {article.provenance.rule}" + (f", layout {article.provenance.layout}" if article.provenance.layout else "")
        typer.echo(f"wrote {fixture.input} ({path}; outcome {article.outcome.value})")
        typer.echo(f"  review {fixture.expected_path}: title {article.title!r}, {len(article.text):,} characters of text, "
                   f"{len(article.authors)} author{'s' if len(article.authors) != 1 else ''}, published {article.published}")
        for warning in article.warnings:
            typer.echo(f"  warning: {warning}")
    typer.echo(f"{written} fixture{'s' if written != 1 else ''} written, unreviewed; `cleaner fixtures check {folder}` compares them from now on")


@fixtures_app.command("check", short_help="Compare every fixture with its expected record.")
def fixtures_check(
    folders: list[Path] = typer.Argument(..., metavar="DIR...", help="Fixture folders (walked recursively)."),
    output_format: CheckFormat = typer.Option(CheckFormat.table, "--format", "-f", help="table (for people) or json (for machines)."),
) -> None:
    """Clean every fixture with its URL and compare every field with its expected record.
    Exit status: 0 nothing changed, 1 something changed, 2 usage error."""

    from . import fixtures as fx

    found = fx.find(folders)
    if not found:
        raise typer.BadParameter(f"no fixtures (an input with an .expected.json beside it) under {', '.join(map(str, folders))}")
    results = list(fx.check_all(found))
    counts = fx.tally(results)
    changed = sum(result.changed for result in results)
    if output_format is CheckFormat.json:
        typer.echo(json.dumps({
            "sites": {site: vars(t) for site, t in counts.items()},
            "changed": [result.to_dict() for result in results if result.changed],
            "unreviewed": [result.fixture.label for result in results if not result.reviewed],
        }, ensure_ascii=False, indent=2))
    else:
        typer.echo(f"{'site':<16}{'fixtures':>9}{'unchanged':>10}{'changed':>9}{'unreviewed':>11}")
        for site, t in counts.items():
            typer.echo(f"{site:<16}{t.fixtures:>9}{t.unchanged:>10}{t.changed:>9}{t.unreviewed:>11}")
        for result in results:
            if result.changed:
                typer.echo("")
                for line in result.report():
                    typer.echo(line)
        typer.echo(f"\n{len(results)} fixture{'s' if len(results) != 1 else ''}, {changed} changed", err=True)
    raise typer.Exit(1 if changed else 0)


@fixtures_app.command("update", short_help="Accept the current output of fixtures after review.")
def fixtures_update(
    folders: list[Path] = typer.Argument(..., metavar="DIR...", help="Fixture folders (walked recursively)."),
    only: Optional[list[str]] = typer.Option(None, "--only", help="Update only these fixtures (a name, or site/name); repeatable."),
    reviewed: bool = typer.Option(False, "--reviewed", help="Also mark the fixtures as reviewed."),
) -> None:
    """Accept the current output of the fixtures as their expected records (after you
    reviewed what `check` shows)."""
    from . import fixtures as fx

    chosen = [f for f in fx.find(folders) if not only or f.name in only or f.label in only]
    if not chosen:
        raise typer.BadParameter("no fixture matches" + (f" --only {', '.join(only)}" if only else ""))
    updated = 0
    for fixture in chosen:
        result = fx.update(fixture, reviewed=True if reviewed else None)
        if result.changes:
            updated += 1
            typer.echo(f"updated {fixture.label}: {', '.join(c.field for c in result.changes)}")
    typer.echo(f"{len(chosen)} fixture{'s' if len(chosen) != 1 else ''}, {updated} updated" + ("; marked reviewed" if reviewed else ""), err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cleaner {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Optional[bool] = typer.Option(None, "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Clean pages of Indonesian news sites into article text and metadata."""


def main() -> None:
    try:
        app()
    finally:
        # A reader gone at the last moment (``… | head``): what is left for stdout goes
        # nowhere, so the interpreter's own flush at exit prints no traceback.
        try:
            sys.stdout.flush()
        except (BrokenPipeError, ValueError):
            try:
                _quiet_stdout()
            except (OSError, ValueError):
                pass


if __name__ == "__main__":
    main()
