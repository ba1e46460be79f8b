"""The loss landscape: the seed's mean BCE over a grid of parameters, as PyTorch computes it.

:func:`loss_grid` evaluates the loss over a (w, b) grid for one feature; :func:`loss_slice`
over a 2-D slice through any two parameters (weights or the bias) with the others held fixed,
for several features. Both are vectorised (one float32 PyTorch expression for a block of grid
points and rows, ``binary_cross_entropy`` itself, so logs are clamped at -100 as ``BCELoss``
does) and chunked over rows so memory stays bounded; the per-row losses are summed in float64.
Tables larger than ``max_rows`` are evaluated on a seeded random subsample, and the result says
so.

:func:`grid_range` picks axis ranges that contain an optimizer's path and the optimum;
:func:`descent_direction` gives, for separable data, the direction in which the loss keeps
falling (no finite optimum exists there).

These functions are plain and thread-safe: call them from a worker thread.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from core.exact import Separation, detect_separation, fit_exact
from core.model import label_values
from core.training import check_float32, to_float32_tensors

if TYPE_CHECKING:
    import torch

__all__ = [
    "DEFAULT_MAX_ROWS",
    "GridRange",
    "LossGrid",
    "SeparationDirection",
    "descent_direction",
    "grid_range",
    "loss_grid",
    "loss_slice",
    "mean_bce",
]

FloatArray = npt.NDArray[np.float64]

#: Tables with more rows are evaluated on a random subsample of this many rows.
DEFAULT_MAX_ROWS = 100_000
#: Grid points × rows evaluated at once (float32, so 0.5 MiB per temporary array; the five or
#: so alive at once peak at 2.4 MiB). 1,000,000 held 19 MiB for no speed-up: a 60 × 60 grid
#: over 20,000 rows took about 1.9 s with 1,000,000, 262,144 or 131,072.
_CHUNK_ELEMENTS = 131_072


@dataclass(frozen=True, eq=False)
class LossGrid:
    """Mean BCE over a grid of two parameters.

    Attributes
    ----------
    a_values : ndarray, shape (na,)
        Values of the first parameter (the horizontal axis).
    b_values : ndarray, shape (nb,)
        Values of the second parameter (the vertical axis).
    loss : ndarray, shape (nb, na)
        ``loss[j, i]`` is the mean BCE at ``a_values[i]``, ``b_values[j]``.
    axes : tuple of int
        Which parameters vary: ``0 … d-1`` are the weights, ``d`` is the bias.
    axis_names : tuple of str
        ``"w"``/``"b"`` for one feature, else ``"w[name]"`` and ``"b"``.
    fixed : tuple of float
        The full parameter vector (weights then bias) the other parameters were held at.
    rows_used, rows_total : int
        Rows evaluated, and rows in the data.
    note : str or None
        A sentence for the user when the loss was evaluated on a subsample.
    """

    a_values: FloatArray
    b_values: FloatArray
    loss: FloatArray
    axes: tuple[int, int]
    axis_names: tuple[str, str]
    fixed: tuple[float, ...]
    rows_used: int
    rows_total: int
    note: str | None

    @property
    def subsampled(self) -> bool:
        """Whether the loss was evaluated on a subsample of the rows."""
        return self.rows_used < self.rows_total


@dataclass(frozen=True)
class GridRange:
    """Axis ranges for a landscape: ``a`` horizontal (usually w), ``b`` vertical."""

    a_min: float
    a_max: float
    b_min: float
    b_max: float


@dataclass(frozen=True)
class SeparationDirection:
    """For separable data: the direction in which the loss keeps falling.

    Attributes
    ----------
    weights, bias : tuple of float, float
        A unit vector in parameter space (weights then bias): moving the parameters further
        along it lowers the loss without end (complete separation) or towards a floor
        (quasi-complete).
    separation : {"complete", "quasi-complete"}
        From :func:`core.exact.detect_separation`.
    exact : bool
        True for one feature (a threshold between the classes, found by sorting); False for
        several, where the direction is that of the L2-penalised fit with a very weak penalty,
        which tends to the maximum-margin direction as the penalty vanishes.
    """

    weights: tuple[float, ...]
    bias: float
    separation: Separation
    exact: bool


def mean_bce(
    features: np.ndarray, labels: np.ndarray, weights: Sequence[float], bias: float
) -> float:
    """Mean BCE of the seed's model at one parameter point, exactly as ``BCELoss`` gives it.

    Parameters
    ----------
    features, labels
        ``(n, d)`` and ``(n,)``.
    weights, bias
        The parameters (rounded to float32, as PyTorch holds them).

    Returns
    -------
    float
    """
    import torch

    x, y = to_float32_tensors(features, labels)
    with torch.no_grad():
        w = torch.tensor([list(weights)], dtype=torch.float32)
        b = torch.tensor([float(bias)], dtype=torch.float32)
        p = torch.sigmoid(torch.nn.functional.linear(x, w, b))
        return float(torch.nn.functional.binary_cross_entropy(p, y).item())


def loss_grid(
    features: np.ndarray,
    labels: np.ndarray,
    w_values: Sequence[float] | np.ndarray,
    b_values: Sequence[float] | np.ndarray,
    *,
    max_rows: int | None = DEFAULT_MAX_ROWS,
    seed: int = 0,
) -> LossGrid:
    """Mean BCE over a (w, b) grid for one feature.

    Parameters
    ----------
    features
        ``(n, 1)`` or ``(n,)``.
    labels
        ``(n,)`` of 0/1.
    w_values, b_values
        The grid's axes (any finite values, any order).
    max_rows
        Evaluate on a random subsample of this many rows when the data have more;
        ``None`` uses every row.
    seed
        Seeds the subsample.

    Returns
    -------
    LossGrid
        ``loss[j, i]`` at ``w_values[i]``, ``b_values[j]``.

    Raises
    ------
    ValueError
        If the data have more than one feature or an axis is empty or not finite.
    """
    x = np.asarray(features, dtype=np.float64)
    if x.ndim == 1:
        x = x.reshape(-1, 1)
    if x.ndim != 2 or x.shape[1] != 1:
        raise ValueError("loss_grid takes one feature; use loss_slice for several.")
    return loss_slice(
        x,
        labels,
        (0.0,),
        0.0,
        a_values=w_values,
        b_values=b_values,
        axes=(0, 1),
        max_rows=max_rows,
        seed=seed,
    )


def loss_slice(
    features: np.ndarray,
    labels: np.ndarray,
    weights: Sequence[float],
    bias: float,
    *,
    a_values: Sequence[float] | np.ndarray,
    b_values: Sequence[float] | np.ndarray,
    axes: tuple[int, int] | None = None,
    feature_names: Sequence[str] | None = None,
    max_rows: int | None = DEFAULT_MAX_ROWS,
    seed: int = 0,
) -> LossGrid:
    """Mean BCE over a 2-D slice through two parameters, the others held fixed.

    Parameters
    ----------
    features, labels
        ``(n, d)`` and ``(n,)``.
    weights, bias
        The parameter point the slice passes through (usually the current parameters); the
        two varying parameters' values here are ignored.
    a_values, b_values
        Values for the first and second varying parameter.
    axes
        Indices of the two parameters: ``0 … d-1`` the weights, ``d`` the bias. Default: the
        first weight and the bias.
    feature_names
        Names for the axis labels; default ``x1 … xd``.
    max_rows, seed
        As in :func:`loss_grid`.

    Returns
    -------
    LossGrid

    Raises
    ------
    ValueError
        If an axis index, an axis or the parameters are malformed.
    """

    x_all, y_all = check_float32(features, labels)
    n, d = int(x_all.shape[0]), int(x_all.shape[1])
    if len(weights) != d:
        raise ValueError(f"Give one weight per feature: {d} expected, {len(weights)} given.")
    i, j = axes if axes is not None else (0, d)
    if not (0 <= i <= d and 0 <= j <= d) or i == j:
        raise ValueError(f"The two axes must be different parameters between 0 and {d}.")
    a = _axis(a_values, "first")
    b = _axis(b_values, "second")
    theta = [float(v) for v in weights] + [float(bias)]
    if not all(math.isfinite(v) for v in theta):
        raise ValueError("The fixed parameters must be finite numbers.")

    # Sampled first, converted after: only the rows used are ever copied.
    x_used, y_used, note = _sample_rows(x_all, y_all, max_rows, seed)
    x_t, y_t = to_float32_tensors(x_used, y_used)
    rows = int(x_t.shape[0])
    loss = _mean_losses(x_t, y_t, theta, (i, j), a=a, b=b)

    names = _param_names(d, feature_names)
    return LossGrid(
        a_values=a,
        b_values=b,
        loss=np.ascontiguousarray(loss, dtype=np.float64),
        axes=(i, j),
        axis_names=(names[i], names[j]),
        fixed=tuple(theta),
        rows_used=rows,
        rows_total=n,
        note=note,
    )


def _sample_rows(
    x: np.ndarray, y: np.ndarray, max_rows: int | None, seed: int
) -> tuple[np.ndarray, np.ndarray, str | None]:
    """At most ``max_rows`` rows, drawn at random (in order) from ``seed``; with a note if so."""
    n = int(x.shape[0])
    if max_rows is None or n <= max_rows:
        return x, y, None
    rng = np.random.default_rng(seed)
    keep = np.sort(rng.choice(n, size=max_rows, replace=False))
    note = (
        f"The loss surface is computed on a random sample of {max_rows:,} of the {n:,} rows, "
        "so it is an estimate of the full loss."
    )
    return x[keep], y[keep], note


def _mean_losses(
    x_t: torch.Tensor,
    y_t: torch.Tensor,
    theta: list[float],
    axes: tuple[int, int],
    *,
    a: np.ndarray,
    b: np.ndarray,
) -> np.ndarray:
    """Mean BCE at every grid point, ``(len(b), len(a))``, summed over row chunks in float64."""
    import torch

    i, j = axes
    rows, d = int(x_t.shape[0]), int(x_t.shape[1])
    ones = torch.ones(rows, 1)
    design = torch.cat([x_t, ones], dim=1)  # (rows, d + 1): the bias's column is ones
    with torch.no_grad():
        # The score from the parameters that stay fixed; in one-feature grids it is zero.
        fixed = torch.tensor(theta, dtype=torch.float32)
        fixed[i] = 0.0
        fixed[j] = 0.0
        base = design @ fixed  # (rows,)
        col_a, col_b = design[:, i], design[:, j]
        aa = torch.from_numpy(a.astype(np.float32))
        bb = torch.from_numpy(b.astype(np.float32))
        grid_a = aa.repeat(len(b))  # (G,), a varies fastest
        grid_b = bb.repeat_interleave(len(a))
        g = grid_a.shape[0]
        totals = torch.zeros(g, dtype=torch.float64)
        step = max(1, _CHUNK_ELEMENTS // g)
        one_feature_bias = d == 1 and (i, j) == (0, 1)
        for start in range(0, rows, step):
            stop = min(rows, start + step)
            if one_feature_bias:
                # w·x + b in the order F.linear computes it for one feature.
                z = grid_a[:, None] * col_a[None, start:stop] + grid_b[:, None]
            else:
                z = (
                    base[None, start:stop]
                    + grid_a[:, None] * col_a[None, start:stop]
                    + grid_b[:, None] * col_b[None, start:stop]
                )
            p = torch.sigmoid(z)
            target = y_t[start:stop, 0][None, :].expand_as(p)
            losses = torch.nn.functional.binary_cross_entropy(p, target, reduction="none")
            totals += losses.sum(dim=1, dtype=torch.float64)
        return np.asarray((totals / rows).numpy().reshape(len(b), len(a)))


def grid_range(
    path: np.ndarray | Sequence[Sequence[float]],
    optimum: Sequence[float] | None = None,
    *,
    margin: float = 0.25,
    min_span: float = 1.0,
) -> GridRange:
    """Axis ranges that contain every point of ``path`` and the optimum, with a margin.

    Parameters
    ----------
    path
        ``(k, 2)`` points (a, b), e.g. the (w, b) after each epoch; non-finite points are
        skipped.
    optimum
        An extra point to include (the exact fit), or ``None``; skipped when not finite.
    margin
        Fraction of each span added on both sides.
    min_span
        Smallest span of each axis, so that a path that barely moves still shows its
        surroundings.

    Returns
    -------
    GridRange

    Raises
    ------
    ValueError
        If there is no finite point.
    """
    pts = np.asarray(path, dtype=np.float64).reshape(-1, 2)
    if optimum is not None:
        pts = np.vstack([pts, np.asarray(optimum, dtype=np.float64).reshape(1, 2)])
    pts = pts[np.isfinite(pts).all(axis=1)]
    if pts.shape[0] == 0:
        raise ValueError("The landscape needs at least one finite point to frame.")
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    span = np.maximum(hi - lo, min_span)
    centre = (lo + hi) / 2
    half = span * (0.5 + margin)
    return GridRange(
        float(centre[0] - half[0]),
        float(centre[0] + half[0]),
        float(centre[1] - half[1]),
        float(centre[1] + half[1]),
    )


def descent_direction(features: np.ndarray, labels: np.ndarray) -> SeparationDirection | None:
    """For separable data, the direction in parameter space along which the loss keeps falling.

    Parameters
    ----------
    features, labels
        ``(n, d)`` (or ``(n,)``) and ``(n,)``.

    Returns
    -------
    SeparationDirection or None
        ``None`` when the data are not separable (a finite optimum exists; use
        :func:`core.exact.fit_exact`), or when no direction could be found for several
        features.
    """
    x = np.asarray(features, dtype=np.float64)
    if x.ndim == 1:
        x = x.reshape(-1, 1)
    y = label_values(labels).reshape(-1)
    separation = detect_separation(x, y)
    if separation == "none":
        return None
    d = x.shape[1]
    n_ones = int(y.sum())
    if n_ones in (0, y.shape[0]):
        # One class only: the bias alone drives every probability to the right side.
        return SeparationDirection((0.0,) * d, 1.0 if n_ones else -1.0, separation, True)
    if d == 1:
        x0, x1 = x[y == 0.0, 0], x[y == 1.0, 0]
        if x0.max() <= x1.min():
            sign, cut = 1.0, (float(x0.max()) + float(x1.min())) / 2
        else:
            sign, cut = -1.0, (float(x1.max()) + float(x0.min())) / 2
        norm = math.hypot(1.0, cut)
        return SeparationDirection((sign / norm,), -sign * cut / norm, separation, True)
    signs = 2.0 * y - 1.0
    best: FloatArray | None = None
    for c in (1e3, 1e5, 1e7):
        fit = fit_exact(x, y, l2_C=c)
        if not fit.finite:
            continue
        theta = np.concatenate([fit.weights, [fit.bias]])
        norm = float(np.linalg.norm(theta))
        if norm == 0.0 or not math.isfinite(norm):
            continue
        best = theta / norm
        margins = signs * (x @ best[:d] + best[d])
        if separation == "complete" and margins.min() > 0.0:
            break
        if separation == "quasi-complete" and margins.min() > -1e-9 * max(1.0, norm):
            break
    if best is None:
        return None
    return SeparationDirection(tuple(float(v) for v in best[:d]), float(best[d]), separation, False)


def _axis(values: Sequence[float] | np.ndarray, which: str) -> FloatArray:
    arr = np.asarray(values, dtype=np.float64).reshape(-1)
    if arr.size == 0 or not np.isfinite(arr).all():
        raise ValueError(f"The {which} axis needs at least one value, all finite.")
    return arr


def _param_names(d: int, feature_names: Sequence[str] | None) -> list[str]:
    if d == 1:
        return ["w", "b"]
    names = list(feature_names) if feature_names is not None else [f"x{k + 1}" for k in range(d)]
    if len(names) != d:
        raise ValueError(f"Give {d} feature names, not {len(names)}.")
    return [f"w[{name}]" for name in names] + ["b"]
