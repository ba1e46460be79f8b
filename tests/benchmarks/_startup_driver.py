"""Run the real ``main.py`` in this process, with ``QApplication.exec`` replaced by a probe.

Modes (argv[1]):
  window  -- at the point main.py enters the event loop (window built and shown), process
             pending events once (first expose/paint) and print ``SHOWN``; then exit.
  click   -- enter the real event loop; 5 s later click trainButton and print ``FIRST <s>``
             when the first loss is in ``window.loss_values()``; then stop and quit.
The app's code is untouched: only ``exec`` is wrapped, from outside.
"""

from __future__ import annotations

import runpy
import sys
import threading
import time

from PySide6.QtWidgets import QApplication

ROOT = sys.argv[2]
MODE = sys.argv[1]
_real_exec = QApplication.exec


def _window():  # type: ignore[no-untyped-def]
    from gui.main_window import MainWindow

    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))


def fake_exec(*_a):  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    if MODE == "window":
        app.processEvents()
        w = _window()
        print(f"SHOWN {w.isVisible()} {time.perf_counter()}", flush=True)
        return 0
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QLineEdit, QPushButton, QSpinBox

    from gui import dialogs

    dialogs.ask_unsaved = lambda *a, **k: dialogs.Unsaved.DISCARD
    w = _window()
    w.findChild(QLineEdit, "initWeightInput").setText("0.235")
    w.findChild(QLineEdit, "initBiasInput").setText("0.153")
    w.findChild(QSpinBox, "epochsInput").setValue(100_000)
    state: dict[str, float] = {}
    poll = QTimer()
    poll.setTimerType(Qt.TimerType.PreciseTimer)
    poll.setInterval(1)

    def check() -> None:
        if len(w.loss_values()) > 0:
            poll.stop()
            dt = time.perf_counter() - state["t0"]
            print(f"FIRST {dt} warmup_alive_at_click={state['alive']}", flush=True)
            w.trainingFinished.connect(lambda *_: app.quit())
            w.findChild(QPushButton, "stopButton").click()

    def click() -> None:
        state["alive"] = any(
            t.name == "torch-warm-up" and t.is_alive() for t in threading.enumerate()
        )
        state["t0"] = time.perf_counter()
        w.findChild(QPushButton, "trainButton").click()
        poll.start()

    poll.timeout.connect(check)
    QTimer.singleShot(5000, click)
    QTimer.singleShot(60000, app.quit)  # safety net
    return _real_exec()


QApplication.exec = fake_exec  # type: ignore[method-assign]
sys.path.insert(0, ROOT)
sys.argv = [f"{ROOT}/main.py"]
try:
    runpy.run_path(f"{ROOT}/main.py", run_name="__main__")
except SystemExit:
    pass
