"""Run the benchmark suite and print/write Markdown tables.

    .venv/bin/python -m tests.benchmarks.run [--quick] [--only N]

Each benchmark runs in its own fresh Python process (``python -m tests.benchmarks.bench_*``),
so imports, warm-ups and peak memory of one do not leak into another. Timings are medians of
several runs with a baseline measured in the same process/run; the "met?" column is
information only -- the exit status is 0 whenever the benchmarks ran, whatever the timings.
Results go to stdout and to ``tests/benchmarks/latest.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

TABLES: list[tuple[int, str, list[str]]] = [
    (1, "Engine vs the seed's loop (µs per epoch, seed data)", ["bench_engine"]),
    (2, "Training in the window vs headless", ["bench_window"]),
    (3, "Responsiveness: GUI event-loop stalls (5 ms probe)", ["bench_responsive"]),
    (4, "Time to window, and Train click → first epoch", ["bench_startup"]),
    (5, "Scale: 1,000,000-row CSV", ["bench_scale", "bench_scale_gui"]),
    (6, "Lifecycle: repeated train/stop in one window", ["bench_lifecycle"]),
    (7, "Exact fit: 2,000,000 × 5 against pandas + statsmodels", ["bench_exact"]),
    (8, "Memory: 1,000,000-row CSV in the window, then 100 epochs", ["bench_memory"]),
]
HEADER = "| measurement | median | baseline | ratio | target | met? |\n|---|---|---|---|---|---|"


def run_script(name: str, quick: bool) -> dict:
    with tempfile.TemporaryDirectory(prefix="logreg-bench-out-") as tmp:
        out = Path(tmp) / "out.json"
        cmd = [sys.executable, "-m", f"tests.benchmarks.{name}", "--json", str(out)]
        if quick:
            cmd.append("--quick")
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "LOGREG_STUDIO_NO_CRASH_DIALOG": "1",
            "LOGREG_STUDIO_NO_WARMUP": "1",
        }
        t = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        dt = time.perf_counter() - t
        if proc.returncode != 0 or not out.exists():
            return {
                "rows": [
                    [
                        f"`{name}` failed (exit {proc.returncode}); see stderr above",
                        "—",
                        "—",
                        "—",
                        "—",
                        "—",
                    ]
                ],
                "notes": [],
                "seconds": dt,
            }
        data = json.loads(out.read_text())
        data["seconds"] = dt
        return data


def main() -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--quick", action="store_true", help="smaller sizes and fewer runs")
    p.add_argument(
        "--only",
        type=int,
        action="append",
        metavar="N",
        help=f"run only table N (1-{len(TABLES)}); may be repeated",
    )
    args = p.parse_args()
    started = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    t_all = time.perf_counter()
    try:
        import torch

        torch_v = torch.__version__
    except Exception:  # pragma: no cover
        torch_v = "?"
    import PySide6

    out: list[str] = [
        "# Logistic Regression Studio — benchmarks",
        "",
        f"Run {started}{' (--quick)' if args.quick else ''} on {platform.node()}: "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, torch {torch_v}, "
        f"PySide6 {PySide6.__version__}, QT_QPA_PLATFORM=offscreen. Shared, noisy machine: "
        "read the ratios against the baseline measured in the same run, not absolute times. "
        '"met?" is information only.',
        "",
    ]
    for num, title, scripts in TABLES:
        if args.only and num not in args.only:
            continue
        print(f"== table {num}: {title}", file=sys.stderr, flush=True)
        rows: list[list[str]] = []
        notes: list[str] = []
        secs = 0.0
        for s in scripts:
            data = run_script(s, args.quick)
            rows += data["rows"]
            notes += data["notes"]
            secs += data["seconds"]
        out += [f"## {num}. {title}", "", HEADER]
        out += ["| " + " | ".join(c.replace("\n", " ") for c in r) + " |" for r in rows]
        out.append("")
        out += [f"- {n}" for n in notes]
        out += [f"- (took {secs:.0f} s)", ""]
        block = "\n".join(out[out.index(f"## {num}. {title}") :])
        print(block, flush=True)
    out.append(f"Whole run: {time.perf_counter() - t_all:.0f} s.")
    text = "\n".join(out) + "\n"
    (HERE / "latest.md").write_text(text, encoding="utf-8")
    print(f"Whole run: {time.perf_counter() - t_all:.0f} s; written to {HERE / 'latest.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
