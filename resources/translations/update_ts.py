"""Extract every translatable string of the app and write ``logreg_studio_<lang>.ts``.

Run by ``packaging/translations.sh`` (which also runs ``pyside6-lupdate`` as a cross-check and
``pyside6-lrelease``); safe to run again whenever strings change::

    python resources/translations/update_ts.py            # rewrite logreg_studio_ko.ts
    python resources/translations/update_ts.py --check    # exit 1 if a string lacks Korean

Why not ``pyside6-lupdate`` alone: its Python parser finds ``self.tr("…")`` and literal
``QCoreApplication.translate("Ctx", "…")`` but misses the app's other forms: module helpers
(``def _tr(text): return QCoreApplication.translate(CTX, text)``), local aliases
(``tr = QCoreApplication.translate``) and ``QT_TRANSLATE_NOOP(CTX, …)`` with a constant context.
This walks the syntax tree instead and finds all of them, with the context Qt will look up
(``self.tr`` in class ``C`` → context ``C``; PySide6 tries the object's class, then its bases).

The translations come from ``ko_messages.py`` (source → Korean, plus per-context overrides), so
they are re-applied after every extraction; a translation typed into the ``.ts`` with Qt
Linguist for a message the dictionary lacks is kept.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCES = ("gui", "core", "main.py")
TRANSLATE_FUNCS = {"translate"}  # QCoreApplication.translate / QApplication.translate
NOOP_CONTEXT_FUNCS = {"QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"}
NOOP_CLASS_FUNCS = {"QT_TR_NOOP"}


@dataclass(frozen=True, order=True)
class Key:
    context: str
    source: str


@dataclass
class Extraction:
    messages: dict[Key, list[tuple[str, int]]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def add(self, context: str, source: str, file: str, line: int) -> None:
        self.messages.setdefault(Key(context, source), []).append((file, line))


def _literal(node: ast.expr, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name) and node.id in constants:
        return constants[node.id]
    return None


def _translate_helper_context(fn: ast.FunctionDef, constants: dict[str, str]) -> str | None:
    """``ctx`` when ``fn`` is ``def f(text): return QCoreApplication.translate(ctx, text)``."""
    params = [a.arg for a in fn.args.args]
    if not params:
        return None
    for node in ast.walk(fn):
        if (
            isinstance(node, ast.Return)
            and isinstance(node.value, ast.Call)
            and _callee(node.value) in TRANSLATE_FUNCS
            and len(node.value.args) >= 2
            and isinstance(node.value.args[1], ast.Name)
            and node.value.args[1].id == params[0]
        ):
            return _literal(node.value.args[0], constants)
    return None


def _callee(call: ast.Call) -> str:
    f = call.func
    if isinstance(f, ast.Attribute):
        return f.attr
    if isinstance(f, ast.Name):
        return f.id
    return ""


class _Visitor(ast.NodeVisitor):
    def __init__(self, file: str, out: Extraction, constants: dict[str, str]) -> None:
        self.file = file
        self.out = out
        self.constants = constants
        self.classes: list[str] = []
        self.helpers: list[dict[str, str]] = [{}]  # name -> context, per function scope
        self.aliases: list[set[str]] = [set()]  # local names bound to QCoreApplication.translate

    # scopes -------------------------------------------------------------------------------
    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        ctx = _translate_helper_context(node, self.constants)
        if ctx is not None:
            self.helpers[-1][node.name] = ctx
        self.helpers.append({})
        self.aliases.append(set())
        # helpers defined inside this function must be known before their calls are visited
        for stmt in node.body:
            if isinstance(stmt, ast.FunctionDef):
                inner = _translate_helper_context(stmt, self.constants)
                if inner is not None:
                    self.helpers[-1][stmt.name] = inner
        self.generic_visit(node)
        self.helpers.pop()
        self.aliases.pop()

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_Assign(self, node: ast.Assign) -> None:
        value = node.value
        if isinstance(value, ast.Attribute) and value.attr in TRANSLATE_FUNCS:
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.aliases[-1].add(target.id)
        self.generic_visit(node)

    # calls --------------------------------------------------------------------------------
    def _helper(self, name: str) -> str | None:
        for scope in reversed(self.helpers):
            if name in scope:
                return scope[name]
        return None

    def _is_alias(self, name: str) -> bool:
        return any(name in scope for scope in self.aliases)

    def _text(self, node: ast.expr, line: int, what: str) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.JoinedStr):
            self.out.warnings.append(
                f"{self.file}:{line}: {what} of an f-string cannot be translated"
            )
        return None

    def visit_Call(self, node: ast.Call) -> None:
        name = _callee(node)
        f = node.func
        line = node.lineno
        context: str | None = None
        text_arg: ast.expr | None = None
        if name == "tr" and isinstance(f, ast.Attribute) and node.args:
            if self.classes:
                context, text_arg = self.classes[-1], node.args[0]
        elif (name in TRANSLATE_FUNCS and isinstance(f, ast.Attribute)) or (
            isinstance(f, ast.Name) and self._is_alias(f.id)
        ):
            if len(node.args) >= 2:
                context = _literal(node.args[0], self.constants)
                text_arg = node.args[1]
        elif name in NOOP_CONTEXT_FUNCS and len(node.args) >= 2:
            context = _literal(node.args[0], self.constants)
            text_arg = node.args[1]
            if context is None:
                self.out.warnings.append(f"{self.file}:{line}: {name} context is not a constant")
        elif name in NOOP_CLASS_FUNCS and node.args and self.classes:
            context, text_arg = self.classes[-1], node.args[0]
        elif isinstance(f, ast.Name) and node.args:
            helper = self._helper(f.id)
            if helper is not None:
                context, text_arg = helper, node.args[0]
        if context is not None and text_arg is not None:
            text = self._text(text_arg, line, name)
            if text is not None:
                self.out.add(context, text, self.file, line)
        self.generic_visit(node)


def _module_constants(tree: ast.Module) -> dict[str, str]:
    constants: dict[str, str] = {}
    for stmt in tree.body:
        if (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and isinstance(stmt.value, ast.Constant)
            and isinstance(stmt.value.value, str)
        ):
            constants[stmt.targets[0].id] = stmt.value.value
    return constants


def source_files(root: Path = ROOT) -> list[Path]:
    files: list[Path] = []
    for entry in SOURCES:
        path = root / entry
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files.extend(p for p in sorted(path.rglob("*.py")) if "__pycache__" not in p.parts)
    return files


def extract(files: list[Path], root: Path = ROOT) -> Extraction:
    """Every translatable (context, source) in ``files`` with where it occurs."""
    out = Extraction()
    for path in files:
        rel = path.resolve().relative_to(root).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
        constants = _module_constants(tree)
        visitor = _Visitor(rel, out, constants)
        # a module's helper may be defined below the functions that call it
        for stmt in tree.body:
            if isinstance(stmt, ast.FunctionDef):
                ctx = _translate_helper_context(stmt, constants)
                if ctx is not None:
                    visitor.helpers[0][stmt.name] = ctx
        visitor.visit(tree)
    return out


# ---------------------------------------------------------------------------- the .ts file


def read_ts(path: Path) -> dict[Key, str]:
    """Finished translations already in ``path`` (e.g. typed in Qt Linguist)."""
    if not path.exists():
        return {}
    found: dict[Key, str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in {"unfinished", "vanished", "obsolete"}:
                continue
            if tr.text:
                found[Key(name, msg.findtext("source") or "")] = tr.text
    return found


def write_ts(
    path: Path, language: str, extraction: Extraction, translations: dict[Key, str]
) -> None:
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    by_context: dict[str, list[Key]] = {}
    for key in extraction.messages:
        by_context.setdefault(key.context, []).append(key)
    for name in sorted(by_context):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = name
        for key in by_context[name]:
            msg = ET.SubElement(ctx, "message")
            for file, line in extraction.messages[key]:
                ET.SubElement(msg, "location", filename=f"../../{file}", line=str(line))
            ET.SubElement(msg, "source").text = key.source
            text = translations.get(key)
            tr = ET.SubElement(msg, "translation")
            if text:
                tr.text = text
            else:
                tr.set("type", "unfinished")
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def translations_for(
    keys: list[Key], existing: dict[Key, str], by_source: dict[str, str], by_key: dict[Key, str]
) -> dict[Key, str]:
    out: dict[Key, str] = {}
    for key in keys:
        text = by_key.get(key) or by_source.get(key.source) or existing.get(key)
        if text:
            out[key] = text
    return out


_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_MNEMONIC = re.compile(r"&([^&\s])")


def problems(source: str, translation: str) -> list[str]:
    """What a translation breaks: placeholders, HTML tags, the menu mnemonic."""
    found = []
    if sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(translation)):
        found.append("placeholders differ")
    if sorted(_TAG.findall(source)) != sorted(_TAG.findall(translation)):
        found.append("HTML tags differ")
    want = [m.upper() for m in _MNEMONIC.findall(source.replace("&&", ""))]
    got = [m.upper() for m in _MNEMONIC.findall(translation.replace("&&", ""))]
    if want != got:
        found.append(f"mnemonic {want} became {got}")
    return found


def lupdate_keys(path: Path) -> set[Key]:
    """(context, source) pairs in a .ts written by ``pyside6-lupdate`` (for the cross-check)."""
    keys: set[Key] = set()
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            keys.add(Key(name, msg.findtext("source") or ""))
    return keys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="ko")
    parser.add_argument("--check", action="store_true", help="write nothing; fail if untranslated")
    parser.add_argument("--lupdate-ts", type=Path, help="a .ts from pyside6-lupdate to compare")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(HERE))
    module = __import__(f"{args.lang}_messages")
    by_source: dict[str, str] = module.MESSAGES
    by_key = {Key(c, s): t for (c, s), t in module.CONTEXT_MESSAGES.items()}

    ts = HERE / f"logreg_studio_{args.lang}.ts"
    try:
        extraction = extract(source_files())
    except SyntaxError as exc:
        print(f"error: cannot parse {exc.filename}:{exc.lineno}: {exc.msg}", file=sys.stderr)
        return 2
    keys = list(extraction.messages)
    translations = translations_for(keys, read_ts(ts), by_source, by_key)
    missing = [k for k in keys if k not in translations]
    for w in extraction.warnings:
        print(f"warning: {w}", file=sys.stderr)
    if args.lupdate_ts is not None:
        ours = set(keys)
        for k in sorted(lupdate_keys(args.lupdate_ts) - ours):
            if k.context:  # lupdate files a local `tr` alias's strings under an empty context
                print(f"warning: lupdate found {k.context}: {k.source!r}", file=sys.stderr)
    used = {k.source for k in keys}
    stale = sorted(s for s in by_source if s not in used)
    print(
        f"{ts.name}: {len(keys)} messages, {len(keys) - len(missing)} translated, "
        f"{len(missing)} untranslated, {len(stale)} unused dictionary entries"
    )
    for k in missing:
        print(f"untranslated: {k.context}: {k.source!r}", file=sys.stderr)
    broken = 0
    for k, text in translations.items():
        for problem in problems(k.source, text):
            broken += 1
            print(f"error: {k.context}: {k.source!r}: {problem}", file=sys.stderr)
    if args.check:
        return 1 if missing or broken else 0
    if broken:
        return 1
    write_ts(ts, args.lang, extraction, translations)
    return 0


if __name__ == "__main__":
    sys.exit(main())
