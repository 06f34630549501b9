"""`cleaner fetch` against the faults of issue 14, each on a local server (127.0.0.0/8 only).

Every loop here is bounded in requests and in time; delays are checked on the server's
own request log.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from cleaner.fetch.store import SERVER_NOT_MODIFIED, WarcStore

from .conftest import need
from .httpsite import HttpSite, Reply, always, html_page
from .test_fetch import ARTICLE, FAST, ROBOTS_OPEN, crawl, page_route, serve

UTC = timezone.utc


def records(path: Path) -> list[object]:
    with open(path, "rb") as handle:
        found = []
        for record in ArchiveIterator(handle):
            record.payload = record.content_stream().read()  # type: ignore[attr-defined]
            found.append(record)
        return found


def gaps(site: HttpSite, paths: list[str]) -> list[float]:
    times = [hit.at for hit in site.hits if hit.path in paths]
    return [b - a for a, b in zip(times, times[1:])]


def test_a_robots_txt_with_a_byte_order_mark_is_obeyed(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {
        "/robots.txt": always(Reply(200, b"\xef\xbb\xbfUser-agent: *\nDisallow: /private\n")),
        "/private/x.html": always(page_route("Privat")),
    })
    summary = crawl(tmp_path, [site.url("/private/x.html")])
    assert summary.robots_denied == 1 and summary.fetched == 0
    assert "/private/x.html" not in site.paths()


def test_a_crash_between_a_redirect_and_its_target_loses_nothing(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {
        "/robots.txt": ROBOTS_OPEN,
        "/lama": always(Reply(301, b"", {"Location": "/baru"})),
        "/baru": always(page_route("Baru")),
    })
    # The archive as kill -9 left it: the 301 written, the target never fetched.
    store = WarcStore(tmp_path / "out.warc.gz").open()
    store.write_response(site.url("/lama"), 301, "Moved", [("Location", "/baru")], b"", datetime.now(UTC))
    store.close()
    summary = crawl(tmp_path, [site.url("/lama")])
    assert summary.already_stored == 0 and summary.fetched == 1
    assert site.paths().count("/baru") == 1
    assert WarcStore(tmp_path / "out.warc.gz").open().stored >= {site.url("/lama"), site.url("/baru")}
    again = crawl(tmp_path, [site.url("/lama")])  # now the redirect counts as stored: its target is
    assert again.already_stored == 1 and site.paths().count("/baru") == 1


def test_crawl_delay_is_honoured_beyond_the_retry_after_cap_and_capped_by_its_own(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {
        "/robots.txt": always(Reply(200, b"User-agent: *\nCrawl-delay: 1.2\n")),
        **{f"/p{i}": always(page_route(f"P{i}")) for i in range(3)},
    })
    summary = crawl(tmp_path, [site.url(f"/p{i}") for i in range(3)], replace(FAST, max_retry_after=0.3))
    assert summary.fetched == 3 and min(gaps(site, ["/p0", "/p1", "/p2"])) >= 1.15
    capped = serve(sites, {
        "/robots.txt": always(Reply(200, b"User-agent: *\nCrawl-delay: 30\n")),
        **{f"/q{i}": always(page_route(f"Q{i}")) for i in range(2)},
    })
    summary = crawl(tmp_path / "c", [capped.url("/q0"), capped.url("/q1")], replace(FAST, max_crawl_delay=0.6))
    assert summary.fetched == 2 and 0.55 <= gaps(capped, ["/q0", "/q1"])[0] < 5
    assert capped.base in summary.capped_delays and "Crawl-delay of 30 s, 0.6 s used" in summary.line()


def test_a_retry_after_on_the_last_attempt_holds_the_host(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {
        "/robots.txt": ROBOTS_OPEN,
        "/sibuk": always(Reply(503, b"", {"Retry-After": "1"})),
        "/berikut": always(page_route("Berikut")),
    })
    summary = crawl(tmp_path, [site.url("/sibuk"), site.url("/berikut")], replace(FAST, retries=0))
    assert sum(summary.failed.values()) == 1 and summary.fetched == 1
    assert gaps(site, ["/sibuk", "/berikut"])[0] >= 0.95


def test_a_robots_txt_over_500_kib_has_its_first_500_kib_parsed(tmp_path: Path, sites: list[HttpSite]) -> None:
    robots = b"User-agent: *\nDisallow: /private\n" + b"# padding\n" * 51_000
    assert len(robots) > 510_000
    site = serve(sites, {
        "/robots.txt": always(Reply(200, robots)),
        "/private/x": always(page_route("Privat")),
        "/public/x": always(page_route("Publik")),
    })
    summary = crawl(tmp_path, [site.url("/private/x"), site.url("/public/x")])
    assert summary.robots_denied == 1 and summary.fetched == 1 and "/private/x" not in site.paths()


def test_two_urls_redirecting_to_one_page_fetch_it_once(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {
        "/robots.txt": ROBOTS_OPEN,
        "/a": always(Reply(301, b"", {"Location": "/artikel"})),
        "/b": always(Reply(302, b"", {"Location": "/artikel"})),
        "/artikel": always(page_route("Artikel")),
    })
    summary = crawl(tmp_path, [site.url("/a"), site.url("/b")])
    assert site.paths().count("/artikel") == 1 and summary.fetched == 1 and summary.same_page == 1
    stored = WarcStore(tmp_path / "out.warc.gz").open().stored
    assert {site.url("/a"), site.url("/b"), site.url("/artikel")} <= stored  # both seeds accounted for
    assert sum(1 for r in records(tmp_path / "out.warc.gz") if r.http_headers.get_statuscode() == "200") == 1  # type: ignore[attr-defined]


def test_the_warc_holds_the_decoded_body_with_headers_that_match(tmp_path: Path, sites: list[HttpSite]) -> None:
    body = html_page("Berita", ARTICLE)
    site = serve(sites, {
        "/robots.txt": ROBOTS_OPEN,
        "/gz": always(Reply(200, gzip.compress(body), {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"})),
    })
    crawl(tmp_path, [site.url("/gz")])
    [record] = [r for r in records(tmp_path / "out.warc.gz") if r.rec_type == "response"]  # type: ignore[attr-defined]
    headers = record.http_headers  # type: ignore[attr-defined]
    assert record.payload == body  # type: ignore[attr-defined]
    assert headers.get_header("Content-Encoding") is None and headers.get_header("Transfer-Encoding") is None
    assert headers.get_header("Content-Length") == str(len(body))
    assert headers.get_header("X-Crawler-Original-Content-Encoding") == "gzip"

    WarcReader = need("datatrove.pipeline.readers").WarcReader  # the datatrove extra: skipped (with why) where absent
    need("magic")  # its WarcReader needs libmagic, a system package

    [document] = list(WarcReader(str(tmp_path), glob_pattern="*.warc.gz").run())
    assert document.text == body.decode("utf-8")


def test_a_server_that_drips_is_cut_at_the_deadline(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {"/robots.txt": ROBOTS_OPEN, "/tetes": always(Reply(200, b"x" * 40, drip=0.2))})
    settings = replace(FAST, read_timeout=1.5, deadline=0.8, retries=0)
    summary = crawl(tmp_path, [site.url("/tetes")], settings)
    [(url, reason)] = summary.failures
    assert url == site.url("/tetes") and "deadline of 0.8 s" in reason


def test_a_body_shorter_than_its_content_length_fails_with_its_reason(tmp_path: Path, sites: list[HttpSite]) -> None:
    site = serve(sites, {"/robots.txt": ROBOTS_OPEN, "/pendek": always(Reply(200, b"y" * 500, {"Content-Length": "1000"}))})
    summary = crawl(tmp_path, [site.url("/pendek")], replace(FAST, retries=1))
    [(_, reason)] = summary.failures
    assert "short body" in reason and summary.fetched == 0
    assert not [r for r in records(tmp_path / "out.warc.gz") if r.rec_type == "response"]  # type: ignore[attr-defined]


def test_a_page_with_a_bogus_charset_is_archived_and_cleaned_by_detection(tmp_path: Path, sites: list[HttpSite]) -> None:
    body = html_page("Kafé di Jakarta", "Kafé di Jakarta ramai pada Senin pagi, kata pemiliknya kepada wartawan di sana.")
    site = serve(sites, {"/robots.txt": ROBOTS_OPEN, "/kafe": always(Reply(200, body, {"Content-Type": "text/html; charset=undefined"}))})
    out, clean = tmp_path / "out.warc.gz", tmp_path / "clean.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "cleaner.cli", "fetch", site.url("/kafe"), "-o", str(out), "--clean", str(clean), "--delay", "0.05"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    [record] = [json.loads(line) for line in clean.read_text(encoding="utf-8").splitlines()]
    assert record["outcome"] == "article" and "Kafé di Jakarta ramai" in record["text"]


def test_revisit_asks_conditionally_records_304s_and_archives_changes(tmp_path: Path, sites: list[HttpSite]) -> None:
    same = Reply(200, html_page("Tetap", ARTICLE), {"Content-Type": "text/html; charset=utf-8"}, etag='"v1"')
    site = serve(sites, {
        "/robots.txt": ROBOTS_OPEN,
        "/tetap": always(same),
        "/berubah": lambda count: Reply(
            200, html_page("Berubah", ARTICLE + (" Diperbarui sore ini." if count else "")),
            {"Content-Type": "text/html; charset=utf-8"}, etag=f'"v{min(count, 1) + 1}"',
        ),
    })
    out, clean = tmp_path / "out.warc.gz", tmp_path / "clean.jsonl"
    command = [sys.executable, "-m", "cleaner.cli", "fetch", site.url("/tetap"), site.url("/berubah"), "-o", str(out),
               "--clean", str(clean), "--delay", "0.05"]
    first = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0 and "fetched 2" in first.stderr, first.stderr
    plain = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert "already stored 2" in plain.stderr and site.paths().count("/tetap") == 1  # no revisit asked: nothing fetched
    hits_before = len(site.hits)
    second = subprocess.run([*command, "--revisit"], capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    assert "not modified 1" in second.stderr and "fetched 1 (1 changed since stored)" in second.stderr
    asked = site.hits[hits_before:]
    assert sorted(hit.path for hit in asked) == ["/berubah", "/robots.txt", "/tetap"]  # nothing else fetched
    assert all(hit.headers.get("If-None-Match") == '"v1"' for hit in asked if hit.path != "/robots.txt")
    archived = records(out)
    [revisit] = [r for r in archived if r.rec_type == "revisit"]  # type: ignore[attr-defined]
    assert revisit.rec_headers.get_header("WARC-Profile") == SERVER_NOT_MODIFIED  # type: ignore[attr-defined]
    assert revisit.rec_headers.get_header("WARC-Target-URI") == site.url("/tetap")  # type: ignore[attr-defined]
    updated = [r for r in archived if r.rec_type == "response" and r.rec_headers.get_header("WARC-Refers-To")]  # type: ignore[attr-defined]
    assert len(updated) == 1 and b"Diperbarui sore ini." in updated[0].payload  # type: ignore[attr-defined]
    cleaned = [json.loads(line) for line in clean.read_text(encoding="utf-8").splitlines()]
    assert len(cleaned) == 3 and cleaned[-1]["url"] == site.url("/berubah") and cleaned[-1]["updates"].startswith("<urn:uuid:")
    assert "Diperbarui sore ini." in cleaned[-1]["text"]
