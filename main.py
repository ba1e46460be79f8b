"""Logistic Regression Studio.

``python main.py`` opens the window (optionally with a project or CSV file to open);
``python main.py COMMAND …`` (``train``, ``predict``, ``fit-exact``, …) runs the command line on
the same engine, whatever files exist in the current folder;
``python main.py --self-test`` checks a build end to end and exits.
"""

from __future__ import annotations

import sys
from pathlib import Path

GUI_OPTIONS = {"--self-test", "--lang"}


def main(argv: list[str] | None = None) -> int:
    # The training child is started with multiprocessing's "spawn"; in a frozen app the child
    # is this executable again, and freeze_support() turns it into the child at once. From
    # source it does nothing, so the window's start does not import multiprocessing for it.
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    args = sys.argv[1:] if argv is None else argv
    if _wants_cli(args):
        from core.cli import main as cli_main

        return cli_main(args)
    try:
        from gui.app import run_gui
    except ImportError as exc:  # Qt's system libraries missing: say which, don't just abort
        from gui.crash import explain_qt_start_failure

        print(explain_qt_start_failure(exc), file=sys.stderr)
        return 1
    return run_gui(args)


def _wants_cli(args: list[str]) -> bool:
    """Whether ``args`` are for the command line rather than the window.

    A command name is always a command, whatever files exist in the current folder (open a
    file called ``train`` as ``./train``). The window takes nothing, ``--self-test``, or an
    existing file to open; anything else goes to the command line, whose parser names what is
    wrong with it.
    """
    if not args:
        return False
    from core.cli import command_names  # numpy only: torch and Qt stay unloaded

    first = args[0]
    if first in command_names():
        return True
    if first in GUI_OPTIONS:
        return False
    return not Path(first).is_file()


if __name__ == "__main__":
    sys.exit(main())
