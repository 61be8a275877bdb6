"""The sign-in dialog and its exchange with the session: password, code, or pasted token.

One attempt at a time; while Flashback answers, the dialog cannot be closed, so the answer
always lands somewhere. The window listens for ``signed_in`` and reloads what it shows.
"""

from __future__ import annotations

import logging
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from flashback_desktop.api import errors
from flashback_desktop.api.models import UserProfile
from flashback_desktop.i18n import message
from flashback_desktop.translatable import QT_TRANSLATE_NOOP
from flashback_desktop.ui.sign_in_dialog import SignInDialog, SignInPage
from flashback_desktop.ui.tasks import TaskManager

if TYPE_CHECKING:  # the session brings httpx and keyring: load them after the first paint
    from flashback_desktop.session.session import MfaChallenge, Session

log = logging.getLogger("flashback.ui.sign_in")

SIGN_IN_TASK = "sign-in"

# Marked here, translated when shown (``message``).
_PASTE_REFUSED = QT_TRANSLATE_NOOP(
    "Messages",
    "Flashback did not accept this token. Check that you copied all of it, or ask for a new one.",
)
_SIGN_IN_NOT_ACCEPTED = QT_TRANSLATE_NOOP(
    "Messages", "Flashback did not accept this sign-in. Please try again."
)
_BROWSER_ONLY_MFA = QT_TRANSLATE_NOOP(
    "Messages",
    "Your account confirms sign-ins with an email link or a passkey, which need a web "
    "browser. Sign in on the Flashback website, copy an access token there, and paste it here.",
)
_NO_MFA_METHOD = QT_TRANSLATE_NOOP(
    "Messages",
    "Your account needs two-step verification, but none is set up yet. Set it up on the "
    "Flashback website, then sign in here again.",
)

# Refusals that the email address answers for: no such account, or one with no password
# (it signs in through Google, GitHub or Microsoft: another address, or the token page).
_FIXED_IN_THE_EMAIL = frozenset(
    errors.SIGN_IN_REFUSALS[code][0] for code in ("USER_NOT_FOUND", "NO_PASSWORD_SET")
)

Attempt = Coroutine[Any, Any, "UserProfile | MfaChallenge"]


class SignInFlow(QObject):
    signed_in = Signal()  # the session now holds a full sign-in and a profile
    cancelled = Signal()  # the dialog closed without a sign-in
    dialog_opened = Signal(QWidget)

    def __init__(self, window: QWidget, tasks: TaskManager, *, server_label: str) -> None:
        super().__init__(window)
        self._window = window
        self._tasks = tasks
        self._server_label = server_label
        self.session: Session | None = None
        self.demo_account: tuple[str, str] | None = None
        self._dialog: SignInDialog | None = None

    @property
    def dialog(self) -> SignInDialog | None:
        return self._dialog

    def ask(self, reason: str | None = None, *, email: str = "") -> None:
        """Open the dialog, or bring the open one forward; ``email`` fills in the field
        (a sign-in that ran out: the person is the same, only the password is asked)."""
        if self._dialog is not None:
            self.raise_dialog()
            return
        dialog = SignInDialog(
            self._window,
            server=self._server_label,
            reason=reason,
            demo_account=self.demo_account,
            keeps_sign_in=self._keeps_sign_in(),
        )
        dialog.password_entered.connect(self._on_password_entered)
        dialog.token_entered.connect(self._on_token_entered)
        dialog.code_entered.connect(self._on_code_entered)
        dialog.code_cancelled.connect(self._cancel_mfa)
        dialog.finished.connect(self._on_closed)
        if email and not dialog.email_edit.text():
            dialog.email_edit.setText(email)
            dialog.password_edit.setFocus()
        self._dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _keeps_sign_in(self) -> bool:
        """Whether a sign-in made now outlives this run (demo mode keeps it in memory)."""
        if self.demo_account is not None:
            return False
        return self.session is None or self.session.keyring_problem is None

    def raise_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.raise_()
            self._dialog.activateWindow()

    # ---- what the person entered -----------------------------------------------------------

    def _on_password_entered(self, email: str, password: str) -> None:
        if self.session is not None:
            self._start(self.session.sign_in_with_password(email, password), _SIGN_IN_NOT_ACCEPTED)

    def _on_token_entered(self, token: str) -> None:
        if self.session is not None:
            self._start(self.session.sign_in_with_token(token), _PASTE_REFUSED)

    def _on_code_entered(self, code: str) -> None:
        if self.session is not None:
            self._start(self.session.complete_mfa(code), _SIGN_IN_NOT_ACCEPTED)

    def _cancel_mfa(self) -> None:
        if self.session is not None:
            self.session.cancel_mfa()

    def _on_closed(self, result: int) -> None:
        if self._dialog is not None:
            self._dialog.deleteLater()
        self._dialog = None
        if result != QDialog.DialogCode.Accepted:
            self._cancel_mfa()
            self.cancelled.emit()

    # ---- the attempt -----------------------------------------------------------------------

    def _start(self, attempt: Attempt, rejected: str) -> None:
        dialog = self._dialog
        if dialog is None or self._tasks.is_running(SIGN_IN_TASK):
            attempt.close()  # the dialog is busy, so this cannot normally happen
            return
        dialog.set_busy(True)  # now, not when the task first runs: it cannot be closed between
        self._tasks.start(SIGN_IN_TASK, self._attempt(dialog, attempt, rejected))

    async def _attempt(self, dialog: SignInDialog, attempt: Attempt, rejected: str) -> None:
        try:  # the dialog is busy, so it cannot be closed until the answer is in
            outcome = await attempt
        except errors.FlashbackError as exc:
            # Not busy any more first: the field to fix must be enabled to take the focus.
            dialog.set_busy(False)
            self._refused(dialog, exc, rejected)
            return
        except BaseException:
            dialog.set_busy(False)
            raise
        dialog.set_busy(False)
        if isinstance(outcome, UserProfile):
            dialog.forget_password()
            dialog.accept()
            self.signed_in.emit()
        elif outcome.can_enter_code:
            dialog.ask_for_code()
        else:
            dialog.explain_browser_only(
                message(_BROWSER_ONLY_MFA if outcome.methods else _NO_MFA_METHOD)
            )

    @staticmethod
    def _refused(dialog: SignInDialog, exc: errors.FlashbackError, rejected: str) -> None:
        if isinstance(exc, errors.UnauthorizedError):
            dialog.show_error(message(rejected))
            return
        if isinstance(exc, errors.MfaTimedOutError):
            dialog.show_page(SignInPage.PASSWORD)
        else:
            log.warning("Sign-in failed: %s", exc)
        # An unknown or password-less account is fixed in the email field; everything else
        # where the page puts the keyboard first (the password, the code, the token).
        fix = dialog.email_edit if exc.message in _FIXED_IN_THE_EMAIL else None
        dialog.show_error(f"{message(exc.message)} {message(exc.action)}", fix=fix)
