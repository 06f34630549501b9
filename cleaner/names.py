"""Person names from bylines and credit lines.

The GUIDE keeps writers, reporters and editors "as displayed", split on ``,``, ``&``
and `` dan ``, and drops what is not a person: desks, accounts, outlets, agencies,
and bare initials (``peb``, ``agk``).
"""

from __future__ import annotations

import re

# No ``\s*`` at the edges: over a long run of blanks a split with them is quadratic; the
# parts are stripped instead, and the value's blanks collapsed first.
_SPLIT = re.compile(r",|&|;|\bdan\b|\band\b")
NOT_PERSONS = frozenset(
    name.casefold()
    for name in (
        "CNN Indonesia", "CNN Indonesia TV", "CNBC Indonesia", "Digital Admin", "Admin", "Liputan6",
        "Liputan6.com", "Tempo", "TEMPO", "TEMPO.CO", "Tempo.co", "ANTARA", "ANTARA News", "Antaranews",
        "Tim Redaksi", "Redaksi", "Tim", "Tirto", "tirto.id", "Kompas", "Kompas.com", "Kompas TV",
        "Tribunnews", "Tribunnews.com", "detikcom", "Suara.com", "Okezone", "jpnn", "jpnn.com", "Reuters",
        "AP", "AFP", "Antara", "Kontributor", "PR Wire", "PRNewswire", "Humas Pemprov", "Non Koresponden", "Humas", "Penulis", "Editor", "Reporter", "Pewarta",
    )
)
_INITIALS = re.compile(r"^(?:[a-z]{1,5}|[A-Z]{1,4}|(?:[A-Za-z]\.){1,4})$")
_HAS_LETTER = re.compile(r"[^\W\d_]")


def is_person(name: str) -> bool:
    """True when ``name`` reads as a person's name rather than a desk, outlet or initials."""
    if not name or name.casefold() in NOT_PERSONS or _INITIALS.match(name):
        return False
    if "/" in name or "@" in name or len(name) > 60:
        return False
    return bool(_HAS_LETTER.search(name))


def split_names(text: str) -> list[str]:
    """Split a credit value into person names, keeping their displayed form."""
    names = []
    for part in _SPLIT.split(" ".join(text.split()).strip(".")):
        part = part.strip().strip(" -–|:")
        if is_person(part) and part not in names:
            names.append(part)
    return names


def merge_names(*groups: list[str]) -> list[str]:
    """Concatenate name lists, first occurrence wins."""
    merged: list[str] = []
    for group in groups:
        for name in group:
            if name not in merged:
                merged.append(name)
    return merged
