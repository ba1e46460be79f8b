"""The plain-data part of a session: a run's history and how a run ended.

The window's :class:`gui.session.SessionState` wraps these in Qt signals; everything here can
be built, filled and checked without a window (``tests/core/test_session.py``).
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np

from core.model import LogisticModel


class Outcome(StrEnum):
    """How a training run ended."""

    DONE = "done"
    STOPPED = "stopped"
    FAILED = "failed"


class RunHistory:
    """Every epoch's loss and parameters of one run, growing as the run reports them.

    ``losses[k]`` is the loss of epoch ``k + 1`` (taken before that epoch's update, as the
    post prints it); ``params[k]`` is ``(w_1 … w_d, b)`` after epoch ``k + 1``'s update.
    ``initial`` is the parameter vector before the first epoch. Buffers grow by doubling, so
    appending is amortised O(1) and the arrays handed out are views, never copies.

    Parameters
    ----------
    n_features
        ``d``: the number of weights.
    initial
        The starting parameters ``(w_1 … w_d, b)``, or None when not known yet.
    """

    def __init__(self, n_features: int, initial: np.ndarray | None = None) -> None:
        self.n_features = n_features
        self.initial = (
            np.zeros(n_features + 1, np.float32)
            if initial is None
            else np.asarray(initial, np.float32).reshape(n_features + 1)
        )
        self._losses = np.empty(256, np.float64)
        self._params = np.empty((256, n_features + 1), np.float32)
        self._held: np.ndarray | None = None
        self._n = 0

    @classmethod
    def from_losses(cls, losses: np.ndarray, model: LogisticModel | None) -> RunHistory:
        """A history known only by its losses and final model (an opened project)."""
        d = model.n_features if model is not None else 1
        h = cls(d)
        if len(losses):
            final = _vector(model) if model is not None else np.full(d + 1, np.nan, np.float32)
            params = np.full((len(losses), d + 1), np.nan, np.float32)
            params[-1] = final
            h.append(np.asarray(losses, np.float64), params)
        return h

    def __len__(self) -> int:
        return self._n

    @property
    def losses(self) -> np.ndarray:
        """The losses so far (a read-only view)."""
        v = self._losses[: self._n]
        v.flags.writeable = False
        return v

    @property
    def params(self) -> np.ndarray:
        """``(epochs, d + 1)`` parameters after each epoch (a read-only view)."""
        v = self._params[: self._n]
        v.flags.writeable = False
        return v

    @property
    def holdout_losses(self) -> np.ndarray | None:
        """Each epoch's loss on the held-out rows (a read-only view), or None without them."""
        if self._held is None:
            return None
        v = self._held[: self._n]
        v.flags.writeable = False
        return v

    def append(
        self, losses: np.ndarray, params: np.ndarray, holdout: np.ndarray | None = None
    ) -> None:
        """Add the next epochs' losses, the parameters after each, and held-out losses."""
        k = len(losses)
        params = np.asarray(params, np.float32).reshape(k, self.n_features + 1)
        need = self._n + k
        if need > len(self._losses):
            cap = max(2 * len(self._losses), need)
            self._losses = _grown(self._losses, self._n, cap)
            self._params = _grown(self._params, self._n, cap)
            if self._held is not None:
                self._held = _grown(self._held, self._n, cap)
        if holdout is not None and self._held is None:
            self._held = np.full(len(self._losses), np.nan)
        self._losses[self._n : need] = losses
        self._params[self._n : need] = params
        if self._held is not None:
            self._held[self._n : need] = np.nan if holdout is None else holdout
        self._n = need

    def model_at(self, epoch: int, names: tuple[str, ...] | None = None) -> LogisticModel | None:
        """The model after ``epoch`` (0 = the initial parameters), or None if not recorded."""
        if not 0 <= epoch <= self._n:
            raise IndexError(f"epoch {epoch} is outside 0 … {self._n}")
        row = self.initial if epoch == 0 else self._params[epoch - 1]
        if not np.isfinite(row).all():
            return None
        w = tuple(float(v) for v in row[:-1])
        return LogisticModel(w, float(row[-1]), names or ())


def _grown(buf: np.ndarray, n: int, cap: int) -> np.ndarray:
    out = np.empty((cap, *buf.shape[1:]), buf.dtype)
    out[:n] = buf[:n]
    return out


def _vector(model: LogisticModel) -> np.ndarray:
    return np.asarray([*model.weights, model.bias], np.float32)


def model_vector(model: LogisticModel) -> np.ndarray:
    """``(w_1 … w_d, b)`` of a model as float32, the layout of :attr:`RunHistory.params`."""
    return _vector(model)
