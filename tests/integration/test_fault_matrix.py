"""Every fault against every action, at the client level over real loopback HTTP.

The whole matrix runs once per module (a fixture); each cell is then its own test: the
error's kind, plain words, and never a create or a prompt sent twice. The faults and the
actions are named here; docs/fault-matrix.md is written by tests/gui/test_fault_matrix_window.py
from what the real window showed when each cell was played in it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from flashback_desktop.api import errors
from flashback_desktop.api.client import FlashbackClient
from flashback_desktop.api.connection import ClientLimits
from flashback_desktop.sandbox import Fault, SandboxServer
from flashback_desktop.session.conversation_chat import may_be_stored
from flashback_desktop.session.session import Session
from flashback_desktop.session.token_store import MemoryTokenStore, TokenPair
from tests.conftest import SUITE_AUDIT
from tests.support.addresses import unresolvable_url, unused_loopback_url
from tests.support.http_proxy import HttpProxy
from tests.support.sandbox_data import repo_id_named
from tests.support.tls_sandbox import CORPORATE_HOST, tls_sandbox

CAP_BYTES = 256 * 1024
# Short limits, for these tests only: a loaded machine must not trip the rest of the suite.
LIMITS = ClientLimits(
    connect_timeout_s=1.0,
    read_timeout_s=0.5,
    deadline_s=1.0,
    max_response_bytes=CAP_BYTES,
    read_retries=1,
    retry_backoff_s=0.05,
)
REPO = "Contracts 2026"
HTML_502 = "<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"
HTML_404 = "<!DOCTYPE html><html><body><pre>Cannot GET</pre></body></html>"

# ---- the actions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    name: str
    method: str
    path: str  # the route whose requests the fault hits and the sandbox counts
    wrong_shape: str  # a 200 body with the documented status but not the documented shape


ACTIONS = (
    Action("load repositories", "GET", "/repo", '{"success": true, "repos": {"not": "a list"}}'),
    Action("new conversation", "POST", "/conversation", '{"success": true}'),
    Action("sign in", "POST", "/user/login", '{"success": true, "user": {}}'),
    Action("refresh token", "POST", "/user/refresh", '{"success": true, "expiresAt": 1}'),
    Action(
        "send a prompt",
        "POST",
        "/conversation/{conversationId}/prompt",
        '{"success": true, "userMessage": "not a message"}',
    ),
)
PROMPT = "Any news about the spring launch?"
PROMPT_REPO = "Marketing assets"  # has an AI model; REPO has none

# ---- the faults ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    fault: Callable[[Action], Fault] | None = None  # planted on the action's route
    place: str = "sandbox"  # or: refused, unresolvable, untrusted-tls, proxy-407


def status(code: int, **extra: Any) -> Callable[[Action], Fault]:
    return lambda _action: Fault(status=code, **extra)


CASES = (
    Case("400 Bad Request", status(400)),
    Case("401 Unauthorized", status(401)),
    Case("403 Forbidden", status(403)),
    Case("404 with the documented JSON body", status(404)),
    Case("404 HTML page (route unknown)", status(404, body=HTML_404, content_type="text/html")),
    Case("407 from a proxy", status(407, headers={"Proxy-Authenticate": 'Basic realm="corp"'})),
    Case("408 Request Timeout", status(408)),
    Case("409 Conflict", status(409)),
    Case("429 with Retry-After: 30", status(429, headers={"Retry-After": "30"})),
    Case("500 Internal Server Error", status(500)),
    Case("502 HTML page from a proxy", status(502, body=HTML_502, content_type="text/html")),
    Case("503 Service Unavailable", status(503)),
    Case("504 Gateway Timeout", status(504)),
    Case("200 with invalid JSON", status(200, body='{"success": true, "repos": [')),
    Case("200 with the wrong shape", lambda action: Fault(status=200, body=action.wrong_shape)),
    Case("200 with an empty body", status(200, body="")),
    Case("body cut off mid-way", lambda _action: Fault(cut_after_bytes=10)),
    Case("body larger than the size cap", lambda _action: Fault(oversize_bytes=CAP_BYTES * 2)),
    Case(
        "body larger than the cap, no length given",
        lambda _action: Fault(oversize_bytes=CAP_BYTES * 2, declare_length=False),
    ),
    Case("connection reset after the request", lambda _action: Fault(reset=True)),
    Case("server accepts and never answers", lambda _action: Fault(never_answer=True)),
    Case("slow body past the overall deadline", lambda _action: Fault(trickle=(8, 0.2))),
    Case(
        "redirect to another host",
        status(302, body="", headers={"Location": "https://elsewhere.example/"}),
    ),
    Case("connection refused", place="refused"),
    Case("host name does not resolve", place="unresolvable"),
    Case("TLS certificate not trusted", place="untrusted-tls"),
    Case("real proxy asking for a password (407)", place="proxy-407"),
)

# ---- what happened -------------------------------------------------------------------------


@dataclass
class Outcome:
    error: errors.FlashbackError | None
    requests: int  # on the action's route, as the sandbox counted them
    conversations: int  # created on the server by this cell
    prompts: int = 0  # stored on the server by this cell
    unexpected: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return type(self.error).__name__ if self.error else "success"


@dataclass
class Matrix:
    outcomes: dict[tuple[str, str], Outcome] = field(default_factory=dict)


async def run_cell(case: Case, action: Action, sandbox: SandboxServer, url: str) -> Outcome:
    state = sandbox.state
    state.faults.clear()
    state.reset_counts()
    before = len(state.conversations_for(repo_id_named(sandbox, REPO)))
    conversation_id = state.create_conversation(
        state.authenticate(state.demo_token), repo_id_named(sandbox, PROMPT_REPO)
    )
    session = Session(url, MemoryTokenStore(), limits=LIMITS)
    try:
        if action.name != "sign in":
            login = state.login(state.demo_email, state.demo_password)
            access = login["accessToken"]
            if action.name == "refresh token":  # expired: the next request renews first
                access = state.issue_token(lifetime_s=-10)
            await session.tokens.adopt(TokenPair(access, login["refreshToken"]))
        if case.fault is not None:
            state.faults.add(action.method, action.path, case.fault(action), times=None)
        error: errors.FlashbackError | None = None
        try:
            await perform(action, session, sandbox, url, conversation_id)
        except errors.FlashbackError as exc:
            error = exc
    finally:
        await session.close()
        state.faults.clear()
    await settle(sandbox)
    after = len(state.conversations_for(repo_id_named(sandbox, REPO)))
    prompts = sum(1 for m in state.messages_of(conversation_id) if m["content"] == PROMPT)
    requests = state.request_count(action.method, action.path)
    return Outcome(error, requests, after - before, prompts)


async def perform(
    action: Action, session: Session, sandbox: SandboxServer, url: str, conversation_id: str
) -> object:
    state = sandbox.state
    runs: dict[str, Callable[[], Awaitable[object]]] = {
        "load repositories": session.list_repositories,
        "new conversation": lambda: session.create_conversation(repo_id_named(sandbox, REPO)),
        "sign in": lambda: session.sign_in_with_password(state.demo_email, state.demo_password),
        "refresh token": session.list_repositories,
        "send a prompt": lambda: send_prompt(session, url, conversation_id),
    }
    return await runs[action.name]()


async def send_prompt(session: Session, url: str, conversation_id: str) -> object:
    """The raw POST, not the chat's settling: a client of its own over the session's tokens
    (renewed after a 401 as the session's own client would)."""
    client = FlashbackClient(url, credentials=session.tokens, limits=LIMITS)
    try:
        return await client.send_prompt(conversation_id, PROMPT)
    finally:
        await client.aclose()


async def settle(sandbox: SandboxServer) -> None:
    """A request the client gave up on may still be running on the server (a delay, a
    trickle): wait until the sandbox has none in flight, so the counts that follow are final."""
    deadline = time.monotonic() + 10
    while sandbox.state.requests_in_flight():
        assert time.monotonic() < deadline, "a request stayed in flight at the sandbox"
        await asyncio.sleep(0.01)


async def run_matrix(sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch) -> Matrix:
    matrix = Matrix()
    with (
        tls_sandbox(state=sandbox.state) as untrusted,
        HttpProxy(demand_auth=True, hosts={CORPORATE_HOST: "127.0.0.1"}) as proxy,
    ):
        places = {
            "sandbox": sandbox.url,
            "refused": unused_loopback_url(),
            "unresolvable": unresolvable_url(),
            "untrusted-tls": untrusted.url,
            "proxy-407": f"https://{CORPORATE_HOST}:{untrusted.port}",
        }
        for case in CASES:
            for action in ACTIONS:
                with monkeypatch.context() as env:
                    for name in ("NO_PROXY", "no_proxy", "SSL_CERT_FILE", "SSL_CERT_DIR"):
                        env.delenv(name, raising=False)
                    if case.place == "proxy-407":
                        env.setenv("HTTPS_PROXY", proxy.url)
                    else:
                        env.delenv("HTTPS_PROXY", raising=False)
                        env.delenv("https_proxy", raising=False)
                    outcome = await run_cell(case, action, sandbox, places[case.place])
                matrix.outcomes[(case.name, action.name)] = outcome
    return matrix


@pytest.fixture(scope="module")
def matrix() -> Matrix:
    errors_logged: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.ERROR and record.name.startswith("flashback"):
                errors_logged.append(f"{record.name}: {record.getMessage()}")

    handler = Collect()
    logging.getLogger().addHandler(handler)
    started = time.monotonic()
    try:
        with SandboxServer() as sandbox, pytest.MonkeyPatch.context() as monkeypatch:
            result = asyncio.run(run_matrix(sandbox, monkeypatch))
            SUITE_AUDIT.add(sandbox.state.issued_secrets())
    finally:
        logging.getLogger().removeHandler(handler)
    print(f"\nfault matrix: {len(result.outcomes)} cells in {time.monotonic() - started:.1f} s")
    assert errors_logged == [], "the matrix made the app log errors"
    return result


# ---- what each cell must show --------------------------------------------------------------

E = errors
REFRESH_REFUSED = E.UnauthorizedError  # any other "no" about a refresh token: sign in again
REFUSED = {"sign in": E.SignInRefusedError, "refresh token": REFRESH_REFUSED}
EXPECTED: dict[str, dict[str, type[E.FlashbackError]]] = {
    "400 Bad Request": REFUSED,
    "401 Unauthorized": {"sign in": E.SignInRefusedError},
    "403 Forbidden": REFUSED,
    "404 with the documented JSON body": {**REFUSED, "send a prompt": E.ConversationGoneError},
    "409 Conflict": REFUSED,
}
EXPECTED_EVERYWHERE: dict[str, type[E.FlashbackError]] = {
    "400 Bad Request": E.BadRequestError,
    "401 Unauthorized": E.UnauthorizedError,
    "403 Forbidden": E.ForbiddenError,
    "404 with the documented JSON body": E.NotFoundError,
    "404 HTML page (route unknown)": E.EndpointUnavailableError,
    "407 from a proxy": E.ProxyAuthenticationError,
    "408 Request Timeout": E.RequestTimeoutError,
    "409 Conflict": E.BadRequestError,
    "429 with Retry-After: 30": E.RateLimitedError,
    "500 Internal Server Error": E.ServerError,
    "502 HTML page from a proxy": E.ServerError,
    "503 Service Unavailable": E.ServerError,
    "504 Gateway Timeout": E.RequestTimeoutError,
    "200 with invalid JSON": E.UnreadableResponseError,
    "200 with the wrong shape": E.UnreadableResponseError,
    "200 with an empty body": E.UnreadableResponseError,
    "body cut off mid-way": E.ConnectionDroppedError,
    "body larger than the size cap": E.ResponseTooLargeError,
    "body larger than the cap, no length given": E.ResponseTooLargeError,
    "connection reset after the request": E.ConnectionDroppedError,
    "server accepts and never answers": E.RequestTimeoutError,
    "slow body past the overall deadline": E.RequestTimeoutError,
    "redirect to another host": E.RedirectRefusedError,
    "connection refused": E.NetworkUnreachableError,
    "host name does not resolve": E.NetworkUnreachableError,
    "TLS certificate not trusted": E.TlsError,
    "real proxy asking for a password (407)": E.ProxyAuthenticationError,
}


def expected_error(case: Case, action: Action) -> type[E.FlashbackError]:
    return EXPECTED.get(case.name, {}).get(action.name, EXPECTED_EVERYWHERE[case.name])


CELLS = [(case, action) for case in CASES for action in ACTIONS]


@pytest.mark.parametrize(("case", "action"), CELLS, ids=[f"{c.name} / {a.name}" for c, a in CELLS])
def test_each_fault_gives_a_plain_message_and_a_consistent_state(
    matrix: Matrix, case: Case, action: Action
) -> None:
    outcome = matrix.outcomes[(case.name, action.name)]
    assert outcome.error is not None, "a fault must not look like a success"
    assert type(outcome.error) is expected_error(case, action)
    message, advice = outcome.error.message, outcome.error.action
    assert message.strip()
    assert advice.strip()
    assert "Traceback" not in message + advice
    assert "Error:" not in message  # plain words, not an exception's text
    if action.name == "new conversation":
        # Never a second POST, except the one replay a 401 allows after renewing.
        assert outcome.requests <= (2 if case.name == "401 Unauthorized" else 1)
        assert outcome.conversations <= 1
        if outcome.conversations == 1:  # it exists: the app must say it may
            assert E.may_have_been_processed(outcome.error)
    if action.name == "send a prompt":
        # The same rule for a prompt: once, or twice when a 401 made the server do nothing.
        assert outcome.requests <= (2 if case.name == "401 Unauthorized" else 1)
        assert outcome.prompts <= 1
        if outcome.prompts == 1:  # it is there: the app must read before saying anything
            assert may_be_stored(outcome.error)
    if action.name == "load repositories" and case.place == "sandbox":
        retried = E.is_transient(outcome.error) or case.name == "401 Unauthorized"
        assert outcome.requests == (2 if retried else 1)
