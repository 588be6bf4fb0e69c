"""A rename is a rename: each Finance row carries its plan reference in the Ref column, so
a scheme, workstream or risk renamed in the workbook keeps its id, history and links, and
the report says "renamed"; a row renamed in the app goes back to its own row on export."""

from __future__ import annotations

import openpyxl
import pytest

from tests.templates.helpers import apply_report, demo
from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import EntityKind, SetField, apply_to_plan
from workbench.store import open_store
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.pipeline.importer import plan_import


def row_of(ws, name: str, col: str = "B") -> int:
    return next(c.row for c in ws[col] if c.value == name)


def edited(source, out, edits):
    wb = openpyxl.load_workbook(source)
    for sheet, cell, value in edits:
        wb[sheet][cell].value = value
    wb.save(out)
    return out


@pytest.fixture
def exported(tmp_path):
    plan, store = demo()
    return plan, store, export_template(plan, "finance", tmp_path / "finance.xlsx")


def test_each_row_carries_its_plan_reference_and_empty_rows_none(exported):
    plan, _, path = exported
    wb = openpyxl.load_workbook(path)
    qipp = wb["QIPP"]
    for scheme in plan.schemes:
        assert qipp[f"A{row_of(qipp, scheme.name)}"].value == f"Q{scheme.id:03d}"
    last = max(row_of(qipp, s.name) for s in plan.schemes)
    assert qipp[f"A{last + 1}"].value is None and qipp[f"B{last + 1}"].value is None
    streams = wb["Workstreams"]
    assert {streams[f"A{row_of(streams, w.name)}"].value for w in plan.workstreams} == {
        f"W{w.id:03d}" for w in plan.workstreams}


def test_a_scheme_renamed_in_the_workbook_is_renamed_in_the_plan(tmp_path):
    plan, store = demo()
    scheme, risk = plan.schemes[3], plan.risks[1]
    apply_to_plan(plan, store.apply(SetField(EntityKind.RISK, risk.id, "scheme_id", None,
                                             scheme.id)))
    path = export_template(plan, "finance", tmp_path / "finance.xlsx")
    linked = [risk.id]
    r = row_of(openpyxl.load_workbook(path)["QIPP"], scheme.name)
    renamed = edited(path, tmp_path / "renamed.xlsx", [("QIPP", f"B{r}", "Renamed scheme"),
                                                       ("QIPP", f"I{r}", 777)])
    # the risk that names the scheme still has its old name: a warning, the link kept
    report = plan_import(renamed, plan)
    assert report.ok, report.text()
    assert not report.preview.added and not report.preview.removed, report.text()
    [change] = report.preview.changed
    assert (change.renamed_from, change.name, change.where) == (
        scheme.name, "Renamed scheme", f"QIPP!B{r}")
    assert f"rename scheme {scheme.name!r} to 'Renamed scheme', change gross_saving" in \
        report.text()
    olds = [f for f in report.warnings if "old name" in f.message]
    assert olds and all(f.sheet == "Risk" for f in olds), report.text()
    apply_report(plan, report, store)
    after = next(s for s in plan.schemes if s.id == scheme.id)
    assert after.name == "Renamed scheme" and after.gross_saving == 777_000
    assert [r.id for r in plan.risks if r.scheme_id == scheme.id] == linked


def test_a_workstream_renamed_everywhere_keeps_its_schemes_without_a_word(exported, tmp_path):
    plan, store, path = exported
    stream = plan.workstreams[0]
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value == stream.name:
                    cell.value = "Urgent care (renamed)"
    wb.save(tmp_path / "renamed.xlsx")
    report = plan_import(tmp_path / "renamed.xlsx", plan)
    assert report.ok and not report.warnings, report.text()
    assert [(c.kind, c.renamed_from) for c in report.preview.changed] == [
        (EntityKind.WORKSTREAM, stream.name)]
    assert not report.preview.added and not report.preview.removed
    schemes = {s.id for s in plan.schemes if s.workstream_id == stream.id}
    apply_report(plan, report, store)
    assert next(w for w in plan.workstreams if w.id == stream.id).name == "Urgent care (renamed)"
    assert {s.id for s in plan.schemes if s.workstream_id == stream.id} == schemes


def test_a_rename_keeps_the_rows_history_in_the_store(tmp_path):
    store = open_store(tmp_path / "plan.db", create=True)
    plan = store.save_new_plan(demo_plan())
    scheme = plan.schemes[0]
    path = export_template(plan, "finance", tmp_path / "f.xlsx")
    store.apply(SetField(EntityKind.SCHEME, scheme.id, "confidence", scheme.confidence,
                         scheme.confidence / 2))
    r = row_of(openpyxl.load_workbook(path)["QIPP"], scheme.name)
    renamed = edited(path, tmp_path / "r.xlsx", [("QIPP", f"B{r}", "Renamed scheme")])
    report = plan_import(renamed, store.load_plan())
    assert report.ok, report.text()
    store.apply(report.edit, action="import")
    after = store.load_plan()
    assert [s.name for s in after.schemes if s.id == scheme.id] == ["Renamed scheme"]
    assert len(after.schemes) == len(plan.schemes)


def test_a_row_renamed_in_the_app_goes_back_to_its_own_row(exported, tmp_path):
    plan, store, path = exported
    scheme = plan.schemes[2]
    old_name = scheme.name
    r = row_of(openpyxl.load_workbook(path)["QIPP"], old_name)
    store_edit = SetField(EntityKind.SCHEME, scheme.id, "name", scheme.name, "Renamed in app")
    apply_to_plan(plan, store.apply(store_edit))
    out = export_template(plan, "finance", tmp_path / "out.xlsx", into=path)
    qipp = openpyxl.load_workbook(out)["QIPP"]
    assert qipp[f"B{r}"].value == "Renamed in app" and qipp[f"A{r}"].value == f"Q{scheme.id:03d}"
    assert [c.value for c in qipp["B"]].count("Renamed in app") == 1
    assert old_name not in [c.value for c in qipp["B"]]
    again = plan_import(out, plan)
    assert again.ok and again.preview.is_empty, again.text()


def copy_row(qipp, first: int, free: int, name: str) -> None:
    for col in range(1, qipp.max_column + 1):
        source = qipp.cell(first, col)
        if source.data_type != "f":
            qipp.cell(free, col).value = source.value
    qipp.cell(free, 2).value = name


def test_a_copied_row_under_a_new_name_is_a_new_scheme(exported, tmp_path):
    plan, _, path = exported
    wb = openpyxl.load_workbook(path)
    qipp = wb["QIPP"]
    first = row_of(qipp, plan.schemes[0].name)
    free = max(row_of(qipp, s.name) for s in plan.schemes) + 1
    copy_row(qipp, first, free, "A copy under another name")
    wb.save(tmp_path / "copied.xlsx")
    report = plan_import(tmp_path / "copied.xlsx", plan)
    assert report.ok, report.text()
    assert [c.name for c in report.preview.added] == ["A copy under another name"]
    assert not report.preview.changed and not report.preview.removed


def test_a_row_copied_and_both_renamed_is_a_problem_naming_both_cells(exported, tmp_path):
    plan, _, path = exported
    wb = openpyxl.load_workbook(path)
    qipp = wb["QIPP"]
    first = row_of(qipp, plan.schemes[0].name)
    free = max(row_of(qipp, s.name) for s in plan.schemes) + 1
    copy_row(qipp, first, free, "Second half")
    qipp.cell(first, 2).value = "First half"
    wb.save(tmp_path / "copied.xlsx")
    report = plan_import(tmp_path / "copied.xlsx", plan)
    assert not report.ok and report.edit is None
    [problem] = report.problems
    assert (problem.sheet, problem.cell) == ("QIPP", f"A{free}")
    assert f"A{first} and A{free}" in problem.message and "Ref" in problem.message


@pytest.mark.parametrize("ref", ["#N/A", 1e300, "Q99999999999", "=Q001", "R001", "", None,
                                 "Q-5", "  q0 "])
def test_a_new_name_with_any_other_ref_is_an_add_and_a_remove(exported, tmp_path, ref):
    plan, _, path = exported
    scheme = plan.schemes[1]
    r = row_of(openpyxl.load_workbook(path)["QIPP"], scheme.name)
    renamed = edited(path, tmp_path / "x.xlsx", [("QIPP", f"B{r}", "Another scheme"),
                                                 ("QIPP", f"A{r}", ref)])
    report = plan_import(renamed, plan)
    assert report.ok, report.text()
    assert [c.name for c in report.preview.added] == ["Another scheme"]
    assert [c.name for c in report.preview.removed] == [scheme.name]
    assert not [c for c in report.preview.changed if c.renamed_from]


def test_a_ref_is_only_trusted_for_a_name_the_plan_does_not_have(exported, tmp_path):
    """Two schemes' names swapped (refs stay): each row matches the plan by its name."""
    plan, _, path = exported
    a, b = plan.schemes[0], plan.schemes[1]
    qipp = openpyxl.load_workbook(path)["QIPP"]
    ra, rb = row_of(qipp, a.name), row_of(qipp, b.name)
    swapped = edited(path, tmp_path / "s.xlsx", [("QIPP", f"B{ra}", b.name),
                                                 ("QIPP", f"B{rb}", a.name)])
    report = plan_import(swapped, plan)
    assert report.ok, report.text()
    assert not [c for c in report.preview.changed if c.renamed_from], report.text()
