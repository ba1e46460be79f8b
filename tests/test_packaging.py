"""Packaging: resources, icons, desktop entry, crash hook, Qt library check, self-test.

Fast by default (no PyInstaller build). ``LOGREG_STUDIO_TEST_FROZEN=1`` also runs the built
``dist/logreg-studio/logreg-studio --self-test`` (after ``bash packaging/build.sh``).
"""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from gui import crash, qtcheck
from gui.resources import resource_path, resource_root

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
DESKTOP = ROOT / "packaging" / "logreg-studio.desktop"
INSTALL = ROOT / "packaging" / "install-desktop.sh"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (asserting it is a PNG)."""
    assert data[:8] == PNG_SIGNATURE
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# ---------------------------------------------------------------- resource_path


def test_resource_path_finds_the_seed_data_from_source() -> None:
    path = resource_path("data", "study_hours.csv")
    assert path == ROOT / "resources" / "data" / "study_hours.csv"
    assert path.is_file()


def test_resource_path_uses_meipass_when_frozen(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_root() == tmp_path
    assert (
        resource_path("icons", "logreg-studio.svg")
        == tmp_path / "resources/icons/logreg-studio.svg"
    )


# ---------------------------------------------------------------- icons


@pytest.mark.parametrize("size", SIZES)
def test_every_icon_size_is_a_png_of_that_size(size: int) -> None:
    data = (ICONS / f"logreg-studio-{size}.png").read_bytes()
    assert png_size(data) == (size, size)
    assert data[25] == 6  # colour type RGBA: the rounded corners are transparent
    assert len(data) < 40_000  # committed files stay small


def test_svg_icon_is_valid_svg() -> None:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / "logreg-studio.svg"))
    assert renderer.isValid()
    assert renderer.defaultSize().width() == renderer.defaultSize().height() == 256


def test_ico_holds_png_entries_of_the_listed_sizes() -> None:
    data = (ICONS / "logreg-studio.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        w, h, _, _, planes, bpp, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        size = w or 256
        assert (w, planes, bpp) == (h, 1, 32)
        assert png_size(data[offset : offset + length]) == (size, size)
        sizes.append(size)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_icns_holds_png_entries_and_its_length_adds_up() -> None:
    data = (ICONS / "logreg-studio.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    expected = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512}
    seen = {}
    pos = 8
    while pos < len(data):
        kind, length = struct.unpack(">4sI", data[pos : pos + 8])
        seen[kind] = png_size(data[pos + 8 : pos + length])[0]
        pos += length
    assert pos == len(data)
    for kind, size in expected.items():
        assert seen[kind] == size


def test_committed_icons_match_the_svg(tmp_path: Path, qapp: QApplication) -> None:
    """Editing the SVG without running packaging/make_icons.py fails here."""
    from PySide6.QtGui import QImage

    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import make_icons
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    make_icons.make_all(tmp_path)
    for size in (16, 48, 256):
        fresh = QImage(str(tmp_path / f"logreg-studio-{size}.png"))
        committed = QImage(str(ICONS / f"logreg-studio-{size}.png"))
        assert fresh.size() == committed.size()
        worst = max(
            abs(a - b)
            for y in range(0, size, max(1, size // 32))
            for x in range(0, size, max(1, size // 32))
            for a, b in zip(
                fresh.pixelColor(x, y).getRgb(), committed.pixelColor(x, y).getRgb(), strict=True
            )
        )
        assert worst <= 3, f"{size} px differs from the SVG by {worst}: run make_icons.py"


# ---------------------------------------------------------------- desktop entry and install


def read_desktop(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_desktop_file_has_the_required_keys() -> None:
    entry = read_desktop(DESKTOP)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Logistic Regression Studio"
    for key in ("GenericName", "Comment", "Exec"):
        assert entry[key]
    assert entry["Icon"] == "logreg-studio"  # the hicolor name install-desktop.sh installs
    assert entry["Terminal"] == "false"
    assert entry["Categories"] == "Education;Science;Math;"


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="no desktop-file-utils")
def test_desktop_file_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def run_install(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"}
    env["HOME"] = str(home)
    return subprocess.run(
        ["bash", str(INSTALL), *args], env=env, capture_output=True, text=True, check=False
    )


def test_install_desktop_installs_into_home_and_uninstalls(tmp_path: Path) -> None:
    app_dir = tmp_path / "my apps"
    app_dir.mkdir()
    exe = app_dir / "logreg-studio"
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    home = tmp_path / "home"
    home.mkdir()

    result = run_install(home, "--exec", str(exe))
    assert result.returncode == 0, result.stderr
    share = home / ".local" / "share"
    installed = share / "applications" / "logreg-studio.desktop"
    entry = read_desktop(installed)
    assert entry["Exec"] == f'"{exe}" %f'  # quoted: the path has a space
    assert entry["TryExec"] == str(exe)
    for size in SIZES:
        icon = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "logreg-studio.png"
        assert png_size(icon.read_bytes()) == (size, size)
    assert (share / "icons/hicolor/scalable/apps/logreg-studio.svg").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(installed)], capture_output=True, check=False
        )
        assert check.returncode == 0, check.stdout

    result = run_install(home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not installed.exists()
    assert not list((share / "icons").rglob("logreg-studio.*"))


def test_install_desktop_from_source_runs_main_py(tmp_path: Path) -> None:
    if not (ROOT / ".venv" / "bin" / "python").exists():
        pytest.skip("no .venv in this checkout")
    result = run_install(tmp_path, "--from-source")
    assert result.returncode == 0, result.stderr
    entry = read_desktop(tmp_path / ".local/share/applications/logreg-studio.desktop")
    assert entry["Exec"].endswith(" %f")
    assert str(ROOT / "main.py") in entry["Exec"]
    assert entry["Path"] == str(ROOT)


def test_install_desktop_refuses_a_missing_build(tmp_path: Path) -> None:
    result = run_install(tmp_path, "--exec", str(tmp_path / "nothing-here"))
    assert result.returncode != 0
    assert not (tmp_path / ".local/share/applications/logreg-studio.desktop").exists()


@pytest.mark.parametrize("script", ["packaging/build.sh", "packaging/install-desktop.sh"])
def test_shell_scripts_parse(script: str) -> None:
    assert subprocess.run(["bash", "-n", str(ROOT / script)], check=False).returncode == 0


# ---------------------------------------------------------------- crash hook


@pytest.fixture
def crash_hook(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qapp: QApplication):
    monkeypatch.setenv(crash.LOG_DIR_ENV, str(tmp_path / "logs"))
    crash.install_exception_hook()
    yield tmp_path / "logs"
    crash.uninstall_exception_hook()


def _raise_in_slot() -> None:
    raise ValueError("boom in a slot")


@pytest.mark.qt_no_exception_capture
def test_crash_hook_logs_an_exception_in_a_slot_and_the_app_keeps_running(
    crash_hook: Path, qtbot, capsys: pytest.CaptureFixture[str]
) -> None:
    before = crash.last_crash_log()
    QTimer.singleShot(0, _raise_in_slot)
    qtbot.waitUntil(lambda: crash.last_crash_log() not in (None, before), timeout=5000)

    log = crash.last_crash_log()
    assert log is not None and log.parent == crash_hook
    assert log.name.startswith("crash-") and log.suffix == ".log"
    text = log.read_text(encoding="utf-8")
    assert "ValueError: boom in a slot" in text
    assert "_raise_in_slot" in text  # the traceback, not only the message
    assert "boom in a slot" in capsys.readouterr().err

    # Still alive: the event loop runs and a button still answers a click.
    button = QPushButton("after")
    qtbot.addWidget(button)
    with qtbot.waitSignal(button.clicked, timeout=2000):
        QTimer.singleShot(0, button.click)


@pytest.mark.qt_no_exception_capture
def test_crash_hook_logs_an_exception_in_a_thread(crash_hook: Path, qtbot) -> None:
    def work() -> None:
        raise RuntimeError("boom in a thread")

    thread = threading.Thread(target=work, name="worker-under-test")
    thread.start()
    thread.join()
    log = crash.last_crash_log()
    assert log is not None
    text = log.read_text(encoding="utf-8")
    assert "RuntimeError: boom in a thread" in text
    assert "Thread: worker-under-test" in text


@pytest.mark.qt_no_exception_capture
def test_crash_dialog_is_shown_once_on_the_gui_thread(
    crash_hook: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With dialogs on (a real desktop), a thread's crash opens one box in the GUI thread."""
    monkeypatch.setattr(crash, "dialogs_enabled", lambda: True)

    def boxes() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]

    logs = []
    for _ in range(2):  # a second crash while the box is open only logs
        thread = threading.Thread(target=_raise_in_slot)
        thread.start()
        thread.join()
        logs.append(crash.last_crash_log())
    qtbot.waitUntil(lambda: any(b.isVisible() for b in boxes()), timeout=5000)
    QApplication.sendPostedEvents()  # deliver the second queued report too (it is dropped)
    QApplication.processEvents()
    visible = [b for b in boxes() if b.isVisible()]
    assert len(visible) == 1
    box = visible[0]
    assert box.icon() == QMessageBox.Icon.Critical
    assert logs[0] != logs[1]
    assert str(logs[0]) in box.informativeText()  # the first crash; the second was only logged
    assert "ValueError: boom in a slot" in box.detailedText()
    assert box.thread() is QApplication.instance().thread()
    continue_button = next(b for b in box.buttons() if b.text() == "Continue")
    continue_button.click()
    qtbot.waitUntil(lambda: not any(b.isVisible() for b in boxes()), timeout=2000)


def test_no_crash_dialog_offscreen() -> None:
    assert not crash.dialogs_enabled()


def test_crash_report_never_raises_when_logging_fails(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(crash, "write_crash_log", broken)
    try:
        raise KeyError("original")
    except KeyError as exc:
        assert crash.report(type(exc), exc, exc.__traceback__) is None
    assert "KeyError: 'original'" in capsys.readouterr().err  # Python's own printout


def test_crash_log_falls_back_to_temp_when_the_folder_is_unwritable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv(crash.LOG_DIR_ENV, str(blocker / "logs"))
    path = crash.write_crash_log("Traceback: test\n")
    assert path is not None
    assert path.parent == crash._fallback_log_dir()
    path.unlink()


# ---------------------------------------------------------------- Qt start-up checks


def test_qt_libraries_are_all_present_here() -> None:
    assert qtcheck.check_qt_libraries() is None
    assert qtcheck.check_qt_libraries("xcb") is None


def test_missing_qt_library_is_named_with_its_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setitem(qtcheck.CORE_LIBRARIES, "libnot-there-at-all.so.7", "libnot-there7")
    message = qtcheck.check_qt_libraries("offscreen")
    assert message is not None
    assert "libnot-there-at-all.so.7" in message
    assert "sudo apt-get install libnot-there7" in message


def test_xcb_libraries_only_for_the_xcb_platform() -> None:
    assert "libxcb-cursor.so.0" in qtcheck.required_libraries("xcb")
    assert "libxcb-cursor.so.0" not in qtcheck.required_libraries("offscreen")


def test_no_display_is_explained_and_offscreen_needs_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    message = qtcheck.check_display()
    assert message is not None and "DISPLAY is not set" in message
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert qtcheck.check_display() is None
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", ":0")
    assert qtcheck.check_display() is None


def test_qt_start_failure_is_explained() -> None:
    exc = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    message = crash.explain_qt_start_failure(exc)
    assert "libEGL.so.1" in message
    assert "sudo apt-get install libegl1" in message


# ---------------------------------------------------------------- the self-test


def _self_test_env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", LOGREG_STUDIO_NO_CRASH_DIALOG="1")


@pytest.mark.slow
@pytest.mark.skipif(
    not (ROOT / "gui" / "main_window.py").exists(), reason="gui/main_window.py not written yet"
)
def test_self_test_passes_from_source() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--self-test"],
        cwd=ROOT,
        env=_self_test_env(),
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    line = result.stdout.strip()
    assert line.startswith("self-test passed: 1000 epochs, loss 0.6502 -> ")
    assert "P(1h)=0.3779 FAIL, P(7h)=0.9714 PASS" in line


@pytest.mark.slow
@pytest.mark.skipif(
    not (ROOT / "gui" / "main_window.py").exists(), reason="gui/main_window.py not written yet"
)
def test_self_test_fails_when_the_numbers_differ(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    qapp: QApplication,
    tmp_path: Path,
) -> None:
    from PySide6.QtCore import QSettings

    from gui import selftest

    monkeypatch.setattr(selftest, "SEED_PREDICTIONS", (("1", "0.9999", "PASS"),))
    try:
        assert selftest.run_self_test() == 1
    finally:
        # run_self_test puts QSettings back on the user's folder: keep later tests off it.
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    err = capsys.readouterr().err
    assert "self-test FAILED: prediction for 1 h reads" in err


FROZEN = ROOT / "dist" / "logreg-studio" / "logreg-studio"


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("LOGREG_STUDIO_TEST_FROZEN") != "1" or not FROZEN.exists(),
    reason="set LOGREG_STUDIO_TEST_FROZEN=1 after bash packaging/build.sh",
)
def test_frozen_build_passes_its_self_test() -> None:
    result = subprocess.run(
        [str(FROZEN), "--self-test"],
        env=_self_test_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "P(1h)=0.3779 FAIL, P(7h)=0.9714 PASS" in result.stdout
