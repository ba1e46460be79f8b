"""Which exact fit the window draws beside the trained model."""

from __future__ import annotations

import numpy as np

from core.exact import ExactFit, fit_exact


def fit_for_display(
    features: np.ndarray, labels: np.ndarray, names: tuple[str, ...]
) -> ExactFit | None:
    """The maximum-likelihood fit, or the L2 one (C = 1) when the data are separable.

    None when there is nothing to fit (no rows) or the data defeat the fit.
    """
    if len(labels) == 0:
        return None
    try:
        # Extreme values (1e300) overflow inside the penalised fit; that fit is then simply
        # not finite and is not drawn, which needs no warning on the console.
        with np.errstate(all="ignore"):
            fit = fit_exact(features, labels, feature_names=names)
            if not fit.finite and fit.separation != "none":
                penalised = fit_exact(features, labels, feature_names=names, l2_C=1.0)
                return penalised if penalised.finite else fit
        return fit
    except (ValueError, FloatingPointError, np.linalg.LinAlgError):
        return None
