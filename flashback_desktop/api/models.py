"""Typed, frozen records of the API's answers, decoded straight from the body with msgspec.

One ``msgspec.Struct`` per answer shape, holding only the fields the app uses: msgspec skips
every other field without building it (the 10,000-repository list is 15 MB of JSON, most of
it buckets and keys the app never shows). Fields the API fills loosely are ``Optional``.
Anything else (not JSON, a wrong type or shape, nesting past the decoder's depth limit, an
integer too large to use) raises ``ShapeError``, which the client turns into an
``UnreadableResponseError``: the person sees a plain message, not a crash.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import msgspec

# The decoding core lives in api/decoding.py; the records below use it under these names.
from flashback_desktop.api.decoding import (
    Answer as _Answer,
)
from flashback_desktop.api.decoding import (
    Body,
    ErrorBody,
    NotJsonError,
    RefusedAnswer,
    ShapeError,
    decode,
    decode_error_body,
)
from flashback_desktop.api.decoding import (
    Count as _Count,
)
from flashback_desktop.api.decoding import (
    Counter as _Counter,
)
from flashback_desktop.api.decoding import (
    NonEmpty as _NonEmpty,
)
from flashback_desktop.api.decoding import (
    Record as _Record,
)
from flashback_desktop.api.decoding import (
    counter as _counter,
)
from flashback_desktop.api.decoding import (
    decode_as as _decode_as,
)
from flashback_desktop.api.decoding import (
    timestamp as _timestamp,
)
from flashback_desktop.translatable import QT_TRANSLATE_NOOP

# Re-exported: the client, the decoders' tests and the sandbox import them from here.
__all__ = [
    "Body",
    "ErrorBody",
    "NotJsonError",
    "RefusedAnswer",
    "ShapeError",
    "decode",
    "decode_error_body",
]


# The name shown for a repository the server sent without one (translated where shown).
UNNAMED_REPOSITORY = QT_TRANSLATE_NOOP("Messages", "(unnamed repository)")


class Workspace(_Record, frozen=True, gc=False):
    id: _NonEmpty
    name_or_none: str | None = msgspec.field(default=None, name="name")

    @property
    def name(self) -> str:
        return self.name_or_none or ""


class _AiModel(_Record, frozen=True, gc=False):
    name: str | None = None


class _AiLink(_Record, frozen=True, gc=False):
    ai_llm_id: str | None = msgspec.field(default=None, name="aiLlmId")
    ai_llm: _AiModel | None = msgspec.field(default=None, name="aiLlm")


class Repository(_Record, frozen=True, gc=False):
    id: _NonEmpty
    name_or_none: str | None = msgspec.field(default=None, name="name")
    workspace_or_none: str | None = msgspec.field(default=None, name="workspaceId")
    storage_or_none: str | None = msgspec.field(default=None, name="storageType")
    created_text: str | None = msgspec.field(default=None, name="createdAt")
    disabled_or_none: bool | None = msgspec.field(default=None, name="disabled")
    ai_links: tuple[_AiLink, ...] | None = msgspec.field(default=None, name="aiLlms")

    @property
    def name(self) -> str:
        return self.name_or_none or UNNAMED_REPOSITORY

    @property
    def workspace_id(self) -> str:
        return self.workspace_or_none or ""

    @property
    def storage_type(self) -> str:
        return self.storage_or_none or ""

    @property
    def created_at(self) -> datetime | None:
        return _timestamp(self.created_text)

    @property
    def disabled(self) -> bool:
        return bool(self.disabled_or_none)

    # The two below run once per row when the table is built (10,000 times for a big
    # list), so they are written as plain loops with a fast path for one link.

    @property
    def ai_configured(self) -> bool | None:
        """None: the server did not say (aiLlms absent); False: no AI model configured."""
        links = self.ai_links
        if links is None:
            return None
        for link in links:  # noqa: SIM110 - a generator costs more, 10,000 times per list
            if link.ai_llm_id or link.ai_llm is not None:  # either field names a model
                return True
        return False

    @property
    def ai_model_names(self) -> tuple[str, ...]:
        """Names of the configured models, where the server nested them (aiLlm.name)."""
        links = self.ai_links
        if not links:
            return ()
        if len(links) == 1:
            model = links[0].ai_llm
            return (model.name,) if model is not None and model.name else ()
        names = {link.ai_llm.name for link in links if link.ai_llm and link.ai_llm.name}
        return tuple(sorted(names, key=str.casefold))


class _RepositoriesAnswer(_Answer, frozen=True, gc=False):
    repos: tuple[Repository, ...] | None = None


class _WorkspacesAnswer(_Answer, frozen=True, gc=False):
    workspaces: tuple[Workspace, ...] | None = None


class _CreatedAnswer(_Answer, frozen=True, gc=False):
    conversation_id: str | None = msgspec.field(default=None, name="conversationId")


@dataclass(frozen=True, slots=True)
class CreatedConversation:
    conversation_id: str

    @classmethod
    def decode(cls, body: Body) -> CreatedConversation:
        answer = _decode_as(body, _CreatedAnswer)
        if not answer.conversation_id:
            raise ShapeError("field 'conversationId' is missing or not a non-empty string")
        return cls(answer.conversation_id)


class _Creator(_Record, frozen=True, gc=False):
    name: str | None = None
    last_name: str | None = msgspec.field(default=None, name="lastName")
    email: str | None = None


class Conversation(_Record, frozen=True, gc=False):
    id: _NonEmpty
    repo_or_none: str | None = msgspec.field(default=None, name="repoId")
    created_text: str | None = msgspec.field(default=None, name="createdAt")
    created_by_or_none: str | None = msgspec.field(default=None, name="createdBy")
    creator: _Creator | None = None
    title_or_none: str | None = msgspec.field(default=None, name="title")
    tokens_in_text: _Counter = msgspec.field(default=None, name="tokensIn")
    tokens_out_text: _Counter = msgspec.field(default=None, name="tokensOut")
    deleted_at: Any = msgspec.field(default=None, name="deletedAt")

    @property
    def repo_id(self) -> str:
        return self.repo_or_none or ""

    @property
    def created_at(self) -> datetime | None:
        return _timestamp(self.created_text)

    @property
    def created_by(self) -> str:
        return self.created_by_or_none or ""

    @property
    def creator_name(self) -> str:
        creator = self.creator
        if creator is None:
            return ""
        return " ".join(part for part in (creator.name, creator.last_name) if part)

    @property
    def creator_email(self) -> str:
        return (self.creator.email if self.creator else None) or ""

    @property
    def title(self) -> str:
        return self.title_or_none or ""

    @property
    def tokens_in(self) -> int:
        return _counter(self.tokens_in_text)

    @property
    def tokens_out(self) -> int:
        return _counter(self.tokens_out_text)

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None


class _ConversationsAnswer(_Answer, frozen=True, gc=False):
    conversations: tuple[Conversation, ...] | None = None
    total: _Count | None = None


@dataclass(frozen=True, slots=True)
class ConversationPage:
    conversations: tuple[Conversation, ...]
    total: int

    @classmethod
    def decode(cls, body: Body) -> ConversationPage:
        answer = _decode_as(body, _ConversationsAnswer)
        if answer.conversations is None:
            raise ShapeError("field 'conversations' is missing: Expected `array`")
        total = len(answer.conversations) if answer.total is None else answer.total
        return cls(answer.conversations, total)


# OrgRole codes (openapi.yaml) in the words the window shows (translated where shown).
ORG_ROLE_WORDS = {
    0: QT_TRANSLATE_NOOP("Messages", "Member"),
    1: QT_TRANSLATE_NOOP("Messages", "Billing"),
    2: QT_TRANSLATE_NOOP("Messages", "Workspace manager"),
    254: QT_TRANSLATE_NOOP("Messages", "Administrator"),
    255: QT_TRANSLATE_NOOP("Messages", "Owner"),
}


class _Profile(_Record, frozen=True, gc=False):
    id: _NonEmpty
    name: str | None = None
    last_name: str | None = msgspec.field(default=None, name="lastName")
    email: str | None = None
    org_id: str | None = msgspec.field(default=None, name="orgId")
    org_role: Any = msgspec.field(default=None, name="orgRole")  # loose: unknown codes mean 0
    mfa_required: bool | None = msgspec.field(default=None, name="mfaRequired")


class _ProfileAnswer(_Answer, frozen=True, gc=False):
    data: _Profile | None = None


@dataclass(frozen=True, slots=True)
class UserProfile:
    id: str
    first_name: str
    last_name: str
    email: str
    org_id: str | None
    org_role: int | None = None
    mfa_required: bool = False

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p) or self.email

    @property
    def organisation_role(self) -> str:
        """The person's role in their organisation, in words; empty without an organisation."""
        if self.org_id is None:
            return ""
        return ORG_ROLE_WORDS.get(self.org_role or 0, ORG_ROLE_WORDS[0])

    @classmethod
    def decode(cls, body: Body) -> UserProfile:
        data = _decode_as(body, _ProfileAnswer).data
        if data is None:
            raise ShapeError("field 'data' is missing: Expected `object`")
        role = data.org_role
        return cls(
            id=data.id,
            first_name=data.name or "",
            last_name=data.last_name or "",
            email=data.email or "",
            org_id=data.org_id,
            org_role=role if isinstance(role, int) and not isinstance(role, bool) else None,
            mfa_required=bool(data.mfa_required),
        )


class _TokensAnswer(_Answer, frozen=True, gc=False):
    access_token: str | None = msgspec.field(default=None, name="accessToken")
    # The TS type of /user/refresh carries `token` beside `accessToken`; the docs show only
    # the latter.
    token: str | None = None
    full_access_token: str | None = msgspec.field(default=None, name="fullAccessToken")
    refresh_token: str | None = msgspec.field(default=None, name="refreshToken")


@dataclass(frozen=True, slots=True)
class LoginResult:
    """Tokens from /user/login, /user/refresh or /mfa/verify-login."""

    access_token: str = field(repr=False)
    refresh_token: str | None = field(repr=False)

    @classmethod
    def decode(cls, body: Body) -> LoginResult:
        answer = _decode_as(body, _TokensAnswer)
        return cls(_required(answer.access_token, "accessToken"), answer.refresh_token)

    @classmethod
    def decode_refresh(cls, body: Body) -> LoginResult:
        answer = _decode_as(body, _TokensAnswer)
        access = _required(answer.access_token or answer.token, "accessToken")
        return cls(access, answer.refresh_token)

    @classmethod
    def decode_mfa(cls, body: Body) -> LoginResult:
        answer = _decode_as(body, _TokensAnswer)
        return cls(_required(answer.full_access_token, "fullAccessToken"), answer.refresh_token)


def _required(value: str | None, key: str) -> str:
    if not value:
        raise ShapeError(f"field {key!r} is missing or not a non-empty string")
    return value


# Two-step methods (MFAType); only the authenticator app can be completed inside the app.
MFA_AUTHENTICATOR_APP = "GOOGLE_AUTH"


class _MfaData(_Record, frozen=True, gc=False):
    session_verified: bool | None = msgspec.field(default=None, name="sessionVerified")
    enabled_methods: tuple[str | int | float | bool, ...] = msgspec.field(
        default=(), name="enabledMethods"
    )


class _MfaAnswer(_Answer, frozen=True, gc=False):
    data: _MfaData | None = None


@dataclass(frozen=True, slots=True)
class MfaStatus:
    session_verified: bool
    methods: tuple[str, ...]

    @classmethod
    def decode(cls, body: Body) -> MfaStatus:
        data = _decode_as(body, _MfaAnswer).data
        if data is None:
            raise ShapeError("field 'data' is missing: Expected `object`")
        methods = tuple(str(method) for method in data.enabled_methods)
        return cls(session_verified=bool(data.session_verified), methods=methods)


def decode_repositories(body: Body) -> tuple[Repository, ...]:
    repos = _decode_as(body, _RepositoriesAnswer).repos
    if repos is None:
        raise ShapeError("field 'repos' is missing: Expected `array`")
    return repos


class _RepositoryTextsAnswer(_Answer, frozen=True, gc=False):
    """The same answer with each repository kept as its JSON text: one scan that checks the
    JSON and builds no record (7 ms for 10,000, against 11 ms for the records)."""

    repos: tuple[msgspec.Raw, ...] | None = None


_REPOSITORY_DECODER = msgspec.json.Decoder(Repository)
REPOSITORIES_PER_SLICE = 2000  # about 2.5 ms of decoding


def decode_repositories_in_slices(body: Body) -> Generator[None, None, tuple[Repository, ...]]:
    """``decode_repositories``, pausing (``yield``) after the scan and between slices of
    records, so a long list does not hold the window for the whole decode.

    Anything that does not fit decodes the whole body again with ``decode_repositories``, so
    a bad answer fails with exactly the same ``ShapeError`` (its path, its words) as there.
    """
    try:
        texts = decode(body, _RepositoryTextsAnswer).repos
        if texts is None:
            raise ShapeError("field 'repos' is missing")
        records: list[Repository] = []
        for start in range(0, len(texts), REPOSITORIES_PER_SLICE):
            yield
            records += map(
                _REPOSITORY_DECODER.decode, texts[start : start + REPOSITORIES_PER_SLICE]
            )
    except (ShapeError, msgspec.MsgspecError, RecursionError):
        return decode_repositories(body)  # raises, as the whole body does not fit
    return tuple(records)


def decode_workspaces(body: Body) -> tuple[Workspace, ...]:
    workspaces = _decode_as(body, _WorkspacesAnswer).workspaces
    if workspaces is None:
        raise ShapeError("field 'workspaces' is missing: Expected `array`")
    return workspaces


class _Acknowledgement(_Answer, frozen=True, gc=False):
    """An answer whose content the app does not use (logout, delete, the server check)."""


def decode_acknowledgement(body: Body) -> None:
    """Any JSON will do; only a body that is not JSON at all is unreadable."""
    decode(body, _Acknowledgement | list[msgspec.Raw] | str | float | bool | None)
