"""The window as panels: final state at trainingFinished, docks, remembered layout, settings."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDockWidget, QLabel, QLineEdit, QPushButton, QSpinBox

from core.training import TrainingConfig, train
from gui.main_window import MainWindow
from tests.gui.test_main_window import SEED_X, SEED_Y, click, find, type_into, use_post_values

PANELS = ("data", "training", "model", "loss", "prediction")


def test_every_panel_shows_the_final_model_when_training_finished_fires(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    w = window
    use_post_values(qtbot, w)
    seen: dict[str, object] = {}

    def look(outcome: str) -> None:
        # What is on screen at this very moment: nothing is drawn on our behalf here.
        seen["curve"] = w.curve_plot.shown_model_curve()
        seen["loss"] = w.loss_plot.shown()
        seen["prediction"] = w.prediction_text()
        seen["status"] = w.statusBar().currentMessage()
        seen["progress"] = find(w, QSpinBox, "epochsInput").isEnabled()

    w.trainingFinished.connect(look)
    with qtbot.waitSignal(w.trainingFinished, timeout=120_000):
        click(qtbot, find(w, QPushButton, "trainButton"))
    _, model, _ = train(SEED_X, SEED_Y, TrainingConfig(init_weights=(0.235,), init_bias=0.153))
    cx, cy = seen["curve"]  # type: ignore[misc]
    assert len(cx) > 0
    assert np.allclose(cy, model.probability_fast(np.asarray(cx).reshape(-1, 1)))
    lx, ly = seen["loss"]  # type: ignore[misc]
    assert len(lx) == 1000 and f"{ly[-1]:.4f}" == f"{w.loss_values()[-1]:.4f}"
    assert "0.9714" in str(seen["prediction"]) and "PASS" in str(seen["prediction"])
    assert "Trained 1,000 epochs" in str(seen["status"])
    assert seen["progress"] is True  # the settings are editable again


def test_panels_hide_show_float_and_reset(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    w = window
    docks = {name: find(w, QDockWidget, f"{name}Dock") for name in PANELS}
    loss = docks["loss"]
    toggle = loss.toggleViewAction()
    assert toggle in w.panels_menu.actions()
    toggle.trigger()  # View → Panels → Loss per epoch
    qtbot.waitUntil(lambda: not loss.isVisible())
    assert not find(w, object, "lossPlot").isVisible()
    toggle.trigger()
    qtbot.waitUntil(loss.isVisible)
    docks["model"].setFloating(True)
    assert docks["model"].isFloating() and find(w, object, "curvePlot").isVisible()
    docks["data"].close()
    qtbot.waitUntil(lambda: not docks["data"].isVisible())
    reset = next(a for a in w.view_menu.actions() if a.objectName() == "actionResetLayout")
    reset.trigger()
    qtbot.waitUntil(lambda: all(d.isVisible() for d in docks.values()))
    assert not docks["model"].isFloating()


def test_the_layout_survives_a_restart(qtbot, answers) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    find(first, QDockWidget, "lossDock").close()
    find(first, QDockWidget, "predictionDock").setFloating(True)
    first.close()

    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert not find(again, QDockWidget, "lossDock").isVisible()
    assert find(again, QDockWidget, "predictionDock").isFloating()
    assert find(again, QDockWidget, "dataDock").isVisible()
    again.close()


def test_bad_saved_settings_never_stop_the_window_from_opening(qtbot, answers) -> None:  # type: ignore[no-untyped-def]
    s = QSettings()
    for key, value in {
        "training/epochs": "abc",
        "training/batchSize": str(2**40),
        "training/learningRate": "-3",
        "training/weightDecay": "nan",
        "training/optimizer": "sgdx",
        "training/fast": "maybe",
        "prediction/threshold": "7",
        "view/logScale": "3",
        "window/geometry": "not bytes",
        "window/state": 12,
        "recentFiles": 5,
        "lastDirectory": "/does/not/exist",
    }.items():
        s.setValue(key, value)
    s.sync()
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert find(w, QSpinBox, "epochsInput").value() == 1000
    assert find(w, QSpinBox, "batchSizeInput").value() == 0
    assert find(w, QLineEdit, "learningRateInput").text() == "0.01"
    assert find(w, QLineEdit, "thresholdInput").text() == "0.5"
    assert find(w, QPushButton, "trainButton").isEnabled()
    assert find(w, QLabel, "trainBlockedReason").text() == ""
    w.close()


def test_reset_while_training_returns_at_once_and_clears(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    w = window
    find(w, QSpinBox, "epochsInput").setValue(50_000_000)
    with qtbot.waitSignal(w.trainingFinished, timeout=120_000) as finished:
        click(qtbot, find(w, QPushButton, "trainButton"))
        qtbot.waitUntil(lambda: len(w.loss_values()) > 0, timeout=60_000)
        click(qtbot, find(w, QPushButton, "resetButton"))
    assert finished.args == ["stopped"]
    assert w.model() is None and len(w.loss_values()) == 0
    assert w.loss_plot.drawn()[0].size == 0
    assert "Train the model" in w.prediction_text()


def test_threshold_round_trips_exactly_through_a_project(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    w = window
    type_into(qtbot, find(w, QLineEdit, "thresholdInput"), "0.123456789")
    path = tmp_path / "t.lrsproj"
    assert w.save_project_to(str(path))
    w.set_modified(False)
    assert w.open_path(str(path))
    assert find(w, QLineEdit, "thresholdInput").text() == "0.123456789"


def test_a_hold_out_split_reports_held_out_loss_and_metrics(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel as _QLabel

    from core.split import holdout_split
    from tests.gui.test_faults import import_and_wait

    w = window
    rng = np.random.default_rng(3)
    x = rng.uniform(0, 10, 200)
    y = (rng.uniform(size=x.size) < 1 / (1 + np.exp(5 - x))).astype(int)
    path = tmp_path / "d.csv"
    path.write_text("hours,passed\n" + "".join(f"{a:.3f},{b}\n" for a, b in zip(x, y, strict=True)))
    assert import_and_wait(qtbot, w, path) == "done"
    find(w, QSpinBox, "holdoutInput").setValue(25)
    type_into(qtbot, find(w, QLineEdit, "seedInput"), "7")
    find(w, QSpinBox, "epochsInput").setValue(200)
    with qtbot.waitSignal(w.trainingFinished, timeout=120_000):
        click(qtbot, find(w, QPushButton, "trainButton"))
    held = w.history().holdout_losses
    assert held is not None and len(held) == 200 and np.isfinite(held).all()
    # the held-out loss of epoch k is the loss on the held-out rows before update k
    _, test_rows = holdout_split(y.astype(float), 25.0, 7)
    params = w.history().params
    wb = params[98]  # after epoch 99 = before epoch 100
    z = x[test_rows] * float(wb[0]) + float(wb[1])
    p = 1 / (1 + np.exp(-z))
    yt = y[test_rows]
    expected = -np.mean(yt * np.log(p) + (1 - yt) * np.log(1 - p))
    assert held[99] == pytest.approx(expected, rel=1e-5)
    hx, _ = w.loss_plot.shown_holdout()
    assert len(hx) == 200
    note = find(w, _QLabel, "evaluationNote")
    qtbot.waitUntil(lambda: "held out" in note.text())
    assert f"{len(test_rows):,} rows" in note.text()


def test_the_engine_in_use_is_labelled_honestly(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QCheckBox, QComboBox

    w = window
    label = find(w, QLabel, "engineDescription")
    assert "the post's loop, bit for bit" in label.text()
    find(w, QCheckBox, "fastPathInput").click()
    assert label.text().startswith("Fast path:") and "1e-6" in label.text()
    optimizer = find(w, QComboBox, "optimizerInput")
    optimizer.setCurrentIndex(optimizer.findData("adam"))
    assert "Adam trains with PyTorch autograd" in label.text()
