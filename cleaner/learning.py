"""Learning a host profile from a batch: each document cleaned without one, then observed.

The engine cleans each page as ``cleaner clean`` would (in worker processes where asked);
only the small ``Observation`` of each comes back to the ``Learner``, which counts in
bounded memory (``cleaner.profile``). Used by ``cleaner learn``, ``cleaner clean --learn``,
``Cleaner``'s callers and the datatrove step.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any, Callable, Iterable, Optional

from .api import Record, record_input
from .engine import clean
from .inputs import InputDocument
from .options import DEFAULT_OPTIONS, CleanOptions
from .parallel import map_ordered
from .profile import Learner, Observation, Profile, Thresholds, observe

__all__ = ["observe_document", "learn_documents", "learn_records"]


def observe_document(
    document: InputDocument, *, default_url: Optional[str] = None, site: Optional[str] = None, options: CleanOptions = DEFAULT_OPTIONS
) -> Observation | None:
    """Clean one input document without a profile and observe it; None for one that tells nothing."""
    try:
        document = document.parsed()
        if document.error or document.content is None:
            return None
        article = clean(
            document.content, url=document.url or default_url, site=site, encoding=document.encoding, when=document.when,
            options=replace(options, profile=None),
        )
        return observe(article)
    except (Exception, RecursionError):  # noqa: BLE001 - a bad document teaches nothing; the batch goes on
        return None


def learn_documents(
    documents: Iterable[InputDocument],
    *,
    default_url: Optional[str] = None,
    site: Optional[str] = None,
    options: CleanOptions = DEFAULT_OPTIONS,
    jobs: int = 1,
    learner: Learner | None = None,
    tick: Callable[[], Any] = lambda: None,
) -> Learner:
    """Feed every document's observation to ``learner`` (a new one by default) and return it."""
    learner = learner or Learner()
    work = partial(observe_document, default_url=default_url, site=site, options=options)
    results = map_ordered(work, documents, jobs=jobs, chunk_size=128, on_crash=lambda document, error: None) if jobs > 1 else map(work, documents)
    for observation in results:
        learner.add(observation)
        tick()
    return learner


def learn_records(records: Iterable[Record], thresholds: Thresholds = Thresholds(), *, options: CleanOptions = DEFAULT_OPTIONS) -> Profile:
    """A profile from records as ``Cleaner.clean_many`` takes them (str, bytes, or mappings with a ``url``;
    a record with no URL has no host and teaches nothing)."""
    learner = Learner()
    for record in records:
        content, keys = record_input(record)
        document = InputDocument(source="", content=content, url=keys.get("url"), encoding=keys.get("encoding"), when=keys.get("when"))
        learner.add(observe_document(document, site=keys.get("site"), options=options) if content is not None else None)
    return learner.profile(thresholds)
