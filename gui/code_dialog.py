"""Show the code: the standalone PyTorch script behind the current run, and proof that it works.

The script is :func:`core.codegen.script_for`'s. **Verify** runs it with this Python in a
separate process (``QProcess``, from a temporary folder) while a background task computes what
``main.py train`` prints for the same data and options; the dialog then says whether every line
is equal, and whether the script's final parameters equal the app's run when one with that seed
exists. Nothing here blocks the GUI thread.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QProcess, QRegularExpression, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.codegen import TEXTS, notebook_for, script_for
from core.data import Dataset, write_csv
from core.training import TrainingConfig
from gui import style
from gui.i18n import current_language
from gui.worker import FunctionWorker, Task, TaskState

PARAMS_MARK = "LRS-PARAMS"
_PARAMS_LINE = (
    f"\nprint({PARAMS_MARK!r}, repr(model.linear.weight.flatten().tolist()), "
    "repr(model.linear.bias.item()))\n"
)
KEYWORDS = [
    "False",
    "None",
    "True",
    "and",
    "as",
    "assert",
    "break",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "try",
    "while",
    "with",
    "yield",
]


class PythonHighlighter(QSyntaxHighlighter):
    """Keywords, strings, comments and numbers, in the plot palette's colours."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)

        def fmt(col: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
            f = QTextCharFormat()
            f.setForeground(QColor(col))
            if bold:
                f.setFontWeight(QFont.Weight.Bold)
            f.setFontItalic(italic)
            return f

        self._rules = [
            (
                QRegularExpression(r"\b(" + "|".join(KEYWORDS) + r")\b"),
                fmt(style.PALETTE[0], bold=True),
            ),
            (QRegularExpression(r"\b[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?\b"), fmt(style.PALETTE[3])),
            (QRegularExpression(r"\"[^\"\\n]*\"|'[^'\\n]*'"), fmt(style.PALETTE[2])),
            (QRegularExpression(r"#[^\n]*"), fmt("#777777", italic=True)),
        ]
        self._string = fmt(style.PALETTE[2])
        self._triple = QRegularExpression('"""')

    def highlightBlock(self, text: str) -> None:
        for rx, f in self._rules:
            it = rx.globalMatch(text)
            while it.hasNext():
                m = it.next()
                self.setFormat(m.capturedStart(), m.capturedLength(), f)
        # Docstrings span lines: block state 1 means "inside a triple-quoted string".
        self.setCurrentBlockState(0)
        start = 0 if self.previousBlockState() == 1 else -1
        pos = 0
        while True:
            if start < 0:
                m = self._triple.match(text, pos)
                if not m.hasMatch():
                    break
                start, pos = m.capturedStart(), m.capturedEnd()
            m = self._triple.match(text, pos)
            if not m.hasMatch():
                self.setFormat(start, len(text) - start, self._string)
                self.setCurrentBlockState(1)
                break
            self.setFormat(start, m.capturedEnd() - start, self._string)
            start, pos = -1, m.capturedEnd()


def cli_arguments(
    config: TrainingConfig, seed: int, predict: Sequence[Sequence[float]] | None, threshold: float
) -> list[str]:
    """``main.py train`` options for these settings (what the script's header names)."""
    args = ["--epochs", str(config.epochs), "--lr", repr(config.learning_rate)]
    args += ["--optimizer", config.optimizer, "--weight-decay", repr(config.weight_decay)]
    if config.batch_size is not None:
        args += ["--batch-size", str(config.batch_size)]
    args += ["--seed", str(seed)]
    if config.init_weights is not None:
        args += ["--init-weight", *(repr(float(w)) for w in config.init_weights)]
    if config.init_bias is not None:
        args += ["--init-bias", repr(float(config.init_bias))]
    if predict:
        args += ["--predict", *(repr(float(v)) for row in predict for v in row)]
    args += ["--threshold", repr(threshold)]
    return args


def expected_output(state: TaskState, dataset: Dataset, folder: str, args: list[str]) -> str:
    """What ``main.py train`` prints for the data (written to CSV in ``folder``) and options."""
    from core.cli import main as cli_main

    csv = Path(folder) / "data.csv"
    write_csv(csv, dataset)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        status = cli_main(["train", str(csv), *args], out=out)
    if status != 0:
        raise RuntimeError(err.getvalue().strip() or f"main.py train ended with status {status}")
    return out.getvalue()


def compare(
    script_out: str,
    cli_out: str,
    app_losses: np.ndarray | None,
    app_params: Sequence[float] | None,
) -> tuple[bool, str]:
    """Whether the script's output equals ``main.py train``'s (and the app's run); a sentence."""
    head, _, params_text = script_out.partition(PARAMS_MARK)
    lines = [ln for ln in head.splitlines() if ln.strip()]
    want = [ln for ln in cli_out.splitlines() if ln.strip()]
    for k, (a, b) in enumerate(zip(lines, want, strict=False)):
        if a != b:
            return False, _tr(
                "Line {k} differs: the script printed “{a}”, main.py train “{b}”."
            ).format(k=k + 1, a=a, b=b)
    if len(lines) != len(want):
        return False, _tr("The script printed {n} lines, main.py train {m}.").format(
            n=len(lines), m=len(want)
        )
    epochs = [ln for ln in lines if ln.startswith("Epoch ")]
    text = _tr(
        "Match: the script printed the same {n} lines as main.py train ({e} Epoch lines)"
    ).format(n=len(lines), e=len(epochs))
    if app_losses is not None:
        for ln in epochs:
            k = int(ln.split()[1].split("/")[0])
            if k > len(app_losses) or f"{app_losses[k - 1]:.4f}" != ln.rsplit(" ", 1)[1]:
                return False, _tr("The script's “{line}” differs from the app's run.").format(
                    line=ln
                )
        text += _tr(" and the app's own run")
    if app_params is not None and params_text.strip():
        w_text, b_text = params_text.strip().rsplit(" ", 1)
        got = [*json.loads(w_text), float(b_text)]
        want_p = [float(v) for v in app_params]
        if np.array_equal(np.asarray(got, np.float32), np.asarray(want_p, np.float32)):
            text += _tr("; its final parameters equal the app's bit for bit")
        elif np.allclose(got, want_p, rtol=1e-5, atol=1e-7):
            text += _tr("; its final parameters agree with the app's to within 1e-5")
        else:
            return False, _tr("The script ended at {got}, the app at {want}.").format(
                got=got, want=want_p
            )
    return True, text + "."


def _tr(text: str) -> str:
    return QCoreApplication.translate("CodeDialog", text)


class CodeDialog(QDialog):
    """``codeDialog``: the script, Copy, Save as .py/.ipynb, and ``verifyCodeButton``."""

    verifyFinished = Signal(bool, str)  # matched, the sentence shown

    def __init__(
        self,
        config: TrainingConfig,
        dataset: Dataset,
        *,
        seed: int | None,
        predict: Sequence[Sequence[float]] | None,
        threshold: float,
        app_losses: np.ndarray | None = None,
        app_params: Sequence[float] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("codeDialog")
        self.setWindowTitle(self.tr("The code behind this run"))
        self.resize(860, 680)
        self._config, self._dataset = config, dataset
        self._predict = [list(r) for r in predict] if predict else None
        self._threshold = threshold
        self._app_losses, self._app_params = app_losses, app_params
        lang = current_language()
        self.source = script_for(
            config,
            dataset,
            seed=seed,
            predict=self._predict,
            threshold=threshold,
            language=lang if lang in TEXTS else "en",
        )
        # script_for draws a seed when none is known; read it back so Verify uses the same one.
        self._seed = seed if seed is not None else config.seed
        if self._seed is None:
            for line in self.source.splitlines():
                if line.startswith("SEED = "):
                    self._seed = int(line.split("=")[1])
                    break
        intro = QLabel(
            self.tr(
                "A standalone PyTorch script that reproduces this run exactly: run it with "
                "<code>python</code> (only PyTorch needed) from any folder."
            )
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(self.source)
        self.text.setObjectName("codeText")
        self.text.setAccessibleName(self.tr("The script"))
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.highlighter = PythonHighlighter(self.text.document())
        self.verify_label = QLabel(
            self.tr("Verify runs the script and compares its output with the app's.")
        )
        self.verify_label.setObjectName("verifyResult")
        self.verify_label.setWordWrap(True)
        self.verify_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        self.copy_button = self._button("copyCodeButton", self.tr("&Copy"), self.copy)
        self.save_button = self._button(
            "saveCodeButton", self.tr("Save as .&py…"), self.save_py_interactively
        )
        self.notebook_button = self._button(
            "saveNotebookButton", self.tr("Save as &notebook…"), self.save_notebook_interactively
        )
        self.verify_button = self._button("verifyCodeButton", self.tr("&Verify"), self.verify)
        self.verify_button.setToolTip(
            self.tr(
                "Run the script in a separate process and check that it prints what the app computes."
            )
        )
        close = self._button("closeCodeButton", self.tr("Close"), self.close)
        for b in (self.copy_button, self.save_button, self.notebook_button, self.verify_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.verify_label)
        layout.addLayout(buttons)
        self._process: QProcess | None = None
        self._task: Task | None = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._script_out: str | None = None
        self._cli_out: str | None = None
        self._failed = False

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.setAccessibleName(text.replace("&", ""))
        b.clicked.connect(slot)
        return b

    # ---- copy and save ------------------------------------------------------------------------
    @Slot()
    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.source)
        self.verify_label.setText(self.tr("The script is on the clipboard."))

    def save_py(self, path: str) -> None:
        Path(path).write_text(self.source, encoding="utf-8")

    def save_notebook(self, path: str) -> None:
        nb = notebook_for(
            self._config,
            self._dataset,
            seed=self._seed,
            predict=self._predict,
            threshold=self._threshold,
        )
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(nb, fh, indent=1, ensure_ascii=False)
            fh.write("\n")

    @Slot()
    def save_py_interactively(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the script"), "train.py", self.tr("Python (*.py)")
        )
        if path:
            self._save(self.save_py, path)

    @Slot()
    def save_notebook_interactively(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save as a notebook"),
            "train.ipynb",
            self.tr("Jupyter notebook (*.ipynb)"),
        )
        if path:
            self._save(self.save_notebook, path)

    def _save(self, fn: object, path: str) -> None:
        try:
            fn(path)  # type: ignore[operator]
        except OSError as exc:
            self.verify_label.setText(
                self.tr("Cannot save {path}: {why}").format(path=path, why=exc.strerror or exc)
            )
            style.set_state(self.verify_label, "error")
            return
        style.set_state(self.verify_label, None)
        self.verify_label.setText(self.tr("Saved {path}.").format(path=path))

    # ---- verify -------------------------------------------------------------------------------
    def verifying(self) -> bool:
        return self._process is not None or self._task is not None

    @Slot()
    def verify(self) -> None:
        if self.verifying():
            return
        assert self._seed is not None
        self._folder = tempfile.TemporaryDirectory(prefix="lrs-verify-")
        folder = self._folder.name
        (Path(folder) / "script.py").write_text(self.source + _PARAMS_LINE, encoding="utf-8")
        self._script_out = self._cli_out = None
        self._failed = False
        self.verify_button.setEnabled(False)
        style.set_state(self.verify_label, None)
        self.verify_label.setText(self.tr("Running the script in a separate process…"))
        proc = QProcess(self)
        proc.setWorkingDirectory(folder)
        proc.setProgram(sys.executable)
        proc.setArguments(["script.py"])
        proc.finished.connect(self._on_process_finished)
        proc.errorOccurred.connect(self._on_process_error)
        self._process = proc
        proc.start()
        args = cli_arguments(self._config, self._seed, self._predict, self._threshold)
        worker = FunctionWorker(expected_output, self._dataset, folder, args)
        worker.returned.connect(self._on_expected_returned)
        worker.errored.connect(self._on_expected_errored)
        self._task = Task(worker, "verify-code", self)
        self._task.done.connect(self._on_task_done)

    @Slot(int, QProcess.ExitStatus)
    def _on_process_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        proc = self._process
        if proc is None:
            return
        out = bytes(proc.readAllStandardOutput().data()).decode("utf-8", "replace")
        err = bytes(proc.readAllStandardError().data()).decode("utf-8", "replace")
        self._process = None
        proc.deleteLater()
        if code != 0 or status != QProcess.ExitStatus.NormalExit:
            last = err.strip().splitlines()[-1] if err.strip() else self.tr("no message")
            self._finish(
                False,
                self.tr("The script failed (exit status {code}): {why}").format(
                    code=code, why=last
                ),
            )
            return
        self._script_out = out
        self._maybe_compare()

    @Slot(QProcess.ProcessError)
    def _on_process_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._process is not None:
            self._process.deleteLater()
            self._process = None
            self._finish(
                False,
                self.tr("The script could not be started with {py}.").format(py=sys.executable),
            )

    @Slot(object)
    def _on_expected_returned(self, text: str) -> None:
        self._cli_out = text
        self._maybe_compare()

    @Slot(object)
    def _on_expected_errored(self, exc: Exception) -> None:
        self._finish(
            False, self.tr("main.py train could not run these settings: {why}").format(why=exc)
        )

    @Slot(str)
    def _on_task_done(self, outcome: str) -> None:
        if self._task is not None:
            self._task.deleteLater()
        self._task = None
        self._maybe_compare()

    def _maybe_compare(self) -> None:
        if self._failed or self._script_out is None or self._cli_out is None:
            return
        if self._process is not None or self._task is not None:
            return
        ok, text = compare(self._script_out, self._cli_out, self._app_losses, self._app_params)
        self._finish(ok, text)

    def _finish(self, ok: bool, text: str) -> None:
        if self._failed:
            return
        if not ok:
            self._failed = True
        self.verify_label.setText(("✔ " if ok else "✘ ") + text)
        style.set_state(self.verify_label, None if ok else "error")
        if self._process is None and self._task is None:
            self.verify_button.setEnabled(True)
            if self._folder is not None:
                self._folder.cleanup()
                self._folder = None
        elif not ok:
            self.verify_button.setEnabled(True)
        self.verifyFinished.emit(ok, text)

    def stop_and_wait(self) -> None:
        """Closing: the script's process ends and the background task is joined."""
        if self._process is not None:
            self._process.kill()
            self._process.waitForFinished(5000)
            self._process = None
        if self._task is not None:
            self._task.cancel_and_wait()
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def done(self, result: int) -> None:
        self.stop_and_wait()
        super().done(result)

    def closeEvent(self, event: object) -> None:
        self.stop_and_wait()
        super().closeEvent(event)  # type: ignore[arg-type]
