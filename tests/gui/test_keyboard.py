"""The app with the keyboard alone: keys go to whatever has focus, nothing is clicked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from flashback_desktop.sandbox import Fault
from tests.gui.conftest import App
from tests.gui.keyboard import activate, focus, press, type_text, wait_for_focus
from tests.support.error_dialog_page import ErrorDialogPage
from tests.support.sandbox_data import repo_id_named
from tests.support.sign_in_page import SignInDialogPage

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def shown_names(app: App) -> list[str]:
    return app.page.names()


def wait_for_sign_in_dialog(app: App, qtbot: QtBot) -> SignInDialogPage:
    dialog = app.page.wait_sign_in_dialog(qtbot)
    activate(qtbot, dialog.dialog)
    return dialog


def test_the_main_flow_with_the_keyboard_alone(start_app: Callable[..., App], qtbot: QtBot) -> None:
    """Signed out → sign in → the list → Ctrl+F → arrows → Ctrl+N → the ID → Ctrl+C."""
    app = start_app(signed_in=False)
    state = app.sandbox.state
    dialog = wait_for_sign_in_dialog(app, qtbot)
    wait_for_focus(qtbot, dialog.email_box)  # the dialog opens ready to type
    type_text(state.demo_email)
    press(Qt.Key.Key_Tab)
    assert focus() is dialog.password_box
    type_text(state.demo_password)
    with app.page.wait_repositories_shown(qtbot):
        press(Qt.Key.Key_Return)
    app.page.wait_sign_in_dialog_closed(qtbot)
    activate(qtbot, app.window)
    wait_for_focus(qtbot, app.page.list_view)  # after the sign-in, the list has the focus

    press(Qt.Key.Key_F, CTRL)
    assert focus() is app.page.filter_box
    type_text("contracts")
    assert shown_names(app) == ["Contracts 2026", "Contracts archive 2019-2025"]
    press(Qt.Key.Key_Down)  # from the filter box into the list, on its first row
    assert focus() is app.page.list_view
    assert app.page.panel.repository_name == "Contracts 2026"
    press(Qt.Key.Key_Down)
    assert app.page.panel.repository_name == "Contracts archive 2019-2025"

    with app.page.wait_created(qtbot) as created:
        press(Qt.Key.Key_N, CTRL)
    conversation_id = created.args[0]
    wait_for_focus(qtbot, app.page.panel.created_id_box)  # the result has the focus
    assert focus().property("text") == conversation_id

    QGuiApplication.clipboard().clear()
    press(Qt.Key.Key_C, CTRL)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == conversation_id, timeout=5000)
    assert state.request_count("POST", "/conversation") == 1
    # On the server, the conversation belongs to the repository chosen with the arrows.
    archive = repo_id_named(app.sandbox, "Contracts archive 2019-2025")
    page = app.run(app.session.list_conversations(archive))
    assert [c.id for c in page.conversations] == [conversation_id]


def test_the_first_arrow_in_the_list_chooses_the_row_it_is_on(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    """After the sign-in the list has the focus and nothing is chosen; Qt has put its focus
    on the first row. The first Down (or Up) chooses that row, not the one after it."""
    app = start_app()
    activate(qtbot, app.window)
    wait_for_focus(qtbot, app.page.list_view)
    assert app.page.selected_rows() == []
    names = shown_names(app)

    press(Qt.Key.Key_Down)
    assert app.page.panel.repository_name == names[0]
    press(Qt.Key.Key_Down)
    assert app.page.panel.repository_name == names[1]
    press(Qt.Key.Key_Up)
    assert app.page.panel.repository_name == names[0]


def test_ctrl_c_away_from_text_copies_the_id_and_refresh_keys_reload(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    press(Qt.Key.Key_F, CTRL)
    type_text("NDAs")
    press(Qt.Key.Key_Down)
    with app.page.wait_created(qtbot) as created:
        press(Qt.Key.Key_Return)  # Enter on a row starts a conversation too
    press(Qt.Key.Key_F, CTRL)
    press(Qt.Key.Key_Down)
    assert focus() is app.page.list_view  # not a text field: Ctrl+C is the window's
    QGuiApplication.clipboard().clear()
    press(Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == created.args[0]

    loads = app.sandbox.state.request_count("GET", "/repo")
    with app.page.wait_repositories_shown(qtbot):
        press(Qt.Key.Key_F5)
    with app.page.wait_repositories_shown(qtbot):
        press(Qt.Key.Key_R, CTRL)
    assert app.sandbox.state.request_count("GET", "/repo") == loads + 2
    assert app.sandbox.state.request_count("POST", "/conversation") == 1


def test_menus_open_with_their_mnemonics(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    press(Qt.Key.Key_F, CTRL)
    type_text("NDAs")
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_F, ALT)  # Alt+F: the File menu
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=5000)
    menu = QApplication.activePopupWidget()
    with app.page.wait_created(qtbot):
        press(Qt.Key.Key_N)  # its New Conversation
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=5000)
    assert menu is not None
    assert not menu.isVisible()
    assert app.sandbox.state.request_count("POST", "/conversation") == 1


def test_an_error_dialog_starts_on_close_and_esc_closes_it(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    app.sandbox.state.faults.add("POST", "/conversation", Fault(status=403))
    press(Qt.Key.Key_F, CTRL)
    type_text("NDAs")
    press(Qt.Key.Key_Down)
    with app.page.wait_dialog(qtbot) as opened:
        press(Qt.Key.Key_N, CTRL)
    dialog = ErrorDialogPage(opened.args[0])
    activate(qtbot, dialog.dialog)
    wait_for_focus(qtbot, dialog.close_button)  # Enter or Esc dismisses it at once
    press(Qt.Key.Key_Tab)
    assert focus() is dialog.details_button
    press(Qt.Key.Key_Space)
    assert dialog.details_shown()
    with qtbot.waitSignal(dialog.dialog.finished, timeout=5000):
        press(Qt.Key.Key_Escape)


def test_sign_in_dialog_tab_order_and_esc(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app(signed_in=False)
    dialog = wait_for_sign_in_dialog(app, qtbot)
    wait_for_focus(qtbot, dialog.email_box)
    type_text("someone@example.com")
    visited = [focus()]
    for _ in range(5):
        press(Qt.Key.Key_Tab)
        visited.append(focus())
    assert visited == [
        dialog.email_box,
        dialog.password_box,
        dialog.use_token_link,
        dialog.cancel_button,  # Sign in is disabled until a password is typed
        dialog.email_box,
        dialog.password_box,
    ]
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Space)  # the "access token" link, from the keyboard
    assert focus() is dialog.token_box
    with dialog.wait_closed(qtbot):
        press(Qt.Key.Key_Escape)
    assert app.sandbox.state.request_count("POST", "/user/login") == 0


def test_main_window_tab_order_reads_top_to_bottom(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    page = app.page
    press(Qt.Key.Key_F, CTRL)
    type_text("NDAs")
    press(Qt.Key.Key_Down)
    with page.wait_created(qtbot):
        press(Qt.Key.Key_N, CTRL)
    wait_for_focus(qtbot, page.panel.created_id_box)
    visited = []
    for _ in range(9):
        press(Qt.Key.Key_Tab)
        visited.append(focus())
    assert visited == [
        page.panel.copy_button,
        page.panel.open_button,
        page.refresh_button,
        page.sign_out_button,
        page.filter_box,
        page.workspace_box,
        page.list_view,
        page.panel.new_button,
        page.panel.created_id_box,
    ]


class _ConversationList(QWidget):
    """Stands for a list of conversations: it offers its selected ID to Ctrl+C."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def conversation_id_to_copy(self) -> str:
        return "selected-in-the-list"


def test_ctrl_c_asks_the_focused_widget_for_its_id_first(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    """The hook a conversation list uses: ``conversation_id_to_copy`` on the focus chain."""
    app = start_app()
    listing = _ConversationList()
    layout = app.page.panel.widget.layout()
    assert layout is not None
    layout.addWidget(listing)
    listing.show()
    listing.setFocus()
    qtbot.waitUntil(listing.hasFocus, timeout=5000)
    assert app.page.can_copy_id()  # no ID created yet, but one is offered
    QGuiApplication.clipboard().clear()
    press(Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == "selected-in-the-list"
    press(Qt.Key.Key_F, CTRL)
    assert not app.page.can_copy_id()  # the filter box keeps its own Ctrl+C
