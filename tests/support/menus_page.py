"""What the File and Help menus open: Settings, the restart question, the user guide and
the About boxes; and the two seams a test needs (the settings file, the restart)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from flashback_desktop.config import ServerChoice
from flashback_desktop.ui.about_dialog import AboutDialog
from flashback_desktop.ui.app_menus import AppMenus
from flashback_desktop.ui.main_content import MainContent
from flashback_desktop.ui.settings_dialog import SettingsDialog
from flashback_desktop.ui.user_guide import UserGuideDialog


class MenusPage:
    def __init__(self, content: MainContent) -> None:
        self._content = content

    @property
    def _menus(self) -> AppMenus:
        return self._content.app_menus

    # ---- what a test arranges ----------------------------------------------------------------

    def use_settings(self, settings: QSettings, in_use: ServerChoice | None) -> None:
        """Settings read and written in ``settings``; ``in_use`` is the server this run uses
        and where it came from (None: the demo)."""
        self._content.server_choice = in_use
        self._menus.settings_factory = lambda: settings

    def on_restart(self, restart: Callable[[], bool]) -> None:
        """What Restart now runs instead of starting a new copy (True: it started)."""
        self._menus.restart = restart

    # ---- what a person opens (the menu items' own paths: words differ by language) ----------

    def open_settings(self) -> None:
        self._menus.settings_action.trigger()

    def open_about(self) -> None:
        self._menus.about_action.trigger()

    def open_user_guide(self) -> None:
        self._menus.user_guide_action.trigger()

    # ---- what is open ------------------------------------------------------------------------

    @property
    def settings_dialog(self) -> SettingsDialog | None:
        return self._menus.settings_dialog

    @property
    def restart_question(self) -> QMessageBox | None:
        """ "Restart Flashback Desktop …?" while it is open."""
        return self._menus.restart_box

    @property
    def restart_now_button(self) -> QAbstractButton:
        return self._menus.restart_now_button

    def restart_now(self) -> None:
        """What the question's Restart now does."""
        self._menus.restart_now()

    @property
    def user_guide(self) -> UserGuideDialog | None:
        return self._menus.user_guide_dialog

    @property
    def about(self) -> AboutDialog | None:
        return self._menus.about_dialog

    @property
    def about_qt(self) -> QMessageBox | None:
        return self._menus.about_qt_box
