"""Run one whole command in this fresh process and time it from just after its imports.

    python -m tests.benchmarks._timed_driver app  MAIN_PY_ARGS...   # main.py's main(args)
    python -m tests.benchmarks._timed_driver seed EPOCHS W0 B0       # the post's loop script

Used by ``bench_engine.py`` row (d). The driver first imports the modules the command needs
(``app``: ``main``, ``core.cli``, ``core.training``, ``core.data`` and ``torch``, which the CLI
imports lazily; ``seed``: the post's script, i.e. torch, and ``torch._dynamo``, which its first
``optimizer.step()`` imports lazily), then reads ``time.perf_counter()``, runs the command exactly as its process
would (stdout is the caller's pipe, flushed before the clock stops) and writes one line to
stderr::

    BENCH_TIMING {"work_s": ..., "new_modules": [...]}

``work_s`` is everything after the imports: reading the CSV, building the model, the epochs,
printing. It cannot be negative, unlike a whole-process time minus a separately measured
import time. ``new_modules`` lists modules first imported inside the timed part (lazy imports
the pre-import missed), so a reader can see whether import work leaked into the figure.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main() -> int:
    mode, rest = sys.argv[1], sys.argv[2:]
    if mode == "app":
        import torch  # the CLI imports it lazily, on building the trainer

        import core.cli
        import core.data
        import core.training
        import main as app_main

        del core, torch
        before = set(sys.modules)
        t0 = time.perf_counter()
        rc = app_main.main(rest)
    elif mode == "seed":
        # The post's first ``optimizer.step()`` imports torch._dynamo (and sympy) lazily:
        # about 1.6 s of pure import work here, so it is imported before the clock starts.
        import torch._dynamo

        from tests.core.seed_reference import run_seed_script

        del torch

        epochs, w0, b0 = int(rest[0]), float(rest[1]), float(rest[2])
        before = set(sys.modules)
        t0 = time.perf_counter()
        lines, _, _, _ = run_seed_script(w0, b0, epochs=epochs)
        print("\n".join(lines))
        rc = 0
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    sys.stdout.flush()
    work = time.perf_counter() - t0
    new = sorted(set(sys.modules) - before)
    print("BENCH_TIMING " + json.dumps({"work_s": work, "new_modules": new}), file=sys.stderr)
    return int(rc or 0)


if __name__ == "__main__":
    sys.exit(main())
