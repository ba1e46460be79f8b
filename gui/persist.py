"""What the window remembers between sessions: geometry, dock layout, language, settings."""

from __future__ import annotations

from typing import Any

from gui.i18n import LANGUAGES
from gui.settings import Settings


def restore_window(w: Any, layout_version: int) -> None:
    """Put back what :func:`save_window` stored (a layout of another version is ignored)."""
    s = Settings()
    chosen = s.text("view/language", "")
    for a in w.language_menu.actions():
        a.setChecked(a.data() == (chosen if chosen in LANGUAGES else ""))
    geometry = s.blob("window/geometry")
    if geometry is not None:
        w.restoreGeometry(geometry)
    layout = s.blob("window/state")
    if layout is not None:
        w.restoreState(layout, layout_version)
    w.training_panel.restore(s)
    t = s.number("prediction/threshold", 0.5, 1e-300, 1 - 1e-16)
    if not 0 < t < 1:
        t = 0.5
    w.prediction_panel.set_threshold(t)
    w.state.set_threshold(t, user=False)


def save_window(w: Any, layout_version: int) -> None:
    """Store the window's geometry, layout and settings (on close)."""
    s = Settings()
    s.set("window/geometry", w.saveGeometry())
    s.set("window/state", w.saveState(layout_version))
    w.training_panel.save(s)
    s.set("prediction/threshold", w.prediction_panel.threshold_input.text())
    if w.is_ready():
        s.set("view/logScale", w.loss_panel.log_check.isChecked())
    s.sync()
