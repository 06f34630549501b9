"""The words by which pages mark what is and is not article: one vocabulary for every reader.

Class and id words, tags and roles that the density reading (``cleaner.density``), the
page conventions (``cleaner.markup``) and the trafilatura fallback (``cleaner.fallback``)
each used to spell out on their own. They are kept here once so that a word learned
from one outlet's markup reaches every reader; each reader compiles what it needs
once, at import. A leaf module: it imports nothing of the package.
"""

from __future__ import annotations

#: Class or id words (regular-expression fragments, matched anywhere, case-insensitively) of
#: blocks that sit inside an article container but are not article: share bars, related
#: and tag boxes, ads, pitches, comments, breadcrumbs, captions and credits, embeds.
NOT_ARTICLE_CLASS_WORDS: tuple[str, ...] = (
    "share", "social", "sosmed",
    "related", "terkait", "baca-?juga", "read-?also", r"\btags?\b", r"\btag-",
    "iklan", r"\bads?\b", "advert", "banner", "promo", "newsletter",
    "comment", "komentar", "popular", "populer", "recommend", "rekomendasi",
    "breadcrumb", "caption", "credit",
    "embed", "twitter", "instagram", "tiktok", "gallery", "photo", "foto", "image", "video",
)
#: Class words of lists of other articles (related, popular): a date or byline inside one is
#: another article's.
ASIDE_CLASS_WORDS: tuple[str, ...] = ("related", "terkait", "popular", "populer")
#: Class words of byline, credit and date elements.
BYLINE_CLASS_WORDS: tuple[str, ...] = (
    "byline", "author", "reporter", "editor", "penulis", "credit", "date", "time", "publish", "update", "tanggal",
)
#: Elements that never hold article text (their tails are the page's text).
NOT_ARTICLE_TAGS: tuple[str, ...] = (
    "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
    "nav", "footer", "aside", "form", "menu", "figure", "audio", "video",
)
#: ARIA roles of what is not article.
NOT_ARTICLE_ROLES: tuple[str, ...] = ("navigation", "contentinfo", "search", "complementary")


def alternation(words: tuple[str, ...]) -> str:
    """The words as one regular-expression alternation, in their order."""
    return "|".join(words)
