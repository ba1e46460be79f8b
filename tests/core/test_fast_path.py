"""The fast path (closed-form gradients) against the post's loop and against ``BCELoss``.

Oracles: the post's script verbatim (``seed_reference``), the default autograd path (proved
bit-identical to it in ``test_training``) where the script has no such setting, and
``torch.nn.BCELoss`` on ``torch.sigmoid`` at saturated probabilities (issue 13, class 14).
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from core import training
from core.training import Trainer, TrainingConfig, describe_engine, train
from tests.core.seed_reference import run_seed_script

X = np.array([[1.0], [2.0], [3.0], [4.0]])
Y = np.array([0.0, 0.0, 1.0, 1.0])


@pytest.fixture(params=["python", "torch"])
def kernel(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both fast-path kernels: plain Python (small tables) and float32 torch (large ones)."""
    if request.param == "torch":
        monkeypatch.setattr(training, "PYTHON_FAST_PATH_MAX_ROWS", 0)
    return str(request.param)


@pytest.mark.parametrize(
    "w0, b0, lr, epochs",
    [
        (0.235, 0.153, 0.01, 20_000),
        (-0.5, 0.9, 0.01, 5_000),
        (1.7, -3.2, 0.05, 5_000),
        (0.235, 0.153, 0.3, 5_000),
    ],
)
def test_losses_within_1e_6_of_the_posts_loop(w0: float, b0: float, lr: float, epochs: int) -> None:
    _, ref, _, _ = run_seed_script(w0, b0, epochs=epochs, lr=lr)
    cfg = TrainingConfig(
        epochs=epochs, learning_rate=lr, init_weights=(w0,), init_bias=b0, method="closed-form"
    )
    losses, model, _ = train(X, Y, cfg)
    assert np.max(np.abs(losses - np.asarray(ref))) <= 1e-6
    _, ref_model, _ = train(
        X, Y, TrainingConfig(**{**cfg.to_dict(), "method": "autograd", "init_weights": (w0,)})
    )
    assert model.weights[0] == pytest.approx(ref_model.weights[0], rel=1e-5)
    assert model.bias == pytest.approx(ref_model.bias, rel=1e-5, abs=1e-6)


def _several_features(n: int = 40, d: int = 3, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, d)) * np.array([1.0, 3.0, 0.5])[:d]
    y = (x @ np.array([1.0, -0.7, 2.0])[:d] + rng.normal(size=n) > 0).astype(float)
    return x, y


@pytest.mark.parametrize(
    "settings",
    [
        {"weight_decay": 0.1},
        {"batch_size": 3},
        {"batch_size": 7, "weight_decay": 0.01, "learning_rate": 0.2},
        {"batch_size": 1, "learning_rate": 0.05},
    ],
)
def test_weight_decay_and_minibatches_match_the_autograd_loop(settings: dict, kernel: str) -> None:
    for x, y in [(X, Y), _several_features()]:
        base = {"epochs": 300, "seed": 5, **settings}
        ref, ref_model, _ = train(x, y, TrainingConfig(**base))
        fast, model, _ = train(x, y, TrainingConfig(**base, method="closed-form"))
        assert np.max(np.abs(fast - ref)) <= 1e-6
        np.testing.assert_allclose(model.weights, ref_model.weights, rtol=1e-5, atol=1e-6)


def test_the_parameters_after_every_epoch_match_the_autograd_loop(kernel: str) -> None:
    x, y = _several_features(d=2)
    runs = []
    for method in ("autograd", "closed-form"):
        trainer = Trainer(x, y, TrainingConfig(epochs=200, seed=3, method=method))  # type: ignore[arg-type]
        runs.append([(*trainer.model.weights, trainer.model.bias) for _ in trainer.epochs()])
    np.testing.assert_allclose(runs[1], runs[0], rtol=1e-5, atol=1e-6)


def _bce_oracle(z: float, y: float) -> float:
    p = torch.sigmoid(torch.tensor([[z]], dtype=torch.float32))
    return torch.nn.BCELoss()(p, torch.tensor([[y]])).item()


# Scores at which float32's sigmoid is saturated: exactly 1 or 0, or within 1e-6 of them.
SATURATED = [
    (20.0, 0.0),  # p == 1.0 exactly: log(1 - p) clamped at -100 → loss 100
    (40.0, 0.0),
    (14.5, 0.0),  # 1 - p ≈ 5e-7
    (13.9, 0.0),  # 1 - p ≈ 9e-7
    (-14.5, 1.0),  # p ≈ 5e-7
    (-90.0, 1.0),  # p == 0.0 exactly in float32 (exp overflows): log(p) clamped → 100
    (-120.0, 1.0),
    (-95.0, 0.0),  # correct and saturated: loss 0
    (30.0, 1.0),
]


@pytest.mark.parametrize("method", ["autograd", "closed-form"])
@pytest.mark.parametrize("z, y", SATURATED)
def test_the_loss_at_saturated_probabilities_is_bcelosss(
    method: str, z: float, y: float, kernel: str
) -> None:
    cfg = TrainingConfig(epochs=1, init_weights=(z,), init_bias=0.0, method=method)  # type: ignore[arg-type]
    losses, _, _ = train(np.array([[1.0]]), np.array([y]), cfg)
    expected = _bce_oracle(z, y)
    assert losses[0] == pytest.approx(expected, rel=1e-6, abs=1e-7)


@pytest.mark.parametrize("lr", [0.5, 1.0])
def test_long_runs_on_separable_data_saturate_as_the_posts_loop_does(lr: float) -> None:
    # The post's data are separable: the weight grows without bound and the last row's
    # probability becomes exactly 1 in float32 (the first's within 1e-7 of 0), where BCELoss's
    # clamp and its backward's vanishing gradient decide the numbers. (At lr 2 the first
    # epochs oscillate chaotically and amplify float32 rounding: no float64 path can follow.)
    epochs = 20_000
    _, ref, _, _ = run_seed_script(0.235, 0.153, epochs=epochs, lr=lr)
    cfg = TrainingConfig(
        epochs=epochs,
        learning_rate=lr,
        init_weights=(0.235,),
        init_bias=0.153,
        method="closed-form",
    )
    losses, _, _ = train(X, Y, cfg)
    assert np.max(np.abs(losses - np.asarray(ref))) <= 1e-6


def test_long_runs_on_separable_data_with_badly_wrong_start(kernel: str) -> None:
    # Starting far on the wrong side: rows at p == 1 with label 0 (loss 100 each, zero gradient
    # through BCELoss's backward) until the other rows pull the line across.
    x = np.array([[-3.0], [-1.0], [1.0], [2.0], [5.0], [-4.0]])
    y = np.array([1.0, 1.0, 0.0, 0.0, 0.0, 1.0])
    base = {"epochs": 3000, "learning_rate": 0.5, "init_weights": (12.0,), "init_bias": 1.0}
    ref, _, _ = train(x, y, TrainingConfig(**base))  # type: ignore[arg-type]
    fast, _, _ = train(x, y, TrainingConfig(**base, method="closed-form"))  # type: ignore[arg-type]
    assert ref[0] > 30  # saturated rows at the clamp
    # float32 holds a loss of 50 only to 4e-6: within 1e-6, relative above 1
    assert np.all(np.abs(fast - ref) <= 1e-6 * np.maximum(1.0, ref))


def test_the_engine_in_use_is_described_honestly(kernel: str) -> None:
    trainer = Trainer(X, Y, TrainingConfig(method="closed-form"))
    assert trainer.engine_description.startswith("Fast path: ")
    assert ("Python" in trainer.engine_description) == (kernel == "python")
    assert "within 1e-6" in trainer.engine_description
    assert describe_engine(TrainingConfig(), 4).startswith("PyTorch autograd")
