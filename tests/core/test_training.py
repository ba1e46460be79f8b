"""The engine against the post's own loop: same numbers, determinism, stop, divergence."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from core import seed
from core.training import (
    ConfigError,
    Trainer,
    TrainingConfig,
    TrainingDiverged,
    TrainingError,
    train,
)
from tests.core.seed_reference import run_seed_script

X = np.array([[1.0], [2.0], [3.0], [4.0]])
Y = np.array([0.0, 0.0, 1.0, 1.0])
POST_LOSSES = list(seed.PRINTED_LOSSES)


@pytest.mark.parametrize(
    "w0, b0", [(0.235, 0.153), (-0.5, 0.9), (0.0, 0.0), (1.7, -3.2), (-0.0075, 0.5364)]
)
def test_engine_equals_the_post_loop_for_several_initial_parameters(w0: float, b0: float) -> None:
    _, ref_losses, p1, p7 = run_seed_script(w0, b0)
    config = TrainingConfig(init_weights=(w0,), init_bias=b0)
    losses, model, _ = train(X, Y, config)
    assert len(losses) == 1000
    # bit-for-bit: the same float32 operations in the same order
    assert losses.tolist() == ref_losses
    probs = model.probability([1.0, 7.0])
    assert f"{probs[0]:.4f}" == f"{p1:.4f}"
    assert f"{probs[1]:.4f}" == f"{p7:.4f}"


def test_the_posts_starting_values_give_the_posts_printed_numbers() -> None:
    losses, model, _ = train(X, Y, TrainingConfig(init_weights=(0.235,), init_bias=0.153))
    assert [f"{v:.4f}" for v in losses[::100]] == POST_LOSSES
    p = model.probability([1.0, 7.0])
    assert (f"{p[0]:.4f}", f"{p[1]:.4f}") == ("0.3779", "0.9714")


def test_closed_form_path_agrees_with_the_post_loop() -> None:
    for w0, b0 in [(0.235, 0.153), (-0.5, 0.9)]:
        _, ref, _, _ = run_seed_script(w0, b0, epochs=3000)
        cfg = TrainingConfig(epochs=3000, init_weights=(w0,), init_bias=b0, method="closed-form")
        losses, _, _ = train(X, Y, cfg)
        assert np.max(np.abs(losses - np.asarray(ref))) < 1e-6


def test_same_config_gives_the_same_numbers_every_run() -> None:
    for cfg in [
        TrainingConfig(seed=7, epochs=300),
        TrainingConfig(seed=7, epochs=50, optimizer="adam", batch_size=3, weight_decay=0.01),
    ]:
        a = train(X, Y, cfg)
        b = train(X, Y, cfg)
        assert a[0].tolist() == b[0].tolist()
        assert a[1] == b[1]
        assert a[2] == b[2] == 7


def test_seed_gives_pytorchs_default_init_and_differs_between_seeds() -> None:
    import torch

    torch.manual_seed(3)
    ref = torch.nn.Linear(1, 1)
    t = Trainer(X, Y, TrainingConfig(seed=3))
    assert t.initial_model.weights[0] == pytest.approx(ref.weight.item(), abs=0)
    assert t.initial_model.bias == pytest.approx(ref.bias.item(), abs=0)
    assert Trainer(X, Y, TrainingConfig(seed=4)).initial_model != t.initial_model


def test_random_seed_is_reported_and_reproduces_the_run() -> None:
    losses, model, seed = train(X, Y, TrainingConfig(epochs=20))
    again, model2, _ = train(X, Y, TrainingConfig(epochs=20, seed=seed))
    assert losses.tolist() == again.tolist() and model == model2


def test_stop_from_another_thread_ends_the_run_promptly() -> None:
    stop = threading.Event()
    trainer = Trainer(X, Y, TrainingConfig(epochs=50_000_000))
    seen = 0
    timer = threading.Timer(0.2, stop.set)
    timer.start()
    for _ in trainer.epochs(stop):
        seen += 1
    timer.join()
    assert 0 < seen < 50_000_000
    assert trainer.epochs_done == seen


def test_divergence_is_caught_with_the_epoch_and_last_finite_parameters() -> None:
    # Huge features with a huge learning rate push the weight past float32's range.
    x = np.array([[1e36], [2e36], [-3e36], [0.0]])
    y = np.array([0.0, 1.0, 1.0, 0.0])
    trainer = Trainer(
        x, y, TrainingConfig(epochs=100, learning_rate=1e4, init_weights=(0.0,), init_bias=0.0)
    )
    with pytest.raises(TrainingDiverged) as info:
        for _ in trainer.epochs():
            pass
    err = info.value
    assert err.epoch >= 1
    assert f"epoch {err.epoch}" in str(err)
    assert err.model.finite and trainer.model == err.model
    assert trainer.epochs_done == err.epoch - 1


def test_divergence_in_the_closed_form_path_names_the_same_epoch() -> None:
    x = np.array([[1e36], [2e36], [-3e36], [0.0]])
    y = np.array([0.0, 1.0, 1.0, 0.0])
    epochs = []
    for method in ("autograd", "closed-form"):
        cfg = TrainingConfig(
            epochs=100, learning_rate=1e4, init_weights=(0.0,), init_bias=0.0, method=method
        )
        trainer = Trainer(x, y, cfg)
        with pytest.raises(TrainingDiverged) as info:
            list(trainer.epochs())
        epochs.append(info.value.epoch)
        assert trainer.model.finite
    assert epochs[0] == epochs[1]


def test_minibatches_cover_every_row_and_report_the_epoch_mean() -> None:
    cfg = TrainingConfig(epochs=5, batch_size=3, seed=1, init_weights=(0.1,), init_bias=0.0)
    losses, _, _ = train(X, Y, cfg)
    assert losses.shape == (5,)
    # batch size >= rows is full batch: identical to the post's loop
    full, _, _ = train(
        X, Y, TrainingConfig(epochs=5, batch_size=100, init_weights=(0.1,), init_bias=0.0)
    )
    ref = run_seed_script(0.1, 0.0, epochs=5)[1]
    assert full.tolist() == ref


def test_several_features() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 3))
    y = (x @ np.array([1.0, -2.0, 0.5]) + rng.normal(size=200) > 0).astype(float)
    losses, model, _ = train(x, y, TrainingConfig(epochs=300, learning_rate=0.5, seed=0))
    assert losses[-1] < losses[0]
    assert model.n_features == 3
    assert model.weights[1] < 0 < model.weights[0]


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"epochs": 0}, "epochs"),
        ({"learning_rate": 0.0}, "learning_rate"),
        ({"learning_rate": -1.0}, "learning_rate"),
        ({"learning_rate": float("nan")}, "learning_rate"),
        ({"weight_decay": -0.1}, "weight_decay"),
        ({"batch_size": 0}, "batch_size"),
        ({"init_weights": (1.0, 2.0)}, "init_weights"),
        ({"init_bias": float("inf")}, "init_bias"),
        ({"method": "closed-form", "optimizer": "adam"}, "method"),
    ],
)
def test_bad_settings_are_refused_naming_the_field(kwargs: dict, field: str) -> None:
    with pytest.raises(ConfigError) as info:
        Trainer(X, Y, TrainingConfig(**kwargs))
    assert info.value.field == field
    assert str(info.value)


def test_values_too_large_for_float32_are_refused_naming_the_row() -> None:
    x = np.array([[1.0], [1e300], [3.0]])
    with pytest.raises(TrainingError, match="Row 2"):
        Trainer(x, np.array([0.0, 1.0, 1.0]), TrainingConfig())


def test_decision_boundary() -> None:
    _, model, _ = train(X, Y, TrainingConfig(init_weights=(0.235,), init_bias=0.153))
    b = model.decision_boundary()
    assert b == pytest.approx(-model.bias / model.weights[0])
    assert model.probability([b])[0] == pytest.approx(0.5, abs=1e-6)
    from core.model import LogisticModel

    assert LogisticModel((0.0,), 1.0).decision_boundary() is None


@pytest.mark.parametrize("method", ["autograd", "closed-form"])
def test_large_full_batch_epochs_in_row_blocks_keep_the_posts_losses(
    method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core import training

    # Above CHUNK_ROWS a full-batch epoch accumulates its gradient over blocks of rows (bounded
    # memory); shrink the threshold so that 3,000 rows run in three blocks.
    monkeypatch.setattr(training, "CHUNK_ROWS", 1000)
    monkeypatch.setattr(training, "PYTHON_FAST_PATH_MAX_ROWS", 0)
    rng = np.random.default_rng(1)
    x = rng.normal(2.5, 1.0, size=3000).round(3)
    y = (x + rng.normal(size=3000) > 2.5).astype(float)
    _, ref, _, _ = run_seed_script(0.235, 0.153, x.tolist(), y.tolist(), epochs=200, lr=0.1)
    cfg = TrainingConfig(
        epochs=200, learning_rate=0.1, init_weights=(0.235,), init_bias=0.153, method=method
    )  # type: ignore[arg-type]
    losses, _, _ = train(x.reshape(-1, 1), y, cfg)
    assert "blocks" in training.describe_engine(cfg, 3000) or method == "closed-form"
    np.testing.assert_allclose(losses, ref, rtol=1e-6)
