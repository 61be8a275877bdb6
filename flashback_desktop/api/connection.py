"""How the client's HTTP connections are set up: per-request limits, timeouts, no redirects,
no proxy for loopback, no cookies, the certificates trusted."""

from __future__ import annotations

from dataclasses import dataclass
from http.cookiejar import CookieJar, DefaultCookiePolicy
from urllib.parse import urlsplit

import httpx

from flashback_desktop import __version__
from flashback_desktop.api.exchange import MEBIBYTE
from flashback_desktop.api.tls import tls_context
from flashback_desktop.config import is_loopback_host


@dataclass(frozen=True)
class ClientLimits:
    """Per-request limits; tests shrink them so fault scenarios stay fast."""

    connect_timeout_s: float = 10.0
    read_timeout_s: float = 20.0
    deadline_s: float = 30.0
    max_response_bytes: int = 64 * MEBIBYTE
    # Reads (GET) are retried after a network blip or a gateway error; writes never are.
    read_retries: int = 2
    retry_backoff_s: float = 0.5


# Refuses every cookie a response sets, and so never sends one back.
_NO_COOKIES = DefaultCookiePolicy(allowed_domains=[])


def http_client(
    base_url: str, limits: ClientLimits, transport: httpx.AsyncBaseTransport | None
) -> httpx.AsyncClient:
    """The client's one ``httpx.AsyncClient`` for ``base_url`` (already normalised)."""
    host = urlsplit(base_url).hostname or ""
    return httpx.AsyncClient(
        base_url=base_url + "/",
        timeout=httpx.Timeout(limits.read_timeout_s, connect=limits.connect_timeout_s),
        follow_redirects=False,
        # Loopback (the sandbox) must never go through a proxy from the environment.
        trust_env=not is_loopback_host(host),
        headers={"Accept": "application/json", "User-Agent": f"FlashbackDesktop/{__version__}"},
        verify=tls_context(),
        transport=transport,
        # No cookies: Flashback needs none, and a proxy's or portal's would travel back.
        cookies=CookieJar(policy=_NO_COOKIES),
    )
