"""Background work for the window: one way to run a task in a QThread, and training.

The wiring is superqt's: ``started → run``, ``finished → thread.quit``, the worker deleted in
the GUI thread and the thread deleted after it finished; on close, request stop, ``quit()``,
``wait()``; never ``terminate()``. Results cross threads as plain numbers, numpy arrays and
frozen dataclasses, never tensors. Training's losses arrive batched (``core.remote``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from core.session import Outcome

log = logging.getLogger(__name__)

# Every thread this module starts, so tests can fail when one is left running.
_THREADS: weakref.WeakSet[QThread] = weakref.WeakSet()


class _Keeper(QObject):
    """Holds each running thread and its worker until the thread has finished.

    A window closed the normal way joins its threads; one that is simply dropped must not take
    a running QThread (or the worker inside it) down with it ("QThread: Destroyed while
    thread is still running" aborts the process). The keeper lives in the GUI thread, so it
    lets go in the GUI thread, after the thread's ``finished``, and deletes the thread then.
    """

    def __init__(self) -> None:
        super().__init__()
        self.live: dict[QThread, QObject] = {}

    @Slot()
    def _on_thread_finished(self) -> None:
        thread = self.sender()
        if isinstance(thread, QThread):
            self.live.pop(thread, None)
            thread.deleteLater()


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


class Worker(QObject):
    """Base of the workers: ``run`` in the thread, ``finished(outcome)`` when it ends."""

    finished = Signal(str)  # Outcome

    def run(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def request_stop(self) -> None:
        """Ask the work to end soon (thread-safe)."""

    def finish(self, outcome: str) -> None:
        """End the work: hand this object back to the GUI thread, then emit ``finished``.

        It is deleted there (``deleteLater``), never in its own thread: destroying a Python
        QObject asks for the GIL while Qt holds a connection lock, and a GUI thread that holds
        the GIL while (dis)connecting anything sharing that lock would deadlock with it (seen
        with QMenu.clear() in the random-user test).
        """
        app = QCoreApplication.instance()
        if app is not None:
            self.moveToThread(app.thread())
        self.finished.emit(outcome)


BACKGROUND_NICENESS = 5
"""How much lower a background task's thread runs than the GUI thread (Linux)."""


def yield_to_the_gui_thread() -> None:
    """Lower the calling thread's CPU priority, on Linux where a thread has its own.

    A background task (an exact fit, a loss surface, an evaluation over 10,000,000 rows) then
    gives way whenever the GUI thread wakes up, instead of sharing the cores equally with it;
    the GIL still passes between them every switch interval (``sys.setswitchinterval``).
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICENESS)


def start_in_thread(worker: Worker, name: str) -> QThread:
    """Move ``worker`` to a new QThread wired the standard way, and start it.

    The worker hands itself back to the GUI thread as it finishes and is deleted there; the
    thread is deleted by the keeper after it finished.
    """
    global _keeper
    if _keeper is None:
        _keeper = _Keeper()
    thread = QThread()
    thread.setObjectName(name)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    worker.finished.connect(worker.deleteLater)
    thread.finished.connect(_keeper._on_thread_finished)
    _keeper.live[thread] = worker
    _THREADS.add(thread)
    thread.start()
    return thread


class TaskState:
    """What a background function sees: progress to report, and whether to give up."""

    def __init__(self, progressed: Callable[[float], None]) -> None:
        self._progressed = progressed
        self.cancel = threading.Event()
        self._last = -1.0

    def progress(self, fraction: float) -> None:
        # Only meaningful changes cross the thread (Orange's habit): at most 200 per task.
        if fraction - self._last >= 0.005 or fraction >= 1.0:
            self._last = fraction
            self._progressed(fraction)

    @property
    def cancelled(self) -> bool:
        return self.cancel.is_set()


class FunctionWorker(Worker):
    """Runs ``fn(state, *args)`` in the thread: ``returned(value)`` or ``errored(exc)``.

    ``fn`` is a plain function, testable without Qt; it reports through ``state.progress``
    and gives up (raising whatever it likes) once ``state.cancelled``.
    """

    returned = Signal(object)
    errored = Signal(object)  # the exception
    progressed = Signal(float)

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self.state = TaskState(self.progressed.emit)

    def request_stop(self) -> None:
        self.state.cancel.set()

    @Slot()
    def run(self) -> None:
        outcome = Outcome.FAILED
        yield_to_the_gui_thread()
        try:
            value = self._fn(self.state, *self._args, **self._kwargs)
        except Exception as exc:
            if not self.state.cancelled:
                self.errored.emit(exc)
            else:
                outcome = Outcome.STOPPED
        else:
            if self.state.cancelled:
                outcome = Outcome.STOPPED
            else:
                self.returned.emit(value)
                outcome = Outcome.DONE
        finally:
            self.finish(str(outcome))


class Task(QObject):
    """A running :class:`FunctionWorker` and its thread, for the GUI thread to hold.

    ``done(outcome)`` fires in the GUI thread after the thread has finished, so a slot
    connected to it may start the next task at once.
    """

    done = Signal(str)

    def __init__(self, worker: FunctionWorker, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._outcome = str(Outcome.FAILED)
        worker.finished.connect(self._on_worker_finished)
        self._thread: QThread | None = start_in_thread(worker, name)
        self._thread.finished.connect(self._on_thread_finished)

    @Slot(str)
    def _on_worker_finished(self, outcome: str) -> None:
        self._outcome = outcome

    @Slot()
    def _on_thread_finished(self) -> None:
        self._thread = None
        self.done.emit(self._outcome)

    @property
    def running(self) -> bool:
        return self._thread is not None

    def cancel(self) -> None:
        self.worker.request_stop()

    def cancel_and_wait(self) -> None:
        """Ask the task to stop and wait for its thread (closing the window)."""
        thread = self._thread
        self.worker.request_stop()
        if thread is not None:
            thread.quit()
            thread.wait()
