"""The New Conversation policy without Qt: each outcome against the sandbox over loopback."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest

from flashback_desktop.api import errors
from flashback_desktop.api.models import UserProfile
from flashback_desktop.sandbox import Fault, SandboxServer
from flashback_desktop.session.conversation_service import (
    ConversationService,
    Created,
    Failed,
    NeedsSignIn,
    Stale,
    Unresolved,
)
from flashback_desktop.session.session import Session
from flashback_desktop.session.token_store import MemoryTokenStore
from tests.conftest import FAST_LIMITS
from tests.support.sandbox_data import repo_id_named

pytestmark = pytest.mark.asyncio

REPO = "Contracts 2026"
CREATE = ("POST", "/conversation")
LOOKUP = ("GET", "/conversation")


@contextlib.asynccontextmanager
async def signed_in(sandbox: SandboxServer) -> AsyncIterator[Session]:
    session = Session(sandbox.url, MemoryTokenStore(), limits=FAST_LIMITS)
    try:
        state = sandbox.state
        profile = await session.sign_in_with_password(state.demo_email, state.demo_password)
        assert isinstance(profile, UserProfile)
        yield session
    finally:
        await session.close()


class Waits:
    """The service's sleeps, recorded and skipped: the delays are asserted, not waited."""

    def __init__(self) -> None:
        self.asked: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.asked.append(seconds)


def service_for(session: Session, waits: Waits | None = None) -> ConversationService:
    return ConversationService(session, lookup_delays_s=(0.0, 2.0, 5.0), sleep=waits or Waits())


async def test_created_is_shown_and_never_claimed_again(sandbox: SandboxServer) -> None:
    repo_id = repo_id_named(sandbox, REPO)
    async with signed_in(sandbox) as session:
        service = service_for(session)
        first = await service.create(repo_id)
        assert isinstance(first, Created)
        assert not first.after_lost_answer
        assert [c["id"] for c in sandbox.state.conversations_for(repo_id)] == [
            first.conversation_id
        ]
        # The next request's connection is reset: nothing new is created, and the one just
        # shown (well inside the clock allowance) is not taken for it.
        sandbox.state.faults.add(*CREATE, Fault(reset=True))
        outcome = await service.create(repo_id)
    assert isinstance(outcome, Unresolved)
    assert outcome.lookup_failure is None
    assert isinstance(outcome.error, errors.FlashbackError)
    assert sandbox.state.request_count(*CREATE) == 2


async def test_a_lost_answer_is_found_after_the_lookup_begins(sandbox: SandboxServer) -> None:
    repo_id = repo_id_named(sandbox, REPO)
    sandbox.state.faults.add(*CREATE, Fault(lose_answer=True))
    checking: list[bool] = []
    async with signed_in(sandbox) as session:
        outcome = await service_for(session).create(repo_id, checking=lambda: checking.append(True))
    on_server = [c["id"] for c in sandbox.state.conversations_for(repo_id)]
    assert outcome == Created(on_server[0], after_lost_answer=True)
    assert len(on_server) == 1
    assert checking == [True]
    assert sandbox.state.request_count(*LOOKUP) == 1  # found at the first look


async def test_nothing_created_is_looked_for_at_each_delay(sandbox: SandboxServer) -> None:
    repo_id = repo_id_named(sandbox, REPO)
    sandbox.state.faults.add(*CREATE, Fault(reset=True))
    waits = Waits()
    async with signed_in(sandbox) as session:
        outcome = await service_for(session, waits).create(repo_id)
    assert isinstance(outcome, Unresolved)
    assert outcome.lookup_failure is None
    assert waits.asked == [0.0, 2.0, 3.0]  # each wait counts from the one before
    assert sandbox.state.request_count(*LOOKUP) == 3
    assert sandbox.state.conversations_for(repo_id) == []


async def test_a_failed_lookup_is_reported_with_the_lost_answer(sandbox: SandboxServer) -> None:
    repo_id = repo_id_named(sandbox, REPO)
    sandbox.state.faults.add(*CREATE, Fault(reset=True))
    sandbox.state.faults.add(*LOOKUP, Fault(status=503), times=None)
    async with signed_in(sandbox) as session:
        outcome = await service_for(session).create(repo_id)
    assert isinstance(outcome, Unresolved)
    assert isinstance(outcome.lookup_failure, errors.ServerError)


async def test_a_refusal_is_a_failure_without_a_lookup(sandbox: SandboxServer) -> None:
    sandbox.state.faults.add(*CREATE, Fault(status=404))
    async with signed_in(sandbox) as session:
        outcome = await service_for(session).create(repo_id_named(sandbox, REPO))
    assert isinstance(outcome, Failed)
    assert isinstance(outcome.error, errors.NotFoundError)
    assert sandbox.state.request_count(*LOOKUP) == 0


async def test_an_expired_sign_in_names_whose_it_was(sandbox: SandboxServer) -> None:
    session = Session(sandbox.url, MemoryTokenStore(), limits=FAST_LIMITS)
    try:
        # A pasted token has no refresh token: a 401 cannot be renewed away.
        profile = await session.sign_in_with_token(sandbox.state.demo_token)
        sandbox.state.faults.add(*CREATE, Fault(status=401), times=None)
        outcome = await service_for(session).create(repo_id_named(sandbox, REPO))
    finally:
        await session.close()
    assert outcome == NeedsSignIn(profile.id)
    assert sandbox.state.request_count(*LOOKUP) == 0


async def test_an_answer_after_sign_out_is_stale(sandbox: SandboxServer) -> None:
    repo_id = repo_id_named(sandbox, REPO)
    sandbox.state.faults.add(*CREATE, Fault(delay_s=0.5))
    async with signed_in(sandbox) as session:
        creating = asyncio.ensure_future(service_for(session).create(repo_id))
        while sandbox.state.request_count(*CREATE) == 0:  # the request has reached the server
            await asyncio.sleep(0.01)
        await session.sign_out()
        outcome = await creating
    assert outcome == Stale()
    assert len(sandbox.state.conversations_for(repo_id)) == 1  # created, just not shown
