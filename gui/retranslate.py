"""Switch the language of a running window without rebuilding it.

Texts computed from the state (status lines, results, notes) are simply computed again by the
panels after a switch. The fixed texts set once when a widget was built (labels, buttons,
menus, tooltips, titles, headers, placeholders, axis labels) are put into the new language
here through the translation catalogue: each remembers its English source the first time it
is switched, so switching back and forth never drifts, even where two English texts share one
translation ("Train" and "training").
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from gui.resources import resource_path

if TYPE_CHECKING:
    import pyqtgraph as pg

KNOWN = ("ko",)  # the languages we ship besides English


@cache
def catalogue(lang: str) -> tuple[tuple[str, str, str], ...]:
    """``(context, English source, translation)`` for every translated message of ``lang``."""
    path = resource_path("translations", f"logreg_studio_{lang}.ts")
    if not path.exists():
        return ()
    out = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.findtext("translation") or ""
            if source and translation:
                out.append((name, source, translation))
    return tuple(out)


@cache
def _forward(lang: str) -> dict[str, str]:
    return {source: translation for _, source, translation in catalogue(lang)}


@cache
def _backward() -> dict[str, tuple[tuple[str, str], ...]]:
    """Any translation → the ``(context, source)`` pairs it translates."""
    out: dict[str, list[tuple[str, str]]] = {}
    for lang in KNOWN:
        for context, source, translation in catalogue(lang):
            out.setdefault(translation, []).append((context, source))
    return {k: tuple(v) for k, v in out.items()}


def _english(text: str, owner: QObject) -> str | None:
    """The English source of ``text`` (itself when English), preferring the owner's context."""
    if text in _forward(KNOWN[0]):
        return text
    candidates = _backward().get(text)
    if not candidates:
        return None
    names: set[str] = set()
    obj: QObject | None = owner
    while obj is not None:
        names.update(cls.__name__ for cls in type(obj).__mro__)
        obj = obj.parent()
    for context, source in candidates:
        if context in names:
            return source
    return candidates[0][1]


class _Switch:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.changed = 0

    def text(
        self, owner: QObject, key: str, get: Callable[[], str], put: Callable[[str], None]
    ) -> None:
        current = get()
        if not current:
            return
        prop = f"_lrs_src_{key}"
        stored = owner.property(prop)
        source = stored if isinstance(stored, str) and stored else _english(current, owner)
        if source is None:
            return
        owner.setProperty(prop, source)
        new = source if self.lang == "en" else _forward(self.lang).get(source, source)
        if new != current:
            put(new)
            self.changed += 1


def retranslate(root: QWidget, lang: str) -> int:
    """Put every fixed text under ``root`` (and its menus) into ``lang``; return how many."""
    s = _Switch(lang)
    for w in [root, *root.findChildren(QWidget)]:
        _widget(s, w)
    for action in root.findChildren(QAction):
        s.text(action, "text", action.text, action.setText)
        s.text(action, "tip", action.toolTip, action.setToolTip)
        s.text(action, "status", action.statusTip, action.setStatusTip)
    pg_module = sys.modules.get("pyqtgraph")  # no plot exists before pyqtgraph is imported
    if pg_module is not None:
        for plot in root.findChildren(pg_module.PlotWidget):
            _plot(s, plot)
    return s.changed


def _widget(s: _Switch, w: QWidget) -> None:
    s.text(w, "tip", w.toolTip, w.setToolTip)
    s.text(w, "name", w.accessibleName, w.setAccessibleName)
    if isinstance(w, QLabel | QAbstractButton):
        s.text(w, "text", w.text, w.setText)
    if isinstance(w, QLineEdit):
        s.text(w, "placeholder", w.placeholderText, w.setPlaceholderText)
    if isinstance(w, QDockWidget) or w.isWindow():
        s.text(w, "title", w.windowTitle, w.setWindowTitle)
    if isinstance(w, QMenu):
        s.text(w, "menu", w.title, w.setTitle)
    if isinstance(w, QGroupBox):
        s.text(w, "group", w.title, w.setTitle)
    if isinstance(w, QAbstractSpinBox):
        s.text(w, "special", w.specialValueText, w.setSpecialValueText)
        if isinstance(w, QSpinBox):
            s.text(w, "suffix", w.suffix, w.setSuffix)
    if isinstance(w, QComboBox):
        for i in range(w.count()):
            s.text(w, f"item{i}", *_item_access(w, i))
    if isinstance(w, QTableWidget):
        for j in range(w.columnCount()):
            item = w.horizontalHeaderItem(j)
            if item is not None:
                s.text(w, f"header{j}", item.text, item.setText)


def _plot(s: _Switch, plot: pg.PlotWidget) -> None:
    item = plot.getPlotItem()
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        s.text(plot, f"axis_{side}", *_axis_access(axis))
    legend = item.legend
    if legend is not None:
        for k, (_, label) in enumerate(legend.items):
            s.text(plot, f"legend{k}", _getter(label), label.setText)


def _item_access(combo: QComboBox, i: int) -> tuple[Callable[[], str], Callable[[str], None]]:
    def get() -> str:
        return combo.itemText(i)

    def put(text: str) -> None:
        combo.setItemText(i, text)

    return get, put


def _axis_access(axis: pg.AxisItem) -> tuple[Callable[[], str], Callable[[str], None]]:
    def get() -> str:
        return str(axis.labelText)

    def put(text: str) -> None:
        axis.setLabel(text, units=axis.labelUnits or None)

    return get, put


def _getter(label: pg.LabelItem) -> Callable[[], str]:
    return lambda: str(label.text)
