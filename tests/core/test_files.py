"""Model and project files: round trips, atomic writes, and refusal of bad files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from core.files import (
    FileFormatError,
    Project,
    load_model,
    load_project,
    save_model,
    save_project,
    write_atomic,
)
from core.model import LogisticModel
from core.training import TrainingConfig


def project() -> Project:
    return Project(
        features=np.array([[1.0, 5.0], [2.0, np.nan], [3.0, 1e300]]),
        labels=np.array([0.0, 1.0, np.nan]),
        feature_names=("공부시간", "sleep"),
        label_name="합격",
        config=TrainingConfig(
            epochs=10, learning_rate=0.1, init_weights=(0.1, 0.2), init_bias=0.3, seed=5
        ),
        threshold=0.7,
        model=LogisticModel((0.25, -1.5), 0.125, ("공부시간", "sleep")),
        loss_history=np.array([0.7, 0.6, 0.55]),
        invalid_cells={(1, 1): "abc", (2, 2): "maybe"},
    )


def test_project_round_trip_is_exact(tmp_path: Path) -> None:
    p = tmp_path / "a.lrsproj"
    save_project(p, project())
    back = load_project(p)
    want = project()
    assert np.array_equal(back.features, want.features, equal_nan=True)
    assert np.array_equal(back.labels, want.labels, equal_nan=True)
    assert back.feature_names == want.feature_names and back.label_name == want.label_name
    assert back.config == want.config and back.threshold == 0.7
    assert back.model == want.model
    assert back.loss_history.tolist() == [0.7, 0.6, 0.55]
    assert back.invalid_cells == want.invalid_cells


def test_model_round_trip(tmp_path: Path) -> None:
    p = tmp_path / "m.json"
    m = LogisticModel((0.5,), -1.25)
    save_model(p, m, threshold=0.6)
    assert load_model(p) == (m, 0.6)


def test_interrupted_save_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = tmp_path / "a.lrsproj"
    save_project(p, project())
    before = p.read_bytes()

    def die(*_: object) -> None:
        raise KeyboardInterrupt("the process died between write and replace")

    monkeypatch.setattr(os, "replace", die)
    with pytest.raises(KeyboardInterrupt):
        save_project(p, Project(np.zeros((1, 1)), np.zeros(1), ("x",), "y"))
    assert p.read_bytes() == before
    assert [f.name for f in tmp_path.iterdir()] == ["a.lrsproj"], "temp file left behind"


def test_write_atomic_replaces(tmp_path: Path) -> None:
    p = tmp_path / "t.txt"
    write_atomic(p, "one")
    write_atomic(p, "two")
    assert p.read_text() == "two"


@pytest.mark.parametrize(
    "content, needle",
    [
        (b"", "damaged or not a project"),
        (b'{"format": "logreg-studio/project", "version": 1, "data": {', "damaged"),
        (b"\x80\x81\x00\xff", "not text"),
        (b"[1, 2]", "not a Logistic Regression Studio project"),
        (b'{"format": "something-else", "version": 1}', "not a Logistic Regression Studio project"),
        (b'{"format": "logreg-studio/model", "version": 1}', "it is a model file"),
        (b'{"format": "logreg-studio/project", "version": 99, "app_version": "9.0"}', "newer"),
        (b'{"format": "logreg-studio/project", "version": 1}', "'data' is missing"),
        (
            b'{"format": "logreg-studio/project", "version": 1, "data": {"feature_names": ["x"], '
            b'"label_name": "y", "columns": [[1, "a"]], "labels": [0, 1]}}',
            "not a number",
        ),
        (
            b'{"format": "logreg-studio/project", "version": 1, "data": {"feature_names": ["x"], '
            b'"label_name": "y", "columns": [[1, 2]], "labels": [0, 2]}}',
            "label other than 0/1",
        ),
        (
            b'{"format": "logreg-studio/project", "version": 1, "data": {"feature_names": ["x"], '
            b'"label_name": "y", "columns": [[1, NaN]], "labels": [0, 1]}}',
            "damaged",
        ),
    ],
)
def test_bad_project_files_are_refused_with_a_message(
    tmp_path: Path, content: bytes, needle: str
) -> None:
    p = tmp_path / "bad.lrsproj"
    p.write_bytes(content)
    with pytest.raises(FileFormatError) as info:
        load_project(p)
    assert needle in str(info.value)
    assert "bad.lrsproj" in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="Cannot read"):
        load_model(tmp_path / "nope.json")


def test_files_are_plain_json_never_pickle(tmp_path: Path) -> None:
    p = tmp_path / "a.lrsproj"
    save_project(p, project())
    doc = json.loads(p.read_text(encoding="utf-8"))
    assert doc["format"] == "logreg-studio/project" and doc["version"] == 1
    import core.files

    source = Path(core.files.__file__).read_text()
    assert "import pickle" not in source and "torch.load" not in source
