"""Settings, Test connection, remembered window state, About and Help, on the real window."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, QSize, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from flashback_desktop import __version__, preferences
from flashback_desktop.api.server_check import Verdict
from flashback_desktop.config import PRODUCTION_SERVER, ServerChoice, canonical_origin
from flashback_desktop.sandbox import SandboxServer
from flashback_desktop.session.token_store import KeyringTokenStore, TokenPair
from flashback_desktop.site_config import FILE_NAME
from flashback_desktop.ui import user_guide
from flashback_desktop.ui.about_dialog import AboutDialog
from flashback_desktop.ui.accessibility import announcer
from flashback_desktop.ui.app_menus import restart_command
from flashback_desktop.ui.error_dialog import ErrorDialog
from flashback_desktop.ui.main_content import build_main_window
from flashback_desktop.ui.main_window import MainWindow
from flashback_desktop.ui.settings_dialog import SettingsDialog
from flashback_desktop.ui.tasks import TaskManager
from flashback_desktop.ui.user_guide import UserGuideDialog, user_guide_section
from flashback_desktop.ui.window_state import (
    GEOMETRY_KEY,
    HEADER_KEY,
    SELECTED_KEY,
    WindowStateKeeper,
)
from tests.gui.conftest import App
from tests.support.addresses import unused_loopback_url
from tests.support.app_process import run_app
from tests.support.error_dialog_page import ErrorDialogPage
from tests.support.real_parts import require_secret_service
from tests.support.sandbox_data import repo_id_named


@pytest.fixture
def ini(tmp_path: Path) -> QSettings:
    """The person's settings, in a file of this test's own."""
    return QSettings(str(tmp_path / "settings.conf"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def no_system_wide_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """System-wide config folders of this test's own (empty unless a test writes one)."""
    folder = tmp_path / "xdg-system"
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(folder))
    monkeypatch.delenv("FLASHBACK_SERVER", raising=False)
    return folder


def open_settings(app: App, settings: QSettings, in_use: ServerChoice | None) -> SettingsDialog:
    """Through the keyboard shortcut, as a person would."""
    app.page.menus.use_settings(settings, in_use)
    app.qtbot.keyClick(app.window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = app.page.menus.settings_dialog
    assert dialog is not None
    app.qtbot.waitExposed(dialog)
    return dialog


def menu_named(app: App, title: str) -> QMenu:
    for action in app.window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.title() == title:
            return menu
    raise LookupError(title)


def type_custom(qtbot: QtBot, dialog: SettingsDialog, text: str) -> None:
    dialog.custom_edit.clear()
    qtbot.keyClicks(dialog.custom_edit, text)


# ---- the Settings dialog ---------------------------------------------------------------------


def test_settings_opens_from_the_menu_shortcut_without_blocking_and_esc_closes_it(
    start_app: Callable[..., App], qtbot: QtBot, ini: QSettings
) -> None:
    app = start_app()
    action = app.page.menu_action("File", "Settings")
    assert action.text() == "&Settings…"
    assert action in menu_named(app, "&File").actions()
    assert action.shortcut().toString() == "Ctrl+,"  # no platform Preferences key on Linux
    dialog = open_settings(app, ini, ServerChoice(app.sandbox.url, "settings"))
    assert not dialog.isModal()
    assert dialog.default_radio.isChecked()
    assert dialog.default_radio.text() == f"&Production ({PRODUCTION_SERVER})"
    assert not dialog.production_radio.isVisible()  # production is the default already
    # What a screen reader is told.
    for widget, name in [
        (dialog.custom_edit, "Custom server address"),
        (dialog.test_button, "Test connection"),
        (dialog.custom_radio, "Custom:"),
    ]:
        accessible = QAccessible.queryAccessibleInterface(widget)
        assert accessible is not None
        assert accessible.text(QAccessible.Text.Name) == name
    # A combo box is named by its label (Linux screen readers read the relation).
    combo = QAccessible.queryAccessibleInterface(dialog.language_combo)
    labels = [other.text(QAccessible.Text.Name) for other, _ in combo.relations()]
    assert "Show the app in:" in labels
    assert f"In use now: {app.sandbox.url}." in dialog.server_note.text()
    # Asking again brings the same dialog forward rather than a second one.
    app.page.choose("File", "Settings")
    assert app.page.menus.settings_dialog is dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: app.page.menus.settings_dialog is None, timeout=3000)
    assert preferences.saved_server(ini) is None  # Esc saved nothing


def test_a_custom_address_is_checked_as_it_is_typed(
    start_app: Callable[..., App], qtbot: QtBot, ini: QSettings
) -> None:
    app = start_app()
    dialog = open_settings(app, ini, ServerChoice(app.sandbox.url, "settings"))
    type_custom(qtbot, dialog, "http://flashback.example.com")
    assert dialog.custom_radio.isChecked()  # typing there chose "Custom"
    assert dialog.address_problem.isVisible()
    assert "plain http" in dialog.address_problem.text()
    assert not dialog.save_button.isEnabled()
    assert not dialog.test_button.isEnabled()
    type_custom(qtbot, dialog, "https://flashback.example.com/")
    assert not dialog.address_problem.isVisible()
    assert dialog.save_button.isEnabled()
    assert dialog.test_button.isEnabled()
    type_custom(qtbot, dialog, "http://127.0.0.1:8080")  # loopback may use plain http
    assert dialog.save_button.isEnabled()
    dialog.custom_edit.clear()
    assert "Type the server's address" in dialog.address_problem.text()
    dialog.default_radio.setChecked(True)
    assert dialog.save_button.isEnabled()  # the custom field no longer matters


def test_saved_settings_are_stored_per_user_and_shown_next_time(
    start_app: Callable[..., App], qtbot: QtBot, ini: QSettings
) -> None:
    app = start_app()
    in_use = ServerChoice(app.sandbox.url, "settings")
    dialog = open_settings(app, ini, in_use)
    type_custom(qtbot, dialog, app.sandbox.url + "/")  # the server in use: no restart needed
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findText("Deutsch"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.page.menus.settings_dialog is None, timeout=3000)
    box = app.page.menus.restart_question  # for the new language only: the server is the same
    assert box is not None
    assert box.text() == "Restart Flashback Desktop to show it in Deutsch?"
    box.close()
    qtbot.waitUntil(lambda: app.page.menus.restart_question is None, timeout=3000)
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow, timeout=3000)
    reread = QSettings(ini.fileName(), QSettings.Format.IniFormat)
    assert reread.value(preferences.SERVER_KEY) == app.sandbox.url
    assert preferences.saved_language(reread) == "de"

    again = open_settings(app, reread, in_use)
    assert again.custom_radio.isChecked()
    assert again.custom_edit.text() == app.sandbox.url
    assert again.language_combo.currentText() == "Deutsch"
    note = again.findChild(QLabel, "languageNote")
    assert note is not None
    assert "after restarting" in note.text()
    again.language_combo.setCurrentIndex(0)  # back to the system's language
    again.default_radio.setChecked(True)
    again.save()
    assert preferences.saved_language(reread) is None
    assert preferences.saved_server(reread) is None


def test_test_connection_checks_the_typed_server_without_sending_the_current_token(
    start_app: Callable[..., App], qtbot: QtBot, ini: QSettings
) -> None:
    app = start_app()  # signed in to the first sandbox, holding its token
    current = app.sandbox.state
    assert all("authorization" in names for names in current.request_header_names("GET", "/repo"))
    profile_requests = current.request_count("GET", "/user/profile")
    said: list[str] = []
    announcer().announced.connect(said.append)
    with SandboxServer() as other:
        dialog = open_settings(app, ini, ServerChoice(app.sandbox.url, "settings"))
        type_custom(qtbot, dialog, other.url)
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        assert dialog.check_result.text() == f"Checking {other.url}…"
        assert not dialog.test_button.isEnabled()  # one check at a time; the window stays live
        qtbot.waitUntil(lambda: dialog.last_check is not None, timeout=10_000)
        assert dialog.last_check is not None
        assert dialog.last_check.verdict is Verdict.REACHABLE
        assert dialog.check_result.text().startswith("Flashback answered at this address.")
        # The focus stays on the button, so the answer is said aloud; the label is read
        # by its text (no fixed name hiding the answer).
        assert said[-1] == dialog.check_result.text()
        announcer().announced.disconnect(said.append)
        assert (
            QAccessible.queryAccessibleInterface(dialog.check_result).text(QAccessible.Text.Name)
            == dialog.check_result.text()
        )
        assert dialog.test_button.isEnabled()
        (names,) = other.state.request_header_names("GET", "/user/profile")
        assert "user-agent" in names
        assert "authorization" not in names
        assert sum(other.state.request_count("GET", p) for p in ("/repo", "/workspace")) == 0
    assert current.request_count("GET", "/user/profile") == profile_requests
    assert preferences.saved_server(ini) is None  # testing is not saving


def test_test_connection_says_plainly_when_it_cannot_connect(
    start_app: Callable[..., App], qtbot: QtBot, ini: QSettings
) -> None:
    app = start_app()
    dialog = open_settings(app, ini, ServerChoice(app.sandbox.url, "settings"))
    type_custom(qtbot, dialog, unused_loopback_url())
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_check is not None, timeout=10_000)
    text = dialog.check_result.text()
    assert text.startswith("Could not connect to this address.")
    assert "Traceback" not in text
    assert dialog.check_icon.isVisible()
    # Editing the address forgets a result that was about another one.
    qtbot.keyClicks(dialog.custom_edit, "0")
    assert dialog.last_check is None
    assert not dialog.check_result.isVisible()


def test_saving_another_server_restarts_into_it_when_asked(
    start_app: Callable[..., App], qtbot: QtBot, ini: QSettings
) -> None:
    app = start_app()
    restarts: list[bool] = []
    menus = app.page.menus

    def restart() -> bool:
        restarts.append(True)
        return True

    menus.on_restart(restart)
    dialog = open_settings(app, ini, ServerChoice(app.sandbox.url, "settings"))
    type_custom(qtbot, dialog, "https://flashback.corp.example")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: menus.restart_question is not None, timeout=3000)
    box = menus.restart_question
    assert box is not None
    assert box.text() == "Restart Flashback Desktop to use the new server?"
    assert "New server: https://flashback.corp.example\n" in box.informativeText()
    assert "its own sign-in" in box.informativeText()
    assert preferences.saved_server(ini) == "https://flashback.corp.example"
    qtbot.mouseClick(menus.restart_now_button, Qt.MouseButton.LeftButton)
    assert restarts == [True]
    qtbot.waitUntil(lambda: not app.window.isVisible(), timeout=3000)  # the new copy takes over


def test_later_keeps_this_window_on_the_old_server(
    start_app: Callable[..., App], qtbot: QtBot, ini: QSettings
) -> None:
    app = start_app()
    menus = app.page.menus
    menus.on_restart(lambda: pytest.fail("restarted although the person said Later"))
    dialog = open_settings(app, ini, ServerChoice(app.sandbox.url, "settings"))
    dialog.default_radio.setChecked(True)  # production, which is not the server in use
    dialog.save()
    box = menus.restart_question
    assert box is not None
    later = next(b for b in box.buttons() if b.text() == "&Later")
    qtbot.mouseClick(later, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: menus.restart_question is None, timeout=3000)
    assert app.window.isVisible()


def test_a_failed_restart_says_what_to_do(
    start_app: Callable[..., App], qtbot: QtBot, ini: QSettings
) -> None:
    app = start_app()
    app.page.menus.on_restart(lambda: False)
    with app.page.wait_dialog(qtbot) as opened:
        app.page.menus.restart_now()
    assert isinstance(opened.args[0], ErrorDialog)
    assert app.window.isVisible()


def test_a_server_set_by_the_environment_is_explained_and_no_restart_offered(
    start_app: Callable[..., App], qtbot: QtBot, ini: QSettings
) -> None:
    app = start_app()
    dialog = open_settings(app, ini, ServerChoice(app.sandbox.url, "environment"))
    assert "FLASHBACK_SERVER" in dialog.server_note.text()
    type_custom(qtbot, dialog, "https://flashback.corp.example")
    dialog.save()
    assert preferences.saved_server(ini) == "https://flashback.corp.example"
    assert app.page.menus.restart_question is None  # the variable still decides


def test_the_organisations_default_is_offered_first(
    start_app: Callable[..., App], qtbot: QtBot, ini: QSettings, no_system_wide_file: Path
) -> None:
    folder = no_system_wide_file / "Flashback"
    folder.mkdir(parents=True)
    (folder / FILE_NAME).write_text("[server]\nurl = https://flashback.corp.example\n")
    app = start_app()
    corp = ServerChoice("https://flashback.corp.example", "system-wide default")
    dialog = open_settings(app, ini, corp)
    assert dialog.default_radio.text() == (
        "Your &organisation's default (https://flashback.corp.example)"
    )
    assert dialog.default_radio.isChecked()
    assert dialog.production_radio.isVisible()
    dialog.production_radio.setChecked(True)
    dialog.save()
    # Production is kept explicitly: "default" would mean the organisation's server.
    assert preferences.saved_server(ini) == PRODUCTION_SERVER
    box = app.page.menus.restart_question
    assert box is not None
    box.close()
    again = open_settings(app, ini, corp)
    assert again.production_radio.isChecked()
    again.default_radio.setChecked(True)
    again.save()
    assert preferences.saved_server(ini) is None  # follows IT's default from now on


def test_in_demo_mode_the_setting_waits_for_a_normal_start(
    start_app: Callable[..., App], qtbot: QtBot, ini: QSettings
) -> None:
    app = start_app()
    dialog = open_settings(app, ini, None)
    assert "demo is running" in dialog.server_note.text()
    type_custom(qtbot, dialog, "https://flashback.corp.example")
    dialog.save()
    assert app.page.menus.restart_question is None


def test_the_restart_command_starts_the_same_app_with_the_same_options() -> None:
    assert restart_command(["--debug"], frozen=False) == (
        sys.executable,
        ["-m", "flashback_desktop", "--debug"],
    )
    assert restart_command(["--debug"], frozen=True) == (sys.executable, ["--debug"])


# ---- remembered window state -----------------------------------------------------------------


def test_selection_columns_and_size_come_back_after_a_restart(
    start_app: Callable[..., App], qtbot: QtBot, ini: QSettings
) -> None:
    def remember(window: MainWindow) -> None:
        WindowStateKeeper(window.content, ini)  # as the app does, before the window is shown

    first = start_app(prepare=remember)
    chosen = repo_id_named(first.sandbox, "Contracts 2026")
    first.select("Contracts 2026")
    first.page.list_view.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    first.page.list_view.horizontalHeader().resizeSection(2, 190)
    first.window.resize(720, 480)
    qtbot.waitUntil(lambda: first.window.size() == QSize(720, 480), timeout=3000)
    # Saved a moment after each change, before any close.
    qtbot.waitUntil(lambda: ini.value(SELECTED_KEY) == chosen, timeout=3000)
    first.window.close()
    assert ini.value(HEADER_KEY) is not None
    assert ini.value(GEOMETRY_KEY) is not None

    second = start_app(prepare=remember)
    assert second.page.panel.repository_id == chosen
    assert second.page.can_start_new_conversation()
    header = second.page.list_view.horizontalHeader()
    assert header.sortIndicatorSection() == 4
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert header.sectionSize(2) == 190
    assert second.window.size() == QSize(720, 480)


def test_a_repository_that_is_gone_is_simply_not_selected(
    start_app: Callable[..., App], ini: QSettings
) -> None:
    ini.setValue(SELECTED_KEY, "no-longer-there")
    app = start_app(prepare=lambda window: WindowStateKeeper(window.content, ini))
    assert app.page.panel.repository_name is None
    assert app.page.selected_rows() == []


def window_with_state(qtbot: QtBot, ini: QSettings, platform: str) -> MainWindow:
    window = build_main_window(TaskManager(lambda exc: None), server_label="test")
    WindowStateKeeper(window.content, ini, platform=platform)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_position_comes_back_on_x11_but_only_the_size_on_wayland(
    qtbot: QtBot, ini: QSettings
) -> None:
    if QApplication.platformName() != "xcb":
        pytest.skip("placing windows needs a real X display (tests/run provides Xvfb)")
    first = window_with_state(qtbot, ini, "xcb")
    first.move(230, 170)
    first.resize(640, 420)
    qtbot.waitUntil(lambda: first.pos() == QPoint(230, 170), timeout=3000)
    first.close()

    again = window_with_state(qtbot, ini, "xcb")
    assert (again.pos(), again.size()) == (QPoint(230, 170), QSize(640, 420))
    again.close()

    ini.setValue(GEOMETRY_KEY, None)  # what Wayland restores must not rely on it
    wayland = window_with_state(qtbot, ini, "wayland")
    assert wayland.size() == QSize(640, 420)
    assert wayland.pos() != QPoint(230, 170)


# ---- Help and About --------------------------------------------------------------------------


def test_the_user_guide_shows_the_readme_section_in_the_app(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    help_menu = menu_named(app, "&Help")
    assert [a.text() for a in help_menu.actions() if not a.isSeparator()] == [
        "&User guide",
        "&About Flashback Desktop",
        "About &Qt",
    ]
    with app.page.wait_dialog(qtbot) as opened:
        app.page.choose("Help", "User guide")
    dialog = opened.args[0]
    assert isinstance(dialog, UserGuideDialog)
    shown = dialog.text.toPlainText()
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    guide = user_guide_section(readme)
    assert guide is not None
    assert "Pick a repository and press New Conversation" in shown  # the README's words
    assert "Two commands" not in shown  # and only its User guide section
    app.page.choose("Help", "User guide")  # asked again: the same window
    assert app.page.menus.user_guide is dialog


def test_without_a_readme_the_guide_says_so(
    start_app: Callable[..., App], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = start_app()
    monkeypatch.setattr(user_guide, "readme_path", lambda: tmp_path / "README.md")  # none there
    with app.page.wait_dialog(qtbot) as opened:
        app.page.choose("Help", "User guide")
    dialog = ErrorDialogPage(opened.args[0])
    assert str(tmp_path / "README.md") in dialog.details


def test_about_names_the_version_server_and_licences(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    with app.page.wait_dialog(qtbot) as opened:
        app.page.choose("Help", "About Flashback Desktop")
    about = opened.args[0]
    assert isinstance(about, AboutDialog)
    assert not about.isModal()
    assert __version__ in about.title_label.text()
    assert about.server_label.text() == f"Server: {app.sandbox.url}"
    licences = {c.name: c.licence for c in about.components}
    assert licences["Qt"] == "LGPL-3.0-only"
    assert "LGPL-3.0" in licences["Qt for Python (PySide6)"]
    assert licences["HTTPX"] == "BSD-3-Clause"
    assert licences["keyring"] == "MIT"
    assert licences["qasync"] == "BSD-2-Clause"
    assert licences["certifi"] == "MPL-2.0"
    table = about.licences
    assert table.rowCount() == len(about.components)
    assert table.accessibleName() == "Bundled components and their licences"
    qtbot.keyClick(about, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: app.page.menus.about is None, timeout=3000)


def test_about_qt_does_not_block(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    with app.page.wait_dialog(qtbot) as opened:
        app.page.choose("Help", "About Qt")  # returns: no nested event loop
    box = opened.args[0]
    assert isinstance(box, QMessageBox)
    assert not box.isModal()
    assert "LGPLv3" in box.informativeText()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: app.page.menus.about_qt is None, timeout=3000)


# ---- the real program, started again -----------------------------------------------------------


def save_sign_in(sandbox: SandboxServer) -> KeyringTokenStore:
    store = KeyringTokenStore(canonical_origin(sandbox.url), require_secret_service())
    login = sandbox.state.login(sandbox.state.demo_email, sandbox.state.demo_password)
    asyncio.run(store.save(TokenPair(login["accessToken"], login["refreshToken"])))
    return store


def log_text(state: Path) -> str:
    return "".join(p.read_text() for p in state.rglob("*.log"))


def test_the_saved_server_is_used_on_the_next_start(
    sandbox: SandboxServer, tmp_path: Path, no_system_wide_file: Path
) -> None:
    store = save_sign_in(sandbox)
    config = tmp_path / "config"
    # Where QSettings() keeps "Flashback"/"Flashback Desktop" on Linux.
    user = QSettings(
        str(config / "Flashback" / "Flashback Desktop.conf"), QSettings.Format.IniFormat
    )
    preferences.save_server(user, sandbox.url)
    env = {
        "XDG_CONFIG_HOME": str(config),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CONFIG_DIRS": str(no_system_wide_file),
    }
    result = run_app("--exit-after", "repos-loaded", env=env)
    assert result.returncode == 0, result.stderr
    assert sandbox.state.request_count("GET", "/repo") == 1
    assert f"Using the Flashback server {sandbox.url} (settings)" in log_text(tmp_path / "state")
    # The window's state was saved on the way out.
    saved = QSettings(user.fileName(), QSettings.Format.IniFormat)
    assert saved.value(GEOMETRY_KEY) is not None
    assert saved.value(HEADER_KEY) is not None
    asyncio.run(store.delete())


def test_the_system_wide_default_is_used_when_the_person_chose_nothing(
    sandbox: SandboxServer, tmp_path: Path, no_system_wide_file: Path
) -> None:
    store = save_sign_in(sandbox)
    folder = no_system_wide_file / "Flashback"
    folder.mkdir(parents=True)
    (folder / FILE_NAME).write_text(f"[server]\nurl = {sandbox.url}\n")
    env = {
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CONFIG_DIRS": str(no_system_wide_file),
    }
    result = run_app("--exit-after", "repos-loaded", env=env)
    assert result.returncode == 0, result.stderr
    assert sandbox.state.request_count("GET", "/repo") == 1
    assert "(system-wide default)" in log_text(tmp_path / "state")
    asyncio.run(store.delete())
