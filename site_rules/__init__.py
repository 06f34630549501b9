"""Site rules: one module per publisher, found by the registry, never listed by hand.

Every module of this package that defines a ``SiteRule`` subclass with a ``name``
contributes that rule. Other packages add rules through the ``site_rules``
entry-point group (see ``docs/writing-a-site-rule.md``).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from types import ModuleType

from cleaner.article import Decision

from .base import DatelineForm, Draft, HtmlLayout, Layout, SiteRule, TextOptions, has_class

__all__ = [
    "DatelineForm", "Decision", "Draft", "HtmlLayout", "Layout", "SiteRule", "TextOptions", "has_class",
    "ENTRY_POINT_GROUP", "HostConflictError", "Registry", "all_rules", "generic_rule", "host_index", "registry",
    "rule_by_name", "rule_for_host", "gathered_generic",
]

GENERIC = "generic"


#: The entry-point group through which other packages contribute site rules.
ENTRY_POINT_GROUP = "site_rules"
BUILT_IN = "built-in"


@dataclass(frozen=True)
class Registry:
    """The rules in use, where each came from, and the plug-ins that could not be loaded."""

    rules: tuple[SiteRule, ...]
    origins: dict[str, str]  # rule name -> "built-in" or "plug-in <distribution> (<entry point>)"
    problems: tuple[str, ...]
    #: Every declared host (lower case) -> the one rule that serves it (``host_index``).
    hosts: Mapping[str, SiteRule] = field(default_factory=dict)
    #: Every rule's own ``<meta>`` names (``SiteRule.head_meta``), in rule order.
    head_meta: tuple[tuple[str, str, str | None], ...] = ()
    #: Every rule's ``outlet_names``, in rule order.
    outlet_names: tuple[str, ...] = ()
    #: Every rule's ``dateline_outlets`` per kind, in rule order (the generic rule's last).
    dateline_outlets: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


class HostConflictError(ValueError):
    """Two rules declare the same host: which one cleans its pages would be an accident of order."""


def _normal_host(host: str) -> str:
    return host.strip().lower().rstrip(".")


def host_index(rules: Iterable[SiteRule]) -> dict[str, SiteRule]:
    """Each declared host to its rule, for a lookup by host suffix; a host declared twice is refused.

    A rule may declare a parent domain and another rule one of its subdomains
    (``detik.com`` and ``news.detik.com``): the longest suffix wins (``rule_for_host``).
    The same host in two rules has no such order, so it raises ``HostConflictError``.
    """
    index: dict[str, SiteRule] = {}
    for rule in rules:
        for declared in rule.hosts:
            host = _normal_host(declared)
            other = index.get(host)
            if other is not None and other is not rule:
                raise HostConflictError(
                    f"host {host!r} is declared by two rules, {other.name!r} and {rule.name!r}: "
                    f"a host belongs to one rule (declare a subdomain such as 'news.{host}' to split it)"
                )
            index[host] = rule
    return index


def rule_for_host(host: str, index: Mapping[str, SiteRule], enabled: frozenset[str] | None = None) -> SiteRule | None:
    """The rule of the longest declared suffix of ``host`` (``news.detik.com`` before ``detik.com``).

    One dictionary look-up per label of the host, whatever the number of rules. With
    ``enabled``, a disabled rule's host is passed over for a shorter suffix's rule.
    """
    labels = _normal_host(host).split(".")
    for start in range(len(labels)):
        rule = index.get(".".join(labels[start:]))
        if rule is not None and (enabled is None or rule.name in enabled):
            return rule
    return None


def _rule_classes(module: ModuleType) -> list[type[SiteRule]]:
    return [
        value
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, SiteRule) and value is not SiteRule
        and value.__module__ == module.__name__ and value.name
    ]


def _plugin_classes(entry: metadata.EntryPoint) -> list[type[SiteRule]]:
    """An entry point names a rule class (``pkg.mod:Rule``) or a module of rules (``pkg.mod``)."""
    loaded = entry.load()
    if isinstance(loaded, ModuleType):
        return _rule_classes(loaded)
    if isinstance(loaded, type) and issubclass(loaded, SiteRule) and loaded.name:
        return [loaded]
    raise TypeError(f"{entry.value} is neither a SiteRule subclass with a name nor a module of them")


@lru_cache(maxsize=1)
def registry() -> Registry:
    """Built-in rules (every module of this package), then plug-ins from the entry-point group.

    A plug-in cannot replace a built-in rule of the same name (that would change results
    silently) and a plug-in that fails to load is skipped: both are listed in ``problems``
    and shown by ``cleaner sites``. Hosts are indexed here (``host_index``): two built-in
    rules declaring one host raise ``HostConflictError``; a plug-in claiming a host a rule
    already serves is ignored and listed in ``problems``.
    """
    found: dict[str, SiteRule] = {}
    origins: dict[str, str] = {}
    problems: list[str] = []
    for module_info in pkgutil.iter_modules(__path__):
        for rule_class in _rule_classes(importlib.import_module(f"{__name__}.{module_info.name}")):
            found[rule_class.name] = rule_class()
            origins[rule_class.name] = BUILT_IN
    hosts = host_index(found.values())
    for entry in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        distribution = entry.dist.name if entry.dist is not None else "unknown distribution"
        where = f"plug-in {distribution} ({entry.value})"
        try:
            classes = _plugin_classes(entry)
        except Exception as error:  # noqa: BLE001 - a broken plug-in must not take the cleaner down
            problems.append(f"{where} not loaded: {type(error).__name__}: {error}")
            continue
        for rule_class in classes:
            if rule_class.name in found:
                problems.append(f"{where} defines {rule_class.name!r}, which {origins[rule_class.name]} already defines; ignored")
                continue
            rule = rule_class()
            try:
                hosts = {**hosts, **host_index([*dict.fromkeys(hosts.values()), rule])}
            except HostConflictError as conflict:
                problems.append(f"{where} defines {rule_class.name!r}: {conflict}; ignored")
                continue
            found[rule_class.name] = rule
            origins[rule_class.name] = where
    ordered = sorted((rule for name, rule in found.items() if name != GENERIC), key=lambda rule: rule.name)
    generic = gathered_generic(found[GENERIC], ordered)
    rules = (*ordered, generic)
    head_meta = tuple(dict.fromkeys(entry for rule in rules for entry in rule.head_meta))
    outlet_names = tuple(dict.fromkeys(name for rule in rules for name in rule.outlet_names))
    dateline_outlets: dict[str, tuple[str, ...]] = {}
    for rule in rules:
        for kind, name in rule.dateline_outlets:
            if name not in dateline_outlets.get(kind, ()):
                dateline_outlets[kind] = (*dateline_outlets.get(kind, ()), name)
    return Registry(rules, origins, tuple(problems), hosts, head_meta, outlet_names, dateline_outlets)


def gathered_generic(generic: SiteRule, rules: Iterable[SiteRule]) -> SiteRule:
    """The generic rule built from the registry: its own declarations plus every rule's brands
    and outlet lines, so that a page of a known outlet reaching it (a mirror, a dump with no
    address) loses that outlet's boilerplate too. A subclass made here, never a mutation."""
    rules = (*rules, generic)
    brands = tuple(dict.fromkeys(brand for rule in rules for brand in rule.brands))
    lines = tuple(dict.fromkeys(line for rule in rules for line in rule.outlet_lines))
    base = type(generic)
    composed = type(base.__name__, (base,), {"brands": brands, "outlet_lines": lines, "__module__": base.__module__})
    return composed()


def all_rules() -> tuple[SiteRule, ...]:
    """Every rule in use, site rules first (by name) and the generic rule last."""
    return registry().rules


def generic_rule() -> SiteRule:
    return all_rules()[-1]


def rule_by_name(name: str) -> SiteRule | None:
    """The rule of that name or alias, in any case (``Tempo``, ``cnn``), or None."""
    exact = next((rule for rule in all_rules() if rule.name == name), None)
    if exact is not None:
        return exact
    key = name.strip().casefold()
    return next((rule for rule in all_rules() if key == rule.name.casefold() or key in rule.aliases), None)


def suggest(name: str) -> list[str]:
    """Rule names close to a mistyped one, for the error that refuses it."""
    import difflib

    names = {alias: rule.name for rule in all_rules() for alias in (rule.name, *rule.aliases)}
    return sorted({names[m] for m in difflib.get_close_matches(name.strip().casefold(), names, n=3, cutoff=0.5)})
