"""The "One step" panel: take one epoch (or one minibatch) and see what the post's loop computed,
and replay any epoch of the run with the epoch slider.

Step mode has a panel of its own rather than a button in the training panel's row: what a step
shows (a table of rows and the update of every parameter) needs room, and the training panel
stays the settings form it is. The panel asks (``stepRequested``, ``epochViewed``,
``backToEndRequested``); the teaching controller does the work.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.stepper import EpochExplanation, StepExplanation
from gui.format import count
from gui.panels.tables import ResultTable, fmt

MAX_ROWS_SHOWN = 1000  # the rows table shows the first this many rows of a step


class StepPanel(QWidget):
    """``stepButton``, the step's tables, and the replay slider ``epochSlider``."""

    stepRequested = Signal(bool)  # True: one minibatch, False: one epoch
    epochViewed = Signal(int)  # the user moved the slider to this epoch (0 = the start)
    backToEndRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepPanel")
        self.step_button = QPushButton(self.tr("S&tep"))
        self.step_button.setObjectName("stepButton")
        self.step_button.setToolTip(
            self.tr(
                "Run exactly one epoch (or one minibatch) from the current model and show what "
                "the loop computed in it (F10)."
            )
        )
        self.step_button.setShortcut("F10")
        self.step_button.clicked.connect(self._on_step_clicked)
        self.minibatch_check = QCheckBox(self.tr("One &minibatch"))
        self.minibatch_check.setObjectName("minibatchStepInput")
        self.minibatch_check.setToolTip(
            self.tr("Step one minibatch instead of a whole epoch (with a batch size set).")
        )
        self.summary = QLabel(self.tr("Press Step to run one epoch and see what it computed."))
        self.summary.setObjectName("stepSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.update_table = ResultTable("stepUpdateTable")
        self.update_table.setAccessibleName(self.tr("The update of each parameter"))
        self.rows_table = ResultTable("stepRowsTable")
        self.rows_table.setAccessibleName(self.tr("Each row's share of the loss and gradient"))

        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("epochSlider")
        self.slider.setAccessibleName(self.tr("Replay epoch"))
        self.slider.setToolTip(
            self.tr(
                "Replay any epoch: the curve, the landscape point, the loss and the prediction."
            )
        )
        self.slider.setRange(0, 0)
        self.slider.valueChanged.connect(self._on_slider_changed)
        self.epoch_label = QLabel(self.tr("Replay: nothing trained yet"))
        self.epoch_label.setObjectName("epochLabel")
        self.epoch_label.setBuddy(self.slider)
        self.end_button = QPushButton(self.tr("Back to the &end"))
        self.end_button.setObjectName("backToEndButton")
        self.end_button.setToolTip(self.tr("Show the trained model again."))
        self.end_button.clicked.connect(self._on_end_clicked)
        self.end_button.setEnabled(False)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.step_button)
        top.addWidget(self.minibatch_check)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.update_table)
        split.addWidget(self.rows_table)
        layout.addWidget(split, 1)
        replay = QHBoxLayout()
        replay.addWidget(self.epoch_label)
        replay.addWidget(self.slider, 1)
        replay.addWidget(self.end_button)
        layout.addLayout(replay)
        self._n = 0
        self._following = True

    # ---- step ---------------------------------------------------------------------------------
    @Slot()
    def _on_step_clicked(self) -> None:
        self.stepRequested.emit(self.minibatch_check.isChecked())

    def set_running(self, running: bool) -> None:
        self.step_button.setEnabled(not running)
        self.slider.setEnabled(not running)
        if running:
            self._following = True
            self.end_button.setEnabled(False)

    def show_message(self, text: str) -> None:
        self.summary.setText(text)

    def show_step(
        self,
        result: StepExplanation | EpochExplanation,
        names: Sequence[str],
        note: str = "",
    ) -> None:
        """Show what one step (or one epoch's steps) computed."""
        steps = result.steps if isinstance(result, EpochExplanation) else (result,)
        last = steps[-1]
        n_rows = sum(s.n_rows for s in steps)
        if isinstance(result, EpochExplanation):
            head = self.tr(
                "Epoch {e}: loss {loss} (mean BCE over {n} rows, before the update)"
            ).format(e=count(result.epoch), loss=f"{result.loss:.6f}", n=count(n_rows))
            if len(steps) > 1:
                head += self.tr("; {k} minibatch steps, the update shown is the last one's").format(
                    k=len(steps)
                )
        else:
            head = self.tr("One minibatch of {n} rows: loss {loss} before the update").format(
                n=count(last.n_rows), loss=f"{last.loss:.6f}"
            )
        self.summary.setText(head + ". " + note if note else head + ".")
        self._fill_update(last, names)
        self._fill_rows(steps, names)

    def _fill_update(self, s: StepExplanation, names: Sequence[str]) -> None:
        d = len(s.weights_before)
        params = ["w"] if d == 1 else [f"w[{n}]" for n in names[:d]]
        params.append("b")
        headers = [self.tr("Quantity"), *params]

        def row(label: str, values: Sequence[float] | np.ndarray) -> list[str]:
            return [label, *(fmt(float(v), 6) for v in values)]

        rows = [
            row(self.tr("before"), [*s.weights_before, s.bias_before]),
            row(self.tr("∂L/∂θ from backward()"), [*s.grad_w, s.grad_b]),
        ]
        if s.weight_decay:
            rows.append(
                row(
                    self.tr("+ weight decay {wd:g}·θ").format(wd=s.weight_decay),
                    [*s.decay_w, s.decay_b],
                )
            )
            rows.append(row(self.tr("= gradient used g"), [*s.total_grad_w, s.total_grad_b]))
        if s.adam is not None:
            a = s.adam
            rows += [
                row(self.tr("m ← 0.9·m + 0.1·g"), a.m),
                row(self.tr("v ← 0.999·v + 0.001·g²"), a.v),
                row(self.tr("m̂ = m / (1 − 0.9^{t})").format(t=a.step), a.m_hat),
                row(self.tr("v̂ = v / (1 − 0.999^{t})").format(t=a.step), a.v_hat),
                row(
                    self.tr("step lr·m̂/(√v̂ + ε), lr {lr:g}").format(lr=s.learning_rate), a.step_size
                ),
            ]
        else:
            g = np.asarray([*s.total_grad_w, s.total_grad_b])
            rows.append(
                row(self.tr("step lr·g, lr {lr:g}").format(lr=s.learning_rate), s.learning_rate * g)
            )
        rows.append(row(self.tr("after: θ ← θ − step"), [*s.weights_after, s.bias_after]))
        self.update_table.fill(headers, rows)

    def _fill_rows(self, steps: Sequence[StepExplanation], names: Sequence[str]) -> None:
        d = len(steps[-1].weights_before)
        if any(s.z is None for s in steps):
            self.rows_table.fill(
                [self.tr("Rows")],
                [[self.tr("More rows than the detail limit: the totals above only.")]],
            )
            return
        xs = ["x"] if d == 1 else list(names[:d])
        pulls = (
            [self.tr("pull on w")]
            if d == 1
            else [self.tr("pull on w[{n}]").format(n=n) for n in names[:d]]
        )
        headers = [
            self.tr("Row"),
            *xs,
            "y",
            "z = w·x + b",
            "ŷ = σ(z)",
            self.tr("loss share"),
            "∂L/∂z",
            *pulls,
            self.tr("pull on b"),
        ]
        if len(steps) > 1:
            headers.insert(1, self.tr("Step"))
        rows: list[list[str]] = []
        for k, s in enumerate(steps):
            assert s.x is not None and s.y is not None and s.z is not None and s.y_hat is not None
            assert s.loss_terms is not None and s.grad_z is not None
            assert s.grad_w_terms is not None and s.grad_b_terms is not None
            for r in range(s.n_rows):
                if len(rows) >= MAX_ROWS_SHOWN:
                    break
                cells = [
                    str(int(s.rows[r]) + 1),
                    *(fmt(float(v), 4) for v in s.x[r]),
                    f"{s.y[r]:g}",
                    fmt(float(s.z[r]), 6),
                    fmt(float(s.y_hat[r]), 6),
                    fmt(float(s.loss_terms[r]), 6),
                    fmt(float(s.grad_z[r]), 6),
                    *(fmt(float(-v), 6) for v in s.grad_w_terms[r]),
                    fmt(float(-s.grad_b_terms[r]), 6),
                ]
                if len(steps) > 1:
                    cells.insert(1, str(k + 1))
                rows.append(cells)
        self.rows_table.fill(headers, rows)
        self.rows_table.setToolTip(
            self.tr(
                "Each row's pull is minus its gradient, −∂L/∂z·x and −∂L/∂z: the direction in which "
                "it moves the parameters; the pulls add up to −∂L/∂θ."
            )
        )

    # ---- replay -------------------------------------------------------------------------------
    def set_epochs(self, n: int) -> None:
        """The history has ``n`` epochs: the slider reaches them (and follows the end)."""
        self._n = n
        self.slider.blockSignals(True)
        self.slider.setRange(0, n)
        if self._following:
            self.slider.setValue(n)
        self.slider.blockSignals(False)
        self._update_label()

    def reset(self) -> None:
        """A new history: back to the end, no step shown."""
        self._following = True
        self.end_button.setEnabled(False)
        self.set_epochs(0)
        self.update_table.fill([], [])
        self.rows_table.fill([], [])

    def viewed_epoch(self) -> int | None:
        """The epoch replayed now, or None when showing the end."""
        return None if self._following else self.slider.value()

    def _update_label(self) -> None:
        if self._n == 0:
            self.epoch_label.setText(self.tr("Replay: nothing trained yet"))
        elif self._following:
            self.epoch_label.setText(self.tr("Epoch {n} (the end)").format(n=count(self._n)))
        else:
            self.epoch_label.setText(
                self.tr("Epoch {e} of {n}").format(e=count(self.slider.value()), n=count(self._n))
            )

    @Slot(int)
    def _on_slider_changed(self, value: int) -> None:
        self._following = False
        self.end_button.setEnabled(True)
        self._update_label()
        self.epochViewed.emit(value)

    def follow_end(self) -> None:
        """Stop replaying and show the end (what "Back to the end" does)."""
        self._on_end_clicked()

    @Slot()
    def _on_end_clicked(self) -> None:
        self._following = True
        self.end_button.setEnabled(False)
        self.slider.blockSignals(True)
        self.slider.setValue(self._n)
        self.slider.blockSignals(False)
        self._update_label()
        self.backToEndRequested.emit()
