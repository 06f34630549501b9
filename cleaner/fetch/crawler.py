"""The crawl: per-host queues, one request in flight per host, delays, retries, redirects.

One asyncio loop drives an ``httpx.AsyncClient``. Every URL waits in its host's
queue (host = scheme, name and port, as robots.txt is scoped, after ``urls.normalise``
gave every spelling of a server one; userinfo is dropped from a URL the user gives
and refused in one from the web); a host is served
when it is idle and its delay has passed since its last request ended, and at
most ``concurrency`` requests are in flight in all. A host's first request is for
its robots.txt. Redirects are followed one hop at a time through the queue of the
hop's host, so every request, redirected or not, is checked against robots.txt
and spaced by its host's delay. Failures that may pass (timeouts, connection
errors, 5xx, 429, a body shorter than its ``Content-Length``) are retried with
exponential backoff and jitter, ``Retry-After`` honoured and capped, and it holds the
host's queue whether or not a retry follows; others fail at once; nothing is retried
past ``retries``. Every request has a total ``deadline`` besides its per-read timeout.
A redirect counts as stored once its final target is; two URLs redirecting to one
page fetch it once. With ``revisit``, stored pages are asked again conditionally: a
304 is archived as a ``revisit`` record, a changed page as a new response that refers
to the copy it updates. Bodies are read raw and decoded by ``codings`` against the
size limit, so a compression bomb costs the limit, not its inflated size. Sitemap
indexes are followed on their own host only, to a bounded depth and count, and no
feed or sitemap is read once ``max_pages`` pages are queued. A redirect loop or an
over-long chain the archive holds is not asked for again.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import time
from collections import Counter, deque
from dataclasses import dataclass, field, replace
from datetime import timezone
from typing import Callable, Literal, Optional
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from ..inputs import charset_of
from .codings import BodyDecoder, Undecodable, codings_of
from .discover import Discovered, parse_feed, parse_sitemap
from .robots import RobotsAnswer, answer_from_response
from .settings import PRODUCT, FetchSettings
from .store import Stored, WarcStore, now_utc
from .urls import BadUrl, has_userinfo, normalise, origin, without_userinfo

#: RFC 9309: crawlers parse at least the first 500 KiB of a robots.txt; the rest is ignored.
ROBOTS_LIMIT = 500 * 1024

Kind = Literal["page", "feed", "sitemap"]


@dataclass(frozen=True)
class Job:
    """One URL to request, and how it was reached."""

    url: str
    kind: Kind = "page"
    attempt: int = 0
    origin: str | None = None  # the URL asked for, when this is a redirect hop
    chain: tuple[str, ...] = ()  # URLs of the redirect chain so far (loop detection)
    earlier: Stored | None = None  # a revisit: the stored copy to ask about conditionally
    depth: int = 0  # a sitemap: how many indexes led to it (0: given to the crawl)


@dataclass(frozen=True)
class FetchedPage:
    """A page fetched whole with status 200: what ``--clean`` cleans."""

    url: str  # as asked for
    final_url: str
    body: bytes
    charset: str | None
    #: A revisit found the page changed: the WARC-Record-ID of the copy this one updates.
    updates: str | None = None
    #: When it was fetched (the WARC-Date, ISO 8601): the era whose layouts read it first. None: now.
    date: str | None = None


@dataclass
class CrawlSummary:
    """Counts for the final report; ``failed`` maps a reason to how many URLs it took."""

    fetched: int = 0
    not_modified: int = 0
    already_stored: int = 0
    robots_denied: int = 0
    discovered: int = 0
    changed: int = 0  # revisits that found the page changed (counted in fetched too)
    same_page: int = 0  # URLs that redirected to a page this run fetched already
    failed: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    capped_delays: dict[str, tuple[float, float]] = field(default_factory=dict)  # host -> (asked, used)
    #: Feeds and sitemaps not read, by why: another host, nested too deep, past the count, budget spent.
    not_read: Counter[str] = field(default_factory=Counter)

    def line(self) -> str:
        failed = sum(self.failed.values())
        reasons = ", ".join(f"{reason} {n}" for reason, n in self.failed.most_common())
        capped = "; ".join(f"{host} asked a Crawl-delay of {asked:g} s, {used:g} s used (--max-crawl-delay)" for host, (asked, used) in self.capped_delays.items())
        return (
            f"fetched {self.fetched}" + (f" ({self.changed} changed since stored)" if self.changed else "")
            + f", not modified {self.not_modified}, already stored {self.already_stored}, "
            f"skipped by robots {self.robots_denied}, failed {failed}" + (f" ({reasons})" if reasons else "")
            + (f"; {self.same_page} redirected to a page fetched already" if self.same_page else "")
            + (f"; {self.discovered} URLs discovered in feeds and sitemaps" if self.discovered else "")
            + (f"; feeds and sitemaps not read: {', '.join(f'{why} {n}' for why, n in self.not_read.most_common())}" if self.not_read else "")
            + (f"; {capped}" if capped else "")
        )


@dataclass
class _Host:
    key: str
    queue: deque[Job] = field(default_factory=deque)
    busy: bool = False
    ready_at: float = 0.0
    delay: float = 1.0
    robots: Optional[RobotsAnswer] = None


class _Retry(Exception):
    """The request may succeed later: retry after ``after`` seconds (None: backoff)."""

    def __init__(self, reason: str, after: float | None = None) -> None:
        super().__init__(reason)
        self.reason, self.after = reason, after


class _Fail(Exception):
    """The URL fails for good, for ``reason``."""


def host_key(url: str) -> str:
    """The origin a URL's robots.txt, queue and delay belong to, whatever its spelling."""
    try:
        return origin(normalise(url))
    except BadUrl:
        parts = urlsplit(url)
        return urlunsplit((parts.scheme, parts.netloc.lower(), "", "", ""))


#: Second-level labels under which a site's domain has three labels (``kompas.co.id``, ``ui.ac.id``).
_SECOND_LEVEL = frozenset("co ac go or web sch net my biz mil desa ponpes com org gov edu".split())


def site_of(url: str) -> str:
    """The site a URL belongs to: its registrable domain (``nasional.kompas.com`` → ``kompas.com``,
    ``jabar.tribunnews.co.id`` → ``tribunnews.co.id``), or the host itself for an IP address."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    labels = host.split(".")
    if not host or host.replace(".", "").isdigit() or ":" in host or len(labels) <= 2:
        return host
    keep = 3 if labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def same_site(url: str, other: str) -> bool:
    """Whether two URLs belong to one site (a news sitemap may list its outlet's channel subdomains)."""
    try:
        return site_of(url) == site_of(other)
    except ValueError:
        return False


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP-date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class Crawler:
    """A polite crawl of pages, feeds and sitemaps into a ``WarcStore``.

    ``on_page`` receives each page fetched with status 200 (for ``--clean``);
    ``on_progress`` a line of text per finished URL.
    """

    def __init__(
        self,
        settings: FetchSettings,
        store: WarcStore,
        *,
        on_page: Callable[[FetchedPage], None] | None = None,
        on_progress: Callable[[str], None] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        max_pages: int | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.on_page = on_page or (lambda page: None)
        self.on_progress = on_progress or (lambda line: None)
        self.transport = transport
        self.max_pages = max_pages
        self.summary = CrawlSummary()
        self._hosts: dict[str, _Host] = {}
        self._seen: set[tuple[str, str]] = set()  # (kind, url) queued in this run
        self._pages: set[str] = set()  # page URLs requested in this run, redirect targets included
        self._waiting: dict[str, list[str]] = {}  # a target in flight -> the URLs that redirected to it
        self._pages_queued = 0
        self._sitemaps_queued = 0
        self._in_flight = 0
        self._wake: asyncio.Event | None = None

    # -- queueing ----------------------------------------------------------------------------------

    def add(self, url: str, kind: Kind = "page", *, trusted: bool = True, depth: int = 0) -> None:
        """Queue a URL (once per run; pages already in the archive are counted and skipped).

        The URL is normalised first (``urls.normalise``: one spelling per server, userinfo
        dropped). ``trusted=False`` (a feed or sitemap entry): userinfo is an error instead.
        """
        url = url.strip()
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            if (kind, url) not in self._seen:
                self._seen.add((kind, url))
                self._fail(url, "not http or https")
            return
        if not trusted and has_userinfo(url):
            self._fail(without_userinfo(url), "URL with credentials (userinfo), refused (RFC 9110 §4.2.4)")
            return
        if has_userinfo(url):
            self.on_progress(f"{without_userinfo(url)}: the credentials in the URL are dropped, never sent nor stored")
        try:
            url = normalise(url)
        except BadUrl as error:
            self._fail(without_userinfo(url), str(error))
            return
        if (kind, url) in self._seen:
            return
        self._seen.add((kind, url))
        if kind != "page" and self._budget_spent():
            self._not_read(url, "page budget spent (--max-pages)")
            return
        if kind == "sitemap":
            if depth > self.settings.max_sitemap_depth:
                self._not_read(url, f"nested deeper than {self.settings.max_sitemap_depth} (--max-sitemap-depth)")
                return
            if self._sitemaps_queued >= self.settings.max_sitemaps:
                self._not_read(url, f"past {self.settings.max_sitemaps} sitemaps (--max-sitemaps)")
                return
            self._sitemaps_queued += 1
        earlier = None
        if kind == "page":
            if url in self.store.stored:
                earlier = self.store.copies.get(url) if self.settings.revisit else None
                if earlier is None:
                    self.summary.already_stored += 1
                    return
            dead_end = self._dead_end(url, 0)
            if dead_end is not None:  # a redirect loop or an over-long chain an earlier run stored
                self.summary.already_stored += 1
                self.on_progress(f"{url}: {dead_end}, stored by an earlier run")
                return
            if self.max_pages is not None and self._pages_queued >= self.max_pages:
                return
            self._pages_queued += 1
            self._pages.add(url)
        self._enqueue(Job(url, kind, earlier=earlier, depth=depth))

    def _dead_end(self, url: str, hops_before: int) -> str | None:
        """Why following ``url`` would fail for certain, by the redirects the archive holds: a
        loop, or (after ``hops_before`` redirects already) a chain over ``max_redirects``."""
        hops, loops = self.store.redirect_chain(url)
        if loops:
            return "redirect loop"
        if hops and hops_before + hops > self.settings.max_redirects:
            return f"more than {self.settings.max_redirects} redirects"
        return None

    def _budget_spent(self) -> bool:
        return self.max_pages is not None and self._pages_queued >= self.max_pages

    def _not_read(self, url: str, why: str) -> None:
        self.summary.not_read[why] += 1
        self.on_progress(f"not read {url}: {why}")

    def _enqueue(self, job: Job) -> None:
        key = host_key(job.url)
        host = self._hosts.get(key)
        if host is None:
            host = self._hosts[key] = _Host(key, delay=self.settings.delay)
        host.queue.append(job)
        if self._wake is not None:
            self._wake.set()

    # -- the loop --------------------------------------------------------------------------------

    def run(self) -> CrawlSummary:
        """Crawl until every queue is empty; returns the summary."""
        asyncio.run(self._run())
        return self.summary

    async def _run(self) -> None:
        self._wake = asyncio.Event()
        timeout = httpx.Timeout(self.settings.read_timeout, connect=self.settings.connect_timeout)
        headers = {"User-Agent": self.settings.user_agent, "Accept-Encoding": "gzip, deflate"}
        async with httpx.AsyncClient(
            timeout=timeout, headers=headers, follow_redirects=False, transport=self.transport, trust_env=False
        ) as client:
            tasks: set[asyncio.Task[None]] = set()  # references, so running tasks are not collected
            while True:
                now = time.monotonic()
                for host in self._hosts.values():
                    if self._in_flight >= self.settings.concurrency:
                        break
                    while host.queue and host.queue[0].kind != "page" and self._budget_spent():
                        # Discovery stops when the pages are counted: dropped here, costing no delay.
                        self._not_read(host.queue.popleft().url, "page budget spent (--max-pages)")
                    if host.queue and not host.busy and host.ready_at <= now:
                        job = host.queue.popleft()
                        host.busy = True
                        self._in_flight += 1
                        task = asyncio.create_task(self._serve(client, host, job))
                        tasks.add(task)
                        task.add_done_callback(tasks.discard)
                if self._in_flight == 0 and not any(h.queue for h in self._hosts.values()):
                    break
                waits = [h.ready_at - now for h in self._hosts.values() if h.queue and not h.busy]
                self._wake.clear()
                try:
                    await asyncio.wait_for(self._wake.wait(), timeout=max(0.001, min(waits)) if waits else None)
                except asyncio.TimeoutError:
                    pass

    async def _serve(self, client: httpx.AsyncClient, host: _Host, job: Job) -> None:
        """One job on an idle host: robots first if needed, then the request; the host is freed after."""
        retry_after: float | None = None
        try:
            if host.robots is None or host.robots.expires <= time.monotonic():
                await self._fetch_robots(client, host)
                await asyncio.sleep(host.delay)  # robots.txt was a request to this host too
            if host.robots is not None and host.robots.unavailable:
                raise _Retry(host.robots.unavailable, after=self.settings.robots_retry)
            if host.robots is not None and not host.robots.allows(job.url, PRODUCT):
                self.summary.robots_denied += 1
                self.on_progress(f"robots.txt disallows {job.url}")
                return
            await self._request(client, job)
        except _Retry as retry:
            retry_after = self._schedule_retry(host, job, retry)
        except _Fail as failure:
            self._fail(job.origin or job.url, str(failure))
        except Exception as error:  # noqa: BLE001 - an unexpected failure costs one URL, not the crawl
            self._fail(job.origin or job.url, f"{type(error).__name__}: {error}")
        finally:
            host.busy = False
            host.ready_at = time.monotonic() + max(host.delay, retry_after or 0.0)
            self._in_flight -= 1
            assert self._wake is not None
            self._wake.set()

    def _schedule_retry(self, host: _Host, job: Job, retry: _Retry) -> float | None:
        """Queue the job again after its wait, or fail it when its retries are spent."""
        asked = min(retry.after, self.settings.max_retry_after) if retry.after is not None else None
        if job.attempt >= self.settings.retries:
            reason = retry.reason
            if reason.startswith("robots.txt"):
                self.summary.robots_denied += 1
                self.on_progress(f"skipped {job.origin or job.url}: {reason}")
                return None
            self._fail(job.origin or job.url, f"{reason} (after {job.attempt + 1} attempts)")
            return asked  # the server asked the host to wait: the next URL waits too
        if asked is not None:
            wait = asked
        else:
            wait = min(self.settings.backoff * 2**job.attempt, self.settings.max_backoff) * random.uniform(0.5, 1.5)
        host.queue.appendleft(replace(job, attempt=job.attempt + 1))
        self.on_progress(f"retry in {wait:.1f} s: {job.url} ({retry.reason})")
        return wait  # the host waits: a 429 or a 5xx speaks for the whole host

    def _fail(self, url: str, reason: str) -> None:
        short = reason.split(" (after")[0]
        self.summary.failed[short] += 1
        self.summary.failures.append((url, reason))
        self.on_progress(f"failed {url}: {reason}")

    # -- requests --------------------------------------------------------------------------------

    async def _fetch_robots(self, client: httpx.AsyncClient, host: _Host) -> None:
        now = time.monotonic()
        url = host.key + "/robots.txt"
        status: int | None = None
        body = b""
        error: str | None = None
        try:
            for _ in range(self.settings.max_redirects + 1):  # robots.txt redirects are followed (RFC 9309)
                status, _, headers, body = await self._get(client, url, limit=ROBOTS_LIMIT, truncate=True)
                location = dict((k.lower(), v) for k, v in headers).get("location")
                if status in (301, 302, 303, 307, 308) and location:
                    if has_userinfo(urljoin(url, location.strip())):
                        break  # never followed (RFC 9110 §4.2.4): a dead end, as a redirect left unfollowed is
                    url = urljoin(url, location.strip())
                    continue
                break
        except (httpx.TimeoutException, httpx.TransportError) as failure:
            status, error = None, type(failure).__name__
        except (_Fail, _Retry) as failure:
            status, error = None, str(failure)
        host.robots = answer_from_response(status, body, now=now, ttl=self.settings.robots_ttl, retry=self.settings.robots_retry, error=error)
        crawl_delay = host.robots.crawl_delay(PRODUCT)
        if crawl_delay is not None:
            used = min(crawl_delay, self.settings.max_crawl_delay)
            host.delay = max(self.settings.delay, used)
            if used < crawl_delay:
                self.summary.capped_delays[host.key] = (crawl_delay, used)

    async def _get(
        self, client: httpx.AsyncClient, url: str, *, limit: int, truncate: bool = False, headers: dict[str, str] | None = None
    ) -> tuple[int, str, list[tuple[str, str]], bytes]:
        """One GET within the total deadline, body read up to ``limit`` bytes (more is a failure,
        or with ``truncate`` cut there); a body shorter than its ``Content-Length`` is a failure."""
        try:
            return await asyncio.wait_for(self._read(client, url, limit, truncate, headers), timeout=self.settings.deadline)
        except asyncio.TimeoutError as error:
            raise _Retry(f"deadline of {self.settings.deadline:g} s passed") from error

    async def _read(
        self, client: httpx.AsyncClient, url: str, limit: int, truncate: bool, headers: dict[str, str] | None
    ) -> tuple[int, str, list[tuple[str, str]], bytes]:
        async with client.stream("GET", url, headers=headers) as response:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limit and not truncate:
                raise _Fail(f"body over {limit:,} bytes")
            headers_list = list(response.headers.multi_items())
            # The raw bytes, decoded here layer by layer against what the limit still allows
            # (httpx would inflate each chunk whole first: a gzip bomb before any count).
            decoder: BodyDecoder | None = None
            chunks, size, raw_size, cut = [], 0, 0, False
            try:
                async for raw in response.aiter_raw():
                    raw_size += len(raw)
                    if raw_size > limit and not truncate:
                        raise _Fail(f"body over {limit:,} bytes")
                    if decoder is None:
                        decoder = BodyDecoder(codings_of(headers_list), limit)
                    for chunk in decoder.feed(raw):
                        size += len(chunk)
                        if size > limit:
                            if truncate:
                                chunks.append(chunk[: len(chunk) - (size - limit)])
                                break
                            raise _Fail(f"body over {limit:,} bytes")
                        chunks.append(chunk)
                    if size > limit or raw_size > limit:  # truncated: what follows is not read
                        cut = True
                        break
                    await asyncio.sleep(0)  # the deadline can strike between pieces of a slow decode
            except httpx.RemoteProtocolError as error:  # the connection closed inside the body
                raise _Retry(f"short body ({type(error).__name__})") from error
            except Undecodable as error:  # never archived as if decoded, never retried
                raise _Fail(f"undecodable body: {error}") from error
            if not cut and declared and declared.isdigit() and response.num_bytes_downloaded < int(declared):
                raise _Retry(f"short body: {response.num_bytes_downloaded:,} of {int(declared):,} bytes")
            return response.status_code, response.reason_phrase, headers_list, b"".join(chunks)

    async def _request(self, client: httpx.AsyncClient, job: Job) -> None:
        conditional: dict[str, str] = {}
        if job.earlier is not None:  # a revisit: the validators of the stored copy
            if job.earlier.etag:
                conditional["If-None-Match"] = job.earlier.etag
            if job.earlier.last_modified:
                conditional["If-Modified-Since"] = job.earlier.last_modified
        try:
            status, reason, headers, body = await self._get(client, job.url, limit=self.settings.max_bytes, headers=conditional or None)
        except httpx.TimeoutException as error:
            raise _Retry(f"timeout ({type(error).__name__})") from error
        except httpx.TransportError as error:
            raise _Retry(f"connection error ({type(error).__name__})") from error
        header_map = {k.lower(): v for k, v in headers}
        if status in (429, 503):
            raise _Retry(f"HTTP {status}", after=parse_retry_after(header_map.get("retry-after")))
        if status >= 500:
            raise _Retry(f"HTTP {status}")
        if status == 304:
            self.summary.not_modified += 1
            if job.earlier is not None:
                self.store.write_revisit(job.url, reason, headers, job.earlier, now_utc())
                self._stored(job)
            self.on_progress(f"not modified {job.url}")
            return
        if status in (301, 302, 303, 307, 308):
            location = header_map.get("location")
            if location and has_userinfo(urljoin(job.url, location.strip())):
                # RFC 9110 §4.2.4: an error; the record is not kept, as its Location holds the secret.
                raise _Fail("redirect to a URL with credentials (userinfo), refused (RFC 9110 §4.2.4)")
            self._store(job, status, reason, headers, body)
            self._follow(job, location)
            return
        if status >= 400:
            raise _Fail(f"HTTP {status}")
        if job.kind == "page":
            self._store(job, status, reason, headers, body)
            self.summary.fetched += 1
            self.summary.changed += job.earlier is not None
            self._stored(job)
            self.on_progress(f"fetched {job.origin or job.url}" + (f" -> {job.url}" if job.origin else ""))
            if status == 200:
                updates = job.earlier.record_id if job.earlier is not None else None
                self.on_page(FetchedPage(job.origin or job.url, job.url, body, charset_of(header_map.get("content-type")), updates))
        else:
            self._discovered(job, parse_feed(body) if job.kind == "feed" else parse_sitemap(body))

    def _store(self, job: Job, status: int, reason: str, headers: list[tuple[str, str]], body: bytes) -> None:
        if job.kind == "page":  # feeds and sitemaps are read afresh on every run
            self.store.write_response(job.url, status, reason, headers, body, now_utc(), updates=job.earlier)

    def _stored(self, job: Job) -> None:
        """The page is archived: so are the redirects that led to it, here and from other URLs."""
        done = [job.url, *job.chain, *self._waiting.pop(job.url, [])]
        self.store.stored.update(done)

    def _follow(self, job: Job, location: str | None) -> None:
        if not location:
            raise _Fail("redirect without a Location")
        target = urljoin(job.url, location.strip())
        if urlsplit(target).scheme.lower() not in ("http", "https"):
            raise _Fail("redirect to a scheme other than http or https")
        try:
            target = normalise(target)
        except BadUrl as error:
            raise _Fail(f"redirect to a bad URL: {error}") from error
        chain = (*job.chain, job.url)
        if target in chain:
            raise _Fail("redirect loop")
        if len(chain) > self.settings.max_redirects:
            raise _Fail(f"more than {self.settings.max_redirects} redirects")
        if job.kind == "page":
            dead_end = self._dead_end(target, len(chain))
            if dead_end is not None:  # a loop or an over-long chain stored by an earlier run
                raise _Fail(dead_end)
        if job.kind == "page" and (target in self._pages or (target in self.store.stored and job.earlier is None)):
            # Another URL led to this page in this run (or it is archived): fetched once.
            self.summary.same_page += 1
            self.on_progress(f"{job.origin or job.url} redirects to {target}, fetched already")
            if target in self.store.stored:
                self.store.stored.update(chain)
            else:
                self._waiting.setdefault(target, []).extend(chain)
            return
        if job.kind == "page":
            self._pages.add(target)
        self._enqueue(Job(target, job.kind, 0, job.origin or job.url, chain))

    def _discovered(self, job: Job, found: Discovered) -> None:
        self.summary.discovered += len(found.pages)
        self.on_progress(f"{job.kind} {job.url}: {len(found.pages)} pages" + (f", {len(found.sitemaps)} sitemaps" if found.sitemaps else ""))
        home = host_key(job.url)
        for sitemap in found.sitemaps:
            if host_key(sitemap) != home:  # sitemaps.org: an index lists the sitemaps of its own host
                self._not_read(sitemap, "on another host than its index")
                continue
            self.add(sitemap, "sitemap", trusted=False, depth=job.depth + 1)
        for page in found.pages:
            if self._budget_spent():
                break
            if job.kind == "sitemap" and not same_site(page, job.url):  # sitemaps.org: a sitemap lists its own site's URLs
                self._not_read(page, "a sitemap entry on another site")
                continue
            self.add(page, trusted=False)



def seed_latest(crawler: Crawler, rule: object) -> None:
    """Queue a site rule's declared feeds and sitemaps (``--site NAME --latest``)."""
    for feed in getattr(rule, "latest_feeds", ()):
        crawler.add(feed, "feed")
    for sitemap in getattr(rule, "latest_sitemaps", ()):
        crawler.add(sitemap, "sitemap")
