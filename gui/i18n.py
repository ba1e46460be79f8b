"""The interface language: Qt's and our translators, a Hangul font, and core's messages.

``install_language(app, "ko")`` switches the whole application to Korean (our
``logreg_studio_ko.qm`` and Qt's own ``qtbase_ko.qm``, so standard dialogs speak Korean too);
``"en"`` back to English; ``None`` or ``""`` follows the system locale. Widgets retranslate on
the ``QEvent.LanguageChange`` that installing or removing a translator sends.

core stays English and Qt-free: ``translate_core`` maps its known messages (settings out of
range, CSV errors, …) to translated ones for display.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase, QGuiApplication

from gui.format import QT_TRANSLATE_NOOP
from gui.resources import resource_path

LANGUAGES: Final = {"": "System", "en": "English", "ko": "한국어"}
"""Menu entries: language code ("" follows the system) → name in that language."""

HANGUL_FONT_FILE: Final = "NanumGothic.ttf"

_installed: list[QTranslator] = []
_base_families: list[str] | None = None


def shipped_languages() -> list[str]:
    """Languages with a translation under ``resources/translations`` (English always)."""
    folder = resource_path("translations")
    found = sorted(p.stem.removeprefix("logreg_studio_") for p in folder.glob("logreg_studio_*.qm"))
    return ["en", *(lang for lang in found if lang != "en")]


def system_language() -> str:
    """The system locale's language if we ship it, else English."""
    for name in QLocale.system().uiLanguages():
        lang = name.replace("-", "_").split("_")[0].lower()
        if lang in shipped_languages():
            return lang
    return "en"


def current_language() -> str:
    """The language installed by the last ``install_language`` ("en" before any)."""
    for translator in _installed:
        lang = translator.language()
        if lang:
            return lang.replace("-", "_").split("_")[0]
    return "en"


def install_language(app: QCoreApplication, lang: str | None) -> str:
    """Translate ``app`` into ``lang`` ("ko", "en", or None/"" for the system's); return it.

    Removes the translators this function installed before, then installs Qt's own
    ``qtbase_<lang>.qm`` and ours. A language we do not ship falls back to English. For
    Korean, a Hangul font is made available when the system has none (the bundled
    NanumGothic) and added as a fallback family of the application font.
    """
    wanted = (lang or "").strip().replace("-", "_").split("_")[0].lower() or system_language()
    if wanted not in shipped_languages():
        wanted = "en"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if wanted != "en":
        ours = QTranslator(app)
        if not ours.load(f"logreg_studio_{wanted}", str(resource_path("translations"))):
            wanted = "en"
        else:
            qt = QTranslator(app)
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            # Qt's catalogue first, ours last: the last installed is searched first.
            for translator in (qt, ours):
                if translator is ours or translator.load(f"qtbase_{wanted}", qt_folder):
                    app.installTranslator(translator)
                    _installed.append(translator)
    if isinstance(app, QGuiApplication):
        _use_hangul_font(app, wanted == "ko")
    return wanted


def has_hangul_font() -> bool:
    """Whether the system (not our bundled file) has a font that draws Hangul."""
    return bool(_system_hangul_families())


def _system_hangul_families() -> list[str]:
    bundled = set(_registered)
    return [
        f
        for f in QFontDatabase.families(QFontDatabase.WritingSystem.Korean)
        if f not in bundled and not QFontDatabase.isPrivateFamily(f)
    ]


_registered: list[str] = []


def register_hangul_font() -> str | None:
    """Register the bundled Hangul font with Qt (once); its family, or None if it is missing."""
    if _registered:
        return _registered[0]
    path = resource_path("fonts", HANGUL_FONT_FILE)
    if not path.is_file():
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    _registered.extend(families)
    return families[0] if families else None


def hangul_family() -> str | None:
    """A family that draws Hangul: the system's first, else the bundled one (registered now).

    Registered, the bundled font also becomes Qt's fallback for Hangul in any font, so Korean
    typed into the table renders in English too.
    """
    system = _system_hangul_families()
    return system[0] if system else register_hangul_font()


def _use_hangul_font(app: QGuiApplication, korean: bool) -> None:
    global _base_families
    family = hangul_family()
    font = app.font()
    if _base_families is None:
        _base_families = list(font.families()) or [font.family()]
    families = list(_base_families)
    if korean and family and family not in families:
        families.append(family)
    if list(font.families()) != families:
        font.setFamilies(families)
        app.setFont(font)


_MNEMONIC_SUFFIX = re.compile(r"\s*\(&[^&\s]\)")


def without_mnemonic(text: str) -> str:
    """``text`` as a screen reader or tooltip should say it: "에포크(&C)" → "에포크".

    Qt's own stripping (QAction's default tooltip, a label's text) only drops the ``&``, which
    leaves "에포크(C)" from the Korean form of a mnemonic; "&&" stays a literal "&".
    """
    text = _MNEMONIC_SUFFIX.sub("", text)
    return re.sub(r"&(.)", r"\1", text)


# ---------------------------------------------------------------------------- core's messages

# Each entry is core's message with its variable parts as {name}: matched in full, translated
# in context "CoreMessages", filled with the parts. Keep in step with core/training.py and
# core/data.py (tests/gui/test_i18n.py checks the entries against core's real messages).
_CTX: Final = "CoreMessages"
CORE_MESSAGES: Final = (
    # TrainingConfig.validate
    QT_TRANSLATE_NOOP("CoreMessages", "Epochs must be a whole number."),
    QT_TRANSLATE_NOOP("CoreMessages", "Epochs must be between 1 and {max}."),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "The learning rate must be a number above 0 and at most 10000."
    ),
    QT_TRANSLATE_NOOP("CoreMessages", 'The optimizer must be "sgd" or "adam".'),
    QT_TRANSLATE_NOOP("CoreMessages", "Weight decay must be between 0 and 10000."),
    QT_TRANSLATE_NOOP("CoreMessages", "The batch size must be a whole number of at least 1."),
    QT_TRANSLATE_NOOP("CoreMessages", "The random seed must be a whole number from 0 to 2^63-1."),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "Give one initial weight per feature: {n} expected, {m} given."
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "Initial weights must be finite numbers."),
    QT_TRANSLATE_NOOP("CoreMessages", "The initial bias must be a finite number."),
    QT_TRANSLATE_NOOP("CoreMessages", 'The method must be "autograd" or "closed-form".'),
    QT_TRANSLATE_NOOP("CoreMessages", "The closed-form path supports the SGD optimizer only."),
    QT_TRANSLATE_NOOP("CoreMessages", "The saved settings are not valid: {why}"),
    # training
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Training diverged at epoch {epoch}: {what} is no longer a finite number. "
        "Try a smaller learning rate or rescale the features; "
        "the last finite parameters were kept.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "The training process ended unexpectedly."),
    # reading CSV (core/data.py): whole-file messages
    QT_TRANSLATE_NOOP("CoreMessages", 'The file "{file}" is empty.'),
    QT_TRANSLATE_NOOP("CoreMessages", "The text is empty."),
    QT_TRANSLATE_NOOP("CoreMessages", 'The file "{file}" has no data rows.'),
    QT_TRANSLATE_NOOP("CoreMessages", 'The file "{file}" has only a header and no data rows.'),
    QT_TRANSLATE_NOOP("CoreMessages", "The text has no data rows."),
    QT_TRANSLATE_NOOP("CoreMessages", "The text has only a header and no data rows."),
    QT_TRANSLATE_NOOP("CoreMessages", 'The file "{file}" could not be read: {why}.'),
    QT_TRANSLATE_NOOP("CoreMessages", 'The file "{file}" is not a text file (UTF-8 CSV expected).'),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        'The file "{file}" is not a text file (UTF-8 CSV expected): line {line} '
        "has bytes that are not UTF-8.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        'The file "{file}" needs at least one feature column and a label column, but line '
        "{line} has only one column (no comma, semicolon or tab).",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The text needs at least one feature column and a label column, but line "
        "{line} has only one column (no comma, semicolon or tab).",
    ),
    # reading CSV: one line or one cell
    QT_TRANSLATE_NOOP("CoreMessages", "Line {line} contains a NUL character."),
    QT_TRANSLATE_NOOP("CoreMessages", "Line {line}: column {j} has no name in the header."),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        'Line {line}: the header uses the name "{name}" twice (columns {a} and {b}).',
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "Line {line} could not be split into cells: {why}."),
    QT_TRANSLATE_NOOP("CoreMessages", "Line {line}: expected {n} cells, found {m}."),
    QT_TRANSLATE_NOOP("CoreMessages", "Line {line} repeats the header."),
    QT_TRANSLATE_NOOP("CoreMessages", "Line {line}, column {col} is empty."),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Line {line}, column {col}: {cell} is not a number (missing values are not supported).",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Line {line}, column {col}: {cell} is infinite; only finite numbers are allowed.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Line {line}, column {col}: {cell} is too large for a 64-bit float "
        "(the limit is about 1.8e308).",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Line {line}, column {col}: {cell} is not a number "
        '(write {a} if "," separates thousands, or {b} if it is a decimal comma).',
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Line {line}, column {col}: {cell} is not a number "
        "(write it without thousands separators: {a}).",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "Line {line}, column {col}: {cell} is not a number (write it as {a})."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        'Line {line}, column {col}: {cell} is not a number (use "." as the decimal point: {a}).',
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "Line {line}, column {col}: {cell} is not a number."),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Line {line}, column {col}: {cell} is not a valid label; "
        "use 0/1, true/false, yes/no or pass/fail.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{cell} is not a label; use 0/1, true/false, yes/no or pass/fail."
    ),
)

_FIELD = re.compile(r"\{(\w+)\}")


@cache
def _core_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    patterns = []
    for template in CORE_MESSAGES:
        regex = ""
        last = 0
        for m in _FIELD.finditer(template):
            regex += re.escape(template[last : m.start()]) + f"(?P<{m.group(1)}>.+?)"
            last = m.end()
        regex += re.escape(template[last:])
        patterns.append((re.compile(regex, re.DOTALL), template))
    return tuple(patterns)


def translate_core(text: str) -> str:
    """``text``, a message from core, in the interface language (unchanged if not known).

    >>> translate_core("Epochs must be between 1 and 1,000,000.")  # with Korean installed
    '에포크는 1에서 1,000,000 사이여야 합니다.'
    """
    for pattern, template in _core_patterns():
        match = pattern.fullmatch(text)
        if match:
            translated = QCoreApplication.translate(_CTX, template)
            try:
                return translated.format(**match.groupdict())
            except (KeyError, IndexError, ValueError):  # a broken translation: say it in English
                return text
    return text
