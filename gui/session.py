"""The one source of truth for a session, with a Qt signal for every change.

The data set is the table model (with its undo stack); the run's history is a
:class:`core.session.RunHistory`; the rest are plain fields. Panels observe the signals and
change the state through the methods; setters emit only on a real change. "Modified" is
derived: the undo stack is not at its clean index, or something outside the table changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QUndoStack

from core.model import LogisticModel
from core.session import Outcome, RunHistory
from gui.i18n import translate_core
from gui.table_model import DataTableModel

if TYPE_CHECKING:  # loaded with the statistics, after the window's first frame
    from core.analysis import Analysis
    from core.exact import ExactFit


class SessionState(QObject):
    """Data, model, run history, exact fit, threshold, file and modified state."""

    modelChanged = Signal(object)  # LogisticModel | None
    modelOutOfDateChanged = Signal(bool)
    historyReset = Signal(object)  # RunHistory (a new run, a reset or an opened project)
    historyExtended = Signal(int)  # epochs recorded so far
    exactFitChanged = Signal(object, str)  # ExactFit | None, why there is none ("" if fitting)
    analysisChanged = Signal(object)  # core.analysis.Analysis | None
    exactFitProgress = Signal(float)  # fraction of the running exact fit
    analysisOptionsChanged = Signal()  # the CI level or the wish for Firth changed
    runningChanged = Signal(bool)
    progressChanged = Signal(int, int, float)  # epochs done, epochs in the run, elapsed s
    runFinished = Signal(str)  # Outcome: emitted after the state holds the final model
    errorChanged = Signal(str)  # the training error ("" when none)
    thresholdChanged = Signal(float)
    modifiedChanged = Signal(bool)
    pathChanged = Signal(object)  # Path | None
    dataChanged = Signal()  # the table's data or columns changed (after the state caught up)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.table = DataTableModel(self.undo_stack, self)
        self.model: LogisticModel | None = None
        self.model_out_of_date = False
        self.history = RunHistory(1)
        self.exact: ExactFit | None = None
        self.exact_note = ""
        self.analysis: Analysis | None = None
        self.ci_level = 0.95
        self.want_firth = False
        self.generation = 0  # bumped on each data change: drops exact fits of older data
        self.running = False
        self.seed_used: int | None = None
        self.epochs_planned = 0
        self.elapsed = 0.0
        self.outcome: Outcome | None = None
        self.error: str | None = None
        self.threshold = 0.5
        self.path: Path | None = None
        self._dirty = False
        self._modified = False
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.table.dataEdited.connect(self._on_table_edited)

    # ---- data -------------------------------------------------------------------------------------
    @Slot()
    def _on_table_edited(self) -> None:
        self.generation += 1
        if self.model is not None or self.running:
            self.set_out_of_date(True)
        self.set_exact(None, "")
        self.dataChanged.emit()

    def set_out_of_date(self, value: bool) -> None:
        if value != self.model_out_of_date:
            self.model_out_of_date = value
            self.modelOutOfDateChanged.emit(value)

    # ---- model and run ----------------------------------------------------------------------------
    def set_model(self, model: LogisticModel | None) -> None:
        if model is not self.model:
            self.model = model
            self.modelChanged.emit(model)

    def start_run(self, epochs: int, n_features: int) -> None:
        self.error = None
        self.errorChanged.emit("")
        self.outcome = None
        self.epochs_planned = epochs
        self.elapsed = 0.0
        self.set_out_of_date(False)
        self.history = RunHistory(n_features)
        self.historyReset.emit(self.history)
        self._set_running(True)

    def run_started(self, initial: LogisticModel, seed: int) -> None:
        self.seed_used = seed
        self.history.initial = np.asarray([*initial.weights, initial.bias], np.float32)
        self.set_model(initial)

    def add_progress(
        self,
        losses: np.ndarray,
        params: np.ndarray,
        model: LogisticModel,
        elapsed: float,
        holdout: np.ndarray | None = None,
    ) -> None:
        self.history.append(losses, params, holdout)
        self.elapsed = elapsed
        self.set_model(model)
        self.historyExtended.emit(len(self.history))
        self.progressChanged.emit(len(self.history), self.epochs_planned, elapsed)

    def start_steps(self, initial: LogisticModel, seed: int) -> None:
        """Step mode starts a history of its own from ``initial`` (nothing runs)."""
        self.error = None
        self.errorChanged.emit("")
        self.outcome = None
        self.set_out_of_date(False)
        self.history = RunHistory(initial.n_features)
        self.historyReset.emit(self.history)
        self.run_started(initial, seed)

    def add_step(self, loss: float, params: np.ndarray, model: LogisticModel) -> None:
        """One epoch taken in step mode: extends the history and sets the model, as a run's."""
        self.history.append(np.asarray([loss], np.float64), np.asarray(params).reshape(1, -1))
        self.set_model(model)
        self.historyExtended.emit(len(self.history))
        self.mark_changed()

    def run_failed(self, message: str, last_good: LogisticModel | None) -> None:
        self.error = message
        self.outcome = Outcome.FAILED
        if last_good is not None:
            self.set_model(last_good)
        self.errorChanged.emit(message)

    def finish_run(self, outcome: Outcome) -> None:
        if self.outcome is not Outcome.FAILED:
            self.outcome = outcome
        self._set_running(False)
        if self.model is not None:
            self.mark_changed()
        self.runFinished.emit(str(self.outcome))

    def reset_model(self) -> None:
        self.set_model(None)
        self.set_out_of_date(False)
        self.seed_used = None
        self.error = None
        self.outcome = None
        self.history = RunHistory(self.table.n_features)
        self.historyReset.emit(self.history)
        self.errorChanged.emit("")

    def load_run(self, model: LogisticModel | None, losses: np.ndarray) -> None:
        """An opened project's model and loss history."""
        self.history = RunHistory.from_losses(losses, model)
        self.set_out_of_date(False)
        self.historyReset.emit(self.history)
        self.set_model(model)

    def _set_running(self, running: bool) -> None:
        if running != self.running:
            self.running = running
            self.runningChanged.emit(running)

    # ---- exact fit -------------------------------------------------------------------------------
    def set_exact(self, fit: ExactFit | None, note: str) -> None:
        self.exact, self.exact_note = fit, note
        self.exactFitChanged.emit(fit, note)
        if fit is None and self.analysis is not None:
            self.analysis = None
            self.analysisChanged.emit(None)

    def set_analysis(self, analysis: Analysis | None) -> None:
        """A new exact analysis of the current data (the curve draws its overlay)."""
        self.analysis = analysis
        self.exact = analysis.overlay if analysis else None
        self.exact_note = (
            self.tr("No exact fit: {why}").format(why=translate_core(analysis.ml.message))
            if analysis is not None and self.exact is None
            else ""
        )
        self.exactFitChanged.emit(self.exact, self.exact_note)
        self.analysisChanged.emit(analysis)

    def set_analysis_options(self, level: float, want_firth: bool) -> None:
        if (level, want_firth) != (self.ci_level, self.want_firth):
            self.ci_level, self.want_firth = level, want_firth
            self.analysisOptionsChanged.emit()

    # ---- threshold, file, modified ------------------------------------------------------------------
    def set_threshold(self, t: float, *, user: bool = True) -> None:
        if t != self.threshold:
            self.threshold = t
            self.thresholdChanged.emit(t)
            if user:
                self.mark_changed()

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.pathChanged.emit(path)

    @property
    def modified(self) -> bool:
        return self._modified

    def mark_changed(self) -> None:
        """Something outside the table changed (settings, threshold, model)."""
        self._dirty = True
        self._update_modified()

    def mark_saved(self) -> None:
        """The document now equals its file (saved, opened or new)."""
        self._dirty = False
        self.undo_stack.setClean()
        self._update_modified()

    def set_modified(self, modified: bool) -> None:
        if modified:
            self.mark_changed()
        else:
            self.mark_saved()

    @Slot(bool)
    def _on_clean_changed(self, clean: bool) -> None:
        self._update_modified()

    def _update_modified(self) -> None:
        modified = self._dirty or not self.undo_stack.isClean()
        if modified != self._modified:
            self._modified = modified
            self.modifiedChanged.emit(modified)
