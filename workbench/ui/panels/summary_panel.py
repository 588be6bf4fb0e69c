"""The plan summary: headline figures from PlanResults, each with how it is derived.

Each figure is focusable: a click on it (or on its name), or Enter when it has focus,
emits `figure_activated(key)`; the window shows the engine's explanation of it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workbench.engine.results import PlanResults, PlanSummary
from workbench.ui import style
from workbench.ui.plan_controller import PlanController

# (key, label, formatter, tooltip); a None key starts a new section titled by the label.
ROWS: list[tuple[str | None, str, object, str]] = [
    (None, "Allocation", None, ""),
    ("allocation", "Core allocation", style.fmt_money, "NHS England's programme allocation."),
    ("growth", "Growth on last year", style.fmt_money,
     "This year's core allocation less last year's."),
    ("growth_pct", "Growth %", style.fmt_pct, "Growth as a share of last year's allocation."),
    ("total_allocation", "Total allocation", style.fmt_money,
     "Core allocation plus running costs: the base for business rules."),
    (None, "Business rules held back", None, ""),
    ("surplus", "Surplus", style.fmt_money, "Surplus % × total allocation."),
    ("uncommitted_reserve", "Uncommitted reserve", style.fmt_money,
     "Non-recurrent reserve % × total allocation."),
    ("contingency", "Contingency", style.fmt_money, "Contingency % × total allocation."),
    ("transformation_ringfence", "Transformation ring-fence", style.fmt_money,
     "Ring-fence % × total allocation, held for system transformation."),
    ("transformation_ringfence_pct", "Ring-fence %", style.fmt_pct, "A driver."),
    ("chc_risk_pool", "CHC risk pool", style.fmt_money, "Contribution set by NHS England."),
    (None, "Cost pressures", None, ""),
    ("baseline_spend", "Recurrent baseline", style.fmt_money, "Sum of the spend lines."),
    ("tariff_pressure", "Tariff", style.fmt_money, "Tariff uplift × spend on tariff lines."),
    ("activity_growth_pct", "Activity growth %", style.fmt_pct, "A driver."),
    ("activity_growth_pressure", "Activity growth", style.fmt_money,
     "Activity growth % × spend on growth lines."),
    ("other_pressures", "Investments, other", style.fmt_money, "Sum of the pressures list."),
    ("planned_spend", "Planned spend", style.fmt_money, "Baseline plus all pressures."),
    (None, "Savings", None, ""),
    ("savings_requirement", "Savings requirement", style.fmt_money,
     "Planned spend + holdbacks − total allocation."),
    ("savings_requirement_pct", "Requirement % of allocation", style.fmt_pct,
     "Savings requirement ÷ total allocation."),
    ("schemes_identified", "Identified", style.fmt_money, "Net savings of identified schemes."),
    ("schemes_earmarked", "Earmarked", style.fmt_money, "Net savings of earmarked schemes."),
    ("savings_gap", "Gap", style.fmt_money, "Requirement − identified − earmarked."),
    ("savings_gap_risk_adjusted", "Gap, risk-adjusted", style.fmt_money,
     "Requirement − Σ (net saving × confidence)."),
    (None, "Risks", None, ""),
    ("risks_gross", "Gross", style.fmt_money, "Sum of open risks' values."),
    ("risks_weighted", "Likelihood-weighted", style.fmt_money,
     "Σ value × probability of its likelihood score."),
    ("risks_after_mitigation", "After mitigations", style.fmt_money,
     "Weighted less mitigations (each capped at its risk)."),
    ("reserves_for_risk", "Reserves available", style.fmt_money,
     "Contingency plus uncommitted reserve."),
    ("risks_net", "Net exposure", style.fmt_money, "After mitigations less reserves."),
]
ODDS_ROWS = [
    ("p_meet_business_rules", "Chance of meeting the rules",
     "Share of simulated years ending with surplus, contingency and uncommitted reserve "
     "intact (delivered savings ≥ requirement + risks that happen)."),
    ("p10_gbp", "Year-end position P10", "1 simulated year in 10 ends worse than this."),
    ("p50_gbp", "Year-end position P50", "The median simulated year-end position."),
    ("p90_gbp", "Year-end position P90", "1 simulated year in 10 ends better than this."),
]
SCENARIO_ROWS = [("savings_gap_risk_adjusted", "Gap, risk-adjusted"),
                 ("year_end_shortfall", "Year-end shortfall")]
EMPHASIS = {"savings_requirement", "savings_gap", "risks_net"}


ODDS = "odds:"  # prefix of the delivery-odds figures, which open the odds panel
ACTIVATE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


def _short(name: str, most: int = 22) -> str:
    return name if len(name) <= most else name[:most - 1] + "…"


class _FigureLabel(QLabel):
    """A figure or its name: a left click, or Enter or Space when it has focus, calls
    `activated` (overridden handlers rather than an event filter: Python is called for
    these events only, not for every paint and layout event of every label)."""

    activated: Callable[[], None] = staticmethod(lambda: None)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in ACTIVATE_KEYS:
            self.activated()
            return
        super().keyPressEvent(event)


class SummaryPanel(QScrollArea):
    figure_activated = Signal(str)  # a PlanSummary field: show how it is derived

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName("Plan summary")
        body = QWidget()
        body.setStyleSheet(f"QLabel:focus {{ background-color: {style.NHS_PALE_GREY};"
                           f" border: 1px solid {style.NHS_BLUE}; }}")
        outer = self._outer = QVBoxLayout(body)
        self.headings: dict[str, QLabel] = {}  # section title -> its heading
        self.values: dict[str, QLabel] = {}
        form: QFormLayout | None = None
        for key, label, _fmt, tip in ROWS:
            if key is None:
                form = self._section(label)
                continue
            value = _FigureLabel()
            value.setObjectName(key)
            value.setAccessibleName(label)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setToolTip(tip)
            if key in EMPHASIS:
                value.setStyleSheet("font-weight: bold;")
            name = _FigureLabel(label)
            name.setToolTip(tip)
            form.addRow(name, value)
            self.values[key] = value
            self._make_clickable(key, name, value, tip)
        outer.addStretch(1)
        self.setWidget(body)
        self.controller = controller
        # the results of the plan year on show when it is not the first (the year selector)
        self.year_results = lambda: None
        controller.results_changed.connect(self._on_results_changed)
        self._on_results_changed(controller.results)

    def _make_clickable(self, key: str, name: QLabel, value: QLabel, tip: str) -> None:
        value.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        how = "the simulation" if key.startswith(ODDS) else "how it is derived"
        value.setToolTip(f"{tip}\nClick, or press Enter, to see {how}.")
        for label in (name, value):
            label.setCursor(Qt.CursorShape.PointingHandCursor)
            label.activated = lambda k=key: self._activate(k)

    def _activate(self, key: str) -> None:
        if key.startswith(ODDS):
            self._show_odds()
        else:
            self.values[key].setFocus(Qt.FocusReason.OtherFocusReason)
            self.figure_activated.emit(key)

    def _section(self, title: str) -> QFormLayout:
        """A heading and a form for its figures, placed before the closing stretch."""
        heading = QLabel(title)
        heading.setWordWrap(True)
        self.headings[title] = heading
        heading.setStyleSheet(f"font-weight: bold; color: {style.NHS_BLUE}; margin-top: 6px;")
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        at = self._outer.count()
        if at and self._outer.itemAt(at - 1).spacerItem() is not None:
            at -= 1
        self._outer.insertWidget(at, heading)
        self._outer.insertLayout(at + 1, form)
        return form

    def attach_odds(self, runner, show_odds) -> None:
        """A Delivery odds section: the latest simulation's odds, and a button to run it."""
        form = self._section("Delivery odds")
        self.odds_values: dict[str, QLabel] = {}
        for key, label, tip in ODDS_ROWS:
            value = _FigureLabel("–")
            value.setObjectName(key)
            value.setAccessibleName(label)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setToolTip(tip)
            name = _FigureLabel(label)
            name.setToolTip(tip)
            form.addRow(name, value)
            self.odds_values[key] = value
            self._make_clickable(f"{ODDS}{key}", name, value, tip)
        self._show_odds = show_odds
        self.odds_button = QPushButton("Run delivery odds…")
        self.odds_button.setAccessibleName("Show and run the delivery odds")
        self.odds_button.clicked.connect(show_odds)
        form.addRow(self.odds_button)
        self._odds_runner = runner
        runner.finished.connect(self._on_odds_finished)

    def attach_scenarios(self, results, show_scenarios) -> None:
        """A Scenarios section: the base and each scenario, one line each, side by side on
        the risk-adjusted gap and the year-end shortfall, as the engine computed them."""
        self._scenario_form = self._section("Scenarios")
        self.scenarios_button = QPushButton("Scenarios…")
        self.scenarios_button.clicked.connect(show_scenarios)
        self.scenario_lines: dict[str, str] = {}
        results.updated.connect(self._on_scenarios)
        self._on_scenarios(results.figures)

    def _on_scenarios(self, figures) -> None:
        names = tuple(f.name for f in figures) if len(figures) >= 2 else ()
        if names == getattr(self, "_scenario_names", None):
            # the same scenarios: new texts in place (rebuilding the rows relaid the dock
            # and repainted the whole window a moment after every edit)
            for f, value in zip(figures if names else (), self._scenario_values, strict=True):
                text = " · ".join(style.fmt_money(f.value(k)) for k, _label in SCENARIO_ROWS)
                value.setText(text)
                self.scenario_lines[f.name] = text
            return
        self._rebuild_scenarios(figures)
        self._scenario_names = names

    def _rebuild_scenarios(self, figures) -> None:
        form = self._scenario_form
        self._scenario_values: list[QLabel] = []
        while form.rowCount():
            form.removeRow(0)  # deletes the old labels (and the button, made anew below)
        tip = ("Gap, risk-adjusted · year-end shortfall (the risk-adjusted gap plus risks "
               "after mitigations), for the base plan and each scenario")
        self.scenario_lines = {}
        if len(figures) < 2:
            none = QLabel("No scenarios yet: Plan → Scenarios adds one.")
            none.setWordWrap(True)
            form.addRow(none)
        else:
            form.addRow(QLabel("<i>gap, risk-adj. · shortfall</i>"))
            for f in figures:
                text = " · ".join(style.fmt_money(f.value(k)) for k, _label in SCENARIO_ROWS)
                name, value = QLabel(_short(f.name)), QLabel(text)
                for label in (name, value):
                    label.setToolTip(f"{f.name}: {tip}")
                value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                form.addRow(name, value)
                self.scenario_lines[f.name] = text
                self._scenario_values.append(value)
        button = QPushButton(self.scenarios_button.text())
        button.clicked.connect(self.scenarios_button.click)
        form.addRow(button)

    def _on_odds_finished(self, result) -> None:
        figures = result.figures()
        for key, value in self.odds_values.items():
            pct = key.startswith("p_")
            value.setText(style.fmt_pct(figures[key]) if pct else style.fmt_money(figures[key]))
        subject = self._odds_runner.subject
        of = "" if subject == "Base plan" else f", {subject}"
        self.odds_button.setText(f"Delivery odds ({result.settings.draws:,} draws{of})…")

    def refresh(self) -> None:
        """Show the figures again (the plan year on show changed)."""
        self._on_results_changed(self.controller.results)

    def _on_results_changed(self, results: PlanResults) -> None:
        results = self.year_results() or results
        summary: PlanSummary = results.summary
        for key, _label, fmt, _tip in ROWS:
            if key is not None:
                self.values[key].setText(fmt(getattr(summary, key)))
        gap = self.values["savings_gap"]
        colour = style.NHS_RED if summary.savings_gap > 0 else style.NHS_GREEN
        sheet = f"font-weight: bold; color: {colour};"
        if gap.styleSheet() != sheet:  # a new style sheet re-polishes and relays the panel
            gap.setStyleSheet(sheet)

    def show_year(self, operating: str, shown: str) -> None:
        """Say which plan year each section is for: the figures follow the year on show
        (`shown`); the risks are one register for every year, set against that year's
        reserves; the delivery odds and the scenarios are the operating year's
        (`operating`, the first) only."""
        later = shown != operating
        note = '<br><span style="font-weight: normal; color: {};">{}</span>'.format
        grey = style.NHS_DARK_GREY
        texts = {
            "Risks": "Risks" + (note(grey, f"the same register in every year, against "
                                      f"{shown}'s reserves") if later else ""),
            "Delivery odds": f"Delivery odds, {operating}" + (
                note(grey, f"simulated for {operating} only: none for {shown}")
                if later else ""),
            "Scenarios": f"Scenarios, {operating}" + (
                note(grey, f"changes to {operating}'s drivers: none for {shown}")
                if later else ""),
        }
        tips = {
            "Risks": "Risks carry no per-year figures: each year counts the risks as entered; "
                     "only the reserves set against them are that year's.",
            "Delivery odds": f"The simulation is of the operating year, {operating}.",
            "Scenarios": f"Scenarios change the drivers of the operating year, {operating}.",
        }
        for title, text in texts.items():
            heading = self.headings.get(title)
            if heading is not None and heading.text() != text:
                heading.setText(text)
                heading.setToolTip(tips[title])

    def text_of(self, key: str) -> str:
        return self.values[key].text()
