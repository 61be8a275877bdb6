"""A long conversation: rows are measured where the person looks, and it never shows.

Rows off screen start with an estimated height (laying out 1,000 Markdown replies at once
froze the window); a row is measured before it is shown, the documents kept are bounded,
and what is on screen stays in place while the rows above it are measured.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from flashback_desktop.api.chat_models import ROLE_ASSISTANT, Message
from flashback_desktop.sandbox.messages import long_history
from flashback_desktop.ui import conversation_window, message_list
from flashback_desktop.ui.conversation_window import ConversationWindow
from flashback_desktop.ui.markdown_view import plain_document, reply_document
from flashback_desktop.ui.message_delegate import PAD
from flashback_desktop.ui.message_model import MESSAGE_ROLE
from flashback_desktop.ui.message_sizes import KEPT_DOCUMENTS
from tests.gui.conftest import App
from tests.gui.keyboard import press, wait_for_focus
from tests.gui.test_conversation_window import new_conversation, open_directly

LONG_ROW = 101  # an assistant's reply, far above the newest
LONG_REPLY = (
    "## Restarting the print server\n\n"
    + "\n".join(f"{n}. Step {n}: " + "check the spooler and its queue " * 5 for n in range(1, 9))
    + "\n\n```text\n"
    + "\n".join(f"    line {n}        kept as typed" for n in range(20))
    + "\n```\n\n"
    + "A closing paragraph that wraps over several lines of the list. " * 12
)


@pytest.fixture(autouse=True)
def close_conversation_windows() -> Iterator[None]:
    yield
    for window in conversation_window.open_windows().values():
        window.close()


def long_conversation(app: App, count: int = 300) -> str:
    conversation_id = new_conversation(app)
    started = datetime.now(UTC) - timedelta(days=2)
    history = long_history(
        conversation_id, repo_name="Marketing assets", model="gpt-4o", count=count, started=started
    )
    assert history[LONG_ROW]["role"] == "assistant"
    history[LONG_ROW]["content"] = LONG_REPLY
    app.sandbox.state.append_messages(conversation_id, history)
    return conversation_id


def body_height(window: ConversationWindow, row: int) -> int:
    """The row's text laid out on its own, as a person reads it."""
    message: Message = window.model.index(row).data(MESSAGE_ROLE)
    make = reply_document if message.role == ROLE_ASSISTANT else plain_document
    width = window.list.viewport().width() - 2 * PAD
    return int(make(message.content, window.list.font(), width).size().height())


def frames(window: ConversationWindow) -> dict[int, int]:
    """Each row on screen: its height around its text. One value for all when every row
    on screen has its real height (each has a header and a details line), and the rows
    follow each other without a gap or an overlap."""
    viewport = window.list.viewport().rect()
    shown = [
        row
        for row in range(window.model.rowCount())
        if window.list.visualRect(window.model.index(row)).intersects(viewport)
    ]
    assert shown
    for upper, lower in itertools.pairwise(shown):  # side by side: no gap, no overlap
        below = window.list.visualRect(window.model.index(upper)).bottom() + 1
        assert below == window.list.visualRect(window.model.index(lower)).top()
    return {
        row: window.list.visualRect(window.model.index(row)).height() - body_height(window, row)
        for row in shown
    }


def test_rows_are_measured_before_they_are_shown(
    start_app: Callable[..., App], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only where the person looks: nothing measured while idle in this test.
    monkeypatch.setattr(message_list, "MEASURE_WHILE_IDLE", False)
    app = start_app()
    window = open_directly(app, qtbot, long_conversation(app))
    rows = window.model.rowCount()
    newest = window.model.index(rows - 1)
    qtbot.waitUntil(
        lambda: window.list.visualRect(newest).intersects(window.list.viewport().rect()),
        timeout=10_000,
    )
    at_open = frames(window)
    assert rows - 1 in at_open  # it opens at the newest
    frame = next(iter(at_open.values()))
    assert set(at_open.values()) == {frame}
    # The long reply far above was not laid out at the open, and its estimate is off.
    message = window.model.index(LONG_ROW).data(MESSAGE_ROLE)
    estimate, measured = window.delegate.sizes.height(message, window.list.font())
    assert not measured
    assert estimate != body_height(window, LONG_ROW)
    assert len(window.delegate._documents) <= KEPT_DOCUMENTS < rows

    # Straight to the long reply (as the scroll bar's thumb goes): its real height, and
    # every row's around it.
    window.list.setCurrentIndex(window.model.index(LONG_ROW))
    shown = frames(window)
    assert LONG_ROW in shown
    assert set(shown.values()) == {frame}

    # Measuring the rest changes the heights above: what is on screen stays where it was.
    top = window.list.indexAt(QPoint(0, 0))
    top_y = window.list.visualRect(top).top()
    monkeypatch.setattr(message_list, "MEASURE_WHILE_IDLE", True)
    window.list.doItemsLayout()
    qtbot.waitUntil(lambda: not window.list.measuring, timeout=20_000)
    assert window.list.indexAt(QPoint(0, 0)) == top
    assert window.list.visualRect(top).top() == top_y
    assert set(frames(window).values()) == {frame}
    assert len(window.delegate._documents) <= KEPT_DOCUMENTS

    # The keyboard reaches both ends; the rows there at their real heights too.
    window.list.setFocus()
    wait_for_focus(qtbot, window.list)
    press(Qt.Key.Key_Home)
    assert window.list.verticalScrollBar().value() == 0
    assert set(frames(window).values()) == {frame}
    press(Qt.Key.Key_End)
    assert rows - 1 in frames(window)
