"""Refresh the translation sources (``i18n/*.ts``) from the code and compile them (``.qm``).

    python scripts/translations.py            # pylupdate5 + merge + lrelease (``make translations``)
    python scripts/translations.py --compile  # lrelease only: build the .qm files

Refreshing runs ``pylupdate5`` over every ``.py`` file of the plugin, then puts each
message in the context the code uses at run time: pylupdate5 files a bare ``tr("…")``
under ``@default``, while our modules define ``tr``/``_tr`` as
``QCoreApplication.translate("SomeContext", text)``; this script reads that context from
the module (``ast``) and moves the message there. Existing translations are kept
(matched by context and text, else by text alone); strings that left the code are kept
as obsolete. ``lrelease`` then compiles every ``.ts`` into the ``.qm`` the plugin loads
(``.qm`` files are build outputs and are not committed).
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "i18n"
LANGUAGES = {"fr": "fr_FR", "de": "de_DE"}
EXCLUDED = {".venv", ".pkg", ".git", "build", "dist", "tests", "scripts", "benchmarks", "demo_output", "data"}


def source_files(root: Path = ROOT) -> list[Path]:
    """Every ``.py`` file of the plugin (tests, scripts and build folders excluded)."""
    files = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if rel.parts[0] in EXCLUDED or any(p.startswith(".") or p == "__pycache__" for p in rel.parts):
            continue
        files.append(path)
    return files


def ts_path(lang: str) -> Path:
    return I18N / f"orca_huntr_{lang}.ts"


def qm_path(lang: str) -> Path:
    return I18N / f"orca_huntr_{lang}.qm"


# ------------------------------------------------------------------ contexts from the code
def _const_context(func: ast.FunctionDef) -> str | None:
    """``"Ctx"`` when ``func`` returns ``QCoreApplication.translate("Ctx", …)``; ``""`` when dynamic."""
    for node in ast.walk(func):
        if isinstance(node, ast.Call) and _called_name(node) == "translate" and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                return first.value
            return ""  # e.g. type(self).__name__: the calling class
    return None


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


class _Contexts:
    """For one source file: which context each translated call uses at run time."""

    def __init__(self, path: Path) -> None:
        self.tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        self.functions: dict[str, str | None] = {}  # module-level wrapper name -> context
        self.methods: dict[tuple[str, str], str | None] = {}  # (class, method) -> context
        self.bases: dict[str, list[str]] = {}
        for node in self.tree.body:
            if isinstance(node, ast.FunctionDef):
                self.functions[node.name] = _const_context(node)
            elif isinstance(node, ast.ClassDef):
                self.bases[node.name] = [b.id for b in node.bases if isinstance(b, ast.Name)]
                for item in node.body:
                    if isinstance(item, ast.FunctionDef):
                        self.methods[(node.name, item.name)] = _const_context(item)
        self.calls: list[tuple[ast.Call, str | None]] = []  # (call, enclosing class)
        self._collect(self.tree, None)

    def _collect(self, node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                self._collect(child, child.name)
                continue
            if isinstance(child, ast.Call):
                self.calls.append((child, cls))
            self._collect(child, cls)

    def _method_context(self, cls: str | None, name: str) -> str | None:
        seen = set()
        while cls is not None and cls not in seen:
            seen.add(cls)
            if (cls, name) in self.methods:
                ctx = self.methods[(cls, name)]
                return ctx if ctx else None
            bases = self.bases.get(cls) or [None]
            cls = bases[0]
        return None

    def wrapper_messages(self) -> list[tuple[str, str, int]]:
        """``(context, source, line)`` of calls to this module's translate wrappers.

        pylupdate5 only knows the names ``tr`` and ``translate``; this also finds calls to
        wrappers named otherwise (``_tr``…).
        """
        found = []
        for call, _cls in self.calls:
            name = _called_name(call)
            if not isinstance(call.func, ast.Name) or not self.functions.get(name or ""):
                continue
            if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
                found.append((self.functions[name], call.args[0].value, call.lineno))  # type: ignore[index]
        return found

    def context_of(self, source: str, line: int, fallback: str) -> str:
        """The run-time context of the call translating ``source`` at ``line``."""
        candidates = [
            (abs(call.lineno - line), call, cls)
            for call, cls in self.calls
            if call.args and isinstance(call.args[0], ast.Constant) and call.args[0].value == source
        ]
        for _, call, cls in sorted(candidates, key=lambda c: c[0]):
            name = _called_name(call)
            if isinstance(call.func, ast.Name) and name in self.functions:
                return self.functions[name] or fallback
            if isinstance(call.func, ast.Attribute) and name is not None:
                return self._method_context(cls, name) or fallback
        return fallback


# ------------------------------------------------------------------------ reading .ts
def _read_ts(path: Path) -> list[dict]:
    """Messages of a .ts file: context, source, translation, type, locations."""
    if not path.exists():
        return []
    root = ET.parse(path).getroot()
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            messages.append(
                {
                    "context": name,
                    "source": message.findtext("source") or "",
                    "translation": (translation.text or "") if translation is not None else "",
                    "type": translation.get("type", "") if translation is not None else "unfinished",
                    "locations": [
                        (loc.get("filename", ""), int(loc.get("line", "0")))
                        for loc in message.iter("location")
                    ],
                }
            )
    return messages


def extract(files: list[Path]) -> list[dict]:
    """Run pylupdate5 over ``files`` and return the messages with run-time contexts."""
    pylupdate = shutil.which("pylupdate5")
    if pylupdate is None:
        sys.exit("pylupdate5 not found: sudo apt-get install pyqt5-dev-tools")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "extract.ts"
        subprocess.run(
            [pylupdate, "-noobsolete", *[str(f) for f in files], "-ts", str(out)],
            check=True,
            capture_output=True,
        )
        messages = _read_ts(out)
        parsed: dict[Path, _Contexts] = {}
        for message in messages:
            for filename, line in message["locations"]:
                path = (
                    (out.parent / filename).resolve() if not Path(filename).is_absolute() else Path(filename)
                )
                if path not in parsed:
                    parsed[path] = _Contexts(path)
                message["context"] = parsed[path].context_of(message["source"], line, message["context"])
                message["file"] = path
                break
    for path in files:
        contexts = parsed.get(path.resolve()) or _Contexts(path)
        for context, source, line in contexts.wrapper_messages():
            messages.append(
                {
                    "context": context,
                    "source": source,
                    "translation": "",
                    "type": "unfinished",
                    "locations": [("", line)],
                    "file": path.resolve(),
                }
            )
    merged: dict[tuple[str, str], dict] = {}
    for message in messages:
        key = (message["context"], message["source"])
        if key in merged:
            merged[key]["locations"] += message["locations"]
            continue
        merged[key] = message
    for message in merged.values():
        path = message.pop("file", None)
        if path is not None:
            rel = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
            message["locations"] = [(f"../{rel.as_posix()}", line) for _, line in message["locations"][:1]]
    return sorted(merged.values(), key=lambda m: (m["context"], m["source"]))


# ------------------------------------------------------------------------ writing .ts
def merge(fresh: list[dict], existing: list[dict]) -> list[dict]:
    """``fresh`` messages with the translations of ``existing``; vanished ones kept as obsolete."""
    by_key = {(m["context"], m["source"]): m for m in existing if m["translation"]}
    by_source: dict[str, dict] = {}
    for m in existing:
        if m["translation"] and m["type"] != "unfinished":
            by_source.setdefault(m["source"], m)
    out = []
    keys = set()
    for m in fresh:
        key = (m["context"], m["source"])
        keys.add(key)
        old = by_key.get(key) or by_source.get(m["source"])
        translation, kind = (old["translation"], old["type"]) if old else ("", "unfinished")
        if kind == "obsolete":
            kind = ""
        out.append({**m, "translation": translation, "type": kind})
    for m in existing:
        if (m["context"], m["source"]) not in keys and m["translation"]:
            out.append({**m, "type": "obsolete", "locations": []})
    return out


def write_ts(path: Path, language: str, messages: list[dict]) -> None:
    """Write ``messages`` as a Qt Linguist .ts file."""
    root = ET.Element("TS", version="2.1", language=language)
    contexts: dict[str, list[dict]] = defaultdict(list)
    for m in messages:
        contexts[m["context"]].append(m)
    for name in sorted(contexts):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = name
        for m in sorted(contexts[name], key=lambda m: m["source"]):
            msg = ET.SubElement(ctx, "message")
            for filename, line in m["locations"]:
                ET.SubElement(msg, "location", filename=filename, line=str(line))
            ET.SubElement(msg, "source").text = m["source"]
            translation = ET.SubElement(msg, "translation")
            if m["type"]:
                translation.set("type", m["type"])
            translation.text = m["translation"]
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def refresh(languages: dict[str, str] = LANGUAGES) -> dict[str, int]:
    """Update every .ts from the code; returns the number of untranslated strings per language."""
    fresh = extract(source_files())
    I18N.mkdir(exist_ok=True)
    missing = {}
    for lang, language in languages.items():
        messages = merge(fresh, _read_ts(ts_path(lang)))
        write_ts(ts_path(lang), language, messages)
        missing[lang] = sum(1 for m in messages if m["type"] == "unfinished")
        print(f"{ts_path(lang).relative_to(ROOT)}: {len(fresh)} strings, {missing[lang]} untranslated")
    return missing


def compile_all(languages=LANGUAGES) -> list[Path]:
    """Compile every ``i18n/*.ts`` into its ``.qm`` with lrelease; returns the .qm paths."""
    lrelease = shutil.which("lrelease") or shutil.which("lrelease-qt5")
    if lrelease is None:
        sys.exit("lrelease not found: sudo apt-get install qttools5-dev-tools")
    built = []
    for lang in languages:
        subprocess.run([lrelease, "-silent", str(ts_path(lang)), "-qm", str(qm_path(lang))], check=True)
        built.append(qm_path(lang))
    return built


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--compile", action="store_true", help="only build the .qm files")
    args = parser.parse_args()
    if not args.compile:
        refresh()
    for qm in compile_all():
        print(f"built {qm.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
