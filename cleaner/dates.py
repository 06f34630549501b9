"""Indonesian (and English) displayed dates to ISO 8601.

News pages show dates as ``Rabu, 15/05/2019 10:05 WIB``, ``23 Agu 2021, 17:33 WIB``,
``Kamis, 31 Mei 2018 20:25 WIB`` or ``Jumat, 14 Januari 2022 | 21:57 WIB``. The GUIDE
wants ``2019-05-15T10:05:00+07:00``: WIB is +07:00, WITA +08:00, WIT +09:00, a time
with no zone is WIB, and a date with no time stays a date (``2008-01-26``).
"""

from __future__ import annotations

import re
from datetime import date

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "jan januari january",
        "feb februari pebruari february",
        "mar maret march",
        "apr april",
        "mei may",
        "jun juni june",
        "jul juli july",
        "agu ags agt agust agustus aug august",
        "sep sept september",
        "okt oct oktober october",
        "nov nop nopember november",
        "des dec desember december",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

ZONE_OFFSETS = {"WIB": "+07:00", "WITA": "+08:00", "WIT": "+09:00"}

_WEEKDAY = (
    r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
)
_MONTH = r"(?P<month>[A-Za-z]{3,10})\.?"
_TIME = r"(?:(?:,|\||-|–|—|pukul|jam|at|pada)?\s*(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?::[0-5]\d)?\s*(?P<zone>WIB|WITA|WIT)?\b)?"
_DATE_FORMS = (
    # 15/05/2019, 20/08/2018 (day/month/year)
    r"(?P<day>\d{1,2})/(?P<nmonth>\d{1,2})/(?P<year>\d{4})",
    # 23 Agu 2021, 31 Mei 2018
    rf"(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})",
    # October 15, 2013 / March 19 2014
    rf"{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})",
)
DATE_PATTERNS = tuple(
    re.compile(rf"(?:{_WEEKDAY},?\s*)?{form}\s*{_TIME}", re.IGNORECASE) for form in _DATE_FORMS
)
# Words a date line may carry besides the date itself: a label, an outlet ("Kompas.com - "),
# separators.
_DATE_LINE_NOISE = re.compile(
    r"^(?:(?:diterbitkan|dipublikasikan|diperbarui|diperbaharui|terbit|update|updated|published|"
    r"dibuat|tanggal|tayang|pada|on)\s*:?\s*)|\bat\b|^\s*[A-Za-z0-9]+\.(?:com|id|co\.id|tv)\b|[|,\-–—·•]|\s+$",
    re.IGNORECASE,
)


_YEAR = re.compile(r"\d{4}")


def _iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups.get("nmonth"):
        month = int(groups["nmonth"])
    else:
        month = MONTHS.get(groups["month"].lower(), 0)
    try:
        day = date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None
    if groups.get("hour") is None:
        return day.isoformat()
    if int(groups["hour"]) > 23 or int(groups["minute"]) > 59:
        return None  # an impossible time is no date
    offset = ZONE_OFFSETS[(groups.get("zone") or "WIB").upper()]
    return f"{day.isoformat()}T{int(groups['hour']):02d}:{groups['minute']}:00{offset}"


def find_datetime(text: str) -> tuple[str, re.Match[str]] | None:
    """Find the first displayed date in ``text``; return its ISO form and the match."""
    best: tuple[str, re.Match[str]] | None = None
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso(match)
            if iso and (best is None or match.start() < best[1].start()):
                best = (iso, match)
            if iso:
                break
    return best


def parse_datetime(text: str) -> str | None:
    """ISO 8601 for the first date shown in ``text``, or None."""
    found = find_datetime(text)
    return found[0] if found else None


def date_line(line: str) -> str | None:
    """ISO date when ``line`` is nothing but a displayed date (a header date line).

    ``Kamis, 31 Mei 2018 20:25 WIB`` is a date line; ``Presiden tiba Kamis, 31 Mei 2018``
    is prose that happens to contain a date.
    """
    if len(line) > 60 or not _YEAR.search(line):
        return None
    found = find_datetime(line)
    if not found:
        return None
    iso, match = found
    rest = line[: match.start()] + " " + line[match.end() :]
    rest = _DATE_LINE_NOISE.sub(" ", rest)
    rest = re.sub(r"\s+", "", rest)
    return iso if not rest else None
