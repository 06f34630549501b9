#!/usr/bin/env python3
"""Score the cleaner, and trafilatura, readability-lxml and jusText in the same run.

    python scripts/evaluate.py ../shared/corpus ../shared/seeds [--show 5]

Reads every ``*.txt`` / ``*.html`` with a ``*.expected.json`` beside it and prints,
per site folder and overall: mean token precision, recall and F1, mean paragraph
F1, the exact-document rate, and metadata agreement per field; the same text
metrics for trafilatura, readability-lxml and jusText where installed (``pip install
-e '.[eval]'``; dumps are given to them as one ``<p>`` per line), and trafilatura's
metadata agreement; then the other outlets (every folder but the five sites' and the
seeds) per outlet, by the host of each page's address; then the whole-page dumps of the
saved pages (issue 20: each page turned into the whole page's text by three converters,
``pip install -e '.[wholepage]'``, and cleaned as a dump). ``--show N``
lists the N worst documents with their extra and missing paragraphs.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cleaner.compare import justext_record, readability_record, trafilatura_record  # noqa: E402
from cleaner.evaluation import METADATA_FIELDS, Totals, find_cases, loss, paragraphs, score  # noqa: E402


FIVE_SITES = ("tirto", "cnnindonesia", "liputan6", "antara", "tempo", "seeds")
_SECOND_LEVEL = ("co", "or", "ac", "go", "web", "my", "sch", "net", "com")


def outlet_of(url: str | None) -> str:
    """The outlet a page belongs to: its address's registered domain (``news.detik.com`` and
    ``detik.com/bali`` are ``detik.com``; ``regional.kompas.com`` is ``kompas.com``)."""
    host = (urlsplit(url).hostname or "") if url else ""
    labels = host.removeprefix("www.").split(".")
    if len(labels) < 2:
        return "(no address)"
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def print_outlets(outlets: dict[str, Totals]) -> None:
    """Per outlet (host) of the other outlets: documents, text scores, and the metadata
    fields below full agreement."""
    print("\nother outlets, per outlet (host; dumps and pages together):")
    print(f"{'outlet':<22}{'docs':>5}{'P':>7}{'R':>7}{'F1':>7}{'exact':>7}{'meta':>7}   fields below 1.0")
    for name in sorted(outlets, key=lambda k: (-outlets[k].n, k)):
        m = outlets[name].means()
        fields = [m[f"meta.{f}"] for f in METADATA_FIELDS]
        low = ", ".join(f"{f} {m['meta.' + f]:.2f}" for f in METADATA_FIELDS if m[f"meta.{f}"] < 1.0)
        print(
            f"{name:<22}{outlets[name].n:>5}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}"
            f"{m['exact']:>7.3f}{sum(fields) / len(fields):>7.3f}   {low}"
        )


COMPARED = {"trafilatura": trafilatura_record, "readability": readability_record, "justext": justext_record}


def whole_page(dirs: list[Path], cleaner: object) -> None:
    """Issue 20's measurement: every saved page with an expected record turned into whole-page
    dumps by each converter (resiliparse as Common Crawl's WET, BeautifulSoup's get_text,
    html2text's Markdown), cleaned as dumps with their URLs, scored against the page's gold."""
    from cleaner.wholepage import CONVERTERS, available, measure

    print("\nwhole-page dumps of the saved pages, cleaned as dumps (bars: F1 >= 0.95, recall >= 0.98, none lost, "
          "no non-article with text, title and published >= 0.85):")
    for name, why in available().items():
        if why:
            print(f"   ({name}: not measured, {why})")
    totals = measure(dirs, cleaner)
    if not any(t.articles or t.non_articles for t in totals.values()):
        print("   no saved pages with *.expected.json among the inputs")
        return
    print(f"{'converter':<14}{'articles':>9}{'F1':>7}{'R':>7}{'lost':>6}{'non-art':>9}{'w/ text':>8}{'title':>7}{'publ.':>7}")
    for name in CONVERTERS:
        if name not in totals:
            continue
        t, m = totals[name], totals[name].means()
        print(f"{name:<14}{t.articles:>9}{m['f1']:>7.3f}{m['recall']:>7.3f}{len(t.lost):>6}{t.non_articles:>9}{len(t.kept):>8}"
              f"{m['title']:>7.3f}{m['published']:>7.3f}")
    for name, t in totals.items():
        for line in [*t.lost, *t.kept]:
            print(f"   {name}: {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="+", type=Path, help="folders holding inputs and *.expected.json")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="list the N worst documents")
    parser.add_argument("--no-trafilatura", "--no-compare", action="store_true", help="skip the other extractors")
    parser.add_argument("--no-layouts", action="store_true", help="markup layouts off: every page goes to the fallback (a redesign)")
    parser.add_argument(
        "--profile", action="store_true",
        help="host profiles instead: each folder cleaned with a profile learned from itself, against no profile (folders without gold: the drops listed)",
    )
    parser.add_argument("--whole-pages", action="store_true", help="with --profile: pages read as whole-page dumps (every block of the body)")
    parser.add_argument("--min-share", type=float, default=0.4, help="with --profile: the share of a host's pages a block must be on to go")
    args = parser.parse_args(argv)
    if args.profile:
        from profile_eval import compare_profiles  # scripts/profile_eval.py

        return compare_profiles(args.dirs, whole_pages=args.whole_pages, show=args.show, min_share=args.min_share)
    from cleaner import Cleaner

    cleaner = Cleaner(markup_layouts=not args.no_layouts)
    losses: dict[str, list[str]] = defaultdict(list)

    ours: dict[str, Totals] = defaultdict(Totals)
    outlets: dict[str, Totals] = defaultdict(Totals)
    others: dict[str, dict[str, Totals]] = {}
    if not args.no_trafilatura:
        for name, extractor in COMPARED.items():
            try:
                extractor("<p>x</p>", "html", None)
            except ImportError:
                print(f"({name} is not installed: pip install -e '.[eval]')", file=sys.stderr)
                continue
            others[name] = defaultdict(Totals)
    worst: list[tuple[float, str, dict[str, object], dict[str, object]]] = []
    for case in find_cases(args.dirs):
        source = case.path.read_text(encoding="utf-8", errors="replace")
        got = cleaner.clean(source, url=case.url).to_dict()
        result = score(got, case.expected)
        lost = loss(got, case.expected, result)
        if lost:
            losses[case.group].append(f"{case.path}: {lost}")
        for key in (case.group, "ALL"):
            ours[key].add(result)
        if case.group.split("/")[0] not in FIVE_SITES:
            outlets[outlet_of(case.url or str(got.get("url") or ""))].add(result)
        for name, totals in others.items():
            try:
                other = COMPARED[name](source, case.input_kind, case.url)
            except Exception:  # noqa: BLE001 - an extractor that fails on a page scores zero there
                other = {"text": ""}
            other_result = score(other, case.expected)
            for key in (case.group, "ALL"):
                totals[key].add(other_result)
        worst.append((result.f1 + result.paragraph_f1 + sum(result.fields.values()) / len(result.fields), str(case.path), got, case.expected))

    if not ours:
        print("no inputs with *.expected.json found", file=sys.stderr)
        return 1
    for label, totals in (("cleaner", ours), ("trafilatura", others.get("trafilatura", {}))):
        if not totals:
            continue
        print(f"metadata agreement per field: {label}")
        print(f"{'site':<14}" + "".join(f"{name[:9]:>10}" for name in METADATA_FIELDS))
        for key in sorted(totals, key=lambda k: (k == "ALL", k)):
            m = totals[key].means()
            print(f"{key:<14}" + "".join(f"{m['meta.' + name]:>10.3f}" for name in METADATA_FIELDS))

    print()
    names = list(others)
    print(f"{'text':<14}{'':>5}{'cleaner':>35}   | token F1 / paragraph F1 of the others on the same inputs")
    print(f"{'site':<14}{'docs':>5}{'P':>7}{'R':>7}{'F1':>7}{'parF1':>7}{'exact':>7}   | " + "".join(f"{n:>18}" for n in names))
    for key in sorted(ours, key=lambda k: (k == "ALL", k)):
        m = ours[key].means()
        cells = "".join(
            f"{others[n][key].means()['f1']:>11.3f} /{others[n][key].means()['paragraph_f1']:>5.3f}" for n in names
        )
        print(
            f"{key:<14}{ours[key].n:>5}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}"
            f"{m['paragraph_f1']:>7.3f}{m['exact']:>7.3f}   | {cells}"
        )
    if outlets:
        print_outlets(outlets)
    print("\nnever-lose bar (an article keeps 90% of its tokens; a non-article keeps no text):")
    for key in sorted(ours, key=lambda k: (k == "ALL", k)):
        if key != "ALL":
            print(f"{key:<14}{len(losses.get(key, [])):>5} lost")
    for group in sorted(losses):
        for line in losses[group]:
            print(f"   {line}")
    whole_page(args.dirs, cleaner)
    for _, path, got, expected in sorted(worst, key=lambda item: item[0])[: args.show]:
        print(f"\n== {path}")
        for name in METADATA_FIELDS:
            if got.get(name) != expected.get(name):
                print(f"   {name}: got {got.get(name)!r} expected {expected.get(name)!r}")
        got_p, want_p = paragraphs(str(got.get("text") or "")), paragraphs(str(expected.get("text") or ""))
        for para in (got_p - want_p):
            print(f"   + {para[:160]}")
        for para in (want_p - got_p):
            print(f"   - {para[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
