"""Sign in: email and password, an authenticator code when asked, or a pasted token.

The dialog only collects what the person types and shows what the window reports back;
the window does the talking to Flashback. The password is never kept: the field is
cleared as soon as the server has accepted it.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from flashback_desktop.ui.accessibility import announce, describe, set_tab_order
from flashback_desktop.ui.link_button import LinkButton

CODE_LENGTH = 6
MINIMUM_WIDTH = 460  # logical pixels: room for an email address and the wrapped messages


class SignInPage:
    PASSWORD, TOKEN, CODE = range(3)


def _wrapped(text: str = "", name: str = "") -> QLabel:
    """Plain text unless a caller says otherwise: messages may quote what was typed."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class SignInDialog(QDialog):
    password_entered = Signal(str, str)
    token_entered = Signal(str)
    code_entered = Signal(str)
    code_cancelled = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        *,
        server: str,
        reason: str | None = None,
        demo_account: tuple[str, str] | None = None,
        keeps_sign_in: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in to Flashback"))
        self._busy = False

        intro = _wrapped(self.tr("Sign in to <b>{server}</b>.").format(server=escape(server)))
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.reason_label = _wrapped(reason or "", "signInReason")
        self.reason_label.setVisible(bool(reason))

        # Built first: filling in the fields below already updates the Sign in button.
        buttons = QDialogButtonBox()
        self.sign_in_button = buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self._submit)
        # Qt's own Cancel: Qt's catalogue translates it, like every dialog on the desktop.
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleDescription(self.tr("Closes without signing in"))
        self.cancel_button.clicked.connect(self.reject)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_password_page(demo_account))
        self.pages.addWidget(self._build_token_page(keeps_sign_in))
        self.pages.addWidget(self._build_code_page())
        self.pages.currentChanged.connect(self._on_page_changed)

        self.error_label = _wrapped(name="signInError")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setVisible(False)
        font = self.error_label.font()
        font.setBold(True)
        self.error_label.setFont(font)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.pages)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._set_tab_order()
        self._on_page_changed(SignInPage.PASSWORD)

    def _set_tab_order(self) -> None:
        """Each page's fields, its link, then the buttons: Tab skips the hidden pages."""
        set_tab_order(
            self.email_edit,
            self.password_edit,
            self.use_token_link,
            self.token_edit,
            self.use_password_link,
            self.code_edit,
            self.start_again_link,
            self.sign_in_button,
            self.cancel_button,
        )

    # ---- pages -----------------------------------------------------------------------------

    def _build_password_page(self, demo_account: tuple[str, str] | None) -> QWidget:
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("emailEdit")
        describe(
            self.email_edit,
            self.tr("Email"),
            self.tr("The email address of your Flashback account"),
        )
        self.email_edit.setPlaceholderText(self.tr("name@company.com"))
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("passwordEdit")
        describe(
            self.password_edit,
            self.tr("Password"),
            self.tr("Your Flashback password; it is not kept on this computer"),
        )
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.email_edit, self.password_edit):
            edit.textChanged.connect(self._update_buttons)
        form = QFormLayout()
        form.addRow(self.tr("&Email:"), self.email_edit)  # the label is the field's buddy
        form.addRow(self.tr("&Password:"), self.password_edit)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        if demo_account is not None:
            email, password = demo_account
            demo = _wrapped(
                self.tr("Demo account: <b>{email}</b><br>Demo password: <b>{password}</b>").format(
                    email=escape(email), password=escape(password)
                ),
                "demoAccount",
            )
            demo.setTextFormat(Qt.TextFormat.RichText)
            demo.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(demo)
            self.email_edit.setText(email)
            self.password_edit.setText(password)
        layout.addLayout(form)
        self.use_token_link = LinkButton(self.tr("Use an &access token instead"))
        self.use_token_link.setAccessibleDescription(
            self.tr("For accounts that sign in through Google, GitHub or Microsoft")
        )
        self.use_token_link.setObjectName("useTokenLink")
        self.use_token_link.clicked.connect(lambda: self.show_page(SignInPage.TOKEN))
        layout.addWidget(self.use_token_link)
        return page

    def _build_token_page(self, keeps_sign_in: bool) -> QWidget:
        # Promise only what will happen: without a usable password store (or in demo mode)
        # the token lives in memory until the app closes.
        explanation = (
            self.tr(
                "Paste the access token you copied from the Flashback website. It is kept in "
                "this computer's password store, not in a file."
            )
            if keeps_sign_in
            else self.tr(
                "Paste the access token you copied from the Flashback website. No password "
                "store can be used here, so it is kept only until you close Flashback Desktop, "
                "never in a file: next time, paste it again."
            )
        )
        self.token_explanation = _wrapped(explanation, "tokenExplanation")
        self.token_edit = QLineEdit()
        self.token_edit.setObjectName("tokenEdit")
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(self.tr("Access token"))
        describe(self.token_edit, self.tr("Access token"), self.token_explanation.text())
        self.token_edit.textChanged.connect(self._update_buttons)
        self.use_password_link = LinkButton(self.tr("Use &email and password instead"))
        self.use_password_link.setAccessibleDescription(
            self.tr("Back to signing in with your email address and password")
        )
        self.use_password_link.clicked.connect(lambda: self.show_page(SignInPage.PASSWORD))

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.token_explanation)
        layout.addWidget(self.token_edit)
        layout.addWidget(self.use_password_link)
        layout.addStretch(1)  # keep the page at the top when the dialog is taller
        return page

    def _build_code_page(self) -> QWidget:
        explanation = _wrapped(
            self.tr(
                "Your account asks for a second step. Open your authenticator app and type "
                "the {count}-digit code it shows for Flashback."
            ).format(count=CODE_LENGTH)
        )
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("codeEdit")
        describe(self.code_edit, self.tr("Verification code"), explanation.text())
        self.code_edit.setPlaceholderText("123456")
        self.code_edit.setMaxLength(CODE_LENGTH)
        self.code_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{CODE_LENGTH}}}"), self)
        )
        self.code_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.code_edit.textChanged.connect(self._update_buttons)
        self.start_again_link = back = LinkButton(self.tr("&Start again"))
        back.setAccessibleDescription(self.tr("Back to your email address and password"))
        back.clicked.connect(self._leave_code_page)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(explanation)
        layout.addWidget(self.code_edit)
        layout.addWidget(back)
        layout.addStretch(1)
        return page

    # ---- what the window calls -------------------------------------------------------------

    @property
    def page(self) -> int:
        return self.pages.currentIndex()

    def show_page(self, page: int) -> None:
        self.error_label.setVisible(False)
        self.pages.setCurrentIndex(page)
        self._fit_to_content()

    def ask_for_code(self) -> None:
        """The password was right: forget it and ask for the authenticator code."""
        self.password_edit.clear()
        self.code_edit.clear()
        self.show_page(SignInPage.CODE)

    def explain_browser_only(self, text: str) -> None:
        """The account's second step needs a browser: offer the token path with a reason."""
        self.password_edit.clear()
        self.show_page(SignInPage.TOKEN)
        self.show_error(text)

    def show_error(self, text: str, *, fix: QLineEdit | None = None) -> None:
        """Say why, then put the keyboard in the field to fix (``fix``, else the page's
        first one to type in) with its text selected, so typing replaces it and Enter
        sends what is typed now. Called once the dialog is no longer busy: a disabled
        field cannot take the focus."""
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        self._fit_to_content()
        announce(self.error_label, text, assertive=True)
        edit = fix if fix is not None and fix.isVisibleTo(self) else self._first_edit()
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        edit.selectAll()
        self.sign_in_button.setDefault(True)

    def set_busy(self, busy: bool) -> None:
        """While Flashback is answering, the dialog stays: its answer has to land somewhere."""
        self._busy = busy
        self.pages.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.sign_in_button.setText(self.tr("Signing in…") if busy else self._submit_text())
        self._update_buttons()

    def forget_password(self) -> None:
        self.password_edit.clear()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Now the fonts and the style are those shown. Qt sized the window from the wrapped
        # labels' guessed shape, taller than they are at this width: take the real height.
        self._fit_to_content(exactly=True)

    def reject(self) -> None:
        if not self._busy:  # Esc and the title bar's close button end up here too
            super().reject()

    # ---- internals -------------------------------------------------------------------------

    def _first_edit(self) -> QLineEdit:
        if self.page == SignInPage.TOKEN:
            return self.token_edit
        if self.page == SignInPage.CODE:
            return self.code_edit
        return self.password_edit if self.email_edit.text().strip() else self.email_edit

    def _leave_code_page(self) -> None:
        self.code_cancelled.emit()
        self.show_page(SignInPage.PASSWORD)

    def _submit_text(self) -> str:
        return self.tr("Verify") if self.page == SignInPage.CODE else self.tr("Sign in")

    def _on_page_changed(self, page: int) -> None:
        # The stack takes the height of the page shown, not of the tallest one.
        for index in range(self.pages.count()):
            policy = QSizePolicy.Policy.Preferred if index == page else QSizePolicy.Policy.Ignored
            widget = self.pages.widget(index)
            if widget is not None:
                widget.setSizePolicy(policy, policy)
        self.sign_in_button.setText(self._submit_text())
        self.sign_in_button.setDefault(True)  # Enter submits on every page
        self._first_edit().setFocus()
        self._update_buttons()

    def _fit_to_content(self, *, exactly: bool = False) -> None:
        """Grow (never crush) to fit what is shown now at the current width.

        Wrapped labels need more height as messages appear; a top-level dialog's layout
        does not grow the window for them by itself, so its fields would be squeezed below
        their size hint and the text clipped.
        """
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        narrowest = max(MINIMUM_WIDTH, layout.totalMinimumSize().width())
        # The height needed at the narrowest width is enough at every wider one.
        needed = max(
            layout.totalHeightForWidth(narrowest)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height(),
            layout.totalMinimumSize().height(),
        )
        self.setMinimumSize(narrowest, needed)
        width = max(self.width(), narrowest)
        if exactly:
            self.resize(
                width, layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else needed
            )
        elif self.height() < needed or self.width() < narrowest:
            self.resize(width, max(self.height(), needed))

    def _ready(self) -> bool:
        if self.page == SignInPage.TOKEN:
            return bool(self.token_edit.text().strip())
        if self.page == SignInPage.CODE:
            return len(self.code_edit.text()) == CODE_LENGTH
        return bool(self.email_edit.text().strip() and self.password_edit.text())

    def _update_buttons(self) -> None:
        self.sign_in_button.setEnabled(not self._busy and self._ready())

    def _submit(self) -> None:
        if self._busy or not self._ready():
            return
        self.error_label.setVisible(False)
        if self.page == SignInPage.TOKEN:
            self.token_entered.emit(self.token_edit.text().strip())
        elif self.page == SignInPage.CODE:
            self.code_entered.emit(self.code_edit.text())
        else:
            self.password_entered.emit(self.email_edit.text().strip(), self.password_edit.text())
