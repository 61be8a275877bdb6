"""The columns after the name fit their texts (and headers, in any language), and keep a
width the person chose."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from flashback_desktop import i18n
from flashback_desktop.ui.repo_model import STATUS_COLUMN
from tests.gui.conftest import App

WORKSPACE_COLUMN = 1
FITTED = (WORKSPACE_COLUMN, 2, STATUS_COLUMN, 4)  # workspace, storage, status, created


def content_width(app: App, column: int) -> int:
    """What ResizeToContents would give: every row asked, not just one per distinct text."""
    table = app.page.list_view
    cells = (
        table.sizeHintForIndex(table.model().index(row, column)).width()
        for row in range(app.page.row_count)
    )
    widest = max(table.horizontalHeader().sectionSizeFromContents(column).width(), *cells)
    return widest + int(table.showGrid())  # the grid line's pixel: no wrapped text


@pytest.mark.parametrize("language", ["en", "es", "de"])
def test_text_columns_fit_their_longest_text(start_app: Callable[..., App], language: str) -> None:
    i18n.install(language)
    try:
        app = start_app()
        header = app.page.list_view.horizontalHeader()
        for column in FITTED:
            assert header.sectionSize(column) == content_width(app, column), column
    finally:
        i18n.uninstall()


def test_a_width_the_person_chose_survives_a_reload(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    header = app.page.list_view.horizontalHeader()
    fitted = header.sectionSize(STATUS_COLUMN)
    header.resizeSection(STATUS_COLUMN, fitted + 77)  # as a drag on the header edge does
    with app.page.wait_repositories_shown(qtbot):
        app.page.refresh()
    assert header.sectionSize(STATUS_COLUMN) == fitted + 77
    assert header.sectionSize(WORKSPACE_COLUMN) == content_width(app, WORKSPACE_COLUMN)


def test_a_width_from_last_time_is_kept_unless_the_texts_need_more(
    start_app: Callable[..., App],
) -> None:
    """Restored widths (the saved state): a wide one stays, a narrow one grows to fit,
    e.g. after switching to a language with longer words."""
    app = start_app()
    header = app.page.list_view.horizontalHeader()
    fitted = header.sectionSize(STATUS_COLUMN)
    header.resizeSection(STATUS_COLUMN, 20)  # as saved by an English run, say
    header.resizeSection(2, 300)
    app.page.fit_columns_as_after_a_restart()
    assert header.sectionSize(STATUS_COLUMN) == fitted
    assert header.sectionSize(2) == 300
