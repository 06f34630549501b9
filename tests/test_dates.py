from __future__ import annotations

import pytest

from cleaner.dates import date_line, parse_datetime


@pytest.mark.parametrize(
    "shown, iso",
    [
        ("Rabu, 15/05/2019 10:05 WIB", "2019-05-15T10:05:00+07:00"),
        ("23 Agu 2021, 17:33 WIB", "2021-08-23T17:33:00+07:00"),
        ("Kamis, 31 Mei 2018 20:25 WIB", "2018-05-31T20:25:00+07:00"),
        ("Selasa, 13 Jan 2026 08:18 WIB", "2026-01-13T08:18:00+07:00"),
        ("Jumat, 14 Januari 2022 | 21:57 WIB", "2022-01-14T21:57:00+07:00"),
        ("Rabu, 3 Februari 2021 15:27", "2021-02-03T15:27:00+07:00"),  # no zone: WIB
        ("02 Des 2024, 14:10 WITA", "2024-12-02T14:10:00+08:00"),
        ("Rabu, 12 Feb 2025 09:15 WIT", "2025-02-12T09:15:00+09:00"),
        ("Sabtu, 26 Januari 2008", "2008-01-26"),  # date only stays a date
        ("Selasa, 4 Agustus 2015 19.28 WIB", "2015-08-04T19:28:00+07:00"),
        ("29/9/2025 15:32", "2025-09-29T15:32:00+07:00"),
        ("24 Maret 2019 9:41 WIB", "2019-03-24T09:41:00+07:00"),
        ("Senin, 1 Nopember 2010", "2010-11-01"),
        ("Tuesday, 15 October 2013 19:28 WIB", "2013-10-15T19:28:00+07:00"),
        ("October 15, 2013", "2013-10-15"),
    ],
)
def test_parse_datetime(shown: str, iso: str) -> None:
    assert parse_datetime(shown) == iso


@pytest.mark.parametrize("text", ["31 Februari 2020", "12 orang 2019", "Rp 2.500", "tanpa tanggal", "40/13/2020 10:00"])
def test_impossible_or_absent_dates(text: str) -> None:
    assert parse_datetime(text) is None


def test_date_line_is_only_a_date() -> None:
    assert date_line("Diterbitkan 23 Agu 2021, 17:33 WIB") == "2021-08-23T17:33:00+07:00"
    assert date_line("Kompas.com - 12/11/2024, 07:30 WIB") == "2024-11-12T07:30:00+07:00"
    assert date_line("Presiden tiba pada Kamis, 31 Mei 2018 di Pyongyang") is None
    assert date_line("Jumat, 7 Maret | Persis vs PSM | 15.30 WIB |") is None
