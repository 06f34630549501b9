"""``clean`` on what the web produces (issue 6): never raises, refuses with a reason, parses inertly.

The sizes here are small; ``scripts/stress.py`` times the full-size inputs.
"""

from __future__ import annotations

import http.server
import threading
from pathlib import Path
from typing import Iterator

import pytest

import cleaner.engine
from cleaner import CleanOptions, UnknownSiteError, clean
from cleaner.article import Outcome
from cleaner.limits import Limits

SMALL = Limits(max_chars=10_000, max_lines=100, max_elements=500, max_fallback_elements=200)


def refusal(article_warnings: tuple[str, ...]) -> str:
    return " ".join(article_warnings)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (bytes(range(256)) * 30, "binary input"),
        ("kata " * 5_000, "input too large"),
        (b"kata " * 5_000, "input too large"),
        ("Baris pendek.\n" * 500, "input too long"),
        ("<html><body>" + "<p>Paragraf.</p>" * 600 + "</body></html>", "page too large"),
    ],
)
def test_input_beyond_the_limits_is_refused_with_a_reason(content: str | bytes, reason: str) -> None:
    article = clean(content, options=CleanOptions(limits=SMALL))
    assert article.outcome is Outcome.REFUSED, article.provenance.reason  # refused by a limit, not a crash
    assert article.text == "" and reason in refusal(article.warnings)
    assert article.provenance.extractor == "fallback" and article.provenance.rule == "none"


def test_a_page_too_large_for_trafilatura_gets_plain_blocks() -> None:
    page = "<html><body>" + "".join(f"<p>Kalimat berita nomor {i} yang cukup panjang.</p>" for i in range(300)) + "</body></html>"
    article = clean(page, options=CleanOptions(limits=Limits(max_fallback_elements=200)))
    assert article.outcome is Outcome.ARTICLE
    assert "Kalimat berita nomor 299 yang cukup panjang." in article.text
    assert any("too large for trafilatura" in w for w in article.warnings)


@pytest.mark.parametrize(
    "content",
    [
        "",
        b"",
        "\x00" * 100,
        "<html><body>" + "<div>" * 5_000 + "teks" + "</div>" * 5_000 + "</body></html>",
        '<html><head><script type="application/ld+json">' + "[" * 5_000 + '{"@type":' + "</script></head><body></body></html>",
        b"\xff\xfe\xfd" * 1000,
    ],
)
def test_degenerate_input_gives_an_empty_article_with_a_warning(content: str | bytes) -> None:
    article = clean(content)
    assert article.text == "" and article.warnings
    assert article.outcome in (Outcome.REFUSED, Outcome.NON_ARTICLE), article.provenance.reason  # read and refused, not crashed


def test_control_characters_and_odd_line_breaks_are_normalized() -> None:
    article = clean("Jakarta (ANTARA) - Isi\x07berita\x00nya baik.\u2028Kalimat kedua.\x85Kalimat ketiga.", site="antara")
    assert article.text == "Isi beritanya baik.\n\nKalimat kedua.\n\nKalimat ketiga."


def test_an_internal_failure_gives_an_empty_article_not_an_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(cleaner.engine, "extract_text", broken)
    article = clean("Jakarta (ANTARA) - Isi berita.")
    assert article.text == "" and "internal error while cleaning: RecursionError" in article.warnings[0]
    assert article.outcome == "failed" and "RecursionError" in (article.provenance.reason or "")


def test_an_unknown_site_is_the_one_exception() -> None:
    with pytest.raises(UnknownSiteError):
        clean("Isi berita.", site="no-such-site")
    with pytest.raises(UnknownSiteError):
        clean(b"\x00\x01" * 10, site="no-such-site")  # refused before any work, still this error


@pytest.fixture()
def request_log() -> Iterator[tuple[str, list[str]]]:
    """A server on 127.0.0.1 that records every request it gets."""
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            seen.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"EXTERNAL-CONTENT")

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


def test_parsing_reads_no_file_and_no_network(tmp_path: Path, request_log: tuple[str, list[str]]) -> None:
    base, seen = request_log
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-FILE-CONTENT", encoding="utf-8")
    pages = [
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}"><!ENTITY net SYSTEM "{base}/entity">]>'
        "<html><body><p>Isi &xxe; dan &net; berita yang cukup panjang untuk diambil.</p></body></html>",
        f'<!DOCTYPE html SYSTEM "{base}/dtd"><html><body><p>Isi berita dengan DTD luar yang cukup panjang.</p></body></html>',
        f'<html xmlns:xi="http://www.w3.org/2001/XInclude"><body><xi:include href="file://{secret}" parse="text"/>'
        f'<xi:include href="{base}/xinclude" parse="text"/><p>Isi berita dengan XInclude yang cukup panjang.</p>'
        f'<img src="{base}/img.jpg"><link rel="stylesheet" href="{base}/style.css"><iframe src="{base}/frame"></iframe></body></html>',
    ]
    for page in pages:
        for content in (page, page.encode()):
            for url in (None, "https://www.liputan6.com/news/read/1/x", "https://contoh.id/berita/1"):
                article = clean(content, url=url)
                assert "SECRET" not in repr(article.to_dict()) and "EXTERNAL" not in repr(article.to_dict())
    assert seen == []
