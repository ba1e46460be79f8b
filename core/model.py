"""The seed's model: ``nn.Linear(d, 1)`` followed by a sigmoid, and what can be read off it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np


def logit(p: float) -> float:
    """Return log(p / (1 - p)), the score at which the sigmoid equals ``p`` (0 < p < 1)."""
    if not 0.0 < p < 1.0:
        raise ValueError(f"The threshold must be strictly between 0 and 1, not {float(p):g}.")
    return math.log(p / (1.0 - p))


@dataclass(frozen=True)
class LogisticModel:
    """Trained parameters of ``sigmoid(x · w + b)``.

    Parameters
    ----------
    weights
        One weight per feature (the ``nn.Linear`` weight row).
    bias
        The ``nn.Linear`` bias.
    feature_names
        Names of the features, in order; defaults to ``x`` or ``x1 … xd``.
    """

    weights: tuple[float, ...]
    bias: float
    feature_names: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.weights:
            raise ValueError("a model needs at least one weight")
        if not self.feature_names:
            names = ("x",) if len(self.weights) == 1 else default_feature_names(len(self.weights))
            object.__setattr__(self, "feature_names", names)
        if len(self.feature_names) != len(self.weights):
            raise ValueError(
                f"{len(self.weights)} weights but {len(self.feature_names)} feature names"
            )

    @property
    def n_features(self) -> int:
        return len(self.weights)

    @property
    def finite(self) -> bool:
        return all(math.isfinite(v) for v in (*self.weights, self.bias))

    def probability(self, x: np.ndarray | Sequence[float] | float) -> np.ndarray:
        """Probability of the positive class, computed as the seed computes it.

        The arithmetic is PyTorch's: float32, ``sigmoid(linear(x))``, so the value printed to four
        decimals is the seed script's. ``x`` is one row of ``d`` values, or an ``(n, d)`` array;
        for ``d == 1`` a scalar or a 1-D array of ``n`` values is taken as ``n`` rows.
        """
        import torch

        rows = self._as_rows(x)
        with torch.no_grad():
            w = torch.tensor([self.weights], dtype=torch.float32)
            b = torch.tensor([self.bias], dtype=torch.float32)
            p = torch.sigmoid(torch.nn.functional.linear(torch.from_numpy(rows), w, b))
        return p.numpy()[:, 0].astype(np.float64)

    def probability_fast(self, x: np.ndarray) -> np.ndarray:
        """Float64 numpy probability for drawing curves (no torch import, agrees to ~1e-7)."""
        rows = self._as_rows(x).astype(np.float64)
        z = rows @ np.asarray(self.weights, dtype=np.float64) + self.bias
        out: np.ndarray = np.empty_like(z)
        pos = z >= 0
        out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
        ez = np.exp(z[~pos])
        out[~pos] = ez / (1.0 + ez)
        return out

    def decision_boundary(self, threshold: float = 0.5) -> float | None:
        """Feature value at which the probability equals ``threshold`` (one feature only).

        Returns ``None`` when the weight is 0 (the probability never crosses the threshold) or
        the model is not finite. For the default threshold this is ``-b / w``.
        """
        if self.n_features != 1:
            raise ValueError("a decision boundary in x is defined for one feature only")
        w = self.weights[0]
        if w == 0.0 or not self.finite:
            return None
        return (logit(threshold) - self.bias) / w

    def _as_rows(self, x: np.ndarray | Sequence[float] | float) -> np.ndarray:
        # A value beyond float32's range becomes inf, as in torch; say nothing on the terminal.
        with np.errstate(over="ignore"):
            arr = np.asarray(x, dtype=np.float32)
        if arr.ndim == 0:
            arr = arr.reshape(1, 1)
        elif arr.ndim == 1:
            arr = arr.reshape(-1, 1) if self.n_features == 1 else arr.reshape(1, -1)
        if arr.ndim != 2 or arr.shape[1] != self.n_features:
            raise ValueError(
                f"the model takes {self.n_features} value(s) per row, got shape {arr.shape}"
            )
        return np.ascontiguousarray(arr)

    def to_dict(self) -> dict[str, Any]:
        return {
            "weights": list(self.weights),
            "bias": self.bias,
            "feature_names": list(self.feature_names),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LogisticModel:
        weights = data["weights"]
        bias = data["bias"]
        names = data.get("feature_names", [])
        if not isinstance(weights, list) or not all(_is_number(v) for v in weights):
            raise ValueError('"weights" must be a list of numbers')
        if not _is_number(bias):
            raise ValueError('"bias" must be a number')
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ValueError('"feature_names" must be a list of strings')
        return cls(tuple(float(v) for v in weights), float(bias), tuple(names))


LABEL_DTYPE = np.dtype(np.uint8)
"""How the table and an imported CSV keep labels: one byte per row (0 or 1), an eighth of a
float64. Code that reads labels takes them in this type or as float64 (see :func:`label_values`);
arithmetic on them is written so that it stays in float (``1.0 - y``, ``2.0 * y - 1.0``)."""


MISSING_LABEL = 255
"""A compact label whose cell holds text that is not a label (the table keeps the text); float64
labels mark it with NaN."""


def label_values(labels: Any) -> np.ndarray:
    """The labels as they are when they are compact bytes (no n-sized copy), else as float64."""
    y = np.asarray(labels)
    return y if y.dtype == LABEL_DTYPE else np.asarray(y, dtype=np.float64)


def label_known(labels: Any) -> np.ndarray:
    """Where a label is present (not :data:`MISSING_LABEL`, not NaN), as a bool array."""
    y = label_values(labels)
    return y <= 1 if y.dtype == LABEL_DTYPE else ~np.isnan(y)


def label_floats(labels: Any) -> np.ndarray:
    """The labels as float64, NaN where missing (what a saved project writes as null)."""
    y = np.asarray(labels)
    if y.dtype != LABEL_DTYPE:
        return np.asarray(y, dtype=np.float64)
    out = y.astype(np.float64)
    out[y > 1] = np.nan
    return out


def compact_labels(labels: Any) -> np.ndarray:
    """Labels as :data:`LABEL_DTYPE` bytes (0, 1, or :data:`MISSING_LABEL` for NaN); compact
    input is returned as it is."""
    y = np.asarray(labels)
    if y.dtype == LABEL_DTYPE:
        return y
    y = np.asarray(y, dtype=np.float64)
    out = np.full(y.shape, MISSING_LABEL, dtype=LABEL_DTYPE)
    out[y == 1.0] = 1
    out[y == 0.0] = 0
    return out


def default_feature_names(d: int) -> tuple[str, ...]:
    """``("x",)`` for one feature, else ``("x1", …, "xd")``."""
    return ("x",) if d == 1 else tuple(f"x{i + 1}" for i in range(d))


def _is_number(v: object) -> bool:
    if not isinstance(v, int | float) or isinstance(v, bool):
        return False
    try:
        return math.isfinite(v)
    except OverflowError:  # a whole number beyond float64's range
        return False
