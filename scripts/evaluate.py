#!/usr/bin/env python3
"""Score the cleaner, and trafilatura in the same run, on folders of expected records.

    python scripts/evaluate.py ../shared/corpus ../shared/seeds [--show 5]

Reads every ``*.txt`` / ``*.html`` with a ``*.expected.json`` beside it and prints,
per site folder and overall: mean token precision, recall and F1, mean paragraph
F1, the exact-document rate, and metadata agreement per field; the same text
metrics for trafilatura (dumps given to it as one ``<p>`` per line). ``--show N``
lists the N worst documents with their extra and missing paragraphs.
"""

from __future__ import annotations

import argparse
import html
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cleaner import clean  # noqa: E402
from cleaner.evaluation import METADATA_FIELDS, Totals, find_cases, paragraphs, score  # noqa: E402


def trafilatura_record(source: str, kind: str, url: str | None) -> dict[str, object]:
    """trafilatura's text and metadata for one input (a dump wrapped one ``<p>`` per line)."""
    import trafilatura

    if kind == "txt":
        body = "".join(f"<p>{html.escape(line)}</p>" for line in source.splitlines() if line.strip())
        source = f"<html><body><article>{body}</article></body></html>"
    document = trafilatura.bare_extraction(source, url=url, with_metadata=True, favor_recall=True)
    if document is None:
        return {"text": ""}
    get = document.get if isinstance(document, dict) else lambda key: getattr(document, key, None)
    authors = [a.strip() for a in (get("author") or "").split(";") if a.strip()]
    categories = get("categories") or []
    return {
        "site": None,
        "url": url,
        "title": get("title"),
        "description": get("description"),
        "authors": authors,
        "editors": [],
        "published": get("date"),
        "updated": None,
        "dateline": None,
        "category": categories[0] if categories else None,
        "tags": list(get("tags") or []),
        "text": "\n\n".join(line.strip() for line in (get("text") or "").split("\n") if line.strip()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="+", type=Path, help="folders holding inputs and *.expected.json")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="list the N worst documents")
    parser.add_argument("--no-trafilatura", action="store_true", help="skip the trafilatura comparison")
    args = parser.parse_args(argv)

    ours: dict[str, Totals] = defaultdict(Totals)
    theirs: dict[str, Totals] = defaultdict(Totals)
    worst: list[tuple[float, str, dict[str, object], dict[str, object]]] = []
    for case in find_cases(args.dirs):
        source = case.path.read_text(encoding="utf-8", errors="replace")
        got = clean(source, url=case.url).to_dict()
        result = score(got, case.expected)
        for key in (case.group, "ALL"):
            ours[key].add(result)
        if not args.no_trafilatura:
            other = trafilatura_record(source, case.input_kind, case.url)
            other_result = score(other, case.expected)
            for key in (case.group, "ALL"):
                theirs[key].add(other_result)
        worst.append((result.f1 + result.paragraph_f1 + sum(result.fields.values()) / len(result.fields), str(case.path), got, case.expected))

    if not ours:
        print("no inputs with *.expected.json found", file=sys.stderr)
        return 1
    header = f"{'site':<14}{'docs':>5}{'P':>7}{'R':>7}{'F1':>7}{'parF1':>7}{'exact':>7}   | trafilatura {'F1':>6}{'parF1':>7}"
    print(header)
    for key in sorted(ours, key=lambda k: (k == "ALL", k)):
        m = ours[key].means()
        t = theirs[key].means() if key in theirs else None
        other = f"{t['f1']:>6.3f}{t['paragraph_f1']:>7.3f}" if t else "     -      -"
        print(
            f"{key:<14}{ours[key].n:>5}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}"
            f"{m['paragraph_f1']:>7.3f}{m['exact']:>7.3f}   |             {other}"
        )
    for label, totals in (("cleaner", ours), ("trafilatura", theirs)):
        if not totals:
            continue
        print(f"\nmetadata agreement per field: {label}")
        print(f"{'site':<14}" + "".join(f"{name[:9]:>10}" for name in METADATA_FIELDS))
        for key in sorted(totals, key=lambda k: (k == "ALL", k)):
            m = totals[key].means()
            print(f"{key:<14}" + "".join(f"{m['meta.' + name]:>10.3f}" for name in METADATA_FIELDS))

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
