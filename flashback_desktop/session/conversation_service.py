"""New Conversation as a decision the window only shows: create, and after a lost answer look.

A timeout, a dropped connection, a gateway's 502/504 or an unreadable 2xx leave it open
whether Flashback created the conversation. The repository's newest conversations answer
that: the first one by this person created after the click (on the server's clock) and not
already shown to them is the one they asked for. A conversation they made elsewhere a minute
before the click must not be mistaken for it, so the click is placed on the server's clock:
the lookup answer's own Date header, minus the time that has passed here since the click.

No Qt here: the service returns an outcome and the window says it (tests/unit drive it
against the sandbox over loopback).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from flashback_desktop.api import errors
from flashback_desktop.api.models import Conversation

if TYPE_CHECKING:  # session.py imports the chat, which imports this module; and the
    # window imports this module before httpx has loaded
    from flashback_desktop.session.session import Session

log = logging.getLogger("flashback.session")

# A Date header counts whole seconds, so the click is placed up to a second early.
SERVER_CLOCK_SLACK = timedelta(seconds=1)
# With no Date header, this computer's clock is all there is: allow it to run a few minutes
# ahead of the server's.
LOCAL_CLOCK_ALLOWANCE = timedelta(minutes=5)
NEWEST_TO_CHECK = 10
# When to look for a conversation whose answer was lost: a slow server may still be
# creating it, so look more than once before saying it did not appear.
LOOKUP_DELAYS_S: tuple[float, ...] = (0.0, 2.0, 5.0)


@dataclass(frozen=True)
class Click:
    """When the person asked, on the wall clock and on the monotonic clock."""

    at: datetime
    monotonic: float

    @staticmethod
    def now() -> Click:
        return Click(datetime.now(UTC), time.monotonic())


# ---- outcomes ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Created:
    """Flashback created it; ``after_lost_answer`` when only the lookup could tell."""

    conversation_id: str
    after_lost_answer: bool = False


@dataclass(frozen=True)
class Unresolved:
    """The answer was lost and no new conversation was found (or the lookup failed too)."""

    error: errors.FlashbackError
    lookup_failure: errors.FlashbackError | None


@dataclass(frozen=True)
class NeedsSignIn:
    """The sign-in ran out; nothing was created (auth is checked first). ``user_id``: whose."""

    user_id: str | None


@dataclass(frozen=True)
class Failed:
    """Flashback said no, or could not be reached: nothing was created."""

    error: errors.FlashbackError


@dataclass(frozen=True)
class Stale:
    """Signed out meanwhile: the answer belongs to a sign-in that has ended; say nothing."""


CreateOutcome = Created | Unresolved | NeedsSignIn | Failed | Stale


class ConversationService:
    """Creates conversations for one session and remembers which it has shown."""

    def __init__(
        self,
        session: Session,
        *,
        lookup_delays_s: tuple[float, ...] = LOOKUP_DELAYS_S,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self.session = session
        self.lookup_delays_s = lookup_delays_s
        self._sleep = sleep
        self._shown: set[str] = set()  # so a lookup never claims an old one

    def mark_shown(self, conversation_id: str) -> None:
        self._shown.add(conversation_id)

    async def create(
        self, repo_id: str, *, checking: Callable[[], None] | None = None
    ) -> CreateOutcome:
        """Create one conversation; ``checking`` is called when the lookup begins."""
        generation = self.session.generation
        click = Click.now()
        try:
            created = await self.session.create_conversation(repo_id)
        except errors.FlashbackError as exc:
            if self.session.generation != generation:
                return Stale()
            return await self._failed(repo_id, exc, click, generation, checking)
        if self.session.generation != generation:
            log.info("A conversation created before the sign-out is not shown")
            return Stale()
        log.info("Created conversation %s", created.conversation_id)
        self.mark_shown(created.conversation_id)
        return Created(created.conversation_id)

    async def _failed(
        self,
        repo_id: str,
        exc: errors.FlashbackError,
        click: Click,
        generation: int,
        checking: Callable[[], None] | None,
    ) -> CreateOutcome:
        if isinstance(exc, errors.UnauthorizedError):
            log.info("Creating a conversation needs a new sign-in; it resumes afterwards")
            profile = self.session.profile
            return NeedsSignIn(profile.id if profile is not None else None)
        log.warning("Creating a conversation for repository %s failed: %s", repo_id, exc)
        if not errors.may_have_been_processed(exc):
            return Failed(exc)
        if checking is not None:
            checking()
        found, lookup_failure = await self._find_created(repo_id, click)
        if self.session.generation != generation:
            return Stale()
        if found is None:
            return Unresolved(exc, lookup_failure)
        log.info("The conversation was created after all: %s", found.id)
        self.mark_shown(found.id)
        return Created(found.id, after_lost_answer=True)

    async def _find_created(
        self, repo_id: str, click: Click
    ) -> tuple[Conversation | None, errors.FlashbackError | None]:
        """Look a few times, a little later each time; stop at the first sign of it."""
        failure: errors.FlashbackError | None = None
        waited = 0.0
        for delay in self.lookup_delays_s:
            await self._sleep(delay - waited)
            waited = delay
            try:
                profile = self.session.profile or await self.session.load_profile()
                found = await find_created_conversation(
                    self.session, repo_id, profile.id, click, self._shown
                )
            except errors.FlashbackError as exc:
                log.warning("Looking for the possibly created conversation failed: %s", exc)
                failure = exc
                continue
            failure = None
            if found is not None:
                return found, None
        return None, failure


class ServerClock(Protocol):
    """Whatever knows the server's time from its last Date header (a client, a session)."""

    @property
    def server_clock(self) -> tuple[datetime, float] | None: ...


async def find_created_conversation(
    session: Session,
    repo_id: str,
    user_id: str,
    click: Click,
    already_shown: Collection[str],
) -> Conversation | None:
    """The conversation the interrupted request created, or None when there is none."""
    page = await session.list_conversations(repo_id, user_id=user_id, take=NEWEST_TO_CHECK)
    since = click_on_server_clock(session, click)
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


def click_on_server_clock(client: ServerClock, click: Click) -> datetime:
    if client.server_clock is None:
        return click.at - LOCAL_CLOCK_ALLOWANCE
    server_now, received = client.server_clock
    return server_now - timedelta(seconds=received - click.monotonic) - SERVER_CLOCK_SLACK
