"""Driver for test_processes: open the window, start a long run, pause it, print the child's pid.

Then it waits to be killed. Run as a script (``python -m tests.gui._paused_run``).
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QPushButton, QSpinBox

from gui.appinfo import configure_application


def main() -> None:
    app = QApplication([])
    configure_application(app)
    app.setOrganizationName("LogRegStudioTests")
    from gui.main_window import MainWindow

    w = MainWindow()
    w.show()
    spin = w.findChild(QSpinBox, "epochsInput")
    assert spin is not None
    spin.setValue(50_000_000)
    train = w.findChild(QPushButton, "trainButton")
    assert train is not None
    train.click()
    deadline = time.monotonic() + 120
    while len(w.loss_values()) == 0 and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    w.toggle_pause()
    worker = w.training.worker
    assert worker is not None and worker.remote is not None
    print(worker.remote.pid, flush=True)
    while True:
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    sys.exit(main())
