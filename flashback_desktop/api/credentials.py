"""Where the client's bearer token comes from, given to ``FlashbackClient`` when it is made.

The session's ``TokenKeeper`` implements ``Credentials`` (renewing after a 401 or before
expiry); ``FixedToken`` is one token that cannot be renewed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Bearer:
    """A token handed out for one request; ``generation`` tells renewals apart even when a
    server issues the very same token string twice (claims with one-second resolution)."""

    token: str = field(repr=False)
    generation: int = 0


class Credentials(Protocol):
    """Where the client gets its bearer token, and a new one after a 401."""

    async def bearer(self) -> Bearer | None:
        """The token for the next request (renewed first when it is known to have expired)."""

    async def renew(self, rejected: Bearer) -> Bearer | None:
        """A new token after the server refused ``rejected``, or None when there is none."""


class FixedToken:
    """A token that cannot be renewed: pasted tokens being checked, and tests."""

    def __init__(self, token: str | None = None) -> None:
        self._bearer = Bearer(token) if token else None

    async def bearer(self) -> Bearer | None:
        return self._bearer

    async def renew(self, rejected: Bearer) -> Bearer | None:
        return None
