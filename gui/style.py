"""Semantic colours and widget states, in one place instead of inline style sheets.

The plot palette is Okabe–Ito's, distinguishable with the common colour-vision deficiencies.
A widget's state ("error", "warning" or none) is a dynamic property read by one application
style sheet, so it follows the palette and a state change is one call.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

ERROR = "#d62728"
WARNING = "#b26b00"
OK = "#2ca02c"

# Okabe & Ito (2008): blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442")

STYLE_SHEET = f"""
QLineEdit[state="error"] {{ border: 1px solid {ERROR}; }}
QLabel[state="error"] {{ color: {ERROR}; }}
QLabel[state="warning"] {{ color: {WARNING}; }}
"""


def colour(i: int) -> QColor:
    """The ``i``-th plot colour (cycling)."""
    return QColor(PALETTE[i % len(PALETTE)])


def install(app: QApplication) -> None:
    """Add the state rules to the application's style sheet (once)."""
    if STYLE_SHEET not in app.styleSheet():
        app.setStyleSheet(app.styleSheet() + STYLE_SHEET)


def set_state(widget: QWidget, state: str | None) -> None:
    """Mark ``widget`` as "error", "warning" or normal (None), restyling it at once."""
    value = state or ""
    if (widget.property("state") or "") == value:  # unset is normal: no restyle
        return
    widget.setProperty("state", value)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        install(app)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def state_of(widget: QWidget) -> str | None:
    """The state set by :func:`set_state` (None when normal)."""
    v = widget.property("state")
    return str(v) if v else None
