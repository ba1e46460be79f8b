"""What a prediction means, as data: the probability, the verdict and the decision boundary.

The window and the command line word it each their own way (the window through Qt's
translations), from the same numbers computed here once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from core.model import LogisticModel, logit

MAX_INPUT = 3.4e38  # float32's largest finite value: beyond it the model's arithmetic overflows


class Direction(StrEnum):
    """Which side of the boundary passes (one feature)."""

    ABOVE = "above"  # weight > 0: more hours pass
    BELOW = "below"  # weight < 0: fewer hours pass
    NONE = "none"  # weight == 0: the threshold is reached everywhere or nowhere


@dataclass(frozen=True)
class Verdict:
    """A model's answer for one input at a threshold.

    Attributes
    ----------
    probability
        P(label = 1 | x), in the model's own float32 arithmetic.
    passes
        ``probability > threshold``.
    threshold
        The threshold used.
    boundary
        One feature: the input at which the probability equals the threshold (None when the
        weight is 0). Several features: None.
    direction
        One feature: which side of ``boundary`` passes.
    score_boundary
        The score ``w·x + b`` at which the probability equals the threshold (``logit(t)``).
    """

    probability: float
    passes: bool
    threshold: float
    boundary: float | None
    direction: Direction
    score_boundary: float


def verdict(model: LogisticModel, x: Sequence[float], threshold: float) -> Verdict:
    """The model's answer for input ``x`` (one value per feature) at ``threshold``.

    Raises ``ValueError`` when ``x`` has the wrong length or a value that is not finite or
    beyond float32's range.
    """
    if len(x) != model.n_features:
        raise ValueError(f"{model.n_features} value(s) expected, got {len(x)}")
    for v in x:
        if not math.isfinite(v) or abs(v) > MAX_INPUT:
            raise ValueError("a value is too large")
    p = float(model.probability(np.asarray(x, dtype=np.float64))[0])
    direction = Direction.NONE
    boundary = None
    if model.n_features == 1:
        boundary = model.decision_boundary(threshold)
        w = model.weights[0]
        if boundary is not None:
            direction = Direction.ABOVE if w > 0 else Direction.BELOW
    return Verdict(p, p > threshold, threshold, boundary, direction, logit(threshold))
