"""The session's tokens: hands the client its bearer token and renews it when needed.

Renewal uses the refresh token once, stores the rotated pair, and is shared: however many
requests find the token expired or refused at the same moment, one ``POST /user/refresh``
is made. Before refreshing, the keyring is read again, because another copy of the app
(after a crash, or a stale single-instance lock) may already have rotated the pair; using
the old refresh token would then sign both out.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from flashback_desktop.api import errors
from flashback_desktop.api.credentials import Bearer
from flashback_desktop.api.models import LoginResult
from flashback_desktop.logging_setup import register_secret
from flashback_desktop.session.keyring_errors import KeyringProblem
from flashback_desktop.session.token_expiry import token_expiry, token_is_usable
from flashback_desktop.session.token_store import TokenPair, TokenStore

log = logging.getLogger("flashback.session.tokens")

# Renew a little before the token runs out, so a request in flight does not race it.
RENEW_BEFORE_EXPIRY_S = 60.0


class TokenKeeper:
    """Implements the client's ``Credentials``: the current pair, renewed on demand."""

    def __init__(
        self,
        store: TokenStore,
        refresh: Callable[[str], Awaitable[LoginResult]],
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._store = store
        self._refresh = refresh
        self.clock = clock
        self._pair: TokenPair | None = None
        self._generation = 0  # bumped on every change of pair
        self._refused_refresh: str | None = None
        # The renewal under way, and the generation it renews: every request that finds the
        # same token expired or refused awaits this one task and shares its outcome (its
        # failure too), instead of each trying again at once.
        self._renewal: asyncio.Future[Bearer | None] | None = None
        self._renewal_of = 0
        # False once a brand-new token already looked expired: the computer's clock is
        # wrong, so only the server's 401 decides from then on (no refresh loop).
        self.trusts_clock = True
        # True once a saved pair could not be read: it was removed, and the person is asked
        # to sign in, told why.
        self.discarded_unreadable = False

    @property
    def signed_in(self) -> bool:
        return self._pair is not None

    @property
    def refresh_token(self) -> str | None:
        return self._pair.refresh if self._pair else None

    async def restore(self) -> bool:
        """Take the pair saved in the keyring, if any."""
        pair = await self._store.load()
        if pair is not None and not _usable(pair):
            # Unreadable (written by some other program, or edited by hand): using it would
            # fail every start, so it counts as signed out, and the entries go.
            log.warning("The saved sign-in cannot be read; it is removed")
            self.discarded_unreadable = True
            problem = await self._store.delete()
            if problem is not None:  # then it is met again at the next start, and said again
                log.warning(
                    "The unreadable saved sign-in could not be removed: %s", problem.technical
                )
            pair = None
        self._use(pair)
        return pair is not None

    async def adopt(self, pair: TokenPair) -> None:
        """A fresh sign-in: keep the pair here and in the store, if the app can use it."""
        if not _usable(pair):
            # Checked before saving: a saved token the app cannot read locked people out.
            raise errors.UnreadableResponseError(
                errors.ErrorDetails(cause="the sign-in answer's token cannot be read or sent")
            )
        self._use(pair)
        self._refused_refresh = None
        await self._store.save(pair)

    async def forget(self) -> KeyringProblem | None:
        """Signed out: nothing here; the problem when the keyring could not let go of it."""
        self._use(None)  # a renewal still in flight sees the new generation and drops its pair
        return await self._store.delete()

    # ---- Credentials ------------------------------------------------------------------------

    async def bearer(self) -> Bearer | None:
        current = self._current()
        if current is None:
            return None
        if self.trusts_clock and self._expires_soon(current.token):
            renewed = await self._renew(current, because="it is about to expire")
            # If renewal was impossible, send the old token anyway: the server decides.
            return renewed or current
        return current

    async def renew(self, rejected: Bearer) -> Bearer | None:
        return await self._renew(rejected, because="the server refused it")

    # ---- internals --------------------------------------------------------------------------

    def _use(self, pair: TokenPair | None) -> None:
        if pair is not None:
            register_secret(pair.access)  # from now on cut out of every log line
            register_secret(pair.refresh)
        self._pair = pair
        self._generation += 1

    def _current(self) -> Bearer | None:
        return Bearer(self._pair.access, self._generation) if self._pair else None

    def _expires_soon(self, token: str) -> bool:
        expiry = token_expiry(token)
        return expiry is not None and expiry - RENEW_BEFORE_EXPIRY_S <= self.clock()

    async def _renew(self, stale: Bearer, *, because: str) -> Bearer | None:
        """A renewed bearer, or None when there is none (refused, or signed out)."""
        under_way = self._renewal
        if under_way is not None and self._renewal_of != stale.generation:
            # Renewing another pair: wait for it, then see where things stand (its outcome
            # is not this request's).
            await asyncio.wait([under_way])
        if self._pair is None or self._generation != stale.generation:
            return self._current()  # signed out, or renewed while this one waited
        if self._renewal is None:
            self._renewal_of = self._generation
            self._renewal = asyncio.ensure_future(self._renew_once(self._generation, because))
            self._renewal.add_done_callback(self._renewal_finished)
        # Shielded: once the server has rotated the pair, it must be kept even if the
        # request that asked is cancelled (a reload replaced, the app quitting).
        return await asyncio.shield(self._renewal)

    def _renewal_finished(self, renewal: asyncio.Future[Bearer | None]) -> None:
        if self._renewal is renewal:
            self._renewal = None
        if not renewal.cancelled():
            renewal.exception()  # retrieved: every waiter may have been cancelled

    async def _renew_once(self, generation: int, because: str) -> Bearer | None:
        refresh = await self._refresh_token_to_use(generation)
        if refresh is not None:
            log.info("Renewing the sign-in because %s", because)
            await self._refresh_and_keep(refresh, generation)
        # Changed: renewed here, taken from another copy, or signed out (then None).
        return self._current() if self._generation != generation else None

    async def _refresh_token_to_use(self, generation: int) -> str | None:
        """Read the keyring again first: another copy of the app may have rotated the pair
        already. Its pair is then taken as it is, and there is nothing to refresh."""
        stored = await self._store.load()
        if stored is not None and not _usable(stored):
            stored = None  # written by an older copy: not one to take, nor to refresh with
        current = self._pair
        if current is None or self._generation != generation:
            return None
        if stored is not None and stored.access != current.access:
            log.info("Another copy of the app renewed the sign-in; using its tokens")
            self._use(stored)
            return None
        refresh = (stored or current).refresh
        return None if refresh == self._refused_refresh else refresh

    async def _refresh_and_keep(self, refresh: str, generation: int) -> None:
        pair = await self._refreshed(refresh)
        if pair is not None and self._generation == generation:
            await self._keep_renewed(pair)
        elif pair is not None:
            log.info("Dropping a renewal that finished after the sign-in changed")

    async def _refreshed(self, refresh: str) -> TokenPair | None:
        try:
            result = await self._refresh(refresh)
        except errors.UnauthorizedError as exc:
            log.info("The server refused to renew the sign-in: %s", exc)
            self._refused_refresh = refresh
            return None
        # Any other failure (out of reach for now) reaches every waiter; a later try asks again.
        pair = TokenPair(result.access_token, result.refresh_token or refresh)
        if not _usable(pair):
            # Sending it would fail before reaching the server, again and again, as if the
            # network were down: a renewal the person cannot use is a refused one.
            log.warning("The renewed sign-in's token cannot be read or sent; asking to sign in")
            self._refused_refresh = refresh
            return None
        return pair

    async def _keep_renewed(self, pair: TokenPair) -> None:
        self._use(pair)
        await self._store.save(pair)
        if self.trusts_clock and self._expires_soon(pair.access):
            log.warning(
                "A new token already looks expired: this computer's clock seems wrong. "
                "Relying on the server to say when the sign-in expires."
            )
            self.trusts_clock = False


def _usable(pair: TokenPair) -> bool:
    return token_is_usable(pair.access) and token_is_usable(pair.refresh or None)
