#!/usr/bin/env python3
"""Throughput and peak memory, one core: the cleaner and trafilatura on the same inputs.

    python scripts/bench.py [--seconds 3] [--dumps DIR ...] [--pages DIR ...]

Two workloads: raw text dumps (``*.txt``; default ../shared/corpus/dumps and
../shared/seeds, else tests/fixtures) and saved HTML pages (``*.html``; default
../shared/corpus/html, else tests/fixtures). Each tool runs each workload in a
fresh child process pinned to one CPU, cleaning the inputs over and over for at
least ``--seconds``; the child reports documents per second and its peak resident
memory. trafilatura gets each dump wrapped one ``<p>`` per line (the input its
comparison in ``evaluate.py`` uses) and each page as it is. Printed as ratios.
Goals: >= 5,000 dumps/s; HTML with a site rule >= 5x trafilatura's pages/s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _inputs(dirs: list[Path], pattern: str) -> list[Path]:
    return sorted(p for d in dirs for p in d.rglob(pattern) if not p.name.endswith(".expected.json"))


def worker(tool: str, kind: str, paths: list[str], seconds: float) -> dict[str, float]:
    """Run one tool on one workload in this process; its rate and peak memory."""
    sys.path.insert(0, str(ROOT))
    raw = [Path(p).read_bytes() for p in paths]
    if tool == "cleaner":
        from cleaner import clean

        urls = [_url_for(Path(p)) for p in paths]
        jobs = [(lambda data=data, url=url: clean(data, url=url)) for data, url in zip(raw, urls)]
    else:
        import trafilatura

        from cleaner.compare import as_html

        texts = [as_html(data.decode("utf-8", "replace"), "txt" if kind == "dumps" else "html") for data in raw]
        jobs = [(lambda text=text: trafilatura.extract(text)) for text in texts]
    for job in jobs[:3]:
        job()  # warm up imports and caches
    done, start = 0, time.perf_counter()
    while True:
        for job in jobs:
            job()
        done += len(jobs)
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            break
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"rate": done / elapsed, "peak_mb": peak_kb / 1024}


def _url_for(path: Path) -> str | None:
    """The page's address from its expected record, so the cleaner picks the site rule as in use."""
    expected = path.with_name(path.name.rsplit(".", 1)[0] + ".expected.json")
    if expected.is_file():
        return json.loads(expected.read_text(encoding="utf-8")).get("url")
    return None


def run_child(tool: str, kind: str, paths: list[Path], seconds: float) -> dict[str, float]:
    command = [sys.executable, __file__, "--worker", tool, kind, "--seconds", str(seconds), *map(str, paths)]
    if hasattr(os, "sched_setaffinity"):
        command = ["taskset", "-c", "0", *command] if _has_taskset() else command
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def _has_taskset() -> bool:
    from shutil import which

    return which("taskset") is not None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=3.0, help="minimum timed seconds per tool and workload")
    parser.add_argument("--dumps", nargs="*", type=Path, help="folders of *.txt dumps")
    parser.add_argument("--pages", nargs="*", type=Path, help="folders of *.html pages")
    parser.add_argument("--worker", nargs=2, metavar=("TOOL", "KIND"), help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker[0], args.worker[1], args.paths, args.seconds)))
        return 0

    fixtures = [ROOT / "tests" / "fixtures"]
    dump_dirs = args.dumps or [d for d in (SHARED / "corpus" / "dumps", SHARED / "seeds") if d.is_dir()] or fixtures
    page_dirs = args.pages or [d for d in (SHARED / "corpus" / "html",) if d.is_dir()] or fixtures
    workloads = {"dumps": _inputs(dump_dirs, "*.txt"), "pages": _inputs(page_dirs, "*.html")}
    for kind, paths in workloads.items():
        if not paths:
            print(f"{kind}: none found")
            continue
        ours = run_child("cleaner", kind, paths, args.seconds)
        theirs = run_child("trafilatura", kind, paths, args.seconds)
        size = sum(p.stat().st_size for p in paths) / len(paths)
        print(f"{kind}: {len(paths)} inputs, {size:,.0f} bytes on average, one core, a fresh process per tool")
        print(f"  cleaner      {ours['rate']:>9,.0f} {kind}/s   peak {ours['peak_mb']:>6.1f} MB")
        print(f"  trafilatura  {theirs['rate']:>9,.0f} {kind}/s   peak {theirs['peak_mb']:>6.1f} MB")
        print(
            f"  ratio        {ours['rate'] / theirs['rate']:>9.1f}x speed   "
            f"{ours['peak_mb'] / theirs['peak_mb']:>6.2f}x memory"
        )
    print("goals: cleaner >= 5,000 dumps/s; HTML with a site rule >= 5x trafilatura's pages/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
