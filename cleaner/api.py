"""``Cleaner``: configured once, then used for one document or a stream of them."""

from __future__ import annotations

import copy
from dataclasses import replace

import os
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Union

from .article import Article, Outcome
from .engine import clean as clean_one
from .engine import refused
from .inputs import InputDocument
from .limits import DEFAULT_LIMITS, Limits
from .options import CleanOptions

if TYPE_CHECKING:
    from .profile import Profile

#: What ``clean_many`` takes: content alone, or a mapping with ``text`` / ``html`` /
#: ``content`` and optionally ``url``, ``site``, ``encoding`` and ``when`` (or ``date``).
Record = Union[str, bytes, Mapping[str, Any]]


class Cleaner:
    """A cleaner configured once for a run (immutable, so one may serve many threads).

        >>> cleaner = Cleaner(rules=["tempo", "antara"], fallback=False, min_text_chars=200)
        >>> for article in cleaner.clean_many(records):
        ...     ...

    ``rules``: the site rules to use (default all; the generic rule is always on); ``site``:
    the one rule every document of the run is read with (``--site``), else the rule is
    chosen per document by its address and text;
    ``fallback``: for HTML no markup layout reads, the container holding its prose, else
    trafilatura; ``markup_layouts``: off, every page goes to the fallback (what a redesign
    of every site would do); ``keep_dateline``: keep
    the opening dateline in the text; ``min_text_chars``: shorter text counts as no
    article; ``limits``: what one document may cost; ``profile``: a host profile
    (``cleaner learn``; a ``Profile`` or the path of its file, read here once), whose
    recurring blocks go as ``host.repeated``. Unknown rule or site names raise
    ``UnknownSiteError`` here, once, rather than on every document.

    ``clean_document`` is the one way into the engine for a document read from anywhere
    (the CLI's inputs, ``explain``, ``report``, ``fetch --clean``, the datatrove step, the
    fixtures): it passes the document's address, HTTP charset and date alike for all.
    """

    def __init__(
        self,
        *,
        rules: Iterable[str] | None = None,
        site: str | None = None,
        fallback: bool = True,
        markup_layouts: bool = True,
        keep_dateline: bool = False,
        min_text_chars: int = 0,
        limits: Limits = DEFAULT_LIMITS,
        profile: "Profile | str | os.PathLike[str] | None" = None,
    ) -> None:
        from site_rules import all_rules

        from .detect import UnknownSiteError, choose_rule

        names = frozenset(rules) if rules is not None else None
        known = {rule.name for rule in all_rules()}
        if names is not None and not names <= known:
            raise UnknownSiteError(f"unknown rules {sorted(names - known)}; rules: {', '.join(sorted(known))}")
        if min_text_chars < 0:
            raise ValueError("min_text_chars must be 0 or more")
        from .profile import Profile

        loaded = profile if profile is None or isinstance(profile, Profile) else Profile.load(profile)
        self.options = CleanOptions(
            rules=names, fallback=fallback, markup_layouts=markup_layouts, keep_dateline=keep_dateline, min_text_chars=min_text_chars, limits=limits,
            profile=loaded,
        )
        if site is not None:
            site = choose_rule([], site=site, enabled=self.options.rules).name  # an alias or any case: the rule's own name
        self.site = site

    def with_profile(self, profile: "Profile | None") -> "Cleaner":
        """This cleaner with a host profile (itself where there is none): the CLI loads or learns
        one after the run's options are set, and learning needs those options first."""
        if profile is None:
            return self
        other = copy.copy(self)
        other.options = replace(self.options, profile=profile)
        return other

    def __repr__(self) -> str:
        return f"Cleaner({self.options}, site={self.site!r})"

    def clean(
        self, content: str | bytes, *, url: str | None = None, site: str | None = None, encoding: str | None = None, when: str | None = None
    ) -> Article:
        """One document, as ``cleaner.clean`` with this cleaner's options (and its ``site``)."""
        return clean_one(content, url=url, site=site or self.site, encoding=encoding, when=when, options=self.options)

    def clean_document(self, document: InputDocument, *, default_url: str | None = None) -> Article:
        """One document as read from an input (``cleaner.inputs``): its content, address (else
        ``default_url``), HTTP charset and date (a WARC-Date) all reach the engine, the same for
        every caller. A document that could not be read gives a ``refused`` article saying why."""
        url = document.url or default_url
        if document.error is not None or document.content is None:
            return refused(document.error or "no content", url=url, site=self.site, options=self.options, outcome=Outcome.REFUSED)
        return clean_one(document.content, url=url, site=self.site, encoding=document.encoding, when=document.when, options=self.options)

    def clean_many(self, records: Iterable[Record]) -> Iterator[Article]:
        """One ``Article`` per record, in order, lazily: memory stays flat however many records.

        A mapping with no ``text``, ``html`` or ``content`` gives an article with empty text
        and a warning, so outputs stay aligned with inputs.
        """
        for record in records:
            content, keys = record_input(record)
            if content is None:
                yield clean_one("", url=keys.get("url"), options=self.options)
                continue
            yield self.clean(content, **keys)


def record_input(record: Record) -> tuple[str | bytes | None, dict[str, Any]]:
    """A record's content (None where it has none) and its ``url``, ``site``, ``encoding`` and ``when``."""
    if isinstance(record, (str, bytes)):
        return record, {}
    content = next((record[key] for key in ("html", "text", "content") if isinstance(record.get(key), (str, bytes))), None)
    url = record.get("url") if isinstance(record.get("url"), str) else None
    when = next((record[key] for key in ("when", "date") if isinstance(record.get(key), str)), None)
    return content, {"url": url, "site": record.get("site"), "encoding": record.get("encoding"), "when": when}
