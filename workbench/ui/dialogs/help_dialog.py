"""Offline help: the bundled HTML, with working in-page links."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from workbench.domain.resources import resource_path


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Planning Workbench help")
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Help text")
        self.browser.setOpenExternalLinks(False)
        self.browser.setSource(QUrl.fromLocalFile(str(resource_path("help", "index.html"))))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        self.resize(760, 640)
