"""The ``export-code`` command: the standalone PyTorch script (or notebook) for a training run.

``export-code DATA.csv [the train options] [--notebook] [-o FILE]`` writes what
:func:`core.codegen.script_for` (or :func:`core.codegen.notebook_for`) gives for the same data
and options as ``train``; run with plain ``python``, the script prints what ``train`` prints.
``core.cli`` registers :func:`codegen_commands`; this module imports ``core.cli`` only inside
functions, so either module may be imported first.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from core.cli_common import Command

__all__ = ["add_export_code_arguments", "codegen_commands", "run_export_code"]


def codegen_commands() -> list[Command]:
    """The ``export-code`` command, for ``core.cli.COMMANDS``."""
    from core.cli_common import Command

    return [
        Command(
            "export-code",
            "write a standalone PyTorch script (or notebook) that reproduces a training run",
            add_export_code_arguments,
            run_export_code,
        )
    ]


def add_export_code_arguments(parser: argparse.ArgumentParser) -> None:
    """``DATA.csv``, the training options of ``train``, ``--notebook`` and ``-o FILE``."""
    from core.cli_common import _float, _positive_int, _threshold, add_train_options

    parser.add_argument("data", metavar="DATA.csv")
    add_train_options(parser)
    parser.add_argument("--log-every", type=_positive_int, default=100)
    parser.add_argument("--predict", type=_float, nargs="+", default=None, metavar="X")
    parser.add_argument("--threshold", type=_threshold, default=0.5)
    parser.add_argument(
        "--notebook", action="store_true", help="write a Jupyter notebook (.ipynb) instead"
    )
    parser.add_argument("-o", "--output", metavar="FILE", default=None, help="default: stdout")


def run_export_code(args: argparse.Namespace, out: TextIO) -> int:
    """Write the script or notebook to ``args.output`` or ``out``; return the exit status."""
    from core.cli_common import CliError, _read, _rows, config_from_args
    from core.codegen import notebook_for, script_for

    data = _read(args.data)
    config = config_from_args(args)
    config.validate(data.n_features)
    queries = _rows(args.predict or [], data.n_features)
    rows = queries.tolist()
    build = notebook_for if args.notebook else script_for
    made = build(
        config,
        data,
        args.data,
        log_every=args.log_every,
        predict=rows,
        threshold=args.threshold,
    )
    text = made if isinstance(made, str) else json.dumps(made, indent=1, ensure_ascii=False) + "\n"
    if args.output is None:
        out.write(text)
        return 0
    tmp = f"{args.output}.tmp{os.getpid()}"
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, args.output)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise CliError(f"cannot write {args.output}: {exc.strerror or exc}") from exc
    return 0
