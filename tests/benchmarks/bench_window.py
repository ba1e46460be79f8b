"""Table 2: a training run in the visible window (live loss plot) against the same run headless.

Counts the real ``setData`` calls on the loss curve item (``window.loss_panel.plot``'s
PlotDataItem) by wrapping ``setData`` on that instance (only in this benchmark process), and
reports them per second of the run's wall time.
"""

from __future__ import annotations

import itertools
import time
from typing import Any

from tests.benchmarks._common import (
    B0,
    SEED_X,
    SEED_Y,
    W0,
    button,
    close_window,
    emit,
    fmt_ratio,
    log,
    median,
    new_window,
    parse_args,
    qt_app,
    row,
    set_training,
    wait_signal,
)

SETDATA: dict[str, list[float]] = {"t": []}


def loss_curve(w: Any) -> Any:
    """The PlotDataItem that draws this run's loss (``LossPlot._curve``; else the first item)."""
    plot = w.loss_panel.plot if getattr(w, "loss_panel", None) is not None else w.loss_plot
    curve = getattr(plot, "_curve", None)
    if curve is None:
        curve = plot.getPlotItem().listDataItems()[0]
    return curve


def install_setdata_counter(w: Any) -> Any:
    """Wrap ``setData`` on the loss curve instance: each call with data is one redraw.

    Installed before every run (a no-op when the same curve already carries it), so a panel
    rebuilt between runs would be counted too. Calls with no points (a reset) are not counted.
    """
    curve = loss_curve(w)
    if getattr(curve, "_bench_counted", False):
        return curve
    original = curve.setData

    def counted(*a: Any, **k: Any) -> Any:
        first = a[0] if a else k.get("x", k.get("y"))
        try:
            has_points = first is not None and len(first) > 0
        except TypeError:
            has_points = True
        if has_points:
            SETDATA["t"].append(time.perf_counter())
        return original(*a, **k)

    curve.setData = counted
    curve._bench_counted = True
    return curve


def main() -> None:
    args = parse_args()
    app = qt_app()
    import numpy as np

    from core.training import Trainer, TrainingConfig

    sizes = [(20_000, 3)] + ([] if args.quick else [(100_000, 1)])
    x = np.array(SEED_X).reshape(-1, 1)
    y = np.array(SEED_Y)

    w = new_window(epochs=50)
    train = button(w, "trainButton")
    wait_signal(w.trainingFinished, train.click, 120)  # warm-up: torch import, first step

    def headless(n: int, method: str) -> float:
        t = time.perf_counter()
        cfg = TrainingConfig(
            epochs=n, learning_rate=0.01, init_weights=(W0,), init_bias=B0, method=method
        )  # type: ignore[arg-type]
        for _ in Trainer(x, y, cfg).epochs():
            pass
        return time.perf_counter() - t

    def windowed(n: int, fast: bool) -> tuple[float, float, int, list[float]]:
        set_training(w, n, fast)
        install_setdata_counter(w)
        SETDATA["t"].clear()
        t = time.perf_counter()
        outcome = wait_signal(w.trainingFinished, train.click, 900)[0]
        dt = time.perf_counter() - t
        got = len(w.loss_values())
        assert outcome == "done" and got == n, (outcome, got)
        # Calls between the click and trainingFinished (the final flush included).
        stamps = [c for c in SETDATA["t"] if t <= c <= t + dt]
        gaps = [(b - a) * 1000 for a, b in itertools.pairwise(stamps)]
        return dt, len(stamps) / dt, len(stamps), gaps

    rows: list[list[str]] = []
    notes: list[str] = []
    for fast, method, label in (
        (False, "autograd", "default (autograd)"),
        (True, "closed-form", "fast path (closed-form)"),
    ):
        for n, reps in sizes:
            win, head, ups, counts, gaps = [], [], [], [], []
            for _ in range(reps):
                dt, rate, cnt, gap = windowed(n, fast)
                win.append(dt)
                ups.append(rate)
                counts.append(cnt)
                gaps += gap
                head.append(headless(n, method))
                log(
                    f"{label} {n:,}: window {dt:.2f} s ({rate:.1f} upd/s), headless {head[-1]:.2f} s"
                )
            mw, mh, mu = median(win), median(head), median(ups)
            rows.append(
                row(
                    f"{label}, {n:,} epochs: wall time in window",
                    f"{mw:.2f} s",
                    f"{mh:.2f} s headless",
                    fmt_ratio(mw / mh),
                    "≤ 1.15× headless",
                    mw / mh <= 1.15,
                )
            )
            rows.append(
                row(
                    f"{label}, {n:,} epochs: plot updates/s (setData calls)",
                    f"{mu:.1f} /s",
                    "—",
                    "—",
                    "≥ 5 /s",
                    mu >= 5,
                )
            )
            notes.append(
                f"{label}, {n:,} epochs: {reps} run(s); window {', '.join(f'{v:.2f}' for v in win)} s; "
                f"headless {', '.join(f'{v:.2f}' for v in head)} s; setData calls {counts} "
                f"(median gap between calls {median(gaps):.0f} ms, max "
                f"{max(gaps, default=float('nan')):.0f} ms)"
                + (
                    "; the run is shorter than a second, so its rate rests on a few calls."
                    if mw < 1.0
                    else "."
                )
            )
    close_window(w)
    notes.insert(
        0,
        "Window: MainWindow shown on the offscreen platform, post's settings "
        "(w0 0.235, b0 0.153, lr 0.01, SGD, seed data), epochs set in epochsInput, "
        "fastPathInput toggled for the fast path; time from trainButton.click() to "
        "trainingFinished, all losses checked present. Headless: the same "
        "TrainingConfig through Trainer(...).epochs() in the GUI thread of the same "
        "process, run right after each window run. One warm-up run first. "
        "The 100,000-epoch runs are single runs to keep the suite short. "
        "Plot updates/s: real `setData` calls with points on the loss curve's PlotDataItem "
        "(`window.loss_panel.plot`), counted by wrapping `setData` on that instance, from the "
        "click to trainingFinished (the final flush included), divided by that wall time; "
        "the app redraws on a 150 ms timer (`gui.plots.REFRESH_MS`) while epochs arrive.",
    )
    emit(args, rows, notes)


if __name__ == "__main__":
    main()
