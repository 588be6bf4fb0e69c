"""The ledger's legend: what the shading and each RAG colour mean, in words as well as
colour (the rules are the engine's, read from its RagRules)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from workbench.domain.enums import Rag
from workbench.engine.ledger_rag import DEFAULT_RULES
from workbench.ui.delivery.ledger_model import CLOSED, PENDING, RAG_COLOURS


def _swatch(back: str, fore: str, text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(f"background: {back}; color: {fore}; padding: 1px 6px; "
                        "border: 1px solid #AEB7BD;")
    return label


def rag_meanings() -> dict[Rag, str]:
    r = DEFAULT_RULES
    return {
        Rag.GREEN: f"on plan: year-end forecast within {r.amber_shortfall:.0%} of plan",
        Rag.AMBER: (f"forecast {r.amber_shortfall:.0%}-{r.red_shortfall:.0%} short, a "
                    f"milestone {r.amber_slip_months}+ month late, or confidence under "
                    f"{r.amber_confidence:.0%}"),
        Rag.RED: (f"forecast over {r.red_shortfall:.0%} short, a milestone "
                  f"{r.red_slip_months}+ months late, or confidence under "
                  f"{r.red_confidence:.0%}"),
    }


class LedgerLegend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Legend")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(_swatch(CLOSED.color().name(), "#212B32", "Closed month (actuals)"))
        row.addWidget(_swatch(PENDING.color().name(), "#212B32", "Actual entered, not closed"))
        meanings = rag_meanings()
        for rag in (Rag.GREEN, Rag.AMBER, Rag.RED):
            back, fore = RAG_COLOURS[rag]
            swatch = _swatch(back, fore, rag.value)
            swatch.setToolTip(f"{rag.value}: {meanings[rag]}. The worst rule wins; an "
                              "override, with its reason, shows as '(override)'.")
            row.addWidget(swatch)
        note = QLabel("RAG: the worst of variance, milestone slip and confidence "
                      "(hover a colour for its rule)")
        note.setStyleSheet("color: #425563;")
        # the words give way (cut short) rather than widen the window on a small screen
        note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(note, 1)
