"""Each failure a person can meet while starting a conversation, through the real window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from flashback_desktop import logging_setup
from flashback_desktop.api.connection import ClientLimits
from flashback_desktop.sandbox import Fault
from flashback_desktop.ui.error_dialog import ErrorDialog
from tests.gui.conftest import App
from tests.support.error_dialog_page import ErrorDialogPage
from tests.support.sandbox_data import repo_id_named


def create_and_catch_dialog(
    app: App, qtbot: QtBot, repository: str = "Contracts 2026"
) -> ErrorDialogPage:
    app.select(repository)
    with app.page.wait_dialog(qtbot) as opened:
        app.page.panel.click_new()
    dialog = ErrorDialogPage(opened.args[0])  # an error dialog, not another window
    qtbot.waitUntil(app.page.panel.new_button.isEnabled, timeout=5000)
    return dialog


def test_403_asks_for_an_administrator(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    app.sandbox.state.faults.add(
        "POST", "/conversation", Fault(status=403, body='{"success":false,"message":"Forbidden"}')
    )
    dialog = create_and_catch_dialog(app, qtbot)
    assert "Contracts 2026" in dialog.headline
    assert "administrator" in dialog.message
    assert "403" not in dialog.message  # codes belong in Details only
    assert "Status: 403" in dialog.details
    assert "Forbidden" in dialog.details
    dialog.show_details()
    assert dialog.details_shown()


def test_404_says_the_repository_is_gone_and_refreshes_once(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    app.sandbox.state.faults.add("POST", "/conversation", Fault(status=404))
    with app.page.wait_repositories_shown(qtbot):
        dialog = create_and_catch_dialog(app, qtbot)
    assert "no longer exists" in dialog.message
    assert app.sandbox.state.request_count("GET", "/repo") == 2


def test_a_server_without_conversations_says_so_and_does_not_refresh(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    app.sandbox.state.conversations_enabled = False
    dialog = create_and_catch_dialog(app, qtbot)
    assert "does not offer conversations" in dialog.message
    app.wait_until_idle()
    assert app.sandbox.state.request_count("GET", "/repo") == 1  # no refresh loop


def test_a_server_that_never_answers_is_checked_not_retried(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app(limits=ClientLimits(read_timeout_s=0.5, deadline_s=1.0))
    app.page.set_lookup_delays((0.0, 0.2))
    app.sandbox.state.faults.add("POST", "/conversation", Fault(status=504, delay_s=0.2))
    with app.page.history.wait_page_shown(qtbot):
        app.select("Contracts 2026")  # the history asks for its first page
    dialog = create_and_catch_dialog(app, qtbot)
    assert "took too long" in dialog.message
    assert "No new conversation has appeared" in dialog.message
    assert "don't start it twice" in dialog.message
    assert app.sandbox.state.request_count("POST", "/conversation") == 1  # never retried
    assert app.sandbox.state.request_count("GET", "/conversation") == 1 + 2  # looked twice


def test_a_slow_server_that_created_it_after_all_is_found(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app(limits=ClientLimits(read_timeout_s=0.5, deadline_s=1.0))
    app.page.set_lookup_delays((0.0, 1.0, 2.5))
    app.select("Contracts 2026")
    app.sandbox.state.faults.add("POST", "/conversation", Fault(delay_s=1.5))
    with app.page.wait_found(qtbot) as found:
        app.page.panel.click_new()
    created = app.sandbox.state.conversations_for(repo_id_named(app.sandbox, "Contracts 2026"))
    assert [c["id"] for c in created] == found.args
    assert app.page.created_id == found.args[0]
    assert "did create this conversation" in app.page.panel.note


@pytest.mark.parametrize(
    ("status", "words"),
    [(400, "did not accept"), (500, "problem on its side")],
)
def test_other_statuses_get_plain_words(
    start_app: Callable[..., App], qtbot: QtBot, status: int, words: str
) -> None:
    app = start_app()
    app.sandbox.state.faults.add("POST", "/conversation", Fault(status=status))
    dialog = create_and_catch_dialog(app, qtbot)
    assert words in dialog.message


def test_server_unreachable(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app()
    app.sandbox.stop()
    dialog = create_and_catch_dialog(app, qtbot)
    assert "can't be reached" in dialog.message


def test_a_conversation_made_before_the_click_is_not_taken_for_the_lost_one(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    """Made elsewhere (the website, say) shortly before: the lookup must not claim it."""
    app = start_app()
    app.page.set_lookup_delays((0.0,))
    state = app.sandbox.state
    repo_id = repo_id_named(app.sandbox, "Contracts 2026")
    # Made 4 s before the click: beyond what the click's place on the server's clock may be
    # early by (the Date header's whole second, uvicorn's Date refreshed once a second, the
    # lookup's own second of slack). Seeded with that time rather than waited for.
    me = state.authenticate(state.demo_token)["id"]
    earlier = state.add_conversation(
        repo_id, user_id=me, created_at=datetime.now(UTC) - timedelta(seconds=4)
    )
    app.select("Contracts 2026")
    state.faults.add("POST", "/conversation", Fault(reset=True))  # this click creates nothing
    dialog = create_and_catch_dialog(app, qtbot)
    assert "No new conversation has appeared" in dialog.message
    assert app.page.created_id != earlier
    assert [c["id"] for c in state.conversations_for(repo_id)] == [earlier]


def test_the_dialog_redacts_what_it_is_given(qtbot: QtBot) -> None:
    """Whoever opens it: a secret in any of its texts never reaches the screen or clipboard."""
    secret = "s3cr3t-token-value-0123456789"
    logging_setup.register_secret(secret)
    try:
        dialog = ErrorDialog(
            None,
            headline=f"Failed {secret}",
            message=f"The server said {secret}.",
            action=f"Paste {secret} nowhere.",
            details=f"Authorization: Bearer {secret}",
        )
    finally:
        logging_setup.forget_secret(secret)
    qtbot.addWidget(dialog)
    shown = [
        dialog.headline_label.text(),
        dialog.message_label.text(),
        dialog.details_box.toPlainText(),
        dialog.details_text,
        dialog.accessibleName(),
        dialog.accessibleDescription(),
    ]
    assert all(secret not in text for text in shown), shown
    assert logging_setup.REDACTED in dialog.details_text
