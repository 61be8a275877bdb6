"""A long repository list over real loopback HTTP: decoded in slices with the loop running
between them, and, when it is bad, failing exactly as a short one does."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import json
from collections.abc import Generator
from typing import Any

import pytest

from flashback_desktop.api import client as client_module
from flashback_desktop.api import errors, exchange, models
from flashback_desktop.api.models import Body, Repository
from flashback_desktop.sandbox import make_repos
from tests.integration.test_hostile_answers import outcome, repos
from tests.support.canned_http import answer

pytestmark = pytest.mark.asyncio

COUNT = 3_000  # about 4.5 MB: above the size decoded in slices


def long_list(**extra: Any) -> bytes:
    body = json.dumps({"success": True, "repos": make_repos(COUNT), **extra}).encode()
    assert len(body) > exchange.SLICED_BODY_BYTES
    return body


async def test_a_long_list_decodes_in_slices_while_the_loop_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    turns = 0
    seen_at_pauses: list[int] = []

    async def ticker() -> None:
        nonlocal turns
        while True:
            await asyncio.sleep(0)
            turns += 1

    def watched(body: Body) -> Generator[None, None, tuple[Repository, ...]]:
        steps = models.decode_repositories_in_slices(body)
        while True:
            try:
                next(steps)
            except StopIteration as done:
                return done.value  # type: ignore[no-any-return]
            seen_at_pauses.append(turns)
            yield

    monkeypatch.setattr(client_module, "decode_repositories_in_slices", watched)
    body = long_list()
    ticking = asyncio.create_task(ticker())
    try:
        result = await outcome(answer("200 OK", body), repos)
    finally:
        ticking.cancel()
    assert result == models.decode_repositories(body)
    assert len(seen_at_pauses) == COUNT // models.REPOSITORIES_PER_SLICE + 1
    # The other task ran between every two slices: the window would have painted there.
    assert all(b > a for a, b in itertools.pairwise(seen_at_pauses))


@pytest.mark.parametrize(
    "body",
    [
        long_list()[:-100],  # cut
        long_list().replace(b'"name"', b'"name":', 1),  # not JSON
        long_list()[:-2] + b',{"id": 7}]}',  # a bad record in the last slice
        long_list(success=False, message="Not for you"),  # a refusal
    ],
    ids=["cut", "not JSON", "bad last record", "refusal"],
)
async def test_a_long_bad_list_fails_as_a_short_one_would(body: bytes) -> None:
    sliced = await outcome(answer("200 OK", body), repos)
    exchange.SLICED_BODY_BYTES, kept = len(body) + 1, exchange.SLICED_BODY_BYTES
    try:
        in_one_go = await outcome(answer("200 OK", body), repos)
    finally:
        exchange.SLICED_BODY_BYTES = kept
    assert isinstance(in_one_go, errors.FlashbackError)
    assert type(sliced) is type(in_one_go)
    # The same words and details, but for the canned server's port and the moment.
    moment = in_one_go.details.occurred_at
    assert dataclasses.replace(sliced.details, url="", occurred_at=moment) == dataclasses.replace(
        in_one_go.details, url=""
    )
    assert (sliced.message, sliced.action) == (in_one_go.message, in_one_go.action)
