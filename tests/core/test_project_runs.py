"""Runs kept side by side are saved in the project file and read back exactly."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from core.files import FileFormatError, Project, load_project, save_project
from core.runs import Run
from core.training import TrainingConfig, train

X = np.array([[1.0], [2.0], [3.0], [4.0]])
Y = np.array([0.0, 0.0, 1.0, 1.0])


def _run(name: str, config: TrainingConfig) -> Run:
    losses, model, seed = train(X, Y, config)
    return Run(
        name=name,
        config=config,
        seed=seed,
        final_loss=float(losses[-1]),
        accuracy=1.0,
        weights=model.weights,
        bias=model.bias,
        losses=np.asarray(losses, np.float32),
        path=np.asarray([[0.1, 0.2], [*model.weights, model.bias]], np.float32),
        path_epochs=np.asarray([0, config.epochs]),
    )


def _project(runs: tuple[Run, ...]) -> Project:
    return Project(features=X, labels=Y, feature_names=("hours",), label_name="passed", runs=runs)


def test_runs_round_trip(tmp_path: Path) -> None:
    runs = (
        _run("SGD, lr 0.01", TrainingConfig(epochs=20, seed=3)),
        _run(
            "Adam, lr 0.5", TrainingConfig(epochs=30, optimizer="adam", learning_rate=0.5, seed=4)
        ),
    )
    path = tmp_path / "p.lrsproj"
    save_project(path, _project(runs))
    back = load_project(path).runs
    assert [r.name for r in back] == ["SGD, lr 0.01", "Adam, lr 0.5"]
    for a, b in zip(back, runs, strict=True):
        assert a.config == b.config and a.seed == b.seed
        assert np.array_equal(a.losses, b.losses) and np.array_equal(a.path, b.path)
        assert a.weights == b.weights and a.bias == b.bias


def test_a_project_without_runs_reads_as_none(tmp_path: Path) -> None:
    path = tmp_path / "p.lrsproj"
    save_project(path, _project(()))
    doc = json.loads(path.read_text(encoding="utf-8"))
    del doc["runs"]
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert load_project(path).runs == ()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda runs: "nope", '"runs" is'),
        (lambda runs: [*runs[:1], {"name": "x"}], 'run 2 of "runs" cannot be read'),
        (lambda runs: [{**runs[0], "seed": "five"}], '"seed" must be a whole number'),
    ],
)
def test_a_damaged_run_is_refused_with_a_message(tmp_path: Path, damage, message) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.lrsproj"
    save_project(path, _project((_run("a", TrainingConfig(epochs=5, seed=1)),)))
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["runs"] = damage(doc["runs"])
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(FileFormatError) as info:
        load_project(path)
    assert message in str(info.value) and str(info.value).startswith("Cannot open p.lrsproj:")
