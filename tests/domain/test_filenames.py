"""Default file names built from user text are safe on Windows."""

from __future__ import annotations

import pytest

from workbench.domain.filenames import MAX_NAME, RESERVED, export_file_name, safe_file_name

CASES = [
    ("10Q", "10Q"),
    ("10Q:a", "10Q-a"),  # ":" would make an NTFS stream "a" of a file "10Q"
    ('a<b>c"d/e\\f|g?h*i', "a-b-c-d-e-f-g-h-i"),
    ("tab\there", "tab-here"),  # control characters are forbidden too
    ("bell\x07", "bell"),
    ("Plan. . ", "Plan"),  # Windows drops trailing dots and spaces
    ("  lead", "lead"),
    ("CON", "_CON"),
    ("con", "_con"),
    ("nul.xlsx", "_nul.xlsx"),  # the extension does not save a device name
    ("NUL .csv", "_NUL .csv"),
    ("COM1", "_COM1"),
    ("LPT9", "_LPT9"),
    ("COM\u00b9", "_COM\u00b9"),
    ("COM10", "COM10"),  # not a device
    ("CONSOLE", "CONSOLE"),
    ("Oxfordshire CCG 2016/17", "Oxfordshire CCG 2016-17"),
    ("...", "plan"),
    ("", "plan"),
    (":::", "plan"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_safe_file_name(text, expected):
    assert safe_file_name(text) == expected


def test_every_reserved_device_name_is_escaped_in_any_case():
    for name in RESERVED:
        for variant in (name, name.lower(), f"{name}.txt", f"{name.lower()} .xlsx"):
            assert safe_file_name(variant).startswith("_"), variant


def test_no_forbidden_character_or_trailing_dot_survives():
    nasty = "".join(chr(c) for c in range(0, 128)) + " . "
    name = safe_file_name(nasty)
    assert not set(name) & set('<>:"/\\|?*') and not any(ord(c) < 32 for c in name)
    assert not name.endswith((".", " "))


def test_long_text_is_cut():
    assert len(safe_file_name("x" * 500)) == MAX_NAME
    assert len(export_file_name("x" * 500, "finance", suffix=".xlsx")) <= MAX_NAME


def test_export_file_name_from_an_ods_code_and_kind():
    assert export_file_name("10Q", "finance", suffix=".xlsx") == "10Q-finance.xlsx"
    assert export_file_name("10Q:x", "history", suffix=".csv") == "10Q-x-history.csv"
    assert export_file_name("", "charts", suffix=".png") == "charts.png"
    assert export_file_name("CON", suffix=".csv") == "_CON.csv"
    assert export_file_name(" . ", suffix=".pdf") == "plan.pdf"
