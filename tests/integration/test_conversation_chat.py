"""The chat service against the sandbox over real loopback HTTP: every outcome of a send,
each made to happen with the sandbox's own faults, counted at the sandbox.

The rule under test: a prompt reaches the server's prompt route once (twice only after a
401, when the first was refused before anything happened), and an unclear outcome is
settled by reading the messages, never by sending again.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from flashback_desktop.api import errors
from flashback_desktop.api.client import FlashbackClient
from flashback_desktop.api.connection import ClientLimits
from flashback_desktop.sandbox import BLOCKED_WORD, Fault, SandboxServer
from flashback_desktop.session.conversation_chat import (
    AlreadySending,
    Blocked,
    ChatTimings,
    ConversationChat,
    Failed,
    NeedsSignIn,
    NotSent,
    Sent,
    SentAfterLostAnswer,
    StoppedWaiting,
    Unresolved,
    WaitProgress,
)
from flashback_desktop.session.session import Session
from flashback_desktop.session.token_store import MemoryTokenStore, TokenPair
from tests.support.addresses import unused_loopback_url
from tests.support.sandbox_data import repo_id_named

pytestmark = pytest.mark.asyncio

PROMPT_ROUTE = "/conversation/{conversationId}/prompt"
MESSAGES_ROUTE = "/conversation/{conversationId}/messages"
PROMPT = "Where are the product photos for the spring launch?"
HTML_404 = "<!DOCTYPE html><html><body><pre>Cannot POST</pre></body></html>"
# A deadline short enough for a delayed answer to time out, long enough for a busy machine.
LIMITS = ClientLimits(
    connect_timeout_s=2.0, read_timeout_s=1.0, deadline_s=1.0, read_retries=1, retry_backoff_s=0.05
)
# Fast pauses; the settle reads span 3 s, past the 1.5 s a delayed prompt takes to be stored.
TIMINGS = ChatTimings(first_check_s=0.05, settle_delays_s=(0.0, 0.25, 0.5, 1.0, 1.25))


@pytest_asyncio.fixture
async def session(sandbox: SandboxServer) -> AsyncIterator[Session]:
    """Signed in as the demo user with a refresh token, so a 401 can be renewed."""
    state = sandbox.state
    signed_in = Session(sandbox.url, MemoryTokenStore(), limits=LIMITS)
    login = state.login(state.demo_email, state.demo_password)
    await signed_in.tokens.adopt(TokenPair(login["accessToken"], login["refreshToken"]))
    yield signed_in
    await signed_in.close()


@pytest.fixture
def chat(session: Session) -> ConversationChat:
    return session.chat(TIMINGS)


def new_conversation(sandbox: SandboxServer, repo: str = "Marketing assets") -> str:
    state = sandbox.state
    user = state.authenticate(state.demo_token)
    return state.create_conversation(user, repo_id_named(sandbox, repo))


def prompts_stored(sandbox: SandboxServer, conversation_id: str, text: str = PROMPT) -> int:
    messages = sandbox.state.messages_of(conversation_id)
    return sum(1 for m in messages if m["role"] == "user" and m["content"] == text)


def prompt_posts(sandbox: SandboxServer) -> int:
    return sandbox.state.request_count("POST", PROMPT_ROUTE)


async def settled(sandbox: SandboxServer) -> None:
    """Wait until the sandbox has no request in flight, so its counts are final."""
    for _ in range(1000):
        if not sandbox.state.requests_in_flight():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("a request stayed in flight at the sandbox")


# ---- accepted ---------------------------------------------------------------------------------


async def test_sent_with_the_reply_the_answer_carries(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    conversation_id = new_conversation(sandbox)
    outcome = await chat.send(conversation_id, PROMPT, "gpt-4o-mini")
    assert isinstance(outcome, Sent)
    stored = sandbox.state.messages_of(conversation_id)
    assert outcome.turn.user_message is not None
    assert outcome.turn.user_message.id == stored[0]["id"]
    assert outcome.turn.user_message.content == PROMPT
    assert outcome.reply is not None
    assert (outcome.reply.id, outcome.reply.role) == (stored[1]["id"], "assistant")
    assert outcome.reply.model == "gpt-4o-mini"
    assert outcome.reply.token_count == stored[1]["tokenCount"]
    assert PROMPT in outcome.reply.content
    assert prompt_posts(sandbox) == 1


async def test_waits_for_a_reply_that_comes_later_with_growing_pauses(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    sandbox.state.replies_after_answer = True
    sandbox.state.reply_delay_s = 0.4
    conversation_id = new_conversation(sandbox)
    outcome = await chat.send(conversation_id, PROMPT, None)
    assert isinstance(outcome, Sent)
    assert outcome.reply is None  # "Prompt accepted" carries none
    seen: list[WaitProgress] = []
    waited = await chat.wait_for_reply(outcome.turn, deadline_s=20, progress=seen.append)
    assert waited.reply is not None
    assert waited.reply.is_reply
    assert waited.messages is not None
    assert [m.role for m in waited.messages.messages] == ["user", "assistant"]
    assert waited.messages.title  # set from the first prompt
    pauses = [p.next_check_in_s for p in seen]
    assert pauses == [0.05 * 2**i for i in range(len(pauses))]
    assert all(p.deadline_s == 20 for p in seen)
    assert prompt_posts(sandbox) == 1
    assert sandbox.state.request_count("GET", MESSAGES_ROUTE) == len(seen)


async def test_waiting_ends_at_the_deadline_without_a_reply(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    sandbox.state.replies_after_answer = True
    sandbox.state.reply_delay_s = 60
    conversation_id = new_conversation(sandbox)
    outcome = await chat.send(conversation_id, PROMPT, None)
    assert isinstance(outcome, Sent)
    seen: list[WaitProgress] = []
    started = time.monotonic()
    waited = await chat.wait_for_reply(outcome.turn, deadline_s=0.5, progress=seen.append)
    assert time.monotonic() - started >= 0.5
    assert waited.reply is None
    assert waited.messages is not None  # the last read, to show
    # No pause runs past the deadline (a millisecond for the clock read in between).
    assert all(p.elapsed_s + p.next_check_in_s <= 0.5 + 0.01 for p in seen)


async def test_waiting_is_cancelled_with_its_task(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    sandbox.state.replies_after_answer = True
    sandbox.state.reply_delay_s = 60
    conversation_id = new_conversation(sandbox)
    outcome = await chat.send(conversation_id, PROMPT, None)
    assert isinstance(outcome, Sent)
    started = asyncio.Event()
    waiting = asyncio.create_task(
        chat.wait_for_reply(outcome.turn, deadline_s=60, progress=lambda _p: started.set())
    )
    await started.wait()
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting


async def test_a_second_send_while_one_is_in_flight_is_refused(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    conversation_id = new_conversation(sandbox)
    sandbox.state.reply_delay_s = 0.5
    first = asyncio.create_task(chat.send(conversation_id, PROMPT, None))
    while not chat.is_sending(conversation_id):
        await asyncio.sleep(0)
    second = await chat.send(conversation_id, PROMPT, None)
    assert isinstance(second, AlreadySending)
    assert isinstance(await first, Sent)
    assert not chat.is_sending(conversation_id)
    assert prompt_posts(sandbox) == 1
    assert prompts_stored(sandbox, conversation_id) == 1


# ---- unclear, settled by reading ------------------------------------------------------------


async def test_a_lost_answer_is_found_in_the_messages_and_not_sent_again(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    conversation_id = new_conversation(sandbox)
    sandbox.state.faults.add("POST", PROMPT_ROUTE, Fault(lose_answer=True), times=None)
    outcome = await chat.send(conversation_id, PROMPT, None)
    assert isinstance(outcome, SentAfterLostAnswer)
    assert isinstance(outcome.error, errors.ConnectionDroppedError)
    assert outcome.turn.user_message is not None
    assert outcome.turn.user_message.id == sandbox.state.messages_of(conversation_id)[0]["id"]
    await settled(sandbox)
    assert prompt_posts(sandbox) == 1
    assert prompts_stored(sandbox, conversation_id) == 1


async def test_a_timeout_while_the_server_works_is_settled_by_reading(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    """The server stores the prompt 1.5 s in, after the app gave up at 1 s."""
    conversation_id = new_conversation(sandbox)
    sandbox.state.faults.add("POST", PROMPT_ROUTE, Fault(delay_s=1.5), times=None)
    outcome = await chat.send(conversation_id, PROMPT, None)
    assert isinstance(outcome, SentAfterLostAnswer)
    assert isinstance(outcome.error, errors.RequestTimeoutError)
    await settled(sandbox)
    assert prompt_posts(sandbox) == 1
    assert prompts_stored(sandbox, conversation_id) == 1


async def test_a_body_cut_after_the_server_acted_counts_as_sent(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    conversation_id = new_conversation(sandbox)
    sandbox.state.faults.add("POST", PROMPT_ROUTE, Fault(cut_after_bytes=10), times=None)
    outcome = await chat.send(conversation_id, PROMPT, None)
    assert isinstance(outcome, SentAfterLostAnswer)
    assert prompt_posts(sandbox) == 1
    assert prompts_stored(sandbox, conversation_id) == 1


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        (Fault(reset=True), errors.ConnectionDroppedError),
        (Fault(status=503), errors.ServerError),
        (Fault(status=500), errors.ServerError),
        (Fault(status=200, body='{"success": true, "userMes'), errors.UnreadableResponseError),
    ],
    ids=["reset", "503", "500", "unreadable 200"],
)
async def test_an_unclear_failure_the_server_did_not_act_on_is_confirmed_not_sent(
    chat: ConversationChat, sandbox: SandboxServer, fault: Fault, error: type[Exception]
) -> None:
    conversation_id = new_conversation(sandbox)
    sandbox.state.faults.add("POST", PROMPT_ROUTE, fault, times=None)
    outcome = await chat.send(conversation_id, PROMPT, None)
    assert isinstance(outcome, NotSent)
    assert type(outcome.error) is error
    assert prompt_posts(sandbox) == 1
    assert prompts_stored(sandbox, conversation_id) == 0
    # Read every settle pause: a late-stored prompt would have been found.
    assert sandbox.state.request_count("GET", MESSAGES_ROUTE) == len(TIMINGS.settle_delays_s)


async def test_an_earlier_prompt_with_the_same_text_is_not_taken_for_this_one(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    conversation_id = new_conversation(sandbox)
    assert isinstance(await chat.send(conversation_id, PROMPT, None), Sent)
    sandbox.state.faults.add("POST", PROMPT_ROUTE, Fault(reset=True), times=None)
    outcome = await chat.send(conversation_id, PROMPT, None)
    assert isinstance(outcome, NotSent)
    assert prompt_posts(sandbox) == 2  # one per click
    assert prompts_stored(sandbox, conversation_id) == 1


async def test_unresolved_when_the_messages_cannot_be_read_either(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    conversation_id = new_conversation(sandbox)
    sandbox.state.faults.add("POST", PROMPT_ROUTE, Fault(lose_answer=True), times=None)
    sandbox.state.faults.add("GET", MESSAGES_ROUTE, Fault(status=503), times=None)
    outcome = await chat.send(conversation_id, PROMPT, None)
    assert isinstance(outcome, Unresolved)
    assert isinstance(outcome.error, errors.ConnectionDroppedError)
    assert isinstance(outcome.check_error, errors.ServerError)
    await settled(sandbox)
    assert prompt_posts(sandbox) == 1
    assert prompts_stored(sandbox, conversation_id) == 1  # it is there; the app said "unsure"


async def test_a_bare_yes_without_the_prompt_is_not_shown_as_sent(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    """The documented answer is only {success, message}: a proxy could send that too."""
    conversation_id = new_conversation(sandbox)
    bare = Fault(status=200, body='{"success": true, "message": "Prompt processed"}')
    sandbox.state.faults.add("POST", PROMPT_ROUTE, bare, times=None)
    outcome = await chat.send(conversation_id, PROMPT, None)
    assert isinstance(outcome, Unresolved)
    assert outcome.check_error is None
    assert isinstance(outcome.error, errors.UnreadableResponseError)
    assert prompt_posts(sandbox) == 1
    assert prompts_stored(sandbox, conversation_id) == 0


# ---- the person stops waiting for the POST's answer -------------------------------------------


async def stop_once_received(
    chat: ConversationChat, sandbox: SandboxServer, conversation_id: str
) -> None:
    """Cancel as a person would: once the prompt is on its way and the server has it."""
    while prompt_posts(sandbox) == 0:
        await asyncio.sleep(0.01)
    chat.stop_waiting(conversation_id)


async def test_stopped_while_a_slow_server_stores_it_is_found_and_not_sent_again(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    conversation_id = new_conversation(sandbox)
    sandbox.state.faults.add("POST", PROMPT_ROUTE, Fault(delay_s=1.0))  # it acts after 1 s
    sending = asyncio.create_task(chat.send(conversation_id, PROMPT, None))
    await stop_once_received(chat, sandbox, conversation_id)
    outcome = await sending
    assert isinstance(outcome, SentAfterLostAnswer)
    assert isinstance(outcome.error, StoppedWaiting)
    assert not chat.is_sending(conversation_id)
    await settled(sandbox)
    assert prompt_posts(sandbox) == 1
    assert prompts_stored(sandbox, conversation_id) == 1


async def test_stopped_while_the_server_never_stores_it_is_not_sent(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    conversation_id = new_conversation(sandbox)
    sandbox.state.faults.add("POST", PROMPT_ROUTE, Fault(never_answer=True))
    sending = asyncio.create_task(chat.send(conversation_id, PROMPT, None))
    await stop_once_received(chat, sandbox, conversation_id)
    outcome = await sending
    assert isinstance(outcome, NotSent)
    assert isinstance(outcome.error, StoppedWaiting)
    await settled(sandbox)
    assert prompt_posts(sandbox) == 1
    assert prompts_stored(sandbox, conversation_id) == 0


async def test_stopped_and_the_messages_unreadable_is_unresolved(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    conversation_id = new_conversation(sandbox)
    sandbox.state.faults.add("POST", PROMPT_ROUTE, Fault(never_answer=True))
    sandbox.state.faults.add("GET", MESSAGES_ROUTE, Fault(status=503), times=None)
    sending = asyncio.create_task(chat.send(conversation_id, PROMPT, None))
    await stop_once_received(chat, sandbox, conversation_id)
    outcome = await sending
    assert isinstance(outcome, Unresolved)
    assert isinstance(outcome.error, StoppedWaiting)
    assert isinstance(outcome.check_error, errors.ServerError)
    await settled(sandbox)
    assert prompt_posts(sandbox) == 1


async def test_a_stop_after_the_answer_came_changes_nothing(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    conversation_id = new_conversation(sandbox)
    outcome = await chat.send(conversation_id, PROMPT, None)
    chat.stop_waiting(conversation_id)  # nothing on its way: nothing to stop
    assert isinstance(outcome, Sent)
    assert isinstance(await chat.send(conversation_id, "And another", None), Sent)
    assert prompt_posts(sandbox) == 2


async def test_a_cancelled_send_leaves_no_request_running(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    """Its window closed: the send's task is cancelled, and nothing of it goes on."""
    conversation_id = new_conversation(sandbox)
    sandbox.state.faults.add("POST", PROMPT_ROUTE, Fault(never_answer=True))
    sending = asyncio.create_task(chat.send(conversation_id, PROMPT, None))
    while prompt_posts(sandbox) == 0:
        await asyncio.sleep(0.01)
    sending.cancel()
    with pytest.raises(asyncio.CancelledError):
        await sending
    assert [t for t in asyncio.all_tasks() if t is not asyncio.current_task()] == []
    assert not chat.is_sending(conversation_id)
    await settled(sandbox)
    assert prompts_stored(sandbox, conversation_id) == 0


# ---- refusals ---------------------------------------------------------------------------------


async def test_a_policy_block_is_its_own_outcome_with_the_servers_words(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    conversation_id = new_conversation(sandbox)
    outcome = await chat.send(conversation_id, f"Summarise the {BLOCKED_WORD} memo", None)
    assert isinstance(outcome, Blocked)
    assert BLOCKED_WORD in outcome.reason.casefold()
    assert outcome.error.message == (
        f"Your organisation's policy blocked this prompt: {outcome.reason}"
    )
    assert "\n" not in outcome.reason
    assert prompt_posts(sandbox) == 1
    assert sandbox.state.messages_of(conversation_id) == []


async def test_a_policy_reason_is_plain_and_capped(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    conversation_id = new_conversation(sandbox)
    said = "<b>Blocked</b> by policy\n\x1b[31m" + "x" * 5000
    body = json.dumps({"success": False, "message": said})
    sandbox.state.faults.add("POST", PROMPT_ROUTE, Fault(status=403, body=body))
    outcome = await chat.send(conversation_id, PROMPT, None)
    assert isinstance(outcome, Blocked)
    assert len(outcome.reason) == errors.REASON_MAX_CHARS
    assert outcome.reason.startswith("<b>Blocked</b> by policy ")  # text, shown as text
    assert outcome.reason.isprintable()


async def test_a_403_on_reading_messages_is_access_not_a_policy_block(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    """Only sending a prompt can be blocked by a policy: a read's 403 stays plain access,
    even when its words mention a policy."""
    conversation_id = new_conversation(sandbox)
    body = json.dumps({"success": False, "message": "Access denied by policy"})
    route = f"/conversation/{conversation_id}/messages"
    sandbox.state.faults.add("GET", route, Fault(status=403, body=body))
    with pytest.raises(errors.FlashbackError) as caught:
        await chat.messages(conversation_id)
    assert type(caught.value) is errors.ForbiddenError
    assert "write in this conversation" not in caught.value.message


async def test_a_deleted_conversation(chat: ConversationChat, sandbox: SandboxServer) -> None:
    conversation_id = new_conversation(sandbox)
    state = sandbox.state
    state.delete_conversation(state.authenticate(state.demo_token), conversation_id, hard=False)
    outcome = await chat.send(conversation_id, PROMPT, None)
    assert isinstance(outcome, Failed)
    assert type(outcome.error) is errors.ConversationGoneError
    with pytest.raises(errors.ConversationGoneError):
        await chat.messages(conversation_id)
    assert prompt_posts(sandbox) == 1


@pytest.mark.parametrize("how", ["routes switched off", "HTML 404 fault"])
async def test_a_server_without_prompts(
    chat: ConversationChat, sandbox: SandboxServer, how: str
) -> None:
    conversation_id = new_conversation(sandbox)
    if how == "routes switched off":
        sandbox.state.conversations_enabled = False
    else:
        fault = Fault(status=404, body=HTML_404, content_type="text/html")
        sandbox.state.faults.add("POST", PROMPT_ROUTE, fault)
    outcome = await chat.send(conversation_id, PROMPT, None)
    assert isinstance(outcome, Failed)
    assert type(outcome.error) is errors.EndpointUnavailableError
    assert outcome.error.message == "This Flashback server does not offer talking in conversations."
    assert prompt_posts(sandbox) == 1


async def test_a_repository_without_ai(chat: ConversationChat, sandbox: SandboxServer) -> None:
    conversation_id = new_conversation(sandbox, "Brand guidelines")
    outcome = await chat.send(conversation_id, PROMPT, None)
    assert isinstance(outcome, Failed)
    assert type(outcome.error) is errors.NoAiModelError
    assert await chat.models(repo_id_named(sandbox, "Brand guidelines")) == ()


async def test_an_expired_sign_in_is_renewed_once_and_the_prompt_replayed_once(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    conversation_id = new_conversation(sandbox)
    sandbox.state.faults.add("POST", PROMPT_ROUTE, Fault(status=401), times=1)
    outcome = await chat.send(conversation_id, PROMPT, None)
    assert isinstance(outcome, Sent)
    assert sandbox.state.request_count("POST", "/user/refresh") == 1
    assert prompt_posts(sandbox) == 2  # the refused one did nothing; the replay was stored
    assert prompts_stored(sandbox, conversation_id) == 1


async def test_a_sign_in_that_cannot_be_renewed_needs_signing_in(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    conversation_id = new_conversation(sandbox)
    sandbox.state.revoke_refresh_tokens()
    sandbox.state.faults.add("POST", PROMPT_ROUTE, Fault(status=401), times=None)
    outcome = await chat.send(conversation_id, PROMPT, None)
    assert isinstance(outcome, NeedsSignIn)
    assert isinstance(outcome.error, errors.UnauthorizedError)
    assert prompt_posts(sandbox) == 1
    assert prompts_stored(sandbox, conversation_id) == 0


async def test_offline_is_a_plain_failure(sandbox: SandboxServer) -> None:
    client = FlashbackClient(unused_loopback_url(), limits=LIMITS)
    try:
        outcome = await ConversationChat(client, timings=TIMINGS).send("any", PROMPT, None)
    finally:
        await client.aclose()
    assert isinstance(outcome, Failed)
    assert type(outcome.error) is errors.NetworkUnreachableError


# ---- reading ----------------------------------------------------------------------------------


async def test_reads_a_thousand_messages_oldest_first(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    conversation_id = sandbox.state.seed_long_conversation(1000)
    page = await chat.messages(conversation_id)
    assert len(page.messages) == 1000
    assert page.title == "Long conversation (1,000 messages)"
    times = [m.created_at for m in page.messages]
    assert None not in times
    assert times == sorted(times)  # type: ignore[type-var]
    assert {m.role for m in page.messages} == {"user", "assistant"}
    assert all(isinstance(m.token_count, int) for m in page.messages)


async def test_models_from_the_server_or_quietly_from_the_repository(
    chat: ConversationChat, sandbox: SandboxServer
) -> None:
    repo_id = repo_id_named(sandbox, "Marketing assets")
    offered = await chat.models(repo_id, ["OpenAI"])
    pairs = [(m.id, m.name) for m in offered]
    assert pairs == [("gpt-4o", "GPT-4o"), ("gpt-4o-mini", "GPT-4o mini")]

    html = Fault(status=404, body=HTML_404, content_type="text/html")
    sandbox.state.faults.add("POST", "/ai/models", html, times=None)
    sandbox.state.reset_counts()
    fallback = await chat.models(repo_id, ["OpenAI", "Claude", "OpenAI", ""])
    # The first of each, in the repository's order.
    assert [(m.id, m.name) for m in fallback] == [("OpenAI", "OpenAI"), ("Claude", "Claude")]
    assert sandbox.state.request_count("POST", "/ai/models") == 1  # a "no", not retried

    sandbox.state.faults.clear()
    sandbox.state.faults.add("POST", "/ai/models", Fault(status=503), times=1)
    sandbox.state.reset_counts()
    assert await chat.models(repo_id) == offered  # retried as a read, once
    assert sandbox.state.request_count("POST", "/ai/models") == 2
