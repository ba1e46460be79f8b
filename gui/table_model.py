"""The data table: a ``QAbstractTableModel`` over numpy columns, with undo for every edit.

Values live in a float64 ``(n, d)`` array of features and an ``(n,)`` array of one-byte labels
(``core.model.LABEL_DTYPE``), so a million rows cost two arrays, not a million Python objects,
and each value is kept once. A cell holding text that is not a valid value keeps the text in
``invalid`` (and NaN, or ``MISSING_LABEL`` for a label, in the array); it shows red with the
reason, and the window refuses to train until it is fixed.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QUndoCommand, QUndoStack

from core.data import Dataset, parse_label
from core.model import MISSING_LABEL, compact_labels, default_feature_names

Index = QModelIndex | QPersistentModelIndex
Cell = float | str  # a valid number, or the text of an invalid cell


@dataclass
class TableData:
    """A copy of the whole table, for undo of large changes and for snapshots."""

    features: np.ndarray
    labels: np.ndarray
    feature_names: list[str]
    label_name: str
    invalid: dict[tuple[int, int], str]

    @classmethod
    def from_dataset(cls, ds: Dataset) -> TableData:
        return cls(
            ds.features.astype(np.float64, copy=False),
            compact_labels(ds.labels),
            list(ds.feature_names),
            ds.label_name,
            {},
        )


class _Command(QUndoCommand):
    """An undo step made of two callables; the first ``redo`` happens on push."""

    def __init__(self, text: str, do: Callable[[], None], undo: Callable[[], None]) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo

    def redo(self) -> None:
        self._do()

    def undo(self) -> None:
        self._undo()


def format_number(v: float) -> str:
    """Shortest text that reads back as the same float (``2`` for 2.0)."""
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return repr(v)


class DataTableModel(QAbstractTableModel):
    """Rows of features and a 0/1 label; the last column is the label."""

    dataEdited = Signal()

    def __init__(self, undo_stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self._x = np.zeros((0, 1))
        self._y = compact_labels(np.zeros(0))
        self._names: list[str] = ["hours"]
        self._label_name = "passed"
        self._invalid: dict[tuple[int, int], str] = {}
        self._red = QBrush(QColor(220, 60, 60, 110))

    # ---- shape -------------------------------------------------------------------------
    @property
    def n_features(self) -> int:
        return int(self._x.shape[1])

    @property
    def label_column(self) -> int:
        return self.n_features

    @property
    def feature_names(self) -> list[str]:
        return list(self._names)

    @property
    def label_name(self) -> str:
        return self._label_name

    @property
    def invalid_cells(self) -> dict[tuple[int, int], str]:
        return dict(self._invalid)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else int(self._x.shape[0])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.n_features + 1

    # ---- reading -----------------------------------------------------------------------
    def cell(self, row: int, col: int) -> Cell:
        """The value of a cell: a float, or the text of an invalid cell."""
        if (row, col) in self._invalid:
            return self._invalid[(row, col)]
        return float(self._y[row] if col == self.label_column else self._x[row, col])

    def column_name(self, col: int) -> str:
        return self._label_name if col == self.label_column else self._names[col]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        bad = (row, col) in self._invalid
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if bad:
                return self._invalid[(row, col)]
            if col == self.label_column:
                return str(int(self._y[row]))
            return format_number(float(self._x[row, col]))
        if role == Qt.ItemDataRole.CheckStateRole and col == self.label_column:
            if bad:
                return Qt.CheckState.PartiallyChecked.value
            checked = self._y[row] == 1.0
            return (Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked).value
        if role == Qt.ItemDataRole.BackgroundRole and bad:
            return self._red
        if role == Qt.ItemDataRole.ToolTipRole:
            if bad:
                return self.problem_text(row, col)
            if col == self.label_column:
                return self.tr("1 = passed, 0 = failed. Type 0/1, yes/no, true/false or pass/fail.")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
                if section == self.label_column:
                    return self.tr("The label: 1 if the student passed, 0 if not.")
                return self.tr("A feature (input variable). Double-click the header to rename.")
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if section == self.label_column:
            return self.display_label_name()
        return self.display_feature_name(section)

    def display_feature_name(self, col: int) -> str:
        name = self._names[col]
        return self.tr("Hours studied") if name == "hours" else name

    def display_label_name(self) -> str:
        return self.tr("Passed") if self._label_name == "passed" else self._label_name

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        if index.column() == self.label_column:
            f |= Qt.ItemFlag.ItemIsUserCheckable
        return f

    def problem_text(self, row: int, col: int) -> str:
        """Why a cell is invalid, as one sentence naming its row and column."""
        text = self._invalid.get((row, col), "")
        where = self.tr('Row {row}, "{col}"').format(
            row=row + 1, col=self.headerData(col, Qt.Orientation.Horizontal)
        )
        if not text.strip():
            return self.tr("{where}: the cell is empty.").format(where=where)
        if col == self.label_column:
            return self.tr(
                '{where}: "{text}" is not a label; use 0 or 1 (or yes/no, true/false, pass/fail).'
            ).format(where=where, text=text)
        return self.tr('{where}: "{text}" is not a finite number.').format(where=where, text=text)

    def first_problem(self) -> str | None:
        """The first reason the table cannot be trained on, or None."""
        if self.rowCount() == 0:
            return self.tr("The table has no rows; add some data.")
        if self._invalid:
            row, col = min(self._invalid)
            extra = len(self._invalid) - 1
            msg = self.problem_text(row, col)
            if extra:
                msg += " " + self.tr("(and {n} more invalid cells)").format(n=extra)
            return msg
        return None

    def warning(self) -> str | None:
        """Something legal but worth knowing, e.g. only one class present."""
        if self.rowCount() and not self._invalid:
            ones = int(np.count_nonzero(self._y))  # bytes 0/1 when nothing is invalid
            if ones == 0 or ones == self.rowCount():
                return self.tr(
                    "All labels are {v}: the model can only learn to say {v} to everything."
                ).format(v=1 if ones else 0)
        return None

    def labels_complete(self) -> bool:
        """Whether every label cell holds a label (none keeps invalid text)."""
        return not any(c == self.label_column for _, c in self._invalid)

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """Read-only views of the features (float64, NaN where invalid) and the labels (bytes,
        ``MISSING_LABEL`` where invalid); no copy."""
        x, y = self._x.view(), self._y.view()
        x.flags.writeable = False
        y.flags.writeable = False
        return x, y

    def snapshot(self) -> TableData:
        """The table as it is now, safe to hand to another thread, in O(1): read-only views of
        the arrays, which the table copies before its next change in place (copy on write)."""
        self._shared = True
        x, y = self._x.view(), self._y.view()
        x.flags.writeable = False
        y.flags.writeable = False
        return TableData(x, y, list(self._names), self._label_name, dict(self._invalid))

    _shared = False  # a snapshot (or an undo step) may still hold the arrays

    def _unshare(self) -> None:
        if self._shared:
            self._x, self._y = self._x.copy(), self._y.copy()
            self._shared = False

    # ---- editing (every change is an undo step) ------------------------------------------
    def parse(self, col: int, value: object) -> Cell:
        """Turn what a user typed into a float, or keep the text when it is not valid."""
        if isinstance(value, bool):
            value = float(value)
        if isinstance(value, int | float):
            v = float(value)
            if math.isfinite(v) and (col != self.label_column or v in (0.0, 1.0)):
                return v
            return str(value)
        text = str(value).strip()
        if col == self.label_column:
            try:
                return parse_label(text)
            except ValueError:
                return text
        try:
            v = (
                float(text.replace(",", "."))
                if text.count(",") == 1 and "." not in text
                else float(text)
            )
        except ValueError:
            return text
        return v if math.isfinite(v) else text

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == self.label_column:
            state = value.value if isinstance(value, Qt.CheckState) else int(str(value))
            new: Cell = 1.0 if state == Qt.CheckState.Checked.value else 0.0
        elif role == Qt.ItemDataRole.EditRole:
            new = self.parse(col, value)
        else:
            return False
        if self.cell(row, col) == new and not (
            isinstance(new, float) and (row, col) in self._invalid
        ):
            return True
        self.set_cells([(row, col, new)], self.tr("Edit cell"))
        return True

    def set_cells(self, changes: Sequence[tuple[int, int, Cell]], text: str) -> None:
        """Change many cells in one undo step."""
        old = [(r, c, self.cell(r, c)) for r, c, _ in changes]
        new = list(changes)
        self.undo_stack.push(
            _Command(text, lambda: self._write_cells(new), lambda: self._write_cells(old))
        )

    def _write_cells(self, changes: Iterable[tuple[int, int, Cell]]) -> None:
        self._unshare()  # the only change made in place
        rows: list[int] = []
        cols: list[int] = []
        for r, c, v in changes:
            target = self._y if c == self.label_column else self._x[:, c]
            if isinstance(v, str):
                self._invalid[(r, c)] = v
                target[r] = MISSING_LABEL if c == self.label_column else np.nan
            else:
                self._invalid.pop((r, c), None)
                target[r] = v
            rows.append(r)
            cols.append(c)
        if rows:
            self.dataChanged.emit(
                self.index(min(rows), min(cols)), self.index(max(rows), max(cols))
            )
        self.dataEdited.emit()

    def paste(self, top: int, left: int, text: str) -> tuple[int, int]:
        """Paste at (top, left), adding rows as needed; one undo step.

        The text is split into cells on tabs and line breaks only (what spreadsheets copy), and
        each cell is read by the same rules as typing, so "2,5" is 2.5 in one cell. Returns the
        number of rows pasted and the number of cells dropped past the last column.
        """
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        while lines and not lines[-1].strip():
            lines.pop()
        if not lines:
            return 0, 0
        grid = [ln.split("\t") for ln in lines]
        ncols = self.columnCount()
        need = top + len(grid) - self.rowCount()
        dropped = 0
        self.undo_stack.beginMacro(self.tr("Paste"))
        try:
            if need > 0:
                self.insert_rows(self.rowCount(), need)
            changes: list[tuple[int, int, Cell]] = []
            for i, cells in enumerate(grid):
                for j, raw in enumerate(cells):
                    c = left + j
                    if c < ncols:
                        changes.append((top + i, c, self.parse(c, raw)))
                    elif raw.strip():
                        dropped += 1
            self.set_cells(changes, self.tr("Paste"))
        finally:
            self.undo_stack.endMacro()
        return len(grid), dropped

    def copy_text(self, rows: Sequence[int], cols: Sequence[int]) -> str:
        """Tab-separated text of the given rows and columns, as spreadsheets paste it."""
        out = []
        for r in rows:
            cells = []
            for c in cols:
                v = self.cell(r, c)
                if isinstance(v, str):
                    cells.append(v)
                elif c == self.label_column:
                    cells.append(str(int(v)))
                else:
                    cells.append(format_number(v))
            out.append("\t".join(cells))
        return "\n".join(out) + "\n"

    def insert_rows(self, row: int, count: int = 1) -> None:
        """Insert ``count`` rows before ``row``: empty features (to fill in), label 0."""
        row = max(0, min(row, self.rowCount()))

        def do() -> None:
            self.beginInsertRows(QModelIndex(), row, row + count - 1)
            self._x = np.insert(self._x, [row] * count, np.nan, axis=0)
            self._y = np.insert(self._y, [row] * count, 0.0)
            self._invalid = _shift_rows(self._invalid, row, count)
            for r in range(row, row + count):
                for c in range(self.n_features):
                    self._invalid[(r, c)] = ""
            self.endInsertRows()
            self.dataEdited.emit()

        def undo() -> None:
            self._delete_rows(list(range(row, row + count)))

        self.undo_stack.push(_Command(self.tr("Insert rows"), do, undo))

    def remove_rows(self, rows: Iterable[int]) -> None:
        """Delete the given rows (any order, duplicates ignored) in one undo step."""
        chosen = sorted({r for r in rows if 0 <= r < self.rowCount()})
        if not chosen:
            return
        saved_x = self._x[chosen].copy()
        saved_y = self._y[chosen].copy()
        chosen_set = set(chosen)
        saved_invalid = {k: v for k, v in self._invalid.items() if k[0] in chosen_set}

        def undo() -> None:
            self.beginResetModel()
            n = self.rowCount() + len(chosen)
            keep = np.ones(n, dtype=bool)
            keep[chosen] = False
            x = np.empty((n, self.n_features))
            y = np.empty(n, dtype=self._y.dtype)
            x[keep], y[keep] = self._x, self._y
            x[chosen], y[chosen] = saved_x, saved_y
            kept_rows = np.flatnonzero(keep)
            invalid = {(int(kept_rows[r]), c): t for (r, c), t in self._invalid.items()}
            invalid.update(saved_invalid)
            self._x, self._y, self._invalid = x, y, invalid
            self.endResetModel()
            self.dataEdited.emit()

        self.undo_stack.push(
            _Command(self.tr("Delete rows"), lambda: self._delete_rows(chosen), undo)
        )

    def _delete_rows(self, chosen: list[int]) -> None:
        contiguous = chosen == list(range(chosen[0], chosen[-1] + 1))
        if contiguous:
            self.beginRemoveRows(QModelIndex(), chosen[0], chosen[-1])
        else:
            self.beginResetModel()
        self._x = np.delete(self._x, chosen, axis=0)
        self._y = np.delete(self._y, chosen)
        gone = set(chosen)
        starts = np.asarray(chosen)
        self._invalid = {
            (r - int(np.searchsorted(starts, r)), c): t
            for (r, c), t in self._invalid.items()
            if r not in gone
        }
        if contiguous:
            self.endRemoveRows()
        else:
            self.endResetModel()
        self.dataEdited.emit()

    def add_feature(self, name: str | None = None) -> None:
        """Add a feature column before the label, empty for every row (to be filled in)."""
        d = self.n_features
        name = name or self._unique_name(d + 1)

        def do() -> None:
            self.beginInsertColumns(QModelIndex(), d, d)
            self._x = np.concatenate([self._x, np.full((self.rowCount(), 1), np.nan)], axis=1)
            self._invalid = {(r, c + 1 if c >= d else c): t for (r, c), t in self._invalid.items()}
            for r in range(self.rowCount()):
                self._invalid[(r, d)] = ""
            self._names.append(name)
            self.endInsertColumns()
            self.dataEdited.emit()

        def undo() -> None:
            self._drop_feature(d)

        self.undo_stack.push(_Command(self.tr("Add column"), do, undo))

    def remove_feature(self, col: int) -> None:
        """Remove a feature column (the last feature cannot be removed)."""
        if self.n_features <= 1 or not 0 <= col < self.n_features:
            return
        saved = self._x[:, col].copy()
        name = self._names[col]
        saved_invalid = {k: v for k, v in self._invalid.items() if k[1] == col}

        def undo() -> None:
            self.beginInsertColumns(QModelIndex(), col, col)
            self._x = np.insert(self._x, col, saved, axis=1)
            self._invalid = {
                (r, c + 1 if c >= col else c): t for (r, c), t in self._invalid.items()
            }
            self._invalid.update(saved_invalid)
            self._names.insert(col, name)
            self.endInsertColumns()
            self.dataEdited.emit()

        self.undo_stack.push(
            _Command(self.tr("Remove column"), lambda: self._drop_feature(col), undo)
        )

    def _drop_feature(self, col: int) -> None:
        self.beginRemoveColumns(QModelIndex(), col, col)
        self._x = np.delete(self._x, col, axis=1)
        self._invalid = {
            (r, c - 1 if c > col else c): t for (r, c), t in self._invalid.items() if c != col
        }
        del self._names[col]
        self.endRemoveColumns()
        self.dataEdited.emit()

    def rename_column(self, col: int, name: str) -> None:
        """Rename a feature or the label column (one undo step)."""
        name = name.strip()
        old = self.column_name(col)
        if not name or name == old:
            return

        def setter(value: str) -> Callable[[], None]:
            def apply() -> None:
                if col == self.label_column:
                    self._label_name = value
                else:
                    self._names[col] = value
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, col, col)
                self.dataEdited.emit()

            return apply

        self.undo_stack.push(_Command(self.tr("Rename column"), setter(name), setter(old)))

    def replace_all(self, data: TableData, text: str) -> None:
        """Replace the whole table (import, new, restore example) as one undo step.

        ``data`` is the caller's to give away (fresh from an import): the table takes its arrays
        as they are, and the undo step swaps tables, holding only the one not shown. Each value
        is kept once, however many rows: no copy for the table, none for undo.
        """
        hidden = [data]

        def swap() -> None:
            shown = TableData(
                self._x, self._y, self._names, self._label_name, self._invalid
            )  # no copy: the arrays move to the undo step, as they are
            self._load(hidden[0], copy=False)
            hidden[0] = shown

        self.undo_stack.push(_Command(text, swap, swap))

    def load_without_undo(self, data: TableData) -> None:
        """Replace the table and forget the undo history (opening a project)."""
        self._load(data)
        self.undo_stack.clear()

    def _load(self, data: TableData, *, copy: bool = True) -> None:
        """Show ``data``; its arrays are taken as they are when ``copy`` is false (and they are
        writable float64 features and byte labels, which the table edits in place)."""
        self.beginResetModel()
        x = np.asarray(data.features, dtype=np.float64)
        y = compact_labels(data.labels)
        x = x.reshape(-1, 1) if x.ndim == 1 else x
        owned = not copy and x.flags.writeable and y.flags.writeable
        self._x = x if owned and x.flags.c_contiguous else x.copy()
        self._y = y if owned and y.flags.c_contiguous else y.copy()
        self._shared = owned  # arrays taken from an undo step may be in a snapshot too
        self._names = list(data.feature_names) or list(default_feature_names(x.shape[1]))
        self._label_name = data.label_name
        self._invalid = dict(data.invalid)
        self.endResetModel()
        self.dataEdited.emit()

    def _unique_name(self, k: int) -> str:
        name = f"x{k}"
        while name in self._names or name == self._label_name:
            k += 1
            name = f"x{k}"
        return name


def _shift_rows(
    invalid: dict[tuple[int, int], str], row: int, count: int
) -> dict[tuple[int, int], str]:
    return {(r + count if r >= row else r, c): t for (r, c), t in invalid.items()}
