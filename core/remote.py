"""Training in a child process, so the window and the training never share one GIL.

A training loop in a thread of the window's process competes with every repaint for the GIL
(``../shared/notes/performance.md``: up to 8.8x slower). A child process trains at full speed
on the other core and streams its results through a pipe; the window's worker thread only
waits on that pipe. The child runs the very same :class:`core.training.Trainer`, so the
numbers are identical to training in-process.

The child is started once (``spawn``, safe with Qt's threads) and kept for later runs, so
only the first run pays for starting Python and importing torch; :meth:`RemoteTrainer.warm_up`
pays it in the background while the user is still looking at the window.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import multiprocessing.connection as mpc
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, Protocol

import numpy as np

from core.model import LogisticModel
from core.training import Trainer, TrainingConfig, TrainingDiverged, TrainingError

EMIT_INTERVAL = 0.04

Message = tuple[Any, ...]
"""What the child sends, first item the kind:

``("started", model_dict, seed)``, ``("losses", first_epoch, losses, model_dict, elapsed)``,
``("done",)``, ``("stopped",)``, ``("failed", message, model_dict_or_None)``.
"""


class _Flag(Protocol):
    def is_set(self) -> bool: ...
    def set(self) -> None: ...
    def clear(self) -> None: ...
    def wait(self, timeout: float | None = None) -> bool: ...


def _serve(conn: mpc.Connection, stop: _Flag, running: _Flag) -> None:
    """The child's loop: one request at a time until "quit" or the pipe closes."""
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        kind = request[0]
        if kind == "quit":
            return
        if kind == "warm":
            _warm_up()
            conn.send(("warm",))
        elif kind == "train":
            _, features, labels, config, names = request
            _train(conn, features, labels, TrainingConfig.from_dict(config), names, stop, running)


def _warm_up() -> None:
    import torch

    p = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([p], lr=0.1)
    (p * 2).sum().backward()  # type: ignore[no-untyped-call]
    opt.step()


def run_batched(
    trainer: Trainer,
    stop: _Flag,
    running: _Flag,
    emit: Callable[[int, np.ndarray, LogisticModel, float], None],
) -> str:
    """Train, handing losses to ``emit`` in batches at most every ``EMIT_INTERVAL`` seconds.

    ``emit(first_epoch, losses, model, elapsed)`` gets every loss exactly once, in order, with
    the model after the batch's last epoch; a pause (``running`` cleared) flushes first and
    does not count as elapsed time. Returns ``"done"`` or ``"stopped"``; a divergence is
    flushed, then re-raised. Used by the training child and by the in-thread path alike.
    """
    buf: list[float] = []
    first = 1
    t0 = time.perf_counter()
    last = t0

    def flush() -> None:
        nonlocal buf, first
        if buf:
            emit(first, np.asarray(buf), trainer.model, time.perf_counter() - t0)
            first += len(buf)
            buf = []

    try:
        for loss in trainer.epochs(stop):  # type: ignore[arg-type]
            buf.append(loss)
            if not running.is_set():
                flush()
                paused = time.perf_counter()
                running.wait()
                t0 += time.perf_counter() - paused
            now = time.perf_counter()
            if now - last >= EMIT_INTERVAL:
                flush()
                last = now
    finally:
        flush()
    return "stopped" if stop.is_set() else "done"


def _train(  # noqa: PLR0917 (a private helper of the child's loop)
    conn: mpc.Connection,
    features: np.ndarray,
    labels: np.ndarray,
    config: TrainingConfig,
    names: tuple[str, ...],
    stop: _Flag,
    running: _Flag,
) -> None:
    try:
        trainer = Trainer(features, labels, config, names)
    except TrainingError as exc:
        conn.send(("failed", str(exc), None))
        return
    conn.send(("started", trainer.initial_model.to_dict(), trainer.seed))

    def emit(first: int, losses: np.ndarray, model: LogisticModel, elapsed: float) -> None:
        conn.send(("losses", first, losses, model.to_dict(), elapsed))

    try:
        outcome = run_batched(trainer, stop, running, emit)
    except TrainingDiverged as exc:
        conn.send(("failed", str(exc), exc.model.to_dict()))
        return
    except Exception as exc:  # reported to the window, never a silent death
        conn.send(("failed", f"{type(exc).__name__}: {exc}", trainer.model.to_dict()))
        return
    conn.send((outcome,))


@contextlib.contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Start the child without re-running the parent's ``__main__`` script.

    "spawn" normally imports the parent's main script in the child, so a script that builds
    the window without an ``if __name__ == "__main__":`` guard would start a second window
    there (or fail). The child only needs ``core.remote``, which it imports by name.
    """
    main = sys.modules.get("__main__")
    saved: dict[str, Any] = {
        a: main.__dict__[a] for a in ("__file__", "__spec__") if main and a in main.__dict__
    }
    try:
        if main is not None:
            main.__dict__.pop("__file__", None)
            main.__dict__["__spec__"] = None
        yield
    finally:
        if main is not None:
            main.__dict__.pop("__spec__", None)
            main.__dict__.update(saved)


class RemoteTrainer:
    """A child process that trains on request; one run at a time."""

    def __init__(self) -> None:
        self._ctx = mp.get_context("spawn")
        self._stop = self._ctx.Event()
        self._running = self._ctx.Event()
        self._running.set()
        self._proc: Any = None
        self._conn: mpc.Connection | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start the child if it is not running (about a second; torch loads later)."""
        with self._lock:
            if self._proc is not None and self._proc.is_alive():
                return
            parent, child = self._ctx.Pipe()
            proc = self._ctx.Process(
                target=_serve,
                args=(child, self._stop, self._running),
                name="logreg-studio-training",
                daemon=True,
            )
            with _main_module_hidden():
                proc.start()
            child.close()
            self._proc, self._conn = proc, parent

    def warm_up(self) -> None:
        """Start the child and have it import torch and build an optimizer; blocks until done."""
        self.start()
        assert self._conn is not None
        self._conn.send(("warm",))
        self._receive(timeout=120.0)

    def _receive(self, timeout: float | None = None) -> Message:
        conn = self._conn
        assert conn is not None
        deadline = None if timeout is None else time.monotonic() + timeout
        while not conn.poll(0.2):
            if not self._proc.is_alive():
                raise TrainingError("The training process ended unexpectedly.")
            if deadline is not None and time.monotonic() > deadline:
                raise TrainingError("The training process does not answer.")
        try:
            msg: Message = conn.recv()
        except (EOFError, OSError) as exc:
            raise TrainingError("The training process ended unexpectedly.") from exc
        return msg

    def train(
        self,
        features: np.ndarray,
        labels: np.ndarray,
        config: TrainingConfig,
        names: tuple[str, ...],
    ) -> Iterator[Message]:
        """Run one training in the child, yielding its messages until the last one."""
        self.start()
        assert self._conn is not None
        self._stop.clear()
        self._running.set()
        self._conn.send(
            (
                "train",
                np.ascontiguousarray(features),
                np.ascontiguousarray(labels),
                config.to_dict(),
                tuple(names),
            )
        )
        while True:
            msg = self._receive()
            yield msg
            if msg[0] in ("done", "stopped", "failed"):
                return

    def request_stop(self) -> None:
        self._stop.set()
        self._running.set()

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def close(self, timeout: float = 5.0) -> None:
        """Ask the child to quit and wait; kill it only if it does not."""
        proc, conn = self._proc, self._conn
        if proc is None:
            return
        self.request_stop()
        try:
            if conn is not None:
                conn.send(("quit",))
        except (OSError, ValueError):
            pass
        proc.join(timeout)
        if proc.is_alive():
            proc.kill()
            proc.join(1.0)
        if conn is not None:
            conn.close()
        self._proc = self._conn = None


def model_from(data: dict[str, Any] | None) -> LogisticModel | None:
    return None if data is None else LogisticModel.from_dict(data)
