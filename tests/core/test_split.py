"""Tests for core.split: a seeded, stratified hold-out."""

from __future__ import annotations

import numpy as np
import pytest

from core.split import holdout_split


def test_partition_is_deterministic_and_stratified() -> None:
    rng = np.random.default_rng(0)
    y = (rng.random(1000) < 0.3).astype(float)
    train, test = holdout_split(y, 20, seed=42)
    again = holdout_split(y, 20, seed=42)
    np.testing.assert_array_equal(train, again[0])
    np.testing.assert_array_equal(test, again[1])
    assert np.intersect1d(train, test).size == 0
    np.testing.assert_array_equal(np.sort(np.concatenate((train, test))), np.arange(1000))
    for label in (0.0, 1.0):
        count = int((y == label).sum())
        assert int((y[test] == label).sum()) == round(0.2 * count)
    other = holdout_split(y, 20, seed=43)[1]
    assert not np.array_equal(test, other)


def test_every_label_in_both_parts_when_possible() -> None:
    y = np.array([0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0])
    train, test = holdout_split(y, 10, seed=1)
    assert set(y[train]) == {0.0, 1.0} and set(y[test]) == {0.0, 1.0}
    train, test = holdout_split(y, 95, seed=1)
    assert set(y[train]) == {0.0, 1.0} and set(y[test]) == {0.0, 1.0}
    # A label with a single row cannot be in both parts: it stays in training.
    y1 = np.array([0.0, 0.0, 0.0, 1.0])
    train, test = holdout_split(y1, 50, seed=3)
    assert 3 in train and len(test) == 2


@pytest.mark.parametrize("percent", [0, 100, -5, float("nan")])
def test_bad_percent(percent: float) -> None:
    with pytest.raises(ValueError, match="percentage"):
        holdout_split(np.array([0.0, 1.0]), percent, seed=0)
