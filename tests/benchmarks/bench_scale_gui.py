"""Table 5 (part 2): 1,000,000 rows in the window: import, rowCount, scrolling, peak memory."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from tests.benchmarks._common import (
    button,
    emit,
    fmt_ratio,
    log,
    median,
    new_window,
    parse_args,
    qt_app,
    row,
    rss_kb,
    set_training,
    spin,
    wait_signal,
    write_big_csv,
)


def main() -> None:
    args = parse_args()
    app = qt_app()
    from PySide6.QtWidgets import QApplication, QTableView

    n_rows = 200_000 if args.quick else 1_000_000
    epochs = 100
    rows: list[list[str]] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="logreg-bench-") as tmp:
        path = Path(tmp) / "big.csv"
        write_big_csv(path, n_rows)
        w = new_window(epochs=50)
        train = button(w, "trainButton")
        wait_signal(w.trainingFinished, train.click, 120)  # torch loaded, app warm
        table = w.findChild(QTableView)
        model = table.model()

        def row_count_us() -> float:
            k = 2000
            t = time.perf_counter()
            for _ in range(k):
                model.rowCount()
            return (time.perf_counter() - t) / k * 1e6

        def scroll_ms() -> float:
            out = []
            for _ in range(5):
                table.scrollToTop()
                QApplication.processEvents()
                t = time.perf_counter()
                table.scrollToBottom()
                QApplication.processEvents()
                out.append((time.perf_counter() - t) * 1000)
            return median(out)

        small_rc, small_scroll = row_count_us(), scroll_ms()
        spin(0.3)
        base_rss = rss_kb("VmRSS")
        base_hwm = rss_kb("VmHWM")
        t = time.perf_counter()
        outcome = wait_signal(w.importFinished, lambda: w.import_csv(str(path)), 300)[0]
        t_import = time.perf_counter() - t
        n_shown = model.rowCount()
        log(f"import {outcome} in {t_import:.2f} s, {n_shown:,} rows")
        big_rc, big_scroll = row_count_us(), scroll_ms()
        rss_import = rss_kb("VmRSS")
        set_training(w, epochs, False)
        t = time.perf_counter()
        out_train = wait_signal(w.trainingFinished, train.click, 600)[0]
        t_train = time.perf_counter() - t
        log(f"train {out_train} in {t_train:.2f} s")
        spin(0.3)
        peak = rss_kb("VmHWM")
        rss_after = rss_kb("VmRSS")
        w.close()
    raw_f32 = n_rows * 2 * 4  # one feature + the label, float32
    growth = (peak - base_rss) * 1024
    rows += [
        row(
            f"`import_csv` of {n_rows:,} rows into the window, click → importFinished",
            f"{t_import:.2f} s",
            "—",
            "—",
            "— (info)",
            None,
        ),
        row(
            "table model `rowCount()`",
            f"{big_rc:.2f} µs",
            f"{small_rc:.2f} µs (4 rows)",
            fmt_ratio(big_rc / small_rc),
            "— (info)",
            None,
        ),
        row(
            f"QTableView `scrollToBottom()` + processEvents, {n_shown:,} rows",
            f"{big_scroll:.2f} ms",
            f"{small_scroll:.2f} ms (4 rows)",
            fmt_ratio(big_scroll / small_scroll),
            "— (info)",
            None,
        ),
        row(
            f"{epochs} epochs in the window on {n_rows:,} rows (autograd), click → finished",
            f"{t_train:.2f} s",
            "—",
            "—",
            "— (info)",
            None,
        ),
        row(
            "peak RSS of the app process after import + train (VmHWM)",
            f"{peak / 1024:.0f} MiB",
            f"{base_rss / 1024:.0f} MiB app before import",
            f"{peak / base_rss:.2f}×",
            "—",
            None,
        ),
        row(
            "peak RSS growth over the app baseline",
            f"{growth / 2**20:.0f} MiB",
            f"{raw_f32 / 2**20:.1f} MiB raw float32 data",
            f"{growth / raw_f32:.1f}× raw",
            "≤ 4× raw float32",
            growth <= 4 * raw_f32,
        ),
    ]
    notes.append(
        f"One fresh process: window shown, one 50-epoch warm-up training (torch "
        f"loaded), baseline RSS {base_rss / 1024:.0f} MiB (VmHWM so far "
        f"{base_hwm / 1024:.0f} MiB); RSS after import {rss_import / 1024:.0f} MiB, "
        f"after training {rss_after / 1024:.0f} MiB. Raw float32 data = rows × "
        "(1 feature + label) × 4 bytes. rowCount: mean of 2,000 calls; scroll: median "
        "of 5 (scrollToTop between)."
    )
    emit(args, rows, notes)


if __name__ == "__main__":
    main()
