"""File > Board paper…: fill the cover (kept with the plan as one undoable edit), then
preview, print, or save the paper as PDF, Word or Excel."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import WorkbenchError
from workbench.reports import (
    BoardPaper,
    CoverFields,
    build_board_paper,
    cover_edit,
    cover_from_plan,
    write_board_paper,
)
from workbench.reports.basis import PaperBasis, basis_plan, paper_bases
from workbench.reports.cover import EQUALITY, OUTCOME_DOMAINS, PURPOSES
from workbench.ui.board.paper_print import print_paper
from workbench.ui.export_paths import ask_save_path, save_export
from workbench.ui.modal import ask
from workbench.ui.plan_controller import PlanController

FORMATS = {"PDF paper (.pdf)": ".pdf", "Word document (.docx)": ".docx",
           "Excel workbook of the tables (.xlsx)": ".xlsx"}
LINES = ("title", "meeting_date", "paper_number", "author", "clinical_lead")
TEXTS = ("purpose", "financial_implications", "action_required")
LABELS = {"title": "&Title", "meeting_date": "&Meeting date", "paper_number": "&Paper no.",
          "purpose": "P&urpose and executive summary",
          "financial_implications": "&Financial implications",
          "action_required": "&Action required", "author": "Aut&hor",
          "clinical_lead": "&Clinical lead"}


class BoardPaperDialog(QDialog):
    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle("Board paper")
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.preview_dialog: QPrintPreviewDialog | None = None
        try:
            kept = cover_from_plan(controller.plan)
        except WorkbenchError:  # a value kept by an older copy that no longer checks
            kept = CoverFields()
        form = QFormLayout()
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for name in (*LINES[:3], *TEXTS, *LINES[3:]):
            edit = QLineEdit() if name in LINES else QPlainTextEdit()
            if isinstance(edit, QPlainTextEdit):
                edit.setTabChangesFocus(True)
                edit.setFixedHeight(58)
                edit.setPlainText(getattr(kept, name))
            else:
                edit.setText(getattr(kept, name))
            edit.setObjectName(name)
            self.fields[name] = edit
            label = QLabel(LABELS[name])
            label.setBuddy(edit)
            form.addRow(label, edit)
        choices = QFormLayout()
        self._choices(choices, kept)
        self.fields["meeting_date"].setPlaceholderText("YYYY-MM-DD, e.g. 2016-03-10")
        self.fields["paper_number"].setPlaceholderText("e.g. 16/12")
        self.format = QComboBox()
        self.format.addItems(list(FORMATS))
        choices.addRow("F&ormat", self.format)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = QPushButton("Pre&view…")
        self.print_button = QPushButton("P&rint…")
        self.save_button = QPushButton("&Save…")
        for button, slot in ((self.preview_button, self.preview),
                             (self.print_button, self.print_paper),
                             (self.save_button, self.save)):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(slot)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        columns = QHBoxLayout()  # two columns: fits a 768-pixel-high laptop screen
        columns.addLayout(form, 3)
        columns.addLayout(choices, 2)
        layout.addLayout(columns)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.fields["title"].setCursorPosition(0)
        self.resize(1180, self.sizeHint().height())

    def _choices(self, form: QFormLayout, kept: CoverFields) -> None:
        self.basis = QComboBox()
        self.basis.setAccessibleName("The plan, version or scenario the paper is of")
        self.bases: list[PaperBasis] = []
        self.refresh_bases()
        form.addRow("Pla&n", self.basis)
        self.decision = QComboBox()
        self.decision.addItems(list(PURPOSES))
        self.decision.setCurrentText(kept.decision)
        form.addRow("This paper is &for", self.decision)
        self.domains = []
        chosen = {name for name, on in kept.domains if on}
        group = QGroupBox("NHS Outcomes Framework domains supported")
        boxes = QVBoxLayout(group)
        for n, name in enumerate(OUTCOME_DOMAINS, start=1):
            box = QCheckBox(f"&{n} {name.replace(' from Avoidable', chr(10) + 'from Avoidable')}")
            box.setChecked(name in chosen)
            self.domains.append(box)
            boxes.addWidget(box)
        form.addRow(group)
        self.equality = QComboBox()
        self.equality.addItems(list(EQUALITY))
        self.equality.setCurrentText(kept.equality_analysis)
        form.addRow("&Equality analysis completed", self.equality)

    def refresh_bases(self) -> None:
        """The working plan, each frozen version and each scenario, as they are now; the
        one chosen stays chosen while it exists."""
        chosen = self.basis.currentText()
        try:
            self.bases = paper_bases(self.controller.store, self.controller.plan)
        except WorkbenchError as exc:
            self.bases = [PaperBasis("working")]
            self._say(str(exc), error=True)
        self.basis.blockSignals(True)
        self.basis.clear()
        self.basis.addItems([b.choice for b in self.bases])
        self.basis.setCurrentIndex(max(0, self.basis.findText(chosen)))
        self.basis.blockSignals(False)

    # -- the paper ------------------------------------------------------------------------
    def cover(self) -> CoverFields | None:
        """The cover as typed, or None with the problem shown under the form."""
        values = {name: (edit.toPlainText() if isinstance(edit, QPlainTextEdit)
                         else edit.text()).strip() for name, edit in self.fields.items()}
        domains = ";".join(str(n) for n, box in enumerate(self.domains, 1) if box.isChecked())
        try:
            cover = CoverFields(**values, decision=self.decision.currentText(),
                                outcomes_domains=domains,
                                equality_analysis=self.equality.currentText()).checked()
        except WorkbenchError as exc:
            self._say(str(exc), error=True)
            return None
        self.problem.clear()
        return cover

    def paper(self) -> BoardPaper | None:
        """The paper from the plan and the figures on screen; the cover kept with the plan
        (one undoable edit) when it changed."""
        cover = self.cover()
        if cover is None:
            return None
        edit = cover_edit(self.controller.plan, cover)
        if edit is not None and not self.controller.store.read_only:
            self.controller.push(edit)
        basis = self.bases[max(0, self.basis.currentIndex())]
        if basis.kind == "working":  # the figures on screen
            return build_board_paper(self.controller.plan, cover, self.controller.results)
        try:  # a version's or a scenario's own figures, computed by the engine
            plan = basis_plan(self.controller.store, self.controller.plan, basis)
        except WorkbenchError as exc:
            self._say(str(exc), error=True)
            return None
        return build_board_paper(plan, cover, basis=basis.label)

    # -- actions --------------------------------------------------------------------------
    def preview(self) -> None:
        paper = self.paper()
        if paper is None:
            return
        if self.preview_dialog is not None:  # one preview kept at a time, not one per click
            self.preview_dialog.deleteLater()
        self.preview_dialog = QPrintPreviewDialog(self.printer, self)
        self.preview_dialog.setWindowTitle(
            f"Preview: {paper.cover.title}" + (f" ({paper.basis})" if paper.basis else ""))
        self.preview_dialog.paintRequested.connect(lambda printer: print_paper(paper, printer))
        self.preview_dialog.resize(900, 1000)
        self.preview_dialog.exec()

    def print_paper(self) -> None:
        paper = self.paper()
        if paper is None:
            return
        if ask(QPrintDialog(self.printer, self)) == QDialog.DialogCode.Accepted:
            print_paper(paper, self.printer)

    def save(self) -> None:
        paper = self.paper()
        if paper is None:
            return
        suffix = FORMATS[self.format.currentText()]
        plan = self.controller.plan
        path = ask_save_path(self, "Save the board paper", plan.ods_code or plan.organisation,
                             "board-paper", paper.cover.paper_number.replace("/", "-"),
                             suffix=suffix,
                             filter_text=f"{self.format.currentText()} (*{suffix})")
        if path and save_export(self, path, lambda target: write_board_paper(paper, target)):
            self._say(f"Saved {path}")

    def _say(self, text: str, error: bool = False) -> None:
        """One line under the form: a problem in red, a saved file in green."""
        self.problem.setStyleSheet(f"color: {'#b00020' if error else '#1b5e20'}")
        self.problem.setText(text)


def open_board_paper(window) -> BoardPaperDialog:
    """File > Board paper…: one dialog per window, shown again if it is already open."""
    dialog = getattr(window, "board_paper_dialog", None)
    if dialog is None:
        dialog = BoardPaperDialog(window.controller, window)
        window.board_paper_dialog = dialog
    else:
        dialog.refresh_bases()  # versions frozen or scenarios added since it was opened
    dialog.show()
    dialog.raise_()
    return dialog
