"""Exact (deterministic, float64) logistic regression with statistics and separation checks.

The GUI trains a logistic regression with PyTorch by gradient descent; this module gives the
reference answer the textbooks give: the maximum-likelihood fit by Newton's method (IRLS), with
standard errors, z statistics, p-values and 95% Wald intervals computed as statsmodels' ``Logit``
does, or the L2-penalised fit with scikit-learn's ``C`` convention.

It also decides, exactly rather than by watching numbers grow, whether the data are *separable*:
when a hyperplane splits the two classes, no finite maximum-likelihood fit exists and the
likelihood keeps rising as the weights grow. That is decided by a small linear program solved
with a simplex method written here, because the packaged app ships numpy but not scipy.

Only numpy and the standard library are used at run time.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, Protocol

import numpy as np
from numpy.typing import NDArray

from core.model import label_values

__all__ = [
    "CancelFlag",
    "Coefficient",
    "ExactFit",
    "FitCancelled",
    "ProgressCallback",
    "Separation",
    "detect_separation",
    "fit_exact",
]

Separation = Literal["none", "quasi-complete", "complete"]

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]

_Z95 = 1.959963984540054  # two-sided 95% quantile of the standard normal
_INTERCEPT = "(intercept)"
_NAN = float("nan")

# A row counts as strictly on its side of a separating hyperplane when its score exceeds this
# fraction of the largest row norm of the orthonormal design basis. Scores of points that lie
# exactly on the hyperplane come out of the simplex at rounding level (~1e-16), so anything
# closer than about one part in 1e9 of the data's spread is treated as a tie.
_SEPARATION_TOL = 1e-9
# Reduced costs and pivot elements below this are zero in the simplex; its entries are O(1)
# because the design basis is orthonormal and the primal box is [-1, 1].
_SIMPLEX_TOL = 1e-11


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Coefficient:
    """One row of the coefficient table.

    Attributes
    ----------
    name : str
        ``"(intercept)"`` for the first row, then the feature names.
    estimate : float
        The fitted coefficient; NaN when no finite estimate exists.
    std_error : float
        Standard error from the inverse (penalised) Fisher information; NaN when unavailable.
    z : float
        ``estimate / std_error``.
    p_value : float
        Two-sided p-value of ``z`` under the standard normal.
    ci_low, ci_high : float
        95% Wald interval ``estimate ± 1.96 · std_error``.
    odds_ratio : float
        ``exp(estimate)``: the factor by which the odds multiply per unit of the feature.
    """

    name: str
    estimate: float
    std_error: float
    z: float
    p_value: float
    ci_low: float
    ci_high: float
    odds_ratio: float


@dataclass(frozen=True)
class ExactFit:
    """The result of :func:`fit_exact`.

    Attributes
    ----------
    coefficients : tuple of Coefficient
        The intercept first, then one row per feature.
    log_likelihood : float
        The (unpenalised) log-likelihood at the estimate. For separated data without a penalty it
        is the supremum the likelihood approaches: 0 for complete separation, the best
        log-likelihood of the overlapping points for quasi-complete separation; NaN if unknown.
    converged : bool
        Whether Newton's method reached a finite optimum.
    iterations : int
        Newton steps taken (0 when no fit was attempted).
    separation : {"none", "quasi-complete", "complete"}
        Whether the data are separable; reported even when an L2 penalty makes the fit finite.
    l2_C : float or None
        The inverse penalty strength used, or None for plain maximum likelihood.
    message : str
        One plain-English sentence describing the outcome, for the user.
    """

    coefficients: tuple[Coefficient, ...]
    log_likelihood: float
    converged: bool
    iterations: int
    separation: Separation
    l2_C: float | None
    message: str

    @property
    def finite(self) -> bool:
        """True when every estimate exists and is finite."""
        return all(math.isfinite(c.estimate) for c in self.coefficients)

    @property
    def weights(self) -> FloatArray:
        """Feature coefficients, shape ``(d,)``; NaN when the fit is not finite."""
        return np.array([c.estimate for c in self.coefficients[1:]], dtype=np.float64)

    @property
    def bias(self) -> float:
        """The intercept; NaN when the fit is not finite."""
        return self.coefficients[0].estimate

    def probability(self, x: FloatArray) -> FloatArray:
        """Predicted probability of class 1.

        Parameters
        ----------
        x : ndarray
            ``(n, d)`` samples, giving ``(n,)`` probabilities, or one ``(d,)`` sample, giving a
            0-d array. With a single feature (``d == 1``) a 1-D array is read as ``n`` values of
            that feature (handy for plotting the curve over a grid) and gives ``(n,)``.

        Returns
        -------
        ndarray
            Probabilities in [0, 1].

        Raises
        ------
        ValueError
            If the fit is not finite or ``x`` has the wrong shape.
        """
        if not self.finite:
            raise ValueError("this fit has no finite coefficients, so it cannot predict")
        w = self.weights
        d = w.shape[0]
        arr = np.asarray(x, dtype=np.float64)
        if arr.ndim == 2 and arr.shape[1] == d:
            scores = arr @ w + self.bias
        elif arr.ndim == 1 and d == 1:
            scores = arr * w[0] + self.bias
        elif arr.ndim == 1 and arr.shape[0] == d:
            scores = np.asarray(arr @ w + self.bias, dtype=np.float64)
        elif arr.ndim == 0 and d == 1:
            scores = np.asarray(float(arr) * w[0] + self.bias, dtype=np.float64)
        else:
            raise ValueError(f"expected x of shape (n, {d}) or ({d},), got {arr.shape}")
        return _expit(scores)

    def decision_boundary(self, threshold: float = 0.5) -> float | None:
        """The feature value at which the predicted probability equals ``threshold``.

        Only defined for one feature: ``x = (logit(threshold) - b) / w``.

        Parameters
        ----------
        threshold : float, default 0.5
            A probability strictly between 0 and 1.

        Returns
        -------
        float or None
            The boundary, or None when the weight is 0 or the fit is not finite.

        Raises
        ------
        ValueError
            If the model has more than one feature or ``threshold`` is outside (0, 1).
        """
        if len(self.coefficients) != 2:
            raise ValueError("a decision boundary point exists only for a single feature")
        if not 0.0 < threshold < 1.0:
            raise ValueError(f"threshold must be strictly between 0 and 1, got {threshold}")
        if not self.finite:
            return None
        w = self.coefficients[1].estimate
        if w == 0.0:
            return None
        logit = math.log(threshold) - math.log1p(-threshold)
        return (logit - self.bias) / w

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dictionary; NaN and infinities become None.

        Returns
        -------
        dict
            ``{"coefficients": [{"name", "estimate", "std_error", "z", "p_value", "ci_low",
            "ci_high", "odds_ratio"}, ...], "log_likelihood", "converged", "separation",
            "iterations", "l2_C", "message"}``.
        """
        return {
            "coefficients": [
                {
                    "name": c.name,
                    "estimate": _json_float(c.estimate),
                    "std_error": _json_float(c.std_error),
                    "z": _json_float(c.z),
                    "p_value": _json_float(c.p_value),
                    "ci_low": _json_float(c.ci_low),
                    "ci_high": _json_float(c.ci_high),
                    "odds_ratio": _json_float(c.odds_ratio),
                }
                for c in self.coefficients
            ],
            "log_likelihood": _json_float(self.log_likelihood),
            "converged": self.converged,
            "separation": self.separation,
            "iterations": self.iterations,
            "l2_C": None if self.l2_C is None else _json_float(self.l2_C),
            "message": self.message,
        }


def _json_float(value: float | None) -> float | None:
    """A JSON number: None for NaN, the infinities (which JSON cannot hold) and None."""
    return float(value) if value is not None and math.isfinite(value) else None


def _exp(value: float) -> float:
    """``math.exp`` that gives inf on overflow instead of raising (an odds ratio, say)."""
    try:
        return math.exp(value)
    except OverflowError:
        return math.inf


# --------------------------------------------------------------------------------------------
# Progress and cancel
# --------------------------------------------------------------------------------------------


class FitCancelled(Exception):
    """Raised by :func:`fit_exact` and :func:`core.firth.fit_firth` when ``cancel`` is set."""


class CancelFlag(Protocol):
    """Anything with ``is_set()``, such as :class:`threading.Event`."""

    def is_set(self) -> bool: ...


ProgressCallback = Callable[[float], None]


class _Monitor:
    """Progress through the passes over the data, and the cancel check, of one fit.

    The fit is cut into phases, each a share ``[start, end]`` of the whole with an expected
    number of passes over the ``n`` rows. Every block of rows read advances the phase: linearly
    to 90% of its share at the expected count, then halfway to its end with each further pass,
    because iterative phases (Newton, the separation LP, root searches) take as many passes as
    they need. Progress never goes back, is reported only when it moved by 0.5% or more, and the
    last report is 1.0. The cancel flag is checked before every block, so a fit stops within
    one block's work (milliseconds) of the flag being set.
    """

    _STEP = 0.005

    def __init__(
        self, progress: ProgressCallback | None, cancel: CancelFlag | None, n: int
    ) -> None:
        self._progress = progress
        self._cancel = cancel
        self._n = max(int(n), 1)
        self._start, self._end, self._expected, self._done = 0.0, 1.0, float(self._n), 0
        self._reported = -1.0
        self._report(0.0)

    def phase(self, start: float, end: float, passes: float = 1.0) -> None:
        """Begin a phase covering ``[start, end]`` of the whole, expected to take ``passes``."""
        self.check()
        self._start, self._end = start, end
        self._expected = max(passes, 1e-9) * self._n
        self._done = 0
        self._report(start)

    def rows(self, count: int) -> None:
        """Account for ``count`` rows about to be read; raise FitCancelled if cancelled."""
        self.check()
        self._done += count
        x = self._done / self._expected
        share = 0.9 * x if x <= 1.0 else 1.0 - 0.1 * 0.5 ** (x - 1.0)
        self._report(self._start + (self._end - self._start) * share)

    def check(self) -> None:
        """Raise :class:`FitCancelled` if the cancel flag is set."""
        if self._cancel is not None and self._cancel.is_set():
            raise FitCancelled("the fit was cancelled")

    def finish(self) -> None:
        """Report 1.0 (once)."""
        if self._progress is not None and self._reported < 1.0:
            self._reported = 1.0
            self._progress(1.0)

    def _report(self, value: float) -> None:
        if self._progress is not None and value >= self._reported + self._STEP and value < 1.0:
            self._reported = value
            self._progress(value)


_QUIET = _Monitor(None, None, 1)


# --------------------------------------------------------------------------------------------
# Public functions
# --------------------------------------------------------------------------------------------


def detect_separation(X: FloatArray, y: FloatArray) -> Separation:
    """Decide whether the two classes can be split by a hyperplane.

    ``"complete"``: some hyperplane has every y=1 point strictly on one side and every y=0 point
    strictly on the other. ``"quasi-complete"``: not complete, but some hyperplane has all points
    on their own side or on it, with at least one point off it. Either way no finite
    maximum-likelihood estimate exists. Labels of a single class count as ``"complete"``: the
    intercept alone pushes every probability to the right side.

    With one feature this is decided exactly by sorting; otherwise by a linear program (Konis'
    formulation) solved with a simplex on an orthonormal basis of the design, where points
    within about 1e-9 of the data's spread from the hyperplane count as lying on it.

    Parameters
    ----------
    X : ndarray, shape (n, d)
        Features (a 1-D array is one feature).
    y : ndarray, shape (n,)
        Labels, 0 or 1.

    Returns
    -------
    {"none", "quasi-complete", "complete"}

    Raises
    ------
    ValueError
        If the inputs are malformed (shapes, non-finite values, labels other than 0/1).
    """
    Xv, yv = _validate(X, y)
    design = _Design.build(Xv)
    separation, _ = _separation(Xv, yv, design)
    return separation


def fit_exact(
    X: FloatArray,
    y: FloatArray,
    *,
    feature_names: Sequence[str] | None = None,
    l2_C: float | None = None,
    max_iter: int = 100,
    tol: float = 1e-10,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> ExactFit:
    """Fit a logistic regression with an intercept by Newton's method in float64.

    Without a penalty this is the maximum-likelihood fit, matching statsmodels'
    ``Logit(y, add_constant(X)).fit()``. With ``l2_C`` it minimises
    ``0.5 * ||w||² + C * Σ logloss`` with the intercept unpenalised, matching scikit-learn's
    ``LogisticRegression(C=C)``; its standard errors come from the inverse of the penalised
    Hessian and are only approximate (the penalty biases the estimate), and its
    ``log_likelihood`` is the unpenalised one at the penalised estimate.

    Separation is always decided (see :func:`detect_separation`). Separated data without a
    penalty give NaN estimates and ``converged=False``: no finite fit exists. With a penalty a
    finite fit is returned and the separation is still reported, except when all labels are one
    class: the intercept is never penalised, so no finite fit exists for any ``C``. Perfectly
    collinear features without a penalty give NaN estimates and ``converged=False`` (the
    coefficients are not identifiable), with the maximised log-likelihood still reported.

    The data are read in blocks of rows, so the memory beyond ``X`` is a few MiB whatever the
    number of rows; ``X`` itself is not copied when it is float64.

    Parameters
    ----------
    X : ndarray, shape (n, d)
        Features (a 1-D array is one feature).
    y : ndarray, shape (n,)
        Labels, 0 or 1.
    feature_names : sequence of str, optional
        ``d`` names; default ``x1 ... xd``.
    l2_C : float, optional
        Inverse L2 penalty strength (scikit-learn's ``C``), positive; None for no penalty.
    max_iter : int, default 100
        Most Newton steps.
    tol : float, default 1e-10
        Stop when the Newton decrement (about twice the remaining log-likelihood gain) or the
        relative step falls below this.
    progress : callable, optional
        Called from the fitting thread with the fraction done, in [0, 1]: non-decreasing, at
        most about 200 times, the last call with 1.0 (not made when the fit fails or is
        cancelled).
    cancel : threading.Event or any object with ``is_set()``, optional
        Checked before every block of rows; when set, the fit stops with :class:`FitCancelled`.

    Returns
    -------
    ExactFit

    Raises
    ------
    ValueError
        If the inputs or options are malformed.
    FitCancelled
        If ``cancel`` was set.
    """
    monitor = _Monitor(progress, cancel, _row_count(X))
    monitor.phase(0.0, 0.05)
    Xv, yv = _validate(X, y, monitor)
    names = _feature_names(feature_names, Xv.shape[1])
    C = _check_options(l2_C, max_iter, tol)
    monitor.phase(0.05, 0.25, passes=4.0)
    design = _Design.build(Xv, monitor=monitor)
    problem = _Problem(Xv, yv, names, design, C, max_iter, tol, monitor)
    fit = problem.solve()
    monitor.finish()
    return fit


def _row_count(X: FloatArray) -> int:
    shape = np.shape(X)
    return int(shape[0]) if shape else 1


def _check_options(l2_C: float | None, max_iter: int, tol: float) -> float | None:
    if l2_C is not None:
        l2_C = float(l2_C)
        if not (math.isfinite(l2_C) and l2_C > 0.0):
            raise ValueError(f"l2_C must be a positive finite number, got {l2_C}")
    if max_iter < 1:
        raise ValueError(f"max_iter must be at least 1, got {max_iter}")
    if not (math.isfinite(tol) and tol > 0.0):
        raise ValueError(f"tol must be a positive finite number, got {tol}")
    return l2_C


# Newton's method gets this many steps before the separation check is run, in case the data
# are separable (then Newton never converges, and the LP is what decides).
_PROBE_STEPS = 12
# A converged fit proves the data are not separable only when its Hessian (in the orthonormal
# basis) is this well conditioned and every row's fitted probability is at least this far
# from 0 and 1 (as p(1 - p)); see _Problem.proves_no_separation.
_PROOF_CONDITION = 1e8
_PROOF_MIN_WEIGHT = 1e-10


@dataclass
class _Problem:
    """One call of :func:`fit_exact` after validation: decides separation, runs Newton."""

    X: FloatArray
    y: FloatArray
    names: tuple[str, ...]
    design: _Design
    l2_C: float | None
    max_iter: int
    tol: float
    monitor: _Monitor
    separation: Separation = "none"
    overlap: BoolArray = field(default_factory=lambda: np.zeros(0, dtype=bool))

    def solve(self) -> ExactFit:
        n = self.y.shape[0]
        n_ones = int(self.y.sum())
        if n_ones in (0, n):
            self.separation = "complete"
            return self.no_fit(0.0, _one_class_message(n, n_ones == n))
        if self.l2_C is not None:
            return self.solve_penalised(self.l2_C)
        return self.solve_maximum_likelihood()

    def solve_maximum_likelihood(self) -> ExactFit:
        design = self.design
        newton: _Newton | None = None
        if design.rank == design.p:
            self.monitor.phase(0.25, 0.7, passes=8.0)
            newton = _Newton(design.basis, self.y, None, self.max_iter, self.tol)
            newton.run(min(self.max_iter, _PROBE_STEPS))
            if self.proves_no_separation(newton):
                return self.finish(newton.result(), design.to_theta, penalised=False)
        self.decide_separation(0.7, 0.85)
        if self.separation != "none":
            self.monitor.phase(0.85, 0.95, passes=1.0)
            overlap_ll = _supremum_log_likelihood(
                design.basis, self.y, self.overlap, self.max_iter, self.tol
            )
            return self.no_fit(overlap_ll, _separation_message(self.separation, len(self.names)))
        self.monitor.phase(0.85, 1.0, passes=4.0)
        if newton is None:
            # The likelihood still has a maximum; only the coefficients are not identifiable.
            res = _Newton(design.basis, self.y, None, self.max_iter, self.tol).run(self.max_iter)
            ll = res.log_likelihood if res.converged else _NAN
            return self.no_fit(ll, _collinear_message(design, self.names), res.iterations)
        return self.finish(newton.run(self.max_iter), design.to_theta, penalised=False)

    def solve_penalised(self, l2_C: float) -> ExactFit:
        design = self.design
        self.decide_separation(0.25, 0.5)
        # In the standardised coordinates the penalty 1/(2C)·||w||² becomes diagonal:
        # centring moves only the intercept, and w_j = phi_j / s_j.
        # A scale near 1e300 squares to inf: its penalty is then 0, which is the limit anyway.
        with np.errstate(over="ignore"):
            penalty = np.concatenate(([0.0], 1.0 / design.scale**2)) / l2_C
        self.monitor.phase(0.5, 1.0, passes=8.0)
        newton = _Newton(design.standardised, self.y, penalty, self.max_iter, self.tol)
        return self.finish(newton.run(self.max_iter), design.unstandardise, penalised=True)

    def decide_separation(self, start: float, end: float) -> None:
        self.monitor.phase(start, end, passes=6.0)
        self.separation, self.overlap = _separation(self.X, self.y, self.design)

    def proves_no_separation(self, newton: _Newton) -> bool:
        """Whether a converged Newton run shows that no separating hyperplane exists.

        If some direction v separated the data (``(2y - 1) · x v >= 0`` for every row, > 0 for
        some), the log-likelihood's slope along v, ``Σ (y - p) x v = Σ |y - p| (2y - 1) x v``,
        would be positive at every finite point whose probabilities are not exactly 0 or 1: no
        finite point could be a maximum. So a finite stationary point is a proof that the data
        are not separable. In floating point a Newton run can also stop on a flat ridge of
        separated data; that is excluded by asking for a well-conditioned Hessian (an isolated
        maximum, not a ray along which the likelihood creeps up) and for every fitted
        probability to stay clear of 0 and 1 (on separated data the separated rows' fitted
        probabilities are driven to their labels). Otherwise the LP decides, as it always did.
        """
        state = newton.state
        if not newton.converged or state.min_weight < _PROOF_MIN_WEIGHT:
            return False
        eig = np.linalg.eigvalsh(state.H)
        return bool(eig[0] > 0.0 and eig[-1] <= _PROOF_CONDITION * eig[0])

    def finish(self, res: _NewtonResult, transform: FloatArray, *, penalised: bool) -> ExactFit:
        if res.singular:
            return self.no_fit(
                _NAN,
                "The Hessian became numerically singular after "
                f"{_steps(res.iterations)}, so no reliable fit or standard errors exist; "
                "check for (nearly) collinear or extreme feature values.",
                res.iterations,
            )
        theta = transform @ res.params
        # The log-likelihood comes from the well-conditioned coordinates: with far-off-centre
        # features the raw scores b + Xw cancel badly.
        return ExactFit(
            coefficients=_table(self.names, theta, _standard_errors(transform, res.covariance)),
            log_likelihood=res.log_likelihood,
            converged=res.converged,
            iterations=res.iterations,
            separation=self.separation,
            l2_C=self.l2_C,
            message=self.fit_message(res, penalised),
        )

    def fit_message(self, res: _NewtonResult, penalised: bool) -> str:
        steps = _steps(res.iterations)
        if not res.converged:
            return (
                f"Newton's method did not converge in {steps} ({res.reason}); "
                "the estimates shown are the last iterate and may be unreliable."
            )
        if not penalised:
            return f"Converged in {steps}."
        fit = (
            f"the L2 fit with C = {self.l2_C:g} converged in {steps} (its standard errors, from "
            "the penalised Hessian, are approximate)."
        )
        if self.separation != "none":
            return (
                f"The data are {self.separation}ly separable, so only a penalised fit is "
                f"finite: {fit}"
            )
        return fit[0].upper() + fit[1:]

    def no_fit(self, log_likelihood: float, message: str, iterations: int = 0) -> ExactFit:
        return ExactFit(
            coefficients=_nan_table(self.names),
            log_likelihood=log_likelihood,
            converged=False,
            iterations=iterations,
            separation=self.separation,
            l2_C=self.l2_C,
            message=message,
        )


def _one_class_message(n: int, ones: bool) -> str:
    label = "1" if ones else "0"
    return (
        f"All {n} labels are {label}, so the fit can only push the intercept to "
        f"{'+' if ones else '-'}infinity and no finite fit exists, with or without "
        "an L2 penalty (the intercept is not penalised); the data need both classes."
    )


# --------------------------------------------------------------------------------------------
# Input checks and messages
# --------------------------------------------------------------------------------------------


def _validate(
    X: FloatArray, y: FloatArray, monitor: _Monitor | None = None
) -> tuple[FloatArray, FloatArray]:
    Xv = np.asarray(X, dtype=np.float64)
    if Xv.ndim == 1:
        Xv = Xv[:, None]
    if Xv.ndim != 2:
        raise ValueError(f"X must be 2-D (n, d), got shape {Xv.shape}")
    yv = label_values(y)
    if yv.ndim != 1 or yv.shape[0] != Xv.shape[0]:
        raise ValueError(f"y must have shape ({Xv.shape[0]},), got {yv.shape}")
    if Xv.shape[0] == 0:
        raise ValueError("no samples")
    for lo in range(0, Xv.shape[0], CHUNK_ROWS):
        if monitor is not None:
            monitor.rows(min(CHUNK_ROWS, Xv.shape[0] - lo))
        if not np.all(np.isfinite(Xv[lo : lo + CHUNK_ROWS])):
            raise ValueError("X contains NaN or infinite values")
    if not np.all((yv == 0.0) | (yv == 1.0)):
        raise ValueError("y must contain only 0 and 1")
    return Xv, yv


def _feature_names(names: Sequence[str] | None, d: int) -> tuple[str, ...]:
    if names is None:
        return tuple(f"x{j + 1}" for j in range(d))
    out = tuple(str(s) for s in names)
    if len(out) != d:
        raise ValueError(f"expected {d} feature names, got {len(out)}")
    return out


def _steps(k: int) -> str:
    return f"{k} Newton step" if k == 1 else f"{k} Newton steps"


def _separation_message(separation: Separation, d: int) -> str:
    where = "a threshold on the feature" if d == 1 else "a hyperplane in feature space"
    if separation == "complete":
        how = f"The data are completely separable: {where} splits the two classes perfectly"
    else:
        how = (
            f"The data are quasi-completely separable: {where} splits the two classes, with "
            "some points of both classes lying exactly on it"
        )
    return (
        f"{how}, so no finite maximum-likelihood fit exists; the likelihood keeps rising as the "
        "weights grow. Use an L2 penalty (C) to get a finite fit."
    )


def _collinear_message(design: _Design, names: tuple[str, ...]) -> str:
    # Columns of Xa that take part in some exact linear relation: non-zero rows of its null space.
    load = np.max(np.abs(design.null_space), axis=1)
    significant = load > 1e-8 * load.max()
    involved = [names[j - 1] for j in range(1, len(names) + 1) if significant[j]]
    if len(involved) == 1 and significant[0]:
        return (
            f"The feature {involved[0]} is constant, so it duplicates the intercept and its "
            "coefficient is not identifiable; remove it or use an L2 penalty (C)."
        )
    if len(involved) == 1:
        return (
            f"The feature {involved[0]} is 0 in every row, so its coefficient is not "
            "identifiable; remove it or use an L2 penalty (C)."
        )
    listed = ", ".join(involved[:-1]) + f" and {involved[-1]}" if involved else "the features"
    with_intercept = " (together with the intercept)" if significant[0] else ""
    return (
        f"The features are perfectly collinear: {listed} are linearly dependent{with_intercept}, "
        "so their coefficients are not identifiable; remove a redundant feature or use an L2 "
        "penalty (C)."
    )


def _nan_table(names: tuple[str, ...]) -> tuple[Coefficient, ...]:
    return tuple(
        Coefficient(n, _NAN, _NAN, _NAN, _NAN, _NAN, _NAN, _NAN) for n in (_INTERCEPT, *names)
    )


def _standard_errors(transform: FloatArray, covariance: FloatArray) -> list[float]:
    """Square roots of the diagonal of ``transform @ covariance @ transform.T``.

    Each row of ``transform`` is scaled to unit size first and the scale applied after the
    square root, so features of extreme magnitude (1e-300 or 1e300) give large or tiny standard
    errors instead of overflowing the variance.
    """
    out = []
    for row in transform:
        size = float(np.max(np.abs(row)))
        if size == 0.0:
            out.append(0.0)
            continue
        unit = row / size
        var = float(unit @ covariance @ unit)
        out.append(size * math.sqrt(var) if var >= 0.0 else _NAN)
    return out


def _table(
    names: tuple[str, ...], theta: FloatArray, std_errors: Sequence[float]
) -> tuple[Coefficient, ...]:
    rows = []
    for j, name in enumerate((_INTERCEPT, *names)):
        est = float(theta[j])
        se = std_errors[j]
        z = est / se if se > 0.0 else _NAN
        p_value = math.erfc(abs(z) / math.sqrt(2.0)) if math.isfinite(z) else _NAN
        rows.append(
            Coefficient(
                name=name,
                estimate=est,
                std_error=se,
                z=z,
                p_value=p_value,
                ci_low=est - _Z95 * se,
                ci_high=est + _Z95 * se,
                odds_ratio=_exp(est),
            )
        )
    return tuple(rows)


# --------------------------------------------------------------------------------------------
# Numerics: the design, the likelihood and Newton's method
# --------------------------------------------------------------------------------------------


# Rows per chunk: every pass over the data works on blocks of this many rows, so the memory a
# fit needs beyond the data itself is a few blocks of CHUNK_ROWS × (d + 1) floats, whatever the
# number of rows. Blocks that stay in the CPU's caches are also faster: the window's analysis
# of 1,000,000 × 1 peaked at +6.1 MiB in 1.09 s with 65,536 rows, +1.8 MiB in 0.41 s with 8,192
# (2,000,000 × 5: +10.2 MiB in 4.1 s, +3.8 MiB in 1.9 s; medians of 3, one machine).
CHUNK_ROWS = 8_192


class _Rows:
    """A design matrix read in row blocks: ``block(lo, hi)`` is rows ``lo:hi`` as float64."""

    n: int
    k: int
    chunk: int

    def block(self, lo: int, hi: int) -> FloatArray:
        raise NotImplementedError

    def take(self, idx: NDArray[np.intp]) -> FloatArray:
        raise NotImplementedError

    def spans(self) -> Iterator[tuple[int, int]]:
        for lo in range(0, self.n, self.chunk):
            yield lo, min(lo + self.chunk, self.n)


class _Dense(_Rows):
    """A design held in memory (small problems, and tests)."""

    def __init__(self, B: FloatArray, chunk: int = CHUNK_ROWS) -> None:
        self.B = B
        self.n, self.k = B.shape
        self.chunk = chunk

    def block(self, lo: int, hi: int) -> FloatArray:
        return self.B[lo:hi]

    def take(self, idx: NDArray[np.intp]) -> FloatArray:
        return np.asarray(self.B[idx], dtype=np.float64)


class _Mapped(_Rows):
    """Rows of the standardised design ``A``, times a fixed ``p × k`` matrix ``M``.

    Blocks are computed column-major (``(k, m)`` buffers, returned transposed): with a handful
    of columns, numpy's element-wise loops and BLAS run several times faster along the rows
    than across them. Every block read is reported to the design's monitor, which is where a
    fit is cancelled.
    """

    def __init__(self, design: _Design, M: FloatArray | None) -> None:
        self.design = design
        self.M = M
        self.n = design.n
        self.k = design.p if M is None else M.shape[1]
        self.chunk = design.chunk

    def _map(self, A: FloatArray) -> FloatArray:
        return A if self.M is None else np.asarray(np.dot(self.M.T, A.T).T, dtype=np.float64)

    def block(self, lo: int, hi: int) -> FloatArray:
        return self._map(self.design.standardised_rows(self.design.X[lo:hi]))

    def take(self, idx: NDArray[np.intp]) -> FloatArray:
        return self._map(self.design.standardised_rows(self.design.X[idx]))

    def spans(self) -> Iterator[tuple[int, int]]:
        monitor = self.design.monitor
        for lo, hi in super().spans():
            monitor.rows(hi - lo)
            yield lo, hi


@dataclass(frozen=True)
class _Design:
    """Well-conditioned coordinates for the design ``Xa = [1, X]`` (n × p, p = d + 1).

    ``A = [1, (X - mean) / scale] = Xa @ unstandardise⁻¹`` is the standardised design, so
    coefficients ``phi`` on ``A`` are ``theta = unstandardise @ phi`` on ``Xa``. The basis
    ``U = A @ to_basis`` (n × rank) is orthonormal: ``A = U S Vᵀ`` is the SVD, taken from the
    SVD of the triangular factor of a QR decomposition accumulated over row blocks (TSQR), and
    coefficients ``gamma`` on it are ``theta = to_theta @ gamma``. Newton's method and the
    separation LP are invariant to such changes of coordinates in exact arithmetic, and far
    better conditioned in floating point when features are large, offset or differently scaled.

    Neither ``A`` nor ``U`` is ever stored: both are computed block by block from ``X``
    (:meth:`standardised` and :meth:`basis`), so the memory beyond ``X`` is O(chunk × p).
    """

    X: FloatArray
    unit: FloatArray
    centre: FloatArray
    spread: FloatArray
    scale: FloatArray
    unstandardise: FloatArray
    to_basis: FloatArray
    to_theta: FloatArray
    singular_values: FloatArray
    null_space: FloatArray
    rank: int
    chunk: int
    monitor: _Monitor = field(default_factory=lambda: _Monitor(None, None, 1))

    @property
    def n(self) -> int:
        return int(self.X.shape[0])

    @property
    def p(self) -> int:
        return int(self.X.shape[1]) + 1

    def standardised_rows(self, X_rows: FloatArray) -> FloatArray:
        """``A`` for the given rows of ``X`` (a column-major view)."""
        m, d = X_rows.shape
        At = np.empty((d + 1, m))
        At[0] = 1.0
        body = At[1:]
        np.divide(X_rows.T, self.unit[:, None], out=body)
        np.subtract(body, self.centre[:, None], out=body)
        np.divide(body, self.spread[:, None], out=body)
        return At.T

    @property
    def standardised(self) -> _Rows:
        """``A`` as row blocks."""
        return _Mapped(self, None)

    @property
    def basis(self) -> _Rows:
        """The orthonormal basis ``U`` as row blocks."""
        return _Mapped(self, self.to_basis)

    @staticmethod
    def build(X: FloatArray, chunk: int | None = None, monitor: _Monitor | None = None) -> _Design:
        chunk = CHUNK_ROWS if chunk is None else chunk
        monitor = _Monitor(None, None, X.shape[0]) if monitor is None else monitor
        n, d = X.shape
        p = d + 1
        spans = [(lo, min(lo + chunk, n)) for lo in range(0, n, chunk)]
        unit, centre, spread = _column_scales(X, spans, monitor)
        mean = centre * unit
        scale = spread * unit
        K = np.eye(p)
        K[0, 1:] = -mean / scale
        K[1:, 1:] = np.diag(1.0 / scale)
        design = _Design(
            X=X,
            unit=unit,
            centre=centre,
            spread=spread,
            scale=scale,
            unstandardise=K,
            to_basis=np.eye(p),
            to_theta=K,
            singular_values=np.ones(p),
            null_space=np.zeros((p, 0)),
            rank=p,
            chunk=chunk,
            monitor=monitor,
        )
        # TSQR: the R factor of A, one block at a time; A's singular values and right singular
        # vectors are R's, with the backward stability of a QR of A itself.
        R = np.zeros((0, p))
        for lo, hi in design.standardised.spans():
            stacked = np.concatenate((R, design.standardised_rows(X[lo:hi])))
            R = np.asarray(np.linalg.qr(stacked, mode="r"), dtype=np.float64)
        _, s, Vt = np.linalg.svd(R, full_matrices=True)
        cutoff = s[0] * max(n, p) * np.finfo(np.float64).eps if s.size else 0.0
        rank = int(np.sum(s > cutoff))
        # Null directions of A (rows of Vt beyond the rank, including those missing when n < p),
        # mapped to Xa's coordinates.
        to_basis = np.ascontiguousarray(Vt[:rank].T / s[:rank])
        return replace(
            design,
            to_basis=to_basis,
            to_theta=K @ to_basis,
            singular_values=s[:rank],
            null_space=K @ Vt[rank:].T,
            rank=rank,
        )


def _column_scales(
    X: FloatArray, spans: Sequence[tuple[int, int]], monitor: _Monitor
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Each column's largest magnitude (``unit``), and its mean and spread in those units.

    Working in units of the largest magnitude means squaring neither overflows (features near
    1e300) nor underflows (features near 1e-300). Blocks are transposed into a column-major
    buffer first: reductions along contiguous rows are several times faster.
    """
    d = X.shape[1]
    n = X.shape[0]
    buf = np.empty((d, max((hi - lo for lo, hi in spans), default=0)))
    unit = np.zeros(d)
    for lo, hi in spans:
        monitor.rows(hi - lo)
        v = buf[:, : hi - lo]
        np.abs(X[lo:hi].T, out=v)
        np.maximum(unit, np.max(v, axis=1), out=unit)
    unit = np.where(unit > 0.0, unit, 1.0)
    total = np.zeros(d)
    for lo, hi in spans:
        monitor.rows(hi - lo)
        v = buf[:, : hi - lo]
        np.divide(X[lo:hi].T, unit[:, None], out=v)
        total += np.sum(v, axis=1)
    centre = total / n
    sq = np.zeros(d)
    for lo, hi in spans:
        monitor.rows(hi - lo)
        v = buf[:, : hi - lo]
        np.divide(X[lo:hi].T, unit[:, None], out=v)
        np.subtract(v, centre[:, None], out=v)
        sq += np.sum(v * v, axis=1)
    # A constant column centres to zeros; any positive scale keeps it zeros, and the rank check
    # finds it collinear with the intercept.
    spread = np.sqrt(sq / n)
    spread = np.where(spread > 0.0, spread, 1.0)
    return unit, centre, spread


def _expit(eta: FloatArray) -> FloatArray:
    # exp(-|eta|) never overflows, and e / (1 + e) keeps full relative precision for p near 0.
    e = np.exp(-np.abs(eta))
    return np.asarray(np.where(eta >= 0.0, 1.0 / (1.0 + e), e / (1.0 + e)), dtype=np.float64)


def _log_likelihood(eta: FloatArray, y: FloatArray) -> float:
    return _log_likelihood_e(eta, np.exp(-np.abs(eta)), y)


def _log_likelihood_e(eta: FloatArray, e: FloatArray, y: FloatArray) -> float:
    """The log-likelihood from the scores and ``e = exp(-|eta|)``, which callers already have.

    log p = -log(1 + e^-eta) and log(1 - p) = -log(1 + e^eta), each ``max(s, 0) + log1p(e)``
    with ``s = ∓eta``: the same values as ``logaddexp(0, s)``, with no overflow and one
    exponential fewer.
    """
    # s = -eta where y = 1 and eta where y = 0, exactly; a product is far cheaper than a where.
    s = eta * (1.0 - 2.0 * y)
    return float(-np.sum(np.maximum(s, 0.0) + np.log1p(e)))


@dataclass(frozen=True)
class _NewtonResult:
    params: FloatArray
    covariance: FloatArray
    log_likelihood: float
    iterations: int
    converged: bool
    singular: bool
    reason: str


def _solve_spd(H: FloatArray, g: FloatArray) -> FloatArray | None:
    """Solve ``H x = g`` for symmetric positive definite ``H``; None if it is not (numerically).

    Jacobi scaling first, so a Cholesky factor exists for any well-posed but badly scaled H.
    """
    diag = np.diag(H)
    if not np.all(diag > 0.0):
        return None
    d = 1.0 / np.sqrt(diag)
    try:
        L = np.linalg.cholesky(H * d[:, None] * d[None, :])
    except np.linalg.LinAlgError:
        return None
    rhs = g * d if g.ndim == 1 else g * d[:, None]
    sol = np.linalg.solve(L.T, np.linalg.solve(L, rhs))
    out = sol * d if g.ndim == 1 else sol * d[:, None]
    if not np.all(np.isfinite(out)):
        return None
    return np.asarray(out, dtype=np.float64)


@dataclass(frozen=True)
class _Point:
    """One evaluation of the objective: everything a Newton step needs, from one pass."""

    gamma: FloatArray
    f: float  # penalised log-likelihood
    ll: float  # log-likelihood
    grad: FloatArray
    H: FloatArray  # negative Hessian
    min_weight: float  # the smallest p(1 - p) over the rows


def _evaluate(rows: _Rows, y: FloatArray, pen: FloatArray, gamma: FloatArray) -> _Point:
    """Penalised log-likelihood, gradient and negative Hessian at ``gamma``, in one pass."""
    # For the orthonormal basis U = A M, work with A's blocks and map the small results: a
    # (chunk × p) @ (p × p) product per block costs more than the rest of the pass together.
    M = rows.M if isinstance(rows, _Mapped) else None
    source: _Rows = rows.design.standardised if isinstance(rows, _Mapped) else rows
    coef = gamma if M is None else M @ gamma
    kk = coef.shape[0]
    ll = 0.0
    grad = np.zeros(kk)
    H = np.zeros((kk, kk))
    min_weight = math.inf
    for lo, hi in source.spans():
        B = source.block(lo, hi)
        yc = y[lo:hi]
        eta = B @ coef
        e = np.exp(-np.abs(eta))
        ll += _log_likelihood_e(eta, e, yc)
        ope = 1.0 + e
        weight = e / (ope * ope)  # p(1 - p) without cancellation
        prob = np.where(eta >= 0.0, 1.0, e) / ope
        Bt = B.T
        grad += Bt @ (yc - prob)
        H += (Bt * weight) @ B
        if weight.size:
            min_weight = min(min_weight, float(weight.min()))
    if M is not None:
        grad, H = M.T @ grad, M.T @ H @ M
    f = ll - 0.5 * float(np.sum(pen * gamma**2))
    return _Point(gamma, f, ll, grad - pen * gamma, H + np.diag(pen), min_weight)


class _Newton:
    """Maximise ``ℓ(B γ) - ½ Σ penalty_j γ_j²`` by damped Newton steps (IRLS), from γ = 0.

    ``B`` (read in row blocks) must have full column rank, or ``penalty`` must make the Hessian
    definite. Each step is one pass over the data: the likelihood of a trial point comes with
    its gradient and Hessian, which the next step reuses. :meth:`run` may be called again with a
    higher limit to continue where it stopped, along exactly the same iterates.
    """

    def __init__(
        self, rows: _Rows, y: FloatArray, penalty: FloatArray | None, max_iter: int, tol: float
    ) -> None:
        self.rows, self.y, self.max_iter, self.tol = rows, y, max_iter, tol
        self.pen = np.zeros(rows.k) if penalty is None else penalty
        self.state = _evaluate(rows, y, self.pen, np.zeros(rows.k))
        self.iterations = 0
        self.converged = False
        self.reason: str | None = None  # why it stopped for good; None while it may go on

    def run(self, limit: int) -> _NewtonResult:
        """Step until converged, stopped, or ``limit`` steps in all; the result so far."""
        while self.reason is None:
            step = _solve_spd(self.state.H, self.state.grad)
            if step is None:
                self.reason = "the Hessian is singular"
                break
            decrement = float(self.state.grad @ step)
            if decrement <= self.tol * self.tol:
                # Already at the optimum to rounding; a step would change nothing.
                self.converged, self.reason = True, "converged"
                break
            if self.iterations == self.max_iter:
                self.reason = f"the iteration limit of {self.max_iter} was reached"
                break
            if self.iterations >= limit:
                break
            self._step(step, decrement)
        return self.result()

    def _step(self, step: FloatArray, decrement: float) -> None:
        state = self.state
        slack = 64.0 * np.finfo(np.float64).eps * (1.0 + abs(state.f))
        t = 1.0
        for _halving in range(60):
            candidate = _evaluate(self.rows, self.y, self.pen, state.gamma + t * step)
            if candidate.f >= state.f - slack:
                break
            t *= 0.5
        else:
            # No step improves on the current point beyond rounding: at the floor of float64.
            self.converged = bool(decrement <= 1e3 * slack)
            self.reason = "step halving could not increase the likelihood"
            return
        self.iterations += 1
        small_step = np.max(np.abs(t * step)) <= self.tol * (1.0 + np.max(np.abs(state.gamma)))
        self.state = candidate
        # The decrement is measured before the step, so stopping after taking it leaves an
        # error of order decrement², far below tol.
        if t == 1.0 and (decrement <= self.tol or small_step):
            self.converged, self.reason = True, "converged"

    def result(self) -> _NewtonResult:
        # The covariance is evaluated at the final point (H always belongs to gamma).
        k = self.rows.k
        inv = _solve_spd(self.state.H, np.eye(k))
        singular = inv is None
        return _NewtonResult(
            params=self.state.gamma,
            covariance=np.full((k, k), _NAN) if inv is None else inv,
            log_likelihood=self.state.ll,
            iterations=self.iterations,
            converged=self.converged and not singular,
            singular=singular,
            reason=self.reason or f"the iteration limit of {self.max_iter} was reached",
        )


def _supremum_log_likelihood(
    basis: _Rows, y: FloatArray, overlap: BoolArray, max_iter: int, tol: float
) -> float:
    """The supremum of the log-likelihood of separated data.

    Points strictly on their side of a separating direction contribute log 1 = 0 in the limit;
    what remains is the best fit to the points every separating hyperplane passes through (the
    overlap), which has a finite maximum because the overlap itself is not separable.
    """
    if not overlap.any():
        return 0.0
    # The overlap is usually a handful of rows; it is gathered into memory.
    sub = basis.take(np.flatnonzero(overlap))
    U, s, _ = np.linalg.svd(sub, full_matrices=False)
    rank = int(np.sum(s > s[0] * max(sub.shape) * np.finfo(np.float64).eps))
    rows = _Dense(np.ascontiguousarray(U[:, :rank]))
    res = _Newton(rows, y[overlap], None, max_iter, tol).run(max_iter)
    return res.log_likelihood if res.converged else _NAN


# --------------------------------------------------------------------------------------------
# Separation
# --------------------------------------------------------------------------------------------


def _separation(X: FloatArray, y: FloatArray, design: _Design) -> tuple[Separation, BoolArray]:
    """Classify the separation and return the overlap: points on every separating hyperplane."""
    n = y.shape[0]
    n_ones = int(y.sum())
    if n_ones in (0, n):
        return "complete", np.zeros(n, dtype=bool)
    if X.shape[1] == 1:
        return _separation_sorted(X[:, 0], y, design.chunk, design.monitor)
    return _separation_lp(design.basis, y)


def _separation_sorted(
    x: FloatArray, y: FloatArray, chunk: int = CHUNK_ROWS, monitor: _Monitor | None = None
) -> tuple[Separation, BoolArray]:
    """Exact test for one feature (both classes present), by comparing the classes' ranges.

    A separating direction must have a non-zero slope (a constant score cannot favour both
    classes), so it is a threshold c with one class at or below c and the other at or above it.
    """
    n = x.shape[0]
    lo0 = lo1 = math.inf
    hi0 = hi1 = -math.inf
    for lo in range(0, n, chunk):
        if monitor is not None:
            monitor.rows(min(chunk, n - lo))
        xc, yc = x[lo : lo + chunk], y[lo : lo + chunk]
        ones = yc == 1.0
        if ones.any():
            lo1, hi1 = min(lo1, float(xc[ones].min())), max(hi1, float(xc[ones].max()))
        if not ones.all():
            lo0, hi0 = min(lo0, float(xc[~ones].min())), max(hi0, float(xc[~ones].max()))
    for lo_max, up_min in ((hi0, lo1), (hi1, lo0)):
        if lo_max < up_min:
            return "complete", np.zeros(n, dtype=bool)
        if lo_max == up_min and not (min(lo0, lo1) == max(hi0, hi1) == lo_max):
            return "quasi-complete", x == lo_max
    return "none", np.ones(n, dtype=bool)


class _Signed:
    """The LP's rows ``Z = (2y - 1) · U / norm``, computed block by block from the basis."""

    def __init__(self, basis: _Rows, y: FloatArray) -> None:
        self.basis = basis
        self.y = y
        self.n = basis.n
        self.r = basis.k
        norm = 0.0
        for lo, hi in basis.spans():
            Bt = basis.block(lo, hi).T  # row-major (k, m): the sum runs along rows
            if Bt.size:
                norm = max(norm, float(np.sqrt(np.max(np.sum(Bt * Bt, axis=0)))))
        self.norm = norm

    def block(self, lo: int, hi: int) -> FloatArray:
        sign = 2.0 * self.y[lo:hi] - 1.0
        return np.asarray(sign[:, None] * self.basis.block(lo, hi) / self.norm, dtype=np.float64)

    def scores(self, lo: int, hi: int, beta: FloatArray) -> FloatArray:
        """``Z[lo:hi] @ beta``; for a mapped basis via ``A @ (M β)``, with no block product."""
        basis = self.basis
        if isinstance(basis, _Mapped) and basis.M is not None:
            raw = basis.design.standardised.block(lo, hi) @ (basis.M @ beta)
        else:
            raw = basis.block(lo, hi) @ beta
        return np.asarray((2.0 * self.y[lo:hi] - 1.0) * raw / self.norm, dtype=np.float64)

    def column_sum(self, lo: int, hi: int, mask: BoolArray) -> FloatArray:
        """``Z[lo:hi][mask].sum(axis=0)``."""
        basis = self.basis
        sign = (2.0 * self.y[lo:hi] - 1.0)[mask]
        if isinstance(basis, _Mapped) and basis.M is not None:
            A = basis.design.standardised.block(lo, hi)[mask]
            return np.asarray(basis.M.T @ (sign @ A) / self.norm, dtype=np.float64)
        return np.asarray(sign @ basis.block(lo, hi)[mask] / self.norm, dtype=np.float64)

    def take(self, idx: NDArray[np.intp]) -> FloatArray:
        sign = 2.0 * self.y[idx] - 1.0
        return np.asarray(sign[:, None] * self.basis.take(idx) / self.norm, dtype=np.float64)

    def spans(self) -> Iterator[tuple[int, int]]:
        return self.basis.spans()


def _separation_lp(U: _Rows | FloatArray, y: FloatArray) -> tuple[Separation, BoolArray]:
    """Separation test by linear programming (Konis, 2007) on an orthonormal design basis.

    With signed rows ``Z = (2y - 1) · U`` the data are separated exactly when some β has
    ``Zβ >= 0`` and ``Zβ != 0``, and completely separated when some β has ``Zβ > 0``. Each round
    maximises the total score of the rows not yet known to be strictly separable, subject to
    ``Zβ >= 0`` and the box ``-1 <= β <= 1``; rows it makes positive join the separable set,
    and the sum of the rounds' β is positive on all of them. When a round finds nothing new the
    remaining rows are the overlap, which every separating hyperplane passes through.

    ``Z`` is read in row blocks, so the memory beyond the data is O(chunk × r) plus n flags.
    """
    basis = U if isinstance(U, _Rows) else _Dense(np.asarray(U, dtype=np.float64))
    n = y.shape[0]
    positive = np.zeros(n, dtype=bool)
    Z = _Signed(basis, y)
    if Z.norm == 0.0:
        return "none", ~positive
    # Unit largest row: the simplex tolerances and the tie tolerance are then on one scale.
    tol = _SEPARATION_TOL
    for _round in range(n):
        c = np.zeros(Z.r)
        for lo, hi in Z.spans():
            c += Z.column_sum(lo, hi, ~positive[lo:hi])
        beta = _max_score_direction(Z, c)
        new = np.zeros(n, dtype=bool)
        lowest = math.inf
        for lo, hi in Z.spans():
            scores = Z.scores(lo, hi, beta)
            new[lo:hi] = (~positive[lo:hi]) & (scores > tol)
            if scores.size:
                lowest = min(lowest, float(scores.min()))
        if not new.any() or lowest < -tol:
            break
        positive |= new
        if positive.all():
            break
    if positive.all():
        return "complete", ~positive
    if positive.any():
        return "quasi-complete", ~positive
    return "none", ~positive


def _max_score_direction(Z: _Signed, c: FloatArray) -> FloatArray:
    """Solve ``max cᵀβ  s.t.  Zβ >= 0,  -1 <= β <= 1`` and return β.

    The primal has n constraints but only r variables, so the revised simplex runs on its dual,
    whose basis is r × r::

        min  1ᵀμ⁺ + 1ᵀμ⁻   s.t.  -Zᵀλ + μ⁺ - μ⁻ = c,   λ, μ⁺, μ⁻ >= 0.

    Choosing μ⁺_j or μ⁻_j by the sign of c_j gives a feasible start, so there is no phase one,
    and the primal β is read off the optimal basis as the simplex multipliers. Bland's rule
    prevents cycling, which matters here: the problems are highly degenerate (β = 0 is always
    feasible, and tied points make many constraints active at once). The reduced cost of the
    column of row i is ``(Zβ)_i``, so the entering column is found by scanning row blocks until
    the first negative one; only the r basic columns are ever gathered.
    """
    n, r = Z.n, Z.r
    eye = np.eye(r)

    def column(j: int) -> FloatArray:
        if j < n:
            out = -Z.take(np.array([j], dtype=np.intp))[0]
        else:
            out = eye[:, j - n] if j < n + r else -eye[:, j - n - r]
        return np.asarray(out, dtype=np.float64)

    basis = np.array([n + j if c[j] >= 0.0 else n + r + j for j in range(r)])
    Bm = np.stack([column(int(j)) for j in basis], axis=1)
    beta = np.zeros(r)
    for _pivot in range(50 * (n + 2 * r)):
        x_b = np.linalg.solve(Bm, c)
        beta = np.asarray(np.linalg.solve(Bm.T, np.where(basis < n, 0.0, 1.0)), dtype=np.float64)
        entering = _first_negative_reduced_cost(Z, beta, basis)
        if entering is None:
            break
        direction = np.linalg.solve(Bm, column(entering))
        rows = np.flatnonzero(direction > _SIMPLEX_TOL)
        if rows.size == 0:  # cannot happen: the dual objective is bounded below by 0
            break
        ratios = np.maximum(x_b[rows], 0.0) / direction[rows]
        best = ratios.min()
        ties = rows[ratios <= best + _SIMPLEX_TOL * max(1.0, best)]
        leaving = int(ties[np.argmin(basis[ties])])
        basis[leaving] = entering
        Bm[:, leaving] = column(entering)
    # Bound the multipliers to the primal box; at optimality they already are, up to rounding.
    return np.asarray(np.clip(beta, -1.0, 1.0), dtype=np.float64)


def _first_negative_reduced_cost(
    Z: _Signed, beta: FloatArray, basis: NDArray[np.int_]
) -> int | None:
    """Bland's rule: the lowest-index non-basic column with a negative reduced cost."""
    n = Z.n
    in_basis = set(int(j) for j in basis)
    for lo, hi in Z.spans():
        reduced = Z.scores(lo, hi, beta)
        for i in np.flatnonzero(reduced < -_SIMPLEX_TOL):
            if lo + int(i) not in in_basis:
                return lo + int(i)
    # μ⁺_j has reduced cost 1 - β_j, μ⁻_j has 1 + β_j.
    reduced_mu = np.concatenate((1.0 - beta, 1.0 + beta))
    for j in np.flatnonzero(reduced_mu < -_SIMPLEX_TOL):
        if n + int(j) not in in_basis:
            return n + int(j)
    return None
