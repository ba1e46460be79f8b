"""The statistics and evaluation panels, driven as a user drives them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import statsmodels.api as sm
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QPushButton, QSpinBox
from sklearn.metrics import confusion_matrix, roc_auc_score

from gui.main_window import MainWindow
from gui.panels.tables import ResultTable
from tests.gui.test_faults import import_and_wait
from tests.gui.test_main_window import click, find, train_and_wait, type_into


def overlapping_csv(
    tmp_path: Path, n: int = 300, seed: int = 5
) -> tuple[Path, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = np.round(rng.uniform(0, 10, n), 3)
    y = (rng.uniform(size=n) < 1 / (1 + np.exp(4 - 0.8 * x))).astype(int)
    path = tmp_path / "study.csv"
    path.write_text("hours,passed\n" + "".join(f"{a},{b}\n" for a, b in zip(x, y, strict=True)))
    return path, x, y


def number(text: str) -> float:
    return float(text.replace(",", ""))


def test_coefficients_and_fit_agree_with_statsmodels(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    w = window
    path, x, y = overlapping_csv(tmp_path)
    assert import_and_wait(qtbot, w, path) == "done"
    table = find(w, ResultTable, "coefficientsTable")
    qtbot.waitUntil(
        lambda: table.rowCount() == 2 and table.item(1, 1).text() != "—", timeout=30_000
    )
    ref = sm.Logit(y, sm.add_constant(x)).fit(disp=0)
    ci = ref.conf_int(0.05)
    rows = table.cells()
    assert rows[1][0] == "hours"
    assert number(rows[1][1]) == pytest.approx(ref.params[1], abs=1e-4)
    assert number(rows[1][2]) == pytest.approx(ref.bse[1], abs=1e-4)
    assert number(rows[1][5]) == pytest.approx(ci[1][0], abs=1e-4)
    assert number(rows[1][7]) == pytest.approx(np.exp(ref.params[1]), abs=1e-4)
    summary = find(w, ResultTable, "fitSummary")
    assert number(summary.value("AIC")) == pytest.approx(ref.aic, abs=1e-3)
    assert number(summary.value("McFadden R²")) == pytest.approx(ref.prsquared, abs=1e-4)
    assert "log-odds of passed = 1" in find(w, QLabel, "coefficientsNote").text().replace(
        "Passed", "passed"
    )

    # a 90% level narrows the interval, as statsmodels says
    level = find(w, QDoubleSpinBox, "ciLevelInput")
    level.setValue(90.0)
    qtbot.waitUntil(lambda: "90% CI low" in table.headers(), timeout=10_000)
    ci90 = ref.conf_int(0.10)
    qtbot.waitUntil(lambda: abs(number(table.cells()[1][5]) - ci90[1][0]) < 1e-4, timeout=30_000)

    # copy as TSV: a spreadsheet gets the same numbers
    click(qtbot, find(w, QPushButton, "copyStatisticsTsvButton"))
    text = QGuiApplication.clipboard().text()
    assert "Estimate\tStd. error" in text and rows[1][1] in text


def test_the_posts_data_offer_firth_with_a_boundary_at_2_5_hours(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    note = find(w, QLabel, "coefficientsNote")
    qtbot.waitUntil(lambda: "separable" in note.text(), timeout=30_000)
    table = find(w, ResultTable, "coefficientsTable")
    # maximum likelihood: no finite estimate, no meaningless standard error
    assert table.cells()[1][1] == "+∞" and table.cells()[1][2] == "—"
    # the curve already draws Firth's fit, whose boundary is 2.5 hours
    assert w.exact_fit() is not None
    assert w.exact_fit().decision_boundary(0.5) == pytest.approx(2.5, abs=1e-9)
    click(qtbot, find(w, QPushButton, "useFirthButton"))
    assert find(w, QComboBox, "fitMethodInput").currentData() == "firth"
    qtbot.waitUntil(
        lambda: table.cells() and table.cells()[1][1] not in ("+∞", "—"), timeout=30_000
    )
    from core.firth import fit_firth

    ref = fit_firth(np.array([[1.0], [2.0], [3.0], [4.0]]), np.array([0.0, 0.0, 1.0, 1.0]))
    b, wt = ref.coefficients[0], ref.coefficients[1]
    rows = table.cells()
    assert number(rows[1][1]) == pytest.approx(wt.estimate, abs=1e-4)
    assert number(rows[0][1]) / -number(rows[1][1]) == pytest.approx(2.5, abs=1e-3)
    assert number(rows[1][5]) == pytest.approx(wt.ci_low, abs=1e-3)  # profile interval
    assert number(rows[1][6]) == pytest.approx(wt.ci_high, abs=1e-3)
    assert "profile" in note.text()
    assert b.name == "(intercept)"


def test_evaluation_follows_the_threshold_and_offers_youden(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    w = window
    path, x, y = overlapping_csv(tmp_path)
    assert import_and_wait(qtbot, w, path) == "done"
    type_into(qtbot, find(w, QLineEdit, "learningRateInput"), "0.1")
    find(w, QSpinBox, "epochsInput").setValue(3000)
    assert train_and_wait(qtbot, w) == "done"
    model = w.model()
    assert model is not None
    p = model.probability_fast(x.reshape(-1, 1))
    matrix = find(w, ResultTable, "confusionMatrix")
    tn, fp, fn, tp = confusion_matrix(y, (p > 0.5).astype(int)).ravel()
    assert matrix.cells() == [
        ["Actual 0", f"{tn:,}", f"{fp:,}"],
        ["Actual 1", f"{fn:,}", f"{tp:,}"],
    ]
    auc = find(w, QLabel, "aucLabel")
    assert f"{roc_auc_score(y, p):.3f}" in auc.text() and "DeLong" in auc.text()

    type_into(qtbot, find(w, QLineEdit, "thresholdInput"), "0.8")
    tn, fp, fn, tp = confusion_matrix(y, (p > 0.8).astype(int)).ravel()
    qtbot.waitUntil(lambda: matrix.cells()[1][2] == f"{tp:,}", timeout=10_000)
    assert matrix.cells()[0][2] == f"{fp:,}"

    youden = find(w, QPushButton, "youdenButton")
    qtbot.waitUntil(youden.isEnabled, timeout=10_000)
    click(qtbot, youden)
    t = float(find(w, QLineEdit, "thresholdInput").text())
    assert 0 < t < 1 and t != 0.8
    panel = w.evaluation_panel
    qtbot.waitUntil(
        lambda: panel.result is not None and panel.result.threshold == t, timeout=10_000
    )
    best = max(panel.result.roc.points, key=lambda pt: pt.tpr - pt.fpr)
    assert panel.result.recall - (1 - panel.result.specificity) == pytest.approx(
        best.tpr - best.fpr
    )


def test_an_undefined_metric_is_a_dash_with_its_reason(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    find(w, QSpinBox, "epochsInput").setValue(10)
    assert train_and_wait(qtbot, w) == "done"
    type_into(qtbot, find(w, QLineEdit, "thresholdInput"), "0.999")
    metrics = find(w, ResultTable, "metricsTable")
    qtbot.waitUntil(lambda: metrics.value("Precision").startswith("—"), timeout=10_000)
    assert "nothing is predicted positive" in metrics.value("Precision")
    assert metrics.item(1, 1).toolTip()


@pytest.mark.parametrize("key", [Qt.Key.Key_C])
def test_result_tables_copy_with_the_keyboard(qtbot, window: MainWindow, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    w = window
    w.docks["statistics"].raise_()
    summary = find(w, ResultTable, "fitSummary")
    qtbot.waitUntil(lambda: summary.rowCount() > 0, timeout=30_000)
    summary.setFocus()
    qtbot.keyClick(summary, key, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().startswith("Statistic\tValue")


def test_export_report_writes_one_self_contained_html_file(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import re

    w = window
    path, _, y = overlapping_csv(tmp_path)
    assert import_and_wait(qtbot, w, path) == "done"
    find(w, QSpinBox, "epochsInput").setValue(200)
    assert train_and_wait(qtbot, w) == "done"
    table = find(w, ResultTable, "coefficientsTable")
    qtbot.waitUntil(
        lambda: table.rowCount() == 2 and table.item(1, 1).text() != "—", timeout=30_000
    )
    out = tmp_path / "report.html"
    assert w.export_report_to(str(out))
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert f"{len(y):,}" in html  # the data summary
    assert table.item(1, 1).text() in html  # the coefficient table
    assert "AIC" in html and "Confusion matrix" in html and "AUC" in html
    images = re.findall(r"src='data:image/png;base64,([A-Za-z0-9+/=]+)'", html)
    assert len(images) == 4 and all(len(i) > 1000 for i in images)
    assert "http" not in html.replace("https://", "")  # nothing to fetch: it opens offline
