"""The exact fit beside the trained model: debounced, in the background, stale fits dropped."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot

from core.exact import ExactFit
from core.overlay import fit_for_display
from gui.session import SessionState
from gui.worker import FunctionWorker, Task, TaskState

EXACT_MAX_ROWS = 200_000  # Newton needs several n-sized float64 arrays; keep memory bounded


def _fit(state: TaskState, generation: int, *args: Any) -> tuple[int, ExactFit | None]:
    return generation, fit_for_display(*args)


class ExactFitController(QObject):
    """Fits 250 ms after the last edit; a fit of an older table (by generation) is dropped."""

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
        if table.rowCount() > EXACT_MAX_ROWS:
            self.state.set_exact(
                None,
                self.tr(
                    "The exact fit is drawn for up to {limit} rows (it needs several copies of "
                    "the data in memory); for this table run: python main.py fit-exact DATA.csv"
                ).format(limit=f"{EXACT_MAX_ROWS:,}"),
            )
            return
        self._timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self.state.table.first_problem() is not None:
            return
        if self._task is not None:
            self._again = True  # the table changed while fitting: fit again after
            return
        snap = self.state.table.snapshot()
        worker = FunctionWorker(
            _fit, self.state.generation, snap.features, snap.labels, tuple(snap.feature_names)
        )
        worker.returned.connect(self._on_worker_returned)
        self._task = Task(worker, "exact-fit", self)
        self._task.done.connect(self._on_task_done)

    @Slot(object)
    def _on_worker_returned(self, result: tuple[int, ExactFit | None]) -> None:
        generation, fit = result
        if generation == self.state.generation:
            self.state.set_exact(fit, "")

    @Slot(str)
    def _on_task_done(self, outcome: str) -> None:
        if self._task is not None:
            self._task.deleteLater()
        self._task = None
        if self._again:
            self._again = False
            self._timer.start()

    def stop_and_wait(self) -> None:
        self._timer.stop()
        self._again = False
        if self._task is not None:
            self._task.cancel_and_wait()
