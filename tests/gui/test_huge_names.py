"""Absurd names from the server (issue 15, item 9): elided on screen with a bounded tooltip,
no absurd column width fitted, saved or restored, and the window never wider than the screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from flashback_desktop.sandbox import Fault, SandboxServer
from flashback_desktop.ui.long_text import TOOLTIP_LINES, TOOLTIP_UNWRAPPED
from flashback_desktop.ui.main_window import MainWindow
from flashback_desktop.ui.window_state import HEADER_KEY, WindowStateKeeper
from tests.gui.conftest import App
from tests.support.error_dialog_page import ErrorDialogPage

WORKSPACE_COLUMN = 1


@pytest.fixture
def ini(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.conf"), QSettings.Format.IniFormat)


def screen_width(window: MainWindow) -> int:
    screen = window.screen() or QApplication.primaryScreen()
    return screen.availableGeometry().width()


def assert_bounded_tooltip(text: str) -> None:
    lines = text.replace("<br>", "\n").split("\n")
    assert len(lines) <= TOOLTIP_LINES + 1
    assert all(len(line) <= TOOLTIP_UNWRAPPED + len("<qt>") + len("</qt>") for line in lines)


def test_a_huge_workspace_name_makes_no_huge_column_now_or_next_time(
    start_app: Callable[..., App], sandbox: SandboxServer, ini: QSettings
) -> None:
    legal = next(w for w in sandbox.state.workspaces if w["name"] == "Legal")
    legal["name"] = "L" * 100_000
    first = start_app(prepare=lambda window: WindowStateKeeper(window.content, ini))
    window, page = first.window, first.page
    header = page.list_view.horizontalHeader()
    assert header.sectionSize(WORKSPACE_COLUMN) < screen_width(window) // 2
    # The workspace box does not take the filter box's room.
    assert page.workspace_box.sizeHint().width() < window.width() // 2
    row = next(
        row for row in range(page.row_count) if page.cell(row, WORKSPACE_COLUMN).startswith("LLLL")
    )
    tip = page.cell(row, WORKSPACE_COLUMN, Qt.ItemDataRole.ToolTipRole)
    assert_bounded_tooltip(tip)
    window.close()
    saved = ini.value(HEADER_KEY)
    assert saved is not None

    # A state saved by an older version that did fit the column to the name: not kept.
    legal["name"] = "Legal"
    header.resizeSection(WORKSPACE_COLUMN, 800_000)
    ini.setValue(HEADER_KEY, header.saveState())
    ini.sync()
    second = start_app(prepare=lambda window: WindowStateKeeper(window.content, ini))
    table = second.page.list_view
    width = table.horizontalHeader().sectionSize(WORKSPACE_COLUMN)
    assert width < screen_width(second.window) // 2, width
    model = table.model()
    widest_name = max(
        table.sizeHintForIndex(model.index(row, WORKSPACE_COLUMN)).width()
        for row in range(model.rowCount())
    )
    assert width >= widest_name  # fitted to today's names, not left at the header's width


def test_a_huge_repository_name_never_pushes_the_buttons_off_screen(
    start_app: Callable[..., App], sandbox: SandboxServer, qtbot: QtBot
) -> None:
    huge = "R" * 1_000_000
    next(r for r in sandbox.state.repos if r["name"] == "NDAs")["name"] = huge
    app = start_app()
    window, page = app.window, app.page
    window.resize(700, 500)
    app.select(huge)
    QApplication.processEvents()
    limit = screen_width(window)
    assert window.minimumSizeHint().width() <= limit
    assert window.width() <= limit
    for button in (page.panel.new_button, page.sign_out_button):
        right = button.mapTo(window, button.rect().topRight()).x()
        assert 0 < right <= window.width(), button.objectName()
    label = page.panel.selection_label
    assert label.is_elided()
    assert len(label.shown_text()) < 1000


def test_a_huge_name_in_a_sentence_is_cut_short(
    start_app: Callable[..., App], sandbox: SandboxServer, qtbot: QtBot
) -> None:
    huge = "R" * 1_000_000
    next(r for r in sandbox.state.repos if r["name"] == "NDAs")["name"] = huge
    app = start_app()
    sandbox.state.faults.add("POST", "/conversation", Fault(status=403))
    app.select(huge)
    with app.page.wait_dialog(qtbot) as opened:
        app.page.panel.click_new()
    dialog = ErrorDialogPage(opened.args[0])
    assert len(dialog.headline) < 200
    qtbot.waitUntil(dialog.dialog.isVisible, timeout=5000)
    assert dialog.dialog.width() <= screen_width(app.window)
    dialog.close()

    title = "T" * 100_000
    repo_id = next(r["id"] for r in sandbox.state.repos if r["name"] == "Contracts 2026")
    sandbox.state.add_conversation(repo_id, title=title)
    history = app.page.history
    with history.wait_page_shown(qtbot):
        app.select("Contracts 2026")
    history.select_row(0)
    with history.wait_dialog(qtbot) as asked:
        history.delete_button.click()
    box = asked.args[0]
    assert isinstance(box, QMessageBox)
    assert len(box.text()) < 200
    delete = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    with history.wait_deleted(qtbot):
        delete.click()
    assert len(history.status) < 200
    assert app.window.width() <= screen_width(app.window)
