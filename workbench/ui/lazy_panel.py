"""A dock panel that refreshes only while it is shown: hidden panels cost nothing per edit."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class LazyPanel(QWidget):
    """Subclasses implement refresh(); connect a controller signal to `changed`."""

    _stale = True
    _active = False

    def refresh(self) -> object:  # pragma: no cover - overridden
        raise NotImplementedError

    def changed(self, *_args) -> None:
        if self._active:
            self.refresh()
        else:
            self._stale = True

    def set_active(self, active: bool) -> None:
        """Told by its dock's visibilityChanged (a tab selected or not, shown or hidden)."""
        self._active = active
        if active and self._stale:
            self.refresh()
