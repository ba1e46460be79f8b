"""The training panel: the settings form, Train/Pause/Stop/Reset and the run's progress.

One table, :data:`FIELDS`, maps each :class:`core.training.TrainingConfig` setting to its
widget, how it is read and written, and its settings key; reading the form, filling it from a
project or the user's settings, enabling it and marking a bad field all walk that table.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal, SignalInstance, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core import seed as post
from core.session import Outcome
from core.training import (
    CHUNK_ROWS,
    MAX_EPOCHS,
    PYTHON_FAST_PATH_MAX_ROWS,
    ConfigError,
    TrainingConfig,
)
from gui import style
from gui.format import QT_TRANSLATE_NOOP, count, duration
from gui.i18n import translate_core, without_mnemonic
from gui.settings import Settings

CTX = "TrainingPanel"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


@dataclass(frozen=True)
class Field:
    """One setting: its TrainingConfig name, settings key, widget and texts (untranslated)."""

    name: str
    key: str
    object_name: str
    label: str
    tip: str
    kind: (
        str  # "epochs" | "float" | "optimizer" | "batch" | "seed" | "floats" | "opt_float" | "fast"
    )
    default: str = ""
    placeholder: str = ""


FIELDS: tuple[Field, ...] = (
    Field(
        "epochs",
        "training/epochs",
        "epochsInput",
        QT_TRANSLATE_NOOP(CTX, "Epo&chs"),
        QT_TRANSLATE_NOOP(
            CTX, "How many times training passes over all the data (the post: 1000)."
        ),
        "epochs",
        "1000",
    ),
    Field(
        "learning_rate",
        "training/learningRate",
        "learningRateInput",
        QT_TRANSLATE_NOOP(CTX, "&Learning rate"),
        QT_TRANSLATE_NOOP(
            CTX,
            "How big a step each update takes: too small is slow, too large diverges (the post: 0.01).",
        ),
        "float",
        "0.01",
    ),
    Field(
        "optimizer",
        "training/optimizer",
        "optimizerInput",
        QT_TRANSLATE_NOOP(CTX, "O&ptimizer"),
        QT_TRANSLATE_NOOP(
            CTX,
            "SGD follows the gradient with a fixed step; Adam adapts the step for each parameter.",
        ),
        "optimizer",
        "sgd",
    ),
    Field(
        "weight_decay",
        "training/weightDecay",
        "weightDecayInput",
        QT_TRANSLATE_NOOP(CTX, "Weight deca&y"),
        QT_TRANSLATE_NOOP(
            CTX,
            "L2 weight decay: pulls the weight and the bias toward 0 each step (0 = none, as in the post).",
        ),
        "float",
        "0",
    ),
    Field(
        "batch_size",
        "training/batchSize",
        "batchSizeInput",
        QT_TRANSLATE_NOOP(CTX, "&Batch size"),
        QT_TRANSLATE_NOOP(
            CTX, "Rows per update. Full batch uses every row each step, as the post does."
        ),
        "batch",
        "0",
    ),
    Field(
        "seed",
        "training/seed",
        "seedInput",
        QT_TRANSLATE_NOOP(CTX, "&Seed"),
        QT_TRANSLATE_NOOP(
            CTX,
            "Random seed for the initial weight and bias and the shuffling; empty picks one and shows it.",
        ),
        "seed",
        "",
        QT_TRANSLATE_NOOP(CTX, "random"),
    ),
    Field(
        "init_weights",
        "training/initWeights",
        "initWeightInput",
        QT_TRANSLATE_NOOP(CTX, "Initial &weight(s)"),
        QT_TRANSLATE_NOOP(
            CTX,
            "Starting weights, one per feature, comma-separated; empty means random from the seed.",
        ),
        "floats",
        "",
        QT_TRANSLATE_NOOP(CTX, "random from the seed"),
    ),
    Field(
        "init_bias",
        "training/initBias",
        "initBiasInput",
        QT_TRANSLATE_NOOP(CTX, "Initial b&ias"),
        QT_TRANSLATE_NOOP(CTX, "Starting bias; empty means random from the seed."),
        "opt_float",
        "",
        QT_TRANSLATE_NOOP(CTX, "random from the seed"),
    ),
    Field(
        "method",
        "training/fast",
        "fastPathInput",
        QT_TRANSLATE_NOOP(CTX, "Fast path (closed-form gradie&nt)"),
        QT_TRANSLATE_NOOP(
            CTX,
            "SGD with closed-form gradients instead of autograd, about 100 times faster on small "
            "data; losses within 1e-6 of the post's loop (the label below says which kernel).",
        ),
        "fast",
        "false",
    ),
)


def _number(text: str, field: str, label: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise ConfigError(
            field, _tr('{label}: "{text}" is not a number.').format(label=label, text=text)
        ) from None
    return v


class TrainingPanel(QWidget):
    """Settings, the run buttons and progress; asks, never trains itself."""

    trainRequested = Signal()
    pauseRequested = Signal()
    stopRequested = Signal()
    resetRequested = Signal()
    settingsEdited = Signal()
    holdoutChanged = Signal(int)
    statusMessage = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingPanel")
        self._n_features = 1
        self._running = False
        self.widgets: dict[str, QWidget] = {}
        form = QFormLayout()
        for f in FIELDS:
            w = self._make(f)
            self.widgets[f.name] = w
            if f.kind == "fast":
                form.addRow(w)
            else:
                label = QLabel(_tr(f.label))
                label.setBuddy(w)
                form.addRow(label, w)
        self.holdout = QSpinBox()
        self.holdout.setObjectName("holdoutInput")
        self.holdout.setRange(0, 90)
        self.holdout.setSuffix(" %")
        self.holdout.setSpecialValueText(self.tr("None"))
        self.holdout.setToolTip(
            _tr(
                "Hold out this share of the rows (stratified, drawn with the seed, or 0 without one): "
                "training never sees them, their loss is plotted each epoch and the Evaluation panel "
                "measures the model on them."
            )
        )
        self.holdout.setAccessibleName(_tr("Hold-out share"))
        self.holdout.valueChanged.connect(self._on_holdout_edited)
        holdout_label = QLabel(_tr("Hold &out"))
        holdout_label.setBuddy(self.holdout)
        form.addRow(holdout_label, self.holdout)
        self.post_button = self._button(
            "postPresetButton",
            _tr("Use the post's startin&g values"),
            _tr(
                "Initial weight 0.235 and bias 0.153: with the post's settings these reproduce its printed numbers exactly."
            ),
            self._on_post_preset_clicked,
        )
        form.addRow(self.post_button)
        self.train_button = self._button(
            "trainButton", _tr("Train"), _tr("Train the model (Ctrl+Enter)."), self.trainRequested
        )
        self.train_button.setDefault(True)
        self.pause_button = self._button(
            "pauseButton", _tr("Pause"), _tr("Pause or resume training (F6)."), self.pauseRequested
        )
        self.stop_button = self._button(
            "stopButton",
            _tr("Stop"),
            _tr("Stop training and keep the model so far (Esc)."),
            self.stopRequested,
        )
        self.reset_button = self._button(
            "resetButton",
            _tr("Reset"),
            _tr(
                "Forget the trained model and clear the curves; the next run starts from new initial parameters."
            ),
            self.resetRequested,
        )
        self.progress = QProgressBar()
        self.progress.setObjectName("trainingProgress")
        self.progress.setAccessibleName(_tr("Training progress"))
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(_tr("Not trained yet"))
        self.progress.setTextVisible(True)
        self.message = QLabel()
        self.message.setObjectName("trainBlockedReason")
        self.message.setWordWrap(True)
        self.model_status = QLabel()
        self.model_status.setObjectName("modelStatus")
        self.model_status.setWordWrap(True)
        self.engine = QLabel()
        self.engine.setObjectName("engineDescription")
        self.engine.setWordWrap(True)
        self._n_rows = 0

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.engine)
        buttons = QHBoxLayout()
        for b in (self.train_button, self.pause_button, self.stop_button, self.reset_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.model_status)
        layout.addStretch(1)
        self.set_running(False)

    # ---- building ---------------------------------------------------------------------------
    def _button(
        self, name: str, text: str, tip: str, slot: Callable[[], object] | SignalInstance
    ) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.setToolTip(tip)
        b.clicked.connect(slot)
        return b

    def _make(self, f: Field) -> QWidget:
        w: QWidget
        if f.kind == "epochs":
            spin = QSpinBox()
            spin.setRange(1, MAX_EPOCHS)
            spin.setValue(int(f.default))
            spin.setGroupSeparatorShown(True)
            spin.valueChanged.connect(self._on_field_edited)
            w = spin
        elif f.kind == "batch":
            spin = QSpinBox()
            spin.setRange(0, 2_000_000_000)
            spin.setSpecialValueText(_tr("Full batch"))
            spin.setValue(0)
            spin.setGroupSeparatorShown(True)
            spin.valueChanged.connect(self._on_field_edited)
            w = spin
        elif f.kind == "optimizer":
            combo = QComboBox()
            combo.addItem(_tr("SGD (as in the post)"), "sgd")
            combo.addItem(_tr("Adam"), "adam")
            combo.currentIndexChanged.connect(self._on_field_edited)
            w = combo
        elif f.kind == "fast":
            check = QCheckBox(_tr(f.label))
            check.toggled.connect(self._on_field_edited)
            w = check
        else:
            edit = QLineEdit(f.default)
            if f.placeholder:
                edit.setPlaceholderText(_tr(f.placeholder))
            edit.textEdited.connect(self._on_field_edited)
            w = edit
        w.setObjectName(f.object_name)
        w.setToolTip(_tr(f.tip))
        w.setAccessibleName(without_mnemonic(_tr(f.label)))
        return w

    # ---- reading and writing the form -------------------------------------------------------
    def _read(self, f: Field) -> Any:
        w = self.widgets[f.name]
        label = without_mnemonic(_tr(f.label))
        if isinstance(w, QSpinBox):
            v = w.value()
            return (v or None) if f.kind == "batch" else v
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QCheckBox):
            return "closed-form" if w.isChecked() else "autograd"
        assert isinstance(w, QLineEdit)
        text = w.text().strip()
        if f.kind == "float":
            return _number(text, f.name, label)
        if not text:
            return None
        if f.kind == "opt_float":
            return _number(text, f.name, label)
        if f.kind == "seed":
            try:
                return int(text)
            except ValueError:
                raise ConfigError(
                    f.name, _tr('Seed: "{t}" is not a whole number.').format(t=text)
                ) from None
        try:  # "floats"
            return tuple(float(p) for p in text.replace(";", ",").split(",") if p.strip())
        except ValueError:
            raise ConfigError(
                f.name,
                _tr('Initial weights: "{t}" must be numbers separated by commas.').format(t=text),
            ) from None

    def _write(self, f: Field, value: Any) -> None:
        w = self.widgets[f.name]
        w.blockSignals(True)
        try:
            if isinstance(w, QSpinBox):
                w.setValue(int(value or 0))
            elif isinstance(w, QComboBox):
                w.setCurrentIndex(max(0, w.findData(value)))
            elif isinstance(w, QCheckBox):
                w.setChecked(value == "closed-form")
            elif isinstance(w, QLineEdit):
                if value is None:
                    w.setText("")
                elif isinstance(value, tuple):
                    w.setText(", ".join(repr(float(v)) for v in value))
                elif isinstance(value, float):
                    w.setText(repr(value))
                else:
                    w.setText(str(value))
        finally:
            w.blockSignals(False)

    def config(self) -> TrainingConfig:
        """The settings in the form, or ``ConfigError`` naming the field."""
        values = {f.name: self._read(f) for f in FIELDS}
        if values["optimizer"] != "sgd":
            values["method"] = "autograd"  # the fast path is SGD's; Adam ignores the box
        config = TrainingConfig(**values)
        config.validate(self._n_features)
        return config

    def set_config(self, config: TrainingConfig) -> None:
        """Fill the form with ``config`` (no ``settingsEdited``)."""
        for f in FIELDS:
            self._write(f, getattr(config, f.name))
        self.refresh()

    def set_initial(self, weights: tuple[float, ...], bias: float) -> None:
        """Put these starting values in the form (a click on the loss landscape)."""
        by_name = {f.name: f for f in FIELDS}
        self._write(by_name["init_weights"], tuple(float(w) for w in weights))
        self._write(by_name["init_bias"], float(bias))
        self._on_field_edited()

    def holdout_percent(self) -> int:
        """The share of rows held out from training (0: none)."""
        return int(self.holdout.value())

    def split_seed(self) -> int:
        """The seed of the hold-out split: the training seed, or 0 without one."""
        w = self.widgets["seed"]
        assert isinstance(w, QLineEdit)
        try:
            return max(0, int(w.text().strip()))
        except ValueError:
            return 0

    def set_n_features(self, d: int) -> None:
        self._n_features = d

    # ---- the user's settings ----------------------------------------------------------------
    def restore(self, settings: Settings) -> None:
        """Fill the form from the user's settings; an invalid value reads as its default."""
        default = TrainingConfig()
        for f in FIELDS:
            if f.kind in ("seed", "floats", "opt_float"):
                continue  # per project, not per user
            value: Any = getattr(default, f.name)
            if f.kind == "epochs":
                value = settings.integer(f.key, default.epochs, 1, MAX_EPOCHS)
            elif f.kind == "batch":
                value = settings.integer(f.key, 0, 0, 2_000_000_000) or None
            elif f.kind == "optimizer":
                v = settings.text(f.key, "sgd")
                value = v if v in ("sgd", "adam") else "sgd"
            elif f.kind == "fast":
                value = "closed-form" if settings.boolean(f.key, False) else "autograd"
            elif f.kind == "float":
                bound = (1e-300, 1e4) if f.name == "learning_rate" else (0.0, 1e4)
                value = settings.number(f.key, float(getattr(default, f.name)), *bound)
            self._write(f, value)
        self.holdout.blockSignals(True)
        self.holdout.setValue(settings.integer("training/holdout", 0, 0, 90))
        self.holdout.blockSignals(False)
        self.refresh()

    def save(self, settings: Settings) -> None:
        settings.set("training/holdout", self.holdout_percent())
        for f in FIELDS:
            w = self.widgets[f.name]
            if f.kind in ("seed", "floats", "opt_float"):
                continue
            if isinstance(w, QSpinBox):
                settings.set(f.key, w.value())
            elif isinstance(w, QComboBox):
                settings.set(f.key, w.currentData())
            elif isinstance(w, QCheckBox):
                settings.set(f.key, w.isChecked())
            elif isinstance(w, QLineEdit):
                settings.set(f.key, w.text())

    # ---- state shown ------------------------------------------------------------------------
    def set_running(self, running: bool) -> None:
        self._running = running
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        if not running:
            self.pause_button.setText(_tr("Pause"))
        for w in [*self.widgets.values(), self.post_button, self.holdout]:
            w.setEnabled(not running)

    def set_paused(self, paused: bool) -> None:
        self.pause_button.setText(_tr("Resume") if paused else _tr("Pause"))

    def show_blocked(self, table_problem: str | None, warning: str | None) -> str | None:
        """Enable Train unless the table or a field is wrong; return the reason shown."""
        for w in self.widgets.values():
            if isinstance(w, QLineEdit):
                style.set_state(w, None)
        reason = table_problem
        if reason is None:
            try:
                self.config()
            except ConfigError as exc:
                reason = str(exc)
                bad = self.widgets.get(exc.field)
                if isinstance(bad, QLineEdit):
                    style.set_state(bad, "error")
        self.train_button.setEnabled(reason is None and not self._running)
        if reason:
            self.message.setText(
                _tr("Cannot train: {reason}").format(reason=translate_core(reason))
            )
            style.set_state(self.message, "error")
            self.train_button.setToolTip(reason)
        else:
            self.message.setText(warning or "")
            style.set_state(self.message, "warning" if warning else None)
            self.train_button.setToolTip(_tr("Train the model (Ctrl+Enter)."))
        return reason

    def refresh(self) -> None:
        """Re-check the form (Train's state) with the last table problem and warning."""
        self.show_blocked(self._table_problem, self._table_warning)
        self.engine.setText(self.engine_text())

    _table_problem: str | None = None
    _table_warning: str | None = None

    def set_table_state(
        self, problem: str | None, warning: str | None, n_rows: int | None = None
    ) -> None:
        self._table_problem, self._table_warning = problem, warning
        if n_rows is not None:
            self._n_rows = n_rows
        self.refresh()

    def engine_text(self) -> str:
        """What will train, honestly labelled (the fast path says how close it is)."""
        w = self.widgets["method"]
        fast = isinstance(w, QCheckBox) and w.isChecked()
        opt = self.widgets["optimizer"]
        if fast and isinstance(opt, QComboBox) and opt.currentData() != "sgd":
            return _tr("The fast path is for SGD: Adam trains with PyTorch autograd.")
        if fast and self._n_rows <= PYTHON_FAST_PATH_MAX_ROWS:
            return _tr(
                "Fast path: closed-form gradients in float64 Python arithmetic, rounded to float32 "
                "after each step as PyTorch stores them; losses within 1e-6 of the post's loop."
            )
        if fast:
            return _tr(
                "Fast path: closed-form gradients in float32 PyTorch without autograd; losses "
                "within 1e-6 of the post's loop."
            )
        if self._n_rows > CHUNK_ROWS:
            return _tr(
                "PyTorch autograd (the post's loop), each epoch over blocks of {n} rows to bound "
                "memory; losses equal to float32 precision."
            ).format(n=count(CHUNK_ROWS))
        return _tr("PyTorch autograd: the post's loop, bit for bit.")

    def show_error(self, message: str) -> None:
        self.message.setText(message)
        style.set_state(self.message, "error")

    def clear_message(self) -> None:
        self.message.setText("")
        style.set_state(self.message, None)

    def set_model_status(self, out_of_date: bool) -> None:
        text = (
            _tr(
                "The data or the columns changed since training: the model is out of date. Train again to update it."
            )
            if out_of_date
            else ""
        )
        self.model_status.setText(text)
        style.set_state(self.model_status, "warning" if text else None)

    def start_progress(self, epochs: int) -> None:
        self.progress.setRange(0, epochs)
        self.progress.setValue(0)
        self.progress.setFormat(_tr("Starting…"))

    def show_progress(self, done: int, total: int, elapsed: float) -> None:
        self.progress.setValue(done)
        rate = done / elapsed if elapsed > 0 else 0.0
        left = (total - done) / rate if rate > 0 else math.nan
        self.progress.setFormat(
            _tr("Epoch {n} / {total} · {rate} epochs/s · {left} left").format(
                n=count(done), total=count(total), rate=f"{rate:,.0f}", left=duration(left)
            )
        )

    def show_outcome(self, outcome: Outcome, epochs: int) -> None:
        if outcome is Outcome.DONE:
            self.progress.setFormat(_tr("Done: {n} epochs").format(n=count(epochs)))
            self.clear_message()
        elif outcome is Outcome.STOPPED:
            self.progress.setFormat(_tr("Stopped at epoch {n}").format(n=count(epochs)))
            self.clear_message()
        else:
            self.progress.setFormat(_tr("Failed at epoch {n}").format(n=count(epochs + 1)))

    def show_loaded(self, epochs_run: int, epochs: int) -> None:
        self.progress.setRange(0, max(epochs, 1))
        self.progress.setValue(min(epochs_run, epochs))
        self.progress.setFormat(
            _tr("Loaded: {n} epochs").format(n=count(epochs_run))
            if epochs_run
            else _tr("Not trained yet")
        )

    def clear_progress(self) -> None:
        self.progress.setValue(0)
        self.progress.setFormat(_tr("Not trained yet"))

    # ---- slots --------------------------------------------------------------------------------
    @Slot()
    def _on_holdout_edited(self) -> None:
        self.holdoutChanged.emit(self.holdout_percent())
        self.settingsEdited.emit()

    @Slot()
    def _on_field_edited(self) -> None:
        self.refresh()
        self.settingsEdited.emit()

    @Slot()
    def _on_post_preset_clicked(self) -> None:
        if self._n_features != 1:
            self.statusMessage.emit(_tr("The post's values are for one feature (hours)."), 5000)
        self.set_config(post_preset(self._n_features))
        self.settingsEdited.emit()
        self.statusMessage.emit(_tr("The post's settings: press Train to get its numbers."), 5000)

    def apply_post_preset(self) -> None:
        """What the post's button does (for the menu action)."""
        self._on_post_preset_clicked()


def post_preset(n_features: int) -> TrainingConfig:
    """The post's settings and starting values (one weight per feature)."""
    return TrainingConfig(
        epochs=post.EPOCHS,
        learning_rate=post.LEARNING_RATE,
        optimizer="sgd",
        weight_decay=0.0,
        batch_size=None,
        seed=None,
        init_weights=(post.INIT_WEIGHT,) * n_features,
        init_bias=post.INIT_BIAS,
        method="autograd",
    )


assert {f.name for f in FIELDS} == {f.name for f in fields(TrainingConfig)}
