"""Sign-in, two-step verification, silent renewal and sign-out against the sandbox over HTTP.

Requests are counted on the sandbox, so "one refresh" and "one conversation" are facts the
server saw, not what the client believes.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import traceback
from collections.abc import AsyncIterator

import httpx
import keyring.errors
import pytest

from flashback_desktop.api import errors
from flashback_desktop.api.client import FlashbackClient
from flashback_desktop.api.models import UserProfile
from flashback_desktop.config import canonical_origin
from flashback_desktop.sandbox import Fault, SandboxServer
from flashback_desktop.session.keyring_errors import KeyringTrouble
from flashback_desktop.session.session import MfaChallenge, Session, SignOutResult
from flashback_desktop.session.token_store import KeyringTokenStore, MemoryTokenStore, TokenPair
from tests.conftest import FAST_LIMITS
from tests.support.memory_keyring import MemoryKeyring
from tests.support.sandbox_data import repo_id_named

pytestmark = pytest.mark.asyncio

REPO = "Contracts 2026"


@contextlib.asynccontextmanager
async def open_session(sandbox: SandboxServer) -> AsyncIterator[Session]:
    session = Session(sandbox.url, MemoryTokenStore(), limits=FAST_LIMITS)
    try:
        yield session
    finally:
        await session.close()


async def signed_in(session: Session, sandbox: SandboxServer) -> UserProfile:
    state = sandbox.state
    outcome = await session.sign_in_with_password(state.demo_email, state.demo_password)
    assert isinstance(outcome, UserProfile)
    return outcome


async def test_password_sign_in_keeps_both_tokens_and_never_the_password(
    sandbox: SandboxServer,
) -> None:
    async with open_session(sandbox) as session:
        profile = await signed_in(session, sandbox)
        stored = await session.store.load()
    assert profile.email == sandbox.state.demo_email
    assert profile.organisation_role == "Member"
    assert stored is not None
    assert stored.refresh is not None
    assert sandbox.state.active_refresh_tokens() == 1


@pytest.mark.parametrize(
    ("email_of", "password", "code", "words"),
    [
        (lambda s: "nobody@demo.flashback.tech", "x", "USER_NOT_FOUND", "no Flashback account"),
        (lambda s: s.demo_email, "wrong", "INVALID_PASSWORD", "password is not right"),
        (lambda s: "dan.whitfield@demo.flashback.tech", None, "USER_INACTIVE", "switched off"),
        (lambda s: s.no_password_email, None, "NO_PASSWORD_SET", "Google, GitHub or Microsoft"),
    ],
)
async def test_each_refusal_has_its_own_sentence(
    sandbox: SandboxServer, email_of: object, password: str | None, code: str, words: str
) -> None:
    assert callable(email_of)
    async with open_session(sandbox) as session:
        with pytest.raises(errors.SignInRefusedError) as refused:
            await session.sign_in_with_password(
                email_of(sandbox.state), password or sandbox.state.demo_password
            )
        assert await session.store.load() is None
    assert refused.value.details.server_code == code
    assert words in refused.value.message
    if code == "NO_PASSWORD_SET":
        assert "access token instead" in refused.value.action
    assert not session.signed_in


async def test_authenticator_code_completes_two_step_sign_in(sandbox: SandboxServer) -> None:
    state = sandbox.state
    async with open_session(sandbox) as session:
        challenge = await session.sign_in_with_password(state.mfa_email, state.demo_password)
        assert isinstance(challenge, MfaChallenge)
        assert challenge.can_enter_code
        assert not session.signed_in
        assert await session.store.load() is None  # the limited token is never kept

        with pytest.raises(errors.MfaCodeRejectedError):
            await session.complete_mfa("000000" if state.current_totp_code() != "000000" else "1")
        assert not session.signed_in

        profile = await session.complete_mfa(state.current_totp_code())
        assert profile.email == state.mfa_email
        repos = await session.list_repositories()  # a full-access token now
    assert repos
    assert state.request_count("POST", "/mfa/verify-login") == 2


async def test_a_second_step_that_took_too_long_starts_again(sandbox: SandboxServer) -> None:
    state = sandbox.state
    async with open_session(sandbox) as session:
        challenge = await session.sign_in_with_password(state.mfa_email, state.demo_password)
        assert isinstance(challenge, MfaChallenge)
        # The limited token from the password has run out by the time the code is typed.
        state.faults.add("POST", "/mfa/verify-login", Fault(status=401))
        with pytest.raises(errors.MfaTimedOutError) as late:
            await session.complete_mfa(state.current_totp_code())
    assert "took too long" in late.value.message
    assert not session.signed_in


async def test_browser_only_second_steps_are_recognised(sandbox: SandboxServer) -> None:
    state = sandbox.state
    async with open_session(sandbox) as session:
        challenge = await session.sign_in_with_password(state.magic_link_email, state.demo_password)
    assert isinstance(challenge, MfaChallenge)
    assert not challenge.can_enter_code
    assert not session.signed_in


async def test_a_pasted_limited_token_is_refused(sandbox: SandboxServer) -> None:
    state = sandbox.state
    signing_in = FlashbackClient(sandbox.url, limits=FAST_LIMITS)  # its own: no session's
    try:
        limited = await signing_in.login(state.mfa_email, state.demo_password)
    finally:
        await signing_in.aclose()
    async with open_session(sandbox) as session:
        with pytest.raises(errors.SignInRefusedError, match="two-step"):
            await session.sign_in_with_token(limited.access_token)
    assert not session.signed_in


async def test_expired_token_is_renewed_silently_and_one_conversation_created(
    sandbox: SandboxServer,
) -> None:
    state = sandbox.state
    async with open_session(sandbox) as session:
        await signed_in(session, sandbox)
        before = await session.store.load()
        # The access token dies while the person works: the server now refuses it.
        await session.tokens.adopt(
            TokenPair(state.issue_token(lifetime_s=-10), before.refresh if before else None)
        )
        state.reset_counts()
        created = await session.create_conversation(repo_id_named(sandbox, REPO))
        after = await session.store.load()
    assert created.conversation_id
    assert state.request_count("POST", "/user/refresh") == 1
    assert state.request_count("POST", "/conversation") == 1  # the clock said expired: no 401
    assert len(state.conversations_for(repo_id_named(sandbox, REPO))) == 1
    assert after is not None
    assert before is not None
    assert after.refresh != before.refresh  # the rotated refresh token was stored


async def test_a_401_is_renewed_and_replayed_exactly_once(sandbox: SandboxServer) -> None:
    state = sandbox.state
    async with open_session(sandbox) as session:
        await signed_in(session, sandbox)
        state.reset_counts()
        state.faults.add("POST", "/conversation", Fault(status=401), times=1)
        created = await session.create_conversation(repo_id_named(sandbox, REPO))
    assert created.conversation_id
    assert state.request_count("POST", "/conversation") == 2
    assert state.request_count("POST", "/user/refresh") == 1
    assert len(state.conversations_for(repo_id_named(sandbox, REPO))) == 1


async def test_a_second_401_after_renewal_is_not_replayed_again(sandbox: SandboxServer) -> None:
    state = sandbox.state
    async with open_session(sandbox) as session:
        await signed_in(session, sandbox)
        state.reset_counts()
        state.faults.add("POST", "/conversation", Fault(status=401), times=5)
        with pytest.raises(errors.UnauthorizedError):
            await session.create_conversation(repo_id_named(sandbox, REPO))
    assert state.request_count("POST", "/conversation") == 2
    assert state.request_count("POST", "/user/refresh") == 1


@pytest.mark.parametrize("status", [500, 503])
async def test_no_replay_after_a_server_error(sandbox: SandboxServer, status: int) -> None:
    state = sandbox.state
    async with open_session(sandbox) as session:
        await signed_in(session, sandbox)
        state.reset_counts()
        state.faults.add("POST", "/conversation", Fault(status=status), times=1)
        with pytest.raises(errors.ServerError):
            await session.create_conversation(repo_id_named(sandbox, REPO))
    assert state.request_count("POST", "/conversation") == 1
    assert state.request_count("POST", "/user/refresh") == 0


async def test_two_simultaneous_401s_make_one_refresh(sandbox: SandboxServer) -> None:
    state = sandbox.state
    async with open_session(sandbox) as session:
        await signed_in(session, sandbox)
        state.faults.add("GET", "/repo", Fault(status=401, delay_s=0.2), times=1)
        state.faults.add("GET", "/workspace", Fault(status=401, delay_s=0.2), times=1)
        state.reset_counts()
        repos, workspaces = await asyncio.gather(
            session.list_repositories(), session.list_workspaces()
        )
    assert repos
    assert workspaces
    assert state.request_count("POST", "/user/refresh") == 1


async def test_refresh_answering_success_false_counts_as_failed(sandbox: SandboxServer) -> None:
    state = sandbox.state
    refused = b'{"success": false, "error_code": "INVALID_REFRESH_TOKEN", "message": "no"}'
    async with open_session(sandbox) as session:
        await signed_in(session, sandbox)
        state.faults.add("POST", "/user/refresh", Fault(status=200, body=refused), times=1)
        state.faults.add("GET", "/repo", Fault(status=401), times=1)
        with pytest.raises(errors.UnauthorizedError):
            await session.list_repositories()
    assert state.request_count("POST", "/user/refresh") == 1


@pytest.mark.parametrize("status", [400, 403])
async def test_a_refresh_refused_with_another_4xx_counts_as_refused(
    sandbox: SandboxServer, status: int
) -> None:
    state = sandbox.state
    async with open_session(sandbox) as session:
        await signed_in(session, sandbox)
        state.faults.add("POST", "/user/refresh", Fault(status=status))
        state.faults.add("GET", "/repo", Fault(status=401), times=2)
        for _ in range(2):
            with pytest.raises(errors.UnauthorizedError):
                await session.list_repositories()
    assert state.request_count("POST", "/user/refresh") == 1  # not retried with the same token


async def test_a_revoked_refresh_token_ends_in_unauthorized(sandbox: SandboxServer) -> None:
    state = sandbox.state
    async with open_session(sandbox) as session:
        await signed_in(session, sandbox)
        state.revoke_refresh_tokens()
        stored = await session.store.load()
        assert stored is not None
        await session.tokens.adopt(TokenPair(state.issue_token(lifetime_s=-10), stored.refresh))
        state.reset_counts()
        with pytest.raises(errors.UnauthorizedError):
            await session.create_conversation(repo_id_named(sandbox, REPO))
        with pytest.raises(errors.UnauthorizedError):
            await session.list_repositories()
    assert state.request_count("POST", "/user/refresh") == 1  # not again for the same token
    assert state.conversations_for(repo_id_named(sandbox, REPO)) == []


async def test_a_wrong_clock_does_not_cause_a_refresh_loop(sandbox: SandboxServer) -> None:
    state = sandbox.state
    async with open_session(sandbox) as session:
        session.tokens.clock = lambda: 10_000_000_000.0  # year 2286: every token looks expired
        await signed_in(session, sandbox)
        state.reset_counts()
        for _ in range(3):
            await session.list_repositories()
    assert state.request_count("POST", "/user/refresh") == 1
    assert state.request_count("GET", "/repo") == 3


async def test_sign_out_revokes_the_refresh_token_then_forgets_both(
    sandbox: SandboxServer,
) -> None:
    state = sandbox.state
    async with open_session(sandbox) as session:
        await signed_in(session, sandbox)
        result = await session.sign_out()
        assert await session.store.load() is None
    assert result.server_problem is None
    assert state.request_count("POST", "/user/logout") == 1
    assert state.active_refresh_tokens() == 0
    assert not session.signed_in


async def test_sign_out_of_a_pasted_token_has_nothing_to_revoke(sandbox: SandboxServer) -> None:
    async with open_session(sandbox) as session:
        await session.sign_in_with_token(sandbox.state.demo_token)
        result = await session.sign_out()
    assert result == SignOutResult()
    assert sandbox.state.request_count("POST", "/user/logout") == 0
    assert not session.signed_in


class UndeletableKeyring(MemoryKeyring):
    """Saves and reads, but the keyring locked before the sign-out could remove anything."""

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")


async def test_sign_out_says_when_the_keyring_kept_the_sign_in(sandbox: SandboxServer) -> None:
    backend = UndeletableKeyring()
    store = KeyringTokenStore(canonical_origin(sandbox.url), backend)
    session = Session(sandbox.url, store, limits=FAST_LIMITS)
    try:
        await signed_in(session, sandbox)
        result = await session.sign_out()
    finally:
        await session.close()
    assert result.server_problem is None
    assert result.keyring_problem is not None
    assert result.keyring_problem.trouble is KeyringTrouble.LOCKED
    assert sandbox.state.active_refresh_tokens() == 0  # revoked on the server all the same
    assert not session.signed_in


async def test_sign_out_without_the_server_still_forgets_locally(sandbox: SandboxServer) -> None:
    async with open_session(sandbox) as session:
        await signed_in(session, sandbox)
        await asyncio.to_thread(sandbox.stop)  # the server is gone: offline, VPN down
        result = await session.sign_out()
        assert await session.store.load() is None
    assert isinstance(result.server_problem, errors.NetworkUnreachableError)
    assert not session.signed_in


async def test_a_refusal_echoing_the_password_keeps_it_nowhere_in_the_error(
    sandbox: SandboxServer,
) -> None:
    """Not in the message, the details, nor the chained exception a traceback would print
    (the crash dialog and the task manager's log format whole tracebacks)."""
    password = "Echoed-Pa55word-in-a-refusal"
    body = (
        '{"success": false, "error_code": "INVALID_PASSWORD", '
        f'"message": "Password {password} is wrong"}}'
    )
    sandbox.state.faults.add("POST", "/user/login", Fault(status=400, body=body))
    async with open_session(sandbox) as session:
        with pytest.raises(errors.FlashbackError) as caught:
            await session.sign_in_with_password(sandbox.state.demo_email, password)
    printed = "".join(traceback.format_exception(caught.value))
    assert "is wrong" in printed or "not right" in printed  # the refusal itself is there
    assert password not in printed
    assert password not in repr(caught.value.details)


async def test_a_sign_in_answer_with_an_empty_refresh_token_signs_in_without_one(
    sandbox: SandboxServer,
) -> None:
    """An empty refresh token means "none" (as for a pasted token), not an unreadable one."""
    async with httpx.AsyncClient(base_url=sandbox.url) as raw:
        answer = (
            await raw.post(
                "/user/login",
                json={"email": sandbox.state.demo_email, "password": sandbox.state.demo_password},
            )
        ).json()
    answer["refreshToken"] = ""
    sandbox.state.faults.add("POST", "/user/login", Fault(status=200, body=json.dumps(answer)))
    async with open_session(sandbox) as session:
        profile = await signed_in(session, sandbox)
        stored = await session.store.load()
    assert profile.email == sandbox.state.demo_email
    assert stored is not None
    assert stored.access == answer["accessToken"]
    assert not stored.refresh
