"""Small modal questions, kept in one place so tests can answer them."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget, name: str) -> Unsaved:
    """Ask whether to save changes to ``name`` before they are lost."""
    tr = QCoreApplication.translate
    box = QMessageBox(parent)
    box.setObjectName("unsavedChangesDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("MainWindow", "Unsaved changes"))
    box.setText(tr("MainWindow", "Save the changes to {name}?").format(name=name))
    box.setInformativeText(tr("MainWindow", "Your changes will be lost if you don't save them."))
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return Unsaved.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL
