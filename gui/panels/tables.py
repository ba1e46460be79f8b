"""Small result tables: read-only, copyable as TSV (spreadsheets) and as Markdown."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

DASH = "—"


def fmt(v: float | None, digits: int = 4) -> str:
    """A number for a results table: ``—`` when undefined, ±∞ spelled out, small p as <1e-16."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return DASH
    if math.isinf(v):
        return "+∞" if v > 0 else "−∞"
    if v != 0 and (abs(v) >= 1e6 or abs(v) < 10**-(digits)):
        return f"{v:.{digits - 1}e}"
    return f"{v:.{digits}f}"


def fmt_p(p: float | None) -> str:
    if p is None or math.isnan(p):
        return DASH
    return "< 1e-16" if p < 1e-16 else (f"{p:.4f}" if p >= 1e-4 else f"{p:.2e}")


class ResultTable(QTableWidget):
    """A read-only table whose cells a user can select and copy (Ctrl+C copies TSV)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(self.copy_tsv)

    def fill(
        self,
        headers: list[str],
        rows: list[list[str]],
        tips: dict[tuple[int, int], str] | None = None,
    ) -> None:
        self.clear()
        self.setColumnCount(len(headers))
        self.setRowCount(len(rows))
        self.setHorizontalHeaderLabels(headers)
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                item = QTableWidgetItem(text)
                if j > 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if tips and (i, j) in tips:
                    item.setToolTip(tips[(i, j)])
                self.setItem(i, j, item)

    def headers(self) -> list[str]:
        return [_text(self.horizontalHeaderItem(j)) for j in range(self.columnCount())]

    def cells(self) -> list[list[str]]:
        return [
            [_text(self.item(i, j)) for j in range(self.columnCount())]
            for i in range(self.rowCount())
        ]

    def value(self, row_label: str, column: int = 1) -> str:
        """The text in ``column`` of the row whose first cell is ``row_label``."""
        for row in self.cells():
            if row and row[0] == row_label:
                return row[column]
        raise KeyError(row_label)

    def tsv(self) -> str:
        return "\n".join("\t".join(r) for r in [self.headers(), *self.cells()]) + "\n"

    def markdown(self) -> str:
        h = self.headers()
        lines = ["| " + " | ".join(h) + " |", "|" + "|".join(" --- " for _ in h) + "|"]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in self.cells()]
        return "\n".join(lines) + "\n"

    def html(self) -> str:
        from html import escape

        head = "".join(f"<th>{escape(c)}</th>" for c in self.headers())
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in self.cells()
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def copy_tsv(self) -> None:
        QGuiApplication.clipboard().setText(self.tsv())

    def copy_markdown(self) -> None:
        QGuiApplication.clipboard().setText(self.markdown())


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""
