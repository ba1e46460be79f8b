"""Everything by keyboard: the post reproduced without a mouse, names for screen readers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from core import seed
from gui.main_window import MainWindow
from tests.gui.test_main_window import find


def press(
    qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:  # type: ignore[no-untyped-def]
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClicks(target, text)


def test_the_post_by_keyboard_alone(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    # Alt+W: "Initial weight(s)"; Alt+I: "Initial bias" (the labels' underlined letters)
    find(w, QLineEdit, "learningRateInput").setFocus()
    press(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is find(w, QLineEdit, "initWeightInput")
    type_text(qtbot, repr(seed.INIT_WEIGHT))
    press(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is find(w, QLineEdit, "initBiasInput")
    type_text(qtbot, repr(seed.INIT_BIAS))
    with qtbot.waitSignal(w.trainingFinished, timeout=120_000) as done:
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert done.args == ["done"]
    losses = w.loss_values()
    assert [f"{v:.4f}" for v in losses[::100]] == list(seed.PRINTED_LOSSES)
    # Alt+R: the threshold; Shift+Tab goes back to the hours, as the layout reads
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is find(w, QLineEdit, "thresholdInput")
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    hours = find(w, QLineEdit, "hoursInput")
    assert QApplication.focusWidget() is hours
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "7")
    assert "0.9714" in w.prediction_text() and "PASS" in w.prediction_text()


def test_tab_order_follows_the_training_form(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    order = [
        "epochsInput",
        "learningRateInput",
        "optimizerInput",
        "weightDecayInput",
        "batchSizeInput",
    ]
    find(w, QWidget, order[0]).setFocus()
    for name in order[1:]:
        press(qtbot, Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        # a spin box's editor has the focus on behalf of its spin box
        owner = (
            focus.parent()
            if focus is not None and focus.objectName() == "qt_spinbox_lineedit"
            else focus
        )
        assert owner is not None and owner.objectName() == name


def test_every_focusable_control_has_an_accessible_name(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    for dock in w.docks.values():
        dock.show()
    nameless = []
    for c in w.findChildren(QWidget):
        if c.focusPolicy() == Qt.FocusPolicy.NoFocus or not c.isVisibleTo(w):
            continue
        iface = QAccessible.queryAccessibleInterface(c)
        if iface is None or not iface.text(QAccessible.Text.Name).strip():
            nameless.append(f"{type(c).__name__} {c.objectName()!r} in {c.parent().objectName()!r}")
    assert not nameless, nameless


def test_plots_have_text_alternatives(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    find(w, QLineEdit, "initWeightInput").setText("0.235")
    find(w, QLineEdit, "initBiasInput").setText("0.153")
    w.training_panel.refresh()
    with qtbot.waitSignal(w.trainingFinished, timeout=120_000):
        w.train()
    assert (
        "Loss fell from 0.6502 to 0.4538 over 1,000 epochs" in w.loss_plot.accessibleDescription()
    )
    assert "Curve: 50% at 1.74" in w.curve_plot.accessibleDescription()
