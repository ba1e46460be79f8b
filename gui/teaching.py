"""See it learn: step mode, replay, runs side by side, the landscape's wiring, generated data and
the code dialog.

The window makes this controller and calls :meth:`TeachingController.wire` once; it wires
the landscape, step and runs panels to the session and turns their requests into session
changes, so the window itself changes in one line per panel. Step mode runs
:class:`core.stepper.Stepper` in the GUI thread: one epoch of data small enough to explain row by
row takes milliseconds.
"""

from __future__ import annotations

import dataclasses
import math
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QStatusBar, QWidget

from core.data import DataError, Dataset
from core.model import LogisticModel
from core.runs import Run
from core.session import Outcome, RunHistory
from core.stepper import EpochExplanation, StepExplanation, Stepper
from core.training import ConfigError, TrainingConfig, TrainingError
from gui.panels.landscape_panel import LandscapePanel, Overlay
from gui.panels.loss_panel import LossPanel
from gui.panels.model_panel import ModelPanel
from gui.panels.prediction_panel import PredictionPanel
from gui.panels.runs_panel import RunsPanel, make_run, run_name
from gui.panels.step_panel import StepPanel
from gui.panels.training_panel import TrainingPanel
from gui.session import SessionState
from gui.table_model import TableData
from gui.worker import FunctionWorker, Task, TaskState

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor

    from gui.code_dialog import CodeDialog
    from gui.generate_dialog import GenerateDataDialog


class Window(Protocol):
    """What this module needs of the main window (it sits between the window and the panels)."""

    state: SessionState
    training_panel: TrainingPanel
    model_panel: ModelPanel
    loss_panel: LossPanel
    prediction_panel: PredictionPanel
    landscape_panel: LandscapePanel
    step_panel: StepPanel
    runs_panel: RunsPanel

    def statusBar(self) -> QStatusBar: ...

    def show_error_box(self, title: str, message: str) -> None: ...


DETAIL_LIMIT = 1000  # per-row detail for batches of at most this many rows
PULL_SCALE = 0.5  # a pull arrow goes half way from the curve toward its label


class TeachingController(QObject):
    """Owns step mode's stepper and Adam state, the replay, the kept runs' overlays."""

    def __init__(self, window: Window, widget: QWidget) -> None:
        super().__init__(widget)
        self.w = window
        self._widget = widget  # the dialogs' parent (the window itself)
        self.state = window.state
        self._stepper: Stepper | None = None
        self._stepper_key: tuple[object, ...] | None = None
        self._history: RunHistory | None = None
        self.last_step: StepExplanation | EpochExplanation | None = None
        self._batches: list[StepExplanation] = []  # the current epoch's minibatch steps
        self._run_config: TrainingConfig | None = None
        # The seed and initial values the current history started from (None: not known).
        self._origin: tuple[object, ...] | None = None
        self.code_dialog: CodeDialog | None = None
        self._run_tasks: list[Task] = []
        self.generate_dialog: GenerateDataDialog | None = None

    def wire(self) -> None:
        s, w = self.state, self.w
        lp, sp, rp = w.landscape_panel, w.step_panel, w.runs_panel
        s.dataChanged.connect(self._on_data_changed)
        s.historyReset.connect(self._on_history_reset)
        s.historyExtended.connect(sp.set_epochs)
        s.modelChanged.connect(self._on_model_changed)
        s.analysisChanged.connect(lp.set_analysis)
        s.runningChanged.connect(self._on_running_changed)
        s.runFinished.connect(self._on_run_finished)
        lp.initialParametersRequested.connect(self._on_initial_parameters_requested)
        sp.stepRequested.connect(self.step)
        sp.epochViewed.connect(self.view_epoch)
        sp.backToEndRequested.connect(self.back_to_end)
        rp.overlaysRequested.connect(self._on_overlays_requested)
        rp.runsEdited.connect(s.mark_changed)
        self._on_data_changed()
        lp.set_history(s.history)

    # ---- session → panels ---------------------------------------------------------------------
    @Slot()
    def _on_data_changed(self) -> None:
        t = self.state.table
        x, y = t.arrays()
        self.w.landscape_panel.set_data(x, y, tuple(t.feature_names))
        self.w.model_panel.plot.set_pulls(np.empty(0), np.empty(0), np.empty(0))

    @Slot(object)
    def _on_history_reset(self, history: RunHistory) -> None:
        if history is not self._history:
            self._stepper = None  # a run, a reset or an opened project: step mode starts over
            if not self.state.running:
                self._origin = None  # a reset or an opened project: its start is not known
        self.w.landscape_panel.set_history(history)
        self.w.step_panel.reset()
        self.w.loss_panel.plot.set_marker(None)
        self.w.step_panel.set_epochs(len(history))

    @Slot(object)
    def _on_model_changed(self, model: LogisticModel | None) -> None:
        self.w.landscape_panel.set_model(model)
        if self.w.step_panel.viewed_epoch() is not None:
            self.w.step_panel.follow_end()  # the model moved on: show it

    @Slot(bool)
    def _on_running_changed(self, running: bool) -> None:
        self.w.step_panel.set_running(running)
        if running:
            # The settings the run started with (the form is locked while it runs).
            try:
                self._run_config = self.w.training_panel.config()
            except ConfigError:
                self._run_config = None
            self._origin = _start_of(self._run_config) if self._run_config else None
            self.w.model_panel.plot.set_pulls(np.empty(0), np.empty(0), np.empty(0))
            self.back_to_end()

    @Slot(str)
    def _on_run_finished(self, outcome: str) -> None:
        s = self.state
        if Outcome(outcome) is Outcome.FAILED or s.seed_used is None or not len(s.history):
            return
        config = self._run_config
        if config is None:
            return
        snap = s.table.snapshot()  # copy on write: safe in another thread
        args = (run_name(config), config)
        kwargs: dict[str, Any] = {
            "seed": s.seed_used,
            "history": s.history,
            "features": snap.features,
            "labels": snap.labels,
            "threshold": s.threshold,
        }
        if len(snap.labels) <= RUN_SYNC_ROWS:
            self._on_run_made(make_run(*args, **kwargs))
            return
        # Its accuracy reads every row: not in the window's thread for a big table.
        worker = FunctionWorker(_make_run, *args, **kwargs)
        worker.returned.connect(self._on_run_made)
        task = Task(worker, "run-summary", self)
        task.done.connect(lambda *_: self._forget(task))
        self._run_tasks.append(task)

    @Slot(object)
    def _on_run_made(self, run: Run | None) -> None:
        if run is not None:
            self.w.runs_panel.add_run(run)

    def _forget(self, task: Task) -> None:
        if task in self._run_tasks:
            self._run_tasks.remove(task)
            task.deleteLater()

    # ---- step mode ----------------------------------------------------------------------------
    @Slot(bool)
    def step(self, minibatch: bool) -> None:
        """One epoch (or one minibatch) from the current model, shown and added to the history."""
        s, w = self.state, self.w
        sp = w.step_panel
        if s.running:
            return
        problem = s.table.first_problem()
        if problem is not None:
            sp.show_message(problem)
            return
        try:
            config = w.training_panel.config()
        except ConfigError as exc:
            sp.show_message(str(exc))
            return
        snap = s.table.snapshot()
        names = tuple(snap.feature_names)
        d = snap.features.shape[1]
        note = ""
        key = (s.generation, dataclasses.replace(config, epochs=1))
        try:
            if self._stepper is None or self._history is not s.history or key != self._stepper_key:
                stepper = Stepper(snap.features, snap.labels, config, detail_limit=DETAIL_LIMIT)
                m = s.model
                # Continue from the model unless the starting point was changed since it began.
                same_start = self._origin is None or self._origin == _start_of(config)
                if (
                    m is not None
                    and m.finite
                    and m.n_features == d
                    and len(s.history)
                    and not s.model_out_of_date
                    and same_start
                ):
                    stepper.weights, stepper.bias = tuple(m.weights), m.bias
                    stepper.epochs_done = len(s.history)
                    if config.optimizer == "adam":
                        note = self.tr("Adam starts from fresh averages (m = v = 0) at this model.")
                else:
                    self._stepper = None
                    s.start_steps(LogisticModel(stepper.weights, stepper.bias, names), stepper.seed)
                    self._origin = _start_of(config)
                self._stepper, self._stepper_key, self._history = stepper, key, s.history
                self._batches = []
            stepper = self._stepper
            before = stepper.epochs_done
            result: StepExplanation | EpochExplanation
            if minibatch and not stepper.full_batch:
                result = stepper.next_batch()
                self._batches.append(result)
            else:
                result = stepper.next_epoch()
        except (TrainingError, ValueError) as exc:
            sp.show_message(str(exc))
            return
        model = LogisticModel(stepper.weights, stepper.bias, names)
        params = np.asarray([*stepper.weights, stepper.bias], np.float32)
        if stepper.epochs_done > before:
            loss = result.loss if isinstance(result, EpochExplanation) else self._epoch_loss()
            self._batches = []
            if math.isfinite(loss) and np.isfinite(params).all():
                s.add_step(loss, params, model)
            else:
                sp.show_message(
                    self.tr("The step made the numbers infinite: lower the learning rate.")
                )
                return
        else:
            s.set_model(model)
            s.mark_changed()
        self.last_step = result
        if not note and not stepper.full_batch:
            note = self.tr("The rows are shuffled with the seed {seed}, as in training.").format(
                seed=stepper.seed
            )
        sp.show_step(result, names, note)
        self._show_pulls(result)
        w.statusBar().showMessage(
            self.tr("Stepped: epoch {e}, loss {loss:.4f}.").format(
                e=stepper.epochs_done, loss=result.loss
            ),
            5000,
        )

    def _epoch_loss(self) -> float:
        """The epoch's loss from its minibatch steps (row-weighted, as the trainer reports it)."""
        rows = sum(st.n_rows for st in self._batches)
        return sum(st.loss * st.n_rows for st in self._batches) / rows

    def _show_pulls(self, result: StepExplanation | EpochExplanation) -> None:
        st = result.steps[-1] if isinstance(result, EpochExplanation) else result
        plot = self.w.model_panel.plot
        if st.x is None or st.y_hat is None or st.grad_z is None:
            plot.set_pulls(np.empty(0), np.empty(0), np.empty(0))
            return
        # The pull of row i on its probability is −∂L/∂z_i = (y_i − ŷ_i)/k; drawn scaled by k.
        pulls = -st.grad_z * st.n_rows * PULL_SCALE
        xs = st.x[:, 0] if st.x.shape[1] == 1 or st.z is None else st.z
        plot.set_pulls(xs, st.y_hat, pulls)

    # ---- replay -------------------------------------------------------------------------------
    @Slot(int)
    def view_epoch(self, epoch: int) -> None:
        """Show the model as it was after ``epoch`` (a view: the trained model is kept)."""
        h, w = self.state.history, self.w
        if not 0 <= epoch <= len(h):
            return
        model = h.model_at(epoch, tuple(self.state.table.feature_names))
        w.model_panel.set_model(model)
        w.prediction_panel.set_model(model)
        w.loss_panel.plot.set_marker(epoch)
        row = h.initial if epoch == 0 else h.params[epoch - 1]
        w.landscape_panel.set_viewed(
            np.asarray(row, np.float64) if np.isfinite(row).all() else None
        )

    @Slot()
    def back_to_end(self) -> None:
        w, m = self.w, self.state.model
        w.model_panel.set_model(m)
        w.prediction_panel.set_model(m)
        w.loss_panel.plot.set_marker(None)
        w.landscape_panel.set_viewed(None)

    # ---- runs -----------------------------------------------------------------------------------
    @Slot(list)
    def _on_overlays_requested(self, chosen: list[tuple[Run, QColor, Qt.PenStyle]]) -> None:
        self.w.loss_panel.plot.set_overlays([(r.name, r.losses, c, st) for r, c, st in chosen])
        self.w.landscape_panel.set_overlays([Overlay(r.name, r.path, c, st) for r, c, st in chosen])

    @Slot(tuple, float)
    def _on_initial_parameters_requested(self, weights: tuple[float, ...], bias: float) -> None:
        if self.state.running:
            return
        self.w.training_panel.set_initial(weights, bias)
        self.w.statusBar().showMessage(
            self.tr(
                "Initial parameters set to {w}, b = {b:g}: press Train or Step to start there."
            ).format(w=", ".join(f"{v:g}" for v in weights), b=bias),
            8000,
        )

    # ---- dialogs --------------------------------------------------------------------------------
    @Slot()
    def show_generate_dialog(self) -> None:
        from gui.generate_dialog import GenerateDataDialog

        dlg = GenerateDataDialog(self.state.table.n_features, self._widget)
        self.generate_dialog = dlg
        dlg.accepted.connect(self._on_generate_accepted)
        dlg.open()

    @Slot()
    def _on_generate_accepted(self) -> None:
        dlg = self.generate_dialog
        ds = dlg.dataset() if dlg is not None else None
        if ds is None:
            return
        self.state.table.replace_all(TableData.from_dataset(ds), self.tr("Generate data"))
        self.w.statusBar().showMessage(
            self.tr("Generated {n} rows (Undo brings the old table back).").format(
                n=f"{ds.n_rows:,}"
            ),
            8000,
        )

    @Slot()
    def show_code_dialog(self) -> None:
        from gui.code_dialog import CodeDialog

        s, w = self.state, self.w
        try:
            config = w.training_panel.config()
        except ConfigError as exc:
            w.show_error_box(self.tr("Cannot show the code"), str(exc))
            return
        snap = s.table.snapshot()
        try:
            dataset = Dataset(
                snap.features, snap.labels, tuple(snap.feature_names), snap.label_name
            )
        except DataError as exc:
            w.show_error_box(self.tr("Cannot show the code"), str(exc))
            return
        seed = config.seed if config.seed is not None else s.seed_used
        predict: list[list[float]] | None = None
        try:
            row = [float(t) for t in w.prediction_panel.values_text()]
            if len(row) == dataset.n_features:
                predict = [row]
        except ValueError:
            predict = None
        threshold = w.prediction_panel.threshold() or 0.5
        # The app's own run is a second witness when the last kept run used exactly these settings.
        app_losses = app_params = None
        runs = w.runs_panel.runs()
        if runs and seed is not None:
            last = runs[-1]
            if (
                last.seed == seed
                and _same_run(last.config, config)
                and last.epochs_done == config.epochs
            ):
                app_losses = last.losses.astype(np.float64)
                app_params = [*last.weights, last.bias]
        try:
            dlg = CodeDialog(
                config,
                dataset,
                seed=seed,
                predict=predict,
                threshold=threshold,
                app_losses=app_losses,
                app_params=app_params,
                parent=self._widget,
            )
        except (ConfigError, ValueError) as exc:
            w.show_error_box(self.tr("Cannot show the code"), str(exc))
            return
        if self.code_dialog is not None:
            self.code_dialog.stop_and_wait()
            self.code_dialog.deleteLater()
        self.code_dialog = dlg
        dlg.show()

    def stop_and_wait(self) -> None:
        """Closing the window: no thread or process of ours is left running."""
        self.w.landscape_panel.stop_and_wait()
        for task in self._run_tasks:
            task.cancel_and_wait()
        self._run_tasks = []
        if self.code_dialog is not None:
            self.code_dialog.stop_and_wait()


RUN_SYNC_ROWS = 100_000
"""A finished run's summary (its accuracy reads every row) is made in the window's thread up to
this many rows, so it is listed when the run is reported; above, in the background."""


def _make_run(state: TaskState, *args: Any, **kwargs: Any) -> Run | None:
    return make_run(*args, **kwargs)


def _start_of(config: TrainingConfig) -> tuple[object, ...]:
    """What decides a run's starting point."""
    return (config.seed, config.init_weights, config.init_bias)


def _same_run(a: TrainingConfig, b: TrainingConfig) -> bool:
    """Equal settings, counting a seed given and a seed drawn as the same (the seed is compared apart)."""
    return dataclasses.replace(a, seed=None) == dataclasses.replace(b, seed=None)
