"""The NHS look: identity colours on a calm, readable Fusion style (scales at 125%/150%)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from workbench.domain.resources import resource_path
from workbench.ui import style

SHEET = f"""
QTabBar::tab:selected {{ color: {style.NHS_BLUE}; font-weight: bold; }}
QMainWindow > QTabBar::tab {{ padding: 4px 7px; }}
QDockWidget::title {{ background: {style.NHS_PALE_GREY}; padding: 4px; }}
QPushButton {{ padding: 3px 10px; }}
QPushButton:default:enabled {{ background: {style.NHS_BLUE}; color: white; }}
QPushButton:disabled {{ color: {style.NHS_MID_GREY}; }}
QHeaderView::section {{ background: {style.NHS_PALE_GREY}; color: #212B32;
                        border: 0; border-right: 1px solid #D8DDE0; padding: 3px; }}
QTableView {{ gridline-color: #D8DDE0; selection-background-color: {style.NHS_BRIGHT_BLUE}; }}
QLineEdit:focus, QTableView:focus {{ border: 2px solid {style.NHS_WARM_YELLOW}; }}
"""


def _sort_arrows() -> str:
    """A sort arrow pointing up for an ascending sort, as in Excel and Windows Explorer.
    (Fusion draws an ascending sort, the header's "up-arrow", pointing down, the macOS
    way round; tests/ui/test_look.py holds the direction.)"""
    def url(name: str) -> str:
        return resource_path("icons", name).as_posix()

    return (f"QHeaderView::up-arrow {{ image: url({url('sort-ascending.svg')}); }}\n"
            f"QHeaderView::down-arrow {{ image: url({url('sort-descending.svg')}); }}\n")


def apply_nhs_look(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(style.NHS_BRIGHT_BLUE))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    palette.setColor(QPalette.ColorRole.Link, QColor(style.NHS_BLUE))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#F4F6F7"))
    app.setPalette(palette)
    app.setStyleSheet(SHEET + _sort_arrows())
