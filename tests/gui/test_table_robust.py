"""Paste means what typing means; one writer to the table at a time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableView

from gui.main_window import MainWindow
from tests.gui.test_main_window import cell_text, edit_cell, find


def paste_at(qtbot, w: MainWindow, row: int, col: int, text: str) -> None:  # type: ignore[no-untyped-def]
    table = find(w, QTableView, "dataTable")
    table.setCurrentIndex(table.model().index(row, col))
    QGuiApplication.clipboard().setText(text)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_pasting_a_decimal_comma_is_what_typing_it_is(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    paste_at(qtbot, w, 0, 0, "2,5")
    assert cell_text(w, 0, 0) == "2.5"
    assert cell_text(w, 0, 1) == "0"  # the label next to it is untouched
    edit_cell(qtbot, w, 1, 0, "2,5")
    assert cell_text(w, 1, 0) == cell_text(w, 0, 0)


def test_pasting_1_comma_0_into_a_label_never_changes_it_silently(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    w = window
    paste_at(qtbot, w, 2, 1, "1,0")
    # One cell, read as typing reads it: not a label, so it is marked invalid, not changed to 1.
    assert cell_text(w, 2, 1) == "1,0"
    assert w.table_model.first_problem() is not None


def test_a_paste_that_spills_past_the_last_column_says_so(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    paste_at(qtbot, w, 0, 0, "9\t1\t5\n8\t0\t6\n")
    assert cell_text(w, 0, 0) == "9" and cell_text(w, 1, 0) == "8"
    assert "2 cell(s) past the last column" in w.statusBar().currentMessage()


def test_opening_a_project_during_an_import_cancels_the_import(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    w = window
    project = tmp_path / "p.lrsproj"
    edit_cell(qtbot, w, 0, 0, "1.5")
    assert w.save_project_to(str(project))
    big = tmp_path / "big.csv"
    with big.open("w") as fh:
        fh.write("hours,passed\n")
        fh.write("7,1\n3,0\n" * 1_500_000)
    with qtbot.waitSignal(w.importFinished, timeout=120_000):
        w.import_csv(str(big))
        assert w.open_path(str(project))
    assert w.table_model.rowCount() == 4
    assert cell_text(w, 0, 0) == "1.5"
