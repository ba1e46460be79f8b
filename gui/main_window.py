"""The main window: data table, training panel, live plots and prediction.

A thin layer over ``core``: the table model holds the data, ``core.training`` trains in a
``QThread`` (see ``gui.worker``), ``core.exact`` gives the exact fit and ``core.files`` the
project files. Object names on the widgets are the app's automation interface.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QByteArray, QSettings, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import __version__, seed
from core.data import DataError, Dataset, example_dataset, write_csv
from core.exact import ExactFit
from core.files import FileFormatError, Project, load_project, save_model, save_project
from core.model import LogisticModel, logit
from core.training import MAX_EPOCHS, ConfigError, TrainingConfig
from gui import dialogs
from gui.plots import CurvePlot, LossPlot
from gui.table_model import DataTableModel, TableData
from gui.worker import (
    ExactFitWorker,
    ImportWorker,
    LossBatch,
    TrainingWorker,
    start_in_thread,
)

APP_TITLE = "Logistic Regression Studio"
PROJECT_SUFFIX = ".lrsproj"
POST_INIT_WEIGHT = repr(seed.INIT_WEIGHT)
POST_INIT_BIAS = repr(seed.INIT_BIAS)
MAX_RECENT = 8
EXACT_MAX_ROWS = 200_000  # Newton needs several n-sized float64 arrays; keep memory bounded
INVALID_STYLE = "border: 1px solid #d62728;"


class DataTableView(QTableView):
    """The table: spreadsheet keys for copy, paste, insert and delete."""

    def __init__(self, model: DataTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataTable")
        self.setModel(model)
        self._model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )

    def selected_rows(self) -> list[int]:
        rows = {i.row() for i in self.selectionModel().selectedIndexes()}
        if not rows and self.currentIndex().isValid():
            rows = {self.currentIndex().row()}
        return sorted(rows)

    def copy_selection(self) -> None:
        idx = self.selectionModel().selectedIndexes()
        if not idx:
            return
        rows = sorted({i.row() for i in idx})
        cols = sorted({i.column() for i in idx})
        QGuiApplication.clipboard().setText(self._model.copy_text(rows, cols))

    def paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        cur = self.currentIndex()
        top = cur.row() if cur.isValid() else self._model.rowCount()
        left = cur.column() if cur.isValid() else 0
        n = self._model.paste(top, left, text)
        if n:
            self.setCurrentIndex(self._model.index(top, left))

    def insert_row(self) -> None:
        cur = self.currentIndex()
        row = cur.row() if cur.isValid() else self._model.rowCount()
        self._model.insert_rows(row, 1)
        self.setCurrentIndex(self._model.index(row, 0))

    def delete_rows(self) -> None:
        rows = self.selected_rows()
        if rows:
            self._model.remove_rows(rows)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif event.key() == Qt.Key.Key_Insert and not event.modifiers():
            self.insert_row()
        elif event.key() == Qt.Key.Key_Delete and not event.modifiers():
            self.delete_rows()
        else:
            super().keyPressEvent(event)


class MainWindow(QMainWindow):
    """Logistic Regression Studio's one window."""

    trainingFinished = Signal(str)  # "done" | "stopped" | "failed"
    importFinished = Signal(str)  # "done" | "stopped" | "failed"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._path: Path | None = None
        self._modified = False
        self._model: LogisticModel | None = None
        self._model_out_of_date = False
        self._exact: ExactFit | None = None
        self._seed_used: int | None = None
        self._thread: QThread | None = None
        self._worker: TrainingWorker | None = None
        self._import_thread: QThread | None = None
        self._import_worker: ImportWorker | None = None
        self._import_dialog: QProgressDialog | None = None
        self._exact_thread: QThread | None = None
        self._exact_worker: ExactFitWorker | None = None
        self._exact_again = False
        self._outcome = "done"
        self._error: str | None = None
        self._run_epochs = 0
        self._epochs_done = 0
        self._run_started = 0.0
        self._run_elapsed = 0.0
        self._generation = 0  # drops results of an exact fit computed for older data

        self.undo_stack = QUndoStack(self)
        self.table_model = DataTableModel(self.undo_stack, self)
        self.table_model.load_without_undo(TableData.from_dataset(example_dataset()))

        self._build_ui()
        self._build_menus()
        self.table_model.dataEdited.connect(self._on_table_edited)

        self._exact_timer = QTimer(self)
        self._exact_timer.setSingleShot(True)
        self._exact_timer.setInterval(250)
        self._exact_timer.timeout.connect(self._on_exact_timer_timeout)
        self._predict_timer = QTimer(self)
        self._predict_timer.setSingleShot(True)
        self._predict_timer.setInterval(100)
        self._predict_timer.timeout.connect(self._on_predict_timer_timeout)

        self._restore_settings()
        self._on_table_edited(initial=True)
        self._set_modified(False)
        self._update_title()
        self.statusBar().showMessage(self.tr("Ready. Press Train to fit the model."), 5000)

    # ================================================================ building the window
    def _build_ui(self) -> None:
        self.resize(1280, 800)
        self.setMinimumSize(800, 560)

        # ---- left: data and training
        self.table = DataTableView(self.table_model)
        self.table.horizontalHeader().sectionDoubleClicked.connect(self._on_header_double_clicked)
        self.add_row_button = self._button(
            "addRowButton",
            self.tr("Add row"),
            self.tr("Add an empty row at the end (Insert key inserts above)."),
            self._on_add_row_clicked,
        )
        self.remove_row_button = self._button(
            "removeRowButton",
            self.tr("Delete rows"),
            self.tr("Delete the selected rows (Delete key)."),
            self.table.delete_rows,
        )
        self.add_column_button = self._button(
            "addColumnButton",
            self.tr("Add feature"),
            self.tr("Add another input variable (feature column)."),
            self._on_add_column_clicked,
        )
        self.remove_column_button = self._button(
            "removeColumnButton",
            self.tr("Remove feature"),
            self.tr("Remove the selected feature column."),
            self._on_remove_column_clicked,
        )
        self.data_message = QLabel()
        self.data_message.setObjectName("dataMessage")
        self.data_message.setWordWrap(True)

        data_box = QGroupBox(self.tr("Data"))
        data_layout = QVBoxLayout(data_box)
        data_layout.addWidget(self.table, 1)
        row1 = QHBoxLayout()
        for b in (self.add_row_button, self.remove_row_button):
            row1.addWidget(b)
        row2 = QHBoxLayout()
        for b in (self.add_column_button, self.remove_column_button):
            row2.addWidget(b)
        data_layout.addLayout(row1)
        data_layout.addLayout(row2)
        data_layout.addWidget(self.data_message)

        self.epochs_input = QSpinBox()
        self.epochs_input.setObjectName("epochsInput")
        self.epochs_input.setRange(1, MAX_EPOCHS)
        self.epochs_input.setValue(1000)
        self.epochs_input.setGroupSeparatorShown(True)
        self.epochs_input.setToolTip(
            self.tr("How many times training passes over all the data (the post: 1000).")
        )
        self.lr_input = self._line(
            "learningRateInput",
            "0.01",
            self.tr(
                "How big a step each update takes: too small is slow, too large diverges (the post: 0.01)."
            ),
        )
        self.optimizer_input = QComboBox()
        self.optimizer_input.setObjectName("optimizerInput")
        self.optimizer_input.addItem(self.tr("SGD (as in the post)"), "sgd")
        self.optimizer_input.addItem(self.tr("Adam"), "adam")
        self.optimizer_input.setToolTip(
            self.tr(
                "SGD follows the gradient with a fixed step; Adam adapts the step for each parameter."
            )
        )
        self.wd_input = self._line(
            "weightDecayInput",
            "0",
            self.tr(
                "L2 weight decay: pulls the weight and the bias toward 0 each step (0 = none, as in the post)."
            ),
        )
        self.batch_input = QSpinBox()
        self.batch_input.setObjectName("batchSizeInput")
        self.batch_input.setRange(0, 2_000_000_000)
        self.batch_input.setSpecialValueText(self.tr("Full batch"))
        self.batch_input.setValue(0)
        self.batch_input.setGroupSeparatorShown(True)
        self.batch_input.setToolTip(
            self.tr("Rows per update. Full batch uses every row each step, as the post does.")
        )
        self.seed_input = self._line(
            "seedInput",
            "",
            self.tr(
                "Random seed for the initial weight and bias and the shuffling; empty picks one and shows it."
            ),
        )
        self.seed_input.setPlaceholderText(self.tr("random"))
        self.init_weight_input = self._line(
            "initWeightInput",
            "",
            self.tr(
                "Starting weights, one per feature, comma-separated; empty means random from the seed."
            ),
        )
        self.init_weight_input.setPlaceholderText(self.tr("random from the seed"))
        self.init_bias_input = self._line(
            "initBiasInput", "", self.tr("Starting bias; empty means random from the seed.")
        )
        self.init_bias_input.setPlaceholderText(self.tr("random from the seed"))
        self.fast_input = QCheckBox(self.tr("Fast path (closed-form gradient)"))
        self.fast_input.setObjectName("fastPathInput")
        self.fast_input.setToolTip(
            self.tr(
                "SGD without autograd, several times faster; agrees with the post's loop to about 1e-7."
            )
        )
        self.post_button = self._button(
            "postPresetButton",
            self.tr("Use the post's starting values"),
            self.tr(
                "Initial weight 0.235 and bias 0.153: with the post's settings these reproduce its printed numbers exactly."
            ),
            self._on_post_preset_clicked,
        )

        form = QFormLayout()
        form.addRow(self.tr("Epochs"), self.epochs_input)
        form.addRow(self.tr("Learning rate"), self.lr_input)
        form.addRow(self.tr("Optimizer"), self.optimizer_input)
        form.addRow(self.tr("Weight decay"), self.wd_input)
        form.addRow(self.tr("Batch size"), self.batch_input)
        form.addRow(self.tr("Seed"), self.seed_input)
        form.addRow(self.tr("Initial weight(s)"), self.init_weight_input)
        form.addRow(self.tr("Initial bias"), self.init_bias_input)
        form.addRow(self.fast_input)
        form.addRow(self.post_button)

        self.train_button = self._button(
            "trainButton", self.tr("Train"), self.tr("Train the model (Ctrl+Enter).")
        )
        self.train_button.setDefault(True)
        self.train_button.clicked.connect(self._on_train_clicked)
        self.pause_button = self._button(
            "pauseButton",
            self.tr("Pause"),
            self.tr("Pause or resume training (F6)."),
            self._on_pause_clicked,
        )
        self.stop_button = self._button(
            "stopButton",
            self.tr("Stop"),
            self.tr("Stop training and keep the model so far (Esc)."),
            self._on_stop_clicked,
        )
        self.reset_button = self._button(
            "resetButton",
            self.tr("Reset"),
            self.tr(
                "Forget the trained model and clear the curves; the next run starts from new initial parameters."
            ),
            self._on_reset_clicked,
        )
        self.progress = QProgressBar()
        self.progress.setObjectName("trainingProgress")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Not trained yet"))
        self.progress.setTextVisible(True)
        self.train_message = QLabel()
        self.train_message.setObjectName("trainBlockedReason")
        self.train_message.setWordWrap(True)
        self.model_status = QLabel()
        self.model_status.setObjectName("modelStatus")
        self.model_status.setWordWrap(True)

        train_box = QGroupBox(self.tr("Training"))
        tl = QVBoxLayout(train_box)
        tl.addLayout(form)
        buttons = QHBoxLayout()
        for b in (self.train_button, self.pause_button, self.stop_button, self.reset_button):
            buttons.addWidget(b)
        tl.addLayout(buttons)
        tl.addWidget(self.progress)
        tl.addWidget(self.train_message)
        tl.addWidget(self.model_status)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(data_box, 1)
        ll.addWidget(train_box, 0)
        left_scroll = QScrollArea()
        left_scroll.setWidgetResizable(True)
        left_scroll.setWidget(left)
        left_scroll.setMinimumWidth(330)
        left_scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        # ---- right: plots and prediction
        self.curve_plot = CurvePlot()
        curve_box = QGroupBox(self.tr("The model: probability of passing"))
        self.curve_note = QLabel()
        self.curve_note.setObjectName("curveNote")
        self.curve_note.setWordWrap(True)
        self.curve_plot.noteChanged.connect(self.curve_note.setText)
        cb = QVBoxLayout(curve_box)
        cb.addWidget(self.curve_plot, 1)
        cb.addWidget(self.curve_note)

        self.loss_plot = LossPlot()
        self.loss_plot.hovered.connect(self._on_loss_hovered)
        self.log_check = QCheckBox(self.tr("Log scale"))
        self.log_check.setObjectName("logScaleInput")
        self.log_check.setToolTip(self.tr("Show the loss on a logarithmic axis."))
        self.log_check.toggled.connect(self.loss_plot.set_log_scale)
        self.loss_readout = QLabel(self.tr("Hover over the curve to read a loss."))
        self.loss_readout.setObjectName("lossReadout")
        self.export_loss_button = self._button(
            "exportLossButton",
            self.tr("Export…"),
            self.tr("Save the loss curve as PNG, SVG or CSV."),
            self._on_export_loss_clicked,
        )
        loss_box = QGroupBox(self.tr("Loss per epoch"))
        lb = QVBoxLayout(loss_box)
        lb.addWidget(self.loss_plot, 1)
        lrow = QHBoxLayout()
        lrow.addWidget(self.loss_readout, 1)
        lrow.addWidget(self.log_check)
        lrow.addWidget(self.export_loss_button)
        lb.addLayout(lrow)

        self.hours_inputs: list[QLineEdit] = []
        self.hours_layout = QHBoxLayout()
        self.threshold_input = self._line(
            "thresholdInput",
            "0.5",
            self.tr("Probability above which the answer is PASS (the post: 0.5)."),
        )
        self.threshold_input.setMaximumWidth(90)
        self.threshold_input.textEdited.connect(self._on_threshold_edited)
        self.prediction = QLabel()
        self.prediction.setObjectName("predictionResult")
        self.prediction.setWordWrap(True)
        self.prediction.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        f = self.prediction.font()
        f.setPointSizeF(f.pointSizeF() * 1.25)
        self.prediction.setFont(f)
        pred_box = QGroupBox(self.tr("Will this pass?"))
        pl = QVBoxLayout(pred_box)
        inputs = QHBoxLayout()
        inputs.addLayout(self.hours_layout, 1)
        inputs.addWidget(QLabel(self.tr("Threshold")))
        inputs.addWidget(self.threshold_input)
        pl.addLayout(inputs)
        pl.addWidget(self.prediction)
        pred_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        right_split = QSplitter(Qt.Orientation.Vertical)
        right_split.setObjectName("plotSplitter")
        right_split.addWidget(curve_box)
        right_split.addWidget(loss_box)
        right_split.setStretchFactor(0, 3)
        right_split.setStretchFactor(1, 2)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(right_split, 1)
        rl.addWidget(pred_box, 0)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left_scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([400, 880])
        self.setCentralWidget(self.splitter)

        for w in (
            self.lr_input,
            self.wd_input,
            self.seed_input,
            self.init_weight_input,
            self.init_bias_input,
        ):
            w.textEdited.connect(self._on_settings_edited)
        self.epochs_input.valueChanged.connect(self._on_settings_edited)
        self.batch_input.valueChanged.connect(self._on_settings_edited)
        self.optimizer_input.currentIndexChanged.connect(self._on_settings_edited)
        self.fast_input.toggled.connect(self._on_settings_edited)
        self._set_running(False)

    def _button(
        self, name: str, text: str, tip: str, slot: Callable[[], object] | None = None
    ) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.setToolTip(tip)
        if slot is not None:
            b.clicked.connect(slot)
        return b

    def _line(self, name: str, text: str, tip: str) -> QLineEdit:
        e = QLineEdit(text)
        e.setObjectName(name)
        e.setToolTip(tip)
        e.setClearButtonEnabled(False)
        return e

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | str | None = None,
        name: str = "",
        tip: str = "",
    ) -> QAction:
        a = QAction(text, self)
        if name:
            a.setObjectName(name)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        if tip:
            a.setStatusTip(tip)
        a.triggered.connect(slot)
        return a

    def _build_menus(self) -> None:
        bar = self.menuBar()
        SK = QKeySequence.StandardKey
        m = bar.addMenu(self.tr("&File"))
        m.addAction(self._action(self.tr("&New"), self._on_new_triggered, SK.New, "actionNew"))
        m.addAction(
            self._action(self.tr("&Open project…"), self._on_open_triggered, SK.Open, "actionOpen")
        )
        self.recent_menu = m.addMenu(self.tr("Open &recent"))
        self.recent_menu.setObjectName("recentMenu")
        m.addAction(
            self._action(self.tr("&Save project"), self._on_save_triggered, SK.Save, "actionSave")
        )
        m.addAction(
            self._action(
                self.tr("Save project &as…"), self._on_save_as_triggered, SK.SaveAs, "actionSaveAs"
            )
        )
        m.addSeparator()
        m.addAction(
            self._action(
                self.tr("&Import CSV…"), self._on_import_triggered, "Ctrl+I", "actionImportCsv"
            )
        )
        m.addAction(
            self._action(
                self.tr("&Export CSV…"), self._on_export_csv_triggered, "Ctrl+E", "actionExportCsv"
            )
        )
        m.addAction(
            self._action(
                self.tr("Export &model…"),
                self._on_export_model_triggered,
                None,
                "actionExportModel",
                self.tr("Save the trained model as JSON for `main.py predict`."),
            )
        )
        m.addAction(
            self._action(
                self.tr("Restore e&xample data"),
                self._on_restore_example_triggered,
                None,
                "actionRestoreExample",
            )
        )
        m.addSeparator()
        m.addAction(self._action(self.tr("&Quit"), self.close, SK.Quit, "actionQuit"))

        e = bar.addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence(SK.Undo))
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(SK.Redo)])
        undo.setObjectName("actionUndo")
        redo.setObjectName("actionRedo")
        e.addAction(undo)
        e.addAction(redo)
        e.addSeparator()
        e.addAction(self._action(self.tr("&Copy"), self.table.copy_selection, None, "actionCopy"))
        e.addAction(self._action(self.tr("&Paste"), self.table.paste, None, "actionPaste"))
        e.addSeparator()
        e.addAction(
            self._action(self.tr("&Insert row"), self.table.insert_row, None, "actionInsertRow")
        )
        e.addAction(
            self._action(self.tr("&Delete rows"), self.table.delete_rows, None, "actionDeleteRows")
        )
        e.addAction(
            self._action(
                self.tr("Add &feature column"), self._on_add_column_clicked, None, "actionAddColumn"
            )
        )
        e.addAction(
            self._action(
                self.tr("Re&move feature column"),
                self._on_remove_column_clicked,
                None,
                "actionRemoveColumn",
            )
        )
        e.addAction(
            self._action(
                self.tr("Re&name column…"),
                self._on_rename_column_triggered,
                None,
                "actionRenameColumn",
            )
        )

        t = bar.addMenu(self.tr("&Training"))
        t.addAction(
            self._action(self.tr("&Train"), self._on_train_clicked, "Ctrl+Return", "actionTrain")
        )
        t.addAction(
            self._action(self.tr("&Pause / resume"), self._on_pause_clicked, "F6", "actionPause")
        )
        t.addAction(self._action(self.tr("&Stop"), self._on_stop_clicked, "Esc", "actionStop"))
        t.addAction(
            self._action(self.tr("&Reset model"), self._on_reset_clicked, "Ctrl+R", "actionReset")
        )
        t.addSeparator()
        t.addAction(
            self._action(
                self.tr("Use the post's starting &values"),
                self._on_post_preset_clicked,
                None,
                "actionPostPreset",
            )
        )

        v = bar.addMenu(self.tr("&View"))
        log = QAction(self.tr("&Log-scale loss"), self)
        log.setCheckable(True)
        log.setShortcut(QKeySequence("Ctrl+L"))
        log.toggled.connect(self.log_check.setChecked)
        self.log_check.toggled.connect(log.setChecked)
        v.addAction(log)
        v.addAction(
            self._action(
                self.tr("&Export loss curve…"),
                self._on_export_loss_clicked,
                None,
                "actionExportLoss",
            )
        )

        h = bar.addMenu(self.tr("&Help"))
        h.addAction(
            self._action(
                self.tr("&About Logistic Regression Studio"),
                self._on_about_triggered,
                None,
                "actionAbout",
            )
        )
        h.addAction(self._action(self.tr("About &Qt"), QMessageBox.aboutQt, None, "actionAboutQt"))

    # ================================================================ helpers for users/tests
    def loss_values(self) -> np.ndarray:
        """Every loss of the current run, one per epoch."""
        return self.loss_plot.values()

    def model(self) -> LogisticModel | None:
        """The trained model (or the last finite one of a failed run)."""
        return self._model

    def exact_fit(self) -> ExactFit | None:
        return self._exact

    def is_training(self) -> bool:
        return self._thread is not None

    def is_modified(self) -> bool:
        return self._modified

    def set_modified(self, modified: bool) -> None:
        """Mark the project saved (False) or changed (True)."""
        self._set_modified(modified)

    def last_error(self) -> str | None:
        return self._error

    # ================================================================ state
    def _set_modified(self, modified: bool) -> None:
        self._modified = modified
        self.setWindowModified(modified)

    def _update_title(self) -> None:
        name = self._path.name if self._path else self.tr("Untitled")
        self.setWindowTitle(f"{APP_TITLE} — {name}[*]")
        self.setWindowModified(self._modified)

    def _set_running(self, running: bool) -> None:
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        if not running:
            self.pause_button.setText(self.tr("Pause"))
        for w in (
            self.epochs_input,
            self.lr_input,
            self.optimizer_input,
            self.wd_input,
            self.batch_input,
            self.seed_input,
            self.init_weight_input,
            self.init_bias_input,
            self.fast_input,
            self.post_button,
        ):
            w.setEnabled(not running)
        self._update_train_enabled()

    def _read_config(self) -> TrainingConfig:
        """The settings in the panel, or ``ConfigError`` naming the field."""

        def number(edit: QLineEdit, field: str, label: str) -> float:
            text = edit.text().strip()
            try:
                v = float(text)
            except ValueError:
                raise ConfigError(
                    field,
                    self.tr('{label}: "{text}" is not a number.').format(label=label, text=text),
                ) from None
            return v

        lr = number(self.lr_input, "learning_rate", self.tr("Learning rate"))
        wd = number(self.wd_input, "weight_decay", self.tr("Weight decay"))
        seed_text = self.seed_input.text().strip()
        seed: int | None = None
        if seed_text:
            try:
                seed = int(seed_text)
            except ValueError:
                raise ConfigError(
                    "seed", self.tr('Seed: "{t}" is not a whole number.').format(t=seed_text)
                ) from None
        w_text = self.init_weight_input.text().strip()
        weights: tuple[float, ...] | None = None
        if w_text:
            try:
                weights = tuple(float(p) for p in w_text.replace(";", ",").split(",") if p.strip())
            except ValueError:
                raise ConfigError(
                    "init_weights",
                    self.tr('Initial weights: "{t}" must be numbers separated by commas.').format(
                        t=w_text
                    ),
                ) from None
        b_text = self.init_bias_input.text().strip()
        bias: float | None = None
        if b_text:
            bias = number(self.init_bias_input, "init_bias", self.tr("Initial bias"))
        fast = self.fast_input.isChecked()
        config = TrainingConfig(
            epochs=self.epochs_input.value(),
            learning_rate=lr,
            optimizer=self.optimizer_input.currentData(),
            weight_decay=wd,
            batch_size=self.batch_input.value() or None,
            seed=seed,
            init_weights=weights,
            init_bias=bias,
            method="closed-form"
            if fast and self.optimizer_input.currentData() == "sgd"
            else "autograd",
        )
        config.validate(self.table_model.n_features)
        return config

    def _field_widget(self, field: str) -> QWidget | None:
        return {
            "epochs": self.epochs_input,
            "learning_rate": self.lr_input,
            "optimizer": self.optimizer_input,
            "weight_decay": self.wd_input,
            "batch_size": self.batch_input,
            "seed": self.seed_input,
            "init_weights": self.init_weight_input,
            "init_bias": self.init_bias_input,
            "method": self.fast_input,
        }.get(field)

    def _update_train_enabled(self) -> None:
        reason = self.table_model.first_problem()
        for w in (
            self.lr_input,
            self.wd_input,
            self.seed_input,
            self.init_weight_input,
            self.init_bias_input,
        ):
            w.setStyleSheet("")
        if reason is None:
            try:
                self._read_config()
            except ConfigError as exc:
                reason = str(exc)
                widget = self._field_widget(exc.field)
                if isinstance(widget, QLineEdit):
                    widget.setStyleSheet(INVALID_STYLE)
        running = self._thread is not None
        self.train_button.setEnabled(reason is None and not running)
        if reason:
            self.train_message.setText(self.tr("Cannot train: {reason}").format(reason=reason))
            self.train_message.setStyleSheet("color: #d62728;")
            self.train_button.setToolTip(reason)
        else:
            warn = self.table_model.warning()
            self.train_message.setText(warn or "")
            self.train_message.setStyleSheet("color: #b26b00;" if warn else "")
            self.train_button.setToolTip(self.tr("Train the model (Ctrl+Enter)."))

    # ================================================================ table events
    @Slot()
    def _on_table_edited(self, initial: bool = False) -> None:
        if not initial:
            self._set_modified(True)
            if self._model is not None:
                self._model_out_of_date = True
        self._rebuild_hours_inputs()
        x, y = self.table_model.arrays()
        self.curve_plot.set_data(x, y, tuple(self.table_model.feature_names))
        problem = self.table_model.first_problem()
        self.data_message.setText(
            problem
            or self.tr("{n} rows, {d} feature(s).").format(
                n=f"{self.table_model.rowCount():,}", d=self.table_model.n_features
            )
        )
        self.data_message.setStyleSheet("color: #d62728;" if problem else "")
        self._update_train_enabled()
        self._update_model_status()
        self._generation += 1
        self._exact = None
        self.curve_plot.set_exact(None)
        if problem is None and self.table_model.rowCount() <= EXACT_MAX_ROWS:
            self._exact_timer.start()
        elif problem is None:
            self.curve_plot.set_exact_skipped(
                self.tr(
                    "The exact fit is drawn for up to {limit} rows (it needs several copies of "
                    "the data in memory); for this table run: python main.py fit-exact DATA.csv"
                ).format(limit=f"{EXACT_MAX_ROWS:,}")
            )
        self._schedule_prediction()

    def _update_model_status(self) -> None:
        if self._model is None:
            text = ""
        elif self._model_out_of_date:
            text = self.tr(
                "The data or the columns changed since training: the model is out of date. Train again to update it."
            )
        else:
            text = ""
        self.model_status.setText(text)
        self.model_status.setStyleSheet("color: #b26b00;" if text else "")

    def _on_exact_timer_timeout(self) -> None:
        if self.table_model.first_problem() is not None:
            return
        if self._exact_thread is not None:
            self._exact_again = True  # the table changed while fitting: fit again after
            return
        snap = self.table_model.snapshot()
        worker = ExactFitWorker(
            self._generation, snap.features, snap.labels, tuple(snap.feature_names)
        )
        worker.fitted.connect(self._on_exact_fitted)
        self._exact_worker = worker
        self._exact_thread = start_in_thread(worker, "exact-fit")
        self._exact_thread.finished.connect(self._on_exact_thread_finished)

    @Slot(int, object)
    def _on_exact_fitted(self, generation: int, fit: ExactFit | None) -> None:
        # A fit of an older table (edited since) is dropped: the generation counter of ndv.
        if generation == self._generation:
            self._exact = fit
            self.curve_plot.set_exact(fit)

    @Slot()
    def _on_exact_thread_finished(self) -> None:
        if self._exact_thread is not None:
            self._exact_thread.deleteLater()
        self._exact_thread = None
        self._exact_worker = None
        if self._exact_again:
            self._exact_again = False
            self._exact_timer.start()

    def _on_add_row_clicked(self) -> None:
        self.table_model.insert_rows(self.table_model.rowCount(), 1)
        row = self.table_model.rowCount() - 1
        self.table.setCurrentIndex(self.table_model.index(row, 0))
        self.table.scrollToBottom()
        self.table.setFocus()

    def _on_add_column_clicked(self) -> None:
        if self._thread is not None:
            self._model_out_of_date = True
        self.table_model.add_feature()
        if self._model is not None and self._model.n_features != self.table_model.n_features:
            self._model_out_of_date = True
        self._update_model_status()

    def _on_remove_column_clicked(self) -> None:
        cur = self.table.currentIndex()
        col = cur.column() if cur.isValid() else self.table_model.n_features - 1
        if col >= self.table_model.n_features:
            col = self.table_model.n_features - 1
        if self.table_model.n_features <= 1:
            self.statusBar().showMessage(
                self.tr("The table needs at least one feature column."), 5000
            )
            return
        self.table_model.remove_feature(col)

    def _on_header_double_clicked(self, section: int) -> None:
        self._rename_column(section)

    def _on_rename_column_triggered(self) -> None:
        cur = self.table.currentIndex()
        self._rename_column(cur.column() if cur.isValid() else 0)

    def _rename_column(self, col: int) -> None:
        old = self.table_model.column_name(col)
        name, ok = QInputDialog.getText(
            self, self.tr("Rename column"), self.tr("New name:"), text=old
        )
        if ok and name.strip():
            if (
                name.strip() in [*self.table_model.feature_names, self.table_model.label_name]
                and name.strip() != old
            ):
                self.statusBar().showMessage(
                    self.tr('A column is already called "{n}".').format(n=name.strip()), 5000
                )
                return
            self.table_model.rename_column(col, name)

    # ================================================================ settings events
    @Slot()
    def _on_settings_edited(self) -> None:
        self._set_modified(True)
        self._update_train_enabled()

    def _on_post_preset_clicked(self) -> None:
        if self.table_model.n_features != 1:
            self.statusBar().showMessage(
                self.tr("The post's values are for one feature (hours)."), 5000
            )
        self.epochs_input.setValue(1000)
        self.lr_input.setText("0.01")
        self.optimizer_input.setCurrentIndex(0)
        self.wd_input.setText("0")
        self.batch_input.setValue(0)
        self.fast_input.setChecked(False)
        self.init_weight_input.setText(",".join([POST_INIT_WEIGHT] * self.table_model.n_features))
        self.init_bias_input.setText(POST_INIT_BIAS)
        self._on_settings_edited()
        self.statusBar().showMessage(
            self.tr("The post's settings: press Train to get its numbers."), 5000
        )

    # ================================================================ training
    @Slot()
    def _on_train_clicked(self) -> None:
        if self._thread is not None or not self.train_button.isEnabled():
            return
        try:
            config = self._read_config()
        except ConfigError as exc:
            self._show_error(str(exc))
            return
        snap = self.table_model.snapshot()
        self._error = None
        self._outcome = "done"
        self._model_out_of_date = False
        self._run_epochs = config.epochs
        self._epochs_done = 0
        self._run_started = time.perf_counter()
        self._run_elapsed = 0.0
        self.loss_plot.clear_losses()
        self.progress.setRange(0, config.epochs)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Starting…"))
        worker = TrainingWorker(snap.features, snap.labels, config, tuple(snap.feature_names))
        worker.trainingStarted.connect(self._on_worker_training_started)
        worker.lossesReported.connect(self._on_worker_losses_reported)
        worker.trainingFailed.connect(self._on_worker_training_failed)
        worker.finished.connect(self._on_worker_finished)
        self._worker = worker
        self._thread = start_in_thread(worker, "training")
        self._thread.finished.connect(self._on_thread_finished)
        self._set_running(True)
        self._update_model_status()
        self.statusBar().showMessage(self.tr("Training…"))

    @Slot(object, int)
    def _on_worker_training_started(self, initial: LogisticModel, seed: int) -> None:
        self._seed_used = seed
        self._model = initial
        self.curve_plot.set_model(initial)
        self._schedule_prediction()

    @Slot(object)
    def _on_worker_losses_reported(self, batch: LossBatch) -> None:
        self.loss_plot.append(batch.losses)
        self._epochs_done = batch.first_epoch + len(batch.losses) - 1
        self._run_elapsed = batch.elapsed
        self._model = batch.model
        self.curve_plot.set_model(batch.model)
        self._update_progress()
        self._schedule_prediction()

    def _update_progress(self) -> None:
        n, total = self._epochs_done, self._run_epochs
        self.progress.setValue(n)
        rate = n / self._run_elapsed if self._run_elapsed > 0 else 0.0
        left = (total - n) / rate if rate > 0 else 0.0
        self.progress.setFormat(
            self.tr("Epoch {n} / {total} · {rate} epochs/s · {left} left").format(
                n=f"{n:,}", total=f"{total:,}", rate=f"{rate:,.0f}", left=_duration(left)
            )
        )

    @Slot(str, object)
    def _on_worker_training_failed(self, message: str, last_good: LogisticModel | None) -> None:
        self._error = message
        self._outcome = "failed"
        if last_good is not None:
            self._model = last_good
            self.curve_plot.set_model(last_good)
        self._show_error(message)

    @Slot(str)
    def _on_worker_finished(self, outcome: str) -> None:
        if self._outcome != "failed":
            self._outcome = outcome

    @Slot()
    def _on_thread_finished(self) -> None:
        thread = self._thread
        self._thread = None
        self._worker = None  # deleted in its own thread when it finished (gui.worker)
        if thread is not None:
            thread.deleteLater()
        self.loss_plot.refresh()
        self._set_running(False)
        losses = self.loss_values()
        seed = f" · seed {self._seed_used}" if self._seed_used is not None else ""
        if self._outcome == "done":
            msg = self.tr("Trained {n} epochs in {t}; final loss {loss:.4f}{seed}.").format(
                n=f"{len(losses):,}",
                t=_duration(self._run_elapsed),
                loss=losses[-1] if len(losses) else math.nan,
                seed=seed,
            )
            self.progress.setFormat(self.tr("Done: {n} epochs").format(n=f"{len(losses):,}"))
        elif self._outcome == "stopped":
            msg = self.tr("Stopped after {n} epochs; the model so far is kept{seed}.").format(
                n=f"{len(losses):,}", seed=seed
            )
            self.progress.setFormat(self.tr("Stopped at epoch {n}").format(n=f"{len(losses):,}"))
        else:
            msg = self.tr("Training failed: {why}").format(why=self._error or "")
            self.progress.setFormat(self.tr("Failed at epoch {n}").format(n=f"{len(losses) + 1:,}"))
        if self._outcome != "failed":
            self.train_message.setText("")
        self.statusBar().showMessage(msg)
        if self._outcome == "failed" and self._error:
            self._show_error(self._error)
        if self._model is not None:
            self._set_modified(True)
        self._update_model_status()
        self._update_prediction()
        self.trainingFinished.emit(self._outcome)

    @Slot()
    def _on_pause_clicked(self) -> None:
        if self._worker is None:
            return
        if self._worker.paused:
            self._run_started = time.perf_counter()
            self._worker.resume()
            self.pause_button.setText(self.tr("Pause"))
            self.statusBar().showMessage(self.tr("Training…"))
        else:
            self._worker.pause()
            self.pause_button.setText(self.tr("Resume"))
            self.statusBar().showMessage(
                self.tr("Paused at epoch {n}.").format(n=f"{self._epochs_done:,}")
            )

    @Slot()
    def _on_stop_clicked(self) -> None:
        if self._worker is not None:
            self._worker.request_stop()

    @Slot()
    def _on_reset_clicked(self) -> None:
        if self._thread is not None:
            self._stop_and_join()
        self._model = None
        self._model_out_of_date = False
        self._seed_used = None
        self._error = None
        self.loss_plot.clear_losses()
        self.curve_plot.set_model(None)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Not trained yet"))
        self._update_model_status()
        self._update_train_enabled()
        self._update_prediction()
        self.statusBar().showMessage(
            self.tr("Model reset: the next run starts from new initial parameters."), 5000
        )

    def _stop_and_join(self) -> None:
        """Stop any background work and wait for its thread: never leave one running."""
        self._exact_timer.stop()
        self._exact_again = False
        for worker, thread in (
            (self._worker, self._thread),
            (self._import_worker, self._import_thread),
            (self._exact_worker, self._exact_thread),
        ):
            if worker is not None:
                worker.request_stop()
            if thread is not None:
                thread.quit()
                thread.wait()
        # Deliver the queued finished signals now, so the state is clean on return.
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()

    def _show_error(self, message: str) -> None:
        self.train_message.setText(message)
        self.train_message.setStyleSheet("color: #d62728;")
        self.statusBar().showMessage(message)

    # ================================================================ prediction
    def _rebuild_hours_inputs(self) -> None:
        d = self.table_model.n_features
        names = self.table_model.feature_names
        if len(self.hours_inputs) == d:
            for e, n in zip(self.hours_inputs, names, strict=True):
                e.setPlaceholderText(self.table_model.display_feature_name(names.index(n)))
            return
        old = [e.text() for e in self.hours_inputs]
        while self.hours_layout.count():
            item = self.hours_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.hours_inputs = []
        for j in range(d):
            e = QLineEdit(old[j] if j < len(old) else ("7" if j == 0 else ""))
            e.setObjectName("hoursInput" if j == 0 else f"hoursInput{j + 1}")
            e.setPlaceholderText(self.table_model.display_feature_name(j))
            e.setToolTip(
                self.tr("Value of {name} to predict for.").format(
                    name=self.table_model.display_feature_name(j)
                )
            )
            e.textEdited.connect(self._on_hours_edited)
            self.hours_layout.addWidget(QLabel(self.table_model.display_feature_name(j)))
            self.hours_layout.addWidget(e, 1)
            self.hours_inputs.append(e)

    @Slot()
    def _on_hours_edited(self) -> None:
        self._update_prediction()

    @Slot()
    def _on_threshold_edited(self) -> None:
        t = self._threshold()
        if t is not None:
            self.curve_plot.set_threshold(t)
            self._set_modified(True)
        self._update_prediction()

    def _threshold(self) -> float | None:
        try:
            t = float(self.threshold_input.text())
        except ValueError:
            return None
        return t if 0 < t < 1 else None

    def _schedule_prediction(self) -> None:
        if not self._predict_timer.isActive():
            self._predict_timer.start()

    def _on_predict_timer_timeout(self) -> None:
        self._update_prediction()

    def _update_prediction(self) -> None:
        t = self._threshold()
        self.threshold_input.setStyleSheet("" if t is not None else INVALID_STYLE)
        model = self._model
        if t is None:
            self._say(
                self.tr("The threshold must be a number between 0 and 1, e.g. 0.5."), error=True
            )
            return
        if model is None:
            self._say(
                self.tr("Train the model, then type a number of hours to see whether it passes.")
            )
            return
        if model.n_features != len(self.hours_inputs):
            self._say(
                self.tr(
                    "The model was trained on {m} feature(s) but the table has {d}: train again."
                ).format(m=model.n_features, d=len(self.hours_inputs)),
                error=True,
            )
            return
        values = []
        for e, j in zip(self.hours_inputs, range(len(self.hours_inputs)), strict=True):
            text = e.text().strip()
            name = self.table_model.display_feature_name(j)
            try:
                v = float(text)
            except ValueError:
                msg = (
                    self.tr("Type a value for {name}.")
                    if not text
                    else self.tr('{name}: "{text}" is not a number.')
                ).format(name=name, text=text)
                e.setStyleSheet(INVALID_STYLE)
                self._say(msg, error=True)
                return
            if not math.isfinite(v) or abs(v) > 3.4e38:
                e.setStyleSheet(INVALID_STYLE)
                self._say(self.tr("{name}: the value is too large.").format(name=name), error=True)
                return
            e.setStyleSheet("")
            values.append(v)
        p = float(model.probability(np.asarray(values))[0])
        verdict = self.tr("PASS") if p > t else self.tr("FAIL")
        color = "#2ca02c" if p > t else "#d62728"
        if model.n_features == 1:
            unit = self.tr("hour") if values[0] == 1 else self.tr("hours")
            lead = self.tr("After {x} {unit}:").format(x=f"{values[0]:g}", unit=unit)
        else:
            lead = self.tr("For these values:")
        parts = [
            f"{lead} <b>{p:.4f}</b> → <b style='color:{color}'>{verdict}</b> "
            + self.tr("(threshold {t:g})").format(t=t)
        ]
        if model.n_features == 1:
            b = model.decision_boundary(t)
            if b is None:
                parts.append(self.tr("The weight is 0: no number of hours reaches the threshold."))
            elif model.weights[0] > 0:
                parts.append(self.tr("About {b} hours needed to pass.").format(b=f"{b:.2f}"))
            else:
                parts.append(
                    self.tr("Passes below about {b} hours (the weight is negative).").format(
                        b=f"{b:.2f}"
                    )
                )
        else:
            z = logit(t)
            parts.append(self.tr("Passes when w·x + b > {z}.").format(z=f"{z:.3f}"))
        if self._model_out_of_date:
            parts.append(self.tr("(The model is out of date: the data changed.)"))
        self._say("<br>".join(parts))

    def _say(self, html: str, error: bool = False) -> None:
        self.prediction.setTextFormat(Qt.TextFormat.RichText)
        if error:
            html = f"<span style='color:#d62728'>{html}</span>"
        self.prediction.setText(html)

    def prediction_text(self) -> str:
        """The prediction as plain text (what a user reads)."""
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(self.prediction.text())
        return doc.toPlainText()

    # ================================================================ files
    def _confirm_discard(self) -> bool:
        """Ask to save unsaved changes; True when it is fine to go on."""
        if not self._modified:
            return True
        answer = dialogs.ask_unsaved(self, self._path.name if self._path else self.tr("Untitled"))
        if answer is dialogs.Unsaved.SAVE:
            return self._on_save_triggered()
        return answer is dialogs.Unsaved.DISCARD

    def _settings(self) -> QSettings:
        return QSettings()

    def _dir(self) -> str:
        return str(self._settings().value("lastDirectory", str(Path.home())))

    def _remember_dir(self, path: Path) -> None:
        self._settings().setValue("lastDirectory", str(path.parent))

    def _on_new_triggered(self) -> None:
        if self._thread is not None or not self._confirm_discard():
            return
        self.table_model.load_without_undo(TableData(np.zeros((0, 1)), np.zeros(0), ["x"], "y", {}))
        self._path = None
        self._on_reset_clicked()
        self._set_modified(False)
        self._update_title()

    def _on_open_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open project"),
            self._dir(),
            self.tr(
                "Logistic Regression Studio projects (*{s});;CSV files (*.csv *.tsv *.txt);;All files (*)"
            ).format(s=PROJECT_SUFFIX),
        )
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        """Open a project file, or import a CSV file, by its suffix."""
        p = Path(path)
        if p.suffix.lower() != PROJECT_SUFFIX:
            self.import_csv(path)
            return True
        if self._thread is not None:
            self._show_error(self.tr("Stop training before opening another project."))
            return False
        if not self._confirm_discard():
            return False
        try:
            project = load_project(p)
        except FileFormatError as exc:
            self._error_box(self.tr("Cannot open the project"), str(exc))
            return False
        self._apply_project(project)
        self._path = p
        self._add_recent(p)
        self._remember_dir(p)
        self._set_modified(False)
        self._update_title()
        self.statusBar().showMessage(self.tr("Opened {name}.").format(name=p.name), 5000)
        return True

    def _apply_project(self, project: Project) -> None:
        self.table_model.load_without_undo(
            TableData(
                project.features,
                project.labels,
                list(project.feature_names),
                project.label_name,
                dict(project.invalid_cells),
            )
        )
        c = project.config
        self.epochs_input.setValue(c.epochs)
        self.lr_input.setText(repr(c.learning_rate))
        self.optimizer_input.setCurrentIndex(max(0, self.optimizer_input.findData(c.optimizer)))
        self.wd_input.setText(repr(c.weight_decay))
        self.batch_input.setValue(c.batch_size or 0)
        self.seed_input.setText("" if c.seed is None else str(c.seed))
        self.init_weight_input.setText(
            "" if c.init_weights is None else ", ".join(repr(w) for w in c.init_weights)
        )
        self.init_bias_input.setText("" if c.init_bias is None else repr(c.init_bias))
        self.fast_input.setChecked(c.method == "closed-form")
        self.threshold_input.setText(f"{project.threshold:g}")
        self.curve_plot.set_threshold(project.threshold)
        self._model = project.model
        self._model_out_of_date = False
        self.loss_plot.clear_losses()
        self.loss_plot.append(project.loss_history)
        self.loss_plot.refresh()
        n = len(project.loss_history)
        self.progress.setRange(0, max(c.epochs, 1))
        self.progress.setValue(min(n, c.epochs))
        self.progress.setFormat(
            self.tr("Loaded: {n} epochs").format(n=f"{n:,}") if n else self.tr("Not trained yet")
        )
        self.curve_plot.set_model(self._model)
        self._update_train_enabled()
        self._update_model_status()
        self._update_prediction()

    def _project(self) -> Project:
        snap = self.table_model.snapshot()
        try:
            config = self._read_config()
        except ConfigError:
            config = TrainingConfig()
        return Project(
            features=snap.features,
            labels=snap.labels,
            feature_names=tuple(snap.feature_names),
            label_name=snap.label_name,
            config=config,
            threshold=self._threshold() or 0.5,
            model=self._model,
            loss_history=self.loss_values(),
            invalid_cells=snap.invalid,
        )

    def _on_save_triggered(self) -> bool:
        if self._path is None:
            return self._on_save_as_triggered()
        return self.save_project_to(str(self._path))

    def _on_save_as_triggered(self) -> bool:
        start = (
            str(self._path)
            if self._path
            else str(Path(self._dir()) / (self.tr("study") + PROJECT_SUFFIX))
        )
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save project"),
            start,
            self.tr("Logistic Regression Studio projects (*{s})").format(s=PROJECT_SUFFIX),
        )
        if not path:
            return False
        if not path.lower().endswith(PROJECT_SUFFIX):
            path += PROJECT_SUFFIX
        return self.save_project_to(path)

    def save_project_to(self, path: str) -> bool:
        """Save the project to ``path`` (atomically); True on success."""
        p = Path(path)
        try:
            save_project(p, self._project())
        except (OSError, ValueError) as exc:
            self._error_box(self.tr("Cannot save the project"), f"{p.name}: {exc}")
            return False
        self._path = p
        self._add_recent(p)
        self._remember_dir(p)
        self._set_modified(False)
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved {name}.").format(name=p.name), 5000)
        return True

    def _on_import_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import CSV"),
            self._dir(),
            self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)"),
        )
        if path:
            self.import_csv(path)

    def import_csv(self, path: str) -> None:
        """Read a CSV in the background; replace the table when it is valid (undoable)."""
        if self._import_thread is not None:
            return
        worker = ImportWorker(path)
        worker.imported.connect(self._on_import_imported)
        worker.importFailed.connect(self._on_import_failed)
        worker.finished.connect(self._on_import_worker_finished)
        dialog = QProgressDialog(
            self.tr("Reading {name}…").format(name=Path(path).name), self.tr("Cancel"), 0, 100, self
        )
        dialog.setObjectName("importProgress")
        dialog.setWindowTitle(self.tr("Import CSV"))
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        # A direct call, not a queued slot: the worker's thread runs no event loop while reading.
        dialog.canceled.connect(self._on_import_cancel_requested)
        worker.progressed.connect(self._on_import_progressed)
        self._import_dialog = dialog
        self._import_worker = worker
        self._import_path = Path(path)
        self._import_thread = start_in_thread(worker, "csv-import")
        self._import_thread.finished.connect(self._on_import_thread_finished)
        self._import_outcome = "failed"
        self.statusBar().showMessage(self.tr("Importing {name}…").format(name=Path(path).name))

    @Slot()
    def _on_import_cancel_requested(self) -> None:
        if self._import_worker is not None:
            self._import_worker.cancel()

    @Slot(float)
    def _on_import_progressed(self, fraction: float) -> None:
        if self._import_dialog is not None:
            self._import_dialog.setValue(int(fraction * 100))

    @Slot(object)
    def _on_import_imported(self, ds: Dataset) -> None:
        self.table_model.replace_all(TableData.from_dataset(ds), self.tr("Import CSV"))
        self._remember_dir(self._import_path)
        self._add_recent(self._import_path)
        self.table.scrollToTop()
        self.statusBar().showMessage(
            self.tr("Imported {n} rows from {name}.").format(
                n=f"{ds.n_rows:,}", name=self._import_path.name
            ),
            8000,
        )

    @Slot(str)
    def _on_import_failed(self, message: str) -> None:
        self._error_box(self.tr("Import failed: nothing was changed"), message)

    @Slot(str)
    def _on_import_worker_finished(self, outcome: str) -> None:
        self._import_outcome = outcome
        if outcome == "stopped":
            self.statusBar().showMessage(self.tr("Import cancelled: nothing was changed."), 5000)

    @Slot()
    def _on_import_thread_finished(self) -> None:
        if self._import_dialog is not None:
            self._import_dialog.reset()
            self._import_dialog.deleteLater()
            self._import_dialog = None
        if self._import_thread is not None:
            self._import_thread.deleteLater()
        self._import_worker = None
        self._import_thread = None
        self.importFinished.emit(self._import_outcome)

    def _on_export_csv_triggered(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export CSV"),
            str(Path(self._dir()) / "data.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if path:
            self.export_csv_to(path)

    def export_csv_to(self, path: str) -> bool:
        problem = self.table_model.first_problem()
        if problem:
            self._error_box(self.tr("Cannot export CSV"), problem)
            return False
        snap = self.table_model.snapshot()
        try:
            write_csv(
                path,
                Dataset(snap.features, snap.labels, tuple(snap.feature_names), snap.label_name),
            )
        except (OSError, DataError) as exc:
            self._error_box(self.tr("Cannot export CSV"), str(exc))
            return False
        self.statusBar().showMessage(self.tr("Exported {name}.").format(name=Path(path).name), 5000)
        return True

    def _on_export_model_triggered(self) -> None:
        if self._model is None:
            self._error_box(self.tr("No model yet"), self.tr("Train the model first."))
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export model"),
            str(Path(self._dir()) / "model.json"),
            self.tr("Model files (*.json)"),
        )
        if path:
            try:
                save_model(
                    path,
                    self._model,
                    label_name=self.table_model.label_name,
                    threshold=self._threshold() or 0.5,
                )
            except OSError as exc:
                self._error_box(self.tr("Cannot save the model"), str(exc))

    def _on_restore_example_triggered(self) -> None:
        self.table_model.replace_all(
            TableData.from_dataset(example_dataset()), self.tr("Restore example data")
        )

    def _on_export_loss_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export loss curve"),
            str(Path(self._dir()) / "loss.png"),
            self.tr("PNG image (*.png);;SVG image (*.svg);;CSV table (*.csv)"),
        )
        if path:
            try:
                self.loss_plot.export(path)
            except (OSError, ValueError) as exc:
                self._error_box(self.tr("Cannot export the loss curve"), str(exc))

    def _error_box(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message)
        self._error = message
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("errorDialog")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # ================================================================ recent files
    def _recent(self) -> list[str]:
        v = self._settings().value("recentFiles", [])
        if isinstance(v, str):
            return [v]
        return [str(x) for x in (v or [])]

    def _add_recent(self, path: Path) -> None:
        items = [str(path.resolve())] + [r for r in self._recent() if r != str(path.resolve())]
        self._settings().setValue("recentFiles", items[:MAX_RECENT])
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        items = self._recent()
        for i, item in enumerate(items):
            a = self.recent_menu.addAction(f"&{i + 1} {Path(item).name}")
            a.setData(item)
            a.setStatusTip(item)
            a.triggered.connect(self._on_recent_triggered)
        self.recent_menu.setEnabled(bool(items))

    @Slot()
    def _on_recent_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            path = str(action.data())
            if Path(path).exists():
                self.open_path(path)
            else:
                self._error_box(
                    self.tr("File not found"), self.tr("{p} no longer exists.").format(p=path)
                )

    # ================================================================ settings & closing
    def _restore_settings(self) -> None:
        s = self._settings()
        geo = s.value("window/geometry")
        if isinstance(geo, QByteArray | bytes):
            self.restoreGeometry(geo)
        state = s.value("window/splitter")
        if isinstance(state, QByteArray | bytes):
            self.splitter.restoreState(state)
        self.epochs_input.setValue(int(s.value("training/epochs", 1000)))
        self.lr_input.setText(str(s.value("training/learningRate", "0.01")))
        self.optimizer_input.setCurrentIndex(
            max(0, self.optimizer_input.findData(str(s.value("training/optimizer", "sgd"))))
        )
        self.wd_input.setText(str(s.value("training/weightDecay", "0")))
        self.batch_input.setValue(int(s.value("training/batchSize", 0)))
        self.fast_input.setChecked(str(s.value("training/fast", "false")).lower() == "true")
        self.threshold_input.setText(str(s.value("prediction/threshold", "0.5")))
        t = self._threshold()
        if t is not None:
            self.curve_plot.set_threshold(t)
        self.log_check.setChecked(str(s.value("view/logScale", "false")).lower() == "true")
        self._rebuild_recent_menu()

    def _save_settings(self) -> None:
        s = self._settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("training/epochs", self.epochs_input.value())
        s.setValue("training/learningRate", self.lr_input.text())
        s.setValue("training/optimizer", self.optimizer_input.currentData())
        s.setValue("training/weightDecay", self.wd_input.text())
        s.setValue("training/batchSize", self.batch_input.value())
        s.setValue("training/fast", self.fast_input.isChecked())
        s.setValue("prediction/threshold", self.threshold_input.text())
        s.setValue("view/logScale", self.log_check.isChecked())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._confirm_discard():
            event.ignore()
            return
        self._stop_and_join()
        self._save_settings()
        event.accept()

    def _on_loss_hovered(self, text: str) -> None:
        self.loss_readout.setText(text)

    def _on_about_triggered(self) -> None:
        box = QMessageBox(self)
        box.setObjectName("aboutDialog")
        box.setWindowTitle(self.tr("About Logistic Regression Studio"))
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setText(self.tr("<h3>Logistic Regression Studio {v}</h3>").format(v=__version__))
        box.setInformativeText(
            self.tr(
                "Train a PyTorch logistic regression on your own data and see how it learns: "
                "the loss, the fitted curve, the hours needed to pass, and the exact fit beside it.<br><br>"
                "It grows out of a Korean blog post on lecture 06 of “PyTorch Zero To All”, "
                "and gives exactly the post's numbers for the same starting values."
            )
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def _duration(seconds: float) -> str:
    if not math.isfinite(seconds) or seconds < 0:
        return "—"
    if seconds < 10:
        return f"{seconds:.1f} s"
    if seconds < 3600:
        m, s = divmod(int(seconds), 60)
        return f"{m}:{s:02d}" if m else f"{s} s"
    h, rem = divmod(int(seconds), 3600)
    return f"{h} h {rem // 60} min"
