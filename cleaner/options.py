"""How a ``Cleaner`` is configured: which rules, the fallback, the dateline, a minimum length."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from .limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from .profile import Profile


@dataclass(frozen=True)
class CleanOptions:
    """Settings fixed for a run; the defaults are what ``cleaner.clean`` does."""

    #: Names of the site rules to use (``None``: all). The generic rule is always on: a page of
    #: a disabled site is cleaned as any other site's.
    rules: frozenset[str] | None = None
    #: The rules' markup layouts read pages; off, every page goes to the fallback (the rules still
    #: choose the site and run their text passes): what a redesign of every site would do.
    markup_layouts: bool = True
    #: HTML no markup layout reads goes to trafilatura; off, it gets empty text and a warning.
    fallback: bool = True
    #: Keep the opening dateline (``Jakarta (ANTARA) - ``) at the start of the text; the GUIDE
    #: strips it (its place is in ``dateline`` either way).
    keep_dateline: bool = False
    #: An article with less text than this is no article: empty text and a warning.
    min_text_chars: int = 0
    limits: Limits = field(default=DEFAULT_LIMITS)
    #: A host profile (``cleaner learn``): blocks recurring across a host's pages go as ``host.repeated``.
    profile: Optional["Profile"] = None

    def allows(self, rule_name: str) -> bool:
        return self.rules is None or rule_name in self.rules or rule_name == "generic"


DEFAULT_OPTIONS = CleanOptions()
