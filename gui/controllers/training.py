"""Starts, pauses, stops and resets training; turns the worker's messages into session state."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, QThread, Slot

from core.session import Outcome
from core.training import TrainingConfig
from gui.session import SessionState
from gui.worker import start_in_thread

if TYPE_CHECKING:  # the training side loads on the first run (or the warm-up)
    from core.remote import Holdout
    from gui.training_worker import TrainingWorker


class TrainingController(QObject):
    """One run at a time; never joins a thread on the GUI thread except when closing."""

    def __init__(self, state: SessionState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.worker: TrainingWorker | None = None
        self._thread: QThread | None = None
        self._outcome = Outcome.FAILED

    @property
    def running(self) -> bool:
        return self._thread is not None

    @property
    def paused(self) -> bool:
        return self.worker is not None and self.worker.paused

    def start(
        self,
        features: np.ndarray,
        labels: np.ndarray,
        names: tuple[str, ...],
        config: TrainingConfig,
        holdout: Holdout | None = None,
    ) -> bool:
        if self._thread is not None:
            return False
        self.state.start_run(config.epochs, features.shape[1] if features.ndim == 2 else 1)
        self._outcome = Outcome.FAILED
        from gui.training_worker import TrainingWorker

        worker = TrainingWorker(features, labels, config, names, holdout)
        worker.reported.connect(self._on_worker_reported)
        worker.finished.connect(self._on_worker_finished)
        self.worker = worker
        self._thread = start_in_thread(worker, "training")
        self._thread.finished.connect(self._on_thread_finished)
        return True

    def toggle_pause(self) -> bool | None:
        """Pause or resume; return True when now paused (None when not running)."""
        if self.worker is None:
            return None
        if self.worker.paused:
            self.worker.resume()
            return False
        self.worker.pause()
        return True

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.request_stop()

    def stop_and_wait(self) -> None:
        """Stop and join (closing the window): never leave a thread running."""
        thread = self._thread
        self.stop()
        if thread is not None:
            thread.quit()
            thread.wait()

    @Slot(object)
    def _on_worker_reported(self, msg: object) -> None:
        from core.remote import Failed, Finished, Progress, Started

        if isinstance(msg, Started):
            self.state.run_started(msg.model, msg.seed)
        elif isinstance(msg, Progress):
            self.state.add_progress(
                msg.losses, msg.params, msg.model, msg.elapsed, msg.holdout_losses
            )
        elif isinstance(msg, Failed):
            self.state.run_failed(msg.message, msg.model)
        elif isinstance(msg, Finished):
            self._outcome = msg.outcome

    @Slot(str)
    def _on_worker_finished(self, outcome: str) -> None:
        self._outcome = Outcome(outcome)

    @Slot()
    def _on_thread_finished(self) -> None:
        # The worker was deleted in its own thread and the keeper deletes the thread.
        self._thread = None
        self.worker = None
        self.state.finish_run(self._outcome)
