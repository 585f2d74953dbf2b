"""Translations: complete French and German files, and the plugin speaking French in a French QGIS."""

from __future__ import annotations

import re
import string
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtWidgets import QAbstractButton, QGroupBox, QLabel

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402

LANGS = ("fr", "de")


def messages(lang: str) -> list[tuple[str, str, str, str]]:
    """``(context, source, translation, type)`` of every message of a .ts file."""
    root = ET.parse(translations.ts_path(lang)).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            out.append((name, message.findtext("source") or "", tr.text or "", tr.get("type", "")))
    return out


def fields(text: str) -> set[str]:
    """The ``{placeholders}`` of a format string."""
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


@pytest.fixture(scope="module")
def compiled():
    """The .qm files are build outputs: build them when missing."""
    if not all(translations.qm_path(lang).exists() for lang in LANGS) or any(
        translations.qm_path(lang).stat().st_mtime < translations.ts_path(lang).stat().st_mtime
        for lang in LANGS
    ):
        translations.compile_all()
    return [translations.qm_path(lang) for lang in LANGS]


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated_and_keeps_its_placeholders(lang):
    current = [m for m in messages(lang) if m[3] != "obsolete"]
    assert len(current) > 100
    untranslated = [(c, s) for c, s, t, kind in current if kind == "unfinished" or not t.strip()]
    assert untranslated == []
    for context, source, translation, _ in current:
        assert fields(translation) == fields(source), (context, source, translation)
        assert bool(re.search(r"<\w+>", source)) == bool(re.search(r"<\w+>", translation)), (
            source,
            translation,
        )


def test_the_ts_files_cover_every_string_of_the_code():
    """``make translations`` was run after the last user-facing string was added."""
    in_code = {(m["context"], m["source"]) for m in translations.extract(translations.source_files())}
    for lang in LANGS:
        in_ts = {(c, s) for c, s, _, kind in messages(lang) if kind != "obsolete"}
        missing = sorted(in_code - in_ts)
        assert missing == [], f"run `make translations` and translate these ({lang}): {missing[:20]}"


@pytest.fixture
def french(qgis_iface, compiled):
    """QGIS's locale set to French before the plugin loads (as the user's setting would)."""
    settings = QgsSettings()
    saved = {k: settings.value(k) for k in ("locale/overrideFlag", "locale/userLocale")}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "fr_FR")
    yield {(c, s): t for c, s, t, _ in messages("fr")}
    for key, value in saved.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


def test_french_locale_translates_the_panel_and_the_algorithms(french, qgis_iface):
    import orca_huntr

    fr = french
    plugin = orca_huntr.classFactory(qgis_iface)
    try:
        assert plugin.translator is not None and not plugin.translator.isEmpty()
        plugin.initGui()
        plugin.toggle_dock(True)
        dock = plugin.dock
        shown = {w.title() for w in dock.findChildren(QGroupBox)}
        shown |= {w.text() for w in dock.findChildren(QLabel)} | {
            w.text() for w in dock.findChildren(QAbstractButton)
        }
        timeline = fr[("HuntrDock", "Training Snapshots Timeline")]
        assert timeline != "Training Snapshots Timeline" and timeline in shown
        assert plugin.action.toolTip() == fr[("OrcaHuntrPlugin", "Show or hide the ORCA HUNTR panel")]

        provider = QgsApplication.processingRegistry().providerById("orcahuntr")
        names = {alg.name(): alg.displayName() for alg in provider.algorithms()}
        assert names["trainmodel"] == fr[("TrainModelAlgorithm", "Train model")] != "Train model"
        assert names["detect"] == fr[("DetectAlgorithm", "Run detection")] != "Run detection"
        assert names["reverttosnapshot"] == fr[("RevertToSnapshotAlgorithm", "Revert to snapshot")]
        for alg in provider.algorithms():  # every name is a French text of the algorithm's own context
            context = type(alg).__name__
            assert any(c == context and t == alg.displayName() != s for (c, s), t in fr.items()), alg.name()
        groups = {alg.group() for alg in provider.algorithms()}
        assert groups == {
            fr[("HuntrAlgorithm", "Models and snapshots")],
            fr[("HuntrAlgorithm", "Training and detection")],
        }
    finally:
        plugin.unload()
