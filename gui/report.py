"""One self-contained HTML report of a session: data, settings, model, tables and plots.

Plots are embedded as PNG (base64), tables as HTML tables, so the file opens anywhere and can
be mailed as it is.
"""

from __future__ import annotations

import base64
import datetime
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtWidgets import QWidget

from core import __version__
from core.model import LogisticModel
from core.training import TrainingConfig


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
