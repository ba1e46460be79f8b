"""Menus as tables: each action's text, slot, shortcut, object name and tip in one row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget


@dataclass(frozen=True)
class ActionSpec:
    """One menu entry (``None`` in a list of specs is a separator)."""

    name: str
    text: str
    slot: Callable[[], object]
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str = ""


def make_action(parent: QWidget, spec: ActionSpec) -> QAction:
    a = QAction(spec.text, parent)
    a.setObjectName(spec.name)
    if spec.shortcut is not None:
        a.setShortcut(QKeySequence(spec.shortcut))
    if spec.tip:
        a.setStatusTip(spec.tip)
        a.setToolTip(spec.tip)
    a.triggered.connect(spec.slot)
    return a


def add_actions(menu: QMenu, parent: QWidget, specs: Sequence[ActionSpec | None]) -> None:
    """Append the specs' actions (and separators) to ``menu``."""
    for spec in specs:
        if spec is None:
            menu.addSeparator()
        else:
            menu.addAction(make_action(parent, spec))
