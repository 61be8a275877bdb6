"""After "may have been created": look for the conversation instead of inviting a blind retry.

A timeout, a dropped connection, a gateway's 502/504 or an unreadable 2xx leave it open
whether Flashback created the conversation. The repository's newest conversations answer
that: one by this person, created after the click (on the server's clock) and not already
shown to them, is the one they asked for. A conversation they made elsewhere a minute
before the click must not be mistaken for it, so the moment of the click is translated to
the server's clock with the Date header of its latest response.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta

from flashback_desktop.api.client import FlashbackClient
from flashback_desktop.api.models import Conversation

# The server's clock is known to about a second (Date headers count whole seconds).
SERVER_CLOCK_SLACK = timedelta(seconds=1)
# With no Date header seen yet, this computer's clock is all there is: allow it to run a
# few minutes ahead of the server's.
LOCAL_CLOCK_ALLOWANCE = timedelta(minutes=5)
NEWEST_TO_CHECK = 10


async def find_created_conversation(
    client: FlashbackClient,
    repo_id: str,
    user_id: str,
    asked_at: datetime,
    already_shown: Collection[str],
) -> Conversation | None:
    """The conversation the interrupted request created, or None when there is none."""
    page = await client.list_conversations(repo_id, take=NEWEST_TO_CHECK)
    on_server = client.server_time(asked_at)
    since = (
        asked_at - LOCAL_CLOCK_ALLOWANCE if on_server is None else on_server - SERVER_CLOCK_SLACK
    )
    candidates = [
        conversation
        for conversation in page.conversations
        if conversation.created_by == user_id
        and conversation.id not in already_shown
        and conversation.created_at is not None
        and conversation.created_at >= since
    ]
    return max(candidates, key=lambda c: c.created_at or since, default=None)
