"""The Workspace and Status columns fit their texts, and keep a width the person chose."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from flashback_desktop.ui.repo_model import STATUS_COLUMN
from tests.gui.conftest import App

WORKSPACE_COLUMN = 1


def content_width(app: App, column: int) -> int:
    """What ResizeToContents would give: every row asked, not just one per distinct text."""
    table = app.window.table
    cells = (
        table.sizeHintForIndex(app.window.model.index(row, column)).width()
        for row in range(app.window.model.rowCount())
    )
    return max(table.horizontalHeader().sectionSizeFromContents(column).width(), *cells)


def test_text_columns_fit_their_longest_text(start_app: Callable[..., App]) -> None:
    app = start_app()
    header = app.window.table.horizontalHeader()
    for column in (WORKSPACE_COLUMN, STATUS_COLUMN):
        assert header.sectionSize(column) == content_width(app, column)


def test_a_width_the_person_chose_survives_a_reload(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    header = app.window.table.horizontalHeader()
    fitted = header.sectionSize(STATUS_COLUMN)
    header.resizeSection(STATUS_COLUMN, fitted + 77)  # as a drag on the header edge does
    with qtbot.waitSignal(app.window.repositories_shown, timeout=10_000):
        app.window.refresh_action.trigger()
    assert header.sectionSize(STATUS_COLUMN) == fitted + 77
    assert header.sectionSize(WORKSPACE_COLUMN) == content_width(app, WORKSPACE_COLUMN)
