"""Model and project files: versioned JSON, written atomically, read with validation.

Nothing is ever unpickled: both files are plain JSON with a ``format`` tag and a ``version``.
A newer version than this app knows is refused with a message saying so.
"""

from __future__ import annotations

import contextlib
import errno
import json
import math
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from core import __version__
from core.model import LogisticModel, label_floats
from core.runs import Run
from core.training import MAX_EPOCHS, ConfigError, TrainingConfig

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
    runs: tuple[Run, ...] = ()  # finished runs kept side by side (core.runs.Run)


class NotARegularFileError(OSError):
    """The save target exists but is not a regular file (a folder, a device, a FIFO, a socket).

    ``str()`` and ``strerror`` are one sentence for the user.
    """

    def __init__(self, path: str, what: str) -> None:
        super().__init__(
            errno.EISDIR if what == "a folder" else errno.EINVAL,
            f"{os.path.basename(path) or path} is {what}, not a regular file, so nothing was saved",
        )
        self.filename = path

    def __str__(self) -> str:
        return str(self.strerror)


def _kind_of_file(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _umask() -> int:
    """The process umask, read without changing it where the system allows."""
    with (
        contextlib.suppress(OSError, ValueError),
        open("/proc/self/status", encoding="ascii") as fh,
    ):
        for line in fh:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    # Elsewhere the only way is to set it and put it back (a tiny window, at save time only).
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """Open a text stream whose content replaces ``path`` atomically when the block ends.

    Parameters
    ----------
    path : str or os.PathLike
        The file to write. A symbolic link is followed: its target is replaced and the link
        kept. An existing file keeps its permission bits (and, where allowed, its owner); a new
        file gets ``0o666`` less the umask, as ``open()`` would give it.

    Yields
    ------
    TextIO
        UTF-8, LF line ends. Write everything, then leave the block.

    Raises
    ------
    NotARegularFileError
        If ``path`` (after following links) is a folder, device, FIFO or socket; nothing is
        written.
    OSError
        If the file cannot be written; the old file, if any, is untouched.

    Notes
    -----
    The text goes to a temporary file in the target's folder, is flushed and ``fsync``-ed,
    then renamed over the target with ``os.replace`` and the folder is synced: a crash at any
    point leaves either the old file or the new one, never a mixture. An exception in the
    block leaves the old file and removes the temporary one.
    """
    target = os.path.realpath(os.fspath(path))
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    if st is not None:
        what = _kind_of_file(st.st_mode)
        if what is not None:
            raise NotARegularFileError(os.fspath(path), what)
        mode = stat.S_IMODE(st.st_mode)
    else:
        mode = 0o666 & ~_umask()
    folder = os.path.dirname(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
            fh.flush()
            os.chmod(tmp, mode)
            if (
                st is not None
                and hasattr(os, "chown")
                and (st.st_uid, st.st_gid)
                != (
                    os.getuid(),
                    os.getgid(),
                )
            ):
                with contextlib.suppress(OSError):  # only root may give a file away
                    os.chown(tmp, st.st_uid, st.st_gid)
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(folder)


def _sync_folder(folder: str) -> None:
    # The rename is durable only once the folder is on disk; not every system can open one.
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` so that the file is either the old one or the new one.

    See :func:`atomic_writer` for links, permissions and what is refused.
    """
    with atomic_writer(path) as fh:
        fh.write(text)


def _dumps(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, allow_nan=False, indent=1) + "\n"


MAX_BATCH_SIZE = 2_000_000_000
"""The largest batch size a project may hold (what the window's batch-size box can show)."""

MAX_SEED = 2**63 - 1
_MAX_INT_DIGITS = 40  # a longer whole number in a file is damage, not data
_FLOAT32_MAX = float(np.finfo(np.float32).max)


class _Invalid(ValueError):
    """One reason a file cannot be opened; becomes ``Cannot open NAME: reason.``."""


def _reject_constant(name: str) -> float:
    raise _Invalid(f"it holds {name}, which is not a number JSON allows")


def _parse_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > _MAX_INT_DIGITS:
        raise _Invalid(f"it holds a whole number with {digits} digits")
    return int(text)


def _load(path: str | os.PathLike[str], expected: str, what: str) -> dict[str, Any]:
    p = Path(path)
    opening = f"Cannot open {p.name}"
    try:
        with open(p, "rb") as fh:
            mode = os.fstat(fh.fileno()).st_mode
            kind = _kind_of_file(mode)
            # A pipe is read to its end (``predict <(cat m.json)``); a device may never end.
            if kind is not None and not stat.S_ISFIFO(mode):
                raise FileFormatError(f"{opening}: it is {kind}, not a {what} file.")
            raw = fh.read()
    except OSError as exc:
        raise FileFormatError(f"{opening}: {exc.strerror or exc}.") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileFormatError(f"{opening}: it is not a {what} file (it is not text).") from exc
    try:
        data = json.loads(text, parse_constant=_reject_constant, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            f"{opening}: it is damaged or not a {what} file ({exc.msg} at line {exc.lineno})."
        ) from exc
    except _Invalid as exc:
        raise FileFormatError(f"{opening}: {exc}.") from exc
    except RecursionError as exc:
        raise FileFormatError(
            f"{opening}: it is damaged (its values are nested too deeply)."
        ) from exc
    except ValueError as exc:  # anything else the decoder refuses
        raise FileFormatError(f"{opening}: it is damaged or not a {what} file.") from exc
    if not isinstance(data, dict) or "format" not in data:
        raise FileFormatError(f"{opening}: it is not a Logistic Regression Studio {what} file.")
    fmt = data["format"]
    if fmt != expected:
        other = {MODEL_FORMAT: "model", PROJECT_FORMAT: "project"}.get(
            fmt if isinstance(fmt, str) else ""
        )
        hint = f" (it is a {other} file)" if other else ""
        raise FileFormatError(
            f"{opening}: it is not a Logistic Regression Studio {what} file{hint}."
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FileFormatError(f"{opening}: it has no valid format version.")
    if version > FILE_VERSION:
        saved_by = data.get("app_version")
        by = (
            f"a newer version, Logistic Regression Studio {saved_by},"
            if isinstance(saved_by, str) and _is_text(saved_by) and len(saved_by) <= 40
            else "a newer version of Logistic Regression Studio"
        )
        raise FileFormatError(
            f"{opening}: it was saved by {by} with file format {version}; this version "
            f"({__version__}) reads format {FILE_VERSION}. Please update the app to open it."
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
    """Save a trained model as JSON, atomically (see :func:`atomic_writer`).

    Every number is written as the shortest text that reads back as the same float64.
    """
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
    """Read a model file.

    Parameters
    ----------
    path : str or os.PathLike
        A file written by :func:`save_model`.

    Returns
    -------
    tuple of (LogisticModel, float)
        The model and its saved threshold.

    Raises
    ------
    FileFormatError
        ``Cannot open NAME: reason.`` for any file that is missing, not a regular file, not
        text, not JSON, foreign, too new, or holds any value of the wrong type, size or range
        anywhere (the whole file is checked, the optional ``config`` included).
    """
    data = _load(path, MODEL_FORMAT, "model")
    try:
        model = _model(_required(data, "model", "the model file"), '"model"')
        threshold = _threshold(data.get("threshold", 0.5), '"threshold"')
        if data.get("label_name") is not None:
            _text(data["label_name"], '"label_name"')
        if data.get("config") is not None:
            _settings(data["config"], '"config"', with_threshold=False)
    except _Invalid as exc:
        raise FileFormatError(f"Cannot open {Path(path).name}: {exc}.") from exc
    return model, threshold


def save_project(path: str | os.PathLike[str], project: Project) -> None:
    """Save a project (data + settings + model + loss history) as JSON, atomically.

    Every number is written as the shortest text that reads back as the same float64; a NaN
    cell (one whose text is kept in ``invalid_cells``) is written as ``null``.
    """
    feats = np.asarray(project.features, dtype=np.float64)
    labels = label_floats(project.labels)
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
        "loss_history": [float(v) for v in np.asarray(project.loss_history).tolist()],
        "runs": [run.to_dict() for run in project.runs],
    }
    write_atomic(path, _dumps(doc))


def load_project(path: str | os.PathLike[str]) -> Project:
    """Read a project file, checking the whole file before returning anything.

    Parameters
    ----------
    path : str or os.PathLike
        A file written by :func:`save_project`.

    Returns
    -------
    Project
        A project the window can apply without further checks: ``features`` is a float64
        ``(n, d)`` array with ``d >= 1``, ``labels`` float64 ``(n,)`` holding 0, 1 or NaN;
        a cell is NaN exactly when ``invalid_cells`` holds its text; names are non-empty,
        distinct, without surrounding blanks or line breaks; ``config`` passes
        ``TrainingConfig.validate()`` with ``batch_size <= MAX_BATCH_SIZE``; ``threshold``
        lies strictly between 0 and 1; the model's parameters are finite float32 values;
        the loss history holds finite numbers of at least 0.

    Raises
    ------
    FileFormatError
        ``Cannot open NAME: reason.`` for any file that breaks one of these rules, or is
        missing, not a regular file, not text, not JSON, foreign or too new. Nothing else is
        ever raised for any content.
    """
    data = _load(path, PROJECT_FORMAT, "project")
    try:
        return _project(data)
    except _Invalid as exc:
        raise FileFormatError(f"Cannot open {Path(path).name}: {exc}.") from exc


# ----------------------------------------------------------------------------------------------
# Validation: every helper takes a decoded JSON value and where it is, returns a checked value
# or raises _Invalid naming the field.


def _project(data: dict[str, Any]) -> Project:
    d = _object(_required(data, "data", "the project"), '"data"')
    names = _names(_required(d, "feature_names", '"data"'), '"data.feature_names"')
    if not names:
        raise _Invalid('"data.feature_names" is empty; a table has at least one feature')
    label_name = _name(_required(d, "label_name", '"data"'), '"data.label_name"')
    if label_name in names:
        raise _Invalid(f'the column name "{_clip(label_name)}" is used twice')
    labels = _cells(_required(d, "labels", '"data"'), f'the label column "{_clip(label_name)}"')
    bad_label = ~np.isnan(labels) & (labels != 0.0) & (labels != 1.0)
    if bad_label.any():
        row = int(np.flatnonzero(bad_label)[0])
        raise _Invalid(
            f'row {row + 1} of the label column "{_clip(label_name)}" holds '
            f"{_number_text(float(labels[row]))}; labels are 0 or 1"
        )
    n = labels.shape[0]
    cols = _required(d, "columns", '"data"')
    if not isinstance(cols, list):
        raise _Invalid(f'"data.columns" is {_kind(cols)}, not a list of columns')
    if len(cols) != len(names):
        raise _Invalid(
            f'"data.columns" has {len(cols)} columns but there are {len(names)} feature names'
        )
    features = np.empty((n, len(names)), dtype=np.float64)
    for j, col in enumerate(cols):
        where = f'column "{_clip(names[j])}"'
        values = _cells(col, where)
        if values.shape[0] != n:
            raise _Invalid(f"{where} has {values.shape[0]} values but there are {n} labels")
        features[:, j] = values
    invalid = _invalid_cells(d.get("invalid_cells", []), n, names, label_name)
    # A null cell must carry the text shown in its place, and only a null cell may.
    missing = np.argwhere(np.isnan(np.column_stack([features, labels])))
    for r, c in missing.tolist():
        if (r, c) not in invalid:
            col_name = label_name if c == len(names) else names[c]
            raise _Invalid(
                f'row {r + 1} of column "{_clip(col_name)}" is empty (null) but is not listed '
                f'in "data.invalid_cells"'
            )
    for r, c in invalid:
        value = labels[r] if c == len(names) else features[r, c]
        if not np.isnan(value):
            col_name = label_name if c == len(names) else names[c]
            raise _Invalid(
                f'"data.invalid_cells" lists row {r + 1} of column "{_clip(col_name)}", '
                "which holds a number (only empty cells keep text)"
            )
    settings = data.get("settings")
    if settings is None:
        settings = {}
    config, threshold = _settings(settings, '"settings"', with_threshold=True)
    model_data = data.get("model")
    model = None if model_data is None else _model(model_data, '"model"')
    losses = _losses(data.get("loss_history", []))
    runs = _runs(data.get("runs", []))
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
        runs=runs,
    )


def _required(obj: dict[str, Any], key: str, where: str) -> Any:
    if key not in obj:
        raise _Invalid(f'the entry "{key}" is missing from {where}')
    return obj[key]


def _object(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Invalid(f"{where} is {_kind(value)}, not an object")
    return value


def _kind(value: object) -> str:
    """What a JSON value is, in words (never its content, which may be huge)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _is_text(value: str) -> bool:
    """Whether ``value`` can be written back as UTF-8 (JSON allows lone surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise _Invalid(f"{where} is {_kind(value)}, not text")
    if not _is_text(value) or "\x00" in value:
        raise _Invalid(f"{where} holds characters that are not valid text")
    return value


def _name(value: object, where: str) -> str:
    name = _text(value, where)
    if not name.strip():
        raise _Invalid(f"{where} is an empty column name")
    if name != name.strip() or "\n" in name or "\r" in name:
        raise _Invalid(f"{where} has surrounding blanks or a line break in a column name")
    return name


def _names(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _Invalid(f"{where} is {_kind(value)}, not a list of names")
    names = tuple(_name(v, f"name {i + 1} of {where}") for i, v in enumerate(value))
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise _Invalid(f'the column name "{_clip(name)}" is used twice')
        seen.add(name)
    return names


def _number(value: object, where: str) -> float:
    """A finite float64 from a JSON number (int or float, never true/false)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Invalid(f"{where} is {_kind(value)}, not a number")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise _Invalid(f"{where} is too large for a 64-bit float")
    return number


def _whole(value: object, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Invalid(f"{where} is {_kind(value)}, not a whole number")
    if not low <= value <= high:
        raise _Invalid(f"{where} is {_number_text(value)}, outside {low:,} … {high:,}")
    return value


def _number_text(value: float) -> str:
    """A number for a message: ``2``, ``0.5``, ``1e+300``; never a Python repr."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}" if abs(value) < 10**15 else f"{float(value):.6g}"
    return f"{value:.6g}" if math.isfinite(value) else str(value)


def _cells(value: object, where: str) -> np.ndarray:
    """A column of numbers or nulls (NaN) as float64."""
    if not isinstance(value, list):
        raise _Invalid(f"{where} is {_kind(value)}, not a list of values")
    out = np.empty(len(value), dtype=np.float64)
    for i, v in enumerate(value):
        if v is None:
            out[i] = np.nan
        elif type(v) is float:  # the common case, checked cheaply
            if not math.isfinite(v):
                raise _Invalid(f"row {i + 1} of {where} is too large for a 64-bit float")
            out[i] = v
        else:
            out[i] = _number(v, f"row {i + 1} of {where}")
    return out


def _invalid_cells(
    value: object, n: int, names: tuple[str, ...], label_name: str
) -> dict[tuple[int, int], str]:
    where = '"data.invalid_cells"'
    if not isinstance(value, list):
        raise _Invalid(f"{where} is {_kind(value)}, not a list")
    invalid: dict[tuple[int, int], str] = {}
    for i, item in enumerate(value):
        entry = f"entry {i + 1} of {where}"
        if not isinstance(item, list) or len(item) != 3:
            raise _Invalid(f"{entry} is not a [row, column, text] list")
        r = _whole(item[0], f"the row of {entry}", 0, max(n - 1, 0))
        c = _whole(item[1], f"the column of {entry}", 0, len(names))
        if n == 0:
            raise _Invalid(f"{entry} names a row, but the table has no rows")
        t = _text(item[2], f"the text of {entry}")
        if (r, c) in invalid:
            col_name = label_name if c == len(names) else names[c]
            raise _Invalid(f'{where} lists row {r + 1} of column "{_clip(col_name)}" twice')
        invalid[(r, c)] = t
    return invalid


_OPTIMIZERS = ("sgd", "adam")
_METHODS = ("autograd", "closed-form")


def _settings(value: object, where: str, *, with_threshold: bool) -> tuple[TrainingConfig, float]:
    s = _object(value, where)
    default = TrainingConfig()

    def field(key: str) -> str:
        return f'"{where.strip(chr(34))}.{key}"'

    epochs = _whole(s.get("epochs", default.epochs), field("epochs"), 1, MAX_EPOCHS)
    lr = _number(s.get("learning_rate", default.learning_rate), field("learning_rate"))
    optimizer = s.get("optimizer", default.optimizer)
    if optimizer not in _OPTIMIZERS:
        raise _Invalid(f'{field("optimizer")} must be "sgd" or "adam"')
    wd = _number(s.get("weight_decay", default.weight_decay), field("weight_decay"))
    batch = s.get("batch_size")
    batch_size = None if batch is None else _whole(batch, field("batch_size"), 1, MAX_BATCH_SIZE)
    seed_value = s.get("seed")
    seed = None if seed_value is None else _whole(seed_value, field("seed"), 0, MAX_SEED)
    iw = s.get("init_weights")
    init_weights: tuple[float, ...] | None = None
    if iw is not None:
        if not isinstance(iw, list) or not iw:
            raise _Invalid(f"{field('init_weights')} is {_kind(iw)}, not a list of numbers")
        init_weights = tuple(
            _number(w, f"initial weight {i + 1} in {field('init_weights')}")
            for i, w in enumerate(iw)
        )
    ib = s.get("init_bias")
    init_bias = None if ib is None else _number(ib, field("init_bias"))
    method = s.get("method", default.method)
    if method not in _METHODS:
        raise _Invalid(f'{field("method")} must be "autograd" or "closed-form"')
    config = TrainingConfig(
        epochs=epochs,
        learning_rate=lr,
        optimizer=optimizer,
        weight_decay=wd,
        batch_size=batch_size,
        seed=seed,
        init_weights=init_weights,
        init_bias=init_bias,
        method=method,
    )
    try:
        config.validate()
    except ConfigError as exc:
        raise _Invalid(f"{field(exc.field)}: {str(exc).rstrip('.')}") from exc
    threshold = _threshold(s.get("threshold", 0.5), field("threshold")) if with_threshold else 0.5
    return config, threshold


def _threshold(value: object, where: str) -> float:
    t = _number(value, where)
    if not 0.0 < t < 1.0:
        raise _Invalid(f"{where} is {_number_text(t)}; it must lie strictly between 0 and 1")
    return t


def _model(value: object, where: str) -> LogisticModel:
    m = _object(value, where)
    weights = _required(m, "weights", where)
    if not isinstance(weights, list) or not weights:
        raise _Invalid(f"the weights in {where} are {_kind(weights)}, not a list of numbers")
    params = [_number(w, f"weight {i + 1} in {where}") for i, w in enumerate(weights)]
    params.append(_number(_required(m, "bias", where), f"the bias in {where}"))
    for i, v in enumerate(params):
        # The model computes in float32 (as the seed does); beyond its range it would be inf.
        if abs(v) > _FLOAT32_MAX:
            what = "the bias" if i == len(weights) else f"weight {i + 1}"
            raise _Invalid(
                f"{what} in {where} is {_number_text(v)}, too large for the float32 model "
                "(the limit is about 3.4e38)"
            )
    names_value = m.get("feature_names", [])
    names = _names(names_value, f"the feature names in {where}")
    if names and len(names) != len(weights):
        raise _Invalid(f"{where} has {len(weights)} weights but {len(names)} feature names")
    return LogisticModel(tuple(params[:-1]), params[-1], names)


def _losses(value: object) -> np.ndarray:
    where = '"loss_history"'
    if not isinstance(value, list):
        raise _Invalid(f"{where} is {_kind(value)}, not a list of numbers")
    out = np.empty(len(value), dtype=np.float64)
    for i, v in enumerate(value):
        loss = _number(v, f"epoch {i + 1} of {where}")
        if loss < 0:
            raise _Invalid(f"epoch {i + 1} of {where} is negative; a loss is at least 0")
        out[i] = loss
    return out


def _runs(value: object) -> tuple[Run, ...]:
    if not isinstance(value, list):
        raise _Invalid(f'"runs" is {_kind(value)}, not a list of runs')
    out = []
    for i, item in enumerate(value):
        try:
            out.append(Run.from_dict(item))
        except ValueError as exc:  # Run.from_dict raises only ValueError, naming the field
            raise _Invalid(
                f'run {i + 1} of "runs" cannot be read: {str(exc).rstrip(".")}'
            ) from None
    return tuple(out)


def _nullable(arr: np.ndarray) -> list[float | None]:
    return [None if math.isnan(v) else v for v in arr.tolist()]
