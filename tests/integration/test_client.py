"""FlashbackClient against the sandbox over real loopback HTTP: every outcome a person can meet."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import AsyncIterator

import pytest

from flashback_desktop.api import errors
from flashback_desktop.api.client import FlashbackClient
from flashback_desktop.api.connection import ClientLimits
from flashback_desktop.sandbox import Fault, SandboxServer
from tests.conftest import FAST_LIMITS
from tests.support.sandbox_data import FORBIDDEN_REPO, repo_id_named

pytestmark = pytest.mark.asyncio


@contextlib.asynccontextmanager
async def open_client(
    url: str, limits: ClientLimits = FAST_LIMITS, token: str | None = None
) -> AsyncIterator[FlashbackClient]:
    api = FlashbackClient(url, credentials=token, limits=limits)
    try:
        yield api
    finally:
        await api.aclose()


def unused_loopback_url() -> str:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


async def test_lists_repositories_and_workspaces(client: FlashbackClient) -> None:
    repos = await client.list_repositories()
    workspaces = await client.list_workspaces()
    assert len(repos) >= 12
    names = {w.id: w.name for w in workspaces}
    assert all(r.workspace_id in names for r in repos)
    assert FORBIDDEN_REPO not in {r.name for r in repos}
    assert {r.ai_configured for r in repos} == {None, True, False}


async def test_creates_exactly_one_conversation(
    client: FlashbackClient, sandbox: SandboxServer
) -> None:
    repo_id = repo_id_named(sandbox, "Contracts 2026")
    created = await client.create_conversation(repo_id)
    assert [c["id"] for c in sandbox.state.conversations_for(repo_id)] == [created.conversation_id]
    page = await client.list_conversations(repo_id)
    assert [c.id for c in page.conversations] == [created.conversation_id]
    assert sandbox.state.request_count("POST", "/conversation") == 1


async def test_conversations_page_and_soft_delete(
    client: FlashbackClient, sandbox: SandboxServer
) -> None:
    repo_id = repo_id_named(sandbox, "Contracts 2026")
    huge = 10**30 + 1
    first = sandbox.state.add_conversation(repo_id, title="First", tokens_out=huge)
    second = sandbox.state.add_conversation(repo_id)
    page = await client.list_conversations(repo_id, take=1)
    assert ([c.id for c in page.conversations], page.total) == ([second], 2)
    older = await client.list_conversations(repo_id, take=1, skip=1)
    assert [(c.id, c.title, c.tokens_out) for c in older.conversations] == [(first, "First", huge)]

    await client.delete_conversation(first)
    assert sandbox.state.request_count("DELETE", "/conversation/{conversationId}") == 1
    stored = sandbox.state.conversation(first)
    assert stored is not None
    assert stored["deletedAt"] is not None
    assert [c.id for c in (await client.list_conversations(repo_id)).conversations] == [second]
    with_deleted = await client.list_conversations(repo_id, show_deleted=True)
    assert [(c.id, c.deleted) for c in with_deleted.conversations] == [
        (second, False),
        (first, True),
    ]
    with pytest.raises(errors.NotFoundError) as caught:  # soft-deleted already
        await client.delete_conversation(first)
    assert "no longer exists" in caught.value.message

    await client.delete_conversation(second, hard=True)
    assert sandbox.state.conversation(second) is None


async def test_a_conversation_id_is_encoded_into_the_path(
    client: FlashbackClient, sandbox: SandboxServer
) -> None:
    with pytest.raises(errors.NotFoundError):  # the server's JSON 404: the route was reached
        await client.delete_conversation("a b?hardDelete=true")
    # Encoded, the "?" stays part of the id instead of starting a query that deletes for good.
    assert sandbox.state.request_count("DELETE", "/conversation/a b?hardDelete=true") == 1


async def test_without_conversation_routes_the_history_says_so(
    client: FlashbackClient, sandbox: SandboxServer
) -> None:
    sandbox.state.conversations_enabled = False
    with pytest.raises(errors.EndpointUnavailableError) as caught:
        await client.list_conversations(repo_id_named(sandbox, "Contracts 2026"))
    assert "does not offer conversations" in caught.value.message


async def test_profile_and_password_login(sandbox: SandboxServer) -> None:
    async with open_client(sandbox.url) as api:
        result = await api.login(sandbox.state.demo_email, sandbox.state.demo_password)
    async with open_client(sandbox.url, token=result.access_token) as api:
        profile = await api.get_profile()
        assert profile.email == sandbox.state.demo_email
        with pytest.raises(errors.SignInRefusedError):
            await api.login(sandbox.state.demo_email, "wrong password")


async def test_400_for_a_blank_repository(client: FlashbackClient) -> None:
    with pytest.raises(errors.BadRequestError) as caught:
        await client.create_conversation("  ")
    assert caught.value.details.status == 400
    assert caught.value.details.server_message


async def test_401_for_a_bad_token(sandbox: SandboxServer) -> None:
    async with open_client(sandbox.url, token="not-a-valid-token") as client:
        with pytest.raises(errors.UnauthorizedError):
            await client.create_conversation(repo_id_named(sandbox, "Contracts 2026"))
    assert sandbox.state.conversations_for(repo_id_named(sandbox, "Contracts 2026")) == []


async def test_401_for_an_expired_token(sandbox: SandboxServer) -> None:
    expired = sandbox.state.issue_token(lifetime_s=-10)
    async with open_client(sandbox.url, token=expired) as client:
        with pytest.raises(errors.UnauthorizedError):
            await client.list_repositories()


async def test_403_for_a_workspace_without_access(
    client: FlashbackClient, sandbox: SandboxServer
) -> None:
    with pytest.raises(errors.ForbiddenError) as caught:
        await client.create_conversation(repo_id_named(sandbox, FORBIDDEN_REPO))
    assert "administrator" in caught.value.action


async def test_404_json_means_the_repository_is_gone(client: FlashbackClient) -> None:
    with pytest.raises(errors.NotFoundError) as caught:
        await client.create_conversation("no-such-repository")
    assert "no longer exists" in caught.value.message


async def test_html_404_means_no_conversations_on_this_server(
    client: FlashbackClient, sandbox: SandboxServer
) -> None:
    sandbox.state.conversations_enabled = False
    with pytest.raises(errors.EndpointUnavailableError) as caught:
        await client.create_conversation(repo_id_named(sandbox, "Contracts 2026"))
    assert "does not offer conversations" in caught.value.message
    assert caught.value.details.cause is not None
    assert "Cannot POST" in caught.value.details.cause


async def test_500_is_a_server_error(client: FlashbackClient, sandbox: SandboxServer) -> None:
    sandbox.state.faults.add("POST", "/conversation", Fault(status=500))
    with pytest.raises(errors.ServerError) as caught:
        await client.create_conversation(repo_id_named(sandbox, "Contracts 2026"))
    assert caught.value.details.status == 500


async def test_html_where_json_was_expected(
    client: FlashbackClient, sandbox: SandboxServer
) -> None:
    sandbox.state.faults.add(
        "GET",
        "/repo",
        Fault(status=200, body="<html>login portal</html>", content_type="text/html"),
    )
    with pytest.raises(errors.UnreadableResponseError):
        await client.list_repositories()


async def test_unreachable_server() -> None:
    async with open_client(unused_loopback_url()) as api:
        with pytest.raises(errors.NetworkUnreachableError) as caught:
            await api.list_repositories()
    assert "VPN" in caught.value.action


async def test_a_server_that_does_not_answer_times_out(sandbox: SandboxServer) -> None:
    sandbox.state.faults.add("POST", "/conversation", Fault(delay_s=3.0))
    limits = ClientLimits(read_timeout_s=0.5, deadline_s=1.0)
    async with open_client(sandbox.url, limits, sandbox.state.demo_token) as api:
        with pytest.raises(errors.RequestTimeoutError):
            await api.create_conversation(repo_id_named(sandbox, "Contracts 2026"))


async def test_response_size_cap(sandbox: SandboxServer) -> None:
    limits = ClientLimits(max_response_bytes=1024)
    async with open_client(sandbox.url, limits, sandbox.state.demo_token) as api:
        with pytest.raises(errors.ResponseTooLargeError) as caught:
            await api.list_repositories()
    assert "more data than expected" in caught.value.message


async def test_loopback_ignores_a_dead_proxy(
    sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    dead = unused_loopback_url()
    for variable in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "https_proxy", "http_proxy"):
        monkeypatch.setenv(variable, dead)
    for variable in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(variable, raising=False)
    async with open_client(sandbox.url, token=sandbox.state.demo_token) as api:
        assert await api.list_repositories()


async def test_plain_http_to_a_remote_host_is_refused() -> None:
    with pytest.raises(errors.InsecureServerError):
        FlashbackClient("http://flashback.example.com")


async def test_the_token_never_appears_in_error_details(
    client: FlashbackClient, sandbox: SandboxServer
) -> None:
    sandbox.state.faults.add("GET", "/repo", Fault(status=500))
    with pytest.raises(errors.ServerError) as caught:
        await client.list_repositories()
    assert sandbox.state.demo_token not in caught.value.details.as_text()
    assert sandbox.state.demo_token not in str(caught.value)


async def test_conversations_of_one_person_only(sandbox: SandboxServer) -> None:
    """An administrator sees everyone's; the lookup after a lost answer asks for its own."""
    repo_id = repo_id_named(sandbox, "Contracts 2026")
    state = sandbox.state
    ben = next(u["id"] for u in state.users if u["email"].startswith("ben."))
    async with open_client(sandbox.url, token=state.issue_token(ben)) as admin:
        theirs = await admin.create_conversation(repo_id)
    async with open_client(sandbox.url, token=state.demo_token) as ana:
        mine = await ana.create_conversation(repo_id)
        only_mine = await ana.list_conversations(repo_id, user_id=state.demo_user_id)
    async with open_client(sandbox.url, token=state.issue_token(ben)) as admin:
        everyone = await admin.list_conversations(repo_id)
    assert [c.id for c in only_mine.conversations] == [mine.conversation_id]
    assert {c.id for c in everyone.conversations} == {mine.conversation_id, theirs.conversation_id}
