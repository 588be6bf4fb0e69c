"""How a figure was derived: the engine's explanation tree, drillable to the rows.

The panel only lays out what `engine.explain_build` returns (no arithmetic here): the
figure's sentence on top, then a tree of its inputs, each with its value and where it
comes from, down to the schemes, risks or spend lines it adds up. Enter or a double-click
on a row (or on a driver) takes the user there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from workbench.engine.explain import Explanation, Op, RowPart, sentence, show
from workbench.ui import style

GO_TO_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2


def _fraction(value) -> str:
    return style.fmt_pct(value, 2)


class ExplainPanel(QWidget):
    go_to = Signal(object, object)  # EntityKind, row id or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("How the figure is derived")
        self.headline = QLabel("Click a figure in the summary (or select it and press Enter) "
                               "to see how it is derived.")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.headline.setStyleSheet(f"font-weight: bold; color: {style.NHS_DARK_BLUE};")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Inputs of the figure, down to the rows")
        self.tree.setHeaderLabels(["Figure", "Value", "How, and where from"])
        self.tree.setAlternatingRowColors(True)
        self.tree.itemActivated.connect(self._on_item_activated)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.tree, 1)
        self.node: Explanation | None = None

    def show_explanation(self, node: Explanation) -> None:
        self.node = node
        self.headline.setText(sentence(node, style.fmt_money, _fraction))
        self.tree.clear()
        root = self._item(node)
        self.tree.addTopLevelItem(root)
        root.setExpanded(True)
        for i in range(root.childCount()):
            root.child(i).setExpanded(root.child(i).childCount() <= 12)
        for column in range(2):
            self.tree.resizeColumnToContents(column)
        self.tree.setCurrentItem(root)

    def _item(self, node: Explanation) -> QTreeWidgetItem:
        how = node.source if node.op is Op.INPUT or not node.terms else node.formula
        item = QTreeWidgetItem([node.label, show(node, style.fmt_money_full, _fraction), how])
        item.setData(0, KEY_ROLE, node.key)
        item.setToolTip(0, sentence(node, style.fmt_money, _fraction))
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if node.go_to is not None and (node.op is Op.INPUT or not node.terms):
            item.setData(0, GO_TO_ROLE, node.go_to)
        for term in node.terms:
            child = self._item(term.node)
            if term.sign < 0:
                child.setText(0, f"less {child.text(0)[:1].lower()}{child.text(0)[1:]}")
            item.addChild(child)
        for row in node.rows:
            item.addChild(self._row_item(row))
        return item

    def _row_item(self, row: RowPart) -> QTreeWidgetItem:
        how = ""
        if row.base is not None and row.factor is not None:
            how = (f"{style.fmt_money(row.base)} × {style.fmt_pct(row.factor, 0)} "
                   f"{row.factor_label}")
        item = QTreeWidgetItem([row.name, style.fmt_money_full(row.value), how])
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setData(0, GO_TO_ROLE, (row.kind, row.id))
        item.setToolTip(0, f"{row.name}: Enter or double-click to go to the row")
        return item

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        target = item.data(0, GO_TO_ROLE)
        if target is not None:
            self.go_to.emit(*target)

    def lines(self) -> list[tuple[int, str, str]]:
        """(depth, figure, value) of every item, for tests."""
        out: list[tuple[int, str, str]] = []

        def visit(item: QTreeWidgetItem, depth: int) -> None:
            out.append((depth, item.text(0), item.text(1)))
            for i in range(item.childCount()):
                visit(item.child(i), depth + 1)

        for i in range(self.tree.topLevelItemCount()):
            visit(self.tree.topLevelItem(i), 0)
        return out
