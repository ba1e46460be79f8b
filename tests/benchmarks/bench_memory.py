"""Table 8: memory of a 1,000,000-row CSV in the window, then 100 epochs (and the exact fit).

Each measurement is one fresh process (``--one``, started by this script) that builds the
window, trains once on the seed data (so the training child exists, torch loaded, idle), then
records its baselines, resets the kernel's peak counters and does the work:

1. ``window.import_csv(path)`` until ``importFinished``;
2. epochsInput = 100, trainButton until ``trainingFinished`` (post's settings, default
   autograd path);
3. the exact fit the window schedules after the import, until ``window.exact_fit()`` is set
   (or the session's note says why there is none), at most ``EXACT_TIMEOUT_S``.

Peaks: Linux keeps a process's peak RSS in VmHWM (``/proc/PID/status``); writing "5" to
``/proc/PID/clear_refs`` resets it to the current RSS. The window process's growth is
VmHWM after the work − VmRSS at the reset; the training child's likewise, read from its
``/proc`` files. A 5 ms sampling thread of both processes' VmRSS runs as a cross-check (and
as the fallback where clear_refs is refused). Both are reported against the data's raw float32
size (rows × 2 columns × 4 bytes). The parent reports medians over the fresh processes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from tests.benchmarks._common import (
    ROOT,
    button,
    emit,
    fmt_ratio,
    log,
    median,
    row,
)

MIB = 1024 * 1024
TARGET = 4.0  # × the raw float32 data
EXACT_TIMEOUT_S = 120.0
EPOCHS = 100


# ------------------------------------------------------------------------------ /proc helpers
def proc_kb(pid: int | str, field: str) -> int:
    """A field of /proc/PID/status in kB (-1 when absent or the process is gone)."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


def reset_peak(pid: int | str) -> bool:
    """Reset VmHWM to the current RSS (``clear_refs`` 5); True when the kernel took it."""
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        return False
    hwm, rss = proc_kb(pid, "VmHWM"), proc_kb(pid, "VmRSS")
    return 0 <= hwm <= rss + 1024  # within 1 MiB of RSS: the peak really was reset


def children_of(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                stat = fh.read()
        except OSError:
            continue
        # "pid (comm) state ppid ...": comm may hold spaces, so split after the last ")".
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid:
            out.append(int(entry))
    return out


def training_child_pid() -> int | None:
    """The training process: multiprocessing's child named for it, else a child of ours."""
    import multiprocessing

    for p in multiprocessing.active_children():
        if p.name == "logreg-studio-training" and p.pid:
            return int(p.pid)
    try:
        from core.remote import TRAINING_PROCESSES

        for remote in list(TRAINING_PROCESSES._idle):
            if remote.pid:
                return int(remote.pid)
    except ImportError:
        pass
    kids = children_of(os.getpid())
    return kids[0] if len(kids) == 1 else None


class Sampler:
    """Max VmRSS of some processes, sampled every 5 ms in a thread (the cross-check)."""

    def __init__(self, pids: dict[str, int]) -> None:
        self.pids = pids
        self.max_kb = {k: proc_kb(p, "VmRSS") for k, p in pids.items()}
        self.phase = ""
        self.phase_max_kb: dict[str, dict[str, int]] = {}  # phase -> process -> max kB
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.005):
            phase = self.phase_max_kb.setdefault(self.phase, {})
            for k, p in self.pids.items():
                v = proc_kb(p, "VmRSS")
                self.max_kb[k] = max(self.max_kb[k], v)
                phase[k] = max(phase.get(k, -1), v)
            self.samples += 1

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


# -------------------------------------------------------------------------- one measurement
def wait_until(cond: Any, timeout_s: float) -> bool:
    """Run the event loop until ``cond()`` is true (polled every 20 ms) or the timeout."""
    from PySide6.QtCore import QEventLoop, QTimer

    if cond():
        return True
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(lambda: loop.quit() if cond() else None)
    limit = QTimer()
    limit.setSingleShot(True)
    limit.timeout.connect(loop.quit)
    poll.start()
    limit.start(int(timeout_s * 1000))
    loop.exec()
    poll.stop()
    limit.stop()
    return bool(cond())


def phase_stalls(stamps: list[float], marks: dict[str, int]) -> dict[str, list[float]]:
    """[max, p99] stall in ms for each phase: the probe's gaps between its marks, minus 5 ms."""
    import numpy as np

    from tests.benchmarks.bench_responsive import PERIOD

    out: dict[str, list[float]] = {}
    start = 0
    for phase, end in marks.items():
        gaps = np.diff(np.array(stamps[start:end]))
        start = max(end - 1, 0)
        if gaps.size:
            stalls = np.maximum(gaps - PERIOD, 0.0) * 1000
            out[phase] = [float(stalls.max()), float(np.percentile(stalls, 99))]
    return out


def measure_one(csv: Path, n_rows: int) -> dict[str, Any]:
    """Build the window, then import ``csv`` + train + exact fit; peaks and times."""
    from tests.benchmarks._common import new_window, qt_app, set_training, spin, wait_signal

    qt_app()
    from PySide6.QtWidgets import QTableView

    res: dict[str, Any] = {"rows": n_rows}
    w = new_window(epochs=50)
    train = button(w, "trainButton")
    wait_signal(w.trainingFinished, train.click, 180)  # starts the training child, loads torch
    # The seed data's exact fit (or the note why there is none), so it is not in the peak.
    wait_until(lambda: w.exact_fit() is not None or bool(w.state.exact_note), 30)
    spin(1.0)  # idle: let deferred work and the child settle
    child = training_child_pid()
    res["child_pid_before"] = child
    me = os.getpid()

    state = w.state
    exact_at: list[float] = []

    def on_exact(fit: object, note: str) -> None:
        if (fit is not None or note) and not exact_at:
            exact_at.append(time.perf_counter())

    res["base_rss_kib"] = proc_kb(me, "VmRSS")
    res["base_hwm_before_reset_kib"] = proc_kb(me, "VmHWM")
    res["reset_self"] = reset_peak(me)
    res["child_base_rss_kib"] = proc_kb(child, "VmRSS") if child else -1
    res["child_hwm_before_reset_kib"] = proc_kb(child, "VmHWM") if child else -1
    res["reset_child"] = reset_peak(child) if child else False
    # RSS again right after the resets: the base the peaks are measured from.
    res["base_rss_kib"] = proc_kb(me, "VmRSS")
    if child:
        res["child_base_rss_kib"] = proc_kb(child, "VmRSS")
    sampled = {"window": me} | ({"child": child} if child else {})
    from tests.benchmarks.bench_responsive import Probe

    probe = Probe()  # the GUI thread's stalls, split by the same phases
    marks: dict[str, int] = {}
    with Sampler(sampled) as sampler:
        probe.start()
        sampler.phase = "import"
        t0 = time.perf_counter()
        state.exactFitChanged.connect(on_exact)
        res["import_outcome"] = wait_signal(w.importFinished, lambda: w.import_csv(str(csv)), 600)[
            0
        ]
        t1 = time.perf_counter()
        res["import_s"] = t1 - t0
        res["rows_shown"] = w.findChild(QTableView).model().rowCount()
        marks["import"] = len(probe.stamps)
        res["rss_after_import_kib"] = proc_kb(me, "VmRSS")
        res["exact_done_before_train"] = bool(exact_at)
        set_training(w, EPOCHS, False)
        sampler.phase = "train"
        t2 = time.perf_counter()
        res["train_outcome"] = wait_signal(w.trainingFinished, train.click, 900)[0]
        t3 = time.perf_counter()
        marks["train"] = len(probe.stamps)
        res["train_s"] = t3 - t2
        res["epochs_done"] = len(w.loss_values())
        res["exact_done_before_train_end"] = bool(exact_at)
        sampler.phase = "after"
        res["exact_finished"] = wait_until(lambda: bool(exact_at), EXACT_TIMEOUT_S)
        probe.stop()
        marks["after"] = len(probe.stamps)
        res["stalls_ms"] = phase_stalls(probe.stamps, marks)
        res["exact_s_after_import"] = exact_at[0] - t1 if exact_at else None
        res["exact_fit_set"] = w.exact_fit() is not None
        res["exact_note"] = state.exact_note
        spin(0.5)
    state.exactFitChanged.disconnect(on_exact)
    res["sample_count"] = sampler.samples
    res["phase_max_kib"] = sampler.phase_max_kb
    res["peak_hwm_kib"] = proc_kb(me, "VmHWM")
    res["peak_sampled_kib"] = sampler.max_kb["window"]
    res["rss_end_kib"] = proc_kb(me, "VmRSS")
    child_after = training_child_pid()
    res["child_pid_after"] = child_after
    if child:
        res["child_peak_hwm_kib"] = proc_kb(child, "VmHWM")
        res["child_peak_sampled_kib"] = sampler.max_kb["child"]
        res["child_rss_end_kib"] = proc_kb(child, "VmRSS")
    w.close()
    return res


# ------------------------------------------------------------------------------- the parent
def run_child(csv: Path, n_rows: int, timeout_s: float) -> dict[str, Any]:
    """One measurement in a fresh process; a dict with "error" when it failed or hung."""
    with tempfile.TemporaryDirectory(prefix="logreg-bench-mem-out-") as tmp:
        out = Path(tmp) / "one.json"
        cmd = [sys.executable, "-m", "tests.benchmarks.bench_memory", "--one", str(csv)]
        cmd += ["--rows", str(n_rows), "--out", str(out)]
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "LOGREG_STUDIO_NO_CRASH_DIALOG": "1",
            "LOGREG_STUDIO_NO_WARMUP": "1",
        }
        try:
            proc = subprocess.run(cmd, cwd=ROOT, env=env, timeout=timeout_s)
        except subprocess.TimeoutExpired:
            return {"error": f"timed out after {timeout_s:.0f} s"}
        if proc.returncode != 0 or not out.exists():
            return {"error": f"exit status {proc.returncode}"}
        result: dict[str, Any] = json.loads(out.read_text())
        return result


def growth_mib(r: dict[str, Any], who: str) -> tuple[float, float]:
    """(peak growth by VmHWM, by 5 ms sampling) in MiB over the base RSS."""
    if who == "window":
        base, hwm, smp = r["base_rss_kib"], r["peak_hwm_kib"], r["peak_sampled_kib"]
    else:
        base = r.get("child_base_rss_kib", -1)
        hwm, smp = r.get("child_peak_hwm_kib", -1), r.get("child_peak_sampled_kib", -1)
    if base < 0 or hwm < 0:
        return float("nan"), float("nan")
    return (hwm - base) / 1024, (smp - base) / 1024


def summarise(runs: list[dict[str, Any]], n_rows: int, info_only: bool) -> tuple[list, list]:
    rows: list[list[str]] = []
    notes: list[str] = []
    ok = [r for r in runs if "error" not in r]
    bad = [r["error"] for r in runs if "error" in r]
    raw_mib = n_rows * 2 * 4 / MIB
    label = f"{n_rows:,} rows"
    if not ok:
        rows.append(row(f"{label}: import + {EPOCHS} epochs + exact fit", f"failed: {bad}"))
        return rows, notes
    target = "— (info)" if info_only else f"≤ {TARGET:g}× raw"
    n = len(ok)
    for who, title in (
        ("window", "window process peak RSS growth (import + train + exact fit)"),
        ("child", f"training child process peak RSS growth ({EPOCHS} epochs)"),
    ):
        by_hwm = [growth_mib(r, who)[0] for r in ok]
        by_smp = [growth_mib(r, who)[1] for r in ok]
        # The kernel's peak where it could be reset (or the sampled maximum, should a sample
        # see more: VmHWM is only brought up to date at some kernel events), else the samples.
        key = "reset_self" if who == "window" else "reset_child"
        use = [max(h, s) if r.get(key) else s for r, h, s in zip(ok, by_hwm, by_smp, strict=True)]
        base_key = "base_rss_kib" if who == "window" else "child_base_rss_kib"
        phases = {
            ph: median(
                [
                    (r["phase_max_kib"][ph][who] - r[base_key]) / 1024
                    for r in ok
                    if who in r["phase_max_kib"].get(ph, {})
                ]
            )
            for ph in ("import", "train", "after")
        }
        g = median(use)
        rows.append(
            row(
                f"{label}: {title}",
                f"{g:.1f} MiB",
                f"{raw_mib:.2f} MiB raw float32 ({n_rows:,} × 2 × 4 B)",
                fmt_ratio(g / raw_mib),
                target,
                None if info_only else g / raw_mib <= TARGET,
            )
        )
        notes.append(
            f"{label}, {who}: peak growth by VmHWM "
            + ", ".join(f"{v:.1f}" for v in by_hwm)
            + " MiB; by 5 ms VmRSS sampling "
            + ", ".join(f"{v:.1f}" for v in by_smp)
            + " MiB; peak reset by clear_refs: "
            + ", ".join(str(bool(r.get(key))) for r in ok)
            + "; sampled max growth by phase (medians): "
            + ", ".join(f"{ph} {v:.1f} MiB" for ph, v in phases.items())
            + (
                ""
                if who == "window"
                else "; child pid before/after the run: "
                + ", ".join(f"{r['child_pid_before']}/{r['child_pid_after']}" for r in ok)
            )
            + "."
        )
    imp = median([r["import_s"] for r in ok])
    trn = median([r["train_s"] for r in ok])
    exact = [r["exact_s_after_import"] for r in ok if r["exact_s_after_import"] is not None]
    rows.append(
        row(
            f"{label}: `import_csv` until importFinished; {EPOCHS} epochs click → "
            "trainingFinished; exact fit importFinished → `exact_fit()` set",
            f"{imp:.2f} s; {trn:.2f} s; "
            + (f"{median(exact):.2f} s" if exact else f"not within {EXACT_TIMEOUT_S:.0f} s"),
            "—",
            "—",
            "— (info)",
            None,
        )
    )
    for k, what, limit in ((0, "max", 100.0), (1, "p99", 30.0)):
        worst = [max(ph[k] for ph in r["stalls_ms"].values()) for r in ok]
        by_phase = {
            ph: median([r["stalls_ms"][ph][k] for r in ok if ph in r["stalls_ms"]])
            for ph in ("import", "train", "after")
        }
        rows.append(
            row(
                f"{label}: GUI stall {what} (5 ms probe; worst phase of import, train, exact)",
                f"{median(worst):.1f} ms",
                "—",
                "—",
                f"≤ {limit:g} ms",
                median(worst) <= limit,
            )
        )
        notes.append(
            f"{label}: GUI stall {what} by phase (medians): "
            + ", ".join(f"{ph} {v:.1f} ms" for ph, v in by_phase.items())
            + "; worst phase per process "
            + ", ".join(f"{v:.1f}" for v in worst)
            + " ms."
        )
    base = median([r["base_rss_kib"] / 1024 for r in ok])
    notes.append(
        f"{label}: {n} fresh process(es){'; failed: ' + str(bad) if bad else ''}. Window base "
        f"RSS (shown, idle, after the seed run) median {base:.0f} MiB; RSS after import "
        + ", ".join(f"{r['rss_after_import_kib'] / 1024:.0f}" for r in ok)
        + " MiB; at the end "
        + ", ".join(f"{r['rss_end_kib'] / 1024:.0f}" for r in ok)
        + " MiB. Import "
        + ", ".join(f"{r['import_s']:.2f}" for r in ok)
        + f" s ({ok[0]['rows_shown']:,} rows shown, outcome {ok[0]['import_outcome']!r}); train "
        + ", ".join(f"{r['train_s']:.2f}" for r in ok)
        + f" s ({ok[0]['epochs_done']} epochs, outcome {ok[0]['train_outcome']!r}); exact fit "
        + ", ".join(
            "—" if r["exact_s_after_import"] is None else f"{r['exact_s_after_import']:.2f}"
            for r in ok
        )
        + " s after importFinished (finished before the click: "
        + ", ".join(str(r["exact_done_before_train"]) for r in ok)
        + "; before trainingFinished: "
        + ", ".join(str(r["exact_done_before_train_end"]) for r in ok)
        + "; `exact_fit()` set: "
        + ", ".join(str(r["exact_fit_set"]) for r in ok)
        + (f"; note {ok[0]['exact_note']!r}" if ok[0]["exact_note"] else "")
        + f"). Samples per run ≈ {median([r['sample_count'] for r in ok]):.0f}."
    )
    return rows, notes


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--quick", action="store_true", help="1,000,000 rows only, 3 processes")
    p.add_argument("--json", help="write the result rows here")
    p.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # internal: one measurement
    p.add_argument("--rows", type=int, default=0, help=argparse.SUPPRESS)
    p.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.one is not None:
        res = measure_one(args.one, args.rows)
        args.out.write_text(json.dumps(res))
        return

    from tests.benchmarks._common import write_big_csv

    reps = 3 if args.quick else 5
    sizes = [(1_000_000, reps, False, 600.0)]
    if not args.quick:
        sizes.append((10_000_000, 1, True, 1500.0))
    rows: list[list[str]] = []
    notes: list[str] = [
        "Method: each measurement is a fresh process that shows the window (offscreen, post's "
        "settings), trains 50 epochs on the seed data (starting the training child, core/remote.py, "
        "multiprocessing spawn; torch loaded there), waits for the seed's exact fit and 1 s idle, "
        "then takes the window's VmRSS as its base and resets its VmHWM by writing 5 to "
        "/proc/self/clear_refs (checked: VmHWM falls to VmRSS), and does the same for the idle "
        "training child (pid from multiprocessing.active_children(), via /proc/PID/clear_refs). "
        f"Then `window.import_csv(CSV)` → importFinished, epochsInput = {EPOCHS}, trainButton → "
        "trainingFinished (default autograd), and the exact fit the window schedules after the "
        f"import → `exact_fit()` set (≤ {EXACT_TIMEOUT_S:.0f} s), then 0.5 s idle. Peak growth "
        "= VmHWM − base RSS (the kernel's peak, so nothing between samples is missed; the "
        "larger of it and the sampled maximum, since the kernel brings VmHWM up to date only "
        "at some events); a 5 ms VmRSS sampling thread of both processes is the cross-check "
        "(and the fallback where clear_refs is refused), and splits the peak by phase: "
        "import (until importFinished), train (click → trainingFinished; the exact fit runs "
        "meanwhile in a window thread), after (waiting for the exact fit, 0.5 s idle). "
        "The same phases split the GUI thread's stalls, from a 5 ms Qt.PreciseTimer probe as in "
        "table 3 (stall = gap between timeouts − 5 ms), running from import_csv() until the "
        "exact fit is set. "
        'The CSV (`"%.3f,%d\\n"` rows, header hours,passed) is '
        "written to a temp dir by the parent first. Ratio: against the raw float32 data, rows "
        "× 2 columns × 4 bytes (7.63 MiB for 1,000,000 rows). Medians over the processes.",
    ]
    with tempfile.TemporaryDirectory(prefix="logreg-bench-mem-") as tmp:
        for n_rows, k, info_only, timeout_s in sizes:
            csv = Path(tmp) / f"rows_{n_rows}.csv"
            t = time.perf_counter()
            write_big_csv(csv, n_rows)
            log(
                f"wrote {n_rows:,} rows ({csv.stat().st_size / 1e6:.0f} MB) in "
                f"{time.perf_counter() - t:.1f} s"
            )
            runs = []
            for i in range(k):
                r = run_child(csv, n_rows, timeout_s)
                runs.append(r)
                if "error" in r:
                    log(f"{n_rows:,} rows, process {i + 1}/{k}: {r['error']}")
                else:
                    log(
                        f"{n_rows:,} rows, process {i + 1}/{k}: window +"
                        f"{growth_mib(r, 'window')[0]:.1f} MiB, child "
                        f"+{growth_mib(r, 'child')[0]:.1f} MiB; import {r['import_s']:.2f} s, "
                        f"train {r['train_s']:.2f} s, exact {r['exact_s_after_import']}"
                    )
            rr, nn = summarise(runs, n_rows, info_only)
            rows += rr
            notes += nn
            csv.unlink()
    if not args.quick:
        notes.append(
            "10,000,000 rows: one process only (info; its CSV alone takes a while to write), "
            "with a 1,500 s limit on the whole process and the per-step limits above."
        )
    emit(args, rows, notes)


if __name__ == "__main__":
    main()
