"""A datatrove ``PipelineStep`` that cleans Indonesian news pages (extra ``[datatrove]``).

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.integrations.datatrove import IndonesianNewsCleaner

    if __name__ == "__main__":  # datatrove starts its workers by forkserver: guard the entry point
        LocalPipelineExecutor(pipeline=[
            WarcReader("crawl/"), IndonesianNewsCleaner(min_text_chars=200), JsonlWriter("clean/"),
        ], tasks=4).run()

Each document's ``text`` (a raw dump or an HTML page, as readers give it; or the
metadata key ``html_key`` names) is replaced by the clean article text;
``metadata["url"]`` picks the site rule; the article's fields are merged into
``metadata`` with one type each in every document, so columnar writers (``ParquetWriter``)
keep one schema: strings (``""`` where the article has none), lists joined by ``"; "``
(``authors``, ``editors``, ``tags``), booleans (``cleaner_paywalled``,
``cleaner_no_article``), and ``cleaner_outcome``, ``cleaner_reason``, ``cleaner_rule``,
``cleaner_warnings`` (joined by newlines). A document with no article (a listing page, a
refused input, text under ``min_text_chars``) is dropped and counted (``dropped``,
``dropped_no_article``) and, as datatrove's filters do, written to ``exclusion_writer``
with ``metadata["filter_reason"]``; or with ``drop_non_articles=False`` kept, tagged
``cleaner_no_article``, with empty text (never the raw page). ``time_limit`` bounds the
seconds one document may take (``failed`` beyond it). Stats: ``total``, ``forwarded``,
``dropped``, a count per outcome and per rule (``rule_tempo``, ``fallback_trafilatura``, …).

Common Crawl's WET files: ``WarcReader`` reads their ``conversion`` records too, each a
document whose text is the page's plain text (a dump, cleaned as one), ``id`` its
WARC-Record-ID, ``metadata["url"]`` its WARC-Target-URI and ``metadata["date"]`` its
WARC-Date (the era), all used here. (``WarcReader`` keeps no ``WARC-Refers-To``; the CLI
carries it.)

``profile`` is the path of a host profile (``cleaner learn``, or ``LearnHostProfile``
below on a sample in a first pipeline): each host's recurring blocks go as ``host.repeated``.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from contextlib import contextmanager, nullcontext
from typing import Any, Iterable, Iterator

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.utils.typeshelper import StatHints

from ..api import Cleaner
from ..article import GUIDE_FIELDS, Article, Outcome
from ..inputs import InputDocument

#: GUIDE fields merged into ``Document.metadata`` (``text`` replaces the document's text).
METADATA_FIELDS = tuple(key for key in GUIDE_FIELDS if key != "text")


#: Keys whose values are lists of names, joined by ``LIST_SEPARATOR`` in the metadata.
LIST_FIELDS = frozenset(("authors", "editors", "tags"))
LIST_SEPARATOR = "; "


def article_metadata(article: Article, reader_url: Any = None) -> dict[str, Any]:
    """The article's fields as flat metadata of one type each (strings and booleans).

    Every key is set in every document (``url``: the article's, else the reader's, else ``""``).
    """
    record = article.to_dict()
    metadata: dict[str, Any] = {}
    for key in METADATA_FIELDS:
        value = record[key]
        if key == "url":
            value = value or (reader_url if isinstance(reader_url, str) else None)
        metadata[key] = LIST_SEPARATOR.join(value) if key in LIST_FIELDS else (value or "")
    provenance = article.provenance
    metadata["cleaner_rule"] = f"{provenance.extractor}:{provenance.rule}" + (f":{provenance.layout}" if provenance.layout else "")
    metadata["cleaner_warnings"] = "\n".join(article.warnings)
    metadata["cleaner_outcome"] = article.outcome.value
    metadata["cleaner_paywalled"] = article.paywalled
    metadata["cleaner_reason"] = provenance.reason or ""
    metadata["cleaner_no_article"] = article.outcome is not Outcome.ARTICLE
    return metadata


def keep_empty_text(writer: Any, document: Document) -> dict[str, Any]:
    """A writer ``adapter`` that keeps every field, an empty ``text`` included.

    datatrove's default adapter leaves out empty values, so a kept non-article (empty
    text, with ``drop_non_articles=False``) would change a columnar file's schema:
    ``ParquetWriter("out/", adapter=keep_empty_text)`` writes every document.
    """
    return {"text": document.text, "id": document.id, "metadata": document.metadata}


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``TimeoutError`` in this block after ``seconds`` (main thread only; elsewhere no limit)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise TimeoutError(f"took longer than the time limit of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    started = time.monotonic()
    outer, interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # someone else's timer was running (pytest-timeout, a scheduler): give back what is left
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 0.001), interval)


class IndonesianNewsCleaner(PipelineStep):
    """Clean each document into article text and merge the article's metadata."""

    name = "🧹 Indonesian news cleaner"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        *,
        rules: Iterable[str] | None = None,
        fallback: bool = True,
        keep_dateline: bool = False,
        min_text_chars: int = 0,
        drop_non_articles: bool = True,
        url_key: str = "url",
        html_key: str | None = None,
        exclusion_writer: Any = None,
        time_limit: float | None = 60.0,
        markup_layouts: bool = True,
        profile: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__()
        self.cleaner = Cleaner(
            rules=rules, fallback=fallback, keep_dateline=keep_dateline, min_text_chars=min_text_chars, markup_layouts=markup_layouts,
            profile=profile,
        )
        self.drop_non_articles = drop_non_articles
        self.url_key = url_key
        self.html_key = html_key
        self.exclusion_writer = exclusion_writer
        self.time_limit = time_limit

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        with self.exclusion_writer if self.exclusion_writer else nullcontext() as excluded:
            for document in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    article = self._clean(document)
                provenance = article.provenance
                self.stat_update(f"{provenance.extractor}_{provenance.rule}")
                self.stat_update(f"outcome_{article.outcome.value}")
                no_article = article.outcome is not Outcome.ARTICLE
                # A non-article gets empty text, never the raw page it came as.
                document.text = article.text
                merged = article_metadata(article, document.metadata.get(self.url_key))
                for key in merged:  # the step's keys last, in one order, whatever the reader gave
                    document.metadata.pop(key, None)
                document.metadata.update(merged)
                if no_article:
                    self.stat_update("no_article")
                    if self.drop_non_articles:
                        self.stat_update(StatHints.dropped, "dropped_no_article")
                        if excluded is not None:
                            document.metadata["filter_reason"] = f"{article.outcome.value}: {provenance.reason or ''}"
                            excluded.write(document, rank)
                        continue
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(document)
                yield document

    def _clean(self, document: Document) -> Article:
        """Through ``Cleaner.clean_document``, as every other caller (``document_input``)."""
        source = document_input(document, self.url_key, self.html_key)
        url = source.url
        try:
            with _time_limit(self.time_limit):
                return self.cleaner.clean_document(source)
        except TimeoutError as error:  # raised between the engine's own guards: still one record
            from ..engine import refused

            return refused(str(error), url=url, outcome=Outcome.FAILED)


def document_input(document: Document, url_key: str, html_key: str | None) -> InputDocument:
    """What a step cleans of a document, as the CLI's inputs give it: the HTML under ``html_key``
    where there is some, else its text; its URL; and the date a WARC reader puts in
    ``metadata["date"]`` (the era whose layouts go first) and a charset where one is given."""
    metadata = document.metadata
    url = metadata.get(url_key)
    html = metadata.get(html_key) if html_key else None
    content = html if isinstance(html, (str, bytes)) and html else document.text
    when = next((metadata[key] for key in ("date", "when") if isinstance(metadata.get(key), str)), None)
    charset = metadata.get("charset") or metadata.get("encoding")
    return InputDocument(
        str(document.id), content=content, url=url if isinstance(url, str) else None, when=when,
        encoding=charset if isinstance(charset, str) else None,
    )


class LearnHostProfile(PipelineStep):
    """Learn a host profile from the documents that pass (a sample), written to ``output`` at the end.

    The first of two pipelines: ``JsonlReader(..., limit=N)`` → ``LearnHostProfile("profile.json")``
    with ``tasks=1``; the second cleans with ``IndonesianNewsCleaner(profile="profile.json")``.
    Documents pass through unchanged; ``url_key`` and ``html_key`` as in the cleaning step.
    """

    name = "🧹 host profile learner"
    type = "📊 - STATS"

    def __init__(self, output: str | os.PathLike[str], *, url_key: str = "url", html_key: str | None = None, min_share: float = 0.4) -> None:
        super().__init__()
        from ..profile import Thresholds

        self.output = output
        self.url_key = url_key
        self.html_key = html_key
        self.thresholds = Thresholds(min_share=min_share)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        from ..learning import learn_documents
        from ..profile import Learner

        if world_size != 1:
            raise ValueError("LearnHostProfile counts a host's pages in one place: run its pipeline with tasks=1")
        learner = Learner()
        for document in data:
            learn_documents([document_input(document, self.url_key, self.html_key)], learner=learner)
            self.stat_update("learned_from")
            yield document
        learner.profile(self.thresholds).dump(self.output)


__all__ = ["Document", "IndonesianNewsCleaner", "LearnHostProfile", "article_metadata", "keep_empty_text"]
