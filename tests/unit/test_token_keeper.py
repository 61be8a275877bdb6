"""The token keeper's decisions: when to refresh, how often, and what to trust.

The refresh call here is a small recording function; the same flows run against the
sandbox over HTTP in tests/integration/test_sign_in_flows.py.
"""

from __future__ import annotations

import asyncio
import base64
import json
import time

import pytest

from flashback_desktop.api import errors
from flashback_desktop.api.credentials import Bearer
from flashback_desktop.api.models import LoginResult
from flashback_desktop.session.token_keeper import TokenKeeper
from flashback_desktop.session.token_store import MemoryTokenStore, TokenPair


def jwt(exp: float, tag: str = "") -> str:
    claims = base64.urlsafe_b64encode(json.dumps({"exp": int(exp), "tag": tag}).encode())
    return f"header.{claims.rstrip(b'=').decode()}.signature"


class RecordingRefresh:
    """Hands out numbered pairs, like the server's rotating refresh."""

    def __init__(self, lifetime_s: float = 3600, *, refuse: bool = False) -> None:
        self.lifetime_s = lifetime_s
        self.refuse = refuse
        self.used: list[str] = []

    async def __call__(self, refresh_token: str) -> LoginResult:
        self.used.append(refresh_token)
        await asyncio.sleep(0.01)  # let concurrent callers pile up behind the lock
        if self.refuse:
            raise errors.UnauthorizedError()
        number = len(self.used)
        return LoginResult(jwt(time.time() + self.lifetime_s, f"a{number}"), f"refresh-{number}")


async def token_of(keeper: TokenKeeper) -> str | None:
    bearer = await keeper.bearer()
    return bearer.token if bearer else None


async def current(keeper: TokenKeeper) -> Bearer:
    bearer = await keeper.bearer()
    assert bearer is not None
    return bearer


async def keeper_with(
    pair: TokenPair, refresh: RecordingRefresh, clock_offset_s: float = 0.0
) -> tuple[TokenKeeper, MemoryTokenStore]:
    store = MemoryTokenStore()
    keeper = TokenKeeper(store, refresh, clock=lambda: time.time() + clock_offset_s)
    await keeper.adopt(pair)
    return keeper, store


@pytest.mark.asyncio
async def test_a_valid_token_is_used_without_refreshing() -> None:
    refresh = RecordingRefresh()
    access = jwt(time.time() + 3600)
    keeper, _ = await keeper_with(TokenPair(access, "refresh-0"), refresh)
    assert await token_of(keeper) == access
    assert refresh.used == []


@pytest.mark.asyncio
async def test_an_expired_token_is_refreshed_once_and_the_rotated_pair_stored() -> None:
    refresh = RecordingRefresh()
    keeper, store = await keeper_with(TokenPair(jwt(time.time() - 5), "refresh-0"), refresh)
    fresh = await token_of(keeper)
    assert refresh.used == ["refresh-0"]
    assert await store.load() == TokenPair(fresh or "", "refresh-1")
    assert await token_of(keeper) == fresh
    assert refresh.used == ["refresh-0"]


@pytest.mark.asyncio
async def test_many_simultaneous_rejections_make_one_refresh() -> None:
    refresh = RecordingRefresh()
    stale = jwt(time.time() + 3600, "stale")
    keeper, _ = await keeper_with(TokenPair(stale, "refresh-0"), refresh)
    rejected = await current(keeper)
    renewed = await asyncio.gather(*(keeper.renew(rejected) for _ in range(5)))
    assert refresh.used == ["refresh-0"]
    assert len({bearer.token for bearer in renewed if bearer}) == 1
    assert renewed[0] is not None
    assert renewed[0].token != stale


@pytest.mark.asyncio
async def test_a_rejection_after_the_renewal_finished_does_not_refresh_again() -> None:
    """Even when the server hands out the very same token string again (same second)."""
    same = jwt(time.time() + 3600, "same")

    async def same_token(refresh_token: str) -> LoginResult:
        used.append(refresh_token)
        return LoginResult(same, f"{refresh_token}+1")

    used: list[str] = []
    keeper = TokenKeeper(MemoryTokenStore(), same_token)
    await keeper.adopt(TokenPair(same, "refresh-0"))
    rejected = await current(keeper)
    first = await keeper.renew(rejected)
    second = await keeper.renew(rejected)  # a slower request's 401 arrives afterwards
    assert used == ["refresh-0"]
    assert first == second


@pytest.mark.asyncio
async def test_a_refused_refresh_is_not_tried_again_for_the_same_token() -> None:
    refresh = RecordingRefresh(refuse=True)
    stale = jwt(time.time() - 5)
    keeper, _ = await keeper_with(TokenPair(stale, "refresh-0"), refresh)
    sent = await current(keeper)
    assert sent.token == stale  # sent anyway: the server decides
    assert await keeper.renew(sent) is None
    assert refresh.used == ["refresh-0"]


@pytest.mark.asyncio
async def test_a_clock_far_ahead_causes_one_refresh_not_a_loop() -> None:
    refresh = RecordingRefresh()
    keeper, _ = await keeper_with(
        TokenPair(jwt(time.time() + 3600), "refresh-0"), refresh, clock_offset_s=7200
    )
    first = await token_of(keeper)
    for _ in range(5):
        assert await token_of(keeper) == first
    assert refresh.used == ["refresh-0"]
    assert not keeper.trusts_clock


@pytest.mark.asyncio
async def test_a_pair_rotated_by_another_copy_is_used_instead_of_refreshing() -> None:
    refresh = RecordingRefresh()
    stale = jwt(time.time() + 3600, "mine")
    keeper, store = await keeper_with(TokenPair(stale, "refresh-0"), refresh)
    rejected = await current(keeper)
    theirs = TokenPair(jwt(time.time() + 3600, "theirs"), "refresh-theirs")
    await store.save(theirs)  # what the other process wrote to the keyring
    renewed = await keeper.renew(rejected)
    assert renewed is not None
    assert renewed.token == theirs.access
    assert refresh.used == []
    assert keeper.refresh_token == "refresh-theirs"


@pytest.mark.asyncio
async def test_without_a_refresh_token_there_is_nothing_to_renew() -> None:
    refresh = RecordingRefresh()
    stale = jwt(time.time() - 5)
    keeper, _ = await keeper_with(TokenPair(stale, None), refresh)
    assert await keeper.renew(await current(keeper)) is None
    assert refresh.used == []


@pytest.mark.asyncio
async def test_network_trouble_while_refreshing_reaches_the_caller() -> None:
    async def unreachable(_refresh_token: str) -> LoginResult:
        raise errors.NetworkUnreachableError()

    stale = jwt(time.time() - 5)
    keeper = TokenKeeper(MemoryTokenStore(), unreachable)
    await keeper.adopt(TokenPair(stale, "refresh-0"))
    with pytest.raises(errors.NetworkUnreachableError):
        await keeper.renew(Bearer(stale, 1))


@pytest.mark.asyncio
async def test_signing_out_during_a_renewal_is_not_undone_by_it() -> None:
    release = asyncio.Event()

    async def slow_refresh(refresh_token: str) -> LoginResult:
        await release.wait()
        return LoginResult(jwt(time.time() + 3600, "late"), "refresh-late")

    store = MemoryTokenStore()
    keeper = TokenKeeper(store, slow_refresh)
    await keeper.adopt(TokenPair(jwt(time.time() - 5), "refresh-0"))
    renewal = asyncio.ensure_future(keeper.bearer())
    await asyncio.sleep(0.01)  # the renewal is now waiting for the server
    await keeper.forget()
    release.set()
    await renewal
    assert not keeper.signed_in
    assert await store.load() is None


@pytest.mark.asyncio
async def test_requests_waiting_on_a_failed_renewal_share_its_failure() -> None:
    calls: list[str] = []

    async def failing(refresh_token: str) -> LoginResult:
        calls.append(refresh_token)
        await asyncio.sleep(0.01)
        raise errors.ServerError()

    keeper = TokenKeeper(MemoryTokenStore(), failing)
    await keeper.adopt(TokenPair(jwt(time.time() + 3600), "refresh-0"))
    rejected = await current(keeper)
    results = await asyncio.gather(
        *(keeper.renew(rejected) for _ in range(3)), return_exceptions=True
    )
    assert all(isinstance(result, errors.ServerError) for result in results)
    assert calls == ["refresh-0"]  # one attempt for the three requests
    with pytest.raises(errors.ServerError):
        await keeper.renew(rejected)  # a later try (Try again) does ask the server again
    assert calls == ["refresh-0", "refresh-0"]


@pytest.mark.asyncio
async def test_an_unreadable_pair_from_another_copy_is_not_taken() -> None:
    refresh = RecordingRefresh()
    keeper, store = await keeper_with(TokenPair(jwt(time.time() + 3600), "refresh-0"), refresh)
    rejected = await current(keeper)
    await store.save(TokenPair("theirs\r\nbroken", "refresh-theirs"))  # an older copy's bug
    renewed = await keeper.renew(rejected)
    assert renewed is not None
    assert "\r" not in renewed.token
    assert refresh.used == ["refresh-0"]  # refreshed its own pair instead


@pytest.mark.asyncio
async def test_a_refresh_answer_with_an_unusable_token_is_a_refused_renewal() -> None:
    class ControlCharacters(RecordingRefresh):
        async def __call__(self, refresh_token: str) -> LoginResult:
            self.used.append(refresh_token)
            return LoginResult("access\nwith a newline", "refresh-new")

    refresh = ControlCharacters()
    keeper, store = await keeper_with(TokenPair(jwt(time.time() + 3600), "refresh-0"), refresh)
    assert await keeper.renew(await current(keeper)) is None
    assert await keeper.renew(await current(keeper)) is None
    assert refresh.used == ["refresh-0"]  # refused once, never tried again
    stored = await store.load()
    assert stored is not None
    assert stored.refresh == "refresh-0"  # nothing unusable was saved


@pytest.mark.asyncio
async def test_a_cancelled_request_does_not_stop_the_renewal_others_await() -> None:
    started, release = asyncio.Event(), asyncio.Event()

    async def slow_refresh(refresh_token: str) -> LoginResult:
        started.set()
        await release.wait()
        return LoginResult(jwt(time.time() + 3600, "renewed"), "refresh-1")

    store = MemoryTokenStore()
    keeper = TokenKeeper(store, slow_refresh)
    await keeper.adopt(TokenPair(jwt(time.time() + 3600), "refresh-0"))
    rejected = await current(keeper)
    cancelled = asyncio.ensure_future(keeper.renew(rejected))
    waiting = asyncio.ensure_future(keeper.renew(rejected))
    await started.wait()
    cancelled.cancel()
    release.set()
    renewed = await waiting
    assert renewed is not None
    stored = await store.load()
    assert stored == TokenPair(renewed.token, "refresh-1")  # the rotated pair was kept
    assert cancelled.cancelled()
