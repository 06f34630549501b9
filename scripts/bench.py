#!/usr/bin/env python3
"""Throughput on dumps, one core: the cleaner and trafilatura on the same dumps, as a ratio.

    python scripts/bench.py [DIR ...] [--seconds 3]

Reads every ``*.txt`` dump under the folders (default: ../shared/corpus/dumps and
../shared/seeds, else tests/fixtures), then cleans them over and over in this one
process for at least ``--seconds`` per tool. trafilatura gets each dump wrapped one
``<p>`` per line, the same input its comparison in ``evaluate.py`` uses. Prints
documents per second for both and their ratio (the goal: >= 5,000 dumps/s).
"""

from __future__ import annotations

import argparse
import html
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner import clean  # noqa: E402


def default_dirs() -> list[Path]:
    shared = ROOT.parent / "shared"
    dirs = [shared / "corpus" / "dumps", shared / "seeds"]
    return [d for d in dirs if d.is_dir()] or [ROOT / "tests" / "fixtures"]


def rate(work: Callable[[str], object], docs: list[str], seconds: float) -> float:
    """Documents per second of ``work`` over ``docs``, repeated for at least ``seconds``."""
    for doc in docs[:5]:
        work(doc)  # warm up imports and caches
    done, start = 0, time.perf_counter()
    while True:
        for doc in docs:
            work(doc)
        done += len(docs)
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return done / elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="*", type=Path)
    parser.add_argument("--seconds", type=float, default=3.0, help="minimum timed seconds per tool")
    args = parser.parse_args(argv)
    paths = sorted(p for d in (args.dirs or default_dirs()) for p in d.rglob("*.txt"))
    docs = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    if not docs:
        print("no *.txt dumps found", file=sys.stderr)
        return 1

    import trafilatura

    def wrapped(doc: str) -> str:
        body = "".join(f"<p>{html.escape(line)}</p>" for line in doc.splitlines() if line.strip())
        return f"<html><body><article>{body}</article></body></html>"

    pages = {doc: wrapped(doc) for doc in docs}
    ours = rate(lambda doc: clean(doc), docs, args.seconds)
    theirs = rate(lambda doc: trafilatura.extract(pages[doc]), docs, args.seconds)
    print(f"dumps: {len(docs)} ({sum(map(len, docs)) / len(docs):,.0f} chars on average), one process")
    print(f"cleaner      {ours:>10,.0f} dumps/s")
    print(f"trafilatura  {theirs:>10,.0f} dumps/s")
    print(f"ratio        {ours / theirs:>10.1f}x  (goal: cleaner >= 5,000 dumps/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
