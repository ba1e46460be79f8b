"""The exported script and notebook reproduce ``main.py train`` line for line.

The script runs in a subprocess with plain ``python`` from an empty temporary folder; its
output is compared with what the command line prints for the same options, and its final
parameters with the trainer's, bit for bit.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import subprocess
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest

from core.cli import main as cli_main
from core.codegen import TEXTS, notebook_for, script_for
from core.data import Dataset, read_csv, write_csv
from core.training import ConfigError, Trainer, TrainingConfig

ROOT = Path(__file__).resolve().parents[2]
SEED_CSV = ROOT / "resources" / "data" / "study_hours.csv"


def _data(n: int, d: int, seed: int) -> Dataset:
    rng = np.random.default_rng(seed)
    x = np.round(rng.normal(2.0, 1.5, size=(n, d)), 3)
    w = np.linspace(1.0, -0.5, d)
    y = (rng.random(n) < 1.0 / (1.0 + np.exp(-(x @ w - 1.0)))).astype(np.float64)
    names = ("hours",) if d == 1 else tuple(f"f{i + 1}" for i in range(d))
    return Dataset(np.ascontiguousarray(x), y, names, "passed")


def _cli_lines(csv: Path, args: list[str]) -> str:
    out = io.StringIO()
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = cli_main(["train", str(csv), *args], out=out)
    assert status == 0, err.getvalue()
    return out.getvalue()


# (rows, features, data seed, train options, TrainingConfig, predict rows, threshold, log_every)
CASES = {
    "post-sgd": (
        None,
        ["--init-weight", "0.235", "--init-bias", "0.153", "--predict", "1", "7"],
        TrainingConfig(init_weights=(0.235,), init_bias=0.153),
        [[1.0], [7.0]],
        0.5,
        100,
    ),
    "adam-decay-seeded-init": (
        (30, 1, 1),
        [
            "--optimizer",
            "adam",
            "--lr",
            "0.1",
            "--weight-decay",
            "0.01",
            "--seed",
            "5",
            "--epochs",
            "300",
            "--log-every",
            "7",
            "--predict",
            "2.5",
            "1",
        ],
        TrainingConfig(epochs=300, learning_rate=0.1, optimizer="adam", weight_decay=0.01, seed=5),
        [[2.5], [1.0]],
        0.5,
        7,
    ),
    "sgd-minibatch-decay": (
        (50, 1, 2),
        [
            "--batch-size",
            "8",
            "--seed",
            "11",
            "--weight-decay",
            "0.05",
            "--lr",
            "0.3",
            "--epochs",
            "200",
            "--log-every",
            "10",
        ],
        TrainingConfig(epochs=200, learning_rate=0.3, weight_decay=0.05, batch_size=8, seed=11),
        None,
        0.5,
        10,
    ),
    "adam-minibatch-three-features": (
        (40, 3, 3),
        [
            "--optimizer",
            "adam",
            "--batch-size",
            "16",
            "--seed",
            "2",
            "--epochs",
            "150",
            "--init-weight",
            "0.1",
            "-0.2",
            "0.3",
            "--init-bias",
            "-0.05",
            "--lr",
            "0.05",
            "--log-every",
            "15",
            "--predict",
            "1",
            "2",
            "3",
            "0.5",
            "-1",
            "4.25",
            "--threshold",
            "0.7",
        ],
        TrainingConfig(
            epochs=150,
            learning_rate=0.05,
            optimizer="adam",
            batch_size=16,
            seed=2,
            init_weights=(0.1, -0.2, 0.3),
            init_bias=-0.05,
        ),
        [[1.0, 2.0, 3.0], [0.5, -1.0, 4.25]],
        0.7,
        15,
    ),
    "sgd-two-features-seeded": (
        (25, 2, 4),
        [
            "--seed",
            "123",
            "--epochs",
            "120",
            "--lr",
            "0.2",
            "--log-every",
            "1",
            "--predict",
            "0",
            "1",
        ],
        TrainingConfig(epochs=120, learning_rate=0.2, seed=123),
        [[0.0, 1.0]],
        0.5,
        1,
    ),
}


def _case_data(spec: tuple[int, int, int] | None, tmp_path: Path) -> tuple[Path, Dataset]:
    if spec is None:
        return SEED_CSV, read_csv(SEED_CSV)
    ds = _data(*spec)
    csv = tmp_path / "data.csv"
    write_csv(csv, ds)
    return csv, read_csv(csv)


def _run_script(source: str, folder: Path) -> str:
    script = folder / "exported.py"
    script.write_text(source, encoding="utf-8")
    r = subprocess.run(
        [sys.executable, script.name],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    return r.stdout


_PARAMS = "\nprint('PARAMS', repr(model.linear.weight.flatten().tolist()), repr(model.linear.bias.item()))\n"


def _split_params(stdout: str) -> tuple[str, str]:
    head, _, params = stdout.rpartition("PARAMS ")
    return head, params.strip()


def _trainer_params(ds: Dataset, config: TrainingConfig) -> str:
    trainer = Trainer(ds.features, ds.labels, config)
    for _ in trainer.epochs():
        pass
    m = trainer.model
    return f"{list(m.weights)!r} {m.bias!r}"


@pytest.mark.parametrize("name", list(CASES))
def test_script_prints_what_train_prints(name: str, tmp_path: Path) -> None:
    spec, args, config, predict, threshold, log_every = CASES[name]
    csv, ds = _case_data(spec, tmp_path)
    expected = _cli_lines(csv, args)
    source = script_for(config, ds, csv, log_every=log_every, predict=predict, threshold=threshold)
    assert "import torch" in source
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    out, params = _split_params(_run_script(source + _PARAMS, folder))
    assert out.splitlines() == expected.splitlines()
    assert params == _trainer_params(ds, config)


def test_large_table_is_read_from_the_csv_and_reproduced(tmp_path: Path) -> None:
    ds = _data(1500, 2, 7)
    csv = tmp_path / "big.csv"
    write_csv(csv, ds)
    ds = read_csv(csv)
    config = TrainingConfig(epochs=12, learning_rate=0.5, batch_size=256, seed=9)
    source = script_for(config, ds, csv, log_every=1)
    assert "DATA_CSV = " in source and "read_table" in source
    assert len(source) < 10_000  # the rows are not inline
    folder = tmp_path / "run"
    folder.mkdir()
    out, params = _split_params(_run_script(source + _PARAMS, folder))
    expected = _cli_lines(
        csv,
        ["--epochs", "12", "--lr", "0.5", "--batch-size", "256", "--seed", "9", "--log-every", "1"],
    )
    assert out.splitlines() == expected.splitlines()
    assert params == _trainer_params(ds, config)


def test_large_table_is_inlined_when_the_file_differs(tmp_path: Path) -> None:
    ds = _data(1200, 1, 8)
    csv = tmp_path / "other.csv"
    write_csv(csv, _data(1200, 1, 9))  # the table was edited since it was read
    source = script_for(TrainingConfig(epochs=1, seed=1), ds, csv)
    assert "DATA_CSV" not in source
    assert repr(float(ds.features[1199, 0])) in source


def test_csv_with_header_words_and_semicolons_is_read_by_the_script(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    x = np.round(rng.normal(size=1100), 4)
    y = (x + rng.normal(size=1100) > 0).astype(float)
    words = np.where(y == 1.0, "Pass", "fail")
    csv = tmp_path / "words.csv"
    csv.write_text(
        "\ufeffhours;result\r\n"
        + "".join(f"{float(a)!r};{b}\r\n\r\n" for a, b in zip(x, words, strict=False)),
        encoding="utf-8",
    )
    ds = read_csv(csv)
    source = script_for(TrainingConfig(epochs=5, learning_rate=0.1, seed=4), ds, csv, log_every=1)
    assert "DATA_CSV" in source
    out = _run_script(source, tmp_path)
    expected = _cli_lines(csv, ["--epochs", "5", "--lr", "0.1", "--seed", "4", "--log-every", "1"])
    assert out.splitlines() == expected.splitlines()


def test_closed_form_run_prints_the_same_lines(tmp_path: Path) -> None:
    ds = read_csv(SEED_CSV)
    args = ["--method", "closed-form", "--init-weight", "-0.3", "--init-bias", "0.4"]
    config = TrainingConfig(method="closed-form", init_weights=(-0.3,), init_bias=0.4)
    source = script_for(config, ds)
    assert "closed-form" in source
    out = _run_script(source, tmp_path)
    assert out.splitlines() == _cli_lines(SEED_CSV, args).splitlines()


def test_seed_is_drawn_and_written_when_none_is_set() -> None:
    ds = read_csv(SEED_CSV)
    source = script_for(TrainingConfig(), ds)
    line = next(s for s in source.splitlines() if s.startswith("SEED = "))
    assert 0 <= int(line.split("=")[1]) < 2**31
    assert "SEED = 77\n" in script_for(TrainingConfig(seed=5), ds, seed=77)


def test_bad_arguments_are_refused_with_a_reason() -> None:
    ds = read_csv(SEED_CSV)
    with pytest.raises(ValueError, match="1 value"):
        script_for(TrainingConfig(seed=1), ds, predict=[[1.0, 2.0]])
    with pytest.raises(ConfigError, match="one initial weight per feature"):
        script_for(TrainingConfig(init_weights=(1.0, 2.0)), ds)
    with pytest.raises(ValueError, match="language"):
        script_for(TrainingConfig(seed=1), ds, language="xx")
    with pytest.raises(ValueError, match="threshold"):
        script_for(TrainingConfig(seed=1), ds, threshold=1.0)


def test_every_language_has_every_text() -> None:
    keys = set(TEXTS["en"])
    for language, texts in TEXTS.items():
        assert set(texts) == keys, language


def _exec_notebook(nb: dict[str, object]) -> str:
    namespace: dict[str, object] = {"__name__": "__main__"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for cell in nb["cells"]:  # type: ignore[attr-defined]
            if cell["cell_type"] == "code":
                exec("".join(cell["source"]), namespace)
    return out.getvalue()


@pytest.mark.parametrize("name", ["post-sgd", "adam-minibatch-three-features"])
def test_notebook_is_valid_and_its_cells_print_the_same_lines(name: str, tmp_path: Path) -> None:
    spec, args, config, predict, threshold, log_every = CASES[name]
    csv, ds = _case_data(spec, tmp_path)
    nb = notebook_for(config, ds, csv, log_every=log_every, predict=predict, threshold=threshold)
    text = json.dumps(nb)
    node = nbformat.reads(text, as_version=4)
    nbformat.validate(node)
    assert node.nbformat == 4
    kinds = [c["cell_type"] for c in nb["cells"]]
    assert kinds[0] == "markdown" and kinds.count("code") >= 5
    assert all(a != b for a, b in itertools.pairwise(kinds[1:]))  # text, code, text, code …
    assert _exec_notebook(nb).splitlines() == _cli_lines(csv, args).splitlines()


def _main(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


def test_export_code_command_writes_a_script_that_prints_what_train_prints(
    tmp_path: Path,
) -> None:
    options = ["--optimizer", "adam", "--lr", "0.2", "--seed", "6", "--epochs", "60"]
    options += ["--batch-size", "3", "--weight-decay", "0.01", "--log-every", "5"]
    options += ["--predict", "2", "-1e-3", "--threshold", "0.6"]
    r = _main("export-code", str(SEED_CSV), *options, "-o", "run.py", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout == "", r.stderr
    out = _run_script((tmp_path / "run.py").read_text(encoding="utf-8"), tmp_path / ".")
    trained = _main("train", str(SEED_CSV), *options, cwd=tmp_path)
    assert trained.returncode == 0, trained.stderr
    assert out.splitlines() == trained.stdout.splitlines()


def test_export_code_notebook_to_stdout_and_errors(tmp_path: Path) -> None:
    r = _main("export-code", str(SEED_CSV), "--seed", "1", "--notebook", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    nbformat.validate(nbformat.reads(r.stdout, as_version=4))
    bad = _main(
        "export-code", str(SEED_CSV), "--predict", "1", "-o", "no/such/dir.py", cwd=tmp_path
    )
    assert bad.returncode == 2
    assert bad.stderr.startswith("error: cannot write no/such/dir.py") and bad.stdout == ""
    bad = _main("export-code", str(SEED_CSV), "--init-weight", "1", "2", cwd=tmp_path)
    assert bad.returncode == 2 and bad.stderr.startswith("error: ")
    assert len(bad.stderr.strip().splitlines()) == 1
