"""Runs side by side: every finished run kept, the selected ones overlaid on the plots.

Each run gets a colour and a line style of its own (colour alone fails for some readers and in
print), shown in its row; selecting rows asks the window to overlay those runs' losses and
paths. Names are edited in place; Delete removes the selected runs.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.model import label_known
from core.runs import Run
from core.session import RunHistory
from core.training import TrainingConfig
from gui.style import colour

STYLES = (
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DashDotDotLine,
    Qt.PenStyle.SolidLine,
)
MAX_PATH = 2000  # a run keeps at most this many points of its parameter path


def run_name(config: TrainingConfig) -> str:
    """A short label: optimizer, learning rate, and what differs from the defaults."""
    parts = [
        config.optimizer.upper() if config.optimizer == "sgd" else "Adam",
        f"lr {config.learning_rate:g}",
    ]
    if config.weight_decay:
        parts.append(f"wd {config.weight_decay:g}")
    if config.batch_size:
        parts.append(f"batch {config.batch_size}")
    return ", ".join(parts)


BLOCK_ROWS = 65_536


def _accuracy(
    features: np.ndarray, labels: np.ndarray, final: np.ndarray, d: int, threshold: float
) -> float:
    """Share of complete rows the final parameters classify right, over blocks of rows (the
    window's thread: no copy of the table, temporaries of one block)."""
    right = total = 0
    x_all = np.asarray(features).reshape(len(labels), -1)
    for a in range(0, len(labels), BLOCK_ROWS):
        x = np.asarray(x_all[a : a + BLOCK_ROWS], np.float64)
        y = np.asarray(labels[a : a + BLOCK_ROWS], np.float64)
        ok = label_known(labels[a : a + BLOCK_ROWS]) & ~np.isnan(x).any(axis=1)
        with np.errstate(over="ignore"):
            p = 1.0 / (1.0 + np.exp(-(x[ok] @ final[:d] + final[d])))
        right += int(np.count_nonzero((p > threshold) == (y[ok] == 1.0)))
        total += int(np.count_nonzero(ok))
    return right / total if total else math.nan


def make_run(
    name: str,
    config: TrainingConfig,
    *,
    seed: int,
    history: RunHistory,
    features: np.ndarray,
    labels: np.ndarray,
    threshold: float,
) -> Run | None:
    """A :class:`core.runs.Run` from a finished run's history; None when nothing finite is left."""
    n = len(history)
    if n == 0:
        return None
    params = np.vstack([history.initial.reshape(1, -1), history.params]).astype(np.float32)
    epochs = np.arange(n + 1, dtype=np.int64)
    keep = np.asarray(np.isfinite(params).all(axis=1), dtype=bool)
    if not keep[-1]:
        return None
    params, epochs = params[keep], epochs[keep]
    if len(epochs) > MAX_PATH:
        idx = np.unique(np.linspace(0, len(epochs) - 1, MAX_PATH).round().astype(np.int64))
        params, epochs = params[idx], epochs[idx]
    final = params[-1].astype(np.float64)
    d = history.n_features
    accuracy = _accuracy(features, labels, final, d, threshold)
    loss = float(history.losses[-1])
    if not math.isfinite(loss) or not math.isfinite(accuracy):
        return None
    try:
        return Run(
            name=name,
            config=config,
            seed=seed,
            final_loss=loss,
            accuracy=accuracy,
            weights=tuple(float(v) for v in final[:d]),
            bias=float(final[d]),
            losses=np.asarray(history.losses, np.float32).copy(),
            path=params,
            path_epochs=epochs,
            threshold=threshold,
        )
    except ValueError:  # more epochs than the settings say (steps taken on top of the run)
        return None


def swatch(col: QColor, style: Qt.PenStyle) -> QIcon:
    """A small picture of a run's line: its colour and its style."""
    pix = QPixmap(36, 12)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    pen = QPen(col, 3, style)
    painter.setPen(pen)
    painter.drawLine(2, 6, 34, 6)
    painter.end()
    return QIcon(pix)


class RunsPanel(QWidget):
    """``runsTable`` with ``deleteRunButton``; asks for overlays, keeps the runs."""

    overlaysRequested = Signal(list)  # [(Run, QColor, Qt.PenStyle)] of the selected runs
    runsEdited = Signal()  # a run was added, renamed or deleted (the project changed)

    COLUMNS = (
        "name",
        "optimizer",
        "lr",
        "decay",
        "batch",
        "epochs",
        "seed",
        "loss",
        "accuracy",
        "weights",
        "bias",
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runsPanel")
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("runsTable")
        self.table.setAccessibleName(self.tr("Finished runs"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Run"),
                self.tr("Optimizer"),
                self.tr("Learning rate"),
                self.tr("Weight decay"),
                self.tr("Batch"),
                self.tr("Epochs"),
                self.tr("Seed"),
                self.tr("Final loss"),
                self.tr("Accuracy"),
                self.tr("Weights"),
                self.tr("Bias"),
            ]
        )
        self.table.setToolTip(
            self.tr(
                "Select runs to overlay their loss curves and paths; double-click a name to rename it."
            )
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.table.itemChanged.connect(self._on_item_changed)
        self.delete_button = QPushButton(self.tr("&Delete run"))
        self.delete_button.setObjectName("deleteRunButton")
        self.delete_button.setToolTip(self.tr("Forget the selected runs."))
        self.delete_button.clicked.connect(self.delete_selected)
        self.rename_button = QPushButton(self.tr("Re&name"))
        self.rename_button.setObjectName("renameRunButton")
        self.rename_button.setToolTip(self.tr("Edit the selected run's name."))
        self.rename_button.clicked.connect(self._on_rename_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.rename_button)
        row.addWidget(self.delete_button)
        layout.addLayout(row)
        self._runs: list[Run] = []
        self._looks: list[tuple[QColor, Qt.PenStyle]] = []
        self._next_look = 0
        self._filling = False
        self._update_buttons()

    # ---- the runs -------------------------------------------------------------------------------
    def runs(self) -> list[Run]:
        """The kept runs, with their names as edited."""
        return list(self._runs)

    def set_runs(self, runs: list[Run]) -> None:
        """Replace the kept runs (an opened project)."""
        self._runs, self._looks, self._next_look = [], [], 0
        self.table.setRowCount(0)
        for run in runs:
            self._append(run)
        self._on_selection_changed()

    def add_run(self, run: Run) -> None:
        self._append(run)
        self.runsEdited.emit()

    def _append(self, run: Run) -> None:
        look = (colour(1 + self._next_look), STYLES[self._next_look % len(STYLES)])
        self._next_look += 1
        self._runs.append(run)
        self._looks.append(look)
        c = run.config
        cells = [
            run.name,
            "SGD" if c.optimizer == "sgd" else "Adam",
            f"{c.learning_rate:g}",
            f"{c.weight_decay:g}",
            self.tr("full") if c.batch_size is None else str(c.batch_size),
            f"{run.epochs_done:,}",
            str(run.seed),
            f"{run.final_loss:.4f}",
            f"{run.accuracy:.0%}",
            ", ".join(f"{w:.4f}" for w in run.weights),
            f"{run.bias:.4f}",
        ]
        self._filling = True
        r = self.table.rowCount()
        self.table.insertRow(r)
        for j, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if j == 0:
                item.setIcon(swatch(*look))
            else:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, j, item)
        self._filling = False
        self._update_buttons()

    def select(self, rows: list[int]) -> None:
        """Select these rows (what a user does with Ctrl+click)."""
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for r in rows:
            self.table.selectRow(r)
        self.table.setSelectionMode(mode)

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    @Slot()
    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        for r in reversed(rows):
            self.table.removeRow(r)
            del self._runs[r]
            del self._looks[r]
        self._on_selection_changed()
        self.runsEdited.emit()

    @Slot()
    def _on_rename_clicked(self) -> None:
        rows = self.selected_rows()
        if rows:
            item = self.table.item(rows[0], 0)
            if item is None:
                return
            self.table.setCurrentItem(item)
            self.table.editItem(item)

    @Slot(QTableWidgetItem)
    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 0:
            return
        r = item.row()
        name = item.text().strip()
        old = self._runs[r]
        if not name or "\n" in name:
            self._filling = True
            item.setText(old.name)
            self._filling = False
            return
        if name != old.name:
            self._runs[r] = Run(
                name=name,
                config=old.config,
                seed=old.seed,
                final_loss=old.final_loss,
                accuracy=old.accuracy,
                weights=old.weights,
                bias=old.bias,
                losses=old.losses,
                path=old.path,
                path_epochs=old.path_epochs,
                threshold=old.threshold,
            )
            self._on_selection_changed()
            self.runsEdited.emit()

    @Slot()
    def _on_selection_changed(self) -> None:
        self._update_buttons()
        self.overlaysRequested.emit(
            [(self._runs[r], *self._looks[r]) for r in self.selected_rows()]
        )

    def _update_buttons(self) -> None:
        has = bool(self.selected_rows())
        self.delete_button.setEnabled(has)
        self.rename_button.setEnabled(has)
