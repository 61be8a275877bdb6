"""Sign in by pasting an access token. The window validates it and reports back here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class SignInDialog(QDialog):
    token_entered = Signal(str)

    def __init__(self, parent: QWidget | None, *, server: str, reason: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle("Sign in to Flashback")

        intro = QLabel(
            f"Sign in to <b>{server}</b>.<br>Paste the access token you received from "
            "Flashback. It is kept in this computer's password store, not in a file."
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.reason_label = QLabel(reason or "")
        self.reason_label.setObjectName("signInReason")
        self.reason_label.setWordWrap(True)
        self.reason_label.setVisible(bool(reason))

        self.token_edit = QLineEdit()
        self.token_edit.setObjectName("tokenEdit")
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText("Access token")
        self.token_edit.setAccessibleName("Access token")
        self.token_edit.textChanged.connect(self._update_buttons)

        self.error_label = QLabel()
        self.error_label.setObjectName("signInError")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        font = self.error_label.font()
        font.setBold(True)
        self.error_label.setFont(font)

        buttons = QDialogButtonBox()
        self.sign_in_button = buttons.addButton("Sign in", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self._submit)
        buttons.addButton("Cancel", QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(
            self.reject
        )

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason_label)
        layout.addWidget(QLabel("Access token:"))
        layout.addWidget(self.token_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self._busy = False
        self._update_buttons()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        self.token_edit.setFocus()
        self.token_edit.selectAll()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.token_edit.setEnabled(not busy)
        self.sign_in_button.setText("Signing in…" if busy else "Sign in")
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.sign_in_button.setEnabled(not self._busy and bool(self.token_edit.text().strip()))

    def _submit(self) -> None:
        token = self.token_edit.text().strip()
        if token and not self._busy:
            self.error_label.setVisible(False)
            self.token_entered.emit(token)
