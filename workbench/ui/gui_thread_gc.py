"""Python's cycle collector, run on the GUI thread only.

The collector runs in whichever thread happens to allocate past its threshold. Database
work runs on the store thread, which allocates a great deal (SQLAlchemy, pandas); when a
collection starts there it can free a Qt object caught in a reference cycle (a closed
window, a dialog, a model), and a Qt object destroyed off the GUI thread can crash the
process. So automatic collection is switched off and the GUI thread collects, by the same
thresholds, from a timer: plain reference counting frees everything else as before.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Create on the GUI thread; keeps collection off until `stop` (or its deletion)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.was_enabled = gc.isenabled()
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start()

    def collect_due(self) -> int:
        """Collect the generations whose counts passed their thresholds, as Python would."""
        first, second, third = self.thresholds
        young, middle, old = gc.get_count()
        if young <= first:
            return 0
        generation = 0
        if middle > second:
            generation = 2 if old > third else 1
        return gc.collect(generation)

    def stop(self) -> None:
        self.timer.stop()
        if self.was_enabled:
            gc.enable()
