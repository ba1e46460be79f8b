"""The evaluation panel: how good the trained model is at the current threshold.

Confusion matrix and the usual rates (an undefined rate is "—" with its reason, never 0), the
ROC curve with its AUC and DeLong interval and a marker at the threshold, Youden's threshold
one click away, and a calibration plot. Computed off the GUI thread, the latest request wins.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.data import complete_rows
from core.metrics import LEAN_ROWS, Evaluation, class_scores, evaluate, evaluate_sorted
from core.model import LogisticModel
from gui.panels.tables import DASH, ResultTable, fmt
from gui.plots import light_grid, theme
from gui.style import colour
from gui.worker import FunctionWorker, Task, TaskState

SYNC_ROWS = 20_000
"""A flush (the end of a run) evaluates in the GUI thread up to this many rows, so the panel is
current when the run is reported; above it, at once in the background (no stall)."""


def _evaluate(  # noqa: PLR0917 (a task function: positional by FunctionWorker)
    state: TaskState, generation: int, model: LogisticModel, x: np.ndarray, y: np.ndarray, t: float
) -> tuple[int, Evaluation | None]:
    x, y = complete_rows(x, y)  # the table's own arrays when nothing is missing: no copy
    if len(y) == 0 or not model.finite:
        return generation, None

    def probabilities(a: int, b: int) -> np.ndarray:
        with np.errstate(all="ignore"):
            p: np.ndarray = np.clip(model.probability_fast(x[a:b]), 0.0, 1.0)
        return p

    if len(y) > LEAN_ROWS:
        # Each class's probabilities, sorted, in one n-sized buffer filled a block at a time.
        return generation, evaluate_sorted(*class_scores(probabilities, y), t)
    return generation, evaluate(probabilities(0, len(y)), y, t)


class EvaluationPanel(QWidget):
    """``confusionMatrix``, ``metricsTable``, ``rocPlot``, ``calibrationPlot``, ``youdenButton``."""

    thresholdRequested = Signal(float)
    evaluated = Signal()  # a new evaluation is shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationPanel")
        self._model: LogisticModel | None = None
        self._x = np.zeros((0, 1))
        self._y = np.zeros(0)
        self._threshold = 0.5
        self._held_out = False
        self._share = 0.0
        self._generation = 0
        self._task: Task | None = None
        self._again = False
        self._training = False
        self.result: Evaluation | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self._start)

        self.note = QLabel()
        self.note.setObjectName("evaluationNote")
        self.note.setWordWrap(True)
        self.confusion = ResultTable("confusionMatrix")
        self.confusion.setAccessibleName(self.tr("Confusion matrix"))
        self.metrics = ResultTable("metricsTable")
        self.metrics.setAccessibleName(self.tr("Metrics"))
        self.roc = pg.PlotWidget()
        self.roc.setObjectName("rocPlot")
        self.roc.setAccessibleName(self.tr("ROC curve"))
        _, fg = theme(self.roc)
        item = self.roc.getPlotItem()
        item.setLabel("bottom", self.tr("False-positive rate (1 − specificity)"))
        item.setLabel("left", self.tr("True-positive rate (recall)"))
        item.setXRange(0, 1, padding=0.02)
        item.setYRange(0, 1, padding=0.02)
        light_grid(item)
        item.addLegend(offset=(-8, -8), labelTextColor=fg)
        item.plot([0, 1], [0, 1], pen=pg.mkPen(fg, style=Qt.PenStyle.DotLine))
        self._roc_curve = item.plot(pen=pg.mkPen(colour(0), width=2), name=self.tr("ROC"))
        self._roc_marker = pg.ScatterPlotItem(
            size=12, symbol="o", pen=pg.mkPen(colour(3), width=2), brush=None,
            name=self.tr("threshold"),
        )  # fmt: skip
        item.addItem(self._roc_marker)
        self._youden_marker = pg.ScatterPlotItem(
            size=12, symbol="d", pen=pg.mkPen(colour(2), width=2), brush=None,
            name=self.tr("Youden"),
        )  # fmt: skip
        item.addItem(self._youden_marker)
        self.calibration = pg.PlotWidget()
        self.calibration.setObjectName("calibrationPlot")
        self.calibration.setAccessibleName(self.tr("Calibration plot"))
        theme(self.calibration)
        citem = self.calibration.getPlotItem()
        citem.setLabel("bottom", self.tr("Mean predicted probability"))
        citem.setLabel("left", self.tr("Observed share of 1"))
        citem.setXRange(0, 1, padding=0.02)
        citem.setYRange(0, 1, padding=0.02)
        citem.plot([0, 1], [0, 1], pen=pg.mkPen(fg, style=Qt.PenStyle.DotLine))
        self._cal_curve = citem.plot(
            pen=pg.mkPen(colour(1), width=2), symbol="s", symbolBrush=colour(1), symbolSize=7
        )
        self.auc = QLabel()
        self.auc.setObjectName("aucLabel")
        self.youden = QPushButton(self.tr("Use Youden's threshold"))
        self.youden.setObjectName("youdenButton")
        self.youden.setToolTip(
            self.tr("Set the threshold where sensitivity + specificity − 1 is largest.")
        )
        self.youden.clicked.connect(self._on_youden_clicked)
        self.youden.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        tables = QHBoxLayout()
        tables.addWidget(self.confusion, 2)
        tables.addWidget(self.metrics, 3)
        layout.addLayout(tables, 2)
        row = QHBoxLayout()
        row.addWidget(self.auc, 1)
        row.addWidget(self.youden)
        layout.addLayout(row)
        plots = QHBoxLayout()
        plots.addWidget(self.roc, 1)
        plots.addWidget(self.calibration, 1)
        layout.addLayout(plots, 3)
        self._show(None)

    # ---- inputs -------------------------------------------------------------------------------
    def set_data(self, x: np.ndarray, y: np.ndarray, held_out: bool, share: float = 0.0) -> None:
        """The rows to evaluate on: the held-out part (``held_out``) or the training data."""
        self._x, self._y, self._held_out, self._share = x, y, held_out, share
        self.schedule()

    def set_model(self, model: LogisticModel | None) -> None:
        self._model = model
        if not self._training:
            self.schedule()

    def set_training(self, running: bool) -> None:
        """While a run streams models, evaluate once at its end, not on every batch."""
        self._training = running

    def set_threshold(self, t: float) -> None:
        self._threshold = t
        self.schedule()

    def schedule(self) -> None:
        self._generation += 1
        self._timer.start()

    def flush(self) -> None:
        """Show the current evaluation: computed here for small data, started at once otherwise."""
        self._timer.stop()
        if self._model is None:
            self._show(None)
            return
        if len(self._y) > SYNC_ROWS:
            self._generation += 1
            self._start()
            return
        self._generation += 1
        _, ev = _evaluate(
            TaskState(lambda f: None), 0, self._model, self._x, self._y, self._threshold
        )
        self._show(ev)

    # ---- computing -------------------------------------------------------------------------------
    @Slot()
    def _start(self) -> None:
        if self._closed:
            return
        if self._model is None:
            self._show(None)
            return
        if self._task is not None:
            self._again = True
            return
        worker = FunctionWorker(
            _evaluate, self._generation, self._model, self._x, self._y, self._threshold
        )
        worker.returned.connect(self._on_worker_returned)
        self._task = Task(worker, "evaluation", self)
        self._task.done.connect(self._on_task_done)

    @Slot(object)
    def _on_worker_returned(self, result: tuple[int, Evaluation | None]) -> None:
        generation, ev = result
        if generation == self._generation:
            self._show(ev)

    @Slot(str)
    def _on_task_done(self, outcome: str) -> None:
        if self._task is not None:
            self._task.deleteLater()
        self._task = None
        if self._again:
            self._again = False
            self._start()

    _closed = False

    def stop_and_wait(self) -> None:
        self._closed = True
        self._timer.stop()
        if self._task is not None:
            self._task.cancel_and_wait()

    # ---- showing ------------------------------------------------------------------------------------
    def _where(self) -> str:
        if self._held_out:
            return self.tr(
                "Metrics on the {pct}% of rows held out from training ({n} rows)."
            ).format(pct=f"{self._share:g}", n=f"{len(self._y):,}")
        return self.tr(
            "Metrics on the training data ({n} rows): no rows are held out, so they flatter the model. "
            "Choose a hold-out share in the Training panel for an honest estimate."
        ).format(n=f"{len(self._y):,}")

    def _show(self, ev: Evaluation | None) -> None:
        self.result = ev
        if ev is None:
            self.note.setText(self.tr("Train the model to evaluate it."))
            self.confusion.fill([], [])
            self.metrics.fill([], [])
            self._roc_curve.setData([], [])
            self._roc_marker.setData([], [])
            self._youden_marker.setData([], [])
            self._cal_curve.setData([], [])
            self.auc.setText("")
            self.youden.setEnabled(False)
            self.evaluated.emit()
            return
        self.note.setText(self._where() + " " + self.tr("Threshold {t:g}.").format(t=ev.threshold))
        c = ev.confusion
        self.confusion.fill(
            ["", self.tr("Predicted 0"), self.tr("Predicted 1")],
            [
                [self.tr("Actual 0"), f"{c.tn:,}", f"{c.fp:,}"],
                [self.tr("Actual 1"), f"{c.fn:,}", f"{c.tp:,}"],
            ],
        )
        rows, tips = [], {}
        for key, label in self._metric_names():
            v: Any = getattr(ev, key)
            rows.append([label, DASH if v is None else fmt(v)])
            if v is None:
                tips[(len(rows) - 1, 1)] = ev.reasons.get(key, "")
                rows[-1][1] = DASH + " (" + ev.reasons.get(key, "") + ")"
        self.metrics.fill([self.tr("Metric"), self.tr("Value")], rows, tips)
        self._show_roc(ev)
        cal = ev.calibration
        self._cal_curve.setData([b.mean_predicted for b in cal], [b.observed for b in cal])
        self.evaluated.emit()

    def _metric_names(self) -> list[tuple[str, str]]:
        return [
            ("accuracy", self.tr("Accuracy")),
            ("precision", self.tr("Precision")),
            ("recall", self.tr("Recall (sensitivity)")),
            ("specificity", self.tr("Specificity")),
            ("f1", self.tr("F1")),
            ("balanced_accuracy", self.tr("Balanced accuracy")),
            ("log_loss", self.tr("Log-loss")),
            ("brier", self.tr("Brier score")),
        ]

    def _show_roc(self, ev: Evaluation) -> None:
        roc = ev.roc
        fpr = [pt.fpr for pt in roc.points]
        tpr = [pt.tpr for pt in roc.points]
        self._roc_curve.setData([0.0, *fpr], [0.0, *tpr])
        c = ev.confusion
        pos, neg = c.tp + c.fn, c.tn + c.fp
        if pos and neg:
            self._roc_marker.setData([c.fp / neg], [c.tp / pos])
        else:
            self._roc_marker.setData([], [])
        if roc.auc is None:
            self.auc.setText(self.tr("AUC: — ({why})").format(why=roc.reason))
        else:
            ci = (
                self.tr(", {pct}% CI {lo} – {hi} (DeLong)").format(
                    pct=f"{roc.level * 100:g}",
                    lo=fmt(roc.auc_ci_low, 3),
                    hi=fmt(roc.auc_ci_high, 3),
                )
                if roc.auc_ci_low is not None
                else ""
            )
            self.auc.setText(self.tr("AUC {auc}{ci}").format(auc=fmt(roc.auc, 3), ci=ci))
        yt = roc.youden_threshold
        ok = yt is not None and 0.0 < yt < 1.0
        self.youden.setEnabled(ok)
        if ok:
            best = max(roc.points, key=lambda pt: pt.tpr - pt.fpr)
            self._youden_marker.setData([best.fpr], [best.tpr])
            self.youden.setText(self.tr("Use Youden's threshold ({t})").format(t=f"{yt:.4g}"))
        else:
            self._youden_marker.setData([], [])

    def text_alternative(self) -> str:
        """What the ROC plot shows, in words (for screen readers and the report)."""
        return self.auc.text()

    @Slot()
    def _on_youden_clicked(self) -> None:
        ev = self.result
        if ev is not None and ev.roc.youden_threshold is not None:
            self.thresholdRequested.emit(float(ev.roc.youden_threshold))
