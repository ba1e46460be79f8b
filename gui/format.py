"""Numbers and durations as the window shows them."""

from __future__ import annotations

import math


def duration(seconds: float) -> str:
    """``3.2 s``, ``4:05``, ``2 h 5 min``; ``—`` when unknown."""
    if not math.isfinite(seconds) or seconds < 0:
        return "—"
    if seconds < 10:
        return f"{seconds:.1f} s"
    if seconds < 3600:
        m, s = divmod(int(seconds), 60)
        return f"{m}:{s:02d}" if m else f"{s} s"
    h, rem = divmod(int(seconds), 3600)
    return f"{h} h {rem // 60} min"


def short(v: float) -> str:
    """A value for a label: 2.5, 2.43, 1.2e+06."""
    if v != 0 and (abs(v) >= 1e5 or abs(v) < 1e-3):
        return f"{v:.3g}"
    return f"{v:.2f}".rstrip("0").rstrip(".")


def count(n: int) -> str:
    """``1,000``: thousands separated."""
    return f"{n:,}"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; translate it later with ``translate``."""
    return text
