"""The first screen's kept figures (engine.kept): they stand in for the engine only for the
very plan they were computed from, read back exactly, and anything else is refused."""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from benchmarks.large_plan import large_plan
from workbench.domain.demo_plan import demo_plan
from workbench.domain.enums import Gap
from workbench.engine import compute
from workbench.engine.kept import (
    MAX_ROWS,
    KeptFrame,
    KeptResults,
    keep,
    kept_figures,
    plan_digest,
    same_figures,
)

ROOT = Path(__file__).resolve().parents[2]


def numbered(plan):
    """Ids on every row, as the store gives them."""
    for i, item in enumerate([*plan.workstreams, *plan.schemes, *plan.risks], start=1):
        item.id = i
    plan.id = 1
    return plan


@pytest.fixture
def plan():
    return numbered(demo_plan())


def stored(plan):
    """keep() as written to and read back from a file."""
    return json.loads(json.dumps(keep(plan, compute(plan))))


def test_kept_figures_read_back_equal_the_engines(plan):
    results = compute(plan)
    kept = kept_figures(stored(plan), plan)
    assert kept is not None
    assert kept.summary == results.summary  # every headline figure, Decimal for Decimal
    assert list(kept.months) == results.months
    frame = results.scheme_figures
    assert list(kept.scheme_figures.index) == frame.index.tolist()
    for name, values in kept.scheme_figures.columns.items():
        assert list(values) == frame[name].tolist()
    assert same_figures(KeptResults(kept, lambda: results), results)


def test_a_change_to_any_input_is_another_plan(plan):
    """A field of each kind of row the engine reads, a driver and a set-valued field."""
    data = stored(plan)
    changes = [
        lambda p: setattr(p.schemes[0], "gross_saving", p.schemes[0].gross_saving + 1),
        lambda p: setattr(p.risks[0], "likelihood", p.risks[0].likelihood % 5 + 1),
        lambda p: setattr(p.drivers, "tariff_uplift_pct",
                          p.drivers.tariff_uplift_pct + Decimal("0.1")),
        lambda p: setattr(p.workstreams[0], "gaps", p.workstreams[0].gaps ^ {Gap.CARE_QUALITY}),
        lambda p: p.schemes.pop(),
    ]
    for change in changes:
        other = copy.deepcopy(plan)
        change(other)
        assert plan_digest(other) != plan_digest(plan)
        assert kept_figures(data, other) is None
    assert kept_figures(data, copy.deepcopy(plan)) is not None  # an equal plan: the same


def test_the_digest_is_the_same_in_every_process():
    """Sets (a workstream's gaps) are ordered by string hashing, which each process seeds
    afresh: the digest must not follow it, or nothing kept would ever be used."""
    script = ("from tests.engine.test_kept import numbered; from workbench.domain.demo_plan "
              "import demo_plan; from workbench.engine.kept import plan_digest; "
              "print(plan_digest(numbered(demo_plan())))")
    digests = {subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True,
                              capture_output=True, text=True,
                              env=dict(os.environ, PYTHONHASHSEED=seed)).stdout.strip()
               for seed in ("1", "2", "3")}
    assert len(digests) == 1 and len(next(iter(digests))) == 40


def test_a_whole_ics_is_not_kept():
    """Past MAX_ROWS the digest would cost more than it saves: computed as ever."""
    big = large_plan(scale=5)
    assert len(big.schemes) + len(big.risks) > MAX_ROWS
    assert plan_digest(big) is None
    assert keep(big, compute(big)) is None


def _tamper(data: dict, path: tuple, value) -> dict:
    out = copy.deepcopy(data)
    where = out
    for key in path[:-1]:
        where = where[key]
    if value is _DELETE:
        del where[path[-1]]
    else:
        where[path[-1]] = value
    return out


_DELETE = object()


@pytest.mark.parametrize(("path", "value"), [
    (("format",), 2),
    (("digest",), "0" * 40),
    (("digest",), None),
    (("summary",), []),
    (("summary", "allocation"), 727600000),  # a Decimal field must be exact text
    (("summary", "allocation"), "NaN"),
    (("summary", "allocation"), "Infinity"),
    (("summary", "allocation"), "twelve"),
    (("summary", "risks_net"), "1.0"),  # a float field must be a number
    (("summary", "risks_net"), float("nan")),
    (("summary", "allocation"), _DELETE),
    (("months",), "2016-04"),
    (("months", 0), 201604),
    (("schemes", "index"), [1.5]),
    (("schemes", "index", 0), True),
    (("schemes", "net"), [0.0]),  # not one figure per scheme
    (("schemes", "status", 0), None),
    (("schemes", "workstream", 0), "2"),
    (("schemes",), _DELETE),
])
def test_damaged_or_tampered_figures_are_refused(plan, path, value):
    assert kept_figures(_tamper(stored(plan), path, value), plan) is None


@pytest.mark.parametrize("data", [None, [], "figures", 0, {"format": 1}, {"a": {"b": []}}])
def test_anything_else_is_refused(plan, data):
    assert kept_figures(data, plan) is None


def test_kept_results_compute_for_anything_not_kept(plan):
    """The first screen reads the summary, months and schemes' figures; anything else (a
    chart's monthly savings) runs the engine first, once."""
    calls = []
    results = compute(plan)

    def engine():
        calls.append(1)
        return results

    kept = kept_figures(stored(plan), plan)
    stand_in = KeptResults(kept, engine)
    assert stand_in.summary == results.summary and isinstance(stand_in.scheme_figures,
                                                              KeptFrame)
    assert calls == []
    assert stand_in.savings_monthly is results.savings_monthly
    assert calls == [1]
    assert dataclasses.is_dataclass(stand_in.summary)
