"""Tests for the statistics commands (core.cli_stats) through core.cli.main."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

import numpy as np
import pytest
import statsmodels.api as sm
from sklearn import metrics as skm

from core.cli import main

DATA = Path(__file__).parent / "data"
KEYS = [
    "n",
    "events",
    "null_log_likelihood",
    "deviance",
    "null_deviance",
    "lr_chi2",
    "lr_df",
    "lr_p_value",
    "aic",
    "bic",
    "mcfadden_r2",
    "cox_snell_r2",
    "nagelkerke_r2",
    "tjur_r2",
]


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    rc = main(list(argv), out=out)
    return rc, out.getvalue()


def _json(*argv: str) -> dict:
    rc, text = _run(*argv, "--json")
    assert rc == 0
    return json.loads(text)


@pytest.fixture
def spector_csv(tmp_path: Path) -> tuple[Path, np.ndarray, np.ndarray]:
    data = sm.datasets.spector.load_pandas()
    X = data.exog.to_numpy(dtype=float)
    y = data.endog.to_numpy(dtype=float)
    path = tmp_path / "spector.csv"
    header = ",".join([*data.exog.columns, "GRADE"])
    np.savetxt(
        path, np.column_stack([X, y]), delimiter=",", header=header, comments="", fmt="%.17g"
    )
    return path, X, y


def test_fit_exact_json_matches_statsmodels(spector_csv) -> None:
    path, X, y = spector_csv
    doc = _json("fit-exact", str(path))
    res = sm.Logit(y, sm.add_constant(X)).fit(disp=0, method="newton", tol=1e-12)
    assert doc["n"] == 32 and doc["events"] == int(y.sum())
    expected = {
        "null_log_likelihood": res.llnull,
        "deviance": -2 * res.llf,
        "null_deviance": -2 * res.llnull,
        "lr_chi2": res.llr,
        "lr_p_value": res.llr_pvalue,
        "aic": res.aic,
        "bic": res.bic,
        "mcfadden_r2": res.prsquared,
        "cox_snell_r2": 1 - math.exp(2 * (res.llnull - res.llf) / 32),
        "nagelkerke_r2": (1 - math.exp(2 * (res.llnull - res.llf) / 32))
        / (1 - math.exp(2 * res.llnull / 32)),
        "tjur_r2": res.predict()[y == 1].mean() - res.predict()[y == 0].mean(),
        "log_likelihood": res.llf,
    }
    for key, value in expected.items():
        assert doc[key] == pytest.approx(value, rel=1e-6, abs=1e-9), key
    assert doc["lr_df"] == 3
    ci = np.exp(np.asarray(res.conf_int()))
    rows = doc["coefficients"]
    np.testing.assert_allclose([r["estimate"] for r in rows], res.params, rtol=1e-6)
    np.testing.assert_allclose([r["odds_ratio_ci_low"] for r in rows], ci[:, 0], rtol=1e-6)
    np.testing.assert_allclose([r["odds_ratio_ci_high"] for r in rows], ci[:, 1], rtol=1e-6)
    for key in KEYS:
        assert key in doc
    # Every key the command printed before is still there.
    for key in ("log_likelihood", "converged", "separation", "iterations", "l2_C", "message"):
        assert key in doc


def test_fit_exact_level_changes_the_intervals(spector_csv) -> None:
    path, X, y = spector_csv
    doc = _json("fit-exact", str(path), "--level", "0.9")
    res = sm.Logit(y, sm.add_constant(X)).fit(disp=0, method="newton", tol=1e-12)
    ci = np.asarray(res.conf_int(alpha=0.1))
    np.testing.assert_allclose([r["ci_low"] for r in doc["coefficients"]], ci[:, 0], rtol=1e-6)
    np.testing.assert_allclose([r["ci_high"] for r in doc["coefficients"]], ci[:, 1], rtol=1e-6)


def test_fit_exact_text_shows_the_statistics(spector_csv) -> None:
    rc, text = _run("fit-exact", str(spector_csv[0]))
    assert rc == 0
    assert "[0.025" in text and "0.975]" in text and "odds ratio" in text
    assert "AIC:" in text and "Nagelkerke" in text and "LR chi2(3)" in text


def test_firth_json_matches_logistf() -> None:
    doc = _json("fit-exact", str(DATA / "sex2.csv"), "--firth")
    assert doc["ci_method"] == "profile"
    rows = {r["name"]: r for r in doc["coefficients"]}
    assert rows["age"]["estimate"] == pytest.approx(-1.10598130, abs=1e-5)
    assert rows["dia"]["ci_high"] == pytest.approx(8.03029352, abs=1e-3)
    assert rows["dia"]["odds_ratio_ci_high"] == pytest.approx(math.exp(rows["dia"]["ci_high"]))


def test_firth_on_the_post_data_and_save_then_predict(tmp_path: Path) -> None:
    data = tmp_path / "post.csv"
    data.write_text("hours,passed\n1,0\n2,0\n3,1\n4,1\n")
    model = tmp_path / "firth.json"
    rc, text = _run("fit-exact", str(data), "--firth", "--save", str(model))
    assert rc == 0 and "Decision boundary: 2.5000" in text
    doc = _json("predict", str(model), "2.5")
    assert doc["predictions"][0]["probability"] == pytest.approx(0.5, abs=1e-6)


def test_evaluate_matches_scikit_learn(spector_csv, tmp_path: Path) -> None:
    path, X, y = spector_csv
    model = tmp_path / "m.json"
    assert _run("fit-exact", str(path), "--save", str(model))[0] == 0
    doc = _json("evaluate", str(model), str(path), "--threshold", "0.4")
    res = sm.Logit(y, sm.add_constant(X)).fit(disp=0, method="newton", tol=1e-12)
    p = res.predict()
    pred = (p > 0.4).astype(float)
    tn, fp, fn, tp = skm.confusion_matrix(y, pred).ravel()
    assert doc["confusion"] == {"tp": tp, "fp": fp, "tn": tn, "fn": fn}
    checks = {
        "accuracy": skm.accuracy_score(y, pred),
        "precision": skm.precision_score(y, pred),
        "recall": skm.recall_score(y, pred),
        "specificity": skm.recall_score(y, pred, pos_label=0),
        "f1": skm.f1_score(y, pred),
        "balanced_accuracy": skm.balanced_accuracy_score(y, pred),
        "auc": skm.roc_auc_score(y, p),
        "log_loss": skm.log_loss(y, p),
        "brier": skm.brier_score_loss(y, p),
    }
    for key, value in checks.items():
        assert doc[key] == pytest.approx(value, rel=1e-6, abs=1e-9), key
    assert doc["auc_ci_low"] < doc["auc"] <= doc["auc_ci_high"] <= 1
    fpr, tpr, _ = skm.roc_curve(y, p, drop_intermediate=False)
    np.testing.assert_allclose([q["fpr"] for q in doc["roc"]], fpr, atol=1e-6)
    np.testing.assert_allclose([q["tpr"] for q in doc["roc"]], tpr, atol=1e-6)
    thresholds = [q["threshold"] for q in doc["roc"]]
    assert thresholds[-1] is None  # -inf: every row positive
    assert thresholds[:-1] == sorted(thresholds[:-1], reverse=True)


def test_evaluate_undefined_precision_is_null_with_a_reason(tmp_path: Path) -> None:
    data = tmp_path / "d.csv"
    data.write_text("x,y\n1,0\n2,1\n3,0\n4,1\n")
    model = tmp_path / "m.json"
    assert _run("fit-exact", str(data), "--save", str(model))[0] == 0
    doc = _json("evaluate", str(model), str(data), "--threshold", "0.99")
    assert doc["precision"] is None and doc["f1"] is None
    assert "predicted positive" in doc["reasons"]["precision"]
    rc, text = _run("evaluate", str(model), str(data), "--threshold", "0.99")
    assert rc == 0 and "precision: — (" in text


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["fit-exact", "missing.csv"], "missing.csv"),
        (["fit-exact", "{data}", "--firth", "--l2-C", "1"], "not allowed with"),
        (["fit-exact", "{data}", "--level", "1.5"], "between 0 and 1"),
        (["fit-exact", "{post}", "--save", "{out}"], "no finite fit"),
        (["evaluate", "{model}", "{wide}"], "feature"),
    ],
)
def test_errors_are_one_line_with_status_2(tmp_path: Path, capsys, argv, needle) -> None:
    post = tmp_path / "post.csv"
    post.write_text("hours,passed\n1,0\n2,0\n3,1\n4,1\n")
    wide = tmp_path / "wide.csv"
    wide.write_text("a,b,y\n1,2,0\n2,1,1\n3,5,0\n4,4,1\n")
    model = tmp_path / "m.json"
    assert _run("fit-exact", str(post), "--firth", "--save", str(model))[0] == 0
    capsys.readouterr()
    names = {"data": str(post), "post": str(post), "out": str(tmp_path / "x.json"),
             "model": str(model), "wide": str(wide)}  # fmt: skip
    rc, out = _run(*(a.format(**names) for a in argv))
    err = capsys.readouterr().err
    assert rc == 2 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1 and needle in err
