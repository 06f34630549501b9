from __future__ import annotations

import pytest

from cleaner.names import split_names
from cleaner.text import normalize_line, split_lines


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("  Kalimat  biasa\tdengan spasi  ", "Kalimat biasa dengan spasi"),
        ("Harga\u00a0naik\u00a0lagi", "Harga naik lagi"),
        ("Kata\u200bdengan\u00adjeda", "Katadenganjeda"),
        ("Â", ""),
        ("Teks\u00c2\u00a0lanjut", "Teks lanjut"),
        (" date 2025-05 TEMPO.CO, Jakarta - Isi", "TEMPO.CO, Jakarta - Isi"),
        ("date 2025-01 Kamis malam", "Kamis malam"),
        ("“Kutipan” tetap seperti aslinya.", "“Kutipan” tetap seperti aslinya."),
    ],
)
def test_normalize_line(raw: str, clean: str) -> None:
    assert normalize_line(raw) == clean


def test_split_lines_drops_blank_and_handles_crlf() -> None:
    assert split_lines("a\r\n\r\n \nb\rc") == ["a", "b", "c"]


@pytest.mark.parametrize(
    "credit, names",
    [
        ("Haris Prabowo, Dieqy Hasbi Widhana & Andrian Pratama Taher", ["Haris Prabowo", "Dieqy Hasbi Widhana", "Andrian Pratama Taher"]),
        ("Gilang Ramadhan dan Rio Apinino", ["Gilang Ramadhan", "Rio Apinino"]),
        ("CNN Indonesia TV", []),
        ("Digital Admin", []),
        ("peb", []),
        ("Tim Redaksi", []),
        ("Zai", ["Zai"]),
        ("-", []),
    ],
)
def test_split_names(credit: str, names: list[str]) -> None:
    assert split_names(credit) == names
