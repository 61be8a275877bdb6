"""Recent conversations and repository status on the real window, against the sandbox."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QAccessible, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from flashback_desktop.sandbox import Fault
from flashback_desktop.sandbox.data import BEN_ID
from flashback_desktop.ui.conversation_panel import NO_MODEL_HINT
from flashback_desktop.ui.error_dialog import ErrorDialog
from tests.gui.conftest import App
from tests.support.error_dialog_page import ErrorDialogPage
from tests.support.history_page import HistoryPage
from tests.support.sandbox_data import repo_id_named

REPO = "Contracts 2026"
EPOCH = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)


def seed(app: App, count: int, repo: str = REPO, *, deleted: bool = False) -> list[str]:
    """``count`` conversations a minute apart, oldest first; returns their ids newest first."""
    repo_id = repo_id_named(app.sandbox, repo)
    ids = [
        app.sandbox.state.add_conversation(
            repo_id, created_at=EPOCH + timedelta(minutes=n), title=f"Question {n}", deleted=deleted
        )
        for n in range(count)
    ]
    return ids[::-1]


def on_server(app: App, repo: str = REPO, *, show_deleted: bool = False) -> list[str]:
    """Ask the sandbox over HTTP, as any client would, instead of trusting the window."""
    params: dict[str, str | int] = {"repoId": repo_id_named(app.sandbox, repo), "take": 100}
    if show_deleted:
        params["showDeleted"] = "true"
    response = httpx.get(
        f"{app.sandbox.url}/conversation",
        params=params,
        headers={"Authorization": f"Bearer {app.sandbox.state.demo_token}"},
        timeout=5,
    )
    response.raise_for_status()
    return [c["id"] for c in response.json()["conversations"]]


def history(app: App) -> HistoryPage:
    return app.page.history


def shown_ids(app: App) -> list[str]:
    return history(app).ids()


def cell(app: App, row: int, column: int) -> str:
    return str(history(app).cell(row, column))


def open_history(app: App, qtbot: QtBot, repo: str = REPO) -> None:
    with history(app).wait_page_shown(qtbot):
        app.select(repo)


def gets(app: App) -> int:
    return app.sandbox.state.request_count("GET", "/conversation")


@pytest.fixture
def default_locale() -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


def test_pages_newest_first_with_load_more(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    newest_first = seed(app, 45)
    seed(app, 3, repo="NDAs")  # another repository's: never in this list
    deleted = seed(app, 1, deleted=True)[0]
    panel = history(app)
    assert panel.page_size == 20
    assert "Select a repository" in panel.message
    assert gets(app) == 0  # nothing is asked before a repository is chosen

    open_history(app, qtbot)
    assert gets(app) == 1
    assert shown_ids(app) == newest_first[:20]
    assert [cell(app, row, 1) for row in range(3)] == ["Question 44", "Question 43", "Question 42"]
    assert panel.load_more_button.isVisible()
    assert panel.count_text == "20 of 45"

    with panel.wait_page_shown(qtbot):
        qtbot.mouseClick(panel.load_more_button, Qt.MouseButton.LeftButton)
    assert gets(app) == 2
    assert shown_ids(app) == newest_first[:40]
    with panel.wait_page_shown(qtbot):
        panel.load_more_button.click()
    assert gets(app) == 3
    assert shown_ids(app) == newest_first == on_server(app)
    assert deleted not in shown_ids(app)
    assert not panel.load_more_button.isVisible()  # everything is shown: no more to ask for
    assert panel.count_text == "45 of 45"
    times = [cell(app, row, 0) for row in range(45)]
    assert len(set(times)) == 45  # a minute apart, each shown


def test_created_time_is_local_and_in_the_locale(
    start_app: Callable[..., App], qtbot: QtBot, default_locale: None
) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    app = start_app()
    moment = datetime(2026, 3, 12, 9, 15, tzinfo=UTC)
    app.sandbox.state.add_conversation(repo_id_named(app.sandbox, REPO), created_at=moment)
    open_history(app, qtbot)
    local = moment.astimezone()  # this computer's time zone, worked out without Qt
    # The app's one date style (the month by name), with German month names and time.
    assert cell(app, 0, 0) == f"{local.day} März {local.year} {local.strftime('%H:%M')}"


def test_a_new_conversation_appears_at_the_top(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    older = seed(app, 3)
    open_history(app, qtbot)
    before = gets(app)
    with history(app).wait_page_shown(qtbot):
        app.page.panel.click_new()
    created = app.page.created_id
    assert created
    assert gets(app) == before + 1  # one look at the newest page, not a reload of everything
    assert shown_ids(app) == [created, *older] == on_server(app)
    assert cell(app, 0, 1) == "Untitled"
    assert cell(app, 0, 2) == "You"
    assert (cell(app, 0, 3), cell(app, 0, 4)) == ("0", "0")


def test_a_conversation_made_for_another_repository_does_not_appear(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    older = seed(app, 2)
    open_history(app, qtbot)
    elsewhere = app.sandbox.state.add_conversation(repo_id_named(app.sandbox, "NDAs"))
    with history(app).wait_page_shown(qtbot):
        app.page.tell_created(elsewhere)
    assert shown_ids(app) == older


def test_delete_asks_naming_it_then_soft_deletes(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    ids = seed(app, 2)
    open_history(app, qtbot)
    panel = history(app)
    panel.select(ids[0])
    with panel.wait_dialog(qtbot) as opened:
        qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    assert isinstance(dialog, QMessageBox)
    assert dialog.text() == "Delete the conversation “Question 1”?"
    assert dialog.defaultButton() is dialog.button(QMessageBox.StandardButton.Cancel)
    delete = next(
        b
        for b in dialog.buttons()
        if dialog.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    with panel.wait_deleted(qtbot):
        delete.click()
    assert app.sandbox.state.request_count("DELETE", "/conversation/{conversationId}") == 1
    assert shown_ids(app) == [ids[1]]
    assert "Deleted the conversation “Question 1”" in panel.status
    assert panel.count_text == "1 of 1"
    stored = app.sandbox.state.conversation(ids[0])
    assert stored is not None  # soft: the server keeps it…
    assert stored["deletedAt"] is not None
    assert ids[0] not in on_server(app)  # …but leaves it out of lists
    assert on_server(app, show_deleted=True) == ids  # unless asked for the deleted ones too


def test_cancelling_the_confirmation_sends_nothing_and_names_untitled_by_time(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    conversation_id = app.sandbox.state.add_conversation(
        repo_id_named(app.sandbox, REPO), created_at=EPOCH
    )
    open_history(app, qtbot)
    panel = history(app)
    panel.select(conversation_id)
    panel.table.setFocus()
    with panel.wait_dialog(qtbot) as opened:
        qtbot.keyClick(panel.table, Qt.Key.Key_Delete)  # the Delete key asks too
    dialog = opened.args[0]
    assert dialog.text() == f"Delete the conversation started {cell(app, 0, 0)}?"
    dialog.button(QMessageBox.StandardButton.Cancel).click()
    app.wait_until_idle()
    assert app.sandbox.state.request_count("DELETE", "/conversation/{conversationId}") == 0
    assert shown_ids(app) == [conversation_id]


def test_a_failed_delete_explains_and_keeps_the_row(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    fault = Fault(status=403, body='{"success":false,"message":"Not yours"}')
    ids, question = _asked_to_delete(app, qtbot, fault)
    panel = history(app)
    with app.page.wait_dialog(qtbot) as failed:
        _click_delete(question)
    error = ErrorDialogPage(failed.args[0])
    assert error.headline == "Flashback couldn't delete the conversation “Question 0”."
    assert "Not yours" in error.details
    assert shown_ids(app) == ids
    assert app.sandbox.state.conversation(ids[0])["deletedAt"] is None  # type: ignore[index]
    assert panel.delete_button.isEnabled()  # it can be tried again


def test_a_delete_that_fails_after_sign_out_shows_nothing(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    """The failure names the old sign-in's conversation: not for the next person's eyes."""
    app = start_app()
    _ids, question = _asked_to_delete(app, qtbot, Fault(status=500, delay_s=0.8))
    dialogs: list[object] = []
    app.content.dialog_opened.connect(dialogs.append)
    _click_delete(question)
    qtbot.waitUntil(
        lambda: app.sandbox.state.request_count("DELETE", "/conversation/{conversationId}") == 1,
        timeout=5000,
    )
    app.page.sign_out()
    app.wait_until_idle()  # the failure has come back and been handled
    assert [d for d in dialogs if isinstance(d, ErrorDialog)] == []


def _asked_to_delete(app: App, qtbot: QtBot, fault: Fault) -> tuple[list[str], QMessageBox]:
    """One conversation shown and selected, its delete to meet ``fault``, and the question
    asked (reported by the window like every dialog, so --exit-after and the soak see it)."""
    ids = seed(app, 1)
    open_history(app, qtbot)
    app.sandbox.state.faults.add("DELETE", "/conversation/{conversationId}", fault)
    history(app).select(ids[0])
    with app.page.wait_dialog(qtbot, timeout=5000) as opened:
        history(app).ask_delete()
    return ids, opened.args[0]


def _click_delete(dialog: QMessageBox) -> None:
    for button in dialog.buttons():
        if dialog.buttonRole(button) == QMessageBox.ButtonRole.DestructiveRole:
            button.click()
            return
    raise LookupError("no Delete button")


def test_copy_id_by_keyboard_button_and_menu(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    ids = seed(app, 3)
    open_history(app, qtbot)
    panel = history(app)
    clipboard = QGuiApplication.clipboard()
    panel.select(ids[1])
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus, timeout=5000)
    clipboard.clear()
    qtbot.keySequence(panel.table, QKeySequence(QKeySequence.StandardKey.Copy))
    qtbot.waitUntil(lambda: clipboard.text() == ids[1], timeout=5000)
    panel.select(ids[2])
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == ids[2]
    panel.select(ids[0])
    assert panel.copy_action in panel.table.actions()  # what the context menu offers
    # Ctrl+C is the window's one action (it asks the list): no second, ambiguous shortcut.
    assert panel.copy_action.shortcut().isEmpty()
    panel.copy_action.trigger()
    assert clipboard.text() == ids[0]
    assert panel.status == "Conversation ID copied."


@pytest.mark.parametrize(
    ("locale", "separator"),
    [(QLocale(QLocale.Language.English), ","), (QLocale("de_DE"), ".")],
)
def test_huge_token_counts_are_exact(
    start_app: Callable[..., App],
    qtbot: QtBot,
    default_locale: None,
    locale: QLocale,
    separator: str,
) -> None:
    QLocale.setDefault(locale)
    tokens_in = 2**64 + 2**53 + 1  # a float would lose the last digits
    tokens_out = 10**30 + 7
    app = start_app()
    repo_id = repo_id_named(app.sandbox, REPO)
    app.sandbox.state.add_conversation(repo_id, created_at=EPOCH, tokens_in=1234)
    app.sandbox.state.add_conversation(repo_id, tokens_in=tokens_in, tokens_out=tokens_out)
    open_history(app, qtbot)
    assert cell(app, 0, 3) == "18.455.751.272.964.292.609".replace(".", separator)
    assert cell(app, 0, 3) == f"{tokens_in:,}".replace(",", separator)
    assert cell(app, 0, 4) == f"{tokens_out:,}".replace(",", separator)
    assert cell(app, 1, 3) == f"1{separator}234"  # grouped alike below 2^63


def test_the_creator_is_named(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    repo_id = repo_id_named(app.sandbox, "Invoices 2026")  # Ana administers Finance: sees all
    state = app.sandbox.state
    state.add_conversation(repo_id, user_id=BEN_ID, created_at=EPOCH)
    state.add_conversation(
        repo_id, user_id=BEN_ID, created_at=EPOCH + timedelta(1), with_creator=False
    )
    state.add_conversation(repo_id, created_at=EPOCH + timedelta(2), with_creator=False)
    open_history(app, qtbot, "Invoices 2026")
    assert [cell(app, row, 2) for row in range(3)] == ["You", "Someone else", "Ben Okafor"]


def test_an_error_while_loading_says_so_and_try_again_works(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    ids = seed(app, 2)
    app.sandbox.state.faults.add(
        "GET", "/conversation", Fault(status=500, body='{"success":false,"message":"db down"}')
    )
    panel = history(app)
    with panel.wait_load_failed(qtbot):
        app.select(REPO)
    assert panel.showing == "message"
    assert "Conversations could not be loaded." in panel.message
    assert "Traceback" not in panel.message
    assert panel.retry_button.isVisible()
    with panel.wait_page_shown(qtbot):
        qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    assert shown_ids(app) == ids
    assert panel.showing == "list"


def test_no_conversations_yet(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    open_history(app, qtbot)
    assert history(app).message.startswith("No conversations yet")
    assert not history(app).load_more_button.isVisible()


def test_switching_repository_ignores_the_late_answer(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    seed(app, 2)
    nda = seed(app, 1, repo="NDAs")
    app.sandbox.state.faults.add("GET", "/conversation", Fault(delay_s=0.8))
    panel = history(app)
    app.select(REPO)  # its answer is slow…
    qtbot.waitUntil(lambda: gets(app) == 1, timeout=5000)
    with panel.wait_page_shown(qtbot):
        app.select("NDAs")  # …and the person has moved on
    assert shown_ids(app) == nda
    app.wait_until_idle()  # the slow answer has come and been handled
    assert gets(app) == 2
    assert shown_ids(app) == nda


def test_sign_out_empties_the_list(start_app: Callable[..., App], qtbot: QtBot) -> None:
    """The conversations were the old sign-in's: the next person at the desk must not see
    their titles."""
    app = start_app()
    seed(app, 2)
    open_history(app, qtbot)
    assert len(shown_ids(app)) == 2
    app.page.sign_out()
    app.wait_until_idle()
    assert shown_ids(app) == []
    assert history(app).showing == "message"
    assert history(app).message == "Select a repository to see its recent conversations."
    assert app.page.panel.repository_name is None  # nor the repository it was about
    assert not app.page.panel.can_start()


def test_a_page_that_comes_after_sign_out_is_not_shown(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    seed(app, 2)
    app.sandbox.state.faults.add("GET", "/conversation", Fault(delay_s=0.8))
    app.select(REPO)  # its answer is slow…
    qtbot.waitUntil(lambda: gets(app) == 1, timeout=5000)
    app.page.sign_out()  # …and the person signs out meanwhile
    app.wait_until_idle()  # the slow answer has come and been handled
    assert gets(app) == 1
    assert shown_ids(app) == []
    assert history(app).showing == "message"


def test_status_column_says_which_have_a_model_and_which_are_disabled(
    start_app: Callable[..., App],
) -> None:
    app = start_app()
    page = app.page
    assert page.header(3) == "Status"
    status = {page.cell(row, 0): page.cell(row, 3) for row in range(page.row_count)}
    assert status["Marketing assets"] == "Has an AI model"
    assert status["NDAs"] == "Has an AI model"  # linked by id only
    assert status["Brand guidelines"] == "No AI model"  # aiLlms: []
    assert status["Contracts 2026"] == ""  # aiLlms absent: unknown, so nothing is claimed
    assert status["Litigation holds"] == "Disabled"

    def tip(name: str) -> str:
        row = page.row_of(repo_id_named(app.sandbox, name))
        assert row is not None
        return str(page.cell(row, 3, Qt.ItemDataRole.ToolTipRole))

    assert "until an administrator adds an AI model" in tip("Brand guidelines")
    assert tip("Campaigns 2026") == "AI models: Anthropic Claude, OpenAI GPT"
    assert tip("Marketing assets") == "AI model: OpenAI GPT"
    assert tip("NDAs") == "An AI model is set up for this repository."
    assert "disabled" in tip("Litigation holds")


def test_a_repository_without_models_gets_a_hint_not_a_block(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    panel = app.page.panel
    for name in ("Contracts 2026", "Marketing assets"):  # unknown, configured
        app.select(name)
        assert not panel.hint_shown()
    app.select("Brand guidelines")
    assert panel.hint_shown()
    assert panel.hint == NO_MODEL_HINT
    assert panel.hint.count(".") == 1  # one sentence
    assert "administrator adds a model" in panel.hint
    assert app.page.panel.can_start()  # a hint, not a block
    with app.page.wait_created(qtbot) as created:
        app.page.panel.click_new()
    assert on_server(app, "Brand guidelines") == [created.args[0]]
    assert panel.hint_shown()  # still said next to the new conversation


def test_accessible_names_and_keyboard_reach(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    seed(app, 25)
    open_history(app, qtbot)
    panel = history(app)
    assert panel.table.accessibleName() == "Recent conversations"
    assert "Ctrl+C" in panel.table.accessibleDescription()
    buttons: list[QPushButton] = [panel.load_more_button, panel.copy_button, panel.delete_button]
    assert all(b.accessibleName() for b in buttons)
    assert all(b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in buttons)
    # What a screen reader is told, not just what the widget was given.
    for widget, name in ((panel.table, "Recent conversations"), *((b, None) for b in buttons)):
        told = QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)
        assert told == (name or widget.accessibleName())
    app.page.panel.new_button.setFocus()  # from New Conversation, Tab reaches the list…
    qtbot.keyClick(app.page.panel.new_button, Qt.Key.Key_Tab)
    assert QGuiApplication.focusObject() is panel.table
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)  # …arrows pick a conversation…
    assert panel.selected_id is not None
    assert panel.selected_id == panel.ids()[0]  # the first Down: the newest, where the focus was
    qtbot.keyClick(panel.table, Qt.Key.Key_Tab)  # …and Tab goes on to its buttons
    assert QGuiApplication.focusObject() is panel.load_more_button


def test_screenshot_of_the_history(
    start_app: Callable[..., App], qtbot: QtBot, tmp_path: Path, default_locale: None
) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    app = start_app()
    repo_id = repo_id_named(app.sandbox, "Invoices 2026")  # Ana administers it: sees Ben's too
    state = app.sandbox.state
    for n, title in enumerate(("Renewal terms for Acme", None, "Clause 7 questions")):
        state.add_conversation(
            repo_id,
            created_at=EPOCH + timedelta(hours=n),
            title=title,
            tokens_in=1200 * (n + 1),
            tokens_out=2**64 + n,
            user_id=BEN_ID if n == 1 else None,
        )
    seed(app, 22, repo="Invoices 2026")
    app.window.resize(1000, 720)
    open_history(app, qtbot, "Invoices 2026")
    qtbot.wait(50)  # let the layout settle before the picture
    # FLASHBACK_SCREENSHOT_DIR keeps the picture for a person to look at.
    path = Path(os.environ.get("FLASHBACK_SCREENSHOT_DIR", tmp_path)) / "history.png"
    assert app.window.grab().save(str(path))
    assert path.stat().st_size > 10_000


def test_a_column_the_person_widened_keeps_its_width(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    """Dragged wider by hand, "Started by" stays so when a page arrives or the list reloads."""
    app = start_app()
    seed(app, 25)
    open_history(app, qtbot)
    panel = history(app)
    header = panel.table.horizontalHeader()
    column = 2  # Started by
    fitted = header.sectionSize(column)
    # The person drags the column's right edge 80 px to the right, as with a mouse.
    edge = header.sectionViewportPosition(column) + fitted - 1
    middle = header.height() // 2
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, middle))
    for step in range(1, 9):
        qtbot.mouseMove(header.viewport(), QPoint(edge + step * 10, middle))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + 80, middle))
    widened = header.sectionSize(column)
    assert widened >= fitted + 60  # the drag took

    with panel.wait_page_shown(qtbot):
        panel.load_more_button.click()  # the next page: the columns are fitted again
    assert header.sectionSize(column) == widened
    with panel.wait_page_shown(qtbot):
        panel.reload()  # Refresh
    assert header.sectionSize(column) == widened
