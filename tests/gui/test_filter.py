"""Finding a repository: the filter box (Ctrl+F) and the workspace choice, on the real window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from flashback_desktop.sandbox import Fault
from tests.gui.conftest import App


def shown_names(app: App) -> list[str]:
    return app.page.names()


def test_typing_filters_by_name_and_workspace_in_any_case(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    everything = shown_names(app)
    qtbot.keyClicks(app.page.filter_box, "CONTR")
    assert shown_names(app) == sorted(n for n in everything if "contr" in n.lower())
    assert shown_names(app)  # something matched
    app.page.filter("legal")  # a workspace name matches too
    legal = shown_names(app)
    assert "Contracts 2026" in legal
    assert all(app.page.workspace_at(row) == "Legal" for row in range(len(legal)))


def test_the_workspace_choice_narrows_and_the_selection_survives(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    combo = app.page.workspace_box
    assert combo.itemText(0) == "All workspaces"
    assert combo.count() == 1 + 4  # the demo user's four workspaces
    app.select("Contracts 2026")
    combo.setCurrentIndex(combo.findText("Legal"))
    assert app.page.panel.repository_name == "Contracts 2026"  # still selected
    combo.setCurrentIndex(combo.findText("Finance"))
    assert "Contracts 2026" not in shown_names(app)
    assert app.page.panel.repository_name is None  # nothing hidden stays selected


def test_no_match_says_so_and_clear_filter_brings_everything_back(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    total = app.page.row_count
    app.page.filter("no such repository")
    assert app.page.showing != "list"
    assert "No repositories match" in app.page.list_message
    app.page.list_message_button.click()
    assert app.page.filter_box.text() == ""
    assert app.page.row_count == total
    assert app.page.showing == "list"


def test_ctrl_f_goes_to_the_filter_and_a_refresh_keeps_it(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    app.page.list_view.setFocus()
    qtbot.keySequence(app.window, QKeySequence(QKeySequence.StandardKey.Find))
    qtbot.waitUntil(app.page.filter_box.hasFocus, timeout=5000)
    qtbot.keyClicks(app.page.filter_box, "invoices")
    with app.page.wait_repositories_shown(qtbot):
        app.page.refresh()
    assert shown_names(app) == ["Invoices 2026"]
    app.page.list_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown_names(app) == ["Invoices 2026"]


def test_changing_the_workspace_searches_everything_again(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    """Narrowing may reuse the rows shown, but never across a change of workspace."""
    app = start_app()
    combo = app.page.workspace_box
    combo.setCurrentIndex(combo.findText("Legal"))
    app.page.filter("c")
    legal_c = shown_names(app)
    combo.setCurrentIndex(0)  # All workspaces, same text
    everything_c = shown_names(app)
    assert set(legal_c) < set(everything_c)
    assert any(app.page.workspace_at(r) != "Legal" for r in range(len(everything_c)))


def test_a_workspace_that_disappears_stops_filtering(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    total = app.page.repository_total
    combo = app.page.workspace_box
    combo.setCurrentIndex(combo.findText("Legal"))
    app.sandbox.state.faults.add("GET", "/workspace", Fault(status=500), times=None)
    with app.page.wait_repositories_shown(qtbot):
        app.page.refresh()
    assert combo.currentText() == "All workspaces"
    assert app.page.row_count == total  # what the combo says is what is shown
