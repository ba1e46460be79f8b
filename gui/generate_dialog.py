"""Generate data: a reproducible scenario whose true parameters are known.

The dialog reads its fields into :func:`core.generate.generate`'s arguments and shows a preview
line ("40 rows, 18 passed, separable") as the user types; OK hands the data set to the caller,
which replaces the table undoably.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.data import Dataset
from core.exact import detect_separation
from core.generate import PRESETS, generate
from gui import style


class GenerateDataDialog(QDialog):
    """``generateDataDialog``: preset, n, true weight(s) and bias, noise, balance, seed."""

    def __init__(self, n_features: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("generateDataDialog")
        self.setWindowTitle(self.tr("Generate data"))
        self.preset = QComboBox()
        self.preset.setObjectName("generatePresetInput")
        for p, text in zip(
            PRESETS,
            (self.tr("Separable"), self.tr("Nearly separable"), self.tr("Overlapping")),
            strict=True,
        ):
            self.preset.addItem(text, p)
        self.preset.setCurrentIndex(PRESETS.index("overlapping"))
        self.rows = QSpinBox()
        self.rows.setObjectName("generateRowsInput")
        self.rows.setRange(4, 1_000_000)
        self.rows.setValue(40)
        self.rows.setGroupSeparatorShown(True)
        self.weights = QLineEdit(", ".join(["1.0"] * max(1, n_features)))
        self.weights.setObjectName("generateWeightsInput")
        self.bias = QLineEdit("-2.5")
        self.bias.setObjectName("generateBiasInput")
        self.noise = QLineEdit("")
        self.noise.setObjectName("generateNoiseInput")
        self.noise.setPlaceholderText(self.tr("the preset's"))
        self.balance = QLineEdit("0.5")
        self.balance.setObjectName("generateBalanceInput")
        self.seed = QSpinBox()
        self.seed.setObjectName("generateSeedInput")
        self.seed.setRange(0, 2_000_000_000)
        self.preview = QLabel()
        self.preview.setObjectName("generatePreview")
        self.preview.setWordWrap(True)
        form = QFormLayout()
        for label, w, tip in (
            (
                self.tr("&Scenario"),
                self.preset,
                self.tr(
                    "Separable: no finite exact fit; nearly separable: a few labels flipped; overlapping: labels drawn from the true model."
                ),
            ),
            (self.tr("&Rows"), self.rows, self.tr("How many rows to generate.")),
            (
                self.tr("True &weight(s)"),
                self.weights,
                self.tr(
                    "One per feature, comma-separated; their number is the number of features."
                ),
            ),
            (self.tr("True &bias"), self.bias, self.tr("The true model is P(pass) = σ(w·x + b).")),
            (
                self.tr("&Noise"),
                self.noise,
                self.tr("Share of labels flipped, 0 to 0.5; empty: the scenario's default."),
            ),
            (
                self.tr("Class &balance"),
                self.balance,
                self.tr("Wanted share of 1s, strictly between 0 and 1."),
            ),
            (
                self.tr("S&eed"),
                self.seed,
                self.tr("The same seed and settings give the same data."),
            ),
        ):
            lab = QLabel(label)
            lab.setBuddy(w)
            w.setToolTip(tip)
            w.setAccessibleName(label.replace("&", ""))
            form.addRow(lab, w)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("generateOkButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Replace the table")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self.preset.currentIndexChanged.connect(self._on_changed)
        self.rows.valueChanged.connect(self._on_changed)
        self.seed.valueChanged.connect(self._on_changed)
        for e in (self.weights, self.bias, self.noise, self.balance):
            e.textChanged.connect(self._on_changed)
        self._dataset: Dataset | None = None
        self._on_changed()

    def arguments(self) -> dict[str, Any]:
        """The fields as :func:`core.generate.generate`'s arguments (ValueError naming a field)."""

        def number(edit: QLineEdit, name: str) -> float:
            try:
                return float(edit.text())
            except ValueError:
                raise ValueError(
                    self.tr('{name}: "{t}" is not a number.').format(name=name, t=edit.text())
                ) from None

        try:
            weights = [
                float(p) for p in self.weights.text().replace(";", ",").split(",") if p.strip()
            ]
        except ValueError:
            raise ValueError(self.tr("True weight(s): give numbers separated by commas.")) from None
        if not weights:
            raise ValueError(self.tr("True weight(s): give at least one number."))
        names = ("hours",) if len(weights) == 1 else None
        return {
            "n": self.rows.value(),
            "weights": weights,
            "bias": number(self.bias, self.tr("True bias")),
            "preset": self.preset.currentData(),
            "noise": number(self.noise, self.tr("Noise")) if self.noise.text().strip() else None,
            "balance": number(self.balance, self.tr("Class balance")),
            "seed": self.seed.value(),
            "feature_names": names,
        }

    def dataset(self) -> Dataset | None:
        """The data set the fields give now (None when a field is wrong)."""
        return self._dataset

    @Slot()
    def _on_changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            ds = generate(**self.arguments())
        except ValueError as exc:
            self._dataset = None
            self.preview.setText(str(exc))
            style.set_state(self.preview, "error")
            ok.setEnabled(False)
            return
        self._dataset = ds
        sep = detect_separation(ds.features, ds.labels)
        kind = {
            "complete": self.tr("separable"),
            "quasi-complete": self.tr("quasi-separable"),
            "none": self.tr("overlapping"),
        }[sep]
        self.preview.setText(
            self.tr("{n} rows, {k} passed, {kind}").format(
                n=f"{ds.n_rows:,}", k=f"{int(ds.labels.sum()):,}", kind=kind
            )
        )
        style.set_state(self.preview, None)
        ok.setEnabled(True)
