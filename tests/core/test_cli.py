"""The command line, run as a user runs it: a subprocess, its stdout, stderr and status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

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


# ---------------------------------------------------------------------------------------------
# Issue 13: classes 6 (valid JSON), 8 (the command line means what it says), 13 (messages).


def run_in_process(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from core.cli import main

    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def strict_json(text: str) -> Any:
    def refuse(name: str) -> None:
        raise AssertionError(f"{name} is not JSON")

    return json.loads(text, parse_constant=refuse)


def test_negative_numbers_in_scientific_notation_are_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model = tmp_path / "m.json"
    code, out, err = run_in_process(
        capsys, "train", str(SEED_CSV), "--epochs", "3", "--init-weight", "-2E-1",
        "--init-bias", "-1e-3", "--predict", "-2e-1", "-1.5e+0", "--save", str(model), "--json",
    )  # fmt: skip
    assert code == 0, err
    assert [p["x"] for p in strict_json(out)["predictions"]] == [-0.2, -1.5]
    code, out, err = run_in_process(capsys, "predict", str(model), "-1e-3", "--json")
    assert code == 0, err
    assert strict_json(out)["predictions"][0]["x"] == -0.001
    code, _, err = run_in_process(capsys, "predict", str(model), "-inf")
    assert code == 2 and err.endswith(': "-inf" is not a finite number\n')


def test_a_command_is_a_command_whatever_files_exist(tmp_path: Path) -> None:
    for name in ("train", "predict", "fit-exact"):
        (tmp_path / name).write_text("not data")
    r = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "train", str(SEED_CSV), "--epochs", "2"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Epoch 1/2 | Loss: ")
    import main

    assert main._wants_cli(["predict", "m.json", "1"])
    assert not main._wants_cli([str(SEED_CSV)])  # opening a file stays main.py FILE
    assert not main._wants_cli(["--self-test"]) and not main._wants_cli([])


def test_a_word_that_is_neither_command_nor_file_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from core.cli import command_names

    code, _, err = run_in_process(capsys, "trian", "x.csv")
    assert code == 2
    assert err == (
        f'error: "trian" is neither a command ({", ".join(command_names())}) '
        "nor a file that exists\n"
    )


def test_predict_json_on_huge_weights_is_valid_json_with_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model = tmp_path / "huge.json"
    model.write_text(
        json.dumps(
            {
                "format": "logreg-studio/model",
                "version": 1,
                "model": {"weights": [3e38, 3e38], "bias": 0.0},
                "threshold": 0.5,
            }
        )
    )
    code, out, err = run_in_process(capsys, "predict", str(model), "2", "-2", "1", "1", "--json")
    assert code == 0, err
    first, second = strict_json(out)["predictions"]
    assert first["probability"] is None and first["passes"] is None
    assert "overflowed" in first["reason"]
    assert second == {"x": [1.0, 1.0], "probability": 1.0, "passes": True}
    code, out, _ = run_in_process(capsys, "predict", str(model), "2", "-2")
    assert "Prediction for x1=2, x2=-2: n/a (w·x + b overflowed" in out
    assert "nan" not in out.lower()


@pytest.mark.parametrize("values", [["1e39", "-1e39"], ["-3.5e38"]])
def test_prediction_values_beyond_float32_are_refused(
    capsys: pytest.CaptureFixture[str], values: list[str]
) -> None:
    code, out, err = run_in_process(
        capsys, "train", str(SEED_CSV), "--epochs", "2", "--json", "--predict", *values
    )
    assert code == 2 and out == ""
    assert err.startswith("error: the prediction value ") and err.count("\n") == 1
    assert "too large for the model" in err


def test_json_output_never_holds_nan(capsys: pytest.CaptureFixture[str]) -> None:
    from core.cli import dump_json

    assert (
        dump_json({"a": [1.0, float("nan")], "b": float("inf")}) == '{"a": [1.0, null], "b": null}'
    )
    code, out, err = run_in_process(capsys, "fit-exact", str(SEED_CSV), "--json")
    assert code == 0, err
    strict_json(out)


def test_successful_runs_print_no_warnings(tmp_path: Path) -> None:
    """Warnings as errors: a RuntimeWarning on the terminal fails the run."""
    big = tmp_path / "big.csv"
    big.write_text("a,b,y\n1e300,1,0\n-1e300,2,1\n3,3,0\n4,1,1\n5,0,1\n", encoding="utf-8")
    col = tmp_path / "col.csv"
    col.write_text("a,b,y\n1,0,0\n2,0,1\n3,0,0\n4,0,1\n", encoding="utf-8")
    model = tmp_path / "m.json"
    model.write_text(
        json.dumps(
            {"format": "logreg-studio/model", "version": 1,
             "model": {"weights": [3e38, 3e38], "bias": -3e38}, "threshold": 0.5}
        )
    )  # fmt: skip
    script = (
        "import sys, warnings\n"
        "warnings.simplefilter('error')\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from core.cli import main\n"
        "runs = [\n"
        f"  ['train', {str(SEED_CSV)!r}, '--epochs', '50', '--predict', '1', '3e38', '-3e38'],\n"
        f"  ['train', {str(SEED_CSV)!r}, '--epochs', '50', '--method', 'closed-form', '--json'],\n"
        f"  ['fit-exact', {str(SEED_CSV)!r}], ['fit-exact', {str(big)!r}],\n"
        f"  ['fit-exact', {str(col)!r}, '--json'], ['fit-exact', {str(SEED_CSV)!r}, '--l2-C', '1'],\n"
        f"  ['predict', {str(model)!r}, '3e38', '-3e38', '1', '1', '--json'],\n"
        "]\n"
        "codes = [main(r) for r in runs]\n"
        "print('CODES', codes)\n"
    )
    r = subprocess.run(
        [sys.executable, "-W", "error", "-c", script], capture_output=True, text=True, timeout=300
    )
    assert "CODES [0, 0, 0, 0, 0, 0, 0]" in r.stdout, r.stderr[-2000:]
    assert r.stderr == ""
