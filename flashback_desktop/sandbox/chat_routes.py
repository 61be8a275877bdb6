"""The chat routes over HTTP: prompt, messages, AI models and policies (openapi.yaml).

The rules are in ``chat.py``; this module reads requests and shapes answers.
The prompt's answer is undocumented (the TS type is a stub), so the sandbox
sends what a client can use but must not depend on: the stored user message and,
once the demo assistant answered, ``assistantMessage``. Its ``message`` is a
status text ("Prompt processed"), never the reply.

Timing, from ``SandboxState``: the assistant takes ``reply_delay_s``. By default
the POST waits for it (the reply comes in the answer and is in the messages at
once); with ``replies_after_answer`` the POST answers "Prompt accepted" at once
and the reply appears in the messages after the delay. Either way the reply is
stored even when the client gave up waiting, as on a real server.
"""

from __future__ import annotations

import logging
import threading

from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from .chat import Chat, Turn
from .data import ApiError, Json, SandboxState
from .fault_actions import sleep_unless_stopping
from .web import StateRoutes, int_param, json_object, json_response, text_param

log = logging.getLogger("flashback.sandbox")


class ChatEndpoints(StateRoutes):
    """One method per chat operation of openapi.yaml."""

    def __init__(self, state: SandboxState, stopping: threading.Event) -> None:
        super().__init__(state)
        self.chat = Chat(state)
        self.stopping = stopping  # set when the server stops: a reply stops waiting

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/conversation/{conversationId}/prompt", self.send_prompt, methods=["POST"]),
            Route("/conversation/{conversationId}/messages", self.messages, methods=["GET"]),
            Route("/ai/models", self.ai_models, methods=["POST"]),
            Route("/policy", self.policies, methods=["GET"]),
        ]

    async def send_prompt(self, request: Request) -> Response:
        self._conversation_routes_enabled()
        user = self._caller(request)
        conversation_id = request.path_params["conversationId"]
        self.chat.check_can_prompt(user, conversation_id)
        turn = self.chat.accept(user, conversation_id, await json_object(request))
        delay_s = self.state.reply_delay_s
        accepted: Json = {
            "success": True,
            "conversationId": conversation_id,
            "userMessage": turn.user_message,
        }
        if self.state.replies_after_answer:
            response = json_response({**accepted, "message": "Prompt accepted"})
            response.background = BackgroundTask(self._answer_later, turn, delay_s)
            return response
        await sleep_unless_stopping(delay_s, self.stopping)
        reply = self.chat.answer(turn)
        if reply is None:
            raise ApiError(404, "Conversation not found")
        usage = {"tokensIn": turn.user_message["tokenCount"], "tokensOut": reply["tokenCount"]}
        log.info("sandbox: prompt answered in conversation %s", conversation_id)
        return json_response(
            {**accepted, "message": "Prompt processed", "assistantMessage": reply, "usage": usage}
        )

    async def _answer_later(self, turn: Turn, delay_s: float) -> None:
        await sleep_unless_stopping(delay_s, self.stopping)
        self.chat.answer(turn)
        log.info("sandbox: late reply stored in conversation %s", turn.conversation_id)

    async def messages(self, request: Request) -> Response:
        self._conversation_routes_enabled()
        user = self._caller(request)
        params = request.query_params
        take = int_param(params, "take", 0, 1, None) if params.get("take") else None
        skip = int_param(params, "skip", 0, 0, None)
        answer = self.chat.messages(user, request.path_params["conversationId"], take, skip)
        return json_response(answer)

    async def ai_models(self, request: Request) -> Response:
        user = self._caller(request)
        models = self.chat.models(user, await json_object(request))
        return json_response({"success": True, "models": models})

    async def policies(self, request: Request) -> Response:
        user = self._caller(request)
        params = request.query_params
        policies = self.chat.policies(
            user,
            text_param(params, "orgId"),
            text_param(params, "workspaceId"),
            text_param(params, "repoId"),
        )
        return json_response({"success": True, "policies": policies})
