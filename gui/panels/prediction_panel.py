"""The prediction panel: an input per feature, the threshold, and the model's answer."""

from __future__ import annotations

from html import escape
from itertools import pairwise

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from core.explain import Direction, verdict
from core.model import LogisticModel
from gui import style
from gui.settle import torch_loading


class PredictionPanel(QWidget):
    """``hoursInput`` (``hoursInput2`` …), ``thresholdInput`` and ``predictionResult``."""

    thresholdChanged = Signal(float)  # a valid threshold the user typed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("predictionPanel")
        self._model: LogisticModel | None = None
        self._out_of_date = False
        self._names: list[str] = []
        self.inputs: list[QLineEdit] = []
        self._labels: list[QLabel] = []
        self.inputs_layout = QHBoxLayout()
        self.threshold_input = QLineEdit("0.5")
        self.threshold_input.setObjectName("thresholdInput")
        self.threshold_input.setToolTip(
            self.tr("Probability above which the answer is PASS (the post: 0.5).")
        )
        self.threshold_input.setMaximumWidth(90)
        self.threshold_input.textEdited.connect(self._on_threshold_edited)
        threshold_label = QLabel(self.tr("Th&reshold"))
        threshold_label.setBuddy(self.threshold_input)
        self.threshold_input.setAccessibleName(self.tr("Threshold"))
        self.result = QLabel()
        self.result.setObjectName("predictionResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setAccessibleName(self.tr("Prediction"))
        f = self.result.font()
        f.setPointSizeF(f.pointSizeF() * 1.25)
        self.result.setFont(f)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._on_timer_timeout)

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addLayout(self.inputs_layout, 1)
        row.addWidget(threshold_label)
        row.addWidget(self.threshold_input)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    # ---- inputs from the session --------------------------------------------------------------
    def set_features(self, names: list[str]) -> None:
        """One input per feature, keeping what was typed where the count is unchanged."""
        if len(names) == len(self.inputs):
            for e, label, name in zip(self.inputs, self._labels, names, strict=True):
                e.setPlaceholderText(name)
                label.setText(name)
                e.setAccessibleName(name)
            self._names = list(names)
            self.schedule()
            return
        old = [e.text() for e in self.inputs]
        for w in [*self.inputs, *self._labels]:
            self.inputs_layout.removeWidget(w)
            w.deleteLater()
        self.inputs, self._labels, self._names = [], [], list(names)
        for j, name in enumerate(names):
            e = QLineEdit(old[j] if j < len(old) else ("7" if j == 0 else ""))
            e.setObjectName("hoursInput" if j == 0 else f"hoursInput{j + 1}")
            e.setPlaceholderText(name)
            e.setAccessibleName(name)
            e.setToolTip(self.tr("Value of {name} to predict for.").format(name=name))
            e.textEdited.connect(self._on_input_edited)
            label = QLabel(name)
            label.setBuddy(e)
            self.inputs_layout.addWidget(label)
            self.inputs_layout.addWidget(e, 1)
            self.inputs.append(e)
            self._labels.append(label)
        # New inputs join the focus chain at its end: put them where the layout has them.
        chain = [*self.inputs, self.threshold_input]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.schedule()

    def set_model(self, model: LogisticModel | None) -> None:
        self._model = model
        self.schedule()

    def set_out_of_date(self, out_of_date: bool) -> None:
        self._out_of_date = out_of_date
        self.schedule()

    def set_threshold(self, t: float) -> None:
        short_text = f"{t:g}"
        self.threshold_input.setText(short_text if float(short_text) == t else repr(t))
        self.schedule()

    def threshold(self) -> float | None:
        """The typed threshold, or None when it is not a number strictly between 0 and 1."""
        try:
            t = float(self.threshold_input.text())
        except ValueError:
            return None
        return t if 0 < t < 1 else None

    def values_text(self) -> list[str]:
        return [e.text() for e in self.inputs]

    # ---- the answer ---------------------------------------------------------------------------
    def schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        self._timer.stop()
        self.update_now()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._answer_unless_torch_loads()

    def _answer_unless_torch_loads(self) -> None:
        if torch_loading():
            # The answer uses torch (the seed's float32 arithmetic); while a background thread
            # imports it, `import torch` here would hold the window up to a second: ask later.
            self._timer.start()
            return
        self.update_now()

    @Slot()
    def update_now(self) -> None:
        t = self.threshold()
        style.set_state(self.threshold_input, None if t is not None else "error")
        model = self._model
        if t is None:
            self._say(self.tr("The threshold must be a number between 0 and 1, e.g. 0.5."), True)
            return
        if model is None:
            self._say(
                self.tr("Train the model, then type a number of hours to see whether it passes.")
            )
            return
        if model.n_features != len(self.inputs):
            self._say(
                self.tr(
                    "The model was trained on {m} feature(s) but the table has {d}: train again."
                ).format(m=model.n_features, d=len(self.inputs)),
                True,
            )
            return
        values = self._values()
        if values is None:
            return
        v = verdict(model, values, t)
        word = self.tr("PASS") if v.passes else self.tr("FAIL")
        colour = style.OK if v.passes else style.ERROR
        if model.n_features == 1:
            unit = self.tr("hour") if values[0] == 1 else self.tr("hours")
            lead = self.tr("After {x} {unit}:").format(x=f"{values[0]:g}", unit=unit)
        else:
            lead = self.tr("For these values:")
        parts = [
            f"{escape(lead)} <b>{v.probability:.4f}</b> → <b style='color:{colour}'>{word}</b> "
            + escape(self.tr("(threshold {t:g})").format(t=t))
        ]
        if model.n_features == 1:
            if v.boundary is None:
                parts.append(self.tr("The weight is 0: no number of hours reaches the threshold."))
            elif v.direction is Direction.ABOVE:
                parts.append(
                    self.tr("About {b} hours needed to pass.").format(b=f"{v.boundary:.2f}")
                )
            else:
                parts.append(
                    self.tr("Passes below about {b} hours (the weight is negative).").format(
                        b=f"{v.boundary:.2f}"
                    )
                )
        else:
            parts.append(self.tr("Passes when w·x + b > {z}.").format(z=f"{v.score_boundary:.3f}"))
        if self._out_of_date:
            parts.append(self.tr("(The model is out of date: the data changed.)"))
        self._say("<br>".join(parts), html=True)

    def _values(self) -> list[float] | None:
        values = []
        for e, name in zip(self.inputs, self._names, strict=True):
            text = e.text().strip()
            try:
                x = float(text)
            except ValueError:
                msg = (
                    self.tr("Type a value for {name}.")
                    if not text
                    else self.tr('{name}: "{text}" is not a number.')
                ).format(name=name, text=text)
                style.set_state(e, "error")
                self._say(msg, True)
                return None
            if not abs(x) <= 3.4e38:
                style.set_state(e, "error")
                self._say(self.tr("{name}: the value is too large.").format(name=name), True)
                return None
            style.set_state(e, None)
            values.append(x)
        return values

    def _say(self, text: str, error: bool = False, html: bool = False) -> None:
        body = text if html else escape(text)
        if error:
            body = f"<span style='color:{style.ERROR}'>{body}</span>"
        self.result.setText(body)
        self.result.setAccessibleDescription(self.text())

    def text(self) -> str:
        """The answer as plain text (what a user reads)."""
        doc = QTextDocument()
        doc.setHtml(self.result.text())
        return doc.toPlainText()

    # ---- slots -----------------------------------------------------------------------------------
    @Slot()
    def _on_input_edited(self) -> None:
        self._answer_unless_torch_loads()

    @Slot()
    def _on_threshold_edited(self) -> None:
        t = self.threshold()
        if t is not None:
            self.thresholdChanged.emit(t)
        self._answer_unless_torch_loads()
