"""Issue 12: ``main.py fit-exact`` on 2,000,000 rows × 5 features against pandas + statsmodels.

Both sides run as whole processes (Python start, imports, reading the CSV, the fit, printing),
each in a fresh wrapper process that reports its one child's wall time and peak resident memory
(``resource.getrusage(RUSAGE_CHILDREN)``), so the peaks of earlier runs never leak into later
ones. Medians of ``--reps`` runs (5, or 3 with ``--quick``), alternating the two sides.
Prints a Markdown table; with ``--json`` also writes the rows for ``run.py``.

Usage: ``.venv/bin/python -m tests.benchmarks.bench_exact [--quick] [--json OUT] [--rows N]
[--reps K] [--csv PATH]`` (also run by ``run.py`` as table 7). ``--quick`` keeps the target's
2,000,000 rows × 5 and only runs 3 repetitions instead of 5.
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
import json
import sys
import pandas as pd
import statsmodels.api as sm
frame = pd.read_csv(sys.argv[1])
X = sm.add_constant(frame.iloc[:, :-1])
result = sm.Logit(frame.iloc[:, -1], X).fit(disp=0)
print(result.params.to_string())
print(result.bse.to_string())
print("BENCH_PARAMS " + json.dumps([[float(v) for v in result.params], [float(v) for v in result.bse]]))
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


def _baseline_params(stdout: str) -> tuple[list[float], list[float]]:
    line = next(ln for ln in stdout.splitlines() if ln.startswith("BENCH_PARAMS "))
    params, bse = json.loads(line[len("BENCH_PARAMS ") :])
    return [float(v) for v in params], [float(v) for v in bse]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--reps", type=int, default=None, help="5 (3 with --quick)")
    parser.add_argument("--csv", type=Path, default=None, help="reuse (or create) this CSV")
    parser.add_argument(
        "--quick", action="store_true", help="3 repetitions instead of 5 (same 2,000,000 rows)"
    )
    parser.add_argument("--json", help="write the result rows and notes here (for run.py)")
    args = parser.parse_args()
    if args.reps is None:
        args.reps = 3 if args.quick else 5

    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="logreg-bench-exact-") as tmp:
        csv = args.csv or Path(tmp) / f"exact_{args.rows}x{FEATURES}.csv"
        if not csv.exists():
            t = time.perf_counter()
            write_csv(csv, args.rows)
            print(f"wrote {csv} in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        size_mb = csv.stat().st_size / 1e6
        app_cmd = [sys.executable, str(ROOT / "main.py"), "fit-exact", str(csv)]
        base_cmd = [sys.executable, "-c", BASELINE, str(csv)]
        # One untimed run of each first: warms the file cache (the CSV, the modules) and gives
        # the estimates to compare (the app's as --json, untimed; the timed runs print text).
        app_json = subprocess.run(
            [*app_cmd, "--json"], capture_output=True, text=True, check=True, cwd=ROOT
        ).stdout
        warm_base = measure(base_cmd)
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

    coefs = json.loads(app_json)["coefficients"]
    est = [float(c["estimate"]) for c in coefs]
    se = [float(c["std_error"]) for c in coefs]
    b_est, b_se = _baseline_params(str(warm_base["stdout"]))
    d_est = max(abs(a - b) for a, b in zip(est, b_est, strict=True))
    d_se = max(abs(a - b) / b for a, b in zip(se, b_se, strict=True))

    def med(name: str, key: str) -> float:
        return float(statistics.median(float(r[key]) for r in runs[name]))  # type: ignore[arg-type]

    def each(name: str, key: str, scale: float, fmt: str) -> str:
        return ", ".join(format(float(r[key]) * scale, fmt) for r in runs[name])  # type: ignore[arg-type]

    t_app, t_base = med("app", "wall"), med("baseline", "wall")
    m_app, m_base = med("app", "peak_kib") / 1024, med("baseline", "peak_kib") / 1024
    table = [
        ["measurement", "fit-exact", "pandas + statsmodels", "ratio", "target", "met?"],
        [
            f"`main.py fit-exact`, {args.rows:,} × {FEATURES}: wall time (whole process)",
            f"{t_app:.2f} s",
            f"{t_base:.2f} s pandas + statsmodels",
            f"{t_app / t_base:.2f}×",
            f"≤ {TIME_TARGET}×",
            "yes" if t_app <= TIME_TARGET * t_base else "**no**",
        ],
        [
            f"`main.py fit-exact`, {args.rows:,} × {FEATURES}: peak resident memory "
            "(whole process)",
            f"{m_app:.0f} MiB",
            f"{m_base:.0f} MiB pandas + statsmodels",
            f"{m_app / m_base:.2f}×",
            f"≤ {MEMORY_TARGET}×",
            "yes" if m_app <= MEMORY_TARGET * m_base else "**no**",
        ],
        [
            "max \\|estimate − statsmodels\\| (intercept + 5 weights); max relative "
            "difference of the standard errors",
            f"{d_est:.1e}; {d_se:.1e}",
            "0",
            "—",
            "— (info)",
            None,
        ],
    ]
    mode = " (--quick: fewer runs, the same rows)" if args.quick else ""
    notes.append(
        f"Exact fit: {args.rows:,} rows × {FEATURES} features + a 0/1 label "
        f"({size_mb:.0f} MB CSV, `%.6f` values, overlapping classes, seed 12), written to a temp "
        "dir first. Both sides are whole processes (Python start, imports, reading the CSV, the "
        "fit, printing): `main.py fit-exact CSV` against `pandas.read_csv` + "
        "`statsmodels.Logit(...).fit()` with a constant. Each run goes through a fresh wrapper "
        "process that reports its one child's wall time and peak RSS "
        "(`getrusage(RUSAGE_CHILDREN).ru_maxrss`), so no run's peak leaks into another. "
        f"One untimed run of each first (file cache; the estimates compared), then {args.reps} "
        f"alternating runs per side, medians{mode}. "
        f"Wall: app {each('app', 'wall', 1, '.2f')} s; baseline "
        f"{each('baseline', 'wall', 1, '.2f')} s. Peak: app {each('app', 'peak_kib', 1 / 1024, '.0f')} "
        f"MiB; baseline {each('baseline', 'peak_kib', 1 / 1024, '.0f')} MiB. {os.cpu_count()} CPU cores."
    )
    print(f"Medians of {args.reps} runs; {os.cpu_count()} CPU cores.\n")
    print("| " + " | ".join(table[0]) + " |")
    print("|" + " --- |" * len(table[0]))
    for line in table[1:]:
        print("| " + " | ".join("—" if c is None else str(c) for c in line) + " |")
    print("\nfit-exact printed:\n" + app_out)
    print("statsmodels printed:\n" + base_out)
    rows = [["—" if c is None else str(c) for c in line] for line in table[1:]]
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": rows, "notes": notes}))


if __name__ == "__main__":
    main()
