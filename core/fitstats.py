"""Model-fit statistics for a maximum-likelihood fit: likelihoods, tests, criteria and R².

Everything here is computed from an :class:`core.exact.ExactFit` and the data it was fitted
on, in float64, with numpy and the standard library only (the packaged app ships no scipy).
The numbers are those of statsmodels' ``Logit`` results (``llf``, ``llnull``, ``llr``,
``llr_pvalue``, ``aic``, ``bic``, ``prsquared``, ``conf_int``), plus the Cox–Snell,
Nagelkerke and Tjur R² that statsmodels does not report.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
from numpy.typing import NDArray

from core.exact import CHUNK_ROWS, ExactFit, _exp, _json_float
from core.model import label_values

__all__ = [
    "CoefficientInterval",
    "FitStatistics",
    "chi2_sf",
    "fit_statistics",
    "normal_quantile",
]

FloatArray = NDArray[np.float64]
_NAN = float("nan")


@dataclass(frozen=True)
class CoefficientInterval:
    """A coefficient with its Wald interval and its odds ratio's interval at one level.

    Attributes
    ----------
    name : str
        ``"(intercept)"`` or the feature's name.
    estimate, std_error : float
        As in the fit; NaN when no finite fit exists.
    ci_low, ci_high : float
        ``estimate ∓ z · std_error`` with ``z`` the two-sided normal quantile of ``level``.
    odds_ratio, odds_ratio_ci_low, odds_ratio_ci_high : float
        ``exp`` of the estimate and of the interval's ends (the interval is not symmetric).
    """

    name: str
    estimate: float
    std_error: float
    ci_low: float
    ci_high: float
    odds_ratio: float
    odds_ratio_ci_low: float
    odds_ratio_ci_high: float


@dataclass(frozen=True)
class FitStatistics:
    """How well a maximum-likelihood fit describes its data.

    Attributes
    ----------
    n, events : int
        Rows, and rows with label 1.
    log_likelihood, null_log_likelihood : float
        At the estimate, and of the intercept-only model (``events / n`` for every row).
    deviance, null_deviance : float
        ``-2`` times each log-likelihood (0/1 labels: the saturated log-likelihood is 0).
    lr_chi2, lr_df, lr_p_value : float, int, float
        Likelihood-ratio test against the intercept-only model: ``null_deviance - deviance``
        on ``d`` degrees of freedom (the number of features), and its χ² upper-tail p-value.
    aic, bic : float
        ``deviance + 2k`` and ``deviance + k log n`` with ``k = d + 1`` parameters.
    mcfadden_r2 : float
        ``1 - ll / ll0``.
    cox_snell_r2 : float
        ``1 - exp(2 (ll0 - ll) / n)``.
    nagelkerke_r2 : float
        Cox–Snell divided by its largest possible value ``1 - exp(2 ll0 / n)``.
    tjur_r2 : float
        Mean fitted probability of the rows with label 1 minus that of the rows with label 0.
    iterations : int
        Newton steps of the fit.
    converged : bool
        Whether the fit converged; when it did not, or no finite fit exists, every statistic
        that needs the estimate is NaN.
    level : float
        Confidence level of the intervals in ``coefficients``.
    coefficients : tuple of CoefficientInterval
        Intercept first.
    """

    n: int
    events: int
    log_likelihood: float
    null_log_likelihood: float
    deviance: float
    null_deviance: float
    lr_chi2: float
    lr_df: int
    lr_p_value: float
    aic: float
    bic: float
    mcfadden_r2: float
    cox_snell_r2: float
    nagelkerke_r2: float
    tjur_r2: float
    iterations: int
    converged: bool
    level: float
    coefficients: tuple[CoefficientInterval, ...]

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dictionary of the model-level numbers (NaN and infinities become None).

        Returns
        -------
        dict
            The keys ``n``, ``events``, ``null_log_likelihood``, ``deviance``,
            ``null_deviance``, ``lr_chi2``, ``lr_df``, ``lr_p_value``, ``aic``, ``bic``,
            ``mcfadden_r2``, ``cox_snell_r2``, ``nagelkerke_r2``, ``tjur_r2`` and ``ci_level``
            (``log_likelihood``, ``iterations`` and ``converged`` are already in the fit's own
            dictionary).
        """
        return {
            "n": self.n,
            "events": self.events,
            "null_log_likelihood": _json_float(self.null_log_likelihood),
            "deviance": _json_float(self.deviance),
            "null_deviance": _json_float(self.null_deviance),
            "lr_chi2": _json_float(self.lr_chi2),
            "lr_df": self.lr_df,
            "lr_p_value": _json_float(self.lr_p_value),
            "aic": _json_float(self.aic),
            "bic": _json_float(self.bic),
            "mcfadden_r2": _json_float(self.mcfadden_r2),
            "cox_snell_r2": _json_float(self.cox_snell_r2),
            "nagelkerke_r2": _json_float(self.nagelkerke_r2),
            "tjur_r2": _json_float(self.tjur_r2),
            "ci_level": self.level,
        }


def fit_statistics(
    fit: ExactFit, X: FloatArray, y: FloatArray, *, level: float = 0.95
) -> FitStatistics:
    """Compute the model-fit statistics of ``fit`` on the data it was fitted on.

    Parameters
    ----------
    fit : ExactFit
        A maximum-likelihood fit from :func:`core.exact.fit_exact` (for an L2 fit the numbers
        describe the penalised estimate with the unpenalised likelihood).
    X : ndarray, shape (n, d)
        The features the fit was made on (a 1-D array is one feature).
    y : ndarray, shape (n,)
        The 0/1 labels.
    level : float, default 0.95
        Confidence level of the coefficient intervals, strictly between 0 and 1.

    Returns
    -------
    FitStatistics

    Raises
    ------
    ValueError
        If ``level`` is outside (0, 1) or the shapes disagree with the fit.
    """
    z = _two_sided_z(level)
    Xv = np.asarray(X, dtype=np.float64)
    if Xv.ndim == 1:
        Xv = Xv[:, None]
    yv = label_values(y)
    d = len(fit.coefficients) - 1
    if Xv.ndim != 2 or Xv.shape[1] != d or yv.shape != (Xv.shape[0],):
        raise ValueError(
            f"the data have shape {Xv.shape} and {yv.shape}, but the fit has {d} features"
        )
    n = int(yv.shape[0])
    events = int(np.count_nonzero(yv == 1.0))
    ll0 = _null_log_likelihood(n, events)
    usable = fit.finite and fit.converged
    ll = fit.log_likelihood if usable else _NAN
    k = d + 1
    dev, dev0 = -2.0 * ll, -2.0 * ll0
    lr = dev0 - dev
    cox_snell = -math.expm1(2.0 * (ll0 - ll) / n) if usable else _NAN
    cs_max = -math.expm1(2.0 * ll0 / n)
    nagelkerke = cox_snell / cs_max if usable and cs_max > 0.0 else _NAN
    mcfadden = 1.0 - ll / ll0 if usable and ll0 < 0.0 else _NAN
    tjur = _tjur(fit, Xv, yv, events) if usable else _NAN
    rows = []
    for c in fit.coefficients:
        lo, hi = c.estimate - z * c.std_error, c.estimate + z * c.std_error
        rows.append(
            CoefficientInterval(
                name=c.name,
                estimate=c.estimate,
                std_error=c.std_error,
                ci_low=lo,
                ci_high=hi,
                odds_ratio=_exp(c.estimate),
                odds_ratio_ci_low=_exp(lo),
                odds_ratio_ci_high=_exp(hi),
            )
        )
    return FitStatistics(
        n=n,
        events=events,
        log_likelihood=ll,
        null_log_likelihood=ll0,
        deviance=dev,
        null_deviance=dev0,
        lr_chi2=lr,
        lr_df=d,
        lr_p_value=chi2_sf(lr, d) if math.isfinite(lr) else _NAN,
        aic=dev + 2.0 * k,
        bic=dev + k * math.log(n),
        mcfadden_r2=mcfadden,
        cox_snell_r2=cox_snell,
        nagelkerke_r2=nagelkerke,
        tjur_r2=tjur,
        iterations=fit.iterations,
        converged=fit.converged,
        level=float(level),
        coefficients=tuple(rows),
    )


def normal_quantile(p: float) -> float:
    """The standard normal quantile ``Φ⁻¹(p)`` for ``0 < p < 1`` (Wichura's AS241, ~1e-16)."""
    return NormalDist().inv_cdf(p)


def chi2_sf(x: float, df: int) -> float:
    """Upper-tail probability of the χ² distribution with ``df`` degrees of freedom.

    Closed forms for whole ``df``: a finite Poisson sum for even ``df`` and the normal tail plus
    a finite sum for odd ``df``, with the terms in log space so large ``x`` does not underflow
    before the sum is formed.

    Parameters
    ----------
    x : float
        The statistic; values at or below 0 give 1.
    df : int
        Degrees of freedom, at least 1.

    Returns
    -------
    float
        ``P(χ²_df > x)``.
    """
    if df < 1:
        raise ValueError(f"df must be at least 1, got {df}")
    if math.isnan(x):
        return _NAN
    if x <= 0.0:
        return 1.0
    if math.isinf(x):
        return 0.0
    h = 0.5 * x
    if df % 2 == 0:
        # Q = e^-h Σ_{i<df/2} h^i / i!
        logs = [i * math.log(h) - math.lgamma(i + 1.0) - h for i in range(df // 2)]
        base = 0.0
    else:
        # Q = erfc(√h) + e^-h Σ_{i=1}^{(df-1)/2} h^(i-½) / Γ(i+½)
        logs = [(i - 0.5) * math.log(h) - math.lgamma(i + 0.5) - h for i in range(1, df // 2 + 1)]
        base = math.erfc(math.sqrt(h))
    if not logs:
        return base
    top = max(logs)
    return min(1.0, base + math.exp(top) * math.fsum(math.exp(v - top) for v in logs))


def _two_sided_z(level: float) -> float:
    if not (isinstance(level, float | int) and 0.0 < float(level) < 1.0):
        raise ValueError(f"the confidence level must be strictly between 0 and 1, got {level}")
    return normal_quantile(0.5 + 0.5 * float(level))


def _null_log_likelihood(n: int, events: int) -> float:
    parts = [m * math.log(m / n) for m in (events, n - events) if m > 0]
    return math.fsum(parts)


def _tjur(fit: ExactFit, X: FloatArray, y: FloatArray, events: int) -> float:
    n = y.shape[0]
    if events in (0, n):
        return _NAN
    s1 = s0 = 0.0
    for lo in range(0, n, CHUNK_ROWS):
        p = fit.probability(X[lo : lo + CHUNK_ROWS])
        ones = y[lo : lo + CHUNK_ROWS] == 1.0
        s1 += float(p[ones].sum())
        s0 += float(p[~ones].sum())
    return float(s1 / events - s0 / (n - events))
