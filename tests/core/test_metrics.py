"""Tests for core.metrics against scikit-learn and a direct O(n²) DeLong computation."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from sklearn import metrics as skm
from sklearn.calibration import calibration_curve

from core.metrics import calibration_bins, confusion, delong_auc, evaluate, roc_curve


def _data(n: int, seed: int, ties: bool) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.4).astype(float)
    p = 1 / (1 + np.exp(-(rng.normal(size=n) + 1.2 * y - 0.5)))
    if ties:
        p = np.round(p, 1)  # many tied probabilities, 0 and 1 included
    return p, y


def _delong_quadratic(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    pos, neg = p[y == 1], p[y == 0]
    psi = (pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])
    v10, v01 = psi.mean(axis=1), psi.mean(axis=0)
    var = v10.var(ddof=1) / len(pos) + v01.var(ddof=1) / len(neg)
    return float(psi.mean()), math.sqrt(var)


@pytest.mark.parametrize(
    ("n", "seed", "ties"), [(50, 1, False), (300, 2, True), (1000, 3, False), (40, 4, True)]
)
@pytest.mark.parametrize("threshold", [0.5, 0.3, 0.72])
def test_matches_scikit_learn(n: int, seed: int, ties: bool, threshold: float) -> None:
    p, y = _data(n, seed, ties)
    ev = evaluate(p, y, threshold)
    pred = (p > threshold).astype(float)
    tn, fp, fn, tp = skm.confusion_matrix(y, pred, labels=[0, 1]).ravel()
    assert ev.confusion.to_dict() == {"tp": tp, "fp": fp, "tn": tn, "fn": fn}
    assert ev.accuracy == pytest.approx(skm.accuracy_score(y, pred), abs=1e-12)
    assert ev.precision == pytest.approx(skm.precision_score(y, pred), abs=1e-12)
    assert ev.recall == pytest.approx(skm.recall_score(y, pred), abs=1e-12)
    assert ev.specificity == pytest.approx(skm.recall_score(y, pred, pos_label=0), abs=1e-12)
    assert ev.f1 == pytest.approx(skm.f1_score(y, pred), abs=1e-12)
    assert ev.balanced_accuracy == pytest.approx(skm.balanced_accuracy_score(y, pred), abs=1e-12)
    assert ev.log_loss == pytest.approx(skm.log_loss(y, np.clip(p, 1e-15, 1 - 1e-15)), rel=1e-10)
    assert ev.brier == pytest.approx(skm.brier_score_loss(y, p), rel=1e-12)
    assert ev.roc.auc == pytest.approx(skm.roc_auc_score(y, p), abs=1e-12)
    fpr, tpr, thr = skm.roc_curve(y, p, drop_intermediate=False)
    pts = ev.roc.points
    np.testing.assert_allclose([q.fpr for q in pts], fpr, atol=1e-15)
    np.testing.assert_allclose([q.tpr for q in pts], tpr, atol=1e-15)
    # Our rule is p > t, scikit-learn's p >= t: our thresholds are theirs shifted by one point.
    np.testing.assert_array_equal([q.threshold for q in pts[:-1]], thr[1:])
    assert pts[-1].threshold == -math.inf
    thresholds = [q.threshold for q in pts]
    assert thresholds == sorted(thresholds, reverse=True)
    prob_true, prob_pred = calibration_curve(y, p, n_bins=10)
    bins = ev.calibration
    np.testing.assert_allclose([b.observed for b in bins], prob_true, rtol=1e-12)
    np.testing.assert_allclose([b.mean_predicted for b in bins], prob_pred, rtol=1e-12)
    assert sum(b.count for b in bins) == n


@pytest.mark.parametrize(("n", "seed", "ties"), [(60, 5, False), (400, 6, True), (25, 7, True)])
def test_delong_matches_the_quadratic_definition(n: int, seed: int, ties: bool) -> None:
    p, y = _data(n, seed, ties)
    auc, se = delong_auc(p, y)
    auc_q, se_q = _delong_quadratic(p, y)
    assert auc == pytest.approx(auc_q, abs=1e-12)
    assert se == pytest.approx(se_q, rel=1e-10)
    roc = roc_curve(p, y)
    assert roc.auc_ci_low == pytest.approx(max(0.0, auc_q - 1.959963984540054 * se_q), abs=1e-12)
    assert roc.auc_ci_high == pytest.approx(min(1.0, auc_q + 1.959963984540054 * se_q), abs=1e-12)


def test_youden_threshold_reproduces_the_best_point() -> None:
    p, y = _data(500, 8, True)
    roc = roc_curve(p, y)
    t = roc.youden_threshold
    c = confusion(p, y, t)
    j = c.tp / (c.tp + c.fn) - c.fp / (c.fp + c.tn)
    assert j == pytest.approx(roc.youden_index, abs=1e-12)
    fpr, tpr, _ = skm.roc_curve(y, p)
    assert roc.youden_index == pytest.approx(np.max(tpr - fpr), abs=1e-12)


def test_undefined_values_are_none_with_a_reason() -> None:
    p = np.array([0.1, 0.2, 0.3, 0.4])
    y = np.array([0.0, 1.0, 0.0, 1.0])
    ev = evaluate(p, y, 0.5)  # nothing predicted positive
    assert ev.precision is None and "nothing is predicted positive" in ev.reasons["precision"]
    assert ev.f1 is None and "precision" in ev.reasons["f1"]
    assert ev.recall == 0.0 and ev.specificity == 1.0
    one_class = evaluate(p, np.zeros(4), 0.25)
    assert one_class.recall is None and "label 1" in one_class.reasons["recall"]
    assert one_class.roc.auc is None and one_class.roc.reason
    assert one_class.balanced_accuracy is None
    doc = one_class.to_dict()
    json.dumps(doc, allow_nan=False)
    assert doc["auc"] is None and doc["recall"] is None


def test_bad_input_names_the_row() -> None:
    with pytest.raises(ValueError, match="row 2"):
        evaluate(np.array([0.1, 1.5]), np.array([0.0, 1.0]))
    with pytest.raises(ValueError, match="row 1: the label"):
        evaluate(np.array([0.1, 0.5]), np.array([2.0, 1.0]))


def test_calibration_bins_edges_follow_scikit_learn() -> None:
    p = np.array([0.0, 0.1, 0.1000001, 0.5, 0.9, 1.0])
    y = np.array([0.0, 0.0, 1.0, 1.0, 0.0, 1.0])
    bins = calibration_bins(p, y, 5)
    prob_true, prob_pred = calibration_curve(y, p, n_bins=5)
    np.testing.assert_allclose([b.observed for b in bins], prob_true)
    np.testing.assert_allclose([b.mean_predicted for b in bins], prob_pred)


@pytest.mark.parametrize("decimals", [None, 3])
def test_many_rows_take_the_lean_path_with_the_same_numbers(
    decimals: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above LEAN_ROWS the metrics work in blocks from sorted classes (issue 12: memory)."""
    import core.metrics as cm

    rng = np.random.default_rng(12)
    n = 150_000
    p = rng.random(n)
    if decimals is not None:
        p = np.round(p, decimals)  # many ties
    y = (rng.random(n) < p).astype(float)
    monkeypatch.setattr(cm, "_BLOCK", 4_096)  # several blocks
    lean = evaluate(p, y, 0.4)
    assert n > cm.LEAN_ROWS
    monkeypatch.setattr(cm, "LEAN_ROWS", 10**9)
    direct = evaluate(p, y, 0.4)
    assert lean.roc.auc == pytest.approx(direct.roc.auc, abs=1e-12)
    assert lean.roc.auc == pytest.approx(skm.roc_auc_score(y, p), abs=1e-12)
    assert lean.roc.auc_std_error == pytest.approx(direct.roc.auc_std_error, rel=1e-9)
    assert lean.roc.youden_threshold == direct.roc.youden_threshold
    assert lean.roc.youden_index == pytest.approx(direct.roc.youden_index, abs=1e-15)
    assert lean.log_loss == pytest.approx(skm.log_loss(y, p), rel=1e-12)
    assert lean.brier == pytest.approx(direct.brier, rel=1e-12)
    for a, b in zip(lean.calibration, direct.calibration, strict=True):
        assert (a.lower, a.upper, a.count) == (b.lower, b.upper, b.count)
        assert a.mean_predicted == pytest.approx(b.mean_predicted, rel=1e-12)
        assert a.observed == pytest.approx(b.observed, rel=1e-12)
    # Every vertex kept is a vertex of the exact curve, both ends included, at most the cap.
    exact = {(q.threshold, q.fpr, q.tpr) for q in direct.roc.points}
    assert all((q.threshold, q.fpr, q.tpr) in exact for q in lean.roc.points)
    assert lean.roc.points[0] == direct.roc.points[0]
    assert lean.roc.points[-1] == direct.roc.points[-1]
    assert len(lean.roc.points) <= cm.ROC_MAX_POINTS + 3
