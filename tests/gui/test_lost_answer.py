"""The lost-answer lookup when the server's answers carry no Date header.

Without a Date header the click can only be placed on this computer's clock, with minutes
of allowance: then only "made by this person" and "not already shown" keep the lookup from
claiming a conversation that is not the one the lost request created.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import httpx
import pytest
from pytestqt.qtbot import QtBot

from flashback_desktop.api.connection import ClientLimits
from flashback_desktop.sandbox import Fault, SandboxServer
from flashback_desktop.sandbox.data import BEN_ID
from tests.conftest import SUITE_AUDIT
from tests.gui.conftest import App
from tests.support.error_dialog_page import ErrorDialogPage
from tests.support.sandbox_data import repo_id_named

REPO = "Contracts 2026"
SHARED_REPO = "Budget planning"  # in Finance, which Ana administers


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    """A server whose answers have no Date header (as behind some proxies)."""
    with SandboxServer(date_header=False) as server:
        yield server
    SUITE_AUDIT.add(server.state.issued_secrets())


def test_the_server_really_sends_no_date(sandbox: SandboxServer) -> None:
    assert "date" not in httpx.get(f"{sandbox.url}/repo", timeout=5).headers


def lost_answer_dialog(app: App, qtbot: QtBot) -> ErrorDialogPage:
    """The click's request is read and its connection reset: nothing is created."""
    app.sandbox.state.faults.add("POST", "/conversation", Fault(reset=True))
    found: list[str] = []
    app.page.on_found(found.append)
    with app.page.wait_dialog(qtbot) as opened:
        app.page.new_conversation()
    dialog = ErrorDialogPage(opened.args[0])
    app.wait_until_idle()
    assert found == []  # nothing was claimed as the lost one
    assert app.page.created_id == ""
    return dialog


def test_a_lost_answer_is_still_found_without_a_date_header(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app(limits=ClientLimits(read_timeout_s=0.5, deadline_s=1.0))  # gives up first
    app.page.set_lookup_delays((0.0, 1.0, 2.5))
    app.select(REPO)
    app.sandbox.state.faults.add("POST", "/conversation", Fault(delay_s=1.5))
    with app.page.wait_found(qtbot) as found:
        app.page.new_conversation()
    assert app.session.server_clock is None  # the lookup really had no Date to use
    created = app.sandbox.state.conversations_for(repo_id_named(app.sandbox, REPO))
    assert [c["id"] for c in created] == found.args
    assert app.page.created_id == found.args[0]


def test_the_conversation_already_shown_is_not_taken_for_the_lost_one(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    """Made by this person seconds before, and shown: well inside the clock allowance."""
    app = start_app()
    app.page.set_lookup_delays((0.0,))
    app.select(REPO)
    with app.page.wait_created(qtbot):
        app.page.new_conversation()
    shown = app.page.created_id
    app.pause_between_intents()
    dialog = lost_answer_dialog(app, qtbot)
    assert "No new conversation has appeared" in dialog.message
    on_server = app.sandbox.state.conversations_for(repo_id_named(app.sandbox, REPO))
    assert [c["id"] for c in on_server] == [shown]
    dialog.close()


def test_a_colleagues_conversation_is_not_taken_for_the_lost_one(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    """A colleague started one in the same repository just now: it is not this person's.

    Ana administers Finance, so the server lists her colleagues' conversations there too.
    """
    app = start_app()
    app.page.set_lookup_delays((0.0,))
    app.select(SHARED_REPO)
    repo_id = repo_id_named(app.sandbox, SHARED_REPO)
    colleagues = app.sandbox.state.add_conversation(
        repo_id, user_id=BEN_ID, created_at=datetime.now(UTC)
    )
    dialog = lost_answer_dialog(app, qtbot)
    assert "No new conversation has appeared" in dialog.message
    on_server = app.sandbox.state.conversations_for(repo_id)
    assert [c["id"] for c in on_server] == [colleagues]
    dialog.close()
