"""Background work for the window: training and CSV import, each a QObject in a QThread.

The wiring is superqt's: ``started → run``, ``finished → thread.quit``, and on close
request stop, ``quit()``, ``wait()``; never ``terminate()``. Results cross threads as plain
numbers and numpy arrays, never tensors. Losses are batched: one signal at most every
``core.remote.EMIT_INTERVAL`` seconds plus a final flush, and none is ever dropped.
"""

from __future__ import annotations

import atexit
import os
import threading
import traceback
import weakref
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot

from core.data import DataError, Dataset, ImportCancelled, read_csv
from core.exact import ExactFit, fit_exact
from core.model import LogisticModel
from core.remote import RemoteTrainer, model_from, run_batched
from core.training import Trainer, TrainingConfig, TrainingDiverged, TrainingError

# Every thread this module starts, so tests can fail when one is left running.
_THREADS: weakref.WeakSet[QThread] = weakref.WeakSet()


class _Keeper(QObject):
    """Holds each running thread and its worker until the thread has finished.

    A window closed the normal way joins its threads; one that is simply dropped must not take
    a running QThread (or the worker inside it) down with it ("QThread: Destroyed while
    thread is still running" aborts the process). The keeper lives in the GUI thread, so it
    lets go in the GUI thread, after the thread's ``finished``.
    """

    def __init__(self) -> None:
        super().__init__()
        self.live: dict[QThread, QObject] = {}

    @Slot()
    def _on_thread_finished(self) -> None:
        thread = self.sender()
        if isinstance(thread, QThread):
            self.live.pop(thread, None)


_keeper: _Keeper | None = None


def running_threads() -> list[QThread]:
    """QThreads started by the app that are still running."""
    out = []
    for t in list(_THREADS):
        try:
            if t.isRunning():
                out.append(t)
        except RuntimeError:  # the C++ object is already gone
            continue
    return out


def start_in_thread(worker: QObject, name: str) -> QThread:
    """Move ``worker`` to a new QThread wired the standard way, and start it."""
    global _keeper
    if _keeper is None:
        _keeper = _Keeper()
    thread = QThread()
    thread.setObjectName(name)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)  # type: ignore[attr-defined]
    worker.finished.connect(thread.quit)  # type: ignore[attr-defined]
    # Deleted in its own thread, which processes the DeferredDelete as it finishes; a
    # deleteLater() from the GUI thread after that would never run (the worker would leak).
    worker.finished.connect(worker.deleteLater)  # type: ignore[attr-defined]
    thread.finished.connect(_keeper._on_thread_finished)
    _keeper.live[thread] = worker
    _THREADS.add(thread)
    thread.start()
    return thread


@dataclass(frozen=True)
class LossBatch:
    """Losses of consecutive epochs ``first_epoch …`` and the model after the last of them."""

    first_epoch: int
    losses: np.ndarray
    model: LogisticModel
    elapsed: float


class _Pool:
    """Idle training processes, reused run after run (only the first pays for torch)."""

    def __init__(self) -> None:
        self._idle: list[RemoteTrainer] = []
        self._lock = threading.Lock()

    def acquire(self) -> RemoteTrainer:
        with self._lock:
            return self._idle.pop() if self._idle else RemoteTrainer()

    def release(self, remote: RemoteTrainer) -> None:
        with self._lock:
            self._idle.append(remote)

    def warm_up(self) -> None:
        """Start one process and load torch in it (call from a background thread)."""
        remote = self.acquire()
        try:
            remote.warm_up()
        finally:
            self.release(remote)

    def close_all(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for remote in idle:
            remote.close()


TRAINING_PROCESSES = _Pool()
atexit.register(TRAINING_PROCESSES.close_all)


def use_process() -> bool:
    """Train in a child process unless LOGREG_STUDIO_TRAINING=thread asks otherwise."""
    return os.environ.get("LOGREG_STUDIO_TRAINING", "process") != "thread"


class TrainingWorker(QObject):
    """Runs a training (in a child process by default); pausable, stoppable, loses nothing."""

    trainingStarted = Signal(object, int)  # initial LogisticModel, seed used
    lossesReported = Signal(object)  # LossBatch
    trainingFailed = Signal(str, object)  # message, last good LogisticModel or None
    finished = Signal(str)  # "done" | "stopped" | "failed"

    def __init__(
        self,
        features: np.ndarray,
        labels: np.ndarray,
        config: TrainingConfig,
        feature_names: tuple[str, ...],
    ) -> None:
        super().__init__()
        self._features = features
        self._labels = labels
        self._config = config
        self._names = feature_names
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()
        self._remote: RemoteTrainer | None = None
        self._lock = threading.Lock()

    def request_stop(self) -> None:
        """Ask the run to end after the current epoch (thread-safe)."""
        self._stop.set()
        self._running.set()  # a paused run must wake to see the stop
        with self._lock:
            if self._remote is not None:
                self._remote.request_stop()

    def pause(self) -> None:
        self._running.clear()
        with self._lock:
            if self._remote is not None:
                self._remote.pause()

    def resume(self) -> None:
        self._running.set()
        with self._lock:
            if self._remote is not None:
                self._remote.resume()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    @Slot()
    def run(self) -> None:
        outcome = "failed"
        try:
            outcome = self._train_in_process() if use_process() else self._train_here()
        except TrainingError as exc:
            self.trainingFailed.emit(str(exc), None)
        except Exception as exc:  # report, never kill the thread silently
            traceback.print_exc()
            self.trainingFailed.emit(f"{type(exc).__name__}: {exc}", None)
        finally:
            self.finished.emit(outcome)

    def _train_in_process(self) -> str:
        remote = TRAINING_PROCESSES.acquire()
        with self._lock:
            self._remote = remote
        healthy = True
        try:
            if self._stop.is_set():
                return "stopped"
            if not self._running.is_set():
                remote.pause()
            for msg in remote.train(self._features, self._labels, self._config, self._names):
                kind = msg[0]
                if kind == "started":
                    self.trainingStarted.emit(model_from(msg[1]), msg[2])
                elif kind == "losses":
                    _, first, losses, model, elapsed = msg
                    self.lossesReported.emit(LossBatch(first, losses, model_from(model), elapsed))
                elif kind == "failed":
                    self.trainingFailed.emit(msg[1], model_from(msg[2]))
                    return "failed"
                elif kind in ("done", "stopped"):
                    return str(kind)
            return "failed"
        except TrainingError:
            healthy = False
            raise
        finally:
            with self._lock:
                self._remote = None
            if healthy:
                TRAINING_PROCESSES.release(remote)
            else:
                remote.close()

    def _train_here(self) -> str:
        trainer = Trainer(self._features, self._labels, self._config, self._names)
        self.trainingStarted.emit(trainer.initial_model, trainer.seed)

        def emit(first: int, losses: np.ndarray, model: LogisticModel, elapsed: float) -> None:
            self.lossesReported.emit(LossBatch(first, losses, model, elapsed))

        try:
            return run_batched(trainer, self._stop, self._running, emit)
        except TrainingDiverged as exc:
            self.trainingFailed.emit(str(exc), exc.model)
            return "failed"


class ExactFitWorker(QObject):
    """The exact fit (Newton/IRLS) off the GUI thread; tagged with the table's generation."""

    fitted = Signal(int, object)  # generation, ExactFit | None
    finished = Signal(str)

    def __init__(
        self, generation: int, features: np.ndarray, labels: np.ndarray, names: tuple[str, ...]
    ) -> None:
        super().__init__()
        self.generation = generation
        self._features = features
        self._labels = labels
        self._names = names

    def request_stop(self) -> None:
        """Nothing to interrupt: a fit takes well under a second even on a million rows."""

    @Slot()
    def run(self) -> None:
        try:
            self.fitted.emit(
                self.generation, compute_exact(self._features, self._labels, self._names)
            )
        finally:
            self.finished.emit("done")


def compute_exact(
    features: np.ndarray, labels: np.ndarray, names: tuple[str, ...]
) -> ExactFit | None:
    """The exact fit, or the L2 one (C = 1) when the data are separable."""
    if len(labels) == 0:
        return None
    try:
        # Extreme values (1e300) overflow inside the penalised fit; that fit is then simply
        # not finite and is not drawn, which needs no warning on the console.
        with np.errstate(all="ignore"):
            fit = fit_exact(features, labels, feature_names=names)
            if not fit.finite and fit.separation != "none":
                penalised = fit_exact(features, labels, feature_names=names, l2_C=1.0)
                return penalised if penalised.finite else fit
        return fit
    except (ValueError, FloatingPointError, np.linalg.LinAlgError):
        return None


class ImportWorker(QObject):
    """Reads a CSV file off the GUI thread, with progress and cancel."""

    progressed = Signal(float)
    imported = Signal(object)  # Dataset
    importFailed = Signal(str)
    finished = Signal(str)

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def request_stop(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        outcome = "failed"
        try:
            ds: Dataset = read_csv(self.path, progress=self.progressed.emit, cancel=self._cancel)
        except ImportCancelled:
            outcome = "stopped"
        except DataError as exc:
            self.importFailed.emit(str(exc))
        except Exception as exc:
            traceback.print_exc()
            self.importFailed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.imported.emit(ds)
            outcome = "done"
        finally:
            self.finished.emit(outcome)
