"""GUI fixtures: isolated settings, a window that is closed cleanly, no QThread left behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from gui import dialogs
from gui.appinfo import configure_application
from gui.worker import running_threads


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, qapp: QApplication) -> None:
    """Each test gets its own QSettings folder, so nothing leaks between tests or to the user."""
    configure_application(qapp)
    QCoreApplication.setOrganizationName("LogRegStudioTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )


@pytest.fixture(autouse=True)
def _no_dangling_qthreads() -> Iterator[None]:
    """Fail the test when it leaves one of the app's QThreads running (napari's habit)."""
    yield
    left = running_threads()
    for t in left:
        t.quit()
        t.wait(5000)
    assert not left, f"QThreads still running after the test: {[t.objectName() for t in left]}"


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer "Discard" to the unsaved-changes question; records each time it was asked."""
    asked: list[str] = []

    def fake(parent: object, name: str) -> dialogs.Unsaved:
        asked.append(name)
        return dialogs.Unsaved.DISCARD

    monkeypatch.setattr(dialogs, "ask_unsaved", fake)
    return asked


@pytest.fixture
def window(qtbot, answers):  # type: ignore[no-untyped-def]
    from gui.main_window import MainWindow

    # As the app starts: the first frame, then the plot and analysis panels (MainWindow.complete).
    w = MainWindow(deferred=True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(w.is_ready, timeout=20_000)
    yield w
    w.close()
    # The window froze the objects alive when it was built (gui/settle.py); let the next
    # collection see them again, so a suite of windows does not keep each other's cycles.
    import gc

    gc.unfreeze()
