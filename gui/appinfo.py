"""The application's identity: names, icon, translations; shared by the app and its self-test."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
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
