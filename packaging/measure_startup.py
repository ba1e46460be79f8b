"""Time from starting a command to its first top-level window being mapped (X11 / Xvfb).

    python packaging/measure_startup.py --runs 5 -- dist/logreg-studio/logreg-studio
    python packaging/measure_startup.py --runs 5 -- .venv/bin/python main.py

Listens to the X root window's MapNotify events through libX11 (no polling, no Qt in this
process), so the figure is what a user sees: exec → window on screen. Starts its own Xvfb when
one is found on PATH (otherwise uses $DISPLAY). Prints every run and the median; a benchmark,
so it never fails on a slow figure, only when no window appears.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import select
import shutil
import statistics
import subprocess
import sys
import time

SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
MAP_NOTIFY = 19


class XMapEvent(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    )


class XEvent(ctypes.Union):
    _fields_ = (("type", ctypes.c_int), ("xmap", XMapEvent), ("pad", ctypes.c_long * 24))


def _xlib() -> ctypes.CDLL:
    x = ctypes.CDLL("libX11.so.6")
    x.XOpenDisplay.restype = ctypes.c_void_p
    x.XOpenDisplay.argtypes = (ctypes.c_char_p,)
    x.XDefaultRootWindow.restype = ctypes.c_ulong
    x.XDefaultRootWindow.argtypes = (ctypes.c_void_p,)
    x.XSelectInput.argtypes = (ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long)
    x.XConnectionNumber.argtypes = (ctypes.c_void_p,)
    x.XPending.argtypes = (ctypes.c_void_p,)
    x.XNextEvent.argtypes = (ctypes.c_void_p, ctypes.POINTER(XEvent))
    x.XFlush.argtypes = (ctypes.c_void_p,)
    x.XCloseDisplay.argtypes = (ctypes.c_void_p,)
    return x


def time_to_window(command: list[str], timeout: float = 60.0) -> float:
    """Seconds from starting ``command`` to its first mapped, managed top-level window."""
    x = _xlib()
    display = x.XOpenDisplay(None)
    if not display:
        raise RuntimeError("cannot open the X display")
    try:
        x.XSelectInput(display, x.XDefaultRootWindow(display), SUBSTRUCTURE_NOTIFY_MASK)
        x.XFlush(display)
        fd = x.XConnectionNumber(display)
        env = dict(os.environ, QT_QPA_PLATFORM="xcb", LOGREG_STUDIO_NO_CRASH_DIALOG="1")
        start = time.perf_counter()
        proc = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            event = XEvent()
            while True:
                left = timeout - (time.perf_counter() - start)
                if left <= 0 or proc.poll() is not None:
                    raise RuntimeError(f"no window within {timeout:.0f} s: {command}")
                select.select([fd], [], [], min(left, 0.5))
                while x.XPending(display):
                    x.XNextEvent(display, ctypes.byref(event))
                    if event.type == MAP_NOTIFY and not event.xmap.override_redirect:
                        return time.perf_counter() - start
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    finally:
        x.XCloseDisplay(display)


def start_xvfb() -> subprocess.Popen[bytes] | None:
    """Start Xvfb on a free display and point $DISPLAY at it (None when Xvfb is missing)."""
    if not shutil.which("Xvfb"):
        return None
    for number in range(140, 200):
        if os.path.exists(f"/tmp/.X11-unix/X{number}") or os.path.exists(f"/tmp/.X{number}-lock"):
            continue
        proc = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            if os.path.exists(f"/tmp/.X11-unix/X{number}"):
                os.environ["DISPLAY"] = f":{number}"
                return proc
            time.sleep(0.05)
        proc.kill()
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-xvfb", action="store_true", help="use $DISPLAY as it is")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to time after --")
    xvfb = None if args.no_xvfb else start_xvfb()
    if xvfb is None and not os.environ.get("DISPLAY"):
        print("measure_startup: no Xvfb and no DISPLAY; skipped", file=sys.stderr)
        return 0
    try:
        time_to_window(command)  # warm the page cache: the first run reads everything from disk
        times = [time_to_window(command) for _ in range(args.runs)]
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
    runs = " ".join(f"{t:.3f}" for t in times)
    print(f"launch to window: median {statistics.median(times):.3f} s ({runs}) for {command}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
