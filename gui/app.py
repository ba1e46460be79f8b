"""Start the window: the QApplication, its identity, the crash hook and torch's warm-up."""

from __future__ import annotations

import os
import sys
import threading

from PySide6.QtCore import QCoreApplication, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from core import __version__
from gui.resources import resource_path

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
    """Import torch and build one optimizer in the background, so Train starts at once.

    The first ``torch.optim`` step pulls ``torch._dynamo`` (over a second); doing it here,
    after the window is shown, moves that wait out of the click on Train.
    """

    def work() -> None:
        try:
            import torch

            p = torch.nn.Parameter(torch.zeros(1))
            opt = torch.optim.SGD([p], lr=0.1)
            (p * 2).sum().backward()
            opt.step()
        except Exception:  # a failed warm-up only means the first Train is slower
            pass

    thread = threading.Thread(target=work, name="torch-warm-up", daemon=True)
    thread.start()
    return thread


def run_gui(argv: list[str]) -> int:
    """Open the main window; return the exit status."""
    if "--self-test" in argv:
        from gui.selftest import run_self_test

        return run_self_test()
    from gui.crash import install_exception_hook

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
