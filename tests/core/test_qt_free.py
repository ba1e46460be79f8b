"""core never imports Qt, pyqtgraph or gui, and loading it does not import torch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_core_imports_without_qt_and_without_torch() -> None:
    code = (
        "import sys, builtins\n"
        "real = builtins.__import__\n"
        "def guard(name, *a, **k):\n"
        "    if name.split('.')[0] in {'PySide6', 'shiboken6', 'pyqtgraph', 'gui'}:\n"
        "        raise ImportError('core imported ' + name)\n"
        "    return real(name, *a, **k)\n"
        "builtins.__import__ = guard\n"
        "import core, core.data, core.model, core.training, core.exact, core.files, core.cli\n"
        "assert 'torch' not in sys.modules, 'core imports torch eagerly'\n"
        "print('ok')\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "ok"


def test_core_sources_never_name_qt() -> None:
    for path in (ROOT / "core").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for bad in ("import PySide6", "from PySide6", "import pyqtgraph", "from gui", "import gui"):
            assert bad not in text, f"{path.name} contains {bad!r}"
