"""JSON answers and request parsing shared by the sandbox's route modules.

``server.py`` and ``chat_routes.py`` both serve routes; what every route needs
to read a request and answer it lives here, once.
"""

from __future__ import annotations

import json
import re

from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import Response

from .data import ApiError, Json, SandboxState

_JSON_TYPE = "application/json; charset=utf-8"  # what Express sends


class NoSuchRoute(Exception):
    """The route exists here but is switched off (production has no /conversation)."""


class StateRoutes:
    """What every group of routes over a ``SandboxState`` shares: the caller and the switch."""

    def __init__(self, state: SandboxState) -> None:
        self.state = state

    def _caller(self, request: Request) -> Json:
        """The user of a full-access token (a limited one gets 403 MFA_REQUIRED)."""
        return self.state.authenticate(bearer_token(request))

    def _conversation_routes_enabled(self) -> None:
        if not self.state.conversations_enabled:
            raise NoSuchRoute()


def json_response(payload: Json, status: int = 200) -> Response:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(body, status_code=status, media_type=_JSON_TYPE)


def bearer_token(request: Request) -> str:
    """The token of ``Authorization: Bearer …``; ApiError(401) when missing or malformed."""
    header = request.headers.get("authorization")
    if not header:
        raise ApiError(401, "Authentication required")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "Invalid authorization header")
    return token.strip()


async def json_object(request: Request) -> Json:
    raw = await request.body()
    try:
        value = json.loads(raw)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError alike
        raise ApiError(400, "Request body must be valid JSON") from exc
    if not isinstance(value, dict):
        raise ApiError(400, "Request body must be a JSON object")
    return value


def required_string(body: Json, name: str) -> str:
    value = body.get(name)
    if not isinstance(value, str) or not value.strip():
        raise ApiError(400, f"{name} is required and must be a non-empty string")
    return value


def text_param(params: QueryParams, name: str) -> str | None:
    return params.get(name) or None  # "?repoId=" means no filter


def int_param(params: QueryParams, name: str, default: int, low: int, high: int | None) -> int:
    text = params.get(name)
    if text is None or text == "":
        return default
    value = int(text) if re.fullmatch(r"\d{1,9}", text) else -1
    if value < low or (high is not None and value > high):
        limit = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise ApiError(400, f"{name} must be an integer {limit}")
    return value
