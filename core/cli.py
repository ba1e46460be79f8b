"""The command line: ``train``, ``predict`` and ``fit-exact`` on the same engine as the window.

``train`` prints, for one feature, exactly the seed script's lines. Errors print one line
``error: …`` on stderr and exit with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TextIO

import numpy as np

from core.data import DataError, Dataset, read_csv
from core.exact import fit_exact
from core.files import FileFormatError, load_model, save_model
from core.model import LogisticModel
from core.training import Trainer, TrainingConfig, TrainingDiverged, TrainingError

EXIT_USAGE = 2

SEED_RULE = "=" * 50


class CliError(Exception):
    """A user error: printed as ``error: <message>`` with exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse prints the usage block too; the contract is one line, so only the reason.
        raise CliError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="logreg-studio",
        description="Logistic Regression Studio: run with no command to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    train = sub.add_parser("train", help="train the seed's model on a CSV file")
    train.add_argument("data", metavar="DATA.csv")
    train.add_argument("--epochs", type=_positive_int, default=1000)
    train.add_argument("--lr", type=_float, default=0.01, help="learning rate (default 0.01)")
    train.add_argument("--optimizer", choices=("sgd", "adam"), default="sgd")
    train.add_argument("--weight-decay", type=_float, default=0.0)
    train.add_argument("--batch-size", type=_positive_int, default=None)
    train.add_argument("--seed", type=_nonneg_int, default=None)
    train.add_argument("--init-weight", type=_float, nargs="+", default=None, metavar="W")
    train.add_argument("--init-bias", type=_float, default=None, metavar="B")
    train.add_argument("--method", choices=("autograd", "closed-form"), default="autograd")
    train.add_argument("--log-every", type=_positive_int, default=100)
    train.add_argument("--predict", type=_float, nargs="+", default=None, metavar="X")
    train.add_argument("--threshold", type=_threshold, default=0.5)
    train.add_argument("--save", metavar="MODEL.json", default=None)
    train.add_argument("--json", action="store_true", help="print one JSON object")

    predict = sub.add_parser("predict", help="probabilities from a saved model")
    predict.add_argument("model", metavar="MODEL.json")
    predict.add_argument("x", type=_float, nargs="+", metavar="X")
    predict.add_argument("--threshold", type=_threshold, default=None)
    predict.add_argument("--json", action="store_true")

    exact = sub.add_parser("fit-exact", help="exact maximum-likelihood fit (Newton/IRLS)")
    exact.add_argument("data", metavar="DATA.csv")
    exact.add_argument("--l2-C", dest="l2_C", type=_positive_float, default=None, metavar="C")
    exact.add_argument("--json", action="store_true")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the CLI; return the exit status."""
    out = out or sys.stdout
    try:
        args = build_parser().parse_args(argv)
        if args.command == "train":
            return _train(args, out)
        if args.command == "predict":
            return _predict(args, out)
        if args.command == "fit-exact":
            return _fit_exact(args, out)
        raise CliError("a command is required: train, predict or fit-exact")
    except CliError as exc:
        return _fail(str(exc))
    except (DataError, FileFormatError, TrainingError) as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted")


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _train(args: argparse.Namespace, out: TextIO) -> int:
    data = _read(args.data)
    config = TrainingConfig(
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
        print(json.dumps(doc, allow_nan=False), file=out)
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
        print(json.dumps({"predictions": _predictions(model, queries, threshold)}), file=out)
    else:
        _print_predictions(model, queries, threshold, out)
    return 0


def _fit_exact(args: argparse.Namespace, out: TextIO) -> int:
    data = _read(args.data)
    fit = fit_exact(data.features, data.labels, feature_names=data.feature_names, l2_C=args.l2_C)
    if args.json:
        print(json.dumps(fit.to_dict(), allow_nan=False), file=out)
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
        if b is not None:
            print(f"Decision boundary: {b:.4f} (probability 0.5)", file=out)
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
        print(f"{lead}: {p:.4f} | Above {pct}: {bool(p > threshold)}", file=out)


def _print_boundary(
    model: LogisticModel, boundary: float | None, threshold: float, out: TextIO
) -> None:
    if model.n_features != 1:
        return
    if boundary is None:
        print(
            "Decision boundary: none (the weight is 0, so the probability never crosses "
            f"{threshold:g})",
            file=out,
        )
    else:
        print(f"Decision boundary: {boundary:.4f} hours (probability {threshold:g})", file=out)


def _predictions(model: LogisticModel, rows: np.ndarray, threshold: float) -> list[dict[str, Any]]:
    if rows.size == 0:
        return []
    probs = model.probability(rows)
    return [
        {
            "x": float(r[0]) if model.n_features == 1 else [float(v) for v in r],
            "probability": float(p),
            "passes": bool(p > threshold),
        }
        for r, p in zip(rows, probs, strict=True)
    ]


def _rows(values: Sequence[float], d: int) -> np.ndarray:
    if len(values) % d:
        raise CliError(
            f"the model has {d} features, so give prediction values in groups of {d} "
            f"({len(values)} given)"
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
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    return value


def _positive_float(text: str) -> float:
    value = _float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be above 0")
    return value


def _int_at_least(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``minimum``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{text!r} must be at least {minimum}")
        return value

    return parse


_positive_int = _int_at_least(1)
_nonneg_int = _int_at_least(0)


def _threshold(text: str) -> float:
    value = _float(text)
    if not 0 < value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be strictly between 0 and 1")
    return value
