"""Tests for core.firth against logistf's published results on its sex2 data.

``data/sex2.csv`` was converted from ``data/sex2.rda`` of github.com/georgheinze/logistf (the
label ``case`` moved to the last column). Reference numbers:

- estimates: logistf's own test suite (``tests/testthat/test-basic.R``), 8 digits;
- profile 95% intervals: the logistf values quoted in firthlogist's test suite
  (``firthlogist/tests/test_firthlogist.py``, ``logistf_ci``);
- standard errors, χ² and p-values: ``summary()`` of logistf 1.26 as printed in the easystats
  ``parameters`` snapshot (``model_parameters.logistf``), 2 decimals.
"""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import numpy as np
import pytest
from scipy import stats
from scipy.optimize import minimize

from core.exact import fit_exact
from core.firth import fit_firth

DATA = Path(__file__).parent / "data"
NAMES = ("age", "oc", "vic", "vicl", "vis", "dia")

LOGISTF_ESTIMATES = [
    0.12025404,
    -1.10598130,
    -0.06881673,
    2.26887464,
    -2.11140816,
    -0.78831694,
    3.09601263,
]
LOGISTF_CI = [
    (-0.8185591, 1.07315122),
    (-1.9737884, -0.30742514),
    (-0.9414363, 0.78920202),
    (1.2730216, 3.43543273),
    (-3.2608611, -1.11773495),
    (-1.6080879, 0.01518468),
    (0.7745682, 8.03029352),
]
LOGISTF_SE = [0.48, 0.41, 0.43, 0.54, 0.53, 0.41, 1.51]
LOGISTF_CHI2 = [0.06, 7.51, 0.02, 22.93, 19.10, 3.70, 7.90]
LOGISTF_P = [0.802, 0.006, 0.875, None, None, 0.054, 0.005]


def _sex2() -> tuple[np.ndarray, np.ndarray]:
    table = np.loadtxt(DATA / "sex2.csv", delimiter=",", skiprows=1)
    return table[:, :-1], table[:, -1]


@pytest.fixture(scope="module")
def sex2_fit():
    X, y = _sex2()
    return fit_firth(X, y, feature_names=NAMES)


def test_sex2_estimates_match_logistf(sex2_fit) -> None:
    est = [c.estimate for c in sex2_fit.coefficients]
    # logistf itself stops at lconv = xconv = 1e-5; its two published runs differ by 1e-6.
    np.testing.assert_allclose(est, LOGISTF_ESTIMATES, atol=1e-5)
    assert sex2_fit.converged
    assert sex2_fit.separation == "quasi-complete"  # every diaphragm user is a case


def test_sex2_profile_intervals_match_logistf(sex2_fit) -> None:
    lows = [c.ci_low for c in sex2_fit.coefficients]
    highs = [c.ci_high for c in sex2_fit.coefficients]
    np.testing.assert_allclose(lows, [c[0] for c in LOGISTF_CI], atol=1e-3)
    np.testing.assert_allclose(highs, [c[1] for c in LOGISTF_CI], atol=1e-3)
    assert sex2_fit.ci_method == "profile"
    for c in sex2_fit.coefficients:
        assert c.odds_ratio_ci_low == pytest.approx(math.exp(c.ci_low))
        assert c.odds_ratio_ci_high == pytest.approx(math.exp(c.ci_high))


def test_sex2_standard_errors_and_tests_match_logistf(sex2_fit) -> None:
    coefs = sex2_fit.coefficients
    np.testing.assert_allclose([c.std_error for c in coefs], LOGISTF_SE, atol=0.005)
    np.testing.assert_allclose([c.chi2 for c in coefs], LOGISTF_CHI2, atol=0.005)
    for c, p in zip(coefs, LOGISTF_P, strict=True):
        if p is None:
            assert c.p_value < 0.001
        else:
            assert c.p_value == pytest.approx(p, abs=0.0005)
        assert c.p_value == pytest.approx(stats.chi2.sf(c.chi2, 1), rel=1e-10)


def _penalized_ll(Xa: np.ndarray, y: np.ndarray, beta: np.ndarray) -> float:
    eta = Xa @ beta
    p = 1 / (1 + np.exp(-eta))
    info = (Xa.T * (p * (1 - p))) @ Xa
    return float(np.sum(y * eta - np.logaddexp(0, eta)) + 0.5 * np.linalg.slogdet(info)[1])


def test_penalized_likelihoods_from_an_independent_optimiser(sex2_fit) -> None:
    # A direct maximisation of ℓ + ½ log|XᵀWX| with scipy, fixing one term at a time.
    X, y = _sex2()
    Xa = np.column_stack([np.ones(len(y)), X])
    full = sex2_fit.penalized_log_likelihood
    assert full == pytest.approx(_penalized_ll(Xa, y, np.array(LOGISTF_ESTIMATES)), abs=1e-8)
    j = 1  # age fixed at 0
    free = [k for k in range(7) if k != j]

    def neg(b: np.ndarray) -> float:
        beta = np.zeros(7)
        beta[free] = b
        return -_penalized_ll(Xa, y, beta)

    res = minimize(neg, np.zeros(6), method="BFGS", options={"gtol": 1e-9})
    assert sex2_fit.coefficients[j].chi2 == pytest.approx(2 * (full + res.fun), abs=1e-5)
    # The whole-model test: all features fixed at 0.
    res0 = minimize(lambda b: -_penalized_ll(Xa, y, np.r_[b, np.zeros(6)]), [0.0], tol=1e-12)
    assert sex2_fit.null_penalized_log_likelihood == pytest.approx(-res0.fun, abs=1e-6)
    assert sex2_fit.lr_chi2 == pytest.approx(2 * (full + res0.fun), abs=1e-5)


def test_post_data_complete_separation_boundary_at_two_and_a_half_hours() -> None:
    X, y = np.array([1.0, 2.0, 3.0, 4.0]), np.array([0.0, 0.0, 1.0, 1.0])
    assert not fit_exact(X, y).finite
    fit = fit_firth(X, y)
    assert fit.separation == "complete" and fit.converged and fit.finite
    assert fit.decision_boundary(0.5) == pytest.approx(2.5, abs=1e-9)
    for c in fit.coefficients:
        assert math.isfinite(c.ci_low) and math.isfinite(c.ci_high)
        assert c.ci_low < c.estimate < c.ci_high
    # The profile interval's ends are where the penalised likelihood ratio equals χ²₁(0.95).
    Xa = np.column_stack([np.ones(4), X])
    slope = fit.coefficients[1]
    for end in (slope.ci_low, slope.ci_high):
        res = minimize(
            lambda b, t=end: -_penalized_ll(Xa, y, np.array([b[0], t])), [0.0], tol=1e-12
        )
        lr = 2 * (fit.penalized_log_likelihood + res.fun)
        assert lr == pytest.approx(stats.chi2.ppf(0.95, 1), abs=1e-5)


def test_level_and_wald_options() -> None:
    X, y = _sex2()
    narrow = fit_firth(X, y, level=0.9, tests=False)
    wide = fit_firth(X, y, level=0.99, tests=False, intervals="wald")
    for a, b in zip(narrow.coefficients, wide.coefficients, strict=True):
        assert b.ci_low < a.ci_low < a.estimate < a.ci_high < b.ci_high
        assert math.isnan(a.p_value)
        z = stats.norm.ppf(0.995)
        assert b.ci_low == pytest.approx(b.estimate - z * b.std_error, rel=1e-12)
    assert wide.ci_method == "wald"


def test_chunked_passes_give_the_same_fit(monkeypatch) -> None:
    import core.exact

    X, y = _sex2()
    whole = fit_firth(X, y, intervals="none")
    monkeypatch.setattr(core.exact, "CHUNK_ROWS", 17)
    chunked = fit_firth(X, y, intervals="none")
    for a, b in zip(whole.coefficients, chunked.coefficients, strict=True):
        assert b.estimate == pytest.approx(a.estimate, abs=1e-10)
        assert b.chi2 == pytest.approx(a.chi2, abs=1e-8)


def test_to_dict_is_json_ready(sex2_fit) -> None:
    doc = sex2_fit.to_dict()
    text = json.dumps(doc, allow_nan=False)
    assert json.loads(text)["coefficients"][6]["name"] == "dia"
    assert doc["ci_method"] == "profile" and doc["method"] == "firth"


def test_collinear_features_are_refused() -> None:
    X = np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0], [4.0, 8.0]])
    with pytest.raises(ValueError, match="collinear"):
        fit_firth(X, np.array([0.0, 1.0, 0.0, 1.0]))


# --- progress and cancel ----------------------------------------------------------------------


def test_firth_progress_is_monotone_and_ends_at_one(monkeypatch) -> None:
    import core.exact

    monkeypatch.setattr(core.exact, "CHUNK_ROWS", 50)
    rng = np.random.default_rng(11)
    X = rng.normal(size=(400, 2))
    y = (rng.random(400) < 1.0 / (1.0 + np.exp(-X[:, 0]))).astype(float)
    reports: list[float] = []
    fit = fit_firth(X, y, progress=reports.append)
    assert len(reports) >= 10
    assert all(a < b for a, b in itertools.pairwise(reports)), reports
    assert reports[0] >= 0.0 and reports[-1] == 1.0
    assert fit.to_dict() == fit_firth(X, y).to_dict()
