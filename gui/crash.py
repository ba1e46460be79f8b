"""Keep the app alive through an unhandled exception: log it, tell the user, carry on.

``install_exception_hook()`` replaces ``sys.excepthook`` and ``threading.excepthook``. An
exception that escapes a slot (PySide6 hands those to ``sys.excepthook``), a worker thread or a
plain Python thread is written to ``<AppLocalDataLocation>/logs/crash-YYYYmmdd-HHMMSS.log``
(a temporary folder when that is not writable), printed to stderr and, when a GUI is up, shown
in a critical message box on the GUI thread. The box is opened without a nested event loop and
only one at a time; with ``QT_QPA_PLATFORM=offscreen`` or ``LOGREG_STUDIO_NO_CRASH_DIALOG=1``
there is no box at all, so tests and ``--self-test`` never block.

Qt is imported lazily: ``explain_qt_start_failure`` must work when PySide6 cannot load.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import platform
import re
import sys
import tempfile
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

LOG_DIR_ENV = "LOGREG_STUDIO_LOG_DIR"
NO_DIALOG_ENV = "LOGREG_STUDIO_NO_CRASH_DIALOG"

_lock = threading.Lock()
_state = threading.local()  # .active: this thread is inside the hook (re-entrancy guard)
_last_log: Path | None = None
_previous_hooks: tuple[Any, Any] | None = None
_relay: Any = None  # a QObject living in the GUI thread, created on first need
_relay_class: Any = None
_dialog_open = False
_dialogs_broken = False  # showing a box itself failed once: from then on only log


# ---------------------------------------------------------------- installing


def install_exception_hook() -> None:
    """Route unhandled exceptions (GUI thread, QThreads, Python threads) to :func:`report`.

    Safe to call more than once. Call it after the QApplication exists so the message box relay
    is created in the GUI thread (it is created lazily otherwise).
    """
    global _previous_hooks
    with _lock:
        if _previous_hooks is None:
            _previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = _excepthook
        threading.excepthook = _threading_excepthook
    _ensure_relay()


def uninstall_exception_hook() -> None:
    """Put back the hooks that were there before :func:`install_exception_hook` (for tests)."""
    global _previous_hooks
    with _lock:
        if _previous_hooks is not None:
            sys.excepthook, threading.excepthook = _previous_hooks
            _previous_hooks = None


def last_crash_log() -> Path | None:
    """The log file written for the most recent unhandled exception, if any."""
    return _last_log


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    report(exc_type, exc, tb)


def _threading_excepthook(args: threading.ExceptHookArgs) -> None:
    if issubclass(args.exc_type, SystemExit):
        return
    name = args.thread.name if args.thread is not None else "unknown"
    value = args.exc_value if args.exc_value is not None else args.exc_type()
    report(args.exc_type, value, args.exc_traceback, thread_name=name)


# ---------------------------------------------------------------- reporting


def report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    *,
    thread_name: str | None = None,
) -> Path | None:
    """Log one unhandled exception, print it, and ask the GUI thread to show it.

    Returns the log file. Never raises: a failure in here falls back to Python's own printout.
    """
    if getattr(_state, "active", False):
        # An exception while handling an exception: print it plainly, never loop.
        sys.__excepthook__(exc_type, exc, tb)
        return None
    _state.active = True
    try:
        thread_name = thread_name or threading.current_thread().name
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        path = write_crash_log(details, thread_name=thread_name)
        where = f" (logged to {path})" if path else ""
        if sys.stderr is not None:  # None in a windowed Windows build
            print(f"Unhandled exception in thread {thread_name}{where}:", file=sys.stderr)
            print(details, file=sys.stderr, end="", flush=True)
        _request_dialog(f"{exc_type.__name__}: {exc}", details, path)
        return path
    except Exception:
        with contextlib.suppress(Exception):
            sys.__excepthook__(exc_type, exc, tb)
        return None
    finally:
        _state.active = False


def crash_log_dir() -> Path:
    """Where crash logs go: ``$LOGREG_STUDIO_LOG_DIR``, else ``AppLocalDataLocation/logs``."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    try:
        from PySide6.QtCore import QStandardPaths

        location = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.AppLocalDataLocation
        )
        if location:
            return Path(location) / "logs"
    except Exception:
        pass
    return _fallback_log_dir()


def _fallback_log_dir() -> Path:
    return Path(tempfile.gettempdir()) / "logreg-studio" / "logs"


def write_crash_log(details: str, *, thread_name: str = "") -> Path | None:
    """Write ``details`` with a short header to a new crash log; return its path."""
    global _last_log
    now = datetime.datetime.now()
    text = _log_header(now, thread_name) + "\n" + details
    for folder in (crash_log_dir(), _fallback_log_dir()):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            stem = f"crash-{now:%Y%m%d-%H%M%S}"
            for n in range(1000):
                path = folder / (f"{stem}.log" if n == 0 else f"{stem}-{n}.log")
                try:
                    with path.open("x", encoding="utf-8") as f:
                        f.write(text)
                except FileExistsError:
                    continue
                _last_log = path
                return path
        except OSError:
            continue
    return None


def _log_header(now: datetime.datetime, thread_name: str) -> str:
    try:
        from core import __version__ as version
    except Exception:
        version = "?"
    qt = sys.modules.get("PySide6")
    lines = [
        f"Logistic Regression Studio {version} crash report, {now:%Y-%m-%d %H:%M:%S}",
        f"Python {platform.python_version()} on {platform.platform()}"
        + (" (frozen)" if getattr(sys, "frozen", False) else ""),
        f"PySide6 {getattr(qt, '__version__', 'not loaded')}",
        f"Thread: {thread_name}",
    ]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the message box


def dialogs_enabled() -> bool:
    """Whether an unhandled exception opens a message box (never offscreen or when disabled)."""
    if _dialogs_broken or os.environ.get(NO_DIALOG_ENV) == "1":
        return False
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal")):
        return False
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None:
        return False
    app = widgets.QApplication.instance()
    if not isinstance(app, widgets.QApplication):
        return False
    return widgets.QApplication.platformName() not in ("offscreen", "minimal")


def _ensure_relay() -> Any:
    """The GUI-thread QObject whose queued slot shows the box; None without a QApplication."""
    global _relay
    if _relay is not None:
        return _relay
    core = sys.modules.get("PySide6.QtCore")
    if core is None:
        return None
    app = core.QCoreApplication.instance()
    if app is None:
        return None
    relay = _make_relay_class()()
    if relay.thread() is not app.thread():
        relay.moveToThread(app.thread())  # created in a worker thread: push it to the GUI thread
    relay.crashReported.connect(relay.show_crash, core.Qt.ConnectionType.QueuedConnection)
    _relay = relay
    return relay


def _make_relay_class() -> Any:
    global _relay_class
    if _relay_class is not None:
        return _relay_class
    from PySide6.QtCore import QObject, Signal, Slot

    class CrashRelay(QObject):
        """Carries a crash report to the GUI thread (queued) and shows it there."""

        crashReported = Signal(str, str, str)

        def __init__(self) -> None:
            super().__init__()
            self._box: Any = None
            self._quit_button: Any = None

        @Slot(str, str, str)
        def show_crash(self, summary: str, details: str, log_path: str) -> None:
            _show_crash_box(self, summary, details, log_path)

        @Slot(int)
        def _on_box_finished(self, _result: int) -> None:
            global _dialog_open
            box, quit_button = self._box, self._quit_button
            self._box = self._quit_button = None
            _dialog_open = False
            if box is not None and box.clickedButton() is quit_button:
                from PySide6.QtWidgets import QApplication

                QApplication.quit()

    _relay_class = CrashRelay
    return CrashRelay


def _request_dialog(summary: str, details: str, path: Path | None) -> None:
    if not dialogs_enabled():
        return
    relay = _ensure_relay()
    if relay is not None:
        relay.crashReported.emit(summary, details, str(path) if path else "")


def _show_crash_box(relay: Any, summary: str, details: str, log_path: str) -> None:
    """Open one non-blocking critical box (GUI thread); later crashes while it is open only log."""
    global _dialog_open, _dialogs_broken
    if _dialog_open or not dialogs_enabled():
        return
    _dialog_open = True
    try:
        from PySide6.QtCore import QCoreApplication, Qt
        from PySide6.QtWidgets import QApplication, QMessageBox

        def tr(text: str) -> str:
            return QCoreApplication.translate("CrashDialog", text)

        box = QMessageBox(QApplication.activeWindow())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(tr("Unexpected error"))
        box.setText(
            tr("Something went wrong, but the application is still running.") + "\n\n" + summary
        )
        info = tr("You can keep working, or save your work and quit.")
        if log_path:
            info += "\n\n" + tr("The details were saved to:") + "\n" + log_path
        box.setInformativeText(info)
        box.setDetailedText(details)
        box.addButton(tr("Continue"), QMessageBox.ButtonRole.AcceptRole)
        relay._quit_button = box.addButton(tr("Quit"), QMessageBox.ButtonRole.DestructiveRole)
        relay._box = box
        box.finished.connect(relay._on_box_finished)
        box.open()  # window-modal, no nested event loop
    except Exception:
        # The box itself fails: never try again (that could loop), keep logging.
        _dialog_open = False
        _dialogs_broken = True
        print("gui.crash: could not show the crash dialog:", file=sys.stderr)
        traceback.print_exc()


# ---------------------------------------------------------------- Qt cannot start


_LIBRARY_RE = re.compile(r"(lib[\w.+-]+?\.so(?:\.\d+)*)")


def explain_qt_start_failure(exc: BaseException) -> str:
    """A readable message for an exception raised while loading or starting Qt."""
    from gui import qtcheck

    raw = f"{type(exc).__name__}: {exc}"
    lines = ["Logistic Regression Studio could not start its window (Qt failed to load).", raw]
    known = {**qtcheck.CORE_LIBRARIES, **qtcheck.XCB_LIBRARIES, **qtcheck.WAYLAND_LIBRARIES}
    match = _LIBRARY_RE.search(str(exc))
    missing = qtcheck.check_qt_libraries()
    if missing:
        lines.append(missing)
    elif match and match.group(1) in known:
        lib = match.group(1)
        lines.append(
            f"The system library {lib} is missing. On Debian or Ubuntu install it with:\n"
            f"    {qtcheck.install_command([known[lib]])}"
        )
    elif match:
        lines.append(
            f"The library {match.group(1)} could not be loaded; install the package that "
            f"provides it, or reinstall PySide6 (bash .ci/setup)."
        )
    elif sys.platform == "win32" and "DLL load failed" in str(exc):
        lines.append(
            "Install the Microsoft Visual C++ Redistributable (x64) and try again; "
            "if it persists, reinstall the application."
        )
    elif isinstance(exc, ModuleNotFoundError) and getattr(sys, "frozen", False):
        lines.append(
            f"This build lacks the module {exc.name!r}: rebuild it with packaging/build.sh "
            f"(and check the exclusions in logreg-studio.spec)."
        )
    elif isinstance(exc, ModuleNotFoundError):
        lines.append(
            "PySide6 is not installed here: run `bash .ci/setup` "
            "(or `pip install -r requirements.txt`) first."
        )
    else:
        display = qtcheck.check_display()
        if display:
            lines.append(display)
    lines.append("The command line (`main.py train DATA.csv ...`) does not need Qt.")
    return "\n".join(lines)
