"""What reaches a reader stays inert and quiet (issue 23): a closed pipe ends without a
traceback, Markdown carries no live HTML from a page, a terminal sees no raw escapes."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pathlib import Path

from .conftest import FIXTURES, ROOT

CLEANER = [sys.executable, "-m", "cleaner.cli"]


def test_a_pipe_closed_at_once_ends_without_a_traceback() -> None:
    """`cleaner clean … -f text | true`, with worker processes: the pool's exit must not race."""
    for _ in range(8):
        process = subprocess.Popen(
            [*CLEANER, "clean", str(FIXTURES), "-f", "text", "--jobs", "2", "--no-progress"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # the reader is gone before the first record
        stderr = process.stderr.read().decode("utf-8", "replace")
        process.wait(timeout=120)
        assert "Exception ignored" not in stderr and "Traceback" not in stderr, stderr
        assert process.returncode in (0, 141), stderr


def _slow_square(number: int) -> int:
    import time

    time.sleep(0.2)
    return number * number


def test_a_consumer_that_stops_leaves_no_pool_thread_to_race_the_exit() -> None:
    """The exit hook of a pool still shutting down writes to a pipe its thread is closing;
    a consumer that stops (a closed pipe) must see the pool shut down whole."""
    import threading

    from cleaner.parallel import map_ordered

    results = map_ordered(_slow_square, range(40), jobs=2, chunk_size=1)
    assert next(results) == 0
    results.close()
    assert not [thread for thread in threading.enumerate() if type(thread).__name__ == "_ExecutorManagerThread"]


HOSTILE_URL = "https://example.id/berita/\x1b]0;judul palsu\x07\x1b[2J\x9b31m"
ARTICLE = (
    "Warga Membersihkan Sungai\n"
    "JAKARTA - Warga tiga kelurahan membersihkan sungai bersama pada Minggu pagi dan mengangkut sampah plastik.\n"
    "Kegiatan itu diulang setiap bulan agar aliran air tidak tersumbat ketika musim hujan datang.\n"
)


def _hostile_batch(tmp_path: Path) -> Path:
    import json

    batch = tmp_path / "hostile.jsonl"
    batch.write_text(
        json.dumps({"url": HOSTILE_URL, "id": "a\x9bb", "text": ARTICLE}) + "\n" + json.dumps({"id": "c\x1b[2J\x9bd", "text": ""}) + "\n",
        encoding="utf-8",
    )
    return batch


def _raw_controls(text: str) -> list[str]:
    return [char for char in text if (ord(char) < 0x20 and char not in "\n\t") or 0x7F <= ord(char) <= 0x9F]


def test_explain_shows_a_pages_escapes_escaped(tmp_path: Path) -> None:
    batch = _hostile_batch(tmp_path)
    plain = subprocess.run([*CLEANER, "explain", str(batch), "--no-color"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert not _raw_controls(plain.stdout) and not _raw_controls(plain.stderr), (plain.stdout, plain.stderr)
    assert "\\x1b]0;judul palsu\\x07\\x1b[2J\\x9b31m" in plain.stdout  # shown, not acted on
    assert "c\\x1b[2J\\x9bd" in plain.stderr or "error" in plain.stderr
    coloured = subprocess.run([*CLEANER, "explain", str(batch), "--color"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    unstyled = re.sub("\x1b\\[[0-9;]*m", "", coloured.stdout)  # the verdicts' own colours are ours
    assert not _raw_controls(unstyled), unstyled


def test_a_file_name_with_escapes_reaches_the_terminal_escaped(tmp_path: Path) -> None:
    named = tmp_path / "a\x1b[2Jb.txt"
    named.write_text(ARTICLE, encoding="utf-8")
    result = subprocess.run([*CLEANER, "explain", str(named), "--no-color"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "a\\x1b[2Jb.txt" in result.stdout and not _raw_controls(result.stdout)


def test_error_records_on_stderr_carry_no_raw_c1_controls(tmp_path: Path) -> None:
    import json

    result = subprocess.run([*CLEANER, "clean", str(_hostile_batch(tmp_path)), "--no-progress"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 1, result.stderr
    assert not _raw_controls(result.stderr) and not _raw_controls(result.stdout), result.stderr
    errors = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert [record["id"] for record in errors] == ["c\x1b[2J\x9bd"]  # the data itself is kept whole
    assert json.loads(result.stdout)["url"] == HOSTILE_URL


INJECTED = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "<!-- komentar --><iframe src=//contoh.invalid></iframe>",
    "\\<svg onload=alert(3)>",
    "`<b>tebal</b>`",
    "![peta](http://contoh.invalid/x.png) dan [tautan](javascript:alert(4))",
]


def test_markdown_output_carries_no_live_html(tmp_path: Path) -> None:
    """Text that mentions tags, from a page's entities or a dump's lines, renders as that text."""
    pytest.importorskip("markdown_it", reason="markdown-it-py (a dependency of rich) renders the CommonMark")
    from lxml import html as lxml_html
    from markdown_it import MarkdownIt

    paragraphs = "".join(
        f"<p>Paragraf ke-{number} menuliskan kode {snippet.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')} "
        "sebagai contoh serangan yang dibahas para peneliti keamanan di Jakarta.</p>"
        for number, snippet in enumerate(INJECTED, 1)
    )
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Judul &lt;i&gt;miring&lt;/i&gt; &amp;lt;</title></head><body><article>"
        "<h1>Peneliti Bahas Serangan &lt;script&gt; di Situs Berita</h1>"
        f"<p>JAKARTA - Entitas &amp;lt;b&amp;gt; dan &amp;#60;i&amp;#62; ditulis apa adanya dalam berita ini.</p>{paragraphs}"
        "</article></body></html>",
        encoding="utf-8",
    )
    dump = tmp_path / "dump.txt"
    # The dump's lines carry every snippet but the Markdown one: image and link syntax together
    # make a dump Markdown (cleaner/markdown.py), whose raw HTML is then markup, not text.
    in_dump = [snippet for snippet in INJECTED if "](" not in snippet]
    dump.write_text(ARTICLE + "".join(f"Baris {snippet} tetap berupa teks biasa bagi pembaca berita ini.\n" for snippet in in_dump), encoding="utf-8")
    result = subprocess.run([*CLEANER, "clean", str(page), str(dump), "-f", "md", "--jobs", "1"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    rendered = MarkdownIt("commonmark").render(result.stdout)
    tree = lxml_html.fragment_fromstring(rendered, create_parent="div")
    tags = {element.tag for element in tree.iter() if isinstance(element.tag, str)}
    assert not tags & {"script", "img", "iframe", "svg", "b", "i", "a", "code"}, tags
    assert not [node for node in tree.iter() if not isinstance(node.tag, str)]  # no comment survives
    shown = tree.text_content()
    for snippet in INJECTED:
        assert shown.count(snippet) == 1 + (snippet in in_dump)  # the text, as the page and the dump showed it
    assert "&lt;b&gt;" in shown and "&#60;i&#62;" in shown  # entities a page displayed stay as displayed


@settings(max_examples=300, deadline=None)
@example("![x](http://a/b.png) [y](javascript:alert(1)) <http://a> &lt;i&gt; \\<b> `<i>`")
@given(st.text(alphabet=st.sampled_from(list("<>&#;/\\`[]()!*_:=\"' xyzab1")), max_size=60))
def test_escaped_markdown_renders_no_tag_link_or_image(text: str) -> None:
    markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py (a dependency of rich) renders the CommonMark")
    from cleaner.inert import for_markdown

    rendered = markdown_it.MarkdownIt("commonmark").render("Teks: " + for_markdown(text) + "\n")
    tags = set(re.findall(r"<\s*/?\s*([A-Za-z][\w-]*)", rendered))
    assert tags <= {"p", "em", "strong"}, (text, rendered)
