"""The real window against a server written to break it (``tests/support/hostile_server``).

One test per hostile category of issue 15 that is not about decoding bodies (those are in
``test_hostile_decoding.py``). Each plants its value at the server and looks at what the
person sees, what reached the server and what the log says.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from flashback_desktop.logging_setup import CONTINUATION
from flashback_desktop.session.token_store import TokenPair
from flashback_desktop.ui.long_text import in_sentence
from flashback_desktop.ui.main_window import MainWindow
from tests.support import hostile_app
from tests.support.error_dialog_page import ErrorDialogPage
from tests.support.hostile_app import HostileApp, log_text
from tests.support.hostile_server import Answer, HostileServer, jwt
from tests.support.main_page import MainPage
from tests.support.memory_keyring import MemoryKeyring
from tests.support.sign_in_page import SignInDialogPage

# Bold red words, a link and a local image: what a crafted name would show as rich text.
MARKUP = (
    '<b style="color:red">Your Flashback password has expired</b> '
    '<a href="https://evil.example/">renew it</a> <img src="file:///etc/hostname">'
)


def as_seen(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """The characters a person reads when Qt shows ``text`` in ``text_format``."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and QtGuiNamespace.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def tooltip_seen(text: str) -> str:
    """A tooltip as read: long lines are wrapped (bounded tooltips), so spaces are folded."""
    return " ".join(as_seen(text).split())


def label_seen(label: QLabel) -> str:
    return as_seen(label.text(), label.textFormat())


# The window and the hostile server, as fixtures of this module.
hostile = hostile_app.hostile
start_hostile_app = hostile_app.start_hostile_app
app_log = hostile_app.app_log


def plant_markup_everywhere(server: HostileServer) -> None:
    world = server.world
    world.profile.update(name=MARKUP, lastName=MARKUP, email=f"{MARKUP}@example.com")
    world.workspaces[0]["name"] = MARKUP
    world.repos[0]["name"] = MARKUP
    world.repos[0]["storageType"] = MARKUP
    world.repos[0]["aiLlms"] = [{"aiLlmId": "llm-1", "aiLlm": {"name": MARKUP}}]
    conversation = world.conversations[0]
    conversation["title"] = MARKUP
    conversation["creator"] = {"name": MARKUP, "lastName": "", "email": MARKUP}


def test_markup_in_every_server_field_is_shown_literally(
    start_hostile_app: Callable[..., HostileApp], hostile: HostileServer, qtbot: QtBot
) -> None:
    plant_markup_everywhere(hostile)
    app = start_hostile_app()
    page = app.page

    assert MARKUP in label_seen(page.user_label)
    tooltips = [
        tooltip_seen(page.cell(0, column, Qt.ItemDataRole.ToolTipRole) or "")
        for column in range(page.column_count)
    ]
    shown = [page.cell(0, column) or "" for column in range(page.column_count)]
    for cell, tip in zip(shown, tooltips, strict=True):
        if "<b" in cell:  # a cell with the planted text: its tooltip must read the same
            assert MARKUP in tip, tip
    assert sum(MARKUP in tip for tip in tooltips) >= 3  # name, workspace, status (model)

    with page.history.wait_page_shown(qtbot):
        app.select("repo-1")
    assert MARKUP in label_seen(page.panel.selection_label)
    history = page.history
    history_tips = [
        tooltip_seen(history.cell(0, column, Qt.ItemDataRole.ToolTipRole) or "")
        for column in range(history.column_count)
    ]
    assert sum(MARKUP in tip for tip in history_tips) >= 2, history_tips  # title, creator

    # The error dialog's headline names the repository.
    hostile.plant(
        "POST",
        "/conversation",
        Answer.json({"success": False, "message": MARKUP}, status=403),
    )
    with page.wait_dialog(qtbot) as opened:
        page.panel.click_new()
    dialog = ErrorDialogPage(opened.args[0])
    # A name quoted in a sentence is cut after 80 characters: what is shown is literal.
    assert in_sentence(MARKUP) in label_seen(dialog.headline_label)
    assert dialog.message_label.textFormat() == Qt.TextFormat.PlainText
    assert MARKUP in dialog.details_shown_text
    dialog.close()

    # The Delete confirmation and the "Deleted …" line name the conversation.
    page.history.select_row(0)
    with page.history.wait_dialog(qtbot) as asked:
        page.history.ask_delete()
    confirm = asked.args[0]
    assert isinstance(confirm, QMessageBox)
    assert in_sentence(MARKUP) in as_seen(confirm.text(), confirm.textFormat())
    delete = next(b for b in confirm.buttons() if "Delete" in b.text())
    with page.history.wait_deleted(qtbot):
        delete.click()
    assert in_sentence(MARKUP) in label_seen(page.history.status_label)


def visible_labels(widget: QWidget) -> list[QLabel]:
    return [label for label in widget.findChildren(QLabel) if label.isVisible()]


def wait_for_sign_in(app: HostileApp) -> SignInDialogPage:
    return app.page.wait_sign_in_dialog(app.qtbot)


def sign_in_refused(app: HostileApp, email: str, password: str) -> str:
    dialog = wait_for_sign_in(app)
    dialog.fill_in(email, password)
    dialog.press_sign_in()
    app.qtbot.waitUntil(dialog.error_shown, timeout=10_000)
    return dialog.error


# ---- 2. log forging ---------------------------------------------------------------------------

FORGED = "2026-12-04 09:00:00,000 CRITICAL flashback.app: The disk is failing, call 555-0100"
RECORD_START = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ")


def test_a_newline_in_an_id_cannot_forge_a_log_line(
    start_hostile_app: Callable[..., HostileApp],
    hostile: HostileServer,
    qtbot: QtBot,
    app_log: Path,
) -> None:
    conversation = hostile.world.conversations[0]
    conversation["id"] = f"conv-1\n{FORGED}\r\x1b[2K"
    hostile.world.repos[0]["id"] = f"repo-1\n{FORGED}"
    app = start_hostile_app()
    with app.page.history.wait_page_shown(qtbot):
        app.page.select_row(0)
    hostile.plant("POST", "/conversation", Answer.json({"success": False}, status=403))
    with app.page.wait_dialog(qtbot) as opened:
        app.page.panel.click_new()  # logs the repository's ID with the failure
    opened.args[0].close()
    app.page.history.select_row(0)
    with app.page.history.wait_dialog(qtbot) as asked:
        app.page.history.ask_delete()
    delete = next(b for b in asked.args[0].buttons() if "Delete" in b.text())
    with app.page.history.wait_deleted(qtbot):
        delete.click()  # logs "Deleted conversation <id>"

    text = log_text(app_log)
    assert "Deleted conversation conv-1\\n2026-12-04 09:00:00,000 CRITICAL" in text
    assert "\x1b" not in text
    assert "\r" not in text
    for line in text.splitlines():
        # Every line is a record of its own or visibly the continuation of one.
        assert RECORD_START.match(line) or line.startswith(CONTINUATION), line
        assert not line.startswith(FORGED)


# ---- 3. secrets in the log ----------------------------------------------------------------------

PLANTED_PASSWORD = "Hostile-Pa55word-echoed"


def test_a_refusal_echoing_the_password_never_logs_it(
    start_hostile_app: Callable[..., HostileApp],
    hostile: HostileServer,
    app_log: Path,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    refusal = {
        "success": False,
        "error_code": "INVALID_PASSWORD",
        "message": f"Password {PLANTED_PASSWORD} is wrong for ada@example.com",
    }
    hostile.plant("POST", "/user/login", Answer.json(refusal, status=400))
    app = start_hostile_app(signed_in=False)
    shown = sign_in_refused(app, "ada@example.com", PLANTED_PASSWORD)
    assert shown  # the person is told
    assert PLANTED_PASSWORD not in shown
    assert PLANTED_PASSWORD in hostile.seen("POST", "/user/login")[0].body.decode()
    assert PLANTED_PASSWORD not in log_text(app_log)
    assert PLANTED_PASSWORD not in caplog.text
    assert PLANTED_PASSWORD not in capfd.readouterr().err


@pytest.mark.parametrize("padding_kib", [0, 360], ids=["small, decoded here", "big, in a thread"])
def test_a_refresh_answer_at_debug_writes_no_token_and_no_whole_body(
    padding_kib: int,
    start_hostile_app: Callable[..., HostileApp],
    hostile: HostileServer,
    app_log: Path,
) -> None:
    # Opaque tokens, so no JWT pattern can catch them: only real redaction can.
    access = f"planted-access-{uuid.uuid4().hex}"
    refresh = f"planted-refresh-{uuid.uuid4().hex}"
    hostile.issued.extend([access, refresh])
    # Over 256 KiB, the body is decoded in a worker thread, a path of its own.
    padding = "bucket-key-id-AKIA" * (padding_kib * 1024 // 18)
    answer = {"accessToken": access, "refreshToken": refresh, "padding": padding}
    hostile.plant("POST", "/user/refresh", Answer.json(answer))
    expired = jwt({"exp": int(time.time()) - 600})
    start_hostile_app(saved=TokenPair(expired, "refresh-old"))
    assert len(hostile.seen("POST", "/user/refresh")) == 1
    assert hostile.seen("GET", "/repo")[-1].headers["Authorization"] == f"Bearer {access}"
    text = log_text(app_log)
    assert access not in text
    assert refresh not in text
    assert text.count("bucket-key-id-AKIA") < 1_000  # no whole body: at most a capped excerpt
    assert len(text) < 200_000


# ---- 4. cookies ---------------------------------------------------------------------------------


def test_a_cookie_the_server_sets_is_never_sent_back(
    start_hostile_app: Callable[..., HostileApp], hostile: HostileServer, qtbot: QtBot
) -> None:
    hostile.add_header_to_every_answer("Set-Cookie", "tracker=planted; Path=/")
    app = start_hostile_app()
    with app.page.wait_repositories_shown(qtbot):
        app.page.refresh()
    assert len(hostile.seen("GET", "/repo")) == 2
    assert [r.headers.get("Cookie") for r in hostile.requests] == [None] * len(hostile.requests)


# ---- 5. a date without a time zone in the lost-answer lookup -------------------------------------


def test_a_date_without_a_time_zone_still_finds_the_created_conversation(
    start_hostile_app: Callable[..., HostileApp], hostile: HostileServer, qtbot: QtBot
) -> None:
    app = start_hostile_app()
    app.page.set_lookup_delays((0.0, 0.2))
    with app.page.history.wait_page_shown(qtbot):
        app.page.select_row(0)
    # The create's answer is lost (a gateway's 504), yet the server did create it, and its
    # list writes the time without a zone.
    hostile.plant("POST", "/conversation", Answer(504, b"Gateway Time-out", ()))
    late = dict(hostile.world.conversations[0], id="conv-late", title="Created after all")
    late["createdAt"] = datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds")
    hostile.world.conversations.insert(0, late)
    with app.page.wait_found(qtbot) as found:
        app.page.panel.click_new()
    assert found.args == ["conv-late"]
    assert len(hostile.seen("POST", "/conversation")) == 1  # never created twice


# ---- 5. an integer too large for a label ----------------------------------------------------


def test_a_total_too_large_for_a_label_is_told_plainly(
    start_hostile_app: Callable[..., HostileApp], hostile: HostileServer, qtbot: QtBot
) -> None:
    """A total no list can have (2^80) is an unreadable answer, said in the panel in plain
    words with Try again; the window stays usable (no crash dialog)."""
    total = 2**80
    items = hostile.world.conversations
    hostile.plant(
        "GET", "/conversation", Answer.json({"conversations": items, "total": total}), times=None
    )
    app = start_hostile_app()
    with app.page.history.wait_load_failed(qtbot):
        app.page.select_row(0)
    shown = app.page.history.message
    assert "could not understand" in shown, shown
    assert app.page.history.row_count == 0


# ---- 6. a token the app cannot read -------------------------------------------------------------

NESTED_CLAIMS = b'{"exp": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"


def test_a_sign_in_answer_with_an_unreadable_token_is_refused_and_not_saved(
    start_hostile_app: Callable[..., HostileApp],
    hostile: HostileServer,
    memory_keyring: MemoryKeyring,
) -> None:
    hostile.plant(
        "POST", "/user/login", Answer.json(hostile.new_tokens(jwt(raw_payload=NESTED_CLAIMS)))
    )
    app = start_hostile_app(signed_in=False)
    shown = sign_in_refused(app, "ada@example.com", "right-password")
    assert "could not understand" in shown
    assert memory_keyring.entries == {}  # checked before saving: the next start is clean
    assert not app.session.signed_in


def test_a_saved_token_the_app_cannot_read_means_signed_out_with_a_reason(
    start_hostile_app: Callable[..., HostileApp],
    hostile: HostileServer,
    memory_keyring: MemoryKeyring,
) -> None:
    unreadable = TokenPair(jwt(raw_payload=b'{"exp": 1' + b"0" * 400 + b"}"), "refresh-old")
    app = start_hostile_app(saved=unreadable, wait_for_repositories=False)
    dialog = wait_for_sign_in(app)
    assert "could not be read" in dialog.reason
    assert memory_keyring.entries == {}  # removed: the next start asks once, not forever
    assert hostile.seen("GET", "/repo") == []
    # Signing in again works as usual.
    dialog.fill_in("ada@example.com", "right-password")
    with app.page.wait_repositories_shown(app.qtbot):
        dialog.press_sign_in()
    assert len(memory_keyring.entries) == 2


def test_sign_out_always_works_even_when_the_logout_answer_is_garbage(
    start_hostile_app: Callable[..., HostileApp],
    hostile: HostileServer,
    memory_keyring: MemoryKeyring,
) -> None:
    hostile.plant("POST", "/user/logout", Answer(200, b"\xff\xfe<html>" * 10, ()))
    app = start_hostile_app()
    app.page.sign_out()
    dialog = wait_for_sign_in(app)
    assert memory_keyring.entries == {}
    assert not app.session.signed_in
    dialog.cancel()


# ---- 7. a renewed token with control characters ------------------------------------------------


def test_a_renewed_token_with_control_characters_asks_to_sign_in(
    start_hostile_app: Callable[..., HostileApp],
    hostile: HostileServer,
    memory_keyring: MemoryKeyring,
) -> None:
    hostile.plant("POST", "/user/refresh", Answer.json(hostile.new_tokens("access\r\nX-Evil: 1")))
    expired = jwt({"exp": int(time.time()) - 600})
    app = start_hostile_app(saved=TokenPair(expired, "refresh-old"), wait_for_repositories=False)
    dialog = wait_for_sign_in(app)
    assert "expired" in app.page.user_text
    assert not app.page.banner_shown()  # not "can't be reached"
    assert len(hostile.seen("POST", "/user/refresh")) == 1  # no endless retries
    dialog.cancel()


# ---- 8. a 1 MB message in Show details ----------------------------------------------------------


def test_show_details_with_a_1_mb_message_is_shortened_and_copies_in_full(
    start_hostile_app: Callable[..., HostileApp], hostile: HostileServer, qtbot: QtBot
) -> None:
    huge = "A long server message. " * 45_000  # about 1 MB
    hostile.plant(
        "POST", "/conversation", Answer.json({"success": False, "message": huge}, status=400)
    )
    app = start_hostile_app()
    app.page.select_row(0)
    with app.page.wait_dialog(qtbot) as opened:
        app.page.panel.click_new()
    dialog = ErrorDialogPage(opened.args[0])
    dialog.show_details()
    shown = dialog.details_shown_text
    assert len(shown) < 25_000
    assert "(shortened" in shown
    dialog.copy_details()
    assert huge.strip() in QGuiApplication.clipboard().text()
    dialog.close()


# ---- 10. the log under abuse -----------------------------------------------------------------


def test_a_repeating_503_with_a_1_mb_message_keeps_the_log_small(
    start_hostile_app: Callable[..., HostileApp],
    hostile: HostileServer,
    qtbot: QtBot,
    app_log: Path,
) -> None:
    huge = "Service unavailable. " * 50_000  # about 1 MB
    hostile.plant(
        "GET",
        "/repo",
        Answer.json({"success": False, "message": huge}, status=503),
        times=None,
    )

    def quick_retries(window: MainWindow) -> None:
        MainPage(window).set_banner_delays((0.05,))

    start_hostile_app(wait_for_repositories=False, prepare=quick_retries)
    qtbot.waitUntil(lambda: len(hostile.seen("GET", "/repo")) >= 12, timeout=30_000)
    text = log_text(app_log)
    assert len(text) < 150_000
    assert text.count("Loading repositories failed") == 1  # the repeats are collapsed


# ---- no D-Bus daemon left behind ---------------------------------------------------------------


def test_without_a_dbus_session_no_daemon_is_started_and_left_behind(
    hostile: HostileServer, tmp_path: Path
) -> None:
    """dbus-launch --autolaunch records the daemon it starts in ~/.dbus/session-bus."""
    if not os.environ.get("DISPLAY"):
        pytest.skip("autolaunching needs an X display")
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DBUS_SESSION_BUS_ADDRESS", "FLASHBACK_SERVER"}
    }
    env.update(HOME=str(tmp_path), XDG_RUNTIME_DIR=str(tmp_path / "run"))
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    (tmp_path / "run").mkdir(mode=0o700)
    command = [sys.executable, "-m", "flashback_desktop", "--server", hostile.url]
    result = subprocess.run(
        [*command, "--exit-after", "repos-loaded"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    launched = sorted((tmp_path / ".dbus" / "session-bus").glob("*"))
    for record in launched:  # stop what this test caused, by its process id
        found = re.search(r"DBUS_SESSION_BUS_PID=(\d+)", record.read_text())
        if found:
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(found.group(1)), signal.SIGTERM)
    assert "Traceback" not in result.stderr, result.stderr
    assert launched == []
