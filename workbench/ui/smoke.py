"""--smoke: render every main screen once, so IT (and CI) can prove an install works."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QWidget


def smoke_screens(window) -> list[tuple[str, Callable[[], QWidget]]]:
    """(name, show-and-return-widget) for every main screen of the window."""
    screens: list[tuple[str, Callable[[], QWidget]]] = []
    for index in range(window.tabs.count()):
        def show_tab(i: int = index) -> QWidget:
            window.pages.setCurrentIndex(0)
            window.tabs.setCurrentIndex(i)
            return window.tabs.currentWidget()
        screens.append((f"table: {window.tabs.tabText(index)}", show_tab))
    screens.append(("charts", lambda: window.charts))
    for index in range(1, window.pages.count()):
        def show_page(i: int = index) -> QWidget:
            window.pages.setCurrentIndex(i)
            return window.pages.currentWidget()
        screens.append((f"page: {window.pages.tabText(index)}", show_page))
    for dock in (window.summary_dock, window.drivers_dock, window.checks_dock,
                 window.history_dock):
        def show_dock(d=dock) -> QWidget:
            d.show()
            d.raise_()
            return d.widget()
        screens.append((f"panel: {dock.windowTitle()}", show_dock))
    return screens


def run_smoke(window, report: Callable[[str], None] = print) -> int:
    """Show each screen, paint it, and check it produced an image. 0 if all did."""
    window.resize(1400, 900)
    window.show()
    failures = 0
    for name, show in smoke_screens(window):
        widget = show()
        QApplication.processEvents()
        image = widget.grab().toImage()
        ok = not image.isNull() and image.width() > 50 and image.height() > 50
        failures += not ok
        report(f"{'ok  ' if ok else 'FAIL'} {name} ({image.width()}x{image.height()})")
    summary = window.summary.text_of("savings_requirement")
    report(f"ok   savings requirement on the demo plan: {summary}")
    return 1 if failures else 0
