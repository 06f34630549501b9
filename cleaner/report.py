"""``cleaner report``: one self-contained HTML page to review a batch and notice layout drift.

Gathering is separate from rendering: ``review`` cleans the documents into
``DocumentReview`` rows and ``BatchReview`` totals; ``render_html`` turns them into
a page with its CSS and script inline (no network). A site drifts when more than
``DRIFT_THRESHOLD`` of its documents fell back, found no body, or no longer show
the rule's signatures (its dateline form, footers, notices, or a markup layout)
on more than ``SIGNATURE_THRESHOLD`` of them: the day a site changes its layout,
this is what moves.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional

from site_rules import rule_by_name

from .article import GUIDE_FIELDS, NO_TEXT, Article, Outcome
from .detect import signature_score
from .engine import clean
from .explain import describe_path
from .inputs import InputDocument

DRIFT_THRESHOLD = 0.10
#: Some pages of a site carry no signature at all (a video page is a title and a paragraph),
#: so signatures have "vanished" only when most of a site's documents lack them.
SIGNATURE_THRESHOLD = 0.50
OTHER = "generic"  # documents of sites no rule covers: the generic rule, as `cleaner clean` says


@dataclass(frozen=True)
class DocumentReview:
    """One document's outcome: its article, or the error that kept it from being cleaned."""

    source: str
    site: str
    article: Optional[Article] = None
    error: Optional[str] = None
    signature_seen: bool = True

    @property
    def fell_back(self) -> bool:
        return self.article is not None and self.article.provenance.extractor == "fallback"

    @property
    def no_body(self) -> bool:
        """No text where an article was expected (a listing page has none by design)."""
        return self.article is not None and _empty_article(self.article)


@dataclass
class SiteTotals:
    documents: int = 0
    errors: int = 0
    fallbacks: int = 0
    no_body: int = 0
    missing_signature: int = 0

    def rate(self, count: int) -> float:
        return count / self.documents if self.documents else 0.0


@dataclass
class BatchReview:
    documents: list[DocumentReview] = field(default_factory=list)
    sites: dict[str, SiteTotals] = field(default_factory=dict)
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return len(self.documents)

    @property
    def fallback_rate(self) -> float:
        cleaned = [d for d in self.documents if d.article is not None]
        return sum(d.fell_back for d in cleaned) / len(cleaned) if cleaned else 0.0

    def drift_warnings(self) -> list[tuple[str, str]]:
        """(site, message) for each site over the threshold on any drift signal."""
        warnings = []
        for site, totals in sorted(self.sites.items()):
            if site == OTHER:
                continue
            for count, threshold, what in (
                (totals.fallbacks, DRIFT_THRESHOLD, "fell back to trafilatura"),
                (totals.no_body, DRIFT_THRESHOLD, "found no article body"),
                (totals.missing_signature, SIGNATURE_THRESHOLD, f"showed none of the {site} rule's signatures (dateline, notices, markup layout)"),
            ):
                if totals.rate(count) > threshold:
                    warnings.append((site, f"{site}: {count} of {totals.documents} documents ({totals.rate(count):.0%}) {what}; its layout may have changed"))
        return warnings


def _empty_article(article: Article) -> bool:
    """No text where an article was expected: not a listing or menu, which have none by design."""
    return article.outcome is not Outcome.ARTICLE and article.provenance.reason == NO_TEXT


def signature_seen(article: Article) -> bool:
    """Whether the document shows its rule's marks: a markup layout, or text signatures or dateline."""
    rule = rule_by_name(article.provenance.rule) if article.provenance.extractor == "rule" else rule_by_name(article.site or "")
    if rule is None or rule.name == "generic" or (article.outcome is Outcome.NON_ARTICLE and not _empty_article(article)):
        return True  # no signatures to lose, or a listing page, which has none by design
    if article.provenance.layout and article.provenance.extractor == "rule" and any(
        layout.name == article.provenance.layout for layout in rule.html_layouts
    ):
        return True
    if any(decision.reason == "shared.dateline" for decision in article.decisions):
        return True
    return signature_score(rule, "\n".join(decision.line for decision in article.decisions)) > 0


def review(documents: Iterable[InputDocument], *, url: Optional[str] = None, site: Optional[str] = None) -> BatchReview:
    """Clean every document and gather the totals, rule counts and drift signals."""
    batch = BatchReview()
    for document in documents:
        if document.error or document.content is None:
            row = DocumentReview(document.source, OTHER, error=document.error or "no content")
        else:
            article = clean(document.content, url=document.url or url, site=site)
            row = DocumentReview(document.source, article.site or OTHER, article, signature_seen=signature_seen(article))
            batch.reasons.update(d.reason for d in article.decisions if d.verdict != "keep")
        batch.documents.append(row)
        totals = batch.sites.setdefault(row.site, SiteTotals())
        totals.documents += 1
        totals.errors += row.error is not None
        totals.fallbacks += row.fell_back
        totals.no_body += row.no_body
        totals.missing_signature += not row.signature_seen
    return batch


# -- rendering -------------------------------------------------------------------------------------

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:0 2rem 3rem;color:#222}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
.drift{background:#fff3cd;border:1px solid #e0b400;padding:.4rem .7rem;margin:.3rem 0}
.ok{color:#2a7a2a}
details.doc{border:1px solid #ddd;margin:.4rem 0;padding:.3rem .6rem}
details.doc>summary{cursor:pointer}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1.2rem;margin-top:.6rem}
.block{margin:.15rem 0;padding:.1rem .3rem;border-left:3px solid transparent}
.block.keep{border-color:#2a7a2a}.block.meta{border-color:#1f6fb2;color:#1f4f7f}
.block.drop del{color:#999}.reason{font:11px monospace;color:#a33;margin-left:.4rem}
.block.meta .reason{color:#1f6fb2}
.clean p{margin:.3rem 0 .6rem}
.error{color:#a33}
#filter{margin:.4rem 0}
"""

_SCRIPT = """
document.getElementById('filter').addEventListener('change', function (event) {
  var site = event.target.value;
  document.querySelectorAll('details.doc').forEach(function (item) {
    item.hidden = site !== '' && item.dataset.site !== site;
  });
});
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _site_table(batch: BatchReview) -> str:
    rows = []
    for site, t in sorted(batch.sites.items()):
        rows.append(
            f'<tr data-site="{_e(site)}"><td>{_e(site)}</td><td class="n site-documents">{t.documents}</td>'
            f'<td class="n">{t.documents - t.errors - t.fallbacks}</td><td class="n">{t.fallbacks}</td>'
            f'<td class="n">{t.no_body}</td><td class="n">{t.missing_signature}</td><td class="n">{t.errors}</td></tr>'
        )
    return (
        '<table id="sites"><tr><th>site</th><th>documents</th><th>by the rule</th><th>fallback</th>'
        "<th>no body</th><th>no signature</th><th>errors</th></tr>" + "".join(rows)
        + f'<tr><th>all</th><th class="n" id="total-documents">{batch.total}</th><th colspan="5">'
        f"fallback rate {batch.fallback_rate:.1%}</th></tr></table>"
    )


def _reason_table(batch: BatchReview) -> str:
    rows = "".join(f'<tr><td><code>{_e(reason)}</code></td><td class="n">{n}</td></tr>' for reason, n in batch.reasons.most_common())
    return f'<table id="reasons"><tr><th>rule and pattern</th><th>blocks dropped or read as metadata</th></tr>{rows}</table>'


def _document_view(number: int, row: DocumentReview) -> str:
    summary = f"{_e(row.source)} — {_e(row.site)}"
    if row.article is None:
        return (
            f'<details class="doc" id="doc-{number}" data-site="{_e(row.site)}"><summary>{summary} — '
            f'<span class="error">error: {_e(row.error)}</span></summary></details>'
        )
    article = row.article
    dropped = sum(d.verdict == "drop" for d in article.decisions)
    blocks = []
    for decision in article.decisions:
        text = f"<del>{_e(decision.line)}</del>" if decision.verdict == "drop" else _e(decision.line)
        reason = "" if decision.reason == "body" else f'<span class="reason">{_e(decision.reason)}</span>'
        blocks.append(f'<div class="block {_e(decision.verdict)}" title="{_e(decision.reason)}">{text}{reason}</div>')
    if not blocks:
        blocks.append("<p><em>No block decisions: the fallback extractor chose the text.</em></p>")
    sources = dict(article.sources)
    fields = []
    for key in GUIDE_FIELDS:
        if key == "text":
            continue
        value = getattr(article, key)
        shown = ", ".join(value) if isinstance(value, tuple) else value
        where = f' <small>[{_e(sources[key])}]</small>' if key in sources else ""
        fields.append(f"<tr><th>{_e(key)}</th><td>{_e(shown) if shown not in (None, '') else '—'}{where}</td></tr>")
    paragraphs = "".join(f"<p>{_e(p)}</p>" for p in article.text.split("\n\n")) if article.text else "<p><em>(empty)</em></p>"
    warnings = "".join(f'<li class="error">{_e(w)}</li>' for w in article.warnings)
    return (
        f'<details class="doc" id="doc-{number}" data-site="{_e(row.site)}"><summary>{summary} — '
        f"{_e(describe_path(article))}; {dropped} blocks dropped</summary>"
        + (f"<ul>{warnings}</ul>" if warnings else "")
        + f'<div class="cols"><div class="input"><h3>Input, block by block</h3>{"".join(blocks)}</div>'
        f'<div class="output"><h3>Clean text</h3><div class="clean">{paragraphs}</div>'
        f'<h3>Metadata</h3><table class="meta">{"".join(fields)}</table></div></div></details>'
    )


def render_html(batch: BatchReview, *, title: str = "Cleaner review", max_views: int = 2000) -> str:
    """The report page: totals, drift warnings, rule counts, then one view per document."""
    drift = batch.drift_warnings()
    drift_html = (
        "".join(f'<div class="drift" data-site="{_e(site)}">⚠ {_e(message)}</div>' for site, message in drift)
        if drift else '<p class="ok" id="no-drift">No drift: every site under the thresholds.</p>'
    )
    sites = sorted(batch.sites)
    options = '<option value="">all sites</option>' + "".join(f'<option value="{_e(s)}">{_e(s)}</option>' for s in sites)
    views = "".join(_document_view(number, row) for number, row in enumerate(batch.documents[:max_views]))
    more = f"<p>{batch.total - max_views} more documents not shown (--max-views).</p>" if batch.total > max_views else ""
    data = json.dumps({"documents": batch.total, "sites": {s: t.documents for s, t in batch.sites.items()}})
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>'
        f"<style>{_CSS}</style></head><body><h1>{_e(title)}</h1>"
        f"<h2>Totals per site</h2>{_site_table(batch)}"
        f'<h2>Drift warnings</h2><div id="drift">{drift_html}</div>'
        f"<h2>How often each rule fired</h2>{_reason_table(batch)}"
        f'<h2>Documents</h2><select id="filter">{options}</select>{views}{more}'
        f'<script type="application/json" id="report-data">{_e(data)}</script>'
        f"<script>{_SCRIPT}</script></body></html>"
    )
