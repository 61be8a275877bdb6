"""Talking in a conversation: who may, with which model, what a policy blocks, and the replies.

The rules behind POST /conversation/{id}/prompt, GET /conversation/{id}/messages,
POST /ai/models and GET /policy, apart from HTTP (``chat_routes.py`` serves them).
Where openapi.yaml is silent the sandbox decides, and says so here:

- A conversation that does not exist, is deleted or belongs to another organisation
  is 404 to everyone (its existence is not revealed). One the caller may not see is
  403; prompting is for its creator only (403 for others, admins included).
- A prompt without ``model`` uses the repository's default model (the docs' examples
  send none; the TS type requires it). ``model`` may be a model id from POST /ai/models,
  or the name or id of one of the repository's ``aiLlms`` (its default model).
- The demo policy blocks any prompt containing ``BLOCKED_WORD`` ("confidential", any
  case) with 403; a blocked prompt is not stored and costs no tokens.
- The conversation's title is set from its first prompt, if it has none.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime

from .assistant import Model, demo_reply, models_of, title_from
from .data import (
    BLOCK_POLICY_ID,
    BLOCKED_WORD,
    POLICY_BLOCK,
    ApiError,
    Json,
    SandboxState,
    ai_types_of,
)
from .messages import ASSISTANT, USER, make_message, reply_metadata

DEMO_REPLY_DELAY_S = 1.5  # the demo assistant's pace in --demo and the stand-alone sandbox
MAX_PROMPT_CHARS = 20_000
_AI_TYPES = ("OPENAI", "GOOGLE", "ANTHROPIC", "AWS", "OTHER")
# What each blocking policy looks for; the policy records themselves are plain text.
_BLOCKED_WORDS = {BLOCK_POLICY_ID: BLOCKED_WORD}


@dataclass(frozen=True)
class Turn:
    """An accepted prompt whose reply is still to come."""

    conversation_id: str
    repo_name: str
    model: str
    prompt: str
    user_message: Json
    accepted_at: float  # time.monotonic()


def _not_found() -> ApiError:
    return ApiError(404, "Conversation not found")


class Chat:
    """The conversation rules over one ``SandboxState``; holds no state of its own."""

    def __init__(self, state: SandboxState) -> None:
        self.state = state

    # -- conversations

    def _open(self, user: Json, conversation_id: str) -> tuple[Json, Json]:
        """The conversation record and its repository, if ``user`` may see them."""
        record = self.state.conversation(conversation_id)
        if record is None or record["deletedAt"] is not None or record["orgId"] != user["orgId"]:
            raise _not_found()
        if not self.state.can_see(user, record):
            raise ApiError(403, "You do not have access to this conversation")
        repo = next((r for r in self.state.repos if r["id"] == record["repoId"]), None)
        if repo is None:
            raise _not_found()
        return record, repo

    def check_can_prompt(self, user: Json, conversation_id: str) -> Json:
        """The conversation's repository, or 404/403 (before the body is read, as a server
        that loads the conversation first would)."""
        record, repo = self._open(user, conversation_id)
        if record["createdBy"] != user["id"]:
            raise ApiError(
                403, "Only the person who started this conversation can send prompts to it"
            )
        return repo

    def messages(self, user: Json, conversation_id: str, take: int | None, skip: int) -> Json:
        """The GET /conversation/{id}/messages answer: messages oldest first, and the title."""
        record, _ = self._open(user, conversation_id)
        history = self.state.messages_of(conversation_id)
        page = history[skip : None if take is None else skip + take]
        answer: Json = {"success": True, "messages": page}
        if record.get("title"):
            answer["title"] = record["title"]
        return answer

    # -- prompts and replies

    def accept(self, user: Json, conversation_id: str, body: Json) -> Turn:
        """Check and store a prompt (the user's message); the reply comes from ``answer``."""
        repo = self.check_can_prompt(user, conversation_id)
        prompt = body.get("prompt")
        if not isinstance(prompt, str) or not prompt.strip():
            raise ApiError(400, "prompt is required and must be a non-empty string")
        if len(prompt) > MAX_PROMPT_CHARS:
            raise ApiError(400, f"prompt must be at most {MAX_PROMPT_CHARS} characters")
        model = self._model(repo, body.get("model"))
        self._check_policies(user, repo, prompt)
        message = make_message(
            conversation_id, USER, prompt, model=model, created=_now(), metadata={}
        )
        if not self.state.append_messages(conversation_id, [message], title=title_from(prompt)):
            raise _not_found()
        return Turn(conversation_id, repo["name"], model, prompt, message, time.monotonic())

    def answer(self, turn: Turn) -> Json | None:
        """Store the demo assistant's reply to ``turn``; None if the conversation is gone."""
        content = demo_reply(turn.prompt, turn.repo_name, turn.model)
        latency_ms = round((time.monotonic() - turn.accepted_at) * 1000)
        message = make_message(
            turn.conversation_id,
            ASSISTANT,
            content,
            model=turn.model,
            created=_now(),
            metadata=reply_metadata(latency_ms),
        )
        return message if self.state.append_messages(turn.conversation_id, [message]) else None

    # -- models

    def _repo_for(self, user: Json, repo_id: str) -> Json:
        repo = next((r for r in self.state.repos if r["id"] == repo_id), None)
        if repo is None:
            raise ApiError(404, "Repository not found")
        if self.state.role_in(user["id"], repo["workspaceId"]) is None:
            raise ApiError(403, "You do not have access to this repository's workspace")
        return repo

    @staticmethod
    def _repo_models(repo: Json) -> list[Model]:
        models = [model for ai_type in ai_types_of(repo) for model in models_of(ai_type)]
        if not models:
            raise ApiError(
                400, "This repository has no AI model configured", error_code="NO_AI_CONFIGURED"
            )
        return models

    def models(self, user: Json, body: Json) -> list[Json]:
        """POST /ai/models: the models a repository's AI configurations offer."""
        repo_id = body.get("repoId")
        if not isinstance(repo_id, str) or not repo_id.strip():
            raise ApiError(400, "repoId is required and must be a non-empty string")
        ai_type = body.get("aiType")
        if ai_type is not None and ai_type not in _AI_TYPES:
            raise ApiError(400, f"aiType must be one of {', '.join(_AI_TYPES)}")
        llm_type = body.get("llmType")
        if llm_type is not None and not isinstance(llm_type, str):
            raise ApiError(400, "llmType must be a string")
        models = [m.to_json() for m in self._repo_models(self._repo_for(user, repo_id))]
        return [
            m for m in models if ai_type in (None, m["aiType"]) and llm_type in (None, m["llmType"])
        ]

    def _model(self, repo: Json, wanted: object) -> str:
        models = self._repo_models(repo)
        if wanted is None:
            return models[0].id
        if not isinstance(wanted, str) or not wanted.strip():
            raise ApiError(400, "model must be a non-empty string")
        if any(model.id == wanted for model in models):
            return wanted
        for link in repo.get("aiLlms") or ():
            llm = link.get("aiLlm") or {}
            if wanted in (llm.get("name"), link.get("aiLlmId")):
                ai_type = ai_types_of({**repo, "aiLlms": [link]})[0]
                return models_of(ai_type)[0].id
        raise ApiError(400, f'Unknown model "{wanted}" for this repository')

    # -- policies

    def policies(
        self, user: Json, org_id: str | None, workspace_id: str | None, repo_id: str | None
    ) -> list[Json]:
        """GET /policy: organisation-wide policies plus those scoped to the given place."""
        if not org_id:
            raise ApiError(400, "orgId is required")
        if org_id != user["orgId"]:
            raise ApiError(403, "You do not belong to this organisation")
        return [
            policy
            for policy in self.state.policies
            if policy["orgId"] == org_id
            and policy["workspaceId"] in (None, workspace_id)
            and policy["repoId"] in (None, repo_id)
        ]

    def _check_policies(self, user: Json, repo: Json, prompt: str) -> None:
        applying = self.policies(user, user["orgId"], repo["workspaceId"], repo["id"])
        for policy in applying:
            word = _BLOCKED_WORDS.get(policy["id"])
            if policy["actionType"] == POLICY_BLOCK and word and word in prompt.casefold():
                raise ApiError(
                    403,
                    f'Blocked by the policy "{policy["name"]}": {policy["content"]}',
                    error_code="POLICY_VIOLATION",
                    policyId=policy["id"],
                )


def _now() -> datetime:
    return datetime.now(UTC)
