"""The real window against answers written to break a client's decoding (issue 15, item 5).

The fixes live in ``api/`` (body decoding, models, headers the client parses); these tests
hold the window to the promise: the same plain "could not understand" message (or, for a
header, nothing at all), the action's state consistent, nothing in the crash dialog.
"""

from __future__ import annotations

import contextlib
import gc
import gzip
import json
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from flashback_desktop.api.server_check import check_server
from tests.conftest import FAST_LIMITS
from tests.support import hostile_app
from tests.support.hostile_app import HostileApp
from tests.support.hostile_server import Answer, HostileServer

hostile = hostile_app.hostile
start_hostile_app = hostile_app.start_hostile_app

UNREADABLE = "could not understand"
DEEP = 100_000


def nested_list(depth: int = DEEP) -> bytes:
    return b"[" * depth + b"]" * depth


def raw(body: bytes, status: int = 200, *headers: tuple[str, str]) -> Answer:
    return Answer(status, body, (("Content-Type", "application/json"), *headers))


# What GET /repo answers, and what the person must be told.
BROKEN_LISTS = {
    # In a field the app reads: unknown fields are skipped without being built.
    "a number over Python's 4,300-digit limit": raw(
        b'{"repos": [{"id": "r", "name": 1' + b"0" * 5000 + b"}]}"
    ),
    "a list nested 100,000 deep": raw(b'{"repos": ' + nested_list() + b"}"),
    "an error message nested 100,000 deep": raw(
        b'{"success": false, "message": ' + nested_list() + b"}", 400
    ),
    "Content-Encoding: gzip on a plain body": raw(
        b'{"repos": []}', 200, ("Content-Encoding", "gzip")
    ),
    "Content-Encoding: br on a gzip body": raw(
        gzip.compress(b'{"repos": []}'), 200, ("Content-Encoding", "br")
    ),
}


@contextlib.contextmanager
def leftovers_finalised() -> Iterator[None]:
    """A body that fails to decode can leave httpcore's stream generator unclosed. Python
    finalises it in a later garbage collection, wherever that happens; inside pytest's own
    ast.parse of a failure report it crashed the whole run (INTERNALERROR, "AST constructor
    recursion depth mismatch"). Collected here, the failure is reported as usual."""
    try:
        yield
    finally:
        gc.collect()


# When a Content-Encoding lies, httpx's decoder raises inside its own chain of async
# generators; the client closes the response (and so the connection) at once, but httpcore's
# inner generator is finalised later by the loop, outside the task that ran it, and anyio
# complains about that as an unraisable exception. It reaches no person (no crash dialog:
# unraisable exceptions go to stderr) and holds no connection.
HTTPX_FINALISER = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


@HTTPX_FINALISER
@pytest.mark.parametrize("case", list(BROKEN_LISTS))
def test_an_unreadable_repository_list_is_told_plainly(
    case: str,
    start_hostile_app: Callable[..., HostileApp],
    hostile: HostileServer,
    qtbot: QtBot,
) -> None:
    hostile.plant("GET", "/repo", BROKEN_LISTS[case], times=None)
    with leftovers_finalised():
        app = start_hostile_app(wait_for_repositories=False)
        page = app.page
        qtbot.waitUntil(lambda: UNREADABLE in page.list_message, timeout=15_000)
        assert page.list_message_button.isVisible()  # Try again


def huge_model_values() -> list[dict[str, object]]:
    repo = {"id": "repo-1", "name": "Alpha", "workspaceId": "ws-1"}
    return [
        dict(repo, createdAt="99999-01-01T00:00:00Z"),
        dict(repo, createdAt=10**30),
        dict(repo, disabled=10**30),
        dict(repo, aiLlms=[{"aiLlmId": 10**30}]),
    ]


@pytest.mark.parametrize("repo", huge_model_values())
def test_huge_integers_in_a_repository_show_the_list_or_say_so(
    repo: dict[str, object],
    start_hostile_app: Callable[..., HostileApp],
    hostile: HostileServer,
    qtbot: QtBot,
) -> None:
    hostile.world.repos = [repo]
    app = start_hostile_app(wait_for_repositories=False)
    page = app.page
    qtbot.waitUntil(
        lambda: page.row_count == 1 or UNREADABLE in page.list_message,
        timeout=15_000,
    )


@pytest.mark.parametrize(
    "tokens", ["1" + "0" * 5000, 10**30, -(10**30)], ids=["5000 digits", "1e30", "-1e30"]
)
def test_huge_token_counts_in_a_conversation_show_the_page_or_say_so(
    tokens: object,
    start_hostile_app: Callable[..., HostileApp],
    hostile: HostileServer,
    qtbot: QtBot,
) -> None:
    hostile.world.conversations[0]["tokensIn"] = tokens
    app = start_hostile_app()
    history = app.page.history
    app.page.select_row(0)
    qtbot.waitUntil(
        lambda: history.row_count == 1 or UNREADABLE in history.message,
        timeout=15_000,
    )


# Headers the client parses: an absurd value is ignored, the answer used as usual.
ABSURD_HEADERS = {
    "Date in the year 99999": ("Date", "Mon, 01 Jan 99999 00:00:00 GMT"),
    "Date with 5,000 digits": ("Date", "Mon, 01 Jan 1" + "0" * 5000 + " 00:00:00 GMT"),
    "Content-Length: -1": ("Content-Length", "-1"),
    "Content-Length: not a number": ("Content-Length", "lots"),
    "Content-Length with 5,000 digits": ("Content-Length", "9" * 5000),
}


@pytest.mark.parametrize("case", list(ABSURD_HEADERS))
def test_an_absurd_header_is_ignored_or_told_plainly(
    case: str,
    start_hostile_app: Callable[..., HostileApp],
    hostile: HostileServer,
    qtbot: QtBot,
) -> None:
    body = json.dumps({"repos": hostile.world.repos}).encode()
    hostile.plant("GET", "/repo", raw(body, 200, ABSURD_HEADERS[case]), times=None)
    app = start_hostile_app(wait_for_repositories=False)
    page = app.page
    qtbot.waitUntil(
        lambda: page.row_count == 1 or bool(page.list_message) or page.banner_shown(),
        timeout=15_000,
    )


def test_retry_after_with_5000_digits_is_told_plainly(
    start_hostile_app: Callable[..., HostileApp], hostile: HostileServer, qtbot: QtBot
) -> None:
    answer = raw(b'{"success": false}', 429, ("Retry-After", "9" * 5000))
    hostile.plant("GET", "/repo", answer, times=None)
    app = start_hostile_app(wait_for_repositories=False)
    qtbot.waitUntil(lambda: "too many requests" in app.page.list_message, timeout=15_000)


@HTTPX_FINALISER
def test_test_connection_with_a_lying_content_encoding_is_a_verdict_not_a_crash(
    start_hostile_app: Callable[..., HostileApp], hostile: HostileServer
) -> None:
    """Settings → Test connection asks GET /user/profile without a token."""
    app = start_hostile_app()
    lie = raw(b'{"success": false}', 401, ("Content-Encoding", "gzip"))
    hostile.plant("GET", "/user/profile", lie)
    with leftovers_finalised():
        result = app.run(check_server(hostile.url, limits=FAST_LIMITS))
    assert result.message  # a sentence for the dialog, whatever the verdict
