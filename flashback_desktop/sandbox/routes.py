"""The sign-in, identity, workspace, repository and conversation routes (openapi.yaml).

One method per operation; ``server.build_app`` mounts them with the chat routes
(``chat_routes.py``). Auth is checked first on every authenticated route; a
limited (pre-MFA) token passes only on the routes that sign-in needs.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from .data import ApiError, Caller, ConversationQuery, Json
from .web import (
    StateRoutes,
    bearer_token,
    int_param,
    json_object,
    json_response,
    required_string,
    text_param,
)

log = logging.getLogger("flashback.sandbox")


# ---------------------------------------------------------------- request parsing


def _refresh_token(body: Json) -> str:
    # The TS client sends refresh_token, the docs show refreshToken: accept both.
    name = "refresh_token" if "refresh_token" in body else "refreshToken"
    return required_string(body, name)


def _bool_param(params: QueryParams, name: str) -> bool:
    text = (params.get(name) or "false").lower()
    if text not in ("true", "false", "1", "0"):
        raise ApiError(400, f"{name} must be true or false")
    return text in ("true", "1")


def _date_param(params: QueryParams, name: str) -> datetime | None:
    text = params.get(name)
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ApiError(400, f"{name} must be an ISO 8601 date-time") from exc
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _conversation_query(params: QueryParams) -> ConversationQuery:
    return ConversationQuery(
        take=int_param(params, "take", 50, 1, 100),
        skip=int_param(params, "skip", 0, 0, None),
        repo_id=text_param(params, "repoId"),
        workspace_id=text_param(params, "workspaceId"),
        user_id=text_param(params, "userId"),
        created_from=_date_param(params, "from"),
        created_to=_date_param(params, "to"),
        show_deleted=_bool_param(params, "showDeleted"),
    )


# ---------------------------------------------------------------- routes


class Endpoints(StateRoutes):
    """One method per operation of openapi.yaml that the sandbox serves."""

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/user/login", self.login, methods=["POST"]),
            Route("/user/refresh", self.refresh, methods=["POST"]),
            Route("/user/logout", self.logout, methods=["POST"]),
            Route("/user/profile", self.profile, methods=["GET"]),
            Route("/mfa/status", self.mfa_status, methods=["GET"]),
            Route("/mfa/verify-login", self.mfa_verify_login, methods=["POST"]),
            Route("/workspace", self.workspaces, methods=["GET"]),
            Route("/repo", self.repos, methods=["GET"]),
            Route("/conversation", self.create_conversation, methods=["POST"]),
            Route("/conversation", self.list_conversations, methods=["GET"]),
            Route("/conversation/{conversationId}", self.delete_conversation, methods=["DELETE"]),
        ]

    def _signing_in_caller(self, request: Request) -> Caller:
        """The caller of a full or limited token, for the routes sign-in needs."""
        return self.state.caller(bearer_token(request))

    async def login(self, request: Request) -> Response:
        # No auth here; a Bearer header (the TS client sends one) is ignored.
        body = await json_object(request)
        email = required_string(body, "email")
        password = required_string(body, "password")
        return json_response(self.state.login(email, password))

    async def refresh(self, request: Request) -> Response:
        body = await json_object(request)
        return json_response(self.state.refresh(_refresh_token(body)))

    async def logout(self, request: Request) -> Response:
        # Bearer required (openapi.yaml's global security); a limited token may sign out too.
        caller = self._signing_in_caller(request)
        body = await json_object(request)
        self.state.logout(caller.user["id"], _refresh_token(body))
        return json_response({"success": True})

    async def profile(self, request: Request) -> Response:
        caller = self._signing_in_caller(request)  # the client reads mfaRequired from here
        return json_response({"success": True, "data": self.state.profile(caller.user)})

    async def mfa_status(self, request: Request) -> Response:
        caller = self._signing_in_caller(request)
        return json_response({"success": True, "data": self.state.mfa_status(caller)})

    async def mfa_verify_login(self, request: Request) -> Response:
        caller = self._signing_in_caller(request)
        body = await json_object(request)
        result = self.state.verify_login(
            caller,
            required_string(body, "mfaType"),
            code=body.get("code"),
            link_token=body.get("token"),
            credential=body.get("credential"),
        )
        return json_response(result)

    async def workspaces(self, request: Request) -> Response:
        caller = self._caller(request)
        return json_response(
            {"success": True, "workspaces": self.state.workspaces_for(caller["id"])}
        )

    async def repos(self, request: Request) -> Response:
        caller = self._caller(request)
        params = request.query_params
        repos = self.state.repos_for(
            caller["id"],
            workspace_id=text_param(params, "workspaceId"),
            repo_id=text_param(params, "repoId"),
            wallet_address=text_param(params, "walletAddress"),
        )
        return json_response({"success": True, "repos": repos})

    async def create_conversation(self, request: Request) -> Response:
        self._conversation_routes_enabled()
        caller = self._caller(request)
        repo_id = required_string(await json_object(request), "repoId")
        conversation_id = self.state.create_conversation(caller, repo_id)
        log.info("sandbox: conversation created for repo %s", repo_id)
        return json_response({"success": True, "conversationId": conversation_id})

    async def list_conversations(self, request: Request) -> Response:
        self._conversation_routes_enabled()
        caller = self._caller(request)
        page, total = self.state.list_conversations(
            caller, _conversation_query(request.query_params)
        )
        return json_response({"success": True, "conversations": page, "total": total})

    async def delete_conversation(self, request: Request) -> Response:
        self._conversation_routes_enabled()
        caller = self._caller(request)
        hard = _bool_param(request.query_params, "hardDelete")
        self.state.delete_conversation(caller, request.path_params["conversationId"], hard=hard)
        return json_response({"success": True})
