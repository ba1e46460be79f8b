"""Generated data: reproducible, and each preset is what it says (checked by core.exact)."""

from __future__ import annotations

import numpy as np
import pytest
import statsmodels.api as sm

from core.exact import detect_separation
from core.generate import PRESETS, generate


@pytest.mark.parametrize("preset", PRESETS)
def test_same_seed_same_data_other_seed_other_data(preset: str) -> None:
    a = generate(50, (1.0, -0.5), 0.2, preset=preset, seed=3)  # type: ignore[arg-type]
    b = generate(50, (1.0, -0.5), 0.2, preset=preset, seed=3)  # type: ignore[arg-type]
    c = generate(50, (1.0, -0.5), 0.2, preset=preset, seed=4)  # type: ignore[arg-type]
    np.testing.assert_array_equal(a.features, b.features)
    np.testing.assert_array_equal(a.labels, b.labels)
    assert not np.array_equal(a.features, c.features)
    assert a.feature_names == ("x1", "x2") and a.n_rows == 50


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("d", [1, 3])
def test_presets_separability(seed: int, d: int) -> None:
    w = np.linspace(2.0, -1.0, d)
    sep = generate(30, w, -1.0, preset="separable", seed=seed)
    assert detect_separation(sep.features, sep.labels) == "complete"
    near = generate(30, w, -1.0, preset="nearly separable", seed=seed)
    assert detect_separation(near.features, near.labels) == "none"
    # Nearly: only a few labels disagree with the true boundary.
    truth = (near.features @ w - 1.0 > 0).astype(float)
    assert 1 <= int((truth != near.labels).sum()) <= 3
    over = generate(30, w, -1.0, preset="overlapping", seed=seed)
    assert detect_separation(over.features, over.labels) == "none"


@pytest.mark.parametrize("balance", [0.2, 0.5, 0.8])
def test_class_balance(balance: float) -> None:
    sep = generate(100, 1.5, 0.0, preset="separable", balance=balance, seed=1)
    assert sep.labels.sum() == round(balance * 100)
    over = generate(4000, 1.5, 0.0, preset="overlapping", balance=balance, seed=1)
    assert over.labels.mean() == pytest.approx(balance, abs=0.03)


def test_overlapping_data_recover_the_true_parameters() -> None:
    ds = generate(
        20_000,
        (1.2, -0.7),
        0.4,
        preset="overlapping",
        balance=None,
        loc=0.0,
        scale=1.0,
        decimals=None,
        seed=7,
    )
    fit = sm.Logit(ds.labels, sm.add_constant(ds.features)).fit(disp=0)
    np.testing.assert_allclose(fit.params, [0.4, 1.2, -0.7], atol=0.08)


def test_noise_flips_labels() -> None:
    clean = generate(2000, 3.0, 0.0, preset="overlapping", loc=0.0, decimals=None, seed=2)
    noisy = generate(
        2000, 3.0, 0.0, preset="overlapping", loc=0.0, noise=0.3, decimals=None, seed=2
    )
    truth = (clean.features[:, 0] * 3.0 > 0).astype(float)
    assert (noisy.labels != truth).mean() > (clean.labels != truth).mean() + 0.15


def test_decimals_round_the_features() -> None:
    ds = generate(20, 1.0, -2.5, decimals=1, seed=0)
    np.testing.assert_array_equal(ds.features, np.round(ds.features, 1))


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"n": 2}, "at least 4"),
        ({"weights": 0.0}, "not 0"),
        ({"preset": "easy"}, "preset"),
        ({"noise": 0.7}, "noise"),
        ({"preset": "separable", "noise": 0.1}, "noise to 0"),
        ({"balance": 1.0}, "balance"),
        ({"scale": 0.0}, "spread"),
    ],
)
def test_bad_arguments_name_the_setting(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        generate(**kwargs)  # type: ignore[arg-type]
