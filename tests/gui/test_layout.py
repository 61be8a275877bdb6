"""Every dialog page and window state, as laid out under the window manager, in en, es, de.

The checker (tests/support/layout.py) finds fields shrunk below their size hint, text that
does not fit, and overlapping neighbours; after each sign-in refusal the keyboard focus
must be in the field to fix.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from flashback_desktop import i18n
from flashback_desktop.sandbox import Fault
from flashback_desktop.ui.error_dialog import ErrorDialog
from flashback_desktop.ui.sign_in_dialog import SignInDialog, SignInPage
from tests.gui.conftest import App
from tests.gui.keyboard import activate
from tests.support.layout import focus_problem, layout_problems

LANGUAGES = ["en", "es", "de"]


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """As if the ui/language setting said so when the app started."""
    code: str = request.param
    if code != "en":
        assert i18n.install(code) == code
    yield code
    if code != "en":
        i18n.uninstall()


def assert_laid_out(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.waitExposed(widget)
    activate(qtbot, widget.window())
    assert layout_problems(widget.window()) == []


# ---- the main window --------------------------------------------------------------------


def test_the_list_and_a_created_conversation(
    language: str, start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    assert_laid_out(qtbot, app.window)
    app.select("Contracts 2026")
    with app.page.wait_created(qtbot):
        app.page.new_conversation()
    app.wait_until_idle()
    assert_laid_out(qtbot, app.window)


def test_no_repositories(language: str, start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    app.sandbox.state.repos.clear()
    with app.page.wait_repositories_shown(qtbot):
        app.page.refresh()
    assert_laid_out(qtbot, app.window)


def test_a_server_without_the_route(
    language: str, start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app(wait_for_repositories=False)
    app.sandbox.state.faults.add("GET", "/repo", Fault(status=404), times=None)
    app.page.refresh()
    qtbot.waitUntil(lambda: app.page.showing == "message", timeout=10_000)
    app.wait_until_idle()
    assert_laid_out(qtbot, app.window)


def test_an_error_dialog(language: str, start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    app.select("NDAs")
    app.sandbox.state.faults.add("POST", "/conversation", Fault(status=403))
    with app.page.wait_dialog(qtbot) as opened:
        app.page.new_conversation()
    dialog = opened.args[0]
    assert isinstance(dialog, ErrorDialog)
    assert_laid_out(qtbot, dialog)
    dialog.details_button.click()  # the details open below
    assert_laid_out(qtbot, dialog)
    dialog.close()


def test_settings_and_about(language: str, start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    menus = app.page.menus
    menus.open_settings()
    settings = menus.settings_dialog
    assert settings is not None
    assert_laid_out(qtbot, settings)
    settings.reject()
    menus.open_about()
    about = menus.about
    assert about is not None
    assert_laid_out(qtbot, about)
    about.reject()


# ---- the sign-in dialog, page by page and after each refusal ---------------------------


def sign_in_dialog(app: App, qtbot: QtBot) -> SignInDialog:
    dialog = app.page.wait_sign_in_dialog(qtbot).dialog  # the dialog's own layout is tested
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    return dialog


def refuse(app: App, qtbot: QtBot, dialog: SignInDialog) -> None:
    dialog.sign_in_button.click()
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=10_000)
    app.wait_until_idle()


def wrong_password(app: App, qtbot: QtBot, dialog: SignInDialog) -> tuple[QLineEdit, ...]:
    dialog.email_edit.setText(app.sandbox.state.demo_email)
    dialog.password_edit.setText("not-the-password")
    refuse(app, qtbot, dialog)
    return (dialog.password_edit,)


def unreachable(app: App, qtbot: QtBot, dialog: SignInDialog) -> tuple[QLineEdit, ...]:
    app.sandbox.state.faults.add("POST", "/user/login", Fault(reset=True), times=None)
    dialog.email_edit.setText(app.sandbox.state.demo_email)
    dialog.password_edit.setText(app.sandbox.state.demo_password)
    refuse(app, qtbot, dialog)
    return (dialog.password_edit,)


def google_only(app: App, qtbot: QtBot, dialog: SignInDialog) -> tuple[QLineEdit, ...]:
    dialog.email_edit.setText(app.sandbox.state.no_password_email)
    dialog.password_edit.setText("whatever")
    refuse(app, qtbot, dialog)
    # Another address, or the token the message points to: either is the field to fix.
    return (dialog.email_edit, dialog.token_edit)


def to_code_page(app: App, qtbot: QtBot, dialog: SignInDialog) -> None:
    state = app.sandbox.state
    dialog.email_edit.setText(state.mfa_email)
    dialog.password_edit.setText(state.demo_password)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: dialog.page == SignInPage.CODE, timeout=10_000)
    app.wait_until_idle()


def to_token_page(app: App, qtbot: QtBot, dialog: SignInDialog) -> None:
    dialog.use_token_link.click()
    qtbot.waitUntil(lambda: dialog.page == SignInPage.TOKEN, timeout=5000)


def wrong_code(app: App, qtbot: QtBot, dialog: SignInDialog) -> tuple[QLineEdit, ...]:
    to_code_page(app, qtbot, dialog)
    state = app.sandbox.state
    dialog.code_edit.setText("000000" if state.current_totp_code() != "000000" else "111111")
    refuse(app, qtbot, dialog)
    return (dialog.code_edit,)


def refused_token(app: App, qtbot: QtBot, dialog: SignInDialog) -> tuple[QLineEdit, ...]:
    to_token_page(app, qtbot, dialog)
    dialog.token_edit.setText("not-a-real-token")
    refuse(app, qtbot, dialog)
    return (dialog.token_edit,)


REFUSALS: dict[str, Callable[[App, QtBot, SignInDialog], tuple[QLineEdit, ...]]] = {
    "wrong_password": wrong_password,
    "unreachable": unreachable,
    "google_only": google_only,
    "wrong_code": wrong_code,
    "refused_token": refused_token,
}


PAGES: dict[str, Callable[[App, QtBot, SignInDialog], None]] = {
    "password": lambda _app, _qtbot, _dialog: None,
    "code": to_code_page,
    "token": to_token_page,
}


@pytest.mark.parametrize("page", list(PAGES))
def test_each_sign_in_page_as_it_opens(
    page: str, language: str, start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app(signed_in=False)
    dialog = sign_in_dialog(app, qtbot)
    PAGES[page](app, qtbot, dialog)
    layout = layout_problems(dialog)
    dialog.reject()
    assert layout == []


# After every refusal, in every language: nothing crushed or clipped, the focus in the field to fix.
@pytest.mark.parametrize("refusal", list(REFUSALS))
def test_the_sign_in_dialog_after_a_refusal(
    refusal: str, language: str, start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app(signed_in=False)
    dialog = sign_in_dialog(app, qtbot)
    fields = REFUSALS[refusal](app, qtbot, dialog)
    layout = layout_problems(dialog)
    focus = focus_problem(*fields)
    dialog.reject()
    assert layout == []
    assert focus is None


@pytest.mark.parametrize("refusal", list(REFUSALS))
def test_the_window_behind_the_sign_in_dialog_after_a_refusal(
    refusal: str, language: str, start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app(signed_in=False)
    dialog = sign_in_dialog(app, qtbot)
    REFUSALS[refusal](app, qtbot, dialog)
    layout = layout_problems(app.window)
    dialog.reject()
    assert layout == []
