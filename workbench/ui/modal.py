"""Modal dialogs deleted once answered.

A dialog made with the window as its parent lives as long as the window unless it is
deleted: every import preview would keep its whole report, every Freeze its form, and a
hidden form can still be the widget Qt reports as having the keyboard focus. Deletion is
deferred, so what the dialog holds stays readable until control returns to the event loop.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


@contextmanager
def answered(dialog: D) -> Iterator[D]:
    """`with answered(SomeDialog(..., window)) as dialog: if dialog.exec(): ...`"""
    try:
        yield dialog
    finally:
        dialog.deleteLater()


def ask(dialog: QDialog) -> int:
    """Run `dialog` and schedule its deletion: for a dialog whose answer is all that counts."""
    with answered(dialog):
        return dialog.exec()
