"""Check, before Qt starts, that the system libraries it loads are present (Linux only).

A missing ``libEGL.so.1`` or ``libxcb-cursor.so.0`` otherwise ends in an ``ImportError`` deep in
PySide6 or in Qt's "could not load the Qt platform plugin" abort, neither of which says what to
install. This module is plain Python (no Qt import), so it can run when Qt cannot.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

# Every library below is loaded by PySide6's Qt (``readelf -d`` on libQt6Gui, libQt6DBus and the
# platform plugins), with the Debian/Ubuntu package that ships it.
CORE_LIBRARIES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libz.so.1": "zlib1g",
}

# Only the xcb platform (an X11 desktop, or XWayland) loads these.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}

# Only the wayland platform (a Wayland session) loads these.
WAYLAND_LIBRARIES: dict[str, str] = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
}

# Platforms that draw into memory and need no windowing-system libraries.
_HEADLESS_PLATFORMS = {"offscreen", "minimal", "vnc"}


def _platform() -> str:
    """The Qt platform plugin name Qt will pick (``QT_QPA_PLATFORM``'s first entry, or a guess)."""
    requested = os.environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if requested:
        return requested
    if os.environ.get("WAYLAND_DISPLAY") and os.environ.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    return "xcb"


def required_libraries(platform: str | None = None) -> dict[str, str]:
    """The shared libraries (name → Debian package) that Qt needs for ``platform``."""
    platform = _platform() if platform is None else platform
    needed = dict(CORE_LIBRARIES)
    if platform == "wayland":
        needed.update(WAYLAND_LIBRARIES)
    elif platform not in _HEADLESS_PLATFORMS:
        needed.update(XCB_LIBRARIES)
    return needed


def _bundled(name: str) -> bool:
    """Whether a PyInstaller build ships ``name`` itself (it bundles most xcb libraries)."""
    bundle = getattr(sys, "_MEIPASS", None)
    return isinstance(bundle, str) and (Path(bundle) / name).exists()


def missing_libraries(platform: str | None = None) -> dict[str, str]:
    """The libraries from :func:`required_libraries` that ``dlopen`` cannot find."""
    missing: dict[str, str] = {}
    for name, package in required_libraries(platform).items():
        if _bundled(name):
            continue
        try:
            ctypes.CDLL(name)
        except OSError:
            missing[name] = package
    return missing


def install_command(packages: list[str]) -> str:
    """The apt-get line that installs ``packages`` on Debian or Ubuntu."""
    return "sudo apt-get install " + " ".join(sorted(set(packages)))


def check_qt_libraries(platform: str | None = None) -> str | None:
    """A readable message naming the missing libraries and how to install them, or None.

    Always None off Linux: Windows and macOS builds of Qt carry what they need.
    """
    if not sys.platform.startswith("linux"):
        return None
    missing = missing_libraries(platform)
    if not missing:
        return None
    names = ", ".join(missing)
    return (
        f"Logistic Regression Studio cannot start: Qt needs system libraries that are not "
        f"installed: {names}.\n"
        f"On Debian or Ubuntu install them with:\n"
        f"    {install_command(list(missing.values()))}\n"
        f"(on other distributions, install the packages that provide these files). "
        f"The command line (`main.py train ...`) works without them."
    )


def check_display(platform: str | None = None) -> str | None:
    """A message when Qt would find no screen to open a window on (Linux), or None."""
    if not sys.platform.startswith("linux"):
        return None
    platform = _platform() if platform is None else platform
    if (
        platform == "xcb"
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        return (
            "Logistic Regression Studio cannot open a window: no display (DISPLAY is not set).\n"
            "Run it from a desktop session, forward X11 (ssh -X), or set "
            "QT_QPA_PLATFORM=offscreen for a headless run such as --self-test."
        )
    if platform == "wayland" and not os.environ.get("WAYLAND_DISPLAY"):
        return "Logistic Regression Studio cannot open a window: WAYLAND_DISPLAY is not set."
    return None


def check_qt_startup() -> str | None:
    """Everything that would stop Qt from starting, as one message, or None."""
    return check_qt_libraries() or check_display()
