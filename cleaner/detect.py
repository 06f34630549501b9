"""Which rule cleans a document: by URL host, else by the dump's own signatures.

A URL decides alone when it is given (a mirror or subdomain of a site is that site,
the rule declaring the longest suffix of the host wins: ``news.detik.com`` before
``detik.com``; any other host is the generic rule), because a page of another outlet may quote a
site's name. Without a URL, each rule counts its signatures (datelines, footers,
notices) in the opening and closing lines; the highest count wins, ties go to the
rule listed first, and no signature at all means the generic rule.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from site_rules import SiteRule, all_rules, generic_rule, registry, rule_by_name, rule_for_host


class UnknownSiteError(ValueError):
    """``site=`` named no rule. The one exception ``clean`` raises by design."""


def host_of(url: str) -> str | None:
    """The lower-case host of ``url`` (a bare ``host/path`` works too), or None."""
    candidate = url.strip()
    if "://" not in candidate:
        candidate = "//" + candidate
    try:
        host = urlsplit(candidate).hostname
    except ValueError:
        return None
    return host.lower() if host else None


def matches_host(rule: SiteRule, host: str) -> bool:
    """Whether ``host`` is one of the rule's hosts or a subdomain of one (``nasional.tempo.co``)."""
    host = host.lower().rstrip(".")
    return any(host == h or host.endswith("." + h) for h in rule.hosts)


def signature_score(rule: SiteRule, sample: str) -> int:
    """How many of the rule's signatures occur in ``sample``.

    The literal ``signature_markers`` gate the regexes: a dump that names none of them
    is not this site's, and most dumps are ruled out by a substring test.
    """
    for marker in rule.signature_markers:  # a plain loop: no generator per rule and dump
        if marker in sample:
            break
    else:
        return 0
    score = 0
    for signature in rule.signatures:
        if signature.search(sample):
            score += 1
    return score


def _enabled(enabled: frozenset[str] | None) -> tuple[SiteRule, ...]:
    rules = all_rules()
    return rules if enabled is None else tuple(r for r in rules if r.name in enabled or r is generic_rule())


def rule_for_url(url: str, enabled: frozenset[str] | None = None) -> SiteRule:
    """The rule serving the URL's host by its longest declared suffix (one look-up per label), else generic."""
    host = host_of(url)
    rule = rule_for_host(host, registry().hosts, enabled) if host else None
    return rule if rule is not None else generic_rule()


def rule_for_text(lines: list[str], enabled: frozenset[str] | None = None) -> SiteRule:
    sample = "\n".join(lines[:60] + lines[-40:]) if len(lines) > 100 else "\n".join(lines)
    best, best_score = generic_rule(), 0
    for rule in _enabled(enabled):
        if len(rule.signatures) <= best_score:
            continue  # cannot beat the best so far (a tie goes to the rule listed first)
        score = signature_score(rule, sample)
        if score > best_score:
            best, best_score = rule, score
    return best


def choose_rule(
    lines: list[str], *, url: str | None = None, site: str | None = None, enabled: frozenset[str] | None = None
) -> SiteRule:
    """The rule for a document: ``site`` if forced, else by ``url``, else by signatures.

    ``enabled`` limits the choice to those rule names (the generic rule is always there).
    """
    if site is not None:
        rule = rule_by_name(site)
        if rule is None or (enabled is not None and rule.name not in enabled and rule is not generic_rule()):
            from site_rules import suggest

            names = ", ".join(r.name for r in _enabled(enabled))
            close = suggest(site)
            hint = f"did you mean {' or '.join(close)}? " if close and rule is None else ""
            raise UnknownSiteError(f"unknown or disabled site {site!r}; {hint}rules: {names}")
        return rule
    if url:
        return rule_for_url(url, enabled)
    return rule_for_text(lines, enabled)
