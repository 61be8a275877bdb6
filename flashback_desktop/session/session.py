"""The signed-in session: one API client, the token keeper, and who the person is.

The client is private: the UI asks the session (the calls below, ``chat()``), so every
request goes through the one client whose credentials are this session's token keeper.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING

from flashback_desktop.api import errors
from flashback_desktop.api.client import FlashbackClient
from flashback_desktop.api.connection import ClientLimits
from flashback_desktop.api.models import (
    MFA_AUTHENTICATOR_APP,
    ConversationPage,
    CreatedConversation,
    LoginResult,
    Repository,
    UserProfile,
    Workspace,
)
from flashback_desktop.logging_setup import REDACTED
from flashback_desktop.session.conversation_chat import ChatTimings, ConversationChat
from flashback_desktop.session.keyring_errors import KeyringProblem
from flashback_desktop.session.token_expiry import token_is_usable
from flashback_desktop.session.token_keeper import TokenKeeper
from flashback_desktop.session.token_store import TokenPair, TokenStore
from flashback_desktop.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import httpx

log = logging.getLogger("flashback.session")

_UNVERIFIED_TOKEN = (
    QT_TRANSLATE_NOOP(
        "Messages", "This token comes from a sign-in that has not finished two-step verification."
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Sign in with your email and password here instead, or finish two-step verification "
        "on the Flashback website before copying a token.",
    ),
)


_UNREADABLE_SAVED_SIGN_IN = QT_TRANSLATE_NOOP(
    "Messages", "The saved sign-in could not be read, so you are signed out. Sign in again."
)


@dataclass(frozen=True)
class MfaChallenge:
    """The password was right; the account also wants a second step."""

    methods: tuple[str, ...]

    @property
    def can_enter_code(self) -> bool:
        """Only authenticator-app codes can be typed here; links and passkeys need a browser."""
        return MFA_AUTHENTICATOR_APP in self.methods


@dataclass(frozen=True)
class _PendingMfa:
    login: LoginResult = field(repr=False)
    profile: UserProfile


@dataclass(frozen=True)
class SignOutResult:
    """What could not be done: telling the server, or removing the keyring entries."""

    server_problem: errors.FlashbackError | None = None
    keyring_problem: KeyringProblem | None = None


# The server heard the sign-out but said no (the token was already invalid, say): nothing
# is left to revoke there, so this is not worth telling the person about.
_HEARD_BY_SERVER = (
    errors.BadRequestError,
    errors.UnauthorizedError,
    errors.ForbiddenError,
    errors.NotFoundError,
)


class Session:
    """Sign-in state for one server. The UI asks it to sign in, out, or restore."""

    def __init__(
        self,
        server_url: str,
        store: TokenStore,
        *,
        limits: ClientLimits | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        """The client is made here, with the token keeper as its credentials from the start."""
        self.store = store
        self.tokens = TokenKeeper(store, self._refresh)
        self._client = FlashbackClient(
            server_url, credentials=self.tokens, limits=limits, transport=transport
        )
        self.profile: UserProfile | None = None
        self._pending_mfa: _PendingMfa | None = None
        # Bumped when a sign-in ends: an answer to a request made before then is stale.
        self.generation = 0

    async def _refresh(self, refresh_token: str) -> LoginResult:
        """The keeper renews through the client, which is made after it."""
        return await self._client.refresh(refresh_token)

    # ---- what the UI asks of the server (through the one client) --------------------------

    async def list_workspaces(self) -> tuple[Workspace, ...]:
        return await self._client.list_workspaces()

    async def list_repositories(self) -> tuple[Repository, ...]:
        return await self._client.list_repositories()

    async def create_conversation(self, repo_id: str) -> CreatedConversation:
        return await self._client.create_conversation(repo_id)

    async def list_conversations(
        self,
        repo_id: str | None = None,
        *,
        user_id: str | None = None,
        take: int = 50,
        skip: int = 0,
    ) -> ConversationPage:
        """Newest first; see ``FlashbackClient.list_conversations``."""
        return await self._client.list_conversations(repo_id, user_id=user_id, take=take, skip=skip)

    async def delete_conversation(self, conversation_id: str, *, hard: bool = False) -> None:
        await self._client.delete_conversation(conversation_id, hard=hard)

    @property
    def server_clock(self) -> tuple[datetime, float] | None:
        """The server's time from its last Date header, and when (monotonic) it came."""
        return self._client.server_clock

    def chat(self, timings: ChatTimings | None = None) -> ConversationChat:
        """Prompts and messages over this session's client (one per conversation window)."""
        return ConversationChat(self._client, timings=timings)

    @property
    def signed_in(self) -> bool:
        return self.tokens.signed_in

    @property
    def keyring_problem(self) -> KeyringProblem | None:
        return self.store.problem

    @property
    def restore_note(self) -> str | None:
        """Why a saved sign-in was not used, when the person should know (untranslated)."""
        return _UNREADABLE_SAVED_SIGN_IN if self.tokens.discarded_unreadable else None

    async def restore(self) -> bool:
        """Use the saved sign-in, if there is one. True when one was found."""
        if not await self.tokens.restore():
            log.info("No saved sign-in for %s", self._client.base_url)
            return False
        log.info("Restored the saved sign-in for %s", self._client.base_url)
        return True

    async def load_profile(self) -> UserProfile:
        self.profile = await self._client.get_profile()
        return self.profile

    async def sign_in_with_token(self, token: str) -> UserProfile:
        """Check a pasted token against the server before keeping it."""
        token = token.strip()
        profile = await self._client.get_profile_with(token)
        if profile.mfa_required and not await self._verified(token):
            message, action = _UNVERIFIED_TOKEN
            raise errors.SignInRefusedError(message=message, action=action)
        await self._signed_in(TokenPair(token, None), profile)
        log.info("Signed in with a pasted access token")
        return profile

    async def sign_in_with_password(self, email: str, password: str) -> UserProfile | MfaChallenge:
        """The profile when signed in, or the second step the account asks for."""
        self._pending_mfa = None
        try:
            login = await self._client.login(email.strip(), password)
        except errors.FlashbackError as exc:
            # A refusal may echo the password back; it must not reach the log or Details, nor
            # through the chained original exception, any traceback.
            exc.details = _without(exc.details, password)
            exc.__context__ = None
            raise exc from None
        _check_tokens(login)  # before the token is sent anywhere or kept
        profile = await self._client.get_profile_with(login.access_token)
        if profile.mfa_required:
            status = await self._client.mfa_status(login.access_token)
            if not status.session_verified:
                self._pending_mfa = _PendingMfa(login, profile)
                log.info("Password accepted; two-step verification needed (%s)", status.methods)
                return MfaChallenge(status.methods)
        await self._signed_in(TokenPair(login.access_token, login.refresh_token), profile)
        log.info("Signed in with email and password")
        return profile

    async def complete_mfa(self, code: str) -> UserProfile:
        """Exchange the authenticator code for full access; a wrong code can be retried."""
        pending = self._pending_mfa
        if pending is None:
            raise RuntimeError("No two-step verification is waiting")
        verified = await self._client.verify_mfa_code(pending.login.access_token, code.strip())
        _check_tokens(verified)
        self._pending_mfa = None
        refresh = verified.refresh_token or pending.login.refresh_token
        await self._signed_in(TokenPair(verified.access_token, refresh), pending.profile)
        log.info("Signed in after two-step verification")
        return pending.profile

    def cancel_mfa(self) -> None:
        self._pending_mfa = None

    async def sign_out(self) -> SignOutResult:
        """Revoke the refresh token on the server, then forget both tokens here."""
        self.generation += 1  # before the first await: what is under way now is stale
        problem: errors.FlashbackError | None = None
        try:
            await self.tokens.bearer()  # renews an expired token, so the logout is accepted
            refresh = self.tokens.refresh_token
            if refresh is not None:  # a pasted token has no refresh token to revoke
                await self._client.logout(refresh)
        except _HEARD_BY_SERVER as exc:
            log.info("The server declined the sign-out: %s", exc)
        except errors.FlashbackError as exc:
            log.warning("The server could not be told about the sign-out: %s", exc)
            problem = exc
        finally:  # whatever happened above, signing out here always works
            keyring_problem = await self.tokens.forget()
        self.profile = None
        self._pending_mfa = None
        log.info("Signed out")
        return SignOutResult(problem, keyring_problem)

    async def close(self) -> None:
        await self._client.aclose()

    async def _verified(self, token: str) -> bool:
        return (await self._client.mfa_status(token)).session_verified

    async def _signed_in(self, pair: TokenPair, profile: UserProfile) -> None:
        await self.tokens.adopt(pair)
        self.profile = profile


def _without(details: errors.ErrorDetails, secret: str) -> errors.ErrorDetails:
    """``details`` with ``secret`` cut out of every text the server or a library wrote."""
    if len(secret) < _SHORTEST_SCRUBBED:
        return details

    def scrub(text: str | None) -> str | None:
        return text.replace(secret, REDACTED) if text else text

    return replace(
        details,
        server_message=scrub(details.server_message),
        server_code=scrub(details.server_code),
        cause=scrub(details.cause),
    )


# Shorter "passwords" would cut ordinary words out of messages; the server refuses them anyway.
_SHORTEST_SCRUBBED = 4


def _check_tokens(login: LoginResult) -> None:
    """A sign-in answer whose token the app cannot send or read is an unreadable answer."""
    # An empty refresh token means none (as everywhere else), not an unreadable one.
    if not (token_is_usable(login.access_token) and token_is_usable(login.refresh_token or None)):
        raise errors.UnreadableResponseError(
            errors.ErrorDetails(cause="the sign-in answer's token cannot be read or sent")
        )
