"""The one way an error dialog opens: from the main window, Recent conversations or a crash.

Each dialog is opened modelessly (``open()``, never ``exec()``, which would re-enter the
event loop inside a coroutine) and reported by ``dialog_opened``, so ``--exit-after`` and
the soak see every dialog that needs a person. The dialog redacts its own texts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from flashback_desktop.api import errors
from flashback_desktop.i18n import message
from flashback_desktop.ui.error_dialog import ErrorDialog


class ErrorPresenter(QObject):
    dialog_opened = Signal(QWidget)

    def __init__(self, parent: Callable[[], QWidget | None]) -> None:
        super().__init__()
        self._parent = parent
        # A dialog without a parent window would be garbage-collected as soon as it opens.
        self._open_dialogs: list[ErrorDialog] = []

    def show(self, headline: str, text: str, action: str, details: str) -> ErrorDialog:
        """What happened, what to do, and Details for IT support."""
        return self.open(
            ErrorDialog(
                self._parent(), headline=headline, message=text, action=action, details=details
            )
        )

    def show_failure(self, headline: str, exc: errors.FlashbackError) -> ErrorDialog:
        """A request that failed: its own sentences under ``headline``."""
        return self.show(headline, message(exc.message), message(exc.action), exc.details.as_text())

    def open(self, dialog: ErrorDialog) -> ErrorDialog:
        self._open_dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _forget(self, dialog: ErrorDialog) -> None:
        if dialog in self._open_dialogs:
            self._open_dialogs.remove(dialog)
