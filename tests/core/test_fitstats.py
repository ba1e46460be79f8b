"""Tests for core.fitstats: model-fit statistics against statsmodels' Logit results."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import statsmodels.api as sm
from scipy import stats

from core.exact import fit_exact
from core.fitstats import chi2_sf, fit_statistics, normal_quantile

DATA = Path(__file__).parent / "data"


def _spector() -> tuple[np.ndarray, np.ndarray]:
    data = sm.datasets.spector.load_pandas()
    return data.exog.to_numpy(dtype=float), data.endog.to_numpy(dtype=float)


def _sex2() -> tuple[np.ndarray, np.ndarray]:
    # Without "dia": every diaphragm user is a case (quasi-complete separation).
    table = np.loadtxt(DATA / "sex2.csv", delimiter=",", skiprows=1)
    return table[:, :-2], table[:, -1]


def _random(n: int, d: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d)) * rng.uniform(0.5, 20.0, size=d) + rng.normal(0, 50, size=d)
    eta = 0.3 + (X - X.mean(axis=0)) / X.std(axis=0) @ rng.normal(0, 0.8, size=d)
    y = (rng.random(n) < 1.0 / (1.0 + np.exp(-eta))).astype(float)
    return X, y


@pytest.mark.parametrize(
    ("loader", "level"),
    [
        (_spector, 0.95),
        (_sex2, 0.95),
        (_sex2, 0.90),
        (lambda: _random(500, 3, 1), 0.99),
        (lambda: _random(2000, 1, 2), 0.8),
    ],
)
def test_matches_statsmodels(loader, level: float) -> None:
    X, y = loader()
    fit = fit_exact(X, y)
    st = fit_statistics(fit, X, y, level=level)
    res = sm.Logit(y, sm.add_constant(X, has_constant="add")).fit(
        disp=0, method="newton", tol=1e-12
    )
    n = len(y)
    assert st.n == n
    assert st.events == int(y.sum())
    assert st.log_likelihood == pytest.approx(res.llf, rel=1e-9)
    assert st.null_log_likelihood == pytest.approx(res.llnull, rel=1e-9)
    assert st.deviance == pytest.approx(-2 * res.llf, rel=1e-9)
    assert st.null_deviance == pytest.approx(-2 * res.llnull, rel=1e-9)
    assert st.lr_chi2 == pytest.approx(res.llr, rel=1e-7)
    assert st.lr_df == res.df_model
    assert st.lr_p_value == pytest.approx(res.llr_pvalue, rel=1e-6, abs=1e-300)
    assert st.aic == pytest.approx(res.aic, rel=1e-9)
    assert st.bic == pytest.approx(res.bic, rel=1e-9)
    assert st.mcfadden_r2 == pytest.approx(res.prsquared, rel=1e-8, abs=1e-10)
    # Cox–Snell and Nagelkerke from their definitions, on statsmodels' likelihoods.
    cs = 1 - math.exp(2 * (res.llnull - res.llf) / n)
    assert st.cox_snell_r2 == pytest.approx(cs, rel=1e-8, abs=1e-10)
    assert st.nagelkerke_r2 == pytest.approx(
        cs / (1 - math.exp(2 * res.llnull / n)), rel=1e-8, abs=1e-10
    )
    p = res.predict()
    assert st.tjur_r2 == pytest.approx(p[y == 1].mean() - p[y == 0].mean(), rel=1e-7)
    ci = np.asarray(res.conf_int(alpha=1 - level))
    np.testing.assert_allclose([c.ci_low for c in st.coefficients], ci[:, 0], rtol=1e-6)
    np.testing.assert_allclose([c.ci_high for c in st.coefficients], ci[:, 1], rtol=1e-6)
    np.testing.assert_allclose(
        [c.odds_ratio_ci_low for c in st.coefficients], np.exp(ci[:, 0]), rtol=1e-6
    )
    np.testing.assert_allclose(
        [c.odds_ratio_ci_high for c in st.coefficients], np.exp(ci[:, 1]), rtol=1e-6
    )
    assert st.converged and st.iterations == fit.iterations
    assert 0 < st.nagelkerke_r2 <= 1 and st.cox_snell_r2 < st.nagelkerke_r2


def test_separated_data_give_no_statistics_that_need_an_estimate() -> None:
    X, y = np.array([1.0, 2.0, 3.0, 4.0]), np.array([0.0, 0.0, 1.0, 1.0])
    st = fit_statistics(fit_exact(X, y), X, y)
    assert st.null_log_likelihood == pytest.approx(4 * math.log(0.5))
    for value in (st.log_likelihood, st.lr_chi2, st.aic, st.mcfadden_r2, st.tjur_r2):
        assert math.isnan(value)
    doc = st.to_dict()
    assert doc["aic"] is None and doc["n"] == 4 and doc["events"] == 2


def test_chi2_and_normal_against_scipy() -> None:
    for df in (1, 2, 3, 4, 7, 10, 51):
        for x in (1e-6, 0.5, 3.84, 10.0, 80.0, 900.0):
            assert chi2_sf(x, df) == pytest.approx(stats.chi2.sf(x, df), rel=1e-10, abs=1e-300)
    for p in (1e-10, 0.025, 0.3, 0.5, 0.975, 1 - 1e-10):
        assert normal_quantile(p) == pytest.approx(stats.norm.ppf(p), rel=1e-12, abs=1e-15)


def test_bad_level_is_rejected() -> None:
    X, y = _spector()
    fit = fit_exact(X, y)
    with pytest.raises(ValueError, match="between 0 and 1"):
        fit_statistics(fit, X, y, level=1.0)
