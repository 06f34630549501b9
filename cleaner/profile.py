"""A host's boilerplate learned from a batch: learning, the profile file, and the matching pass.

What an outlet wraps around every article (menus, tickers, promo lines, footers) is the
same text on page after page while the articles differ; no rule knows every outlet, the
batch does. A **profile** lists, per host, the blocks that recur across that host's
*distinct* pages (none the passes read as a field), with how many pages show each.
Cleaning with it, the engine drops such a block before the text passes with the reason
``host.repeated`` and its figures (``on 14 of 20 pages of kompas.tv``).

Safe by construction, since a profile must never cost an article a sentence:

* pages are counted once per article (``m.``/``www.``/AMP copies, re-crawls and
  syndicated copies share a fingerprint of their article text);
* a block goes only where it stands outside the article's run of prose (never between
  two prose lines of the article), is short enough, is not a dateline, credit or date
  line the passes read, and — when it reads as a long sentence — is not touching the
  article's run (an agency's standard closing sentence stays);
* thresholds (``Thresholds``) are options; where a block is doubtful it stays, and the
  decision log says why.

Learning runs in flat memory: per host, a lossy counter of blocks (Manku and Motwani's
lossy counting: entries rarer than ``error`` of the pages are pruned as it goes) and a
capped set of 64-bit article fingerprints; the profile holds hosts × recurring blocks.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping, Sequence
from urllib.parse import urlsplit

from courlan.urlutils import extract_domain
from xxhash import xxh64_intdigest

from site_rules import SiteRule
from site_rules import patterns as P

from .article import Article, Decision
from .dates import date_line
from .draft import Draft
from .passes import extract_text, meta_line, plan_for, text_layout
from .text import ends_sentence, word_count

__all__ = [
    "PROFILE_VERSION", "Thresholds", "Block", "HostProfile", "Profile", "ProfileError", "Observation", "Learner",
    "host_key", "observe", "match", "extract", "filter_paragraphs", "summary", "REASON", "KEPT_REASON",
]

#: The schema version of a profile file; a file of another version is refused with the reason.
PROFILE_VERSION = 1
#: The reason of every drop the profile decides (greppable in ``explain``, the report, ``decisions``).
REASON = "host.repeated"
#: The reason a recurring block was kept, with why (``explain`` shows it on the kept block).
KEPT_REASON = "host.repeated_kept"
_TOKENS = re.compile(r"\w+")
#: A dateline standing alone on its line (``Maros -``, ``Jakarta (ANTARA) -``): a few words and a dash.
_DATELINE_ALONE = re.compile(r"(?:\S+ ){0,6}\S*\s*(?:-{1,2}|[–—])")
#: Drops that read a field all the same (a bare ``Editor`` label names the line after it).
_READING = frozenset({"shared.credit_label"})
#: Fields each article has its own of: a block read as one on many pages is chrome taken for it.
_OWN_FIELDS = frozenset({"shared.title", "shared.deck"})


class ProfileError(ValueError):
    """A profile file that cannot be read: missing, not JSON, another schema version."""


@dataclass(frozen=True)
class Thresholds:
    """When a recurring block goes. Defaults measured on ``../shared`` (README, "Host profiles")."""

    #: Share of the host's distinct pages that show the block.
    min_share: float = 0.4
    #: Distinct pages that must show it (and the host must have at least this many pages).
    min_pages: int = 3
    #: A block of more words is never dropped (a recurring long passage is more likely quoted text).
    max_words: int = 40
    #: A block that ends a sentence and has this many words reads as prose: it goes only where
    #: other blocks stand between it and the article's run of prose.
    sentence_words: int = 12
    #: Words and a sentence ending make a line prose, the lines that bound the article's run.
    prose_words: int = 10

    def __post_init__(self) -> None:
        if not 0 < self.min_share <= 1:
            raise ValueError("min_share must be more than 0 and at most 1")
        if self.min_pages < 2:
            raise ValueError("min_pages must be 2 or more: one page shows no recurrence")
        if self.max_words < 1 or self.sentence_words < 1 or self.prose_words < 1:
            raise ValueError("max_words, sentence_words and prose_words must be 1 or more")


@dataclass(frozen=True)
class Block:
    """One recurring block of a host: distinct pages showing it, an example URL, where it sat."""

    pages: int
    example: str | None = None
    #: Pages where it stood before, inside or after the article's run of prose (as cleaned without a profile).
    before: int = 0
    inside: int = 0
    after: int = 0


@dataclass(frozen=True)
class HostProfile:
    """A host's distinct pages and its recurring blocks, text → figures."""

    pages: int
    blocks: Mapping[str, Block]


@dataclass(frozen=True, eq=False)
class Profile:
    """Per host, the blocks that recur across its distinct pages; see the module's docstring.

    Compared and hashed by identity (it sits in the frozen ``CleanOptions``).
    """

    hosts: Mapping[str, HostProfile]
    thresholds: Thresholds = field(default_factory=Thresholds)

    def with_thresholds(self, **changes: Any) -> "Profile":
        """The same profile with some thresholds changed (``min_share=0.5``)."""
        return replace(self, thresholds=replace(self.thresholds, **changes))

    @property
    def block_count(self) -> int:
        return sum(len(host.blocks) for host in self.hosts.values())

    def to_dict(self) -> dict[str, Any]:
        hosts = {}
        for name in sorted(self.hosts):
            host = self.hosts[name]
            ordered = sorted(host.blocks.items(), key=lambda item: (-item[1].pages, item[0]))
            hosts[name] = {
                "pages": host.pages,
                "blocks": [{"text": text, **{k: v for k, v in asdict(block).items() if v or k == "pages"}} for text, block in ordered],
            }
        return {"profile": "indonesian-news-cleaner host profile", "version": PROFILE_VERSION, "thresholds": asdict(self.thresholds), "hosts": hosts}

    def dump(self, path: str | os.PathLike[str]) -> None:
        """Write the profile as readable, diffable JSON (sorted hosts, blocks by pages), whole or not at all."""
        target = Path(path)
        partial = target.with_name(f".{target.name}.partial")
        partial.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        partial.replace(target)

    @classmethod
    def from_dict(cls, data: Any) -> "Profile":
        if not isinstance(data, dict) or "version" not in data or not isinstance(data.get("hosts"), dict):
            raise ProfileError("not a host profile (no version or hosts): write one with `cleaner learn`")
        if data["version"] != PROFILE_VERSION:
            raise ProfileError(f"profile schema version {data['version']!r}; this cleaner reads version {PROFILE_VERSION}: learn it again")
        known = {f.name for f in fields(Thresholds)}
        try:
            thresholds = Thresholds(**{k: v for k, v in (data.get("thresholds") or {}).items() if k in known})
            hosts = {}
            for name, host in data["hosts"].items():
                blocks = {}
                for entry in host.get("blocks", ()):
                    blocks[str(entry["text"])] = Block(
                        int(entry["pages"]), entry.get("example"), int(entry.get("before", 0)), int(entry.get("inside", 0)), int(entry.get("after", 0))
                    )
                hosts[str(name)] = HostProfile(int(host["pages"]), blocks)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise ProfileError(f"malformed host profile: {type(error).__name__}: {error}"[:300]) from error
        return cls(hosts, thresholds)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> "Profile":
        """Read a profile file; ``ProfileError`` says why one cannot be read."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as error:
            raise ProfileError(f"cannot read the profile {os.fspath(path)}: {error.strerror or error}") from error
        except ValueError as error:
            raise ProfileError(f"the profile {os.fspath(path)} is not JSON: {error}"[:300]) from error
        return cls.from_dict(data)


# -- hosts and fingerprints -------------------------------------------------------------------------------


def host_key(url: str | None) -> str | None:
    """The outlet a URL belongs to: its registered domain (``regional.kompas.com``, ``m.`` and
    ``amp.`` forms all give ``kompas.com``), so every copy of an outlet's page counts together."""
    if not url:
        return None
    try:
        host = urlsplit(url if "://" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host or "." not in host or " " in host:
        return None
    try:
        domain = extract_domain(host if "://" in host else "https://" + host)
    except Exception:  # noqa: BLE001 - an odd host is grouped by itself
        domain = None
    return (domain or host).lower()


def fingerprint(article: Article) -> int:
    """The article's identity across copies: its title and first sentences of prose, as words.

    A page seen as ``m.`` and ``www.``, as AMP, re-crawled with other chrome or syndicated
    shares it; the paragraphs a dump cut short never enter it (they do not end a sentence).
    A page with no sentence of prose (the cleaner kept only chrome) is known by its address
    instead, so pages of chrome alone never pass for copies of one another.
    """
    paragraphs = article.text.split("\n\n") if article.text else []
    sentences = [p for p in paragraphs if ends_sentence(p) and word_count(p) >= Thresholds.prose_words][:3]
    if sentences:
        words = " ".join(_TOKENS.findall(" ".join([article.title or "", *sentences]).lower()))
    else:
        words = "address " + _address(article.url)
    return xxh64_intdigest(words.encode("utf-8", "surrogatepass"))


def _address(url: str | None) -> str:
    """A URL's path without ``amp`` segments, query and trailing slash: one for ``m.``, ``www.`` and AMP copies."""
    try:
        path = urlsplit(url or "").path
    except ValueError:
        return url or ""
    return "/".join(part for part in path.lower().split("/") if part and part != "amp")


# -- learning ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Observation:
    """What one cleaned page tells the learner: its host, URL, fingerprint, and its blocks with where each stood."""

    host: str
    url: str | None
    fingerprint: int
    blocks: tuple[tuple[str, str], ...]  # (text, "before" | "inside" | "after")


def observe(article: Article, *, max_chars: int = 300) -> Observation | None:
    """The observation of a page cleaned without a profile; None where it tells nothing (no host, no article).

    Every block counts, kept or dropped (what the rules drop by position on one page they
    may keep on another, and once the profile drops some chrome, the passes read the rest
    anew), except blocks read as a field anywhere on the page: a credit, a date, a section
    label stay the passes'. A block read as the title or deck counts: those are each
    article's own, so one that recurs is chrome taken for them. What the rules' patterns
    drop or stop at is left to them when cleaning (``match``).
    """
    host = host_key(article.url)
    if host is None or not article.text:
        return None
    decisions = article.decisions
    meta = {d.line for d in decisions if (d.verdict == "meta" and d.reason not in _OWN_FIELDS) or d.reason in _READING}
    prose = [i for i, d in enumerate(decisions) if d.verdict == "keep" and word_count(d.line) >= Thresholds.prose_words and ends_sentence(d.line)]
    first, last = (prose[0], prose[-1]) if prose else (len(decisions), -1)
    seen: set[str] = set()
    blocks = []
    for index, decision in enumerate(decisions):
        line = decision.line
        if line in seen or line in meta or len(line) > max_chars or not line:
            continue
        seen.add(line)
        where = "before" if index < first else "after" if index > last else "inside"
        blocks.append((line, where))
    return Observation(host, article.url, fingerprint(article), tuple(blocks))


_SLOTS = {"before": 0, "inside": 1, "after": 2}
#: How far ahead in the passes' log a line's decision is looked for (a line the passes rewrote
#: is not found; the search stays bounded, never a scan per line).
_MERGE_WINDOW = 64


class _Counter:
    """One host's lossy counter.

    ``once``: blocks seen on one page so far, by a 64-bit hash of their text → their
    bucket's error bound × 3 + where they sat (no text kept: most blocks never recur);
    ``entries``: blocks seen again, text → [pages, error bound, before, inside, after, example].
    """

    __slots__ = ("pages", "once", "entries", "fingerprints")

    def __init__(self) -> None:
        self.pages = 0
        self.once: dict[int, int] = {}
        self.entries: dict[str, list[Any]] = {}
        self.fingerprints: set[int] = set()

    def __len__(self) -> int:
        return len(self.once) + len(self.entries)


class Learner:
    """Counts recurring blocks per host over distinct pages, in bounded memory.

    ``error``: lossy counting's bound (Manku and Motwani) — a block's count is short by at
    most ``error`` × the host's pages, and blocks rarer than that are pruned every
    ``1/error`` pages, so a host holds the blocks of about ``1/error`` pages seen once (as
    hashes) plus its recurring ones, however large the batch. ``max_fingerprints``: the
    articles per host remembered to pass over copies; beyond it pages count without that.
    """

    def __init__(self, *, error: float = 0.02, max_fingerprints: int = 200_000) -> None:
        if not 0 < error < 1:
            raise ValueError("error must be between 0 and 1")
        self.width = max(1, round(1 / error))
        self.max_fingerprints = max_fingerprints
        self.hosts: dict[str, _Counter] = {}
        #: Pages seen, pages counted (distinct articles of a host), copies passed over.
        self.seen = self.counted = self.copies = 0

    def add(self, observation: Observation | None) -> None:
        self.seen += 1
        if observation is None:
            return
        counter = self.hosts.get(observation.host)
        if counter is None:
            counter = self.hosts[observation.host] = _Counter()
        if observation.fingerprint in counter.fingerprints:
            self.copies += 1
            return
        if len(counter.fingerprints) < self.max_fingerprints:
            counter.fingerprints.add(observation.fingerprint)
        counter.pages += 1
        self.counted += 1
        bucket = (counter.pages - 1) // self.width + 1
        entries, once = counter.entries, counter.once
        for text, where in observation.blocks:
            slot = _SLOTS[where]
            entry = entries.get(text)
            if entry is None:
                key = xxh64_intdigest(text.encode("utf-8", "surrogatepass"))
                first = once.pop(key, None)
                if first is None:
                    once[key] = (bucket - 1) * 3 + slot
                    continue
                entry = entries[text] = [1, first // 3, 0, 0, 0, observation.url]
                entry[2 + first % 3] += 1
            entry[0] += 1
            entry[2 + slot] += 1
        if counter.pages % self.width == 0:  # the bucket's end: prune what is rarer than the bound
            counter.once = {key: value for key, value in once.items() if 1 + value // 3 > bucket}
            for text in [t for t, e in entries.items() if e[0] + e[1] <= bucket]:
                del entries[text]

    def profile(self, thresholds: Thresholds = Thresholds(), *, keep_share: float | None = None) -> Profile:
        """The profile: per host, blocks on at least ``keep_share`` (default: half of
        ``thresholds.min_share``) of its distinct pages and on two pages or more, so a
        cleaner may raise or lower its share within that without learning again."""
        floor = thresholds.min_share / 2 if keep_share is None else keep_share
        hosts = {}
        for name, counter in self.hosts.items():
            blocks = {
                text: Block(e[0], e[5], e[2], e[3], e[4])
                for text, e in counter.entries.items()
                if e[0] >= 2 and e[0] >= floor * counter.pages
            }
            if blocks:
                hosts[name] = HostProfile(counter.pages, blocks)
        return Profile(hosts, thresholds)


# -- matching ----------------------------------------------------------------------------------------------


def match(profile: Profile, url: str | None, rule: SiteRule, lines: Sequence[str], when: Any = None) -> dict[int, tuple[str, str]]:
    """The lines of a document the profile decides on: index → (verdict, reason).

    ``drop`` with ``host.repeated (on N of M pages of HOST)`` for a block that goes;
    ``keep`` with ``host.repeated_kept (why; figures)`` for a recurring block kept because
    it may be article text. Lines not named are the passes' to judge.
    """
    host = host_key(url)
    known = profile.hosts.get(host) if host else None
    t = profile.thresholds
    if known is None or known.pages < t.min_pages:
        return {}
    candidates: dict[int, Block] = {}
    for index, line in enumerate(lines):
        block = known.blocks.get(line)
        if block is not None and block.pages >= t.min_pages and block.pages >= t.min_share * known.pages:
            candidates[index] = block
    if not candidates:
        return {}
    prose = [i for i, line in enumerate(lines) if i not in candidates and word_count(line) >= t.prose_words and ends_sentence(line)]
    first, last = (prose[0], prose[-1]) if prose else (len(lines), -1)
    plan = plan_for(rule, text_layout(rule, list(lines), when))  # the drops and stops the passes will apply
    decided: dict[int, tuple[str, str]] = {}
    for index, block in candidates.items():
        line = lines[index]
        figures = f"on {block.pages} of {known.pages} pages of {host}"
        why = _doubt(line, index, first, last, candidates, lines, plan, t)
        decided[index] = ("keep", f"{KEPT_REASON} ({why}; {figures})") if why else ("drop", f"{REASON} ({figures})")
    return decided


def _doubt(line: str, index: int, first: int, last: int, candidates: Mapping[int, Block], lines: Sequence[str], plan: Any, t: Thresholds) -> str | None:
    """Why a recurring block must stay, or None when it may go."""
    if first < index < last:
        return "inside the article's run of prose"
    words = word_count(line)
    if words > t.max_words:
        return f"longer than {t.max_words} words"
    if _DATELINE_ALONE.fullmatch(line) or any(form.pattern.match(line) or form.pattern.match(line + " Teks") for form in plan.datelines):
        return "a dateline"
    if plan.stops.reason(line) or plan.drops.reason(line):
        return "the site rules decide it"
    if date_line(line) or meta_line(line, Draft()) or P.BARE_CREDIT_LABEL.fullmatch(line):
        return "a line the passes read as a field"
    if words >= t.sentence_words and ends_sentence(line) and _touches_run(index, first, last, candidates, lines, t):
        return "a sentence next to the article's run"
    return None


def _touches_run(index: int, first: int, last: int, candidates: Mapping[int, Block], lines: Sequence[str], t: Thresholds) -> bool:
    """Whether only other long recurring sentences stand between the line and the article's run
    (no run: the line stands alone with the text, which it may belong to)."""
    if last < 0:
        return True
    step, edge = (1, first) if index < first else (-1, last)
    for between in range(index + step, edge, step):
        other = lines[between]
        if between not in candidates or not (word_count(other) >= t.sentence_words and ends_sentence(other)):
            return False
    return True


def apply(profile: Profile, url: str | None, rule: SiteRule, lines: list[str], when: Any = None) -> tuple[list[str], dict[int, tuple[str, str]]]:
    """``lines`` without the blocks the profile drops, and the decisions on each recurring block."""
    decided = match(profile, url, rule, lines, when)
    if not decided:
        return lines, decided
    return [line for i, line in enumerate(lines) if decided.get(i, ("keep",))[0] != "drop"], decided


def merge_decisions(draft: Draft, lines: Sequence[str], decided: Mapping[int, tuple[str, str]]) -> None:
    """Put the profile's decisions into the draft's log in input order: each drop before the
    decision on the next line the passes saw; a kept block's ``body`` reason says why it stayed."""
    if not decided:
        return
    log = draft.decisions
    merged = []
    position = 0
    for index, line in enumerate(lines):
        verdict, reason = decided.get(index, ("", ""))
        if verdict == "drop":
            merged.append((position, Decision(line, "drop", reason)))
            continue
        found = next((i for i in range(position, min(position + _MERGE_WINDOW, len(log))) if log[i].line == line), None)
        if found is None:
            continue
        position = found + 1
        if verdict == "keep" and log[found].verdict == "keep":
            log[found] = Decision(line, "keep", reason)
    for offset, (at, decision) in enumerate(merged):
        log.insert(at + offset, decision)
    draft._positions = None  # the log moved: positions are rebuilt at the next revision


def extract(
    profile: Profile, url: str | None, rule: SiteRule, lines: list[str], when: Any = None, protect: frozenset[str] = frozenset()
) -> Draft:
    """The text passes over ``lines`` (``passes.extract_text``), the profile's drops taken out
    before; a line of the article's run in a whole page (``protect``) is never one of them."""
    kept, decided = apply(profile, url, rule, lines, when)
    spared = {i for i, (verdict, _) in decided.items() if verdict == "drop" and lines[i] in protect}
    if spared:
        decided = {i: (("keep", "host.repeated_kept (inside the article's run)") if i in spared else d) for i, d in decided.items()}
        kept = [line for i, line in enumerate(lines) if decided.get(i, ("keep",))[0] != "drop"]
    draft = extract_text(rule, kept, when, protect)
    merge_decisions(draft, lines, decided)
    return draft


def filter_paragraphs(profile: Profile, url: str | None, rule: SiteRule, draft: Draft) -> None:
    """The same judgement on a page's paragraphs as a markup layout read them (after its passes)."""
    kept, decided = apply(profile, url, rule, draft.paragraphs)
    if not decided:
        return
    for index, (verdict, reason) in decided.items():
        line = draft.paragraphs[index]
        draft.revise(line, verdict, reason)
    if kept and kept[-1] != draft.paragraphs[-1]:
        # The paragraph that closes the article now: its editor code goes, as the passes do for the last one.
        last = P.CREW_LIST.sub("", P.EDITOR_CODE.sub("", kept[-1])).rstrip()
        if last and last != kept[-1]:
            draft.note(kept[-1][len(last) :].strip(), "drop", "shared.closing_code")
            kept[-1] = last
    draft.paragraphs = kept


def summary(learner: Learner, profile: Profile) -> str:
    """One line for stderr: hosts, pages, copies, recurring blocks."""
    return (
        f"{len(learner.hosts):,} hosts, {learner.seen:,} pages ({learner.counted:,} distinct articles counted, "
        f"{learner.copies:,} copies passed over), {profile.block_count:,} recurring blocks in {len(profile.hosts):,} hosts"
    )
