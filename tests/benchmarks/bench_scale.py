"""Table 5 (part 1): reading a 1,000,000-row CSV and 100 full-batch epochs on it, headless."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from tests.benchmarks._common import (
    B0,
    W0,
    emit,
    fmt_ratio,
    log,
    median,
    parse_args,
    row,
    write_big_csv,
)


def main() -> None:
    args = parse_args()
    import numpy as np
    import pandas as pd
    import torch

    from core.data import read_csv
    from core.training import Trainer, TrainingConfig

    n_rows = 200_000 if args.quick else 1_000_000
    reps_read, reps_train, epochs = (2, 2, 100) if args.quick else (3, 3, 100)
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory(prefix="logreg-bench-") as tmp:
        path = Path(tmp) / "big.csv"
        write_big_csv(path, n_rows)
        size_mb = path.stat().st_size / 1e6
        read_csv(path), pd.read_csv(path)  # warm the file cache and both code paths
        ours, theirs = [], []
        for r in range(reps_read):
            t = time.perf_counter()
            ds = read_csv(path)
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            df = pd.read_csv(path)
            theirs.append(time.perf_counter() - t)
            log(f"read rep {r + 1}: core {ours[-1]:.3f} s, pandas {theirs[-1]:.3f} s")
        assert ds.n_rows == n_rows and len(df) == n_rows
        assert np.array_equal(ds.features[:, 0], df["hours"].to_numpy())
    mo, mp = median(ours), median(theirs)
    rows.append(
        row(
            f"`core.data.read_csv`, {n_rows:,} rows ({size_mb:.1f} MB)",
            f"{mo:.3f} s",
            f"{mp:.3f} s pandas.read_csv",
            fmt_ratio(mo / mp),
            "≤ 1.5× pandas",
            mo / mp <= 1.5,
        )
    )

    x, y = ds.features, ds.labels
    xt = torch.from_numpy(x.astype(np.float32))
    yt = torch.from_numpy(y.astype(np.float32).reshape(-1, 1))

    def seed_loop() -> float:  # the post's loop, on the same float32 tensors
        t = time.perf_counter()
        lin = torch.nn.Linear(1, 1)
        with torch.no_grad():
            lin.weight.fill_(W0)
            lin.bias.fill_(B0)
        crit = torch.nn.BCELoss(reduction="mean")
        opt = torch.optim.SGD(lin.parameters(), lr=0.01)
        for _ in range(epochs):
            loss = crit(torch.sigmoid(lin(xt)), yt)
            loss.item()
            opt.zero_grad()
            loss.backward()
            opt.step()
        return time.perf_counter() - t

    def app(method: str) -> float:
        t = time.perf_counter()
        cfg = TrainingConfig(
            epochs=epochs, learning_rate=0.01, init_weights=(W0,), init_bias=B0, method=method
        )  # type: ignore[arg-type]
        for _ in Trainer(x, y, cfg).epochs():
            pass
        return time.perf_counter() - t

    runs = {
        "seed": seed_loop,
        "autograd": lambda: app("autograd"),
        "closed-form": lambda: app("closed-form"),
    }
    full = (xt, yt, x, y)
    xt, yt, x, y = xt[:1000], yt[:1000], x[:1000], y[:1000]
    for fn in runs.values():  # warm-up on 1,000 rows: first optimizer step, allocator
        fn()
    xt, yt, x, y = full
    times: dict[str, list[float]] = {k: [] for k in runs}
    for r in range(reps_train):
        for k, fn in runs.items():
            times[k].append(fn())
        log(f"train rep {r + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in times.items()))
    s = median(times["seed"])
    for k, label in (
        ("autograd", "default (autograd)"),
        ("closed-form", "fast path (closed-form)"),
    ):
        m = median(times[k])
        rows.append(
            row(
                f"{epochs} full-batch epochs on {n_rows:,} rows, {label} (incl. "
                "Trainer set-up / float32 conversion)",
                f"{m:.2f} s",
                f"{s:.2f} s seed-style loop",
                fmt_ratio(m / s),
                "— (info)",
                None,
            )
        )
    notes = [
        f"read: median of {reps_read} interleaved runs after one warm-up each (warm-up of training on 1,000 rows), file in the "
        f"page cache. Training: median of {reps_train} interleaved runs; the seed-style loop "
        "runs on ready float32 tensors, the Trainer rows include converting the float64 "
        f"arrays. Spread: "
        + "; ".join(f"{k} {min(v):.2f}–{max(v):.2f} s" for k, v in times.items())
    ]
    emit(args, rows, notes)


if __name__ == "__main__":
    main()
