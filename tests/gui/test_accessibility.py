"""What a screen reader gets: a name for every control, descriptions, and news announced.

Names are read through ``QAccessible.queryAccessibleInterface``, as assistive technology
reads them, not from the widgets' own properties.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from flashback_desktop.sandbox import Fault
from flashback_desktop.ui.accessibility import (
    accessible_description,
    accessible_name,
    announcer,
)
from flashback_desktop.ui.crash_handler import crash_dialog
from flashback_desktop.ui.error_dialog import ErrorDialog
from flashback_desktop.ui.sign_in_dialog import SignInPage
from tests.gui.conftest import App
from tests.gui.keyboard import activate, focus, press
from tests.support.sandbox_data import repo_id_named


def focusable(root: QWidget) -> list[QWidget]:
    """Every widget a keyboard user can reach in ``root`` as it is shown now."""
    return [
        widget
        for widget in [root, *root.findChildren(QWidget)]
        if widget.isVisible() and widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
    ]


def unnamed(root: QWidget) -> list[str]:
    return [
        f"{type(w).__name__} {w.objectName()!r}" for w in focusable(root) if not accessible_name(w)
    ]


def undescribed(root: QWidget) -> list[str]:
    """Inputs, lists and read-only fields need a sentence on top of their name."""
    kinds = (QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit)
    return [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in focusable(root)
        if isinstance(w, kinds) and not accessible_description(w)
    ]


@pytest.fixture
def announced() -> Iterator[list[str]]:
    said: list[str] = []
    announcer().announced.connect(said.append)
    yield said
    announcer().announced.disconnect(said.append)


def create_conversation(app: App, qtbot: QtBot, name: str = "NDAs") -> str:
    app.select(name)
    with app.page.wait_created(qtbot) as created:
        app.page.new_conversation()
    return str(created.args[0])


def test_every_control_of_the_main_window_has_a_name(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    create_conversation(app, qtbot)  # the result row and its Copy button are shown too
    app.page.show_banner_for("Flashback can't be reached.")  # Retry now
    controls = focusable(app.window)
    assert {
        app.page.list_view,
        app.page.filter_box,
        app.page.panel.created_id_box,
    } <= set(controls)
    assert app.page.banner_retry_button in controls
    assert len(controls) >= 9
    assert unnamed(app.window) == []
    assert undescribed(app.window) == []
    assert accessible_name(app.page.list_view) == "Repositories"
    assert accessible_name(app.page.panel.copy_button) == "Copy conversation ID"
    assert accessible_name(app.page.refresh_button) == "Refresh"  # the action's, no "&"
    assert accessible_description(app.page.refresh_button)  # from the action's tool tip


def test_the_signed_out_page_and_every_sign_in_page_name_their_controls(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app(signed_in=False)
    sign_in = app.page.wait_sign_in_dialog(qtbot)
    dialog = sign_in.dialog
    assert app.page.list_message_button in focusable(app.window)  # "Sign in" on the page
    assert unnamed(app.window) == []
    for page in (SignInPage.PASSWORD, SignInPage.TOKEN, SignInPage.CODE):
        sign_in.show_step(page)
        assert len(focusable(dialog)) >= 4, page
        assert unnamed(dialog) == [], page
        assert undescribed(dialog) == [], page
    assert accessible_name(sign_in.code_box) == "Verification code"
    assert "authenticator app" in accessible_description(sign_in.code_box)


def test_error_and_crash_dialogs_name_their_controls_and_say_what_happened(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    dialog = app.page.show_error("It failed.", "Because.", "Do this.", "Status: 500")
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    dialog.details_button.click()
    assert dialog.details_box in focusable(dialog)
    assert unnamed(dialog) == []
    assert undescribed(dialog) == []
    assert accessible_name(dialog) == "It failed."  # said when the dialog opens
    assert accessible_description(dialog) == "Because. Do this."
    assert dialog.focusWidget() is dialog.close_button  # where the focus starts
    crash = crash_dialog(app.window, RuntimeError("boom"), None)
    crash.open()
    qtbot.waitUntil(crash.isVisible, timeout=5000)
    assert unnamed(crash) == []
    crash.close()


def test_buttons_with_text_are_named_by_it(start_app: Callable[..., App]) -> None:
    """The rule the other tests rely on: Qt names a text button by its text (no "&")."""
    app = start_app()
    buttons = [w for w in focusable(app.window) if isinstance(w, QAbstractButton)]
    assert buttons
    for button in buttons:
        if button.text():
            assert accessible_name(button) == button.text().replace("&", "") or (
                button.accessibleName() and accessible_name(button) == button.accessibleName()
            )


def test_news_is_announced(
    start_app: Callable[..., App], qtbot: QtBot, announced: list[str]
) -> None:
    app = start_app(banner_delays_s=(30.0,))
    conversation_id = create_conversation(app, qtbot)
    assert f"Conversation created. Its ID is {conversation_id}." in announced

    announced.clear()
    app.sandbox.state.faults.add("GET", "/repo", Fault(reset=True), times=None)
    app.page.refresh()
    qtbot.waitUntil(app.page.banner_shown, timeout=10_000)
    assert any("Retrying in" in text for text in announced)  # the banner, once
    assert sum("Retrying in" in text for text in announced) == 1


def test_a_refused_sign_in_is_announced_at_once(
    start_app: Callable[..., App], qtbot: QtBot, announced: list[str]
) -> None:
    app = start_app(signed_in=False)
    dialog = app.page.wait_sign_in_dialog(qtbot)
    dialog.fill_in(app.sandbox.state.demo_email, "wrong password")
    dialog.press_sign_in()
    qtbot.waitUntil(dialog.error_shown, timeout=10_000)
    assert dialog.error in announced
    assert "password is not right" in dialog.error


def test_focus_moves_to_the_result_of_each_action(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    app.page.filter_box.setFocus()
    create_conversation(app, qtbot)
    qtbot.waitUntil(app.page.panel.created_id_box.hasFocus, timeout=5000)
    assert app.page.panel.created_id_box.selectedText() == app.page.created_id
    app.sandbox.state.faults.add("POST", "/conversation", Fault(status=500))
    app.pause_between_intents()
    with app.page.wait_dialog(qtbot) as opened:
        app.page.new_conversation()
    dialog = opened.args[0]
    assert isinstance(dialog, ErrorDialog)
    assert dialog.focusWidget() is dialog.close_button


def test_settings_and_about_name_their_controls_and_read_in_screen_order(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    menus = app.page.menus
    app.page.choose("File", "Settings")
    settings = menus.settings_dialog
    assert settings is not None
    qtbot.waitExposed(settings)
    assert len(focusable(settings)) >= 6
    assert unnamed(settings) == []
    assert undescribed(settings) == []
    assert settings.language_combo.accessibleName() == "Language"  # Linux reads its label
    # Tab from the address goes on to Test connection, the language, then Save.
    activate(qtbot, settings)
    settings.custom_edit.setFocus()
    reached = []
    for _ in range(3):
        press(Qt.Key.Key_Tab)
        reached.append(focus())
    assert reached == [settings.test_button, settings.language_combo, settings.save_button]
    settings.close()

    app.page.choose("Help", "About Flashback Desktop")
    about = menus.about
    assert about is not None
    qtbot.waitExposed(about)
    assert unnamed(about) == []
    assert undescribed(about) == []
    assert accessible_name(about.licences) == "Bundled components and their licences"
    about.close()


def test_the_history_names_its_controls_and_says_what_happened(
    start_app: Callable[..., App], qtbot: QtBot, announced: list[str]
) -> None:
    app = start_app()
    history = app.page.history
    repo_id = repo_id_named(app.sandbox, "NDAs")
    for _ in range(3):
        app.sandbox.state.add_conversation(repo_id)
    with history.wait_page_shown(qtbot):
        app.select("NDAs")
    history.select_row(0)
    assert history.table in focusable(app.window)
    assert unnamed(history.widget) == []
    assert undescribed(history.widget) == []
    # The count is said with what it counts; the notes under the list are read by their text.
    assert accessible_name(history.count_label) == "3 of 3 conversations shown"
    history.copy_button.click()
    assert announced[-1] == "Conversation ID copied."
    assert accessible_name(history.status_label) == "Conversation ID copied."
