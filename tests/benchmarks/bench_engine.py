"""Table 1: the engine against the seed's plain loop, µs per epoch and loss agreement."""

from __future__ import annotations

import time

from tests.benchmarks._common import (
    B0,
    SEED_X,
    SEED_Y,
    W0,
    emit,
    fmt_ratio,
    log,
    median,
    parse_args,
    row,
)


def main() -> None:
    args = parse_args()
    import numpy as np
    import torch

    from core.training import Trainer, TrainingConfig
    from tests.core.seed_reference import run_seed_script

    epochs, reps = (1000, 3) if args.quick else (3000, 5)
    x = np.array(SEED_X).reshape(-1, 1)
    y = np.array(SEED_Y)

    def seed() -> tuple[float, list[float]]:
        t = time.perf_counter()
        _, losses, _, _ = run_seed_script(W0, B0, SEED_X, SEED_Y, epochs=epochs, lr=0.01)
        return time.perf_counter() - t, losses

    def app(method: str) -> tuple[float, list[float]]:
        t = time.perf_counter()
        cfg = TrainingConfig(
            epochs=epochs, learning_rate=0.01, init_weights=(W0,), init_bias=B0, method=method
        )  # type: ignore[arg-type]
        losses = list(Trainer(x, y, cfg).epochs())
        return time.perf_counter() - t, losses

    runs = {
        "seed": seed,
        "autograd": lambda: app("autograd"),
        "closed-form": lambda: app("closed-form"),
    }
    for fn in runs.values():  # warm-up: first optimizer step imports torch._dynamo etc.
        fn()
    times: dict[str, list[float]] = {k: [] for k in runs}
    losses: dict[str, list[float]] = {}
    for r in range(reps):  # interleaved, so machine noise hits all three alike
        for k, fn in runs.items():
            dt, ls = fn()
            times[k].append(dt / epochs * 1e6)
            losses[k] = ls
        log(f"engine rep {r + 1}/{reps}: " + ", ".join(f"{k} {times[k][-1]:.1f} µs" for k in runs))
    ref = np.array(losses["seed"])
    diff = {k: float(np.max(np.abs(np.array(v) - ref))) for k, v in losses.items()}
    s = median(times["seed"])
    ta, tc = median(times["autograd"]), median(times["closed-form"])
    rows = [
        row(
            "(a) seed's plain loop (tests/core/seed_reference.py), µs/epoch",
            f"{s:.1f} µs",
            f"{s:.1f} µs",
            "1.00×",
            "baseline",
            None,
        ),
        row(
            '(b) default `Trainer(method="autograd").epochs()`, µs/epoch',
            f"{ta:.1f} µs",
            f"{s:.1f} µs",
            fmt_ratio(ta / s),
            "≤ 1.0× seed",
            ta / s <= 1.0,
        ),
        row(
            "(b) max \\|loss − seed loss\\|",
            f"{diff['autograd']:.1e}",
            "0",
            "—",
            "0 (identical)",
            diff["autograd"] == 0.0,
        ),
        row(
            '(c) fast `method="closed-form"`, µs/epoch',
            f"{tc:.1f} µs",
            f"{s:.1f} µs",
            f"{fmt_ratio(tc / s)} ({s / tc:.1f}× faster)",
            "≥ 3× faster",
            s / tc >= 3.0,
        ),
        row(
            "(c) max \\|loss − seed loss\\|",
            f"{diff['closed-form']:.1e}",
            "0",
            "—",
            "≤ 1e-6",
            diff["closed-form"] <= 1e-6,
        ),
    ]
    notes = [
        f"{epochs:,} epochs on the seed data (1,2,3,4 → 0,0,1,1), w0 = {W0}, b0 = {B0}, "
        f"lr 0.01, SGD; median of {reps} interleaved runs after one warm-up run each; "
        f"timing includes building the model/Trainer; torch {torch.__version__}, "
        f"{torch.get_num_threads()} intra-op threads. Spread (min–max µs/epoch): "
        + "; ".join(f"{k} {min(v):.1f}–{max(v):.1f}" for k, v in times.items())
    ]
    emit(args, rows, notes)


if __name__ == "__main__":
    main()
