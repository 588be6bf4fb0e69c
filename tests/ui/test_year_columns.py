"""The schemes table's "Saving in <year>" column follows the Plan year selector: each
scheme's net saving in the year on show, as the engine computes that year."""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbench.domain.edits import EntityKind, SetField
from workbench.engine import compute
from workbench.engine.multi_year import year_plan
from workbench.ui.tables.parsing import format_money


def year_column(window) -> tuple[str, dict[str, str]]:
    """The year column's header and its cells by scheme name, as the table shows them."""
    panel = window.tables[EntityKind.SCHEME]
    model = panel.view.model()
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    at = next(i for i, h in enumerate(headers) if h.startswith("Saving in "))
    name_at = headers.index("Scheme")
    cells = {model.data(model.index(r, name_at)): model.data(model.index(r, at))
             for r in range(model.rowCount())}
    return headers[at], cells


def engine_savings(plan, year: int) -> dict[str, str]:
    figures = compute(year_plan(plan, year)).scheme_figures
    return {s.name: format_money(figures.at[s.id, "net"] if s.id in figures.index else 0.0)
            for s in plan.schemes}


def select_year_by_keys(window, qtbot, key, times: int = 1) -> None:
    combo = window.years.selector.combo
    combo.setFocus()
    for _ in range(times):
        qtbot.keyClick(combo, key)


def test_the_year_column_follows_the_year_selector(window, qtbot):
    plan = window.controller.plan
    first, short = plan.schemes[0], plan.schemes[1]
    assert window.controller.push(SetField(EntityKind.SCHEME, short.id, "last_year",
                                           short.last_year, plan.first_year.start))
    plan = window.controller.plan
    header, cells = year_column(window)
    assert header == "Saving in 2016/17"
    assert cells == engine_savings(plan, 2016)

    select_year_by_keys(window, qtbot, Qt.Key.Key_Down)  # 2017/18
    header, cells = year_column(window)
    assert header == "Saving in 2017/18"
    assert cells == engine_savings(plan, 2017)
    assert cells[short.name] == format_money(0.0)  # it ended in 2016/17
    assert cells[first.name] == format_money(float(first.net_saving))

    select_year_by_keys(window, qtbot, Qt.Key.Key_Down, 2)  # 2019/20: every scheme ended
    header, cells = year_column(window)
    assert header == "Saving in 2019/20"
    assert set(cells.values()) == {format_money(0.0)}

    select_year_by_keys(window, qtbot, Qt.Key.Key_Up, 3)  # back to the first year
    assert year_column(window)[0] == "Saving in 2016/17"


def test_the_year_column_follows_an_edit_in_a_later_year(window, qtbot):
    select_year_by_keys(window, qtbot, Qt.Key.Key_Down)  # 2017/18
    plan = window.controller.plan
    scheme = plan.schemes[0]
    assert window.controller.push(SetField(EntityKind.SCHEME, scheme.id, "gross_saving",
                                           scheme.gross_saving, scheme.gross_saving * 2))
    header, cells = year_column(window)
    assert header == "Saving in 2017/18"
    assert cells == engine_savings(window.controller.plan, 2017)
    assert cells[scheme.name] == format_money(float(window.controller.plan.schemes[0]
                                                    .net_saving))


def test_the_year_column_is_read_only(window):
    model = window.tables[EntityKind.SCHEME].model
    at = next(i for i, spec in enumerate(model.columns) if spec.header.startswith("Saving in"))
    assert not model.flags(model.index(0, at)) & Qt.ItemFlag.ItemIsEditable
    assert model.columns[at].derived


def test_a_scheme_starting_later_saves_nothing_in_the_first_year(window, qtbot):
    plan = window.controller.plan
    later = plan.schemes[2]
    assert window.controller.push(SetField(EntityKind.SCHEME, later.id, "first_year",
                                           later.first_year, 2017))
    header, cells = year_column(window)
    assert header == "Saving in 2016/17" and cells[later.name] == format_money(0.0)
    assert cells == engine_savings(window.controller.plan, 2016)
    select_year_by_keys(window, qtbot, Qt.Key.Key_Down)  # 2017/18: it starts
    assert year_column(window)[1][later.name] == format_money(float(later.net_saving))


def workstream_column(window) -> tuple[str, dict[str, str]]:
    """The workstreams table's year column: its header and its cells by workstream name."""
    panel = window.tables[EntityKind.WORKSTREAM]
    model = panel.view.model()
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    at = next(i for i, h in enumerate(headers) if h.startswith("Saving in "))
    cells = {model.data(model.index(r, 0)): model.data(model.index(r, at))
             for r in range(model.rowCount())}
    return headers[at], cells


def engine_workstream_savings(plan, year: int) -> dict[str, str]:
    """Each workstream's net saving in `year` as the engine's results for that year give it
    (its schemes' of every status), 0 for a workstream with no scheme in the year."""
    by = compute(year_plan(plan, year)).by_workstream
    return {w.name: format_money(float(by.loc[w.id].sum()) if w.id in by.index else 0.0)
            for w in plan.workstreams}


def test_the_workstreams_year_column_follows_the_year_selector(window, qtbot):
    plan = window.controller.plan
    scheme = next(s for s in plan.schemes if s.workstream_id is not None)
    assert window.controller.push(SetField(EntityKind.SCHEME, scheme.id, "last_year",
                                           scheme.last_year, plan.first_year.start))
    plan = window.controller.plan
    owner = next(w for w in plan.workstreams if w.id == scheme.workstream_id)
    header, cells = workstream_column(window)
    assert header == "Saving in 2016/17"
    assert cells == engine_workstream_savings(plan, 2016)
    first_year = cells[owner.name]
    assert first_year != format_money(0.0)

    select_year_by_keys(window, qtbot, Qt.Key.Key_Down)  # 2017/18: the scheme has ended
    header, cells = workstream_column(window)
    assert header == "Saving in 2017/18"
    assert cells == engine_workstream_savings(plan, 2017)
    assert cells[owner.name] != first_year
    # an edit while 2017/18 is on show repaints the workstream's figure for that year
    other = next(s for s in plan.schemes if s.workstream_id == owner.id and s is not scheme
                 and s.first_year <= 2017 <= s.last_year)
    assert window.controller.push(SetField(EntityKind.SCHEME, other.id, "gross_saving",
                                           other.gross_saving, other.gross_saving + 500_000))
    header, cells = workstream_column(window)
    assert cells == engine_workstream_savings(window.controller.plan, 2017)

    select_year_by_keys(window, qtbot, Qt.Key.Key_Down, 3)  # 2020/21: every scheme ended
    header, cells = workstream_column(window)
    assert header == "Saving in 2020/21"
    assert set(cells.values()) == {format_money(0.0)}
    # read-only, and no total: a workstreams' sum would leave out schemes in no workstream
    model = window.tables[EntityKind.WORKSTREAM].model
    at = next(i for i, spec in enumerate(model.columns) if spec.header.startswith("Saving"))
    assert not model.flags(model.index(0, at)) & Qt.ItemFlag.ItemIsEditable
    assert window.tables[EntityKind.WORKSTREAM].totals is None
