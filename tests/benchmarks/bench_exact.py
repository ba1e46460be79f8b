"""Issue 12: ``main.py fit-exact`` on 2,000,000 rows × 5 features against pandas + statsmodels.

Both sides run as whole processes (Python start, imports, reading the CSV, the fit, printing),
each in a fresh wrapper process that reports its one child's wall time and peak resident memory
(``resource.getrusage(RUSAGE_CHILDREN)``), so the peaks of earlier runs never leak into later
ones. Medians of ``--reps`` runs (3 by default), alternating the two sides, in one session.
Prints a Markdown table; with ``--json`` also writes the rows for ``run.py``.

Usage: ``.venv/bin/python tests/benchmarks/bench_exact.py [--rows N] [--reps K] [--csv PATH]``.
Targets (issue 12): time ≤ 0.5×, peak memory ≤ 0.6× the baseline. Timings are reported, never
judged: the exit status is 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FEATURES = 5
TIME_TARGET, MEMORY_TARGET = 0.5, 0.6

# The baseline an analyst would write: pandas reads the file, statsmodels fits the same model.
BASELINE = """
import sys
import pandas as pd
import statsmodels.api as sm
frame = pd.read_csv(sys.argv[1])
X = sm.add_constant(frame.iloc[:, :-1])
result = sm.Logit(frame.iloc[:, -1], X).fit(disp=0)
print(result.params.to_string())
print(result.bse.to_string())
"""

# Runs one child and reports its wall time and peak RSS; a fresh wrapper per measurement, so
# RUSAGE_CHILDREN covers exactly one child.
WRAPPER = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - t
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "peak_kib": peak_kib, "rc": done.returncode,
                  "stdout": done.stdout, "stderr": done.stderr[-2000:]}))
"""


def write_csv(path: Path, rows: int, seed: int = 12) -> None:
    """A 2M × 5 logistic data set with overlapping classes (a finite fit exists)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    weights = np.array([0.8, -0.5, 0.3, 0.0, 1.2])
    with path.open("w") as fh:
        fh.write(",".join(f"x{j + 1}" for j in range(FEATURES)) + ",y\n")
        for lo in range(0, rows, 200_000):
            m = min(200_000, rows - lo)
            X = rng.normal(size=(m, FEATURES))
            p = 1.0 / (1.0 + np.exp(-(X @ weights - 0.4)))
            y = (rng.random(m) < p).astype(np.int64)
            block = np.column_stack((X, y))
            np.savetxt(fh, block, fmt=["%.6f"] * FEATURES + ["%d"], delimiter=",")


def measure(cmd: list[str]) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True, check=True
    )
    result: dict[str, object] = json.loads(out.stdout)
    if result["rc"] != 0:
        raise RuntimeError(f"{cmd[:3]} failed with status {result['rc']}: {result['stderr']}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--csv", type=Path, default=None, help="reuse (or create) this CSV")
    parser.add_argument("--quick", action="store_true", help="200,000 rows, one repetition")
    parser.add_argument("--json", help="write the result rows here (for run.py)")
    args = parser.parse_args()
    if args.quick:
        args.rows, args.reps = 200_000, 1

    with tempfile.TemporaryDirectory() as tmp:
        csv = args.csv or Path(tmp) / f"exact_{args.rows}x{FEATURES}.csv"
        if not csv.exists():
            t = time.perf_counter()
            write_csv(csv, args.rows)
            print(f"wrote {csv} in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        app_cmd = [sys.executable, str(ROOT / "main.py"), "fit-exact", str(csv)]
        base_cmd = [sys.executable, "-c", BASELINE, str(csv)]
        runs: dict[str, list[dict[str, object]]] = {"app": [], "baseline": []}
        for rep in range(args.reps):
            for name, cmd in (("app", app_cmd), ("baseline", base_cmd)):
                r = measure(cmd)
                runs[name].append(r)
                print(
                    f"rep {rep + 1} {name}: {r['wall']:.2f} s, {int(r['peak_kib']) / 1024:.0f} MiB",  # type: ignore[call-overload]
                    file=sys.stderr,
                )
        app_out, base_out = str(runs["app"][-1]["stdout"]), str(runs["baseline"][-1]["stdout"])

    def med(name: str, key: str) -> float:
        return float(statistics.median(float(r[key]) for r in runs[name]))  # type: ignore[arg-type]

    t_app, t_base = med("app", "wall"), med("baseline", "wall")
    m_app, m_base = med("app", "peak_kib") / 1024, med("baseline", "peak_kib") / 1024
    table = [
        ["measurement", "fit-exact", "pandas + statsmodels", "ratio", "target", "met?"],
        [
            f"wall time, {args.rows:,} × {FEATURES} (whole process)",
            f"{t_app:.2f} s",
            f"{t_base:.2f} s",
            f"{t_app / t_base:.2f}×",
            f"≤ {TIME_TARGET}×",
            "yes" if t_app <= TIME_TARGET * t_base else "**no**",
        ],
        [
            "peak resident memory (whole process)",
            f"{m_app:.0f} MiB",
            f"{m_base:.0f} MiB",
            f"{m_app / m_base:.2f}×",
            f"≤ {MEMORY_TARGET}×",
            "yes" if m_app <= MEMORY_TARGET * m_base else "**no**",
        ],
    ]
    print(f"Medians of {args.reps} runs; {os.cpu_count()} CPU cores.\n")
    print("| " + " | ".join(table[0]) + " |")
    print("|" + " --- |" * len(table[0]))
    for line in table[1:]:
        print("| " + " | ".join(line) + " |")
    print("\nfit-exact printed:\n" + app_out)
    print("statsmodels printed:\n" + base_out)
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": table[1:]}))


if __name__ == "__main__":
    main()
