"""docs/fault-matrix.md, written from what the real window showed.

Every fault × action row of the matrix (tests/integration/test_fault_matrix.py names the
faults and actions, and checks each cell at the client level) is played here in one real
main window against the sandbox over loopback: the fault planted on the action's route, the
action done as a person does it, then, once the app is idle, what the person sees is read
off the window (the error dialog, the in-window message with Try again, the banner, the
sign-in dialog, the conversation window's notice) together with what the sandbox counted.
The document's table is written from those observations; the test fails when the committed
document says anything else. Regenerate it with:

    FLASHBACK_WRITE_DOCS=1 tests/run tests/gui/test_fault_matrix_window.py

One window serves every row (a row costs a click and a wait, not a start): between rows the
window is brought back to its list the way a person would (Retry now, Try again, signing in
again). The network-level rows (refused, unresolvable, untrusted TLS, a proxy asking for a
password) send the same requests over real sockets to that place instead of the sandbox,
as when the network changes under a running app.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from flashback_desktop.api.tls import tls_context
from flashback_desktop.session.conversation_chat import ChatTimings
from flashback_desktop.ui import conversation_window
from flashback_desktop.ui.conversation_window import ConversationWindow
from flashback_desktop.ui.error_dialog import ErrorDialog
from tests.gui.conftest import App
from tests.gui.test_sign_in import expire_access_token, type_credentials, wait_for_sign_in
from tests.integration.test_fault_matrix import (
    CELLS,
    LIMITS,
    PROMPT,
    PROMPT_REPO,
    REPO,
    Action,
    Case,
)
from tests.support.addresses import unresolvable_url, unused_loopback_url
from tests.support.http_proxy import HttpProxy
from tests.support.memory_keyring import MemoryKeyring
from tests.support.sandbox_data import repo_id_named
from tests.support.tls_sandbox import CORPORATE_HOST, tls_sandbox

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "fault-matrix.md"
# Below this line the document is written by hand (the hostile server's categories): kept
# as it is when the table is regenerated.
HAND_WRITTEN = "\n<!-- Written by hand below; kept when the table above is regenerated. -->\n"
MESSAGES_ROUTE = "/conversation/{conversationId}/messages"
# Reads after an unclear send: once, straight away (the sandbox stores a prompt before it
# answers, so a later read would find nothing more).
FAST_CHAT = ChatTimings(first_check_s=0.05, settle_delays_s=(0.0,))


# ---- where the requests go -------------------------------------------------------------------


class Places(httpx.AsyncBaseTransport):
    """The app's transport: the sandbox, or one of the places a network fault lives."""

    def __init__(self) -> None:
        self.place = "sandbox"
        self._direct = httpx.AsyncHTTPTransport(verify=tls_context())
        self._elsewhere: dict[str, tuple[httpx.URL, httpx.AsyncBaseTransport]] = {}

    def add(self, place: str, url: str, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._elsewhere[place] = (httpx.URL(url), transport or self._direct)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.place == "sandbox":
            return await self._direct.handle_async_request(request)
        target, transport = self._elsewhere[self.place]
        request.url = request.url.copy_with(
            scheme=target.scheme, host=target.host, port=target.port
        )
        request.headers["Host"] = target.netloc.decode("ascii")
        return await transport.handle_async_request(request)

    async def aclose(self) -> None:
        await self._direct.aclose()
        for _url, transport in self._elsewhere.values():
            if transport is not self._direct:
                await transport.aclose()


@pytest.fixture
def places() -> Iterator[Places]:
    transport = Places()
    with (
        tls_sandbox() as untrusted,
        HttpProxy(demand_auth=True, hosts={CORPORATE_HOST: "127.0.0.1"}) as proxy,
    ):
        transport.add("refused", unused_loopback_url())
        transport.add("unresolvable", unresolvable_url())
        transport.add("untrusted-tls", untrusted.url)
        transport.add(
            "proxy-407",
            f"https://{CORPORATE_HOST}:{untrusted.port}",
            httpx.AsyncHTTPTransport(proxy=proxy.url, verify=tls_context()),
        )
        yield transport


# ---- what the person saw -----------------------------------------------------------------------


@dataclass(frozen=True)
class Seen:
    shown: str  # the text on screen, as a person reads it
    does: str  # what the window did, in words built from what was observed
    requests: str  # what the sandbox counted on the action's route


def plain(text: str) -> str:
    return " ".join(text.split()).replace("|", "/")


class Row:
    """One fault × action played in the window; what it saw is kept for the document."""

    def __init__(self, app: App, case: Case, action: Action) -> None:
        self.app, self.case, self.action = app, case, action
        self.dialogs: list[QWidget] = []
        self.lookups_before_outcome: int | None = None

    def outcome_shown(self, *_args: object) -> None:
        """The create's outcome reached the window: the lookups it made are done."""
        if self.lookups_before_outcome is None:
            self.lookups_before_outcome = self.app.sandbox.state.request_count(
                "GET", "/conversation"
            )

    def requests(self) -> str:
        if self.case.place != "sandbox":
            return "none reached Flashback"
        return f"{self.app.sandbox.state.request_count(self.action.method, self.action.path)} sent"

    def not_repeated(self, verb: str) -> str:
        """Once, or the single replay a 401 allows after renewing the sign-in."""
        count = self.app.sandbox.state.request_count(self.action.method, self.action.path)
        if count <= 1:
            return f"does not {verb}"
        if count == 2 and self.case.name == "401 Unauthorized":
            return f"does not {verb} (one replay after renewing the sign-in)"
        return f"SENT {count} TIMES"


Said = tuple[str, str]  # what was on screen, and what the window did, in words


def seen_in_main_window(row: Row, rows_before: int, keyring: MemoryKeyring) -> Seen:
    content = row.app.content
    kept = content.model.rowCount() == rows_before and content.pages.currentWidget() is (
        content.table
    )
    keeps = "keeps what is shown" if kept else "the list is no longer shown"
    shown, does = (
        _in_sign_in_dialog(row, keyring, keeps)
        or _in_error_dialog_or_panel(row, keeps)
        or _in_the_list_area(row, keeps)
    )
    return Seen(plain(shown), does, row.requests())


def _in_sign_in_dialog(row: Row, keyring: MemoryKeyring, keeps: str) -> Said | None:
    dialog = row.app.content.sign_in_dialog
    if dialog is None or not dialog.isVisible():
        return None
    if dialog.error_label.isVisible():
        stored = "nothing is stored" if keyring.entries == {} else "SOMETHING IS STORED"
        return dialog.error_label.text(), f"shows the message in the sign-in dialog; {stored}"
    return dialog.reason_label.text(), f"asks the person to sign in again; {keeps}"


def _in_error_dialog_or_panel(row: Row, keeps: str) -> Said | None:
    errors = [d for d in row.dialogs if isinstance(d, ErrorDialog) and d.isVisible()]
    text = f"{errors[-1].headline_label.text()} {errors[-1].message_label.text()}" if errors else ""
    if row.action.name != "new conversation":
        return (text, f"error dialog; {keeps}") if errors else None
    words = [row.not_repeated("retry")]
    if row.lookups_before_outcome:
        words.append("looks for the conversation on the server")
    if errors:
        return text, "; ".join([*words, "error dialog"])
    panel = row.app.content.panel
    if panel.created_id:
        return panel.note_label.text(), "; ".join([*words, "shows the conversation it found"])
    return None


def _in_the_list_area(row: Row, keeps: str) -> Said:
    content = row.app.content
    banner = content.connection_banner
    if banner.isVisible():
        # The countdown is the banner's own ("Retrying in 60 s." here): not part of the fault.
        text = re.sub(r" Retrying in \d+ s\.$", "", plain(banner.label.text()))
        retries = "retries by itself" if "Retrying in" in banner.label.text() else "CANNOT retry"
        return text, f"{keeps}; a banner says it {retries}, with Retry now"
    if content.message_label.isVisible():
        button = content.message_button.text() if content.message_button.isVisible() else ""
        return (
            content.message_label.text(),
            f"shows the message in the window with a {button or 'NO'} button",
        )
    return "", "NOTHING VISIBLE"


def seen_in_conversation(row: Row, window: ConversationWindow) -> Seen:
    state = row.app.sandbox.state
    dialog = row.app.content.sign_in_dialog
    words = []
    if dialog is not None and dialog.isVisible():
        words.append("asks the person to sign in again")
    elif window.notice_label.isVisible():
        words.append("says why in the conversation")
    else:
        words.append("NOTHING SAID")
    box = window.prompt_edit.toPlainText()
    words.append(
        "the text stays in the box"
        if box == PROMPT
        else "the box is emptied"
        if box == ""
        else "THE BOX CHANGED"
    )
    words.append(row.not_repeated("resend"))
    if state.request_count("GET", MESSAGES_ROUTE) > 0:
        words.append("reads the messages to see whether Flashback has the prompt")
    return Seen(plain(window.notice_label.text()), "; ".join(words), row.requests())


# ---- the window, brought back to its list between rows -------------------------------------


class Player:
    def __init__(self, app: App, qtbot: QtBot, places: Places, keyring: MemoryKeyring) -> None:
        self.app, self.qtbot, self.places, self.keyring = app, qtbot, places, keyring
        self.row: Row | None = None
        self.after_found = False
        app.content.dialog_opened.connect(self._dialog_opened)
        for signal in (
            app.content.conversation_created,
            app.content.conversation_found,
            app.content.creation_unresolved,
        ):
            signal.connect(self._create_outcome)

    def _dialog_opened(self, dialog: QWidget) -> None:
        if self.row is not None:
            self.row.dialogs.append(dialog)
            self.row.outcome_shown()

    def _create_outcome(self, *_args: object) -> None:
        if self.row is not None:
            self.row.outcome_shown()

    def begin(self, case: Case, action: Action) -> Row:
        self.places.place = "sandbox"
        self.app.sandbox.state.faults.clear()
        self.app.sandbox.state.reset_counts()
        self.row = Row(self.app, case, action)
        return self.row

    def plant(self, row: Row) -> None:
        self.places.place = row.case.place
        if row.case.fault is not None:
            fault = row.case.fault(row.action)
            self.app.sandbox.state.faults.add(row.action.method, row.action.path, fault, times=None)

    def end(self, row: Row) -> None:
        """Back to the list, as a person would get there."""
        self.places.place = "sandbox"
        state = self.app.sandbox.state
        state.faults.clear()
        for opened in row.dialogs:
            if isinstance(opened, ErrorDialog):  # the sign-in dialog is dealt with below
                opened.close()
        for window in conversation_window.open_windows().values():
            window.close()
        self.row = None
        if row.action.name == "sign in":
            return  # signed out still: the dialog stays open for the next row
        content = self.app.content
        for _step in range(3):  # e.g. Retry now, then the renewal is refused: sign in
            self.app.wait_until_idle()
            dialog = content.sign_in_dialog
            if dialog is not None and dialog.isVisible():
                self.sign_in()
            elif content.connection_banner.isVisible():
                content.connection_banner.retry_button.click()
            elif content.pages.currentWidget() is not content.table:
                content.message_button.click()
            else:
                return
        raise AssertionError("the window did not come back to its list")

    def sign_in(self) -> None:
        app = self.app
        dialog = wait_for_sign_in(app, self.qtbot)
        state = app.sandbox.state
        type_credentials(self.qtbot, dialog, state.demo_email, state.demo_password)
        with self.qtbot.waitSignal(app.content.repositories_shown, timeout=10_000):
            dialog.sign_in_button.click()
        self.qtbot.waitUntil(lambda: app.content.sign_in_dialog is None, timeout=5000)

    # ---- the actions, as a person does them ------------------------------------------------

    def sign_in_refused(self, row: Row) -> Seen:
        app = self.app
        dialog = wait_for_sign_in(app, self.qtbot)
        state = app.sandbox.state
        type_credentials(self.qtbot, dialog, state.demo_email, state.demo_password)
        self.plant(row)
        dialog.sign_in_button.click()
        app.wait_until_idle()
        return seen_in_main_window(row, 0, self.keyring)

    def load_repositories(self, row: Row) -> Seen:
        rows_before = self.app.content.model.rowCount()
        self.plant(row)
        self.app.content.refresh_action.trigger()
        self.app.wait_until_idle()
        return seen_in_main_window(row, rows_before, self.keyring)

    def refresh_token(self, row: Row) -> Seen:
        rows_before = self.app.content.model.rowCount()
        expire_access_token(self.app)  # the next request renews first
        self.plant(row)
        self.app.content.refresh_action.trigger()
        self.app.wait_until_idle()
        return seen_in_main_window(row, rows_before, self.keyring)

    def new_conversation(self, row: Row) -> Seen:
        app = self.app
        if app.page.selected_name != REPO:
            app.select(REPO)
            app.wait_until_idle()  # the history's own GET /conversation is not a lookup
        if self.after_found:  # the next press is a new intent, not a double press
            app.pause_between_intents()
        app.page.set_lookup_delays((0.0,))
        app.sandbox.state.reset_counts()
        rows_before = app.content.model.rowCount()
        self.plant(row)
        app.page.new_conversation()
        app.wait_until_idle()
        self.after_found = bool(app.page.created_id)
        return seen_in_main_window(row, rows_before, self.keyring)

    def send_prompt(self, row: Row) -> Seen:
        app, state = self.app, self.app.sandbox.state
        app.select(PROMPT_REPO)
        conversation_id = state.create_conversation(
            state.authenticate(state.demo_token), repo_id_named(app.sandbox, PROMPT_REPO)
        )
        app.content.open_conversation(conversation_id, app.content.panel.repository)
        window = conversation_window.open_windows()[conversation_id]
        window.chat.timings = FAST_CHAT
        app.wait_until_idle()  # the window's own first read is not a check
        window.prompt_edit.setPlainText(PROMPT)
        state.reset_counts()
        self.plant(row)
        window.send_button.click()
        app.wait_until_idle()
        return seen_in_conversation(row, window)


# ---- the document --------------------------------------------------------------------------------

HEADER = [
    "# Fault matrix",
    "",
    "Generated by `tests/gui/test_fault_matrix_window.py` from what the real window showed",
    "against the sandbox over loopback HTTP; do not edit by hand. Regenerate with",
    "`FLASHBACK_WRITE_DOCS=1 tests/run tests/gui/test_fault_matrix_window.py`.",
    "",
    "Each row is played in the window: the fault planted on the action's route (or, for the",
    "network's faults, the requests sent to such a place), the action done as a person does",
    'it, then, once the app is idle, "message shown" is the text on screen (the error',
    "dialog's headline and message, the in-window message, the banner without its",
    "countdown, the sign-in dialog's message, the conversation window's notice) and \"what",
    'the app does" is worded from what the window and the sandbox showed. Requests are',
    "those the sandbox counted on the action's route. Each cell is also checked at the",
    "client level by `tests/integration/test_fault_matrix.py`.",
    "",
    "| fault | action | message shown | what the app does | requests |",
    "|---|---|---|---|---|",
]


def render(seen: dict[tuple[str, str], Seen]) -> str:
    lines = list(HEADER)
    for case, action in CELLS:
        cell = seen[(case.name, action.name)]
        lines.append(
            f"| {case.name} | {action.name} | {cell.shown} | {cell.does} | {cell.requests} |"
        )
    return "\n".join(lines) + "\n"


# Sign in first (signed out, the dialog open), then the actions of a signed-in window.
ORDER = ("sign in", "load repositories", "refresh token", "new conversation", "send a prompt")


def test_the_fault_matrix_document_is_what_the_window_showed(
    start_app: Callable[..., App],
    qtbot: QtBot,
    places: Places,
    memory_keyring: MemoryKeyring,
) -> None:
    app = start_app(signed_in=False, limits=LIMITS, transport=places, banner_delays_s=(60,))
    player = Player(app, qtbot, places, memory_keyring)
    actions: dict[str, Callable[[Row], Seen]] = {
        "sign in": player.sign_in_refused,
        "load repositories": player.load_repositories,
        "refresh token": player.refresh_token,
        "new conversation": player.new_conversation,
        "send a prompt": player.send_prompt,
    }
    seen: dict[tuple[str, str], Seen] = {}
    for name in ORDER:
        for case, action in CELLS:
            if action.name != name:
                continue
            row = player.begin(case, action)
            seen[(case.name, action.name)] = actions[name](row)
            player.end(row)
        if name == "sign in":
            player.sign_in()
            assert memory_keyring.entries != {}
    assert len(seen) == len(CELLS)
    assert app.crashes == []

    text = render(seen)
    generated, marker, kept = DOCUMENT.read_text(encoding="utf-8").partition(HAND_WRITTEN)
    if os.environ.get("FLASHBACK_WRITE_DOCS") == "1":
        DOCUMENT.write_text(text + marker + kept, encoding="utf-8")
        generated = text
    committed = set(generated.splitlines())
    differ = [line for line in text.splitlines() if line not in committed]
    assert generated == text, (
        "docs/fault-matrix.md is not what the window showed: run "
        "FLASHBACK_WRITE_DOCS=1 tests/run tests/gui/test_fault_matrix_window.py. "
        "Observed now:\n" + "\n".join(differ[:10])
    )
    # Whatever the wording: every row showed the person something, and no row sent a create
    # or a prompt twice or stored anything for a refused sign-in (the words above say so).
    assert not [cell for cell in seen.values() if "NOTHING" in cell.does or not cell.shown]
    assert not [cell for cell in seen.values() if "SENT" in cell.does or "STORED" in cell.does]
