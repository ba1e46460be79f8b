"""Logistic Regression Studio.

``python main.py`` opens the window (optionally with a project or CSV file to open);
``python main.py train|predict|fit-exact …`` runs the command line on the same engine;
``python main.py --self-test`` checks a build end to end and exits.
"""

from __future__ import annotations

import sys
from pathlib import Path

GUI_OPTIONS = {"--self-test"}


def main(argv: list[str] | None = None) -> int:
    # The training child is started with multiprocessing's "spawn"; in a frozen app the child
    # is this executable again, and freeze_support() turns it into the child at once.
    import multiprocessing

    multiprocessing.freeze_support()
    args = sys.argv[1:] if argv is None else argv
    # The window takes no arguments but a file to open and --self-test; anything else is the
    # command line, whose parser names what is wrong with it.
    if args and args[0] not in GUI_OPTIONS and not Path(args[0]).is_file():
        from core.cli import main as cli_main

        return cli_main(args)
    try:
        from gui.app import run_gui
    except ImportError as exc:  # Qt's system libraries missing: say which, don't just abort
        from gui.crash import explain_qt_start_failure

        print(explain_qt_start_failure(exc), file=sys.stderr)
        return 1
    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
