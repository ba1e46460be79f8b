"""Start the window: the QApplication, its identity, the crash hook and torch's warm-up."""

from __future__ import annotations

import contextlib
import os
import sys
import threading

from PySide6.QtCore import QCoreApplication, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from core import __version__
from gui.resources import resource_path
from gui.worker import TRAINING_PROCESSES, use_process

APP_NAME = "Logistic Regression Studio"
ORG_NAME = "Logistic Regression Studio"
ORG_DOMAIN = "logreg-studio.example.org"


def configure_application(app: QCoreApplication) -> None:
    """Name, version and organisation, so QSettings lands in the usual place."""
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORG_NAME)
    app.setOrganizationDomain(ORG_DOMAIN)
    if isinstance(app, QApplication):
        app.setApplicationDisplayName(APP_NAME)
        app.setDesktopFileName("logreg-studio")
        icon = app_icon()
        if not icon.isNull():
            app.setWindowIcon(icon)


def app_icon() -> QIcon:
    """The application icon (every size that ships under resources/icons)."""
    icon = QIcon()
    folder = resource_path("icons")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = folder / f"logreg-studio-{size}.png"
        if png.exists():
            icon.addFile(str(png))
    svg = folder / "logreg-studio.svg"
    if icon.isNull() and svg.exists():
        icon.addFile(str(svg))
    return icon


def install_translator(app: QApplication) -> QTranslator | None:
    """Load ``resources/translations/logreg_studio_<locale>.qm`` when one ships."""
    translator = QTranslator(app)
    folder = resource_path("translations")
    if translator.load(QLocale(), "logreg_studio", "_", str(folder)):
        app.installTranslator(translator)
        return translator
    return None


def warm_up_torch() -> threading.Thread:
    """Start the training process and load torch, in the background, so Train starts at once.

    The training child imports torch and builds one optimizer (the first ``torch.optim``
    step pulls ``torch._dynamo``, over a second); this process imports torch too, for the
    predictions, which the window makes with the seed's own float32 arithmetic.
    """

    # A failed warm-up only means the first Train is slower: nothing to report.
    def child() -> None:
        with contextlib.suppress(Exception):
            TRAINING_PROCESSES.warm_up()

    def here() -> None:
        with contextlib.suppress(Exception):
            import torch  # noqa: F401

    # Both at once: the child loads torch on the other core while this process loads it for
    # the predictions, so neither waits for the other.
    if use_process():
        threading.Thread(target=child, name="training-warm-up", daemon=True).start()
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
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    configure_application(app)
    install_translator(app)
    install_exception_hook()

    from gui.main_window import MainWindow

    window = MainWindow()
    files = [a for a in argv if not a.startswith("-")]
    if files:
        window.open_path(files[0])
    window.show()
    if os.environ.get("LOGREG_STUDIO_NO_WARMUP") != "1":
        QTimer.singleShot(0, warm_up_torch)
    return app.exec()
