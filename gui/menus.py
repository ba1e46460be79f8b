"""The window's menus, as tables of actions (see :mod:`gui.actions`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from gui.actions import ActionSpec, add_actions
from gui.i18n import LANGUAGES


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


SK = QKeySequence.StandardKey


def build_menus(w: Any) -> None:
    """File, Edit, Data, Training, View and Help, wired to the window's parts."""
    _file_menu(w)
    _edit_menu(w)
    _data_and_training_menus(w)
    _view_menu(w)
    _help_menu(w)


def _file_menu(w: Any) -> None:
    d = w.documents
    f = w.menuBar().addMenu(tr("&File"))
    add_actions(f, w, [
        ActionSpec("actionNew", tr("&New"), d.new, SK.New),
        ActionSpec("actionOpen", tr("&Open project…"), d.open_interactively, SK.Open),
    ])  # fmt: skip
    d.recent_menu = f.addMenu(tr("Open &recent"))
    d.recent_menu.setObjectName("recentMenu")
    d.rebuild_recent_menu()
    add_actions(f, w, [
        ActionSpec("actionSave", tr("&Save project"), d.save, SK.Save),
        ActionSpec("actionSaveAs", tr("Save project &as…"), d.save_as, SK.SaveAs),
        None,
        ActionSpec("actionImportCsv", tr("&Import CSV…"), d.import_interactively, "Ctrl+I"),
        ActionSpec("actionExportCsv", tr("&Export CSV…"), d.export_csv_interactively, "Ctrl+E"),
        ActionSpec("actionExportModel", tr("Export &model…"), d.export_model_interactively,
                   tip=tr("Save the trained model as JSON for `main.py predict`.")),
        ActionSpec("actionRestoreExample", tr("Restore e&xample data"), d.restore_example),
        ActionSpec("actionExportReport", tr("Export &report…"), w.export_report,
                   tip=tr("Save one HTML file with the data, settings, tables and plots.")),
        None,
        ActionSpec("actionQuit", tr("&Quit"), w.close, SK.Quit),
    ])  # fmt: skip


def _edit_menu(w: Any) -> None:
    dp = w.data_panel
    e = w.menuBar().addMenu(tr("&Edit"))
    undo = w.undo_stack.createUndoAction(w, tr("&Undo"))
    undo.setShortcut(QKeySequence(SK.Undo))
    undo.setObjectName("actionUndo")
    redo = w.undo_stack.createRedoAction(w, tr("&Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(SK.Redo)])
    redo.setObjectName("actionRedo")
    e.addActions([undo, redo])
    add_actions(e, w, [
        None,
        ActionSpec("actionCopy", tr("&Copy"), dp.table.copy_selection),
        ActionSpec("actionPaste", tr("&Paste"), dp.table.paste),
        None,
        ActionSpec("actionInsertRow", tr("&Insert row"), dp.table.insert_row),
        ActionSpec("actionDeleteRows", tr("&Delete rows"), dp.table.delete_rows),
        ActionSpec("actionAddColumn", tr("Add &feature column"), dp.add_column),
        ActionSpec("actionRemoveColumn", tr("Re&move feature column"), dp.remove_column),
        ActionSpec("actionRenameColumn", tr("Re&name column…"), dp.rename_current_column),
    ])  # fmt: skip


def _data_and_training_menus(w: Any) -> None:
    dm = w.menuBar().addMenu(tr("&Data"))
    add_actions(dm, w, [
        ActionSpec("generateDataAction", tr("&Generate data…"),
                   _panel_call(w, "teaching", "show_generate_dialog")),
    ])  # fmt: skip
    t = w.menuBar().addMenu(tr("&Training"))
    add_actions(t, w, [
        ActionSpec("actionTrain", tr("&Train"), w.train, "Ctrl+Return"),
        ActionSpec("actionPause", tr("&Pause / resume"), w.toggle_pause, "F6"),
        ActionSpec("actionStop", tr("&Stop"), w.training.stop, "Esc"),
        ActionSpec("actionReset", tr("&Reset model"), w.reset_model, "Ctrl+R"),
        None,
        ActionSpec("actionPostPreset", tr("Use the post's starting &values"),
                   w.training_panel.apply_post_preset),
        None,
        ActionSpec("showCodeAction", tr("Show the &code…"),
                   _panel_call(w, "teaching", "show_code_dialog")),
    ])  # fmt: skip


def _view_menu(w: Any) -> None:
    w.view_menu = v = w.menuBar().addMenu(tr("&View"))
    log = v.addAction(tr("&Log-scale loss"))
    log.setObjectName("actionLogScale")
    log.setCheckable(True)
    log.setShortcut(QKeySequence("Ctrl+L"))
    add_actions(v, w, [
        ActionSpec("actionExportLoss", tr("&Export loss curve…"),
                   _panel_call(w, "loss_panel", "export_interactively")),
        None,
    ])  # fmt: skip
    _language_menu(w, v)
    w.panels_menu = v.addMenu(tr("&Panels"))
    w.panels_menu.setObjectName("panelsMenu")
    for name, dock in w.docks.items():
        toggle = dock.toggleViewAction()
        toggle.setObjectName(f"actionShow{name.capitalize()}")
        w.panels_menu.addAction(toggle)
    add_actions(v, w, [
        ActionSpec("actionResetLayout", tr("&Reset layout"), w.reset_layout),
        None,
        ActionSpec("actionZoomIn", tr("Zoom &in"), w.zoom_in, "Ctrl+="),
        ActionSpec("actionZoomOut", tr("Zoom &out"), w.zoom_out, "Ctrl+-"),
        ActionSpec("actionZoomReset", tr("&Actual size"), w.zoom_reset, "Ctrl+0"),
    ])  # fmt: skip
    zoom_in = w.findChild(QAction, "actionZoomIn")
    if zoom_in is not None:  # Ctrl++ too, where + needs Shift
        zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence(SK.ZoomIn)])


def wire_panel_menus(w: Any) -> None:
    """Connect the actions that drive the panels the window adds after its first frame."""
    log = w.findChild(QAction, "actionLogScale")
    log.toggled.connect(w.loss_panel.set_log_scale)
    w.loss_panel.logScaleToggled.connect(log.setChecked)


def _panel_call(w: Any, part: str, method: str) -> Callable[[], None]:
    """A slot calling ``w.<part>.<method>()``, once the window has built that part."""

    def call() -> None:
        w.complete()
        getattr(getattr(w, part), method)()

    return call


def _help_menu(w: Any) -> None:
    h = w.menuBar().addMenu(tr("&Help"))
    add_actions(h, w, [
        ActionSpec("actionShortcuts", tr("&Keyboard shortcuts"), w.show_shortcuts,
                   "Ctrl+F1"),
        ActionSpec("actionAbout", tr("&About Logistic Regression Studio"), w.about),
        ActionSpec("actionAboutQt", tr("About &Qt"), w.about_qt),
    ])  # fmt: skip


def _language_menu(w: Any, v: Any) -> None:
    w.language_menu = v.addMenu(tr("&Language"))
    w.language_menu.setObjectName("languageMenu")
    group = QActionGroup(w)
    for code, name in LANGUAGES.items():
        a = w.language_menu.addAction(tr("System") if not code else name)
        a.setObjectName(f"language{code.capitalize() or 'System'}Action")
        a.setCheckable(True)
        a.setData(code)
        group.addAction(a)
        a.triggered.connect(w._on_language_triggered)
