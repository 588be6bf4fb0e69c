"""The change history reads as finance staff talk: names, pounds, local time, no JSON."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from workbench.domain.edits import EntityKind, SetField
from workbench.ui.history_wording import local_time


def _texts(tree) -> list[list[str]]:
    out = []
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        out.append([item.text(c) for c in range(tree.columnCount())])
        for j in range(item.childCount()):
            child = item.child(j)
            out.append([child.text(c) for c in range(tree.columnCount())])
    return out


def test_history_shows_names_pounds_and_local_time(window, qtbot):
    history = next(a for a in window.view_menu.actions() if a.text() == "Change history")
    history.trigger()
    assert window.history_dock.isVisible()
    plan = window.controller.plan
    scheme, other_ws = plan.schemes[0], plan.workstreams[-1]
    window.controller.push(SetField(EntityKind.SCHEME, scheme.id, "gross_saving",
                                    scheme.gross_saving, Decimal("3200000")))
    window.controller.push(SetField(EntityKind.SCHEME, scheme.id, "workstream_id",
                                    scheme.workstream_id, other_ws.id))
    window.controller.push(SetField(EntityKind.SCHEME, scheme.id, "confidence",
                                    scheme.confidence, Decimal("0.6")))
    window.tables[EntityKind.RISK].model.delete_rows([0])
    rows = _texts(window.history.tree)
    flat = " | ".join(" ".join(r) for r in rows)
    assert "{" not in flat and "[" not in flat and '"' not in flat
    money = next(r for r in rows if r[5] == "Gross saving")
    assert money[4] == f"Savings scheme: {scheme.name}"
    assert money[6] == "£1,200,000" and money[7] == "£3,200,000"
    link = next(r for r in rows if r[5] == "Workstream")
    assert link[7] == other_ws.name and link[3] == "Edit workstream"
    confidence = next(r for r in rows if r[5] == "Confidence")
    assert confidence[7].endswith("%") and "60" in confidence[7]
    deleted = next(r for r in rows if r[5] == "Row deleted")
    assert deleted[4].startswith("Risk: ")
    assert rows[0][0] == local_time(window.controller.store.history(limit=1)[0].at)


def test_local_time_converts_from_utc(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/London")
    import time
    time.tzset()
    try:
        assert local_time(dt.datetime(2026, 7, 1, 12, 0)) == "01 Jul 2026 13:00"  # BST
        assert local_time(dt.datetime(2026, 1, 1, 12, 0)) == "01 Jan 2026 12:00"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
