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

import math
import secrets
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from core.model import LogisticModel, default_feature_names

if TYPE_CHECKING:
    import torch

Optimizer = Literal["sgd", "adam"]
Method = Literal["autograd", "closed-form"]

FLOAT32_MAX = float(np.finfo(np.float32).max)
MAX_EPOCHS = 100_000_000


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
    """Convert data to the seed's float32 tensors, refusing values float32 cannot hold."""
    import torch

    x = np.asarray(features, dtype=np.float64)
    if x.ndim == 1:
        x = x.reshape(-1, 1)
    y = np.asarray(labels, dtype=np.float64).reshape(-1)
    if x.shape[0] == 0:
        raise TrainingError("There are no data rows to train on.")
    if x.shape[0] != y.shape[0]:
        raise TrainingError(f"{x.shape[0]} feature rows but {y.shape[0]} labels.")
    bad = ~np.isfinite(x) | (np.abs(x) > FLOAT32_MAX)
    if bad.any():
        row, col = (int(i) for i in np.argwhere(bad)[0])
        raise TrainingError(
            f"Row {row + 1}, feature {col + 1}: {x[row, col]!r} is too large for float32 "
            f"training (the limit is about 3.4e38). Rescale that column."
        )
    if not np.isin(y, (0.0, 1.0)).all():
        row = int(np.flatnonzero(~np.isin(y, (0.0, 1.0)))[0])
        raise TrainingError(f"Row {row + 1}: the label must be 0 or 1, not {y[row]!r}.")
    return (
        torch.from_numpy(np.ascontiguousarray(x, dtype=np.float32)),
        torch.from_numpy(np.ascontiguousarray(y, dtype=np.float32).reshape(-1, 1)),
    )


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
        self._shuffle = torch.Generator().manual_seed(self.seed)

    @property
    def model(self) -> LogisticModel:
        """The latest parameters that are finite (after the last completed epoch)."""
        # Built on demand: an epoch only keeps plain floats, the model object costs more.
        if self._last_params is not self._params:
            self._last_finite = self._model_of(self._params)
            self._last_params = self._params
        return self._last_finite

    def _read_params(self) -> tuple[list[float], float]:
        """The parameters as Python floats: one host copy per epoch, checked in Python."""
        return self.linear.weight.detach().reshape(-1).tolist(), self.linear.bias.item()

    def _model_of(self, params: tuple[list[float], float]) -> LogisticModel:
        return LogisticModel(tuple(params[0]), float(params[1]), self.feature_names)

    @property
    def n_rows(self) -> int:
        return int(self.x.shape[0])

    def _snapshot(self) -> LogisticModel:
        self._params = self._read_params()
        return self.model

    def _batches(self) -> list[torch.Tensor] | None:
        import torch

        bs = self.config.batch_size
        if bs is None or bs >= self.n_rows:
            return None
        order = torch.randperm(self.n_rows, generator=self._shuffle)
        return list(torch.split(order, bs))

    def epochs(self, stop: threading.Event | None = None) -> Iterator[float]:
        """Train, yielding each epoch's loss (taken before that epoch's update).

        Stops early, between epochs, once ``stop`` is set. Raises ``TrainingDiverged`` when the
        loss or the parameters turn NaN/inf; :attr:`model` then holds the last finite ones.
        """
        if self.config.method == "closed-form":
            for chunk in self.chunks(stop):
                yield from chunk.tolist()
            return
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
        full_batch = cfg.batch_size is None or cfg.batch_size >= self.n_rows
        for _ in range(cfg.epochs - self.epochs_done):
            if stop is not None and stop.is_set():
                return
            epoch = self.epochs_done + 1
            batches = None if full_batch else self._batches()
            if batches is None:
                loss = criterion(torch.sigmoid(linear(x)), y)
                value = loss.item()
                opt.zero_grad()
                loss.backward()
                opt.step()
            else:
                total = 0.0
                for idx in batches:
                    loss = criterion(torch.sigmoid(linear(x[idx])), y[idx])
                    total += loss.item() * len(idx)
                    opt.zero_grad()
                    loss.backward()
                    opt.step()
                value = total / self.n_rows
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

    def chunks(self, stop: threading.Event | None = None, size: int = 256) -> Iterator[np.ndarray]:
        """Closed-form SGD in chunks of ``size`` epochs, yielding each chunk's losses.

        No autograd and one host sync per chunk; same losses as :meth:`epochs` to ~1e-7.
        """
        import torch

        cfg = self.config
        if cfg.optimizer != "sgd":
            raise ConfigError("method", "The closed-form path supports the SGD optimizer only.")
        lr, wd = cfg.learning_rate, cfg.weight_decay
        x, y = self.x, self.y
        xt = x.t().contiguous()
        w = self.linear.weight.detach().clone()  # (1, d)
        b = self.linear.bias.detach().clone()  # (1,)
        while self.epochs_done < cfg.epochs:
            if stop is not None and stop.is_set():
                return
            n_chunk = min(size, cfg.epochs - self.epochs_done)
            losses = torch.empty(n_chunk)
            w_start, b_start = w.clone(), b.clone()
            with torch.no_grad():
                for i in range(n_chunk):
                    batches = self._batches()
                    if batches is None:
                        p = torch.sigmoid(torch.addmm(b, x, w.t()))
                        losses[i] = _bce(p, y)
                        g = (p - y) / x.shape[0]
                        gw = (xt @ g).t()
                        gb = g.sum(0)
                        if wd:
                            gw = gw + wd * w
                            gb = gb + wd * b
                        w = w - lr * gw
                        b = b - lr * gb
                    else:
                        total = torch.zeros(())
                        for idx in batches:
                            xb, yb = x[idx], y[idx]
                            p = torch.sigmoid(torch.addmm(b, xb, w.t()))
                            total = total + _bce(p, yb) * len(idx)
                            g = (p - yb) / xb.shape[0]
                            gw = g.t() @ xb
                            gb = g.sum(0)
                            if wd:
                                gw = gw + wd * w
                                gb = gb + wd * b
                            w = w - lr * gw
                            b = b - lr * gb
                        losses[i] = total / self.n_rows
            values = losses.numpy()
            finite = np.isfinite(values)
            params_ok = bool(torch.isfinite(w).all() & torch.isfinite(b).all())
            if not finite.all() or not params_ok:
                # Replay the chunk one epoch at a time to find the exact epoch and keep the
                # last finite parameters; rare, so simplicity beats speed here.
                self._replay_closed_form(w_start, b_start, n_chunk)
                raise AssertionError("unreachable: replay must raise")  # pragma: no cover
            with torch.no_grad():
                self.linear.weight.copy_(w)
                self.linear.bias.copy_(b)
            self.epochs_done += n_chunk
            self._snapshot()
            yield values.astype(np.float64)

    def _replay_closed_form(self, w: torch.Tensor, b: torch.Tensor, n: int) -> None:
        import torch

        with torch.no_grad():
            self.linear.weight.copy_(w)
            self.linear.bias.copy_(b)
        start = self.epochs_done
        cfg = self.config
        replay = TrainingConfig(**{**cfg.to_dict(), "init_weights": None, "method": "autograd"})
        self.config = TrainingConfig(
            **{**replay.to_dict(), "init_weights": None, "epochs": start + n}
        )
        try:
            for _ in self.epochs():
                pass
        finally:
            self.config = cfg
        raise TrainingDiverged(self.epochs_done + 1, self.model, "the loss")


def _bce(p: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Mean BCE as ``nn.BCELoss`` computes it (logs clamped at -100), but NaN-tolerant.

    ``F.binary_cross_entropy`` raises on NaN input; the closed-form path must instead see
    the NaN and report the epoch where training diverged.
    """
    import torch

    log_p = torch.clamp(torch.log(p), min=-100.0)
    log_q = torch.clamp(torch.log1p(-p), min=-100.0)
    return -(y * log_p + (1.0 - y) * log_q).mean()


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
