"""Answers written to break a client, over real loopback HTTP: none may escape as a crash.

Each becomes the client's plain "unreadable answer" error with details (or, for a header
the client only reads in passing, is ignored). Issue 15, item 5.
"""

from __future__ import annotations

import dataclasses
import gzip
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from flashback_desktop.api import errors
from flashback_desktop.api.client import FlashbackClient
from flashback_desktop.api.server_check import Verdict, check_server
from tests.conftest import FAST_LIMITS
from tests.support.canned_http import CannedHttpServer, answer

pytestmark = pytest.mark.asyncio

DEEP = 50_000  # far past any recursion limit, Python's or a decoder's
HUGE_NUMBER = "9" * 5_000  # past Python's 4,300-digit limit for int(str)

NO_RETRIES = dataclasses.replace(FAST_LIMITS, read_retries=0)

Call = Callable[[FlashbackClient], Awaitable[Any]]


async def outcome(raw: bytes, call: Call) -> BaseException | Any:
    """What ``call`` makes of ``raw``: its result, or the exception it raised."""
    with CannedHttpServer(raw) as server:
        client = FlashbackClient(
            server.url, credentials="token-for-hostile-tests", limits=FAST_LIMITS
        )
        try:
            return await call(client)
        except Exception as exc:  # the assertion says which kinds are allowed
            return exc
        finally:
            await client.aclose()


def repos(client: FlashbackClient) -> Awaitable[Any]:
    return client.list_repositories()


def conversations(client: FlashbackClient) -> Awaitable[Any]:
    return client.list_conversations("r1")


def profile(client: FlashbackClient) -> Awaitable[Any]:
    return client.get_profile()


def create(client: FlashbackClient) -> Awaitable[Any]:
    return client.create_conversation("r1")


def messages(client: FlashbackClient) -> Awaitable[Any]:
    return client.conversation_messages("c1")


def prompt(client: FlashbackClient) -> Awaitable[Any]:
    return client.send_prompt("c1", "Any news?")


def ai_models(client: FlashbackClient) -> Awaitable[Any]:
    return client.list_ai_models("r1")


def ok(body: bytes | str, headers: dict[str, str] | None = None) -> bytes:
    return answer("200 OK", body.encode() if isinstance(body, str) else body, headers)


async def unreadable(raw: bytes, call: Call) -> errors.UnreadableResponseError:
    found = await outcome(raw, call)
    assert isinstance(found, errors.UnreadableResponseError), repr(found)
    assert "Status: 200" in found.details.as_text()
    return found


@pytest.mark.parametrize(
    ("body", "call"),
    [
        # Numbers past Python's 4,300-digit limit, where a field is expected and where not.
        ('{"success": true, "repos": [{"id": "r", "createdAt": ' + HUGE_NUMBER + "}]}", repos),
        (
            '{"success": true, "conversations": [{"id": "c", "tokensIn": "' + HUGE_NUMBER + '"}]}',
            conversations,
        ),
        # Integers too large for what the app does with them (Qt's ints, 64-bit counters).
        ('{"success": true, "conversations": [], "total": 99999999999999999999}', conversations),
        (
            '{"success": true, "conversations": [{"id": "c", "tokensIn": 1' + "0" * 25 + "}]}",
            conversations,
        ),
        # JSON nested tens of thousands deep: in the list, in a field, in an unknown field.
        ('{"success": true, "repos": ' + "[" * DEEP + "]" * DEEP + "}", repos),
        (
            '{"success": true, "repos": [{"id": "r", "aiLlms": ' + "[" * DEEP + "]" * DEEP + "}]}",
            repos,
        ),
        (
            '{"success": true, "data": {"id": "u", "x": '
            + '{"a":' * DEEP
            + "1"
            + "}" * DEEP
            + "}}",
            profile,
        ),
        # And in a success:false answer's message: not even a refusal can be read from it.
        ('{"success": false, "message": ' + "[" * DEEP + "]" * DEEP + "}", create),
        # The chat routes: a message's count, a reply nested without end, a model list.
        (
            '{"success": true, "messages": [{"id": "m", "tokenCount": ' + HUGE_NUMBER + "}]}",
            messages,
        ),
        (
            '{"success": true, "assistantMessage": {"id": "a", "metadata": '
            + "[" * DEEP
            + "]" * DEEP
            + "}}",
            prompt,
        ),
        ('{"success": true, "models": ' + "[" * DEEP + "]" * DEEP + "}", ai_models),
    ],
)
async def test_absurd_json_is_an_unreadable_answer(body: str, call: Call) -> None:
    await unreadable(ok(body), call)


async def test_an_unknown_field_is_skipped_however_absurd() -> None:
    body = '{"success": true, "repos": [], "extra": ' + HUGE_NUMBER + "}"
    assert await outcome(ok(body), repos) == ()


@pytest.mark.parametrize(
    ("status", "body"),
    [
        ("400 Bad Request", '{"success": false, "message": ' + "[" * DEEP + "]" * DEEP + "}"),
        ("500 Internal Server Error", '{"success": false, "message": ' + HUGE_NUMBER + "}"),
        ("404 Not Found", "[" + HUGE_NUMBER + "]"),
    ],
)
async def test_absurd_json_in_an_error_answer_is_unreadable_too(status: str, body: str) -> None:
    found = await outcome(answer(status, body.encode()), create)
    assert type(found) is errors.UnreadableResponseError, repr(found)
    assert f"Status: {status.split(maxsplit=1)[0]}" in found.details.as_text()


@pytest.mark.parametrize(
    ("status", "body", "kind"),
    [
        ("500 Internal Server Error", b"<html>Oops</html>", errors.ServerError),
        ("400 Bad Request", b'["a list, not an error body"]', errors.BadRequestError),
        ("403 Forbidden", b'{"message": 5, "error_code": ["x"]}', errors.ForbiddenError),
    ],
)
@pytest.mark.parametrize("call", [create, prompt], ids=["create", "prompt"])
async def test_an_error_answer_that_is_merely_odd_keeps_its_status_error(
    status: str, body: bytes, kind: type[errors.FlashbackError], call: Call
) -> None:
    found = await outcome(answer(status, body), call)
    assert type(found) is kind, repr(found)


async def test_a_content_encoding_that_lies_is_an_unreadable_answer() -> None:
    plain = '{"success": true, "repos": []}'
    for encoding in ("gzip", "deflate", "gzip, gzip"):
        found = await outcome(ok(plain, {"Content-Encoding": encoding}), repos)
        assert isinstance(found, errors.UnreadableResponseError), (encoding, repr(found))
    # Twice compressed but declared once: decodes to bytes that are not JSON.
    twice = gzip.compress(gzip.compress(plain.encode()))
    await unreadable(ok(twice, {"Content-Encoding": "gzip"}), repos)


async def test_test_connection_survives_a_content_encoding_that_lies() -> None:
    raw = answer("401 Unauthorized", b'{"success": false}', {"Content-Encoding": "gzip"})
    with CannedHttpServer(raw) as server:
        check = await check_server(server.url, limits=FAST_LIMITS)
    assert check.verdict is Verdict.NOT_FLASHBACK
    assert "Status" not in check.message  # the sentences are plain; details hold the cause


@pytest.mark.parametrize(
    "headers",
    [
        {"Date": "Fri, 04 Dec 99999999 10:00:00 GMT"},
        {"Date": "Fri, 04 Dec 2026 10:00:00 +99999999999999999999"},
        {"Date": "Fri, 04 Dec 1899 00:00:00 GMT"},  # from before the app could exist
        {"Date": "\x01" * 100},
    ],
)
async def test_absurd_date_headers_are_ignored(headers: dict[str, str]) -> None:
    with CannedHttpServer(ok('{"success": true, "repos": []}', headers)) as server:
        client = FlashbackClient(server.url, limits=FAST_LIMITS)
        try:
            assert await client.list_repositories() == ()
            assert client.server_clock is None
        finally:
            await client.aclose()


@pytest.mark.parametrize("value", [HUGE_NUMBER, "²", "-5", "1e9", "Thu, 99 Zzz 9999"])
async def test_an_absurd_retry_after_falls_back_to_the_plain_advice(value: str) -> None:
    raw = answer("429 Too Many Requests", b'{"success": false}', {"Retry-After": value})
    found = await outcome(raw, create)
    assert isinstance(found, errors.RateLimitedError), repr(found)
    assert found.action == errors.RateLimitedError.default_action


@pytest.mark.parametrize("value", [HUGE_NUMBER, "abc", "-1", "²"])
async def test_an_absurd_content_length_is_no_crash(value: str) -> None:
    found = await outcome(ok("{}", {"Content-Length": value}), repos)
    # Either the HTTP layer refuses the framing, or the body is read and judged on its own.
    assert isinstance(found, errors.FlashbackError), repr(found)
