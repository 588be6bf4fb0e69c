"""The cover sheet's fields, kept with the plan as template values of the "board" template.

The store already keeps per-plan text values (domain/template_values.py) in one table with
undoable edits, so the cover needs no table of its own: one value per field, row "cover".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from workbench.domain.edits import Batch, Edit, EntityKind, InsertRows, SetField
from workbench.domain.errors import WorkbenchError
from workbench.domain.plan import Plan
from workbench.domain.template_values import COVER, TemplateValue

TEMPLATE = "board"
SHEET = "Cover"
PURPOSES = ("For decision", "For discussion", "For information")
EQUALITY = ("Yes", "No", "Not applicable")
OUTCOME_DOMAINS = (
    "Preventing People from Dying Prematurely",
    "Enhancing Quality of Life for People with Long Term Conditions",
    "Helping People to Recover from Episodes of Ill Health or Following Injury",
    "Ensuring that People have a Positive Experience of Care",
    "Treating and Caring for People in a Safe Environment and Protecting them from "
    "Avoidable Harm",
)


@dataclass(frozen=True)
class CoverFields:
    """What the cover sheet of a Governing Body paper states, as typed."""

    title: str = "Operational Plan 2016/17: financial plan, savings, risks and trajectories"
    meeting_date: str = ""  # ISO date, 2016-03-10
    paper_number: str = ""  # 16/12
    purpose: str = ""
    decision: str = "For discussion"  # one of PURPOSES
    financial_implications: str = ""
    action_required: str = ""
    outcomes_domains: str = ""  # the numbers (1-5) of the domains supported: "1;2;5"
    equality_analysis: str = "Not applicable"  # one of EQUALITY
    author: str = ""
    clinical_lead: str = ""

    def checked(self) -> CoverFields:
        """Itself, or a WorkbenchError naming the field that is wrong."""
        if self.meeting_date:
            try:
                dt.date.fromisoformat(self.meeting_date)
            except ValueError:
                raise WorkbenchError(f"meeting date {self.meeting_date!r} is not a date "
                                     "(use YYYY-MM-DD, e.g. 2016-03-10)") from None
        if self.decision not in PURPOSES:
            raise WorkbenchError(f"'for decision / discussion / information' must be one of "
                                 f"{', '.join(PURPOSES)}, not {self.decision!r}")
        if self.equality_analysis not in EQUALITY:
            raise WorkbenchError(f"'equality analysis completed' must be one of "
                                 f"{', '.join(EQUALITY)}, not {self.equality_analysis!r}")
        if any(n not in range(1, 6) for n in self._domain_numbers()):
            raise WorkbenchError(f"NHS Outcomes Framework domains {self.outcomes_domains!r}: "
                                 "give the numbers 1 to 5, separated by ';'")
        return self

    def _domain_numbers(self) -> list[int]:
        try:
            return [int(p) for p in self.outcomes_domains.replace(",", ";").split(";")
                    if p.strip()]
        except ValueError:
            return [0]

    @property
    def domains(self) -> list[tuple[str, bool]]:
        """Each Outcomes Framework domain and whether this paper supports it."""
        chosen = set(self._domain_numbers())
        return [(name, n + 1 in chosen) for n, name in enumerate(OUTCOME_DOMAINS)]

    @property
    def meeting_text(self) -> str:
        """'10 March 2016', or '' when no meeting date was given."""
        if not self.meeting_date:
            return ""
        day = dt.date.fromisoformat(self.meeting_date)
        return f"{day.day} {day:%B %Y}"


FIELDS = tuple(f.name for f in dataclasses.fields(CoverFields))


def _kept(plan: Plan) -> dict[str, TemplateValue]:
    return {v.column: v for v in plan.template_values
            if v.template == TEMPLATE and v.row == COVER and v.column in FIELDS}


def cover_from_plan(plan: Plan, **overrides: str) -> CoverFields:
    """The cover kept with the plan (defaults where nothing is kept), then `overrides`
    (e.g. --meeting and --paper on the command line) where they are not empty."""
    values = {name: value.value for name, value in _kept(plan).items()}
    values |= {k: v for k, v in overrides.items() if v}
    return CoverFields(**values).checked()


def cover_edit(plan: Plan, cover: CoverFields) -> Batch | None:
    """The one undoable edit that keeps `cover` with the plan; None if nothing changed."""
    kept = _kept(plan)
    defaults = CoverFields()
    edits: list[Edit] = []
    inserts: list[TemplateValue] = []
    for name in FIELDS:
        new = getattr(cover, name)
        old = kept.get(name)
        if old is None:
            if new != getattr(defaults, name):
                inserts.append(TemplateValue(None, TEMPLATE, SHEET, COVER, name, new))
        elif old.value != new:
            assert old.id is not None
            edits.append(SetField(EntityKind.TEMPLATE_VALUE, old.id, "value", old.value, new))
    if inserts:
        edits.append(InsertRows(EntityKind.TEMPLATE_VALUE, tuple(inserts)))
    return Batch(tuple(edits), "Board paper cover") if edits else None
