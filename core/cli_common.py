"""What every sub-command shares: the parser, the command record, number types, strict JSON.

``core.cli`` assembles the commands; ``core.cli_stats`` and ``core.cli_codegen`` add theirs.
All import this module and none imports ``core.cli``, so the modules form no cycle.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn, TextIO

import numpy as np

from core.data import Dataset, read_csv
from core.training import FLOAT32_MAX, TrainingConfig


class CliError(Exception):
    """A user error: printed as ``error: <message>`` with exit status 2."""


# argparse takes "-1e-3" for an option (its own pattern knows only -1 and -1.5), so that
# ``--init-bias -1e-3`` and ``predict m.json -2e-1`` failed; every parser here uses this one.
_NEGATIVE_NUMBER = re.compile(
    r"^-(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)$", re.IGNORECASE
)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._negative_number_matcher = _NEGATIVE_NUMBER

    def error(self, message: str) -> NoReturn:
        # argparse prints the usage block too; the contract is one line, so only the reason.
        raise CliError(message)


@dataclass(frozen=True)
class Command:
    """One sub-command: its name, one line of help, its arguments and what runs it.

    ``add_arguments(parser)`` adds the command's arguments to its (already created) parser;
    ``run(args, out)`` does the work, prints to ``out`` and returns the exit status. It may
    raise ``CliError``, ``DataError``, ``FileFormatError`` or ``TrainingError``: ``main``
    prints those as ``error: …`` and exits with status 2.
    """

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, TextIO], int]


def add_train_options(parser: argparse.ArgumentParser) -> None:
    """Add the training settings (``--epochs`` … ``--method``) to ``parser``.

    Read them back with :func:`config_from_args`. ``train`` uses them, and so can any command
    that needs a training configuration.
    """
    parser.add_argument("--epochs", type=_positive_int, default=1000)
    parser.add_argument("--lr", type=_float, default=0.01, help="learning rate (default 0.01)")
    parser.add_argument("--optimizer", choices=("sgd", "adam"), default="sgd")
    parser.add_argument("--weight-decay", type=_float, default=0.0)
    parser.add_argument("--batch-size", type=_positive_int, default=None)
    parser.add_argument("--seed", type=_nonneg_int, default=None)
    parser.add_argument("--init-weight", type=_float, nargs="+", default=None, metavar="W")
    parser.add_argument("--init-bias", type=_float, default=None, metavar="B")
    parser.add_argument("--method", choices=("autograd", "closed-form"), default="autograd")


def config_from_args(args: argparse.Namespace) -> TrainingConfig:
    """The ``TrainingConfig`` given by the options :func:`add_train_options` added."""
    return TrainingConfig(
        epochs=args.epochs,
        learning_rate=args.lr,
        optimizer=args.optimizer,
        weight_decay=args.weight_decay,
        batch_size=args.batch_size,
        seed=args.seed,
        init_weights=tuple(args.init_weight) if args.init_weight else None,
        init_bias=args.init_bias,
        method=args.method,
    )


def dump_json(doc: object) -> str:
    """``doc`` as one line of strict JSON: never ``NaN`` or ``Infinity``, which JSON has not.

    Every command prints its JSON through this, so that ``--json`` output is always valid JSON
    (Python's ``json`` would otherwise write ``NaN``). Callers turn non-finite numbers into
    ``null`` with a reason first.
    """
    try:
        return json.dumps(doc, allow_nan=False, ensure_ascii=False)
    except ValueError:  # a non-finite number no caller expected: null rather than a crash
        return json.dumps(_nulls_for_non_finite(doc), allow_nan=False, ensure_ascii=False)


def _nulls_for_non_finite(value: object) -> object:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _nulls_for_non_finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_nulls_for_non_finite(v) for v in value]
    return value


def _rows(values: Sequence[float], d: int) -> np.ndarray:
    if len(values) % d:
        raise CliError(
            f"the model has {d} features, so give prediction values in groups of {d} "
            f"({len(values)} given)"
        )
    for v in values:
        if abs(v) > FLOAT32_MAX:
            raise CliError(
                f"the prediction value {v:g} is too large for the model, which computes in "
                "float32 as PyTorch does (the limit is about 3.4e38)"
            )
    return np.asarray(values, dtype=np.float64).reshape(-1, d)


def _read(path: str) -> Dataset:
    return read_csv(path)


def _num(v: float, width: int, digits: int = 4) -> str:
    text = "n/a" if math.isnan(v) else f"{v:.{digits}f}"
    return f"{text:>{width}}" if width else text


def _float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is not a number') from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f'"{text}" is not a finite number')
    return value


def _positive_float(text: str) -> float:
    value = _float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f'"{text}" must be above 0')
    return value


def _int_at_least(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``minimum``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f'"{text}" is not a whole number') from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f'"{text}" must be at least {minimum}')
        return value

    return parse


_positive_int = _int_at_least(1)


_nonneg_int = _int_at_least(0)


def _threshold(text: str) -> float:
    value = _float(text)
    if not 0 < value < 1:
        raise argparse.ArgumentTypeError(f'"{text}" must be strictly between 0 and 1')
    return value
