"""Training the seed's model with PyTorch, one epoch at a time.

The default path *is* the seed's loop: ``nn.Linear(d, 1)``, ``sigmoid``,
``BCELoss(reduction='mean')``, ``torch.optim.SGD`` (or Adam), the loss taken before each
step. With the same data, settings and initial parameters it prints the post's numbers.

``method="closed-form"`` is a faster, equally honest path for SGD: the gradient of the mean BCE
through the sigmoid is ``X^T (p - y) / n``, so it skips autograd and the optimizer object and
syncs with the host once per chunk of epochs. It agrees with the seed's loop to ~1e-7.

torch is imported inside the functions that need it, so that importing this module is free
and the window can appear before torch has loaded.
"""

from __future__ import annotations

import array
import math
import operator
import secrets
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any, Literal, Protocol

import numpy as np

from core.model import LogisticModel, default_feature_names

if TYPE_CHECKING:
    import torch

Optimizer = Literal["sgd", "adam"]
Method = Literal["autograd", "closed-form"]

FLOAT32_MAX = float(np.finfo(np.float32).max)
MAX_EPOCHS = 100_000_000

CHECK_INTERVAL = 0.02
"""Seconds between looks at the stop and pause flags inside a run (also inside an epoch)."""
BLOCK_SECONDS = 0.025
"""The fast path runs blocks of epochs of about this length between looks at the flags."""
PYTHON_FAST_PATH_MAX_ROWS = 256
"""Fast path in plain Python at or below this many rows, in float32 torch above (measured
crossing point: each row costs the Python kernel about 0.4 µs per epoch, a torch epoch costs
tens of µs whatever its size)."""
CHUNK_ROWS = 262_144
"""A full-batch autograd epoch over more rows than this runs over blocks of this many rows,
accumulating the gradient, so its temporaries stay a few MiB (at or below it, the post's loop
runs untouched, bit for bit)."""
CHECK_ROWS = 65_536
"""Rows per block when checking that the data fit float32."""


class _Flag(Protocol):
    """A ``threading.Event`` or ``multiprocessing.Event``."""

    def is_set(self) -> bool: ...
    def wait(self, timeout: float | None = None) -> bool: ...


class TrainingError(Exception):
    """Training cannot start or cannot go on; ``str()`` is a sentence for the user."""


class ConfigError(TrainingError):
    """A setting is out of range. ``field`` names the setting (a ``TrainingConfig`` field)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class TrainingDiverged(TrainingError):
    """The loss or the parameters stopped being finite numbers.

    ``epoch`` is the 1-based epoch at which it happened and ``model`` the last finite
    parameters, which the trainer keeps.
    """

    def __init__(self, epoch: int, model: LogisticModel, what: str) -> None:
        super().__init__(
            f"Training diverged at epoch {epoch}: {what} is no longer a finite number. "
            "Try a smaller learning rate or rescale the features; "
            "the last finite parameters were kept."
        )
        self.epoch = epoch
        self.model = model


@dataclass(frozen=True)
class TrainingConfig:
    """Everything that decides a training run; equal configs give equal numbers.

    Parameters
    ----------
    epochs
        Passes over the data (the seed: 1000).
    learning_rate
        Step size (the seed: 0.01).
    optimizer
        ``"sgd"`` as in the seed, or ``"adam"``.
    weight_decay
        L2 weight decay as ``torch.optim`` applies it: to every parameter, bias included.
    batch_size
        Rows per step; ``None`` (or a size >= the number of rows) is full batch, as in the seed.
        Smaller batches are drawn in an order shuffled by ``seed`` each epoch.
    seed
        Seeds PyTorch's default initialisation of ``nn.Linear`` and the shuffling. ``None``
        picks one at random; the trainer reports the one it used.
    init_weights, init_bias
        Explicit initial parameters; each ``None`` falls back to PyTorch's default init.
    method
        ``"autograd"`` (the seed's loop) or ``"closed-form"`` (SGD only; faster).
    """

    epochs: int = 1000
    learning_rate: float = 0.01
    optimizer: Optimizer = "sgd"
    weight_decay: float = 0.0
    batch_size: int | None = None
    seed: int | None = None
    init_weights: tuple[float, ...] | None = None
    init_bias: float | None = None
    method: Method = "autograd"

    def validate(self, n_features: int | None = None) -> None:
        """Raise ``ConfigError`` naming the first setting that is out of range."""
        if isinstance(self.epochs, bool) or not isinstance(self.epochs, int):
            raise ConfigError("epochs", "Epochs must be a whole number.")
        if not 1 <= self.epochs <= MAX_EPOCHS:
            raise ConfigError("epochs", f"Epochs must be between 1 and {MAX_EPOCHS:,}.")
        lr = self.learning_rate
        if not (math.isfinite(lr) and 0.0 < lr <= 1e4):
            raise ConfigError(
                "learning_rate", "The learning rate must be a number above 0 and at most 10000."
            )
        if self.optimizer not in ("sgd", "adam"):
            raise ConfigError("optimizer", 'The optimizer must be "sgd" or "adam".')
        if not (math.isfinite(self.weight_decay) and 0.0 <= self.weight_decay <= 1e4):
            raise ConfigError("weight_decay", "Weight decay must be between 0 and 10000.")
        if self.batch_size is not None and (
            isinstance(self.batch_size, bool)
            or not isinstance(self.batch_size, int)
            or self.batch_size < 1
        ):
            raise ConfigError("batch_size", "The batch size must be a whole number of at least 1.")
        if self.seed is not None and not 0 <= self.seed < 2**63:
            raise ConfigError("seed", "The random seed must be a whole number from 0 to 2^63-1.")
        if self.init_weights is not None:
            if n_features is not None and len(self.init_weights) != n_features:
                raise ConfigError(
                    "init_weights",
                    f"Give one initial weight per feature: {n_features} expected, "
                    f"{len(self.init_weights)} given.",
                )
            if not all(math.isfinite(w) for w in self.init_weights):
                raise ConfigError("init_weights", "Initial weights must be finite numbers.")
        if self.init_bias is not None and not math.isfinite(self.init_bias):
            raise ConfigError("init_bias", "The initial bias must be a finite number.")
        if self.method not in ("autograd", "closed-form"):
            raise ConfigError("method", 'The method must be "autograd" or "closed-form".')
        if self.method == "closed-form" and self.optimizer != "sgd":
            raise ConfigError("method", "The closed-form path supports the SGD optimizer only.")

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if self.init_weights is not None:
            d["init_weights"] = list(self.init_weights)
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrainingConfig:
        """Build a config from JSON data, ignoring unknown keys; raises ``ConfigError``."""
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        try:
            if kwargs.get("init_weights") is not None:
                kwargs["init_weights"] = tuple(float(w) for w in kwargs["init_weights"])
            for key in ("learning_rate", "weight_decay"):
                if key in kwargs:
                    kwargs[key] = float(kwargs[key])
            if kwargs.get("init_bias") is not None:
                kwargs["init_bias"] = float(kwargs["init_bias"])
        except (TypeError, ValueError) as exc:
            raise ConfigError("settings", f"The saved settings are not valid: {exc}") from exc
        config = cls(**kwargs)
        config.validate()
        return config


def to_float32_tensors(
    features: np.ndarray, labels: np.ndarray
) -> tuple[torch.Tensor, torch.Tensor]:
    """Convert data to the seed's float32 tensors, refusing values float32 cannot hold.

    The checks run over blocks of rows, so their temporaries stay small however long the
    table is; the only full-size results are the two float32 arrays the model trains on.
    """
    import torch

    x, y = check_float32(features, labels)
    with warnings.catch_warnings():  # read-only arrays are promised unchanged (see _float32)
        warnings.filterwarnings("ignore", message="The given NumPy array is not writable")
        return torch.from_numpy(_float32(x)), torch.from_numpy(_float32(y).reshape(-1, 1))


def check_float32(features: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(features as (n, d), labels as (n,))``, views, once every value is known to fit float32
    training; raises :class:`TrainingError` naming the first row that does not. Memory stays
    one block of rows, however long the table."""
    x = np.asarray(features)
    if x.ndim == 1:
        x = x.reshape(-1, 1)
    y = np.asarray(labels).reshape(-1)
    if x.shape[0] == 0:
        raise TrainingError("There are no data rows to train on.")
    if x.shape[0] != y.shape[0]:
        raise TrainingError(f"{x.shape[0]} feature rows but {y.shape[0]} labels.")
    for start in range(0, x.shape[0], CHECK_ROWS):
        block = np.asarray(x[start : start + CHECK_ROWS], dtype=np.float64)
        bad = ~np.isfinite(block) | (np.abs(block) > FLOAT32_MAX)
        if bad.any():
            row, col = (int(i) for i in np.argwhere(bad)[0])
            value = float(block[row, col])
            raise TrainingError(
                f"Row {start + row + 1}, feature {col + 1}: {value:g} is too large for float32 "
                f"training (the limit is about 3.4e38). Rescale that column."
            )
        labels_ok = np.isin(y[start : start + CHECK_ROWS], (0.0, 1.0))
        if not labels_ok.all():
            row = start + int(np.flatnonzero(~labels_ok)[0])
            raise TrainingError(f"Row {row + 1}: the label must be 0 or 1, not {y[row]!r}.")
    return x, y


def training_arrays(features: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The data as the model will train on it: read-only float32 copies, made once.

    Values float32 cannot hold, or labels other than 0/1, are left for :class:`Trainer` to
    name (row and column): the arrays are then returned as float64 copies. A read-only float32
    array goes through :func:`to_float32_tensors` without another copy, and the training process
    receives it as raw bytes (see ``core.remote``).
    """
    x = np.asarray(features)
    if x.ndim == 1:
        x = x.reshape(-1, 1)
    y = np.asarray(labels).reshape(-1)
    if x.ndim != 2 or x.shape[0] != y.shape[0]:
        return np.array(features), np.array(labels)
    x32 = np.empty(x.shape, np.float32)
    y32 = np.empty(y.shape, np.float32)
    for start in range(0, x.shape[0], CHECK_ROWS):
        stop = start + CHECK_ROWS
        block = np.asarray(x[start:stop], dtype=np.float64)
        labels_block = y[start:stop]
        if (~np.isfinite(block) | (np.abs(block) > FLOAT32_MAX)).any() or not np.isin(
            labels_block, (0.0, 1.0)
        ).all():
            return np.array(x, dtype=np.float64), np.array(y, dtype=np.float64)
        x32[start:stop] = block  # the same rounding as np.array(x, dtype=np.float32)
        y32[start:stop] = labels_block
    x32.flags.writeable = False
    y32.flags.writeable = False
    return x32, y32


def _float32(a: np.ndarray) -> np.ndarray:
    """A float32 copy, or ``a`` itself when it is already a read-only contiguous float32 array
    (the caller's promise that it will not change underneath the training: no copy)."""
    if a.dtype == np.float32 and a.flags.c_contiguous and not a.flags.writeable:
        return a
    return np.array(a, dtype=np.float32, order="C")


def describe_engine(config: TrainingConfig, n_rows: int, n_features: int = 1) -> str:
    """One sentence for the window and the README: which engine trains ``config``.

    Parameters
    ----------
    config
        The settings (``method`` and ``batch_size`` decide).
    n_rows, n_features
        The size of the table to train on.

    Returns
    -------
    str
        E.g. ``"Fast path: closed-form gradients in float64 Python arithmetic, …"``.
    """
    if config.method != "closed-form":
        if n_rows > CHUNK_ROWS and (config.batch_size is None or config.batch_size >= n_rows):
            return (
                "PyTorch autograd (the post's loop), each epoch over blocks of "
                f"{CHUNK_ROWS:,} rows to bound memory; losses equal to float32 precision"
            )
        return "PyTorch autograd: the post's loop, bit for bit"
    if n_rows <= PYTHON_FAST_PATH_MAX_ROWS:
        return (
            "Fast path: closed-form gradients in float64 Python arithmetic, parameters "
            "rounded to float32 after each step as PyTorch stores them; "
            "losses within 1e-6 of PyTorch"
        )
    return (
        "Fast path: closed-form gradients in float32 PyTorch without autograd; "
        "losses within 1e-6 of PyTorch"
    )


Outcome = Literal["running", "done", "stopped", "diverged"]
_Block = tuple[np.ndarray, list[tuple[list[float], float]]]


class _Interrupt:
    """Time-throttled look at the stop and pause flags, cheap enough for every minibatch."""

    __slots__ = ("next_check", "running", "stop")

    def __init__(self, stop: _Flag | None, running: _Flag | None) -> None:
        self.stop, self.running = stop, running
        self.next_check = time.perf_counter() + CHECK_INTERVAL

    def due(self) -> bool:
        """True when it is time to look at the flags (every ``CHECK_INTERVAL`` seconds)."""
        if self.stop is None and self.running is None:
            return False
        now = time.perf_counter()
        if now < self.next_check:
            return False
        self.next_check = now + CHECK_INTERVAL
        return True

    def stopped(self) -> bool:
        """Wait while paused; return whether a stop was requested."""
        stop, running = self.stop, self.running
        if running is not None:
            while not running.is_set():
                if stop is not None and stop.is_set():
                    return True
                running.wait(CHECK_INTERVAL)
            self.next_check = time.perf_counter() + CHECK_INTERVAL
        return stop is not None and stop.is_set()


class Trainer:
    """One training run of the seed's model over fixed data.

    Build it in the thread that will train, call :meth:`epochs` (or :meth:`chunks`) and read
    :attr:`model` whenever needed: it always holds the last finite parameters.

    Parameters
    ----------
    features
        ``(n, d)`` array (or ``(n,)`` for one feature).
    labels
        ``(n,)`` array of 0/1.
    config
        The settings; validated here (``ConfigError``).
    feature_names
        Names stored with the trained model.
    """

    def __init__(
        self,
        features: np.ndarray,
        labels: np.ndarray,
        config: TrainingConfig,
        feature_names: tuple[str, ...] | None = None,
    ) -> None:
        import torch

        self.x, self.y = to_float32_tensors(features, labels)
        d = self.x.shape[1]
        config.validate(d)
        self.config = config
        self.seed = config.seed if config.seed is not None else secrets.randbelow(2**31)
        self.feature_names = feature_names or default_feature_names(d)
        with torch.random.fork_rng(devices=[]):
            # The same draws as `torch.manual_seed(seed); nn.Linear(d, 1)` in a script.
            torch.manual_seed(self.seed)
            self.linear = torch.nn.Linear(d, 1)
        with torch.no_grad():
            if config.init_weights is not None:
                self.linear.weight.copy_(torch.tensor([config.init_weights]))
            if config.init_bias is not None:
                self.linear.bias.fill_(config.init_bias)
        self._params = self._read_params()
        self.initial_model = self._model_of(self._params)
        self._last_finite = self.initial_model
        self._last_params = self._params
        self.epochs_done = 0
        self.outcome: Outcome = "running"
        """``"running"``, then ``"done"``, ``"stopped"`` (on request) or ``"diverged"``."""
        self.engine_description = describe_engine(config, self.n_rows, d)
        """A sentence naming the engine in use; updated if the fast path falls back."""
        self._shuffle = torch.Generator().manual_seed(self.seed)

    @property
    def model(self) -> LogisticModel:
        """The latest finite parameters: after the last completed epoch, or, after a stop
        inside an epoch, after the last completed step."""
        # Built on demand: an epoch only keeps plain floats, the model object costs more.
        if self._last_params is not self._params:
            self._last_finite = self._model_of(self._params)
            self._last_params = self._params
        return self._last_finite

    def _read_params(self) -> tuple[list[float], float]:
        """The parameters as Python floats: one host copy per epoch, checked in Python."""
        return self.linear.weight.detach().reshape(-1).tolist(), self.linear.bias.item()

    def _write_params(self, w: list[float], b: float) -> None:
        import torch

        with torch.no_grad():
            self.linear.weight.copy_(torch.tensor([w], dtype=torch.float32))
            self.linear.bias.fill_(b)
        self._params = (list(w), float(b))

    def _model_of(self, params: tuple[list[float], float]) -> LogisticModel:
        return LogisticModel(tuple(params[0]), float(params[1]), self.feature_names)

    @property
    def n_rows(self) -> int:
        return int(self.x.shape[0])

    def _snapshot(self) -> LogisticModel:
        self._params = self._read_params()
        return self.model

    def _keep_if_finite(self) -> None:
        """After a stop inside an epoch: keep the parameters of the last completed step."""
        after = self._read_params()
        if math.isfinite(after[1]) and all(map(math.isfinite, after[0])):
            self._params = after

    def _batches(self) -> Iterator[torch.Tensor] | None:
        """This epoch's minibatches (``torch.split`` of a shuffled order), made lazily: a
        hundred thousand index tensors up front would delay a stop by a third of a second."""
        import torch

        bs = self.config.batch_size
        n = self.n_rows
        if bs is None or bs >= n:
            return None
        order = torch.randperm(n, generator=self._shuffle)
        return (order[k : k + bs] for k in range(0, n, bs))

    def epochs(self, stop: _Flag | None = None, running: _Flag | None = None) -> Iterator[float]:
        """Train, yielding each epoch's loss (taken before that epoch's update).

        Parameters
        ----------
        stop
            Once set (from any thread or process), the run ends within ``CHECK_INTERVAL``
            seconds, also inside a long epoch: the unfinished epoch yields no loss and
            :attr:`model` holds the parameters of the last completed step.
        running
            Optional pause flag (set = run, cleared = pause), looked at as often as ``stop``;
            while it is cleared the run waits inside the epoch.

        Raises
        ------
        TrainingDiverged
            When the loss, a prediction or a parameter stops being a finite float32 number,
            inside an epoch too; :attr:`model` then holds the last finite parameters (those
            after the last completed epoch).
        """
        self.outcome = "running"
        try:
            if self.config.method == "closed-form":
                for losses, params in self._fast_blocks(_Interrupt(stop, running), None):
                    for value, after in zip(losses.tolist(), params, strict=True):
                        self._params = after  # what model (and a reader of it) sees now
                        yield value
            else:
                yield from self._autograd_epochs(_Interrupt(stop, running))
        except TrainingDiverged:
            self.outcome = "diverged"
            raise
        if self.outcome == "running":
            self.outcome = "done"

    def epoch_blocks(
        self, stop: _Flag | None = None, running: _Flag | None = None
    ) -> Iterator[tuple[list[float], list[tuple[list[float], float]]]]:
        """:meth:`epochs` a block at a time: ``(losses, parameters after each of them)``.

        The fast path computes epochs in blocks; handing them on whole spares a reader the
        per-epoch Python work (the training process sends them in batches anyway), which was
        half the time of a 20,000-epoch fast run. The autograd path gives blocks of one epoch.
        :attr:`model` holds the parameters after the block's last epoch.
        """
        self.outcome = "running"
        try:
            if self.config.method == "closed-form":
                for losses, params in self._fast_blocks(_Interrupt(stop, running), None):
                    yield losses.tolist(), params
            else:
                for value in self._autograd_epochs(_Interrupt(stop, running)):
                    yield [value], [self._params]
        except TrainingDiverged:
            self.outcome = "diverged"
            raise
        if self.outcome == "running":
            self.outcome = "done"

    def _autograd_epochs(self, check: _Interrupt) -> Iterator[float]:
        import torch

        cfg = self.config
        params = list(self.linear.parameters())
        opt: torch.optim.Optimizer
        if cfg.optimizer == "adam":
            opt = torch.optim.Adam(params, lr=cfg.learning_rate, weight_decay=cfg.weight_decay)
        else:
            opt = torch.optim.SGD(params, lr=cfg.learning_rate, weight_decay=cfg.weight_decay)
        criterion = torch.nn.BCELoss(reduction="mean")
        x, y, linear = self.x, self.y, self.linear
        n = self.n_rows
        full_batch = cfg.batch_size is None or cfg.batch_size >= n
        chunked = full_batch and n > CHUNK_ROWS
        for _ in range(cfg.epochs - self.epochs_done):
            if check.stopped():
                self.outcome = "stopped"
                return
            epoch = self.epochs_done + 1
            if chunked:
                chunk_value = self._chunked_epoch(opt, epoch, check)
                if chunk_value is None:
                    self.outcome = "stopped"
                    return
                value = chunk_value
            elif full_batch:
                # The seed's loop, untouched: only the BCELoss call is guarded, which costs
                # nothing until it raises.
                p = torch.sigmoid(linear(x))
                try:
                    loss = criterion(p, y)
                except RuntimeError:
                    raise self._diverged(epoch, p) from None
                value = loss.item()
                opt.zero_grad()
                loss.backward()
                opt.step()
            else:
                total = 0.0
                batches = self._batches()
                assert batches is not None
                for idx in batches:
                    if check.due() and check.stopped():
                        self._keep_if_finite()
                        self.outcome = "stopped"
                        return
                    p = torch.sigmoid(linear(x[idx]))
                    try:
                        loss = criterion(p, y[idx])
                    except RuntimeError:
                        # A NaN prediction: the step before broke a parameter, or w·x + b
                        # overflowed float32. BCELoss refuses it; report it as divergence.
                        raise self._diverged(epoch, p) from None
                    total += loss.item() * len(idx)
                    opt.zero_grad()
                    loss.backward()
                    opt.step()
                value = total / n
            if not math.isfinite(value):
                raise TrainingDiverged(epoch, self.model, "the loss")
            # Reading the parameters back each epoch (a few µs) is what makes "the last finite
            # parameters" exact, and checking them as Python floats costs no torch op.
            after = self._read_params()
            if not (math.isfinite(after[1]) and all(map(math.isfinite, after[0]))):
                raise TrainingDiverged(epoch, self.model, "a parameter")
            self._params = after
            self.epochs_done = epoch
            yield value

    def _chunked_epoch(
        self, opt: torch.optim.Optimizer, epoch: int, check: _Interrupt
    ) -> float | None:
        """One full-batch step over blocks of ``CHUNK_ROWS`` rows, gradients accumulated.

        Same step as one BCELoss over all rows up to float32 summation order; the temporaries
        are those of one block. Returns the epoch's loss, or ``None`` when stopped (before the
        step, so the parameters stay those of the last epoch).
        """
        import torch

        criterion = torch.nn.BCELoss(reduction="sum")
        n = self.n_rows
        opt.zero_grad()
        total = 0.0
        for start in range(0, n, CHUNK_ROWS):
            if check.due() and check.stopped():
                opt.zero_grad()
                return None
            p = torch.sigmoid(self.linear(self.x[start : start + CHUNK_ROWS]))
            try:
                loss = criterion(p, self.y[start : start + CHUNK_ROWS]) / n
            except RuntimeError:
                raise self._diverged(epoch, p) from None
            total += loss.item()
            loss.backward()
        opt.step()
        return total

    def _diverged(self, epoch: int, p: torch.Tensor) -> TrainingError:
        import torch

        if bool(torch.isnan(p).any()):
            return TrainingDiverged(epoch, self.model, "the score w·x + b")
        return TrainingError(f"Training failed at epoch {epoch}: the loss could not be computed.")

    def chunks(
        self,
        stop: _Flag | None = None,
        size: int | None = None,
        running: _Flag | None = None,
    ) -> Iterator[np.ndarray]:
        """The fast path: closed-form SGD in blocks of epochs, yielding each block's losses.

        The gradient of the mean BCE through the sigmoid is ``X^T (p - y) / n``, so no autograd
        and no optimizer object are needed. Tables of at most ``PYTHON_FAST_PATH_MAX_ROWS``
        rows run in plain float64 Python arithmetic (no torch call per epoch), larger ones in
        float32 torch; see :func:`describe_engine`. Losses agree with :meth:`epochs` on the
        autograd path to 1e-6.

        Parameters
        ----------
        stop, running
            As for :meth:`epochs`; looked at between blocks, which last about
            ``CHECK_INTERVAL`` seconds, and inside long epochs.
        size
            At most this many epochs per block; ``None`` sizes blocks by time.

        Notes
        -----
        Where float32 could overflow (``|w|·max|x| + |b|`` near float32's limit), the block
        is replayed on the autograd path, which then trains the rest of the run and reports
        divergence at the same epoch as a plain autograd run would.
        """
        for losses, _ in self._fast_blocks(_Interrupt(stop, running), size):
            yield losses

    def _fast_blocks(
        self, check: _Interrupt, size: int | None
    ) -> Iterator[tuple[np.ndarray, list[tuple[list[float], float]]]]:
        """Blocks of ``(losses, parameters after each epoch)`` from the fast path."""
        cfg = self.config
        if cfg.optimizer != "sgd":
            raise ConfigError("method", "The closed-form path supports the SGD optimizer only.")
        if self.n_rows <= PYTHON_FAST_PATH_MAX_ROWS:
            blocks = self._python_blocks(check, size)
        else:
            blocks = self._torch_blocks(check, size)
        for block in blocks:
            if block is None:  # float32 overflow possible: the autograd loop takes over
                self.engine_description += (
                    f" (from epoch {self.epochs_done + 1:,} on: the autograd loop, because "
                    "float32 could overflow)"
                )
                for value in self._autograd_epochs(check):
                    yield np.array([value]), [self._params]
                return
            yield block
            if check.stopped():
                self.outcome = "stopped"
                return

    def _python_blocks(self, check: _Interrupt, size: int | None) -> Iterator[_Block | None]:
        import torch

        cfg = self.config
        n = self.n_rows
        lr = float(np.float32(cfg.learning_rate))  # torch applies both in float32
        wd = float(np.float32(cfg.weight_decay))
        xs: list[list[float]] = self.x.tolist()
        ys: list[float] = self.y.reshape(-1).tolist()
        d = len(xs[0])
        xmax = [max(abs(r[j]) for r in xs) for j in range(d)]
        x1 = [r[0] for r in xs]
        bs = cfg.batch_size
        minibatch = bs is not None and bs < n
        w, b = self._params
        block = 16 if size is None else size
        while self.epochs_done < cfg.epochs:
            if check.stopped():
                self.outcome = "stopped"
                return
            k = min(block, cfg.epochs - self.epochs_done)
            rng_state = self._shuffle.get_state()
            orders = (
                [torch.randperm(n, generator=self._shuffle).tolist() for _ in range(k)]
                if minibatch
                else None
            )
            t0 = time.perf_counter()
            if d == 1:
                losses, hist, ok = _sgd_kernel_1d(
                    x1, ys, w[0], b, lr, wd, k, orders, bs or n, xmax[0]
                )
            else:
                losses, hist, ok = _sgd_kernel(xs, ys, w, b, lr, wd, k, orders, bs or n, xmax)
            if not ok:
                self._shuffle.set_state(rng_state)
                yield None
                return
            w, b = hist[-1]
            self._write_params(w, b)
            self.epochs_done += k
            yield np.asarray(losses, dtype=np.float64), hist
            if size is None:
                per_epoch = (time.perf_counter() - t0) / k
                block = max(1, min(1 << 20, int(BLOCK_SECONDS / max(per_epoch, 1e-9))))

    def _torch_blocks(self, check: _Interrupt, size: int | None) -> Iterator[_Block | None]:
        import torch

        cfg = self.config
        lr, wd = cfg.learning_rate, cfg.weight_decay
        x, y = self.x, self.y
        xt = x.t().contiguous()
        block = 4 if size is None else size
        while self.epochs_done < cfg.epochs:
            if check.stopped():
                self.outcome = "stopped"
                return
            k = min(block, cfg.epochs - self.epochs_done)
            losses: list[float] = []
            hist: list[torch.Tensor] = []
            w = self.linear.weight.detach().clone()  # (1, d)
            b = self.linear.bias.detach().clone()  # (1,)
            rng_state = self._shuffle.get_state()
            t0 = time.perf_counter()
            stopped = False
            with torch.no_grad():
                for _ in range(k):
                    batches = self._batches()
                    if batches is None:
                        loss, gw, gb = _full_batch_gradient(x, xt, y, w, b)
                        if wd:
                            gw = gw + wd * w
                            gb = gb + wd * b
                        w = w - lr * gw
                        b = b - lr * gb
                    else:
                        loss = torch.zeros(())
                        for idx in batches:
                            if check.due() and check.stopped():
                                stopped = True
                                break
                            xb, yb = x[idx], y[idx]
                            p = torch.sigmoid(torch.addmm(b, xb, w.t()))
                            loss = loss + _bce(p, yb) * len(idx)
                            g = _grad_z(p, yb) / xb.shape[0]
                            gw = g.t() @ xb
                            gb = g.sum(0)
                            if wd:
                                gw = gw + wd * w
                                gb = gb + wd * b
                            w = w - lr * gw
                            b = b - lr * gb
                        loss = loss / self.n_rows
                    if stopped:
                        break
                    losses.append(float(loss))
                    hist.append(torch.cat([w.reshape(-1), b.reshape(-1)]))
            values = np.asarray(losses, dtype=np.float64)
            if not (
                np.isfinite(values).all()
                and bool(torch.isfinite(w).all() & torch.isfinite(b).all())
            ):
                self._shuffle.set_state(rng_state)
                yield None
                return
            self._write_params(w.reshape(-1).tolist(), float(b))
            self.epochs_done += len(losses)
            after = [(r[:-1], r[-1]) for r in torch.stack(hist).tolist()] if hist else []
            if stopped:
                self.outcome = "stopped"
                if len(values):
                    # the last epoch's parameters are followed by the partial epoch's steps
                    yield values, after
                return
            yield values, after
            if size is None:
                per_epoch = (time.perf_counter() - t0) / k
                block = max(1, min(1 << 16, int(BLOCK_SECONDS / max(per_epoch, 1e-9))))


# The closed-form kernels of the fast path for small tables. They mirror what PyTorch computes
# in float32 where it matters for the numbers: the sigmoid saturates exactly where float32's
# does (p rounded to float32's grid near 1; p = 0 where float32's exp overflows), BCELoss's logs
# are clamped at -100, autograd's gradient vanishes where BCELoss's backward divides by
# max(p(1-p), 1e-12), and each parameter is rounded to float32 after each step. That last
# rounding is what keeps 20,000 epochs within ~2e-7 of the post's float32 loop.
_C23 = 536870912.0  # (v + 2**29) - 2**29 rounds v in [1, 2) to float32's 2**-23 grid
_C24 = 268435456.0  # (p + 2**28) - 2**28 rounds p in [0.5, 1) to float32's 2**-24 grid
_EXP32_OVERFLOW = 88.72283935546875  # float32 exp(-z) is inf beyond this: sigmoid(z) == 0
_LOG_CLAMP = -100.0  # BCELoss clamps log(p) and log(1 - p) at -100
_TINY = math.exp(_LOG_CLAMP)  # below this, log(p) is clamped
_BCE_EPS = 1e-12  # BCELoss's backward divides by max(p(1 - p), 1e-12)
_Z_LIMIT = 1e38  # |w|·max|x| + |b| beyond this, float32 w·x + b could overflow


def _sgd_kernel_1d(  # noqa: PLR0917 (a hot loop takes its state as locals)
    xs: list[float],
    ys: list[float],
    w: float,
    b: float,
    lr: float,
    wd: float,
    epochs: int,
    orders: list[list[int]] | None,
    bs: int,
    xmax: float,
) -> tuple[list[float], list[tuple[list[float], float]], bool]:
    """``epochs`` SGD epochs on one feature; returns ``(losses, params after each, ok)``.

    ``ok`` is False when float32 could overflow; the caller then replays on the autograd path.
    """
    exp, log, log1p = math.exp, math.log, math.log1p
    f32 = array.array("f", (0.0, 0.0))
    n = len(xs)
    rows = list(zip(xs, ys, strict=True))
    losses: list[float] = []
    hist: list[tuple[list[float], float]] = []
    for e in range(epochs):
        batches = (
            [rows]
            if orders is None
            else [[rows[i] for i in orders[e][k : k + bs]] for k in range(0, n, bs)]
        )
        total = 0.0
        for batch in batches:
            gw = gb = 0.0
            for x, y in batch:
                z = w * x + b
                if z >= 0.0:
                    p = (1.0 / ((1.0 + exp(-z) + _C23) - _C23) + _C24) - _C24
                elif z > -_EXP32_OVERFLOW:
                    ez = exp(z)
                    p = ez / (1.0 + ez)
                else:
                    p = 0.0
                if y:
                    total -= log(p) if p > _TINY else _LOG_CLAMP
                else:
                    total -= log1p(-p) if p < 1.0 else _LOG_CLAMP
                pq = p - p * p
                g = p - y if pq >= _BCE_EPS else (p - y) * pq / _BCE_EPS
                gw += g * x
                gb += g
            m = len(batch)
            f32[0] = w - lr * (gw / m + wd * w)
            f32[1] = b - lr * (gb / m + wd * b)
            w, b = f32
            if not abs(w) * xmax + abs(b) <= _Z_LIMIT:
                return losses, hist, False
        losses.append(total / n)
        hist.append(([w], b))
    return losses, hist, True


def _sgd_kernel(  # noqa: PLR0917 (a hot loop takes its state as locals)
    xs: list[list[float]],
    ys: list[float],
    w: list[float],
    b: float,
    lr: float,
    wd: float,
    epochs: int,
    orders: list[list[int]] | None,
    bs: int,
    xmax: list[float],
) -> tuple[list[float], list[tuple[list[float], float]], bool]:
    """``epochs`` SGD epochs on several features; as :func:`_sgd_kernel_1d`."""
    exp, log, log1p, mul = math.exp, math.log, math.log1p, operator.mul
    d = len(w)
    f32 = array.array("f", [0.0] * (d + 1))
    n = len(xs)
    rows = list(zip(xs, ys, strict=True))
    losses: list[float] = []
    hist: list[tuple[list[float], float]] = []
    for e in range(epochs):
        batches = (
            [rows]
            if orders is None
            else [[rows[i] for i in orders[e][k : k + bs]] for k in range(0, n, bs)]
        )
        total = 0.0
        for batch in batches:
            gs: list[float] = []
            for xv, y in batch:
                z = sum(map(mul, w, xv)) + b
                if z >= 0.0:
                    p = (1.0 / ((1.0 + exp(-z) + _C23) - _C23) + _C24) - _C24
                elif z > -_EXP32_OVERFLOW:
                    ez = exp(z)
                    p = ez / (1.0 + ez)
                else:
                    p = 0.0
                if y:
                    total -= log(p) if p > _TINY else _LOG_CLAMP
                else:
                    total -= log1p(-p) if p < 1.0 else _LOG_CLAMP
                pq = p - p * p
                gs.append(p - y if pq >= _BCE_EPS else (p - y) * pq / _BCE_EPS)
            m = len(batch)
            cols = zip(*(xv for xv, _ in batch), strict=True)
            for j, col in enumerate(cols):
                f32[j] = w[j] - lr * (sum(map(mul, gs, col)) / m + wd * w[j])
            f32[d] = b - lr * (sum(gs) / m + wd * b)
            *w, b = f32
            if not sum(map(mul, map(abs, w), xmax)) + abs(b) <= _Z_LIMIT:
                return losses, hist, False
        losses.append(total / n)
        hist.append((w, b))
    return losses, hist, True


def _bce(p: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Mean BCE as ``nn.BCELoss`` computes it (logs clamped at -100), but NaN-tolerant.

    ``F.binary_cross_entropy`` raises on NaN input; the closed-form path must instead see
    the NaN and report the epoch where training diverged.
    """
    import torch

    log_p = torch.clamp(torch.log(p), min=_LOG_CLAMP)
    log_q = torch.clamp(torch.log1p(-p), min=_LOG_CLAMP)
    return -(y * log_p + (1.0 - y) * log_q).mean()


def _full_batch_gradient(
    x: torch.Tensor, xt: torch.Tensor, y: torch.Tensor, w: torch.Tensor, b: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Mean BCE and its gradient in w and b, over blocks of ``CHUNK_ROWS`` rows when large."""
    n = x.shape[0]
    if n <= CHUNK_ROWS:
        p = _sigmoid_linear(x, w, b)
        g = _grad_z(p, y) / n
        return _bce(p, y), (xt @ g).t(), g.sum(0)
    loss: Any = 0.0
    gw: Any = 0.0
    gb: Any = 0.0
    for s in range(0, n, CHUNK_ROWS):
        xc, yc = x[s : s + CHUNK_ROWS], y[s : s + CHUNK_ROWS]
        p = _sigmoid_linear(xc, w, b)
        g = _grad_z(p, yc) / n
        loss = loss + _bce(p, yc) * (len(yc) / n)
        gw = gw + g.t() @ xc
        gb = gb + g.sum(0)
    return loss, gw, gb


def _sigmoid_linear(x: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    import torch

    return torch.sigmoid(torch.addmm(b, x, w.t()))


def _grad_z(p: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """d BCE / d z as autograd computes it: ``p - y``, but vanishing where BCELoss's backward
    divides by ``max(p (1 - p), 1e-12)`` (a wrongly saturated row pulls no more)."""
    pq = p * (1.0 - p)
    return (p - y) / pq.clamp(min=_BCE_EPS) * pq


def train(
    features: np.ndarray,
    labels: np.ndarray,
    config: TrainingConfig,
    stop: threading.Event | None = None,
) -> tuple[np.ndarray, LogisticModel, int]:
    """Run a whole training; return ``(losses, model, seed_used)``."""
    trainer = Trainer(features, labels, config)
    losses = np.fromiter(trainer.epochs(stop), dtype=np.float64)
    return losses, trainer.model, trainer.seed
