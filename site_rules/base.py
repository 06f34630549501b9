"""What a site rule declares, and the signatures of its few hooks.

A rule is declarations: the hosts it serves, the signatures that recognise its dumps,
its dateline forms, boilerplate lines (drops), end-of-article headings (stops),
listing addresses, paywall markers, and its layouts, text and markup, each of which
may carry the dates of its era and drops, stops and options of its own. The passes
that read a document with them are the engine's (``cleaner.passes``,
``cleaner.markup``); a rule never runs or overrides a pass. Where a layout needs
code, a rule fills one of three hooks, each with a closed signature: it reads one
line or the page tree and writes fields through the ``Draft`` helpers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar, Pattern, Union

from cleaner.draft import Draft

from .patterns import LinePattern, OutletDateline

__all__ = ["DatelineForm", "Draft", "HtmlLayout", "Layout", "SiteRule", "TextOptions", "has_class"]


@dataclass(frozen=True)
class DatelineForm:
    """An opening dateline form, tried with ``match`` at the start of a line.

    ``min_line_chars``: the form only opens a paragraph at least this long (a bare
    ``Jakarta - `` or ``JAKARTA Pemerintah …`` never opens a title or a caption);
    ``max_place_words``: a longer ``place`` group is a sentence, not a place.
    """

    pattern: Union[Pattern[str], OutletDateline]
    min_line_chars: int = 0
    max_place_words: int = 5


@dataclass(frozen=True)
class TextOptions:
    """How the header and body of a layout read; the defaults suit most sites."""

    #: A deck may stand right under the title.
    has_deck: bool = True
    #: The line under the title is always the deck (even with no dateline to bound the header).
    deck_always: bool = False
    #: The title is printed twice in the header; a short line before its first print is the label.
    title_repeated: bool = False
    #: A writer or editor credit in the body is its footer: only credits and tags follow.
    credits_close_body: bool = True
    #: A date line inside the body closes it, and the line above it is the title.
    trailing_title_date: bool = False
    #: The credit (``"editor"``, ``"author"``) of a bare person-name line under the title.
    unlabelled_credit: str | None = None
    #: Datelines are looked for in this many opening lines.
    max_header_lines: int = 25
    #: A dateline follows at most this many paragraphs of prose (80 characters or more, ending
    #: like a sentence); a later one is the lead printed again after the body (JPNN). None: any.
    max_prose_before_dateline: int | None = None
    #: Header names stand on their own lines and the role follows them (``Irwan Nugraha`` then
    #: ``Penulis``): a bare role line credits the name lines above it (bounded headers only).
    role_after_names: bool = False


@dataclass(frozen=True)
class Layout:
    """A dated text layout of a site, recognised by a signature (``re.search`` on the dump's opening).

    ``since``/``until`` bound its era: where a document's date is known, the layouts of
    that era are tried first. ``drops``, ``stops`` and ``options`` apply only to
    documents of this layout, on top of the rule's (``options`` replaces the rule's).
    """

    name: str
    signature: Pattern[str]
    since: date | None = None
    until: date | None = None
    drops: tuple[LinePattern, ...] = ()
    stops: tuple[LinePattern, ...] = ()
    options: TextOptions | None = None


def has_class(name: str) -> str:
    """XPath predicate: the element's class list holds ``name`` (whole word, not a prefix).

    The plain ``contains`` first: it rules out almost every element without building the
    padded class string, a third of the selector's time on a page of a thousand elements.
    """
    return f"(contains(@class, '{name}') and contains(concat(' ', normalize-space(@class), ' '), ' {name} '))"


@dataclass(frozen=True)
class HtmlLayout:
    """Where a dated markup layout keeps its article (XPath expressions, compiled once by the engine).

    ``body`` selects the article container(s), in page order (the pages of a
    multi-page article present in one file are joined); ``remove`` selects what goes
    inside them (captions, related boxes, ads, embeds); ``title``, ``description``
    (the deck), ``bylines`` (credit, byline and date lines), ``published`` (an
    element holding the displayed date among other words), ``category`` (its last
    match) and ``tags`` select the visible header and footer fields. ``since``,
    ``until``, ``drops``, ``stops`` and ``options`` as for ``Layout``.
    """

    name: str
    body: str
    remove: tuple[str, ...] = ()
    title: str | None = None
    description: str | None = None
    bylines: tuple[str, ...] = ()
    published: str | None = None
    category: str | None = None
    tags: str | None = None
    since: date | None = None
    until: date | None = None
    drops: tuple[LinePattern, ...] = ()
    stops: tuple[LinePattern, ...] = ()
    options: TextOptions | None = None
    #: Where the structure comes from: ``"saved pages"`` (reproduced from real saved pages) or
    #: ``"public conventions"`` (written from the site's public markup, unverified).
    basis: str = "saved pages"


class SiteRule:
    """Base class of every site rule: declarations first, then three small hooks.

    The registry (``site_rules.registry``) finds subclasses by importing every module
    of this package; nothing lists them by hand.
    """

    #: Short name, the ``site`` value of its articles (``None`` for the generic rule).
    name: ClassVar[str] = ""
    #: Other names ``--site`` accepts, lower case (``cnn`` for ``cnnindonesia``).
    aliases: ClassVar[tuple[str, ...]] = ()
    #: Host names it serves; subdomains match too (``nasional.tempo.co``), and of two rules the
    #: one declaring the longer suffix serves a host (``news.detik.com`` before ``detik.com``).
    #: A host belongs to one rule: declaring it twice is refused at registration.
    hosts: ClassVar[tuple[str, ...]] = ()
    #: Whether its articles carry ``name`` as ``site``. The GUIDE names five sites; an outlet
    #: rule beside them reads its pages but leaves ``site`` null (its name is in the provenance).
    site_field: ClassVar[bool] = True
    #: How the outlet signs (regular-expression fragments): ``detikNews`` in ``Name - detikNews``,
    #: ``CNBC Indonesia`` in ``Name, CNBC Indonesia``. The generic rule reads such bylines for
    #: every rule's brands (the registry gathers them), so a mirror with no rule reads them too.
    brands: ClassVar[tuple[str, ...]] = ()
    #: The ``<meta>`` names of the outlet's own system, read from every page's head (the head is
    #: read before a rule is chosen): ``(field, name, outranks)``, ``outranks`` being the standard
    #: name it is read before (``"article:author"``) or None to be read after the standard ones.
    head_meta: ClassVar[tuple[tuple[str, str, Union[str, None]], ...]] = ()
    #: The outlet's name as printed alone on a line (a logo's text, a credits box), regular-expression
    #: fragments: such a line is dropped on every page (``shared.outlet_name``), whichever rule reads it.
    outlet_names: ClassVar[tuple[str, ...]] = ()
    #: The outlet's own boilerplate lines that its mirrors and address-less dumps also carry:
    #: dropped by the outlet's rule and, gathered by the registry, by the generic rule.
    outlet_lines: ClassVar[tuple[LinePattern, ...]] = ()
    #: Feeds (RSS/Atom) and sitemaps that list the site's fresh articles (``cleaner fetch --latest``).
    latest_feeds: ClassVar[tuple[str, ...]] = ()
    latest_sitemaps: ClassVar[tuple[str, ...]] = ()
    #: Text signatures recognising a dump of this site when no URL is given.
    signatures: ClassVar[tuple[Pattern[str], ...]] = ()
    #: Literal strings one of which every signature contains (a fast first test).
    signature_markers: ClassVar[tuple[str, ...]] = ()
    #: Opening dateline forms (a bare pattern is a ``DatelineForm`` with the defaults).
    dateline_forms: ClassVar[tuple[Union[Pattern[str], OutletDateline, DatelineForm], ...]] = ()
    #: How the outlet names itself in datelines, ``(kind, name pattern)``: ``after_place``
    #: (``Jakarta, CNN Indonesia -- ``), ``before_place`` (``TEMPO.CO, Jakarta - ``), ``alone``
    #: (``tirto.id - ``), ``bare`` (no domain: ``VIVA - ``), ``agency`` (``Jakarta (ANTARA) - ``),
    #: ``no_dash`` (``Fimela.com, Jakarta Musim …``). The shared forms of ``patterns`` that name
    #: outlets (``OutletDateline``) are compiled with every rule's names.
    dateline_outlets: ClassVar[tuple[tuple[str, str], ...]] = ()
    #: Site boilerplate lines (on top of ``patterns.SHARED_DROPS``), for every layout.
    drops: ClassVar[tuple[LinePattern, ...]] = ()
    #: Site end-of-article headings (on top of ``patterns.SHARED_STOPS``), for every layout.
    stops: ClassVar[tuple[LinePattern, ...]] = ()
    #: Lines a page shows only where the article is a teaser behind a subscription.
    paywall_markers: ClassVar[tuple[LinePattern, ...]] = ()
    #: Addresses (``re.match`` on the URL path) of listing pages: search, tag, topic, index.
    listing_paths: ClassVar[tuple[Pattern[str], ...]] = ()
    #: Rewrites of a body line before it is read (``(pattern, replacement)``, ``re.sub``).
    line_rewrites: ClassVar[tuple[tuple[Pattern[str], str], ...]] = ()
    #: Text layouts, newest first; the first whose signature is found names the layout.
    layouts: ClassVar[tuple[Layout, ...]] = ()
    #: How the header and body read (a layout may carry its own).
    options: ClassVar[TextOptions] = TextOptions()
    #: Lines that open the body even though they look like a title (``Poin penting``).
    body_openers: ClassVar[tuple[Pattern[str], ...]] = ()
    #: Header lines that are a section label (``NASIONAL``, ``Video - ANTARA News bogor``).
    category_labels: ClassVar[tuple[Pattern[str], ...]] = ()
    #: Markup layouts, newest first; the first whose body selector matches is used.
    html_layouts: ClassVar[tuple[HtmlLayout, ...]] = ()
    #: Host/URL examples with the site they must be detected as (checked by the tests).
    detection_examples: ClassVar[tuple[tuple[str, str | None], ...]] = ()

    # -- hooks: each reads one line or the page tree and writes fields through the Draft ----------

    def header_line(self, line: str, draft: Draft, seen_title: bool) -> bool:
        """Read a site-specific header line (a byline form, say); True when it was consumed."""
        return False

    def body_line(self, line: str, draft: Draft) -> str | None:
        """Read a site-specific body line; return the reason when it leaves the body."""
        return None

    def read_html_fields(self, tree: object, draft: Draft) -> None:
        """Read site-specific visible fields of a page (a credits box, say)."""
