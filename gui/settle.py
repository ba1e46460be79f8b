"""Keep the cyclic garbage collector's full passes short: long-lived objects are frozen.

A full collection (generation 2) walks every container object Python tracks. In the window that
is the whole of Qt's wrappers, pyqtgraph and torch: about 218,000 objects, 106 ms measured, with
the GIL held, so every thread (the GUI thread included) stops for it. CPython starts one
whenever enough new objects have survived, at no moment anyone chooses: a long-running session
met it as a GUI stall above 100 ms at random.

``gc.freeze()`` moves every object tracked now into a permanent generation that collections no
longer walk (a full pass then takes well under a millisecond); objects made later are collected
as before, and reference counting frees everything as usual. The window freezes once its panels
exist, and once more as soon as torch has finished loading in this process (whichever thread
loads it: the warm-up, the loss landscape or a prediction).
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, QTimer, Slot

POLL_MS = 2_000


def torch_loaded() -> bool:
    """Whether torch is imported completely in this process (not half-way in some thread)."""
    return "torch" in sys.modules and not torch_loading()


def torch_loading() -> bool:
    """Whether some thread is importing torch right now (an ``import torch`` here would wait)."""
    module = sys.modules.get("torch")
    return bool(getattr(getattr(module, "__spec__", None), "_initializing", False))


class GarbageSettler(QObject):
    """Freezes the long-lived objects now, and again once torch is loaded."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        gc.freeze()
        if torch_loaded():
            return
        self._timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if torch_loaded():
            self._timer.stop()
            gc.freeze()
