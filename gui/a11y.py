"""Accessibility plumbing that widgets cannot do for themselves.

A spin box's inner line edit and a plot's viewport take the keyboard focus, so a screen reader
announces them, but they have no names of their own: they borrow their owner's.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QWidget


def name_inner_widgets(root: QWidget) -> None:
    """Give focusable inner widgets (spin-box editors, plot viewports) their owner's name."""
    for spin in root.findChildren(QAbstractSpinBox):
        edit = spin.lineEdit()
        if edit is not None and not edit.accessibleName():
            edit.setAccessibleName(spin.accessibleName() or spin.toolTip() or spin.objectName())
    for area in root.findChildren(QAbstractScrollArea):
        view = area.viewport()
        if view is not None and not view.accessibleName():
            name = area.accessibleName() or area.toolTip() or area.objectName()
            view.setAccessibleName(name)
            view.setAccessibleDescription(area.accessibleDescription())
