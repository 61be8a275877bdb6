"""The main flow through the real window: list, New Conversation, and the result area."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from flashback_desktop.sandbox import Fault
from tests.gui.conftest import App
from tests.support.sandbox_data import repo_id_named


def conversations_on_server(app: App, repo_id: str) -> list[str]:
    """Ask the sandbox over HTTP, as any client would, instead of trusting the window."""
    response = httpx.get(
        f"{app.sandbox.url}/conversation",
        params={"repoId": repo_id},
        headers={"Authorization": f"Bearer {app.sandbox.state.demo_token}"},
        timeout=5,
    )
    response.raise_for_status()
    return [c["id"] for c in response.json()["conversations"]]


def test_repositories_are_listed_with_workspace_names(start_app: Callable[..., App]) -> None:
    app = start_app()
    page = app.page
    rows = [
        [page.cell(row, column) for column in range(page.column_count)]
        for row in range(page.row_count)
    ]
    assert app.sandbox.state.request_count("GET", "/repo") == 1
    assert len(rows) == len(app.run(app.session.list_repositories()))
    assert rows[[r[0] for r in rows].index("Contracts 2026")][:2] == ["Contracts 2026", "Legal"]
    assert "Signed in as Ana Ruiz" in app.page.user_text


def test_new_conversation_shows_the_id_the_server_created(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    app.select("Contracts 2026")
    with app.page.wait_created(qtbot):
        qtbot.mouseClick(app.page.panel.new_button, Qt.MouseButton.LeftButton)
    shown = app.page.created_id
    assert shown
    assert conversations_on_server(app, repo_id_named(app.sandbox, "Contracts 2026")) == [shown]
    app.page.panel.copy()
    assert QGuiApplication.clipboard().text() == shown
    assert app.page.panel.can_start()


@pytest.fixture
def double_click_interval_ms() -> Iterator[Callable[[int], None]]:
    """Set the platform's double-click interval for one test (restored after it)."""
    before = QApplication.doubleClickInterval()
    yield QApplication.setDoubleClickInterval
    QApplication.setDoubleClickInterval(before)


def test_every_trigger_while_the_first_post_is_in_flight_makes_no_second_one(
    start_app: Callable[..., App], qtbot: QtBot, double_click_interval_ms: Callable[[int], None]
) -> None:
    """The in-flight guard on its own: presses well apart, but all during the slow POST."""
    double_click_interval_ms(1)  # no press here is part of the previous one's intent
    app = start_app()
    state = app.sandbox.state
    state.faults.add("POST", "/conversation", Fault(delay_s=1.5))
    app.select("Marketing assets")
    page = app.page
    page.list_view.setFocus()
    with page.wait_created(qtbot):
        qtbot.keyClick(page.list_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: state.request_count("POST", "/conversation") == 1, timeout=5000)
        qtbot.keyClick(page.list_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(page.list_view, Qt.Key.Key_Return)
        qtbot.mouseClick(page.panel.new_button, Qt.MouseButton.LeftButton)
        page.new_conversation()
        page.start_new_conversation_regardless()  # a press that slipped past the disabled button
    app.wait_until_idle()
    assert state.request_count("POST", "/conversation") == 1
    assert len(conversations_on_server(app, repo_id_named(app.sandbox, "Marketing assets"))) == 1


def test_quick_presses_after_a_fast_answer_are_one_intent(
    start_app: Callable[..., App], qtbot: QtBot, double_click_interval_ms: Callable[[int], None]
) -> None:
    """The server answers between the presses: within the double-click interval, still one."""
    double_click_interval_ms(60_000)  # every press below is "quick", however busy the machine
    app = start_app()
    state = app.sandbox.state
    app.select("Contracts 2026")
    page = app.page
    page.list_view.setFocus()
    with page.wait_created(qtbot):
        qtbot.keyClick(page.list_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    created = page.created_id
    qtbot.keyClick(page.list_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.list_view, Qt.Key.Key_Return)
    page.new_conversation()
    qtbot.mouseClick(page.panel.new_button, Qt.MouseButton.LeftButton)
    qtbot.mouseDClick(page.panel.new_button, Qt.MouseButton.LeftButton)
    app.wait_until_idle()
    assert state.request_count("POST", "/conversation") == 1
    assert page.created_id == created

    double_click_interval_ms(1)  # the next press comes after the interval: a new intent
    with page.wait_created(qtbot):
        page.new_conversation()
    assert state.request_count("POST", "/conversation") == 2


def test_a_quick_press_for_another_repository_is_its_own_intent(
    start_app: Callable[..., App], qtbot: QtBot, double_click_interval_ms: Callable[[int], None]
) -> None:
    double_click_interval_ms(60_000)
    app = start_app()
    app.select("Contracts 2026")
    with app.page.wait_created(qtbot):
        app.page.new_conversation()
    app.select("NDAs")
    with app.page.wait_created(qtbot):
        app.page.new_conversation()
    assert app.sandbox.state.request_count("POST", "/conversation") == 2


def test_a_held_enter_is_one_press(
    start_app: Callable[..., App], qtbot: QtBot, double_click_interval_ms: Callable[[int], None]
) -> None:
    """Auto-repeat comes after the double-click interval: it must not count as a new press."""
    double_click_interval_ms(1)
    app = start_app()
    app.select("Contracts 2026")
    page = app.page
    page.list_view.setFocus()
    with page.wait_created(qtbot):
        qtbot.keyClick(page.list_view, Qt.Key.Key_Return)
    for _ in range(3):  # what the keyboard sends while Enter stays down
        held = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r", True
        )
        QApplication.sendEvent(page.list_view, held)
    app.wait_until_idle()
    assert app.sandbox.state.request_count("POST", "/conversation") == 1
    assert not page.new_conversation_action.autoRepeat()  # a held Ctrl+N likewise


def test_ctrl_n_starts_a_conversation(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    app.select("Contracts 2026")
    app.page.list_view.setFocus()
    with app.page.wait_created(qtbot):
        qtbot.keyClick(app.page.list_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert app.sandbox.state.request_count("POST", "/conversation") == 1


def test_refresh_reloads_the_list(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    app.select("Contracts 2026")
    with app.page.wait_repositories_shown(qtbot):
        app.page.refresh()
    assert app.sandbox.state.request_count("GET", "/repo") == 2
    assert app.page.panel.repository_name == "Contracts 2026"  # selection survives


def test_no_repositories_shows_the_empty_state(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    app.sandbox.state.repos.clear()
    with app.page.wait_repositories_shown(qtbot):
        app.page.refresh()
    assert app.page.showing == "empty"
    assert "No repositories yet" in app.page.empty_text
    assert not app.page.panel.can_start()
