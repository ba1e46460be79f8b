"""See it learn, driven as a user drives it: the loss landscape, step mode, replay, runs side by
side, generated data and the code dialog. Numbers are checked against direct computations
(torch, statsmodels, core.landscape.mean_bce), never against the window's own earlier output.
"""

from __future__ import annotations

import json

import nbformat
import numpy as np
import pytest
import torch
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QTableWidget,
)

from core.generate import generate
from core.landscape import mean_bce
from core.training import TrainingConfig, train
from gui.main_window import MainWindow
from gui.panels.landscape_panel import MAX_PATH_POINTS
from tests.gui.test_main_window import click, find, train_and_wait, type_into

SEED_X = np.array([[1.0], [2.0], [3.0], [4.0]])
SEED_Y = np.array([0.0, 0.0, 1.0, 1.0])


def wait_surface(qtbot, w: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Show the landscape's tab and wait for its surface."""
    w.docks["landscape"].raise_()
    lp = w.landscape_panel
    qtbot.waitExposed(lp.plot)
    # The exact fit arrives after a debounce and reframes the surface: wait for both.
    qtbot.waitUntil(lambda: w.state.analysis is not None, timeout=60_000)
    qtbot.waitUntil(lambda: lp.grid() is not None and not lp.busy(), timeout=60_000)


def set_epochs(qtbot, w: MainWindow, n: int) -> None:  # type: ignore[no-untyped-def]
    spin = find(w, QSpinBox, "epochsInput")
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(n))
    assert spin.value() == n


def choose(combo: QComboBox, data: object) -> None:
    combo.setCurrentIndex(combo.findData(data))


def generate_via_dialog(qtbot, w: MainWindow, preset: str, rows: int, seed: int) -> None:  # type: ignore[no-untyped-def]
    find(w, QAction, "generateDataAction").trigger()
    dlg = find(w, QDialog, "generateDataDialog")
    qtbot.waitExposed(dlg)
    choose(find(dlg, QComboBox, "generatePresetInput"), preset)
    rows_in = find(dlg, QSpinBox, "generateRowsInput")
    rows_in.setFocus()
    rows_in.selectAll()
    qtbot.keyClicks(rows_in, str(rows))
    seed_in = find(dlg, QSpinBox, "generateSeedInput")
    seed_in.setFocus()
    seed_in.selectAll()
    qtbot.keyClicks(seed_in, str(seed))
    click(qtbot, find(dlg, QPushButton, "generateOkButton"))


# ---- the landscape -------------------------------------------------------------------------------
def test_landscape_values_are_the_mean_bce_and_hover_reads_them(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    wait_surface(qtbot, w)
    g = w.landscape_panel.grid()
    assert g is not None and g.axis_names == ("w", "b")
    rng = np.random.default_rng(0)
    for _ in range(5):
        i, j = int(rng.integers(len(g.a_values))), int(rng.integers(len(g.b_values)))
        want = mean_bce(SEED_X, SEED_Y, [g.a_values[i]], g.b_values[j])
        assert g.loss[j, i] == pytest.approx(want, rel=1e-6, abs=1e-7)
    # What a user reads when hovering: the loss at the nearest grid point.
    a, b = float(g.a_values[40]), float(g.b_values[70])
    pos = w.landscape_panel.view_to_widget(a, b).toPoint()
    plot = w.landscape_panel.plot
    qtbot.mouseMove(plot.viewport(), pos)
    readout = w.landscape_panel.readout
    qtbot.waitUntil(lambda: " = " in readout.text())
    text = readout.text()
    wv = float(text.split("w = ")[1].split(",")[0])
    bv = float(text.split("b = ")[1].split(":")[0])
    shown = float(text.rsplit("loss ", 1)[1])
    assert abs(wv - a) <= 2 * (g.a_values[1] - g.a_values[0])
    assert abs(bv - b) <= 2 * (g.b_values[1] - g.b_values[0])
    assert shown == pytest.approx(mean_bce(SEED_X, SEED_Y, [wv], bv), abs=1e-5)
    # The seed's data are separable: no finite optimum, the arrow and Firth's point instead.
    qtbot.waitUntil(lambda: "separable" in w.landscape_panel.note.text(), timeout=30_000)
    assert "Firth" in w.landscape_panel.note.text()


def test_landscape_marks_the_exact_optimum_of_overlapping_data(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    import statsmodels.api as sm

    w = window
    generate_via_dialog(qtbot, w, "overlapping", 60, 4)
    ds = generate(60, 1.0, -2.5, preset="overlapping", seed=4, feature_names=("hours",))
    assert w.table_model.rowCount() == 60
    fit = sm.Logit(ds.labels, sm.add_constant(ds.features)).fit(disp=0)
    lp = w.landscape_panel
    qtbot.waitUntil(lambda: lp.optimum_point() is not None, timeout=60_000)
    wv, bv = lp.optimum_point()
    assert wv == pytest.approx(fit.params[1], rel=1e-5)
    assert bv == pytest.approx(fit.params[0], rel=1e-5)
    wait_surface(qtbot, w)
    g = lp.grid()
    assert (
        g is not None
        and g.a_values[0] < wv < g.a_values[-1]
        and g.b_values[0] < bv < g.b_values[-1]
    )
    assert "exact optimum" in lp.note.text()


def test_path_is_drawn_from_the_history_and_ends_at_the_model(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    set_epochs(qtbot, w, 5000)
    type_into(qtbot, find(w, QLineEdit, "learningRateInput"), "0.1")
    type_into(qtbot, find(w, QLineEdit, "seedInput"), "3")
    assert train_and_wait(qtbot, w) == "done"
    path = w.landscape_panel.path_shown()
    assert 2 <= len(path) <= MAX_PATH_POINTS
    m = w.model()
    assert m is not None
    assert path[-1] == pytest.approx([m.weights[0], m.bias])
    assert path[0] == pytest.approx(w.history().initial.tolist())
    assert w.landscape_panel.current_point() == pytest.approx((m.weights[0], m.bias))
    # The frame holds the whole path (recomputed when the path left it).
    wait_surface(qtbot, w)
    g = w.landscape_panel.grid()
    assert g is not None
    assert g.a_values[0] <= path[:, 0].min() and path[:, 0].max() <= g.a_values[-1]


def test_click_on_the_surface_sets_the_initial_parameters(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    wait_surface(qtbot, w)
    g = w.landscape_panel.grid()
    assert g is not None
    a = float(g.a_values[0] + 0.3 * (g.a_values[-1] - g.a_values[0]))
    b = float(g.b_values[0] + 0.6 * (g.b_values[-1] - g.b_values[0]))
    pos = w.landscape_panel.view_to_widget(a, b).toPoint()
    with qtbot.waitSignal(w.landscape_panel.initialParametersRequested) as blocker:
        qtbot.mouseClick(w.landscape_panel.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    weights, bias = blocker.args
    tol_a = 3 * (g.a_values[1] - g.a_values[0])
    tol_b = 3 * (g.b_values[1] - g.b_values[0])
    assert abs(weights[0] - a) < tol_a and abs(bias - b) < tol_b
    assert float(find(w, QLineEdit, "initWeightInput").text()) == pytest.approx(weights[0])
    assert float(find(w, QLineEdit, "initBiasInput").text()) == pytest.approx(bias)
    config = w.training_panel.config()
    assert config.init_weights == (pytest.approx(weights[0]),)
    # Step starts there, even after earlier steps from elsewhere.
    click(qtbot, find(w, QPushButton, "stepButton"))
    click(qtbot, find(w, QPushButton, "stepButton"))
    assert len(w.history()) == 2
    wait_surface(qtbot, w)
    g = w.landscape_panel.grid()
    assert g is not None
    a2 = float(g.a_values[0] + 0.7 * (g.a_values[-1] - g.a_values[0]))
    b2 = float(g.b_values[0] + 0.2 * (g.b_values[-1] - g.b_values[0]))
    pos = w.landscape_panel.view_to_widget(a2, b2).toPoint()
    with qtbot.waitSignal(w.landscape_panel.initialParametersRequested) as blocker:
        qtbot.mouseClick(w.landscape_panel.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    weights2, bias2 = blocker.args
    click(qtbot, find(w, QPushButton, "stepButton"))
    assert len(w.history()) == 1
    assert w.history().initial.tolist() == pytest.approx([weights2[0], bias2], rel=1e-6)


# ---- step mode --------------------------------------------------------------------------------
def _torch_step(w0: float, b0: float, lr: float) -> dict[str, np.ndarray | float]:
    x = torch.tensor(SEED_X, dtype=torch.float32)
    y = torch.tensor(SEED_Y.reshape(-1, 1), dtype=torch.float32)
    lin = torch.nn.Linear(1, 1)
    with torch.no_grad():
        lin.weight.fill_(w0)
        lin.bias.fill_(b0)
    opt = torch.optim.SGD(lin.parameters(), lr=lr)
    z = lin(x)
    y_hat = torch.sigmoid(z)
    loss = torch.nn.functional.binary_cross_entropy(y_hat, y)
    opt.zero_grad()
    loss.backward()
    gw, gb = float(lin.weight.grad.item()), float(lin.bias.grad.item())
    opt.step()
    return {
        "z": z.detach().numpy().ravel(),
        "y_hat": y_hat.detach().numpy().ravel(),
        "loss": float(loss.item()),
        "gw": gw,
        "gb": gb,
        "w1": float(lin.weight.item()),
        "b1": float(lin.bias.item()),
    }


def test_step_shows_what_the_loop_computed(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    type_into(qtbot, find(w, QLineEdit, "initWeightInput"), "0.235")
    type_into(qtbot, find(w, QLineEdit, "initBiasInput"), "0.153")
    click(qtbot, find(w, QPushButton, "stepButton"))
    want = _torch_step(0.235, 0.153, 0.01)
    h = w.history()
    assert len(h) == 1
    assert h.losses[0] == pytest.approx(want["loss"], abs=1e-7)
    m = w.model()
    assert m is not None
    assert np.float32(m.weights[0]) == np.float32(want["w1"])
    assert np.float32(m.bias) == np.float32(want["b1"])
    upd = w.step_panel.update_table
    assert float(upd.value("∂L/∂θ from backward()", 1)) == pytest.approx(want["gw"], abs=2e-6)
    assert float(upd.value("∂L/∂θ from backward()", 2)) == pytest.approx(want["gb"], abs=2e-6)
    assert float(upd.value("after: θ ← θ − step", 1)) == pytest.approx(want["w1"], abs=2e-6)
    rows = w.step_panel.rows_table
    head = rows.headers()
    cells = rows.cells()
    assert len(cells) == 4
    z = np.array([float(r[head.index("z = w·x + b")]) for r in cells])
    y_hat = np.array([float(r[head.index("ŷ = σ(z)")]) for r in cells])
    share = np.array([float(r[head.index("loss share")]) for r in cells])
    pull_w = np.array([float(r[head.index("pull on w")]) for r in cells])
    assert z == pytest.approx(want["z"], abs=2e-6)
    assert y_hat == pytest.approx(want["y_hat"], abs=2e-6)
    assert share.sum() == pytest.approx(want["loss"], abs=1e-5)
    assert pull_w.sum() == pytest.approx(-want["gw"], abs=1e-5)  # the pulls add up to −∂L/∂w
    # Each point's pull on the curve: an arrow from ŷ toward its label, ∝ (y − ŷ).
    px, start, end = w.curve_plot.pulls()
    assert px == pytest.approx(SEED_X.ravel())
    assert start == pytest.approx(want["y_hat"], abs=1e-6)
    assert (end - start) == pytest.approx(0.5 * (SEED_Y - want["y_hat"]), abs=1e-6)
    # A second step continues from the model: the loop's second epoch.
    click(qtbot, find(w, QPushButton, "stepButton"))
    want2 = _torch_step(want["w1"], want["b1"], 0.01)
    assert len(w.history()) == 2
    assert w.history().losses[1] == pytest.approx(want2["loss"], abs=1e-7)
    assert np.float32(w.model().weights[0]) == np.float32(want2["w1"])  # type: ignore[union-attr]


def test_steps_follow_the_trainer_with_minibatches_and_adam(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    generate_via_dialog(qtbot, w, "overlapping", 30, 2)
    ds = generate(30, 1.0, -2.5, preset="overlapping", seed=2, feature_names=("hours",))
    choose(find(w, QComboBox, "optimizerInput"), "adam")
    type_into(qtbot, find(w, QLineEdit, "learningRateInput"), "0.1")
    type_into(qtbot, find(w, QLineEdit, "seedInput"), "9")
    spin = find(w, QSpinBox, "batchSizeInput")
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "8")
    config = w.training_panel.config()
    assert config.batch_size == 8 and config.optimizer == "adam"
    check = w.step_panel.minibatch_check
    # Three whole epochs, then one epoch as four single minibatches (30 rows: 8, 8, 8, 6).
    for _ in range(3):
        click(qtbot, find(w, QPushButton, "stepButton"))
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert check.isChecked()
    for k in range(4):
        click(qtbot, find(w, QPushButton, "stepButton"))
        assert len(w.history()) == (3 if k < 3 else 4)
    losses, model, _ = train(
        ds.features, ds.labels, TrainingConfig(**{**config.to_dict(), "epochs": 4})
    )
    assert w.history().losses.tolist() == pytest.approx(losses.tolist(), rel=1e-6)
    m = w.model()
    assert m is not None
    assert np.asarray([*m.weights, m.bias], np.float32) == pytest.approx(
        np.asarray([*model.weights, model.bias], np.float32), rel=1e-6
    )
    # Adam's quantities are shown for the last step.
    assert w.step_panel.update_table.value("m ← 0.9·m + 0.1·g", 1)


# ---- replay -----------------------------------------------------------------------------------------
def test_slider_replays_an_earlier_epoch_without_changing_the_model(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    w = window
    type_into(qtbot, find(w, QLineEdit, "initWeightInput"), "0.235")
    type_into(qtbot, find(w, QLineEdit, "initBiasInput"), "0.153")
    set_epochs(qtbot, w, 200)
    assert train_and_wait(qtbot, w) == "done"
    final = w.model()
    slider = find(w, QSlider, "epochSlider")
    assert slider.maximum() == 200 and slider.value() == 200
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Home)
    for _ in range(5):
        qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert slider.value() == 5
    _, m5, _ = train(
        SEED_X, SEED_Y, TrainingConfig(epochs=5, init_weights=(0.235,), init_bias=0.153)
    )
    xs, ys = w.curve_plot.model_curve()
    assert ys == pytest.approx(1 / (1 + np.exp(-(m5.weights[0] * xs + m5.bias))), abs=1e-6)
    assert w.loss_plot.marker() == 5
    assert w.landscape_panel.current_point() == pytest.approx((m5.weights[0], m5.bias), abs=1e-6)
    w.prediction_panel.flush()
    p5 = 1 / (1 + np.exp(-(m5.weights[0] * 7 + m5.bias)))
    assert f"{p5:.1%}"[:-1] in w.prediction_text() or f"{p5:.4f}" in w.prediction_text()
    assert w.model() is final  # a view: the trained model is kept
    click(qtbot, find(w, QPushButton, "backToEndButton"))
    xs, ys = w.curve_plot.model_curve()
    assert ys == pytest.approx(1 / (1 + np.exp(-(final.weights[0] * xs + final.bias))), abs=1e-6)  # type: ignore[union-attr]
    assert w.loss_plot.marker() is None


# ---- runs side by side ---------------------------------------------------------------------------
def test_two_runs_are_kept_and_overlaid(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    set_epochs(qtbot, w, 300)
    type_into(qtbot, find(w, QLineEdit, "seedInput"), "1")
    assert train_and_wait(qtbot, w) == "done"
    first = w.loss_values()
    type_into(qtbot, find(w, QLineEdit, "learningRateInput"), "0.5")
    choose(find(w, QComboBox, "optimizerInput"), "adam")
    assert train_and_wait(qtbot, w) == "done"
    second = w.loss_values()
    table = find(w, QTableWidget, "runsTable")
    assert table.rowCount() == 2
    assert table.item(0, 0).text() == "SGD, lr 0.01"
    assert table.item(1, 0).text() == "Adam, lr 0.5"
    assert table.item(1, 7).text() == f"{second[-1]:.4f}"
    w.runs_panel.select([0, 1])
    shown = w.loss_plot.overlays()
    assert [label for label, _ in shown] == ["SGD, lr 0.01", "Adam, lr 0.5"]
    assert shown[0][1] == pytest.approx(first)
    assert shown[1][1] == pytest.approx(second)
    pens = [c.opts["pen"] for c in w.loss_plot._overlay_items]
    assert pens[0].color() != pens[1].color() and pens[0].style() != pens[1].style()
    paths = w.landscape_panel.overlay_paths()
    assert len(paths) == 2 and paths[1][-1] == pytest.approx(w.history().params[-1].tolist())
    # Rename in place, then delete one.
    item = table.item(0, 0)
    table.editItem(item)
    editor = table.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "slow SGD")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.runs_panel.runs()[0].name == "slow SGD")
    w.runs_panel.select([1])
    click(qtbot, find(w, QPushButton, "deleteRunButton"))
    assert table.rowCount() == 1 and w.runs_panel.runs()[0].name == "slow SGD"


# ---- generated data -------------------------------------------------------------------------------
def test_generate_data_replaces_the_table_undoably(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    find(w, QAction, "generateDataAction").trigger()
    dlg = find(w, QDialog, "generateDataDialog")
    choose(find(dlg, QComboBox, "generatePresetInput"), "separable")
    rows_in = find(dlg, QSpinBox, "generateRowsInput")
    rows_in.setFocus()
    rows_in.selectAll()
    qtbot.keyClicks(rows_in, "40")
    type_into(qtbot, find(dlg, QLineEdit, "generateBiasInput"), "-3")
    ds = generate(40, 1.0, -3.0, preset="separable", seed=0, feature_names=("hours",))
    preview = find(dlg, QLabel, "generatePreview").text()
    assert preview == f"40 rows, {int(ds.labels.sum())} passed, separable"
    type_into(qtbot, find(dlg, QLineEdit, "generateWeightsInput"), "x")
    assert "True weight" in find(dlg, QLabel, "generatePreview").text()
    assert not find(dlg, QPushButton, "generateOkButton").isEnabled()
    type_into(qtbot, find(dlg, QLineEdit, "generateWeightsInput"), "1")
    click(qtbot, find(dlg, QPushButton, "generateOkButton"))
    x, y = w.table_model.arrays()
    assert np.array_equal(x, ds.features) and np.array_equal(y, ds.labels)
    w.undo_stack.undo()
    assert w.table_model.rowCount() == 4


# ---- the code -------------------------------------------------------------------------------------
def test_code_dialog_verifies_the_script_against_the_app(
    qtbot, window: MainWindow, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    w = window
    set_epochs(qtbot, w, 300)
    type_into(qtbot, find(w, QLineEdit, "seedInput"), "5")
    type_into(qtbot, find(w, QLineEdit, "weightDecayInput"), "0.01")
    assert train_and_wait(qtbot, w) == "done"
    find(w, QAction, "showCodeAction").trigger()
    dlg = find(w, QDialog, "codeDialog")
    qtbot.waitExposed(dlg)
    assert "SEED = 5" in dlg.source
    with qtbot.waitSignal(dlg.verifyFinished, timeout=180_000) as blocker:
        click(qtbot, find(dlg, QPushButton, "verifyCodeButton"))
    ok, text = blocker.args
    assert ok, text
    assert "app's own run" in text and "bit for bit" in text
    assert text in find(dlg, QLabel, "verifyResult").text()
    path = tmp_path / "run.ipynb"
    dlg.save_notebook(str(path))
    nb = nbformat.read(str(path), as_version=4)
    nbformat.validate(nb)
    assert json.loads(path.read_text())["nbformat"] == 4
    # Keywords, strings and comments are coloured.
    block = dlg.text.document().findBlockByNumber(0)
    assert block.layout().formats()
    dlg.close()


def test_verify_reports_a_mismatch(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from gui.code_dialog import compare

    ok, text = compare("Epoch 1/2 | Loss: 0.5000\n", "Epoch 1/2 | Loss: 0.5001\n", None, None)
    assert not ok and "Line 1" in text
    ok, text = compare(
        "Epoch 1/1 | Loss: 0.5000\nLRS-PARAMS [0.5] 0.25\n",
        "Epoch 1/1 | Loss: 0.5000\n",
        None,
        [0.5, 0.3],
    )
    assert not ok and "the app at" in text


def test_several_features_slice_through_two_chosen_parameters(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    find(w, QAction, "generateDataAction").trigger()
    dlg = find(w, QDialog, "generateDataDialog")
    type_into(qtbot, find(dlg, QLineEdit, "generateWeightsInput"), "1, -0.5")
    click(qtbot, find(dlg, QPushButton, "generateOkButton"))
    ds = generate(40, [1.0, -0.5], -2.5, preset="overlapping", seed=0)
    assert w.table_model.n_features == 2
    x_combo = find(w, QComboBox, "landscapeXInput")
    y_combo = find(w, QComboBox, "landscapeYInput")
    assert x_combo.isEnabled() and x_combo.count() == 3
    click(qtbot, find(w, QPushButton, "stepButton"))  # a current point to slice through
    m = w.model()
    assert m is not None
    choose(x_combo, 1)
    choose(y_combo, 2)
    lp = w.landscape_panel
    qtbot.waitUntil(lambda: lp.grid() is not None and lp.grid().axes == (1, 2), timeout=60_000)  # type: ignore[union-attr]
    wait_surface(qtbot, w)
    g = lp.grid()
    assert g is not None and g.axis_names == ("w[x2]", "b")
    assert g.fixed[0] == pytest.approx(m.weights[0])  # w[x1] held at its current value
    i, j = 17, 90
    want = mean_bce(ds.features, ds.labels, [m.weights[0], g.a_values[i]], g.b_values[j])
    assert g.loss[j, i] == pytest.approx(want, rel=1e-6)
    assert "held at" in lp.note.text()


def test_large_data_use_a_sample_and_say_so(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gui.panels import landscape_panel

    monkeypatch.setattr(landscape_panel, "MAX_ROWS", 20)
    w = window
    generate_via_dialog(qtbot, w, "overlapping", 40, 1)
    lp = w.landscape_panel
    qtbot.waitUntil(lambda: "random sample of 20 of the 40 rows" in lp.note.text(), timeout=60_000)
    wait_surface(qtbot, w)
    g = lp.grid()
    assert g is not None and g.subsampled and g.rows_used == 20


def test_a_big_batch_shows_totals_only(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    generate_via_dialog(qtbot, w, "overlapping", 1500, 0)
    ds = generate(1500, 1.0, -2.5, preset="overlapping", seed=0, feature_names=("hours",))
    type_into(qtbot, find(w, QLineEdit, "initWeightInput"), "0.5")
    type_into(qtbot, find(w, QLineEdit, "initBiasInput"), "-1")
    click(qtbot, find(w, QPushButton, "stepButton"))
    cells = w.step_panel.rows_table.cells()
    assert len(cells) == 1 and "detail limit" in cells[0][0]
    assert w.history().losses[0] == pytest.approx(mean_bce(ds.features, ds.labels, [0.5], -1.0))
    assert len(w.curve_plot.pulls()[0]) == 0


def test_runs_are_saved_in_the_project(qtbot, window: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    w = window
    set_epochs(qtbot, w, 50)
    type_into(qtbot, find(w, QLineEdit, "seedInput"), "2")
    assert train_and_wait(qtbot, w) == "done"
    losses = w.loss_values()
    path = tmp_path / "runs.lrsproj"
    assert w.save_project_to(str(path))
    w.runs_panel.select([0])
    click(qtbot, find(w, QPushButton, "deleteRunButton"))
    assert find(w, QTableWidget, "runsTable").rowCount() == 0
    assert w.open_path(str(path))
    qtbot.waitUntil(lambda: find(w, QTableWidget, "runsTable").rowCount() == 1)
    run = w.runs_panel.runs()[0]
    assert run.name == "SGD, lr 0.01" and run.seed == 2
    assert run.losses.tolist() == pytest.approx(losses.tolist(), rel=1e-7)
