"""Finished training runs, kept side by side and saved in the project file.

A :class:`Run` holds what a runs table shows (settings, final loss, accuracy, final
parameters) and what the plots overlay (the loss of every epoch and the parameter path).
:meth:`Run.to_dict` gives JSON-ready data; :meth:`Run.from_dict` reads it back and refuses any
malformed value with a ``ValueError`` whose message says what is wrong, never another
exception type. Arrays are stored as little-endian float32 in base64, exact and compact.
"""

from __future__ import annotations

import base64
import binascii
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from core.training import MAX_EPOCHS, ConfigError, TrainingConfig

__all__ = ["Run"]

Float32Array = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class Run:
    """One finished training run.

    Parameters
    ----------
    name
        A label for the runs table and the legend (e.g. ``"SGD, lr 0.01"``).
    config
        The settings it ran with.
    seed
        The seed it used (``Trainer.seed``), so it can be repeated.
    final_loss
        The loss of the last epoch (taken before its update, as printed).
    accuracy
        Share of rows classified correctly by the final parameters at ``threshold``, 0 to 1.
    weights, bias
        The final parameters.
    losses
        float32, shape ``(epochs_done,)``: every epoch's loss.
    path
        float32, shape ``(k, d + 1)``: parameters (weights then bias) at ``path_epochs``.
    path_epochs
        int, shape ``(k,)``, strictly increasing, from 0 (the initial parameters) to
        ``epochs_done``; lets a long run keep a thinned path.
    threshold
        The probability threshold the accuracy was computed at.
    """

    name: str
    config: TrainingConfig
    seed: int
    final_loss: float
    accuracy: float
    weights: tuple[float, ...]
    bias: float
    losses: Float32Array
    path: Float32Array
    path_epochs: IntArray
    threshold: float = 0.5

    def __post_init__(self) -> None:
        _check(self)

    @property
    def epochs_done(self) -> int:
        return int(self.losses.shape[0])

    @property
    def n_features(self) -> int:
        return len(self.weights)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data that :meth:`from_dict` reads back to an equal run."""
        return {
            "name": self.name,
            "config": self.config.to_dict(),
            "seed": self.seed,
            "final_loss": self.final_loss,
            "accuracy": self.accuracy,
            "weights": list(self.weights),
            "bias": self.bias,
            "threshold": self.threshold,
            "losses": _encode(self.losses),
            "path": _encode(self.path),
            "path_epochs": [int(e) for e in self.path_epochs],
        }

    @classmethod
    def from_dict(cls, data: object) -> Run:
        """Read a run saved by :meth:`to_dict`.

        Raises
        ------
        ValueError
            With a message naming the field, for any missing or malformed value.
        """
        if not isinstance(data, dict):
            raise ValueError("A saved run must be a JSON object.")
        try:
            name = data["name"]
            config_data = data["config"]
            seed = data["seed"]
            weights = data["weights"]
            path_epochs = data["path_epochs"]
            fields = {k: data[k] for k in ("final_loss", "accuracy", "bias")}
            threshold = data.get("threshold", 0.5)
            losses_data, path_data = data["losses"], data["path"]
        except KeyError as exc:
            raise ValueError(f'The saved run has no "{exc.args[0]}".') from None
        if not isinstance(name, str):
            raise ValueError('The run\'s "name" must be text.')
        if not isinstance(config_data, dict):
            raise ValueError('The run\'s "config" must be a JSON object.')
        try:
            config = TrainingConfig.from_dict(config_data)
        except ConfigError as exc:
            raise ValueError(f"The run's settings are not valid: {exc}") from None
        except (TypeError, ValueError, OverflowError) as exc:
            raise ValueError(f"The run's settings are not valid: {exc}") from None
        if not _is_int(seed):
            raise ValueError('The run\'s "seed" must be a whole number.')
        numbers = {k: _number(k, v) for k, v in fields.items()}
        if not isinstance(weights, list) or not weights:
            raise ValueError('The run\'s "weights" must be a non-empty list of numbers.')
        w = tuple(_number("weights", v) for v in weights)
        if not isinstance(path_epochs, list) or not all(
            _is_int(e) and 0 <= e <= MAX_EPOCHS for e in path_epochs
        ):
            raise ValueError(
                f'The run\'s "path_epochs" must be a list of whole numbers from 0 to {MAX_EPOCHS:,}.'
            )
        losses = _decode("losses", losses_data)
        path = _decode("path", path_data)
        return cls(
            name=name,
            config=config,
            seed=int(seed),
            final_loss=numbers["final_loss"],
            accuracy=numbers["accuracy"],
            weights=w,
            bias=numbers["bias"],
            losses=losses,
            path=path,
            path_epochs=np.asarray(path_epochs, dtype=np.int64),
            threshold=_number("threshold", threshold),
        )


def _is_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _number(field: str, v: object) -> float:
    if not isinstance(v, bool) and isinstance(v, int | float):
        try:
            value = float(v)
        except OverflowError:
            value = math.inf
        if math.isfinite(value):
            return value
    raise ValueError(f'The run\'s "{field}" must hold finite numbers.')


def _encode(arr: np.ndarray) -> dict[str, Any]:
    data = np.ascontiguousarray(arr, dtype="<f4")
    return {
        "dtype": "float32",
        "shape": list(data.shape),
        "base64": base64.b64encode(data.tobytes()).decode("ascii"),
    }


def _decode(field: str, obj: object) -> Float32Array:
    if not isinstance(obj, dict):
        raise ValueError(f'The run\'s "{field}" must be an encoded array.')
    if obj.get("dtype") != "float32":
        raise ValueError(f'The run\'s "{field}" must be float32.')
    shape = obj.get("shape")
    if (
        not isinstance(shape, list)
        or not 1 <= len(shape) <= 2
        or not all(_is_int(s) and s >= 0 for s in shape)
    ):
        raise ValueError(f'The run\'s "{field}" has no valid shape.')
    text = obj.get("base64")
    if not isinstance(text, str):
        raise ValueError(f'The run\'s "{field}" has no base64 data.')
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise ValueError(f'The run\'s "{field}" is not valid base64.') from None
    count = math.prod(shape)
    if len(raw) != 4 * count:
        raise ValueError(
            f'The run\'s "{field}" holds {len(raw)} bytes, not the {4 * count} its shape needs.'
        )
    return np.frombuffer(raw, dtype="<f4").astype(np.float32).reshape(shape)


def _check(run: Run) -> None:
    """Raise ValueError for an inconsistent run."""
    d = len(run.weights)
    if d < 1:
        raise ValueError("A run needs at least one weight.")
    if not all(math.isfinite(v) for v in (*run.weights, run.bias, run.final_loss)):
        raise ValueError("A run's final parameters and loss must be finite numbers.")
    if not 0.0 <= run.accuracy <= 1.0:
        raise ValueError("A run's accuracy must be between 0 and 1.")
    if not 0.0 < run.threshold < 1.0:
        raise ValueError("A run's threshold must be strictly between 0 and 1.")
    if not 0 <= run.seed < 2**63:
        raise ValueError("A run's seed must be a whole number from 0 to 2^63-1.")
    if run.config.init_weights is not None and len(run.config.init_weights) != d:
        raise ValueError(f"The run has {d} weights but its settings give a different number.")
    losses, path, epochs = run.losses, run.path, run.path_epochs
    if not isinstance(losses, np.ndarray) or losses.dtype != np.float32 or losses.ndim != 1:
        raise ValueError("A run's losses must be a 1-D float32 array.")
    if losses.shape[0] < 1 or losses.shape[0] > run.config.epochs:
        raise ValueError(
            f"A run must have between 1 and {run.config.epochs} losses, not {losses.shape[0]}."
        )
    if not np.isfinite(losses).all():
        raise ValueError("A run's losses must be finite numbers.")
    if (
        not isinstance(path, np.ndarray)
        or path.dtype != np.float32
        or path.ndim != 2
        or path.shape[1] != d + 1
    ):
        raise ValueError(f"A run's path must be a float32 array of {d + 1} columns.")
    if not np.isfinite(path).all():
        raise ValueError("A run's path must hold finite numbers.")
    if not isinstance(epochs, np.ndarray) or epochs.ndim != 1 or epochs.shape[0] != path.shape[0]:
        raise ValueError("A run's path needs one epoch number per point.")
    if epochs.shape[0] and (
        epochs[0] < 0 or epochs[-1] > losses.shape[0] or np.any(np.diff(epochs) <= 0)
    ):
        raise ValueError(
            "A run's path epochs must increase strictly, from 0 to the epochs it trained."
        )
