"""The loss panel: the loss per epoch, its scale, a hover readout and export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.session import RunHistory
from gui.plots import LossPlot
from gui.settings import Settings


class LossPanel(QWidget):
    """``lossPlot`` with ``logScaleInput``, ``lossReadout`` and ``exportLossButton``."""

    errorRaised = Signal(str, str)  # title, message
    logScaleToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lossPanel")
        self.plot = LossPlot()
        self.plot.setAccessibleName(self.tr("Loss per epoch"))
        self.log_check = QCheckBox(self.tr("Log scale"))
        self.log_check.setObjectName("logScaleInput")
        self.log_check.setToolTip(self.tr("Show the loss on a logarithmic axis."))
        self.log_check.toggled.connect(self.plot.set_log_scale)
        self.log_check.toggled.connect(self.logScaleToggled)
        self.readout = QLabel(self.tr("Hover over the curve to read a loss."))
        self.readout.setObjectName("lossReadout")
        self.plot.hovered.connect(self.readout.setText)
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.setObjectName("exportLossButton")
        self.export_button.setToolTip(self.tr("Save the loss curve as PNG, SVG or CSV."))
        self.export_button.clicked.connect(self.export_interactively)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plot, 1)
        row = QHBoxLayout()
        row.addWidget(self.readout, 1)
        row.addWidget(self.log_check)
        row.addWidget(self.export_button)
        layout.addLayout(row)

    def set_history(self, history: RunHistory) -> None:
        self.plot.set_history(history)

    def set_log_scale(self, on: bool) -> None:
        self.log_check.setChecked(on)

    def flush(self) -> None:
        self.plot.refresh()

    @Slot()
    def export_interactively(self) -> None:
        settings = Settings()
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export loss curve"),
            str(Path(settings.last_directory()) / "loss.png"),
            self.tr("PNG image (*.png);;SVG image (*.svg);;CSV table (*.csv)"),
        )
        if not path:
            return
        try:
            self.plot.export(path)
        except (OSError, ValueError) as exc:
            self.errorRaised.emit(self.tr("Cannot export the loss curve"), str(exc))
