"""The test-only servers and addresses: the sandbox over HTTPS, a forward proxy, bad addresses.

Tests of the client lean on these to stand in for a corporate network, so
here they are checked against plain httpx and the standard library first.
"""

from __future__ import annotations

import logging
import socket
import ssl
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from flashback_desktop.sandbox import Fault, SandboxServer
from tests.support.addresses import UNRESOLVABLE_HOST, unresolvable_url, unused_loopback_url
from tests.support.http_proxy import HttpProxy, host_port
from tests.support.tls_sandbox import TlsSandbox, tls_sandbox


@pytest.fixture(autouse=True)
def _quiet_servers(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """A refused certificate or a 407 is normal here: uvicorn and asyncio must not complain."""
    yield
    noisy = [
        f"{r.name}: {r.getMessage()}"
        for r in caplog.get_records("call")
        if r.levelno >= logging.WARNING and r.name.split(".")[0] in ("uvicorn", "asyncio")
    ]
    assert noisy == []


@pytest.fixture(scope="module")
def tls() -> Iterator[TlsSandbox]:
    with tls_sandbox() as running:
        yield running


@pytest.fixture
def proxy() -> Iterator[HttpProxy]:
    with HttpProxy() as running:
        yield running


def _auth(sandbox: SandboxServer) -> dict[str, str]:
    return {"Authorization": f"Bearer {sandbox.state.demo_token}"}


# ---------------------------------------------------------------- the HTTPS sandbox


def test_tls_sandbox_is_not_trusted_by_default(tls: TlsSandbox) -> None:
    # The default context trusts the system's CAs (and SSL_CERT_FILE): not the test CA.
    with (
        httpx.Client(verify=ssl.create_default_context(), trust_env=False) as client,
        pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"),
    ):
        client.get(f"{tls.url}/repo")
    assert tls.state.request_count("GET", "/repo") == 0  # no request got through


@pytest.mark.parametrize("name", ["ip", "localhost"])
def test_tls_sandbox_works_with_its_ca(tls: TlsSandbox, name: str) -> None:
    url = tls.url if name == "ip" else tls.localhost_url
    assert url.startswith("https://")
    with httpx.Client(verify=tls.ssl_context(), trust_env=False) as client:
        response = client.get(f"{url}/repo", headers=_auth(tls.server))
    assert response.status_code == 200
    assert response.json()["success"] is True


def test_ssl_cert_file_can_point_at_the_ca(
    tls: TlsSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    # OpenSSL's default verify paths read SSL_CERT_FILE when a context is created.
    monkeypatch.setenv("SSL_CERT_FILE", str(tls.ca_file))
    with httpx.Client(verify=ssl.create_default_context(), trust_env=False) as client:
        assert client.get(f"{tls.url}/repo", headers=_auth(tls.server)).status_code == 200


@pytest.mark.parametrize(
    "fault",
    [
        pytest.param(Fault(status=200, body='{"success":true,"repos":[]}', cut_after_bytes=4)),
        pytest.param(Fault(reset=True)),
    ],
    ids=["cut", "reset"],
)
def test_connection_faults_work_over_https(tls: TlsSandbox, fault: Fault) -> None:
    tls.state.faults.add("GET", "/repo", fault)
    with (
        httpx.Client(verify=tls.ssl_context(), trust_env=False) as client,
        pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)),
    ):
        client.get(f"{tls.url}/repo", headers=_auth(tls.server))


# ---------------------------------------------------------------- the proxy


def test_connect_tunnel_to_the_tls_sandbox(proxy: HttpProxy, tls: TlsSandbox) -> None:
    with httpx.Client(proxy=proxy.url, verify=tls.ssl_context(), trust_env=False) as client:
        first = client.get(f"{tls.url}/repo", headers=_auth(tls.server))
        second = client.get(f"{tls.url}/workspace", headers=_auth(tls.server))
    assert (first.status_code, second.status_code) == (200, 200)
    # One tunnel carried both requests (keep-alive inside TLS).
    assert proxy.handled(tls.url) == 1
    assert proxy.handled(f"127.0.0.1:{tls.port}") == 1
    assert proxy.handled() == 1
    assert proxy.rejected() == 0


def test_plain_http_is_forwarded(proxy: HttpProxy, sandbox: SandboxServer) -> None:
    with httpx.Client(proxy=proxy.url, trust_env=False) as client:
        repos = client.get(f"{sandbox.url}/repo?take=1", headers=_auth(sandbox))
        login = client.post(
            f"{sandbox.url}/user/login",
            json={"email": sandbox.state.demo_email, "password": sandbox.state.demo_password},
        )
    assert repos.status_code == 200
    assert repos.json()["repos"]
    assert login.status_code == 200  # the request body made it through
    assert login.json()["accessToken"]
    assert proxy.handled(sandbox.url) == 2  # one connection per forwarded request
    assert sandbox.state.request_count("POST", "/user/login") == 1


def test_407_for_a_tunnel(tls: TlsSandbox) -> None:
    tls.state.reset_counts()
    with (
        HttpProxy(demand_auth=True) as proxy,
        httpx.Client(proxy=proxy.url, verify=tls.ssl_context(), trust_env=False) as client,
    ):
        with pytest.raises(httpx.ProxyError, match="407"):
            client.get(f"{tls.url}/repo", headers=_auth(tls.server))
        assert (proxy.rejected(tls.url), proxy.handled()) == (1, 0)
    assert tls.state.request_count("GET", "/repo") == 0


def test_407_for_plain_http(sandbox: SandboxServer) -> None:
    with (
        HttpProxy(demand_auth=True) as proxy,
        httpx.Client(proxy=proxy.url, trust_env=False) as client,
    ):
        response = client.get(f"{sandbox.url}/repo", headers=_auth(sandbox))
        assert proxy.rejected(sandbox.url) == 1
    assert response.status_code == 407
    assert response.headers["proxy-authenticate"] == 'Basic realm="corp"'
    assert sandbox.state.request_count("GET", "/repo") == 0


def test_407_can_be_switched_on_while_running(proxy: HttpProxy, sandbox: SandboxServer) -> None:
    with httpx.Client(proxy=proxy.url, trust_env=False) as client:
        assert client.get(f"{sandbox.url}/repo", headers=_auth(sandbox)).status_code == 200
        proxy.demand_auth = True
        assert client.get(f"{sandbox.url}/repo", headers=_auth(sandbox)).status_code == 407


def test_the_right_proxy_credentials_pass(tls: TlsSandbox, sandbox: SandboxServer) -> None:
    with HttpProxy(demand_auth=True, credentials=("alice", "s3cret")) as proxy:
        good = proxy.url_with_credentials("alice", "s3cret")
        bad = proxy.url_with_credentials("alice", "guess")
        with httpx.Client(proxy=good, verify=tls.ssl_context(), trust_env=False) as client:
            assert client.get(f"{tls.url}/repo", headers=_auth(tls.server)).status_code == 200
            assert client.get(f"{sandbox.url}/repo", headers=_auth(sandbox)).status_code == 200
        with httpx.Client(proxy=bad, trust_env=False) as client:
            assert client.get(f"{sandbox.url}/repo").status_code == 407
        assert (proxy.handled(), proxy.rejected()) == (2, 1)


def test_proxy_answers_502_when_the_target_refuses(proxy: HttpProxy) -> None:
    with httpx.Client(proxy=proxy.url, trust_env=False) as client:
        assert client.get(f"{unused_loopback_url()}/repo").status_code == 502


def test_proxy_stops_quickly_with_a_tunnel_open(tls: TlsSandbox) -> None:
    proxy = HttpProxy()
    proxy.start()
    port = proxy.port
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(f"CONNECT 127.0.0.1:{tls.port} HTTP/1.1\r\n\r\n".encode())
            assert sock.recv(1024).startswith(b"HTTP/1.1 200")
            started = time.monotonic()
            proxy.stop()  # the idle tunnel must not hold it up
            assert time.monotonic() - started < 1.0
            assert sock.recv(1024) == b""  # the proxy hung up
    finally:
        proxy.stop()
    assert not [t for t in threading.enumerate() if t.name == f"test-http-proxy-{port}"]
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


def test_host_port_of_urls_and_authorities() -> None:
    assert host_port("https://127.0.0.1:8443/x") == "127.0.0.1:8443"
    assert host_port("http://example.test") == "example.test:80"
    assert host_port("https://[::1]/") == "[::1]:443"
    assert host_port("localhost:3000") == "localhost:3000"


# ---------------------------------------------------------------- addresses that fail


def test_unused_loopback_port_refuses() -> None:
    url = unused_loopback_url()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1])), timeout=1).close()
    with httpx.Client(trust_env=False) as client, pytest.raises(httpx.ConnectError):
        client.get(url)


def test_invalid_tld_never_resolves() -> None:
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo(UNRESOLVABLE_HOST, 443)
    with httpx.Client(trust_env=False, timeout=5) as client, pytest.raises(httpx.ConnectError):
        client.get(unresolvable_url())
