"""The data panel: the table, its row and column buttons, and what is wrong with the data."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import style
from gui.table_model import DataTableModel


class DataTableView(QTableView):
    """The table: spreadsheet keys for copy, paste, insert and delete."""

    pasteSpilled = Signal(int)  # cells dropped past the last column

    def __init__(self, model: DataTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataTable")
        self.setModel(model)
        self._model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )

    def selected_rows(self) -> list[int]:
        rows = {i.row() for i in self.selectionModel().selectedIndexes()}
        if not rows and self.currentIndex().isValid():
            rows = {self.currentIndex().row()}
        return sorted(rows)

    def copy_selection(self) -> None:
        idx = self.selectionModel().selectedIndexes()
        if not idx:
            return
        rows = sorted({i.row() for i in idx})
        cols = sorted({i.column() for i in idx})
        QGuiApplication.clipboard().setText(self._model.copy_text(rows, cols))

    def paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        cur = self.currentIndex()
        top = cur.row() if cur.isValid() else self._model.rowCount()
        left = cur.column() if cur.isValid() else 0
        n, dropped = self._model.paste(top, left, text)
        if n:
            self.setCurrentIndex(self._model.index(top, left))
        if dropped:
            self.pasteSpilled.emit(dropped)

    def insert_row(self) -> None:
        cur = self.currentIndex()
        row = cur.row() if cur.isValid() else self._model.rowCount()
        self._model.insert_rows(row, 1)
        self.setCurrentIndex(self._model.index(row, 0))

    def delete_rows(self) -> None:
        rows = self.selected_rows()
        if rows:
            self._model.remove_rows(rows)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif event.key() == Qt.Key.Key_Insert and not event.modifiers():
            self.insert_row()
        elif event.key() == Qt.Key.Key_Delete and not event.modifiers():
            self.delete_rows()
        else:
            super().keyPressEvent(event)


class DataPanel(QWidget):
    """The table and its buttons; edits go to the table model (undoable)."""

    statusMessage = Signal(str, int)

    def __init__(self, model: DataTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataPanel")
        self.model = model
        self.table = DataTableView(model)
        self.table.setAccessibleName(self.tr("Data table"))
        self.table.horizontalHeader().sectionDoubleClicked.connect(self._on_header_double_clicked)
        self.table.pasteSpilled.connect(self._on_paste_spilled)
        self.add_row_button = self._button(
            "addRowButton",
            self.tr("&Add row"),
            self.tr("Add an empty row at the end (Insert key inserts above)."),
        )
        self.add_row_button.clicked.connect(self._on_add_row_clicked)
        self.remove_row_button = self._button(
            "removeRowButton",
            self.tr("Delete rows"),
            self.tr("Delete the selected rows (Delete key)."),
        )
        self.remove_row_button.clicked.connect(self.table.delete_rows)
        self.add_column_button = self._button(
            "addColumnButton",
            self.tr("Add feat&ure"),
            self.tr("Add another input variable (feature column)."),
        )
        self.add_column_button.clicked.connect(self.add_column)
        self.remove_column_button = self._button(
            "removeColumnButton",
            self.tr("Re&move feature"),
            self.tr("Remove the selected feature column."),
        )
        self.remove_column_button.clicked.connect(self.remove_column)
        self.message = QLabel()
        self.message.setObjectName("dataMessage")
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        for pair in (
            (self.add_row_button, self.remove_row_button),
            (self.add_column_button, self.remove_column_button),
        ):
            row = QHBoxLayout()
            for b in pair:
                row.addWidget(b)
            layout.addLayout(row)
        layout.addWidget(self.message)

    def _button(self, name: str, text: str, tip: str) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.setToolTip(tip)
        return b

    def show_summary(self) -> str | None:
        """Show the table's first problem, or its size; return the problem."""
        problem = self.model.first_problem()
        self.message.setText(
            problem
            or self.tr("{n} rows, {d} feature(s).").format(
                n=f"{self.model.rowCount():,}", d=self.model.n_features
            )
        )
        style.set_state(self.message, "error" if problem else None)
        return problem

    @Slot()
    def _on_add_row_clicked(self) -> None:
        self.model.insert_rows(self.model.rowCount(), 1)
        row = self.model.rowCount() - 1
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.scrollToBottom()
        self.table.setFocus()

    @Slot()
    def add_column(self) -> None:
        self.model.add_feature()

    @Slot()
    def remove_column(self) -> None:
        cur = self.table.currentIndex()
        col = cur.column() if cur.isValid() else self.model.n_features - 1
        col = min(col, self.model.n_features - 1)
        if self.model.n_features <= 1:
            self.statusMessage.emit(self.tr("The table needs at least one feature column."), 5000)
            return
        self.model.remove_feature(col)

    @Slot(int)
    def _on_paste_spilled(self, dropped: int) -> None:
        self.statusMessage.emit(
            self.tr(
                "Pasted; {n} cell(s) past the last column were left out (add a feature column first)."
            ).format(n=dropped),
            8000,
        )

    @Slot(int)
    def _on_header_double_clicked(self, section: int) -> None:
        self.rename_column(section)

    @Slot()
    def rename_current_column(self) -> None:
        cur = self.table.currentIndex()
        self.rename_column(cur.column() if cur.isValid() else 0)

    def rename_column(self, col: int) -> None:
        old = self.model.column_name(col)
        name, ok = QInputDialog.getText(
            self, self.tr("Rename column"), self.tr("New name:"), text=old
        )
        name = name.strip()
        if not ok or not name:
            return
        if name in [*self.model.feature_names, self.model.label_name] and name != old:
            self.statusMessage.emit(
                self.tr('A column is already called "{n}".').format(n=name), 5000
            )
            return
        self.model.rename_column(col, name)
