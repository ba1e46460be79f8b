"""The command line: ``train``, ``predict`` and ``fit-exact`` on the same engine as the window.

``train`` prints, for one feature, exactly the seed script's lines. Errors print one line
``error: …`` on stderr and exit with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import sys
import time
from collections.abc import Sequence
from typing import Any, TextIO

import numpy as np

from core.cli_codegen import codegen_commands
from core.cli_common import (
    CliError,
    Command,
    _float,
    _Parser,
    _positive_int,
    _read,
    _rows,
    _threshold,
    add_train_options,
    config_from_args,
    dump_json,
)
from core.cli_stats import stats_commands
from core.data import DataError
from core.files import FileFormatError, load_model, save_model
from core.model import LogisticModel
from core.training import (
    Trainer,
    TrainingDiverged,
    TrainingError,
)

EXIT_USAGE = 2

SEED_RULE = "=" * 50


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


def _fixed4(v: float) -> str:
    """Four decimals as the seed prints them, or 6 significant digits for huge values."""
    return f"{v:.4f}" if abs(v) < 1e9 else f"{v:.6g}"


def _version() -> str:
    from core import __version__

    return __version__


COMMANDS: list[Command] = [
    Command("train", "train the seed's model on a CSV file", _add_train, _train),
    Command("predict", "probabilities from a saved model", _add_predict, _predict),
    *stats_commands(),  # fit-exact (with --firth, --level, --save) and evaluate
    *codegen_commands(),  # export-code
]
"""Every sub-command, in the order ``--help`` lists them. Add one by appending a ``Command``."""
