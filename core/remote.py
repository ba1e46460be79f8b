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

import atexit
import contextlib
import logging
import multiprocessing as mp
import multiprocessing.connection as mpc
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from core.memory import release_freed_memory_promptly
from core.model import LogisticModel
from core.session import Outcome
from core.training import (
    Trainer,
    TrainingConfig,
    TrainingDiverged,
    TrainingError,
    check_float32,
)

log = logging.getLogger(__name__)

EMIT_INTERVAL = 0.04


@dataclass(frozen=True)
class Started:
    """The run has begun from ``model`` (the initial parameters), drawn with ``seed``."""

    model: LogisticModel
    seed: int


@dataclass(frozen=True)
class Progress:
    """Epochs ``first_epoch …`` : their losses, the parameters after each, and the model then.

    ``params`` is ``(len(losses), d + 1)`` float32, ``(w_1 … w_d, b)`` per epoch (the layout of
    :class:`core.session.RunHistory`). ``holdout_losses``, with a hold-out set, is each epoch's
    loss on it, taken with the same parameters as the training loss (before the update).
    """

    first_epoch: int
    losses: np.ndarray
    params: np.ndarray
    model: LogisticModel
    elapsed: float
    holdout_losses: np.ndarray | None = None


@dataclass(frozen=True)
class Failed:
    """The run failed; ``model`` holds the last finite parameters, when there are any."""

    message: str
    model: LogisticModel | None


@dataclass(frozen=True)
class Finished:
    """The run ended (after its last :class:`Progress`)."""

    outcome: Outcome


Message = Started | Progress | Failed | Finished
"""What a run reports, in order: one ``Started``, ``Progress`` batches, then ``Finished`` or
``Failed`` (a failure before the start sends only ``Failed``)."""


class _Flag(Protocol):
    def is_set(self) -> bool: ...
    def set(self) -> None: ...
    def clear(self) -> None: ...
    def wait(self, timeout: float | None = None) -> bool: ...


class Control:
    """Pause and stop for one run, in one place: a threading or a multiprocessing pair.

    ``stop`` set ends the run; ``running`` cleared pauses it. Stopping wakes a paused run.
    """

    def __init__(self, stop: _Flag | None = None, running: _Flag | None = None) -> None:
        self.stop: _Flag = stop if stop is not None else threading.Event()
        self.running: _Flag = running if running is not None else threading.Event()
        self.running.set()

    def request_stop(self) -> None:
        self.stop.set()
        self.running.set()

    def pause(self) -> None:
        self.running.clear()

    def resume(self) -> None:
        self.running.set()

    def reset(self) -> None:
        self.stop.clear()
        self.running.set()

    @property
    def paused(self) -> bool:
        return not self.running.is_set()

    @property
    def stopping(self) -> bool:
        return self.stop.is_set()


def _serve(conn: mpc.Connection, stop: _Flag, running: _Flag) -> None:
    """The child's loop: one request at a time until "quit" or the pipe closes."""
    _exit_with_parent()
    release_freed_memory_promptly()
    _leave_room_for_the_window()
    control = Control(stop, running)
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
        elif kind in ("train", "train-raw"):
            _, features, labels, config, names, holdout = request
            if kind == "train-raw":  # the data follow as float32 bytes in blocks: no pickle
                features, labels = _receive_arrays(conn, features, labels)
            run_training(
                features,
                labels,
                TrainingConfig.from_dict(config),
                names,
                control,
                conn.send,
                holdout,
            )


def _receive_arrays(
    conn: mpc.Connection, x_shape: tuple[int, ...], y_shape: tuple[int, ...]
) -> tuple[np.ndarray, np.ndarray]:
    """The two read-only float32 arrays :func:`_send_arrays` wrote, each received in place,
    block after block."""
    out = []
    for shape in (x_shape, y_shape):
        a = np.empty(shape, np.float32)
        if a.size:
            buffer, at = a.data.cast("B"), 0
            while at < a.nbytes:
                at += conn.recv_bytes_into(buffer, at)
        else:
            conn.recv_bytes()
        a.flags.writeable = False
        out.append(a)
    return out[0], out[1]


SEND_ROWS = 65_536
"""Rows per message when the data go to the training process: the window converts and holds one
block of float32 at a time, never a whole copy of the table."""


def _send_arrays(conn: mpc.Connection, *arrays: np.ndarray) -> None:
    """Each array as float32 bytes, in blocks of rows converted on the way (the rounding of
    ``np.array(a, dtype=np.float32)``); an empty array as one empty message."""
    for a in arrays:
        if a.size == 0:
            conn.send_bytes(b"")
        for lo in range(0, len(a), SEND_ROWS):
            block = np.ascontiguousarray(a[lo : lo + SEND_ROWS], dtype=np.float32)
            conn.send_bytes(block.data.cast("B"))


def _fits_float32(features: np.ndarray, labels: np.ndarray) -> bool:
    """Whether the data train as float32 as they are (checked a block at a time)."""
    try:
        check_float32(features, labels)
    except TrainingError:
        return False
    return True


def _exit_with_parent() -> None:
    """End this child whenever its parent ends, however it ends (kill -9 included).

    A paused run waits on an event that only the parent sets; without this, a killed window
    would leave the child waiting forever.
    """
    parent = mp.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


CHILD_NICENESS = 5
"""How much lower the training process's CPU priority is than the window's."""


def _leave_room_for_the_window() -> None:
    """Make the training process a good neighbour of the window on a small machine.

    Its priority is lowered (nice +5) and torch keeps one core free (intra-op threads: the
    cores less one, at least one), unless ``OMP_NUM_THREADS`` says otherwise. With 10,000,000
    rows on 2 cores, torch's two threads and the window's background fits were five runnable
    threads on two cores, and the GUI thread waited for the GIL behind threads the scheduler
    had parked. Nothing changes for a small table (torch works on one thread below 32,768
    elements), so the post's numbers are the same bits.
    """
    with contextlib.suppress(OSError, AttributeError):
        os.nice(CHILD_NICENESS)
    if "OMP_NUM_THREADS" not in os.environ:
        import torch

        torch.set_num_threads(max(1, (os.cpu_count() or 1) - 1))


def _warm_up() -> None:
    import torch

    p = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([p], lr=0.1)
    (p * 2).sum().backward()  # type: ignore[no-untyped-call]
    opt.step()


@dataclass(frozen=True)
class Holdout:
    """Rows held out from training: their loss is reported each epoch."""

    features: np.ndarray
    labels: np.ndarray

    def losses(self, before: np.ndarray) -> np.ndarray:
        """Mean BCE (log clamped at −100, as ``torch.nn.BCELoss``) for each parameter row.

        ``before`` is ``(k, d + 1)``; computed over blocks of rows so memory stays bounded.
        """
        X = np.asarray(self.features, np.float64).reshape(len(self.labels), -1)
        y = np.asarray(self.labels, np.float64)
        W, b = before[:, :-1].astype(np.float64), before[:, -1].astype(np.float64)
        total = np.zeros(len(before))
        block = max(1, 2_000_000 // max(1, len(before)))
        with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
            for lo in range(0, len(y), block):
                z = X[lo : lo + block] @ W.T + b  # (rows, k)
                yy = y[lo : lo + block, None]
                # log σ(z) = −log(1 + e^{−z}); clamped as torch clamps log(p) and log(1 − p)
                log_p = np.maximum(-np.logaddexp(0.0, -z), -100.0)
                log_q = np.maximum(-np.logaddexp(0.0, z), -100.0)
                total += -(yy * log_p + (1.0 - yy) * log_q).sum(axis=0)
        return total / max(1, len(y))


class _Batcher:
    """Collects epochs and hands them on as :class:`Progress` batches (see run_batched)."""

    def __init__(
        self, trainer: Trainer, emit: Callable[[Progress], None], holdout: Holdout | None
    ) -> None:
        self.trainer, self.emit, self.holdout = trainer, emit, holdout
        self.losses: list[float] = []
        self.params: list[list[float]] = []
        w0, b0 = trainer._params
        self.previous = np.asarray([[*w0, b0]], np.float32)  # before the next epoch
        self.first = 1
        self.t0 = time.perf_counter()

    def add(self, losses: list[float], params: list[tuple[list[float], float]]) -> None:
        """A block of epochs: their losses and the parameters after each."""
        self.losses += losses
        self.params += [[*w, b] for w, b in params]

    def flush(self) -> None:
        if not self.losses:
            return
        after = np.asarray(self.params, np.float32)
        held = None
        if self.holdout is not None:
            held = self.holdout.losses(np.concatenate([self.previous, after[:-1]]))
        self.previous = after[-1:]
        self.emit(
            Progress(
                self.first,
                np.asarray(self.losses),
                after,
                self.trainer.model,
                time.perf_counter() - self.t0,
                held,
            )
        )
        self.first += len(self.losses)
        self.losses, self.params = [], []


class _FlushingPause:
    """The run flag as the trainer sees it: a pause flushes first and is not elapsed time.

    The trainer checks it inside an epoch too, so a pause takes hold within ~20 ms even in a
    long epoch; the losses so far reach the window before the run waits.
    """

    def __init__(self, running: _Flag, batcher: _Batcher) -> None:
        self._running, self._batcher = running, batcher

    def is_set(self) -> bool:
        return self._running.is_set()

    def set(self) -> None:
        self._running.set()

    def clear(self) -> None:
        self._running.clear()

    def wait(self, timeout: float | None = None) -> bool:
        self._batcher.flush()
        start = time.perf_counter()
        try:
            return self._running.wait(timeout)
        finally:
            self._batcher.t0 += time.perf_counter() - start


def run_batched(
    trainer: Trainer,
    control: Control,
    emit: Callable[[Progress], None],
    holdout: Holdout | None = None,
) -> Outcome:
    """Train, handing :class:`Progress` batches to ``emit`` at most every ``EMIT_INTERVAL`` s.

    Every loss reaches ``emit`` exactly once, in order, with the parameters after each epoch;
    a pause (``control.running`` cleared) flushes first and does not count as elapsed time.
    Returns DONE or STOPPED; a divergence is flushed, then re-raised. Used by the training
    child and by the in-thread path alike.
    """
    batcher = _Batcher(trainer, emit, holdout)
    running = _FlushingPause(control.running, batcher)
    last = batcher.t0
    try:
        for losses, params in trainer.epoch_blocks(control.stop, running):
            batcher.add(losses, params)
            if control.paused:
                running.wait()
            now = time.perf_counter()
            if now - last >= EMIT_INTERVAL:
                batcher.flush()
                last = now
    finally:
        batcher.flush()
    return Outcome.STOPPED if control.stopping else Outcome.DONE


def run_training(  # noqa: PLR0917 (the run's whole input, as the child receives it)
    features: np.ndarray,
    labels: np.ndarray,
    config: TrainingConfig,
    names: tuple[str, ...],
    control: Control,
    send: Callable[[Message], None],
    holdout: Holdout | None = None,
) -> None:
    """One whole run, reported through ``send``: Started, Progress…, Finished or Failed."""
    try:
        trainer = Trainer(features, labels, config, names)
    except TrainingError as exc:
        send(Failed(str(exc), None))
        return
    send(Started(trainer.initial_model, trainer.seed))
    try:
        outcome = run_batched(trainer, control, send, holdout)
    except TrainingDiverged as exc:
        send(Failed(str(exc), exc.model))
        return
    except Exception as exc:  # reported to the window, never a silent death
        log.exception("training failed")
        send(Failed(f"{type(exc).__name__}: {exc}", trainer.model))
        return
    send(Finished(outcome))


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
        self.control = Control(self._ctx.Event(), self._ctx.Event())
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
                args=(child, self.control.stop, self.control.running),
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

    def _receive(self, timeout: float | None = None) -> Any:
        conn = self._conn
        assert conn is not None
        deadline = None if timeout is None else time.monotonic() + timeout
        while not conn.poll(0.2):
            if not self._proc.is_alive():
                raise TrainingError("The training process ended unexpectedly.")
            if deadline is not None and time.monotonic() > deadline:
                raise TrainingError("The training process does not answer.")
        try:
            msg = conn.recv()
        except (EOFError, OSError) as exc:
            raise TrainingError("The training process ended unexpectedly.") from exc
        return msg

    def train(
        self,
        features: np.ndarray,
        labels: np.ndarray,
        config: TrainingConfig,
        names: tuple[str, ...],
        *,
        paused: bool = False,
        on_started: Callable[[RemoteTrainer], None] | None = None,
        holdout: Holdout | None = None,
    ) -> Iterator[Message]:
        """Run one training in the child, yielding its messages until the last one.

        ``paused`` starts the run paused; ``on_started(self)`` is called once the controls
        are reset for this run and before the child is asked to start, so a caller can route
        its pause and stop requests here without losing one made meanwhile.
        """
        self.start()
        assert self._conn is not None
        self.control.reset()
        if paused:
            self.control.pause()
        if on_started is not None:
            on_started(self)
        if _fits_float32(features, labels):
            # float32 bytes, converted block by block and read straight into the child's
            # arrays: the window never holds a whole copy (the table's arrays are
            # copy-on-write snapshots, so they do not change meanwhile).
            x = features.reshape(len(features), -1) if features.ndim != 2 else features
            header = ("train-raw", x.shape, labels.shape)
            self._conn.send((*header, config.to_dict(), tuple(names), holdout))
            _send_arrays(self._conn, x, labels)
        else:  # the child's Trainer names the row that float32 cannot hold
            self._conn.send(
                (
                    "train",
                    np.ascontiguousarray(features),
                    np.ascontiguousarray(labels),
                    config.to_dict(),
                    tuple(names),
                    holdout,
                )
            )
        while True:
            msg: Message = self._receive()
            yield msg
            if isinstance(msg, Finished | Failed):
                return

    @property
    def pid(self) -> int | None:
        """The child's process id (None before it started)."""
        return None if self._proc is None else int(self._proc.pid)

    def kill(self) -> None:
        """End the child at once (what the OOM killer would do); for tests of that case."""
        if self._proc is not None:
            self._proc.kill()

    def close(self, timeout: float = 5.0) -> None:
        """Ask the child to quit and wait; kill it only if it does not."""
        proc, conn = self._proc, self._conn
        if proc is None:
            return
        self.control.request_stop()
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


class TrainingPool:
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


TRAINING_PROCESSES = TrainingPool()
atexit.register(TRAINING_PROCESSES.close_all)
