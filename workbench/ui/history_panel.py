"""The audit trail in a dock: one entry per action (an edit, an undo, a whole paste or
import), expandable to every field it changed; for the plan or for the selected row."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.edits import EntityKind
from workbench.domain.errors import WorkbenchError
from workbench.domain.export_files import write_excel_csv
from workbench.domain.masking import mask
from workbench.ui import store_thread
from workbench.ui.export_paths import ask_save_path, save_export
from workbench.ui.history_wording import (
    action_text,
    change_text,
    field_label,
    local_time,
    object_name,
    value_text,
)
from workbench.ui.lazy_panel import LazyPanel
from workbench.ui.plan_controller import PlanController

PAGE = 500  # audit rows read at a time; "Show older changes" reads the next page
HEADERS = ["When (UTC)", "Who", "Action", "Change", "Object", "Field", "Old", "New", "Note"]
# on screen, in the words finance staff use (the CSV keeps the exact recorded values)
SHOWN = ["When", "Who", "Action", "Change", "Item", "Field", "Was", "Now", "Note"]


class HistoryPanel(LazyPanel):
    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._selected: tuple[EntityKind | None, int | None] = (None, None)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(SHOWN)
        self.tree.setAccessibleName("Change history")
        self.tree.setAlternatingRowColors(True)
        self.only_selected = QCheckBox("Only the selected row")
        self.only_selected.toggled.connect(self.refresh)
        self._entries: list = []
        self._more = False  # older rows remain to be read
        self._reading = False
        self._again = False
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.older = QPushButton("Show older changes")
        self.older.setEnabled(False)
        self.older.clicked.connect(self.load_older)
        export = QPushButton("Export CSV…")
        export.setAccessibleName("Export change history as CSV")
        export.clicked.connect(self._export)
        bar = QHBoxLayout()
        bar.addWidget(self.only_selected)
        bar.addStretch(1)
        bar.addWidget(self.older)
        bar.addWidget(export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.tree)
        # read when first shown (LazyPanel.set_active), not here: built as its dock opens,
        # one read, which Esc can stop without a second one following it
        controller.plan_changed.connect(self.changed)


    def select(self, kind: EntityKind | None, row_id: int | None) -> None:
        self._selected = (kind, row_id)
        if self.only_selected.isChecked():
            self.refresh()

    def _query(self) -> tuple | None:
        """What `history` is asked for the filter shown; None when nothing can match."""
        if getattr(self.controller.store, "history", None) is None:
            return None
        kind, row_id = self._selected
        if self.only_selected.isChecked():
            return None if kind is None or row_id is None else (kind, row_id)
        return ()

    def _page(self, before: int | None, limit: int = PAGE) -> list:
        """One page of audit rows older than `before` (newest first), for the filter shown;
        read on the store thread (a busy database never freezes the window)."""
        return self._read(before, limit)[0]

    def _read(self, before: int | None, limit: int = PAGE) -> tuple[list, bool]:
        """A page and whether older rows remain, in one trip to the store thread."""
        query = self._query()
        if query is None:
            return [], False
        history = self.controller.store.history

        def read() -> tuple[list, bool]:
            page = history(*query, limit=limit, before=before)
            return page, bool(page) and bool(history(*query, limit=1, before=page[-1].id))

        return store_thread.read("reading the change history", read)

    def _all_pages(self) -> Iterator[list]:
        before = None
        while page := self._page(before):
            yield page
            before = page[-1].id

    def entries(self) -> list:
        """The audit rows loaded so far, newest first."""
        return self._entries

    def load_older(self) -> None:
        if self._entries:
            self._load(self._entries[-1].id)

    def refresh(self) -> None:
        self._stale = False
        self._load(None)

    def _load(self, before: int | None) -> None:
        """Read a page (all of it afresh when `before` is None) and show it; a refusal
        (a busy or unreachable database) is said in the panel and the rows shown stay."""
        if self._reading:  # a refresh asked for while one waits: one more when it is done
            self._again = self._again or before is None
            return
        self._reading = True
        try:
            page, more = self._read(before)
        except WorkbenchError as exc:
            self.notice.setText(f"History not read: {mask(str(exc))}")
            self.notice.show()
            self._stale = True
            return
        finally:
            self._reading = False
        self.notice.hide()
        self._entries = page if before is None else self._entries + page
        self._more = more
        self._show()
        if self._again:
            self._again = False
            self.refresh()

    @staticmethod
    def _row(e) -> list[str]:
        return [e.at.strftime("%Y-%m-%d %H:%M:%S"), e.who, e.action, e.label,
                f"{e.kind} {e.row_id}" if e.row_id is not None else e.kind, e.field,
                e.old, e.new, e.note]

    def rows(self) -> list[list[str]]:
        """Every audited field change loaded so far, newest first."""
        return [self._row(e) for e in self._entries]

    def _show(self) -> None:
        self.older.setEnabled(self._more)
        self.tree.clear()
        plan = self.controller.plan
        for _step, group in groupby(self._entries, key=lambda e: e.step):
            changes = list(group)
            first = changes[0]
            field = (f"{len(changes)} changes" if len(changes) > 1
                     else field_label(first.kind, first.field))
            values = [local_time(first.at), first.who, action_text(first.action),
                      change_text(first.label, first.kind, first.field), "", field, "", "",
                      first.note]
            if len(changes) == 1:
                values[4:8] = self._readable(first, plan)
            entry = QTreeWidgetItem(values)
            entry.setToolTip(0, f"{first.at:%Y-%m-%d %H:%M:%S} UTC")
            if len(changes) > 1:
                for change in changes:
                    entry.addChild(QTreeWidgetItem(["", "", "", "", *self._readable(change, plan),
                                                    ""]))
            self.tree.addTopLevelItem(entry)
        for column in range(len(SHOWN)):
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, min(self.tree.columnWidth(column), 240))

    @staticmethod
    def _readable(entry, plan) -> list[str]:
        """Item, field, was, now: names for ids, £ for money, no JSON."""
        return [object_name(entry.kind, entry.row_id, plan, entry.old, entry.new),
                field_label(entry.kind, entry.field),
                value_text(entry.kind, entry.field, entry.old, plan),
                value_text(entry.kind, entry.field, entry.new, plan)]

    def export_csv(self, path: Path) -> None:
        """All of the history for the filter shown (not just the pages loaded), UTF-8 with
        a BOM so Excel on Windows shows "£"; no field is ever a live formula."""
        write_excel_csv(path, HEADERS,
                        (self._row(e) for page in self._all_pages() for e in page))

    def _export(self) -> None:
        plan = self.controller.plan
        path = ask_save_path(self, "Export change history", plan.ods_code or plan.organisation,
                             "history", suffix=".csv", filter_text="CSV (*.csv)")
        if path:
            save_export(self, path, self.export_csv)
