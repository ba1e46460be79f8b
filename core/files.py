"""Model and project files: versioned JSON, written atomically, read with validation.

Nothing is ever unpickled: both files are plain JSON with a ``format`` tag and a ``version``.
A newer version than this app knows is refused with a message saying so.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from core import __version__
from core.model import LogisticModel
from core.training import ConfigError, TrainingConfig

MODEL_FORMAT = "logreg-studio/model"
PROJECT_FORMAT = "logreg-studio/project"
FILE_VERSION = 1


class FileFormatError(ValueError):
    """A file is missing, unreadable, corrupt, foreign or too new; ``str()`` says which."""


@dataclass
class Project:
    """Everything the window saves: the table, the settings, the model and its loss history.

    ``features``/``labels`` may hold NaN where ``invalid_cells`` keeps the text a user typed
    that is not (yet) a valid value, so a half-edited table survives a save.
    """

    features: np.ndarray
    labels: np.ndarray
    feature_names: tuple[str, ...]
    label_name: str
    config: TrainingConfig = field(default_factory=TrainingConfig)
    threshold: float = 0.5
    model: LogisticModel | None = None
    loss_history: np.ndarray = field(default_factory=lambda: np.empty(0))
    invalid_cells: dict[tuple[int, int], str] = field(default_factory=dict)


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` so that the file is either the old one or the new one.

    The text goes to a temporary file in the same folder, is flushed to disk, then replaces
    the target in one ``os.replace``. A crash at any point leaves the old file intact.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _dumps(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, allow_nan=False, indent=1) + "\n"


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not allowed")


def _load(path: str | os.PathLike[str], expected: str, what: str) -> dict[str, Any]:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise FileFormatError(f"Cannot read {p.name}: {exc.strerror or exc}.") from exc
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_constant=_reject_constant)
    except UnicodeDecodeError as exc:
        raise FileFormatError(f"{p.name} is not a {what} file (it is not text).") from exc
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            f"{p.name} is damaged or not a {what} file: {exc.msg} at line {exc.lineno}."
        ) from exc
    except ValueError as exc:
        raise FileFormatError(f"{p.name} is damaged: {exc}.") from exc
    if not isinstance(data, dict) or "format" not in data:
        raise FileFormatError(f"{p.name} is not a Logistic Regression Studio {what} file.")
    fmt = data["format"]
    if fmt != expected:
        other = {MODEL_FORMAT: "model", PROJECT_FORMAT: "project"}.get(str(fmt))
        hint = f" (it is a {other} file)" if other else ""
        raise FileFormatError(f"{p.name} is not a Logistic Regression Studio {what} file{hint}.")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FileFormatError(f"{p.name} has no valid format version.")
    if version > FILE_VERSION:
        saved_by = data.get("app_version", "a newer version")
        raise FileFormatError(
            f"{p.name} was saved by a newer version, Logistic Regression Studio {saved_by} "
            f"(file format {version}); this version ({__version__}) reads format "
            f"{FILE_VERSION}. Please update the app to open it."
        )
    return data


def save_model(
    path: str | os.PathLike[str],
    model: LogisticModel,
    *,
    label_name: str = "y",
    threshold: float = 0.5,
    config: TrainingConfig | None = None,
) -> None:
    """Save a trained model as JSON (atomically)."""
    doc = {
        "format": MODEL_FORMAT,
        "version": FILE_VERSION,
        "app_version": __version__,
        "model": model.to_dict(),
        "label_name": label_name,
        "threshold": threshold,
        "config": config.to_dict() if config else None,
    }
    write_atomic(path, _dumps(doc))


def load_model(path: str | os.PathLike[str]) -> tuple[LogisticModel, float]:
    """Read a model file; return ``(model, threshold)``. Raises ``FileFormatError``."""
    data = _load(path, MODEL_FORMAT, "model")
    name = Path(path).name
    try:
        model = LogisticModel.from_dict(data["model"])
        threshold = _threshold(data.get("threshold", 0.5))
    except (KeyError, TypeError, ValueError) as exc:
        raise FileFormatError(f"{name} is damaged: {_why(exc)}.") from exc
    return model, threshold


def save_project(path: str | os.PathLike[str], project: Project) -> None:
    """Save a project (data + settings + model + loss history) as JSON, atomically."""
    feats = np.asarray(project.features, dtype=np.float64)
    labels = np.asarray(project.labels, dtype=np.float64)
    # NaN marks a cell whose text is kept in invalid_cells; JSON has no NaN, so write null.
    columns = [_nullable(feats[:, j]) for j in range(feats.shape[1])]
    doc = {
        "format": PROJECT_FORMAT,
        "version": FILE_VERSION,
        "app_version": __version__,
        "data": {
            "feature_names": list(project.feature_names),
            "label_name": project.label_name,
            "columns": columns,
            "labels": _nullable(labels),
            "invalid_cells": [[r, c, t] for (r, c), t in sorted(project.invalid_cells.items())],
        },
        "settings": {**project.config.to_dict(), "threshold": project.threshold},
        "model": project.model.to_dict() if project.model else None,
        "loss_history": [float(v) for v in project.loss_history.tolist()],
    }
    write_atomic(path, _dumps(doc))


def load_project(path: str | os.PathLike[str]) -> Project:
    """Read a project file, validating every part. Raises ``FileFormatError``."""
    data = _load(path, PROJECT_FORMAT, "project")
    name = Path(path).name
    try:
        d = data["data"]
        names = tuple(_str_list(d["feature_names"], "feature_names"))
        label_name = d["label_name"]
        if not isinstance(label_name, str):
            raise ValueError('"label_name" must be text')
        cols = d["columns"]
        if not isinstance(cols, list) or len(cols) != len(names) or not names:
            raise ValueError("one column of values per feature name is expected")
        labels = _float_array(d["labels"], "labels")
        n = labels.shape[0]
        features = np.empty((n, len(names)))
        for j, col in enumerate(cols):
            arr = _float_array(col, f"column {names[j]!r}")
            if arr.shape[0] != n:
                raise ValueError(f"column {names[j]!r} has {arr.shape[0]} values, expected {n}")
            features[:, j] = arr
        invalid: dict[tuple[int, int], str] = {}
        for item in d.get("invalid_cells", []):
            r, c, t = item
            if not (isinstance(r, int) and isinstance(c, int) and isinstance(t, str)):
                raise ValueError("invalid_cells entries must be [row, column, text]")
            if not (0 <= r < n and 0 <= c <= len(names)):
                raise ValueError(f"invalid cell ({r}, {c}) is outside the table")
            invalid[(r, c)] = t
        bad = ~np.isin(labels, (0.0, 1.0)) & ~np.isnan(labels)
        if bad.any():
            raise ValueError(f"row {int(np.flatnonzero(bad)[0]) + 1} has a label other than 0/1")
        settings = dict(data.get("settings") or {})
        threshold = _threshold(settings.pop("threshold", 0.5))
        config = TrainingConfig.from_dict(settings)
        model = LogisticModel.from_dict(data["model"]) if data.get("model") else None
        losses = _float_array(data.get("loss_history", []), "loss_history")
    except (KeyError, TypeError, ValueError, ConfigError) as exc:
        raise FileFormatError(f"{name} is damaged: {_why(exc)}.") from exc
    return Project(
        features=features,
        labels=labels,
        feature_names=names,
        label_name=label_name,
        config=config,
        threshold=threshold,
        model=model,
        loss_history=losses,
        invalid_cells=invalid,
    )


def _why(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"the entry {exc.args[0]!r} is missing"
    return str(exc).rstrip(".")


def _nullable(arr: np.ndarray) -> list[float | None]:
    return [None if math.isnan(v) else v for v in arr.tolist()]


def _float_array(values: object, what: str) -> np.ndarray:
    if not isinstance(values, list):
        raise ValueError(f"{what} must be a list of numbers")
    for v in values:
        if v is not None and (isinstance(v, bool) or not isinstance(v, int | float)):
            raise ValueError(f"{what} holds {v!r}, which is not a number")
    return np.array([np.nan if v is None else v for v in values], dtype=np.float64)


def _str_list(values: object, what: str) -> Sequence[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"{what} must be a list of names")
    return values


def _threshold(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 1:
        raise ValueError("the threshold must be a number strictly between 0 and 1")
    return float(value)
