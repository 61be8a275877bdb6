"""Faults on the chat routes, seen on the wire with plain httpx and raw sockets.

For each fault on POST /conversation/{id}/prompt the test also says whether the
prompt reached the store: a status fault answers instead of the handler (nothing
stored), while a delay, a cut body, a slow body or a lost answer come after the
handler acted (the prompt and its reply are stored). That difference is what a
client must settle by reading the messages, never by sending again.
"""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from flashback_desktop.sandbox import Fault, SandboxServer

PROMPT_ROUTE = "/conversation/{conversationId}/prompt"
MESSAGES_ROUTE = "/conversation/{conversationId}/messages"
HTML_502 = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
HTML_404 = "<!DOCTYPE html><html><body><pre>Cannot POST</pre></body></html>"

Json = dict[str, Any]


# ---------------------------------------------------------------- fixtures and helpers


@pytest.fixture
def server(caplog: pytest.LogCaptureFixture) -> Iterator[SandboxServer]:
    """A fresh sandbox; no fault may make uvicorn or asyncio complain."""
    with SandboxServer() as running:
        yield running
        _wait_until_idle(running)
    noisy = [
        f"{r.name}: {r.getMessage()}"
        for r in caplog.get_records("call") + caplog.get_records("teardown")
        if r.levelno >= logging.WARNING and r.name.split(".")[0] in ("uvicorn", "asyncio")
    ]
    assert noisy == []


def _client(server: SandboxServer, timeout: float = 5.0) -> httpx.Client:
    # trust_env=False: a proxy from the environment must not see loopback traffic.
    return httpx.Client(
        base_url=server.url,
        headers={"Authorization": f"Bearer {server.state.demo_token}"},
        trust_env=False,
        timeout=timeout,
    )


@pytest.fixture
def api(server: SandboxServer) -> Iterator[httpx.Client]:
    with _client(server) as client:
        yield client


@pytest.fixture
def conversation(server: SandboxServer, api: httpx.Client) -> str:
    repo = next(r for r in server.state.repos if r["name"] == "Marketing assets")
    conversation_id: str = api.post("/conversation", json={"repoId": repo["id"]}).json()[
        "conversationId"
    ]
    return conversation_id


def _in_flight(server: SandboxServer) -> int:
    """Requests uvicorn is still running (peeks at the server: there is no public count)."""
    uvicorn_server = server._app.uvicorn_server
    return len(uvicorn_server.server_state.tasks) if uvicorn_server is not None else 0


def _wait_until_idle(server: SandboxServer, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while _in_flight(server):
        assert time.monotonic() < deadline, "a faulted request is still running"
        time.sleep(0.01)


def _roles(server: SandboxServer, conversation_id: str) -> list[str]:
    return [m["role"] for m in server.state.messages_of(conversation_id)]


def _prompt(api: httpx.Client, conversation_id: str) -> httpx.Response:
    return api.post(f"/conversation/{conversation_id}/prompt", json={"prompt": "Any news?"})


def _on(route: str) -> tuple[str, str]:
    """The method and template of ``route`` ("prompt" or "messages")."""
    return ("POST", PROMPT_ROUTE) if route == "prompt" else ("GET", MESSAGES_ROUTE)


def _call(api: httpx.Client, route: str, conversation_id: str) -> httpx.Response:
    if route == "prompt":
        return _prompt(api, conversation_id)
    return api.get(f"/conversation/{conversation_id}/messages")


def _address(server: SandboxServer) -> tuple[str, int]:
    host, port = server.url.removeprefix("http://").rsplit(":", 1)
    return host, int(port)


def _raw_prompt(server: SandboxServer, conversation_id: str) -> socket.socket:
    """A socket that has sent a prompt (HTTP/1.1, signed in); the caller closes it."""
    body = b'{"prompt": "Any news?"}'
    head = (
        f"POST /conversation/{conversation_id}/prompt HTTP/1.1\r\nHost: sandbox\r\n"
        f"Authorization: Bearer {server.state.demo_token}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    sock = socket.create_connection(_address(server), timeout=5.0)
    sock.sendall(head.encode("ascii") + body)
    return sock


def _ending(sock: socket.socket) -> tuple[bytes, str]:
    """What arrived, and how the connection ended: "closed" (FIN) or "reset" (RST)."""
    received = b""
    try:
        while chunk := sock.recv(65536):
            received += chunk
    except ConnectionResetError:
        return received, "reset"
    return received, "closed"


# ---------------------------------------------------------------- answers instead of the handler


@pytest.mark.parametrize(
    "fault",
    [
        pytest.param(Fault(status=500), id="500"),
        pytest.param(Fault(status=503), id="503"),
        pytest.param(Fault(status=429, headers={"Retry-After": "30"}), id="429"),
        pytest.param(Fault(status=401), id="401"),
        pytest.param(Fault(status=403, body='{"success":false,"message":"Blocked"}'), id="403"),
        pytest.param(Fault(status=502, body=HTML_502, content_type="text/html"), id="502-html"),
        pytest.param(Fault(status=404, body=HTML_404, content_type="text/html"), id="404-html"),
        pytest.param(Fault(status=200, body='{"success":true,"mess'), id="200-bad-json"),
        pytest.param(Fault(status=200, body=b""), id="200-empty"),
    ],
)
@pytest.mark.parametrize("route", ["prompt", "messages"])
def test_status_faults_answer_instead_of_the_handler(
    server: SandboxServer, api: httpx.Client, conversation: str, fault: Fault, route: str
) -> None:
    server.state.faults.add(*_on(route), fault)
    response = _call(api, route, conversation)
    assert response.status_code == fault.status
    assert response.content == fault.response_body()
    assert response.headers["content-type"] == fault.content_type
    for name, value in fault.headers.items():
        assert response.headers[name] == value
    assert _roles(server, conversation) == []  # the handler never ran
    # Once only: the next request gets the real handler.
    assert _prompt(api, conversation).status_code == 200
    assert _roles(server, conversation) == ["user", "assistant"]


# ---------------------------------------------------------------- after the handler acted


def test_latency_then_the_real_answer(
    server: SandboxServer, api: httpx.Client, conversation: str
) -> None:
    server.state.faults.add("POST", PROMPT_ROUTE, Fault(delay_s=0.3))
    server.state.faults.add("GET", MESSAGES_ROUTE, Fault(delay_s=0.3))
    started = time.monotonic()
    prompt = _prompt(api, conversation)
    prompt_s = time.monotonic() - started
    started = time.monotonic()
    messages = api.get(f"/conversation/{conversation}/messages")
    messages_s = time.monotonic() - started
    assert prompt.status_code == 200
    assert messages.json()["messages"][1] == prompt.json()["assistantMessage"]
    assert prompt_s >= 0.3
    assert messages_s >= 0.3


def test_a_cut_answer_leaves_the_prompt_stored(
    server: SandboxServer, api: httpx.Client, conversation: str
) -> None:
    server.state.faults.add("POST", PROMPT_ROUTE, Fault(cut_after_bytes=10))
    with pytest.raises(httpx.RemoteProtocolError):
        _prompt(api, conversation)
    assert _roles(server, conversation) == ["user", "assistant"]


def test_a_cut_messages_body_is_short(
    server: SandboxServer, api: httpx.Client, conversation: str
) -> None:
    _prompt(api, conversation)
    server.state.faults.add("GET", MESSAGES_ROUTE, Fault(cut_after_bytes=25))
    sock = socket.create_connection(_address(server), timeout=5.0)
    with sock:
        sock.sendall(
            f"GET /conversation/{conversation}/messages HTTP/1.1\r\nHost: sandbox\r\n"
            f"Authorization: Bearer {server.state.demo_token}\r\n\r\n".encode("ascii")
        )
        received, ending = _ending(sock)
    head, _, body = received.partition(b"\r\n\r\n")
    declared = int(
        next(
            line for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")
        ).split(b":")[1]
    )
    assert ending == "closed"
    assert len(body) == 25
    assert declared > 25
    assert body == api.get(f"/conversation/{conversation}/messages").content[:25]


@pytest.mark.parametrize("route", ["prompt", "messages"])
def test_a_slow_body_arrives_whole_in_pieces(
    server: SandboxServer, api: httpx.Client, conversation: str, route: str
) -> None:
    _prompt(api, conversation)
    method, template = _on(route)
    server.state.faults.add(method, template, Fault(trickle=(200, 0.05)))
    started = time.monotonic()
    response = _call(api, route, conversation)
    elapsed = time.monotonic() - started
    pieces = -(-len(response.content) // 200)
    assert response.status_code == 200
    assert response.json()["success"] is True
    assert pieces >= 4
    assert elapsed >= (pieces - 1) * 0.05
    if route == "messages":
        assert response.content == api.get(f"/conversation/{conversation}/messages").content
    else:
        assert _roles(server, conversation) == ["user", "assistant"] * 2


def test_an_accepted_prompt_whose_answer_is_lost(
    server: SandboxServer, api: httpx.Client, conversation: str
) -> None:
    server.state.faults.add("POST", PROMPT_ROUTE, Fault(lose_answer=True))
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        _prompt(api, conversation)
    # The server acted: the prompt and its reply are there for the client to find.
    assert _roles(server, conversation) == ["user", "assistant"]
    assert server.state.request_count("POST", PROMPT_ROUTE) == 1


def test_a_lost_answer_is_a_reset_with_no_byte_sent(
    server: SandboxServer, conversation: str
) -> None:
    server.state.faults.add("POST", PROMPT_ROUTE, Fault(lose_answer=True))
    with _raw_prompt(server, conversation) as sock:
        received, ending = _ending(sock)
    assert (received, ending) == (b"", "reset")
    assert _roles(server, conversation) == ["user", "assistant"]


def test_a_lost_answer_does_not_wait_for_a_late_reply(
    server: SandboxServer, api: httpx.Client, conversation: str
) -> None:
    server.state.reply_delay_s = 2.0
    server.state.replies_after_answer = True
    server.state.faults.add("POST", PROMPT_ROUTE, Fault(lose_answer=True))
    started = time.monotonic()
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        _prompt(api, conversation)
    reset_after = time.monotonic() - started
    stored_at_reset = _roles(server, conversation)
    _wait_until_idle(server)
    assert stored_at_reset == ["user"]  # the reply was still to come when the answer was lost
    assert reset_after < 2.0
    assert _roles(server, conversation) == ["user", "assistant"]


def test_lost_answer_on_new_conversation_still_creates_it(
    server: SandboxServer, api: httpx.Client
) -> None:
    repo = next(r for r in server.state.repos if r["name"] == "Marketing assets")
    server.state.faults.add("POST", "/conversation", Fault(lose_answer=True))
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        api.post("/conversation", json={"repoId": repo["id"]})
    assert len(server.state.conversations_for(repo["id"])) == 1


# ---------------------------------------------------------------- before the handler


def test_a_reset_prompt_is_not_stored(server: SandboxServer, conversation: str) -> None:
    server.state.faults.add("POST", PROMPT_ROUTE, Fault(reset=True))
    with _raw_prompt(server, conversation) as sock:
        received, ending = _ending(sock)
    assert (received, ending) == (b"", "reset")
    assert _roles(server, conversation) == []


@pytest.mark.parametrize("route", ["prompt", "messages"])
def test_never_answering_times_the_client_out(
    server: SandboxServer, conversation: str, route: str
) -> None:
    method, template = _on(route)
    server.state.faults.add(method, template, Fault(never_answer=True))
    with _client(server, timeout=0.3) as impatient, pytest.raises(httpx.ReadTimeout):
        _call(impatient, route, conversation)
    _wait_until_idle(server)
    assert _roles(server, conversation) == []
    assert server.state.request_count(method, template) == 1


# ---------------------------------------------------------------- the new kind's rules


def test_lose_answer_combines_with_a_delay_only() -> None:
    assert Fault(lose_answer=True, delay_s=0.5).describe() == "delay 0.5 s, lose the answer"
    assert Fault(lose_answer=True).needs_connection
    for bad in (
        {"status": 500},
        {"body": "x"},
        {"headers": {"X": "1"}},
        {"reset": True},
        {"never_answer": True},
        {"cut_after_bytes": 3},
    ):
        with pytest.raises(ValueError, match="lose_answer"):
            Fault(lose_answer=True, **bad)
