"""What a crawl may do: politeness, limits and retries, with defaults fit for news sites."""

from __future__ import annotations

from dataclasses import dataclass

from cleaner import __version__

PRODUCT = "indonesian-news-cleaner"


@dataclass(frozen=True)
class FetchSettings:
    """Every knob of a crawl. Defaults are polite: one request at a time per host, 1 s apart."""

    #: Minimum seconds between the end of one request to a host and the start of the next;
    #: raised to the host's robots.txt ``Crawl-delay`` where that is longer.
    delay: float = 1.0
    #: Requests in flight across all hosts.
    concurrency: int = 8
    #: Appended to the User-Agent so site owners can reach whoever runs the crawl.
    contact: str | None = None
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    #: Larger bodies are abandoned (the cleaner refuses inputs past 10 M characters anyway).
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    #: Attempts after the first, on timeouts, connection errors, 5xx and 429.
    retries: int = 3
    #: First backoff in seconds; doubled per attempt, with jitter, capped by ``max_backoff``.
    backoff: float = 1.0
    max_backoff: float = 60.0
    #: A ``Retry-After`` longer than this is cut to it, so one answer cannot stall a crawl.
    max_retry_after: float = 120.0
    #: A robots.txt ``Crawl-delay`` longer than this is cut to it (the summary says so).
    max_crawl_delay: float = 60.0
    #: Seconds one request may take in all, however the server drips its bytes (the
    #: timeouts above are per connect and per read).
    deadline: float = 120.0
    #: Re-request URLs the archive holds, conditionally (``If-None-Match`` / ``If-Modified-Since``).
    revisit: bool = False
    #: How long a robots.txt answer is trusted (RFC 9309 asks for no more than 24 h).
    robots_ttl: float = 24 * 3600.0
    #: After a robots.txt 5xx or no answer, the host counts as disallowed for this long.
    robots_retry: float = 60.0
    #: Sitemaps read in one run, the ones given included (an index may list thousands).
    max_sitemaps: int = 500
    #: Indexes within indexes followed: 1 reads the sitemaps a given index lists, 2 one
    #: level more (the protocol has none, some sites do), and no deeper.
    max_sitemap_depth: int = 2

    @property
    def user_agent(self) -> str:
        contact = f"; contact: {self.contact}" if self.contact else ""
        return f"{PRODUCT}/{__version__} (polite news crawler{contact})"
