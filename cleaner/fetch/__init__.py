"""``cleaner fetch``: a polite crawler on httpx that stores pages as WARC and feeds the cleaner.

Split as the data flows: ``settings`` (what a crawl may do), ``robots`` (RFC 9309
through protego), ``discover`` (feeds and sitemaps to URLs), ``store`` (the WARC
archive and what it already holds), ``crawler`` (per-host scheduling, retries,
redirects, cleaning as it goes).
"""

from .crawler import Crawler, CrawlSummary
from .settings import FetchSettings

__all__ = ["Crawler", "CrawlSummary", "FetchSettings"]
