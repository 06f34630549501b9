#!/usr/bin/env python3
"""Time the cleaner on pathological inputs and print the worst (goal: each under 2 s).

    python scripts/stress.py [--scale 1.0] [--skip-regex-audit]

Two kinds of input: the sizes issue #6 names (50 MB lines, a million lines, nesting
100,000 deep, entity bombs, JSON-LD garbage), which the cleaner refuses or reads in
linear time, and inputs just inside ``cleaner.limits.Limits``, which it reads in full
and which show the worst time a page can cost. A crash is reported as such.

The regular-expression audit then cleans adversarial lines (long runs of what
patterns repeat: letters, spaces, digits, slashes, brackets, dashes) with every
rule, in four positions, at growing sizes: time that grows faster than the input
means a pattern backtracks catastrophically, and it is flagged.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import site_rules  # noqa: E402
from cleaner import clean  # noqa: E402
from cleaner.limits import DEFAULT_LIMITS  # noqa: E402

Case = Callable[[], "tuple[str | bytes, dict[str, Any]]"]
LIPUTAN6 = {"url": "https://www.liputan6.com/news/read/1/stress"}


def issue_cases(scale: float) -> dict[str, Case]:
    """The inputs issue #6 names, at its sizes times ``scale``."""
    mb = int(50_000_000 * scale)
    lines = int(1_000_000 * scale)
    depth = int(100_000 * scale)
    return {
        "empty": lambda: ("", {}),
        "binary": lambda: (bytes(range(256)) * 4000, {}),
        "nul bytes": lambda: ("Jakarta (ANTARA) - Isi\x00berita\x00" * 1000, {}),
        "invalid utf-8": lambda: (b"TEMPO.CO, Jakarta - \xff\xfe\xfa isi " * 20000, {}),
        "50 MB single line": lambda: ("kata " * (mb // 5), {}),
        "50 MB line of one char": lambda: ("a" * mb, {}),
        "million short lines": lambda: ("Baris pendek.\n" * lines, {}),
        "million caption-like lines": lambda: ("Keterangan foto. (Liputan6.com/Fulan)\n" * lines, {}),
        "html nested deep": lambda: ("<html><body>" + "<div>" * depth + "teks" + "</div>" * depth + "</body></html>", {}),
        "html entity bomb": lambda: (
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
            '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><html><body><p>&lol3;</p></body></html>',
            {},
        ),
        "json-ld garbage": lambda: (
            '<html><head><script type="application/ld+json">' + "[" * 50_000 + '{"@type":' + "]" * 50_000
            + "</script></head><body><p>Isi berita singkat.</p></body></html>",
            {},
        ),
        "huge html page": lambda: ("<html><body>" + "<p>Paragraf berita yang cukup panjang.</p>" * lines + "</body></html>", {}),
        # issue 12: attribute floods, multi-megabyte payloads, noise, bogus charsets
        "40,000 attributes on one element": lambda: (_page(f"<div {_attributes(40_000)}>"), {}),
        "999 attributes on 1,100 elements": lambda: (_page(f"<div {_attributes(999)}>t</div>" * 1100 + "<div>"), {}),
        "7 MB JSON-LD block": lambda: (
            '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "x": "' + "y" * 7_000_000 + '"}</script></head>'
            + _page("<div>")[12:], {},
        ),
        "9 MB attribute": lambda: (_page(f'<div data-x="{"z" * 9_000_000}">'), {}),
        "random high bytes": lambda: (bytes((0x80 + (i * 37) % 128) for i in range(200_000)), {}),
        "charset=undefined page": lambda: (_page("<div>").encode("cp1252"), {"encoding": "undefined"}),
        "lone surrogates": lambda: ("Jakarta - a \ud800 b. " * 20_000, {}),
        # issue 23: long runs of blanks where a pattern edged with \s* once went quadratic
        **unicode_blank_cases(scale),
    }


#: Blanks of every Unicode kind a page may carry: no-break, en quad to hair space, medium
#: mathematical, ideographic, narrow no-break, figure space, and the ASCII ones.
UNICODE_BLANKS = " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"


def unicode_blank_cases(scale: float) -> dict[str, Case]:
    """A head's author and a dump's credit and tags lines padded with long runs of blanks (issue 23)."""
    run = max(int(30_000 * scale), 100)
    body = "<article><h1>Judul berita</h1><p>" + "Kalimat artikel yang cukup panjang untuk diuji di sini. " * 10 + "</p></article>"

    def dump(line: str) -> str:
        return "Judul berita\nJAKARTA - Isi berita pertama yang cukup panjang untuk dibaca.\n" + line + "\n"

    cases: dict[str, Case] = {
        "meta author, 30,000 spaces": lambda: (f'<html><head><meta name="author" content="Budi{" " * run}Santoso"></head><body>{body}</body></html>', {}),
        "JSON-LD author, 30,000 thin spaces": lambda: (
            '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "author": "Budi' + "\u2009" * run
            + 'Santoso, Sari"}</script></head><body>' + body + "</body></html>", {},
        ),
        "meta author, mixed blanks": lambda: (f'<html><head><meta name="author" content="Budi{UNICODE_BLANKS * (run // 18)}Santoso"></head><body>{body}</body></html>', {}),
    }
    for blank in ("\u2009", "\u200a", "\u205f", "\u2000", "\u00a0", "\u3000"):
        name = f"U+{ord(blank):04X}"
        cases[f"credit line, {name} x 6,000"] = lambda blank=blank: (dump("Penulis: Budi" + blank * (run // 5) + "Santoso"), {})
        cases[f"tags line, {name} x 6,000"] = lambda blank=blank: (dump("Tags:" + blank * (run // 5) + "politik, ekonomi"), {})
    cases["credit line of mixed blanks"] = lambda: (dump("Penulis: Budi" + UNICODE_BLANKS * (run // 18) + "Santoso | Editor: Sari"), {})
    return cases


def _attributes(count: int) -> str:
    return " ".join(f'a{i}="x"' for i in range(count))


def _page(opening: str) -> str:
    """A page whose article sits inside ``opening`` (an element left open to the end)."""
    body = "<p>" + "Kalimat artikel yang cukup panjang untuk diuji di sini. " * 20 + "</p>"
    return f"<html><body>{opening}<article>{body * 3}</article></body></html>"


def limit_cases() -> dict[str, Case]:
    """Inputs just inside the default limits: read in full, so the slowest a page can be."""
    chars, lines, elements = DEFAULT_LIMITS.max_chars - 100, DEFAULT_LIMITS.max_lines, DEFAULT_LIMITS.max_fallback_elements
    paragraph = "<p>Paragraf berita yang cukup panjang untuk diambil sebagai isi.</p>"
    return {
        "limit: one line of words": lambda: ("kata " * (chars // 5), {}),
        "limit: dash and slash line": lambda: ("Jakarta - " + "a/" * (chars // 2 - 10), {}),
        "limit: parentheses": lambda: ("(" * (chars // 2 - 1) + "x" + ")" * (chars // 2 - 1), {}),
        "limit: short lines": lambda: ("Baris pendek.\n" * lines, {}),
        "limit: distinct lines": lambda: ("".join(f"Kalimat nomor {i} dalam berita.\n" for i in range(lines)), {}),
        "limit: caption-like lines": lambda: ("".join(f"Foto {i}. (Liputan6.com/Fulan)\n" for i in range(lines)), {}),
        "limit: dateline then lines": lambda: ("Liputan6.com, Jakarta - " + "Isi berita.\n" * (lines - 1), LIPUTAN6),
        "limit: fallback page": lambda: ("<html><body>" + paragraph * (elements - 10) + "</body></html>", {}),
        "limit: page of many blocks": lambda: ("<html><body>" + paragraph * (DEFAULT_LIMITS.max_elements - 10) + "</body></html>", {}),
        "limit: rule layout page": lambda: (
            '<html><body><div class="article-content-body__item-content">'
            + paragraph * (DEFAULT_LIMITS.max_elements - 10) + "</div></body></html>",
            LIPUTAN6,
        ),
    }


def time_case(make: Case) -> tuple[float, str]:
    content, options = make()
    start = time.perf_counter()
    try:
        article = clean(content, **options)
        outcome = f"ok, {len(article.text):,} chars of text" + (f"; {article.warnings[-1][:60]}" if article.warnings else "")
    except Exception as error:  # noqa: BLE001 - the point is to report it
        outcome = f"CRASH {type(error).__name__}: {error}"[:120]
    return time.perf_counter() - start, outcome


#: Strings that make backtracking patterns explode: long runs of what patterns repeat.
ADVERSARIAL_UNITS = ("a", " ", "\u2009", "\u00a0 ", "A", "a ", "A ", "Aa ", "1", "1 ", "/", "a/", "(", ")", "-", " -", ".", ". ", ", A", "| ", ":", "://", "'", "# ", "(a/")

#: Where a long line stands: alone, as the header's first line, after a dateline, in the footer.
SHAPES: dict[str, Callable[[str], str]] = {
    "alone": lambda line: line,
    "header": lambda line: line + "\nJudul berita\nJakarta - Isi berita pertama.",
    "body": lambda line: "Judul berita\nJakarta - Isi berita pertama.\n" + line + "\nKalimat penutup.",
    "footer": lambda line: "Judul berita\nJakarta - Isi berita pertama.\nEditor: Fulan\n" + line,
}


def audit_growth(n: int) -> list[tuple[float, float, str]]:
    """(growth, seconds at n, what) for each rule, line shape and adversarial unit.

    Every regular expression the cleaner runs sits on this path, so a catastrophic
    one shows as time growing much faster than the 4x of linear. Sizes grow 4x at a
    time from n/16 to n, stopping once a run takes over 1 s, so an explosion is
    caught before it hangs the audit.
    """
    sizes = [max(n // 16, 64), max(n // 4, 256), n]
    results = []
    for rule in site_rules.all_rules():
        for shape_name, shape in SHAPES.items():
            for unit in ADVERSARIAL_UNITS:
                timings: list[float] = []
                for size in sizes:
                    subject = shape(unit * (size // len(unit)) + "!")
                    start = time.perf_counter()
                    clean(subject, site=rule.name)
                    timings.append(time.perf_counter() - start)
                    if timings[-1] > 1.0:
                        break
                growth = timings[-1] / max(timings[-2], 1e-4)
                results.append((growth, timings[-1], f"{rule.name}, {shape_name} line of {unit!r}"))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="size of the issue's inputs (1.0 = as named)")
    parser.add_argument("--skip-regex-audit", action="store_true")
    parser.add_argument("--audit-chars", type=int, default=100_000, help="longest adversarial line of the regex audit")
    parser.add_argument("--fail-on", choices=("crash", "time"), action="append", help="what makes the exit status 1 (default: both)")
    args = parser.parse_args(argv)
    results = []
    for name, make in {**issue_cases(args.scale), **limit_cases()}.items():
        elapsed, outcome = time_case(make)
        results.append((elapsed, name, outcome))
        print(f"{elapsed:8.3f} s  {name:<30} {outcome}", flush=True)
    worst = max(results)
    print(f"\nworst input: {worst[1]} in {worst[0]:.3f} s (goal: every input under 2 s)")
    fail_on = set(args.fail_on or ("crash", "time"))
    failed = ("crash" in fail_on and any(r[2].startswith("CRASH") for r in results)) or ("time" in fail_on and worst[0] >= 2.0)
    if not args.skip_regex_audit:
        audit = sorted(audit_growth(args.audit_chars), reverse=True)
        print(f"\nregex audit ({len(audit)} runs: rule x line shape x adversarial line, up to {args.audit_chars:,} chars)")
        for growth, seconds, what in audit[:6]:
            print(f"  {growth:6.1f}x per 4x input  {seconds * 1000:8.1f} ms  {what}")
        flagged = [a for a in audit if a[0] > 8 and a[1] > 0.05]
        print("catastrophic backtracking: " + ("; ".join(a[2] for a in flagged) if flagged else "none (linear time grows 4x per 4x input)"))
        failed = failed or bool(flagged)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
