"""A datatrove ``PipelineStep`` that cleans Indonesian news pages (extra ``[datatrove]``).

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.integrations.datatrove import IndonesianNewsCleaner

    LocalPipelineExecutor(pipeline=[
        WarcReader("crawl/"), IndonesianNewsCleaner(min_text_chars=200), JsonlWriter("clean/"),
    ], tasks=4).run()

Each document's ``text`` (a raw dump or an HTML page, as readers give it) is
replaced by the clean article text; ``metadata["url"]`` picks the site rule; the
article's fields are merged into ``metadata`` (``title``, ``authors``,
``published``, …, plus ``cleaner_rule`` and ``cleaner_warnings``). A document with
no article (a listing page, a refused input, text under ``min_text_chars``) is
dropped and counted (``dropped``, ``dropped_no_article``), or with
``drop_non_articles=False`` kept, tagged ``metadata["cleaner_no_article"] = True``,
with empty text and ``metadata["cleaner_outcome"]`` saying why. Stats: ``total``, ``forwarded``, ``dropped``, and a count
per rule (``rule_tempo``, ``fallback_trafilatura``, …).
"""

from __future__ import annotations

from typing import Any, Iterable

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.utils.typeshelper import StatHints

from ..api import Cleaner
from ..article import GUIDE_FIELDS, Article, Outcome

#: GUIDE fields merged into ``Document.metadata`` (``text`` replaces the document's text).
METADATA_FIELDS = tuple(key for key in GUIDE_FIELDS if key != "text")


def article_metadata(article: Article) -> dict[str, Any]:
    """The article's fields as JSON-ready metadata."""
    record = article.to_dict()
    metadata = {key: record[key] for key in METADATA_FIELDS if key != "url" or record[key]}
    provenance = article.provenance
    metadata["cleaner_rule"] = f"{provenance.extractor}:{provenance.rule}" + (f":{provenance.layout}" if provenance.layout else "")
    metadata["cleaner_warnings"] = list(article.warnings)
    metadata["cleaner_outcome"] = article.outcome.value
    metadata["cleaner_paywalled"] = article.paywalled
    metadata["cleaner_reason"] = provenance.reason or ""
    return metadata


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
    ) -> None:
        super().__init__()
        self.cleaner = Cleaner(rules=rules, fallback=fallback, keep_dateline=keep_dateline, min_text_chars=min_text_chars)
        self.drop_non_articles = drop_non_articles
        self.url_key = url_key

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for document in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                url = document.metadata.get(self.url_key)
                article = self.cleaner.clean(document.text, url=url if isinstance(url, str) else None)
            provenance = article.provenance
            self.stat_update(f"{provenance.extractor}_{provenance.rule}")
            self.stat_update(f"outcome_{article.outcome.value}")
            if article.outcome is not Outcome.ARTICLE:
                self.stat_update("no_article")
                if self.drop_non_articles:
                    self.stat_update(StatHints.dropped, "dropped_no_article")
                    continue
                document.metadata["cleaner_no_article"] = True
            # A kept non-article gets empty text, never the raw page it came as.
            document.text = article.text
            document.metadata.update(article_metadata(article))
            self.stat_update(StatHints.forwarded)
            self.update_doc_stats(document)
            yield document


__all__ = ["Document", "IndonesianNewsCleaner", "article_metadata"]
