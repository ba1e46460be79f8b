"""Runs round-trip through JSON exactly, and any malformed saved value is a clear ValueError."""

from __future__ import annotations

import contextlib
import copy
import functools
import json
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.runs import Run
from core.training import Trainer, TrainingConfig


@functools.cache
def _run() -> Run:
    x = np.array([[1.0], [2.0], [3.0], [4.0]])
    y = np.array([0.0, 0.0, 1.0, 1.0])
    config = TrainingConfig(epochs=50, seed=3, optimizer="adam", learning_rate=0.1)
    trainer = Trainer(x, y, config)
    losses, path = [], [[*trainer.model.weights, trainer.model.bias]]
    for loss in trainer.epochs():
        losses.append(loss)
        path.append([*trainer.model.weights, trainer.model.bias])
    m = trainer.model
    acc = float(((m.probability(x) > 0.5) == (y == 1.0)).mean())
    return Run(
        name="Adam, lr 0.1",
        config=config,
        seed=trainer.seed,
        final_loss=losses[-1],
        accuracy=acc,
        weights=m.weights,
        bias=m.bias,
        losses=np.asarray(losses, dtype=np.float32),
        path=np.asarray(path, dtype=np.float32),
        path_epochs=np.arange(51),
    )


def test_round_trip_through_json_is_exact() -> None:
    run = _run()
    back = Run.from_dict(json.loads(json.dumps(run.to_dict())))
    assert back.config == run.config and back.name == run.name and back.seed == run.seed
    assert (back.weights, back.bias, back.final_loss, back.accuracy) == (
        run.weights,
        run.bias,
        run.final_loss,
        run.accuracy,
    )
    np.testing.assert_array_equal(back.losses, run.losses)
    np.testing.assert_array_equal(back.path, run.path)
    np.testing.assert_array_equal(back.path_epochs, run.path_epochs)
    assert back.losses.dtype == np.float32 and back.epochs_done == 50


def _broken(mutate: Any) -> dict[str, Any]:
    d = copy.deepcopy(_run().to_dict())
    mutate(d)
    return d


@pytest.mark.parametrize(
    "mutate, match",
    [
        (lambda d: d.pop("losses"), '"losses"'),
        (lambda d: d.update(name=3), '"name"'),
        (lambda d: d.update(seed="7"), '"seed"'),
        (lambda d: d.update(seed=True), '"seed"'),
        (lambda d: d.update(accuracy=1.5), "accuracy"),
        (lambda d: d.update(final_loss=float("nan")), "final_loss"),
        (lambda d: d.update(weights=[]), '"weights"'),
        (lambda d: d.update(weights=["a"]), '"weights"'),
        (lambda d: d["config"].update(epochs=-1), "settings"),
        (lambda d: d["config"].update(optimizer="rmsprop"), "settings"),
        (lambda d: d["config"].update(learning_rate="fast"), "settings"),
        (lambda d: d.update(config=[]), '"config"'),
        (lambda d: d["losses"].update(base64="@@@"), "base64"),
        (lambda d: d["losses"].update(shape=[7]), "bytes"),
        (lambda d: d["losses"].update(dtype="float64"), "float32"),
        (lambda d: d["path"].update(shape=[51, 3]), "bytes"),
        (lambda d: d["path"].update(shape=[102]), "path"),
        (lambda d: d.update(path_epochs=list(range(50, -1, -1))), "increase"),
        (lambda d: d.update(path_epochs=[0, 1]), "epoch number per point"),
        (lambda d: d.update(threshold=1), "threshold"),
        (lambda d: d.update(bias=10**400), '"bias"'),
        (lambda d: d["config"].update(learning_rate=10**400), "settings"),
        (lambda d: d.update(path_epochs=[2**63] * 51), "path_epochs"),
    ],
)
def test_malformed_values_are_refused_with_the_field_named(mutate: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        Run.from_dict(_broken(mutate))


def test_not_an_object_is_refused() -> None:
    with pytest.raises(ValueError, match="JSON object"):
        Run.from_dict([1, 2])


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None)
@given(key=st.sampled_from(sorted(_run().to_dict())), value=_json)
def test_any_replaced_value_gives_a_value_error_or_a_valid_run(key: str, value: object) -> None:
    d = copy.deepcopy(_run().to_dict())
    d[key] = value
    with contextlib.suppress(ValueError):
        Run.from_dict(d)


@settings(max_examples=150, deadline=None)
@given(
    key=st.sampled_from([*sorted(_run().to_dict()["config"]), "extra"]),
    value=_json,
    where=st.sampled_from(["config", "losses", "path"]),
)
def test_any_nested_value_gives_a_value_error_or_a_valid_run(
    key: str, value: object, where: str
) -> None:
    d = copy.deepcopy(_run().to_dict())
    if where == "config":
        d["config"][key] = value
    else:
        d[where][["dtype", "shape", "base64"][len(key) % 3]] = value
    with contextlib.suppress(ValueError):
        Run.from_dict(d)
