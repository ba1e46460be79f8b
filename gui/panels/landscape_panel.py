"""The loss landscape: the mean BCE over two parameters, the optimizer's path drawn live on it.

The surface is computed by :func:`core.landscape.loss_slice` in a background task (debounced,
one at a time, stale results dropped by a generation counter) over a frame that holds the path,
the start and the optimum; it is computed again when the data or the slice change or the path
leaves the frame. The path is read from the run's history at most ten times a second and drawn
thinned to :data:`MAX_PATH_POINTS`. A click on the surface asks for those initial parameters.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.analysis import Analysis
from core.data import complete_rows
from core.landscape import LossGrid, SeparationDirection, descent_direction, grid_range, loss_slice
from core.model import LogisticModel
from core.session import RunHistory
from gui.style import colour
from gui.worker import FunctionWorker, Task, TaskState

REFRESH_MS = 100  # the path is redrawn at most ten times a second
DEBOUNCE_MS = 250  # the surface is recomputed this long after the last change
MAX_PATH_POINTS = 2000  # a long run's path is drawn thinned to this many points
MAX_ROWS = 20_000  # larger tables: the surface on a random sample (LossGrid.note says so)


@dataclass(frozen=True)
class Overlay:
    """Another run's path on the surface: label, ``(k, d + 1)`` parameters, colour, style."""

    label: str
    path: np.ndarray
    colour: QColor
    style: Qt.PenStyle


@dataclass(frozen=True)
class SurfaceResult:
    """What the background task returns."""

    generation: int
    grid: LossGrid
    direction: SeparationDirection | None


@dataclass(frozen=True, eq=False)
class SurfaceRequest:
    """What the background task computes: the data, the slice and its frame."""

    generation: int
    features: np.ndarray
    labels: np.ndarray
    theta: tuple[float, ...]  # the point the slice passes through (weights then bias)
    axes: tuple[int, int]
    frame: tuple[float, float, float, float]  # a_min, a_max, b_min, b_max
    resolution: int
    names: tuple[str, ...]
    want_direction: bool


def compute_surface(state: TaskState, req: SurfaceRequest) -> SurfaceResult:
    """The mean BCE over the request's frame, plus the descent direction when asked."""
    a = np.linspace(req.frame[0], req.frame[1], req.resolution)
    b = np.linspace(req.frame[2], req.frame[3], req.resolution)
    d = req.features.shape[1]
    grid = loss_slice(
        req.features,
        req.labels,
        req.theta[:d],
        req.theta[d],
        a_values=a,
        b_values=b,
        axes=req.axes,
        feature_names=req.names[:d] if d > 1 else None,
        max_rows=MAX_ROWS,
    )
    state.progress(0.9)
    direction = descent_direction(req.features, req.labels) if req.want_direction else None
    return SurfaceResult(req.generation, grid, direction)


def thin(path: np.ndarray, limit: int = MAX_PATH_POINTS) -> np.ndarray:
    """At most ``limit`` rows of ``path``, evenly spread, always the first and the last."""
    n = len(path)
    if n <= limit:
        return path
    idx = np.unique(np.linspace(0, n - 1, limit).round().astype(np.int64))
    return path[idx]


class LandscapeView(QWidget):
    """The landscape's widgets and what they show; :class:`LandscapePanel` adds the behaviour."""

    _closed = False

    def redraw(self) -> None:
        """Draw what is pending (the panel draws; the view only shows)."""

    def _on_axis_changed(self, index: int) -> None:
        """The user chose another parameter for an axis (the panel recomputes)."""

    def _build_plot(self) -> None:
        self.plot = pg.PlotWidget()
        self.plot.setObjectName("landscapePlot")
        self.plot.setAccessibleName(self.tr("Loss landscape"))
        self.plot.setToolTip(
            self.tr("The loss over two parameters. Click to start training from that point.")
        )
        pal = self.plot.palette()
        fg = pal.color(QPalette.ColorRole.Text)
        self.plot.setBackground(pal.color(QPalette.ColorRole.Base))
        item = self.plot.getPlotItem()
        for side in ("left", "bottom"):
            item.getAxis(side).setPen(fg)
            item.getAxis(side).setTextPen(fg)
            item.getAxis(side).enableAutoSIPrefix(False)
        item.setMenuEnabled(False)
        self._legend = item.addLegend(offset=(8, 8), labelTextColor=fg)
        self._image = pg.ImageItem(axisOrder="row-major")
        self._image.setColorMap(pg.colormap.get("viridis"))
        self._image.setZValue(-10)
        item.addItem(self._image)
        self._contours: list[pg.IsocurveItem] = []
        self._path = item.plot(pen=pg.mkPen(QColor("white"), width=2), name=self.tr("this run"))
        self._start = pg.ScatterPlotItem(
            size=9, pen=pg.mkPen("white"), brush=pg.mkBrush(0, 0, 0, 0)
        )
        self._current = pg.ScatterPlotItem(
            size=13, pen=pg.mkPen("white", width=2), brush=pg.mkBrush(colour(3))
        )
        self._optimum = pg.ScatterPlotItem(
            size=16, symbol="star", pen=pg.mkPen("black"), brush=pg.mkBrush(colour(6))
        )
        self._direction = item.plot(pen=pg.mkPen(colour(1), width=3, style=Qt.PenStyle.DashLine))
        self._arrow = pg.ArrowItem(angle=0, headLen=16, brush=colour(1), pen=pg.mkPen(colour(1)))
        self._arrow.setVisible(False)
        for it in (self._start, self._current, self._optimum, self._arrow):
            item.addItem(it)
        self._legend.addItem(self._start, self.tr("start"))
        self._legend.addItem(self._current, self.tr("now"))
        self._overlay_items: list[pg.PlotDataItem] = []

    def _build_controls(self) -> None:
        self.x_combo = QComboBox()
        self.x_combo.setObjectName("landscapeXInput")
        self.y_combo = QComboBox()
        self.y_combo.setObjectName("landscapeYInput")
        x_label = QLabel(self.tr("&Across:"))
        x_label.setBuddy(self.x_combo)
        y_label = QLabel(self.tr("&Up:"))
        y_label.setBuddy(self.y_combo)
        self.x_combo.setAccessibleName(self.tr("Parameter across"))
        self.y_combo.setAccessibleName(self.tr("Parameter up"))
        self.x_combo.setToolTip(self.tr("The parameter on the horizontal axis."))
        self.y_combo.setToolTip(
            self.tr("The parameter on the vertical axis; the others stay at their current values.")
        )
        self.x_combo.currentIndexChanged.connect(self._on_axis_changed)
        self.y_combo.currentIndexChanged.connect(self._on_axis_changed)
        self.readout = QLabel(self.tr("Hover over the surface to read the loss."))
        self.readout.setObjectName("landscapeReadout")
        self.note = QLabel()
        self.note.setObjectName("landscapeNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plot, 1)
        row = QHBoxLayout()
        row.addWidget(x_label)
        row.addWidget(self.x_combo)
        row.addWidget(y_label)
        row.addWidget(self.y_combo)
        row.addWidget(self.readout, 1)
        layout.addLayout(row)
        layout.addWidget(self.note)

    def path_shown(self) -> np.ndarray:
        """The path drawn now as (a, b) rows."""
        self.redraw()
        x, y = self._path.getData()
        if x is None:
            return np.empty((0, 2))
        return np.column_stack([x, y])

    def current_point(self) -> tuple[float, float] | None:
        self.redraw()
        pts = self._current.data
        if not len(pts):
            return None
        return float(pts[0]["x"]), float(pts[0]["y"])

    def optimum_point(self) -> tuple[float, float] | None:
        self.redraw()
        pts = self._optimum.data
        if not len(pts):
            return None
        return float(pts[0]["x"]), float(pts[0]["y"])

    def overlay_paths(self) -> list[np.ndarray]:
        out = []
        for c in self._overlay_items:
            x, y = c.getData()
            out.append(np.column_stack([x, y]) if x is not None else np.empty((0, 2)))
        return out

    def _view_point(self, scene_pos: QPointF) -> tuple[float, float] | None:
        vb = self.plot.getPlotItem().vb
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        p = vb.mapSceneToView(scene_pos)
        return float(p.x()), float(p.y())


class LandscapePanel(LandscapeView):
    """``landscapePlot`` with the slice's axes (``landscapeXInput``/``landscapeYInput``)."""

    initialParametersRequested = Signal(tuple, float)  # weights, bias
    surfaceReady = Signal()  # a new surface is drawn (tests wait on it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("landscapePanel")
        self._build_plot()
        self._build_controls()
        self._init_state()
        self._fill_axes()

    def _init_state(self) -> None:
        self._x = np.zeros((0, 1))
        self._y = np.zeros(0)
        self._names: tuple[str, ...] = ("hours",)
        self._history = RunHistory(1)
        self._model: LogisticModel | None = None
        self._viewed: np.ndarray | None = None
        self._analysis: Analysis | None = None
        self._overlays: list[Overlay] = []
        self._grid: LossGrid | None = None
        self._frame: tuple[float, float, float, float] | None = None
        self._direction_data: SeparationDirection | None = None
        self._generation = 0
        self._task: Task | None = None
        self._again = False
        self._shown = -1
        self._note_extra = ""
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self._refresh = QTimer(self)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._on_refresh_timeout)
        self._refresh.start()
        self.plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)

    # ---- inputs from the session ------------------------------------------------------------
    def set_data(self, features: np.ndarray, labels: np.ndarray, names: tuple[str, ...]) -> None:
        """New data: a new surface (rows with a missing value are left out, as training does)."""
        x, y = complete_rows(features, labels)  # the table's own arrays when nothing is missing
        d_old = self._x.shape[1]
        self._x, self._y, self._names = x, y, tuple(names)
        if self._x.shape[1] != d_old or self.x_combo.count() != self._x.shape[1] + 1:
            self._fill_axes()
        else:
            self._rename_axes()
        self._generation += 1
        self._grid = None
        self._frame = None
        self._direction_data = None
        self.schedule()

    def set_history(self, history: RunHistory) -> None:
        """The run whose path is drawn (read at each refresh tick)."""
        self._history = history
        self._viewed = None
        self._shown = -1
        if history.n_features != self._x.shape[1]:
            return
        self._frame = None  # a new run gets a frame of its own
        self.schedule()

    def set_model(self, model: LogisticModel | None) -> None:
        self._model = model
        self._shown = -1

    def set_analysis(self, analysis: Analysis | None) -> None:
        self._analysis = analysis
        self._shown = -1
        self._direction_data = None  # computed with the next surface when separable
        self._frame = None  # a frame that holds the optimum too
        self.schedule()

    def set_viewed(self, params: np.ndarray | None) -> None:
        """Mark these parameters as "now" (replaying an epoch), or the model's when None."""
        self._viewed = None if params is None else np.asarray(params, np.float64)
        self._shown = -1
        self.redraw()

    def set_overlays(self, overlays: list[Overlay]) -> None:
        """Other runs' paths, each in its own colour and line style."""
        self._overlays = list(overlays)
        self._shown = -1
        self.redraw()

    # ---- what is shown (the automation interface) -------------------------------------------
    def grid(self) -> LossGrid | None:
        """The surface drawn now."""
        return self._grid

    def axes(self) -> tuple[int, int]:
        return int(self.x_combo.currentData()), int(self.y_combo.currentData())

    def busy(self) -> bool:
        return self._task is not None or self._debounce.isActive()

    def view_to_widget(self, a: float, b: float) -> QPointF:
        """Where the point (a, b) is in the plot's viewport, for clicks."""
        scene = self.plot.getPlotItem().vb.mapViewToScene(QPointF(a, b))
        return QPointF(self.plot.mapFromScene(scene))

    # ---- computing the surface ----------------------------------------------------------------
    def schedule(self) -> None:
        self._debounce.start()

    @Slot()
    def _on_debounce_timeout(self) -> None:
        if self._closed:  # the window closed: start nothing new
            return
        if self._task is not None:
            self._again = True
            return
        n = self._x.shape[0]
        if n == 0:
            self._set_note(self.tr("No rows to draw the loss for."))
            return
        axes = self.axes()
        frame = self._frame or self._frame_for(axes)
        self._frame = frame
        theta = self._fixed_theta()
        request = SurfaceRequest(
            self._generation,
            self._x,  # the table's read-only arrays: a change bumps the generation (result dropped)
            self._y,
            tuple(float(v) for v in theta),
            axes,
            frame,
            120 if n <= 20_000 else 70,
            self._names,
            self._direction_data is None and self._separable(),
        )
        worker = FunctionWorker(compute_surface, request)
        worker.returned.connect(self._on_worker_returned)
        worker.errored.connect(self._on_worker_errored)
        self._task = Task(worker, "landscape", self)
        self._task.done.connect(self._on_task_done)

    @Slot(object)
    def _on_worker_returned(self, result: SurfaceResult) -> None:
        if result.generation != self._generation or result.grid.axes != self.axes():
            self._again = True
            return
        self._grid = result.grid
        if result.direction is not None:
            self._direction_data = result.direction
        self._draw_surface()
        self._shown = -1
        self.redraw()
        self.surfaceReady.emit()

    @Slot(object)
    def _on_worker_errored(self, exc: Exception) -> None:
        self._set_note(self.tr("The loss surface could not be computed: {why}").format(why=exc))

    @Slot(str)
    def _on_task_done(self, outcome: str) -> None:
        if self._task is not None:
            self._task.deleteLater()
        self._task = None
        if self._again:
            self._again = False
            self._debounce.start()

    def stop_and_wait(self) -> None:
        """Closing: no surface task is left running, and none starts afterwards."""
        self._closed = True
        self._debounce.stop()
        self._refresh.stop()
        self._again = False
        if self._task is not None:
            self._task.cancel_and_wait()

    def _separable(self) -> bool:
        a = self._analysis
        return a is not None and a.ml.separation != "none"

    def _optimum_theta(self) -> tuple[np.ndarray | None, str]:
        """The exact optimum (or Firth's, for separable data) and which it is."""
        a = self._analysis
        d = self._x.shape[1]
        if a is None:
            return None, ""
        if a.ml.finite and len(a.ml.weights) == d:
            return np.append(a.ml.weights, a.ml.bias), "ml"
        if a.firth is not None and a.firth.finite and len(a.firth.weights) == d:
            return np.append(a.firth.weights, a.firth.bias), "firth"
        return None, ""

    def _current_theta(self) -> np.ndarray | None:
        if self._viewed is not None:
            return self._viewed
        if self._model is not None and self._model.n_features == self._x.shape[1]:
            return np.asarray([*self._model.weights, self._model.bias], np.float64)
        n = len(self._history)
        if n and self._history.n_features == self._x.shape[1]:
            return np.asarray(self._history.params[n - 1], np.float64)
        return None

    def _fixed_theta(self) -> np.ndarray:
        theta = self._current_theta()
        if theta is None or not np.isfinite(theta).all():
            opt, _ = self._optimum_theta()
            theta = opt if opt is not None else np.zeros(self._x.shape[1] + 1)
        return theta

    def _run_points(self) -> np.ndarray:
        """Every recorded parameter vector of the run, the start first (finite rows only)."""
        h = self._history
        if h.n_features != self._x.shape[1]:
            return np.empty((0, self._x.shape[1] + 1))
        pts = np.vstack([h.initial.reshape(1, -1), h.params]).astype(np.float64)
        return pts[np.isfinite(pts).all(axis=1)]

    def _frame_for(self, axes: tuple[int, int]) -> tuple[float, float, float, float]:
        i, j = axes
        pts = [self._run_points()]
        cur = self._current_theta()
        if cur is not None:
            pts.append(cur.reshape(1, -1))
        opt, _ = self._optimum_theta()
        if opt is not None:
            pts.append(opt.reshape(1, -1))
        for o in self._overlays:
            if o.path.shape[1] == self._x.shape[1] + 1:
                pts.append(np.asarray(o.path, np.float64))
        allp = np.vstack(pts)
        allp = allp[np.isfinite(allp).all(axis=1)]
        if not len(allp):
            allp = np.zeros((1, self._x.shape[1] + 1))
        r = grid_range(allp[:, [i, j]], margin=0.3, min_span=2.0)
        return (r.a_min, r.a_max, r.b_min, r.b_max)

    def _draw_surface(self) -> None:
        g = self._grid
        if g is None:
            return
        a, b = g.a_values, g.b_values
        da = (a[-1] - a[0]) / max(len(a) - 1, 1)
        db = (b[-1] - b[0]) / max(len(b) - 1, 1)
        # Colour by log loss: the interesting structure near the bottom stays visible.
        shown = np.log(np.maximum(g.loss, 1e-12))
        self._image.setImage(shown, autoLevels=True)
        self._image.setRect(
            QRectF(a[0] - da / 2, b[0] - db / 2, a[-1] - a[0] + da, b[-1] - b[0] + db)
        )
        item = self.plot.getPlotItem()
        for c in self._contours:
            c.setParentItem(None)
            if c.scene() is not None:
                c.scene().removeItem(c)
        self._contours = []
        lo, hi = float(shown.min()), float(shown.max())
        if hi > lo:
            for level in np.linspace(lo, hi, 9)[1:-1]:
                iso = pg.IsocurveItem(
                    data=shown.T, level=float(level), pen=pg.mkPen(255, 255, 255, 70)
                )
                iso.setParentItem(self._image)
                # The image item maps (col, row) to the rect: the isocurve follows its transform.
                self._contours.append(iso)
        item.setLabel("bottom", g.axis_names[0])
        item.setLabel("left", g.axis_names[1])
        item.setXRange(a[0], a[-1], padding=0)
        item.setYRange(b[0], b[-1], padding=0)
        self._update_note()

    # ---- drawing the path ---------------------------------------------------------------------
    @Slot()
    def _on_refresh_timeout(self) -> None:
        if len(self._history) != self._shown:
            self.redraw()

    def redraw(self) -> None:
        """Draw the path, the current point, the optimum and the overlays now."""
        n = len(self._history)
        self._shown = n
        d = self._x.shape[1]
        i, j = self.axes()
        pts = self._run_points()
        if len(pts) > 1:
            p = thin(pts)
            self._path.setData(p[:, i], p[:, j])
        else:
            self._path.setData([], [])
        if self._history.n_features == d and np.isfinite(self._history.initial).all():
            s = self._history.initial.astype(np.float64)
            self._start.setData([s[i]], [s[j]])
        else:
            self._start.setData([], [])
        cur = self._current_theta()
        if cur is not None and np.isfinite(cur).all() and len(cur) == d + 1:
            self._current.setData([cur[i]], [cur[j]])
            self._leaves_frame(cur[[i, j]])
        else:
            self._current.setData([], [])
        opt, _ = self._optimum_theta()
        if opt is not None:
            self._optimum.setData([opt[i]], [opt[j]])
        else:
            self._optimum.setData([], [])
        self._draw_direction(opt)
        self._draw_overlays()

    def _leaves_frame(self, point: np.ndarray) -> None:
        f = self._frame
        if f is None or self._task is not None or self._debounce.isActive():
            return
        if not (f[0] <= point[0] <= f[1] and f[2] <= point[1] <= f[3]):
            self._frame = None  # a new frame around the whole path
            self.schedule()

    def _draw_direction(self, start: np.ndarray | None) -> None:
        dd = self._direction_data
        i, j = self.axes()
        if dd is None or not self._separable() or self._frame is None:
            self._direction.setData([], [])
            self._arrow.setVisible(False)
            return
        vec = np.asarray([*dd.weights, dd.bias], np.float64)
        da, db = vec[i], vec[j]
        if math.hypot(da, db) < 1e-12:
            self._direction.setData([], [])
            self._arrow.setVisible(False)
            return
        origin = start if start is not None else self._fixed_theta()
        x0, y0 = float(origin[i]), float(origin[j])
        f = self._frame
        length = 0.35 * min(f[1] - f[0], f[3] - f[2]) / math.hypot(da, db)
        x1, y1 = x0 + length * da, y0 + length * db
        self._direction.setData([x0, x1], [y0, y1])
        # ArrowItem's angle 0 points left; the head sits at (x1, y1) pointing along the line.
        vb = self.plot.getPlotItem().vb
        p0, p1 = vb.mapViewToScene(QPointF(x0, y0)), vb.mapViewToScene(QPointF(x1, y1))
        angle = math.degrees(math.atan2(p1.y() - p0.y(), p1.x() - p0.x()))
        self._arrow.setStyle(angle=180 + angle)
        self._arrow.setPos(x1, y1)
        self._arrow.setVisible(True)

    def _draw_overlays(self) -> None:
        item = self.plot.getPlotItem()
        for c in self._overlay_items:
            item.removeItem(c)
            self._legend.removeItem(c)
        self._overlay_items = []
        i, j = self.axes()
        d = self._x.shape[1]
        for o in self._overlays:
            path = np.asarray(o.path, np.float64)
            if path.ndim != 2 or path.shape[1] != d + 1:
                continue
            path = thin(path[np.isfinite(path).all(axis=1)])
            c = pg.PlotDataItem(
                path[:, i], path[:, j], pen=pg.mkPen(o.colour, width=2, style=o.style)
            )
            item.addItem(c)
            self._legend.addItem(c, o.label)
            self._overlay_items.append(c)

    # ---- notes, axes, mouse ---------------------------------------------------------------------
    def _update_note(self) -> None:
        parts = []
        _, kind = self._optimum_theta()
        if kind == "ml":
            parts.append(self.tr("★ the exact optimum (maximum likelihood)."))
        elif kind == "firth":
            parts.append(
                self.tr(
                    "The data are separable: no finite optimum exists and the loss keeps falling "
                    "along the dashed arrow. ★ Firth's penalised optimum."
                )
            )
        elif self._separable():
            parts.append(
                self.tr(
                    "The data are separable: no finite optimum exists and the loss keeps falling "
                    "along the dashed arrow."
                )
            )
        g = self._grid
        if g is not None and g.note:
            parts.append(g.note)
        d = self._x.shape[1]
        if g is not None and d > 1:
            held = [k for k in range(d + 1) if k not in g.axes]
            names = [self.x_combo.itemText(k) for k in held]
            parts.append(
                self.tr("Other parameters held at: {values}.").format(
                    values=", ".join(
                        f"{nm} = {g.fixed[k]:.4g}" for nm, k in zip(names, held, strict=True)
                    )
                )
            )
        self._set_note(" ".join(parts))

    def _set_note(self, text: str) -> None:
        self.note.setText(text)

    def _param_names(self) -> list[str]:
        d = self._x.shape[1]
        if d == 1:
            return ["w", "b"]
        return [f"w[{n}]" for n in self._names[:d]] + ["b"]

    def _fill_axes(self) -> None:
        names = self._param_names()
        d = len(names) - 1
        for combo, default in ((self.x_combo, 0), (self.y_combo, d)):
            combo.blockSignals(True)
            combo.clear()
            for k, name in enumerate(names):
                combo.addItem(name, k)
            combo.setCurrentIndex(default)
            combo.blockSignals(False)
        enabled = d > 1
        self.x_combo.setEnabled(enabled)
        self.y_combo.setEnabled(enabled)

    def _rename_axes(self) -> None:
        for combo in (self.x_combo, self.y_combo):
            for k, name in enumerate(self._param_names()):
                combo.setItemText(k, name)

    @Slot(int)
    def _on_axis_changed(self, index: int) -> None:
        if self.x_combo.currentIndex() == self.y_combo.currentIndex():
            other = self.y_combo if self.sender() is self.x_combo else self.x_combo
            other.blockSignals(True)
            other.setCurrentIndex((index + 1) % other.count())
            other.blockSignals(False)
        self._frame = None
        self._grid = None
        self._shown = -1
        self.schedule()

    @Slot(object)
    def _on_mouse_moved(self, pos: QPointF) -> None:
        g = self._grid
        point = self._view_point(pos)
        if g is None or point is None:
            return
        ia = int(np.abs(g.a_values - point[0]).argmin())
        ib = int(np.abs(g.b_values - point[1]).argmin())
        self.readout.setText(
            self.tr("{a} = {av:.6g}, {b} = {bv:.6g}: loss {loss:.6f}").format(
                a=g.axis_names[0],
                av=g.a_values[ia],
                b=g.axis_names[1],
                bv=g.b_values[ib],
                loss=g.loss[ib, ia],
            )
        )

    @Slot(object)
    def _on_mouse_clicked(self, event: object) -> None:
        if event.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        point = self._view_point(event.scenePos())  # type: ignore[attr-defined]
        if point is None or self._x.shape[0] == 0:
            return
        theta = self._fixed_theta().copy()
        i, j = self.axes()
        theta[i], theta[j] = point
        d = self._x.shape[1]
        weights = tuple(float(f"{v:.4g}") for v in theta[:d])
        self.initialParametersRequested.emit(weights, float(f"{theta[d]:.4g}"))
