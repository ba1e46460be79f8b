"""Projects and files: new, open, save, import and export, recent files, unsaved changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QProgressDialog, QWidget

from core.data import DataError, Dataset, ImportCancelled, example_dataset, read_csv, write_csv
from core.session import Outcome
from gui import dialogs
from gui.i18n import translate_core
from gui.session import SessionState
from gui.settings import Settings
from gui.table_model import TableData
from gui.worker import FunctionWorker, Task, TaskState

if TYPE_CHECKING:  # core.files (json, the runs) loads on the first open or save
    from core.files import Project

PROJECT_SUFFIX = ".lrsproj"


def _read(state: TaskState, path: str) -> Dataset:
    try:
        return read_csv(path, progress=state.progress, cancel=state.cancel)
    except ImportCancelled:
        state.cancel.set()
        raise


class DocumentController(QObject):
    """Everything that reads or writes a file for the session."""

    projectLoaded = Signal(object)  # Project (after the table was replaced)
    importFinished = Signal(str)  # Outcome
    errorRaised = Signal(str, str)  # title, message
    statusMessage = Signal(str, int)

    def __init__(
        self,
        state: SessionState,
        window: QWidget,
        collect: Callable[[], Project],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.window = window
        self._collect = collect
        self._import: Task | None = None
        self._import_path = Path()
        self._import_outcome = Outcome.FAILED
        self._dialog: QProgressDialog | None = None
        self.recent_menu: QMenu | None = None

    # ---- asking ------------------------------------------------------------------------------------
    def confirm_discard(self) -> bool:
        """Ask to save unsaved changes; True when it is fine to go on."""
        if not self.state.modified:
            return True
        answer = dialogs.ask_unsaved(self.window, self.display_name())
        if answer is dialogs.Unsaved.SAVE:
            return self.save()
        return answer is dialogs.Unsaved.DISCARD

    def display_name(self) -> str:
        return self.state.path.name if self.state.path else self.tr("Untitled")

    # ---- new, open, save -------------------------------------------------------------------------
    @Slot()
    def new(self) -> bool:
        if self.state.running or not self.confirm_discard():
            return False
        self.cancel_import()
        self.state.table.load_without_undo(TableData(np.zeros((0, 1)), np.zeros(0), ["x"], "y", {}))
        self.state.reset_model()
        self.state.set_path(None)
        self.state.mark_saved()
        return True

    @Slot()
    def open_interactively(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open project"),
            Settings().last_directory(),
            self.tr(
                "Logistic Regression Studio projects (*{s});;CSV files (*.csv *.tsv *.txt);;All files (*)"
            ).format(s=PROJECT_SUFFIX),
        )
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        """Open a project file, or import a CSV file, by its suffix."""
        p = Path(path)
        if p.suffix.lower() != PROJECT_SUFFIX:
            self.import_csv(path)
            return True
        if self.state.running:
            self.errorRaised.emit(
                self.tr("Cannot open the project"),
                self.tr("Stop training before opening another project."),
            )
            return False
        if not self.confirm_discard():
            return False
        from core.files import FileFormatError, load_project

        try:
            project = load_project(p)
        except FileFormatError as exc:
            self.errorRaised.emit(self.tr("Cannot open the project"), str(exc))
            return False
        self.cancel_import()  # one writer to the table at a time: the project wins
        self.state.table.load_without_undo(
            TableData(
                project.features,
                project.labels,
                list(project.feature_names),
                project.label_name,
                dict(project.invalid_cells),
            )
        )
        self.projectLoaded.emit(project)
        self.state.set_path(p)
        self._remember(p)
        self.state.mark_saved()
        self.statusMessage.emit(self.tr("Opened {name}.").format(name=p.name), 5000)
        return True

    @Slot()
    def save(self) -> bool:
        if self.state.path is None:
            return self.save_as()
        return self.save_to(str(self.state.path))

    @Slot()
    def save_as(self) -> bool:
        start = (
            str(self.state.path)
            if self.state.path
            else str(Path(Settings().last_directory()) / (self.tr("study") + PROJECT_SUFFIX))
        )
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save project"),
            start,
            self.tr("Logistic Regression Studio projects (*{s})").format(s=PROJECT_SUFFIX),
        )
        if not path:
            return False
        if not path.lower().endswith(PROJECT_SUFFIX):
            path += PROJECT_SUFFIX
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        """Save the project to ``path`` (atomically); True on success."""
        from core.files import save_project

        p = Path(path)
        try:
            save_project(p, self._collect())
        except (OSError, ValueError) as exc:
            self.errorRaised.emit(self.tr("Cannot save the project"), f"{p.name}: {exc}")
            return False
        self.state.set_path(p)
        self._remember(p)
        self.state.mark_saved()
        self.statusMessage.emit(self.tr("Saved {name}.").format(name=p.name), 5000)
        return True

    # ---- import ------------------------------------------------------------------------------------
    @Slot()
    def import_interactively(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import CSV"),
            Settings().last_directory(),
            self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)"),
        )
        if path:
            self.import_csv(path)

    @property
    def importing(self) -> bool:
        return self._import is not None

    def import_csv(self, path: str) -> None:
        """Read a CSV in the background; replace the table when it is valid (undoable)."""
        if self._import is not None:
            return
        name = Path(path).name
        worker = FunctionWorker(_read, path)
        worker.returned.connect(self._on_import_returned)
        worker.errored.connect(self._on_import_errored)
        dialog = QProgressDialog(
            self.tr("Reading {name}…").format(name=name), self.tr("Cancel"), 0, 100, self.window
        )
        dialog.setObjectName("importProgress")
        dialog.setWindowTitle(self.tr("Import CSV"))
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        # A direct call, not a queued slot: the worker's thread runs no event loop while reading.
        dialog.canceled.connect(self.cancel_import)
        worker.progressed.connect(self._on_import_progressed)
        self._dialog = dialog
        self._import_path = Path(path)
        self._import_outcome = Outcome.FAILED
        self._import = Task(worker, "csv-import", self)
        self._import.done.connect(self._on_import_done)
        self.statusMessage.emit(self.tr("Importing {name}…").format(name=name), 0)

    @Slot()
    def cancel_import(self) -> None:
        if self._import is not None:
            self._import.cancel()

    @Slot(float)
    def _on_import_progressed(self, fraction: float) -> None:
        if self._dialog is not None:
            self._dialog.setValue(int(fraction * 100))

    @Slot(object)
    def _on_import_returned(self, ds: Dataset) -> None:
        if self._import is not None and self._import.worker.state.cancelled:
            return  # cancelled after reading (another document was opened): nothing changes
        self.state.table.replace_all(TableData.from_dataset(ds), self.tr("Import CSV"))
        self._remember(self._import_path)
        self.statusMessage.emit(
            self.tr("Imported {n} rows from {name}.").format(
                n=f"{ds.n_rows:,}", name=self._import_path.name
            ),
            8000,
        )

    @Slot(object)
    def _on_import_errored(self, exc: Any) -> None:
        message = str(exc) if isinstance(exc, DataError) else f"{type(exc).__name__}: {exc}"
        self.errorRaised.emit(
            self.tr("Import failed: nothing was changed"), translate_core(message)
        )

    @Slot(str)
    def _on_import_done(self, outcome: str) -> None:
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None
        if self._import is not None:
            self._import.deleteLater()
        self._import = None
        if outcome == Outcome.STOPPED:
            self.statusMessage.emit(self.tr("Import cancelled: nothing was changed."), 5000)
        self.importFinished.emit(outcome)

    def stop_and_wait(self) -> None:
        if self._import is not None:
            self._import.cancel_and_wait()

    # ---- export -----------------------------------------------------------------------------------
    @Slot()
    def export_csv_interactively(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export CSV"),
            str(Path(Settings().last_directory()) / "data.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if path:
            self.export_csv_to(path)

    def export_csv_to(self, path: str) -> bool:
        table = self.state.table
        problem = table.first_problem()
        if problem:
            self.errorRaised.emit(self.tr("Cannot export CSV"), problem)
            return False
        snap = table.snapshot()
        try:
            write_csv(
                path,
                Dataset(snap.features, snap.labels, tuple(snap.feature_names), snap.label_name),
            )
        except (OSError, DataError) as exc:
            self.errorRaised.emit(self.tr("Cannot export CSV"), str(exc))
            return False
        self.statusMessage.emit(self.tr("Exported {name}.").format(name=Path(path).name), 5000)
        return True

    @Slot()
    def export_model_interactively(self) -> None:
        model = self.state.model
        if model is None:
            self.errorRaised.emit(self.tr("No model yet"), self.tr("Train the model first."))
            return
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export model"),
            str(Path(Settings().last_directory()) / "model.json"),
            self.tr("Model files (*.json)"),
        )
        if path:
            from core.files import save_model

            try:
                save_model(
                    path,
                    model,
                    label_name=self.state.table.label_name,
                    threshold=self.state.threshold,
                )
            except OSError as exc:
                self.errorRaised.emit(self.tr("Cannot save the model"), str(exc))

    @Slot()
    def restore_example(self) -> None:
        self.state.table.replace_all(
            TableData.from_dataset(example_dataset()), self.tr("Restore example data")
        )

    # ---- recent files ------------------------------------------------------------------------------
    def _remember(self, path: Path) -> None:
        settings = Settings()
        settings.remember_directory(path)
        settings.add_recent(path)
        self.rebuild_recent_menu()

    def rebuild_recent_menu(self) -> None:
        menu = self.recent_menu
        if menu is None:
            return
        menu.clear()
        items = Settings().recent_files()
        for i, item in enumerate(items):
            a = menu.addAction(f"&{i + 1} {Path(item).name}")
            a.setData(item)
            a.setStatusTip(item)
            a.triggered.connect(self._on_recent_triggered)
        menu.setEnabled(bool(items))

    @Slot()
    def _on_recent_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            path = str(action.data())
            if Path(path).exists():
                self.open_path(path)
            else:
                self.errorRaised.emit(
                    self.tr("File not found"), self.tr("{p} no longer exists.").format(p=path)
                )
