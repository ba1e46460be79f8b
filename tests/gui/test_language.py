"""View → Language switches the running window at once, and back."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from gui.i18n import install_language
from gui.main_window import MainWindow
from tests.gui.test_main_window import find

HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture
def english(qapp):  # type: ignore[no-untyped-def]
    install_language(qapp, "en")
    yield
    install_language(qapp, "en")


def test_switching_language_retranslates_the_running_window(
    qtbot, english, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    w = window
    train = find(w, QPushButton, "trainButton")
    assert train.text() == "Train"
    find(w, QAction, "languageKoAction").trigger()
    assert HANGUL.search(train.text()), train.text()
    assert HANGUL.search(w.menuBar().actions()[0].text())  # File → 파일
    assert HANGUL.search(find(w, QLabel, "dataMessage").text())  # "4 rows, 1 feature(s)."
    assert HANGUL.search(w.prediction_text())
    assert HANGUL.search(w.docks["data"].windowTitle())
    assert HANGUL.search(w.table_model.headerData(0, 1))  # Hours studied → 공부 시간
    assert find(w, QAction, "languageKoAction").isChecked()
    find(w, QAction, "languageEnAction").trigger()
    assert train.text() == "Train"
    assert w.menuBar().actions()[0].text() == "&File"
    assert find(w, QLabel, "dataMessage").text() == "4 rows, 1 feature(s)."
    assert not HANGUL.search(w.prediction_text())
    assert QApplication.instance() is not None
