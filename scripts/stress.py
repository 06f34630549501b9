#!/usr/bin/env python3
"""Time the cleaner on pathological inputs and print the worst (goal: each under 2 s).

    python scripts/stress.py [--scale 1.0]

Each input runs in this process through ``cleaner.clean``; a crash is reported as
such. ``--scale`` shrinks or grows the large inputs (1.0 = the sizes issue #6 names).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cleaner import clean  # noqa: E402


def cases(scale: float) -> dict[str, Callable[[], str | bytes]]:
    mb = int(50_000_000 * scale)
    lines = int(1_000_000 * scale)
    depth = int(100_000 * scale)
    return {
        "empty": lambda: "",
        "binary": lambda: bytes(range(256)) * 4000,
        "nul bytes": lambda: "Jakarta (ANTARA) - Isi\x00berita\x00" * 1000,
        "invalid utf-8": lambda: b"TEMPO.CO, Jakarta - \xff\xfe\xfa isi " * 20000,
        "50 MB single line": lambda: ("kata " * (mb // 5)),
        "50 MB line of one char": lambda: "a" * mb,
        "million short lines": lambda: "Baris pendek.\n" * lines,
        "million caption-like lines": lambda: "Keterangan foto. (Liputan6.com/Fulan)\n" * (lines // 2),
        "long dash and slash line": lambda: ("Jakarta - " + "a/" * (mb // 20)),
        "many parentheses": lambda: "(" * (mb // 50) + "x" + ")" * (mb // 50),
        "html nested deep": lambda: "<html><body>" + "<div>" * depth + "teks" + "</div>" * depth + "</body></html>",
        "html entity bomb": lambda: (
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
            '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><html><body><p>&lol3;</p></body></html>'
        ),
        "json-ld garbage": lambda: (
            '<html><head><script type="application/ld+json">' + "[" * 50_000 + '{"@type":' + "]" * 50_000
            + "</script></head><body><p>Isi berita singkat.</p></body></html>"
        ),
        "huge html page": lambda: "<html><body>" + "<p>Paragraf berita yang cukup panjang untuk diambil.</p>" * int(200_000 * scale) + "</body></html>",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    results = []
    for name, make in cases(args.scale).items():
        content = make()
        start = time.perf_counter()
        try:
            article = clean(content)
            outcome = f"ok, {len(article.text):,} chars of text, {len(article.warnings)} warnings"
        except Exception as error:  # noqa: BLE001 - the point is to report it
            outcome = f"CRASH {type(error).__name__}: {error}"[:120]
        elapsed = time.perf_counter() - start
        results.append((elapsed, name, outcome))
        print(f"{elapsed:8.3f} s  {name:<28} {outcome}", flush=True)
    worst = max(results)
    print(f"\nworst: {worst[1]} in {worst[0]:.3f} s (goal: every input under 2 s)")
    return 1 if any(r[2].startswith("CRASH") for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
