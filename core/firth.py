"""Firth's penalised-likelihood logistic regression, as R's ``logistf`` computes it.

Firth (1993) penalises the log-likelihood by the Jeffreys prior, ``ℓ*(β) = ℓ(β) + ½ log|I(β)|``
with ``I(β) = XᵀWX``. The penalty pulls estimates towards zero by O(1/n), removes the first-order
bias of maximum likelihood, and keeps every estimate finite even when the data are separable
(Heinze & Schemper 2002), which is why statisticians use it where maximum likelihood has no
answer. For the post's data (1, 2, 3, 4 hours → 0, 0, 1, 1) it gives the boundary at 2.5 hours.

What is computed, with ``logistf``'s defaults:

- estimates by Newton's method on the modified score ``U*(β) = Xᵀ(y - p + h(½ - p))`` (``h``
  the diagonal of the hat matrix), with steps capped in size and halved while the penalised
  likelihood falls;
- standard errors as ``logistf`` (since 1.24) reports them: from the inverse information of its
  augmented data, ``Xᵀ diag((1 + h) w) X`` at the estimate;
- profile penalised-likelihood confidence intervals: the values of each coefficient at which
  the penalised likelihood, maximised over the others, is ``χ²₁(level) / 2`` below its maximum;
- penalised likelihood-ratio p-values per term (refit with the term fixed at 0), and the
  penalised likelihood-ratio test of the whole model against the intercept-only one.

Restricted fits keep the whole model's penalty, as ``logistf`` does. All passes over the data
are in row blocks (see :mod:`core.exact`), in the standardised coordinates of
:class:`core.exact._Design`; the penalty is invariant to that change of coordinates up to a
constant, so the estimates are the same and the reported penalised log-likelihood is
converted back to the original coordinates.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from core.exact import (
    CancelFlag,
    ExactFit,
    ProgressCallback,
    Separation,
    _Design,
    _exp,
    _expit,
    _feature_names,
    _json_float,
    _log_likelihood,
    _Monitor,
    _Rows,
    _separation,
    _solve_spd,
    _standard_errors,
    _validate,
)
from core.fitstats import chi2_sf, normal_quantile

__all__ = ["FirthCoefficient", "FirthFit", "fit_firth"]

FloatArray = NDArray[np.float64]
Intervals = Literal["profile", "wald", "none"]

_INTERCEPT = "(intercept)"
_NAN = float("nan")
_MAX_STEP = 5.0  # logistf's maxstep: no coefficient moves more than this in one step


@dataclass(frozen=True)
class FirthCoefficient:
    """One row of the Firth coefficient table.

    Attributes
    ----------
    name : str
        ``"(intercept)"`` or the feature's name.
    estimate, std_error : float
        Penalised estimate and its standard error (``logistf``'s: the inverse information of the
        augmented data, ``Xᵀ diag((1 + h) w) X``).
    z : float
        ``estimate / std_error`` (Wald; shown for reference, the p-value is not from it).
    chi2, p_value : float
        Penalised likelihood-ratio statistic for "this coefficient is 0" and its p-value (NaN
        when tests were not requested).
    ci_low, ci_high : float
        Interval at the fit's level: profile penalised likelihood (or Wald, or NaN: see the
        fit's ``ci_method``); an end that could not be bracketed is infinite.
    odds_ratio, odds_ratio_ci_low, odds_ratio_ci_high : float
        ``exp`` of the estimate and of the interval's ends.
    """

    name: str
    estimate: float
    std_error: float
    z: float
    chi2: float
    p_value: float
    ci_low: float
    ci_high: float
    odds_ratio: float
    odds_ratio_ci_low: float
    odds_ratio_ci_high: float


@dataclass(frozen=True)
class FirthFit:
    """The result of :func:`fit_firth`.

    Attributes
    ----------
    coefficients : tuple of FirthCoefficient
        Intercept first.
    penalized_log_likelihood, null_penalized_log_likelihood : float
        ``ℓ + ½ log|XᵀWX|`` at the estimate, and of the intercept-only fit (with the whole
        model's penalty), as ``logistf``'s ``loglik``.
    log_likelihood : float
        The unpenalised log-likelihood at the penalised estimate.
    lr_chi2, lr_df, lr_p_value : float, int, float
        Penalised likelihood-ratio test of the model against the intercept-only one.
    n, events : int
        Rows, and rows with label 1.
    iterations : int
        Newton steps of the main fit.
    converged : bool
        Whether the main fit converged.
    level : float
        Confidence level of the intervals.
    ci_method : {"profile", "wald", "none"}
        How the intervals were computed.
    separation : {"none", "quasi-complete", "complete"}
        Whether maximum likelihood would have failed on these data.
    message : str
        One plain-English sentence for the user.
    """

    coefficients: tuple[FirthCoefficient, ...]
    penalized_log_likelihood: float
    null_penalized_log_likelihood: float
    log_likelihood: float
    lr_chi2: float
    lr_df: int
    lr_p_value: float
    n: int
    events: int
    iterations: int
    converged: bool
    level: float
    ci_method: Intervals
    separation: Separation
    message: str

    @property
    def finite(self) -> bool:
        """True when every estimate is finite."""
        return all(math.isfinite(c.estimate) for c in self.coefficients)

    @property
    def weights(self) -> FloatArray:
        """Feature coefficients, shape ``(d,)``."""
        return np.array([c.estimate for c in self.coefficients[1:]], dtype=np.float64)

    @property
    def bias(self) -> float:
        """The intercept."""
        return self.coefficients[0].estimate

    def as_exact_fit(self) -> ExactFit:
        """The estimates as an :class:`core.exact.ExactFit`, for code that predicts and plots.

        Its intervals are this fit's (profile) intervals and its ``l2_C`` is None.
        """
        from core.exact import Coefficient

        return ExactFit(
            coefficients=tuple(
                Coefficient(
                    c.name, c.estimate, c.std_error, c.z, c.p_value, c.ci_low, c.ci_high,
                    c.odds_ratio,
                )
                for c in self.coefficients
            ),
            log_likelihood=self.log_likelihood,
            converged=self.converged,
            iterations=self.iterations,
            separation=self.separation,
            l2_C=None,
            message=self.message,
        )  # fmt: skip

    def probability(self, x: FloatArray) -> FloatArray:
        """Predicted probability of class 1; see :meth:`core.exact.ExactFit.probability`."""
        return self.as_exact_fit().probability(x)

    def decision_boundary(self, threshold: float = 0.5) -> float | None:
        """Feature value where the probability equals ``threshold`` (one feature only)."""
        return self.as_exact_fit().decision_boundary(threshold)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dictionary; NaN and infinities become None.

        Returns
        -------
        dict
            ``coefficients`` (``name``, ``estimate``, ``std_error``, ``z``, ``chi2``,
            ``p_value``, ``ci_low``, ``ci_high``, ``odds_ratio``, ``odds_ratio_ci_low``,
            ``odds_ratio_ci_high``), ``method`` (``"firth"``), ``ci_method``, ``ci_level``,
            ``penalized_log_likelihood``, ``null_penalized_log_likelihood``,
            ``log_likelihood``, ``lr_chi2``, ``lr_df``, ``lr_p_value``, ``n``, ``events``,
            ``iterations``, ``converged``, ``separation``, ``message``.
        """
        return {
            "method": "firth",
            "coefficients": [
                {
                    "name": c.name,
                    "estimate": _json_float(c.estimate),
                    "std_error": _json_float(c.std_error),
                    "z": _json_float(c.z),
                    "chi2": _json_float(c.chi2),
                    "p_value": _json_float(c.p_value),
                    "ci_low": _json_float(c.ci_low),
                    "ci_high": _json_float(c.ci_high),
                    "odds_ratio": _json_float(c.odds_ratio),
                    "odds_ratio_ci_low": _json_float(c.odds_ratio_ci_low),
                    "odds_ratio_ci_high": _json_float(c.odds_ratio_ci_high),
                }
                for c in self.coefficients
            ],
            "ci_method": self.ci_method,
            "ci_level": self.level,
            "penalized_log_likelihood": _json_float(self.penalized_log_likelihood),
            "null_penalized_log_likelihood": _json_float(self.null_penalized_log_likelihood),
            "log_likelihood": _json_float(self.log_likelihood),
            "lr_chi2": _json_float(self.lr_chi2),
            "lr_df": self.lr_df,
            "lr_p_value": _json_float(self.lr_p_value),
            "n": self.n,
            "events": self.events,
            "iterations": self.iterations,
            "converged": self.converged,
            "separation": self.separation,
            "message": self.message,
        }


def fit_firth(
    X: FloatArray,
    y: FloatArray,
    *,
    feature_names: Sequence[str] | None = None,
    level: float = 0.95,
    intervals: Intervals = "profile",
    tests: bool = True,
    max_iter: int = 100,
    tol: float = 1e-10,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> FirthFit:
    """Fit a logistic regression with an intercept by Firth's penalised likelihood.

    Parameters
    ----------
    X : ndarray, shape (n, d)
        Features (a 1-D array is one feature).
    y : ndarray, shape (n,)
        Labels, 0 or 1; both classes need not be present (the penalty keeps the fit finite).
    feature_names : sequence of str, optional
        ``d`` names; default ``x1 ... xd``.
    level : float, default 0.95
        Confidence level of the intervals.
    intervals : {"profile", "wald", "none"}, default "profile"
        Profile penalised-likelihood intervals (``logistf``'s default; two root searches per
        coefficient, each a series of restricted fits), Wald intervals from the penalised
        information, or none.
    tests : bool, default True
        Compute the penalised likelihood-ratio p-value of every coefficient (one restricted fit
        each) and of the whole model.
    max_iter : int, default 100
        Most Newton steps per fit.
    tol : float, default 1e-10
        Convergence tolerance on the step and on the modified score.
    progress : callable, optional
        Called from the fitting thread with the fraction done, in [0, 1]: non-decreasing, the
        last call with 1.0 (not made when the fit fails or is cancelled).
    cancel : threading.Event or any object with ``is_set()``, optional
        Checked before every block of rows; when set, the fit stops with
        :class:`core.exact.FitCancelled`.

    Returns
    -------
    FirthFit

    Raises
    ------
    ValueError
        If the inputs or options are malformed.
    FitCancelled
        If ``cancel`` was set.
    """
    monitor = _Monitor(progress, cancel, np.shape(X)[0] if np.ndim(X) else 1)
    monitor.phase(0.0, 0.02)
    Xv, yv = _validate(X, y, monitor)
    n, d = Xv.shape
    names = (_INTERCEPT, *_feature_names(feature_names, d))
    _check_options(level, intervals, max_iter)
    monitor.phase(0.02, 0.08, passes=4.0)
    design = _Design.build(Xv, monitor=monitor)
    monitor.phase(0.08, 0.15, passes=6.0)
    separation, _ = _separation(Xv, yv, design)
    if design.rank < d + 1:
        raise ValueError(
            "The features are perfectly collinear (or one is constant), so the penalised "
            "information is singular and no Firth fit exists; remove the redundant feature."
        )
    monitor.phase(0.15, 0.3, passes=16.0)
    solver = _Solver(design.standardised, yv, max_iter, tol)
    full = solver.fit(np.eye(d + 1), np.zeros(d + 1), np.zeros(d + 1))
    estimate = _Estimate.at(solver, design, full)
    tested = _tests(solver, design, full, monitor) if tests and full.converged else _Tests.none(d)
    lows, highs = _intervals(
        solver, design, estimate, level=float(level), intervals=intervals, monitor=monitor
    )
    monitor.finish()
    return FirthFit(
        coefficients=_firth_table(names, estimate, tested, lows, highs),
        penalized_log_likelihood=full.value + estimate.log_det_shift,
        null_penalized_log_likelihood=tested.null_pll,
        log_likelihood=estimate.log_likelihood,
        lr_chi2=tested.lr,
        lr_df=d,
        lr_p_value=tested.lr_p,
        n=n,
        events=int(np.count_nonzero(yv == 1.0)),
        iterations=full.iterations,
        converged=full.converged,
        level=float(level),
        ci_method=intervals,
        separation=separation,
        message=_firth_message(full, separation),
    )


def _check_options(level: float, intervals: Intervals, max_iter: int) -> None:
    if not 0.0 < float(level) < 1.0:
        raise ValueError(f"the confidence level must be strictly between 0 and 1, got {level}")
    if intervals not in ("profile", "wald", "none"):
        raise ValueError(f"intervals must be 'profile', 'wald' or 'none', got {intervals!r}")
    if max_iter < 1:
        raise ValueError(f"max_iter must be at least 1, got {max_iter}")


@dataclass(frozen=True)
class _Estimate:
    """The main fit in the original coordinates, with ``logistf``'s standard errors."""

    full: _Result
    theta: FloatArray
    se: list[float]
    log_likelihood: float  # unpenalised, at the estimate
    log_det_shift: float  # ℓ*(θ) = ℓ*(φ) + Σ log scale_j, as log|I_θ| = log|I_φ| - 2 log|det K|

    @staticmethod
    def at(solver: _Solver, design: _Design, full: _Result) -> _Estimate:
        p = design.p
        K = design.unstandardise
        phi = full.phi
        # logistf's variance: the inverse information of its augmented data, Xᵀ diag((1+h)w) X.
        inv = _solve_spd(full.info, np.eye(p))
        cov = None if inv is None else _solve_spd(solver.augmented_information(phi, inv), np.eye(p))
        A = solver.A
        return _Estimate(
            full=full,
            theta=K @ phi,
            se=_standard_errors(K, cov) if cov is not None else [_NAN] * p,
            log_likelihood=sum(
                _log_likelihood(A.block(lo, hi) @ phi, solver.y[lo:hi]) for lo, hi in A.spans()
            ),
            log_det_shift=float(np.sum(np.log(design.scale))),
        )


@dataclass(frozen=True)
class _Tests:
    """Penalised likelihood-ratio tests: per coefficient, and of the whole model."""

    chi2: list[float]
    p_values: list[float]
    null_pll: float = _NAN
    lr: float = _NAN
    lr_p: float = _NAN

    @staticmethod
    def none(d: int) -> _Tests:
        return _Tests([_NAN] * (d + 1), [_NAN] * (d + 1))


def _tests(solver: _Solver, design: _Design, full: _Result, monitor: _Monitor) -> _Tests:
    p, d = design.p, design.p - 1
    K = design.unstandardise
    chi2, pvals = [_NAN] * p, [_NAN] * p
    for j in range(p):
        monitor.phase(0.3 + 0.2 * j / (p + 1), 0.3 + 0.2 * (j + 1) / (p + 1), passes=10.0)
        restricted = solver.fit_fixed(K[j], 0.0, full.phi)
        chi2[j] = max(0.0, 2.0 * (full.value - restricted.value))
        pvals[j] = chi2_sf(chi2[j], 1)
    if not d:
        return _Tests(chi2, pvals)
    # Intercept only: every feature coefficient fixed at 0, i.e. phi_1.. = 0.
    monitor.phase(0.3 + 0.2 * p / (p + 1), 0.5, passes=10.0)
    null = solver.fit(np.eye(p)[:, :1], np.zeros(p), full.phi)
    lr = max(0.0, 2.0 * (full.value - null.value))
    return _Tests(chi2, pvals, null.value + float(np.sum(np.log(design.scale))), lr, chi2_sf(lr, d))


def _intervals(
    solver: _Solver,
    design: _Design,
    estimate: _Estimate,
    *,
    level: float,
    intervals: Intervals,
    monitor: _Monitor,
) -> tuple[list[float], list[float]]:
    p = design.p
    theta, se = estimate.theta, estimate.se
    z_crit = normal_quantile(0.5 + 0.5 * level)
    if intervals == "wald":
        return (
            [float(theta[j]) - z_crit * se[j] for j in range(p)],
            [float(theta[j]) + z_crit * se[j] for j in range(p)],
        )
    lows, highs = [_NAN] * p, [_NAN] * p
    if intervals == "profile" and estimate.full.converged:
        drop = 0.5 * z_crit * z_crit  # χ²₁(level) / 2
        K = design.unstandardise
        for j in range(p):
            monitor.phase(0.5 + 0.5 * j / p, 0.5 + 0.5 * (j + 1) / p, passes=100.0)
            lows[j], highs[j] = solver.profile_interval(
                K[j], float(theta[j]), se[j], estimate.full.value - drop, estimate.full.phi
            )
    return lows, highs


def _firth_table(
    names: tuple[str, ...],
    estimate: _Estimate,
    tested: _Tests,
    lows: list[float],
    highs: list[float],
) -> tuple[FirthCoefficient, ...]:
    theta, se = estimate.theta, estimate.se
    return tuple(
        FirthCoefficient(
            name=names[j],
            estimate=float(theta[j]),
            std_error=se[j],
            z=float(theta[j]) / se[j] if se[j] > 0.0 else _NAN,
            chi2=tested.chi2[j],
            p_value=tested.p_values[j],
            ci_low=lows[j],
            ci_high=highs[j],
            odds_ratio=_exp(float(theta[j])),
            odds_ratio_ci_low=_exp(lows[j]),
            odds_ratio_ci_high=_exp(highs[j]),
        )
        for j in range(len(names))
    )


def _firth_message(full: _Result, separation: Separation) -> str:
    if not full.converged:
        return (
            f"Firth's method did not converge in {full.iterations} steps; the estimates shown "
            "are the last iterate and may be unreliable."
        )
    if separation != "none":
        return (
            f"The data are {separation}ly separable, so maximum likelihood has no finite fit; "
            f"Firth's penalised likelihood gives finite estimates (converged in "
            f"{full.iterations} steps)."
        )
    return f"Firth's penalised likelihood converged in {full.iterations} steps."


# --------------------------------------------------------------------------------------------
# Numerics
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Result:
    phi: FloatArray
    value: float  # penalised log-likelihood in the standardised coordinates
    info: FloatArray
    iterations: int
    converged: bool


class _Solver:
    """Penalised fits on the standardised design, optionally on an affine subspace."""

    def __init__(self, A: _Rows, y: FloatArray, max_iter: int, tol: float) -> None:
        self.A = A
        self.y = y
        self.max_iter = max_iter
        self.tol = tol

    def information(self, phi: FloatArray) -> tuple[float, FloatArray]:
        """Log-likelihood and ``I = AᵀWA`` at ``phi`` (one pass)."""
        k = phi.shape[0]
        ll = 0.0
        info = np.zeros((k, k))
        for lo, hi in self.A.spans():
            B = self.A.block(lo, hi)
            eta = B @ phi
            ll += _log_likelihood(eta, self.y[lo:hi])
            e = np.exp(-np.abs(eta))
            info += (B.T * (e / (1.0 + e) ** 2)) @ B
        return ll, info

    def evaluate(self, phi: FloatArray) -> tuple[float, FloatArray, FloatArray | None]:
        """Penalised log-likelihood, ``I`` and ``I⁻¹`` at ``phi``; -inf if ``I`` is singular."""
        ll, info = self.information(phi)
        inv = _solve_spd(info, np.eye(phi.shape[0]))
        sign, logdet = np.linalg.slogdet(info)
        if inv is None or sign <= 0.0:
            return -math.inf, info, None
        return ll + 0.5 * float(logdet), info, inv

    def modified_score(self, phi: FloatArray, inv: FloatArray) -> FloatArray:
        """``U* = Aᵀ(y - p + h(½ - p))`` with ``h_i = w_i a_iᵀ I⁻¹ a_i`` (one pass)."""
        score = np.zeros(phi.shape[0])
        for lo, hi in self.A.spans():
            B = self.A.block(lo, hi)
            eta = B @ phi
            prob = _expit(eta)
            e = np.exp(-np.abs(eta))
            h = (e / (1.0 + e) ** 2) * np.einsum("ij,jk,ik->i", B, inv, B)
            score += B.T @ (self.y[lo:hi] - prob + h * (0.5 - prob))
        return score

    def augmented_information(self, phi: FloatArray, inv: FloatArray) -> FloatArray:
        """``Aᵀ diag((1 + h) w) A``: the information of logistf's augmented data (one pass)."""
        k = phi.shape[0]
        info = np.zeros((k, k))
        for lo, hi in self.A.spans():
            B = self.A.block(lo, hi)
            e = np.exp(-np.abs(B @ phi))
            w = e / (1.0 + e) ** 2
            h = w * np.einsum("ij,jk,ik->i", B, inv, B)
            info += (B.T * ((1.0 + h) * w)) @ B
        return info

    def fit(self, N: FloatArray, offset: FloatArray, start: FloatArray) -> _Result:
        """Maximise ℓ* over ``phi = offset + N ψ`` (``N`` with orthonormal columns)."""
        psi = N.T @ (start - offset)
        phi = offset + N @ psi
        value, info, inv = self.evaluate(phi)
        iterations = 0
        converged = False
        while inv is not None:
            score = N.T @ self.modified_score(phi, inv)
            reduced = N.T @ info @ N
            step = _solve_spd(reduced, score)
            if step is None:
                break
            largest = float(np.max(np.abs(step))) if step.size else 0.0
            if largest <= self.tol * (1.0 + float(np.max(np.abs(psi)) if psi.size else 0.0)):
                converged = bool(np.max(np.abs(score), initial=0.0) <= max(self.tol, 1e-8))
                converged = converged or largest == 0.0
                break
            if iterations == self.max_iter:
                break
            if largest > _MAX_STEP:
                step = step * (_MAX_STEP / largest)
            slack = 64.0 * np.finfo(np.float64).eps * (1.0 + abs(value))
            t = 1.0
            accepted = False
            for _halving in range(60):
                cand_psi = psi + t * step
                cand_phi = offset + N @ cand_psi
                cand_value, cand_info, cand_inv = self.evaluate(cand_phi)
                if cand_inv is not None and cand_value >= value - slack:
                    accepted = True
                    break
                t *= 0.5
            if not accepted:
                converged = bool(np.max(np.abs(score), initial=0.0) <= 1e-6)
                break
            iterations += 1
            psi, phi, value, info, inv = cand_psi, cand_phi, cand_value, cand_info, cand_inv
        return _Result(phi, value, info, iterations, converged)

    def fit_fixed(self, a: FloatArray, t: float, start: FloatArray) -> _Result:
        """Maximise ℓ* subject to ``a · phi = t``."""
        unit = a / float(np.linalg.norm(a))
        offset = unit * (t / float(np.linalg.norm(a)))
        # Orthonormal basis of the complement of a: the last columns of a full QR of a.
        q, _ = np.linalg.qr(unit[:, None], mode="complete")
        N = np.ascontiguousarray(q[:, 1:])
        return self.fit(N, offset, start)

    def profile_interval(
        self, a: FloatArray, estimate: float, se: float, target: float, start: FloatArray
    ) -> tuple[float, float]:
        """Ends of ``{t : max_{a·phi=t} ℓ* >= target}`` around ``estimate``."""
        width = se if math.isfinite(se) and se > 0.0 else 1.0
        ends = []
        for sign in (-1.0, 1.0):
            ends.append(self._profile_end(a, estimate, sign * width, target, start))
        return ends[0], ends[1]

    def _profile_end(
        self, a: FloatArray, estimate: float, width: float, target: float, start: FloatArray
    ) -> float:
        cache: dict[float, FloatArray] = {estimate: start}

        def g(t: float) -> float:
            nearest = min(cache, key=lambda s: abs(s - t))
            res = self.fit_fixed(a, t, cache[nearest])
            cache[t] = res.phi
            return res.value - target

        # Bracket: the profile is above target at the estimate; step out until it is below.
        inside, f_inside = estimate, g(estimate)
        if f_inside < 0.0:
            return _NAN
        step = 2.0 * width
        outside = math.nan
        f_outside = math.nan
        for _ in range(60):
            t = inside + step
            f_t = g(t)
            if f_t < 0.0:
                outside, f_outside = t, f_t
                break
            inside, f_inside = t, f_t
            step *= 2.0
        if math.isnan(outside):
            return math.copysign(math.inf, width)
        return _root(g, inside, f_inside, outside, f_outside)


def _root(g: Callable[[float], float], a: float, fa: float, b: float, fb: float) -> float:
    """A root of ``g`` between ``a`` (fa >= 0) and ``b`` (fb < 0): Illinois regula falsi."""
    side = 0
    for _ in range(200):
        c = b - fb * (b - a) / (fb - fa) if fb != fa else 0.5 * (a + b)
        if not (min(a, b) < c < max(a, b)):
            c = 0.5 * (a + b)
        fc = g(c)
        if abs(b - a) <= 1e-9 * (1.0 + abs(c)) or abs(fc) <= 1e-11:
            return c
        if (fc >= 0.0) == (fa >= 0.0):
            a, fa = c, fc
            if side == -1:
                fb *= 0.5
            side = -1
        else:
            b, fb = c, fc
            if side == 1:
                fa *= 0.5
            side = 1
    return 0.5 * (a + b)
