"""Long-lived objects are kept out of the cyclic GC's full passes (gui/settle.py)."""

from __future__ import annotations

import gc
import sys

from gui.main_window import MainWindow
from gui.settle import GarbageSettler, torch_loaded


def test_the_window_freezes_what_it_built_so_full_collections_stay_short(
    window: MainWindow,
) -> None:
    # The panels and everything imported for them sit in the permanent generation: a full
    # collection walks only what was made since. Unfrozen, it walked ~218,000 objects for
    # ~100 ms with every thread stopped (a GUI stall at a moment nobody chooses).
    frozen = gc.get_freeze_count()
    assert frozen > 50_000
    walked = len(gc.get_objects())  # what a full collection would walk now
    assert walked < frozen // 4


def test_torch_loaded_late_is_frozen_too(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import gui.settle

    gc.unfreeze()
    settler = GarbageSettler(window)
    monkeypatch.setattr(gui.settle, "torch_loaded", lambda: False)
    settler.start()
    before = gc.get_freeze_count()
    junk = [[i] for i in range(20_000)]  # long-lived objects that arrive later, as torch's do
    assert gc.get_freeze_count() == before
    monkeypatch.setattr(gui.settle, "torch_loaded", lambda: True)
    qtbot.waitUntil(lambda: gc.get_freeze_count() >= before + 20_000, timeout=5_000)
    del junk


def test_a_half_imported_module_is_not_called_loaded(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import types

    fake = types.ModuleType("torch")
    fake.__spec__ = types.SimpleNamespace(_initializing=True)  # type: ignore[assignment]
    monkeypatch.setitem(sys.modules, "torch", fake)
    assert not torch_loaded()
    fake.__spec__._initializing = False  # type: ignore[attr-defined]
    assert torch_loaded()
    monkeypatch.delitem(sys.modules, "torch")
    assert not torch_loaded()


def test_a_prediction_waits_while_torch_loads_elsewhere(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # The answer uses torch; while a background thread imports it, `import torch` in the GUI
    # thread would wait on the import lock (0.6 s seen): the panel asks again a little later.
    from PySide6.QtWidgets import QLineEdit

    import gui.panels.prediction_panel as pp
    from tests.gui.test_main_window import find, train_and_wait, type_into

    w = window
    type_into(qtbot, find(w, QLineEdit, "initWeightInput"), "0.235")
    type_into(qtbot, find(w, QLineEdit, "initBiasInput"), "0.153")
    assert train_and_wait(qtbot, w) == "done"
    loading = [True]
    monkeypatch.setattr(pp, "torch_loading", lambda: loading[0])
    assert "0.9714" in w.prediction_panel.text()  # 7 hours, the field's starting value
    type_into(qtbot, find(w, QLineEdit, "hoursInput"), "1")
    qtbot.wait(400)  # four of the panel's 100 ms ticks
    assert "0.3779" not in w.prediction_panel.text()
    loading[0] = False
    qtbot.waitUntil(lambda: "0.3779" in w.prediction_panel.text(), timeout=2_000)
