"""Corporate networks, for real: the OS trust store, proxies from the environment, 407.

A TLS sandbox with a test CA stands in for a server behind a TLS-inspecting proxy; the CA
reaches the app the way IT would add it, through the trust store (here SSL_CERT_FILE, which
OpenSSL's system paths honour), never by switching verification off.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from flashback_desktop.api import errors
from flashback_desktop.sandbox import SandboxServer
from tests.integration.test_client import open_client
from tests.support.http_proxy import HttpProxy
from tests.support.tls_sandbox import CORPORATE_HOST, TlsSandbox, tls_sandbox

pytestmark = pytest.mark.asyncio

PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY")


@pytest.fixture
def secure() -> Iterator[TlsSandbox]:
    with tls_sandbox() as server:
        yield server


@pytest.fixture
def clean_network_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in (*PROXY_VARIABLES, "NO_PROXY", "no_proxy", "SSL_CERT_FILE", "SSL_CERT_DIR"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


async def test_a_certificate_the_computer_does_not_trust_is_refused(
    secure: TlsSandbox, clean_network_env: pytest.MonkeyPatch
) -> None:
    async with open_client(secure.url, token=secure.state.demo_token) as client:
        with pytest.raises(errors.TlsError) as refused:
            await client.list_repositories()
    assert "could not be verified" in refused.value.message
    assert secure.state.request_count("GET", "/repo") == 0  # the token never left


async def test_a_ca_added_to_the_trust_store_is_trusted(
    secure: TlsSandbox, clean_network_env: pytest.MonkeyPatch
) -> None:
    clean_network_env.setenv("SSL_CERT_FILE", str(secure.ca_file))
    async with open_client(secure.url, token=secure.state.demo_token) as client:
        assert await client.list_repositories()


async def test_the_proxy_from_the_environment_carries_the_requests(
    secure: TlsSandbox, clean_network_env: pytest.MonkeyPatch
) -> None:
    url = f"https://{CORPORATE_HOST}:{secure.port}"
    with HttpProxy(hosts={CORPORATE_HOST: "127.0.0.1"}) as proxy:
        clean_network_env.setenv("HTTPS_PROXY", proxy.url)
        clean_network_env.setenv("SSL_CERT_FILE", str(secure.ca_file))
        async with open_client(url, token=secure.state.demo_token) as client:
            assert await client.list_repositories()
        assert proxy.handled(f"{CORPORATE_HOST}:{secure.port}") == 1


async def test_no_proxy_sends_the_server_around_the_proxy(
    secure: TlsSandbox, clean_network_env: pytest.MonkeyPatch
) -> None:
    url = f"https://{CORPORATE_HOST}:{secure.port}"
    with HttpProxy(hosts={CORPORATE_HOST: "127.0.0.1"}) as proxy:
        clean_network_env.setenv("HTTPS_PROXY", proxy.url)
        clean_network_env.setenv("NO_PROXY", CORPORATE_HOST)
        async with open_client(url, token=secure.state.demo_token) as client:
            with pytest.raises(errors.NetworkUnreachableError):
                await client.list_repositories()  # direct: the name does not resolve here
        assert proxy.handled() == 0


async def test_loopback_never_goes_through_a_proxy(
    sandbox: SandboxServer, clean_network_env: pytest.MonkeyPatch
) -> None:
    with HttpProxy() as proxy:
        for name in PROXY_VARIABLES:
            clean_network_env.setenv(name, proxy.url)
        async with open_client(sandbox.url, token=sandbox.state.demo_token) as client:
            assert await client.list_repositories()
        assert proxy.handled() == 0


async def test_a_proxy_asking_for_a_password_is_told_plainly(
    secure: TlsSandbox, clean_network_env: pytest.MonkeyPatch
) -> None:
    url = f"https://{CORPORATE_HOST}:{secure.port}"
    with HttpProxy(demand_auth=True, hosts={CORPORATE_HOST: "127.0.0.1"}) as proxy:
        clean_network_env.setenv("HTTPS_PROXY", proxy.url)
        clean_network_env.setenv("SSL_CERT_FILE", str(secure.ca_file))
        async with open_client(url, token=secure.state.demo_token) as client:
            with pytest.raises(errors.ProxyAuthenticationError) as refused:
                await client.list_repositories()
        assert proxy.rejected() >= 1
    assert "proxy" in refused.value.message
    assert "NTLM" in refused.value.action
    assert secure.state.request_count("GET", "/repo") == 0
