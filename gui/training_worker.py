"""Training in the background: one run, in the training process by default (see core.remote).

Split from :mod:`gui.worker` so the window's first frame does not load multiprocessing and the
training engine.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import Signal, Slot

from core.remote import (
    TRAINING_PROCESSES,
    Control,
    Failed,
    Finished,
    Holdout,
    Message,
    RemoteTrainer,
    run_training,
)
from core.session import Outcome
from core.training import TrainingConfig, TrainingError, training_arrays
from gui.worker import Worker, yield_to_the_gui_thread

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LossBatch:
    """Losses of consecutive epochs ``first_epoch …``, the parameters after each, the model."""

    first_epoch: int
    losses: np.ndarray
    params: np.ndarray
    model: Any  # LogisticModel
    elapsed: float


def use_process() -> bool:
    """Train in a child process unless LOGREG_STUDIO_TRAINING=thread asks otherwise."""
    return os.environ.get("LOGREG_STUDIO_TRAINING", "process") != "thread"


class TrainingWorker(Worker):
    """Runs one training (in a child process by default) and forwards its messages.

    Pause and stop live in one :class:`core.remote.Control`: the child's when training in a
    process, a local one otherwise.
    """

    reported = Signal(object)  # core.remote.Message

    def __init__(
        self,
        features: np.ndarray,
        labels: np.ndarray,
        config: TrainingConfig,
        feature_names: tuple[str, ...],
        holdout: Holdout | None = None,
    ) -> None:
        super().__init__()
        self._holdout = holdout
        self._features = features
        self._labels = labels
        self._config = config
        self._names = feature_names
        self._lock = threading.Lock()
        self._local = Control()
        self.remote: RemoteTrainer | None = None

    @property
    def control(self) -> Control:
        with self._lock:
            return self.remote.control if self.remote is not None else self._local

    def request_stop(self) -> None:
        """Ask the run to end (thread-safe); a paused run wakes to see it."""
        self._local.request_stop()
        with self._lock:
            if self.remote is not None:
                self.remote.control.request_stop()

    def pause(self) -> None:
        self._local.pause()
        with self._lock:
            if self.remote is not None:
                self.remote.control.pause()

    def resume(self) -> None:
        self._local.resume()
        with self._lock:
            if self.remote is not None:
                self.remote.control.resume()

    @property
    def paused(self) -> bool:
        return self._local.paused

    @Slot()
    def run(self) -> None:
        outcome = Outcome.FAILED
        yield_to_the_gui_thread()  # checking and sending 10,000,000 rows takes a while
        try:
            if use_process():
                # The training process gets the data in float32 blocks: no copy here.
                outcome = self._train_in_process()
            else:
                # The one float32 copy the model trains on, made here, not in the GUI thread.
                self._features, self._labels = training_arrays(self._features, self._labels)
                outcome = self._train_here()
        except TrainingError as exc:
            self.reported.emit(Failed(str(exc), None))
        except Exception as exc:  # report, never kill the thread silently
            log.exception("training worker")
            self.reported.emit(Failed(f"{type(exc).__name__}: {exc}", None))
        finally:
            self.finish(str(outcome))

    def _forward(self, msg: Message) -> Outcome | None:
        self.reported.emit(msg)
        if isinstance(msg, Failed):
            return Outcome.FAILED
        if isinstance(msg, Finished):
            return msg.outcome
        return None

    def _train_in_process(self) -> Outcome:
        remote = TRAINING_PROCESSES.acquire()
        healthy = True
        try:
            if self._local.stopping:
                return Outcome.STOPPED
            for msg in remote.train(
                self._features,
                self._labels,
                self._config,
                self._names,
                paused=self._local.paused,
                on_started=self._attach,
                holdout=self._holdout,
            ):
                outcome = self._forward(msg)
                if outcome is not None:
                    return outcome
            return Outcome.FAILED
        except TrainingError:
            healthy = False
            raise
        finally:
            with self._lock:
                self.remote = None
            if healthy:
                TRAINING_PROCESSES.release(remote)
            else:
                remote.close()

    def _attach(self, remote: RemoteTrainer) -> None:
        with self._lock:
            self.remote = remote
        if self._local.stopping:
            remote.control.request_stop()

    def _train_here(self) -> Outcome:
        result: list[Outcome] = []

        def send(msg: Message) -> None:
            outcome = self._forward(msg)
            if outcome is not None:
                result.append(outcome)

        run_training(
            self._features,
            self._labels,
            self._config,
            self._names,
            self._local,
            send,
            self._holdout,
        )
        return result[-1] if result else Outcome.FAILED
