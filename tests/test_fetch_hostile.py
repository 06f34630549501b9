"""`cleaner fetch` against the hostile servers of issue 23 (items 1, 4, 5, 6, 8, 21).

Every server is on 127.0.0.0/8 (``HttpSite``, or ``RawSite`` for responses a server
library would not send); every loop and subprocess is bounded in requests and time.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
import time
import tracemalloc
import zlib
from dataclasses import replace
from pathlib import Path

import pytest

from cleaner.fetch import Crawler
from cleaner.fetch.crawler import FetchedPage
from cleaner.fetch.store import WarcStore, read_responses
from cleaner.fetch.urls import BadUrl, normalise

from .httpsite import HttpSite, Reply, always, html_page
from .rawsite import RawSite, response
from .test_fetch import ARTICLE, FAST, ROBOTS_OPEN, crawl, page_route, serve
from .test_fetch_faults import records

HTML = {"Content-Type": "text/html; charset=utf-8"}


def raw_site(sites: list[HttpSite], routes: dict[str, bytes]) -> RawSite:
    site = RawSite(routes)
    sites.append(site)  # type: ignore[arg-type] - the fixture only calls close()
    return site


def gzip_of_zeros(size: int) -> bytes:
    """gzip of ``size`` zero bytes, made a megabyte at a time (the test itself stays small)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1 << 20)
    parts = [packer.compress(zeros) for _ in range(size >> 20)]
    return b"".join(parts) + packer.flush()


def crawler_for(tmp_path: Path, settings=FAST, *, max_pages: int | None = None, pages: list[FetchedPage] | None = None):  # type: ignore[no-untyped-def]
    store = WarcStore(tmp_path / "out.warc.gz").open()
    return store, Crawler(settings, store, max_pages=max_pages, on_page=pages.append if pages is not None else None)


def responses(path: Path) -> list[object]:
    return [r for r in records(path) if r.rec_type == "response"]  # type: ignore[attr-defined]


# -- 1. content codings ----------------------------------------------------------------------


def test_gzip_twice_inflating_far_past_max_bytes_is_refused_within_bounded_memory(tmp_path: Path, sites: list[HttpSite]) -> None:
    bomb = gzip.compress(gzip_of_zeros(128 << 20))  # a few hundred bytes that inflate to 128 MiB
    site = raw_site(sites, {
        "/robots.txt": response("404 Not Found", []),
        "/bom": response("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip, gzip")], bomb),
        "/bom-chunked": response("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip, gzip")], bomb, chunked=True),
    })
    settings = replace(FAST, max_bytes=1_000_000, retries=1)
    tracemalloc.start()
    try:
        summary = crawl(tmp_path, [site.url("/bom"), site.url("/bom-chunked")], settings)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 24 << 20, f"peak {peak:,} bytes for a 1 MB limit"
    assert dict(summary.failed) == {"body over 1,000,000 bytes": 2} and summary.fetched == 0
    assert site.paths().count("/bom") == 1 and site.paths().count("/bom-chunked") == 1  # a size failure is not retried
    assert not responses(tmp_path / "out.warc.gz")


def test_every_layer_of_a_multi_coded_body_is_decoded(tmp_path: Path, sites: list[HttpSite]) -> None:
    body = html_page("Berlapis", ARTICLE)
    raw = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)  # deflate as some servers send it: no zlib wrapper
    raw_deflate = raw.compress(body) + raw.flush()
    site = raw_site(sites, {
        "/robots.txt": response("404 Not Found", []),
        "/dua": response("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip, gzip")], gzip.compress(gzip.compress(body))),
        "/dua-header": response("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "x-gzip"), ("Content-Encoding", "gzip")],
                                gzip.compress(gzip.compress(body)), chunked=True),
        "/deflate": response("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "identity, deflate")], raw_deflate),
    })
    pages: list[FetchedPage] = []
    summary = crawl(tmp_path, [site.url("/dua"), site.url("/dua-header"), site.url("/deflate")], pages=pages)
    assert summary.fetched == 3 and not summary.failures
    assert [page.body for page in pages] == [body] * 3
    stored = responses(tmp_path / "out.warc.gz")
    assert [r.payload for r in stored] == [body] * 3  # type: ignore[attr-defined]
    assert all(r.http_headers.get_header("Content-Encoding") is None for r in stored)  # type: ignore[attr-defined]


def test_a_brotli_body_under_gzip_is_decoded(tmp_path: Path, sites: list[HttpSite]) -> None:
    brotli = pytest.importorskip("brotli", reason="br is decoded only with the brotli module")
    body = html_page("Brotli", ARTICLE)
    site = serve(sites, {"/robots.txt": ROBOTS_OPEN, "/br": always(Reply(200, gzip.compress(brotli.compress(body)), {**HTML, "Content-Encoding": "br, gzip"}))})
    pages: list[FetchedPage] = []
    summary = crawl(tmp_path, [site.url("/br")], pages=pages)
    assert summary.fetched == 1 and [page.body for page in pages] == [body]


def test_codings_that_cannot_be_decoded_fail_for_their_reason_unarchived_and_unretried(tmp_path: Path, sites: list[HttpSite]) -> None:
    body = html_page("Asing", ARTICLE)
    site = serve(sites, {
        "/robots.txt": ROBOTS_OPEN,
        "/compress": always(Reply(200, b"\x1f\x9d\x90" + body, {**HTML, "Content-Encoding": "compress"})),
        "/asing": always(Reply(200, body, {**HTML, "Content-Encoding": "gzip, rot13"})),
        "/rusak": always(Reply(200, b"\x1f\x8b\x08\x00 bukan gzip sama sekali", {**HTML, "Content-Encoding": "gzip"})),
    })
    summary = crawl(tmp_path, [site.url("/compress"), site.url("/asing"), site.url("/rusak")], replace(FAST, retries=2))
    reasons = dict((url.rsplit("/", 1)[1], reason) for url, reason in summary.failures)
    assert "content coding 'compress' not supported" in reasons["compress"]
    assert "content coding 'rot13' not supported" in reasons["asing"]
    assert "corrupt gzip data" in reasons["rusak"]
    assert summary.fetched == 0 and not responses(tmp_path / "out.warc.gz")
    assert [site.paths().count(p) for p in ("/compress", "/asing", "/rusak")] == [1, 1, 1]


# -- 4. userinfo -------------------------------------------------------------------------------


def test_a_redirect_to_a_url_with_credentials_is_an_error_and_the_secret_goes_nowhere(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = raw_site(sites, {"/robots.txt": response("404 Not Found", [])})
    with_secret = site.url("/rahasia").replace("http://", "http://budi:sandi-rahasia@")
    site.routes["/pintu"] = response("302 Found", [("Location", with_secret)])
    site.routes["/rahasia"] = response("200 OK", [("Content-Type", "text/html; charset=utf-8")], html_page("Rahasia", ARTICLE))
    site.routes["/peta.xml"] = response("200 OK", [("Content-Type", "application/xml")], (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{with_secret}</loc></url></urlset>"
    ).encode())
    out, clean = tmp_path / "out.warc.gz", tmp_path / "clean.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "cleaner.cli", "fetch", site.url("/pintu"), "--sitemap", site.url("/peta.xml"),
         "-o", str(out), "--clean", str(clean), "--delay", "0.05", "--retries", "0"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert "redirect to a URL with credentials" in result.stderr and "URL with credentials (userinfo), refused" in result.stderr
    assert "/rahasia" not in site.paths() and "sandi-rahasia" not in result.stderr
    assert not any("Authorization" in headers for _, headers in site.requests)
    archive = gzip.decompress(out.read_bytes()) if out.stat().st_size else b""
    assert b"sandi-rahasia" not in archive
    assert not clean.exists() or "sandi-rahasia" not in clean.read_text(encoding="utf-8")


def test_a_robots_txt_redirecting_to_a_url_with_credentials_is_not_followed(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = raw_site(sites, {"/berita": response("200 OK", [("Content-Type", "text/html; charset=utf-8")], html_page("Berita", ARTICLE))})
    site.routes["/robots.txt"] = response("301 Moved", [("Location", site.url("/robots-lain.txt").replace("http://", "http://budi:sandi-rahasia@"))])
    summary = crawl(tmp_path, [site.url("/berita")])
    assert summary.fetched == 1 and site.paths() == ["/robots.txt", "/berita"]  # a dead end: no restrictions
    assert not any("Authorization" in headers for _, headers in site.requests)


def test_credentials_in_a_url_the_user_gives_are_never_sent_nor_stored(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = raw_site(sites, {
        "/robots.txt": response("404 Not Found", []),
        "/berita": response("200 OK", [("Content-Type", "text/html; charset=utf-8")], html_page("Berita", ARTICLE)),
    })
    summary = crawl(tmp_path, [site.url("/berita").replace("http://", "http://budi:sandi-rahasia@")])
    assert summary.fetched == 1
    assert not any("Authorization" in headers for _, headers in site.requests)
    [stored] = list(read_responses(tmp_path / "out.warc.gz"))
    assert stored.url == site.url("/berita")
    assert b"sandi-rahasia" not in gzip.decompress((tmp_path / "out.warc.gz").read_bytes())


# -- 5. one server, many spellings --------------------------------------------------------------


def test_authority_normalisation() -> None:
    assert {normalise(url) for url in (
        "http://127.0.0.1/", "HTTP://127.0.0.1:80/", "http://127.0.0.1:/", "http://127.0.0.1:0080", "http://user:pw@127.0.0.1/",
    )} == {"http://127.0.0.1/"}
    assert normalise("https://Berita.Contoh.ID:443/a?b=1") == "https://berita.contoh.id/a?b=1"
    assert normalise("https://berita.contoh.id:80/") == "https://berita.contoh.id:80/"  # 80 is no default for https
    assert normalise("http://[::1]:08080/x") == "http://[::1]:8080/x"
    assert normalise("http://BÉRITA.contoh.id/") == normalise("http://xn--brita-bsa.contoh.id/") == "http://xn--brita-bsa.contoh.id/"
    with pytest.raises(BadUrl):
        normalise("http://berita.contoh.id:99999/")


def test_one_server_under_several_spellings_gets_one_robots_txt_and_one_delay(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {"/robots.txt": ROBOTS_OPEN, **{f"/{name}": always(page_route(name)) for name in "abcd"}})
    port = site.base.rsplit(":", 1)[1]
    spellings = [
        f"http://127.0.0.1:{port}/a", f"http://127.0.0.1:00{port}/b", f"HTTP://127.0.0.1:{port}/c", f"http://tamu@127.0.0.1:{port}/d",
        f"http://127.0.0.1:0{port}/a",  # the first again, spelled otherwise: not fetched twice
    ]
    summary = crawl(tmp_path, spellings, replace(FAST, delay=0.3))
    assert summary.fetched == 4 and not summary.failures
    assert site.paths().count("/robots.txt") == 1 and sorted(site.paths()) == ["/a", "/b", "/c", "/d", "/robots.txt"]
    times = [hit.at for hit in site.hits]
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.28  # one host: one delay between all requests
    assert sorted(r.url for r in read_responses(tmp_path / "out.warc.gz")) == [site.url(f"/{name}") for name in "abcd"]


# -- 6. sitemaps ---------------------------------------------------------------------------------


def sitemap_index(urls: list[str]) -> Reply:
    entries = "".join(f"<sitemap><loc>{url}</loc></sitemap>" for url in urls)
    body = f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'
    return Reply(200, body.encode(), {"Content-Type": "application/xml"})


def urlset(urls: list[str]) -> Reply:
    entries = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    return Reply(200, f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'.encode(),
                 {"Content-Type": "application/xml"})


def test_nested_sitemap_indexes_are_followed_to_a_bounded_depth(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {"/robots.txt": ROBOTS_OPEN})
    for depth in range(12):
        site.routes[f"/indeks-{depth}.xml"] = always(sitemap_index([site.url(f"/indeks-{depth + 1}.xml")]))
    summary = crawl(tmp_path, [site.url("/indeks-0.xml")], replace(FAST, max_sitemap_depth=2), kind="sitemap")
    assert [p for p in site.paths() if p.startswith("/indeks")] == ["/indeks-0.xml", "/indeks-1.xml", "/indeks-2.xml"]
    assert dict(summary.not_read) == {"nested deeper than 2 (--max-sitemap-depth)": 1}
    assert "feeds and sitemaps not read: nested deeper than 2" in summary.line()


def test_an_index_of_many_sitemaps_is_read_up_to_the_count(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {"/robots.txt": ROBOTS_OPEN})
    site.routes["/indeks.xml"] = always(sitemap_index([site.url(f"/peta-{i}.xml") for i in range(40)]))
    for i in range(40):
        site.routes[f"/peta-{i}.xml"] = always(urlset([]))
    summary = crawl(tmp_path, [site.url("/indeks.xml")], replace(FAST, max_sitemaps=5), kind="sitemap")
    assert sum(p.startswith("/peta-") for p in site.paths()) == 4  # the index and four of its sitemaps
    assert dict(summary.not_read) == {"past 5 sitemaps (--max-sitemaps)": 36}


def test_an_index_lists_only_sitemaps_of_its_own_host(tmp_path: Path, sites: list[HttpSite]) -> None:
    elsewhere = serve(sites, {"/robots.txt": ROBOTS_OPEN, "/peta.xml": always(urlset([]))}, host="127.0.0.2")
    site = serve(sites, {"/robots.txt": ROBOTS_OPEN, "/peta.xml": always(urlset([]))})
    site.routes["/indeks.xml"] = always(sitemap_index([elsewhere.url("/peta.xml"), site.url("/peta.xml")]))
    summary = crawl(tmp_path, [site.url("/indeks.xml")], kind="sitemap")
    assert elsewhere.paths() == [] and "/peta.xml" in site.paths()
    assert dict(summary.not_read) == {"on another host than its index": 1}


def test_a_sitemap_lists_only_pages_of_its_own_site(tmp_path: Path, sites: list[HttpSite]) -> None:
    elsewhere = serve(sites, {"/robots.txt": ROBOTS_OPEN, "/berita/lain": always(page_route("Lain"))}, host="127.0.0.2")
    site = serve(sites, {"/robots.txt": ROBOTS_OPEN, "/berita/1": always(page_route("Satu"))})
    site.routes["/peta.xml"] = always(urlset([elsewhere.url("/berita/lain"), site.url("/berita/1")]))
    summary = crawl(tmp_path, [site.url("/peta.xml")], kind="sitemap")
    assert elsewhere.paths() == [] and "/berita/1" in site.paths() and summary.fetched == 1
    assert dict(summary.not_read) == {"a sitemap entry on another site": 1}


def test_the_site_of_an_address_is_its_registrable_domain() -> None:
    from cleaner.fetch.crawler import same_site, site_of

    assert site_of("https://nasional.kompas.com/read/1") == "kompas.com"
    assert site_of("https://jabar.tribunnews.co.id/x") == "tribunnews.co.id" and site_of("http://127.0.0.1:8080/x") == "127.0.0.1"
    assert same_site("https://www.detik.com/x", "https://news.detik.com/y") and not same_site("https://detik.com/x", "https://kompas.com/y")


def test_discovery_stops_when_the_page_budget_is_spent(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {"/robots.txt": ROBOTS_OPEN})
    site.routes["/indeks.xml"] = always(sitemap_index([site.url(f"/peta-{i}.xml") for i in range(30)]))
    for i in range(30):
        site.routes[f"/peta-{i}.xml"] = always(urlset([site.url(f"/berita/{i}-{j}") for j in range(3)]))
        for j in range(3):
            site.routes[f"/berita/{i}-{j}"] = always(page_route(f"Berita {i} {j}"))
    store, crawler = crawler_for(tmp_path, replace(FAST, delay=0.3), max_pages=2)
    crawler.add(site.url("/indeks.xml"), "sitemap")
    started = time.monotonic()
    try:
        summary = crawler.run()
    finally:
        store.close()
    # Five requests 0.3 s apart; the 29 sitemaps left are dropped without a delay each (8.7 s).
    assert time.monotonic() - started < 6.0
    assert summary.fetched == 2
    assert sum(p.startswith("/peta-") for p in site.paths()) == 1  # the first sitemap spent the budget
    assert sum(p.startswith("/berita/") for p in site.paths()) == 2
    assert summary.not_read["page budget spent (--max-pages)"] == 29


# -- 8. two runs on one archive; a re-run and the dead ends it stored ----------------------------


def fetch_args(out: Path, *urls: str) -> list[str]:
    return [sys.executable, "-m", "cleaner.cli", "fetch", *urls, "-o", str(out), "--delay", "0.05", "--no-progress"]


def test_a_second_fetch_on_one_archive_is_refused_while_the_first_runs(tmp_path: Path, sites: list[HttpSite]) -> None:
    release = threading.Event()

    def slow(count: int) -> Reply:  # answers once the test has tried its second run (30 s at most)
        release.wait(timeout=30)
        return Reply(200, html_page("Lambat", ARTICLE), HTML)

    site = serve(sites, {"/robots.txt": ROBOTS_OPEN, "/lambat": slow, "/cepat": always(page_route("Cepat"))})
    out = tmp_path / "out.warc.gz"
    first = subprocess.Popen(fetch_args(out, site.url("/lambat")), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while "/lambat" not in site.paths() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert "/lambat" in site.paths()
        link = tmp_path / "nama-lain.warc.gz"
        os.symlink(out, link)
        for name in (out, link):  # the same archive under another name is the same archive
            second = subprocess.run(fetch_args(name, site.url("/cepat")), capture_output=True, text=True, timeout=60)
            assert second.returncode == 2, second.stderr
            assert "being written by another cleaner fetch run" in second.stderr
        release.set()
        _, stderr = first.communicate(timeout=60)
    finally:
        release.set()
        if first.poll() is None:
            first.kill()
            first.wait()
    assert first.returncode == 0, stderr
    assert "/cepat" not in site.paths()
    assert [r.url for r in read_responses(out)] == [site.url("/lambat")]
    again = subprocess.run(fetch_args(out, site.url("/cepat")), capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr  # the lock went with the first run
    assert [r.url for r in read_responses(out)] == [site.url("/lambat"), site.url("/cepat")]


def test_a_rerun_does_not_ask_again_for_the_redirect_dead_ends_it_stored(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {
        "/robots.txt": ROBOTS_OPEN,
        "/putar-a": always(Reply(302, b"", {"Location": "/putar-b"})),
        "/putar-b": always(Reply(302, b"", {"Location": "/putar-a"})),
        "/diri": always(Reply(301, b"", {"Location": "/diri"})),
        **{f"/r{i}": always(Reply(302, b"", {"Location": f"/r{i + 1}"})) for i in range(10)},
        "/ke-putaran": always(Reply(301, b"", {"Location": "/putar-b"})),
    })
    settings = replace(FAST, max_redirects=3)
    seeds = [site.url("/putar-a"), site.url("/diri"), site.url("/r0")]
    first = crawl(tmp_path, seeds, settings)
    assert dict(first.failed) == {"redirect loop": 2, "more than 3 redirects": 1}
    hits, stored = len(site.hits), len(records(tmp_path / "out.warc.gz"))

    again = crawl(tmp_path, seeds, settings)
    assert len(site.hits) == hits and len(records(tmp_path / "out.warc.gz")) == stored  # nothing asked or stored again
    assert again.already_stored == 3 and not again.failures

    # A new URL that leads into a stored loop fails as the loop did, after its own request only.
    third = crawl(tmp_path, [site.url("/ke-putaran")], settings)
    assert dict(third.failed) == {"redirect loop": 1}
    assert site.paths()[hits:] == ["/robots.txt", "/ke-putaran"]
    # A longer allowance lets the chain be followed again: it was only over the old limit.
    longer = crawl(tmp_path, [site.url("/r0")], replace(settings, max_redirects=20))
    assert "/r4" in site.paths()[hits:] and longer.already_stored == 0


# -- 21. the last line of fetch --clean ----------------------------------------------------------


def test_the_last_line_of_fetch_clean_names_the_archive_and_the_jsonl(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {"/robots.txt": ROBOTS_OPEN, "/berita": always(page_route("Berita"))})
    out, clean = tmp_path / "arsip.warc.gz", tmp_path / "bersih.jsonl"
    result = subprocess.run([*fetch_args(out, site.url("/berita")), "--clean", str(clean)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("fetched 1,") and f"-> {out};" in last and last.endswith(f"cleaned 1 -> {clean}")
    assert [json.loads(line)["url"] for line in clean.read_text(encoding="utf-8").splitlines()] == [site.url("/berita")]


def test_the_body_decoder_reads_every_gzip_member_in_bounded_pieces_whatever_the_chunking() -> None:
    from cleaner.fetch.codings import PIECE, BodyDecoder, Undecodable, codings_of

    first, second = bytes(300_000), ARTICLE.encode() * 50
    raw = gzip.compress(first) + gzip.compress(second) + b"\0\0"  # two members, then padding some servers add
    for step in (1, 7, 4096, len(raw)):
        decoder = BodyDecoder(codings_of([("Content-Encoding", "gzip")]), 10_000_000)
        pieces = [piece for start in range(0, len(raw), step) for piece in decoder.feed(raw[start : start + step])]
        assert b"".join(pieces) == first + second and max(map(len, pieces)) <= PIECE
    # A middle layer may not balloon either: megabytes of empty gzip members decode to nothing at all.
    empty_members = gzip.compress(b"") * 200_000
    with pytest.raises(Undecodable, match="the gzip layer inflates past"):
        list(BodyDecoder(["gzip", "gzip"], 1000).feed(gzip.compress(empty_members, 9)))
