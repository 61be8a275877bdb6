"""The window's actions and its File and Edit menus; Settings and Help are app_menus.py's.

Every action has a shortcut or a mnemonic, and sits in a menu (Alt+F, Alt+E). What they do
is connected by the content (ui/main_content.py).
"""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow


class WindowActions(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        # Every action has a shortcut or a mnemonic, and sits in a menu (Alt+F, Alt+E).
        self.new_conversation = QAction(self.tr("&New Conversation"), self)
        self.new_conversation.setShortcut(QKeySequence.StandardKey.New)
        self.new_conversation.setToolTip(
            self.tr("Start a new AI conversation for the selected repository")
        )
        self.new_conversation.setAutoRepeat(False)  # a held Ctrl+N is one press
        self.refresh = QAction(self.tr("&Refresh"), self)
        self.refresh.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Refresh), QKeySequence("Ctrl+R")]
        )
        self.refresh.setToolTip(self.tr("Load the repository list again (F5)"))
        self.sign_out = QAction(self.tr("Sign &out"), self)
        self.sign_out.setToolTip(self.tr("Sign out of Flashback on this computer"))
        self.sign_in = QAction(self.tr("Sign &in…"), self)
        self.sign_in.setToolTip(self.tr("Sign in to Flashback"))
        self.quit = QAction(self.tr("&Quit"), self)
        self.quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit.triggered.connect(window.close)
        # Ctrl+C in a text field copies its selection (the field takes the key first);
        # anywhere else it copies the conversation ID shown.
        self.copy_id = QAction(self.tr("&Copy Conversation ID"), self)
        self.copy_id.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_id.setShortcutContext(QtCore.Qt.ShortcutContext.WindowShortcut)
        for action in (
            self.new_conversation,
            self.refresh,
            self.quit,
            self.copy_id,
        ):
            window.addAction(action)
        self.file_menu = file_menu = window.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.new_conversation)
        file_menu.addAction(self.refresh)
        file_menu.addSeparator()
        file_menu.addAction(self.sign_in)
        file_menu.addAction(self.sign_out)
        file_menu.addAction(self.quit)
        self.edit_menu = window.menuBar().addMenu(self.tr("&Edit"))
        self.edit_menu.addAction(self.copy_id)
