"""Records of the chat routes' answers (a prompt accepted, a conversation's messages, the AI
models offered), decoded like the others in ``api/models.py``; the message roles' names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import msgspec

from flashback_desktop.api.decoding import (
    Answer as _Answer,
)
from flashback_desktop.api.decoding import (
    Body,
    ShapeError,
)
from flashback_desktop.api.decoding import (
    NonEmpty as _NonEmpty,
)
from flashback_desktop.api.decoding import (
    Record as _Record,
)
from flashback_desktop.api.decoding import (
    decode_as as _decode_as,
)
from flashback_desktop.api.decoding import (
    timestamp as _timestamp,
)

# A message's role (openapi.yaml's Message.role): who wrote it.
ROLE_USER = "user"
ROLE_ASSISTANT = "assistant"


class Message(_Record, frozen=True, gc=False):
    """One message of a conversation (openapi.yaml's Message).

    ``tokenCount`` is a plain number here, unlike a conversation's string counters; it is
    kept loose, so a count no server should send hides the count, not the conversation.
    """

    id: _NonEmpty
    role_or_none: str | None = msgspec.field(default=None, name="role")
    content_or_none: str | None = msgspec.field(default=None, name="content")
    model_or_none: str | None = msgspec.field(default=None, name="model")
    token_count_raw: Any = msgspec.field(default=None, name="tokenCount")
    created_text: str | None = msgspec.field(default=None, name="createdAt")

    @property
    def role(self) -> str:
        return self.role_or_none or ""

    @property
    def content(self) -> str:
        return self.content_or_none or ""

    @property
    def model(self) -> str:
        return self.model_or_none or ""

    @property
    def token_count(self) -> int | None:
        """None when the server sent none, or something no count can be."""
        raw = self.token_count_raw
        if isinstance(raw, int) and not isinstance(raw, bool) and 0 <= raw <= 2**63 - 1:
            return raw
        return None

    @property
    def created_at(self) -> datetime | None:
        return _timestamp(self.created_text)

    @property
    def is_reply(self) -> bool:
        """Plainly the assistant's answer: its role, and some text."""
        return self.role == ROLE_ASSISTANT and bool(self.content.strip())


class _MessagesAnswer(_Answer, frozen=True, gc=False):
    messages: tuple[Message, ...] | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class ConversationMessages:
    """GET /conversation/{id}/messages: the messages oldest first, and the title if any."""

    messages: tuple[Message, ...]
    title: str

    @classmethod
    def decode(cls, body: Body) -> ConversationMessages:
        answer = _decode_as(body, _MessagesAnswer)
        if answer.messages is None:
            raise ShapeError("field 'messages' is missing: Expected `array`")
        return cls(answer.messages, answer.title or "")


class _PromptAnswer(_Answer, frozen=True, gc=False):
    # Undocumented (the TS type is a stub): what a server may add, never relied upon.
    user_message: Message | None = msgspec.field(default=None, name="userMessage")
    assistant_message: Message | None = msgspec.field(default=None, name="assistantMessage")


@dataclass(frozen=True, slots=True)
class PromptAccepted:
    """POST /conversation/{id}/prompt said yes; the messages it carries, if any."""

    user_message: Message | None
    reply: Message | None  # only when plainly the assistant's answer

    @classmethod
    def decode(cls, body: Body) -> PromptAccepted:
        answer = _decode_as(body, _PromptAnswer)
        reply = answer.assistant_message
        user = answer.user_message
        return cls(
            user if user is not None and user.role in ("", ROLE_USER) else None,
            reply if reply is not None and reply.is_reply else None,
        )


class AiModel(_Record, frozen=True, gc=False):
    """One entry of POST /ai/models: the id the prompt sends, and a name to show."""

    id: _NonEmpty
    name_or_none: str | None = msgspec.field(default=None, name="name")

    @property
    def name(self) -> str:
        return self.name_or_none or self.id


class _AiModelsAnswer(_Answer, frozen=True, gc=False):
    models: tuple[AiModel, ...] | None = None


def decode_ai_models(body: Body) -> tuple[AiModel, ...]:
    models = _decode_as(body, _AiModelsAnswer).models
    if models is None:
        raise ShapeError("field 'models' is missing: Expected `array`")
    return models
