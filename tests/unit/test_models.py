from __future__ import annotations

import json
from typing import Any

import pytest

from flashback_desktop.api.chat_models import ConversationMessages, PromptAccepted
from flashback_desktop.api.models import (
    Conversation,
    ConversationPage,
    CreatedConversation,
    Repository,
    ShapeError,
    UserProfile,
    decode_repositories,
)


def body(value: object) -> bytes:
    return json.dumps(value).encode()


class _Parsed:
    """One record decoded the way the client decodes it: inside its answer."""

    @staticmethod
    def repository(value: object) -> Repository:
        (repo,) = decode_repositories(body({"success": True, "repos": [value]}))
        return repo

    @staticmethod
    def conversation(value: object) -> Conversation:
        page = ConversationPage.decode(body({"success": True, "conversations": [value]}))
        return page.conversations[0]


parse = _Parsed()

REPO: dict[str, Any] = {
    "id": "r1",
    "name": "Contracts 2026",
    "storageType": "GCS",
    "mode": "NORMAL",
    "workspaceId": "w1",
    "buckets": [],
    "createdAt": "2026-01-02T09:30:00.000Z",
}


def test_repository_with_only_required_fields() -> None:
    repo = parse.repository(REPO)
    assert repo.name == "Contracts 2026"
    assert repo.created_at is not None
    assert repo.created_at.year == 2026
    assert repo.ai_configured is None  # absent means unknown, not "none"
    assert repo.disabled is False


def test_ai_models_empty_list_means_none_configured() -> None:
    assert parse.repository({**REPO, "aiLlms": []}).ai_configured is False
    assert parse.repository({**REPO, "aiLlms": [{"aiLlmId": "x"}]}).ai_configured is True


def test_wrong_types_are_a_shape_error_not_a_crash() -> None:
    with pytest.raises(ShapeError):
        parse.repository({**REPO, "id": 5})
    with pytest.raises(ShapeError):
        decode_repositories(body({"success": True, "repos": {"not": "a list"}}))
    with pytest.raises(ShapeError):
        parse.repository({**REPO, "aiLlms": "yes"})


def test_unparseable_date_is_unknown() -> None:
    assert parse.repository({**REPO, "createdAt": "yesterday"}).created_at is None


@pytest.mark.parametrize(
    "text", ["9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+05:00", "1970-01-01T00:00:00Z"]
)
def test_a_date_no_server_could_mean_is_unknown(text: str) -> None:
    """Converting these to local time overflows, or falls before the epoch (Windows)."""
    assert parse.repository({**REPO, "createdAt": text}).created_at is None


def test_a_date_without_a_zone_is_read_as_utc() -> None:
    created = parse.repository({**REPO, "createdAt": "2026-01-02T09:30:00"}).created_at
    assert created is not None
    assert created.utcoffset() is not None
    assert created.hour == 9


def test_created_conversation_needs_an_id() -> None:
    assert CreatedConversation.decode(
        body({"success": True, "conversationId": "c"})
    ).conversation_id
    with pytest.raises(ShapeError):
        CreatedConversation.decode(body({"success": True}))
    with pytest.raises(ShapeError):
        CreatedConversation.decode(body({"success": False, "conversationId": "c"}))


def test_token_counters_beyond_64_bits_survive() -> None:
    huge = str(2**70)
    page = ConversationPage.decode(
        body(
            {
                "success": True,
                "total": 1,
                "conversations": [{"id": "c1", "tokensIn": huge, "tokensOut": "0"}],
            }
        )
    )
    assert page.conversations[0].tokens_in == 2**70
    with pytest.raises(ShapeError):
        ConversationPage.decode(
            body({"conversations": [{"id": "c", "tokensIn": "-1"}], "total": 1})
        )


def test_profile_display_name() -> None:
    profile = UserProfile.decode(
        body(
            {
                "success": True,
                "data": {"id": "u", "name": "Ana", "lastName": "Ruiz", "email": "a@x"},
            }
        )
    )
    assert profile.display_name == "Ana Ruiz"


def test_ai_model_links_and_names() -> None:
    def parsed(links: object) -> Repository:
        return parse.repository({**REPO, "aiLlms": links})

    assert parsed([{}]).ai_configured is False  # an entry that points at no model
    named = parsed(
        [{"aiLlm": {"name": "OpenAI GPT"}}, {"aiLlmId": "b", "aiLlm": {"name": "Claude"}}]
    )
    assert named.ai_configured is True
    assert named.ai_model_names == ("Claude", "OpenAI GPT")
    assert parsed([{"aiLlmId": "x"}]).ai_model_names == ()


CONVERSATION: dict[str, Any] = {
    "id": "c1",
    "orgId": "o",
    "createdBy": "u1",
    "createdAt": "2026-04-01T09:00:00.000Z",
    "lastUpdatedAt": "2026-04-01T09:00:00.000Z",
    "workspaceId": "w1",
    "repoId": "r1",
    "tokensIn": "123456789012345678901234567890",
    "tokensOut": "0",
}


def test_conversation_counters_are_exact_integers() -> None:
    parsed = parse.conversation(CONVERSATION)
    assert parsed.tokens_in == 123456789012345678901234567890
    assert parsed.title == ""
    assert parsed.creator_email == ""
    with pytest.raises(ShapeError):  # "²" passes str.isdigit() but is no decimal number
        parse.conversation({**CONVERSATION, "tokensIn": "²"})
    with pytest.raises(ShapeError):
        parse.conversation({**CONVERSATION, "tokensOut": "1.5e3"})
    creator = {"id": "u1", "name": "Ana", "lastName": "Ruiz", "email": "ana@x.org"}
    full = parse.conversation({**CONVERSATION, "creator": creator, "title": "Q1"})
    assert (full.creator_name, full.creator_email, full.title) == ("Ana Ruiz", "ana@x.org", "Q1")


# ---- the chat routes' records --------------------------------------------------------------


def _message(**fields: object) -> dict[str, object]:
    return {"id": "m1", "role": "assistant", "content": "Here it is.", **fields}


@pytest.mark.parametrize(
    ("reply", "plainly"),
    [
        (_message(), True),
        (_message(role="user"), False),  # not the assistant's
        (_message(role="system"), False),
        (_message(content="   "), False),  # no text to show
        (_message(content=None), False),
        (_message(role=None), False),
    ],
)
def test_a_reply_in_the_prompts_answer_is_used_only_when_plainly_the_assistants(
    reply: dict[str, object], plainly: bool
) -> None:
    user = {"id": "u1", "role": "user", "content": "Any news?"}
    accepted = PromptAccepted.decode(
        body({"success": True, "userMessage": user, "assistantMessage": reply})
    )
    assert accepted.user_message is not None
    assert accepted.user_message.id == "u1"
    assert (accepted.reply is not None) is plainly


def test_a_user_message_that_is_not_the_users_is_not_taken_for_the_prompt() -> None:
    accepted = PromptAccepted.decode(body({"success": True, "userMessage": _message()}))
    assert accepted.user_message is None
    assert PromptAccepted.decode(body({"success": True, "message": "ok"})).reply is None


@pytest.mark.parametrize(
    ("count", "read"),
    [(12, 12), (0, 0), ("12", None), (1.5, None), (True, None), (-1, None), (None, None)],
)
def test_a_messages_token_count_is_a_plain_number_or_unknown(count: object, read: object) -> None:
    page = ConversationMessages.decode(
        body({"success": True, "messages": [_message(tokenCount=count)], "title": None})
    )
    assert page.messages[0].token_count == read
    assert page.title == ""
