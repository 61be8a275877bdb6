"""Typed, frozen views of the API's JSON, parsed defensively.

Missing optional fields are fine. A field of the wrong type raises ``ShapeError``, which the
client turns into an ``UnreadableResponseError``: the person sees a plain message, not a crash.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

_DECIMAL = re.compile(r"[0-9]+")


class ShapeError(ValueError):
    """The JSON does not have the documented shape."""


JsonObject = Mapping[str, Any]


def as_object(value: object, what: str) -> JsonObject:
    if not isinstance(value, Mapping):
        raise ShapeError(f"{what} is not a JSON object")
    return value


def as_list(value: object, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise ShapeError(f"{what} is not a JSON list")
    return value


def required_str(obj: JsonObject, key: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value:
        raise ShapeError(f"field {key!r} is missing or not a non-empty string")
    return value


def optional_str(obj: JsonObject, key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ShapeError(f"field {key!r} is not a string")
    return value


def optional_bool(obj: JsonObject, key: str) -> bool | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, bool):
        raise ShapeError(f"field {key!r} is not true or false")
    return value


def optional_datetime(obj: JsonObject, key: str) -> datetime | None:
    """ISO 8601 timestamps; an unparseable date is shown as unknown rather than failing the list."""
    value = optional_str(obj, key)
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def big_int(obj: JsonObject, key: str) -> int:
    """Counters that arrive as decimal strings because they may exceed 2^53."""
    value = obj.get(key)
    if value is None:
        return 0
    if isinstance(value, bool):
        raise ShapeError(f"field {key!r} is not a number")
    if isinstance(value, int):
        return value
    # ASCII digits only (BigIntString's pattern): str.isdigit() would also let "²" through.
    if isinstance(value, str) and _DECIMAL.fullmatch(value):
        return int(value)
    raise ShapeError(f"field {key!r} is not a whole number")


@dataclass(frozen=True, slots=True)
class Workspace:
    id: str
    name: str

    @classmethod
    def from_json(cls, value: object) -> Workspace:
        obj = as_object(value, "workspace")
        return cls(id=required_str(obj, "id"), name=optional_str(obj, "name") or "")


@dataclass(frozen=True, slots=True)
class Repository:
    id: str
    name: str
    workspace_id: str
    storage_type: str
    created_at: datetime | None
    disabled: bool
    # None: the server did not say (field absent); False: no AI model configured.
    ai_configured: bool | None
    # Names of the configured models, where the server nested them (aiLlm.name).
    ai_model_names: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, value: object) -> Repository:
        obj = as_object(value, "repository")
        ai_llms = obj.get("aiLlms")
        links = None if ai_llms is None else _ai_links(as_list(ai_llms, "aiLlms"))
        return cls(
            id=required_str(obj, "id"),
            name=optional_str(obj, "name") or "(unnamed repository)",
            workspace_id=optional_str(obj, "workspaceId") or "",
            storage_type=optional_str(obj, "storageType") or "",
            created_at=optional_datetime(obj, "createdAt"),
            disabled=bool(optional_bool(obj, "disabled")),
            ai_configured=None if links is None else bool(links),
            ai_model_names=_ai_model_names(links or []),
        )


def _ai_links(items: list[Any]) -> list[JsonObject]:
    """Entries that point at a model: both aiLlmId and aiLlm are optional, so check both."""
    links = []
    for item in items:
        link = as_object(item, "aiLlms entry")
        if optional_str(link, "aiLlmId") or isinstance(link.get("aiLlm"), Mapping):
            links.append(link)
    return links


def _ai_model_names(links: list[JsonObject]) -> tuple[str, ...]:
    names = []
    for link in links:
        llm = link.get("aiLlm")
        name = optional_str(llm, "name") if isinstance(llm, Mapping) else None
        if name and name not in names:
            names.append(name)
    return tuple(sorted(names, key=str.casefold))


@dataclass(frozen=True, slots=True)
class CreatedConversation:
    conversation_id: str

    @classmethod
    def from_json(cls, value: object) -> CreatedConversation:
        obj = as_object(value, "response")
        if obj.get("success") is False:
            raise ShapeError("the server answered success: false")
        return cls(conversation_id=required_str(obj, "conversationId"))


@dataclass(frozen=True, slots=True)
class Conversation:
    id: str
    repo_id: str
    created_at: datetime | None
    created_by: str
    creator_name: str
    creator_email: str
    title: str
    tokens_in: int
    tokens_out: int
    deleted: bool

    @classmethod
    def from_json(cls, value: object) -> Conversation:
        obj = as_object(value, "conversation")
        creator = obj.get("creator")
        creator_name = creator_email = ""
        if isinstance(creator, Mapping):
            parts = (optional_str(creator, "name"), optional_str(creator, "lastName"))
            creator_name = " ".join(p for p in parts if p)
            creator_email = optional_str(creator, "email") or ""
        return cls(
            id=required_str(obj, "id"),
            repo_id=optional_str(obj, "repoId") or "",
            created_at=optional_datetime(obj, "createdAt"),
            created_by=optional_str(obj, "createdBy") or "",
            creator_name=creator_name,
            creator_email=creator_email,
            title=optional_str(obj, "title") or "",
            tokens_in=big_int(obj, "tokensIn"),
            tokens_out=big_int(obj, "tokensOut"),
            deleted=obj.get("deletedAt") is not None,
        )


@dataclass(frozen=True, slots=True)
class ConversationPage:
    conversations: tuple[Conversation, ...]
    total: int

    @classmethod
    def from_json(cls, value: object) -> ConversationPage:
        obj = as_object(value, "response")
        items = as_list(obj.get("conversations"), "conversations")
        total = obj.get("total", len(items))
        if not isinstance(total, int) or isinstance(total, bool):
            raise ShapeError("field 'total' is not a number")
        return cls(tuple(Conversation.from_json(item) for item in items), total)


# OrgRole codes (openapi.yaml) in the words the window shows.
_ORG_ROLE_WORDS = {
    0: "Member",
    1: "Billing",
    2: "Workspace manager",
    254: "Administrator",
    255: "Owner",
}


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
        return _ORG_ROLE_WORDS.get(self.org_role or 0, "Member")

    @classmethod
    def from_json(cls, value: object) -> UserProfile:
        obj = as_object(as_object(value, "response").get("data"), "profile")
        role = obj.get("orgRole")
        return cls(
            id=required_str(obj, "id"),
            first_name=optional_str(obj, "name") or "",
            last_name=optional_str(obj, "lastName") or "",
            email=optional_str(obj, "email") or "",
            org_id=optional_str(obj, "orgId"),
            org_role=role if isinstance(role, int) and not isinstance(role, bool) else None,
            mfa_required=optional_bool(obj, "mfaRequired") or False,
        )


@dataclass(frozen=True, slots=True)
class LoginResult:
    """Tokens from /user/login, /user/refresh or /mfa/verify-login."""

    access_token: str = field(repr=False)
    refresh_token: str | None = field(repr=False)

    @classmethod
    def from_json(cls, value: object) -> LoginResult:
        obj = as_object(value, "response")
        return cls(
            access_token=required_str(obj, "accessToken"),
            refresh_token=optional_str(obj, "refreshToken"),
        )

    @classmethod
    def from_refresh_json(cls, value: object) -> LoginResult:
        # The TS type carries both `token` and `accessToken`; the docs show only the latter.
        obj = as_object(value, "response")
        access = optional_str(obj, "accessToken") or optional_str(obj, "token")
        if not access:
            raise ShapeError("field 'accessToken' is missing")
        return cls(access_token=access, refresh_token=optional_str(obj, "refreshToken"))

    @classmethod
    def from_mfa_json(cls, value: object) -> LoginResult:
        obj = as_object(value, "response")
        return cls(
            access_token=required_str(obj, "fullAccessToken"),
            refresh_token=optional_str(obj, "refreshToken"),
        )


# Two-step methods (MFAType); only the authenticator app can be completed inside the app.
MFA_AUTHENTICATOR_APP = "GOOGLE_AUTH"


@dataclass(frozen=True, slots=True)
class MfaStatus:
    session_verified: bool
    methods: tuple[str, ...]

    @classmethod
    def from_json(cls, value: object) -> MfaStatus:
        obj = as_object(as_object(value, "response").get("data"), "MFA status")
        methods = as_list(obj.get("enabledMethods", []), "enabledMethods")
        return cls(
            session_verified=optional_bool(obj, "sessionVerified") or False,
            methods=tuple(str(method) for method in methods),
        )


def parse_repositories(value: object) -> tuple[Repository, ...]:
    obj = as_object(value, "response")
    return tuple(Repository.from_json(item) for item in as_list(obj.get("repos"), "repos"))


def parse_workspaces(value: object) -> tuple[Workspace, ...]:
    obj = as_object(value, "response")
    items = as_list(obj.get("workspaces"), "workspaces")
    return tuple(Workspace.from_json(item) for item in items)
