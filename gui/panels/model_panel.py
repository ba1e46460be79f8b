"""The model panel: the fitted curve over the data, the decision boundary, the exact-fit note."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.exact import ExactFit
from core.model import LogisticModel
from gui.plots import CurvePlot


class ModelPanel(QWidget):
    """``curvePlot`` and ``curveNote``; fed by the session, asks nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelPanel")
        self.plot = CurvePlot()
        self.plot.setAccessibleName(self.tr("Fitted curve"))
        self.note = QLabel()
        self.note.setObjectName("curveNote")
        self.note.setWordWrap(True)
        self.plot.noteChanged.connect(self.note.setText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.note)

    def set_data(self, features: np.ndarray, labels: np.ndarray, names: tuple[str, ...]) -> None:
        self.plot.set_data(features, labels, names)

    def set_model(self, model: LogisticModel | None) -> None:
        self.plot.set_model(model)

    def set_exact(self, fit: ExactFit | None, skipped: str = "") -> None:
        if skipped:
            self.plot.set_exact_skipped(skipped)
        else:
            self.plot.set_exact(fit)

    def show_fit_progress(self, fraction: float) -> None:
        """The exact fit of a large table is on its way."""
        if fraction < 1.0:
            self.note.setText(
                self.tr("Computing the exact fit… {pct}%").format(pct=f"{fraction * 100:.0f}")
            )

    def set_threshold(self, t: float) -> None:
        self.plot.set_threshold(t)

    def flush(self) -> None:
        """Draw now what is pending (the run's final model before ``trainingFinished``)."""
        self.plot.redraw()
