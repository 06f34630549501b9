#!/usr/bin/env python3
"""Throughput and peak memory, one core: the cleaner and trafilatura on the same inputs.

    python scripts/bench.py [--seconds 3] [--dumps DIR ...] [--pages DIR ...] [--no-batch]

Two workloads: raw text dumps (``*.txt``; default ../shared/corpus/dumps and
../shared/seeds, else tests/fixtures) and saved HTML pages (``*.html``; default
../shared/corpus/html, else tests/fixtures). Each tool runs each workload in a
fresh child process pinned to one CPU, cleaning the inputs over and over for at
least ``--seconds``; the child reports documents per second and its peak resident
memory. The tools take turns for ``--rounds`` rounds (default 3) and each keeps its
best rate, so a slow spell of a shared machine does not decide a ratio. trafilatura
gets each dump wrapped one ``<p>`` per line (the input its comparison in
``evaluate.py`` uses) and each page as it is. Printed as ratios. Pages are cleaned
with every layout (as in use) and with layouts off (every page through the fallback,
as after a redesign of every site).
Goals: >= 5,000 dumps/s; pages >= 3x trafilatura's pages/s (issue 15).

Then whole-page dumps (issue 20): every saved page turned into the whole page's text by
the converters of ``cleaner.wholepage`` (``pip install -e '.[wholepage]'``), cleaned as
dumps beside trafilatura on the same pages' HTML (goal >= 10x), and one 5 MB whole-page
dump (goal under 2 s).

Then the batch run (issue 5): ``cleaner clean batch.jsonl -o out --jobs N`` on a
JSONL batch of 20,000 dumps (the dumps above, repeated), at ``--jobs 1`` and
``--jobs 2``: documents per second over the whole command, and over the command
less its start-up (the same command on a one-document batch); then the peak
memory of ``--jobs 1`` on 2,000 and 20,000 documents, which a streaming run keeps
flat. Goals: ``--jobs 2`` >= 1.8x ``--jobs 1``; memory within 20% from 2,000 to
20,000 documents.

Then ``cleaner learn`` (issue 21) on the same batch with each dump's URL, every record
made a distinct article (a sentence of its own in its lead, so no two count as copies):
documents per second against ``cleaner clean`` on that batch, both ``--jobs 1``, and the
peak memory of ``learn`` on 2,000 and 20,000 documents. Goals: learn >= 0.5x clean's
rate; memory flat (the profile holds hosts x recurring blocks, not the batch).
``--learn-only --whole-pages`` runs it on the saved pages read as whole-page dumps.
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
    if tool == "cleaner-wholepage":  # each page's whole-page dumps (made before the clock starts)
        from cleaner import Cleaner
        from cleaner.wholepage import CONVERTERS, available

        cleaner = Cleaner()
        names = [name for name, why in available().items() if why is None]
        urls = [_url_for(Path(p)) for p in paths]
        dumps = [(CONVERTERS[n](data.decode("utf-8", "replace")), url) for data, url in zip(raw, urls) for n in names]
        jobs = [(lambda text=text, url=url: cleaner.clean(text, url=url)) for text, url in dumps]
    elif tool in ("cleaner", "cleaner-no-layouts"):
        from cleaner import Cleaner

        cleaner = Cleaner(markup_layouts=tool == "cleaner")
        urls = [_url_for(Path(p)) for p in paths]
        jobs = [(lambda data=data, url=url: cleaner.clean(data, url=url)) for data, url in zip(raw, urls)]
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


def write_batch(paths: list[Path], count: int, target: Path) -> None:
    """A JSONL batch of ``count`` records cycling through the dumps, each with its id."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    with open(target, "w", encoding="utf-8") as handle:
        for index in range(count):
            handle.write(json.dumps({"id": index, "text": texts[index % len(texts)]}, ensure_ascii=False) + "\n")


def write_learn_batch(paths: list[Path], count: int, target: Path) -> None:
    """As ``write_batch``, with each dump's URL, and each record's lead made its own (a distinct article).
    Pages (``.html``) become whole-page dumps: every block of the body, menus and footers and all."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    if any(p.suffix == ".html" for p in paths):
        from profile_eval import whole_page  # scripts/profile_eval.py

        texts = [whole_page(text) if p.suffix == ".html" else text for p, text in zip(paths, texts)]
    urls = [_url_for(p) or f"https://contoh.id/{p.stem}" for p in paths]
    with open(target, "w", encoding="utf-8") as handle:
        for index in range(count):
            lines = texts[index % len(texts)].split("\n")
            lead = next((i for i, line in enumerate(lines) if len(line.split()) >= 10 and line.rstrip().endswith(".")), len(lines) - 1)
            lines[lead] = f"{lines[lead]} Catatan arsip nomor {index} dibuat untuk menguji kecepatan belajar."
            handle.write(json.dumps({"id": index, "url": urls[index % len(urls)], "text": "\n".join(lines)}, ensure_ascii=False) + "\n")


def learn_run(paths: list[Path], size: int, small: int, repeats: int) -> None:
    """``cleaner learn`` against ``cleaner clean`` on one batch, --jobs 1; learn's peak memory at two sizes."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        batches = {n: work / f"learn-{n}.jsonl" for n in (small, size)}
        for n, path in batches.items():
            write_learn_batch(paths, n, path)
        kind = "whole-page dumps" if any(p.suffix == ".html" for p in paths) else "dumps"
        print(f"learn: {size:,} {kind} with their URLs, each a distinct article, --jobs 1, best of {repeats}")
        clean_wall = min(time_cli(batches[size], 1, work / "out.jsonl")[0] for _ in range(repeats))
        learned = [time_cli(batches[size], 1, work / "profile.json", command="learn") for _ in range(repeats)]
        learn_wall = min(wall for wall, _ in learned)
        print(f"  cleaner clean  {clean_wall:6.2f} s  {size / clean_wall:>8,.0f} docs/s")
        print(f"  cleaner learn  {learn_wall:6.2f} s  {size / learn_wall:>8,.0f} docs/s   {clean_wall / learn_wall:.2f}x clean's rate (goal >= 0.5x)")
        peak_small = max(time_cli(batches[small], 1, work / "profile.json", command="learn")[1] for _ in range(repeats))
        peak_size = max(peak for _, peak in learned)
        print(f"  peak memory of learn: {peak_small:.1f} MB at {small:,} docs, {peak_size:.1f} MB at {size:,} docs: {peak_size / peak_small - 1:+.1%} (goal flat)")
        profile = json.loads((work / "profile.json").read_text(encoding="utf-8"))
        print(f"  profile: {len(profile['hosts'])} hosts, {sum(len(h['blocks']) for h in profile['hosts'].values())} recurring blocks")


def time_cli(batch: Path, jobs: int, out: Path, command: str = "clean") -> tuple[float, float]:
    """Wall seconds and peak RSS (MB, the main process) of ``cleaner clean`` (or ``learn``) on ``batch``."""
    command_line = [sys.executable, "-m", "cleaner.cli", command, str(batch), "-o", str(out), "--jobs", str(jobs), "--no-progress"]
    start = time.perf_counter()
    process = subprocess.Popen(command_line, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"cleaner {command} failed on {batch} (status {status})")
    return elapsed, usage.ru_maxrss / 1024


def batch_run(paths: list[Path], size: int, small: int, repeats: int) -> None:
    """Throughput at --jobs 1 and 2 on ``size`` documents; peak memory at ``small`` and ``size``."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        batches = {n: work / f"batch-{n}.jsonl" for n in (1, small, size)}
        for n, path in batches.items():
            write_batch(paths, n, path)
        print(f"batch: {size:,} dumps as JSONL, cleaner clean -o FILE, {os.cpu_count()} cores, best of {repeats}")
        rates = {}
        for jobs in (1, 2):
            startup = min(time_cli(batches[1], jobs, work / "one.jsonl")[0] for _ in range(repeats))
            wall = min(time_cli(batches[size], jobs, work / "out.jsonl")[0] for _ in range(repeats))
            rates[jobs] = (size / wall, size / max(wall - startup, 1e-9))
            print(f"  --jobs {jobs}  {wall:6.2f} s  {rates[jobs][0]:>8,.0f} docs/s   less start-up ({startup:.2f} s): {rates[jobs][1]:>8,.0f} docs/s")
        print(f"  --jobs 2 / --jobs 1: {rates[2][0] / rates[1][0]:.2f}x whole command, {rates[2][1] / rates[1][1]:.2f}x less start-up (goal >= 1.8x)")
        peaks = {n: max(time_cli(batches[n], 1, work / "mem.jsonl")[1] for _ in range(repeats)) for n in (small, size)}
        change = peaks[size] / peaks[small] - 1
        print(f"  peak memory --jobs 1: {peaks[small]:.1f} MB at {small:,} docs, {peaks[size]:.1f} MB at {size:,} docs: {change:+.1%} (goal within ±20%)")


def wholepage_run(pages: list[Path], seconds: float, rounds: int) -> None:
    """Whole-page dumps (issue 20): each saved page turned into the whole page's text by the
    converters of ``cleaner.wholepage``, cleaned as dumps, beside trafilatura extracting the
    same pages' HTML; then one 5 MB whole-page dump, cleaned once."""
    sys.path.insert(0, str(ROOT))
    from cleaner.wholepage import CONVERTERS, available

    missing = {name: why for name, why in available().items() if why}
    if len(missing) == len(CONVERTERS):
        print("whole-page dumps: no converter installed (pip install -e '.[wholepage]')")
        return
    runs: dict[str, list[dict[str, float]]] = {"cleaner-wholepage": [], "trafilatura": []}
    for _ in range(rounds):
        for tool in runs:
            runs[tool].append(run_child(tool, "pages", pages, seconds))
    ours = max(r["rate"] for r in runs["cleaner-wholepage"])
    theirs = max(r["rate"] for r in runs["trafilatura"])
    used = [name for name in CONVERTERS if name not in missing]
    print(f"whole-page dumps: {len(pages)} pages x {len(used)} converters ({', '.join(used)}), one core, best of {rounds} rounds")
    print(f"  cleaner on the dumps   {ours:>9,.0f} dumps/s")
    print(f"  trafilatura on the HTML {theirs:>8,.0f} pages/s")
    print(f"  ratio                  {ours / theirs:>9.1f}x (goal >= 10x)")
    from cleaner import Cleaner

    page = pages[0].read_text(encoding="utf-8", errors="replace")
    one = CONVERTERS[used[0]](page)
    big = "\n".join([one] * (5_000_000 // max(len(one), 1) + 1))[:5_000_000]
    start = time.perf_counter()
    Cleaner().clean(big, url=_url_for(pages[0]))
    print(f"  one 5 MB whole-page dump ({used[0]} of {pages[0].name}, repeated): {time.perf_counter() - start:.2f} s (goal < 2 s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=3.0, help="minimum timed seconds per tool and workload")
    parser.add_argument("--dumps", nargs="*", type=Path, help="folders of *.txt dumps")
    parser.add_argument("--pages", nargs="*", type=Path, help="folders of *.html pages")
    parser.add_argument("--no-batch", action="store_true", help="skip the --jobs and memory run on a 20,000-document batch")
    parser.add_argument("--no-learn", action="store_true", help="skip cleaner learn against cleaner clean on that batch")
    parser.add_argument("--learn-only", action="store_true", help="only cleaner learn against cleaner clean")
    parser.add_argument("--whole-pages", action="store_true", help="with --learn-only: the pages read as whole-page dumps instead of the dumps")
    parser.add_argument("--batch-size", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=2, help="runs per batch measurement (the best is kept)")
    parser.add_argument(
        "--rounds", type=int, default=3,
        help="rounds of the per-tool runs, interleaved (cleaner, trafilatura, cleaner, ...); each tool's best rate is kept, as timeit does",
    )
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
    if args.learn_only:
        learn_run(workloads["pages" if args.whole_pages else "dumps"], args.batch_size, args.batch_size // 10, args.repeats)
        return 0
    for kind, paths in workloads.items():
        if not paths:
            print(f"{kind}: none found")
            continue
        tools = ["cleaner", "trafilatura", *(["cleaner-no-layouts"] if kind == "pages" else [])]
        rounds = {tool: [] for tool in tools}  # type: dict[str, list[dict[str, float]]]
        for _ in range(args.rounds):  # interleaved, so a slow spell of the machine hits every tool
            for tool in tools:
                rounds[tool].append(run_child(tool, kind, paths, args.seconds))
        best = {tool: {"rate": max(r["rate"] for r in runs), "peak_mb": max(r["peak_mb"] for r in runs)} for tool, runs in rounds.items()}
        ours, theirs = best["cleaner"], best["trafilatura"]
        size = sum(p.stat().st_size for p in paths) / len(paths)
        print(
            f"{kind}: {len(paths)} inputs, {size:,.0f} bytes on average, one core, a fresh process per tool, "
            f"best of {args.rounds} interleaved rounds"
        )
        print(f"  cleaner      {ours['rate']:>9,.0f} {kind}/s   peak {ours['peak_mb']:>6.1f} MB")
        print(f"  trafilatura  {theirs['rate']:>9,.0f} {kind}/s   peak {theirs['peak_mb']:>6.1f} MB")
        print(
            f"  ratio        {ours['rate'] / theirs['rate']:>9.1f}x speed   "
            f"{ours['peak_mb'] / theirs['peak_mb']:>6.2f}x memory"
        )
        if kind == "pages":  # every page through the fallback, as after a redesign of every site
            off = best["cleaner-no-layouts"]
            print(f"  layouts off  {off['rate']:>9,.0f} {kind}/s   peak {off['peak_mb']:>6.1f} MB   {off['rate'] / theirs['rate']:.1f}x trafilatura")
    print("goals: cleaner >= 5,000 dumps/s; pages >= 3x trafilatura's pages/s, as in use (with layouts); layouts off is reported, 3x not reached")
    if workloads["pages"]:
        wholepage_run(workloads["pages"], args.seconds, args.rounds)
    if not args.no_batch and workloads["dumps"]:
        batch_run(workloads["dumps"], args.batch_size, args.batch_size // 10, args.repeats)
    if not args.no_learn and workloads["dumps"]:
        learn_run(workloads["dumps"], args.batch_size, args.batch_size // 10, args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
