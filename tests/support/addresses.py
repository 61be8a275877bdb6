"""Addresses that fail in a known way: nobody listening, and a name that never resolves."""

from __future__ import annotations

import socket

# RFC 2606 reserves .invalid: no resolver anywhere may answer for it.
UNRESOLVABLE_HOST = "flashback.invalid"


def unused_loopback_url(scheme: str = "http") -> str:
    """A loopback URL whose port nobody listens on: connecting is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # The port was free a moment ago; nothing here listens on it again.
    return f"{scheme}://127.0.0.1:{port}"


def unresolvable_url(scheme: str = "https") -> str:
    """A URL whose host name does not resolve (DNS says no such name)."""
    return f"{scheme}://{UNRESOLVABLE_HOST}"
