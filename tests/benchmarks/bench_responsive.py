"""Table 3: longest stalls of the GUI event loop, seen by a 5 ms QTimer probe."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from tests.benchmarks._common import (
    button,
    close_window,
    emit,
    log,
    median,
    new_window,
    parse_args,
    qt_app,
    row,
    set_training,
    spin,
    wait_signal,
    write_big_csv,
)

PERIOD = 0.005


class Probe:
    """A 5 ms precise timer; records when each timeout is delivered."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.stamps: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(int(PERIOD * 1000))
        self.timer.timeout.connect(lambda: self.stamps.append(time.perf_counter()))

    def start(self) -> None:
        self.stamps = [time.perf_counter()]
        self.timer.start()

    def stop(self) -> tuple[float, float, int]:
        """(max stall, p99 stall) in ms and the number of gaps."""
        import numpy as np

        self.timer.stop()
        self.stamps.append(time.perf_counter())
        gaps = np.diff(np.array(self.stamps))
        stalls = np.maximum(gaps - PERIOD, 0.0) * 1000
        return float(stalls.max()), float(np.percentile(stalls, 99)), len(gaps)


def main() -> None:
    args = parse_args()
    app = qt_app()
    epochs = 20_000
    n_rows = 200_000 if args.quick else 1_000_000
    reps_train, reps_import = (1, 1) if args.quick else (2, 3)

    probe = Probe()
    w = new_window(epochs=50)
    train = button(w, "trainButton")
    wait_signal(w.trainingFinished, train.click, 120)  # warm-up: torch import, first step

    rows: list[list[str]] = []
    notes: list[str] = []

    def measure(what: str, trigger_signal, trigger, reps: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
        mx, p99 = [], []
        for r in range(reps):
            spin(0.2)
            probe.start()
            t = time.perf_counter()
            out = wait_signal(trigger_signal(), trigger, 900)[0]
            dt = time.perf_counter() - t
            a, b, n = probe.stop()
            mx.append(a)
            p99.append(b)
            log(
                f"{what} rep {r + 1}: {out}, {dt:.2f} s, max stall {a:.1f} ms, p99 {b:.1f} ms, {n} ticks"
            )
            notes.append(
                f"{what}, run {r + 1}: outcome {out!r} after {dt:.2f} s; {n} probe gaps; "
                f"max {a:.1f} ms, p99 {b:.1f} ms."
            )
        return median(mx), median(p99)

    # idle baseline: the same probe on the shown window doing nothing
    probe.start()
    spin(2.0)
    idle_max, idle_p99, _ = probe.stop()

    for fast, label in ((False, "default (autograd)"), (True, "fast path")):
        set_training(w, epochs, fast)
        mx, p99 = measure(
            f"training {epochs:,} epochs, {label}",
            lambda: w.trainingFinished,
            train.click,
            reps_train,
        )
        rows.append(
            row(
                f"(a) training {epochs:,} epochs in the window, {label}: max stall",
                f"{mx:.1f} ms",
                f"{idle_max:.1f} ms idle",
                "—",
                "≤ 100 ms",
                mx <= 100,
            )
        )
        rows.append(
            row(
                f"(a) training {epochs:,} epochs in the window, {label}: p99 stall",
                f"{p99:.1f} ms",
                f"{idle_p99:.1f} ms idle",
                "—",
                "≤ 30 ms",
                p99 <= 30,
            )
        )
    close_window(w)

    with tempfile.TemporaryDirectory(prefix="logreg-bench-") as tmp:
        path = Path(tmp) / "big.csv"
        t = time.perf_counter()
        write_big_csv(path, n_rows)
        log(f"wrote {n_rows:,} rows in {time.perf_counter() - t:.1f} s")
        w = new_window()
        spin(0.3)
        mx, p99 = measure(
            f"import {n_rows:,} rows",
            lambda: w.importFinished,
            lambda: w.import_csv(str(path)),
            reps_import,
        )
        from PySide6.QtWidgets import QTableView

        shown = w.findChild(QTableView).model().rowCount()
        notes.append(f"After the import the table shows {shown:,} rows.")
        close_window(w)
    rows.append(
        row(
            f"(b) `import_csv` of {n_rows:,} rows until importFinished: max stall",
            f"{mx:.1f} ms",
            f"{idle_max:.1f} ms idle",
            "—",
            "≤ 100 ms",
            mx <= 100,
        )
    )
    rows.append(
        row(
            f"(b) `import_csv` of {n_rows:,} rows until importFinished: p99 stall",
            f"{p99:.1f} ms",
            f"{idle_p99:.1f} ms idle",
            "—",
            "≤ 30 ms",
            p99 <= 30,
        )
    )
    notes.insert(
        0,
        "Probe: a 5 ms Qt.PreciseTimer in the GUI thread records each timeout; "
        "stall = gap between timeouts − 5 ms, from the click / import_csv() call "
        "until trainingFinished / importFinished. Medians over runs of each run's "
        "max and 99th percentile; baseline = the same probe for 2 s on the idle "
        "shown window. Post's settings, seed data for training; the import CSV is "
        '`"%.3f,%d\\n"` rows with a header, written to a temp dir first. The import is short, '
        "so its p99 rests on a few dozen probe gaps at most (≈ its second-largest gap).",
    )
    emit(args, rows, notes)


if __name__ == "__main__":
    main()
