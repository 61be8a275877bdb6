"""docs/fault-matrix.md's "what the app does", observed in the real window.

The matrix itself runs at the client level (tests/integration/test_fault_matrix.py), and
its "what the app does" column is worded there from the predicates the window acts on.
Here each distinct (action, what the app does) pair of the document is played in the
window with the first fault that has it, and what the window then shows (an error dialog,
the in-window message with Try again, the banner, the sign-in dialog, the lookup) must be
what the document says, with the message the document quotes. A change in the window
that the predicates do not see fails here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from flashback_desktop.api.connection import ClientLimits
from flashback_desktop.ui.error_dialog import ErrorDialog
from tests.gui.conftest import App
from tests.gui.test_sign_in import expire_access_token, type_credentials, wait_for_sign_in
from tests.integration.test_fault_matrix import ACTIONS, CASES, LIMITS, REPO, Action, Case
from tests.support.memory_keyring import MemoryKeyring

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "fault-matrix.md"
WINDOW_LIMITS: ClientLimits = LIMITS  # the matrix's own short limits and size cap

SIGN_IN_MESSAGE = "shows the message in the sign-in dialog; nothing is stored"
ASKS_TO_SIGN_IN = "asks the person to sign in again, keeping the window as it is"
ERROR_DIALOG = "error dialog; does not retry"
LOOKS_FOR_IT = "does not retry; looks for the conversation on the server and shows it"
BANNER = "keeps what is shown; a banner retries by itself with growing pauses"
TRY_AGAIN = "shows the message in the window with a Try again button"


@dataclass(frozen=True)
class Row:
    case: Case
    action: Action
    shown: str  # the document's "message shown"
    does: str  # the document's "what the app does"


def document_rows() -> list[Row]:
    cases = {case.name: case for case in CASES}
    actions = {action.name: action for action in ACTIONS}
    rows = []
    for line in DOCUMENT.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0] in cases and cells[1] in actions:
            rows.append(Row(cases[cells[0]], actions[cells[1]], cells[2], cells[3]))
    return rows


def one_row_per_behaviour() -> list[Row]:
    """The first row, at the sandbox, of each distinct (action, what the app does)."""
    chosen: dict[tuple[str, str], Row] = {}
    for row in document_rows():
        # Sending a prompt has no window yet (the conversation view comes later).
        if row.action.name == "send a prompt":
            continue
        if row.case.place == "sandbox" and row.case.fault is not None:
            chosen.setdefault((row.action.name, row.does), row)
    return list(chosen.values())


ROWS = one_row_per_behaviour()


def observe(app: App, opened: list[QWidget]) -> tuple[str, str]:
    """What the window shows now, in the document's words, and the message it shows."""
    window = app.window
    dialog = window.content.sign_in_dialog
    if dialog is not None and dialog.error_label.isVisible():
        return SIGN_IN_MESSAGE, dialog.error_label.text()
    if dialog is not None and dialog.isVisible():
        kept = (
            window.content.model.rowCount() > 0
            or window.content.pages.currentWidget() is not window.content.table
        )
        return (ASKS_TO_SIGN_IN if kept else "sign-in dialog, window cleared"), (
            dialog.reason_label.text()
        )
    errors = [d for d in opened if isinstance(d, ErrorDialog)]
    if errors:
        looked = app.sandbox.state.request_count("GET", "/conversation") > 0
        return (LOOKS_FOR_IT if looked else ERROR_DIALOG), errors[-1].message_label.text()
    if window.content.connection_banner.isVisible():
        return BANNER, window.content.connection_banner.label.text()
    if (
        window.content.message_label.isVisible()
        and window.content.message_button.text() == "Try again"
    ):
        return TRY_AGAIN, window.content.message_label.text()
    return "nothing visible", ""


def something_shown(app: App, opened: list[QWidget]) -> bool:
    return observe(app, opened)[0] != "nothing visible"


def play(row: Row, start_app: Callable[..., App], qtbot: QtBot) -> tuple[App, list[QWidget]]:
    """The row's action in a real window, with the row's fault on the action's route."""
    assert row.case.fault is not None
    fault = row.case.fault(row.action)
    opened: list[QWidget] = []
    if row.action.name == "load repositories":
        app = start_app(wait_for_repositories=False, limits=WINDOW_LIMITS, banner_delays_s=(60,))
        app.content.dialog_opened.connect(opened.append)
        app.sandbox.state.faults.add("GET", "/repo", fault, times=None)
        app.content.refresh_action.trigger()
    elif row.action.name == "sign in":
        app = start_app(signed_in=False, limits=WINDOW_LIMITS)
        dialog = wait_for_sign_in(app, qtbot)
        state = app.sandbox.state
        type_credentials(qtbot, dialog, state.demo_email, state.demo_password)
        state.faults.add("POST", "/user/login", fault, times=None)
        dialog.sign_in_button.click()
    else:
        app = start_app(limits=WINDOW_LIMITS, banner_delays_s=(60,))
        app.page.set_lookup_delays((0.0,))
        app.content.dialog_opened.connect(opened.append)
        app.select(REPO)
        app.wait_until_idle()  # the history's own GET /conversation is not a lookup
        app.sandbox.state.reset_counts()
        if row.action.name == "new conversation":
            app.sandbox.state.faults.add("POST", "/conversation", fault, times=None)
            app.content.new_conversation_action.trigger()
        else:  # refresh token: the next request finds the access token expired
            expire_access_token(app)
            app.sandbox.state.faults.add("POST", "/user/refresh", fault, times=None)
            app.content.refresh_action.trigger()
    qtbot.waitUntil(lambda: something_shown(app, opened), timeout=15_000)
    app.wait_until_idle()
    return app, opened


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.action.name} / {r.does}" for r in ROWS])
def test_the_window_does_what_the_fault_matrix_says(
    row: Row, start_app: Callable[..., App], qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    app, opened = play(row, start_app, qtbot)
    does, message = observe(app, opened)
    sign_in = app.content.sign_in_dialog
    for dialog in opened:
        dialog.close()
    if sign_in is not None:
        sign_in.reject()
    assert (does, row.case.name) == (row.does, row.case.name)
    # The window words it its own way around (a banner adds when it retries, a lookup
    # what it found), but it opens with the document's first sentence.
    first_sentence = row.shown.split(". ", 1)[0]
    assert first_sentence in " ".join(message.split()) or row.does == ASKS_TO_SIGN_IN
    if row.does == SIGN_IN_MESSAGE:
        assert memory_keyring.entries == {}  # nothing is stored


def test_every_behaviour_of_the_document_is_played() -> None:
    """Ten behaviours today; a new one in the document gets played here automatically."""
    assert len(ROWS) >= 9
    assert {row.does for row in ROWS} == {
        SIGN_IN_MESSAGE,
        ASKS_TO_SIGN_IN,
        ERROR_DIALOG,
        LOOKS_FOR_IT,
        BANNER,
        TRY_AGAIN,
    }
