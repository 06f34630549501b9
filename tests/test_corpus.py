"""The real pages of ../shared against their hand-written expected records, held to the bars.

The seeds equal their expected records in every field; each site's dumps and pages
(and the pages with every layout off) hold the levels measured today, less a stated
margin (``DUMP_LEVELS`` and its kin): the bars bite on the first regression. The other
outlets of ../shared/outlets (issue 22) hold the levels they reached, below. Skipped,
with the reason, where ../shared is absent; under ``CI=true`` its absence fails.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from cleaner import GUIDE_FIELDS, CleanOptions, clean
from cleaner.evaluation import METADATA_FIELDS, Totals, find_cases, loss, score

from .conftest import shared_dir

SITES = ("tirto", "cnnindonesia", "liputan6", "antara", "tempo")


def test_seeds_equal_expected_in_every_field() -> None:
    cases = list(find_cases([shared_dir("seeds")]))
    assert len(cases) == 5
    for case in cases:
        got = clean(case.path.read_bytes(), url=case.url).to_dict()
        assert {k: got[k] for k in GUIDE_FIELDS} == case.expected, case.path.name


@pytest.fixture(scope="module")
def dump_totals() -> dict[str, Totals]:
    totals: dict[str, Totals] = defaultdict(Totals)
    for case in find_cases([shared_dir("corpus", "dumps")]):
        got = clean(case.path.read_bytes(), url=case.url).to_dict()
        totals[case.group].add(score(got, case.expected))
    return totals


#: The levels measured on 2026-12-03 (``scripts/evaluate.py``), held with a stated margin:
#: token F1 may drop by 0.002; exactness and each metadata field by one document of the
#: set (``1 / n``), no more. A field not named is at 1.0. A change that costs more than one
#: document is a regression to fix, not a level to lower.
DUMP_LEVELS: dict[str, dict[str, float]] = {
    "antara": {}, "cnnindonesia": {}, "liputan6": {}, "tempo": {}, "tirto": {},
    "other": {"f1": 0.991, "paragraph_f1": 0.9667, "exact": 0.9, "meta.title": 0.9, "meta.authors": 0.9, "meta.published": 0.9},
}
HTML_LEVELS: dict[str, dict[str, float]] = {
    "antara": {"f1": 0.9983, "paragraph_f1": 0.9931, "exact": 0.8}, "liputan6": {}, "tempo": {}, "tirto": {},
}
#: Every markup layout off (as after a redesign of every site): the fallback's own reading.
NO_LAYOUT_LEVELS: dict[str, dict[str, float]] = {
    "antara": {"f1": 0.9983, "paragraph_f1": 0.9931, "exact": 0.8},
    "liputan6": {"f1": 0.9985, "paragraph_f1": 0.9975, "exact": 0.875, "meta.description": 0.875},
    "tempo": {"meta.title": 0.6667, "meta.published": 0.3333, "meta.category": 0.6667, "meta.tags": 0.6667},
    "tirto": {},
}
F1_MARGIN = 0.002


def assert_levels(totals: Totals, levels: dict[str, float], what: str) -> None:
    """Every mean at its measured level, less the stated margin."""
    means = totals.means()
    one_document = 1 / totals.n
    below = {}
    for key in ("f1", "paragraph_f1", "exact", *(f"meta.{name}" for name in METADATA_FIELDS)):
        margin = F1_MARGIN if key in ("f1", "paragraph_f1") else one_document
        level = levels.get(key, 1.0)
        if means[key] < level - margin - 1e-9:
            below[key] = f"{means[key]:.4f} < {level:.4f} - {margin:.4f}"
    assert not below, f"{what}: below the measured levels: {below}"


@pytest.mark.parametrize("site", sorted(DUMP_LEVELS))
def test_site_dumps_hold_their_levels(site: str, dump_totals: dict[str, Totals]) -> None:
    assert dump_totals[site].n >= (5 if site == "other" else 10), f"too few {site} dumps found"
    assert_levels(dump_totals[site], DUMP_LEVELS[site], f"{site} dumps")


def html_scores(markup_layouts: bool) -> dict[str, tuple[Totals, Totals]]:
    """Per site: the cleaner's scores and trafilatura's on the same saved pages."""
    from cleaner.compare import trafilatura_record

    options = CleanOptions(markup_layouts=markup_layouts)
    totals: dict[str, tuple[Totals, Totals]] = defaultdict(lambda: (Totals(), Totals()))
    for case in find_cases([shared_dir("corpus", "html")]):
        source = case.path.read_bytes()
        ours, theirs = totals[case.group.split("/")[0]]
        ours.add(score(clean(source, url=case.url, options=options).to_dict(), case.expected))
        if markup_layouts:
            theirs.add(score(trafilatura_record(source.decode("utf-8", "replace"), "html", case.url), case.expected))
    return totals


@pytest.fixture(scope="module")
def html_totals() -> dict[str, tuple[Totals, Totals]]:
    return html_scores(markup_layouts=True)


@pytest.fixture(scope="module")
def no_layout_totals() -> dict[str, tuple[Totals, Totals]]:
    return html_scores(markup_layouts=False)


@pytest.mark.parametrize("site", sorted(HTML_LEVELS))
def test_site_pages_hold_their_levels(site: str, html_totals: dict[str, tuple[Totals, Totals]]) -> None:
    ours, theirs = html_totals[site]
    assert ours.n >= 1, f"no {site} pages found"
    assert_levels(ours, HTML_LEVELS[site], f"{site} pages")
    assert ours.means()["f1"] > theirs.means()["f1"], "the site rule must beat trafilatura on the same pages"


@pytest.mark.parametrize("site", sorted(NO_LAYOUT_LEVELS))
def test_pages_with_every_layout_off_hold_their_levels(site: str, no_layout_totals: dict[str, tuple[Totals, Totals]]) -> None:
    ours, _ = no_layout_totals[site]
    assert ours.n >= 1, f"no {site} pages found"
    assert_levels(ours, NO_LAYOUT_LEVELS[site], f"{site} pages, layouts off")


def test_the_level_check_bites() -> None:
    totals = Totals()
    perfect = {"text": "Satu dua tiga.", **{name: None for name in METADATA_FIELDS}}
    totals.add(score(perfect, perfect))
    totals.add(score({**perfect, "text": "Satu."}, perfect))
    with pytest.raises(AssertionError, match="below the measured levels"):
        assert_levels(totals, {}, "two documents, one cut short")


def test_search_results_page_has_no_article() -> None:
    page = next(shared_dir("corpus", "html", "tirto").rglob("*NONARTICLE*.html"))
    article = clean(page.read_bytes(), url="https://tirto.id/search")
    assert article.text == ""
    assert any("non-article" in warning for warning in article.warnings)


def test_no_article_is_lost_and_no_non_article_keeps_text() -> None:
    """The never-lose bar on every real page: an article keeps 90% of its tokens, a page
    with no article keeps no text (``scripts/evaluate.py`` lists the same per site)."""
    cases = list(find_cases([shared_dir("corpus"), shared_dir("seeds"), shared_dir("outlets")]))
    assert len(cases) >= 140
    lost = []
    for case in cases:
        got = clean(case.path.read_bytes(), url=case.url).to_dict()
        problem = loss(got, case.expected, score(got, case.expected))
        if problem and case.path.name not in KNOWN_OUTLET_LOSSES:
            lost.append(f"{case.path.name}: {problem}")
    assert not lost, lost


# -- the other outlets (../shared/outlets, issue 22) --------------------------------------------------
#
# Bars at the levels measured with the generic layer and the outlet rules of issue 22
# (dumps: token F1 0.995, recall 1.000, exact 0.96, every metadata field >= 0.96; pages: F1
# 1.000, recall 1.000, exact 1.000, every field >= 0.9375), less the sites' stated margin
# (``assert_levels``: 0.002 on token F1, one document on the exact rate and on each metadata
# field, 0.04 of 25 dumps, 0.0625 of 16 pages) and 0.005 on recall. The bars for the pages kept aside (dumps F1
# 0.985 / recall 0.995 / exact 0.75 / fields 0.90; pages F1 0.99 / exact 0.70 / fields
# 0.85) are the aim there.

#: Articles of ../shared/outlets still lost, each with why (the never-lose bar lists any other).
KNOWN_OUTLET_LOSSES: set[str] = set()


@pytest.fixture(scope="module")
def outlet_totals() -> dict[str, Totals]:
    """The other outlets' dumps and saved pages, each kind scored on its own."""
    totals: dict[str, Totals] = defaultdict(Totals)
    for case in find_cases([shared_dir("outlets")]):
        got = clean(case.path.read_bytes(), url=case.url).to_dict()
        totals[case.input_kind].add(score(got, case.expected))
    return totals


#: The outlets' levels as measured (``assert_levels`` applies the stated margin); keyed by input kind.
OUTLET_LEVELS: dict[str, dict[str, float]] = {
    "txt": {"f1": 0.9952, "paragraph_f1": 0.9976, "exact": 0.96, "meta.authors": 0.96},
    "html": {"meta.category": 0.9375, "meta.tags": 0.9375},
}


@pytest.mark.parametrize(("kind", "least"), [("txt", 20), ("html", 12)])
def test_other_outlets_hold_their_levels(kind: str, least: int, outlet_totals: dict[str, Totals]) -> None:
    totals = outlet_totals[kind]
    assert totals.n >= least, f"too few {kind} inputs of other outlets found"
    assert totals.means()["recall"] >= 0.995
    assert_levels(totals, OUTLET_LEVELS[kind], f"other outlets' {kind} inputs")