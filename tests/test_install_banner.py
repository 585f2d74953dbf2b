"""The panel's offer to install PyTorch (``ui/install_banner.py``), driven through its widgets.

The full install runs a real pip in a real QgsTask from FAKE wheels named torch
(``fake_wheels.py``, offline); the real-QGIS run with a Python that lacks torch is
``test_qgis_app_installer.py``.
"""

from __future__ import annotations

import sys

import pytest
from fake_wheels import FAKE_VERSION, fake_wheels, isolated_pip_env
from qgis.PyQt.QtWidgets import QApplication, QMessageBox
from ui_helpers import DialogAnswer

from orca_huntr import installer
from orca_huntr.errors import DependencyInstallError


class _Iface:
    """An iface whose message bar records what was pushed."""

    def __init__(self) -> None:
        self.pushed: list[tuple] = []

    def messageBar(self):
        return self

    def pushMessage(self, title, text, *rest):
        # QgsMessageBar's overloads: (title, text, level, duration) and, for a long text the
        # plugin shortens, (title, short text, whole text, level, duration)
        self.pushed.append((rest[0] if len(rest) == 3 else text, rest[-2]))


@pytest.fixture
def banner_for(qgis_app, qtbot, tmp_path):
    from orca_huntr.ui.install_banner import InstallBanner

    def make(missing):
        banner = InstallBanner(_Iface(), None, target=tmp_path / "deps" / "py3", missing=missing)
        qtbot.addWidget(banner)
        banner.show_offer()
        return banner

    return make


def test_offer_names_what_is_missing_and_hides_when_nothing_is(banner_for):
    both = banner_for(["safetensors", "torch"])
    assert not both.isHidden()
    assert "need PyTorch and safetensors" in both.text.text()
    assert "install them for you" in both.text.text()
    assert both.install_button.text() == "Install PyTorch and safetensors…"
    assert str(both.target) in both.install_button.toolTip()
    one = banner_for(["torch"])
    assert "install it for you" in one.text.text()
    assert banner_for([]).isHidden()


def test_offline_failure_shows_the_command_to_copy(banner_for):
    banner = banner_for(["torch"])
    command = (
        "/usr/bin/python3 -m pip install --target /x --index-url https://download.pytorch.org/whl/cpu torch"
    )
    banner.show_failure(DependencyInstallError("offline", "pip could not reach the index.", command, "tail"))
    assert "could not be reached" in banner.text.text()
    assert "OSGeo4W Shell" in banner.text.text()
    assert not banner.command_box.isHidden() and banner.command_box.toPlainText() == command
    assert banner.install_button.text() == "Try again" and banner.install_button.isEnabled()
    assert banner.property("state") == "failed"
    banner.copy_button.click()
    assert QApplication.clipboard().text() == command
    assert "could not be reached" in banner.iface.pushed[-1][0]


def test_an_unexpected_failure_still_gives_the_plans_command(banner_for, tmp_path):
    banner = banner_for(["torch"])
    plan = installer.plan_install(["torch"], banner.target, "/usr/bin/python3", platform="linux")
    banner.show_failure(OSError("disk full"), plan)
    assert "pip failed: disk full" in banner.text.text()
    assert banner.command_box.toPlainText() == installer.manual_command(plan)


def test_install_through_the_panel_from_a_wheel_folder(banner_for, qtbot, tmp_path, monkeypatch):
    wheels = fake_wheels(tmp_path / "wheels")
    for key in [k for k in list(__import__("os").environ) if k.startswith("PIP_")]:
        monkeypatch.delenv(key)
    for key, value in isolated_pip_env({}).items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv(installer.WHEELS_ENV, str(wheels))
    # this test's Python has torch: make the banner believe it is missing
    from orca_huntr.ui import install_banner

    monkeypatch.setattr(install_banner, "missing_packages", lambda names=installer.PACKAGES: ["torch"])
    monkeypatch.setattr(install_banner, "detect_accelerator", lambda: installer.CPU)
    banner = banner_for(["torch"])
    assert str(banner.target) not in sys.path
    answer = DialogAnswer(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Ok).click())
    with qtbot.waitSignal(banner.installFinished, timeout=600_000) as blocker:
        banner.install_button.click()
        assert not banner.install_button.isEnabled()
        assert not banner.progress.isHidden()
    box = answer.check()
    assert "from the wheel folder" in box.text() and str(banner.target) in box.text()
    result, error = blocker.args
    assert error is None, error
    assert result.versions == {"torch": FAKE_VERSION}
    assert (banner.target / "torch" / "__init__.py").exists()
    # the folder is not on this process's sys.path: the banner must say to restart
    assert result.restart is True
    assert f"PyTorch {FAKE_VERSION} installed into" in banner.text.text()
    assert "Restart QGIS" in banner.text.text()
    assert banner.install_button.isHidden() and not banner.hide_button.isHidden()
    assert banner.property("state") == "done"
