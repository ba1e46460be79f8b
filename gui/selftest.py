"""``main.py --self-test``: drive the real window through the seed's example and check its numbers.

Meant for builds (``packaging/build.sh`` runs it on the frozen app) and for a user's "does it
work here?": it opens the main window offscreen, sets the seed's settings with initial weight
0.235 and bias 0.153 through the widgets, clicks Train, waits for the run to finish, and checks
the losses and predictions the seed post prints. One line of output; exit status 0 or 1.
It never shows a dialog, never touches the user's settings, and gives up after 120 s.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from core import seed

# The seed's printed numbers: loss at epochs 1, 101, …, 901 and two predictions.
SEED_INIT_WEIGHT = repr(seed.INIT_WEIGHT)
SEED_INIT_BIAS = repr(seed.INIT_BIAS)
SEED_EPOCHS = seed.EPOCHS
SEED_LOSSES = seed.PRINTED_LOSSES
SEED_PREDICTIONS = tuple(
    (f"{hours:g}", printed, "PASS" if passes else "FAIL")
    for hours, printed, passes in seed.PREDICTIONS
)
TIMEOUT_S = 120.0


class SelfTestFailure(Exception):
    """A check failed; the message says which and what was seen."""


def _emit(line: str, *, error: bool = False) -> None:
    """Print one line; windowed Windows builds have no console (sys.stdout is None)."""
    stream = sys.stderr if error else sys.stdout
    if stream is not None:
        print(line, file=stream, flush=True)


def run_self_test() -> int:
    """Run the check; print one summary line; return 0 when it passed, 1 otherwise."""
    started = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["LOGREG_STUDIO_NO_CRASH_DIALOG"] = "1"
    errors: list[str] = []
    previous_hook = sys.excepthook

    def record(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        errors.append(f"unhandled {exc_type.__name__}: {exc}")
        previous_hook(exc_type, exc, tb)

    sys.excepthook = record
    try:
        with tempfile.TemporaryDirectory(prefix="logreg-studio-selftest-") as settings_dir:
            summary = _run(Path(settings_dir), errors)
    except SelfTestFailure as exc:
        _emit(f"self-test FAILED: {exc}", error=True)
        return 1
    except ImportError as exc:
        reason = f"{type(exc).__name__}: {exc}"
        if ".so" in str(exc) or (exc.name or "").startswith(("PySide6", "shiboken6")):
            from gui.crash import explain_qt_start_failure  # Qt itself cannot load

            reason = explain_qt_start_failure(exc)
        _emit(f"self-test FAILED: {reason}", error=True)
        return 1
    except Exception as exc:
        _emit(f"self-test FAILED: {type(exc).__name__}: {exc}", error=True)
        return 1
    finally:
        sys.excepthook = previous_hook
    _emit(f"self-test passed: {summary}, {time.perf_counter() - started:.1f} s")
    return 0


def _run(settings_dir: Path, errors: list[str]) -> str:
    from PySide6.QtCore import QSettings, QStandardPaths
    from PySide6.QtWidgets import QApplication

    from gui.appinfo import configure_application
    from gui.qtcheck import check_qt_libraries

    if QApplication.instance() is None:
        missing = check_qt_libraries()
        if missing:
            raise SelfTestFailure(missing)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    if not isinstance(app, QApplication):
        raise SelfTestFailure("a non-GUI QCoreApplication already exists")
    configure_application(app)

    # The window restores and saves QSettings; keep the user's own settings out of it.
    old_format = QSettings.defaultFormat()
    user_config = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.GenericConfigLocation
    )
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    try:
        from gui.main_window import MainWindow

        window = MainWindow()
        try:
            window.show()
            _set_seed_settings(window)
            outcome = _train(window)
            if outcome != "done":
                reason = window.last_error() if hasattr(window, "last_error") else None
                raise SelfTestFailure(
                    f"training ended '{outcome}'" + (f": {reason}" if reason else "")
                )
            summary = _check(window)
            if errors:
                raise SelfTestFailure("; ".join(errors))
            return summary
        finally:
            _close(window, app)
    finally:
        QSettings.setDefaultFormat(old_format)
        if user_config:
            QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, user_config)


def _child(window: Any, cls: type, name: str) -> Any:
    widget = window.findChild(cls, name)
    if widget is None:
        raise SelfTestFailure(f"the window has no {cls.__name__} named '{name}'")
    return widget


def _type_into(edit: Any, text: str) -> None:
    """Replace the text of a QLineEdit as a user would (select all, type), firing textEdited."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    edit.setFocus()
    edit.selectAll()
    if text:
        QTest.keyClicks(edit, text)
    else:
        QTest.keyClick(edit, Qt.Key.Key_Delete)
    if edit.text() != text:  # an input method or validator interfered: set it directly
        edit.setText(text)
        edit.textEdited.emit(text)


def _set_seed_settings(window: Any) -> None:
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

    _child(window, QSpinBox, "epochsInput").setValue(SEED_EPOCHS)
    _type_into(_child(window, QLineEdit, "learningRateInput"), "0.01")
    optimizer = _child(window, QComboBox, "optimizerInput")
    index = optimizer.findData("sgd")
    optimizer.setCurrentIndex(index if index >= 0 else 0)
    _type_into(_child(window, QLineEdit, "weightDecayInput"), "0")
    batch = window.findChild(QSpinBox, "batchSizeInput")
    if batch is not None:
        batch.setValue(batch.minimum())  # the minimum is "Full batch"
    else:
        _type_into(_child(window, QLineEdit, "batchSizeInput"), "")
    _type_into(_child(window, QLineEdit, "seedInput"), "")
    fast = window.findChild(QCheckBox, "fastPathInput")
    if fast is not None:
        fast.setChecked(False)  # the seed-exact path: autograd and torch.optim.SGD
    _type_into(_child(window, QLineEdit, "initWeightInput"), SEED_INIT_WEIGHT)
    _type_into(_child(window, QLineEdit, "initBiasInput"), SEED_INIT_BIAS)


def _train(window: Any) -> str:
    """Click Train and run the event loop until ``trainingFinished`` (or the timeout)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPushButton

    button = _child(window, QPushButton, "trainButton")
    if not button.isEnabled():
        raise SelfTestFailure("the Train button is disabled with the seed's settings")
    outcome: list[str] = []
    loop = QEventLoop()

    def finished(result: object = "done") -> None:
        outcome.append(str(result))
        loop.quit()

    window.trainingFinished.connect(finished)
    timeout = QTimer()
    timeout.setSingleShot(True)
    timeout.timeout.connect(loop.quit)
    timeout.start(int(TIMEOUT_S * 1000))
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    QCoreApplication.processEvents()
    if not outcome:
        loop.exec()
    timeout.stop()
    window.trainingFinished.disconnect(finished)
    if not outcome:
        _child(window, QPushButton, "stopButton").click()
        raise SelfTestFailure(f"training did not finish within {TIMEOUT_S:.0f} s")
    return outcome[0]


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()


def _check(window: Any) -> str:
    from PySide6.QtWidgets import QLabel, QLineEdit

    losses = window.loss_values()
    if len(losses) != SEED_EPOCHS:
        raise SelfTestFailure(f"{len(losses)} losses, expected {SEED_EPOCHS}")
    printed = [f"{losses[i]:.4f}" for i in range(0, SEED_EPOCHS, 100)]
    if printed != list(SEED_LOSSES):
        raise SelfTestFailure(
            f"losses at epochs 1, 101, …, 901 are {' '.join(printed)}, "
            f"expected {' '.join(SEED_LOSSES)}"
        )
    hours = _child(window, QLineEdit, "hoursInput")
    result = _child(window, QLabel, "predictionResult")
    seen = []
    for value, probability, verdict in SEED_PREDICTIONS:
        _type_into(hours, value)
        text = _plain(result.text())
        if probability not in text or verdict not in text:
            raise SelfTestFailure(
                f"prediction for {value} h reads '{text}', expected {probability} and {verdict}"
            )
        seen.append(f"P({value}h)={probability} {verdict}")
    return f"{len(losses)} epochs, loss {losses[0]:.4f} -> {losses[-1]:.4f}, " + ", ".join(seen)


def _close(window: Any, app: Any) -> None:
    """Close without the unsaved-changes question, and let deferred deletes run."""
    from PySide6.QtCore import QCoreApplication, QEvent

    if hasattr(window, "set_modified"):
        window.set_modified(False)
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
