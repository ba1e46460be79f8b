"""Model and project files: round trips, atomic writes, and refusal of bad files."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.files import (
    MAX_BATCH_SIZE,
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
        (
            b'{"format": "logreg-studio/project", "version": 99, "app_version": "9.0"}',
            "a newer version, Logistic Regression Studio 9.0",
        ),
        (b'{"format": "logreg-studio/project", "version": 1}', 'the entry "data" is missing'),
        (
            b'{"format": "logreg-studio/project", "version": 1, "data": {"feature_names": ["x"], '
            b'"label_name": "y", "columns": [[1, "a"]], "labels": [0, 1]}}',
            "not a number",
        ),
        (
            b'{"format": "logreg-studio/project", "version": 1, "data": {"feature_names": ["x"], '
            b'"label_name": "y", "columns": [[1, 2]], "labels": [0, 2]}}',
            'row 2 of the label column "y" holds 2; labels are 0 or 1',
        ),
        (
            b'{"format": "logreg-studio/project", "version": 1, "data": {"feature_names": ["x"], '
            b'"label_name": "y", "columns": [[1, NaN]], "labels": [0, 1]}}',
            "NaN, which is not a number JSON allows",
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
    assert str(info.value).startswith("Cannot open bad.lrsproj: ")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match=r"Cannot open nope\.json: No such file"):
        load_model(tmp_path / "nope.json")


def test_files_are_plain_json_never_pickle(tmp_path: Path) -> None:
    p = tmp_path / "a.lrsproj"
    save_project(p, project())
    doc = json.loads(p.read_text(encoding="utf-8"))
    assert doc["format"] == "logreg-studio/project" and doc["version"] == 1
    import core.files

    source = Path(core.files.__file__).read_text()
    assert "import pickle" not in source and "torch.load" not in source


# ---------------------------------------------------------------------------------------------
# Issue 13, class 5: any damage anywhere is refused before anything is applied.


def valid_doc(tmp_path: Path) -> dict[str, Any]:
    p = tmp_path / "valid.lrsproj"
    save_project(p, project())
    doc: dict[str, Any] = json.loads(p.read_text(encoding="utf-8"))
    return doc


def load_text(tmp_path: Path, text: str, name: str = "bad.lrsproj") -> Project:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return load_project(p)


def assert_applicable(pr: Project) -> None:
    """What the window relies on when it applies a project without further checks."""
    n, d = pr.features.shape
    assert d == len(pr.feature_names) >= 1 and pr.labels.shape == (n,)
    names = [*pr.feature_names, pr.label_name]
    assert len(set(names)) == len(names)
    for name in names:
        assert name and name == name.strip() and "\n" not in name
        name.encode("utf-8")
    nan = np.isnan(np.column_stack([pr.features, pr.labels]))
    assert {tuple(map(int, rc)) for rc in np.argwhere(nan)} == set(pr.invalid_cells)
    assert np.isfinite(pr.features[~nan[:, :-1]]).all()
    assert set(np.unique(pr.labels[~nan[:, -1]]).tolist()) <= {0.0, 1.0}
    pr.config.validate()
    assert pr.config.batch_size is None or pr.config.batch_size <= MAX_BATCH_SIZE
    assert 0 < pr.threshold < 1
    assert np.isfinite(pr.loss_history).all() and (pr.loss_history >= 0).all()
    if pr.model is not None:
        params = np.array([*pr.model.weights, pr.model.bias])
        assert np.isfinite(params.astype(np.float32)).all()


@pytest.mark.parametrize(
    "path, value, needle",
    [
        # a null cell not listed as invalid: accepted before, then raised on every repaint
        (("data", "labels", 0), None, 'row 1 of column "합격" is empty (null) but is not listed'),
        (("data", "columns", 0, 0), None, 'row 1 of column "공부시간" is empty (null)'),
        (("data", "columns", 0, 0), 10**399, "with 400 digits"),
        (("data", "columns", 0, 0), 10**39, None),  # a number: fine (1e39 fits in float64)
        (("settings", "batch_size"), 10**12, '"settings.batch_size" is 1,000,000,000,000, outside'),
        (("settings", "batch_size"), 0, '"settings.batch_size" is 0, outside 1'),
        (("settings", "epochs"), 2**31, '"settings.epochs" is 2,147,483,648, outside'),
        (("settings", "epochs"), 10.5, '"settings.epochs" is a number, not a whole number'),
        (("settings", "seed"), 2.5, '"settings.seed" is a number, not a whole number'),
        (("settings", "seed"), "7", '"settings.seed" is text, not a whole number'),
        (("settings", "learning_rate"), -0.1, '"settings.learning_rate": The learning rate'),
        (("settings", "learning_rate"), [0.1], '"settings.learning_rate" is a list'),
        (("settings", "threshold"), 1, '"settings.threshold" is 1; it must lie strictly'),
        (("settings", "threshold"), 0.0, "strictly between 0 and 1"),
        (("settings", "optimizer"), {"a": 1}, '"settings.optimizer" must be "sgd" or "adam"'),
        (("settings", "init_weights"), {"a": 1}, '"settings.init_weights" is an object'),
        (("settings",), [], '"settings" is a list, not an object'),
        (("model", "weights", 0), 1e300, 'weight 1 in "model" is 1e+300, too large for the'),
        (("model", "weights", 0), 10**400 // 10**370, None),
        (("model", "bias"), True, 'the bias in "model" is true/false, not a number'),
        (("model", "feature_names"), ["a"], '"model" has 2 weights but 1 feature names'),
        (("loss_history", 1), None, 'epoch 2 of "loss_history" is null, not a number'),
        (("loss_history", 1), -1.0, 'epoch 2 of "loss_history" is negative'),
        (("data", "feature_names", 1), "공부시간", 'the column name "공부시간" is used twice'),
        (("data", "feature_names", 1), " sleep", "surrounding blanks or a line break"),
        (("data", "feature_names", 1), "", "is an empty column name"),
        (("data", "label_name"), "\ud800", "holds characters that are not valid text"),
        (("data", "invalid_cells", 0), [1, 1, None], "the text of entry 1"),
        (
            ("data", "invalid_cells"),
            [[1, 1, "abc"], [2, 2, "maybe"], [0, 0, "x"]],
            'lists row 1 of column "공부시간", which holds a number',
        ),
        (("data", "invalid_cells", 0), [99, 1, "x"], "the row of entry 1"),
        (("data", "invalid_cells", 0), {"r": 1}, "is not a [row, column, text] list"),
        (("app_version",), [[[[1]]]], None),  # not used for a current file: ignored
    ],
)
def test_any_damaged_field_is_refused_naming_it(
    tmp_path: Path, path: tuple[Any, ...], value: object, needle: str | None
) -> None:
    doc = valid_doc(tmp_path)
    target: Any = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    text = json.dumps(doc)
    if needle is None:
        assert_applicable(load_text(tmp_path, text))
        return
    with pytest.raises(FileFormatError) as info:
        load_text(tmp_path, text)
    message = str(info.value)
    assert message.startswith("Cannot open bad.lrsproj: ") and message.endswith(".")
    assert needle in message
    assert "np.float64" not in message and "Traceback" not in message


@pytest.mark.parametrize("depth", [50, 100_000])
def test_deep_nesting_is_refused_not_a_recursion_error(tmp_path: Path, depth: int) -> None:
    doc = valid_doc(tmp_path)
    doc["settings"]["seed"] = "@@"
    text = json.dumps(doc).replace('"@@"', "[" * depth + "]" * depth)
    with pytest.raises(FileFormatError, match=r"Cannot open bad\.lrsproj: "):
        load_text(tmp_path, text)
    model = tmp_path / "m.json"
    save_model(model, LogisticModel((0.5,), 0.25))
    mtext = model.read_text(encoding="utf-8").replace(
        '"bias": 0.25', '"bias": ' + "[" * depth + "]" * depth
    )
    model.write_text(mtext, encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"Cannot open m\.json: "):
        load_model(model)


def test_a_huge_whole_number_anywhere_is_refused(tmp_path: Path) -> None:
    doc = valid_doc(tmp_path)
    text = json.dumps(doc).replace('"version": 1', '"version": ' + "9" * 5000)
    with pytest.raises(FileFormatError, match="a whole number with 5000 digits"):
        load_text(tmp_path, text)


def test_model_file_damage_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "m.json"
    save_model(p, LogisticModel((0.5, 1.5), 0.25), config=TrainingConfig(seed=3))
    good = json.loads(p.read_text(encoding="utf-8"))
    for mutate, needle in [
        (lambda d: d["model"].__setitem__("weights", [10**400, 1]), "401 digits"),
        (lambda d: d["model"].__setitem__("weights", [1e39, 1]), "too large for the float32"),
        (lambda d: d.__setitem__("threshold", -3), '"threshold" is -3'),
        (lambda d: d.__setitem__("config", {"batch_size": -1}), '"config.batch_size" is -1'),
        (lambda d: d.__setitem__("model", None), '"model" is null, not an object'),
        (lambda d: d.__setitem__("label_name", 5), '"label_name" is a number, not text'),
    ]:
        doc = json.loads(json.dumps(good))
        mutate(doc)
        p.write_text(json.dumps(doc), encoding="utf-8")
        with pytest.raises(FileFormatError) as info:
            load_model(p)
        assert str(info.value).startswith("Cannot open m.json: ")
        assert needle in str(info.value)


def test_a_device_is_refused_at_once(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="Cannot open zero: it is a device"):
        load_project("/dev/zero")


JSON_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**60), max_value=10**60),
    st.integers(min_value=-3, max_value=3),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=5),
    st.sampled_from(["sgd", "adam", "closed-form", "x", "\ud800", " a", "공부시간"]),
)
JSON_VALUE = st.recursive(
    JSON_LEAF,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value[:4]):
            out += _paths(v, (*prefix, i))
    return out


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_random_damage_gives_file_format_error_or_a_valid_project(
    tmp_path: Path, data: st.DataObject
) -> None:
    doc = valid_doc(tmp_path)
    for _ in range(data.draw(st.integers(1, 3))):
        paths = _paths(doc)[1:]
        path = data.draw(st.sampled_from(paths))
        parent: Any = doc
        for key in path[:-1]:
            parent = parent[key]
        action = data.draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, list):
            parent.append(data.draw(JSON_VALUE))
        else:
            parent[path[-1]] = data.draw(JSON_VALUE)
    try:
        pr = load_text(tmp_path, json.dumps(doc))
    except FileFormatError as exc:
        assert str(exc).startswith("Cannot open bad.lrsproj: ")
        return
    assert_applicable(pr)


# ---------------------------------------------------------------------------------------------
# Issue 13, class 12: every stored number reads back identical.


def test_threshold_and_settings_round_trip_exactly(tmp_path: Path) -> None:
    p = tmp_path / "t.lrsproj"
    pr = project()
    pr.threshold = 0.123456789
    pr.config = TrainingConfig(
        learning_rate=0.1 + 0.2, weight_decay=1e-17, init_weights=(1 / 3, -2 / 7), init_bias=5e-324
    )
    save_project(p, pr)
    back = load_project(p)
    assert back.threshold == 0.123456789
    assert back.config == pr.config


def test_random_doubles_round_trip_bit_for_bit(tmp_path: Path) -> None:
    rng = np.random.default_rng(13)
    bits = rng.integers(0, 2**64, size=2000, dtype=np.uint64)
    values = bits.view(np.float64)
    values = values[np.isfinite(values)]
    f32 = values[np.abs(values) <= 3.4e38][:3]
    n = 300
    pr = Project(
        features=values[: 2 * n].reshape(n, 2).copy(),
        labels=(rng.random(n) < 0.5).astype(np.float64),
        feature_names=("a", "b"),
        label_name="y",
        threshold=float(rng.random()),
        model=LogisticModel((float(f32[0]), float(f32[1])), float(f32[2]), ("a", "b")),
        loss_history=np.abs(values[2 * n : 2 * n + 100]),
    )
    p = tmp_path / "r.lrsproj"
    save_project(p, pr)
    back = load_project(p)
    assert back.features.tobytes() == pr.features.tobytes()
    assert back.loss_history.tobytes() == pr.loss_history.tobytes()
    assert back.threshold == pr.threshold and back.model == pr.model
    m = tmp_path / "r.json"
    save_model(m, pr.model, threshold=0.123456789)  # type: ignore[arg-type]
    assert load_model(m) == (pr.model, 0.123456789)
