"""The whole client, fed arbitrary 2xx bodies over loopback (a property test, Hypothesis).

Whatever the body, a call returns records or raises the client's own errors: the
unreadable-answer error, or a refusal when the answer says ``success: false``.
"""

from __future__ import annotations

import asyncio
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from flashback_desktop.api import errors
from flashback_desktop.api.client import FlashbackClient
from tests.integration.test_hostile_answers import (
    NO_RETRIES,
    Call,
    conversations,
    create,
    ok,
    profile,
    repos,
)
from tests.support.canned_http import CannedHttpServer
from tests.unit.test_decoders_property import BYTES, JSON


def test_the_client_turns_any_2xx_body_into_records_or_its_own_errors() -> None:
    """Property test through the whole client over loopback: arbitrary bodies with a 200."""
    calls: list[Call] = [repos, conversations, profile, create]
    bodies = BYTES | JSON.map(lambda value: json.dumps(value).encode())
    with CannedHttpServer(b"") as server:
        loop = asyncio.new_event_loop()
        client = FlashbackClient(
            server.url, credentials="token-for-hostile-tests", limits=NO_RETRIES
        )

        @settings(max_examples=60, deadline=None)
        @given(body=bodies, which=st.integers(0, len(calls) - 1))
        def check(body: bytes, which: int) -> None:
            server.raw = ok(body)
            try:
                loop.run_until_complete(calls[which](client))
            except errors.UnreadableResponseError:
                pass
            except errors.BadRequestError:  # a refusal: only from a success:false answer
                assert b'"success": false' in body

        try:
            check()
        finally:
            loop.run_until_complete(client.aclose())
            loop.close()
