"""The command line, run as a user runs it: a subprocess, its stdout, stderr and status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.seed_reference import run_seed_script

ROOT = Path(__file__).resolve().parents[2]
SEED_CSV = ROOT / "resources" / "data" / "study_hours.csv"


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


@pytest.mark.parametrize("w0, b0", [(0.235, 0.153), (-0.3, 0.4), (1.0, -2.0)])
def test_train_prints_exactly_the_seed_scripts_lines(w0: float, b0: float) -> None:
    lines, _, _, _ = run_seed_script(w0, b0)
    r = cli(
        "train",
        str(SEED_CSV),
        "--init-weight",
        str(w0),
        "--init-bias",
        str(b0),
        "--predict",
        "1",
        "7",
    )
    assert r.returncode == 0, r.stderr
    expected = "\n".join(lines) + "\n"
    assert r.stdout.startswith(expected)
    assert r.stdout[len(expected) :].startswith("Decision boundary: ")


def test_train_with_the_posts_values_prints_the_posts_output() -> None:
    r = cli(
        "train",
        str(SEED_CSV),
        "--init-weight",
        "0.235",
        "--init-bias",
        "0.153",
        "--predict",
        "1",
        "7",
    )
    assert "Epoch 901/1000 | Loss: 0.4678" in r.stdout
    assert "Prediction after 1 hour of training: 0.3779 | Above 50%: False" in r.stdout
    assert "Prediction after 7 hours of training: 0.9714 | Above 50%: True" in r.stdout
    assert "Decision boundary: 1.7429 hours (probability 0.5)" in r.stdout


def test_train_json_and_save_then_predict(tmp_path: Path) -> None:
    model = tmp_path / "m.json"
    r = cli(
        "train",
        str(SEED_CSV),
        "--init-weight",
        "0.235",
        "--init-bias",
        "0.153",
        "--predict",
        "1",
        "7",
        "--save",
        str(model),
        "--json",
    )
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["epochs"] == 1000 and len(doc["losses"]) == 1000
    assert doc["final_loss"] == doc["losses"][-1]
    assert f"{doc['losses'][0]:.4f}" == "0.6502"
    assert [p["passes"] for p in doc["predictions"]] == [False, True]
    assert f"{doc['predictions'][1]['probability']:.4f}" == "0.9714"
    assert doc["decision_boundary"] == pytest.approx(-doc["bias"] / doc["weights"][0])
    r2 = cli("predict", str(model), "7", "--json")
    assert r2.returncode == 0, r2.stderr
    assert (
        json.loads(r2.stdout)["predictions"][0]["probability"]
        == doc["predictions"][1]["probability"]
    )
    r3 = cli("predict", str(model), "1", "7")
    assert "Prediction after 7 hours of training: 0.9714 | Above 50%: True" in r3.stdout


def test_fit_exact_reports_separation_on_the_seed_data() -> None:
    r = cli("fit-exact", str(SEED_CSV), "--json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["separation"] == "complete"
    assert doc["converged"] is False
    assert [c["name"] for c in doc["coefficients"]] == ["(intercept)", "hours"]
    assert doc["coefficients"][1]["estimate"] is None
    text = cli("fit-exact", str(SEED_CSV)).stdout
    assert "separable" in text and "finite" in text


def test_fit_exact_with_l2_is_finite(tmp_path: Path) -> None:
    doc = json.loads(cli("fit-exact", str(SEED_CSV), "--l2-C", "1", "--json").stdout)
    assert doc["coefficients"][1]["estimate"] > 0
    assert doc["separation"] == "complete"


@pytest.mark.parametrize(
    "args, needle",
    [
        (["train", "missing.csv"], "missing.csv"),
        (["train", "SEED", "--lr", "abc"], "abc"),
        (["train", "SEED", "--epochs", "0"], "0"),
        (["train", "SEED", "--init-weight", "1", "2"], "initial weight"),
        (["train", "SEED", "--threshold", "1.5"], "1.5"),
        (["train", "SEED", "--optimizer", "rmsprop"], "rmsprop"),
        (["train", "SEED", "--predict", "x"], "x"),
        (["predict", "SEED", "1"], "not a model file"),
        (["fit-exact", "BAD"], "Line 3"),
        (["frobnicate"], ""),
    ],
)
def test_bad_input_prints_one_error_line_and_exits_2(
    tmp_path: Path, args: list[str], needle: str
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("hours,passed\n1,0\nabc,1\n", encoding="utf-8")
    args = [str(SEED_CSV) if a == "SEED" else str(bad) if a == "BAD" else a for a in args]
    r = cli(*args, cwd=tmp_path)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("error: ")
    assert needle in lines[0]
    assert "Traceback" not in r.stderr


def test_divergence_is_an_error_naming_the_epoch(tmp_path: Path) -> None:
    data = tmp_path / "huge.csv"
    data.write_text("x,y\n1e36,0\n2e36,1\n-3e36,1\n0,0\n", encoding="utf-8")
    r = cli("train", str(data), "--lr", "10000", "--init-weight", "0", "--init-bias", "0")
    assert r.returncode == 2
    assert "diverged at epoch" in r.stderr


def test_several_features_predict_in_groups(tmp_path: Path) -> None:
    data = tmp_path / "two.csv"
    data.write_text("a,b,y\n1,5,0\n2,3,0\n3,4,1\n4,1,1\n2.5,2,1\n1.5,4,0\n", encoding="utf-8")
    r = cli("train", str(data), "--predict", "1", "2", "3", "4", "--seed", "1")
    assert r.returncode == 0, r.stderr
    assert "Prediction for a=1, b=2:" in r.stdout
    bad = cli("train", str(data), "--predict", "1", "2", "3")
    assert bad.returncode == 2 and "groups of 2" in bad.stderr
