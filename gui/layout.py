"""The window's default arrangement of its docks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow


def arrange_docks(w: QMainWindow, d: dict[str, QDockWidget]) -> None:
    """Data over training on the left; the plots, tabbed analyses and prediction on the right."""
    left = Qt.DockWidgetArea.LeftDockWidgetArea
    right = Qt.DockWidgetArea.RightDockWidgetArea
    for name in ("data", "training"):
        w.addDockWidget(left, d[name])
    for name in ("model", "loss", "prediction", "statistics", "evaluation"):
        w.addDockWidget(right, d[name])
    w.splitDockWidget(d["data"], d["training"], Qt.Orientation.Vertical)
    w.splitDockWidget(d["model"], d["loss"], Qt.Orientation.Vertical)
    w.splitDockWidget(d["loss"], d["prediction"], Qt.Orientation.Vertical)
    w.tabifyDockWidget(d["loss"], d["statistics"])
    w.tabifyDockWidget(d["statistics"], d["evaluation"])
    w.tabifyDockWidget(d["evaluation"], d["runs"])
    w.tabifyDockWidget(d["model"], d["landscape"])
    w.tabifyDockWidget(d["training"], d["step"])
    for dock in d.values():
        dock.show()
        dock.setFloating(False)
    d["loss"].raise_()
    d["model"].raise_()
    d["training"].raise_()
    w.resizeDocks([d["data"], d["model"]], [400, 880], Qt.Orientation.Horizontal)
    w.resizeDocks([d["model"], d["loss"], d["prediction"]], [420, 280, 90], Qt.Orientation.Vertical)
    w.resizeDocks([d["data"], d["training"]], [380, 420], Qt.Orientation.Vertical)
