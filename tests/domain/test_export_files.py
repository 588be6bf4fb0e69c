"""CSV for Excel (BOM, £ intact, no formulas) and one message for a file held open."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.domain.errors import WorkbenchError
from workbench.domain.export_files import (
    FileInUseError,
    excel_safe,
    export_target,
    write_excel_csv,
)


def test_csv_starts_with_a_bom_and_keeps_the_pound_sign(tmp_path):
    out = write_excel_csv(tmp_path / "h.csv", ["What", "Value"], [["Saving", "£1.2m"]])
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "£1.2m" in raw.decode("utf-8-sig")
    assert raw.decode("utf-8-sig").splitlines() == ["What,Value", "Saving,£1.2m"]
    assert b"\r\n" in raw  # csv's Excel dialect


def test_text_excel_would_run_is_written_as_text(tmp_path):
    assert excel_safe("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert excel_safe("@SUM(A1)") == "'@SUM(A1)"
    assert excel_safe("+44 1865") == "'+44 1865"
    assert excel_safe("-1,200") == "-1,200"  # a number, not code
    assert excel_safe("-£2.5m") == "-£2.5m"
    assert excel_safe(5) == 5
    out = write_excel_csv(tmp_path / "h.csv", ["Note"], [["=1+1"]])
    assert out.read_text(encoding="utf-8-sig").splitlines()[1] == "'=1+1"


def _held(monkeypatch, held: Path) -> None:
    """Windows: opening a file Excel holds for writing fails with a sharing violation."""
    real_open = Path.open

    def fake_open(self, mode="r", *args, **kwargs):
        if Path(self) == held and any(flag in mode for flag in "wax+"):
            raise PermissionError(13, "The process cannot access the file because it is "
                                      "being used by another process", str(self))
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", fake_open)


def test_a_held_file_says_close_it_in_excel_naming_the_file(tmp_path, monkeypatch):
    target = tmp_path / "10Q-history.csv"
    target.write_bytes(b"old")
    _held(monkeypatch, target)
    with pytest.raises(FileInUseError) as caught:
        write_excel_csv(target, ["A"], [["1"]])
    message = str(caught.value)
    assert message.startswith("10Q-history.csv: ")
    assert "close it in Excel and try again" in message
    assert str(tmp_path) in message
    assert target.read_bytes() == b"old"


def test_other_write_failures_are_one_sentence_naming_the_file(tmp_path):
    missing = tmp_path / "no-such-folder" / "x.csv"
    with pytest.raises(WorkbenchError, match=r"Could not write x.csv in .*no-such-folder"):
        write_excel_csv(missing, ["A"], [])
    with pytest.raises(ValueError), export_target(tmp_path / "y.csv"):
        raise ValueError("not a file problem")  # other errors pass through untouched
