"""Benchmark suite: ``python -m tests.benchmarks.run [--quick] [--only N]`` from the repo root."""
