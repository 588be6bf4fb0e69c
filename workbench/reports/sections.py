"""The paper's tables of savings by workstream, top risks, trajectories and schemes."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.domain.enums import SchemeStatus
from workbench.domain.plan import Plan
from workbench.domain.risks import IMPACT_LABELS, LIKELIHOOD_LABELS
from workbench.domain.trajectories import Unit
from workbench.engine.results import PlanResults
from workbench.reports.money import ROUNDING_NOTE, rounded_parts, tenths_text
from workbench.reports.tables import Num, Table, count, k, pct

if TYPE_CHECKING:
    from workbench.reports.paper import RiskPoint

THOUSAND = Decimal(1000)
TOP_RISKS = 10


def _column(values, total) -> list[int]:
    return rounded_parts([Decimal(str(v)) for v in values], THOUSAND,
                         total=Decimal(str(total)))


def workstream_table(plan: Plan, results: PlanResults) -> tuple[Table, list[str]]:
    """Identified and earmarked savings by workstream; the gap as its own line."""
    frame = results.by_workstream
    names = {w.id: w.name for w in plan.workstreams}
    ids = [i for i in frame.index if frame.loc[i].abs().sum() > 0]
    statuses = (SchemeStatus.IDENTIFIED.value, SchemeStatus.EARMARKED.value)
    cols = {s: _column([frame.at[i, s] if s in frame else 0 for i in ids],
                       results.by_status.get(s, 0)) for s in statuses}
    rows = []
    for n, i in enumerate(ids):
        a, b = cols[statuses[0]][n], cols[statuses[1]][n]
        rows.append((names.get(i, "Not assigned to a workstream"), k(a), k(b), k(a + b)))
    gap = _column([results.by_status.get(SchemeStatus.UNIDENTIFIED.value, 0)],
                  results.by_status.get(SchemeStatus.UNIDENTIFIED.value, 0))[0]
    rows.append(("Gap: not yet identified", k(0), k(0), k(gap)))
    tot_a, tot_b = sum(cols[statuses[0]]), sum(cols[statuses[1]])
    table = Table("Savings by workstream", "Table 2: Savings by workstream and status, £000s",
                  ("Workstream", "Identified", "Earmarked", "Total"), rows,
                  total=("Savings requirement", k(tot_a), k(tot_b), k(tot_a + tot_b + gap)),
                  note=ROUNDING_NOTE, widths=(5, 1.5, 1.5, 1.5))
    top = max(ids, key=lambda i: float(frame.loc[i].sum()), default=None)
    text = []
    if top is not None:
        share = float(frame.loc[top].sum())
        text.append(f"The largest contribution comes from {names.get(top, 'unassigned schemes')}"
                    f" ({tenths_text(round(share / 1e5))}). Planned savings are phased by "
                    "month as each scheme mobilises; the chart compares the cumulative plan, "
                    "and the plan weighted by each scheme's chance of delivery, with the "
                    "requirement.")
    return table, text


def risk_table(plan: Plan, results: PlanResults) -> tuple[Table, list[str], list[RiskPoint]]:
    """The highest-scoring open risks with their scores, values and mitigations."""
    from workbench.reports.paper import RiskPoint

    figures = results.risk_figures
    risks = sorted(((r, figures.loc[r.id or 0]) for r in plan.risks),
                   key=lambda rf: (-int(rf[1]["score"]), -float(rf[1]["net"])))
    shown = [(r, f) for r, f in risks if float(f["gross"]) > 0][:TOP_RISKS]
    s = results.summary
    gross = _column([f["gross"] for _, f in shown], sum(float(f["gross"]) for _, f in shown))
    net = _column([f["net"] for _, f in shown], sum(float(f["net"]) for _, f in shown))
    rows, points = [], []
    for n, (risk, f) in enumerate(shown):
        rows.append((str(n + 1), risk.description, risk.owner, str(risk.likelihood),
                     str(risk.impact), str(int(f["score"])), k(gross[n]),
                     risk.mitigation or "None recorded", k(net[n])))
        points.append(RiskPoint(n + 1, risk.description, int(risk.likelihood),
                                int(risk.impact)))
    table = Table("Top risks", "Table 3: Top risks to the plan, by score (likelihood x impact)",
                  ("No.", "Risk", "Owner", "L", "I", "Score", "Gross £000s", "Mitigation",
                   "Net £000s"), rows, total=("", "Total", "", "", "", "", k(sum(gross)), "",
                                              k(sum(net))),
                  note="L is likelihood and I impact, each scored 1 to 5; the score is "
                       "L x I. Net is the value weighted by likelihood, less mitigations. "
                       + ROUNDING_NOTE, widths=(0.6, 4, 1.8, 0.4, 0.4, 1.0, 1.2, 4, 1.1))
    text = [f"The plan carries {len(shown)} open risks with a gross value of "
            f"{tenths_text(round(float(s.risks_gross) / 1e5))}. Weighted by likelihood and "
            f"after mitigations they come to {tenths_text(round(s.risks_after_mitigation / 1e5))},"
            f" against reserves of {tenths_text(round(s.reserves_for_risk / 1e5))} "
            f"(net exposure {tenths_text(round(s.risks_net / 1e5))}). Likelihood runs from "
            f"1 ({LIKELIHOOD_LABELS[1]}) to 5 ({LIKELIHOOD_LABELS[5]}), impact from 1 "
            f"({IMPACT_LABELS[1]}) to 5 ({IMPACT_LABELS[5]})."]
    return table, text, points


def _value(value: float | None, unit: Unit) -> Num | str:
    if value is None:
        return ""
    return pct(value) if unit is Unit.PERCENT else count(value, 1 if value % 1 else 0)


def trajectory_table(plan: Plan, results: PlanResults) -> Table:
    units = {t.id: t.unit for t in plan.trajectories}
    providers = {t.id: t.provider for t in plan.trajectories}
    rows = []
    for st in results.trajectory_status:
        unit = units.get(st.trajectory_id, Unit.COUNT)
        against = {"plan": "Plan", "target": "Target"}.get(st.compared_with, "")
        rows.append((st.metric, providers.get(st.trajectory_id, ""),
                     _value(st.target, unit), st.period or "", _value(st.actual, unit),
                     f"{against} {_value(st.expected, unit)}".strip(), st.status.value))
    return Table("Trajectories", "Table 4: Trajectories against the standards",
                 ("Metric", "Provider", "Standard", "Latest period", "Actual",
                  "Compared with", "Status"), rows,
                 note="Status compares the latest actual with the plan in force at that "
                      "period (or the standard past the plan's end).",
                 widths=(4.5, 1.6, 1.2, 1.3, 1.1, 1.6, 1.2))


def scheme_table(plan: Plan, results: PlanResults) -> Table:
    figures = results.scheme_figures
    names = {w.id: w.name for w in plan.workstreams}
    schemes = [s for s in plan.schemes if (s.id or 0) in figures.index]
    gross = _column([s.gross_saving for s in schemes], sum(s.gross_saving for s in schemes))
    inv = _column([s.investment for s in schemes], sum(s.investment for s in schemes))
    net = [g - i for g, i in zip(gross, inv, strict=True)]
    adj = _column([figures.at[s.id or 0, "risk_adjusted"] for s in schemes],
                  float(figures["risk_adjusted"].sum()))
    rows = [(str(n + 1), s.name, names.get(s.workstream_id, ""), s.provider, s.status.value,
             k(gross[n]), k(inv[n]), k(net[n]), pct(float(s.confidence), 0), k(adj[n]))
            for n, s in enumerate(schemes)]
    return Table("Schemes", "Appendix: every savings scheme, first plan year, £000s",
                 ("No.", "Scheme", "Workstream", "Provider", "Status", "Gross", "Investment",
                  "Net", "Confidence", "Risk adjusted"), rows,
                 total=("", "Total", "", "", "", k(sum(gross)), k(sum(inv)), k(sum(net)), "",
                        k(sum(adj))),
                 note=ROUNDING_NOTE, widths=(0.75, 2.9, 2.4, 1.3, 1.6, 1.0, 1.8, 1.0, 1.8, 1.3))
