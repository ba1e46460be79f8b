"""The loss landscape against a direct computation with torch's BCELoss at each grid point."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from core import landscape
from core.landscape import descent_direction, grid_range, loss_grid, loss_slice, mean_bce


def _torch_loss(x: np.ndarray, y: np.ndarray, w: list[float], b: float) -> float:
    linear = torch.nn.Linear(x.shape[1], 1)
    with torch.no_grad():
        linear.weight.copy_(torch.tensor([w]))
        linear.bias.fill_(b)
        p = torch.sigmoid(linear(torch.tensor(x, dtype=torch.float32)))
        target = torch.tensor(y, dtype=torch.float32).reshape(-1, 1)
        return torch.nn.BCELoss(reduction="mean")(p, target).item()


def test_one_feature_grid_equals_bceloss_at_every_point() -> None:
    x = np.array([[1.0], [2.0], [3.0], [4.0]])
    y = np.array([0.0, 0.0, 1.0, 1.0])
    ws = np.linspace(-3.0, 30.0, 12)  # far enough out that float32 σ saturates (log clamped)
    bs = np.linspace(-60.0, 5.0, 9)
    grid = loss_grid(x, y, ws, bs)
    assert grid.loss.shape == (9, 12)
    assert grid.axis_names == ("w", "b") and not grid.subsampled and grid.note is None
    for j, b in enumerate(bs):
        for i, w in enumerate(ws):
            assert grid.loss[j, i] == pytest.approx(_torch_loss(x, y, [w], b), rel=1e-6, abs=1e-7)
    # The clamp matters: some points are wrong by more than 17 units of score.
    assert grid.loss.max() > 40.0


def test_slice_through_two_chosen_parameters_with_the_others_fixed() -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=(200, 3))
    y = (rng.random(200) < 0.4).astype(float)
    weights, bias = [0.5, -1.0, 2.0], 0.3
    a = np.linspace(-2, 2, 5)
    c = np.linspace(-1, 3, 4)
    grid = loss_slice(
        x, y, weights, bias, a_values=a, b_values=c, axes=(2, 0), feature_names=["p", "q", "r"]
    )
    assert grid.axis_names == ("w[r]", "w[p]")
    for jj, cv in enumerate(c):
        for ii, av in enumerate(a):
            w = [cv, -1.0, av]
            assert grid.loss[jj, ii] == pytest.approx(_torch_loss(x, y, w, bias), rel=1e-5)
    bias_grid = loss_slice(x, y, weights, bias, a_values=a, b_values=c, axes=(1, 3))
    assert bias_grid.axis_names == ("w[x2]", "b")
    assert bias_grid.loss[2, 1] == pytest.approx(
        _torch_loss(x, y, [0.5, a[1], 2.0], c[2]), rel=1e-5
    )


def test_chunking_does_not_change_the_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(2)
    x = rng.normal(size=(1000, 1))
    y = (x[:, 0] + rng.normal(size=1000) > 0).astype(float)
    whole = loss_grid(x, y, np.linspace(-2, 4, 7), np.linspace(-1, 1, 5))
    monkeypatch.setattr(landscape, "_CHUNK_ELEMENTS", 100)  # 2 rows per chunk
    chunked = loss_grid(x, y, np.linspace(-2, 4, 7), np.linspace(-1, 1, 5))
    np.testing.assert_allclose(chunked.loss, whole.loss, rtol=1e-8)  # float64 sums, reordered


def test_large_data_use_a_seeded_subsample_and_say_so() -> None:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(5000, 1))
    y = (x[:, 0] > 0).astype(float)
    grid = loss_grid(x, y, [1.0, 2.0], [0.0], max_rows=1000, seed=4)
    assert grid.subsampled and grid.rows_used == 1000 and grid.rows_total == 5000
    assert grid.note is not None and "1,000 of the 5,000 rows" in grid.note
    again = loss_grid(x, y, [1.0, 2.0], [0.0], max_rows=1000, seed=4)
    np.testing.assert_array_equal(grid.loss, again.loss)
    full = [mean_bce(x, y, [w], 0.0) for w in (1.0, 2.0)]
    np.testing.assert_allclose(grid.loss[0], full, rtol=0.1)  # an estimate, close


def test_mean_bce_is_torchs() -> None:
    x = np.array([[1.0, 2.0], [3.0, -1.0], [0.5, 0.5]])
    y = np.array([1.0, 0.0, 1.0])
    assert mean_bce(x, y, [0.2, -0.4], 0.1) == _torch_loss(x, y, [0.2, -0.4], 0.1)


def test_grid_range_contains_the_path_and_the_optimum() -> None:
    path = np.array([[0.235, 0.153], [0.3, 0.1], [0.5, -0.2], [np.nan, np.inf]])
    r = grid_range(path, optimum=(2.0, -5.0))
    for a, b in [*path[:3], (2.0, -5.0)]:
        assert r.a_min < a < r.a_max and r.b_min < b < r.b_max
    still = grid_range([[1.0, 1.0]])
    assert still.a_max - still.a_min >= 1.0
    with pytest.raises(ValueError, match="finite point"):
        grid_range([[np.nan, 0.0]])


def test_descent_direction_for_one_separable_feature() -> None:
    x = np.array([[1.0], [2.0], [3.0], [4.0]])
    y = np.array([0.0, 0.0, 1.0, 1.0])
    d = descent_direction(x, y)
    assert d is not None and d.exact and d.separation == "complete"
    # The boundary -b/w lies between the classes, and the loss falls along the ray.
    assert -d.bias / d.weights[0] == pytest.approx(2.5)
    losses = [_torch_loss(x, y, [t * d.weights[0]], t * d.bias) for t in (1, 5, 25)]
    assert losses[0] > losses[1] > losses[2]
    assert descent_direction(x, np.array([0.0, 1.0, 0.0, 1.0])) is None


def test_descent_direction_for_several_features_separates_the_classes() -> None:
    rng = np.random.default_rng(5)
    x = rng.normal(size=(60, 2))
    y = (x @ np.array([1.0, -2.0]) + 0.5 > 0).astype(float)
    d = descent_direction(x, y)
    assert d is not None and not d.exact and d.separation == "complete"
    margins = (2 * y - 1) * (x @ np.array(d.weights) + d.bias)
    assert margins.min() > 0
    assert np.linalg.norm([*d.weights, d.bias]) == pytest.approx(1.0)
    # Compared with scikit-learn's nearly unpenalised fit: the same direction.
    from sklearn.linear_model import LogisticRegression

    sk = LogisticRegression(C=1e6, max_iter=10_000).fit(x, y)
    theta = np.concatenate([sk.coef_[0], sk.intercept_])
    assert np.dot(theta / np.linalg.norm(theta), [*d.weights, d.bias]) > 0.99
