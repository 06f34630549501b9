"""Site rules: one module per publisher, found by the registry, never listed by hand.

Every module of this package that defines a ``SiteRule`` subclass with a ``name``
contributes that rule. Third-party rules can later join through an entry point.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from cleaner.article import Decision

from .base import Draft, HtmlLayout, Layout, SiteRule, has_class

__all__ = ["Decision", "Draft", "HtmlLayout", "Layout", "SiteRule", "has_class", "all_rules", "generic_rule", "rule_by_name"]

GENERIC = "generic"


@lru_cache(maxsize=1)
def all_rules() -> tuple[SiteRule, ...]:
    """Every rule of this package, site rules first (by name) and the generic rule last."""
    found: dict[str, SiteRule] = {}
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, SiteRule)
                and value is not SiteRule
                and value.__module__ == module.__name__
                and value.name
            ):
                found[value.name] = value()
    generic = found.pop(GENERIC)
    return (*sorted(found.values(), key=lambda rule: rule.name), generic)


def generic_rule() -> SiteRule:
    return all_rules()[-1]


def rule_by_name(name: str) -> SiteRule | None:
    return next((rule for rule in all_rules() if rule.name == name), None)
