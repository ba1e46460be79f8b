"""Small modal questions, kept in one place so tests can answer them."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.format import QT_TRANSLATE_NOOP


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


TABLE_KEYS = (
    ("F2", QT_TRANSLATE_NOOP("Shortcuts", "Edit the current cell")),
    ("Insert", QT_TRANSLATE_NOOP("Shortcuts", "Insert a row above the current one")),
    ("Delete", QT_TRANSLATE_NOOP("Shortcuts", "Delete the selected rows")),
    ("Ctrl+C", QT_TRANSLATE_NOOP("Shortcuts", "Copy the selected cells (tab-separated)")),
    ("Ctrl+V", QT_TRANSLATE_NOOP("Shortcuts", "Paste cells from a spreadsheet")),
    ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("Shortcuts", "Move to the next / previous control")),
    (
        "Alt+letter",
        QT_TRANSLATE_NOOP("Shortcuts", "The control or menu whose underlined letter it is"),
    ),
)


def show_shortcuts(parent: QWidget, actions: list[QAction]) -> QDialog:
    """Help → Keyboard shortcuts: every menu action with a shortcut, and the table's keys."""
    tr = QCoreApplication.translate
    dialog = QDialog(parent)
    dialog.setObjectName("shortcutsDialog")
    dialog.setWindowTitle(tr("Shortcuts", "Keyboard shortcuts"))
    table = QTableWidget(dialog)
    table.setObjectName("shortcutsTable")
    table.setAccessibleName(tr("Shortcuts", "Keyboard shortcuts"))
    table.setColumnCount(2)
    table.setHorizontalHeaderLabels([tr("Shortcuts", "Keys"), tr("Shortcuts", "Action")])
    rows = [
        (a.shortcut().toString(QKeySequence.SequenceFormat.NativeText), a.text().replace("&", ""))
        for a in actions
        if not a.shortcut().isEmpty()
    ]
    rows += [(keys, tr("Shortcuts", what)) for keys, what in TABLE_KEYS]
    table.setRowCount(len(rows))
    for i, (keys, what) in enumerate(rows):
        table.setItem(i, 0, QTableWidgetItem(keys))
        table.setItem(i, 1, QTableWidgetItem(what))
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.resizeColumnsToContents()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(520, 480)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def show_about(parent: QWidget) -> QMessageBox:
    """Help → About: what the app is and where it comes from."""
    from core import __version__

    tr = QCoreApplication.translate
    box = QMessageBox(parent)
    box.setObjectName("aboutDialog")
    box.setWindowTitle(tr("MainWindow", "About Logistic Regression Studio"))
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setText(tr("MainWindow", "<h3>Logistic Regression Studio {v}</h3>").format(v=__version__))
    box.setInformativeText(
        tr(
            "MainWindow",
            "Train a PyTorch logistic regression on your own data and see how it learns: "
            "the loss, the fitted curve, the hours needed to pass, and the exact fit beside it.<br><br>"
            "It grows out of a Korean blog post on lecture 06 of “PyTorch Zero To All”, "
            "and gives exactly the post's numbers for the same starting values.",
        )
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
