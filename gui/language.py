"""Switching the language of the running window: Qt's translators, fixed texts, state texts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui.i18n import install_language
from gui.retranslate import retranslate


def switch_language(w: Any, lang: str) -> str:
    """Put the main window ``w`` into ``lang`` at once; return the language in effect."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return "en"
    effective = install_language(app, lang)
    retranslate(w, effective)
    for a in w.language_menu.actions():
        a.setChecked(a.data() == lang)
    refresh_texts(w)
    return effective


def refresh_texts(w: Any) -> None:
    """Compute again every text that comes from the state (after a language switch)."""
    table = w.table_model
    table.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, table.columnCount() - 1)
    w._on_data_changed()
    w.training_panel.refresh()
    w.prediction_panel.flush()
    if w.is_ready():
        w.model_panel.plot.set_threshold(w.state.threshold)  # redraw: note and labels
        w.model_panel.flush()
        w.statistics_panel.show_analysis(w.state.analysis)
        if w.state.model is not None:
            w.evaluation_panel.flush()
    w._update_title()
