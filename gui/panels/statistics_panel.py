"""The statistics panel: coefficients with their inference, and how well the model fits.

Maximum likelihood (as statsmodels) or Firth's penalised likelihood (as R's ``logistf``), at a
chosen confidence level, beside the trained PyTorch model's own estimates. Under separation
the Wald numbers of maximum likelihood mean nothing, so they are not shown as if they did.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.analysis import Analysis
from core.model import LogisticModel
from gui.panels.tables import DASH, ResultTable, fmt, fmt_p

ML, FIRTH = "ml", "firth"


class StatisticsPanel(QWidget):
    """``coefficientsTable``, ``fitSummary``, the method and the confidence level."""

    optionsChanged = Signal(float, bool)  # level, want Firth

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsPanel")
        self._analysis: Analysis | None = None
        self._model: LogisticModel | None = None
        self._label = "y"
        self._training = False
        self.method = QComboBox()
        self.method.setObjectName("fitMethodInput")
        self.method.addItem(self.tr("Maximum likelihood"), ML)
        self.method.addItem(self.tr("Firth (penalised likelihood)"), FIRTH)
        self.method.setToolTip(
            self.tr(
                "Maximum likelihood as statsmodels and most textbooks; Firth's penalised likelihood "
                "(R's logistf) always gives finite estimates, also when the data are separable."
            )
        )
        self.method.setAccessibleName(self.tr("Fit method"))
        self.level = QDoubleSpinBox()
        self.level.setObjectName("ciLevelInput")
        self.level.setRange(50.0, 99.9)
        self.level.setDecimals(1)
        self.level.setSingleStep(1.0)
        self.level.setValue(95.0)
        self.level.setSuffix(" %")
        self.level.setToolTip(self.tr("Confidence level of the intervals."))
        self.level.setAccessibleName(self.tr("Confidence level"))
        level_label = QLabel(self.tr("Confidence level"))
        level_label.setBuddy(self.level)
        method_label = QLabel(self.tr("Method"))
        method_label.setBuddy(self.method)
        self.firth_button = QPushButton(self.tr("Use Firth"))
        self.firth_button.setObjectName("useFirthButton")
        self.firth_button.setToolTip(
            self.tr("Show Firth's penalised-likelihood fit, which is finite for separable data.")
        )
        self.firth_button.clicked.connect(self._on_firth_clicked)
        self.firth_button.setVisible(False)
        self.note = QLabel()
        self.note.setObjectName("coefficientsNote")
        self.note.setWordWrap(True)
        self.coefficients = ResultTable("coefficientsTable")
        self.coefficients.setAccessibleName(self.tr("Coefficients"))
        self.summary = ResultTable("fitSummary")
        self.summary.setAccessibleName(self.tr("Model fit"))
        copy_tsv = QPushButton(self.tr("Copy as TSV"))
        copy_tsv.setObjectName("copyStatisticsTsvButton")
        copy_tsv.setToolTip(self.tr("Copy both tables, tab-separated, for a spreadsheet."))
        copy_tsv.clicked.connect(self._on_copy_tsv_clicked)
        copy_md = QPushButton(self.tr("Copy as Markdown"))
        copy_md.setObjectName("copyStatisticsMarkdownButton")
        copy_md.setToolTip(self.tr("Copy both tables as Markdown, for a report or a notebook."))
        copy_md.clicked.connect(self._on_copy_markdown_clicked)

        top = QHBoxLayout()
        top.addWidget(method_label)
        top.addWidget(self.method)
        top.addWidget(level_label)
        top.addWidget(self.level)
        top.addStretch(1)
        top.addWidget(copy_tsv)
        top.addWidget(copy_md)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.firth_button)
        layout.addLayout(note_row)
        layout.addWidget(self.coefficients, 3)
        layout.addWidget(QLabel(self.tr("Model fit")))
        layout.addWidget(self.summary, 2)
        self.method.currentIndexChanged.connect(self._on_options_edited)
        self.level.valueChanged.connect(self._on_options_edited)
        self.show_analysis(None)

    # ---- inputs -------------------------------------------------------------------------------
    def set_label_name(self, name: str) -> None:
        self._label = name
        self._render()

    def show_analysis(self, analysis: Analysis | None) -> None:
        self._analysis = analysis
        self._render()

    def set_model(self, model: LogisticModel | None) -> None:
        self._model = model
        if not self._training:  # while a run streams models: once at its end
            self._render()

    def set_training(self, running: bool) -> None:
        self._training = running
        if not running:
            self._render()

    def level_value(self) -> float:
        return round(self.level.value(), 1) / 100.0

    def wants_firth(self) -> bool:
        return bool(self.method.currentData() == FIRTH)

    # ---- drawing -------------------------------------------------------------------------------
    def _render(self) -> None:
        a = self._analysis
        sep = a is not None and a.ml.separation != "none"
        self.firth_button.setVisible(sep and not self.wants_firth())
        if a is None:
            self.note.setText(self.tr("The exact fit appears here once the data are valid."))
            self.coefficients.fill([], [])
            self.summary.fill([], [])
            return
        if self.wants_firth() and a.firth is not None:
            self._render_firth(a)
        elif self.wants_firth():
            self.note.setText(self.tr("Computing Firth's fit…"))
        else:
            self._render_ml(a)

    def _headers(self) -> list[str]:
        pct = f"{self.level_value() * 100:g}%"
        return [
            self.tr("Term"),
            self.tr("Estimate"),
            self.tr("Std. error"),
            self.tr("z"),
            self.tr("p"),
            self.tr("{pct} CI low").format(pct=pct),
            self.tr("{pct} CI high").format(pct=pct),
            self.tr("Odds ratio"),
            self.tr("OR CI low"),
            self.tr("OR CI high"),
            self.tr("Trained (PyTorch)"),
            self.tr("Trained − exact"),
        ]

    def _trained(self, i: int, estimate: float) -> list[str]:
        m = self._model
        if m is None or m.n_features != self._n_terms() - 1:
            return [DASH, DASH]
        value = m.bias if i == 0 else m.weights[i - 1]
        diff = value - estimate if math.isfinite(estimate) else math.nan
        return [fmt(value), fmt(diff)]

    def _n_terms(self) -> int:
        return len(self._analysis.ml.coefficients) if self._analysis else 0

    def _meaning(self) -> str:
        return self.tr(
            "Estimates are in log-odds of {label} = 1: each unit of a feature adds its estimate "
            "to the log-odds, that is, multiplies the odds by its odds ratio."
        ).format(label=self._label)

    def _row(self, i: int, c: Any, interval: Any) -> list[str]:
        """One coefficient's row: ``c`` has the estimate and tests, ``interval`` the CIs."""
        return [
            self._term(c.name),
            fmt(c.estimate),
            fmt(c.std_error),
            fmt(c.z, 3),
            fmt_p(c.p_value),
            fmt(interval.ci_low),
            fmt(interval.ci_high),
            fmt(interval.odds_ratio),
            fmt(interval.odds_ratio_ci_low),
            fmt(interval.odds_ratio_ci_high),
            *self._trained(i, c.estimate),
        ]

    def _render_ml(self, a: Analysis) -> None:
        rows: list[list[str]] = []
        tips: dict[tuple[int, int], str] = {}
        if a.stats is not None:
            for i, (c, e) in enumerate(zip(a.ml.coefficients, a.stats.coefficients, strict=True)):
                rows.append(self._row(i, c, e))
            self.note.setText(self._meaning())
            self._fill_ml_summary(a)
        else:
            why = self._separation_text(a)
            directions = dict(a.separating)
            for i, c in enumerate(a.ml.coefficients):
                sign = directions.get(c.name, 0)
                est = "+∞" if sign > 0 else ("−∞" if sign < 0 else DASH)
                row = [self._term(c.name), est] + [DASH] * 8 + self._trained(i, math.nan)
                rows.append(row)
                for j in range(2, 10):
                    tips[(i, j)] = why
            self.note.setText(why)
            self._fill_separated_summary(a)
        self.coefficients.fill(self._headers(), rows, tips)

    def _separation_text(self, a: Analysis) -> str:
        kind = (
            self.tr("completely") if a.ml.separation == "complete" else self.tr("quasi-completely")
        )
        parts = [
            self.tr(
                "The data are {kind} separable: no finite maximum-likelihood estimate exists, "
                "so standard errors, z and p would be meaningless and are not shown."
            ).format(kind=kind)
        ]
        for name, sign in a.separating:
            parts.append(
                self.tr("{term} separates the classes: its estimate runs to {inf}.").format(
                    term=self._term(name), inf="+∞" if sign > 0 else "−∞"
                )
            )
        parts.append(self.tr("Firth's penalised likelihood gives finite estimates."))
        return " ".join(parts)

    def _term(self, name: str) -> str:
        return self.tr("(intercept)") if name == "(intercept)" else name

    def _fill_ml_summary(self, a: Analysis) -> None:
        s = a.stats
        assert s is not None
        rows = [
            (self.tr("Rows (n)"), f"{s.n:,}"),
            (self.tr("Events ({label} = 1)").format(label=self._label), f"{s.events:,}"),
            (self.tr("Log-likelihood"), fmt(s.log_likelihood)),
            (self.tr("Null log-likelihood"), fmt(s.null_log_likelihood)),
            (self.tr("Deviance"), fmt(s.deviance)),
            (self.tr("Null deviance"), fmt(s.null_deviance)),
            (self.tr("LR χ² (vs intercept only)"), fmt(s.lr_chi2)),
            (self.tr("LR df"), str(s.lr_df)),
            (self.tr("LR p"), fmt_p(s.lr_p_value)),
            (self.tr("AIC"), fmt(s.aic)),
            (self.tr("BIC"), fmt(s.bic)),
            (self.tr("McFadden R²"), fmt(s.mcfadden_r2)),
            (self.tr("Cox–Snell R²"), fmt(s.cox_snell_r2)),
            (self.tr("Nagelkerke R²"), fmt(s.nagelkerke_r2)),
            (self.tr("Tjur R²"), fmt(s.tjur_r2)),
            (self.tr("Iterations"), str(s.iterations)),
            (self.tr("Converged"), self.tr("yes") if s.converged else self.tr("no")),
        ]
        self.summary.fill([self.tr("Statistic"), self.tr("Value")], [list(r) for r in rows])

    def _fill_separated_summary(self, a: Analysis) -> None:
        rows = [
            (self.tr("Separation"), a.ml.separation),
            (self.tr("Log-likelihood (supremum)"), fmt(a.ml.log_likelihood)),
            (self.tr("Converged"), self.tr("no: the estimates diverge")),
        ]
        self.summary.fill([self.tr("Statistic"), self.tr("Value")], [list(r) for r in rows])

    def _render_firth(self, a: Analysis) -> None:
        f = a.firth
        assert f is not None
        rows = []
        for i, c in enumerate(f.coefficients):
            rows.append(self._row(i, c, c))
        self.coefficients.fill(self._headers(), rows)
        ci = {
            "profile": self.tr("profile penalised likelihood"),
            "wald": self.tr("Wald"),
        }.get(f.ci_method, f.ci_method)
        self.note.setText(
            self._meaning()
            + " "
            + self.tr(
                "Firth's penalised likelihood (as R's logistf): standard errors from the penalised "
                "information, intervals by {ci}, p-values from penalised likelihood-ratio tests."
            ).format(ci=ci)
        )
        rows2 = [
            (self.tr("Rows (n)"), f"{f.n:,}"),
            (self.tr("Events ({label} = 1)").format(label=self._label), f"{f.events:,}"),
            (self.tr("Penalised log-likelihood"), fmt(f.penalized_log_likelihood)),
            (self.tr("Null penalised log-likelihood"), fmt(f.null_penalized_log_likelihood)),
            (self.tr("Log-likelihood"), fmt(f.log_likelihood)),
            (self.tr("Penalised LR χ²"), fmt(f.lr_chi2)),
            (self.tr("LR df"), str(f.lr_df)),
            (self.tr("LR p"), fmt_p(f.lr_p_value)),
            (self.tr("Iterations"), str(f.iterations)),
            (self.tr("Converged"), self.tr("yes") if f.converged else self.tr("no")),
            (self.tr("Separation (for maximum likelihood)"), f.separation),
        ]
        self.summary.fill([self.tr("Statistic"), self.tr("Value")], [list(r) for r in rows2])

    # ---- copying --------------------------------------------------------------------------------
    def tsv(self) -> str:
        return self.coefficients.tsv() + "\n" + self.summary.tsv()

    def markdown(self) -> str:
        return self.coefficients.markdown() + "\n" + self.summary.markdown()

    @Slot()
    def _on_copy_tsv_clicked(self) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(self.tsv())

    @Slot()
    def _on_copy_markdown_clicked(self) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(self.markdown())

    # ---- slots -------------------------------------------------------------------------------------
    @Slot()
    def _on_firth_clicked(self) -> None:
        self.method.setCurrentIndex(self.method.findData(FIRTH))

    @Slot()
    def _on_options_edited(self) -> None:
        self._render()
        self.optionsChanged.emit(self.level_value(), self.wants_firth())
