"""The sign-in dialog as a person sees it: the boxes to type in, Sign in and Cancel, the
reason at the top and the error under the boxes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from pytestqt.wait_signal import SignalBlocker

from flashback_desktop.ui.sign_in_dialog import SignInDialog


@dataclass(frozen=True)
class SignInDialogPage:
    """Equal to another page of the same dialog: ``page.sign_in_dialog == dialog``."""

    dialog: SignInDialog

    @property
    def email_box(self) -> QLineEdit:
        return self.dialog.email_edit

    @property
    def password_box(self) -> QLineEdit:
        return self.dialog.password_edit

    @property
    def token_box(self) -> QLineEdit:
        return self.dialog.token_edit

    @property
    def code_box(self) -> QLineEdit:
        return self.dialog.code_edit

    @property
    def sign_in_button(self) -> QAbstractButton:
        return self.dialog.sign_in_button

    @property
    def cancel_button(self) -> QAbstractButton:
        return self.dialog.cancel_button

    @property
    def use_token_link(self) -> QAbstractButton:
        return self.dialog.use_token_link

    @property
    def step(self) -> int:
        """Which step shows: SignInPage.PASSWORD, TOKEN or CODE."""
        return self.dialog.page

    def show_step(self, step: int) -> None:
        """Go straight to a step (SignInPage.PASSWORD, TOKEN, CODE), as the flow does."""
        self.dialog.show_page(step)

    def shown(self) -> bool:
        return self.dialog.isVisible()

    @property
    def title(self) -> str:
        return self.dialog.windowTitle()

    @property
    def reason(self) -> str:
        return self.dialog.reason_label.text()

    def error_shown(self) -> bool:
        return self.dialog.error_label.isVisible()

    @property
    def error_label(self) -> QLabel:
        """The label itself, for what a screen reader is told."""
        return self.dialog.error_label

    @property
    def error(self) -> str:
        """The error under the boxes ("" when none shows)."""
        label = self.dialog.error_label
        return label.text() if label.isVisible() else ""

    def when_closed(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` as the dialog closes (while its boxes still hold what they do)."""
        self.dialog.finished.connect(lambda _result: callback())

    def wait_closed(self, qtbot: QtBot, timeout: int = 5000) -> SignalBlocker:
        return qtbot.waitSignal(self.dialog.finished, timeout=timeout)

    @property
    def use_password_link(self) -> QAbstractButton:
        return self.dialog.use_password_link

    def press_sign_in(self) -> None:
        """A click on Sign in."""
        self.dialog.sign_in_button.click()

    def cancel(self) -> None:
        """Esc, or the title bar's close button."""
        self.dialog.reject()

    def fill_in(self, email: str, password: str) -> None:
        """Put an email and a password in the boxes (no typing: see type_in)."""
        self.dialog.email_edit.setText(email)
        self.dialog.password_edit.setText(password)

    def type_in(self, qtbot: QtBot, email: str, password: str) -> None:
        """Clear both boxes and type an email and a password, key by key."""
        self.dialog.email_edit.clear()
        self.dialog.password_edit.clear()
        qtbot.keyClicks(self.dialog.email_edit, email)
        qtbot.keyClicks(self.dialog.password_edit, password)
