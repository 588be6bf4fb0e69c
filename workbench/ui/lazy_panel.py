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


class LazyPage(LazyPanel):
    """A LazyPanel that is one page of a tab widget: shown and hidden with its tab, so it
    learns whether it is shown from its own show and hide events."""

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.set_active(True)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().hideEvent(event)
        self.set_active(False)
