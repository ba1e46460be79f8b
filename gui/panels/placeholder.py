"""What a dock shows for the one frame before its panel is built (see ``MainWindow.complete``).

An empty area in the plots' background colour with the panel's size, so the window's first frame
has every dock where it will stay and the plots appear in place, without the layout moving.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

# (size hint, minimum size hint) of the panels that replace it, measured on the built panels
# at zoom 1.0: the dock layout of the first frame is then the final one (test_startup checks).
SIZES = {
    "model": ((618, 518), (86, 106)),
    "loss": ((618, 526), (407, 114)),
    "statistics": ((684, 476), (684, 232)),
    "evaluation": ((1224, 744), (184, 210)),
    "landscape": ((618, 546), (426, 134)),
    "step": ((386, 478), (317, 238)),
    "runs": ((274, 238), (184, 116)),
}


class PanelPlaceholder(QWidget):
    """A blank, plot-coloured stand-in for the panel that dock ``name`` will hold."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        hint, minimum = SIZES.get(name, ((480, 320), (100, 100)))
        self._hint, self._minimum = QSize(*hint), QSize(*minimum)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)

    def sizeHint(self) -> QSize:
        return self._hint

    def minimumSizeHint(self) -> QSize:
        return self._minimum
