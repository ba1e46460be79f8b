"""The main window: composes the panels, the session, the controllers and the menus.

Each panel is a dock the user can move, float, hide and show (View menu), and the layout is
remembered. Panels never touch each other's widgets: they observe :class:`SessionState` and
ask through signals; this class wires the two. Object names on the widgets are the app's
automation interface (see README, "Design").
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from core.memory import release_freed_memory_promptly
from core.model import LogisticModel
from core.session import Outcome, RunHistory
from core.split import holdout_split
from core.training import ConfigError, TrainingConfig
from gui import dialogs, style
from gui.a11y import name_inner_widgets
from gui.controllers.documents import DocumentController
from gui.controllers.exact_fit import ExactFitController
from gui.controllers.training import TrainingController
from gui.format import QT_TRANSLATE_NOOP, duration
from gui.i18n import translate_core
from gui.language import switch_language
from gui.layout import arrange_docks
from gui.menus import build_menus, wire_panel_menus
from gui.panels.data_panel import DataPanel
from gui.panels.placeholder import PanelPlaceholder
from gui.panels.prediction_panel import PredictionPanel
from gui.panels.training_panel import TrainingPanel
from gui.persist import restore_window, save_window
from gui.session import SessionState
from gui.settings import Settings
from gui.settle import GarbageSettler
from gui.table_model import TableData
from gui.wiring import build_panels, connect_first_frame, connect_panels
from gui.zoom import Zoom

if TYPE_CHECKING:
    from core.exact import ExactFit
    from core.files import Project
    from gui.panels.evaluation_panel import EvaluationPanel
    from gui.panels.landscape_panel import LandscapePanel
    from gui.panels.loss_panel import LossPanel
    from gui.panels.model_panel import ModelPanel
    from gui.panels.runs_panel import RunsPanel
    from gui.panels.statistics_panel import StatisticsPanel
    from gui.panels.step_panel import StepPanel
    from gui.teaching import TeachingController

APP_TITLE = "Logistic Regression Studio"
LAYOUT_VERSION = 4  # bump when the docks change, so an old saved layout is not applied


class MainWindow(QMainWindow):
    """Logistic Regression Studio's one window.

    Built in two steps so that it appears at once: the constructor makes the window a user
    sees first (the data, the training settings, the prediction, every dock, menu and title),
    and :meth:`complete` adds the panels that need pyqtgraph and the statistics modules in place
    of same-sized placeholders, right after the first frame is painted (``deferred=True``, as
    the app starts) or before the constructor returns (the default). :attr:`panelsReady` is
    emitted, and :meth:`is_ready` turns true, when every panel is in place.
    """

    trainingFinished = Signal(str)  # Outcome, once every panel shows the final model
    importFinished = Signal(str)  # Outcome
    firstFrameShown = Signal()  # (deferred) the first frame is painted; the panels come next
    panelsReady = Signal()

    # The docks (object name, title); data, training and prediction are built with the window.
    DOCKS = (
        ("data", QT_TRANSLATE_NOOP("MainWindow", "Data")),
        ("training", QT_TRANSLATE_NOOP("MainWindow", "Training")),
        ("model", QT_TRANSLATE_NOOP("MainWindow", "The model: probability of passing")),
        ("loss", QT_TRANSLATE_NOOP("MainWindow", "Loss per epoch")),
        ("prediction", QT_TRANSLATE_NOOP("MainWindow", "Will this pass?")),
        ("statistics", QT_TRANSLATE_NOOP("MainWindow", "Statistics")),
        ("evaluation", QT_TRANSLATE_NOOP("MainWindow", "Evaluation")),
        ("landscape", QT_TRANSLATE_NOOP("MainWindow", "Loss landscape")),
        ("step", QT_TRANSLATE_NOOP("MainWindow", "One step")),
        ("runs", QT_TRANSLATE_NOOP("MainWindow", "Runs side by side")),
    )

    model_panel: ModelPanel
    loss_panel: LossPanel
    statistics_panel: StatisticsPanel
    evaluation_panel: EvaluationPanel
    landscape_panel: LandscapePanel
    step_panel: StepPanel
    runs_panel: RunsPanel
    teaching: TeachingController

    def __init__(self, parent: QWidget | None = None, *, deferred: bool = False) -> None:
        super().__init__(parent)
        # The window's thread shares the GIL with its background work (import, exact fit,
        # landscape, evaluation); every Qt call hands the GIL over, and getting it back waits up
        # to a switch interval. 1 ms instead of Python's 5 ms: with 10,000,000 rows the longest
        # stall while training fell from 1.16 s to 0.25 s (tests/benchmarks, notes in README).
        sys.setswitchinterval(0.001)
        release_freed_memory_promptly()  # large freed blocks go back at once (core/memory.py)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            style.install(app)  # before the widgets exist: no restyle of them all later
        self.setObjectName("mainWindow")
        self.resize(1280, 800)
        self.setMinimumSize(800, 560)
        self.setDockNestingEnabled(True)
        self._ready = False
        self.state = SessionState(self)
        self.table_model = self.state.table
        self.undo_stack = self.state.undo_stack
        from core.data import example_dataset

        self.table_model.load_without_undo(TableData.from_dataset(example_dataset()))

        self.data_panel = DataPanel(self.table_model)
        self.training_panel = TrainingPanel()
        self.prediction_panel = PredictionPanel()
        self.training = TrainingController(self.state, self)
        self.exact = ExactFitController(self.state, self)
        self.documents = DocumentController(self.state, self, self._project, self)
        self._reset_after_stop = False
        self.zooming = Zoom(self)
        self.language_menu = QMenu(self)
        self.panels_menu = QMenu(self)
        self.view_menu = QMenu(self)

        first: dict[str, QWidget] = {
            "data": self.data_panel,
            "training": self.training_panel,
            "prediction": self.prediction_panel,
        }
        self.docks: dict[str, QDockWidget] = {}
        for name, title in self.DOCKS:
            self.add_panel(name, self.tr(title), first.get(name) or PanelPlaceholder(name))
        arrange_docks(self, self.docks)
        self._default_layout = self.saveState(LAYOUT_VERSION)
        build_menus(self)
        self._connect()

        self.restore_settings()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)
        self._on_data_changed()
        self.prediction_panel.flush()  # its hint is in the first frame too
        self.state.mark_saved()
        self._update_title()
        self.statusBar().showMessage(self.tr("Ready. Press Train to fit the model."), 5000)
        if deferred:
            self.installEventFilter(self)
        else:
            self.complete()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint:
            # The first frame is being painted: build the rest right after it, once.
            self.removeEventFilter(self)
            QTimer.singleShot(0, self._after_first_frame)
        return super().eventFilter(watched, event)

    @Slot()
    def _after_first_frame(self) -> None:
        self.firstFrameShown.emit()
        self.complete()

    def is_ready(self) -> bool:
        """Whether every panel is in place (see :meth:`complete`)."""
        return self._ready

    @Slot()
    def complete(self) -> None:
        """Put the plot and analysis panels in their docks, wire them, and show the state."""
        if self._ready:
            return
        build_panels(self)
        connect_panels(self)
        wire_panel_menus(self)
        self._ready = True
        self.loss_panel.set_log_scale(Settings().boolean("view/logScale"))
        if self.zooming.factor != 1.0:
            self.zooming.set(self.zooming.factor)
        name_inner_widgets(self)
        self._on_data_changed()
        self._settler = GarbageSettler(self)
        self._settler.start()
        self.panelsReady.emit()

    # ---- composition -----------------------------------------------------------------------------
    def add_panel(self, name: str, title: str, panel: QWidget) -> QDockWidget:
        """Put ``panel`` in a dock named ``<name>Dock`` (a new panel: one call here)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{name}Dock")
        dock.setWidget(panel)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.docks[name] = dock
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        return dock

    @Slot()
    def reset_layout(self) -> None:
        self.restoreState(self._default_layout, LAYOUT_VERSION)
        for dock in self.docks.values():
            dock.show()

    def _connect(self) -> None:
        connect_first_frame(self)

    # ---- the automation interface (tests, the self-test, users' scripts) ---------------------
    @property
    def curve_plot(self):  # type: ignore[no-untyped-def]
        self.complete()
        return self.model_panel.plot

    @property
    def loss_plot(self):  # type: ignore[no-untyped-def]
        self.complete()
        return self.loss_panel.plot

    @property
    def epochs_input(self) -> QWidget:
        return self.training_panel.widgets["epochs"]

    @property
    def train_button(self) -> QWidget:
        return self.training_panel.train_button

    def loss_values(self) -> np.ndarray:
        """Every loss of the current run, one per epoch."""
        return self.state.history.losses.copy()

    def history(self) -> RunHistory:
        return self.state.history

    def model(self) -> LogisticModel | None:
        """The trained model (or the last finite one of a failed run)."""
        return self.state.model

    def exact_fit(self) -> ExactFit | None:
        return self.state.exact

    def is_training(self) -> bool:
        return self.training.running

    def is_modified(self) -> bool:
        return self.state.modified

    def set_modified(self, modified: bool) -> None:
        """Mark the project saved (False) or changed (True)."""
        self.state.set_modified(modified)

    def last_error(self) -> str | None:
        return self._last_error

    _last_error: str | None = None

    def prediction_text(self) -> str:
        """The prediction as plain text (what a user reads)."""
        return self.prediction_panel.text()

    def open_path(self, path: str) -> bool:
        return self.documents.open_path(path)

    def save_project_to(self, path: str) -> bool:
        return self.documents.save_to(path)

    def import_csv(self, path: str) -> None:
        self.documents.import_csv(path)

    def export_csv_to(self, path: str) -> bool:
        return self.documents.export_csv_to(path)

    # ---- training -----------------------------------------------------------------------------------
    @Slot()
    def train(self) -> None:
        tp = self.training_panel
        if self.training.running or not tp.train_button.isEnabled():
            return
        try:
            config = tp.config()
        except ConfigError as exc:
            tp.show_error(str(exc))
            return
        # A copy-on-write snapshot; the training worker makes the one float32 copy, off this thread.
        snap = self.table_model.snapshot()
        x, y, holdout = snap.features, snap.labels, None
        split = self._split(y)
        if split is not None:
            from core.remote import Holdout

            train_rows, test_rows = split
            holdout = Holdout(x[test_rows], y[test_rows])
            x, y = x[train_rows], y[train_rows]
        tp.start_progress(config.epochs)
        self.training.start(x, y, tuple(snap.feature_names), config, holdout)
        self.statusBar().showMessage(self.tr("Training…"))

    def _split(self, y: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """Training and held-out rows of the current hold-out setting, or None without one."""
        pct = self.training_panel.holdout_percent()
        if pct <= 0 or len(y) < 2:
            return None
        try:
            return holdout_split(y, float(pct), self.training_panel.split_seed())
        except ValueError:
            return None

    @Slot()
    def _update_evaluation_rows(self) -> None:
        if not self._ready:
            return
        x, y = self.table_model.arrays()
        pct = self.training_panel.holdout_percent()
        split = self._split(y) if self.table_model.labels_complete() else None
        if split is None:
            self.evaluation_panel.set_data(x, y, held_out=False)
        else:
            self.evaluation_panel.set_data(x[split[1]], y[split[1]], held_out=True, share=pct)

    @Slot(float)
    def set_threshold(self, t: float) -> None:
        """Use threshold ``t`` everywhere (the prediction's field shows it)."""
        self.prediction_panel.set_threshold(t)
        self.state.set_threshold(t)

    @Slot()
    def toggle_pause(self) -> None:
        paused = self.training.toggle_pause()
        if paused is None:
            return
        self.training_panel.set_paused(paused)
        self.statusBar().showMessage(
            self.tr("Paused at epoch {n}.").format(n=f"{len(self.state.history):,}")
            if paused
            else self.tr("Training…")
        )

    @Slot()
    def reset_model(self) -> None:
        """Forget the model; a running run is stopped first, without waiting here."""
        if self.training.running:
            self._reset_after_stop = True
            self.training.stop()
            return
        self.state.reset_model()
        self.training_panel.clear_progress()
        self.prediction_panel.flush()
        if self._ready:
            self.model_panel.flush()
            self.loss_panel.flush()
        self.statusBar().showMessage(
            self.tr("Model reset: the next run starts from new initial parameters."), 5000
        )

    @Slot(bool)
    def _on_running_changed(self, running: bool) -> None:
        self.training_panel.set_running(running)
        self.training_panel.refresh()

    @Slot(str)
    def _on_error_changed(self, message: str) -> None:
        if message:
            self._last_error = message
            self.training_panel.show_error(message)
            self.statusBar().showMessage(message)

    @Slot(str)
    def _on_run_finished(self, outcome_text: str) -> None:
        outcome = Outcome(outcome_text)
        n = len(self.state.history)
        seed = self.state.seed_used
        seed_text = self.tr(" · seed {seed}").format(seed=seed) if seed is not None else ""
        self.training_panel.show_outcome(outcome, n)
        if outcome is Outcome.DONE:
            losses = self.state.history.losses
            msg = self.tr("Trained {n} epochs in {t}; final loss {loss:.4f}{seed}.").format(
                n=f"{n:,}",
                t=duration(self.state.elapsed),
                loss=losses[-1] if n else float("nan"),
                seed=seed_text,
            )
        elif outcome is Outcome.STOPPED:
            msg = self.tr("Stopped after {n} epochs; the model so far is kept{seed}.").format(
                n=f"{n:,}", seed=seed_text
            )
        else:
            msg = self.tr("Training failed: {why}").format(
                why=translate_core(self.state.error or "")
            )
            self.training_panel.show_error(self.state.error or msg)
        self.statusBar().showMessage(msg)
        if self._reset_after_stop:
            self._reset_after_stop = False
            self.reset_model()
        # Every panel shows the final state before anyone hears that the run ended.
        self.complete()
        self.model_panel.flush()
        self.loss_panel.flush()
        self.prediction_panel.flush()
        self.evaluation_panel.flush()
        self.trainingFinished.emit(str(outcome))

    # ---- report ----------------------------------------------------------------------------------
    @Slot()
    def export_report(self) -> None:
        from gui.report import export_report_interactively

        self.complete()
        export_report_interactively(self)

    def export_report_to(self, path: str) -> bool:
        """Write the HTML report to ``path``; True on success."""
        from gui.report import export_report

        self.complete()
        return export_report(self, path)

    # ---- data and documents --------------------------------------------------------------------
    @Slot()
    def _on_data_changed(self) -> None:
        table = self.table_model
        self.training_panel.set_n_features(table.n_features)
        self.prediction_panel.set_features(
            [table.display_feature_name(j) for j in range(table.n_features)]
        )
        problem = self.data_panel.show_summary()
        self.training_panel.set_table_state(problem, table.warning(), table.rowCount())
        if not self._ready:  # the rest is for the panels complete() adds
            return
        x, y = table.arrays()
        self.model_panel.set_data(x, y, tuple(table.feature_names))
        self.evaluation_panel.set_data(x, y, held_out=False)
        self.statistics_panel.set_label_name(table.display_label_name())
        if problem is None:
            self.exact.schedule()

    @Slot(object)
    def _on_project_loaded(self, project: Project) -> None:
        self.complete()
        c = project.config
        self.training_panel.set_config(c)
        self.prediction_panel.set_threshold(project.threshold)
        self.state.set_threshold(project.threshold, user=False)
        self.state.load_run(project.model, project.loss_history)
        self.runs_panel.set_runs(list(project.runs))
        self.training_panel.show_loaded(len(project.loss_history), c.epochs)
        self.prediction_panel.flush()

    def _project(self) -> Project:
        from core.files import Project

        snap = self.table_model.snapshot()
        try:
            config = self.training_panel.config()
        except ConfigError:
            config = TrainingConfig()
        return Project(
            features=snap.features,
            labels=snap.labels,
            feature_names=tuple(snap.feature_names),
            label_name=snap.label_name,
            config=config,
            threshold=self.prediction_panel.threshold() or 0.5,
            model=self.state.model,
            loss_history=self.state.history.losses.copy(),
            invalid_cells=snap.invalid,
            runs=tuple(self.runs_panel.runs()) if self._ready else (),
        )

    @Slot(str, int)
    def _on_status_message(self, text: str, timeout: int) -> None:
        self.statusBar().showMessage(text, timeout)

    @Slot(str, str)
    def show_error_box(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message)
        self._last_error = message
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("errorDialog")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    @Slot()
    def _update_title(self) -> None:
        self.setWindowTitle(f"{APP_TITLE} — {self.documents.display_name()}[*]")
        self.setWindowModified(self.state.modified)

    # ---- settings and closing ------------------------------------------------------------------
    def restore_settings(self) -> None:
        restore_window(self, LAYOUT_VERSION)

    def save_settings(self) -> None:
        save_window(self, LAYOUT_VERSION)

    def close_without_asking(self) -> None:
        """Close even with unsaved changes (the process was asked to end)."""
        self._force_close = True
        self.close()

    _force_close = False

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._force_close and not self.documents.confirm_discard():
            event.ignore()
            return
        self.training.stop_and_wait()
        self.exact.stop_and_wait()
        if self._ready:
            self.teaching.stop_and_wait()
            self.evaluation_panel.stop_and_wait()
        self.documents.stop_and_wait()
        # Deliver the queued finished signals now, so the state is clean on return.
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()
        self.save_settings()
        event.accept()

    @Slot()
    def _on_color_scheme_changed(self) -> None:
        """Light or dark, followed live: the palette changes by itself, the plots are told."""
        self._retheme_plots()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._retheme_plots()
        super().changeEvent(event)

    def _retheme_plots(self) -> None:
        if "gui.plots" in sys.modules:  # no plot exists before pyqtgraph is imported
            from gui.plots import retheme_plots

            retheme_plots(self)

    # ---- language -----------------------------------------------------------------------------------
    @Slot()
    def _on_language_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.set_language(str(action.data()))
            Settings().set("view/language", str(action.data()))

    def set_language(self, lang: str) -> str:
        """Switch the running window to ``lang`` ("en", "ko", "" = the system's); at once."""
        return switch_language(self, lang)

    @Slot()
    def show_shortcuts(self) -> None:
        actions = [a for menu in self.menuBar().findChildren(QMenu) for a in menu.actions()]
        dialogs.show_shortcuts(self, actions)

    @Slot()
    def zoom_in(self) -> None:
        self.zooming.step(+1)

    @Slot()
    def zoom_out(self) -> None:
        self.zooming.step(-1)

    @Slot()
    def zoom_reset(self) -> None:
        self.zooming.set(1.0)

    @Slot()
    def about_qt(self) -> None:
        QMessageBox.aboutQt(self)

    @Slot()
    def about(self) -> None:
        dialogs.show_about(self)
