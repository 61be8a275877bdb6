"""Finding a repository: the filter box (Ctrl+F) and the workspace choice, on the real window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from flashback_desktop.sandbox import Fault
from tests.gui.conftest import App


def shown_names(app: App) -> list[str]:
    model = app.content.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_typing_filters_by_name_and_workspace_in_any_case(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    everything = shown_names(app)
    qtbot.keyClicks(app.content.filter_edit, "CONTR")
    assert shown_names(app) == sorted(n for n in everything if "contr" in n.lower())
    assert shown_names(app)  # something matched
    app.content.filter_edit.setText("legal")  # a workspace name matches too
    legal = shown_names(app)
    assert "Contracts 2026" in legal
    assert all(app.content.model.workspace_name_at(row) == "Legal" for row in range(len(legal)))


def test_the_workspace_choice_narrows_and_the_selection_survives(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    combo = app.content.workspace_combo
    assert combo.itemText(0) == "All workspaces"
    assert combo.count() == 1 + 4  # the demo user's four workspaces
    app.select("Contracts 2026")
    combo.setCurrentIndex(combo.findText("Legal"))
    assert app.content.panel.repository is not None
    assert app.content.panel.repository.name == "Contracts 2026"  # still selected
    combo.setCurrentIndex(combo.findText("Finance"))
    assert "Contracts 2026" not in shown_names(app)
    assert app.content.panel.repository is None  # nothing hidden stays selected


def test_no_match_says_so_and_clear_filter_brings_everything_back(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    total = app.content.model.rowCount()
    app.content.filter_edit.setText("no such repository")
    assert app.content.pages.currentWidget() is not app.content.table
    assert "No repositories match" in app.content.message_label.text()
    app.content.message_button.click()
    assert app.content.filter_edit.text() == ""
    assert app.content.model.rowCount() == total
    assert app.content.pages.currentWidget() is app.content.table


def test_ctrl_f_goes_to_the_filter_and_a_refresh_keeps_it(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    app.content.table.setFocus()
    qtbot.keySequence(app.window, QKeySequence(QKeySequence.StandardKey.Find))
    qtbot.waitUntil(app.content.filter_edit.hasFocus, timeout=5000)
    qtbot.keyClicks(app.content.filter_edit, "invoices")
    with qtbot.waitSignal(app.content.repositories_shown, timeout=10_000):
        app.content.refresh_action.trigger()
    assert shown_names(app) == ["Invoices 2026"]
    app.content.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown_names(app) == ["Invoices 2026"]


def test_changing_the_workspace_searches_everything_again(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    """Narrowing may reuse the rows shown, but never across a change of workspace."""
    app = start_app()
    combo = app.content.workspace_combo
    combo.setCurrentIndex(combo.findText("Legal"))
    app.content.filter_edit.setText("c")
    legal_c = shown_names(app)
    combo.setCurrentIndex(0)  # All workspaces, same text
    everything_c = shown_names(app)
    assert set(legal_c) < set(everything_c)
    assert any(app.content.model.workspace_name_at(r) != "Legal" for r in range(len(everything_c)))


def test_a_workspace_that_disappears_stops_filtering(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    total = app.content.model.total
    combo = app.content.workspace_combo
    combo.setCurrentIndex(combo.findText("Legal"))
    app.sandbox.state.faults.add("GET", "/workspace", Fault(status=500), times=None)
    with qtbot.waitSignal(app.content.repositories_shown, timeout=10_000):
        app.content.refresh_action.trigger()
    assert combo.currentText() == "All workspaces"
    assert app.content.model.rowCount() == total  # what the combo says is what is shown
