""" "Test connection" against real servers over loopback: each verdict, and no token sent."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from flashback_desktop.api.connection import ClientLimits
from flashback_desktop.api.server_check import ServerCheck, Verdict, check_server
from flashback_desktop.sandbox import SandboxServer
from flashback_desktop.sandbox.faults import Fault
from tests.support.addresses import unused_loopback_url
from tests.support.tls_sandbox import TlsSandbox, tls_sandbox

pytestmark = pytest.mark.asyncio

QUICK = ClientLimits(connect_timeout_s=2.0, read_timeout_s=3.0, deadline_s=4.0, read_retries=0)


async def check(url: str) -> ServerCheck:
    return await check_server(url, limits=QUICK)


@pytest.fixture
def secure(monkeypatch: pytest.MonkeyPatch) -> Iterator[TlsSandbox]:
    for name in ("SSL_CERT_FILE", "SSL_CERT_DIR"):
        monkeypatch.delenv(name, raising=False)
    with tls_sandbox() as server:
        yield server


async def test_a_flashback_server_is_reachable_and_gets_no_authorization_header(
    sandbox: SandboxServer,
) -> None:
    result = await check(sandbox.url)
    assert result.verdict is Verdict.REACHABLE
    assert result.ok
    assert sandbox.state.request_count("GET", "/user/profile") == 1
    (names,) = sandbox.state.request_header_names("GET", "/user/profile")
    assert "user-agent" in names  # the headers were recorded...
    assert "authorization" not in names  # ...and no sign-in was among them


async def test_the_sandbox_records_an_authorization_header_when_one_is_sent(
    sandbox: SandboxServer,
) -> None:
    """The recording the test above relies on does see the header when it is there."""
    async with httpx.AsyncClient() as plain:
        await plain.get(f"{sandbox.url}/repo", headers={"Authorization": "Bearer x"})
    (names,) = sandbox.state.request_header_names("GET", "/repo")
    assert "authorization" in names


@pytest.mark.parametrize(
    ("fault", "verdict", "words"),
    [
        (
            Fault(status=404, body="<html>Not here</html>", content_type="text/html"),
            Verdict.NOT_FLASHBACK,
            "not a Flashback server",
        ),
        (Fault(status=200, body='{"id": "x"}'), Verdict.NOT_FLASHBACK, "without asking"),
        (
            Fault(status=302, body="", headers={"Location": "https://elsewhere.example/"}),
            Verdict.NOT_FLASHBACK,
            "sends the app on to another",
        ),
        (Fault(status=503), Verdict.SERVER_TROUBLE, "problem of its own"),
        (Fault(reset=True), Verdict.UNREACHABLE, "Could not connect"),
    ],
)
async def test_other_answers_get_a_plain_verdict(
    sandbox: SandboxServer, fault: Fault, verdict: Verdict, words: str
) -> None:
    sandbox.state.faults.add("GET", "/user/profile", fault)
    result = await check(sandbox.url)
    assert result.verdict is verdict
    assert words in result.message
    assert "Traceback" not in result.message
    assert sandbox.state.request_count("GET", "/user/profile") == 1  # never retried


async def test_nobody_listening_means_cannot_connect() -> None:
    result = await check(unused_loopback_url())
    assert result.verdict is Verdict.UNREACHABLE
    assert "Could not connect" in result.message


async def test_an_untrusted_certificate_is_a_certificate_problem(secure: TlsSandbox) -> None:
    result = await check(secure.url)
    assert result.verdict is Verdict.CERTIFICATE
    assert "certificate" in result.message
    assert secure.state.request_count("GET", "/user/profile") == 0


@pytest.mark.parametrize("url", ["http://flashback.example.com", "not a url", ""])
async def test_an_unusable_address_is_not_contacted(url: str) -> None:
    result = await check(url)
    assert result.verdict is Verdict.INVALID_ADDRESS
    assert result.message
