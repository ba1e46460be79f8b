"""Generated data sets whose true parameters are known, for teaching.

:func:`generate` draws features from a normal distribution and labels from the logistic model
with a chosen true weight and bias, then shapes the result into one of three scenarios a
teacher needs: data a line separates perfectly (no finite maximum-likelihood fit exists),
data that are separable but for a few points, and data whose classes overlap as the logistic
model says they should. The same arguments and seed give the same data on every machine.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

import numpy as np

from core.data import Dataset
from core.exact import detect_separation
from core.model import default_feature_names

__all__ = ["PRESETS", "Preset", "generate"]

Preset = Literal["separable", "nearly separable", "overlapping"]
PRESETS: tuple[Preset, ...] = ("separable", "nearly separable", "overlapping")

_MAX_TRIES = 200


def generate(
    n: int = 40,
    weights: float | Sequence[float] = 1.0,
    bias: float = -2.5,
    *,
    preset: Preset = "overlapping",
    noise: float | None = None,
    balance: float | None = 0.5,
    loc: float = 2.5,
    scale: float = 1.5,
    decimals: int | None = 2,
    seed: int = 0,
    feature_names: Sequence[str] | None = None,
    label_name: str = "passed",
) -> Dataset:
    """Generate a reproducible data set from a logistic model with known parameters.

    Parameters
    ----------
    n
        Number of rows, at least 4.
    weights
        The true weight, or one per feature (their number is the number of features); not all
        zero.
    bias
        The true bias: the true model is P(y = 1 | x) = σ(w·x + b).
    preset
        ``"separable"``: y = 1 exactly when w·x + b > 0, with no point closer to the boundary
        than a tenth of ``scale`` (so the data are completely separable and no finite
        maximum-likelihood fit exists). ``"nearly separable"``: the same, then a share ``noise``
        of the labels (at least one, both classes in turn) is flipped, picked among the points
        in the middle of their class, until the data are no longer separable. ``"overlapping"``: each y is drawn from the true model, then a
        share ``noise`` of the labels is flipped at random; redrawn (from the same seed) until
        the classes overlap.
    noise
        Share of labels flipped, from 0 to 0.5. Default: 0.05 for ``"nearly separable"``, 0
        otherwise; ``"separable"`` accepts only 0.
    balance
        Wanted share of 1s, strictly between 0 and 1: the feature cloud is moved along w (which
        leaves w and b the truth) so that the expected share of 1s is ``balance`` (exactly
        ``round(balance * n)`` rows before any flipping, for the separable presets). ``None``
        leaves the cloud where ``loc`` puts it.
    loc, scale
        Each feature is drawn from a normal distribution with this mean and standard deviation
        (the defaults look like the post's 1–4 hours).
    decimals
        Round the features to this many decimals (``None``: no rounding); the labels are
        decided after rounding, so the preset's promise holds for the values shown.
    seed
        Seeds every random draw: equal arguments give equal data.
    feature_names, label_name
        Column names; default ``x`` or ``x1 … xd``, and ``passed``.

    Returns
    -------
    core.data.Dataset

    Raises
    ------
    ValueError
        If an argument is out of range, or the scenario cannot be made with so few rows.
    """
    w = np.atleast_1d(np.asarray(weights, dtype=np.float64))
    d = int(w.shape[0])
    noise = _check_arguments(
        n,
        w,
        bias,
        preset=preset,
        noise=noise,
        balance=balance,
        loc=loc,
        scale=scale,
        decimals=decimals,
    )
    names = tuple(feature_names) if feature_names is not None else default_feature_names(d)

    rng = np.random.default_rng(seed)
    x = _features(rng, n, w, bias, preset=preset, balance=balance, loc=loc, scale=scale)
    if decimals is not None:
        x = np.round(x, decimals)
    score = x @ w + bias

    if preset == "separable":
        y = (score > 0).astype(np.float64)
        if detect_separation(x, y) == "none" or y.min() == y.max():
            raise ValueError("These settings give only one class; change the balance or n.")
    elif preset == "nearly separable":
        y = (score > 0).astype(np.float64)
        y = _flip_until_overlapping(x, y, max(1, round(noise * n)), rng)
    else:
        y = _draw_overlapping(x, score, noise, rng)
    return Dataset(np.ascontiguousarray(x), y, names, label_name)


def _check_arguments(
    n: int,
    w: np.ndarray,
    bias: float,
    *,
    preset: Preset,
    noise: float | None,
    balance: float | None,
    loc: float,
    scale: float,
    decimals: int | None,
) -> float:
    """Check :func:`generate`'s arguments; the share of labels to flip (``noise``'s default)."""
    d = int(w.shape[0])
    if isinstance(n, bool) or not isinstance(n, int) or n < 4:
        raise ValueError("The number of rows must be a whole number of at least 4.")
    if w.ndim != 1 or d < 1 or not np.isfinite(w).all() or not w.any():
        raise ValueError("Give finite true weights, at least one of them not 0.")
    if not math.isfinite(bias):
        raise ValueError("The true bias must be a finite number.")
    if preset not in PRESETS:
        raise ValueError(f"The preset must be one of: {', '.join(PRESETS)}.")
    if noise is None:
        noise = 0.05 if preset == "nearly separable" else 0.0
    if not (math.isfinite(noise) and 0.0 <= noise <= 0.5):
        raise ValueError("The noise (share of flipped labels) must be between 0 and 0.5.")
    if preset == "separable" and noise:
        raise ValueError('The "separable" preset flips no labels; set the noise to 0.')
    if balance is not None and not (math.isfinite(balance) and 0.0 < balance < 1.0):
        raise ValueError("The class balance must be strictly between 0 and 1.")
    if not (math.isfinite(loc) and math.isfinite(scale) and scale > 0.0):
        raise ValueError("The feature mean must be finite and the spread above 0.")
    if decimals is not None and not 0 <= decimals <= 15:
        raise ValueError("Decimals must be between 0 and 15.")
    return noise


def _features(
    rng: np.random.Generator,
    n: int,
    w: np.ndarray,
    bias: float,
    *,
    preset: Preset,
    balance: float | None,
    loc: float,
    scale: float,
) -> np.ndarray:
    """The feature cloud: drawn, moved along w to the wanted balance, kept off the boundary."""
    x = rng.normal(loc, scale, size=(n, int(w.shape[0])))
    unit = w / float(w @ w)  # moving x by t·unit moves the score by exactly t
    deterministic = preset != "overlapping"
    if balance is not None:
        s = x @ w + bias
        if deterministic:
            # Put the boundary between the k-th and (k+1)-th largest scores.
            k = min(n - 1, max(1, round(balance * n)))
            order = np.sort(s)
            shift = (order[n - k - 1] + order[n - k]) / 2
        else:
            shift = _shift_for_mean_probability(s, balance)
        x = x - shift * unit
    if deterministic:
        # Keep every point at least a tenth of the spread away from the boundary.
        gap = 0.1 * scale * float(np.linalg.norm(w))
        s = x @ w + bias
        near = np.abs(s) < gap
        side = np.where(s >= 0, 1.0, -1.0)
        x[near] += ((gap - np.abs(s[near])) * side[near])[:, None] * unit
    return x


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * z)), dtype=np.float64)


def _shift_for_mean_probability(score: np.ndarray, balance: float) -> float:
    """The t with mean σ(score − t) = balance, by bisection (the mean falls as t grows)."""
    lo, hi = float(score.min()) - 50.0, float(score.max()) + 50.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if float(_sigmoid(score - mid).mean()) > balance:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _flip_until_overlapping(
    x: np.ndarray, y: np.ndarray, k: int, rng: np.random.Generator
) -> np.ndarray:
    y = y.copy()
    # A point in the middle of its own class, once flipped, lies inside the other class's
    # cloud, so one or two flips make the classes overlap. Candidates: the half of each class
    # nearest its own centre, in a seeded random order, then everything else.
    depth = np.empty(y.shape[0])
    for label in (0.0, 1.0):
        rows = y == label
        depth[rows] = np.linalg.norm(x[rows] - x[rows].mean(axis=0), axis=1)
    order = np.argsort(depth, kind="stable")
    near = order[: max(2, len(order) // 2)]
    candidates = [int(i) for i in rng.permutation(near)] + [int(i) for i in order]
    flipped: set[int] = set()
    want_one = True
    for _ in range(len(candidates)):
        if len(flipped) >= k and detect_separation(x, y) == "none":
            return y
        pick = next((i for i in candidates if i not in flipped and (y[i] == 1.0) == want_one), None)
        if pick is None:
            pick = next((i for i in candidates if i not in flipped), None)
        if pick is None:
            break
        y[pick] = 1.0 - y[pick]
        flipped.add(pick)
        want_one = not want_one
    if detect_separation(x, y) == "none" and 0.0 < y.mean() < 1.0:
        return y
    raise ValueError("Could not make nearly separable data with these settings; add rows.")


def _draw_overlapping(
    x: np.ndarray, score: np.ndarray, noise: float, rng: np.random.Generator
) -> np.ndarray:
    p = _sigmoid(score)
    n = score.shape[0]
    for _ in range(_MAX_TRIES):
        y = (rng.random(n) < p).astype(np.float64)
        if noise:
            flip = rng.random(n) < noise
            y[flip] = 1.0 - y[flip]
        if detect_separation(x, y) == "none":
            return y
    raise ValueError(
        "The classes keep coming out separable: add rows, lower the weights or add noise."
    )
