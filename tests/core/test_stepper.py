"""Step mode against PyTorch itself: autograd for the gradients, torch.optim for the update."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from core.stepper import AdamState, Stepper, explain_step
from core.training import Trainer, TrainingConfig


def _data(n: int, d: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(1.0, 2.0, size=(n, d))
    y = (rng.random(n) < 0.5).astype(np.float64)
    return x, y


def _torch_steps(
    x: np.ndarray,
    y: np.ndarray,
    w0: list[float],
    b0: float,
    optimizer: str,
    lr: float,
    wd: float,
    batches: list[np.ndarray],
) -> list[tuple[float, list[float], float, list[float], float]]:
    """The seed's loop written out: (loss, grad_w, grad_b, new w, new b) per batch."""
    xt = torch.tensor(x, dtype=torch.float32)
    yt = torch.tensor(y, dtype=torch.float32).reshape(-1, 1)
    linear = torch.nn.Linear(x.shape[1], 1)
    with torch.no_grad():
        linear.weight.copy_(torch.tensor([w0]))
        linear.bias.fill_(b0)
    cls = torch.optim.Adam if optimizer == "adam" else torch.optim.SGD
    opt = cls(linear.parameters(), lr=lr, weight_decay=wd)
    out = []
    for rows in batches:
        idx = torch.from_numpy(rows)
        loss = torch.nn.BCELoss()(torch.sigmoid(linear(xt[idx])), yt[idx])
        opt.zero_grad()
        loss.backward()
        gw = linear.weight.grad.reshape(-1).tolist()
        gb = linear.bias.grad.item()
        opt.step()
        out.append((loss.item(), gw, gb, linear.weight.reshape(-1).tolist(), linear.bias.item()))
    return out


@pytest.mark.parametrize(
    "optimizer, lr, wd",
    [("sgd", 0.1, 0.0), ("sgd", 0.5, 0.2), ("adam", 0.05, 0.0), ("adam", 0.3, 0.1)],
)
def test_steps_equal_autograd_and_the_torch_optimizer(optimizer: str, lr: float, wd: float) -> None:
    x, y = _data(30, 2, 1)
    rng = np.random.default_rng(5)
    batches = [rng.permutation(30)[:8].astype(np.int64) for _ in range(6)]
    w0, b0 = [0.3, -0.7], 0.25
    expected = _torch_steps(x, y, w0, b0, optimizer, lr, wd, batches)
    config = TrainingConfig(optimizer=optimizer, learning_rate=lr, weight_decay=wd)  # type: ignore[arg-type]
    weights, bias, state = tuple(w0), b0, None
    for rows, (loss, gw, gb, w1, b1) in zip(batches, expected, strict=True):
        step = explain_step(x, y, weights, bias, config, rows=rows, adam_state=state)
        np.testing.assert_allclose(step.loss, loss, rtol=1e-6)
        np.testing.assert_allclose(step.grad_w, gw, rtol=1e-5, atol=1e-7)
        np.testing.assert_allclose(step.grad_b, gb, rtol=1e-5, atol=1e-7)
        np.testing.assert_allclose(step.weights_after, w1, rtol=1e-6, atol=1e-7)
        np.testing.assert_allclose(step.bias_after, b1, rtol=1e-6, atol=1e-7)
        weights, bias, state = step.weights_after, step.bias_after, step.adam_state
    assert (state is not None) == (optimizer == "adam")


def test_rows_add_up_and_follow_the_formulas() -> None:
    x, y = _data(12, 3, 2)
    config = TrainingConfig(learning_rate=0.2, weight_decay=0.1)
    w, b = (0.5, -0.25, 1.0), -0.3
    step = explain_step(x, y, w, b, config)
    assert step.z is not None and step.y_hat is not None and step.loss_terms is not None
    assert step.grad_w_terms is not None and step.grad_b_terms is not None
    # Independent float64 formulas.
    z = x @ np.array(w) + b
    p = 1.0 / (1.0 + np.exp(-z))
    np.testing.assert_allclose(step.z, z, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(step.y_hat, p, rtol=1e-5, atol=1e-7)
    bce = -(y * np.log(p) + (1 - y) * np.log(1 - p))
    np.testing.assert_allclose(step.loss_terms, bce / 12, rtol=1e-5, atol=1e-8)
    np.testing.assert_allclose(step.loss_terms.sum(), step.loss, rtol=1e-6)
    np.testing.assert_allclose(step.grad_w_terms, ((p - y) / 12)[:, None] * x, rtol=1e-4, atol=1e-7)
    np.testing.assert_allclose(step.grad_w_terms.sum(axis=0), step.grad_w, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(step.grad_b_terms.sum(), step.grad_b, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(step.decay_w, 0.1 * np.array(w), rtol=1e-6)
    np.testing.assert_allclose(step.total_grad_w, step.grad_w + step.decay_w, rtol=1e-6)
    np.testing.assert_allclose(
        step.weights_after, np.array(step.weights_before) - 0.2 * step.total_grad_w, rtol=1e-6
    )


def test_adam_detail_is_the_textbook_update() -> None:
    x, y = _data(10, 1, 3)
    config = TrainingConfig(optimizer="adam", learning_rate=0.1)
    first = explain_step(x, y, (0.2,), 0.1, config)
    assert first.adam is not None and first.adam.step == 1
    g = np.array([*first.total_grad_w, first.total_grad_b])
    np.testing.assert_allclose(first.adam.m, 0.1 * g, rtol=1e-6)
    np.testing.assert_allclose(first.adam.v, 0.001 * g**2, rtol=1e-5)
    np.testing.assert_allclose(first.adam.m_hat, g, rtol=1e-5)
    # The first Adam step moves every parameter by about lr against the gradient's sign.
    np.testing.assert_allclose(first.adam.step_size, 0.1 * np.sign(g), rtol=1e-4)
    second = explain_step(
        x, y, first.weights_after, first.bias_after, config, adam_state=first.adam_state
    )
    assert second.adam is not None and second.adam.step == 2
    with pytest.raises(ValueError, match="Adam state"):
        explain_step(x, y, (0.2,), 0.1, config, adam_state=AdamState(1, (0.0,), (0.0,)))


def test_saturated_points_follow_torch_not_textbook_algebra() -> None:
    # In float32 σ(40) is exactly 1, and BCELoss then clamps log(0) at -100.
    x = np.array([[40.0], [-1.0]])
    y = np.array([0.0, 1.0])
    step = explain_step(x, y, (1.0,), 0.0, TrainingConfig())
    assert step.loss_terms is not None
    assert step.loss_terms[0] == pytest.approx(50.0)
    expected = _torch_steps(x, y, [1.0], 0.0, "sgd", 0.01, 0.0, [np.arange(2)])[0]
    assert step.grad_w[0] == pytest.approx(expected[1][0], rel=1e-6)


@pytest.mark.parametrize(
    "config",
    [
        TrainingConfig(epochs=15, seed=3),
        TrainingConfig(epochs=15, seed=4, batch_size=7, optimizer="adam", learning_rate=0.05),
        TrainingConfig(
            epochs=15,
            seed=5,
            batch_size=4,
            weight_decay=0.1,
            init_weights=(0.1, 0.2),
            init_bias=0.3,
        ),
    ],
)
def test_stepper_walks_the_trainers_run(config: TrainingConfig) -> None:
    x, y = _data(23, 2, 4)
    trainer = Trainer(x, y, config)
    losses = list(trainer.epochs())
    stepper = Stepper(x, y, config)
    for epoch, loss in enumerate(losses, start=1):
        explained = stepper.next_epoch()
        assert explained.epoch == epoch
        assert explained.loss == pytest.approx(loss, rel=1e-6)
    np.testing.assert_allclose(explained.weights_after, trainer.model.weights, rtol=1e-5)
    np.testing.assert_allclose(explained.bias_after, trainer.model.bias, rtol=1e-5, atol=1e-7)


def test_batch_by_batch_then_the_rest_of_the_epoch() -> None:
    x, y = _data(10, 1, 6)
    config = TrainingConfig(seed=8, batch_size=3)
    stepper = Stepper(x, y, config)
    first = stepper.next_batch()
    assert first.n_rows == 3 and stepper.epochs_done == 0
    epoch = stepper.next_epoch()
    assert [s.n_rows for s in epoch.steps] == [3, 3, 3, 1]
    assert epoch.steps[0] is first
    assert sorted(np.concatenate([s.rows for s in epoch.steps]).tolist()) == list(range(10))
    assert stepper.epochs_done == 1
    assert stepper.next_epoch().epoch == 2


def test_large_batches_keep_totals_only() -> None:
    x, y = _data(50, 1, 7)
    step = explain_step(x, y, (0.0,), 0.0, TrainingConfig(), detail_limit=10)
    assert step.z is None and step.grad_w_terms is None
    assert step.grad_w.shape == (1,)
