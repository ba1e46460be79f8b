"""The exact side (maximum likelihood, its statistics, Firth): debounced, in the background,
stale results dropped by generation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Slot

from gui.session import SessionState
from gui.worker import FunctionWorker, Task, TaskState

if TYPE_CHECKING:
    from core.analysis import Analysis


def _fit(
    state: TaskState, generation: int, *args: Any, **options: Any
) -> tuple[int, Analysis | None]:
    from core.analysis import analyse  # in the worker thread: the window never waits for it

    return generation, analyse(*args, progress=state.progress, cancel=state.cancel, **options)


class ExactFitController(QObject):
    """Fits 250 ms after the last edit, in the background with progress; a newer table cancels
    the running fit, and a fit of an older table (by generation) is dropped."""

    def __init__(self, state: SessionState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._task: Task | None = None
        self._again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._on_timer_timeout)

    def schedule(self) -> None:
        table = self.state.table
        if table.first_problem() is not None:
            return
        self._timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self._closed or self.state.table.first_problem() is not None:
            return
        if self._task is not None:
            self._again = True  # the table changed while fitting: that fit is stale
            self._task.cancel()
            return
        snap = self.state.table.snapshot()
        worker = FunctionWorker(
            _fit,
            self.state.generation,
            snap.features,
            snap.labels,
            tuple(snap.feature_names),
            level=self.state.ci_level,
            want_firth=self.state.want_firth,
        )
        worker.returned.connect(self._on_worker_returned)
        worker.progressed.connect(self.state.exactFitProgress)
        self._task = Task(worker, "exact-fit", self)
        self._task.done.connect(self._on_task_done)

    @Slot(object)
    def _on_worker_returned(self, result: tuple[int, Analysis | None]) -> None:
        generation, analysis = result
        if generation == self.state.generation:
            self.state.set_analysis(analysis)

    @Slot(str)
    def _on_task_done(self, outcome: str) -> None:
        if self._task is not None:
            self._task.deleteLater()
        self._task = None
        if self._again:
            self._again = False
            self._timer.start()

    _closed = False

    def stop_and_wait(self) -> None:
        self._closed = True
        self._timer.stop()
        self._again = False
        if self._task is not None:
            self._task.cancel_and_wait()
