"""The board paper's content, assembled from the plan and the engine's results.

Nothing is computed twice: every figure comes from PlanResults (or the plan's inputs,
such as a risk's likelihood and impact); this module only rounds and arranges.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from workbench.domain.plan import Plan
from workbench.domain.trajectories import Trajectory, Unit, period_start
from workbench.engine import compute
from workbench.engine.results import PlanResults
from workbench.engine.spc import Assurance, Variation, trajectory_spc
from workbench.engine.trajectories import trajectory_frame
from workbench.reports.cover import CoverFields
from workbench.reports.money import (
    ROUNDING_NOTE,
    millions,
    percent,
    rounded,
    rounded_parts,
    tenths_text,
)
from workbench.reports.sections import risk_table, scheme_table, trajectory_table, workstream_table
from workbench.reports.tables import Table, k, pct

THOUSAND = Decimal(1000)
TENTH = Decimal(100_000)


@dataclass(frozen=True)
class Series:
    """One line of a chart: values by label (None where there is no value)."""

    name: str
    values: tuple[float | None, ...]
    role: str = ""  # "" a data line; "mean" or "limit" an SPC line; "special" points only


@dataclass(frozen=True)
class ChartData:
    title: str
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str  # "£m", "%", "count"
    target: float | None = None
    icons: tuple[tuple[str, str], ...] = ()  # Making Data Count: (letter, meaning)


@dataclass(frozen=True)
class RiskPoint:
    """A risk on the 5x5 heat map."""

    number: int
    label: str
    likelihood: int
    impact: int


@dataclass
class BoardPaper:
    organisation: str
    ods_code: str
    plan_title: str
    year: str
    cover: CoverFields
    generated: dt.date
    basis: str = ""  # '' for the working plan, else 'Version: Submission 1' or 'Scenario: …'
    summary_text: list[str] = field(default_factory=list)
    finance: Table | None = None
    workstreams: Table | None = None
    savings_text: list[str] = field(default_factory=list)
    cumulative: ChartData | None = None
    risks: Table | None = None
    risk_text: list[str] = field(default_factory=list)
    heat_map: list[RiskPoint] = field(default_factory=list)
    trajectories: Table | None = None
    trajectory_charts: list[ChartData] = field(default_factory=list)
    schemes: Table | None = None

    @property
    def tables(self) -> list[Table]:
        return [t for t in (self.finance, self.workstreams, self.risks, self.trajectories,
                            self.schemes) if t is not None]

    @property
    def running_head(self) -> str:
        """What every page carries: 'Paper 16/12 · 10 March 2016 · Oxfordshire CCG', then
        which plan it is of when not the working plan ('· Version: Submission 1')."""
        parts = [f"Paper {self.cover.paper_number}" if self.cover.paper_number else "",
                 self.cover.meeting_text, self.organisation, self.basis]
        return " · ".join(p for p in parts if p)


def build_board_paper(plan: Plan, cover: CoverFields, results: PlanResults | None = None,
                      today: dt.date | None = None, basis: str = "") -> BoardPaper:
    """`results` are the engine's for `plan` (computed here when not given, as for a
    version or a scenario); `basis` names a version or scenario the paper is of."""
    results = results or compute(plan)
    paper = BoardPaper(plan.organisation, plan.ods_code, plan.title, plan.first_year.label,
                       cover, today or dt.date.today(), basis)
    paper.summary_text, paper.finance = _finance(plan, results)
    paper.workstreams, paper.savings_text = workstream_table(plan, results)
    paper.cumulative = _cumulative(results)
    paper.risks, paper.risk_text, paper.heat_map = risk_table(plan, results)
    paper.trajectories = trajectory_table(plan, results)
    paper.trajectory_charts = [_trajectory_chart(t) for t in plan.trajectories]
    paper.schemes = scheme_table(plan, results)
    return paper


def _finance(plan: Plan, results: PlanResults) -> tuple[list[str], Table]:
    s = results.summary
    year = plan.first_year.label
    req, ident, ear, gap = (s.savings_requirement, s.schemes_identified, s.schemes_earmarked,
                            s.savings_gap)
    t_ident, t_ear, t_gap = rounded_parts([ident, ear, gap], TENTH, total=req)
    text = [
        f"The {year} core programme allocation is {millions(s.allocation)}, an increase of "
        f"{millions(s.growth)} ({percent(s.growth_pct)}) on the previous year; with running "
        f"costs the total allocation is {millions(s.total_allocation)}.",
        f"After the business rules (a {millions(s.surplus)} surplus, "
        f"{millions(s.uncommitted_reserve)} uncommitted reserve, {millions(s.contingency)} "
        f"contingency and a {millions(s.transformation_ringfence)} transformation ring-fence) "
        f"and {millions(s.pressures)} of cost pressures, the savings requirement is "
        f"{tenths_text(rounded(req, TENTH))} ({percent(s.savings_requirement_pct)} of "
        "allocation).",
        f"Schemes identified total {tenths_text(t_ident)} and a further {tenths_text(t_ear)} "
        f"is earmarked, leaving a gap of {tenths_text(t_gap)} still to be identified.",
    ]
    alloc = rounded_parts([s.allocation, s.running_cost_allocation], THOUSAND,
                          total=s.total_allocation)
    rules = [rounded(v, THOUSAND) for v in (s.surplus, s.uncommitted_reserve, s.contingency,
                                            s.transformation_ringfence, s.chc_risk_pool)]
    parts = rounded_parts([ident, ear, gap], THOUSAND, total=req)
    share = float(s.total_allocation) or 1.0

    def row(label: str, value: int, pounds: object = None) -> tuple:
        of = pct(float(pounds) / share) if pounds is not None else ""
        return (label, k(value), of)

    rows = [
        row("Core programme allocation", alloc[0], s.allocation),
        row("Running cost allocation", alloc[1], s.running_cost_allocation),
        row("Total allocation", sum(alloc), s.total_allocation),
        ("Business rules", "", ""),
        row("  Surplus", rules[0], s.surplus),
        row("  Uncommitted reserve", rules[1], s.uncommitted_reserve),
        row("  Contingency", rules[2], s.contingency),
        row("  Transformation ring-fence", rules[3], s.transformation_ringfence),
        row("  CHC risk-pool contribution", rules[4], s.chc_risk_pool),
        row("Cost pressures (tariff, activity growth, investments)",
            rounded(s.pressures, THOUSAND), s.pressures),
        ("Savings requirement", "", ""),
        row("  Schemes identified", parts[0], ident),
        row("  Schemes earmarked", parts[1], ear),
        row("  Gap: not yet identified", parts[2], gap),
    ]
    table = Table("Financial plan", f"Table 1: Financial plan summary {year}, £000s",
                  ("", "£000s", "% of total allocation"), rows,
                  total=("Savings requirement", k(sum(parts)), pct(float(req) / share)),
                  note=ROUNDING_NOTE, widths=(5, 1.5, 2))
    return text, table


def _cumulative(results: PlanResults) -> ChartData:
    """The cumulative savings trajectory against the requirement, in £m, as on screen."""
    m = results.savings_monthly
    labels = tuple(dt.date.fromisoformat(f"{p}-01").strftime("%b") for p in m.index)

    def line(name: str, column: str) -> Series:
        return Series(name, tuple(float(v) / 1e6 for v in m[column]))

    return ChartData("Cumulative savings against the requirement, £m", labels,
                     (line("Requirement", "requirement_cum"), line("Planned", "planned_cum"),
                      line("Risk-adjusted", "risk_adjusted_cum")), "£m")


def _trajectory_chart(trajectory: Trajectory) -> ChartData:
    """Plan, actuals and the standard; where there are actuals, the engine's SPC mean,
    process limits, special-cause points and Making Data Count icons."""
    frame = trajectory_frame(trajectory)
    scale = 100.0 if trajectory.unit is Unit.PERCENT else 1.0

    def scaled(column, source=frame) -> tuple[float | None, ...]:
        return tuple(None if v != v else float(v) * scale for v in source.reindex(frame.index)
                     [column])

    series = [Series("Actual", scaled("actual")), Series("Plan", scaled("planned"))]
    icons: tuple[tuple[str, str], ...] = ()
    if len(trajectory.actuals) >= 2:
        result = trajectory_spc(trajectory)
        spc = result.frame
        special = spc["value"].where(spc["special"].astype(bool))
        series += [Series("Mean", scaled("mean", spc), "mean"),
                   Series("Process limits", scaled("upper", spc), "limit"),
                   Series("", scaled("lower", spc), "limit"),
                   Series("Special cause", scaled("special", special.to_frame("special")),
                          "special")]
        icons = tuple(icon for icon in (_variation_icon(result.variation),
                                        _assurance_icon(result.assurance)) if icon)
    target = None if trajectory.target is None else trajectory.target * scale
    title = trajectory.metric + (f", {trajectory.provider}" if trajectory.provider and
                                 trajectory.provider not in trajectory.metric else "")
    labels = tuple(period_start(p).strftime("%b %y") for p in frame.index)
    return ChartData(title, labels, tuple(series),
                     "%" if trajectory.unit is Unit.PERCENT else trajectory.unit.value, target,
                     icons)


def _variation_icon(variation: Variation | None) -> tuple[str, str] | None:
    letters = {Variation.COMMON_CAUSE: "~", Variation.IMPROVING: "+",
               Variation.CONCERNING: "!", Variation.HIGHER: "H", Variation.LOWER: "L"}
    return None if variation is None else (letters[variation], variation.value)


def _assurance_icon(assurance: Assurance | None) -> tuple[str, str] | None:
    letters = {Assurance.PASS: "P", Assurance.FAIL: "F", Assurance.HIT_AND_MISS: "?"}
    return None if assurance is None else (letters[assurance], assurance.value)
