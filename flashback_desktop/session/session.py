"""The signed-in session: one API client, one token store, and who the person is."""

from __future__ import annotations

import logging

from flashback_desktop.api.client import FlashbackClient
from flashback_desktop.api.models import UserProfile
from flashback_desktop.session.token_store import KeyringProblem, TokenStore

log = logging.getLogger("flashback.session")


class Session:
    """Sign-in state for one server. The UI asks it to sign in, out, or restore."""

    def __init__(self, client: FlashbackClient, store: TokenStore) -> None:
        self.client = client
        self.store = store
        self.profile: UserProfile | None = None

    @property
    def signed_in(self) -> bool:
        return self.client.has_access_token

    @property
    def keyring_problem(self) -> KeyringProblem | None:
        return self.store.problem

    async def restore(self) -> bool:
        """Use the saved token, if there is one. True when a token was found."""
        token = await self.store.load()
        if not token:
            log.info("No saved sign-in for %s", self.client.base_url)
            return False
        self.client.set_access_token(token)
        log.info("Restored the saved sign-in for %s", self.client.base_url)
        return True

    async def load_profile(self) -> UserProfile:
        self.profile = await self.client.get_profile()
        return self.profile

    async def sign_in_with_token(self, token: str) -> UserProfile:
        """Check a pasted token against the server before keeping it."""
        token = token.strip()
        previous = await self.store.load()
        self.client.set_access_token(token)
        try:
            profile = await self.load_profile()
        except BaseException:
            self.client.set_access_token(previous)
            raise
        await self.store.save(token)
        log.info("Signed in with a pasted access token")
        return profile

    async def sign_in_with_password(self, email: str, password: str) -> UserProfile:
        result = await self.client.login(email, password)
        self.client.set_access_token(result.access_token)
        await self.store.save(result.access_token)
        log.info("Signed in with email and password")
        return await self.load_profile()

    async def sign_out(self) -> None:
        """Forget the token here and in the keyring."""
        self.client.set_access_token(None)
        self.profile = None
        await self.store.delete()
        log.info("Signed out")

    async def close(self) -> None:
        await self.client.aclose()
