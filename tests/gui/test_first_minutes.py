"""What a person meets in the first minutes (issue 13): the right information for what is
selected now, a neutral start, visible "Copied", the server in the title, one date style,
translated words, plain explanations, a calm delete, columns that never wrap."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from flashback_desktop import i18n
from flashback_desktop.config import PRODUCTION_SERVER
from flashback_desktop.sandbox import Fault
from flashback_desktop.ui.accessibility import announcer
from flashback_desktop.ui.conversation_panel import DISABLED_HINT, NO_MODEL_HINT
from flashback_desktop.ui.copy_feedback import copied_text
from flashback_desktop.ui.main_window import MainWindow
from flashback_desktop.ui.repo_model import STATUS_COLUMN
from flashback_desktop.ui.window_state import WindowStateKeeper
from tests.gui.conftest import App
from tests.gui.test_sign_in import create_after_the_sign_in_ran_out
from tests.support.sandbox_data import repo_id_named

CREATED_COLUMN = 4


@pytest.fixture
def ini(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.conf"), QSettings.Format.IniFormat)


@pytest.fixture
def language() -> Iterator[Callable[[str], str]]:
    yield i18n.install
    i18n.uninstall()


def create_in(app: App, qtbot: QtBot, name: str) -> str:
    app.select(name)
    with qtbot.waitSignal(app.content.conversation_created, timeout=10_000) as created:
        app.content.panel.new_button.click()
    return str(created.args[0])


def press_ctrl_c(app: App, qtbot: QtBot) -> None:
    app.content.table.setFocus()
    qtbot.waitUntil(app.content.table.hasFocus, timeout=3000)
    qtbot.keyClick(app.content.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)


# ---- 1. the created ID belongs to its repository ---------------------------------------------


def test_the_created_id_is_shown_and_copied_only_with_its_repository(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    panel = app.content.panel
    created = create_in(app, qtbot, "Contracts 2026")
    assert panel.result_row.isVisibleTo(panel)

    app.select("Marketing assets")
    assert not panel.result_row.isVisibleTo(panel)
    assert panel.created_id == ""
    QGuiApplication.clipboard().setText("what the person copied before")
    press_ctrl_c(app, qtbot)  # the list may copy its own cell, never the other ID
    assert QGuiApplication.clipboard().text() != created
    panel.copy_id()
    assert QGuiApplication.clipboard().text() != created
    assert not app.content.copy_id_action.isEnabled()

    app.select("Contracts 2026")  # back where it was made: shown again
    assert panel.result_row.isVisibleTo(panel)
    press_ctrl_c(app, qtbot)
    assert QGuiApplication.clipboard().text() == created


# ---- 2. a neutral start, one of Sign in / Sign out -------------------------------------------


def test_connecting_until_the_saved_sign_in_is_read_then_one_of_sign_in_or_out(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    at_build: list[tuple[str, bool, bool]] = []

    def look(window: MainWindow) -> None:  # built, not yet shown: the saved sign-in unread
        at_build.append(
            (
                window.content.user_label.text(),
                window.content.sign_in_button.isHidden(),
                window.content.sign_out_button.isHidden(),
            )
        )

    app = start_app(wait_for_repositories=False, prepare=look)
    assert at_build == [("Connecting…", True, True)]
    window = app.window
    qtbot.waitUntil(lambda: window.content.model.total > 0, timeout=10_000)
    assert window.content.user_label.text().startswith("Signed in as")
    assert window.content.sign_in_button.isHidden()
    assert not window.content.sign_out_button.isHidden()
    assert not window.content.sign_in_action.isEnabled()  # File → Sign in… while signed in: no


def test_while_the_list_loads_after_start_it_says_connecting(
    start_app: Callable[..., App], qtbot: QtBot, sandbox_with_slow_list: None
) -> None:
    app = start_app(wait_for_repositories=False)
    window = app.window
    qtbot.waitUntil(lambda: app.sandbox.state.request_count("GET", "/repo") == 1, timeout=10_000)
    assert window.content.user_label.text() == "Connecting…"
    assert window.content.sign_in_button.isHidden()
    assert window.content.sign_out_button.isHidden()
    qtbot.waitUntil(lambda: window.content.model.total > 0, timeout=10_000)
    assert not window.content.sign_out_button.isHidden()


@pytest.fixture
def sandbox_with_slow_list(sandbox: object) -> None:
    sandbox.state.faults.add("GET", "/repo", Fault(delay_s=3.0))  # type: ignore[attr-defined]


def test_after_the_sign_in_expired_the_email_is_filled_in_and_only_sign_in_is_offered(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    dialog = create_after_the_sign_in_ran_out(app, qtbot)
    assert dialog.email_edit.text() == app.sandbox.state.demo_email
    assert dialog.password_edit.hasFocus() or dialog.focusWidget() is dialog.password_edit
    window = app.window
    assert window.content.user_label.text() == "Your sign-in has expired."
    assert not window.content.sign_in_button.isHidden()
    assert window.content.sign_out_button.isHidden()
    assert window.content.sign_in_action.isEnabled()


# ---- 3. status words -------------------------------------------------------------------------


def test_a_disabled_repository_gets_its_own_sentence(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    app.select("Litigation holds")  # disabled, and with no model either
    hint = app.content.panel.hint_label
    assert hint.isVisibleTo(app.content.panel)
    assert hint.text() == DISABLED_HINT
    assert hint.text() != NO_MODEL_HINT


def test_a_blank_status_is_explained_on_the_cell_and_the_header(
    start_app: Callable[..., App],
) -> None:
    app = start_app()
    model = app.content.model
    row = model.row_of(repo_id_named(app.sandbox, "Contracts 2026"))  # aiLlms left out
    assert row is not None
    index = model.index(row, STATUS_COLUMN)
    assert index.data() == ""
    assert "did not say" in index.data(Qt.ItemDataRole.ToolTipRole)
    header_tip = model.headerData(
        STATUS_COLUMN, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert "did not say" in header_tip


# ---- 4. "Copied" -----------------------------------------------------------------------------


def test_every_copy_shows_copied_for_a_moment_and_says_it(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    said: list[str] = []
    announcer().announced.connect(said.append)
    create_in(app, qtbot, "Contracts 2026")
    panel = app.content.panel
    panel.copy_button.click()
    assert panel.copy_button.text() == copied_text()
    assert said[-1] == "Conversation ID copied."
    qtbot.waitUntil(lambda: panel.copy_button.text() == "Copy", timeout=5000)

    history = app.content.history
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=10_000)
    history.table.selectRow(0)
    history.copy_button.click()
    assert history.copy_button.text() == copied_text()
    assert said[-1] == "Conversation ID copied."

    dialog = app.content.show_error("Headline", "Message.", "Action.", "Some details")
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "Some details"
    assert dialog.copy_button.text() == copied_text()
    assert said[-1] == "Details copied."
    dialog.close()


# ---- 9. the server in the title --------------------------------------------------------------


def test_the_title_names_the_server_unless_it_is_production(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    host = app.sandbox.url.removeprefix("http://").rstrip("/")
    assert app.window.windowTitle() == f"Flashback Desktop — {host}"
    production = MainWindow(server_label=PRODUCTION_SERVER)
    qtbot.addWidget(production)
    assert production.windowTitle() == "Flashback Desktop"


@pytest.mark.parametrize(
    ("address", "title"),
    [
        # One server however it is written: the origin its sign-in is kept under.
        ("https://backend.flashback.tech:443", "Flashback Desktop"),
        ("HTTPS://Backend.Flashback.Tech/", "Flashback Desktop"),
        ("https://staging.example.com:443", "Flashback Desktop — staging.example.com"),
        ("https://staging.example.com:8443", "Flashback Desktop — staging.example.com:8443"),
        ("http://127.0.0.1:80", "Flashback Desktop — 127.0.0.1"),
    ],
)
def test_the_title_names_the_server_by_its_origin(address: str, title: str, qtbot: QtBot) -> None:
    window = MainWindow(server_label=address)
    qtbot.addWidget(window)
    assert window.windowTitle() == title


# ---- 10. one date style ----------------------------------------------------------------------


@pytest.mark.parametrize("code", ["en", "es", "de"])
def test_the_list_and_recent_conversations_write_dates_alike(
    start_app: Callable[..., App], qtbot: QtBot, language: Callable[[str], str], code: str
) -> None:
    language(code)
    app = start_app()
    locale = QLocale()

    def day(moment: datetime) -> str:
        local = moment.astimezone()
        month = locale.monthName(local.month, QLocale.FormatType.ShortFormat)
        dot = "." if code == "de" else ""
        return f"{local.day}{dot} {month} {local.year}"

    moment = datetime(2026, 3, 9, 12, 0, tzinfo=UTC)
    repo_id = repo_id_named(app.sandbox, "Contracts 2026")
    app.sandbox.state.add_conversation(repo_id, created_at=moment, title="Dated")
    with qtbot.waitSignal(app.content.history.page_shown, timeout=10_000):
        app.select("Contracts 2026")
    shown = str(app.content.history.model.index(0, 0).data())
    assert shown.startswith(day(moment) + " "), shown
    row = app.content.model.row_of(repo_id)
    assert row is not None
    listed = app.content.model.index(row, CREATED_COLUMN).data()
    assert listed == day(datetime(2026, 1, 2, 10, 0, tzinfo=UTC)), listed  # the seeded date


# ---- 11. translated words --------------------------------------------------------------------


def test_the_role_and_an_unnamed_repository_are_in_spanish(
    start_app: Callable[..., App], sandbox: object, language: Callable[[str], str]
) -> None:
    language("es")
    repos = sandbox.state.repos  # type: ignore[attr-defined]
    nameless = next(r for r in repos if r["name"] == "NDAs")
    nameless["name"] = ""
    app = start_app()
    assert "Member" not in app.content.user_label.text()
    assert "Miembro" in app.content.user_label.text()
    names = [app.content.model.index(row, 0).data() for row in range(app.content.model.rowCount())]
    assert "(repositorio sin nombre)" in names
    assert "(unnamed repository)" not in names


# ---- 14. plain words -------------------------------------------------------------------------


def test_the_window_says_what_a_conversation_and_its_id_are(
    start_app: Callable[..., App],
) -> None:
    app = start_app()
    app.select("Contracts 2026")
    explanation = app.content.panel.explanation_label
    assert explanation.isVisibleTo(app.window)
    assert "conversation is" in explanation.text()
    assert "ID" in explanation.text()
    model = app.content.history.model
    headers = [
        model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())
    ]
    assert not any("Token" in header for header in headers), headers  # jargon


# ---- 15. after a delete ----------------------------------------------------------------------


def test_after_a_delete_the_view_stays_and_nothing_is_armed(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    repo_id = repo_id_named(app.sandbox, "Contracts 2026")
    start = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
    for n in range(20):
        app.sandbox.state.add_conversation(
            repo_id, created_at=start + timedelta(minutes=n), title=f"Question {n}"
        )
    history = app.content.history
    with qtbot.waitSignal(history.page_shown, timeout=10_000):
        app.select("Contracts 2026")
    table = history.table
    bar = table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 3, timeout=3000)
    bar.setValue(3)
    top = table.rowAt(0)
    doomed = top + 1
    table.selectRow(doomed)
    table.setFocus()
    with qtbot.waitSignal(history.dialog_opened, timeout=5000) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Delete)
    dialog = opened.args[0]
    assert isinstance(dialog, QMessageBox)
    destroy = next(
        b
        for b in dialog.buttons()
        if dialog.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    with qtbot.waitSignal(history.conversation_deleted, timeout=10_000):
        destroy.click()
    assert bar.value() == 3
    assert table.rowAt(0) == top
    assert history.selected_row() is None
    assert not history.delete_button.isEnabled()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # nothing is armed: no second confirmation
    assert history.confirm_dialog is None
    assert app.sandbox.state.request_count("DELETE", "/conversation/{conversationId}") == 1


# ---- 16. columns and the split ---------------------------------------------------------------


def text_fits(app: App, column: int) -> bool:
    table = app.content.table
    header = table.horizontalHeader()
    need = max(
        table.sizeHintForIndex(app.content.model.index(row, column)).width()
        for row in range(app.content.model.rowCount())
    )
    return header.sectionSize(column) >= need


def test_columns_never_wrap_after_sign_out_sign_in_and_resizes(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    window = app.window
    for width in (520, 1200, 640):
        window.resize(width, 520)
        qtbot.waitUntil(lambda: window.width() <= max(width, 700), timeout=3000)  # noqa: B023
        assert all(text_fits(app, column) for column in (1, 2, 3, 4))
    window.content.sign_out()
    qtbot.waitUntil(lambda: window.content.sign_in_dialog is not None, timeout=10_000)
    dialog = window.content.sign_in_dialog
    assert dialog is not None
    dialog.email_edit.setText(app.sandbox.state.demo_email)
    dialog.password_edit.setText(app.sandbox.state.demo_password)
    with qtbot.waitSignal(window.content.repositories_shown, timeout=10_000):
        dialog.sign_in_button.click()
    assert all(text_fits(app, column) for column in (1, 2, 3, 4))
    assert not window.content.table.wordWrap()
    assert not window.content.history.table.wordWrap()


def test_recent_conversations_get_room_and_the_split_is_remembered(
    start_app: Callable[..., App], qtbot: QtBot, ini: QSettings
) -> None:
    def remember(window: MainWindow) -> None:
        WindowStateKeeper(window.content, ini)

    first = start_app(prepare=remember)
    table = first.window.content.history.table
    rows_visible = table.viewport().height() // table.verticalHeader().defaultSectionSize()
    assert rows_visible >= 5, rows_visible
    listed = first.window.content.table
    assert listed.viewport().height() // listed.verticalHeader().defaultSectionSize() >= 9
    splitter = first.window.content.splitter
    total = sum(splitter.sizes())
    splitter.setSizes([total - 300, 300])
    splitter.splitterMoved.emit(total - 300, 1)  # as a drag of the handle does
    chosen = splitter.sizes()
    first.window.close()

    second = start_app(prepare=remember)
    assert second.window.content.splitter.sizes() == chosen


def test_the_server_stays_in_the_status_bar_after_a_menu_was_used(
    start_app: Callable[..., App],
) -> None:
    app = start_app()
    window = app.window
    bar = window.statusBar()

    def shown() -> str:
        label = getattr(window.content, "server_status", None)
        widget_text = label.text() if label is not None and label.isVisibleTo(window) else ""
        return bar.currentMessage() or widget_text

    assert app.sandbox.url in shown()
    window.content.refresh_action.showStatusText(window)  # as hovering a menu item does
    assert app.sandbox.url in shown()
