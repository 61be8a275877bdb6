"""Settings… in the File menu and the Help menu (user guide, About), and what they open.

Every dialog here is modeless (``show()``, never ``exec()``) and opened once: asking again
brings the open one forward. The settings store and the restart are attributes, so tests
can check what would happen without a new process.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, QProcess, QSettings, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence, QPixmap
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from flashback_desktop.site_config import read_system_defaults
from flashback_desktop.ui import user_guide
from flashback_desktop.ui.restart_question import restart_explanation, restart_question
from flashback_desktop.ui.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from flashback_desktop.ui.about_dialog import AboutDialog
    from flashback_desktop.ui.main_content import MainContent

log = logging.getLogger("flashback.ui.menus")

_QT_LOGO = ":/qt-project.org/qmessagebox/images/qtlogo-64.png"  # ships inside QtWidgets


def settings_shortcut() -> QKeySequence:
    """The platform's Preferences shortcut (Cmd+, on macOS); Ctrl+, where there is none."""
    standard = QKeySequence(QKeySequence.StandardKey.Preferences)
    return QKeySequence("Ctrl+,") if standard.isEmpty() else standard


def restart_command(
    argv: Sequence[str] | None = None, *, frozen: bool | None = None
) -> tuple[str, list[str]]:
    """How to start this app again with the same options."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if getattr(sys, "frozen", False) if frozen is None else frozen:
        return sys.executable, arguments  # a bundle: the executable is the app itself
    return sys.executable, ["-m", "flashback_desktop", *arguments]


def restart_app() -> bool:
    """Start a new copy; the caller then closes this one. False if it could not start."""
    program, arguments = restart_command()
    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)


class AppMenus(QObject):
    def __init__(self, content: MainContent, file_menu: QMenu, before: QAction) -> None:
        window = content.window
        super().__init__(window)
        self.window = window
        self.content = content
        self.settings_factory: Callable[[], QSettings] = QSettings
        self.restart: Callable[[], bool] = restart_app
        self.settings_dialog: SettingsDialog | None = None
        self.about_dialog: AboutDialog | None = None
        self.user_guide_dialog: user_guide.UserGuideDialog | None = None
        self.restart_box: QMessageBox | None = None
        self.about_qt_box: QMessageBox | None = None

        self.settings_action = QAction(self.tr("&Settings…"), window)
        self.settings_action.setToolTip(self.tr("Choose the Flashback server and the language"))
        self.settings_action.setShortcut(settings_shortcut())
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)
        window.addAction(self.settings_action)
        file_menu.insertAction(before, self.settings_action)
        file_menu.insertSeparator(before)

        help_menu = window.menuBar().addMenu(self.tr("&Help"))
        self.user_guide_action = help_menu.addAction(self.tr("&User guide"))
        self.user_guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.user_guide_action.triggered.connect(self.open_user_guide)
        help_menu.addSeparator()
        self.about_action = help_menu.addAction(self.tr("&About Flashback Desktop"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.open_about)
        self.about_qt_action = help_menu.addAction(self.tr("About &Qt"))
        self.about_qt_action.setMenuRole(QAction.MenuRole.AboutQtRole)
        self.about_qt_action.triggered.connect(self.open_about_qt)
        window.addAction(self.user_guide_action)

    # ---- help ------------------------------------------------------------------------------

    def open_user_guide(self) -> None:
        if self._bring_forward(self.user_guide_dialog):
            return
        guide = user_guide.load_user_guide()
        if guide is None:
            log.warning("No user guide in this installation (%s)", user_guide.readme_path())
            self.content.show_error(
                self.tr("The user guide could not be opened."),
                self.tr("This installation of Flashback Desktop does not include it."),
                self.tr("Ask your IT support for the user guide."),
                f"Looked for: {user_guide.readme_path()}",
            )
            return
        dialog = user_guide.UserGuideDialog(self.window, guide)
        dialog.destroyed.connect(lambda: setattr(self, "user_guide_dialog", None))
        self.user_guide_dialog = dialog
        self._show(dialog)

    def open_about(self) -> None:
        if self._bring_forward(self.about_dialog):
            return
        # On first use: it reads package metadata (importlib.metadata, about 15 ms to import).
        from flashback_desktop.ui.about_dialog import AboutDialog  # noqa: PLC0415

        dialog = AboutDialog(self.window, server=self.window.server_label)
        dialog.destroyed.connect(lambda: setattr(self, "about_dialog", None))
        self.about_dialog = dialog
        self._show(dialog)

    def open_about_qt(self) -> None:
        """Qt's own About box runs exec() off macOS; this one is modeless like the rest."""
        if self._bring_forward(self.about_qt_box):
            return
        box = QMessageBox(self.window)
        box.setObjectName("aboutQtBox")
        box.setWindowTitle(self.tr("About Qt"))
        box.setIconPixmap(QPixmap(_QT_LOGO))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            "<h3>{title}</h3><p>{text}</p>".format(
                title=self.tr("About Qt"),
                text=self.tr(
                    "Flashback Desktop uses Qt {qt} through Qt for Python (PySide6) {pyside}."
                ).format(qt=qVersion(), pyside=pyside_version),
            )
        )
        box.setInformativeText(
            self.tr(
                "Qt is a toolkit for building applications, developed by The Qt Company and "
                "the Qt Project. The app uses it under the GNU Lesser General Public License "
                "version 3 (LGPLv3). See {licensing} and {site}."
            ).format(
                licensing="<a href='https://www.qt.io/licensing/'>qt.io/licensing</a>",
                site="<a href='https://www.qt.io/'>qt.io</a>",
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.setModal(False)  # a message box is modal by default; this one is just reading
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda: setattr(self, "about_qt_box", None))
        self.about_qt_box = box
        self._show(box)

    # ---- settings --------------------------------------------------------------------------

    def open_settings(self) -> None:
        if self._bring_forward(self.settings_dialog):
            return
        in_use = None if self.window.demo else self.content.server_choice
        dialog = SettingsDialog(
            self.window,
            settings=self.settings_factory(),
            tasks=self.content.tasks,
            in_use=in_use,
            system_default=read_system_defaults().server,
        )
        dialog.restart_suggested.connect(self._offer_restart)
        dialog.destroyed.connect(lambda: setattr(self, "settings_dialog", None))
        self.settings_dialog = dialog
        self._show(dialog)

    def _offer_restart(self, server: str, language: str = "") -> None:
        """A new server needs a session of its own (its own sign-in), a new language a new
        start: offer to restart into them ("" is what did not change)."""
        box = QMessageBox(self.window)
        box.setObjectName("restartQuestion")
        box.setWindowTitle("Flashback Desktop")
        box.setIcon(QMessageBox.Icon.Question)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(restart_question(server, language))
        box.setInformativeText(restart_explanation(server, language))
        self.restart_now_button = box.addButton(
            self.tr("&Restart now"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.restart_now_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        restart_now_button = self.restart_now_button
        box.buttonClicked.connect(
            lambda clicked: self.restart_now() if clicked is restart_now_button else None
        )
        box.destroyed.connect(lambda: setattr(self, "restart_box", None))
        self.restart_box = box
        box.open()
        self.content.dialog_opened.emit(box)

    def restart_now(self) -> None:
        log.info("Restarting for the new settings")
        if self.restart():
            self.window.close()  # the app quits the usual way; the new copy takes over
            return
        self.content.show_error(
            self.tr("Flashback Desktop could not restart by itself."),
            self.tr("Your new settings are saved."),
            self.tr("Close Flashback Desktop and open it again to use them."),
            "Starting a new copy of the app failed.",  # Details: kept in English for support
        )

    # ---- shared ----------------------------------------------------------------------------

    def _show(self, dialog: QDialog) -> None:
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self.content.dialog_opened.emit(dialog)

    @staticmethod
    def _bring_forward(dialog: QDialog | None) -> bool:
        if dialog is None:
            return False
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return True
