"""The two plots: the loss per epoch, and the fitted sigmoid over the data.

Both follow pyqtgraph's scrollingPlots example for long live curves: a growing numpy buffer,
``setClipToView(True)`` and peak downsampling, and at most one ``setData`` per refresh tick,
however many epochs arrived, so the window never spends the GIL repainting per epoch.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from core.exact import ExactFit
from core.model import LogisticModel, label_known
from core.session import RunHistory
from gui.format import short
from gui.i18n import translate_core
from gui.style import colour

REFRESH_MS = 150  # about seven repaints a second: live to the eye, cheap for the GIL
MAX_POINTS = 4000  # data points drawn on the curve plot (a sample of large data)


def theme(widget: pg.PlotWidget) -> tuple[QColor, QColor]:
    pal = widget.palette()
    bg = pal.color(QPalette.ColorRole.Base)
    fg = pal.color(QPalette.ColorRole.Text)
    widget.setBackground(bg)
    for side in ("left", "bottom"):
        axis = widget.getPlotItem().getAxis(side)
        axis.setPen(fg)
        axis.setTextPen(fg)
        axis.enableAutoSIPrefix(False)  # "loss (x0.001)" confuses more than it helps
    return bg, fg


def light_grid(item: pg.PlotItem, *, log_y: bool = False) -> None:
    """A faint grid at the labelled ticks only.

    pyqtgraph's default grid also draws every minor tick level, and the axes' cached pictures
    replaying it were most of a plot's paint: a 600 × 400 curve plot repainted in 30 ms with it,
    12 ms without (the same tick labels). A log axis keeps its minor level (2 … 9 × 10^k), which
    labels ranges narrower than a decade.
    """
    item.showGrid(x=True, y=True, alpha=0.2)
    item.getAxis("bottom").setStyle(maxTickLevel=0)
    item.getAxis("left").setStyle(maxTickLevel=1 if log_y else 0)


class LossPlot(pg.PlotWidget):
    """Loss per epoch; every epoch is kept, drawing is throttled and downsampled."""

    hovered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lossPlot")
        theme(self)
        item = self.getPlotItem()
        item.setLabel("bottom", self.tr("Epoch"))
        item.setLabel("left", self.tr("Loss (BCE)"))
        light_grid(item)
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        self.setMenuEnabled(True)
        fg = self.palette().color(QPalette.ColorRole.Text)
        item.addLegend(offset=(-8, 8), labelTextColor=fg)
        self._curve = item.plot(pen=pg.mkPen(colour(0), width=2), name=self.tr("training"))
        self._held = item.plot(pen=pg.mkPen(colour(1), width=2, style=Qt.PenStyle.DashLine))
        self._loss_legend = item.legend
        self._held_in_legend = False
        self._overlay_items: list[pg.PlotDataItem] = []
        self._legend: pg.LegendItem | None = None
        self._marker = pg.InfiniteLine(angle=90, pen=pg.mkPen(colour(3), width=1))
        self._marker.setVisible(False)
        item.addItem(self._marker, ignoreBounds=True)
        self._history = RunHistory(1)
        self._epochs = np.arange(1, 1025, dtype=np.float64)
        self._shown = 0
        self._log = False
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._on_refresh_timeout)
        self._timer.start()
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.setToolTip(
            self.tr("Loss after each epoch. Scroll to zoom, drag to pan, right-click to export.")
        )

    def set_history(self, history: RunHistory) -> None:
        """Draw this run's losses (read at each refresh tick, never copied)."""
        self._history = history
        self._shown = -1
        if not len(history):
            self._curve.setData([], [])
            self._held.setData([], [])
            self._shown = 0

    @property
    def _n(self) -> int:
        return len(self._history)

    def values(self) -> np.ndarray:
        """Every loss so far, one per epoch (a copy)."""
        return self._history.losses.copy()

    def shown_holdout(self) -> tuple[np.ndarray, np.ndarray]:
        """The held-out loss curve on screen now."""
        x, y = self._held.getOriginalDataset()
        if x is None or y is None:
            return np.empty(0), np.empty(0)
        return np.asarray(x), np.asarray(y)

    def shown(self) -> tuple[np.ndarray, np.ndarray]:
        """What is on screen now (x = epoch, y = loss), without drawing what is pending."""
        x, y = self._curve.getOriginalDataset()
        if x is None or y is None:
            return np.empty(0), np.empty(0)
        return np.asarray(x), np.asarray(y)

    def drawn(self) -> tuple[np.ndarray, np.ndarray]:
        """What the curve item holds (x = epoch, y = loss), after a refresh."""
        self.refresh()
        x, y = self._curve.getOriginalDataset()
        if x is None or y is None:
            return np.empty(0), np.empty(0)
        return np.asarray(x), np.asarray(y)

    def refresh(self) -> None:
        """Draw what arrived since the last tick (at most one ``setData``)."""
        n = self._n
        if n == self._shown:
            return
        if n > len(self._epochs):
            self._epochs = np.arange(1, max(2 * len(self._epochs), n) + 1, dtype=np.float64)
        self._curve.setData(self._epochs[:n], self._history.losses)
        self._describe()
        held = self._history.holdout_losses
        if held is not None:
            self._held.setData(self._epochs[:n], held)
        else:
            self._held.setData([], [])
        if (held is not None) != self._held_in_legend:
            if held is not None:
                self._loss_legend.addItem(self._held, self.tr("held out"))
            else:
                self._loss_legend.removeItem(self._held)
            self._held_in_legend = held is not None
        self._shown = n

    def _on_refresh_timeout(self) -> None:
        self.refresh()

    def set_overlays(self, overlays: list[tuple[str, np.ndarray, QColor, Qt.PenStyle]]) -> None:
        """Other runs' losses beside this run's: (label, losses, colour, line style) each."""
        item = self.getPlotItem()
        for c in self._overlay_items:
            item.removeItem(c)
        self._overlay_items = []
        if self._legend is None and overlays:
            self._legend = item.addLegend(
                offset=(-8, 8), labelTextColor=self.palette().color(QPalette.ColorRole.Text)
            )
        if self._legend is not None:
            self._legend.clear()
            if overlays:
                self._legend.addItem(self._curve, self.tr("this run"))
            self._legend.setVisible(bool(overlays))
        for label, losses, col, style in overlays:
            y = np.asarray(losses, dtype=np.float64)
            c = pg.PlotDataItem(
                np.arange(1, len(y) + 1, dtype=np.float64),
                y,
                pen=pg.mkPen(col, width=2, style=style),
            )
            item.addItem(c)
            self._overlay_items.append(c)
            if self._legend is not None:
                self._legend.addItem(c, label)

    def overlays(self) -> list[tuple[str, np.ndarray]]:
        """The overlaid runs' labels and loss curves, as drawn."""
        out = []
        labels = [lab.text for _, lab in self._legend.items] if self._legend else []
        for c, label in zip(self._overlay_items, labels[1:], strict=False):
            y = c.getOriginalDataset()[1]
            out.append((str(label), np.asarray(y if y is not None else [])))
        return out

    def set_marker(self, epoch: int | None) -> None:
        """A vertical line at ``epoch`` (the epoch being replayed), or none."""
        if epoch is None:
            self._marker.setVisible(False)
        else:
            self._marker.setPos(epoch)
            self._marker.setVisible(True)

    def marker(self) -> int | None:
        return round(self._marker.value()) if self._marker.isVisible() else None

    def text_alternative(self) -> str:
        """What the plot shows, in words (its accessible description)."""
        losses = self._history.losses
        if not len(losses):
            return str(self.tr("No training yet: the loss appears here, one point per epoch."))
        text = self.tr("Loss fell from {first} to {last} over {n} epochs.").format(
            first=f"{losses[0]:.4f}", last=f"{losses[-1]:.4f}", n=f"{len(losses):,}"
        )
        if losses[-1] > losses[0]:
            text = self.tr("Loss rose from {first} to {last} over {n} epochs.").format(
                first=f"{losses[0]:.4f}", last=f"{losses[-1]:.4f}", n=f"{len(losses):,}"
            )
        held = self._history.holdout_losses
        if held is not None and len(held):
            text += " " + self.tr("Held-out loss: {last}.").format(last=f"{held[-1]:.4f}")
        return str(text)

    def _describe(self) -> None:
        text = self.text_alternative()
        self.setAccessibleDescription(text)
        self.viewport().setAccessibleDescription(text)

    def set_log_scale(self, on: bool) -> None:
        self._log = on
        self.getPlotItem().setLogMode(y=on)
        light_grid(self.getPlotItem(), log_y=on)

    def _on_mouse_moved(self, pos: QPointF) -> None:
        if self._n == 0 or not self.sceneBoundingRect().contains(pos):
            return
        point = self.getPlotItem().vb.mapSceneToView(pos)
        epoch = round(point.x())
        if 1 <= epoch <= self._n:
            loss = self._history.losses[epoch - 1]
            self.hovered.emit(
                self.tr("Epoch {epoch}: loss {loss:.6f}").format(epoch=epoch, loss=loss)
            )

    def export(self, path: str) -> None:
        """Write the curve to PNG, SVG or CSV, chosen by the file's suffix."""
        suffix = Path(path).suffix.lower()
        self.refresh()
        if suffix == ".csv":
            with open(path, "w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh)
                w.writerow(["epoch", "loss"])
                w.writerows(zip(range(1, self._n + 1), self._history.losses.tolist(), strict=True))
            return
        if suffix == ".svg":
            # pyqtgraph 0.14's SVGExporter cannot parse the paths Qt 6.11 writes; Qt's own
            # SVG generator renders the widget as vectors instead.
            from PySide6.QtCore import QRect
            from PySide6.QtGui import QPainter
            from PySide6.QtSvg import QSvgGenerator

            gen = QSvgGenerator()
            gen.setFileName(path)
            gen.setSize(self.size())
            gen.setViewBox(QRect(0, 0, self.width(), self.height()))
            gen.setTitle(self.tr("Loss per epoch"))
            painter = QPainter(gen)
            try:
                self.render(painter)
            finally:
                painter.end()
        elif suffix == ".png":
            from pyqtgraph import exporters

            exporters.ImageExporter(self.getPlotItem()).export(path)
        else:
            raise ValueError(self.tr("Choose a .png, .svg or .csv file name."))


class CurvePlot(pg.PlotWidget):
    """The data at 0 and 1, the fitted sigmoid, the threshold and the decision boundary."""

    noteChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("curvePlot")
        _, fg = theme(self)
        item = self.getPlotItem()
        light_grid(item)
        item.setLabel("left", self.tr("Probability of passing"))
        item.setYRange(-0.05, 1.05, padding=0)
        item.addLegend(offset=(8, 8), labelTextColor=fg)
        self._points = pg.ScatterPlotItem(
            size=9, pen=pg.mkPen(None), brush=pg.mkBrush(colour(3)), name=self.tr("data")
        )
        item.addItem(self._points)
        self._fit = item.plot(pen=pg.mkPen(colour(0), width=3), name=self.tr("model"))
        self._exact = item.plot(
            pen=pg.mkPen(colour(2), width=2, style=Qt.PenStyle.DashLine),
            name=self.tr("exact fit"),
        )
        self._threshold = pg.InfiniteLine(
            pos=0.5, angle=0, pen=pg.mkPen(QColor(150, 150, 150), style=Qt.PenStyle.DotLine)
        )
        item.addItem(self._threshold)
        self._boundary = pg.InfiniteLine(
            angle=90,
            pen=pg.mkPen(colour(1), width=2),
            label="",
            labelOpts={"position": 0.85, "color": colour(1), "fill": (0, 0, 0, 0)},
        )
        self._boundary.label.setFont(QFont(self.font().family(), 10, QFont.Weight.Bold))
        self._boundary.setVisible(False)
        item.addItem(self._boundary)
        self._note_text = ""
        self._exact_skipped = ""
        self._x_range: tuple[float, float] | None = None
        self._x = np.zeros((0, 1))
        self._y = np.zeros(0)
        self._points_stale = True  # the scatter needs setting from _x and _y
        self._names: tuple[str, ...] = ("hours",)
        self._model: LogisticModel | None = None
        self._exact_fit: ExactFit | None = None
        self._threshold_value = 0.5
        self._boundary_value: float | None = None
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS // 2)  # out of step with the loss plot's tick
        self._timer.timeout.connect(self._on_redraw_timeout)
        self._pull_lines = item.plot(pen=pg.mkPen(colour(4), width=2), connect="pairs")
        self._pull_heads = pg.ScatterPlotItem(size=10, pen=pg.mkPen(None), brush=colour(4))
        item.addItem(self._pull_heads)

    # ---- inputs -------------------------------------------------------------------------
    def set_pulls(self, x: np.ndarray, start: np.ndarray, pulls: np.ndarray) -> None:
        """Arrows from (x, start) to (x, start + pulls): each row's pull on the curve (none if empty)."""
        x = np.asarray(x, dtype=np.float64).reshape(-1)
        start = np.asarray(start, dtype=np.float64).reshape(-1)
        end = start + np.asarray(pulls, dtype=np.float64).reshape(-1)
        if not len(x):
            self._pull_lines.setData([], [])
            self._pull_heads.setData([], [])
            return
        self._pull_lines.setData(np.repeat(x, 2), np.column_stack([start, end]).ravel())
        self._pull_heads.setData(
            x, end, symbol=["t1" if e >= s else "t" for s, e in zip(start, end, strict=True)]
        )

    def pulls(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The arrows drawn: x, start and end of each."""
        x, y = self._pull_lines.getData()
        if x is None or not len(x):
            return np.empty(0), np.empty(0), np.empty(0)
        return np.asarray(x)[::2], np.asarray(y)[::2], np.asarray(y)[1::2]

    def set_data(self, features: np.ndarray, labels: np.ndarray, names: tuple[str, ...]) -> None:
        """Show these rows (a fixed sample of at most MAX_POINTS when there are more)."""
        n = len(labels)
        x, y = features, labels
        if n > MAX_POINTS:
            # A fixed random sample, drawn before anything else touches all n rows:
            # integers() is O(MAX_POINTS) where choice() or a mask would cost O(n).
            # Sorted and de-duplicated by hand: np.unique's first call imports numpy.ma, 37 ms
            # in the GUI thread right as a big import lands.
            idx = np.sort(np.random.default_rng(0).integers(0, n, MAX_POINTS))
            idx = idx[np.r_[True, idx[1:] != idx[:-1]]]
            x, y = x[idx], y[idx]
        keep = label_known(y) & ~np.isnan(x).any(axis=1) if len(y) else np.zeros(0, bool)
        self._x, self._y, self._names = x[keep], y[keep].astype(np.float64), names
        self._points_stale = True
        self._schedule()

    def set_model(self, model: LogisticModel | None) -> None:
        self._model = model
        self._schedule()

    def set_exact(self, fit: ExactFit | None) -> None:
        self._exact_fit = fit
        self._exact_skipped = ""
        self._schedule()

    def set_exact_skipped(self, why: str) -> None:
        """No exact fit for this data; ``why`` is shown instead."""
        self._exact_fit = None
        self._exact_skipped = why
        self._schedule()

    def set_threshold(self, t: float) -> None:
        self._threshold_value = t
        self._threshold.setPos(t)
        self._schedule()

    def boundary(self) -> float | None:
        """The decision boundary drawn now (one feature), or None."""
        self.redraw()
        return self._boundary_value

    def boundary_label(self) -> str:
        self.redraw()
        return str(self._boundary.label.toPlainText()) if self._boundary.isVisible() else ""

    def note(self) -> str:
        self.redraw()
        return self._note_text

    def shown_model_curve(self) -> tuple[np.ndarray, np.ndarray]:
        """The model curve on screen now, without drawing what is pending."""
        x, y = self._fit.getData()
        return (np.asarray(x), np.asarray(y)) if x is not None else (np.empty(0), np.empty(0))

    def model_curve(self) -> tuple[np.ndarray, np.ndarray]:
        self.redraw()
        x, y = self._fit.getData()
        return (np.asarray(x), np.asarray(y)) if x is not None else (np.empty(0), np.empty(0))

    def exact_curve(self) -> tuple[np.ndarray, np.ndarray]:
        self.redraw()
        x, y = self._exact.getData()
        return (np.asarray(x), np.asarray(y)) if x is not None else (np.empty(0), np.empty(0))

    # ---- drawing ------------------------------------------------------------------------
    def _schedule(self) -> None:
        self._pending = True
        if not self._timer.isActive():
            self._timer.start()

    def _on_redraw_timeout(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        if not self._pending:
            return
        self._pending = False
        one = self._x.shape[1] == 1 if self._x.ndim == 2 else True
        if one:
            self._draw_one_feature()
        else:
            self._draw_score()
        text = self.text_alternative()
        self.setAccessibleDescription(text)
        self.viewport().setAccessibleDescription(text)

    def text_alternative(self) -> str:
        """What the plot shows, in words: the data, the boundary and the exact fit's note."""
        n = len(self._y)
        ones = int(np.sum(self._y == 1)) if n else 0
        parts = [self.tr("{n} data points, {k} of them 1.").format(n=f"{n:,}", k=f"{ones:,}")]
        model, b = self._model, self._boundary_value
        if model is None:
            parts.append(self.tr("No trained model yet."))
        elif b is not None and math.isfinite(b):
            parts.append(
                self.tr("Curve: {p}% at {value}.").format(
                    p=f"{self._threshold_value * 100:g}", value=short(b)
                )
            )
        if self._note_text:
            parts.append(self._note_text)
        return " ".join(parts)

    def _grid(self) -> np.ndarray:
        if len(self._x):
            lo, hi = float(self._x[:, 0].min()), float(self._x[:, 0].max())
        else:
            lo, hi = 0.0, 1.0
        span = hi - lo or max(abs(hi), 1.0)
        lo, hi = lo - 0.6 * span, hi + 0.6 * span
        b = self._boundary_value
        if b is not None and math.isfinite(b) and lo - 2 * span < b < hi + 2 * span:
            lo, hi = min(lo, b - 0.2 * span), max(hi, b + 0.2 * span)
        return np.linspace(lo, hi, 400)

    def _set_x_range(self, lo: float, hi: float) -> None:
        # Re-ranging relayouts the axes (a costly repaint): only when the range really moves.
        if self._x_range != (lo, hi):
            self._x_range = (lo, hi)
            self.getPlotItem().setXRange(lo, hi, padding=0.02)

    def _set_note(self, text: str) -> None:
        if text != self._note_text:
            self._note_text = text
            self.noteChanged.emit(text)

    def _draw_one_feature(self) -> None:
        item = self.getPlotItem()
        name = self._names[0] if self._names else "x"
        item.setLabel("bottom", self.tr("Hours studied") if name == "hours" else name)
        if self._points_stale:
            # Only new data move the points: a new model (each epoch) redraws the curve alone,
            # which is 1.5 ms instead of 16 ms for the 4,000-point scatter.
            self._points.setData(self._x[:, 0] if len(self._x) else [], self._y)
            self._points_stale = False
        model, t = self._model, self._threshold_value
        self._boundary_value = None
        if model is not None and model.n_features == 1:
            self._boundary_value = model.decision_boundary(t)
        grid = self._grid()
        if model is not None and model.n_features == 1 and model.finite:
            self._fit.setData(grid, model.probability_fast(grid.reshape(-1, 1)))
        else:
            self._fit.setData([], [])
        b = self._boundary_value
        if b is not None and math.isfinite(b):
            self._boundary.setPos(b)
            unit = self.tr("hours") if name == "hours" else name
            self._boundary.label.setFormat(
                self.tr("about {value} {unit} needed to pass").format(value=short(b), unit=unit)
            )
            self._boundary.setVisible(True)
        else:
            self._boundary.setVisible(False)
        self._draw_exact(grid)
        self._set_x_range(float(grid[0]), float(grid[-1]))

    def _draw_exact(self, grid: np.ndarray) -> None:
        fit = self._exact_fit
        note = ""
        if fit is None:
            self._exact.setData([], [])
            note = self._exact_skipped
        elif fit.finite and len(fit.weights) == self._x.shape[1]:
            if self._x.shape[1] == 1:
                self._exact.setData(grid, fit.probability(grid.reshape(-1, 1)))
            else:
                self._exact.setData([], [])
            kind = {
                "complete": self.tr("completely"),
                "quasi-complete": self.tr("quasi-completely"),
            }.get(fit.separation, fit.separation)
            if fit.l2_C is not None and fit.separation != "none":
                note = self.tr(
                    "The data are {kind} separable, so no finite exact fit exists: the "
                    "likelihood keeps rising as the curve gets steeper, which is why SGD never "
                    "settles. Dashed: the L2-penalised fit (C = {c:g})."
                ).format(kind=kind, c=fit.l2_C)
            elif fit.separation != "none":
                note = self.tr(
                    "The data are {kind} separable, so no finite exact fit exists: the "
                    "likelihood keeps rising as the curve gets steeper, which is why SGD never "
                    "settles. Dashed: Firth's penalised-likelihood fit, which always exists "
                    "(see Statistics)."
                ).format(kind=kind)
            elif fit.l2_C is not None:
                note = self.tr("Dashed: the L2-penalised exact fit (C = {c:g}).").format(c=fit.l2_C)
            else:
                note = self.tr("Dashed: the exact maximum-likelihood fit.")
        else:
            self._exact.setData([], [])
            note = self.tr("No exact fit: {why}").format(why=translate_core(fit.message))
        self._set_note(note)

    def _draw_score(self) -> None:
        item = self.getPlotItem()
        item.setLabel("bottom", self.tr("Score w·x + b"))
        model = self._model
        self._boundary_value = None
        if model is None or not model.finite or model.n_features != self._x.shape[1]:
            self._points.setData([], [])
            self._points_stale = True
            self._fit.setData([], [])
            self._boundary.setVisible(False)
            self._exact.setData([], [])
            self._set_note(self.tr("Train the model to see the data against its score."))
            return
        score = self._x @ np.asarray(model.weights) + model.bias
        self._points.setData(score, self._y)
        self._points_stale = True  # against the score, not the feature
        lo, hi = (float(score.min()), float(score.max())) if len(score) else (-6.0, 6.0)
        lo, hi = min(lo, -6.0), max(hi, 6.0)
        grid = np.linspace(lo, hi, 400)
        self._fit.setData(grid, 1.0 / (1.0 + np.exp(-grid)))
        t = self._threshold_value
        z = math.log(t / (1 - t))
        self._boundary.setPos(z)
        self._boundary.label.setFormat(self.tr("score {z} ⇒ p = {t:g}").format(z=short(z), t=t))
        self._boundary.setVisible(True)
        self._exact.setData([], [])
        self._set_note(
            self.tr("{d} features: probability against the model's score.").format(
                d=model.n_features
            )
        )
        self._set_x_range(lo, hi)


def scale_plot_fonts(root: QWidget, font: QFont) -> None:
    """Give every plot under ``root`` the interface's font: ticks, axis labels and legends."""
    for plot in root.findChildren(pg.PlotWidget):
        item = plot.getPlotItem()
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setStyle(tickFont=font)
            axis.label.setFont(font)
        legend = item.legend
        if legend is not None:
            for _, label in legend.items:
                label.setText(label.text, size=f"{font.pointSizeF():.1f}pt")


def retheme_plots(root: QWidget) -> None:
    """Give every plot under ``root`` the current palette's background and text colours."""
    app = QApplication.instance()
    for plot in root.findChildren(pg.PlotWidget):
        if isinstance(app, QApplication):
            plot.setPalette(app.palette())
        theme(plot)
