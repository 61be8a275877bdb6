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
from tests.support.main_page import MainPage
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
    with app.page.wait_created(qtbot) as created:
        app.page.panel.click_new()
    return str(created.args[0])


def press_ctrl_c(app: App, qtbot: QtBot) -> None:
    table = app.page.list_view
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=3000)
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)


# ---- 1. the created ID belongs to its repository ---------------------------------------------


def test_the_created_id_is_shown_and_copied_only_with_its_repository(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    panel = app.page.panel
    created = create_in(app, qtbot, "Contracts 2026")
    assert panel.created_shown()

    app.select("Marketing assets")
    assert not panel.created_shown()
    assert panel.created_id == ""
    QGuiApplication.clipboard().setText("what the person copied before")
    press_ctrl_c(app, qtbot)  # the list may copy its own cell, never the other ID
    assert QGuiApplication.clipboard().text() != created
    panel.copy_id()
    assert QGuiApplication.clipboard().text() != created
    assert not app.page.can_copy_id()

    app.select("Contracts 2026")  # back where it was made: shown again
    assert panel.created_shown()
    press_ctrl_c(app, qtbot)
    assert QGuiApplication.clipboard().text() == created


# ---- 2. a neutral start, one of Sign in / Sign out -------------------------------------------


def test_connecting_until_the_saved_sign_in_is_read_then_one_of_sign_in_or_out(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    at_build: list[tuple[str, bool, bool]] = []

    def look(window: MainWindow) -> None:  # built, not yet shown: the saved sign-in unread
        page = MainPage(window)
        at_build.append((page.user_text, not page.sign_in_offered(), not page.sign_out_offered()))

    app = start_app(wait_for_repositories=False, prepare=look)
    assert at_build == [("Connecting…", True, True)]
    page = app.page
    qtbot.waitUntil(lambda: page.repository_total > 0, timeout=10_000)
    assert page.user_text.startswith("Signed in as")
    assert not page.sign_in_offered()
    assert page.sign_out_offered()
    assert not page.can_sign_in()  # File → Sign in… while signed in: no


def test_while_the_list_loads_after_start_it_says_connecting(
    start_app: Callable[..., App], qtbot: QtBot, sandbox_with_slow_list: None
) -> None:
    app = start_app(wait_for_repositories=False)
    page = app.page
    qtbot.waitUntil(lambda: app.sandbox.state.request_count("GET", "/repo") == 1, timeout=10_000)
    assert page.user_text == "Connecting…"
    assert not page.sign_in_offered()
    assert not page.sign_out_offered()
    qtbot.waitUntil(lambda: page.repository_total > 0, timeout=10_000)
    assert page.sign_out_offered()


@pytest.fixture
def sandbox_with_slow_list(sandbox: object) -> None:
    sandbox.state.faults.add("GET", "/repo", Fault(delay_s=3.0))  # type: ignore[attr-defined]


def test_after_the_sign_in_expired_the_email_is_filled_in_and_only_sign_in_is_offered(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    dialog = create_after_the_sign_in_ran_out(app, qtbot)
    assert dialog.email_box.text() == app.sandbox.state.demo_email
    password = dialog.password_box
    assert password.hasFocus() or dialog.dialog.focusWidget() is password
    page = app.page
    assert page.user_text == "Your sign-in has expired."
    assert page.sign_in_offered()
    assert not page.sign_out_offered()
    assert page.can_sign_in()


# ---- 3. status words -------------------------------------------------------------------------


def test_a_disabled_repository_gets_its_own_sentence(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    app.select("Litigation holds")  # disabled, and with no model either
    hint = app.page.panel.hint  # "" while hidden
    assert hint == DISABLED_HINT
    assert hint != NO_MODEL_HINT


def test_a_blank_status_is_explained_on_the_cell_and_the_header(
    start_app: Callable[..., App],
) -> None:
    app = start_app()
    page = app.page
    row = page.row_of(repo_id_named(app.sandbox, "Contracts 2026"))  # aiLlms left out
    assert row is not None
    assert page.cell(row, STATUS_COLUMN) == ""
    assert "did not say" in page.cell(row, STATUS_COLUMN, Qt.ItemDataRole.ToolTipRole)
    assert "did not say" in page.header(STATUS_COLUMN, Qt.ItemDataRole.ToolTipRole)


# ---- 4. "Copied" -----------------------------------------------------------------------------


def test_every_copy_shows_copied_for_a_moment_and_says_it(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    said: list[str] = []
    announcer().announced.connect(said.append)
    create_in(app, qtbot, "Contracts 2026")
    panel = app.page.panel
    panel.copy()
    assert panel.copy_button.text() == copied_text()
    assert said[-1] == "Conversation ID copied."
    qtbot.waitUntil(lambda: panel.copy_button.text() == "Copy", timeout=5000)

    history = app.page.history
    qtbot.waitUntil(lambda: history.row_count == 1, timeout=10_000)
    history.select_row(0)
    history.copy_button.click()
    assert history.copy_button.text() == copied_text()
    assert said[-1] == "Conversation ID copied."

    dialog = app.page.show_error("Headline", "Message.", "Action.", "Some details")
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
    with app.page.history.wait_page_shown(qtbot):
        app.select("Contracts 2026")
    shown = str(app.page.history.cell(0, 0))
    assert shown.startswith(day(moment) + " "), shown
    row = app.page.row_of(repo_id)
    assert row is not None
    listed = app.page.cell(row, CREATED_COLUMN)
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
    assert "Member" not in app.page.user_text
    assert "Miembro" in app.page.user_text
    names = app.page.names()
    assert "(repositorio sin nombre)" in names
    assert "(unnamed repository)" not in names


# ---- 14. plain words -------------------------------------------------------------------------


def test_the_window_says_what_a_conversation_and_its_id_are(
    start_app: Callable[..., App],
) -> None:
    app = start_app()
    app.select("Contracts 2026")
    explanation = app.page.panel.explanation  # "" while hidden
    assert "conversation is" in explanation
    assert "ID" in explanation
    headers = app.page.history.headers()
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
    history = app.page.history
    with history.wait_page_shown(qtbot):
        app.select("Contracts 2026")
    table = history.table
    bar = table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 3, timeout=3000)
    bar.setValue(3)
    top = table.rowAt(0)
    doomed = top + 1
    table.selectRow(doomed)
    table.setFocus()
    with history.wait_dialog(qtbot) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Delete)
    dialog = opened.args[0]
    assert isinstance(dialog, QMessageBox)
    destroy = next(
        b
        for b in dialog.buttons()
        if dialog.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    with history.wait_deleted(qtbot):
        destroy.click()
    assert bar.value() == 3
    assert table.rowAt(0) == top
    assert history.selected_id is None
    assert not history.delete_button.isEnabled()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # nothing is armed: no second confirmation
    assert not history.asking_to_delete()
    assert app.sandbox.state.request_count("DELETE", "/conversation/{conversationId}") == 1


# ---- 16. columns and the split ---------------------------------------------------------------


def text_fits(app: App, column: int) -> bool:
    table = app.page.list_view
    header = table.horizontalHeader()
    model = table.model()
    need = max(
        table.sizeHintForIndex(model.index(row, column)).width() for row in range(model.rowCount())
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
    app.page.sign_out()
    dialog = app.page.wait_sign_in_dialog(qtbot)
    dialog.fill_in(app.sandbox.state.demo_email, app.sandbox.state.demo_password)
    with app.page.wait_repositories_shown(qtbot):
        dialog.press_sign_in()
    assert all(text_fits(app, column) for column in (1, 2, 3, 4))
    assert not app.page.list_view.wordWrap()
    assert not app.page.history.table.wordWrap()


def test_recent_conversations_get_room_and_the_split_is_remembered(
    start_app: Callable[..., App], qtbot: QtBot, ini: QSettings
) -> None:
    def remember(window: MainWindow) -> None:
        WindowStateKeeper(window.content, ini)

    first = start_app(prepare=remember)
    table = first.page.history.table
    rows_visible = table.viewport().height() // table.verticalHeader().defaultSectionSize()
    assert rows_visible >= 5, rows_visible
    listed = first.page.list_view
    assert listed.viewport().height() // listed.verticalHeader().defaultSectionSize() >= 9
    splitter = first.page.splitter
    total = sum(splitter.sizes())
    splitter.setSizes([total - 300, 300])
    splitter.splitterMoved.emit(total - 300, 1)  # as a drag of the handle does
    chosen = splitter.sizes()
    first.window.close()

    second = start_app(prepare=remember)
    assert second.page.splitter.sizes() == chosen


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
    app.page.refresh_action.showStatusText(window)  # as hovering a menu item does
    assert app.sandbox.url in shown()
