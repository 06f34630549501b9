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
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional

from site_rules import rule_by_name

from .article import GUIDE_FIELDS, NO_TEXT, Article, Outcome
from .detect import signature_score
from .api import Cleaner
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
                (totals.fallbacks, DRIFT_THRESHOLD, "fell back (no layout read the page)"),
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


def input_root(inputs: Iterable[str]) -> str | None:
    """The folder the inputs share, against which the report shows their paths."""
    paths = [os.path.abspath(item if os.path.isdir(item) else os.path.dirname(item) or ".") for item in inputs if item != "-"]
    return os.path.commonpath(paths) if paths else None


def shown_path(source: str, root: str | None) -> str:
    """``source`` relative to ``root`` where it lies below it (``tempo/koran.txt``, ``batch.jsonl:12``)."""
    if not root or source.startswith("-"):
        return source
    path, colon, line = source.partition(":") if not os.path.exists(source) and ":" in source else (source, "", "")
    absolute = os.path.abspath(path)
    if absolute != root and not absolute.startswith(root + os.sep):
        return source
    return os.path.relpath(absolute, root) + colon + line


def review(
    documents: Iterable[InputDocument], cleaner: Cleaner | None = None, *, url: Optional[str] = None, root: Optional[str] = None
) -> BatchReview:
    """Clean every document (through ``Cleaner.clean_document``, as ``cleaner clean`` does) and
    gather the totals, rule counts and drift signals (paths relative to ``root``)."""
    cleaner = cleaner or Cleaner()
    batch = BatchReview()
    for document in documents:
        source = shown_path(document.source, root)
        if document.error or document.content is None:
            row = DocumentReview(source, OTHER, error=document.error or "no content")
        else:
            article = cleaner.clean_document(document.parsed(), default_url=url)
            row = DocumentReview(source, article.site or OTHER, article, signature_seen=signature_seen(article))
            batch.reasons.update(d.reason.split(" (")[0] for d in article.decisions if d.verdict != "keep")  # host.repeated's figures apart
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
.error,.warn-error{color:#a33}.warn-notice{color:#776}
#controls{margin:.4rem 0;display:flex;gap:.6rem;flex-wrap:wrap;align-items:center}
#shown{color:#555}
a.show{color:inherit}
"""

_SCRIPT = """
var controls = ['filter', 'outcome', 'path', 'warnings', 'search'].map(function (id) { return document.getElementById(id); });
function apply() {
  var site = controls[0].value, outcome = controls[1].value, path = controls[2].value, warned = controls[3].value;
  var words = controls[4].value.trim().toLowerCase();
  var shown = 0;
  document.querySelectorAll('details.doc').forEach(function (item) {
    var d = item.dataset;
    var visible = (site === '' || d.site === site) && (outcome === '' || d.outcome === outcome)
      && (path === '' || d.path === path) && (warned === '' || d.warnings === warned)
      && (words === '' || item.textContent.toLowerCase().indexOf(words) >= 0);
    item.hidden = !visible;
    if (visible) { shown += 1; }
  });
  document.getElementById('shown').textContent = shown + ' shown';
}
controls.forEach(function (control) { control.addEventListener('input', apply); control.addEventListener('change', apply); });
document.querySelectorAll('a.show').forEach(function (link) {
  link.addEventListener('click', function (event) {
    event.preventDefault();
    controls.forEach(function (control) { control.value = ''; });
    controls[0].value = link.dataset.site || '';
    if (link.dataset.outcome) { controls[1].value = link.dataset.outcome; }
    if (link.dataset.path) { controls[2].value = link.dataset.path; }
    apply();
    document.getElementById('documents').scrollIntoView();
  });
});
apply();
"""

#: Warnings that say the cleaner could not do part of its job; the others are notes
#: (a charset detected, mojibake repaired, a date in the head that is no date).
_SEVERE = ("failed", "cannot", "internal error", "unparseable", "too large", "too long", "binary")


def warning_class(warning: str) -> str:
    return "warn-error" if any(word in warning for word in _SEVERE) else "warn-notice"


#: JSON inside a ``<script>`` element: what could end the element or open a comment is written
#: as a JSON escape, so the text still parses as JSON (HTML entities would not be decoded there).
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def script_json(data: str) -> str:
    """JSON text safe inside a ``<script type="application/json">`` element, and still JSON."""
    return data.translate(_SCRIPT_ESCAPES)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _show(count: int, site: str, **filters: str) -> str:
    """A count that, clicked, shows its documents below."""
    if not count:
        return "0"
    data = "".join(f' data-{key}="{_e(value)}"' for key, value in filters.items())
    return f'<a class="show" href="#documents" data-site="{_e(site)}"{data}>{count}</a>'


def _site_table(batch: BatchReview) -> str:
    rows = []
    for site, t in sorted(batch.sites.items()):
        rows.append(
            f'<tr data-site="{_e(site)}"><td>{_e(site)}</td><td class="n site-documents">{_show(t.documents, site)}</td>'
            f'<td class="n">{_show(t.documents - t.errors - t.fallbacks, site, path="rule")}</td>'
            f'<td class="n">{_show(t.fallbacks, site, path="fallback")}</td>'
            f'<td class="n">{t.no_body}</td><td class="n">{t.missing_signature}</td>'
            f'<td class="n">{_show(t.errors, site, path="error")}</td></tr>'
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
            f'<details class="doc" id="doc-{number}" data-site="{_e(row.site)}" data-outcome="refused" data-path="error" '
            f'data-warnings="yes"><summary>{summary} — <span class="error">error: {_e(row.error)}</span></summary></details>'
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
    warnings = "".join(f'<li class="{warning_class(w)}">{_e(w)}</li>' for w in article.warnings)
    path = "error" if article.outcome in (Outcome.REFUSED, Outcome.FAILED) else article.provenance.extractor
    attributes = (
        f'data-site="{_e(row.site)}" data-outcome="{article.outcome.value}" data-path="{path}" '
        f'data-warnings="{"yes" if article.warnings else "no"}"'
    )
    return (
        f'<details class="doc" id="doc-{number}" {attributes}><summary>{summary} — '
        f"{_e(article.outcome.value)}, {_e(describe_path(article))}; {dropped} blocks dropped</summary>"
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
    outcomes = '<option value="">any outcome</option>' + "".join(f'<option value="{o.value}">{o.value}</option>' for o in Outcome)
    paths = (
        '<option value="">rule, fallback or error</option><option value="rule">a site rule</option>'
        '<option value="fallback">the fallback</option><option value="error">an error</option>'
    )
    warned = '<option value="">with or without warnings</option><option value="yes">with warnings</option><option value="no">without warnings</option>'
    controls = (
        f'<div id="controls"><select id="filter" aria-label="site">{options}</select>'
        f'<select id="outcome" aria-label="outcome">{outcomes}</select><select id="path" aria-label="path">{paths}</select>'
        f'<select id="warnings" aria-label="warnings">{warned}</select>'
        '<input id="search" type="search" placeholder="search sources, titles, text, warnings" aria-label="search" size="36">'
        '<span id="shown"></span></div>'
    )
    views = "".join(_document_view(number, row) for number, row in enumerate(batch.documents[:max_views]))
    more = f"<p>{batch.total - max_views} more documents not shown (--max-views).</p>" if batch.total > max_views else ""
    data = json.dumps({"documents": batch.total, "sites": {s: t.documents for s, t in batch.sites.items()}})
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>'
        f"<style>{_CSS}</style></head><body><h1>{_e(title)}</h1>"
        f"<h2>Totals per site</h2>{_site_table(batch)}"
        f'<h2>Drift warnings</h2><div id="drift">{drift_html}</div>'
        f"<h2>How often each rule fired</h2>{_reason_table(batch)}"
        f'<h2 id="documents">Documents</h2>{controls}{views}{more}'
        f'<script type="application/json" id="report-data">{script_json(data)}</script>'
        f"<script>{_SCRIPT}</script></body></html>"
    )
