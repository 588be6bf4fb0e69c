"""The bundled 2016/17 standards (templates.md section 6), local additions, and where the
bundled files are found from a checkout and from a PyInstaller bundle."""

from __future__ import annotations

import datetime as dt
import shutil
import sys

import pytest

from workbench.domain.errors import ValidationError
from workbench.domain.resources import MissingResourceError, resource_path, resources_dir
from workbench.domain.standards import (
    COLUMNS,
    Standard,
    bundled_standards,
    load_standards,
    read_standards,
    standard_by_id,
    write_standards,
)
from workbench.domain.trajectories import Direction, Frequency, Unit

EXPECTED = {  # id: (threshold as a fraction, direction)
    "AE_4HR": (0.95, Direction.HIGHER),
    "RTT_INCOMPLETE": (0.92, Direction.HIGHER),
    "DIAGNOSTICS_6WK": (0.99, Direction.HIGHER),
    "CANCER_2WW": (0.93, Direction.HIGHER),
    "CANCER_31D": (0.96, Direction.HIGHER),
    "CANCER_62D": (0.85, Direction.HIGHER),
    "IAPT_ACCESS": (0.15, Direction.HIGHER),
    "IAPT_RECOVERY": (0.50, Direction.HIGHER),
    "EIP_2WK": (0.50, Direction.HIGHER),
    "DEMENTIA_DX": (0.667, Direction.HIGHER),
    "DTOC_OBD": (0.035, Direction.LOWER),
    "AMB_RED1": (0.75, Direction.HIGHER),
}
HEADER = ",".join(COLUMNS)


def test_bundled_standards_carry_the_2016_17_thresholds():
    standards = {s.id: s for s in bundled_standards()}
    for key, (threshold, direction) in EXPECTED.items():
        assert standards[key].threshold == pytest.approx(threshold), key
        assert standards[key].direction is direction, key
        assert standards[key].unit is Unit.PERCENT and not standards[key].local
    assert standards["DTOC_OBD"].frequency is Frequency.WEEKLY
    assert standards["AE_4HR"].planning_code == "E.B.5" and not standards["AE_4HR"].code_verified
    assert all(s.source for s in standards.values())


def test_a_standard_is_a_template_for_a_trajectory():
    t = standard_by_id("RTT_INCOMPLETE").to_trajectory(id=4, provider="RTH")
    assert (t.id, t.target, t.direction, t.standard_id) == (
        4, 0.92, Direction.HIGHER, "RTT_INCOMPLETE")
    assert t.target_date == dt.date(2017, 3, 31) and t.planned == {} and t.actuals == {}
    with pytest.raises(KeyError):
        standard_by_id("NOPE")


def test_local_standards_add_to_and_replace_bundled_ones(tmp_path):
    path = tmp_path / "local.csv"
    path.write_text(
        HEADER + "\n"
        "AE_4HR,,no,A&E 4-hour (local),Local 4-hour,%,Higher is better,92.5,Monthly,"
        "2016/17,Governing Body,\n"
        "LOS_7DAY,,no,Long stays,Patients in hospital 7+ days,count,Lower is better,"
        "120,Weekly,2016/17,local,\n",
        encoding="utf-8",
    )
    merged = {s.id: s for s in load_standards([path])}
    assert merged["AE_4HR"].threshold == pytest.approx(0.925) and merged["AE_4HR"].local
    assert merged["LOS_7DAY"].threshold == 120 and merged["LOS_7DAY"].unit is Unit.COUNT
    assert len(merged) == len(bundled_standards()) + 1
    assert bundled_standards()[0].threshold == 0.95  # the bundled data is untouched


def test_write_then_read_round_trips(tmp_path):
    mine = Standard(id="X", name="Mine", metric="My metric", unit=Unit.PERCENT,
                    direction=Direction.LOWER, threshold=0.035, frequency=Frequency.WEEKLY,
                    notes="a, comma")
    path = tmp_path / "mine.csv"
    write_standards(path, [mine, *bundled_standards()])
    assert "3.5" in path.read_text().splitlines()[1]  # written as people write it
    back = read_standards(path, local=True)
    assert back[0] == Standard(**{**mine.__dict__, "local": True})
    assert [s.threshold for s in back[1:]] == [s.threshold for s in bundled_standards()]


def test_bad_rows_are_all_reported_at_once(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        HEADER + "\n"
        "A,,no,a,a,%,Higher is better,ninety,Monthly,2016/17,,\n"
        "B,,no,b,b,furlongs,Higher is better,90,Monthly,2016/17,,\n"
        "C,,no,c,c,%,Higher is better,190,Monthly,2016/17,,\n"
        "C,,no,c,c,%,Sideways,50,Monthly,2016/17,,\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as caught:
        read_standards(path)
    message = str(caught.value)
    for line in ("line 2", "line 3", "line 4", "line 5"):
        assert line in message
    (tmp_path / "cols.csv").write_text("id,name\nA,a\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="missing column"):
        read_standards(tmp_path / "cols.csv")


def test_resources_are_found_in_a_checkout():
    assert resource_path("standards", "standards_2016_17.csv").is_file()
    assert (resources_dir() / "calendar" / "england_bank_holidays.csv").is_file()
    with pytest.raises(MissingResourceError, match="missing"):
        resource_path("standards", "nothing.csv")


def test_resources_are_found_inside_a_pyinstaller_bundle(tmp_path, monkeypatch):
    bundled = tmp_path / "resources" / "standards"
    bundled.mkdir(parents=True)
    shutil.copy(resource_path("standards", "standards_2016_17.csv"), bundled)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"
    assert resource_path("standards", "standards_2016_17.csv").parent == bundled
    assert len(read_standards(resource_path("standards", "standards_2016_17.csv"))) == len(
        bundled_standards())
