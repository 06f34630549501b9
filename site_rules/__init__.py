"""Site rules: one module per publisher, found by the registry, never listed by hand.

Every module of this package that defines a ``SiteRule`` subclass with a ``name``
contributes that rule. Other packages add rules through the ``site_rules``
entry-point group (see ``docs/writing-a-site-rule.md``).
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from types import ModuleType

from cleaner.article import Decision

from .base import DatelineForm, Draft, HtmlLayout, Layout, SiteRule, TextOptions, has_class

__all__ = [
    "DatelineForm", "Decision", "Draft", "HtmlLayout", "Layout", "SiteRule", "TextOptions", "has_class",
    "ENTRY_POINT_GROUP", "Registry", "all_rules", "generic_rule", "registry", "rule_by_name",
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
    and shown by ``cleaner sites``.
    """
    found: dict[str, SiteRule] = {}
    origins: dict[str, str] = {}
    problems: list[str] = []
    for module_info in pkgutil.iter_modules(__path__):
        for rule_class in _rule_classes(importlib.import_module(f"{__name__}.{module_info.name}")):
            found[rule_class.name] = rule_class()
            origins[rule_class.name] = BUILT_IN
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
            found[rule_class.name] = rule_class()
            origins[rule_class.name] = where
    generic = found.pop(GENERIC)
    rules = (*sorted(found.values(), key=lambda rule: rule.name), generic)
    return Registry(rules, origins, tuple(problems))


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
