"""Talking in a conversation, without Qt: send a prompt once, settle what is unclear by
reading, and wait for the reply by reading again.

A prompt is never sent twice by this module. The client replays it only after a 401 (the
server did nothing then); after a timeout, a dropped connection, a 5xx or an unreadable 2xx
the prompt may or may not be on the server, and the messages say which: a user message with
this text, created after the click and not one the app already knew, means it was sent.

The reply's shape in the POST's answer is undocumented, so it is used only when it is plainly
the assistant's answer; otherwise the messages are read again, backing off 1, 2, 4 … s, until
a newer assistant message appears or the caller's deadline passes. Cancel by cancelling the
task that waits.

A person may also stop waiting for the POST's answer (``stop_waiting``, the window's Cancel
while a slow server has not answered): the request is given up, and since it may or may not
have reached the server, that is settled by reading the messages like a lost answer.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from flashback_desktop.api import errors
from flashback_desktop.api.chat_models import ROLE_USER, AiModel, ConversationMessages, Message
from flashback_desktop.api.client import FlashbackClient
from flashback_desktop.session.conversation_service import Click, click_on_server_clock

log = logging.getLogger("flashback.chat")

Sleep = Callable[[float], Awaitable[object]]
Clock = Callable[[], float]
T = TypeVar("T")


class StoppedWaiting(errors.FlashbackError):
    """The person stopped waiting for the prompt's answer (Cancel while it was on its way).
    Like a lost answer: the prompt may or may not be on the server. The outcome that carries
    it (SentAfterLostAnswer, NotSent, Unresolved) is said in the person's own terms."""


@dataclass(frozen=True)
class ChatTimings:
    """How long to wait between reads; tests shrink them so nothing sleeps for seconds."""

    # Waiting for the reply: the first re-read after this, then twice as long each time.
    first_check_s: float = 1.0
    # After an unclear outcome: reads this long after it (each counted from the previous
    # read), until the prompt is found. A slow server may store it a moment after the app
    # gave up waiting, so one read straight away is not enough to say "not sent".
    settle_delays_s: tuple[float, ...] = (0.0, 1.0, 2.0, 4.0)


@dataclass(frozen=True)
class PromptTurn:
    """One prompt the app sent: what the reply is looked for after."""

    conversation_id: str
    prompt: str
    click: Click
    # The accepted user message, when the server's answer or the messages showed it.
    user_message: Message | None
    # Messages the app knew in this conversation before the click.
    known_ids: frozenset[str] = field(default_factory=frozenset, repr=False)


# ---- what a send came to ---------------------------------------------------------------------


@dataclass(frozen=True)
class Sent:
    """Flashback accepted the prompt: ``turn.user_message`` is the stored prompt (from the
    answer, or else found in the messages). ``reply`` only when the answer plainly carries
    it; otherwise ``wait_for_reply``."""

    turn: PromptTurn
    reply: Message | None = None


@dataclass(frozen=True)
class SentAfterLostAnswer:
    """The answer was lost (``error``), but the messages show Flashback has the prompt."""

    turn: PromptTurn
    error: errors.FlashbackError


@dataclass(frozen=True)
class NotSent:
    """The answer was lost (``error``), and the messages show Flashback does not have the
    prompt: sending it again will not make a second one."""

    error: errors.FlashbackError


@dataclass(frozen=True)
class Unresolved:
    """The prompt may or may not be on Flashback. Never send it again blindly.

    Either the answer was lost (``error``) and the messages could not be read
    (``check_error``), or Flashback said yes without showing the prompt and the messages
    do not show it either (``check_error`` None).
    """

    error: errors.FlashbackError
    check_error: errors.FlashbackError | None


@dataclass(frozen=True)
class NeedsSignIn:
    """The sign-in ran out and could not be renewed; the server did nothing with the prompt."""

    error: errors.FlashbackError


@dataclass(frozen=True)
class Blocked:
    """An organisation's policy refused the prompt; ``reason`` is the server's own words
    (plain text, one line, capped), empty when it gave none."""

    reason: str
    error: errors.PromptBlockedError


@dataclass(frozen=True)
class Failed:
    """Flashback said no, or could not be reached: the prompt was not stored."""

    error: errors.FlashbackError


@dataclass(frozen=True)
class AlreadySending:
    """A prompt to this conversation is still on its way: this one was not sent."""


SendOutcome = (
    Sent
    | SentAfterLostAnswer
    | NotSent
    | Unresolved
    | NeedsSignIn
    | Blocked
    | Failed
    | AlreadySending
)


# ---- waiting for the reply -------------------------------------------------------------------


@dataclass(frozen=True)
class WaitProgress:
    """Told to the caller before each pause, so it can say "waiting… up to N s"."""

    elapsed_s: float
    deadline_s: float
    next_check_in_s: float
    last_error: errors.FlashbackError | None = None  # a read that failed for a moment


@dataclass(frozen=True)
class ReplyWait:
    """What waiting came to: the reply, or None when the deadline passed first."""

    reply: Message | None
    messages: ConversationMessages | None  # the latest read, for the caller to show


Progress = Callable[[WaitProgress], None]


class ConversationChat:
    """Prompts, messages and models over one client; one send in flight per conversation."""

    def __init__(
        self,
        client: FlashbackClient,
        *,
        timings: ChatTimings | None = None,
        sleep: Sleep = asyncio.sleep,
        clock: Clock = time.monotonic,
    ) -> None:
        self._client = client
        self.timings = timings or ChatTimings()
        self._sleep = sleep
        self._clock = clock
        self._sending: set[str] = set()
        self._stops: dict[str, asyncio.Event] = {}  # set by stop_waiting, per prompt on its way
        self._known: dict[str, set[str]] = {}  # message ids seen, per conversation

    def is_sending(self, conversation_id: str) -> bool:
        return conversation_id in self._sending

    async def messages(self, conversation_id: str) -> ConversationMessages:
        """The conversation's messages, oldest first, and its title."""
        page = await self._client.conversation_messages(conversation_id)
        self._known.setdefault(conversation_id, set()).update(m.id for m in page.messages)
        return page

    async def models(self, repo_id: str, names: Iterable[str] = ()) -> tuple[AiModel, ...]:
        """The models to offer: POST /ai/models where the server answers it, else the
        repository's ``aiLlms`` names (``names``). Empty when the repository has no AI."""
        try:
            offered = await self._client.list_ai_models(repo_id)
        except errors.NoAiModelError:
            return ()
        except errors.FlashbackError as exc:  # quietly: the names still let a person send
            log.info("No model list from the server (%s); using the repository's", exc.message)
            offered = ()
        chosen = offered or tuple(AiModel(name, name) for name in names if name)
        unique: dict[str, AiModel] = {}
        for model in chosen:
            unique.setdefault(model.id, model)  # the first of each id wins, in its place
        return tuple(unique.values())

    async def send(self, conversation_id: str, prompt: str, model: str | None) -> SendOutcome:
        """Send ``prompt`` once and say what came of it (never raises a FlashbackError)."""
        if conversation_id in self._sending:
            return AlreadySending()
        self._sending.add(conversation_id)
        self._stops[conversation_id] = asyncio.Event()
        try:
            return await self._send(conversation_id, prompt, model)
        finally:
            self._sending.discard(conversation_id)
            del self._stops[conversation_id]

    def stop_waiting(self, conversation_id: str) -> None:
        """Give up waiting for the answer to the prompt on its way: ``send`` then reads the
        messages to say whether it arrived (SentAfterLostAnswer, NotSent or Unresolved, with
        a StoppedWaiting error). Once the answer came, its outcome stands: nothing to stop."""
        stop = self._stops.get(conversation_id)
        if stop is not None:
            stop.set()

    async def wait_for_reply(
        self, turn: PromptTurn, deadline_s: float, progress: Progress | None = None
    ) -> ReplyWait:
        """Re-read the messages until an assistant message newer than the prompt appears.

        Pauses 1, 2, 4 … s (``timings.first_check_s`` doubled), the last one cut to end at
        the deadline. A read that fails for a moment (network, gateway) is told to
        ``progress`` and waiting goes on; any other error (the conversation was deleted,
        the sign-in ran out) is raised. Cancel the task to stop waiting.
        """
        started = self._clock()
        pause = self.timings.first_check_s
        latest: ConversationMessages | None = None
        last_error: errors.FlashbackError | None = None
        while (remaining := deadline_s - (self._clock() - started)) > 0:
            step = min(pause, remaining)
            if progress is not None:
                elapsed = self._clock() - started
                progress(WaitProgress(elapsed, deadline_s, step, last_error))
            await self._sleep(step)
            pause *= 2
            try:
                latest = await self.messages(turn.conversation_id)
            except errors.FlashbackError as exc:
                if not errors.is_transient(exc):
                    raise
                last_error = exc
                continue
            last_error = None
            reply = self._reply_after(latest.messages, turn)
            if reply is not None:
                return ReplyWait(reply, latest)
        return ReplyWait(None, latest)

    # ---- internals -------------------------------------------------------------------------

    async def _send(self, conversation_id: str, prompt: str, model: str | None) -> SendOutcome:
        known = frozenset(self._known.get(conversation_id, ()))
        click = Click(datetime.now(UTC), self._clock())
        post = self._client.send_prompt(conversation_id, prompt, model)
        try:
            accepted = await _unless_stopped(post, self._stops[conversation_id])
        except errors.UnauthorizedError as exc:
            return NeedsSignIn(exc)
        except errors.PromptBlockedError as exc:
            return Blocked(exc.reason, exc)
        except errors.FlashbackError as exc:
            if not may_be_stored(exc):
                return Failed(exc)
            lost = type(exc).__name__
            log.info("No answer to a prompt (%s); reading the messages", lost)
            return await self._settle(PromptTurn(conversation_id, prompt, click, None, known), exc)
        turn = PromptTurn(conversation_id, prompt, click, accepted.user_message, known)
        if accepted.user_message is None:  # the documented answer: {success, message?}
            return await self._confirm(turn, accepted.reply)
        self._remember(conversation_id, (accepted.user_message, accepted.reply))
        return Sent(turn, accepted.reply)

    async def _confirm(self, turn: PromptTurn, reply: Message | None) -> SendOutcome:
        """A yes that does not show the prompt: the messages must, before it counts as sent
        (a proxy's bare ``{"success": true}`` is no proof)."""
        found, check_error = await self._look_for(turn)
        if found is not None:
            self._remember(turn.conversation_id, (reply,))
            return Sent(_with_user_message(turn, found), reply)
        unseen = errors.UnreadableResponseError(
            errors.ErrorDetails(cause="the answer said yes, but the messages lack the prompt")
        )
        return Unresolved(unseen, check_error)

    async def _settle(self, turn: PromptTurn, error: errors.FlashbackError) -> SendOutcome:
        """Read the messages (never send again) until the prompt shows up, or the pauses
        run out: then Flashback does not have it."""
        found, check_error = await self._look_for(turn)
        if found is not None:
            log.info("The prompt is on the server although its answer was lost")
            return SentAfterLostAnswer(_with_user_message(turn, found), error)
        if check_error is not None:
            return Unresolved(error, check_error)
        return NotSent(error)

    async def _look_for(
        self, turn: PromptTurn
    ) -> tuple[Message | None, errors.FlashbackError | None]:
        """The prompt in the messages, read after each settle pause until it shows up; and
        the error of the last read, when it failed."""
        check_error: errors.FlashbackError | None = None
        for pause in self.timings.settle_delays_s:
            await self._sleep(pause)
            try:
                page = await self.messages(turn.conversation_id)
            except errors.FlashbackError as exc:
                check_error = exc
                if not errors.is_transient(exc):
                    break
                continue
            check_error = None
            found = self._find_prompt(page.messages, turn)
            if found is not None:
                return found, None
        return None, check_error

    def _find_prompt(self, messages: Sequence[Message], turn: PromptTurn) -> Message | None:
        """The earliest user message with this text that is new since the click."""
        since = click_on_server_clock(self._client, turn.click)
        text = turn.prompt.strip()
        for message in messages:
            if (
                message.role == ROLE_USER
                and message.id not in turn.known_ids
                and message.content.strip() == text
                and (message.created_at is None or message.created_at >= since)
            ):
                return message
        return None

    def _reply_after(self, messages: Sequence[Message], turn: PromptTurn) -> Message | None:
        """The first assistant reply after the prompt (by place in the list, oldest first)."""
        prompt = turn.user_message or self._find_prompt(messages, turn)
        if prompt is None:
            return None
        later = False
        for message in messages:
            if later and message.is_reply:
                return message
            later = later or message.id == prompt.id
        return None

    def _remember(self, conversation_id: str, messages: Iterable[Message | None]) -> None:
        known = self._known.setdefault(conversation_id, set())
        known.update(message.id for message in messages if message is not None)


def may_be_stored(exc: errors.FlashbackError) -> bool:
    """The prompt may be on the server although no answer says so. Any 5xx counts: a
    server that fails half-way may have stored the prompt before it failed; a request the
    person stopped waiting for may have reached it."""
    if isinstance(exc, StoppedWaiting):
        return True
    if not exc.request_sent:
        return False
    return errors.may_have_been_processed(exc) or isinstance(exc, errors.ServerError)


async def _unless_stopped(work: Coroutine[Any, Any, T], stop: asyncio.Event) -> T:
    """What ``work`` comes to, unless ``stop`` is set first: then ``work`` is cancelled (the
    request given up; it may have reached the server) and StoppedWaiting is raised."""
    task = asyncio.ensure_future(work)
    stopped = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({task, stopped}, return_when=asyncio.FIRST_COMPLETED)
    finally:  # also when the caller is cancelled (its window closed): leave nothing running
        for pending in (task, stopped):
            pending.cancel()
        await asyncio.wait({task, stopped})
    if task.cancelled():
        raise StoppedWaiting
    return task.result()  # an answer that came with the stop stands


def _with_user_message(turn: PromptTurn, message: Message) -> PromptTurn:
    return PromptTurn(turn.conversation_id, turn.prompt, turn.click, message, turn.known_ids)
