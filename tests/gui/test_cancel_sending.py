"""Cancel while a prompt is on its way to a slow server: the window stops waiting, reads the
messages once the POST is given up, and says plainly whether the prompt was sent. Never a
second POST by itself. Counted at the sandbox, after the app is idle."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from flashback_desktop.api.chat_models import ROLE_USER
from flashback_desktop.sandbox import Fault
from flashback_desktop.session.conversation_chat import ChatTimings
from flashback_desktop.ui import conversation_window
from flashback_desktop.ui.accessibility import announcer
from flashback_desktop.ui.conversation_window import ConversationWindow
from tests.gui.conftest import App
from tests.gui.keyboard import press, wait_for_focus
from tests.gui.test_conversation_window import (
    PROMPT_ROUTE,
    new_conversation,
    open_directly,
    prompt_posts,
    roles,
)

MESSAGES_ROUTE = "/conversation/{conversationId}/messages"
# Reads after the Cancel span 7 s: well past the moment a slow server stores the prompt.
PATIENT = ChatTimings(first_check_s=0.05, settle_delays_s=(0.0, 1.0, 2.0, 4.0))


def prompts_stored(app: App, conversation_id: str, text: str) -> int:
    stored = app.sandbox.state.messages_of(conversation_id)
    return sum(1 for m in stored if m["role"] == ROLE_USER and m["content"] == text)


def send_and_wait_for_cancel(app: App, qtbot: QtBot, window: ConversationWindow, text: str) -> None:
    """Send, and come back once the sandbox has the POST and the window offers Cancel."""
    window.prompt_edit.setPlainText(text)
    window.send_button.click()
    qtbot.waitUntil(lambda: prompt_posts(app) == 1, timeout=10_000)
    qtbot.waitUntil(window.cancel_button.isVisible, timeout=10_000)
    assert window.wait_label.text() == "Sending…"
    assert window.prompt_edit.isReadOnly()


def test_cancel_during_a_slow_post_the_server_then_stores_says_it_was_sent(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    conversation_id = new_conversation(app)
    window = open_directly(app, qtbot, conversation_id)
    window.chat.timings = PATIENT
    app.sandbox.state.faults.add("POST", PROMPT_ROUTE, Fault(delay_s=1.5))  # stores after 1.5 s
    announced: list[str] = []
    announcer().announced.connect(announced.append)
    send_and_wait_for_cancel(app, qtbot, window, "Slow but sure")
    window.cancel_button.click()
    assert not window.cancel_button.isVisible()  # one Cancel: now it is only looking
    assert "Checking whether Flashback got your prompt" in window.wait_label.text()
    app.wait_until_idle()
    notice = window.notice_label.text()
    assert "Flashback has your prompt: it was sent once" in notice
    assert "Press Refresh later to see the reply" in notice
    assert notice in announced
    assert window.prompt_edit.toPlainText() == ""  # Flashback has it: the box is cleared
    assert not window.prompt_edit.isReadOnly()
    assert window.wait_label.text() == ""
    assert prompt_posts(app) == 1
    assert prompts_stored(app, conversation_id, "Slow but sure") == 1
    assert ROLE_USER in roles(window)  # the prompt is shown


def test_cancel_by_keyboard_when_the_server_never_stores_it_then_send_again(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    conversation_id = new_conversation(app)
    window = open_directly(app, qtbot, conversation_id)
    app.sandbox.state.faults.add("POST", PROMPT_ROUTE, Fault(never_answer=True))
    window.prompt_edit.setFocus()
    announced: list[str] = []
    announcer().announced.connect(announced.append)
    send_and_wait_for_cancel(app, qtbot, window, "Is anyone there?")
    assert "Sending…" in announced
    wait_for_focus(qtbot, window.prompt_edit)
    press(Qt.Key.Key_Tab)  # Send is disabled while sending: Tab goes straight to Cancel
    wait_for_focus(qtbot, window.cancel_button)
    press(Qt.Key.Key_Space)
    app.wait_until_idle()
    assert "not in the conversation yet, but it may still arrive" in window.notice_label.text()
    assert window.prompt_edit.toPlainText() == "Is anyone there?"  # the text stays
    assert window.prompt_edit.hasFocus()  # focus did not vanish with the Cancel button
    assert window.send_button.isEnabled()
    assert prompt_posts(app) == 1  # given up, never sent again by itself
    assert prompts_stored(app, conversation_id, "Is anyone there?") == 0
    # Send again: exactly one more POST, and now Flashback has it once.
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    app.wait_until_idle()
    assert prompt_posts(app) == 2
    assert prompts_stored(app, conversation_id, "Is anyone there?") == 1
    assert window.prompt_edit.toPlainText() == ""


def test_cancel_when_the_messages_cannot_be_read_says_it_is_not_known(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    conversation_id = new_conversation(app)
    window = open_directly(app, qtbot, conversation_id)
    state = app.sandbox.state
    state.faults.add("POST", PROMPT_ROUTE, Fault(never_answer=True))
    send_and_wait_for_cancel(app, qtbot, window, "Did it get there?")
    state.faults.add("GET", MESSAGES_ROUTE, Fault(status=503), times=None)
    window.cancel_button.click()
    app.wait_until_idle()
    notice = window.notice_label.text()
    assert "could not check whether Flashback got your prompt" in notice
    assert "Press Refresh to see whether it is in the conversation" in notice
    assert window.prompt_edit.toPlainText() == "Did it get there?"
    assert prompt_posts(app) == 1


def test_closing_the_window_while_sending_leaves_nothing_running(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    conversation_id = new_conversation(app)
    window = open_directly(app, qtbot, conversation_id)
    app.sandbox.state.faults.add("POST", PROMPT_ROUTE, Fault(never_answer=True))
    send_and_wait_for_cancel(app, qtbot, window, "Goodbye")
    window.activateWindow()
    wait_for_focus(qtbot, window.prompt_edit)
    press(Qt.Key.Key_Escape)  # Esc closes the window, as everywhere in it
    qtbot.waitUntil(lambda: conversation_id not in conversation_window.open_windows())
    app.wait_until_idle()  # no task of the window's left, no request left at the sandbox
    assert app.content.tasks.running() == []
    assert prompt_posts(app) == 1
    assert prompts_stored(app, conversation_id, "Goodbye") == 0
    assert app.crashes == []


def test_cancel_while_the_accepted_prompt_is_being_shown_stops_the_wait_too(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    """Flashback accepted the prompt and the window is reading the messages to show it
    ("Sending…", Cancel offered): a Cancel then must not be forgotten, with the reply
    awaited after all."""
    app = start_app()
    state = app.sandbox.state
    state.replies_after_answer = True  # the POST says "accepted" at once
    state.reply_delay_s = 3.0  # stored after the Cancel: a wait would show it
    conversation_id = new_conversation(app)
    window = open_directly(app, qtbot, conversation_id)
    reads_before = state.request_count("GET", MESSAGES_ROUTE)
    state.faults.add("GET", MESSAGES_ROUTE, Fault(delay_s=1.0))  # the read that shows it
    window.prompt_edit.setPlainText("Shown slowly")
    window.send_button.click()
    qtbot.waitUntil(
        lambda: state.request_count("GET", MESSAGES_ROUTE) > reads_before, timeout=10_000
    )
    assert prompt_posts(app) == 1
    assert window.cancel_button.isVisible()
    window.cancel_button.click()
    app.wait_until_idle()  # the sandbox's reply stored too (its POST ends with it)
    assert "Stopped waiting" in window.notice_label.text()
    assert "Press Refresh later to see the reply" in window.notice_label.text()
    assert not window.cancel_button.isVisible()
    assert window.wait_label.text() == ""
    assert window.prompt_edit.toPlainText() == ""  # Flashback has it
    assert not window.prompt_edit.isReadOnly()
    assert roles(window) == [ROLE_USER]  # shown; the reply was not awaited (Refresh shows it)
    assert prompt_posts(app) == 1


def test_cancel_never_says_not_sent_of_a_prompt_the_server_is_still_working_on(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    """The POST was given up while the server still had it: the reads after the Cancel may
    end before the server stores the prompt, so "Flashback does not have your prompt, press
    Send" would be untrue and invite the same prompt twice."""
    app = start_app()
    conversation_id = new_conversation(app)
    window = open_directly(app, qtbot, conversation_id)  # reads after a Cancel: 0.6 s in all
    app.sandbox.state.faults.add("POST", PROMPT_ROUTE, Fault(delay_s=4.0))  # stores after 4 s
    send_and_wait_for_cancel(app, qtbot, window, "Still on its way")
    window.cancel_button.click()
    app.wait_until_idle()  # the sandbox's POST has ended: the prompt is stored now
    assert prompts_stored(app, conversation_id, "Still on its way") == 1
    notice = window.notice_label.text()
    assert "does not have your prompt" not in notice
    assert "Press Refresh" in notice  # look before sending again
    assert window.prompt_edit.toPlainText() == "Still on its way"  # nothing lost
    assert prompt_posts(app) == 1
