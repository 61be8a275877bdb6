"""Every fault kind of the sandbox, seen on the wire with plain httpx and raw sockets.

The status faults show the catalogue of answers a client must survive; the
connection-level kinds (cut, reset, silence, trickle, oversize) show that what
arrives really is a short body, an RST, nothing, a slow body or a huge one,
and that none of them makes uvicorn log an error or slows stop() down.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from flashback_desktop.sandbox import Fault, SandboxServer, SandboxState
from flashback_desktop.sandbox.faults import OVERSIZE_MIN_BYTES
from flashback_desktop.sandbox.server import build_app

Json = dict[str, Any]


# ---------------------------------------------------------------- fixtures and helpers


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with SandboxServer() as running:
        yield running


@pytest.fixture(autouse=True)
def _clean_plan_and_quiet_server(
    server: SandboxServer, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """Faults end with the test, and none may make uvicorn or asyncio complain."""
    yield
    server.state.faults.clear()
    _wait_until_idle(server)  # a fault still running would log into the next test
    noisy = [
        f"{r.name}: {r.getMessage()}"
        for r in caplog.get_records("call") + caplog.get_records("teardown")
        if r.levelno >= logging.WARNING and r.name.split(".")[0] in ("uvicorn", "asyncio")
    ]
    assert noisy == []


def _client(server: SandboxServer, **timeouts: float) -> httpx.Client:
    # trust_env=False: a proxy from the environment must not see loopback traffic.
    return httpx.Client(
        base_url=server.url,
        headers={"Authorization": f"Bearer {server.state.demo_token}"},
        trust_env=False,
        timeout=httpx.Timeout(timeouts.pop("default", 5.0), **timeouts),
    )


@pytest.fixture
def api(server: SandboxServer) -> Iterator[httpx.Client]:
    with _client(server) as client:
        yield client


def _address(server: SandboxServer) -> tuple[str, int]:
    host, port = server.url.removeprefix("http://").rsplit(":", 1)
    return host, int(port)


def _raw_request(server: SandboxServer, path: str, *, timeout: float = 5.0) -> socket.socket:
    """A socket that has sent ``GET path`` (HTTP/1.1, signed in); the caller closes it."""
    sock = socket.create_connection(_address(server), timeout=timeout)
    request = (
        f"GET {path} HTTP/1.1\r\nHost: sandbox\r\n"
        f"Authorization: Bearer {server.state.demo_token}\r\n\r\n"
    )
    sock.sendall(request.encode("ascii"))
    return sock


def _read_to_end(sock: socket.socket) -> bytes:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


def _ending(sock: socket.socket) -> str:
    """How the connection ends after whatever was sent: "closed" (FIN) or "reset" (RST)."""
    sock.settimeout(5.0)
    try:
        while sock.recv(1024 * 1024):
            pass
    except ConnectionResetError:
        return "reset"
    return "closed"


def _split_response(raw: bytes) -> tuple[int, dict[str, str], bytes]:
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {
        name.strip().lower(): value.strip()
        for name, _, value in (line.partition(":") for line in lines[1:])
    }
    return int(lines[0].split(" ")[1]), headers, body


def _in_flight(server: SandboxServer) -> int:
    """Requests uvicorn is still running (peeks at the server: there is no public count)."""
    uvicorn_server = server._app.uvicorn_server
    return len(uvicorn_server.server_state.tasks) if uvicorn_server is not None else 0


def _wait_until_idle(server: SandboxServer, timeout: float = 3.0) -> None:
    deadline = time.monotonic() + timeout
    while _in_flight(server):
        assert time.monotonic() < deadline, "a faulted request is still running"
        time.sleep(0.01)


def _wait_for_request(server: SandboxServer, method: str, path: str) -> None:
    deadline = time.monotonic() + 3.0
    while server.state.request_count(method, path) == 0:
        assert time.monotonic() < deadline, f"{method} {path} never reached the server"
        time.sleep(0.01)


# ---------------------------------------------------------------- status faults: the catalogue

_HTML_502 = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
_STATUS_FAULTS = [
    pytest.param(Fault(status=400), id="400"),
    pytest.param(Fault(status=401), id="401"),
    pytest.param(Fault(status=403), id="403"),
    pytest.param(
        Fault(status=404, body='{"success":false,"message":"Repository not found"}'),
        id="404-json",
    ),
    pytest.param(Fault(status=408), id="408"),
    pytest.param(Fault(status=409), id="409"),
    pytest.param(Fault(status=429, headers={"Retry-After": "7"}), id="429-retry-after"),
    pytest.param(Fault(status=500), id="500"),
    pytest.param(Fault(status=502, body=_HTML_502, content_type="text/html"), id="502-html"),
    pytest.param(Fault(status=503), id="503"),
    pytest.param(Fault(status=504), id="504"),
    pytest.param(Fault(status=200, body='{"success":true,"repos":[{"id":'), id="200-bad-json"),
    pytest.param(Fault(status=200, body='{"success":true,"repos":{"id":1}}'), id="200-shape"),
    pytest.param(Fault(status=200, body=b""), id="200-empty"),
    pytest.param(
        Fault(status=302, headers={"Location": "https://elsewhere.invalid/repo"}),
        id="302-other-host",
    ),
]


@pytest.mark.parametrize("fault", _STATUS_FAULTS)
def test_status_faults_arrive_as_planned(
    server: SandboxServer, api: httpx.Client, fault: Fault
) -> None:
    server.state.faults.add("GET", "/repo", fault)
    response = api.get("/repo")  # httpx does not follow redirects unless told to
    assert response.status_code == fault.status
    assert response.content == fault.response_body()
    assert response.headers["content-type"] == fault.content_type
    assert response.headers["content-length"] == str(len(fault.response_body()))
    for name, value in fault.headers.items():
        assert response.headers[name] == value
    assert api.get("/repo").status_code == 200  # once only


def test_redirect_to_another_host_arrives_without_the_token(
    server: SandboxServer, api: httpx.Client
) -> None:
    # A second sandbox plays the other host; its 401 shows the Bearer token stayed behind.
    with SandboxServer() as other:
        location = f"{other.url}/repo"
        server.state.faults.add("GET", "/repo", Fault(status=302, headers={"Location": location}))
        response = api.get("/repo", follow_redirects=True)
        assert other.state.request_count("GET", "/repo") == 1
    assert str(response.url) == location
    assert response.status_code == 401
    assert response.history[0].status_code == 302


def test_unknown_route_is_an_html_404(api: httpx.Client) -> None:
    response = api.get("/no/such/route")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Cannot GET /no/such/route" in response.text


def test_faults_have_no_network_switch() -> None:
    # Only code in the same process can plan a fault: no route reaches the plan.
    routes = build_app(SandboxState()).app.routes
    assert not [route for route in routes if "fault" in getattr(route, "path", "").lower()]


# ---------------------------------------------------------------- cut_after_bytes


def test_cut_body_declares_its_length_then_stops(server: SandboxServer, api: httpx.Client) -> None:
    whole = api.get("/repo").content
    server.state.faults.add("GET", "/repo", Fault(cut_after_bytes=100))
    with _raw_request(server, "/repo") as sock:
        status, headers, body = _split_response(_read_to_end(sock))  # EOF: the server closed
    assert status == 200
    assert headers["content-length"] == str(len(whole))  # the real handler's full length
    assert body == whole[:100]


def test_httpx_sees_a_cut_body_as_incomplete(server: SandboxServer, api: httpx.Client) -> None:
    fault = Fault(status=200, body=json.dumps({"success": True, "repos": []}), cut_after_bytes=9)
    server.state.faults.add("GET", "/repo", fault)
    with pytest.raises(httpx.RemoteProtocolError, match="complete message body"):
        api.get("/repo")
    assert api.get("/repo").status_code == 200  # the server is fine, on a new connection


def test_cut_at_zero_sends_headers_only(server: SandboxServer) -> None:
    server.state.faults.add("GET", "/workspace", Fault(status=503, cut_after_bytes=0))
    with _raw_request(server, "/workspace") as sock:
        status, headers, body = _split_response(_read_to_end(sock))
    assert (status, body) == (503, b"")
    assert int(headers["content-length"]) > 0


def test_cut_past_the_end_sends_the_whole_body_and_warns(
    server: SandboxServer, api: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    server.state.faults.add("GET", "/workspace", Fault(cut_after_bytes=10**9))
    response = api.get("/workspace")
    assert response.status_code == 200
    assert response.json()["success"] is True
    assert "ended before the cut" in caplog.text


# ---------------------------------------------------------------- reset


def test_reset_answers_with_rst_after_reading_the_request(
    server: SandboxServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flashback.sandbox")
    server.state.reset_counts()
    server.state.faults.add("GET", "/repo", Fault(reset=True))
    with _raw_request(server, "/repo") as sock, pytest.raises(ConnectionResetError):
        sock.recv(65536)  # a FIN would read b"": the RST raises instead
    assert server.state.request_count("GET", "/repo") == 1  # the request was read first
    assert "fault on GET /repo: reset" in caplog.text


def test_httpx_sees_a_reset_as_a_read_error(server: SandboxServer, api: httpx.Client) -> None:
    server.state.faults.add("POST", "/conversation", Fault(reset=True))
    with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
        api.post("/conversation", json={"repoId": "whatever"})
    assert api.get("/repo").status_code == 200


# ---------------------------------------------------------------- never_answer


def test_never_answer_keeps_silent(server: SandboxServer, api: httpx.Client) -> None:
    server.state.faults.add("GET", "/repo", Fault(never_answer=True))
    with _raw_request(server, "/repo", timeout=0.3) as sock:
        with pytest.raises(TimeoutError):
            sock.recv(65536)
        assert api.get("/workspace").status_code == 200  # others are served meanwhile
    _wait_until_idle(server)  # the client left: the fault ends too


def test_httpx_times_out_on_silence(server: SandboxServer) -> None:
    server.state.faults.add("GET", "/repo", Fault(never_answer=True))
    with _client(server, read=0.3) as client, pytest.raises(httpx.ReadTimeout):
        client.get("/repo")


# ---------------------------------------------------------------- trickle


def test_trickle_beats_the_read_timeout_but_not_a_deadline(server: SandboxServer) -> None:
    body = json.dumps({"success": True, "repos": [], "note": "x" * 160}).encode()
    server.state.faults.add("GET", "/repo", Fault(status=200, body=body, trickle=(20, 0.1)))
    arrivals: list[float] = []
    received = b""
    with _client(server, read=0.5) as client:
        started = time.monotonic()
        with client.stream("GET", "/repo") as response:
            for piece in response.iter_raw():  # never a ReadTimeout: each piece is in time
                arrivals.append(time.monotonic())
                received += piece
    gaps = [later - earlier for earlier, later in zip([started, *arrivals], arrivals, strict=False)]
    assert received == body
    assert max(gaps) < 0.5
    # 10 pieces 0.1 s apart: a client with a 0.5 s overall deadline must give up on it.
    assert arrivals[-1] - started >= 0.8
    assert len(arrivals) >= 5


def test_trickle_shapes_the_real_handlers_answer(server: SandboxServer, api: httpx.Client) -> None:
    whole = api.get("/workspace").content
    server.state.faults.add("GET", "/workspace", Fault(trickle=(max(1, len(whole) // 4), 0.05)))
    started = time.monotonic()
    assert api.get("/workspace").content == whole
    assert time.monotonic() - started >= 0.15


def test_trickle_stops_when_the_client_leaves(server: SandboxServer) -> None:
    server.state.faults.add("GET", "/repo", Fault(trickle=(1, 0.05)))
    with _raw_request(server, "/repo") as sock:
        assert sock.recv(65536).startswith(b"HTTP/1.1 200")
    _wait_until_idle(server, timeout=1.0)  # not the minutes the whole body would take


# ---------------------------------------------------------------- oversize_bytes


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_oversize_body_is_exact_valid_json(
    server: SandboxServer, api: httpx.Client, declared: bool
) -> None:
    size = 3_000_000
    server.state.faults.add("GET", "/repo", Fault(oversize_bytes=size, declare_length=declared))
    response = api.get("/repo")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    if declared:
        assert response.headers["content-length"] == str(size)
    else:
        assert "content-length" not in response.headers
        assert response.headers["transfer-encoding"] == "chunked"
    assert len(response.content) == size
    assert json.loads(response.content)["success"] is True


def test_oversize_body_is_streamed_and_dropped_when_the_client_stops(
    server: SandboxServer, api: httpx.Client
) -> None:
    # 10 GB could never be built in memory: only streaming gets its first megabyte out.
    size = 10 * 1024**3
    server.state.faults.add("GET", "/repo", Fault(oversize_bytes=size))
    with api.stream("GET", "/repo") as response:
        assert response.headers["content-length"] == str(size)
        read = 0
        for piece in response.iter_raw():
            read += len(piece)
            if read >= 1_000_000:
                break  # as a client's size cap does
    _wait_until_idle(server, timeout=2.0)
    assert api.get("/repo").status_code == 200


def test_oversize_with_a_status(server: SandboxServer, api: httpx.Client) -> None:
    fault = Fault(status=500, oversize_bytes=OVERSIZE_MIN_BYTES, content_type="text/plain")
    server.state.faults.add("GET", "/repo", fault)
    response = api.get("/repo")
    assert response.status_code == 500
    assert response.headers["content-type"] == "text/plain"
    assert json.loads(response.content) == {"success": True, "repos": [], "padding": ""}


# ---------------------------------------------------------------- stop() with a fault holding on


@pytest.mark.parametrize(
    "fault",
    [
        pytest.param(Fault(never_answer=True), id="never-answer"),
        pytest.param(Fault(trickle=(1, 5.0)), id="trickle"),
        pytest.param(Fault(oversize_bytes=10 * 1024**3), id="oversize-unread"),
    ],
)
def test_stop_is_quick_while_a_fault_holds_a_connection(fault: Fault) -> None:
    sandbox = SandboxServer()
    sandbox.start()
    try:
        sandbox.state.faults.add("GET", "/repo", fault)
        with _raw_request(sandbox, "/repo") as sock:  # never reads: the oversize body backs up
            _wait_for_request(sandbox, "GET", "/repo")
            time.sleep(0.2)  # let the fault get going
            started = time.monotonic()
            sandbox.stop()
            assert time.monotonic() - started < 1.5  # the graceful shutdown is 2 s
            assert _ending(sock) in ("closed", "reset")
    finally:
        sandbox.stop()


def test_silence_ends_cleanly_at_stop_for_a_waiting_httpx_client() -> None:
    outcome: list[BaseException] = []
    with SandboxServer() as sandbox:
        sandbox.state.faults.add("GET", "/repo", Fault(never_answer=True))

        def waiting_request() -> None:
            with _client(sandbox) as client:
                try:
                    client.get("/repo")
                except httpx.TransportError as exc:
                    outcome.append(exc)

        worker = threading.Thread(target=waiting_request)
        worker.start()
        _wait_for_request(sandbox, "GET", "/repo")
    worker.join(5)
    assert len(outcome) == 1
    assert isinstance(outcome[0], (httpx.RemoteProtocolError, httpx.ReadError))


# ---------------------------------------------------------------- arguments


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"reset": True, "never_answer": True}, "cannot be combined"),
        ({"cut_after_bytes": 5, "trickle": (1, 0.1)}, "cannot be combined"),
        ({"oversize_bytes": 10**6, "reset": True}, "cannot be combined"),
        ({"reset": True, "status": 500}, "sends no response"),
        ({"never_answer": True, "headers": {"Retry-After": "1"}}, "sends no response"),
        ({"cut_after_bytes": -1}, "negative"),
        ({"status": 200, "body": "12345", "cut_after_bytes": 5}, "shorter than the body"),
        ({"trickle": (0, 0.1)}, "at least 1 byte"),
        ({"trickle": (10, -0.1)}, "negative"),
        ({"oversize_bytes": 3}, "at least"),
        ({"oversize_bytes": 10**6, "body": "{}"}, "leave body unset"),
        ({"declare_length": False}, "only applies to oversize_bytes"),
    ],
)
def test_fault_arguments_are_checked(arguments: Json, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Fault(**arguments)


def test_fault_describes_itself_for_the_log() -> None:
    assert Fault(status=503, delay_s=0.5).describe() == "delay 0.5 s, status 503"
    assert Fault(reset=True).describe() == "reset"
    assert Fault(oversize_bytes=100, declare_length=False).describe() == (
        "oversize 100 bytes (undeclared)"
    )
    assert Fault(trickle=(8, 0.25)).describe() == "trickle 8 bytes every 0.25 s"
    assert Fault().describe() == "no-op"
