"""The header: who is signed in, Refresh, Sign in or Sign out; and the notice under it.

What is shown is decided by the content (ui/main_content.py); this says it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton

from flashback_desktop.i18n import message
from flashback_desktop.ui import accessibility, long_text, server_words
from flashback_desktop.ui.window_actions import WindowActions

if TYPE_CHECKING:  # the session (httpx, keyring) loads in a worker thread, not with the window
    from flashback_desktop.session.session import Session, SignOutResult


class AccountHeader(QObject):
    def __init__(self, actions: WindowActions) -> None:
        super().__init__(actions)
        # Plain text (names are never markup), elided: a name can be any length.
        self.user_label = long_text.ElidedLabel(self.tr("Connecting…"))
        self.user_label.setObjectName("userLabel")
        self.refresh_button = QToolButton()
        self.refresh_button.setDefaultAction(actions.refresh)
        self.refresh_button.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.sign_out_button = QToolButton()
        self.sign_out_button.setDefaultAction(actions.sign_out)
        self.sign_in_button = QToolButton()
        self.sign_in_button.setDefaultAction(actions.sign_in)
        self.row = header = QHBoxLayout()
        header.addWidget(self.user_label, 1)
        header.addWidget(self.refresh_button)
        header.addWidget(self.sign_in_button)
        header.addWidget(self.sign_out_button)

        self.notice = QLabel()
        self.notice.setObjectName("noticeBanner")
        self.notice.setWordWrap(True)
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice.setMargin(6)
        self.notice.setVisible(False)

    def offer(self, *, sign_in: bool, sign_out: bool) -> None:
        """The header offers one of the two, and neither while the answer is not known."""
        self.sign_in_button.setVisible(sign_in)
        self.sign_out_button.setVisible(sign_out)

    def show_profile(self, session: Session | None, *, connecting: bool, expired: bool) -> None:
        """Who is signed in, or why nobody is (yet)."""
        profile = session.profile if session and session.signed_in else None
        if connecting:
            self.user_label.setText(self.tr("Connecting…"))
        elif expired:
            self.user_label.setText(self.tr("Your sign-in has expired."))
        elif session is None or not session.signed_in:
            self.user_label.setText(self.tr("Not signed in"))
        elif profile is None:
            self.user_label.setText(self.tr("Signed in"))
        else:
            parts = [profile.display_name, profile.email]
            role = server_words.organisation_role(profile)
            if role:
                parts.append(self.tr("Organisation role: {role}").format(role=role))
            self.user_label.setText(self.tr("Signed in as {who}").format(who=" · ".join(parts)))

    def show_keyring_notice(self, session: Session | None) -> None:
        problem = session.keyring_problem if session else None
        self.show_notice(
            f"{message(problem.message)} {message(problem.action)}" if problem else None
        )

    def show_notice(self, text: str | None) -> None:
        news = text is not None and text != self.notice.text()
        self.notice.setVisible(text is not None)
        self.notice.setText(text or "")
        if news and text:
            accessibility.announce(self.notice, text)

    def show_signed_out_notice(self, result: SignOutResult) -> None:
        """What could not be done while signing out, if anything."""
        notices = []
        if result.server_problem is not None:
            notices.append(
                self.tr(
                    "You are signed out on this computer, but Flashback could not be told, so "
                    "that sign-in stays valid on the server until it expires."
                )
            )
        if result.keyring_problem is not None:
            notices.append(
                self.tr(
                    "You are signed out, but your sign-in could not be removed from this "
                    "computer's password store."
                )
            )
            notices.append(message(result.keyring_problem.action))
        self.show_notice(" ".join(notices) or None)
