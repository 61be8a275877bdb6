"""A problem found before the window exists, shown in a dialog as well as on the terminal.

Someone who starts the app from the desktop's menu sees no terminal: without this, a bad
server address would make the app silently never open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

# Qt platforms nobody looks at: a dialog there would wait for a click that never comes.
_UNSEEN_PLATFORMS = frozenset({"offscreen", "minimal"})


class StartupErrorDialog(QMessageBox):
    def __init__(self, problem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startupErrorDialog")
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("Flashback Desktop cannot start"))
        self.setTextFormat(Qt.TextFormat.PlainText)  # an address someone else typed
        self.setText(self.tr("Flashback Desktop cannot start with this server address."))
        self.setInformativeText(problem)
        self.setStandardButtons(QMessageBox.StandardButton.Close)
        self.setDefaultButton(QMessageBox.StandardButton.Close)


def can_show_dialogs() -> bool:
    return QApplication.platformName() not in _UNSEEN_PLATFORMS


def show_startup_error(problem: str) -> None:
    """Shows ``problem`` and waits until the person closes it (when a screen shows it)."""
    if can_show_dialogs():
        StartupErrorDialog(problem).exec()
