"""CSV for Excel (BOM, £ intact, no formulas) and one message for a file held open."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.sharing_guard import held_open
from workbench.domain.errors import WorkbenchError
from workbench.domain.export_files import (
    FileInUseError,
    excel_safe,
    export_target,
    write_excel_csv,
    written_through_temporary,
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




def test_a_held_file_says_close_it_in_excel_naming_the_file(tmp_path, monkeypatch):
    target = tmp_path / "10Q-history.csv"
    target.write_bytes(b"old")
    held_open(monkeypatch, target)
    with pytest.raises(FileInUseError) as caught:
        write_excel_csv(target, ["A"], [["1"]])
    message = str(caught.value)
    assert message.startswith("10Q-history.csv: ")
    assert "close it in Excel and try again" in message
    assert str(tmp_path) in message
    assert target.read_bytes() == b"old"
    assert sorted(tmp_path.iterdir()) == [target]  # the temporary file was removed


def test_other_write_failures_are_one_sentence_naming_the_file(tmp_path):
    missing = tmp_path / "no-such-folder" / "x.csv"
    with pytest.raises(WorkbenchError, match=r"Could not write x.csv in .*no-such-folder"):
        write_excel_csv(missing, ["A"], [])
    with pytest.raises(ValueError), export_target(tmp_path / "y.csv"):
        raise ValueError("not a file problem")  # other errors pass through untouched


def _swapped_names(monkeypatch) -> list[Path]:
    """The temporary names os.replace swaps in, in order."""
    names: list[Path] = []
    real_replace = os.replace

    def recording(src, dst, *args, **kwargs):
        names.append(Path(src))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", recording)
    return names


def test_two_exports_to_one_target_never_share_a_temporary_name(tmp_path, monkeypatch):
    names = _swapped_names(monkeypatch)
    target = tmp_path / "history.csv"
    write_excel_csv(target, ["A"], [["1"]])
    write_excel_csv(target, ["A"], [["2"]])
    assert len(names) == 2 and names[0] != names[1]
    assert all(n.parent == tmp_path and n.name.endswith(".csv") for n in names)
    assert f".{os.getpid()}." not in names[0].name  # nothing another user could guess
    assert target.read_text(encoding="utf-8-sig").splitlines() == ["A", "2"]
    assert sorted(tmp_path.iterdir()) == [target]
    # Two exports at once (two windows): each writes its own new, private file.
    with written_through_temporary(target) as first, written_through_temporary(target) as second:
        assert first != second and first.exists() and second.exists()
        if os.name == "posix":
            assert first.stat().st_mode & 0o077 == 0


def test_a_failed_export_leaves_no_temporary_file_and_the_old_file_intact(tmp_path):
    target = tmp_path / "history.csv"
    target.write_bytes(b"old")

    def rows():
        yield ["1"]
        raise OSError(28, "No space left on device")

    with pytest.raises(WorkbenchError, match="history.csv"):
        write_excel_csv(target, ["A"], rows())
    assert sorted(tmp_path.iterdir()) == [target]
    assert target.read_bytes() == b"old"
    with pytest.raises(KeyboardInterrupt), written_through_temporary(target) as temporary:
        temporary.write_bytes(b"half")
        raise KeyboardInterrupt  # even a stop mid-write removes the temporary file
    assert sorted(tmp_path.iterdir()) == [target]
