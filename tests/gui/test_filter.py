"""Finding a repository: the filter box (Ctrl+F) and the workspace choice, on the real window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from flashback_desktop.sandbox import Fault
from tests.gui.conftest import App


def shown_names(app: App) -> list[str]:
    model = app.window.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_typing_filters_by_name_and_workspace_in_any_case(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    everything = shown_names(app)
    qtbot.keyClicks(app.window.filter_edit, "CONTR")
    assert shown_names(app) == sorted(n for n in everything if "contr" in n.lower())
    assert shown_names(app)  # something matched
    app.window.filter_edit.setText("legal")  # a workspace name matches too
    legal = shown_names(app)
    assert "Contracts 2026" in legal
    assert all(app.window.model.workspace_name_at(row) == "Legal" for row in range(len(legal)))


def test_the_workspace_choice_narrows_and_the_selection_survives(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    combo = app.window.workspace_combo
    assert combo.itemText(0) == "All workspaces"
    assert combo.count() == 1 + 4  # the demo user's four workspaces
    app.select("Contracts 2026")
    combo.setCurrentIndex(combo.findText("Legal"))
    assert app.window.panel.repository is not None
    assert app.window.panel.repository.name == "Contracts 2026"  # still selected
    combo.setCurrentIndex(combo.findText("Finance"))
    assert "Contracts 2026" not in shown_names(app)
    assert app.window.panel.repository is None  # nothing hidden stays selected


def test_no_match_says_so_and_clear_filter_brings_everything_back(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    total = app.window.model.rowCount()
    app.window.filter_edit.setText("no such repository")
    assert app.window.pages.currentWidget() is not app.window.table
    assert "No repositories match" in app.window.message_label.text()
    app.window.message_button.click()
    assert app.window.filter_edit.text() == ""
    assert app.window.model.rowCount() == total
    assert app.window.pages.currentWidget() is app.window.table


def test_ctrl_f_goes_to_the_filter_and_a_refresh_keeps_it(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    app.window.table.setFocus()
    qtbot.keySequence(app.window, QKeySequence(QKeySequence.StandardKey.Find))
    qtbot.waitUntil(app.window.filter_edit.hasFocus, timeout=5000)
    qtbot.keyClicks(app.window.filter_edit, "invoices")
    with qtbot.waitSignal(app.window.repositories_shown, timeout=10_000):
        app.window.refresh_action.trigger()
    assert shown_names(app) == ["Invoices 2026"]
    app.window.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown_names(app) == ["Invoices 2026"]


def test_changing_the_workspace_searches_everything_again(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    """Narrowing may reuse the rows shown, but never across a change of workspace."""
    app = start_app()
    combo = app.window.workspace_combo
    combo.setCurrentIndex(combo.findText("Legal"))
    app.window.filter_edit.setText("c")
    legal_c = shown_names(app)
    combo.setCurrentIndex(0)  # All workspaces, same text
    everything_c = shown_names(app)
    assert set(legal_c) < set(everything_c)
    assert any(app.window.model.workspace_name_at(r) != "Legal" for r in range(len(everything_c)))


def test_a_workspace_that_disappears_stops_filtering(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    total = app.window.model.total
    combo = app.window.workspace_combo
    combo.setCurrentIndex(combo.findText("Legal"))
    app.sandbox.state.faults.add("GET", "/workspace", Fault(status=500), times=None)
    with qtbot.waitSignal(app.window.repositories_shown, timeout=10_000):
        app.window.refresh_action.trigger()
    assert combo.currentText() == "All workspaces"
    assert app.window.model.rowCount() == total  # what the combo says is what is shown
