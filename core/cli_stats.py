"""The statistics commands of the command line: ``fit-exact`` (with ``--firth``) and ``evaluate``.

``core.cli`` registers :func:`stats_commands`; this module imports ``core.cli`` only inside
functions, so either module may be imported first.

- ``fit-exact DATA.csv [--l2-C C | --firth] [--level 0.95] [--save MODEL.json] [--json]``: the
  maximum-likelihood (or L2, or Firth) fit with its coefficient table, odds-ratio intervals and
  model-fit statistics (:mod:`core.fitstats`); ``--firth`` gives profile penalised-likelihood
  intervals and penalised likelihood-ratio p-values (:mod:`core.firth`).
- ``evaluate MODEL.json DATA.csv [--threshold T] [--json]``: confusion matrix, rates, log-loss,
  Brier score, ROC curve with AUC and its DeLong interval (:mod:`core.metrics`).
"""

from __future__ import annotations

import argparse
import math
from typing import TYPE_CHECKING, Any, TextIO

import numpy as np

if TYPE_CHECKING:
    from core.cli_common import Command
    from core.data import Dataset

__all__ = ["run_evaluate", "run_fit_exact", "stats_commands"]


def stats_commands() -> list[Command]:
    """The ``fit-exact`` and ``evaluate`` commands, for ``core.cli.COMMANDS``."""
    from core.cli_common import Command

    return [
        Command(
            "fit-exact",
            "exact maximum-likelihood (or Firth) fit with statistics",
            add_fit_exact_arguments,
            run_fit_exact,
        ),
        Command(
            "evaluate",
            "metrics, ROC and AUC of a saved model on a CSV file",
            add_evaluate_arguments,
            run_evaluate,
        ),
    ]


def add_fit_exact_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``fit-exact``."""
    from core.cli_common import _positive_float

    parser.add_argument("data", metavar="DATA.csv")
    method = parser.add_mutually_exclusive_group()
    method.add_argument("--l2-C", dest="l2_C", type=_positive_float, default=None, metavar="C")
    method.add_argument(
        "--firth", action="store_true", help="Firth's penalised likelihood (as R's logistf)"
    )
    parser.add_argument(
        "--level", type=_level, default=0.95, help="confidence level (default 0.95)"
    )
    parser.add_argument("--save", metavar="MODEL.json", default=None)
    parser.add_argument("--json", action="store_true")


def add_evaluate_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``evaluate``."""
    from core.cli_common import _threshold

    parser.add_argument("model", metavar="MODEL.json")
    parser.add_argument("data", metavar="DATA.csv")
    parser.add_argument("--threshold", type=_threshold, default=None)
    parser.add_argument("--json", action="store_true")


def run_fit_exact(args: argparse.Namespace, out: TextIO) -> int:
    """``fit-exact``: fit, print the table and statistics (or JSON), optionally save."""
    from core.cli_common import _read, dump_json

    data = _read(args.data)
    if args.firth:
        return _run_firth(args, data, out)
    from core.exact import _json_float, fit_exact
    from core.fitstats import fit_statistics

    fit = fit_exact(data.features, data.labels, feature_names=data.feature_names, l2_C=args.l2_C)
    stats = fit_statistics(fit, data.features, data.labels, level=args.level)
    if args.save:
        _save(args.save, fit.weights, fit.bias, fit.finite, data)
    if args.json:
        doc: dict[str, Any] = fit.to_dict()
        doc["method"] = "maximum-likelihood" if args.l2_C is None else "l2"
        doc["ci_method"] = "wald"
        doc.update(stats.to_dict())
        # The coefficient intervals at the requested level (the fit's own are 95%).
        for row, ci in zip(doc["coefficients"], stats.coefficients, strict=True):
            row["ci_low"] = _json_float(ci.ci_low)
            row["ci_high"] = _json_float(ci.ci_high)
            row["odds_ratio_ci_low"] = _json_float(ci.odds_ratio_ci_low)
            row["odds_ratio_ci_high"] = _json_float(ci.odds_ratio_ci_high)
        print(dump_json(doc), file=out)
        return 0
    title = "Exact logistic regression (Newton/IRLS, float64)"
    if args.l2_C is not None:
        title += f", L2 penalty C = {args.l2_C:g}"
    print(title, file=out)
    print(f"rows: {data.n_rows}   separation: {fit.separation}", file=out)
    print(_table_header("z", "P>|z|", args.level), file=out)
    for c, s in zip(fit.coefficients, stats.coefficients, strict=True):
        print(
            f"{c.name[:14]:>14} {_n(c.estimate, 11)} {_n(c.std_error, 10)} {_n(c.z, 8, 3)} "
            f"{_n(c.p_value, 8, 3)} {_n(s.ci_low, 10)} {_n(s.ci_high, 10)} "
            f"{_n(c.odds_ratio, 11)} {_n(s.odds_ratio_ci_low, 12)} {_n(s.odds_ratio_ci_high, 12)}",
            file=out,
        )
    print(f"log-likelihood: {_n(fit.log_likelihood, 0)}", file=out)
    print(fit.message, file=out)
    print(
        f"n: {stats.n}   events: {stats.events}   null log-likelihood: "
        f"{_n(stats.null_log_likelihood, 0)}",
        file=out,
    )
    print(
        f"deviance: {_n(stats.deviance, 0)}   null deviance: {_n(stats.null_deviance, 0)}   "
        f"LR chi2({stats.lr_df}): {_n(stats.lr_chi2, 0)}   p: {_p(stats.lr_p_value)}",
        file=out,
    )
    print(f"AIC: {_n(stats.aic, 0)}   BIC: {_n(stats.bic, 0)}", file=out)
    print(
        f"R²: McFadden {_n(stats.mcfadden_r2, 0)}   Cox–Snell {_n(stats.cox_snell_r2, 0)}   "
        f"Nagelkerke {_n(stats.nagelkerke_r2, 0)}   Tjur {_n(stats.tjur_r2, 0)}",
        file=out,
    )
    _print_boundary(fit.finite, data.n_features, fit.decision_boundary, out)
    return 0


def _run_firth(args: argparse.Namespace, data: Dataset, out: TextIO) -> int:
    from core.cli_common import CliError, dump_json
    from core.firth import fit_firth

    try:
        fit = fit_firth(
            data.features, data.labels, feature_names=data.feature_names, level=args.level
        )
    except ValueError as exc:
        raise CliError(str(exc).rstrip(".")) from exc
    if args.save:
        _save(args.save, fit.weights, fit.bias, fit.finite, data)
    if args.json:
        print(dump_json(fit.to_dict()), file=out)
        return 0
    print("Firth's penalised-likelihood logistic regression (as R's logistf)", file=out)
    print(f"rows: {data.n_rows}   events: {fit.events}   separation: {fit.separation}", file=out)
    print(_table_header("chi2", "p", args.level), file=out)
    for c in fit.coefficients:
        print(
            f"{c.name[:14]:>14} {_n(c.estimate, 11)} {_n(c.std_error, 10)} {_n(c.chi2, 8, 3)} "
            f"{_n(c.p_value, 8, 3)} {_n(c.ci_low, 10)} {_n(c.ci_high, 10)} "
            f"{_n(c.odds_ratio, 11)} {_n(c.odds_ratio_ci_low, 12)} {_n(c.odds_ratio_ci_high, 12)}",
            file=out,
        )
    print(
        "Intervals: profile penalised likelihood; p-values: penalised likelihood-ratio tests.",
        file=out,
    )
    print(
        f"penalised log-likelihood: {_n(fit.penalized_log_likelihood, 0)}   "
        f"LR chi2({fit.lr_df}): {_n(fit.lr_chi2, 0)}   p: {_p(fit.lr_p_value)}",
        file=out,
    )
    print(fit.message, file=out)
    _print_boundary(fit.finite, data.n_features, fit.decision_boundary, out)
    return 0


def run_evaluate(args: argparse.Namespace, out: TextIO) -> int:
    """``evaluate``: metrics of a saved model on a data file."""
    from core.cli_common import CliError, _read, dump_json
    from core.files import load_model
    from core.metrics import evaluate

    model, saved_threshold = load_model(args.model)
    threshold = args.threshold if args.threshold is not None else saved_threshold
    data = _read(args.data)
    if data.n_features != model.n_features:
        raise CliError(
            f"the model has {model.n_features} feature(s) but {args.data} has "
            f"{data.n_features} feature column(s)"
        )
    if not model.finite:
        raise CliError(f"the model in {args.model} has non-finite parameters")
    probs = np.empty(data.n_rows)
    step = 1 << 16
    for lo in range(0, data.n_rows, step):
        probs[lo : lo + step] = model.probability_fast(data.features[lo : lo + step])
    ev = evaluate(probs, data.labels, threshold)
    if args.json:
        print(dump_json(ev.to_dict()), file=out)
        return 0
    c = ev.confusion
    print(
        f"Evaluation of {args.model} on {data.n_rows} rows (positive: p > {threshold:g})", file=out
    )
    print(f"{'':>12} {'predicted 1':>12} {'predicted 0':>12}", file=out)
    print(f"{'actual 1':>12} {c.tp:>12} {c.fn:>12}", file=out)
    print(f"{'actual 0':>12} {c.fp:>12} {c.tn:>12}", file=out)
    for label, key, value in (
        ("accuracy", "accuracy", ev.accuracy),
        ("precision", "precision", ev.precision),
        ("recall", "recall", ev.recall),
        ("specificity", "specificity", ev.specificity),
        ("F1", "f1", ev.f1),
        ("balanced accuracy", "balanced_accuracy", ev.balanced_accuracy),
    ):
        text = f"{value:.4f}" if value is not None else f"— ({ev.reasons[key]})"
        print(f"{label}: {text}", file=out)
    print(f"log-loss: {ev.log_loss:.4f}   Brier: {ev.brier:.4f}", file=out)
    roc = ev.roc
    if roc.auc is None:
        print(f"AUC: — ({roc.reason})", file=out)
    else:
        ci = (
            f" (95% DeLong interval {roc.auc_ci_low:.4f} to {roc.auc_ci_high:.4f})"
            if roc.auc_ci_low is not None and roc.auc_ci_high is not None
            else f" ({roc.reason})"
        )
        print(f"AUC: {roc.auc:.4f}{ci}", file=out)
        if roc.youden_threshold is not None and math.isfinite(roc.youden_threshold):
            print(
                f"Youden-optimal threshold: {roc.youden_threshold:.4f} "
                f"(sensitivity + specificity - 1 = {roc.youden_index:.4f})",
                file=out,
            )
    return 0


def _save(path: str, weights: np.ndarray, bias: float, finite: bool, data: Dataset) -> None:
    from core.cli_common import CliError
    from core.files import save_model
    from core.model import LogisticModel

    if not finite:
        raise CliError(f"there is no finite fit to save to {path}")
    model = LogisticModel(tuple(float(w) for w in weights), float(bias), tuple(data.feature_names))
    try:
        save_model(path, model, label_name=data.label_name, threshold=0.5)
    except OSError as exc:
        raise CliError(f"cannot save {path}: {exc.strerror or exc}") from exc


def _print_boundary(finite: bool, d: int, boundary: Any, out: TextIO) -> None:
    if finite and d == 1:
        b = boundary(0.5)
        if b is not None and math.isfinite(b):
            text = f"{b:.4f}" if abs(b) < 1e9 else f"{b:.6g}"  # no 300-digit numbers
            print(f"Decision boundary: {text} (probability 0.5)", file=out)


def _interval_labels(level: float) -> tuple[str, str]:
    tail = (1.0 - level) / 2.0
    return f"[{tail:.3g}", f"{1.0 - tail:.3g}]"


def _level(text: str) -> float:
    from core.cli_common import _float

    value = _float(text)
    if not 0.0 < value < 1.0:
        raise argparse.ArgumentTypeError(f'"{text}" must be strictly between 0 and 1')
    return value


def _n(v: float, width: int, digits: int = 4) -> str:
    if math.isnan(v):
        text = "n/a"
    elif math.isinf(v):
        text = "inf" if v > 0 else "-inf"
    else:
        text = f"{v:.{digits}f}"
    return f"{text:>{width}}" if width else text


def _p(v: float) -> str:
    if math.isnan(v):
        return "n/a"
    return "< 1e-16" if v < 1e-16 else f"{v:.4g}"


def _table_header(statistic: str, p_value: str, level: float) -> str:
    """The coefficient table's header line, with the interval ends' quantile labels."""
    lo_label, hi_label = _interval_labels(level)
    return (
        f"{'':>14} {'estimate':>11} {'std.err':>10} {statistic:>8} {p_value:>8} "
        f"{lo_label:>10} {hi_label:>10} {'odds ratio':>11} {'OR ' + lo_label:>12} "
        f"{'OR ' + hi_label:>12}"
    )
