"""After every kind of sign-in refusal, as a person at the keyboard meets it.

Keys go where a real keyboard sends them: to the focused widget of the active window
(``QApplication.focusWidget()``), never straight to a chosen field. Under the window
manager (tests/run starts openbox on Xvfb), a keyboard trap or a crushed dialog shows here.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

import keyring.backends.fail
import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from flashback_desktop import i18n
from flashback_desktop.sandbox import Fault
from flashback_desktop.ui.sign_in_dialog import SignInDialog, SignInPage
from tests.gui.conftest import App
from tests.gui.test_sign_in import wait_for_sign_in


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "the keyboard goes nowhere: no widget has the focus"
    return widget


def type_keys(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def press(qtbot: QtBot, key: Qt.Key) -> None:
    qtbot.keyClick(focused(), key)


def refusal_after_enter(app: App, qtbot: QtBot, dialog: SignInDialog) -> str:
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: dialog.error_label.isVisible() and dialog.pages.isEnabled(), timeout=10_000
    )
    return dialog.error_label.text()


def assert_ready_to_fix(dialog: SignInDialog, field: QLineEdit, wrong: str) -> None:
    """The keyboard is in ``field``, whose whole text is selected: typing replaces it."""
    assert focused() is field
    assert field.selectedText() == wrong
    assert dialog.sign_in_button.isDefault()


def enter_signs_in(app: App, qtbot: QtBot) -> None:
    with app.page.wait_repositories_shown(qtbot):
        press(qtbot, Qt.Key.Key_Return)
    assert app.page.sign_in_dialog is None
    assert app.session.signed_in


def start_signed_out(start_app: Callable[..., App], qtbot: QtBot) -> tuple[App, SignInDialog]:
    app = start_app(signed_in=False)
    dialog = wait_for_sign_in(app, qtbot)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    assert focused() is dialog.email_edit
    return app, dialog


def type_email_and_password(qtbot: QtBot, email: str, password: str) -> None:
    type_keys(qtbot, email)
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, password)


def test_wrong_password_then_the_right_one_typed_over_it(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app, dialog = start_signed_out(start_app, qtbot)
    state = app.sandbox.state
    type_email_and_password(qtbot, state.demo_email, "not-the-password")
    assert "password is not right" in refusal_after_enter(app, qtbot, dialog)
    assert_ready_to_fix(dialog, dialog.password_edit, "not-the-password")
    type_keys(qtbot, state.demo_password)
    assert dialog.password_edit.text() == state.demo_password  # replaced, not appended
    enter_signs_in(app, qtbot)
    assert state.request_count("POST", "/user/login") == 2


def test_an_unknown_email_is_the_field_to_fix(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app, dialog = start_signed_out(start_app, qtbot)
    state = app.sandbox.state
    type_email_and_password(qtbot, "nobody@demo.flashback.tech", state.demo_password)
    assert "no Flashback account" in refusal_after_enter(app, qtbot, dialog)
    assert_ready_to_fix(dialog, dialog.email_edit, "nobody@demo.flashback.tech")
    type_keys(qtbot, state.demo_email)
    enter_signs_in(app, qtbot)


def test_a_google_account_then_enter_sends_what_is_typed_now(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app, dialog = start_signed_out(start_app, qtbot)
    state = app.sandbox.state
    type_email_and_password(qtbot, state.no_password_email, "first-try")
    assert "Google, GitHub or Microsoft" in refusal_after_enter(app, qtbot, dialog)
    # The address answers for a password-less account: another one, or the token page.
    assert_ready_to_fix(dialog, dialog.email_edit, state.no_password_email)
    type_keys(qtbot, "nobody@demo.flashback.tech")
    assert dialog.email_edit.text() == "nobody@demo.flashback.tech"
    refusal_after_enter(app, qtbot, dialog)
    assert state.request_count("POST", "/user/login") == 2
    assert_ready_to_fix(dialog, dialog.email_edit, "nobody@demo.flashback.tech")


def test_server_unreachable_then_enter_tries_again(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app, dialog = start_signed_out(start_app, qtbot)
    state = app.sandbox.state
    state.faults.add("POST", "/user/login", Fault(reset=True), times=1)
    type_email_and_password(qtbot, state.demo_email, state.demo_password)
    refusal_after_enter(app, qtbot, dialog)
    assert_ready_to_fix(dialog, dialog.password_edit, state.demo_password)
    enter_signs_in(app, qtbot)


def test_wrong_authenticator_code_then_the_right_one(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app, dialog = start_signed_out(start_app, qtbot)
    state = app.sandbox.state
    type_email_and_password(qtbot, state.mfa_email, state.demo_password)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.page == SignInPage.CODE and dialog.isEnabled(), timeout=10_000)
    qtbot.waitUntil(dialog.pages.isEnabled, timeout=5000)
    assert focused() is dialog.code_edit
    wrong = "000000" if state.current_totp_code() != "000000" else "111111"
    type_keys(qtbot, wrong)
    assert "not accepted" in refusal_after_enter(app, qtbot, dialog)
    assert_ready_to_fix(dialog, dialog.code_edit, wrong)
    type_keys(qtbot, state.current_totp_code())
    enter_signs_in(app, qtbot)


def test_a_refused_token_then_enter_sends_the_new_one(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app, dialog = start_signed_out(start_app, qtbot)
    press(qtbot, Qt.Key.Key_Tab)  # from the email field to the password field
    press(qtbot, Qt.Key.Key_Tab)  # to "Use an access token instead"
    assert focused() is dialog.use_token_link
    press(qtbot, Qt.Key.Key_Space)
    assert dialog.page == SignInPage.TOKEN
    assert focused() is dialog.token_edit
    type_keys(qtbot, "not-a-real-token")
    assert "did not accept this token" in refusal_after_enter(app, qtbot, dialog)
    assert_ready_to_fix(dialog, dialog.token_edit, "not-a-real-token")
    type_keys(qtbot, app.sandbox.state.demo_token)
    enter_signs_in(app, qtbot)


# ---- the dialog's layout with each message, in each language ----------------------------------


def _rect_in(dialog: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())


def layout_problems(dialog: QWidget) -> list[str]:
    """Fields below their size hint, labels cut short, and texts on top of each other."""
    problems = []
    shown = [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, QLabel | QLineEdit | QAbstractButton) and w.isVisible()
    ]
    for widget in shown:
        name = widget.objectName() or type(widget).__name__
        text = widget.text()
        if isinstance(widget, QLineEdit):
            needed = widget.sizeHint().height()
        elif isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
        else:
            needed = widget.minimumSizeHint().height()
        if widget.height() < needed:
            problems.append(f"{name} {text[:30]!r}: {widget.height()} px high, needs {needed}")
        if isinstance(widget, QAbstractButton | QLabel) and not (
            isinstance(widget, QLabel) and widget.wordWrap()
        ):
            wide = widget.minimumSizeHint().width()
            if widget.width() < wide:
                problems.append(f"{name} {text[:30]!r}: {widget.width()} px wide, needs {wide}")
    rects = [(w, _rect_in(dialog, w)) for w in shown]
    for index, (first, first_rect) in enumerate(rects):
        for second, second_rect in rects[index + 1 :]:
            if first_rect.intersects(second_rect):
                problems.append(f"{first.text()[:20]!r} overlaps {second.text()[:20]!r}")
    layout = dialog.layout()
    assert layout is not None
    if not dialog.rect().contains(QRect(QPoint(0, 0), layout.totalMinimumSize())):
        problems.append("the dialog is smaller than its layout's minimum")
    return problems


def assert_laid_out(qtbot: QtBot, dialog: QWidget) -> None:
    """The window manager applies a resize a moment later: wait for it, then judge."""
    with contextlib.suppress(qtbot.TimeoutError):
        qtbot.waitUntil(lambda: not layout_problems(dialog), timeout=3000)
    assert layout_problems(dialog) == []


@pytest.fixture(params=["en", "es", "de"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    assert i18n.install(request.param) == request.param
    yield request.param
    i18n.uninstall()


def test_every_refusal_fits_the_dialog(
    language: str, start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app, dialog = start_signed_out(start_app, qtbot)
    state = app.sandbox.state
    assert_laid_out(qtbot, dialog)
    for email in ("nobody@demo.flashback.tech", state.no_password_email, state.demo_email):
        dialog.email_edit.setText(email)
        dialog.password_edit.setText("not-the-password")
        dialog.password_edit.setFocus()
        refusal_after_enter(app, qtbot, dialog)
        assert_laid_out(qtbot, dialog)

    dialog.email_edit.setText(state.mfa_email)
    dialog.password_edit.setText(state.demo_password)
    dialog.sign_in_button.click()
    qtbot.waitUntil(
        lambda: dialog.page == SignInPage.CODE and dialog.pages.isEnabled(), timeout=10_000
    )
    assert_laid_out(qtbot, dialog)
    dialog.code_edit.setText("000000" if state.current_totp_code() != "000000" else "111111")
    refusal_after_enter(app, qtbot, dialog)
    assert_laid_out(qtbot, dialog)

    dialog.start_again_link.click()
    dialog.use_token_link.click()
    dialog.token_edit.setText("not-a-real-token")
    refusal_after_enter(app, qtbot, dialog)
    assert_laid_out(qtbot, dialog)


# ---- what the token page promises --------------------------------------------------------------


def test_the_token_page_promises_the_password_store_only_when_there_is_one(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app(signed_in=False, backend=keyring.backends.fail.Keyring())
    dialog = wait_for_sign_in(app, qtbot)
    assert app.session.keyring_problem is not None
    text = dialog.token_explanation.text()
    assert "password store, not in a file" not in text
    assert "only until you close Flashback Desktop" in text
    assert dialog.token_edit.accessibleDescription() == text


def test_the_token_page_names_the_password_store_when_it_works(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app(signed_in=False)
    dialog = wait_for_sign_in(app, qtbot)
    assert app.session.keyring_problem is None
    assert "kept in this computer's password store" in dialog.token_explanation.text()


def test_a_reason_and_the_demo_account_fit_too(language: str, qtbot: QtBot) -> None:
    """As after "Your sign-in has expired" in demo mode: every text above the fields."""
    dialog = SignInDialog(
        None,
        server="https://flashback.example.com",
        reason="Your sign-in has expired. Sign in again to carry on where you were.",
        demo_account=("ana.ruiz@demo.flashback.tech", "demo-password"),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_laid_out(qtbot, dialog)
    dialog.show_error("That password is not right for this account. " * 3)
    assert_laid_out(qtbot, dialog)
