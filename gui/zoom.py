"""View → Zoom: scale the interface's and the plots' fonts (a teacher's projector)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

STEPS = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)


class Zoom:
    """The zoom factor of one window, applied to the application font and every plot."""

    def __init__(self, root: QWidget) -> None:
        self._root = root
        self.factor = 1.0
        self._base: float | None = None

    def set(self, factor: float) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        if self._base is None:
            self._base = app.font().pointSizeF()
        self.factor = factor
        font = QFont(app.font())
        font.setPointSizeF(self._base * factor)
        app.setFont(font)
        for w in self._root.findChildren(QWidget):
            w.setFont(font)
        if "gui.plots" in sys.modules:  # no plot exists before pyqtgraph is imported
            from gui.plots import scale_plot_fonts

            scale_plot_fonts(self._root, font)

    def step(self, direction: int) -> None:
        """One step in (+1) or out (−1)."""
        i = min(range(len(STEPS)), key=lambda k: abs(STEPS[k] - self.factor))
        self.set(STEPS[max(0, min(len(STEPS) - 1, i + direction))])
