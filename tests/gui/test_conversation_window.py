"""The conversation window against the sandbox over loopback: open it, send, read the reply,
and every refusal in plain words. Prompts are counted where they arrive, at the sandbox."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from flashback_desktop.api.chat_models import ROLE_ASSISTANT, ROLE_USER
from flashback_desktop.sandbox import BLOCKED_WORD, Fault
from flashback_desktop.session.conversation_chat import ChatTimings
from flashback_desktop.ui import appearance, conversation_window
from flashback_desktop.ui.accessibility import accessible_name, announcer
from flashback_desktop.ui.conversation_window import ConversationWindow
from flashback_desktop.ui.copy_feedback import copied_text
from flashback_desktop.ui.markdown_view import SafeDocument
from flashback_desktop.ui.message_model import MESSAGE_ROLE
from tests.gui.conftest import App
from tests.gui.keyboard import press, type_text, wait_for_focus
from tests.gui.test_appearance import DOCS, SCHEMES, text_contrast
from tests.gui.test_sign_in import expire_access_token, type_credentials, wait_for_sign_in
from tests.support.sandbox_data import repo_id_named

REPO = "Marketing assets"
PROMPT_ROUTE = "/conversation/{conversationId}/prompt"
FAST = ChatTimings(first_check_s=0.05, settle_delays_s=(0.0, 0.2, 0.4))


def prompt_posts(app: App) -> int:
    return app.sandbox.state.request_count("POST", PROMPT_ROUTE)


def new_conversation(app: App, repo: str = REPO) -> str:
    state = app.sandbox.state
    user = state.authenticate(state.demo_token)
    return state.create_conversation(user, repo_id_named(app.sandbox, repo))


def opened(app: App, qtbot: QtBot, conversation_id: str) -> ConversationWindow:
    qtbot.waitUntil(lambda: conversation_id in conversation_window.open_windows(), timeout=10_000)
    window = conversation_window.open_windows()[conversation_id]
    qtbot.waitExposed(window)
    window.chat.timings = FAST
    app.wait_until_idle()
    return window


@pytest.fixture(autouse=True)
def close_conversation_windows() -> Iterator[None]:
    """Each window deletes itself on close; close the ones a test left open."""
    yield
    for window in conversation_window.open_windows().values():
        window.close()


def open_directly(app: App, qtbot: QtBot, conversation_id: str) -> ConversationWindow:
    app.select(REPO)
    app.page.open_conversation(conversation_id)
    return opened(app, qtbot, conversation_id)


def roles(window: ConversationWindow) -> list[str]:
    return [
        window.model.index(row).data(MESSAGE_ROLE).role for row in range(window.model.rowCount())
    ]


def test_open_from_the_new_id_and_send_with_ctrl_enter(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    app.select(REPO)
    with app.page.wait_created(qtbot) as created:
        app.page.new_conversation()
    conversation_id = created.args[0]
    wait_for_focus(qtbot, app.page.panel.created_id_box)
    press(Qt.Key.Key_Return)  # Enter on the ID opens it
    window = opened(app, qtbot, conversation_id)
    wait_for_focus(qtbot, window.prompt_edit)  # focus lands in the prompt box
    announced: list[str] = []
    announcer().announced.connect(announced.append)
    type_text("Where are the spring photos?")
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: roles(window) == [ROLE_USER, ROLE_ASSISTANT], timeout=10_000)
    app.wait_until_idle()
    assert prompt_posts(app) == 1
    assert window.prompt_edit.toPlainText() == ""  # cleared once accepted
    reply = window.model.index(1).data(MESSAGE_ROLE)
    assert "spring photos" in reply.content
    assert "New reply from the assistant." in announced  # the first reply too
    # The reply copied whole, with the app's "Copied" sign.
    window.list.setCurrentIndex(window.model.index(1))
    window.copy_button.click()
    assert QGuiApplication.clipboard().text() == reply.content
    assert window.copy_button.text() == copied_text()
    assert window.title_label.text() != ""
    # Opening it again raises the same window, no second one.
    app.page.panel.open_button.click()
    assert conversation_window.open_windows()[conversation_id] is window
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: conversation_id not in conversation_window.open_windows())


def middle_line_colours(window: ConversationWindow) -> int:
    image = window.list.viewport().grab().toImage()
    return len({image.pixel(x, image.height() // 2) for x in range(image.width())})


def test_a_new_conversation_says_what_to_do_instead_of_a_blank_list(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    window = open_directly(app, qtbot, new_conversation(app))
    assert window.model.rowCount() == 0
    assert window.list.empty_text_shown().startswith("No messages yet.")
    assert middle_line_colours(window) > 1  # the sentence is painted across the middle
    window.list.set_empty_text("")
    assert middle_line_colours(window) == 1  # (without it, the same line is blank)

    wait_for_focus(qtbot, window.prompt_edit)
    type_text("Hello")
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.model.rowCount() >= 1, timeout=10_000)
    app.wait_until_idle()
    assert window.list.empty_text_shown() == ""  # messages now: the sentence goes


def test_open_from_recent_conversations_with_enter(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    conversation_id = new_conversation(app)
    with app.page.history.wait_page_shown(qtbot):
        app.select(REPO)
    history = app.page.history
    assert history.select(conversation_id)
    history.table.setFocus()
    wait_for_focus(qtbot, history.table)
    press(Qt.Key.Key_Return)
    window = opened(app, qtbot, conversation_id)
    assert window.model.rowCount() == 0
    assert window.send_button.isVisible()
    window.close()
    qtbot.waitUntil(lambda: conversation_id not in conversation_window.open_windows())
    row = history.table.visualRect(history.table.model().index(0, 0)).center()
    # A real double-click: press and release, then the second press as a double-click.
    qtbot.mouseClick(history.table.viewport(), Qt.MouseButton.LeftButton, pos=row)
    qtbot.mouseDClick(history.table.viewport(), Qt.MouseButton.LeftButton, pos=row)
    again = opened(app, qtbot, conversation_id)
    assert again is not window
    # Every control a keyboard reaches has a name a screen reader says.
    focusable = [
        w
        for w in again.findChildren(QWidget)
        if w.isVisible() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    assert focusable
    assert [w.objectName() for w in focusable if not accessible_name(w)] == []


def test_a_double_ctrl_enter_sends_one_prompt(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    app.sandbox.state.reply_delay_s = 0.5  # the POST is still on its way at the second press
    window = open_directly(app, qtbot, new_conversation(app))
    window.prompt_edit.setPlainText("Once, please")
    window.prompt_edit.setFocus()
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    window.send_button.click()
    app.wait_until_idle()
    assert prompt_posts(app) == 1
    assert roles(window) == [ROLE_USER, ROLE_ASSISTANT]


def test_a_blocked_prompt_is_a_calm_state_and_the_text_stays(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    conversation_id = new_conversation(app)
    window = open_directly(app, qtbot, conversation_id)
    text = f"Summarise the {BLOCKED_WORD} board notes"
    window.prompt_edit.setPlainText(text)
    window.send_button.click()
    qtbot.waitUntil(window.notice_label.isVisible, timeout=10_000)
    app.wait_until_idle()
    assert "Your organisation's policy blocked this prompt" in window.notice_label.text()
    assert window.prompt_edit.toPlainText() == text
    assert window.prompt_edit.isEnabled()
    assert not window.prompt_edit.isReadOnly()
    assert prompt_posts(app) == 1
    assert app.sandbox.state.messages_of(conversation_id) == []


def test_a_deleted_conversation_says_so(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    conversation_id = new_conversation(app)
    window = open_directly(app, qtbot, conversation_id)
    state = app.sandbox.state
    state.delete_conversation(state.authenticate(state.demo_token), conversation_id, hard=False)
    window.prompt_edit.setPlainText("Still there?")
    window.send_button.click()
    qtbot.waitUntil(window.notice_label.isVisible, timeout=10_000)
    app.wait_until_idle()
    assert "no longer exists" in window.notice_label.text()
    assert window.prompt_edit.toPlainText() == "Still there?"
    assert not window.send_button.isEnabled()


def test_a_lost_answer_is_settled_by_reading(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    conversation_id = new_conversation(app)
    window = open_directly(app, qtbot, conversation_id)
    app.sandbox.state.faults.add("POST", PROMPT_ROUTE, Fault(lose_answer=True))
    window.prompt_edit.setPlainText("Did it arrive?")
    window.send_button.click()
    qtbot.waitUntil(lambda: roles(window) == [ROLE_USER, ROLE_ASSISTANT], timeout=15_000)
    app.wait_until_idle()
    assert prompt_posts(app) == 1
    assert "Flashback has your prompt" in window.notice_label.text()
    assert window.prompt_edit.toPlainText() == ""


def test_markup_in_a_reply_is_not_html_and_loads_nothing(
    start_app: Callable[..., App], qtbot: QtBot, tmp_path: Path
) -> None:
    app = start_app()
    conversation_id = new_conversation(app)
    picture = tmp_path / "tracker.png"
    QImage(8, 8, QImage.Format.Format_RGB32).save(str(picture))
    content = (
        f"<b>bold?</b> <img src='file://{picture}'>\n\n![pixel]({app.sandbox.url}/pixel.png) ![local](file://{picture})\n\n"
        "[the guide](https://example.com/guide)\n\n```\ncol1    col2\n  indented\n```\n"
    )
    now = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    app.sandbox.state.append_messages(
        conversation_id,
        [
            {
                "id": "m-markup",
                "conversationId": conversation_id,
                "role": "assistant",
                "content": content,
                "tokenCount": 12,
                "model": "gpt-4o",
                "metadata": {},
                "createdAt": now,
            }
        ],
    )
    before = SafeDocument.resource_requests
    window = open_directly(app, qtbot, conversation_id)
    window.list.viewport().grab()  # paint every row shown
    app.wait_until_idle()
    assert app.sandbox.state.request_count("GET", "/pixel.png") == 0
    assert SafeDocument.resource_requests > before  # asked, and answered with nothing
    document = next(iter(window.delegate._documents.values()))
    text = document.toPlainText()
    assert "<b>bold?</b>" in text  # shown as typed, not made bold
    assert "col1    col2\n  indented" in text  # code keeps its spacing
    assert "https://example.com/guide" in document.toMarkdown()
    window.delegate.open_link("file:///etc/passwd")  # only web links ever open
    assert window.delegate.links_opened == []
    # Enter on the message shows it on its own, selectable, still without HTML or images.
    window.list.setCurrentIndex(window.model.index(0))
    window.list.setFocus()
    wait_for_focus(qtbot, window.list)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(window, "reader", None) is not None, timeout=5000)
    reader = window.reader
    qtbot.waitExposed(reader)
    reader.view.selectAll()
    assert "<b>bold?</b>" in reader.view.textCursor().selectedText()
    requests = SafeDocument.resource_requests
    reader.view.viewport().grab()
    assert SafeDocument.resource_requests >= requests
    assert reader.view.loadResource(2, f"file://{picture}") is None
    reader.close()


def test_a_thousand_messages_open(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    conversation_id = app.sandbox.state.seed_long_conversation()
    app.select("IT runbooks")
    app.page.open_conversation(conversation_id)
    window = opened(app, qtbot, conversation_id)
    assert window.model.rowCount() == 1000
    # It opens at the newest message (only the rows on screen are laid out first).
    newest = window.model.index(999)
    viewport = window.list.viewport().rect()
    qtbot.waitUntil(lambda: window.list.visualRect(newest).intersects(viewport), timeout=10_000)
    window.list.scrollToTop()
    window.list.scrollToBottom()
    window.list.viewport().grab()


def test_a_reply_that_comes_later_is_awaited_with_cancel(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    app.sandbox.state.replies_after_answer = True  # the POST says "accepted" and no more
    app.sandbox.state.reply_delay_s = 0.6
    window = open_directly(app, qtbot, new_conversation(app))
    announced: list[str] = []
    announcer().announced.connect(announced.append)
    window.prompt_edit.setPlainText("Take your time")
    window.send_button.click()
    # Past "Sending…" (Cancel is offered then too), the reply is awaited to a visible deadline.
    qtbot.waitUntil(lambda: "gives up in" in window.wait_label.text(), timeout=10_000)
    assert window.cancel_button.isVisible()
    qtbot.waitUntil(lambda: roles(window) == [ROLE_USER, ROLE_ASSISTANT], timeout=10_000)
    app.wait_until_idle()
    assert not window.cancel_button.isVisible()
    assert "New reply from the assistant." in announced
    assert prompt_posts(app) == 1


def test_cancel_stops_waiting_and_sends_nothing_more(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    app.sandbox.state.replies_after_answer = True
    app.sandbox.state.reply_delay_s = 30.0  # longer than the test: only Cancel ends the wait
    window = open_directly(app, qtbot, new_conversation(app))
    window.prompt_edit.setPlainText("Never mind")
    window.send_button.click()
    qtbot.waitUntil(lambda: "gives up in" in window.wait_label.text(), timeout=10_000)
    window.cancel_button.click()
    qtbot.waitUntil(lambda: not window.cancel_button.isVisible(), timeout=10_000)
    assert "Stopped waiting" in window.notice_label.text()
    assert window.prompt_edit.toPlainText() == ""  # it was accepted: not in the box again
    assert window.send_button.isVisible()
    assert prompt_posts(app) == 1


def test_no_model_says_so_before_typing(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    conversation_id = new_conversation(app, "Brand guidelines")  # aiLlms: []
    app.select("Brand guidelines")
    app.page.open_conversation(conversation_id)
    window = opened(app, qtbot, conversation_id)
    assert window.no_model_label.isVisible()
    assert not window.send_button.isVisible()
    window.send()
    app.wait_until_idle()
    assert prompt_posts(app) == 0


def test_the_model_choice_is_offered_and_remembered(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    repo = "Campaigns 2026"  # two providers, several models
    first, second = new_conversation(app, repo), new_conversation(app, repo)
    app.select(repo)
    app.page.open_conversation(first)
    window = opened(app, qtbot, first)
    assert window.model_combo.isVisible()
    assert window.model_combo.count() > 1
    window.model_combo.setCurrentIndex(1)
    window.model_combo.activated.emit(1)
    chosen = window.model_choice.chosen()
    window.prompt_edit.setPlainText("Which model?")
    window.send_button.click()
    qtbot.waitUntil(lambda: roles(window) == [ROLE_USER, ROLE_ASSISTANT], timeout=10_000)
    assert app.sandbox.state.messages_of(first)[-1]["model"] == chosen
    app.page.open_conversation(second)
    other = opened(app, qtbot, second)
    assert other.model_choice.chosen() == chosen  # remembered for the repository


def test_a_reply_in_light_and_dark(start_app: Callable[..., App], qtbot: QtBot) -> None:
    """Readable in both schemes; with FLASHBACK_WRITE_DOCS=1 the README's screenshots."""
    app = start_app()
    window = open_directly(app, qtbot, new_conversation(app))
    window.resize(760, 620)
    window.prompt_edit.setPlainText("Which files describe the spring campaign? Please list them.")
    window.send_button.click()
    qtbot.waitUntil(lambda: roles(window) == [ROLE_USER, ROLE_ASSISTANT], timeout=10_000)
    app.wait_until_idle()
    try:
        for name, scheme in SCHEMES.items():
            appearance.use_color_scheme(scheme)
            qtbot.wait(50)  # the palette change reaches every widget through events
            assert text_contrast(window.list.viewport()) >= 4.5, name
            if os.environ.get("FLASHBACK_WRITE_DOCS") == "1":
                assert window.grab().save(str(DOCS / f"conversation-{name}.png"))
    finally:
        appearance.follow_system()


def test_an_expired_sign_in_asks_and_the_text_is_sent_after(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    conversation_id = new_conversation(app)
    window = open_directly(app, qtbot, conversation_id)
    expire_access_token(app)
    app.sandbox.state.revoke_refresh_tokens()
    window.prompt_edit.setPlainText("After signing in")
    window.send_button.click()
    dialog = wait_for_sign_in(app, qtbot)
    assert "sign-in has expired" in window.notice_label.text()
    assert window.prompt_edit.toPlainText() == "After signing in"
    assert app.sandbox.state.messages_of(conversation_id) == []  # nothing was stored
    state = app.sandbox.state
    type_credentials(qtbot, dialog, state.demo_email, state.demo_password)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: app.page.sign_in_dialog is None, timeout=10_000)
    app.wait_until_idle()
    window.send_button.click()  # carry on: the text was kept
    qtbot.waitUntil(lambda: roles(window) == [ROLE_USER, ROLE_ASSISTANT], timeout=10_000)
    stored = app.sandbox.state.messages_of(conversation_id)
    assert [m["content"] for m in stored if m["role"] == "user"] == ["After signing in"]


def test_a_dropped_connection_before_storing_keeps_the_text(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    """Read back, the prompt is not there: said plainly, nothing resent, the text kept."""
    app = start_app()
    conversation_id = new_conversation(app)
    window = open_directly(app, qtbot, conversation_id)
    app.sandbox.state.faults.add("POST", PROMPT_ROUTE, Fault(reset=True))
    window.prompt_edit.setPlainText("Lost on the way")
    window.send_button.click()
    qtbot.waitUntil(window.notice_label.isVisible, timeout=15_000)
    app.wait_until_idle()
    assert "it was not sent" in window.notice_label.text()
    assert window.prompt_edit.toPlainText() == "Lost on the way"
    assert window.send_button.isEnabled()
    assert prompt_posts(app) == 1
    assert app.sandbox.state.messages_of(conversation_id) == []


def test_signing_out_closes_the_conversation_windows(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    conversation_id = new_conversation(app)
    open_directly(app, qtbot, conversation_id)
    app.page.sign_out()
    qtbot.waitUntil(lambda: conversation_window.open_windows() == {}, timeout=10_000)


def test_a_server_without_prompts_says_so(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    conversation_id = new_conversation(app)
    window = open_directly(app, qtbot, conversation_id)
    html = "<!DOCTYPE html><html><body><pre>Cannot POST</pre></body></html>"
    fault = Fault(status=404, body=html, content_type="text/html")
    app.sandbox.state.faults.add("POST", PROMPT_ROUTE, fault)
    window.prompt_edit.setPlainText("Anyone there?")
    window.send_button.click()
    qtbot.waitUntil(window.notice_label.isVisible, timeout=10_000)
    app.wait_until_idle()
    assert "does not offer" in window.notice_label.text()
    assert "<pre>" not in window.notice_label.text()
    assert window.prompt_edit.toPlainText() == "Anyone there?"
    assert prompt_posts(app) == 1


def test_a_yes_without_the_prompt_is_said_plainly_and_not_resent(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    """A bare {"success": true} (a proxy could send it) while the messages lack the prompt."""
    app = start_app()
    conversation_id = new_conversation(app)
    window = open_directly(app, qtbot, conversation_id)
    bare = Fault(status=200, body='{"success": true, "message": "Prompt processed"}')
    app.sandbox.state.faults.add("POST", PROMPT_ROUTE, bare, times=None)
    window.prompt_edit.setPlainText("Did you get it?")
    window.send_button.click()
    qtbot.waitUntil(window.notice_label.isVisible, timeout=15_000)
    app.wait_until_idle()
    notice = window.notice_label.text()
    assert "could not check whether it arrived" in notice
    assert "before you send it again" in notice  # never a blind "try again"
    assert window.prompt_edit.toPlainText() == "Did you get it?"
    assert prompt_posts(app) == 1
