"""The soak's prompt cycles: the chat service sends prompts against the sandbox, with faults.

There is no conversation window yet, so these cycles drive ``ConversationChat`` (what the
window will call) on the soak's own loop and session. Each cycle is one person meaning to
send one prompt (a unique text), sometimes with a second Send while the first is in flight;
then the sandbox is asked what it really stored. Figures that must be 0: duplicate prompts,
lost prompts (stored, but the app said it was not sent), prompts shown as sent that the
server does not have, and POSTs beyond one per intent (two after a 401, the one replay).
"""

from __future__ import annotations

import asyncio
import json
import random
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from flashback_desktop.sandbox import Fault, SandboxServer
from flashback_desktop.session.conversation_chat import (
    AlreadySending,
    ChatTimings,
    ConversationChat,
    SendOutcome,
    Sent,
    SentAfterLostAnswer,
    Unresolved,
)

PROMPT_ROUTE = "/conversation/{conversationId}/prompt"
PROMPT_REPOS = ("Marketing assets", "Vendor onboarding", "Budget planning")
# Settle reads span 1.75 s: past a prompt the delayed fault stores after the deadline.
PROMPT_TIMINGS = ChatTimings(first_check_s=0.05, settle_delays_s=(0.0, 0.25, 0.5, 1.0))
REPLY_DEADLINE_S = 5.0


@dataclass(frozen=True)
class PromptFault:
    name: str
    build: Callable[[random.Random, float], Fault]  # (rng, the client's deadline)


def _status(code: int, body: str | None = None, content_type: str = "application/json") -> Fault:
    return Fault(status=code, body=body, content_type=content_type)


PROMPT_FAULTS: tuple[PromptFault, ...] = (
    PromptFault("500", lambda _r, _d: _status(500)),
    PromptFault("502 HTML", lambda _r, _d: _status(502, "<html>502</html>", "text/html")),
    PromptFault("503", lambda _r, _d: _status(503)),
    PromptFault("504", lambda _r, _d: _status(504)),
    PromptFault("401 once", lambda _r, _d: _status(401)),
    PromptFault("429", lambda _r, _d: _status(429)),
    PromptFault("200 invalid JSON", lambda _r, _d: _status(200, '{"success":true,"userMes')),
    # The documented answer, without the handler: a yes that stored nothing.
    PromptFault("200 bare yes", lambda _r, _d: _status(200, '{"success":true}')),
    PromptFault(
        "200 wrong shape",
        lambda _r, _d: _status(200, json.dumps({"success": True, "userMessage": "x"})),
    ),
    # The handler runs (the prompt IS stored); its answer is cut short or lost.
    PromptFault("cut body", lambda rng, _d: Fault(cut_after_bytes=rng.randint(0, 60))),
    PromptFault("lose answer", lambda _r, _d: Fault(lose_answer=True)),
    # Before the handler: nothing is stored.
    PromptFault("reset", lambda _r, _d: Fault(reset=True)),
    PromptFault("never answer", lambda _r, _d: Fault(never_answer=True)),
    # Stored a quarter of a second after the client gave up: reading must find it.
    PromptFault("delay past deadline", lambda _r, deadline: Fault(delay_s=deadline + 0.25)),
)


@dataclass
class PromptIntent:
    cycle: int
    fault: str | None
    outcome: str = "none"
    stored: int = 0  # user messages with this intent's text on the server
    posts: int = 0  # POST .../prompt requests the sandbox received during this intent
    second_refused: bool | None = None  # a second Send in flight: refused (True) or not
    reply_seen: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def shown_as_sent(self) -> bool:
        return self.outcome in (Sent.__name__, SentAfterLostAnswer.__name__)


class PromptCycles:
    """Runs the prompt intents on the caller's loop; the sandbox runs on its own thread."""

    def __init__(
        self,
        chat: ConversationChat,
        sandbox: SandboxServer,
        rng: random.Random,
        *,
        deadline_s: float,
        idle: Callable[[], Awaitable[None]],
    ) -> None:
        self.chat = chat
        self.sandbox = sandbox
        self.rng = rng
        self.deadline_s = deadline_s
        self.idle = idle  # waits until the sandbox has no request in flight
        state = sandbox.state
        user = state.authenticate(state.demo_token)
        repos = {repo["name"]: repo["id"] for repo in state.repos}
        self.conversations = [state.create_conversation(user, repos[n]) for n in PROMPT_REPOS]

    async def run(self, count: int, fault_rate: float, double_rate: float) -> list[PromptIntent]:
        return [await self.one(n, fault_rate, double_rate) for n in range(1, count + 1)]

    async def one(self, number: int, fault_rate: float, double_rate: float) -> PromptIntent:
        state = self.sandbox.state
        conversation_id = self.rng.choice(self.conversations)
        kind = self.rng.choice(PROMPT_FAULTS) if self.rng.random() < fault_rate else None
        intent = PromptIntent(number, kind.name if kind else None)
        text = f"Soak prompt {number}: which documents changed this week?"
        posts_before = state.request_count("POST", PROMPT_ROUTE)
        if kind is not None:
            fault = kind.build(self.rng, self.deadline_s)
            state.faults.add("POST", PROMPT_ROUTE, fault, times=1)
        sending = asyncio.create_task(self.chat.send(conversation_id, text, None))
        if self.rng.random() < double_rate:
            await asyncio.sleep(0)  # the first send has started
            second = await self.chat.send(conversation_id, text, None)
            intent.second_refused = isinstance(second, AlreadySending)
        outcome = await sending
        intent.outcome = type(outcome).__name__
        await self._maybe_wait_for_reply(outcome, intent)
        await self.idle()
        state.faults.clear()  # an unused fault must not spill into the next intent
        intent.posts = state.request_count("POST", PROMPT_ROUTE) - posts_before
        messages = state.messages_of(conversation_id)
        intent.stored = sum(1 for m in messages if m["role"] == "user" and m["content"] == text)
        self._check(intent)
        return intent

    async def _maybe_wait_for_reply(self, outcome: SendOutcome, intent: PromptIntent) -> None:
        if isinstance(outcome, Sent) and outcome.reply is not None:
            intent.reply_seen = True
        elif isinstance(outcome, Sent | SentAfterLostAnswer):
            waited = await self.chat.wait_for_reply(outcome.turn, REPLY_DEADLINE_S)
            intent.reply_seen = waited.reply is not None

    @staticmethod
    def _check(intent: PromptIntent) -> None:
        if intent.stored > 1:
            intent.problems.append(f"the prompt is on the server {intent.stored} times")
        if intent.shown_as_sent and intent.stored == 0:
            intent.problems.append(f"shown as {intent.outcome}, not on the server")
        if not intent.shown_as_sent and intent.outcome != Unresolved.__name__ and intent.stored:
            intent.problems.append(f"on the server, shown as {intent.outcome}")
        allowed = 2 if intent.fault == "401 once" else 1
        if intent.posts > allowed:
            intent.problems.append(f"{intent.posts} prompt POSTs for one intent")
        if intent.second_refused is False:
            intent.problems.append("a second Send in flight was not refused")
        if intent.shown_as_sent and not intent.reply_seen:
            intent.problems.append("no reply seen within the deadline")


def _lost(intent: PromptIntent) -> bool:
    return bool(intent.stored) and not intent.shown_as_sent and intent.outcome != "Unresolved"


def _phantom(intent: PromptIntent) -> bool:
    return intent.shown_as_sent and intent.stored == 0


def _extra_posts(intent: PromptIntent) -> int:
    return max(0, intent.posts - (2 if intent.fault == "401 once" else 1))


def prompt_figures(intents: list[PromptIntent]) -> list[tuple[str, int, bool]]:
    """(label, count, must be 0) rows for the soak's table."""
    outcomes = Counter(i.outcome for i in intents)
    counted = [i for i in intents if i.stored > 1 or _lost(i) or _phantom(i) or _extra_posts(i)]
    return [
        ("prompt intents", len(intents), False),
        ("  faulted", sum(1 for i in intents if i.fault), False),
        ("  second Send in flight (refused)", sum(1 for i in intents if i.second_refused), False),
        ("  sent (reply in the answer or read later)", outcomes["Sent"], False),
        ("  sent, found after a lost answer", outcomes["SentAfterLostAnswer"], False),
        ("  not sent, confirmed by reading", outcomes["NotSent"], False),
        ("  unresolved", outcomes["Unresolved"], False),
        ("  failed (said why)", outcomes["Failed"], False),
        ("duplicate prompts", sum(max(0, i.stored - 1) for i in intents), True),
        ("lost prompts (stored, shown as not sent)", sum(1 for i in intents if _lost(i)), True),
        ("prompts shown as sent, not on the server", sum(1 for i in intents if _phantom(i)), True),
        ("prompt POSTs beyond 1 per intent (2 after a 401)", sum(map(_extra_posts, intents)), True),
        ("other prompt problems", sum(1 for i in intents if i.problems) - len(counted), True),
    ]


def prompt_breakdown(intents: list[PromptIntent]) -> list[list[str]]:
    """Per planted fault: intents, each outcome, and prompts stored."""
    names = ["(none)", *(kind.name for kind in PROMPT_FAULTS)]
    shown = ("Sent", "SentAfterLostAnswer", "NotSent", "Unresolved", "Failed")
    rows = []
    for name in names:
        group = [i for i in intents if (i.fault or "(none)") == name]
        if group:
            outcomes = Counter(i.outcome for i in group)
            stored = sum(i.stored for i in group)
            rows.append([name, str(len(group)), *(str(outcomes[o]) for o in shown), str(stored)])
    return [["fault on POST .../prompt", "intents", *shown, "on server"], *rows]
