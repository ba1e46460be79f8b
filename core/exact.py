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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "Coefficient",
    "ExactFit",
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


def _json_float(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


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
) -> ExactFit:
    """Fit a logistic regression with an intercept by Newton's method in float64.

    Without a penalty this is the maximum-likelihood fit, matching statsmodels'
    ``Logit(y, add_constant(X)).fit()``. With ``l2_C`` it minimises
    ``0.5 * ||w||² + C * Σ logloss`` with the intercept unpenalised, matching scikit-learn's
    ``LogisticRegression(C=C)``; its standard errors come from the inverse of the penalised
    Hessian and are only approximate (the penalty biases the estimate), and its
    ``log_likelihood`` is the unpenalised one at the penalised estimate.

    Separation is checked first (see :func:`detect_separation`). Separated data without a
    penalty give NaN estimates and ``converged=False``: no finite fit exists. With a penalty a
    finite fit is returned and the separation is still reported, except when all labels are one
    class: the intercept is never penalised, so no finite fit exists for any ``C``. Perfectly
    collinear features without a penalty give NaN estimates and ``converged=False`` (the
    coefficients are not identifiable), with the maximised log-likelihood still reported.

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

    Returns
    -------
    ExactFit

    Raises
    ------
    ValueError
        If the inputs or options are malformed.
    """
    Xv, yv = _validate(X, y)
    n, d = Xv.shape
    names = _feature_names(feature_names, d)
    if l2_C is not None:
        l2_C = float(l2_C)
        if not (math.isfinite(l2_C) and l2_C > 0.0):
            raise ValueError(f"l2_C must be a positive finite number, got {l2_C}")
    if max_iter < 1:
        raise ValueError(f"max_iter must be at least 1, got {max_iter}")
    if not (math.isfinite(tol) and tol > 0.0):
        raise ValueError(f"tol must be a positive finite number, got {tol}")

    design = _Design.build(Xv)
    separation, overlap = _separation(Xv, yv, design)
    p = d + 1

    def no_fit(log_likelihood: float, message: str, iterations: int = 0) -> ExactFit:
        return ExactFit(
            coefficients=_nan_table(names),
            log_likelihood=log_likelihood,
            converged=False,
            iterations=iterations,
            separation=separation,
            l2_C=l2_C,
            message=message,
        )

    n_ones = int(yv.sum())
    if n_ones in (0, n):
        label = "1" if n_ones == n else "0"
        return no_fit(
            0.0,
            f"All {n} labels are {label}, so the fit can only push the intercept to "
            f"{'+' if label == '1' else '-'}infinity and no finite fit exists, with or without "
            "an L2 penalty (the intercept is not penalised); the data need both classes.",
        )

    if l2_C is None:
        if separation != "none":
            return no_fit(
                _supremum_log_likelihood(design.basis, yv, overlap, max_iter, tol),
                _separation_message(separation, d),
            )
        if design.rank < p:
            # The likelihood still has a maximum; only the coefficients are not identifiable.
            res = _newton(design.basis, yv, None, max_iter, tol)
            ll = res.log_likelihood if res.converged else _NAN
            return no_fit(ll, _collinear_message(design, names), res.iterations)
        res = _newton(design.basis, yv, None, max_iter, tol)
        transform = design.to_theta
        penalised = False
    else:
        # In the standardised coordinates the penalty 1/(2C)·||w||² becomes diagonal:
        # centring moves only the intercept, and w_j = phi_j / s_j.
        penalty = np.concatenate(([0.0], 1.0 / design.scale**2)) / l2_C
        res = _newton(design.standardised, yv, penalty, max_iter, tol)
        transform = design.unstandardise
        penalised = True

    if res.singular:
        return no_fit(
            _NAN,
            "The Hessian became numerically singular after "
            f"{_steps(res.iterations)}, so no reliable fit or standard errors exist; "
            "check for (nearly) collinear or extreme feature values.",
            res.iterations,
        )

    theta = transform @ res.params
    std_errors = _standard_errors(transform, res.covariance)
    # From the well-conditioned coordinates: with far-off-centre features the raw scores
    # b + Xw cancel badly.
    ll = res.log_likelihood
    table = _table(names, theta, std_errors)

    if not res.converged:
        message = (
            f"Newton's method did not converge in {_steps(res.iterations)} ({res.reason}); "
            "the estimates shown are the last iterate and may be unreliable."
        )
    elif penalised and separation != "none":
        message = (
            f"The data are {separation}ly separable, so only a penalised fit is finite: the "
            f"L2 fit with C = {l2_C:g} converged in {_steps(res.iterations)} (its standard "
            "errors, from the penalised Hessian, are approximate)."
        )
    elif penalised:
        message = (
            f"The L2 fit with C = {l2_C:g} converged in {_steps(res.iterations)} (its standard "
            "errors, from the penalised Hessian, are approximate)."
        )
    else:
        message = f"Converged in {_steps(res.iterations)}."
    return ExactFit(
        coefficients=table,
        log_likelihood=ll,
        converged=res.converged,
        iterations=res.iterations,
        separation=separation,
        l2_C=l2_C,
        message=message,
    )


# --------------------------------------------------------------------------------------------
# Input checks and messages
# --------------------------------------------------------------------------------------------


def _validate(X: FloatArray, y: FloatArray) -> tuple[FloatArray, FloatArray]:
    Xv = np.asarray(X, dtype=np.float64)
    if Xv.ndim == 1:
        Xv = Xv[:, None]
    if Xv.ndim != 2:
        raise ValueError(f"X must be 2-D (n, d), got shape {Xv.shape}")
    yv = np.asarray(y, dtype=np.float64)
    if yv.ndim != 1 or yv.shape[0] != Xv.shape[0]:
        raise ValueError(f"y must have shape ({Xv.shape[0]},), got {yv.shape}")
    if Xv.shape[0] == 0:
        raise ValueError("no samples")
    for lo in range(0, Xv.shape[0], CHUNK_ROWS):
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
        try:
            odds = math.exp(est)
        except OverflowError:
            odds = math.inf
        rows.append(
            Coefficient(
                name=name,
                estimate=est,
                std_error=se,
                z=z,
                p_value=p_value,
                ci_low=est - _Z95 * se,
                ci_high=est + _Z95 * se,
                odds_ratio=odds,
            )
        )
    return tuple(rows)


# --------------------------------------------------------------------------------------------
# Numerics: the design, the likelihood and Newton's method
# --------------------------------------------------------------------------------------------


# Rows per chunk: every pass over the data works on blocks of this many rows, so the memory a
# fit needs beyond the data itself is a few blocks of CHUNK_ROWS × (d + 1) floats (a few MiB),
# whatever the number of rows.
CHUNK_ROWS = 65_536


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
    """Rows of the standardised design ``A``, times a fixed ``p × k`` matrix ``M``."""

    def __init__(self, design: _Design, M: FloatArray | None) -> None:
        self.design = design
        self.M = M
        self.n = design.n
        self.k = design.p if M is None else M.shape[1]
        self.chunk = design.chunk

    def _map(self, A: FloatArray) -> FloatArray:
        return A if self.M is None else np.asarray(A @ self.M, dtype=np.float64)

    def block(self, lo: int, hi: int) -> FloatArray:
        return self._map(self.design.standardised_rows(self.design.X[lo:hi]))

    def take(self, idx: NDArray[np.intp]) -> FloatArray:
        return self._map(self.design.standardised_rows(self.design.X[idx]))


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

    @property
    def n(self) -> int:
        return int(self.X.shape[0])

    @property
    def p(self) -> int:
        return int(self.X.shape[1]) + 1

    def standardised_rows(self, X_rows: FloatArray) -> FloatArray:
        """``A`` for the given rows of ``X``."""
        m, d = X_rows.shape
        A = np.empty((m, d + 1))
        A[:, 0] = 1.0
        A[:, 1:] = (X_rows / self.unit - self.centre) / self.spread
        return A

    @property
    def standardised(self) -> _Rows:
        """``A`` as row blocks."""
        return _Mapped(self, None)

    @property
    def basis(self) -> _Rows:
        """The orthonormal basis ``U`` as row blocks."""
        return _Mapped(self, self.to_basis)

    @staticmethod
    def build(X: FloatArray, chunk: int | None = None) -> _Design:
        chunk = CHUNK_ROWS if chunk is None else chunk
        n, d = X.shape
        p = d + 1
        spans = [(lo, min(lo + chunk, n)) for lo in range(0, n, chunk)]
        # Work in units of each column's largest magnitude so that squaring neither overflows
        # (features near 1e300) nor underflows (features near 1e-300).
        unit = np.zeros(d)
        for lo, hi in spans:
            np.maximum(unit, np.max(np.abs(X[lo:hi]), axis=0), out=unit)
        unit = np.where(unit > 0.0, unit, 1.0)
        total = np.zeros(d)
        for lo, hi in spans:
            total += np.sum(X[lo:hi] / unit, axis=0)
        centre = total / n
        sq = np.zeros(d)
        for lo, hi in spans:
            sq += np.sum((X[lo:hi] / unit - centre) ** 2, axis=0)
        spread = np.sqrt(sq / n)
        # A constant column centres to zeros; any positive scale keeps it zeros, and the rank
        # check below finds it collinear with the intercept.
        spread = np.where(spread > 0.0, spread, 1.0)
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
        )
        # TSQR: the R factor of A, one block at a time; A's singular values and right singular
        # vectors are R's, with the backward stability of a QR of A itself.
        R = np.zeros((0, p))
        for lo, hi in spans:
            stacked = np.concatenate((R, design.standardised_rows(X[lo:hi])))
            R = np.asarray(np.linalg.qr(stacked, mode="r"), dtype=np.float64)
        _, s, Vt = np.linalg.svd(R, full_matrices=True)
        cutoff = s[0] * max(n, p) * np.finfo(np.float64).eps if s.size else 0.0
        rank = int(np.sum(s > cutoff))
        # Null directions of A (rows of Vt beyond the rank, including those missing when n < p),
        # mapped to Xa's coordinates.
        to_basis = np.ascontiguousarray(Vt[:rank].T / s[:rank])
        return _Design(
            X=X,
            unit=unit,
            centre=centre,
            spread=spread,
            scale=scale,
            unstandardise=K,
            to_basis=to_basis,
            to_theta=K @ to_basis,
            singular_values=s[:rank],
            null_space=K @ Vt[rank:].T,
            rank=rank,
            chunk=chunk,
        )


def _expit(eta: FloatArray) -> FloatArray:
    # exp(-|eta|) never overflows, and e / (1 + e) keeps full relative precision for p near 0.
    e = np.exp(-np.abs(eta))
    return np.asarray(np.where(eta >= 0.0, 1.0 / (1.0 + e), e / (1.0 + e)), dtype=np.float64)


def _log_likelihood(eta: FloatArray, y: FloatArray) -> float:
    # log p = -log(1 + e^-eta), log(1 - p) = -log(1 + e^eta): both via logaddexp, no overflow.
    return float(-np.sum(np.logaddexp(0.0, np.where(y == 1.0, -eta, eta))))


def _rows_log_likelihood(rows: _Rows, y: FloatArray, gamma: FloatArray) -> float:
    return sum(_log_likelihood(rows.block(lo, hi) @ gamma, y[lo:hi]) for lo, hi in rows.spans())


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


def _evaluate(
    rows: _Rows, y: FloatArray, pen: FloatArray, gamma: FloatArray
) -> tuple[float, FloatArray, FloatArray]:
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
    for lo, hi in source.spans():
        B = source.block(lo, hi)
        yc = y[lo:hi]
        eta = B @ coef
        ll += _log_likelihood(eta, yc)
        e = np.exp(-np.abs(eta))
        weight = e / (1.0 + e) ** 2  # p(1 - p) without cancellation
        prob = np.where(eta >= 0.0, 1.0 / (1.0 + e), e / (1.0 + e))
        grad += B.T @ (yc - prob)
        H += (B.T * weight) @ B
    if M is not None:
        grad, H = M.T @ grad, M.T @ H @ M
    f = ll - 0.5 * float(np.sum(pen * gamma**2))
    return f, grad - pen * gamma, H + np.diag(pen)


def _newton(
    rows: _Rows,
    y: FloatArray,
    penalty: FloatArray | None,
    max_iter: int,
    tol: float,
) -> _NewtonResult:
    """Maximise ``ℓ(B γ) - ½ Σ penalty_j γ_j²`` by damped Newton steps (IRLS).

    ``B`` (read in row blocks) must have full column rank, or ``penalty`` must make the Hessian
    definite. Each step is one pass over the data: the likelihood of a trial point comes with
    its gradient and Hessian, which the next step reuses.
    """
    k = rows.k
    pen = np.zeros(k) if penalty is None else penalty
    gamma = np.zeros(k)
    f, grad, H = _evaluate(rows, y, pen, gamma)
    iterations = 0
    converged = False
    reason = f"the iteration limit of {max_iter} was reached"
    while True:
        step = _solve_spd(H, grad)
        if step is None:
            reason = "the Hessian is singular"
            break
        decrement = float(grad @ step)
        if decrement <= tol * tol:
            converged = True  # already at the optimum to rounding; a step would change nothing
            break
        if iterations == max_iter:
            break
        t = 1.0
        slack = 64.0 * np.finfo(np.float64).eps * (1.0 + abs(f))
        accepted = False
        for _halving in range(60):
            candidate = gamma + t * step
            f_new, grad_new, H_new = _evaluate(rows, y, pen, candidate)
            if f_new >= f - slack:
                accepted = True
                break
            t *= 0.5
        if not accepted:
            # No step improves on the current point beyond rounding: at the floor of float64.
            converged = bool(decrement <= 1e3 * slack)
            reason = "step halving could not increase the likelihood"
            break
        iterations += 1
        small_step = np.max(np.abs(t * step)) <= tol * (1.0 + np.max(np.abs(gamma)))
        gamma, f, grad, H = candidate, f_new, grad_new, H_new
        # The decrement is measured before the step, so stopping after taking it leaves an
        # error of order decrement², far below tol.
        if t == 1.0 and (decrement <= tol or small_step):
            converged = True
            break
    # The covariance is evaluated at the final point (H always belongs to gamma).
    inv = _solve_spd(H, np.eye(k))
    singular = inv is None
    cov = np.full((k, k), _NAN) if inv is None else inv
    return _NewtonResult(
        params=gamma,
        covariance=cov,
        log_likelihood=_rows_log_likelihood(rows, y, gamma),
        iterations=iterations,
        converged=converged and not singular,
        singular=singular,
        reason=reason,
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
    res = _newton(_Dense(np.ascontiguousarray(U[:, :rank])), y[overlap], None, max_iter, tol)
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
        return _separation_sorted(X[:, 0], y, design.chunk)
    return _separation_lp(design.basis, y)


def _separation_sorted(
    x: FloatArray, y: FloatArray, chunk: int = CHUNK_ROWS
) -> tuple[Separation, BoolArray]:
    """Exact test for one feature (both classes present), by comparing the classes' ranges.

    A separating direction must have a non-zero slope (a constant score cannot favour both
    classes), so it is a threshold c with one class at or below c and the other at or above it.
    """
    n = x.shape[0]
    lo0 = lo1 = math.inf
    hi0 = hi1 = -math.inf
    for lo in range(0, n, chunk):
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
            B = basis.block(lo, hi)
            if B.size:
                norm = max(norm, float(np.max(np.sqrt(np.sum(B * B, axis=1)))))
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
