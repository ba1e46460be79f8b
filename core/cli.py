"""The command line: ``train``, ``predict`` and ``fit-exact`` on the same engine as the window.

``train`` prints, for one feature, exactly the seed script's lines. Errors print one line
``error: …`` on stderr and exit with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn, TextIO

import numpy as np

from core.data import DataError, Dataset, read_csv
from core.exact import fit_exact
from core.files import FileFormatError, load_model, save_model
from core.model import LogisticModel
from core.training import (
    FLOAT32_MAX,
    Trainer,
    TrainingConfig,
    TrainingDiverged,
    TrainingError,
)

EXIT_USAGE = 2

SEED_RULE = "=" * 50


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


def _add_train(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("data", metavar="DATA.csv")
    add_train_options(parser)
    parser.add_argument("--log-every", type=_positive_int, default=100)
    parser.add_argument("--predict", type=_float, nargs="+", default=None, metavar="X")
    parser.add_argument("--threshold", type=_threshold, default=0.5)
    parser.add_argument("--save", metavar="MODEL.json", default=None)
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _add_predict(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("model", metavar="MODEL.json")
    parser.add_argument("x", type=_float, nargs="+", metavar="X")
    parser.add_argument("--threshold", type=_threshold, default=None)
    parser.add_argument("--json", action="store_true")


def _add_fit_exact(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("data", metavar="DATA.csv")
    parser.add_argument("--l2-C", dest="l2_C", type=_positive_float, default=None, metavar="C")
    parser.add_argument("--json", action="store_true")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: one sub-parser per entry of :data:`COMMANDS`."""
    parser = _Parser(
        prog="logreg-studio",
        description="Logistic Regression Studio: run with no command to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in COMMANDS:
        command.add_arguments(sub.add_parser(command.name, help=command.help))
    return parser


def command_names() -> tuple[str, ...]:
    """The sub-command names; ``main.py`` runs the command line when its first argument is one."""
    return tuple(command.name for command in COMMANDS)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the CLI; return the exit status."""
    out = out or sys.stdout
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and not args_list[0].startswith("-") and args_list[0] not in command_names():
            raise CliError(
                f'"{args_list[0]}" is neither a command ({", ".join(command_names())}) '
                "nor a file that exists"
            )
        args = build_parser().parse_args(args_list)
        for command in COMMANDS:
            if args.command == command.name:
                return command.run(args, out)
        raise CliError(f"a command is required: {', '.join(command_names())}")
    except CliError as exc:
        return _fail(str(exc))
    except (DataError, FileFormatError, TrainingError) as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted")
    except BrokenPipeError:
        # The reader went away (``… | head``): no traceback, and none at exit either.
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 1


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _train(args: argparse.Namespace, out: TextIO) -> int:
    data = _read(args.data)
    config = config_from_args(args)
    config.validate(data.n_features)
    queries = _rows(args.predict or [], data.n_features)
    trainer = Trainer(data.features, data.labels, config, data.feature_names)
    losses: list[float] = []
    diverged: TrainingDiverged | None = None
    started = time.perf_counter()
    try:
        for loss in trainer.epochs():
            epoch = len(losses)
            losses.append(loss)
            if not args.json and epoch % args.log_every == 0:
                print(f"Epoch {epoch + 1}/{config.epochs} | Loss: {loss:.4f}", file=out)
    except TrainingDiverged as exc:
        diverged = exc
    elapsed = time.perf_counter() - started
    if diverged is not None:
        raise CliError(str(diverged))
    model = trainer.model
    if args.save:
        try:
            save_model(
                args.save,
                model,
                label_name=data.label_name,
                threshold=args.threshold,
                config=config,
            )
        except OSError as exc:
            raise CliError(f"cannot save {args.save}: {exc.strerror or exc}") from exc
    boundary = model.decision_boundary(args.threshold) if data.n_features == 1 else None
    if args.json:
        doc: dict[str, Any] = {
            "epochs": trainer.epochs_done,
            "losses": losses,
            "final_loss": losses[-1] if losses else None,
            "weights": list(model.weights),
            "bias": model.bias,
            "decision_boundary": boundary,
            "predictions": _predictions(model, queries, args.threshold),
            "seed": trainer.seed,
            "seconds": round(elapsed, 4),
        }
        if boundary is not None and not math.isfinite(boundary):
            doc["decision_boundary"] = None
            doc["decision_boundary_reason"] = _BOUNDARY_OVERFLOW
        print(dump_json(doc), file=out)
        return 0
    if queries.size:
        _print_predictions(model, queries, args.threshold, out)
    _print_boundary(model, boundary, args.threshold, out)
    return 0


def _predict(args: argparse.Namespace, out: TextIO) -> int:
    model, saved_threshold = load_model(args.model)
    threshold = args.threshold if args.threshold is not None else saved_threshold
    queries = _rows(args.x, model.n_features)
    if args.json:
        print(dump_json({"predictions": _predictions(model, queries, threshold)}), file=out)
    else:
        _print_predictions(model, queries, threshold, out)
    return 0


def _fit_exact(args: argparse.Namespace, out: TextIO) -> int:
    data = _read(args.data)
    fit = fit_exact(data.features, data.labels, feature_names=data.feature_names, l2_C=args.l2_C)
    if args.json:
        print(dump_json(fit.to_dict()), file=out)
        return 0
    title = "Exact logistic regression (Newton/IRLS, float64)"
    if args.l2_C is not None:
        title += f", L2 penalty C = {args.l2_C:g}"
    print(title, file=out)
    print(f"rows: {data.n_rows}   separation: {fit.separation}", file=out)
    header = (
        f"{'':>14} {'estimate':>11} {'std.err':>10} {'z':>8} {'P>|z|':>8} "
        f"{'[0.025':>10} {'0.975]':>10} {'odds ratio':>11}"
    )
    print(header, file=out)
    for c in fit.coefficients:
        print(
            f"{c.name[:14]:>14} {_num(c.estimate, 11)} {_num(c.std_error, 10)} {_num(c.z, 8, 3)} "
            f"{_num(c.p_value, 8, 3)} {_num(c.ci_low, 10)} {_num(c.ci_high, 10)} "
            f"{_num(c.odds_ratio, 11)}",
            file=out,
        )
    print(f"log-likelihood: {_num(fit.log_likelihood, 0)}", file=out)
    print(fit.message, file=out)
    if fit.finite and data.n_features == 1:
        b = fit.decision_boundary(0.5)
        if b is not None and math.isfinite(b):
            print(f"Decision boundary: {_fixed4(b)} (probability 0.5)", file=out)
    return 0


def _print_predictions(
    model: LogisticModel, rows: np.ndarray, threshold: float, out: TextIO
) -> None:
    probs = model.probability(rows)
    pct = f"{threshold * 100:g}%"
    print(f"\nLet's predict the hours need to score above {pct}\n{SEED_RULE}", file=out)
    for row, p in zip(rows, probs, strict=True):
        if model.n_features == 1:
            x = float(row[0])
            unit = "hour" if x == 1 else "hours"
            lead = f"Prediction after {x:g} {unit} of training"
        else:
            values = ", ".join(f"{n}={v:g}" for n, v in zip(model.feature_names, row, strict=True))
            lead = f"Prediction for {values}"
        if math.isfinite(p):
            print(f"{lead}: {p:.4f} | Above {pct}: {bool(p > threshold)}", file=out)
        else:
            print(f"{lead}: n/a ({_PROBABILITY_OVERFLOW})", file=out)


def _print_boundary(
    model: LogisticModel, boundary: float | None, threshold: float, out: TextIO
) -> None:
    if model.n_features != 1:
        return
    if boundary is not None and not math.isfinite(boundary):
        print(f"Decision boundary: none ({_BOUNDARY_OVERFLOW})", file=out)
    elif boundary is None:
        print(
            "Decision boundary: none (the weight is 0, so the probability never crosses "
            f"{threshold:g})",
            file=out,
        )
    else:
        print(f"Decision boundary: {_fixed4(boundary)} hours (probability {threshold:g})", file=out)


def _predictions(model: LogisticModel, rows: np.ndarray, threshold: float) -> list[dict[str, Any]]:
    if rows.size == 0:
        return []
    probs = model.probability(rows)
    result: list[dict[str, Any]] = []
    for r, p in zip(rows, probs, strict=True):
        item: dict[str, Any] = {
            "x": float(r[0]) if model.n_features == 1 else [float(v) for v in r]
        }
        if math.isfinite(p):
            item.update(probability=float(p), passes=bool(p > threshold))
        else:
            item.update(probability=None, passes=None, reason=_PROBABILITY_OVERFLOW)
        result.append(item)
    return result


_PROBABILITY_OVERFLOW = (
    "w·x + b overflowed the model's float32 arithmetic, so there is no probability"
)
_BOUNDARY_OVERFLOW = "the weight is so small that the boundary is beyond the float64 range"


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


def _fixed4(v: float) -> str:
    """Four decimals as the seed prints them, or 6 significant digits for huge values."""
    return f"{v:.4f}" if abs(v) < 1e9 else f"{v:.6g}"


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


def _version() -> str:
    from core import __version__

    return __version__


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


COMMANDS: list[Command] = [
    Command("train", "train the seed's model on a CSV file", _add_train, _train),
    Command("predict", "probabilities from a saved model", _add_predict, _predict),
    Command("fit-exact", "exact maximum-likelihood fit (Newton/IRLS)", _add_fit_exact, _fit_exact),
]
"""Every sub-command, in the order ``--help`` lists them. Add one by appending a ``Command``."""

# fit-exact (with --firth, --level, --save) and evaluate live in core.cli_stats.
from core.cli_codegen import codegen_commands  # noqa: E402
from core.cli_stats import stats_commands  # noqa: E402

COMMANDS[:] = [c for c in COMMANDS if c.name != "fit-exact"] + stats_commands()
COMMANDS += codegen_commands()
