"""Clean pages of Indonesian news sites into article text and metadata.

    >>> from cleaner import clean
    >>> article = clean(dump_text, url="https://www.liputan6.com/news/read/1/x")
    >>> article.to_dict()["title"]

``clean`` and ``UnknownSiteError`` load on first use: the site rules import this
package's small helpers (dates, names, text), and the engine imports the rules.
"""

from typing import TYPE_CHECKING, Any

from .article import GUIDE_FIELDS, Article, Decision, Outcome, Provenance
from .limits import Limits
from .options import CleanOptions

if TYPE_CHECKING:
    from .api import Cleaner
    from .detect import UnknownSiteError
    from .engine import clean

__all__ = ["Article", "CleanOptions", "Cleaner", "Decision", "GUIDE_FIELDS", "Limits", "Outcome", "Provenance", "UnknownSiteError", "clean"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "clean":
        from .engine import clean

        return clean
    if name == "Cleaner":
        from .api import Cleaner

        return Cleaner
    if name == "UnknownSiteError":
        from .detect import UnknownSiteError

        return UnknownSiteError
    raise AttributeError(f"module 'cleaner' has no attribute {name!r}")
