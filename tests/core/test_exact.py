"""Tests for core.exact: agreement with statsmodels and scikit-learn, and exact separation."""

from __future__ import annotations

import itertools
import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import statsmodels.api as sm
from scipy.optimize import linprog
from sklearn.linear_model import LogisticRegression

from core.exact import (
    Coefficient,
    ExactFit,
    _Design,
    _separation_lp,
    detect_separation,
    fit_exact,
)

SEED_X = np.array([[1.0], [2.0], [3.0], [4.0]])
SEED_Y = np.array([0.0, 0.0, 1.0, 1.0])

# Wikipedia, "Logistic regression", worked example: hours studied vs passing the exam.
EXAM_HOURS = np.array(
    [
        *(0.50, 0.75, 1.00, 1.25, 1.50, 1.75, 1.75, 2.00, 2.25, 2.50),
        *(2.75, 3.00, 3.25, 3.50, 4.00, 4.25, 4.50, 4.75, 5.00, 5.50),
    ]
)
EXAM_PASS = np.array([0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1], dtype=float)

RTOL = 1e-6


def _spector() -> tuple[np.ndarray, np.ndarray, list[str]]:
    data = sm.datasets.spector.load_pandas()
    X = data.exog.to_numpy(dtype=float)
    y = data.endog.to_numpy(dtype=float)
    return X, y, [str(c) for c in data.exog.columns]


def _assert_matches_statsmodels(X: np.ndarray, y: np.ndarray, fit: ExactFit) -> None:
    res = sm.Logit(y, sm.add_constant(X, has_constant="add")).fit(
        disp=0, method="newton", tol=1e-12
    )
    ci = np.asarray(res.conf_int())
    est = np.array([c.estimate for c in fit.coefficients])
    np.testing.assert_allclose(est, res.params, rtol=RTOL)
    np.testing.assert_allclose([c.std_error for c in fit.coefficients], res.bse, rtol=RTOL)
    np.testing.assert_allclose([c.z for c in fit.coefficients], res.tvalues, rtol=RTOL)
    np.testing.assert_allclose([c.p_value for c in fit.coefficients], res.pvalues, rtol=RTOL)
    np.testing.assert_allclose([c.ci_low for c in fit.coefficients], ci[:, 0], rtol=RTOL)
    np.testing.assert_allclose([c.ci_high for c in fit.coefficients], ci[:, 1], rtol=RTOL)
    np.testing.assert_allclose([c.odds_ratio for c in fit.coefficients], np.exp(est), rtol=1e-12)
    assert fit.log_likelihood == pytest.approx(res.llf, rel=1e-9)


def _sklearn_fit(X: np.ndarray, y: np.ndarray, C: float, solver: str) -> np.ndarray:
    clf = LogisticRegression(C=C, solver=solver, tol=1e-12, max_iter=100_000)
    clf.fit(X, y)
    return np.concatenate((clf.intercept_, clf.coef_[0]))


def _log_likelihood(X: np.ndarray, y: np.ndarray, theta: np.ndarray) -> float:
    eta = theta[0] + X @ theta[1:]
    return float(np.sum(y * eta - np.logaddexp(0.0, eta)))


# --- maximum likelihood vs statsmodels and published numbers ---------------------------------


def test_spector_matches_statsmodels() -> None:
    X, y, names = _spector()
    fit = fit_exact(X, y, feature_names=names)
    assert fit.converged
    assert fit.separation == "none"
    assert fit.finite
    assert [c.name for c in fit.coefficients] == ["(intercept)", "GPA", "TUCE", "PSI"]
    assert fit.message == f"Converged in {fit.iterations} Newton steps."
    assert 3 <= fit.iterations <= 10
    _assert_matches_statsmodels(X, y, fit)


def test_exam_hours_matches_statsmodels_and_published_values() -> None:
    fit = fit_exact(EXAM_HOURS, EXAM_PASS, feature_names=["hours"])
    _assert_matches_statsmodels(EXAM_HOURS[:, None], EXAM_PASS, fit)
    intercept, hours = fit.coefficients
    assert intercept.estimate == pytest.approx(-4.0777, abs=5e-5)
    assert hours.estimate == pytest.approx(1.5046, abs=5e-5)
    assert intercept.std_error == pytest.approx(1.7610, abs=5e-5)
    assert hours.std_error == pytest.approx(0.6287, abs=5e-5)
    assert hours.p_value == pytest.approx(0.0167, abs=5e-5)
    assert fit.bias == intercept.estimate
    np.testing.assert_array_equal(fit.weights, [hours.estimate])


@pytest.mark.parametrize("seed", range(8))
def test_random_non_separable_data_matches_statsmodels(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, d = int(rng.integers(40, 200)), int(rng.integers(1, 5))
    X = rng.normal(size=(n, d)) * rng.uniform(0.1, 10.0, size=d) + rng.normal(0.0, 5.0, size=d)
    eta = (X - X.mean(0)) / X.std(0) @ rng.normal(0.0, 1.0, size=d) + rng.normal()
    y = (rng.random(n) < 1.0 / (1.0 + np.exp(-eta))).astype(float)
    fit = fit_exact(X, y)
    assert fit.separation == "none"
    assert fit.converged
    _assert_matches_statsmodels(X, y, fit)


def test_runtime_uses_numpy_only() -> None:
    code = (
        "import sys, core.exact; "
        "bad = {'scipy', 'statsmodels', 'sklearn', 'torch', 'PySide6'} & set(sys.modules); "
        "sys.exit(bool(bad))"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True, timeout=60)


def test_fit_is_invariant_to_feature_offset_and_scale() -> None:
    # Far-off-centre, oddly scaled features would wreck a naive Newton in raw coordinates.
    X, y, _ = _spector()
    scale = np.array([1e-3, 1e4, 1.0])
    offset = np.array([1e3, -5e7, 3.0])
    base = fit_exact(X, y)
    moved = fit_exact(X * scale + offset, y)
    assert moved.converged
    np.testing.assert_allclose(moved.weights * scale, base.weights, rtol=1e-6)
    np.testing.assert_allclose(
        [c.z for c in moved.coefficients[1:]], [c.z for c in base.coefficients[1:]], rtol=1e-6
    )
    assert moved.log_likelihood == pytest.approx(base.log_likelihood, rel=1e-9)


def test_probability_shapes_and_values() -> None:
    fit = fit_exact(EXAM_HOURS, EXAM_PASS)
    grid = np.linspace(0.0, 6.0, 7)
    p = fit.probability(grid)
    assert p.shape == (7,)
    np.testing.assert_allclose(p, 1.0 / (1.0 + np.exp(-(fit.bias + fit.weights[0] * grid))))
    np.testing.assert_allclose(fit.probability(grid[:, None]), p)
    assert fit.probability(np.array(2.0)).shape == ()

    X, y, _ = _spector()
    fit3 = fit_exact(X, y)
    assert fit3.probability(X).shape == (len(y),)
    assert fit3.probability(X[0]).shape == ()
    assert float(fit3.probability(X[0])) == pytest.approx(float(fit3.probability(X[:1])[0]))
    with pytest.raises(ValueError, match="shape"):
        fit3.probability(np.ones((2, 2)))
    # Extreme scores give exactly 0/1-ish probabilities without overflow warnings.
    assert fit.probability(np.array([-1e6, 1e6])).tolist() == [0.0, 1.0]


# --- L2 penalty vs scikit-learn ----------------------------------------------------------------


@pytest.mark.parametrize("C", [0.01, 0.1, 1.0, 10.0, 1000.0])
@pytest.mark.parametrize("data", ["seed", "spector", "exam"])
def test_l2_matches_sklearn(C: float, data: str) -> None:
    if data == "seed":
        X, y = SEED_X, SEED_Y
    elif data == "exam":
        X, y = EXAM_HOURS[:, None], EXAM_PASS
    else:
        X, y, _ = _spector()
    fit = fit_exact(X, y, l2_C=C)
    assert fit.converged
    assert fit.finite
    assert fit.l2_C == C
    theta = np.concatenate(([fit.bias], fit.weights))
    for solver in ("newton-cholesky", "newton-cg", "lbfgs"):
        if solver == "newton-cg" and data == "seed" and C > 100:
            continue  # its scipy line search warns on this flat optimum of separable data
        ref = _sklearn_fit(X, y, C, solver)
        np.testing.assert_allclose(theta, ref, rtol=1e-6, atol=1e-7, err_msg=solver)
    # The reported log-likelihood is the unpenalised one at the penalised estimate.
    assert fit.log_likelihood == pytest.approx(_log_likelihood(X, y, theta), rel=1e-12)
    assert "approximate" in fit.message


def test_l2_standard_errors_come_from_penalised_hessian() -> None:
    X, y, _ = _spector()
    C = 2.0
    fit = fit_exact(X, y, l2_C=C)
    theta = np.concatenate(([fit.bias], fit.weights))
    Xa = sm.add_constant(X)
    p = 1.0 / (1.0 + np.exp(-(Xa @ theta)))
    H = (Xa.T * (p * (1 - p))) @ Xa + np.diag([0.0, 1.0, 1.0, 1.0]) / C
    np.testing.assert_allclose(
        [c.std_error for c in fit.coefficients], np.sqrt(np.diag(np.linalg.inv(H))), rtol=1e-8
    )


def test_l2_on_separable_data_is_finite_and_reports_separation() -> None:
    fit = fit_exact(SEED_X, SEED_Y, l2_C=1.0)
    assert fit.finite
    assert fit.converged
    assert fit.separation == "complete"
    assert "separable" in fit.message
    assert "C = 1" in fit.message
    # A weaker penalty lets the weight grow: the likelihood keeps rising towards 0.
    weaker = fit_exact(SEED_X, SEED_Y, l2_C=100.0)
    assert weaker.weights[0] > fit.weights[0] > 0
    assert fit.log_likelihood < weaker.log_likelihood < 0.0


@pytest.mark.parametrize("C", [0.0, -1.0, math.inf, math.nan])
def test_invalid_C_is_rejected(C: float) -> None:
    with pytest.raises(ValueError, match="l2_C"):
        fit_exact(SEED_X, SEED_Y, l2_C=C)


# --- separation --------------------------------------------------------------------------------


def test_seed_data_is_completely_separable() -> None:
    assert detect_separation(SEED_X, SEED_Y) == "complete"
    fit = fit_exact(SEED_X, SEED_Y)
    assert fit.separation == "complete"
    assert not fit.converged
    assert not fit.finite
    assert fit.iterations == 0
    assert fit.log_likelihood == 0.0
    assert all(math.isnan(c.estimate) for c in fit.coefficients)
    assert all(math.isnan(c.std_error) for c in fit.coefficients)
    assert np.isnan(fit.weights).all()
    assert math.isnan(fit.bias)
    assert "completely separable" in fit.message
    assert "no finite" in fit.message
    assert "L2" in fit.message
    with pytest.raises(ValueError, match="finite"):
        fit.probability(SEED_X)
    assert fit.decision_boundary() is None


def test_tie_at_the_border_is_quasi_complete() -> None:
    X = np.array([[1.0], [2.0], [2.0], [3.0]])
    y = np.array([0.0, 0.0, 1.0, 1.0])
    assert detect_separation(X, y) == "quasi-complete"
    fit = fit_exact(X, y)
    assert fit.separation == "quasi-complete"
    assert not fit.finite
    assert "quasi-completely separable" in fit.message
    # Supremum: the separated points tend to probability 1, the tied pair to 1/2 each.
    assert fit.log_likelihood == pytest.approx(2 * math.log(0.5), rel=1e-12)
    # Reversed orientation too.
    assert detect_separation(X, 1.0 - y) == "quasi-complete"


def test_one_feature_edge_cases() -> None:
    y = np.array([0.0, 1.0, 0.0, 1.0])
    assert detect_separation(np.array([2.0, 2.0, 2.0, 2.0]), y) == "none"
    assert detect_separation(np.array([1.0, 2.0, 3.0, 4.0]), y) == "none"
    assert detect_separation(np.array([5.0, 1.0]), np.array([0.0, 1.0])) == "complete"
    assert detect_separation(np.array([1.0, 1.0]), np.array([0.0, 1.0])) == "none"


def test_two_feature_separation() -> None:
    X = np.array([[0, 0], [1, 0], [0, 1], [2, 2], [3, 1], [1, 3]], dtype=float)
    y = np.array([0, 0, 0, 1, 1, 1], dtype=float)
    assert detect_separation(X, y) == "complete"
    # Add points of both classes on the line x1 + x2 = 2: quasi-complete. A line turned about
    # (1, 1) still separates the rest and puts (2, 0) strictly on its side, so only the three
    # points at (1, 1) lie on every separating line and bound the likelihood.
    Xq = np.vstack((X, [[1, 1], [1, 1], [1, 1], [2, 0]]))
    yq = np.concatenate((y, [0, 1, 1, 1]))
    assert detect_separation(Xq, yq) == "quasi-complete"
    fit = fit_exact(Xq, yq)
    assert fit.log_likelihood == pytest.approx(2 * math.log(2 / 3) + math.log(1 / 3), rel=1e-9)
    # Its supremum is approached by ever weaker penalties from below.
    lls = [fit_exact(Xq, yq, l2_C=C).log_likelihood for C in (1e2, 1e4, 1e6)]
    assert lls[0] < lls[1] < lls[2] < fit.log_likelihood
    assert lls[2] == pytest.approx(fit.log_likelihood, abs=1e-4)


def test_two_feature_non_separable() -> None:
    xor = np.array([[0, 0], [1, 1], [0, 1], [1, 0], [0.5, 0.5]], dtype=float)
    assert detect_separation(xor, np.array([0, 0, 1, 1, 1], dtype=float)) == "none"
    X, y, _ = _spector()
    assert detect_separation(X[:, :2], y) == "none"
    assert detect_separation(X, y) == "none"


@pytest.mark.parametrize("label", [0.0, 1.0])
def test_one_class_labels(label: float) -> None:
    X = np.array([[1.0, 2.0], [2.0, 0.0], [3.0, 1.0]])
    y = np.full(3, label)
    assert detect_separation(X, y) == "complete"
    for C in (None, 1.0):
        fit = fit_exact(X, y, l2_C=C)
        assert fit.separation == "complete"
        assert not fit.finite
        assert not fit.converged
        assert fit.log_likelihood == 0.0
        assert f"All 3 labels are {int(label)}" in fit.message
        assert "both classes" in fit.message


def test_single_sample() -> None:
    fit = fit_exact(np.array([[1.0]]), np.array([1.0]))
    assert fit.separation == "complete"
    assert not fit.finite


def test_collinear_features_do_not_crash() -> None:
    X, y, _ = _spector()
    Xc = np.column_stack((X, 2.0 * X[:, 0] - X[:, 2] + 1.0))
    fit = fit_exact(Xc, y, feature_names=["GPA", "TUCE", "PSI", "combo"])
    assert fit.separation == "none"
    assert not fit.converged
    assert not fit.finite
    assert "collinear" in fit.message
    for name in ("GPA", "PSI", "combo"):
        assert name in fit.message
    assert "TUCE" not in fit.message
    # The likelihood still has a maximum, the one without the redundant column.
    assert fit.log_likelihood == pytest.approx(fit_exact(X, y).log_likelihood, rel=1e-9)
    # A penalty makes the fit unique again.
    pen = fit_exact(Xc, y, l2_C=1.0)
    assert pen.converged
    np.testing.assert_allclose(
        np.concatenate(([pen.bias], pen.weights)),
        _sklearn_fit(Xc, y, 1.0, "newton-cg"),
        rtol=1e-6,
    )


def test_constant_feature_is_collinear_with_intercept() -> None:
    X = np.column_stack((EXAM_HOURS, np.full(20, 7.0)))
    fit = fit_exact(X, EXAM_PASS)
    assert not fit.converged
    assert "intercept" in fit.message
    assert "x2" in fit.message
    assert fit.log_likelihood == pytest.approx(-8.029878464344, rel=1e-9)


def test_more_features_than_samples() -> None:
    X = np.array([[0.0, 1.0, 2.0, 5.0], [1.0, 0.0, 1.0, 3.0], [2.0, 2.0, 0.0, 1.0]])
    y = np.array([0.0, 1.0, 0.0])
    assert detect_separation(X, y) == "complete"
    assert fit_exact(X, y, l2_C=1.0).converged


def _reference_separation(X: np.ndarray, y: np.ndarray) -> str:
    """Konis' two LPs on the raw design, solved by scipy's HiGHS."""
    n = len(y)
    if y.min() == y.max():
        return "complete"
    Z = (2 * y - 1)[:, None] * np.column_stack((np.ones(n), X))
    p = Z.shape[1]
    res = linprog(-Z.sum(0), A_ub=-Z, b_ub=np.zeros(n), bounds=[(-1, 1)] * p, method="highs")
    if -res.fun <= 1e-7:
        return "none"
    cost = np.zeros(p + 1)
    cost[-1] = -1.0
    res = linprog(
        cost,
        A_ub=np.column_stack((-Z, np.ones(n))),
        b_ub=np.zeros(n),
        bounds=[(-1, 1)] * p + [(0, 1)],
        method="highs",
    )
    return "complete" if -res.fun > 1e-7 else "quasi-complete"


def test_separation_agrees_with_scipy_linprog_on_random_small_data() -> None:
    # Small integer grids give many ties, so all three outcomes occur often.
    rng = np.random.default_rng(20240601)
    seen = set()
    for _ in range(400):
        n = int(rng.integers(2, 13))
        d = int(rng.integers(1, 4))
        X = rng.integers(-2, 3, size=(n, d)).astype(float)
        if d >= 2 and rng.random() < 0.3:
            X[:, -1] = X[:, 0] - 2.0 * X[:, 1]
        y = (rng.random(n) < 0.5).astype(float)
        expected = _reference_separation(X, y)
        seen.add(expected)
        assert detect_separation(X, y) == expected, (X.tolist(), y.tolist())
        if d == 1 and y.min() != y.max():
            # The simplex path must agree with the exact sorting path used for one feature.
            lp, _ = _separation_lp(_Design.build(X, chunk=3).basis, y)
            assert lp == expected, (X.tolist(), y.tolist())
    assert seen == {"none", "quasi-complete", "complete"}


def test_separation_large_continuous_data() -> None:
    rng = np.random.default_rng(7)
    X = rng.normal(size=(3000, 3)) * [1.0, 1e5, 1e-3] + [0.0, 1e6, 0.0]
    score = X[:, 0] + 1e-5 * (X[:, 1] - 1e6) - 1e3 * X[:, 2]
    y = (score > 0).astype(float)
    assert detect_separation(X, y) == "complete"
    y_noisy = y.copy()
    y_noisy[np.argsort(np.abs(score))[:20]] = 1.0 - y_noisy[np.argsort(np.abs(score))[:20]]
    assert detect_separation(X, y_noisy) == "none"


# --- serialisation, boundary, validation --------------------------------------------------------


def test_to_dict_is_json_ready() -> None:
    keys = {"coefficients", "log_likelihood", "converged", "separation", "iterations"}
    keys |= {"l2_C", "message"}
    row_keys = {"name", "estimate", "std_error", "z", "p_value", "ci_low", "ci_high"}
    row_keys |= {"odds_ratio"}
    for fit in (
        fit_exact(EXAM_HOURS, EXAM_PASS),
        fit_exact(SEED_X, SEED_Y),
        fit_exact(SEED_X, SEED_Y, l2_C=0.5),
    ):
        d = fit.to_dict()
        text = json.dumps(d, allow_nan=False)
        assert json.loads(text) == d
        assert set(d) == keys
        coefficients = d["coefficients"]
        assert isinstance(coefficients, list)
        assert [set(row) for row in coefficients] == [row_keys] * 2
        assert coefficients[0]["name"] == "(intercept)"
    separated = fit_exact(SEED_X, SEED_Y).to_dict()
    assert separated["coefficients"][0]["estimate"] is None  # type: ignore[index]
    assert separated["l2_C"] is None
    assert separated["separation"] == "complete"
    assert separated["log_likelihood"] == 0.0


def _one_feature_fit(b: float, w: float) -> ExactFit:
    def row(name: str, est: float) -> Coefficient:
        return Coefficient(name, est, 1.0, est, 0.5, est - 1.96, est + 1.96, math.exp(est))

    return ExactFit(
        coefficients=(row("(intercept)", b), row("x", w)),
        log_likelihood=-1.0,
        converged=True,
        iterations=3,
        separation="none",
        l2_C=None,
        message="Converged in 3 Newton steps.",
    )


def test_decision_boundary() -> None:
    fit = fit_exact(EXAM_HOURS, EXAM_PASS)
    b, w = fit.bias, fit.weights[0]
    x50 = fit.decision_boundary()
    assert x50 == pytest.approx(-b / w, rel=1e-15)
    assert float(fit.probability(np.array(x50))) == pytest.approx(0.5, abs=1e-12)
    x80 = fit.decision_boundary(0.8)
    assert x80 == pytest.approx((math.log(0.8 / 0.2) - b) / w, rel=1e-12)
    assert float(fit.probability(np.array(x80))) == pytest.approx(0.8, abs=1e-12)

    assert _one_feature_fit(2.0, -4.0).decision_boundary() == pytest.approx(0.5)
    assert _one_feature_fit(1.0, 0.0).decision_boundary() is None
    with pytest.raises(ValueError, match="threshold"):
        fit.decision_boundary(1.0)
    X, y, _ = _spector()
    with pytest.raises(ValueError, match="single feature"):
        fit_exact(X, y).decision_boundary()


def test_iteration_limit_reports_non_convergence() -> None:
    X, y, _ = _spector()
    fit = fit_exact(X, y, max_iter=2)
    assert not fit.converged
    assert fit.iterations == 2
    assert "did not converge" in fit.message
    assert fit.finite


@pytest.mark.parametrize(
    ("X", "y", "match"),
    [
        (np.ones((3, 1)), np.array([0.0, 1.0, 2.0]), "0 and 1"),
        (np.ones((3, 1)), np.array([0.0, 1.0]), "shape"),
        (np.array([[1.0], [np.nan]]), np.array([0.0, 1.0]), "NaN"),
        (np.ones((2, 2, 2)), np.array([0.0, 1.0]), "2-D"),
        (np.ones((0, 1)), np.ones(0), "no samples"),
    ],
)
def test_invalid_input(X: np.ndarray, y: np.ndarray, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        fit_exact(X, y)


def test_feature_name_count_must_match() -> None:
    with pytest.raises(ValueError, match="feature names"):
        fit_exact(SEED_X, SEED_Y, feature_names=["a", "b"])
    assert [c.name for c in fit_exact(SEED_X, SEED_Y).coefficients] == ["(intercept)", "x1"]


# --- chunked passes (issue 12): the same numbers whatever the block size --------------------


@pytest.mark.parametrize("chunk", [1, 7, 64])
def test_chunked_fit_equals_whole_fit(monkeypatch, chunk: int) -> None:
    import core.exact

    rng = np.random.default_rng(12)
    X = rng.normal(size=(300, 3)) * [1.0, 1e4, 1e-3] + [0.0, 5e5, 1.0]
    eta = X[:, 0] + 2e-4 * (X[:, 1] - 5e5) - 300 * (X[:, 2] - 1.0)
    y = (rng.random(300) < 1 / (1 + np.exp(-eta))).astype(float)
    whole = fit_exact(X, y)
    monkeypatch.setattr(core.exact, "CHUNK_ROWS", chunk)
    chunked = fit_exact(X, y)
    assert chunked.converged and chunked.separation == "none"
    for a, b in zip(whole.coefficients, chunked.coefficients, strict=True):
        assert b.estimate == pytest.approx(a.estimate, rel=1e-10)
        assert b.std_error == pytest.approx(a.std_error, rel=1e-10)
    # Separation through the chunked simplex, all three outcomes.
    Xs = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 2.0], [3.0, 1.0]])
    for ys, expected in (
        ([0, 0, 0, 1, 1, 1], "complete"),
        ([0, 1, 1, 0, 1, 0], "none"),
    ):
        assert detect_separation(Xs, np.array(ys, dtype=float)) == expected
    assert detect_separation(SEED_X, SEED_Y) == "complete"


def test_l2_fit_chunked_matches_sklearn(monkeypatch) -> None:
    import core.exact

    X, y, _ = _spector()
    monkeypatch.setattr(core.exact, "CHUNK_ROWS", 5)
    fit = fit_exact(X, y, l2_C=0.7)
    np.testing.assert_allclose(
        [c.estimate for c in fit.coefficients], _sklearn_fit(X, y, 0.7, "lbfgs"), rtol=1e-5
    )


# --- separation decided by Newton or by the LP: the same answer -------------------------------


def test_fit_reports_the_separation_scipy_finds_on_random_data() -> None:
    # fit_exact skips the LP when a converged Newton run proves no separation exists; whichever
    # path it takes, the separation it reports must be scipy's, and the fit finite exactly when
    # the data are not separable. Near-separable continuous data (a strong signal and few rows)
    # drive Newton to large coefficients, where the proof must not be trusted.
    rng = np.random.default_rng(20261127)
    seen = set()
    for trial in range(300):
        n = int(rng.integers(3, 40))
        d = int(rng.integers(1, 4))
        X = rng.integers(-2, 3, size=(n, d)).astype(float) if trial % 2 else rng.normal(size=(n, d))
        score = X @ rng.normal(size=d) * float(rng.choice([0.5, 3.0, 30.0]))
        y = (rng.random(n) < 1.0 / (1.0 + np.exp(-score))).astype(float)
        if y.min() == y.max() or np.linalg.matrix_rank(np.column_stack((np.ones(n), X))) <= d:
            continue
        expected = _reference_separation(X, y)
        seen.add(expected)
        fit = fit_exact(X, y)
        assert fit.separation == expected, (X.tolist(), y.tolist())
        assert fit.finite == (expected == "none"), (X.tolist(), y.tolist(), fit.message)
    assert seen == {"none", "quasi-complete", "complete"}


# --- progress and cancel ----------------------------------------------------------------------


def _large(n: int, d: int = 5, seed: int = 3) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    y = (rng.random(n) < 1.0 / (1.0 + np.exp(-(X @ np.linspace(-1.0, 1.0, d))))).astype(float)
    return X, y


@pytest.mark.parametrize("case", ["ml", "l2", "separated", "one-feature"])
def test_progress_is_monotone_and_ends_at_one(monkeypatch, case: str) -> None:
    import core.exact

    monkeypatch.setattr(core.exact, "CHUNK_ROWS", 500)
    X, y = _large(20_000, d=1 if case == "one-feature" else 3)
    if case == "separated":
        y = (X[:, 0] + X[:, 1] > 0).astype(float)
    reports: list[float] = []
    fit = fit_exact(X, y, l2_C=1.0 if case == "l2" else None, progress=reports.append)
    assert len(reports) >= 10
    assert all(0.0 <= r <= 1.0 for r in reports)
    assert all(a < b for a, b in itertools.pairwise(reports)), reports
    assert reports[-1] == 1.0
    # Reporting progress does not change the answer.
    plain = fit_exact(X, y, l2_C=1.0 if case == "l2" else None)
    assert fit.to_dict() == plain.to_dict()


@pytest.mark.parametrize("method", ["exact", "firth"])
def test_cancel_from_another_thread_stops_a_two_million_row_fit(method: str) -> None:
    import threading
    import time

    from core.exact import FitCancelled
    from core.firth import fit_firth

    fit = fit_exact if method == "exact" else fit_firth
    X, y = _large(2_000_000)
    cancel = threading.Event()
    started = threading.Event()
    outcome: list[object] = []

    def progress(fraction: float) -> None:
        if fraction >= 0.1:
            started.set()

    def work() -> None:
        try:
            outcome.append(fit(X, y, progress=progress, cancel=cancel))
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    assert started.wait(60.0)
    cancelled_at = time.perf_counter()
    cancel.set()
    thread.join(10.0)
    stopped_after = time.perf_counter() - cancelled_at
    assert not thread.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], FitCancelled), outcome
    assert (
        stopped_after < 2.0
    )  # target 0.5 s; room for a loaded machine (a 2M-row fit takes far longer)


def test_a_set_flag_cancels_before_any_work() -> None:
    import threading

    from core.exact import FitCancelled

    flag = threading.Event()
    flag.set()
    reports: list[float] = []
    with pytest.raises(FitCancelled):
        fit_exact(SEED_X, SEED_Y, cancel=flag, progress=reports.append)
    assert 1.0 not in reports

    class Flag:  # any object with is_set() will do
        def is_set(self) -> bool:
            return True

    with pytest.raises(FitCancelled):
        fit_exact(EXAM_HOURS, EXAM_PASS, cancel=Flag())


def test_a_feature_that_is_zero_everywhere_is_named_alone() -> None:
    # Was "collinear:  and b" (an empty name before "and").
    X = np.column_stack([np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]), np.zeros(6)])
    y = np.array([0.0, 1.0, 0.0, 1.0, 1.0, 0.0])
    fit = fit_exact(X, y, feature_names=("a", "b"))
    assert not fit.finite
    assert "The feature b is 0 in every row" in fit.message
    assert " and b" not in fit.message and ":  " not in fit.message
