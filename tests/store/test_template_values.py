"""SRG and BCF input cells kept as template values, in a real database (SQLite and PG)."""

from __future__ import annotations

import dataclasses

import pytest

from workbench.domain.edits import Batch, DeleteRows, EntityKind, InsertRows, SetField
from workbench.domain.errors import ConflictError
from workbench.domain.template_values import TemplateValue
from workbench.store.versions import freeze_version, load_version

KIND = EntityKind.TEMPLATE_VALUE


def values():
    return (TemplateValue(None, "resilience", "Demand and Capacity", "D04", "Apr-16", "812"),
            TemplateValue(None, "bcf", "Expenditure Plan", "Reablement " + "x" * 300,
                          "2016/17 expenditure £", "1250000.5"),
            TemplateValue(None, "bcf", "Cover", "cover", "signed_off", "2016-09-30"))


def test_template_values_are_stored_edited_deleted_and_frozen(store):
    applied = store.apply(InsertRows(KIND, values()))
    ids = [row.id for row in applied.rows]
    loaded = store.load_plan().template_values
    assert [dataclasses.replace(v, id=None) for v in loaded] == list(values())
    assert [v.id for v in loaded] == ids
    beds = loaded[0]
    store.apply(Batch((SetField(KIND, beds.id, "value", "812", "820"),
                       DeleteRows(KIND, (loaded[2],)))))
    after = store.load_plan().template_values
    assert [(v.row, v.value) for v in after] == [("D04", "820"), (loaded[1].row, "1250000.5")]
    with pytest.raises(ConflictError):
        store.apply(SetField(KIND, beds.id, "value", "812", "900"))
    frozen = load_version(store, freeze_version(store, "Submission 1"))
    assert [v.value for v in frozen.template_values] == ["820", "1250000.5"]
