"""Test set-up shared by every test: Qt offscreen before anything loads it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LOGREG_STUDIO_NO_CRASH_DIALOG"] = "1"
os.environ["LOGREG_STUDIO_NO_WARMUP"] = "1"

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
