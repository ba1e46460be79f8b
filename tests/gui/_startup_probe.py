"""Start the real ``main.py`` window in this fresh process and report what its first frame loaded.

Run by ``test_startup.py`` (torch must not be imported yet, which the test process already did).
``QApplication.exec`` is replaced from outside: when main.py reaches it, the window is built and
shown; the probe lets it paint its first frame, records which heavy modules were loaded, waits
for the deferred panels, and prints one JSON line.
"""

from __future__ import annotations

import json
import runpy
import sys
import time

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

HEAVY = ("torch", "pyqtgraph", "multiprocessing", "core.analysis", "scipy")


def _names(root: QWidget) -> list[str]:
    return sorted({o.objectName() for o in root.findChildren(QObject) if o.objectName()})


def _geometry(w: QWidget) -> dict[str, list[int]]:
    docks = w.docks  # type: ignore[attr-defined]
    return {n: list(d.geometry().getRect()) for n, d in docks.items() if d.isVisible()}


def fake_exec(*_args: object) -> int:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    from gui.main_window import MainWindow

    w = next(x for x in app.topLevelWidgets() if isinstance(x, MainWindow))
    report: dict[str, object] = {"visible_at_exec": w.isVisible()}
    report["loaded_at_exec"] = [m for m in HEAVY if m in sys.modules]
    app.processEvents()  # the first frame: expose and paint
    report["loaded_after_first_frame"] = [m for m in HEAVY if m in sys.modules]
    report["ready_after_first_frame"] = w.is_ready()
    report["first_frame_geometry"] = _geometry(w)
    deadline = time.monotonic() + 60
    while not w.is_ready() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    report["ready"] = w.is_ready()
    report["deferred_names"] = _names(w)
    eager = MainWindow()  # built in one go, as tests and the self-test do
    report["eager_names"] = _names(eager)
    app.processEvents()
    report["ready_geometry"] = _geometry(w)
    eager.close()
    print("PROBE " + json.dumps(report), flush=True)
    w.close_without_asking()
    return 0


QApplication.exec = fake_exec  # type: ignore[method-assign]
sys.path.insert(0, ".")  # as `python main.py` puts its folder first
sys.argv = ["main.py"]
runpy.run_path("main.py", run_name="__main__")
