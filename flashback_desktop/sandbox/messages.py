"""Message records (openapi.yaml's Message) and the seeded exchanges of the demo conversations.

No store here: ``data.SandboxState`` keeps each conversation's messages with
the conversation. This module only builds them, deterministically apart from
their ids (uuid4, like the conversations they belong to).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from .assistant import demo_reply, token_count

Json = dict[str, Any]

USER = "user"
ASSISTANT = "assistant"
SYSTEM = "system"

# The first prompt of each seeded conversation, by its title (None: an untitled one).
SEED_PROMPTS: dict[str | None, str] = {
    "Renewal terms": "Which contracts come up for renewal this quarter, and on what terms?",
    "Q3 forecast": "Summarise the Q3 forecast assumptions for travel and marketing spend.",
    "Spring launch": "What are the key dates of the spring launch campaign?",
    "Summary of changes": "Summarise the changes between the last two versions of the "
    "supplier agreement.",
    "Open questions": "What open questions are left in the latest drafts?",
    "Risks to flag": "Which clauses carry risks I should flag to the legal team?",
    "Draft reply": "Draft a polite reply to the supplier asking for a payment extension.",
    "Key dates": "List the key dates and deadlines in these documents.",
    "Who signed what": "Who signed which agreement, and when?",
    None: "Find the latest invoice from Northwind Traders.",
}
FOLLOW_UP = "Thanks. Can you put that in a short table for the team meeting?"

# Questions the long (benchmark) conversation cycles through.
_LONG_PROMPTS = (
    "Which runbook covers restarting the VPN gateway?",
    "Summarise the backup rotation policy for the file servers.",
    "Who is on call for the ticketing system this week?",
    "List the steps to onboard a new laptop.",
    "What changed in the firewall rules last month?",
    "Where is the disaster recovery checklist?",
    "How do I reset a user's multi-factor device?",
    "Which servers are due for patching?",
)


def iso(moment: datetime) -> str:
    """ISO-8601 in UTC with milliseconds and Z, like JavaScript's toISOString()."""
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def make_message(
    conversation_id: str,
    role: str,
    content: str,
    *,
    model: str,
    created: datetime,
    metadata: Json | None = None,
) -> Json:
    """A Message as GET /conversation/{id}/messages returns it; tokenCount is a number."""
    return {
        "id": str(uuid.uuid4()),
        "conversationId": conversation_id,
        "role": role,
        "content": content,
        "tokenCount": token_count(content),
        "model": model,
        "metadata": metadata if metadata is not None else {},
        "createdAt": iso(created),
    }


def reply_metadata(latency_ms: int) -> Json:
    """What the demo assistant notes on its replies (free-form, as metadata is in the spec)."""
    return {"finishReason": "stop", "latencyMs": latency_ms, "demo": True}


def exchange(
    conversation_id: str, prompt: str, *, repo_name: str, model: str, asked: datetime
) -> list[Json]:
    """One prompt and the demo assistant's reply to it, 20 seconds later."""
    reply = demo_reply(prompt, repo_name, model)
    return [
        make_message(conversation_id, USER, prompt, model=model, created=asked),
        make_message(
            conversation_id,
            ASSISTANT,
            reply,
            model=model,
            created=asked + timedelta(seconds=20),
            metadata=reply_metadata(20_000),
        ),
    ]


def seeded_history(
    conversation_id: str,
    title: str | None,
    *,
    repo_name: str,
    model: str,
    started: datetime,
    follow_up: bool,
) -> list[Json]:
    """A seeded conversation's messages: a system note, one exchange, maybe a follow-up."""
    prompt = SEED_PROMPTS.get(title, SEED_PROMPTS[None])
    system = (
        f"Answers use the documents in {repo_name}. "
        "Prompts are checked against your organisation's AI policies."
    )
    messages = [make_message(conversation_id, SYSTEM, system, model=model, created=started)]
    asked = started + timedelta(minutes=1)
    messages += exchange(conversation_id, prompt, repo_name=repo_name, model=model, asked=asked)
    if follow_up:
        later = asked + timedelta(minutes=3)
        messages += exchange(
            conversation_id, FOLLOW_UP, repo_name=repo_name, model=model, asked=later
        )
    return messages


def long_history(
    conversation_id: str, *, repo_name: str, model: str, count: int, started: datetime
) -> list[Json]:
    """``count`` messages (user and assistant taking turns), two minutes apart, oldest first."""
    messages: list[Json] = []
    for index in range(count):
        moment = started + timedelta(minutes=2 * index)
        turn = index // 2
        prompt = f"{_LONG_PROMPTS[turn % len(_LONG_PROMPTS)]} (question {turn + 1})"
        if index % 2 == 0:
            messages.append(
                make_message(conversation_id, USER, prompt, model=model, created=moment)
            )
        else:
            reply = demo_reply(prompt, repo_name, model)
            messages.append(
                make_message(
                    conversation_id,
                    ASSISTANT,
                    reply,
                    model=model,
                    created=moment,
                    metadata=reply_metadata(1_500),
                )
            )
    return messages


def token_totals(messages: Sequence[Json]) -> tuple[int, int]:
    """(tokens in, tokens out): what users sent and what the assistant answered."""
    tokens_in = sum(m["tokenCount"] for m in messages if m["role"] == USER)
    tokens_out = sum(m["tokenCount"] for m in messages if m["role"] == ASSISTANT)
    return tokens_in, tokens_out
