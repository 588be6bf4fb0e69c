"""The monthly QIPP performance report: its content, from the ledger and the plan.

Every figure comes from engine.ledger (as at the report's month, engine.ledger_movement);
this module only arranges and formats. Tables print £000s; their cells keep the exact
pounds (`Num.value`), which is what the xlsx holds, so a reader can re-add them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from workbench.domain.enums import Rag, RiskStatus
from workbench.domain.ledger import Ledger
from workbench.domain.periods import short_month
from workbench.domain.plan import Plan
from workbench.engine.ledger import LedgerResults, SchemePosition
from workbench.engine.ledger_movement import Movement, movement
from workbench.reports.money import bracketed, millions
from workbench.reports.tables import Num, Table, count, pct

POUNDS_FORMAT = "#,##0.00;(#,##0.00);-"
TOP_RISKS = 5
FIGURES_NOTE = ("£000s in print, rounded to the nearest £000; the spreadsheet holds the "
                "exact pounds. Variance = actual (or forecast) less plan; negative is a "
                "shortfall.")


def money(pounds: Decimal) -> Num:
    """Printed in £000s, kept in pounds."""
    return Num(float(pounds), bracketed(round(pounds / 1000)), POUNDS_FORMAT)


def pounds(value: Decimal) -> str:
    """Whole pounds for a small movement that £m would round away: (£15,000)."""
    text = f"£{abs(value):,.0f}"
    return f"({text})" if value < 0 else text


def share(fraction: Decimal | None) -> Num | str:
    return "-" if fraction is None else pct(float(fraction))


@dataclass
class QippReport:
    organisation: str
    ods_code: str
    month: str
    title: str
    generated: dt.date
    results: LedgerResults
    movement: Movement
    summary_text: list[str] = field(default_factory=list)
    summary: Table | None = None
    movement_text: list[str] = field(default_factory=list)
    movement_table: Table | None = None
    schemes: Table | None = None
    confidence: Table | None = None
    risks: Table | None = None
    rag_text: list[str] = field(default_factory=list)
    currency_text: list[str] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [t for t in (self.summary, self.movement_table, self.schemes, self.confidence,
                            self.risks) if t is not None]

    @property
    def running_head(self) -> str:
        return f"{self.organisation}: {self.title}"

    @property
    def plan_title(self) -> str:  # the page footer the board paper's canvas prints
        return f"{self.organisation} ({self.ods_code})"


def month_name(month: str) -> str:
    return dt.date(int(month[:4]), int(month[5:]), 1).strftime("%B %Y")


def build_qipp_report(plan: Plan, ledger: Ledger, month: str,
                      today: dt.date | None = None) -> QippReport:
    """The report as at the end of `month` (a closed month; ValidationError otherwise)."""
    moved = movement(ledger, month, plan.schemes)
    results = moved.after
    report = QippReport(plan.organisation, plan.ods_code, month,
                        f"QIPP performance report, {month_name(month)}",
                        today or dt.date.today(), results, moved)
    names = {s.id: s for s in plan.schemes}
    refs = {sid: t.reference for sid, t in ledger.tracking.items()}
    _summary(report, results)
    _movement(report, moved, names, refs)
    report.schemes = _scheme_table(results, names, refs)
    report.confidence = _confidence_table(results)
    _risks(report, plan, results, names, refs)
    months = ledger.months()
    closed = months[:months.index(month) + 1]
    report.currency_text = [
        f"Actuals are frozen (months closed) for {short_month(closed[0])} to "
        f"{short_month(closed[-1])}: {len(closed)} month(s). "
        + (f"{short_month(months[len(closed)])} to {short_month(months[-1])} are forecast "
           "by each scheme's method." if len(closed) < len(months) else
           "The whole year is closed."),
        f"The plan is as frozen at the {ledger.plan_label or 'final submission'}; the "
        f"ledger is closed through {ledger.closed_through or 'no month'} and this report "
        f"is as at the end of {month_name(month)}. Report written {report.generated:%d %B %Y}.",
    ]
    return report


def _summary(report: QippReport, r: LedgerResults) -> None:
    report.summary_text = [
        f"Delivered to the end of {month_name(report.month)}: {millions(r.delivered_to_date)} "
        f"against a plan of {millions(r.plan_to_date)}, a variance of "
        f"{millions(r.to_date_variance)} ({_pct_text(r.to_date_variance_pct)}).",
        f"Year-end forecast outturn: {millions(r.forecast_outturn)} against the annual plan "
        f"of {millions(r.plan_year)}, a variance of {millions(r.variance)} "
        f"({_pct_text(r.variance_pct)}).",
    ]
    report.summary = Table(
        "Summary", "Table 1: Delivered and forecast against plan, £000s",
        ("Measure", "Plan", "Actual / forecast", "Variance", "Variance %"),
        [("Delivered to date", money(r.plan_to_date), money(r.delivered_to_date),
          money(r.to_date_variance), share(r.to_date_variance_pct)),
         ("Year-end forecast outturn", money(r.plan_year), money(r.forecast_outturn),
          money(r.variance), share(r.variance_pct))],
        note=FIGURES_NOTE, widths=(3, 1.3, 1.5, 1.3, 1.2))


def _pct_text(fraction: Decimal | None) -> str:
    return "no plan to compare" if fraction is None else f"{float(fraction) * 100:.1f}%"


def _movement(report: QippReport, moved: Movement, names, refs) -> None:
    since = (f"the end of {month_name(moved.previous)}" if moved.previous
             else "the plan before any month was closed")
    rows = [(refs.get(sid, ""), names[sid].name if sid in names else f"Scheme {sid}",
             money(before), money(after), money(change))
            for sid, before, after, change in moved.by_scheme()]
    report.movement_text = [
        f"The year-end forecast moved by {pounds(moved.change)} since {since}: from "
        f"{millions(moved.before.forecast_outturn)} to {millions(moved.after.forecast_outturn)}."
        + (f" {len(rows)} scheme(s) caused it." if rows else " No scheme's forecast moved.")]
    report.movement_table = Table(
        "Forecast movement", "Table 2: Movement in the year-end forecast, by scheme, £000s",
        ("Ref", "Scheme", "Forecast before", "Forecast now", "Movement"), rows,
        total=("", "All schemes", money(moved.before.forecast_outturn),
               money(moved.after.forecast_outturn), money(moved.change)),
        note=FIGURES_NOTE, widths=(1.3, 4.4, 1.4, 1.4, 1.3))


def _scheme_table(r: LedgerResults, names, refs) -> Table:
    rows = []
    for sid, p in r.positions.items():
        scheme = names.get(sid)
        rows.append((refs.get(sid, ""), scheme.name if scheme else f"Scheme {sid}",
                     scheme.pod.value if scheme else "", money(p.plan_to_date),
                     money(p.delivered_to_date), money(p.to_date_variance),
                     share(p.to_date_variance_pct), money(p.forecast_outturn), _rag(p)))
    return Table(
        "Schemes", "Table 3: Schemes, gross savings to date and year-end forecast, £000s",
        ("Ref", "Project", "Point of delivery", "Gross plan", "Gross actual", "Variance",
         "%", "Forecast outturn", "RAG"), rows,
        total=("", "All schemes", "", money(r.plan_to_date), money(r.delivered_to_date),
               money(r.to_date_variance), share(r.to_date_variance_pct),
               money(r.forecast_outturn), ""),
        note=FIGURES_NOTE + " RAG: derived from forecast variance, milestone slip and "
        "confidence; * marks an override (the reason is under delivery confidence).",
        widths=(1.3, 3.4, 1.5, 1.1, 1.1, 1.1, 0.9, 1.2, 0.9))


def _rag(p: SchemePosition) -> str:
    return p.rag.value + ("*" if p.overridden else "")


def _confidence_table(r: LedgerResults) -> Table:
    rows = []
    for rag in (Rag.GREEN, Rag.AMBER, Rag.RED):
        ps = [p for p in r.positions.values() if p.rag is rag]
        plan = sum((p.plan_year for p in ps), Decimal(0))
        outturn = sum((p.forecast_outturn for p in ps), Decimal(0))
        adjusted = sum((p.forecast_outturn * p.confidence for p in ps), Decimal(0))
        rows.append((rag.value, count(len(ps)), money(plan), money(outturn), money(adjusted)))
    adjusted = sum((p.forecast_outturn * p.confidence for p in r.positions.values()),
                   Decimal(0))
    return Table(
        "Confidence", "Table 4: Delivery confidence by RAG, £000s",
        ("RAG", "Schemes", "Annual plan", "Forecast outturn", "Risk-adjusted forecast"),
        rows, total=("All", count(len(r.positions)), money(r.plan_year),
                     money(r.forecast_outturn), money(adjusted)),
        note="Risk-adjusted forecast = each scheme's forecast outturn x its confidence of "
             "delivery. " + FIGURES_NOTE, widths=(1.2, 1, 1.5, 1.5, 1.8))


def _risks(report: QippReport, plan: Plan, r: LedgerResults, names, refs) -> None:
    open_risks = [x for x in plan.risks if x.status is not RiskStatus.CLOSED]
    top = sorted(open_risks, key=lambda x: (-(x.likelihood * x.impact), -x.value,
                                            x.description))[:TOP_RISKS]
    report.risks = Table(
        "Risks", "Table 5: Key programme risks, £000s",
        ("Risk", "Owner", "Value", "Score", "Mitigation"),
        [(x.description, x.owner, money(x.value), count(x.likelihood * x.impact),
          x.mitigation) for x in top],
        note=f"The {len(top)} open risks with the highest score (likelihood x impact, "
             "5x5 matrix), then value.", widths=(3.5, 1.8, 1, 0.8, 3.5))
    text = []
    for sid, p in r.positions.items():
        label = f"{refs.get(sid, '')} {names[sid].name if sid in names else sid}".strip()
        if p.derived_rag is not Rag.GREEN:
            text.append(f"{label}: {p.derived_rag.value.lower()} ({'; '.join(p.rag_reasons)})"
                        + (f", shown {p.rag.value.lower()}: {p.rag_reason}" if p.overridden
                           else "") + ".")
        elif p.overridden:
            text.append(f"{label}: shown {p.rag.value.lower()}: {p.rag_reason}.")
    report.rag_text = text or ["Every scheme is green by the rules."]
