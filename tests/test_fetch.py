"""``cleaner fetch`` against real HTTP servers on 127.0.0.1 (issue 4); nothing leaves the machine.

Politeness is checked on each server's own request log. Every test is bounded:
short delays and timeouts, a few retries, subprocesses with a timeout.
"""

from __future__ import annotations

import gzip
import json
import signal
import subprocess
import sys
import time
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from cleaner.fetch import Crawler, FetchSettings
from cleaner.fetch.crawler import FetchedPage, parse_retry_after
from cleaner.fetch.store import WarcStore, read_responses

from .conftest import INTERRUPTIBLE
from .httpsite import HttpSite, Reply, always, html_page

FAST = FetchSettings(delay=0.05, connect_timeout=2, read_timeout=2, retries=2, backoff=0.05, max_backoff=0.2, robots_retry=0.2)
ROBOTS_OPEN = always(Reply(200, b"User-agent: *\nAllow: /\n"))
ARTICLE = "Warga desa memperbaiki jembatan bambu yang rusak setelah banjir pekan lalu, kata kepala desa."


def serve(sites: list[HttpSite], routes: dict, host: str = "127.0.0.1") -> HttpSite:  # type: ignore[type-arg]
    site = HttpSite(routes, host=host)
    sites.append(site)
    return site


def crawl(tmp_path: Path, urls: list[str], settings: FetchSettings = FAST, *, kind: str = "page", pages: list[FetchedPage] | None = None):  # type: ignore[no-untyped-def]
    store = WarcStore(tmp_path / "out.warc.gz").open()
    crawler = Crawler(settings, store, on_page=(pages.append if pages is not None else None))
    for url in urls:
        crawler.add(url, kind)  # type: ignore[arg-type]
    try:
        return crawler.run()
    finally:
        store.close()


def page_route(title: str) -> Reply:
    return Reply(200, html_page(title, ARTICLE), {"Content-Type": "text/html; charset=utf-8"})


# -- robots.txt ----------------------------------------------------------------------------------


def test_robots_allow_and_deny_with_the_most_specific_group(tmp_path: Path, sites: list[HttpSite]) -> None:
    robots = (
        b"User-agent: *\nDisallow: /\n\n"
        b"User-agent: indonesian-news-cleaner\nDisallow: /private\nAllow: /private/open\n"
    )
    site = serve(sites, {
        "/robots.txt": always(Reply(200, robots)),
        "/public/1": always(page_route("Publik")),
        "/private/1": always(page_route("Privat")),
        "/private/open/1": always(page_route("Terbuka")),
    })
    summary = crawl(tmp_path, [site.url("/public/1"), site.url("/private/1"), site.url("/private/open/1")])
    assert summary.fetched == 2 and summary.robots_denied == 1
    assert "/private/1" not in site.paths() and site.paths()[0] == "/robots.txt"
    assert all(hit.user_agent.startswith("indonesian-news-cleaner/") for hit in site.hits)


def test_robots_404_means_no_restrictions(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {"/robots.txt": always(Reply(404)), "/a": always(page_route("A"))})
    assert crawl(tmp_path, [site.url("/a")]).fetched == 1


def test_robots_500_disallows_and_is_asked_again_later(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {"/robots.txt": always(Reply(500)), "/a": always(page_route("A"))})
    summary = crawl(tmp_path, [site.url("/a")])
    assert "/a" not in site.paths()  # never fetched while robots.txt fails
    assert site.paths().count("/robots.txt") == FAST.retries + 1  # asked again, a bounded number of times
    assert summary.robots_denied == 1 and summary.fetched == 0


def test_robots_recovering_after_a_500_lets_the_crawl_go_on(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {
        "/robots.txt": lambda count: Reply(503) if count == 0 else Reply(200, b"User-agent: *\nAllow: /\n"),
        "/a": always(page_route("A")),
    })
    assert crawl(tmp_path, [site.url("/a")]).fetched == 1
    robots_hits = [hit.at for hit in site.hits if hit.path == "/robots.txt"]
    assert robots_hits[1] - robots_hits[0] >= FAST.robots_retry * 0.9


def test_crawl_delay_raises_the_delay(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {"/robots.txt": always(Reply(200, b"User-agent: *\nCrawl-delay: 0.3\n")), "/a": always(page_route("A")), "/b": always(page_route("B"))})
    crawl(tmp_path, [site.url("/a"), site.url("/b")])
    times = [hit.at for hit in site.hits]
    assert [hit.path for hit in site.hits] == ["/robots.txt", "/a", "/b"]  # the pairs below are not vacuous
    assert all(later - earlier >= 0.27 for earlier, later in zip(times, times[1:]))


# -- retries -------------------------------------------------------------------------------------


def test_429_with_retry_after_is_honoured(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {
        "/robots.txt": ROBOTS_OPEN,
        "/a": lambda count: Reply(429, b"slow down", {"Retry-After": "1"}) if count == 0 else page_route("A"),
    })
    summary = crawl(tmp_path, [site.url("/a")])
    hits = [hit.at for hit in site.hits if hit.path == "/a"]
    assert summary.fetched == 1 and len(hits) == 2 and hits[1] - hits[0] >= 0.95


def test_retry_after_is_capped(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {
        "/robots.txt": ROBOTS_OPEN,
        "/a": lambda count: Reply(503, b"", {"Retry-After": "3600"}) if count == 0 else page_route("A"),
    })
    start = time.monotonic()
    summary = crawl(tmp_path, [site.url("/a")], FetchSettings(**{**FAST.__dict__, "max_retry_after": 0.3}))
    assert summary.fetched == 1 and time.monotonic() - start < 5


def test_retry_after_as_seconds_or_http_date() -> None:
    assert parse_retry_after("7") == 7.0
    now = datetime(2026, 11, 21, 12, 0, tzinfo=timezone.utc)
    later = format_datetime(now + timedelta(seconds=30), usegmt=True)
    assert parse_retry_after(later, now=now.timestamp()) == pytest.approx(30.0)
    assert parse_retry_after("not a date") is None and parse_retry_after(None) is None


def test_503_then_success(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {"/robots.txt": ROBOTS_OPEN, "/a": lambda count: Reply(503) if count == 0 else page_route("A")})
    summary = crawl(tmp_path, [site.url("/a")])
    assert summary.fetched == 1 and site.paths().count("/a") == 2 and not summary.failures


def test_a_url_that_keeps_failing_is_reported_not_retried_forever(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {"/robots.txt": ROBOTS_OPEN, "/a": always(Reply(500)), "/gone": always(Reply(404))})
    summary = crawl(tmp_path, [site.url("/a"), site.url("/gone")])
    assert site.paths().count("/a") == FAST.retries + 1 and site.paths().count("/gone") == 1  # no retry on 4xx
    assert dict(summary.failed) == {"HTTP 500": 1, "HTTP 404": 1}


def test_a_response_slower_than_the_timeout_fails_after_its_retries(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {"/robots.txt": ROBOTS_OPEN, "/slow": always(Reply(200, b"late", sleep=1.5))})
    settings = FetchSettings(**{**FAST.__dict__, "read_timeout": 0.3, "retries": 1})
    start = time.monotonic()
    summary = crawl(tmp_path, [site.url("/slow")], settings)
    assert list(summary.failed) == ["timeout (ReadTimeout)"] and site.paths().count("/slow") == 2
    assert time.monotonic() - start < 5


# -- redirects, sizes, schemes -------------------------------------------------------------------


def test_redirects_are_followed_and_stored_and_loops_detected(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {
        "/robots.txt": ROBOTS_OPEN,
        "/old": always(Reply(301, b"", {"Location": "/new"})),
        "/new": always(page_route("Baru")),
        "/loop-a": always(Reply(302, b"", {"Location": "/loop-b"})),
        "/loop-b": always(Reply(302, b"", {"Location": "/loop-a"})),
    })
    pages: list[FetchedPage] = []
    summary = crawl(tmp_path, [site.url("/old"), site.url("/loop-a")], pages=pages)
    assert summary.fetched == 1 and dict(summary.failed) == {"redirect loop": 1}
    assert [(p.url, p.final_url) for p in pages] == [(site.url("/old"), site.url("/new"))]
    stored = [(r.url, r.status) for r in read_responses(tmp_path / "out.warc.gz")]
    assert (site.url("/old"), 301) in stored and (site.url("/new"), 200) in stored


def test_too_many_redirects_and_other_schemes_fail(tmp_path: Path, sites: list[HttpSite]) -> None:
    routes = {"/robots.txt": ROBOTS_OPEN, **{f"/r{i}": always(Reply(302, b"", {"Location": f"/r{i + 1}"})) for i in range(10)}}
    site = serve(sites, routes)
    summary = crawl(tmp_path, [site.url("/r0"), "ftp://127.0.0.1/file"], FetchSettings(**{**FAST.__dict__, "max_redirects": 3}))
    assert dict(summary.failed) == {"more than 3 redirects": 1, "not http or https": 1}


def test_an_oversized_body_is_abandoned(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {"/robots.txt": ROBOTS_OPEN, "/big": always(Reply(200, b"x" * 5000))})
    summary = crawl(tmp_path, [site.url("/big")], FetchSettings(**{**FAST.__dict__, "max_bytes": 1000}))
    assert dict(summary.failed) == {"body over 1,000 bytes": 1} and summary.fetched == 0


# -- discovery -----------------------------------------------------------------------------------


def test_feed_and_sitemap_discovery(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {"/robots.txt": ROBOTS_OPEN, **{f"/berita/{i}": always(page_route(f"Berita {i}")) for i in range(6)}})
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Terkini</title>'
        f'<item><title>Satu</title><link>{site.url("/berita/0")}</link></item>'
        f'<item><title>Dua</title><link>{site.url("/berita/1")}</link></item></channel></rss>'
    ).encode()
    atom = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        f'<entry><title>Tiga</title><link href="{site.url("/berita/2")}"/></entry></feed>'
    ).encode()
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f'<sitemap><loc>{site.url("/sitemap-1.xml.gz")}</loc></sitemap></sitemapindex>'
    ).encode()
    child = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f'<url><loc>{site.url("/berita/3")}</loc></url><url><loc>{site.url("/berita/4")}</loc></url></urlset>'
    ).encode()
    news = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f'<url><loc>{site.url("/berita/5")}</loc><news:news><news:title>Enam</news:title></news:news></url></urlset>'
    ).encode()
    site.routes.update({
        "/rss.xml": always(Reply(200, rss, {"Content-Type": "application/rss+xml"})),
        "/atom.xml": always(Reply(200, atom)),
        "/sitemap.xml": always(Reply(200, index)),
        "/sitemap-1.xml.gz": always(Reply(200, gzip.compress(child), {"Content-Type": "application/x-gzip"})),
        "/news-sitemap.xml": always(Reply(200, news)),
    })
    store = WarcStore(tmp_path / "out.warc.gz").open()
    crawler = Crawler(FAST, store)
    crawler.add(site.url("/rss.xml"), "feed")
    crawler.add(site.url("/atom.xml"), "feed")
    crawler.add(site.url("/sitemap.xml"), "sitemap")
    crawler.add(site.url("/news-sitemap.xml"), "sitemap")
    summary = crawler.run()
    store.close()
    assert summary.fetched == 6 and summary.discovered == 6
    stored = {r.url for r in read_responses(tmp_path / "out.warc.gz")}
    assert stored == {site.url(f"/berita/{i}") for i in range(6)}  # feeds and sitemaps are not archived


def test_latest_reads_a_rules_declared_feeds(tmp_path: Path, sites: list[HttpSite]) -> None:
    from site_rules import rule_by_name

    from cleaner.fetch.crawler import seed_latest

    site = serve(sites, {"/robots.txt": ROBOTS_OPEN, "/berita/1": always(page_route("Satu"))})
    feed = f'<rss version="2.0"><channel><item><link>{site.url("/berita/1")}</link></item></channel></rss>'.encode()
    site.routes["/feed"] = always(Reply(200, feed))
    tempo = rule_by_name("tempo")
    assert tempo is not None and tempo.latest_feeds  # every rule declares where its fresh articles are listed

    class LocalTempo(type(tempo)):  # type: ignore[misc]
        latest_feeds = (site.url("/feed"),)

    store = WarcStore(tmp_path / "out.warc.gz").open()
    crawler = Crawler(FAST, store)
    seed_latest(crawler, LocalTempo())
    assert crawler.run().fetched == 1
    store.close()


# -- the command: storage, cleaning, resume, politeness -------------------------------------------

CLEANER = [sys.executable, "-m", "cleaner.cli"]


def fetch_command(tmp_path: Path, *args: str) -> list[str]:
    return [*CLEANER, "fetch", "-o", str(tmp_path / "crawl.warc.gz"), "--no-progress", *args]


def test_windows_1252_page_is_stored_raw_and_cleaned_right(tmp_path: Path, sites: list[HttpSite]) -> None:
    body = ("<html><head><meta charset=\"windows-1252\"><title>Kafé</title></head><body><article>"
            "<p>“Kopi di kafé itu enak,” kata José kepada wartawan di Jakarta pada Senin pagi.</p>"
            "<p>Harga secangkir kopi naik menjadi Rp25.000 sejak bulan lalu menurut pemilik kafé.</p></article></body></html>").encode("cp1252")
    site = serve(sites, {"/robots.txt": ROBOTS_OPEN, "/kafe": always(Reply(200, body, {"Content-Type": "text/html"}))})
    clean_out = tmp_path / "clean.jsonl"
    result = subprocess.run(fetch_command(tmp_path, site.url("/kafe"), "--delay", "0.05", "--clean", str(clean_out)), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    [record] = [json.loads(line) for line in clean_out.read_text(encoding="utf-8").splitlines()]
    assert "“Kopi di kafé itu enak,” kata José" in record["text"] and record["url"] == site.url("/kafe")
    [stored] = list(read_responses(tmp_path / "crawl.warc.gz"))
    assert stored.body == body  # the archive keeps the bytes as served
    assert "fetched 1" in result.stderr and "cleaned 1" in result.stderr


def test_resume_after_an_interrupted_run(tmp_path: Path, sites: list[HttpSite]) -> None:
    pages = {f"/p/{i}": always(page_route(f"Halaman {i}")) for i in range(40)}
    site = serve(sites, {"/robots.txt": ROBOTS_OPEN, **pages})
    url_file = tmp_path / "urls.txt"
    url_file.write_text("\n".join(site.url(path) for path in pages) + "\n", encoding="utf-8")
    clean_out = tmp_path / "clean.jsonl"
    command = fetch_command(tmp_path, "--urls", str(url_file), "--delay", "0.05", "--clean", str(clean_out))
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **INTERRUPTIBLE)
    deadline = time.monotonic() + 30
    while sum(path.startswith("/p/") for path in site.paths()) < 10 and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr
    first_run = sum(path.startswith("/p/") for path in site.paths())
    assert 10 <= first_run < 40

    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    page_hits = [path for path in site.paths() if path.startswith("/p/")]
    assert sorted(set(page_hits)) == sorted(pages) and len(page_hits) <= 41  # at most the one in flight again
    stored = [r.url for r in read_responses(tmp_path / "crawl.warc.gz")]
    assert sorted(stored) == sorted(site.url(path) for path in pages)  # each page once
    cleaned = [json.loads(line)["url"] for line in clean_out.read_text(encoding="utf-8").splitlines()]
    assert sorted(cleaned) == sorted(stored)  # cleaned once each, none missing


def test_two_hundred_pages_on_two_hosts_keep_their_delay_and_a_rerun_fetches_nothing(tmp_path: Path, sites: list[HttpSite]) -> None:
    pages = {f"/a/{i}": always(page_route(f"Halaman {i}")) for i in range(100)}
    first = serve(sites, {"/robots.txt": ROBOTS_OPEN, **pages}, host="127.0.0.1")
    second = serve(sites, {"/robots.txt": ROBOTS_OPEN, **pages}, host="127.0.0.2")
    url_file = tmp_path / "urls.txt"
    url_file.write_text("\n".join(site.url(path) for path in pages for site in (first, second)) + "\n", encoding="utf-8")
    command = fetch_command(tmp_path, "--urls", str(url_file), "--delay", "0.05", "--contact", "crawler@contoh.id")
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "fetched 200" in result.stderr
    for site in (first, second):
        times = [hit.at for hit in site.hits]
        assert len(times) == 101  # robots.txt, then each page once
        assert min(later - earlier for earlier, later in zip(times, times[1:])) >= 0.045
        assert all("crawler@contoh.id" in hit.user_agent for hit in site.hits)
    # Both hosts were served at once: the crawl took far less than 200 delays in a row.
    assert abs(first.hits[50].at - second.hits[50].at) < 2.0

    again = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0 and "already stored 200" in again.stderr
    assert sum(path.startswith("/a/") for site in (first, second) for path in site.paths()) == 200
