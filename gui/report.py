"""One self-contained HTML report of a session: data, settings, model, tables and plots.

Plots are embedded as PNG (base64), tables as HTML tables, so the file opens anywhere and can
be mailed as it is.
"""

from __future__ import annotations

import base64
import datetime
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtWidgets import QFileDialog, QWidget

from core import __version__
from core.files import write_atomic
from core.model import LogisticModel
from core.training import ConfigError, TrainingConfig
from gui.settings import Settings


def _tr(text: str) -> str:
    return QCoreApplication.translate("Report", text)


@dataclass(frozen=True)
class ReportInput:
    """What goes into the report, gathered by the window."""

    title: str
    n_rows: int
    n_events: int
    feature_names: tuple[str, ...]
    label_name: str
    config: TrainingConfig | None
    seed_used: int | None
    epochs_run: int
    final_loss: float | None
    model: LogisticModel | None
    threshold: float
    sections: tuple[tuple[str, str, str], ...]  # (heading, html body, plain-text note)
    plots: tuple[tuple[str, QWidget, str], ...]  # (heading, widget, text alternative)


def png_data_uri(widget: QWidget) -> str:
    """The widget as it looks now, as a ``data:image/png;base64,…`` URI."""
    pixmap = widget.grab()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buf, "PNG")
    buf.close()
    return "data:image/png;base64," + base64.b64encode(bytes(data.data())).decode("ascii")


STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60em; margin: 2em auto; color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { border: 1px solid #bbb; padding: .2em .6em; text-align: right; }
th:first-child, td:first-child { text-align: left; }
dl { display: grid; grid-template-columns: max-content auto; gap: .2em 1em; }
dt { font-weight: 600; } img { max-width: 100%; border: 1px solid #ddd; }
.note { color: #555; }
"""


def build_report(r: ReportInput) -> str:
    """The report as one HTML document."""
    when = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{escape(r.title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(r.title)}</h1>",
        "<p class='note'>"
        + escape(_tr("Logistic Regression Studio {v}, {when}.").format(v=__version__, when=when))
        + "</p>",
        f"<h2>{escape(_tr('Data'))}</h2>",
        _facts(
            [
                (_tr("Rows"), f"{r.n_rows:,}"),
                (_tr("Features"), ", ".join(r.feature_names)),
                (_tr("Label"), r.label_name),
                (_tr("Rows with label 1"), f"{r.n_events:,}"),
            ]
        ),
        f"<h2>{escape(_tr('Training'))}</h2>",
        _training(r),
    ]
    for heading, body, note in r.sections:
        parts.append(f"<h2>{escape(heading)}</h2>")
        if note:
            parts.append(f"<p class='note'>{escape(note)}</p>")
        parts.append(body)
    for heading, widget, alt in r.plots:
        parts.append(f"<h2>{escape(heading)}</h2>")
        parts.append(f"<img src='{png_data_uri(widget)}' alt='{escape(alt, quote=True)}'>")
        if alt:
            parts.append(f"<p class='note'>{escape(alt)}</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _facts(rows: list[tuple[str, str]]) -> str:
    items = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
    return f"<dl>{items}</dl>"


def _training(r: ReportInput) -> str:
    c = r.config
    rows: list[tuple[str, str]] = []
    if c is not None:
        rows += [
            (_tr("Epochs"), f"{c.epochs:,}"),
            (_tr("Learning rate"), repr(c.learning_rate)),
            (_tr("Optimizer"), c.optimizer.upper() if c.optimizer == "sgd" else "Adam"),
            (_tr("Weight decay"), repr(c.weight_decay)),
            (_tr("Batch size"), _tr("full batch") if c.batch_size is None else f"{c.batch_size:,}"),
            (_tr("Method"), c.method),
        ]
    if r.seed_used is not None:
        rows.append((_tr("Seed used"), str(r.seed_used)))
    rows.append((_tr("Epochs run"), f"{r.epochs_run:,}"))
    if r.final_loss is not None:
        rows.append((_tr("Final loss"), f"{r.final_loss:.6f}"))
    m = r.model
    if m is not None:
        w = ", ".join(f"{n} = {v:.6g}" for n, v in zip(m.feature_names, m.weights, strict=True))
        rows += [(_tr("Weights"), w), (_tr("Bias"), f"{m.bias:.6g}")]
        b = m.decision_boundary(r.threshold) if m.n_features == 1 else None
        if b is not None:
            rows.append((_tr("Decision boundary"), f"{b:.4g}"))
    rows.append((_tr("Threshold"), f"{r.threshold:g}"))
    return _facts(rows)


def export_report_interactively(w: Any) -> None:
    """File → Export report…: ask where, then write it."""
    path, _ = QFileDialog.getSaveFileName(
        w,
        _tr("Export report"),
        str(Path(Settings().last_directory()) / (_tr("report") + ".html")),
        _tr("HTML files (*.html)"),
    )
    if path:
        export_report(w, path)


def export_report(w: Any, path: str) -> bool:
    """Gather the window's state and write the HTML report to ``path``; True on success."""
    w.model_panel.flush()
    w.loss_panel.flush()
    w.evaluation_panel.flush()
    table = w.table_model
    _, y = table.arrays()
    try:
        config: TrainingConfig | None = w.training_panel.config()
    except ConfigError:
        config = None
    h = w.state.history
    stats, ev = w.statistics_panel, w.evaluation_panel
    r = ReportInput(
        title=_tr("Logistic regression: {label}").format(label=table.display_label_name()),
        n_rows=table.rowCount(),
        n_events=int(np.nansum(y == 1)),
        feature_names=tuple(table.display_feature_name(j) for j in range(table.n_features)),
        label_name=table.display_label_name(),
        config=config,
        seed_used=w.state.seed_used,
        epochs_run=len(h),
        final_loss=float(h.losses[-1]) if len(h) else None,
        model=w.state.model,
        threshold=w.state.threshold,
        sections=(
            (_tr("Coefficients"), stats.coefficients.html(), stats.note.text()),
            (_tr("Model fit"), stats.summary.html(), ""),
            (_tr("Confusion matrix"), ev.confusion.html(), ev.note.text()),
            (_tr("Metrics"), ev.metrics.html(), ev.auc.text()),
        ),
        plots=(
            (_tr("The model"), w.model_panel.plot, w.model_panel.note.text()),
            (_tr("Loss per epoch"), w.loss_panel.plot, ""),
            (_tr("ROC curve"), ev.roc, ev.auc.text()),
            (_tr("Calibration"), ev.calibration, ""),
        ),
    )
    try:
        write_atomic(path, build_report(r))
    except OSError as exc:
        w.show_error_box(_tr("Cannot save the report"), str(exc))
        return False
    w.statusBar().showMessage(_tr("Report saved: {name}.").format(name=Path(path).name), 5000)
    return True
