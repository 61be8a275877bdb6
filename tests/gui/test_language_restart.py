"""Changing the language in Settings offers a restart, as changing the server does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from flashback_desktop import preferences
from flashback_desktop.config import ServerChoice
from flashback_desktop.ui.settings_dialog import SettingsDialog
from tests.gui.conftest import App
from tests.gui.test_settings import ini, no_system_wide_file, open_settings, type_custom

__all__ = ["ini", "no_system_wide_file"]  # fixtures of test_settings, used here too


def choose_language(dialog: SettingsDialog, code: str) -> None:
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(code))


def recorded_restarts(app: App) -> list[bool]:
    restarts: list[bool] = []

    def restart() -> bool:
        restarts.append(True)
        return True

    app.page.menus.on_restart(restart)
    return restarts


def test_a_new_language_offers_a_restart_into_it(
    start_app: Callable[..., App], qtbot: QtBot, ini: QSettings
) -> None:
    app = start_app()
    restarts = recorded_restarts(app)
    menus = app.page.menus
    dialog = open_settings(app, ini, ServerChoice(app.sandbox.url, "settings"))
    type_custom(qtbot, dialog, app.sandbox.url)  # the server in use
    choose_language(dialog, "de")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: menus.restart_question is not None, timeout=3000)
    box = menus.restart_question
    assert box is not None
    assert box.text() == "Restart Flashback Desktop to show it in Deutsch?"
    assert "New language: Deutsch" in box.informativeText()
    assert "server" not in box.informativeText()
    assert preferences.saved_language(ini) == "de"
    qtbot.mouseClick(menus.restart_now_button, Qt.MouseButton.LeftButton)
    assert restarts == [True]
    qtbot.waitUntil(lambda: not app.window.isVisible(), timeout=3000)


def test_the_language_in_use_asks_nothing(
    start_app: Callable[..., App], qtbot: QtBot, ini: QSettings
) -> None:
    app = start_app()
    dialog = open_settings(app, ini, ServerChoice(app.sandbox.url, "settings"))
    type_custom(qtbot, dialog, app.sandbox.url)  # the server in use
    choose_language(dialog, "en")  # this run speaks English
    dialog.save()
    assert preferences.saved_language(ini) == "en"
    assert app.page.menus.restart_question is None


def test_a_new_server_and_language_are_one_question(
    start_app: Callable[..., App], qtbot: QtBot, ini: QSettings
) -> None:
    app = start_app()
    menus = app.page.menus
    dialog = open_settings(app, ini, ServerChoice(app.sandbox.url, "settings"))
    type_custom(qtbot, dialog, "https://flashback.corp.example")
    choose_language(dialog, "es")
    dialog.save()
    box = menus.restart_question
    assert box is not None
    assert box.text() == "Restart Flashback Desktop to use the new server and language?"
    assert "New server: https://flashback.corp.example" in box.informativeText()
    assert "New language: Español" in box.informativeText()
    assert "its own sign-in" in box.informativeText()
    box.close()
