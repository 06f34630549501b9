#!/usr/bin/env python3
"""Host profiles measured: each folder cleaned with a profile learned from itself, against none.

    python scripts/evaluate.py --profile ../shared/corpus/dumps ../shared/corpus/html ../shared/outlets/batches
    python scripts/evaluate.py --profile --whole-pages ../shared/corpus/html ../shared/outlets/html

Per folder: documents, those worse with the profile (token F1 or recall lower, or a field
that agreed with the gold and no longer does), blocks dropped (``host.repeated``) and
kept as doubtful (``host.repeated_kept``), mean F1 and the lowest recall difference, and
recurring non-article lines left: output paragraphs on 40% or more of their host's pages
(three at least) that the gold text does not hold. Worse means a lower token F1, a gold
paragraph lost or a field lost; a recall more than 0.01 lower with none of these (the
dropped chrome shared words with the article) is noted. A folder without gold lists its
dropped lines, to be checked by eye. ``--whole-pages`` reads each page as the dump of its
whole body (menus, footers and all), the input ``cleaner learn`` is built for.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cleaner.engine import clean  # noqa: E402
from cleaner.evaluation import METADATA_FIELDS, find_cases, score  # noqa: E402
from cleaner.html import block_lines, parse_html  # noqa: E402
from cleaner.inputs import InputDocument, read_documents  # noqa: E402
from cleaner.learning import observe_document  # noqa: E402
from cleaner.options import CleanOptions  # noqa: E402
from cleaner.profile import REASON, Learner, Thresholds, host_key  # noqa: E402


def whole_page(html: str) -> str:
    """A page as a whole-page dump: every block of its body, one a line (scripts and styles out)."""
    tree = parse_html(html)
    if tree is None:
        return html
    for element in tree.xpath("//script|//style|//noscript|//template"):
        element.drop_tree()
    return "\n".join(block_lines(tree.xpath("//body")))


def _inputs(root: Path, whole_pages: bool) -> list[tuple[str, str, str | None, dict[str, Any] | None]]:
    """(source, content, url, expected or None) of every input under ``root``."""
    found = []
    cases = list(find_cases([root]))
    if cases:
        for case in cases:
            content = case.path.read_text(encoding="utf-8", errors="replace")
            if whole_pages and case.input_kind == "html":
                content = whole_page(content)
            found.append((str(case.path), content, case.url, case.expected))
        return found
    for document in read_documents([str(root)]):
        if isinstance(document.content, (str, bytes)):
            content = document.content if isinstance(document.content, str) else document.content.decode("utf-8", "replace")
            found.append((document.source, content, document.url, None))
    return found


def compare_profiles(dirs: list[Path], *, whole_pages: bool = False, show: int = 0, min_share: float = 0.4) -> int:
    worse_total = 0
    for root in dirs:
        inputs = _inputs(root, whole_pages)
        learner = Learner()
        for source, content, url, _ in inputs:
            learner.add(observe_document(InputDocument(source=source, content=content, url=url)))
        profile = learner.profile(Thresholds(min_share=min_share))
        options = CleanOptions(profile=profile)
        worse: list[str] = []
        notes: list[str] = []
        drops: Counter[tuple[str, str]] = Counter()
        kept_doubtful = 0
        f1_without = f1_with = 0.0
        lowest_recall = 0.0
        outputs: dict[str, list[tuple[set[str], set[str]]]] = defaultdict(list)
        scored = 0
        for source, content, url, expected in inputs:
            before = clean(content, url=url).to_dict()
            article = clean(content, url=url, options=options)
            after = article.to_dict()
            for decision in article.decisions:
                if decision.reason.startswith(REASON + " "):
                    drops[(host_key(url) or "?", decision.line)] += 1
                elif decision.reason.startswith("host.repeated_kept"):
                    kept_doubtful += 1
            if expected is None:
                continue
            scored += 1
            a, b = score(before, expected), score(after, expected)
            f1_without += a.f1
            f1_with += b.f1
            lowest_recall = min(lowest_recall, b.recall - a.recall)
            lost_fields = [name for name in METADATA_FIELDS if a.fields[name] and not b.fields[name]]
            gold = {p.strip() for p in (expected.get("text") or "").split("\n\n")}
            lost_paragraphs = (set(before.get("text", "").split("\n\n")) & gold) - set(after.get("text", "").split("\n\n"))
            if b.f1 < a.f1 - 1e-9 or lost_paragraphs or lost_fields:
                worse.append(
                    f"{source}: F1 {a.f1:.3f} -> {b.f1:.3f}, recall {a.recall:.3f} -> {b.recall:.3f}, "
                    f"gold paragraphs lost {len(lost_paragraphs)}, fields lost {lost_fields}"
                )
            elif b.recall < a.recall - 0.01:
                notes.append(f"{source}: recall {a.recall:.3f} -> {b.recall:.3f} with no gold paragraph lost (dropped chrome shared words with the article)")
            outputs[host_key(url) or "?"].append(({p for p in article.text.split("\n\n") if p}, gold))
        left = 0
        left_lines: Counter[str] = Counter()
        for pages in outputs.values():
            counts = Counter(p for got, _ in pages for p in got)
            left_lines.update(p for got, gold in pages for p in got if counts[p] >= max(3, 0.4 * len(pages)) and p not in gold)
        left = sum(left_lines.values())
        worse_total += len(worse)
        mode = (" (whole-page dumps)" if whole_pages else "") + f", min share {min_share}"
        print(f"== {root}{mode}: {len(inputs)} documents, {len(learner.hosts)} hosts, {profile.block_count} recurring blocks in the profile")
        print(f"   dropped {sum(drops.values())} blocks ({len(drops)} distinct), kept {kept_doubtful} recurring blocks as doubtful")
        if scored:
            print(
                f"   with gold: {scored} documents, {len(worse)} worse with the profile; mean token F1 {f1_without / scored:.4f} -> "
                f"{f1_with / scored:.4f}; lowest recall change {lowest_recall:+.4f}; recurring non-article lines left {left}"
            )
        for line in worse:
            print(f"   WORSE {line}")
        for line in notes:
            print(f"   note  {line}")
        for line, n in left_lines.most_common(show or 10):
            print(f"   left x{n}: {line[:120]}")
        if not scored or show:
            for (host, line), n in sorted(drops.items(), key=lambda item: (item[0][0], -item[1]))[: show or None]:
                print(f"   drop {host} x{n}: {line[:120]}")
    return 1 if worse_total else 0
