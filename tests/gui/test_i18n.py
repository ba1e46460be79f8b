"""The Korean translation: the whole window speaks Korean, Hangul renders, the .qm is current."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QAction, QColor, QImage, QTextLayout
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from core.data import DataError, parse_csv_text
from core.training import ConfigError, TrainingConfig
from gui.i18n import (
    CORE_MESSAGES,
    LANGUAGES,
    current_language,
    hangul_family,
    install_language,
    translate_core,
)
from gui.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = resource_path("translations")
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
# Names and abbreviations that stay as they are in Korean (and single symbols such as z, p).
ALLOWED = {
    "Logistic Regression Studio", "Logistic", "Regression", "Studio", "SGD", "Adam", "CSV",
    "TSV", "PyTorch", "AUC", "ROC", "Firth", "DeLong", "Youden", "McFadden", "Wald", "AIC",
    "BIC", "F1", "BCE", "L2", "PNG", "SVG", "HTML", "JSON", "Markdown", "Qt", "Nagelkerke",
    "Cox", "Snell", "Tjur", "R²", "LR", "Ctrl", "Shift", "Alt", "Esc", "Enter", "Tab", "Del",
    "Delete", "Insert", "F2", "F6", "F10", "Backspace",
}  # fmt: skip


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[QApplication]:
    """Korean installed for the test, English again afterwards (other tests expect it)."""
    assert install_language(qapp, "ko") == "ko"
    yield qapp
    install_language(qapp, "en")


def needs_korean(text: str) -> bool:
    """Whether ``text`` is interface prose that ought to be Korean."""
    text = text.replace("&", "").strip()
    if not text or HANGUL.search(text):
        return False
    words = re.findall(r"[^\W\d_]+[\w²]*", text)
    return any(len(w) > 1 and w not in ALLOWED for w in words)


def is_korean(text: str) -> bool:
    return bool(HANGUL.search(text))


def model_headers(model: QAbstractItemModel) -> list[str]:
    out = []
    for orientation, count in (
        (Qt.Orientation.Horizontal, model.columnCount()),
        (Qt.Orientation.Vertical, min(model.rowCount(), 0)),  # row numbers: not prose
    ):
        for i in range(count):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(i, orientation, role)
                if isinstance(value, str):
                    out.append(value)
    return out


def menu_strings(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield f"{where} menu title", menu.title()
    for action in menu.actions():
        yield from action_strings(action, f"{where} > {action.text()}")


def action_strings(action: QAction, where: str) -> Iterator[tuple[str, str]]:
    if action.isSeparator():
        return
    yield f"{where} (text)", action.text()
    if action.toolTip() and action.toolTip().replace("&", "") != action.text().replace("&", ""):
        yield f"{where} (tooltip)", action.toolTip()
    yield f"{where} (status tip)", action.statusTip()
    if action.menu() is not None:
        yield from menu_strings(action.menu(), where)


def widget_strings(w: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for the strings one widget shows or speaks."""
    name = w.objectName() or type(w).__name__
    yield f"{name} tooltip", w.toolTip()
    yield f"{name} accessible name", w.accessibleName()
    yield f"{name} accessible description", w.accessibleDescription()
    if isinstance(w, QLabel):
        yield f"{name} text", re.sub(r"<[^>]+>", " ", w.text())
    if isinstance(w, QAbstractButton):
        yield f"{name} text", w.text()
    if isinstance(w, QLineEdit):
        yield f"{name} placeholder", w.placeholderText()
    if isinstance(w, QGroupBox):
        yield f"{name} title", w.title()
    if isinstance(w, QDockWidget):
        yield f"{name} dock title", w.windowTitle()
    if isinstance(w, QTabWidget):
        for i in range(w.count()):
            yield f"{name} tab {i}", w.tabText(i)
            yield f"{name} tab {i} tooltip", w.tabToolTip(i)
    if isinstance(w, QComboBox):
        for i in range(w.count()):
            yield f"{name} item {i}", w.itemText(i)
    if isinstance(w, QAbstractItemView) and w.model() is not None:
        for header in model_headers(w.model()):
            yield f"{name} header", header
    if isinstance(w, QMenu):
        yield from menu_strings(w, name)
    for action in w.actions():
        yield from action_strings(action, f"{name} action {action.text()}")


def interface_strings(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every visible-interface string under ``window``."""
    found: list[tuple[str, str]] = [("window title", window.windowTitle())]
    for w in [window, *window.findChildren(QWidget)]:
        found.extend(widget_strings(w))
    for plot_name in ("lossPlot", "curvePlot"):
        plot = window.findChild(QWidget, plot_name)
        item = getattr(plot, "getPlotItem", lambda: None)()
        if item is None:
            continue
        found.append((f"{plot_name} title", re.sub(r"<[^>]+>", " ", item.titleLabel.text)))
        for side in ("left", "bottom"):
            found.append((f"{plot_name} {side} axis", item.getAxis(side).labelText))
    return [(where, text) for where, text in found if text and text.strip()]


def test_the_window_is_korean(qtbot, korean: QApplication, answers) -> None:  # type: ignore[no-untyped-def]
    from gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    try:
        strings = interface_strings(w)
        unique = {text for _, text in strings}
        prose = {t for t in unique if is_korean(t) or needs_korean(t)}
        english = sorted({(where, t) for where, t in strings if needs_korean(t)})
        share = sum(is_korean(t) for t in prose) / len(prose)
        print(f"\n{len(prose)} distinct interface strings, {share:.1%} Korean; not Korean:")
        for where, text in english:
            print(f"  {where}: {text!r}")
        assert len(prose) > 150, "the walk found too few strings to judge"
        assert share >= 0.95
        # the example data's columns, as the post's readers know them
        assert "공부 시간" in unique and "합격" in unique
    finally:
        w.close()


def test_menus_keep_their_mnemonic_letters(korean: QApplication) -> None:
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("MainWindow", "&File") == "파일(&F)"
    assert QCoreApplication.translate("TrainingPanel", "Initial &weight(s)").endswith("(&W)")


def test_standard_dialog_buttons_are_korean(korean: QApplication) -> None:
    from PySide6.QtCore import QCoreApplication

    # Qt's own catalogue (qtbase_ko.qm) is installed beside ours
    assert is_korean(QCoreApplication.translate("QPlatformTheme", "Cancel"))


def test_switching_back_to_english(qapp: QApplication) -> None:
    from PySide6.QtCore import QCoreApplication

    try:
        assert install_language(qapp, "ko") == "ko"
        assert current_language() == "ko"
        assert install_language(qapp, "en") == "en"
        assert current_language() == "en"
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
        assert install_language(qapp, "fr") == "en"  # not shipped: English
        assert install_language(qapp, "ko_KR") == "ko"
        assert install_language(qapp, None) in LANGUAGES  # the system's
    finally:
        install_language(qapp, "en")


def test_hangul_renders_with_no_missing_glyph(qtbot, korean: QApplication) -> None:  # type: ignore[no-untyped-def]
    text = "공부 시간 합격 학습률"
    label = QLabel(text)
    qtbot.addWidget(label)
    label.adjustSize()
    image = QImage(label.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    label.render(image)
    dark = sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if QColor(image.pixel(x, y)).lightness() < 128
    )
    assert dark > 50, "nothing was drawn"

    layout = QTextLayout(text, label.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    drawn = []
    for run in layout.glyphRuns():
        raw = run.rawFont()
        assert 0 not in run.glyphIndexes(), f"{raw.familyName()} lacks a glyph in {text!r}"
        drawn.append(raw)
    assert drawn
    for ch in text.replace(" ", ""):
        assert any(raw.supportsCharacter(ord(ch)) for raw in drawn), f"no font draws {ch!r}"
    assert hangul_family() is not None


def core_messages() -> list[str]:
    """Real messages from core (the config checks and common CSV errors)."""
    messages = []
    for config in (
        TrainingConfig(epochs=0),
        TrainingConfig(learning_rate=0.0),
        TrainingConfig(weight_decay=-1.0),
        TrainingConfig(batch_size=0),
        TrainingConfig(seed=-1),
        TrainingConfig(init_weights=(1.0, 2.0)),
        TrainingConfig(init_bias=float("inf")),
        TrainingConfig(optimizer="adam", method="closed-form"),
    ):
        with pytest.raises(ConfigError) as err:
            config.validate(n_features=1)
        messages.append(str(err.value))
    for text in (
        "hours,passed\n1,0\nabc,1\n",
        "hours,passed\n1,0\n,1\n",
        "hours,passed\n1,0\n2,maybe\n",
        "hours,passed\n1,0\n2,1,3\n",
        "hours,passed\n",
        "hours,passed\n1,0\nnan,1\n",
        "hours;passed\n1,5;0\n",
    ):
        with pytest.raises(DataError) as err:
            parse_csv_text(text)
        messages.append(str(err.value))
    return messages


def test_core_messages_are_translated(korean: QApplication) -> None:
    for message in core_messages():
        translated = translate_core(message)
        assert is_korean(translated), f"not translated: {message!r}"
    assert translate_core("Something core never says.") == "Something core never says."


def test_core_message_parts_are_kept(korean: QApplication) -> None:
    message = 'Line 3, column "hours": "abc" is not a number.'
    assert translate_core(message) == '3번째 줄, "hours" 열: "abc"은(는) 숫자가 아닙니다.'
    install_language(QApplication.instance(), "en")  # type: ignore[arg-type]
    assert translate_core(message) == message


def test_every_core_template_has_korean(korean: QApplication) -> None:
    from PySide6.QtCore import QCoreApplication

    for template in CORE_MESSAGES:
        assert is_korean(QCoreApplication.translate("CoreMessages", template)), template


def load_update_ts():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(TRANSLATIONS))
    try:
        import update_ts

        return update_ts
    finally:
        sys.path.remove(str(TRANSLATIONS))


def test_ts_has_every_string_translated() -> None:
    """Every tr() string of gui/ is in the .ts with sound Korean (else run packaging/translations.sh)."""
    tool = load_update_ts()
    extracted = set(tool.extract(tool.source_files(ROOT), ROOT).messages)
    ts = TRANSLATIONS / "logreg_studio_ko.ts"
    translated = tool.read_ts(ts)
    missing = sorted(extracted - set(translated))
    assert not missing, f"run bash packaging/translations.sh; not in the .ts: {missing[:10]}"
    broken = [(k, p) for k, text in translated.items() for p in tool.problems(k.source, text)]
    assert not broken


def test_qm_is_built_from_the_current_ts(tmp_path: Path) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed beside this Python")
    fresh = tmp_path / "fresh.qm"
    ts = TRANSLATIONS / "logreg_studio_ko.ts"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(fresh)], check=True)
    shipped = TRANSLATIONS / "logreg_studio_ko.qm"
    assert shipped.read_bytes() == fresh.read_bytes(), "run bash packaging/translations.sh"


def test_without_mnemonic_drops_the_korean_form_too() -> None:
    from gui.i18n import without_mnemonic

    assert without_mnemonic("에포크(&C)") == "에포크"
    assert without_mnemonic("CSV 가져오기(&I)…") == "CSV 가져오기…"
    assert without_mnemonic("Epo&chs") == "Epochs"
    assert without_mnemonic("Save && quit") == "Save & quit"


def test_the_generate_dialog_is_korean(qtbot, korean: QApplication) -> None:  # type: ignore[no-untyped-def]
    from gui.generate_dialog import GenerateDataDialog

    dialog = GenerateDataDialog(1)
    qtbot.addWidget(dialog)
    strings = interface_strings(dialog)
    english = sorted({(where, t) for where, t in strings if needs_korean(t)})
    assert not english
    assert sum(is_korean(t) for _, t in strings) > 10
    # Qt's own buttons come from qtbase_ko.qm
    assert "취소" in {t for _, t in strings}
