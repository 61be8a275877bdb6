"""Property tests: every response decoder, fed arbitrary JSON and arbitrary bytes.

The only exception that may come out is the project's own ``ShapeError`` (which the client
turns into its "unreadable answer" error), and a record that decodes must be usable: every
property the window reads works. Issue 15, item 11.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashback_desktop.api import chat_models, models
from flashback_desktop.api.models import ShapeError

# The field names the decoders look for, so arbitrary JSON reaches past the top level.
KNOWN_KEYS = (
    "success", "repos", "workspaces", "conversations", "total", "data", "id", "name",
    "lastName", "email", "orgId", "orgRole", "mfaRequired", "workspaceId", "storageType",
    "createdAt", "disabled", "aiLlms", "aiLlmId", "aiLlm", "repoId", "createdBy", "creator",
    "title", "tokensIn", "tokensOut", "deletedAt", "conversationId", "accessToken", "token",
    "fullAccessToken", "refreshToken", "sessionVerified", "enabledMethods", "message",
    "error_message", "error", "error_code", "messages", "role", "content", "model",
    "tokenCount", "userMessage", "assistantMessage", "models",
)  # fmt: skip

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**60), max_value=10**60)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(["", "2026-01-02T09:30:00Z", "2026-01-02T09:30:00", "9" * 45, "0"])
)
KEYS = st.sampled_from(KNOWN_KEYS) | st.text(max_size=10)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=6),
    max_leaves=40,
)


def _touch_everything(value: object) -> None:
    """Read every public attribute and property, recursively: the window will."""
    if isinstance(value, tuple):
        for item in value:
            _touch_everything(item)
        return
    if not (isinstance(value, msgspec.Struct) or dataclasses.is_dataclass(value)):
        return  # a plain value (or plain JSON the record keeps as it came)
    for name in dir(value):
        if not name.startswith("_"):
            attribute = getattr(value, name)
            if not callable(attribute):
                _touch_everything(attribute)


DECODERS: dict[str, Callable[[bytes], Any]] = {
    "repositories": models.decode_repositories,
    "workspaces": models.decode_workspaces,
    "acknowledgement": models.decode_acknowledgement,
    "conversation page": models.ConversationPage.decode,
    "created conversation": models.CreatedConversation.decode,
    "profile": models.UserProfile.decode,
    "mfa status": models.MfaStatus.decode,
    "login": models.LoginResult.decode,
    "refresh": models.LoginResult.decode_refresh,
    "mfa login": models.LoginResult.decode_mfa,
    "error body": models.decode_error_body,
    "conversation messages": chat_models.ConversationMessages.decode,
    "prompt accepted": chat_models.PromptAccepted.decode,
    "ai models": chat_models.decode_ai_models,
}


def decodes_or_shape_error(decoder: Callable[[bytes], Any], body: bytes) -> None:
    try:
        result = decoder(body)
    except ShapeError:
        return
    _touch_everything(result)


# Bodies no small random draw reaches: nesting past every depth limit, numbers past int().
ABSURD = st.integers(min_value=1_000, max_value=60_000).flatmap(
    lambda n: st.sampled_from(
        [b"[" * n + b"]" * n, b'{"a":' * n + b"1" + b"}" * n, b"[" + b"9" * (n // 10) + b"]"]
    )
)
BYTES = st.binary(max_size=200) | ABSURD

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("name", DECODERS)
@PROPERTY
@given(value=JSON)
def test_arbitrary_json(name: str, value: object) -> None:
    decodes_or_shape_error(DECODERS[name], json.dumps(value).encode())


@pytest.mark.parametrize("name", DECODERS)
@PROPERTY
@given(
    wrapper=st.sampled_from(
        ["repos", "workspaces", "conversations", "data", "messages", "models", "userMessage"]
    ),
    value=JSON,
)
def test_arbitrary_json_inside_the_answer(name: str, wrapper: str, value: object) -> None:
    """The documented envelope around arbitrary content: the decoders must look inside."""
    items = value if wrapper in ("data", "userMessage") else [value]
    body = json.dumps({"success": True, wrapper: items}).encode()
    decodes_or_shape_error(DECODERS[name], body)


@pytest.mark.parametrize("name", DECODERS)
@PROPERTY
@given(body=BYTES)
def test_arbitrary_bytes(name: str, body: bytes) -> None:
    decodes_or_shape_error(DECODERS[name], body)


@pytest.mark.parametrize("name", DECODERS)
@PROPERTY
@given(value=JSON, cut=st.integers(min_value=0), junk=st.binary(min_size=1, max_size=8))
def test_damaged_json(name: str, value: object, cut: int, junk: bytes) -> None:
    """Valid JSON with bytes replaced: the likeliest garbage a broken proxy makes."""
    answer = {"success": True, "repos": [value], "data": value, "messages": [value]}
    body = bytearray(json.dumps(answer).encode())
    at = cut % len(body)
    body[at : at + len(junk)] = junk
    decodes_or_shape_error(DECODERS[name], bytes(body))


def test_the_error_body_decoder_tells_odd_from_absurd() -> None:
    """Odd (HTML, a list): None, and the status speaks. Absurd JSON: unreadable."""
    assert models.decode_error_body(b"<html>502 Bad Gateway</html>") is None
    assert models.decode_error_body(b'["not", "an", "object"]') is None
    with pytest.raises(ShapeError):
        models.decode_error_body(b"[" * 100_000)
    with pytest.raises(ShapeError):
        models.decode_error_body(b'{"message": ' + b"9" * 5000 + b"}")
