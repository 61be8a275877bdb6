"""After "may have been created": look for the conversation instead of inviting a blind retry.

A timeout, a dropped connection, a gateway's 502/504 or an unreadable 2xx leave it open
whether Flashback created the conversation. The repository's newest conversations answer
that: the first one by this person created after the click (on the server's clock) and not
already shown to them is the one they asked for. A conversation they made elsewhere a minute
before the click must not be mistaken for it, so the click is placed on the server's clock:
the lookup answer's own Date header, minus the time that has passed here since the click.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flashback_desktop.api.client import FlashbackClient
from flashback_desktop.api.models import Conversation

# A Date header counts whole seconds, so the click is placed up to a second early.
SERVER_CLOCK_SLACK = timedelta(seconds=1)
# With no Date header, this computer's clock is all there is: allow it to run a few minutes
# ahead of the server's.
LOCAL_CLOCK_ALLOWANCE = timedelta(minutes=5)
NEWEST_TO_CHECK = 10


@dataclass(frozen=True)
class Click:
    """When the person asked, on the wall clock and on the monotonic clock."""

    at: datetime
    monotonic: float


async def find_created_conversation(
    client: FlashbackClient,
    repo_id: str,
    user_id: str,
    click: Click,
    already_shown: Collection[str],
) -> Conversation | None:
    """The conversation the interrupted request created, or None when there is none."""
    page = await client.list_conversations(repo_id, user_id=user_id, take=NEWEST_TO_CHECK)
    since = click_on_server_clock(client, click)
    candidates = [
        (created, conversation)
        for conversation in page.conversations
        if conversation.created_by == user_id
        and conversation.id not in already_shown
        and (created := _aware(conversation.created_at)) is not None
        and created >= since
    ]
    # The earliest after the click: anything later came from a later request.
    return min(candidates, key=lambda pair: pair[0], default=(since, None))[1]


def _aware(moment: datetime | None) -> datetime | None:
    """A date without a time zone (some servers drop it) is taken as UTC, as Flashback
    writes it; comparing it with the click's zoned time would raise."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def click_on_server_clock(client: FlashbackClient, click: Click) -> datetime:
    if client.server_clock is None:
        return click.at - LOCAL_CLOCK_ALLOWANCE
    server_now, received = client.server_clock
    return server_now - timedelta(seconds=received - click.monotonic) - SERVER_CLOCK_SLACK
