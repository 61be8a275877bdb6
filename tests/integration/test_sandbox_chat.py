"""The sandbox's chat routes over real loopback HTTP, with plain httpx (no client code).

POST /conversation/{id}/prompt, GET /conversation/{id}/messages, POST /ai/models and
GET /policy: shapes, every refusal, the demo assistant (its reply, its delay, the
counters and title it updates), the demo policy, the seeded messages and the CLI.
"""

from __future__ import annotations

import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import httpx
import pytest

from flashback_desktop.sandbox import BLOCKED_WORD, DEMO_REPLY_DELAY_S, SandboxServer
from flashback_desktop.sandbox import __main__ as sandbox_cli
from flashback_desktop.sandbox import data as store
from flashback_desktop.sandbox.assistant import token_count

REPO_ROOT = Path(__file__).resolve().parents[2]
MESSAGE_KEYS = {
    "id",
    "conversationId",
    "role",
    "content",
    "tokenCount",
    "model",
    "metadata",
    "createdAt",
}
ISO_MS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
PROMPT = "Where are the product photos for the spring launch?"
UNKNOWN_ID = "00000000-0000-4000-8000-000000000000"

Json = dict[str, Any]


# ---------------------------------------------------------------- fixtures and helpers


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    """A fresh sandbox per test: these tests change conversations and counters."""
    with SandboxServer() as running:
        yield running


def _client(sandbox: SandboxServer, token: str | None = None, **options: Any) -> httpx.Client:
    # trust_env=False: a proxy from the environment must not see loopback traffic.
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    options.setdefault("timeout", 10)
    return httpx.Client(base_url=sandbox.url, headers=headers, trust_env=False, **options)


@pytest.fixture
def api(server: SandboxServer) -> Iterator[httpx.Client]:
    """Signed in as Ana, the demo user."""
    with _client(server, server.state.demo_token) as client:
        yield client


def _as(server: SandboxServer, user_id: str) -> httpx.Client:
    return _client(server, server.state.issue_token(user_id))


def _repo(server: SandboxServer, name: str) -> Json:
    return next(repo for repo in server.state.repos if repo["name"] == name)


def _conversation(api: httpx.Client, server: SandboxServer, repo: str = "Marketing assets") -> str:
    response = api.post("/conversation", json={"repoId": _repo(server, repo)["id"]})
    assert response.status_code == 200, response.text
    conversation_id: str = response.json()["conversationId"]
    return conversation_id


def _prompt(api: httpx.Client, conversation_id: str, **body: Any) -> httpx.Response:
    return api.post(f"/conversation/{conversation_id}/prompt", json=body)


def _messages(api: httpx.Client, conversation_id: str, **params: Any) -> httpx.Response:
    return api.get(f"/conversation/{conversation_id}/messages", params=params)


def _error(response: httpx.Response, status: int) -> Json:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    body: Json = response.json()
    assert body["success"] is False
    assert isinstance(body["message"], str)
    assert body["message"]
    return body


def _assert_message_shape(message: Json, conversation_id: str) -> None:
    assert set(message) == MESSAGE_KEYS
    assert message["conversationId"] == conversation_id
    assert message["role"] in ("user", "assistant", "system")
    assert isinstance(message["tokenCount"], int)  # a number, unlike the conversation counters
    assert message["tokenCount"] == token_count(message["content"])
    assert isinstance(message["metadata"], dict)
    assert ISO_MS.match(message["createdAt"])


def _listed(api: httpx.Client, conversation_id: str, repo_id: str) -> Json:
    page = api.get("/conversation", params={"repoId": repo_id, "take": 100}).json()
    return next(c for c in page["conversations"] if c["id"] == conversation_id)


# ---------------------------------------------------------------- prompt and reply


def test_prompt_gets_a_reply_that_is_stored_and_listed(
    server: SandboxServer, api: httpx.Client
) -> None:
    conversation_id = _conversation(api, server)
    response = _prompt(api, conversation_id, prompt=PROMPT, model="gpt-4o-mini")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    body = response.json()
    assert body["success"] is True
    assert body["message"] == "Prompt processed"  # a status text, not the reply
    assert body["conversationId"] == conversation_id
    user, reply = body["userMessage"], body["assistantMessage"]
    _assert_message_shape(user, conversation_id)
    _assert_message_shape(reply, conversation_id)
    assert (user["role"], user["content"], user["model"]) == ("user", PROMPT, "gpt-4o-mini")
    assert (reply["role"], reply["model"]) == ("assistant", "gpt-4o-mini")
    assert body["usage"] == {"tokensIn": user["tokenCount"], "tokensOut": reply["tokenCount"]}
    history = _messages(api, conversation_id)
    assert history.status_code == 200
    assert history.json() == {"success": True, "messages": [user, reply], "title": PROMPT}


def test_reply_refers_to_the_prompt_and_repository_in_markdown(
    server: SandboxServer, api: httpx.Client
) -> None:
    conversation_id = _conversation(api, server, "Campaigns 2026")
    reply = _prompt(api, conversation_id, prompt=PROMPT).json()["assistantMessage"]["content"]
    assert f"“{PROMPT}”" in reply
    assert "**Campaigns 2026**" in reply
    assert re.search(r"^1\. .*\n2\. .*\n3\. ", reply, re.MULTILINE)  # a numbered list
    assert re.search(r"^```text\ncampaigns-2026/\n(.+\n)+```$", reply, re.MULTILINE)
    assert "*product*" in reply  # the prompt's first keyword
    assert "`claude-sonnet-4-5`" in reply  # the repository's default model answered


def test_the_demo_assistant_is_deterministic(server: SandboxServer, api: httpx.Client) -> None:
    first, second, other = (_conversation(api, server) for _ in range(3))
    replies = [
        _prompt(api, first, prompt=PROMPT).json()["assistantMessage"]["content"],
        _prompt(api, second, prompt=PROMPT).json()["assistantMessage"]["content"],
        _prompt(api, other, prompt="List the invoices").json()["assistantMessage"]["content"],
    ]
    assert replies[0] == replies[1]
    assert replies[0] != replies[2]


def test_counters_and_title_follow_the_messages(server: SandboxServer, api: httpx.Client) -> None:
    repo_id = _repo(server, "Marketing assets")["id"]
    conversation_id = _conversation(api, server)
    before = _listed(api, conversation_id, repo_id)
    assert (before["tokensIn"], before["tokensOut"]) == ("0", "0")
    assert "title" not in before
    assert "title" not in _messages(api, conversation_id).json()  # no prompt, no title yet
    long_first = "  Summarise   the brand rules for social media posts, with examples\nand more"
    _prompt(api, conversation_id, prompt=long_first)
    _prompt(api, conversation_id, prompt="And for print?")
    messages = _messages(api, conversation_id).json()["messages"]
    after = _listed(api, conversation_id, repo_id)
    sent = sum(m["tokenCount"] for m in messages if m["role"] == "user")
    answered = sum(m["tokenCount"] for m in messages if m["role"] == "assistant")
    assert [m["role"] for m in messages] == ["user", "assistant", "user", "assistant"]
    assert (after["tokensIn"], after["tokensOut"]) == (str(sent), str(answered))
    assert sent > 0
    assert answered > sent
    # The first prompt's first line, spaces tidied, cut to 60 characters; the second is ignored.
    assert after["title"] == "Summarise the brand rules for social media posts, with exam…"
    assert len(after["title"]) == 60
    assert after["lastUpdatedAt"] == messages[-1]["createdAt"]
    assert after["lastUpdatedAt"] > before["lastUpdatedAt"]


def test_model_defaults_and_may_name_an_ai_configuration(
    server: SandboxServer, api: httpx.Client
) -> None:
    conversation_id = _conversation(api, server, "Campaigns 2026")
    by_default = _prompt(api, conversation_id, prompt="one").json()["userMessage"]["model"]
    by_id = _prompt(api, conversation_id, prompt="two", model="gpt-4o").json()
    by_name = _prompt(api, conversation_id, prompt="three", model="OpenAI GPT").json()
    assert by_default == "claude-sonnet-4-5"  # the first configuration's first model
    assert by_id["assistantMessage"]["model"] == "gpt-4o"
    assert by_name["assistantMessage"]["model"] == "gpt-4o"  # that configuration's default
    nda = _conversation(api, server, "NDAs")  # aiLlms carry only aiLlmId
    assert _prompt(api, nda, prompt="x").json()["userMessage"]["model"] == "gemini-2.5-flash"


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"prompt": ""}, "prompt is required"),
        ({"prompt": "   \n\t"}, "prompt is required"),
        ({"model": "gpt-4o"}, "prompt is required"),
        ({"prompt": 42}, "prompt is required"),
        ({"prompt": "x" * 20_001}, "at most 20000 characters"),
        ({"prompt": "hi", "model": ""}, "model must be a non-empty string"),
        ({"prompt": "hi", "model": 4}, "model must be a non-empty string"),
        ({"prompt": "hi", "model": "claude-sonnet-4-5"}, 'Unknown model "claude-sonnet-4-5"'),
    ],
)
def test_bad_prompts_are_400_and_change_nothing(
    server: SandboxServer, api: httpx.Client, body: Json, fragment: str
) -> None:
    repo_id = _repo(server, "Marketing assets")["id"]
    conversation_id = _conversation(api, server)
    assert fragment in _error(_prompt(api, conversation_id, **body), 400)["message"]
    assert _messages(api, conversation_id).json()["messages"] == []
    assert _listed(api, conversation_id, repo_id)["tokensIn"] == "0"


@pytest.mark.parametrize("raw", [b"{oops", b"[]", b'"prompt"', b""])
def test_a_prompt_body_that_is_not_a_json_object_is_400(
    server: SandboxServer, api: httpx.Client, raw: bytes
) -> None:
    conversation_id = _conversation(api, server)
    response = api.post(
        f"/conversation/{conversation_id}/prompt",
        content=raw,
        headers={"Content-Type": "application/json"},
    )
    _error(response, 400)


def test_a_repository_without_ai_refuses_prompts(server: SandboxServer, api: httpx.Client) -> None:
    conversation_id = _conversation(api, server, "Brand guidelines")  # "aiLlms": []
    body = _error(_prompt(api, conversation_id, prompt="Hello"), 400)
    assert body["error_code"] == "NO_AI_CONFIGURED"
    assert body["message"] == "This repository has no AI model configured"
    assert _messages(api, conversation_id).json()["messages"] == []


@pytest.mark.parametrize(
    "prompt",
    [
        f"Summarise the {BLOCKED_WORD} board memo",
        "Anything CONFIDENTIAL in here?",
        "confidentiality clauses, please",
    ],
)
def test_the_demo_policy_blocks_the_marked_word(
    server: SandboxServer, api: httpx.Client, prompt: str
) -> None:
    repo_id = _repo(server, "Marketing assets")["id"]
    conversation_id = _conversation(api, server)
    body = _error(_prompt(api, conversation_id, prompt=prompt), 403)
    assert body["error_code"] == "POLICY_VIOLATION"
    assert body["policyId"] == store.BLOCK_POLICY_ID
    assert body["message"] == (
        'Blocked by the policy "No confidential material": '
        'Prompts that contain the word "confidential" are blocked.'
    )
    # Not stored, no tokens, no title: as if it had not been sent.
    assert _messages(api, conversation_id).json() == {"success": True, "messages": []}
    listed = _listed(api, conversation_id, repo_id)
    assert (listed["tokensIn"], listed["tokensOut"]) == ("0", "0")
    assert _prompt(api, conversation_id, prompt="A harmless question").status_code == 200


# ---------------------------------------------------------------- who may prompt and read


@pytest.mark.parametrize("route", ["prompt", "messages"])
@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer not-a-jwt", "Basic YW5hOnB3", "Bearer"],
    ids=["none", "garbage", "basic", "empty"],
)
def test_chat_routes_need_a_valid_token(
    server: SandboxServer, api: httpx.Client, route: str, authorization: str | None
) -> None:
    conversation_id = _conversation(api, server)
    headers = {"Authorization": authorization} if authorization else {}
    with _client(server) as anonymous:
        if route == "prompt":
            response = anonymous.post(
                f"/conversation/{conversation_id}/prompt", json={"prompt": "x"}, headers=headers
            )
        else:
            response = anonymous.get(f"/conversation/{conversation_id}/messages", headers=headers)
    _error(response, 401)
    assert _messages(api, conversation_id).json()["messages"] == []


def test_expired_and_limited_tokens_are_refused(server: SandboxServer, api: httpx.Client) -> None:
    conversation_id = _conversation(api, server)
    with _client(server, server.state.issue_token(lifetime_s=-5)) as expired:
        assert _error(_prompt(expired, conversation_id, prompt="x"), 401)["message"] == (
            "Token expired"
        )
    limited_token = server.state.issue_token(server.state.mfa_user_id, limited=True)
    with _client(server, limited_token) as limited:
        body = _error(_messages(limited, conversation_id), 403)
    assert body["error_code"] == "MFA_REQUIRED"


def test_unknown_deleted_and_foreign_conversations_are_404(
    server: SandboxServer, api: httpx.Client
) -> None:
    state = server.state
    repo_id = _repo(server, "Marketing assets")["id"]
    soft = _conversation(api, server)
    hard = _conversation(api, server)
    assert api.delete(f"/conversation/{soft}").status_code == 200
    assert api.delete(f"/conversation/{hard}", params={"hardDelete": "true"}).status_code == 200
    foreign = state.add_conversation(repo_id, user_id=store.ANA_ID, org_id="another-org")
    with _as(server, store.BEN_ID) as owner:  # the organisation's owner sees everything else
        for client in (api, owner):
            for conversation_id in (UNKNOWN_ID, "not-a-uuid", soft, hard, foreign):
                for response in (
                    _prompt(client, conversation_id, prompt="Hello"),
                    _messages(client, conversation_id),
                ):
                    assert _error(response, 404)["message"] == "Conversation not found"
    assert state.messages_of(soft) == []
    assert state.messages_of(foreign) == []


def test_only_the_creator_prompts_and_only_those_who_see_it_read(
    server: SandboxServer, api: httpx.Client
) -> None:
    conversation_id = _conversation(api, server)  # Ana's, in Marketing
    _prompt(api, conversation_id, prompt=PROMPT)
    with _as(server, store.CHLOE_ID) as admin, _as(server, store.FARAH_ID) as reader:
        # Chloe is a Marketing admin: she may read Ana's conversation, not write in it.
        assert len(_messages(admin, conversation_id).json()["messages"]) == 2
        refused = _error(_prompt(admin, conversation_id, prompt="Me too"), 403)
        # Farah only reads Marketing: someone else's conversation is not hers to see.
        hidden = _error(_messages(reader, conversation_id), 403)
        _error(_prompt(reader, conversation_id, prompt="Me too"), 403)
    assert refused["message"] == (
        "Only the person who started this conversation can send prompts to it"
    )
    assert hidden["message"] == "You do not have access to this conversation"
    assert len(_messages(api, conversation_id).json()["messages"]) == 2


def test_messages_honour_take_and_skip(server: SandboxServer, api: httpx.Client) -> None:
    conversation_id = _conversation(api, server)
    for n in range(3):
        _prompt(api, conversation_id, prompt=f"Question {n}")
    everything = _messages(api, conversation_id).json()["messages"]
    assert len(everything) == 6
    assert _messages(api, conversation_id, take=2, skip=1).json()["messages"] == everything[1:3]
    assert _messages(api, conversation_id, skip=5).json()["messages"] == everything[5:]
    assert _messages(api, conversation_id, take="").json()["messages"] == everything
    for params in ({"take": 0}, {"take": "x"}, {"skip": -1}):
        _error(_messages(api, conversation_id, **params), 400)


def test_without_conversation_routes_prompt_and_messages_are_html_404(
    server: SandboxServer, api: httpx.Client
) -> None:
    conversation_id = _conversation(api, server)
    server.state.conversations_enabled = False
    for response, method, path in (
        (_prompt(api, conversation_id, prompt="x"), "POST", "prompt"),
        (_messages(api, conversation_id), "GET", "messages"),
    ):
        assert response.status_code == 404
        assert response.headers["content-type"] == "text/html; charset=utf-8"
        assert f"Cannot {method} /conversation/{conversation_id}/{path}" in response.text
    server.state.conversations_enabled = True
    assert _messages(api, conversation_id).json()["messages"] == []


def test_chat_requests_are_counted_by_path_and_template(
    server: SandboxServer, api: httpx.Client
) -> None:
    conversation_id = _conversation(api, server)
    server.state.reset_counts()
    _prompt(api, conversation_id, prompt="x")
    _prompt(api, conversation_id, prompt="")  # refused: still counted
    _messages(api, conversation_id)
    api.post("/ai/models", json={})
    api.get("/policy")
    state = server.state
    assert state.request_count("POST", f"/conversation/{conversation_id}/prompt") == 2
    assert state.request_count("POST", "/conversation/{conversationId}/prompt") == 2
    assert state.request_count("GET", "/conversation/{conversationId}/messages") == 1
    assert state.request_count("POST", "/ai/models") == 1
    assert state.request_count("GET", "/policy") == 1
    assert state.request_count("POST", "/conversation") == 0


# ---------------------------------------------------------------- the assistant's pace


def test_the_reply_waits_for_the_configured_delay(server: SandboxServer, api: httpx.Client) -> None:
    server.state.reply_delay_s = 0.4
    conversation_id = _conversation(api, server)
    started = time.monotonic()
    body = _prompt(api, conversation_id, prompt=PROMPT).json()
    elapsed = time.monotonic() - started
    asked = datetime.fromisoformat(body["userMessage"]["createdAt"])
    answered = datetime.fromisoformat(body["assistantMessage"]["createdAt"])
    assert elapsed >= 0.4
    assert (answered - asked).total_seconds() >= 0.39  # createdAt keeps milliseconds
    assert body["assistantMessage"]["metadata"]["latencyMs"] >= 400


def test_demo_pace_is_short_and_tests_default_to_none() -> None:
    assert 0.5 <= DEMO_REPLY_DELAY_S <= 3
    fresh = store.SandboxState()
    assert fresh.reply_delay_s == 0
    assert fresh.replies_after_answer is False


def test_a_reply_is_stored_even_when_the_client_gave_up(
    server: SandboxServer, api: httpx.Client
) -> None:
    server.state.reply_delay_s = 1.0
    conversation_id = _conversation(api, server)
    with (
        _client(server, server.state.demo_token, timeout=0.2) as impatient,
        pytest.raises(httpx.ReadTimeout),
    ):
        _prompt(impatient, conversation_id, prompt=PROMPT)
    roles = _wait_for_roles(api, conversation_id, ["user", "assistant"])
    assert roles == ["user", "assistant"]


def test_a_conversation_deleted_while_the_assistant_thinks_gets_no_reply(
    server: SandboxServer, api: httpx.Client
) -> None:
    server.state.reply_delay_s = 1.0
    conversation_id = _conversation(api, server)
    answers: list[httpx.Response] = []
    with _client(server, server.state.demo_token) as other:
        sender = threading.Thread(
            target=lambda: answers.append(_prompt(other, conversation_id, prompt=PROMPT))
        )
        sender.start()
        deadline = time.monotonic() + 5
        while not server.state.messages_of(conversation_id):  # the prompt was accepted
            assert time.monotonic() < deadline
            time.sleep(0.01)
        deleted = api.delete(f"/conversation/{conversation_id}", params={"hardDelete": "true"})
        sender.join(10)
    assert deleted.status_code == 200
    assert _error(answers[0], 404)["message"] == "Conversation not found"
    assert server.state.conversation(conversation_id) is None


def test_stopping_the_server_cuts_the_assistant_short(
    server: SandboxServer, api: httpx.Client
) -> None:
    server.state.reply_delay_s = 60.0  # far longer than stop() waits for requests in flight
    conversation_id = _conversation(api, server)
    answers: list[httpx.Response] = []
    with _client(server, server.state.demo_token) as other:
        sender = threading.Thread(
            target=lambda: answers.append(_prompt(other, conversation_id, prompt=PROMPT))
        )
        sender.start()
        deadline = time.monotonic() + 5
        while not server.state.messages_of(conversation_id):
            assert time.monotonic() < deadline
            time.sleep(0.01)
        server.stop()
        sender.join(10)
    # Answered, not dropped: the reply stopped waiting as soon as the server began stopping.
    assert answers[0].status_code == 200
    assert answers[0].json()["assistantMessage"]["role"] == "assistant"
    assert [m["role"] for m in server.state.messages_of(conversation_id)] == [
        "user",
        "assistant",
    ]


def _wait_for_roles(
    api: httpx.Client, conversation_id: str, wanted: list[str], timeout_s: float = 10
) -> list[str]:
    deadline = time.monotonic() + timeout_s
    while True:
        roles = [m["role"] for m in _messages(api, conversation_id).json()["messages"]]
        if roles == wanted or time.monotonic() > deadline:
            return roles
        time.sleep(0.05)


def test_replies_after_the_answer_show_up_in_the_messages_later(
    server: SandboxServer, api: httpx.Client
) -> None:
    server.state.reply_delay_s = 3.0
    server.state.replies_after_answer = True
    repo_id = _repo(server, "Marketing assets")["id"]
    conversation_id = _conversation(api, server)
    body = _prompt(api, conversation_id, prompt=PROMPT).json()
    right_after = _messages(api, conversation_id).json()
    assert body["message"] == "Prompt accepted"
    assert "assistantMessage" not in body
    assert right_after["messages"] == [body["userMessage"]]
    assert right_after["title"] == PROMPT
    assert _listed(api, conversation_id, repo_id)["tokensOut"] == "0"
    assert _wait_for_roles(api, conversation_id, ["user", "assistant"]) == ["user", "assistant"]
    reply = _messages(api, conversation_id).json()["messages"][1]
    assert _listed(api, conversation_id, repo_id)["tokensOut"] == str(reply["tokenCount"])
    asked = datetime.fromisoformat(body["userMessage"]["createdAt"])
    assert (datetime.fromisoformat(reply["createdAt"]) - asked).total_seconds() >= 2.99


# ---------------------------------------------------------------- AI models


@pytest.mark.parametrize(
    ("repo", "expected"),
    [
        ("Marketing assets", ["gpt-4o", "gpt-4o-mini"]),
        ("Campaigns 2026", ["claude-sonnet-4-5", "claude-haiku-4-5", "gpt-4o", "gpt-4o-mini"]),
        ("NDAs", ["gemini-2.5-flash"]),  # aiLlms with aiLlmId only
        ("Budget planning", ["amazon.nova-pro-v1:0"]),
    ],
)
def test_ai_models_of_repositories_with_ai(
    server: SandboxServer, api: httpx.Client, repo: str, expected: list[str]
) -> None:
    response = api.post("/ai/models", json={"repoId": _repo(server, repo)["id"]})
    assert response.status_code == 200
    body = response.json()
    assert body["success"] is True
    assert [m["id"] for m in body["models"]] == expected
    for model in body["models"]:
        assert set(model) == {"id", "name", "created", "aiType", "llmType", "llmProvider"}
        assert isinstance(model["created"], int)
        assert model["aiType"] in ("OPENAI", "ANTHROPIC", "GOOGLE", "AWS")


def test_ai_models_filters(server: SandboxServer, api: httpx.Client) -> None:
    repo_id = _repo(server, "Campaigns 2026")["id"]
    openai = api.post("/ai/models", json={"repoId": repo_id, "aiType": "OPENAI"}).json()
    chat = api.post("/ai/models", json={"repoId": repo_id, "llmType": "chat"}).json()
    none = api.post("/ai/models", json={"repoId": repo_id, "llmType": "embedding"}).json()
    assert [m["id"] for m in openai["models"]] == ["gpt-4o", "gpt-4o-mini"]
    assert len(chat["models"]) == 4
    assert none["models"] == []


@pytest.mark.parametrize(
    ("repo", "body", "status", "fragment"),
    [
        ("Brand guidelines", {}, 400, "no AI model configured"),  # "aiLlms": []
        ("Social media archive", {}, 400, "no AI model configured"),  # no aiLlms at all
        ("Board minutes", {}, 403, "do not have access"),  # not Ana's workspace
        (None, {"repoId": "no-such-repo"}, 404, "Repository not found"),
        (None, {}, 400, "repoId is required"),
        (None, {"repoId": "  "}, 400, "repoId is required"),
        ("Marketing assets", {"aiType": "OPENAI-ish"}, 400, "aiType must be one of"),
        ("Marketing assets", {"llmType": 3}, 400, "llmType must be a string"),
    ],
)
def test_ai_models_refusals(
    server: SandboxServer,
    api: httpx.Client,
    *,
    repo: str | None,
    body: Json,
    status: int,
    fragment: str,
) -> None:
    payload = {"repoId": _repo(server, repo)["id"], **body} if repo else body
    assert fragment in _error(api.post("/ai/models", json=payload), status)["message"]


def test_ai_models_and_policy_need_a_token(server: SandboxServer) -> None:
    with _client(server) as anonymous:
        _error(anonymous.post("/ai/models", json={"repoId": "x"}), 401)
        _error(anonymous.get("/policy", params={"orgId": store.ORG_ID}), 401)


# ---------------------------------------------------------------- policies


def test_policy_lists_the_demo_block_and_scoped_ones(api: httpx.Client) -> None:
    org_wide = api.get("/policy", params={"orgId": store.ORG_ID}).json()
    finance = api.get(
        "/policy", params={"orgId": store.ORG_ID, "workspaceId": store.WORKSPACE_IDS["Finance"]}
    ).json()
    assert org_wide["success"] is True
    [block] = org_wide["policies"]
    assert block["id"] == store.BLOCK_POLICY_ID
    assert block["actionType"] == 2  # block
    assert f'"{BLOCKED_WORD}"' in block["content"]
    assert block["workspaceId"] is None
    assert block["repoId"] is None
    assert [p["name"] for p in finance["policies"]] == [
        "No confidential material",
        "Log salary questions",
    ]
    assert finance["policies"][1]["actionType"] == 0  # log only: it blocks nothing


def test_policy_refusals(api: httpx.Client) -> None:
    assert _error(api.get("/policy"), 400)["message"] == "orgId is required"
    assert _error(api.get("/policy", params={"orgId": "another-org"}), 403)["message"] == (
        "You do not belong to this organisation"
    )


# ---------------------------------------------------------------- seeded conversations


def test_demo_history_conversations_have_messages_that_add_up(server: SandboxServer) -> None:
    state = server.state
    state.seed_demo_history(now=datetime(2026, 5, 1, 12, 0, tzinfo=UTC))
    budget = _repo(server, "Budget planning")["id"]
    with _client(server, state.demo_token) as api:
        listed = api.get("/conversation", params={"repoId": budget}).json()["conversations"]
        histories = [_messages(api, c["id"]).json() for c in listed]
    assert [len(h["messages"]) for h in histories] == [5, 3, 3, 3, 3, 3]  # newest: a follow-up
    newest = histories[0]
    assert newest["title"] == "Q3 forecast"
    assert [m["role"] for m in newest["messages"]] == [
        "system",
        "user",
        "assistant",
        "user",
        "assistant",
    ]
    assert newest["messages"][1]["content"].startswith("Summarise the Q3 forecast")
    assert "**Budget planning**" in newest["messages"][2]["content"]
    for conversation, history in zip(listed, histories, strict=True):
        messages = history["messages"]
        for message in messages:
            _assert_message_shape(message, conversation["id"])
        assert [m["createdAt"] for m in messages] == sorted(m["createdAt"] for m in messages)
        sent = sum(m["tokenCount"] for m in messages if m["role"] == "user")
        answered = sum(m["tokenCount"] for m in messages if m["role"] == "assistant")
        assert (conversation["tokensIn"], conversation["tokensOut"]) == (str(sent), str(answered))
    assert max(len(state.messages_of(c["id"])) for c in listed) < 1000  # no long one here


def test_long_conversation_is_separate_and_has_1000_messages(server: SandboxServer) -> None:
    state = server.state
    state.seed_demo_history()
    runbooks = _repo(server, "IT runbooks")["id"]
    assert state.conversations_for(runbooks) == []  # the normal demo has no long conversation
    conversation_id = state.seed_long_conversation()
    with _client(server, state.demo_token) as api:
        body = _messages(api, conversation_id).json()
        listed = _listed(api, conversation_id, runbooks)
    messages = body["messages"]
    assert body["title"] == "Long conversation (1,000 messages)"
    assert len(messages) == 1000
    assert [m["role"] for m in messages[:4]] == ["user", "assistant", "user", "assistant"]
    assert {m["role"] for m in messages[::2]} == {"user"}
    assert [m["createdAt"] for m in messages] == sorted(m["createdAt"] for m in messages)
    assert len({m["id"] for m in messages}) == 1000
    assert messages[-1]["content"].count("```") == 2  # replies carry a code block
    assert int(listed["tokensOut"]) == sum(m["tokenCount"] for m in messages[1::2])


# ---------------------------------------------------------------- command line


def test_cli_options_set_the_assistant() -> None:
    defaults = sandbox_cli._parser().parse_args([])
    chosen = sandbox_cli._parser().parse_args(
        ["--reply-delay", "0.25", "--replies-after-answer", "--long-conversation"]
    )
    assert defaults.reply_delay == DEMO_REPLY_DELAY_S
    assert defaults.replies_after_answer is False
    assert defaults.long_conversation is False
    assert (chosen.reply_delay, chosen.replies_after_answer, chosen.long_conversation) == (
        0.25,
        True,
        True,
    )
    for bad in ("-1", "abc", "3601"):
        with pytest.raises(SystemExit):
            sandbox_cli._parser().parse_args(["--reply-delay", bad])


def test_cli_serves_the_long_conversation_and_the_delay(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "flashback_desktop.sandbox", "--port", "0"]
    command += ["--reply-delay", "0.3", "--long-conversation"]
    stderr_path = tmp_path / "stderr.txt"
    with (
        stderr_path.open("w") as stderr,
        subprocess.Popen(
            command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=stderr, text=True
        ) as process,
    ):
        assert process.stdout is not None
        lines: queue.Queue[str] = queue.Queue()
        pump = threading.Thread(target=_pump, args=(process.stdout, lines), daemon=True)
        pump.start()
        try:
            values = _read_announcement(lines, "LONG_CONVERSATION_ID")
            headers = {"Authorization": f"Bearer {values['TOKEN']}"}
            with httpx.Client(
                base_url=values["URL"], headers=headers, trust_env=False, timeout=10
            ) as api:
                long_id = values["LONG_CONVERSATION_ID"]
                assert len(_messages(api, long_id).json()["messages"]) == 1000
                started = time.monotonic()
                answered = _prompt(api, long_id, prompt="One more question")
                elapsed = time.monotonic() - started
            assert answered.status_code == 200
            assert elapsed >= 0.3
            process.terminate()
            assert process.wait(timeout=15) == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            pump.join(5)
    assert "Traceback" not in stderr_path.read_text()


def _pump(stdout: IO[str], lines: queue.Queue[str]) -> None:
    for line in stdout:
        lines.put(line)


def _read_announcement(lines: queue.Queue[str], last_key: str) -> dict[str, str]:
    values: dict[str, str] = {}
    deadline = time.monotonic() + 30
    while last_key not in values:
        line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        key, _, value = line.rstrip("\n").partition("=")
        values[key] = value
    return values
