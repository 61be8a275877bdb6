"""The main flow through the real window: list, New Conversation, and the result area."""

from __future__ import annotations

from collections.abc import Callable

import httpx
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from flashback_desktop.sandbox import Fault
from flashback_desktop.ui.main_window import MainWindow
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
    model = app.window.model
    rows = [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
    assert app.sandbox.state.request_count("GET", "/repo") == 1
    assert len(rows) == len(app.run(app.session.client.list_repositories()))
    assert rows[[r[0] for r in rows].index("Contracts 2026")][:2] == ["Contracts 2026", "Legal"]
    assert "Signed in as Ana Ruiz" in app.window.user_label.text()


def test_new_conversation_shows_the_id_the_server_created(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    app.select("Contracts 2026")
    with qtbot.waitSignal(app.window.conversation_created, timeout=10_000):
        qtbot.mouseClick(app.window.panel.new_button, Qt.MouseButton.LeftButton)
    shown = app.window.panel.result_id.text()
    assert shown
    assert conversations_on_server(app, repo_id_named(app.sandbox, "Contracts 2026")) == [shown]
    app.window.panel.copy_button.click()
    assert QGuiApplication.clipboard().text() == shown
    assert app.window.panel.new_button.isEnabled()


def test_clicks_ctrl_n_and_enter_in_flight_make_one_request(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    app.sandbox.state.faults.add("POST", "/conversation", Fault(delay_s=1.0))
    app.select("Marketing assets")
    window: MainWindow = app.window
    with qtbot.waitSignal(window.conversation_created, timeout=10_000):
        window.panel.new_button.click()
        window.start_new_conversation()  # a second click that slipped past the disabled button
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(window.table, Qt.Key.Key_Return)
        window.new_conversation_action.trigger()
    assert app.sandbox.state.request_count("POST", "/conversation") == 1
    assert len(conversations_on_server(app, repo_id_named(app.sandbox, "Marketing assets"))) == 1


def test_ctrl_n_starts_a_conversation(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    app.select("Contracts 2026")
    app.window.table.setFocus()
    with qtbot.waitSignal(app.window.conversation_created, timeout=10_000):
        qtbot.keyClick(app.window.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert app.sandbox.state.request_count("POST", "/conversation") == 1


def test_refresh_reloads_the_list(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    app.select("Contracts 2026")
    with qtbot.waitSignal(app.window.repositories_shown, timeout=10_000):
        app.window.refresh_action.trigger()
    assert app.sandbox.state.request_count("GET", "/repo") == 2
    assert app.window.panel.repository is not None
    assert app.window.panel.repository.name == "Contracts 2026"  # selection survives


def test_no_repositories_shows_the_empty_state(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    app.sandbox.state.repos.clear()
    with qtbot.waitSignal(app.window.repositories_shown, timeout=10_000):
        app.window.refresh_action.trigger()
    assert app.window.pages.currentWidget() is app.window.empty_label
    assert "No repositories yet" in app.window.empty_label.text()
    assert not app.window.panel.new_button.isEnabled()
