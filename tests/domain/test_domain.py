from __future__ import annotations

from decimal import Decimal

import pytest

from workbench.domain.changes import PlanChanges
from workbench.domain.edits import (
    Batch,
    DeleteRows,
    EntityKind,
    InsertRows,
    SetField,
    apply_to_plan,
)
from workbench.domain.enums import SchemeStatus
from workbench.domain.money import from_pence, to_pence
from workbench.domain.periods import FinancialYear, short_month
from workbench.domain.schemes import SavingsScheme


def test_financial_year_months_run_april_to_march():
    months = FinancialYear(2016).months()
    assert months[0] == "2016-04" and months[-1] == "2017-03" and len(months) == 12
    assert FinancialYear(2016).label == "2016/17"
    assert FinancialYear.parse("2019/20") == FinancialYear(2019)
    assert short_month("2017-01") == "Jan 17"
    with pytest.raises(ValueError):
        FinancialYear.parse("next year")


def test_pence_round_trip_is_exact_and_half_up():
    assert to_pence(Decimal("1234.565")) == 123457
    assert from_pence(123457) == Decimal("1234.57")
    assert to_pence(Decimal("22393500")) == 2239350000


def test_enum_parse_accepts_labels_any_case():
    assert SchemeStatus.parse("earmarked") is SchemeStatus.EARMARKED
    with pytest.raises(ValueError, match="Identified"):
        SchemeStatus.parse("maybe")


def test_edits_invert_and_apply(memory_plan):
    plan, _ = memory_plan
    scheme = plan.schemes[0]
    edit = SetField(EntityKind.SCHEME, scheme.id, "gross_saving", scheme.gross_saving,
                    Decimal(5))
    apply_to_plan(plan, edit)
    assert scheme.gross_saving == 5
    apply_to_plan(plan, edit.inverted())
    assert scheme.gross_saving == Decimal(1200000)

    new = SavingsScheme(999, "New")
    batch = Batch((InsertRows(EntityKind.SCHEME, (new,)),
                   SetField(EntityKind.SCHEME, 999, "name", "New", "Renamed")))
    apply_to_plan(plan, batch)
    assert plan.schemes[-1].name == "Renamed"
    apply_to_plan(plan, batch.inverted())
    assert all(s.id != 999 for s in plan.schemes)
    assert isinstance(batch.inverted().edits[0], SetField)
    assert isinstance(InsertRows(EntityKind.RISK, ()).inverted(), DeleteRows)

    changes = PlanChanges.of(batch)
    assert changes.touches(EntityKind.SCHEME) and EntityKind.SCHEME in changes.structural


def test_a_submissions_status_and_days_left_follow_its_dates():
    import datetime as dt

    from workbench.domain.submissions import DUE, OVERDUE, SUBMITTED, Submission

    final = Submission(None, "Final", due=dt.date(2016, 4, 11))
    assert (final.status(dt.date(2016, 4, 1)), final.days_left(dt.date(2016, 4, 1))) == (DUE, 10)
    assert (final.status(dt.date(2016, 4, 12)), final.days_left(dt.date(2016, 4, 12))) == (
        OVERDUE, -1)
    final.submitted_on = dt.date(2016, 4, 11)
    assert (final.status(dt.date(2016, 5, 1)), final.days_left(dt.date(2016, 5, 1))) == (
        SUBMITTED, None)
