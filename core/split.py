"""A seeded, stratified hold-out split of rows into a training and a test part."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

__all__ = ["holdout_split"]

IndexArray = NDArray[np.intp]


def holdout_split(
    y: NDArray[np.float64], percent: float, seed: int
) -> tuple[IndexArray, IndexArray]:
    """Hold out about ``percent``% of the rows, in the same proportion from each label.

    Each label's rows are shuffled with ``numpy.random.default_rng(seed)`` and the first
    ``round(percent / 100 · count)`` of them are held out, moved to 1 and to ``count - 1`` when
    the label has at least two rows, so both parts see every label that can be split. The same
    labels, percent and seed always give the same split.

    Parameters
    ----------
    y : ndarray, shape (n,)
        Labels, 0 or 1.
    percent : float
        Share of rows to hold out, strictly between 0 and 100.
    seed : int
        Seed of the shuffle (non-negative).

    Returns
    -------
    (train_idx, test_idx) : tuple of ndarray of intp
        Sorted, disjoint row indices that together cover every row.

    Raises
    ------
    ValueError
        If ``percent`` is outside (0, 100), ``seed`` is negative, or the labels are not 0/1.
    """
    yv = np.asarray(y, dtype=np.float64)
    if yv.ndim != 1:
        raise ValueError(f"the labels must be 1-D, got shape {yv.shape}")
    if not (math.isfinite(percent) and 0.0 < percent < 100.0):
        raise ValueError(f"the hold-out percentage must be between 0 and 100, got {percent}")
    if seed < 0:
        raise ValueError(f"the seed must be 0 or more, got {seed}")
    bad = ~((yv == 0.0) | (yv == 1.0))
    if bad.any():
        row = int(np.argmax(bad))
        raise ValueError(f"row {row + 1}: the label {yv[row]!r} is not 0 or 1")
    rng = np.random.default_rng(seed)
    held: list[IndexArray] = []
    for label in (0.0, 1.0):
        rows = np.flatnonzero(yv == label)
        count = rows.shape[0]
        if count == 0:
            continue
        k = round(percent / 100.0 * count)
        if count >= 2:
            k = min(max(k, 1), count - 1)
        held.append(rng.permutation(rows)[:k])
    test = np.sort(np.concatenate(held)) if held else np.zeros(0, dtype=np.intp)
    mask = np.ones(yv.shape[0], dtype=bool)
    mask[test] = False
    return np.flatnonzero(mask).astype(np.intp), test.astype(np.intp)
