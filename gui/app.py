"""Start the window: the QApplication, its identity, the crash hook and torch's warm-up."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QSocketNotifier, Qt, QTimer
from PySide6.QtWidgets import QApplication

from gui.appinfo import configure_application
from gui.i18n import install_language

if TYPE_CHECKING:
    from gui.main_window import MainWindow


def warm_up_training_process() -> None:
    """Start the training process and have it load torch and build an optimizer, in the
    background, so Train starts at once (the first ``torch.optim`` step pulls ``torch._dynamo``,
    over a second). Another process: it runs beside the window's own start-up, not in its way.
    """
    from core.remote import TRAINING_PROCESSES
    from gui.training_worker import use_process

    # A failed warm-up only means the first Train is slower: nothing to report.
    def child() -> None:
        with contextlib.suppress(Exception):
            TRAINING_PROCESSES.warm_up()

    if use_process():
        threading.Thread(target=child, name="training-warm-up", daemon=True).start()


def warm_up_torch() -> threading.Thread:
    """Import torch in this process too, in the background, for the predictions (which the
    window makes with the seed's own float32 arithmetic); after the panels are built, so the
    import does not hold the GIL while they are."""

    def here() -> None:
        with contextlib.suppress(Exception):
            import torch  # noqa: F401

    thread = threading.Thread(target=here, name="torch-warm-up", daemon=True)
    thread.start()
    return thread


def run_gui(argv: list[str]) -> int:
    """Open the main window; return the exit status."""
    if "--self-test" in argv:
        from gui.selftest import run_self_test

        return run_self_test()
    from gui.crash import install_exception_hook
    from gui.qtcheck import check_qt_startup

    problem = None if QApplication.instance() else check_qt_startup()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    lang, argv = _language_option(argv)
    if lang is not None and lang not in ("en", "ko"):
        print(f'error: --lang takes "en" or "ko", not "{lang}"', file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    configure_application(app)
    from gui.settings import Settings

    # --lang overrides for this session; otherwise the choice in View → Language, or the system's.
    install_language(app, lang if lang is not None else Settings().text("view/language", ""))
    install_exception_hook()

    from gui.main_window import MainWindow

    # The window's first frame comes first; its plots, a file to open and torch's warm-up follow.
    window = MainWindow(deferred=True)
    files = [a for a in argv if not a.startswith("-")]

    warm = os.environ.get("LOGREG_STUDIO_NO_WARMUP") != "1"

    def after_first_frame() -> None:
        if warm:
            warm_up_training_process()

    def after_panels() -> None:
        if files:
            window.open_path(files[0])
        if warm:
            QTimer.singleShot(0, warm_up_torch)

    window.firstFrameShown.connect(after_first_frame, Qt.ConnectionType.SingleShotConnection)
    window.panelsReady.connect(after_panels, Qt.ConnectionType.SingleShotConnection)
    window.show()
    _close_on_signals(window)
    status = app.exec()
    if "core.remote" in sys.modules:  # a training process may have been started
        from core.remote import TRAINING_PROCESSES

        TRAINING_PROCESSES.close_all()
    return status


def _language_option(argv: list[str]) -> tuple[str | None, list[str]]:
    """``--lang ko`` / ``--lang=en`` taken out of ``argv``."""
    rest: list[str] = []
    lang: str | None = None
    it = iter(argv)
    for a in it:
        if a == "--lang":
            lang = next(it, "")
        elif a.startswith("--lang="):
            lang = a.split("=", 1)[1]
        else:
            rest.append(a)
    return lang, rest


def _close_on_signals(window: MainWindow) -> None:
    """Ctrl+C in the terminal and SIGTERM (a logout) close the window cleanly.

    Python runs signal handlers only when the interpreter gets control, which Qt's event loop
    does not give it on its own: a wake-up fd that Qt watches hands it over at once. The window
    closes without asking about unsaved changes (the user asked the process to end), but
    training is stopped and joined, and the settings are saved, as on any close.
    """

    def handler(signum: int, frame: object) -> None:
        name = signal.Signals(signum).name
        print(f"{name}: closing Logistic Regression Studio.", file=sys.stderr)
        # Not here: the handler may run inside a paint or any other Qt call; close from the loop.
        QTimer.singleShot(0, window.close_without_asking)

    read_fd, write_fd = socket.socketpair()
    read_fd.setblocking(False)
    write_fd.setblocking(False)
    signal.set_wakeup_fd(write_fd.fileno())
    notifier = QSocketNotifier(read_fd.fileno(), QSocketNotifier.Type.Read, window)

    def drain() -> None:
        with contextlib.suppress(OSError):
            read_fd.recv(64)

    notifier.activated.connect(drain)
    _SOCKETS.extend((read_fd, write_fd))
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, handler)


_SOCKETS: list[socket.socket] = []
