"""The user's settings: typed, validated reads over one table of defaults, and recent files.

A stored value of the wrong type or range (a hand-edited file, another version's) never stops
the app from starting: it reads as its default.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8

# key → default. The training panel's fields add their own keys (see TrainingPanel.FIELDS).
DEFAULTS: dict[str, object] = {
    "prediction/threshold": "0.5",
    "view/logScale": False,
    "lastDirectory": str(Path.home()),
    "recentFiles": [],
}


class Settings:
    """Typed access to QSettings; each read falls back to the default when invalid."""

    def __init__(self) -> None:
        self._s = QSettings()

    def raw(self, key: str) -> object:
        return self._s.value(key)

    def text(self, key: str, default: str | None = None, max_len: int = 10_000) -> str:
        d = str(DEFAULTS.get(key, "")) if default is None else default
        v = self._s.value(key)
        if isinstance(v, str | int | float) and not isinstance(v, bool):
            t = str(v)
            return t if len(t) <= max_len else d
        return d

    def integer(self, key: str, default: int, lo: int, hi: int) -> int:
        v = self._s.value(key)
        try:
            n = int(str(v)) if v is not None else default
        except ValueError:
            return default
        return n if lo <= n <= hi else default

    def number(self, key: str, default: float, lo: float, hi: float) -> float:
        v = self._s.value(key)
        try:
            x = float(str(v)) if v is not None else default
        except ValueError:
            return default
        return x if math.isfinite(x) and lo <= x <= hi else default

    def boolean(self, key: str, default: bool | None = None) -> bool:
        d = bool(DEFAULTS.get(key, False)) if default is None else default
        v = self._s.value(key)
        if isinstance(v, bool):
            return v
        if isinstance(v, str) and v.lower() in ("true", "false"):
            return v.lower() == "true"
        return d

    def blob(self, key: str) -> QByteArray | None:
        v = self._s.value(key)
        if isinstance(v, QByteArray):
            return v
        if isinstance(v, bytes):
            return QByteArray(v)
        return None

    def set(self, key: str, value: object) -> None:
        self._s.setValue(key, value)

    def sync(self) -> None:
        self._s.sync()

    # ---- folders and recent files -----------------------------------------------------------
    def last_directory(self) -> str:
        d = self.text("lastDirectory")
        return d if Path(d).is_dir() else str(Path.home())

    def remember_directory(self, path: Path) -> None:
        self.set("lastDirectory", str(path.parent))

    def recent_files(self) -> list[str]:
        v = self._s.value("recentFiles", [])
        if isinstance(v, str):
            return [v]
        if isinstance(v, list | tuple):
            return [str(x) for x in v if isinstance(x, str)][:MAX_RECENT]
        return []

    def add_recent(self, path: Path) -> list[str]:
        p = str(path.resolve())
        items = [p] + [r for r in self.recent_files() if r != p]
        self.set("recentFiles", items[:MAX_RECENT])
        return items[:MAX_RECENT]
