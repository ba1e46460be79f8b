"""Table 2: a training run in the visible window (live loss plot) against the same run headless.

Counts the LossPlot refreshes that really called ``setData`` by wrapping ``LossPlot.refresh``
(only in this benchmark process).
"""

from __future__ import annotations

import time

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

REFRESHES = {"n": 0}


def install_refresh_counter() -> None:
    from gui.plots import LossPlot

    original = LossPlot.refresh

    def counted(self):  # type: ignore[no-untyped-def]
        if self._n != self._shown:  # new epochs to draw: this refresh calls setData
            REFRESHES["n"] += 1
        return original(self)

    LossPlot.refresh = counted  # type: ignore[method-assign]


def main() -> None:
    args = parse_args()
    app = qt_app()
    install_refresh_counter()
    import numpy as np

    from core.training import Trainer, TrainingConfig

    sizes = [(20_000, 1 if args.quick else 2)] + ([] if args.quick else [(100_000, 1)])
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

    def windowed(n: int, fast: bool) -> tuple[float, float, int]:
        set_training(w, n, fast)
        REFRESHES["n"] = 0
        t = time.perf_counter()
        outcome = wait_signal(w.trainingFinished, train.click, 900)[0]
        dt = time.perf_counter() - t
        got = len(w.loss_values())
        assert outcome == "done" and got == n, (outcome, got)
        return dt, REFRESHES["n"] / dt, REFRESHES["n"]

    rows: list[list[str]] = []
    notes: list[str] = []
    for fast, method, label in (
        (False, "autograd", "default (autograd)"),
        (True, "closed-form", "fast path (closed-form)"),
    ):
        for n, reps in sizes:
            win, head, ups, counts = [], [], [], []
            for r in range(reps):
                dt, rate, cnt = windowed(n, fast)
                win.append(dt)
                ups.append(rate)
                counts.append(cnt)
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
                f"headless {', '.join(f'{v:.2f}' for v in head)} s; setData calls {counts}."
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
        "The 100,000-epoch runs are single runs to keep the suite short.",
    )
    emit(args, rows, notes)


if __name__ == "__main__":
    main()
