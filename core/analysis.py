"""Everything the window shows about the exact fit, computed together off the GUI thread.

Maximum likelihood with its fit statistics; Firth's penalised likelihood when the data are
separable (maximum likelihood then has no finite answer) or when asked for; and which of them
the curve plot draws beside the trained model.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

import numpy as np

from core.exact import ExactFit, fit_exact
from core.firth import FirthFit, fit_firth
from core.fitstats import FitStatistics, fit_statistics
from core.model import label_values

FIRTH_PROFILE_MAX_ROWS = 50_000  # above: Wald intervals, no per-term tests (each is a refit)


class Flag(Protocol):
    def is_set(self) -> bool: ...


class Overlay(StrEnum):
    """Which fit the curve plot draws."""

    ML = "ml"  # maximum likelihood (finite)
    FIRTH = "firth"  # Firth's penalised likelihood (separable data)
    L2 = "l2"  # L2-penalised maximum likelihood (when Firth failed too)
    NONE = "none"


@dataclass(frozen=True)
class Analysis:
    """The exact side of a data set.

    Attributes
    ----------
    ml : ExactFit
        The maximum-likelihood fit (not finite when the data are separable).
    stats : FitStatistics or None
        Model-fit statistics of ``ml`` at ``level``; None when ``ml`` is not finite.
    firth : FirthFit or None
        Firth's fit, computed when the data are separable or ``want_firth`` was asked.
    overlay : ExactFit or None
        What the curve plot draws, as an ExactFit (Firth's via ``as_exact_fit``).
    overlay_kind : Overlay
        Which fit ``overlay`` is.
    level : float
        The confidence level of every interval here.
    separating : tuple of (str, int)
        Under separation: each term whose coefficient runs off to infinity and its sign
        (+1 toward +∞, −1 toward −∞), read off the separating direction; empty otherwise.
    """

    ml: ExactFit
    stats: FitStatistics | None
    firth: FirthFit | None
    overlay: ExactFit | None
    overlay_kind: Overlay
    level: float
    separating: tuple[tuple[str, int], ...]


def analyse(
    features: np.ndarray,
    labels: np.ndarray,
    names: tuple[str, ...],
    *,
    level: float = 0.95,
    want_firth: bool = False,
    progress: Callable[[float], None] | None = None,
    cancel: Flag | None = None,
) -> Analysis | None:
    """Fit the data exactly; None when there is nothing to fit (no rows) or the fit fails.

    Parameters
    ----------
    features, labels
        ``(n, d)`` and ``(n,)``.
    names
        The feature names.
    level
        Confidence level for every interval.
    want_firth
        Compute Firth's fit even when maximum likelihood has a finite answer.
    progress, cancel
        As for :func:`core.exact.fit_exact`; a cancel raises ``core.exact.FitCancelled``.
        Large data get Wald intervals and no per-term tests from Firth's fit (profile intervals
        need dozens of refits).
    """
    if len(labels) == 0:
        return None
    X = np.asarray(features, dtype=np.float64)
    y = label_values(labels)

    def part(lo: float, hi: float) -> Callable[[float], None] | None:
        if progress is None:
            return None
        report = progress
        return lambda f: report(lo + (hi - lo) * f)

    big = len(y) > FIRTH_PROFILE_MAX_ROWS
    try:
        # Extreme values (1e300) overflow inside the fits; such a fit is then simply not
        # finite and is not drawn, which needs no warning on the console.
        with np.errstate(all="ignore"):
            ml = fit_exact(X, y, feature_names=names, progress=part(0.0, 0.5), cancel=cancel)
            stats = fit_statistics(ml, X, y, level=level) if ml.finite else None
            separable = ml.separation != "none"
            firth = (
                fit_firth(
                    X,
                    y,
                    feature_names=names,
                    level=level,
                    intervals="wald" if big else "profile",
                    tests=not big,
                    progress=part(0.5, 1.0),
                    cancel=cancel,
                )
                if separable or want_firth
                else None
            )
            overlay, kind = _overlay(ml, firth, X, y, names)
    except (ValueError, FloatingPointError, np.linalg.LinAlgError):
        return None
    separating = _separating(ml, firth) if separable else ()
    return Analysis(ml, stats, firth, overlay, kind, level, separating)


def _overlay(
    ml: ExactFit,
    firth: FirthFit | None,
    X: np.ndarray,
    y: np.ndarray,
    names: tuple[str, ...],
) -> tuple[ExactFit | None, Overlay]:
    if ml.finite:
        return ml, Overlay.ML
    if np.all(y == y[0]):
        return None, Overlay.NONE  # one class: any fit says only "always" or "never"
    if firth is not None and firth.finite:
        return firth.as_exact_fit(), Overlay.FIRTH
    if ml.separation != "none":
        penalised = fit_exact(X, y, feature_names=names, l2_C=1.0)
        if penalised.finite:
            return penalised, Overlay.L2
    return None, Overlay.NONE


def _separating(ml: ExactFit, firth: FirthFit | None) -> tuple[tuple[str, int], ...]:
    """Terms that run off to infinity, with their direction.

    Under separation maximum likelihood pushes the coefficients along the separating
    direction; Firth's finite estimates point the same way, so their signs name it.
    """
    if firth is None or not firth.finite:
        return ()
    out = []
    for c in firth.coefficients[1:]:
        if c.estimate != 0:
            out.append((c.name, 1 if c.estimate > 0 else -1))
    return tuple(out)
