"""FlashbackClient: the app's only way to talk to a Flashback server.

One ``httpx.AsyncClient`` per client, closed with ``aclose()``. Every attempt has an overall
deadline (httpx's timeouts apply per read, so a trickling body could outlast them) and a
response-size cap. Redirects are never followed, so the bearer token cannot travel to
another host; the token is attached per request, never as a default header.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable
from dataclasses import dataclass
from datetime import datetime
from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

import httpx

from flashback_desktop import __version__
from flashback_desktop.api import errors
from flashback_desktop.api.credentials import Bearer, Credentials, FixedToken
from flashback_desktop.api.exchange import (
    MEBIBYTE,
    ApiRequest,
    Exchange,
    SessionToken,
    declared_length,
    decode_answer,
    server_clock,
    too_large,
    transport_error,
    with_cause,
)
from flashback_desktop.api.models import (
    MFA_AUTHENTICATOR_APP,
    AiModel,
    ConversationMessages,
    ConversationPage,
    CreatedConversation,
    LoginResult,
    MfaStatus,
    PromptAccepted,
    Repository,
    UserProfile,
    Workspace,
    decode_acknowledgement,
    decode_ai_models,
    decode_repositories,
    decode_workspaces,
)
from flashback_desktop.api.tls import tls_context
from flashback_desktop.config import ServerUrlError, is_loopback_host, normalise_server_url
from flashback_desktop.logging_setup import forget_secret, register_secret
from flashback_desktop.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger("flashback.api")

T = TypeVar("T")


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


_CONVERSATIONS_UNAVAILABLE = (
    QT_TRANSLATE_NOOP("Messages", "This Flashback server does not offer conversations."),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Conversations are only available on some Flashback servers. "
        "Ask your IT department which server to use.",
    ),
)
_CONVERSATION_NOT_FOUND = (
    "This conversation no longer exists on Flashback.",
    "It may have been deleted already. Refresh the list to see the current conversations.",
)
_REPO_NOT_FOUND = (
    QT_TRANSLATE_NOOP("Messages", "This repository no longer exists on Flashback."),
    QT_TRANSLATE_NOOP(
        "Messages", "The repository list has been refreshed. Pick another repository."
    ),
)

_PROMPTS_UNAVAILABLE = (
    QT_TRANSLATE_NOOP("Messages", "This Flashback server does not offer talking in conversations."),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Sending prompts is only available on some Flashback servers. "
        "Ask your IT department which server to use.",
    ),
)


class FlashbackClient:
    """Async client for the Flashback REST API (see shared/flashback-api/openapi.yaml)."""

    def __init__(
        self,
        base_url: str,
        *,
        credentials: Credentials | str | None = None,
        limits: ClientLimits | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        """``credentials``: the session's (a ``TokenKeeper``: renewed after a 401), one fixed
        token (a string: pasted tokens being checked, the self-test, tests), or none."""
        try:
            self.base_url = normalise_server_url(base_url)
        except ServerUrlError as exc:
            raise errors.InsecureServerError(
                errors.ErrorDetails(url=base_url, cause=str(exc)), message=exc.message
            ) from exc
        self.limits = limits or ClientLimits()
        if isinstance(credentials, str):
            register_secret(credentials)  # from now on it is cut out of every log line
        self._credentials = (
            FixedToken(credentials) if credentials is None or isinstance(credentials, str)
            else credentials
        )  # fmt: skip
        # The server's own clock, from the Date header of the latest successful answer,
        # with this computer's monotonic time when it arrived.
        self.server_clock: tuple[datetime, float] | None = None
        host = urlsplit(self.base_url).hostname or ""
        self._http = httpx.AsyncClient(
            base_url=self.base_url + "/",
            timeout=httpx.Timeout(
                self.limits.read_timeout_s, connect=self.limits.connect_timeout_s
            ),
            follow_redirects=False,
            # Loopback (the sandbox) must never go through a proxy from the environment.
            trust_env=not is_loopback_host(host),
            headers={"Accept": "application/json", "User-Agent": f"FlashbackDesktop/{__version__}"},
            verify=tls_context(),
            transport=transport,
            # No cookies: Flashback needs none, and a proxy's or portal's would travel back.
            cookies=CookieJar(policy=_NO_COOKIES),
        )

    @property
    def credentials(self) -> Credentials:
        """Where each request's bearer token comes from: fixed at construction."""
        return self._credentials

    async def aclose(self) -> None:
        await self._http.aclose()

    # ---- endpoints -------------------------------------------------------------------------

    async def login(self, email: str, password: str) -> LoginResult:
        register_secret(password)  # only for this request: the password is never kept
        body = {"email": email, "password": password}
        try:
            result = await self._call(
                ApiRequest("POST", "user/login", LoginResult.decode, json_body=body, token=None)
            )
        except errors.SIGN_IN_REFUSED_BY as exc:
            raise errors.sign_in_refusal(exc) from exc
        finally:
            forget_secret(password)
        _register_tokens(result)
        return result

    async def refresh(self, refresh_token: str) -> LoginResult:
        """Trade a refresh token for a new pair; the old refresh token stops working."""
        register_secret(refresh_token)
        try:
            result = await self._call(
                ApiRequest(
                    "POST",
                    "user/refresh",
                    LoginResult.decode_refresh,
                    json_body={"refresh_token": refresh_token},
                    token=None,
                    refused=errors.UnauthorizedError,  # 200 with success:false is a failed refresh
                )
            )
        except (errors.BadRequestError, errors.ForbiddenError, errors.NotFoundError) as exc:
            # Any other "no" about this refresh token means the same: sign in again.
            raise errors.UnauthorizedError(exc.details) from exc
        _register_tokens(result)
        return result

    async def logout(self, refresh_token: str) -> None:
        """Revoke the refresh token on the server. No renewal: a 401 here is just reported."""
        body = {"refresh_token": refresh_token}
        await self._call(
            ApiRequest("POST", "user/logout", decode_acknowledgement, json_body=body, renew=False)
        )

    async def mfa_status(self, token: str) -> MfaStatus:
        return await self._call(ApiRequest("GET", "mfa/status", MfaStatus.decode, token=token))

    async def verify_mfa_code(self, limited_token: str, code: str) -> LoginResult:
        """Exchange an authenticator-app code and the limited login token for full access."""
        try:
            result = await self._call(
                ApiRequest(
                    "POST",
                    "mfa/verify-login",
                    LoginResult.decode_mfa,
                    json_body={"mfaType": MFA_AUTHENTICATOR_APP, "code": code},
                    token=limited_token,
                )
            )
        except errors.BadRequestError as exc:
            raise errors.MfaCodeRejectedError(exc.details) from exc
        except errors.UnauthorizedError as exc:  # the limited token from the password ran out
            raise errors.MfaTimedOutError(exc.details) from exc
        _register_tokens(result)
        return result

    async def get_profile_with(self, token: str) -> UserProfile:
        """The profile for a token that is not (yet) the session's: a pasted or limited one."""
        return await self._call(ApiRequest("GET", "user/profile", UserProfile.decode, token=token))

    async def ask_without_sign_in(self) -> None:
        """GET /user/profile with no token at all; a Flashback server refuses it with 401.

        Used to check a server before signing in to it: nothing secret is sent.
        """
        await self._call(
            ApiRequest("GET", "user/profile", decode_acknowledgement, token=None, renew=False)
        )

    async def get_profile(self) -> UserProfile:
        return await self._call(ApiRequest("GET", "user/profile", UserProfile.decode))

    async def list_workspaces(self) -> tuple[Workspace, ...]:
        return await self._call(ApiRequest("GET", "workspace", decode_workspaces))

    async def list_repositories(self) -> tuple[Repository, ...]:
        return await self._call(ApiRequest("GET", "repo", decode_repositories))

    async def create_conversation(self, repo_id: str) -> CreatedConversation:
        return await self._call(
            ApiRequest(
                "POST",
                "conversation",
                CreatedConversation.decode,
                json_body={"repoId": repo_id},
                not_found=_REPO_NOT_FOUND,
                unavailable=_CONVERSATIONS_UNAVAILABLE,
            )
        )

    async def list_conversations(
        self,
        repo_id: str | None = None,
        *,
        user_id: str | None = None,
        take: int = 50,
        skip: int = 0,
        show_deleted: bool = False,
    ) -> ConversationPage:
        """Newest first (openapi.yaml); ``user_id`` keeps one person's, as admins see all.

        ``take`` is 1 to 100 and ``skip`` counts from the newest; soft-deleted ones are left
        out unless ``show_deleted``.
        """
        params: dict[str, str | int] = {"take": take, "skip": skip}
        if repo_id:
            params["repoId"] = repo_id
        if user_id:
            params["userId"] = user_id
        if show_deleted:
            params["showDeleted"] = "true"
        return await self._call(
            ApiRequest(
                "GET",
                "conversation",
                ConversationPage.decode,
                params=params,
                unavailable=_CONVERSATIONS_UNAVAILABLE,
            )
        )

    async def delete_conversation(self, conversation_id: str, *, hard: bool = False) -> None:
        """Soft delete by default: it leaves every list, but the server keeps it."""
        # The id goes into the path: encode it, as the TS client does for this call.
        path = "conversation/" + quote(conversation_id, safe="")
        await self._call(
            ApiRequest(
                "DELETE",
                path,
                decode_acknowledgement,
                params={"hardDelete": "true" if hard else "false"},
                not_found=_CONVERSATION_NOT_FOUND,
                unavailable=_CONVERSATIONS_UNAVAILABLE,
            )
        )

    async def send_prompt(
        self, conversation_id: str, prompt: str, model: str | None = None
    ) -> PromptAccepted:
        """Send one prompt. Never sent twice: only a 401 is replayed, once, after renewing.

        ``model`` None leaves it out (the docs' examples send none; the server picks one).
        """
        body: dict[str, str] = {"prompt": prompt}
        if model:
            body["model"] = model
        try:
            return await self._call(
                ApiRequest(
                    "POST",
                    _conversation_path(conversation_id, "prompt"),
                    PromptAccepted.decode,
                    json_body=body,
                    not_found=_CONVERSATION_NOT_FOUND,
                    unavailable=_PROMPTS_UNAVAILABLE,
                )
            )
        except errors.FlashbackError as exc:
            raise _prompt_refusal(exc, sending=True) from exc

    async def conversation_messages(self, conversation_id: str) -> ConversationMessages:
        """The whole history, oldest first (the official client never pages it either)."""
        try:
            return await self._call(
                ApiRequest(
                    "GET",
                    _conversation_path(conversation_id, "messages"),
                    ConversationMessages.decode,
                    not_found=_CONVERSATION_NOT_FOUND,
                    unavailable=_PROMPTS_UNAVAILABLE,
                )
            )
        except errors.FlashbackError as exc:
            raise _prompt_refusal(exc, sending=False) from exc

    async def list_ai_models(self, repo_id: str) -> tuple[AiModel, ...]:
        """POST /ai/models: a read sent as a POST, so it is retried as reads are."""
        for attempt in range(self.limits.read_retries + 1):
            try:
                return await self._call(
                    ApiRequest(
                        "POST",
                        "ai/models",
                        decode_ai_models,
                        json_body={"repoId": repo_id},
                        not_found=_REPO_NOT_FOUND,
                    )
                )
            except errors.FlashbackError as exc:
                if attempt == self.limits.read_retries or not errors.is_transient(exc):
                    raise _prompt_refusal(exc, sending=False, in_conversation=False) from exc
                log.info("Retrying POST /ai/models after %s", type(exc).__name__)
            await asyncio.sleep(self.limits.retry_backoff_s * 2**attempt)
        raise AssertionError("unreachable: the last attempt returns or raises")

    # ---- plumbing --------------------------------------------------------------------------

    async def _call(self, request: ApiRequest[T]) -> T:
        """One request. With the session's token, a 401 renews the token and replays once.

        Replaying is safe only after a 401: the server checks auth before it does anything.
        """
        if isinstance(request.token, SessionToken):
            bearer = await self._renewal(self.credentials.bearer())
            exchange = await self._attempts(request, bearer.token if bearer else None)
            if exchange.status == 401 and request.renew and bearer is not None:
                fresh = await self._renewal(self.credentials.renew(bearer))
                if fresh is not None:
                    log.info(
                        "Replaying %s /%s once with a renewed sign-in", request.method, request.path
                    )
                    exchange = await self._attempts(request, fresh.token)
        else:
            exchange = await self._attempts(request, request.token)
        return decode_answer(request, exchange)

    @staticmethod
    async def _renewal(step: Awaitable[Bearer | None]) -> Bearer | None:
        """A failed renewal means this request was never processed: mark its error so."""
        try:
            return await step
        except errors.FlashbackError as exc:
            exc.request_sent = False
            raise

    async def _attempts(self, outgoing: ApiRequest[Any], bearer: str | None) -> Exchange:
        """One exchange; a GET is tried again after a transient failure, with backoff.

        Anything else is sent once: creating twice would be worse than failing once.
        """
        method, path = outgoing.method, outgoing.path
        retries = self.limits.read_retries if method == "GET" else 0
        for attempt in range(retries + 1):
            last = attempt == retries
            try:
                exchange = await self._exchange(outgoing, bearer)
            except _TRANSIENT_ERRORS as exc:
                if last:
                    raise
                log.info("Retrying %s /%s after %s", method, path, type(exc).__name__)
            else:
                if last or exchange.status not in errors.TRANSIENT_STATUSES:
                    return exchange
                log.info("Retrying %s /%s after status %d", method, path, exchange.status)
            await asyncio.sleep(self.limits.retry_backoff_s * 2**attempt)
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def _exchange(self, outgoing: ApiRequest[Any], bearer: str | None) -> Exchange:
        method, path = outgoing.method, outgoing.path
        request = self._http.build_request(
            method, path, json=outgoing.json_body, params=outgoing.params
        )
        if bearer:
            request.headers["Authorization"] = f"Bearer {bearer}"
        details = errors.ErrorDetails(method=method, url=str(request.url))
        started = time.monotonic()
        try:
            async with asyncio.timeout(self.limits.deadline_s):
                status, body, headers = await self._send(request, details)
        except TimeoutError as exc:
            self._log_outcome(method, path, "deadline exceeded", started)
            raise errors.RequestTimeoutError(with_cause(details, exc)) from exc
        except errors.FlashbackError as exc:
            self._log_outcome(method, path, type(exc).__name__, started)
            raise
        self._log_outcome(method, path, status, started)
        server_now = server_clock(status, headers)
        if server_now is not None:  # else keep what we knew
            self.server_clock = (server_now, time.monotonic())
        return Exchange(status, body, details, headers)

    async def _send(
        self, request: httpx.Request, details: errors.ErrorDetails
    ) -> tuple[int, bytearray, httpx.Headers]:
        """Send and read the body within the size cap; map transport failures to our errors."""
        try:
            response = await self._http.send(request, stream=True)
            try:
                cap = self.limits.max_response_bytes
                if declared_length(response.headers) > cap:
                    raise too_large(details, response.status_code, cap)
                # One buffer, grown in place: no list of chunks joined into a second copy.
                body = bytearray()
                async for chunk in response.aiter_bytes():
                    if len(body) + len(chunk) > cap:
                        raise too_large(details, response.status_code, cap)
                    body += chunk
                return response.status_code, body, response.headers
            finally:
                await response.aclose()
        except (httpx.TransportError, httpx.DecodingError) as exc:
            # DecodingError: a Content-Encoding that lies about the body.
            raise transport_error(exc, details) from exc

    @staticmethod
    def _log_outcome(method: str, path: str, outcome: object, started: float) -> None:
        elapsed_ms = (time.monotonic() - started) * 1000
        log.info("%s /%s -> %s in %.0f ms", method, path, outcome, elapsed_ms)


# Refuses every cookie a response sets, and so never sends one back.
_NO_COOKIES = DefaultCookiePolicy(allowed_domains=[])


def _register_tokens(result: LoginResult) -> None:
    register_secret(result.access_token)
    register_secret(result.refresh_token)


def _conversation_path(conversation_id: str, route: str) -> str:
    # The id goes into the path: encoded, so it cannot reach another route.
    return f"conversation/{quote(conversation_id, safe='')}/{route}"


_POLICY_CODE = "POLICY"


def _prompt_refusal(
    exc: errors.FlashbackError, *, sending: bool, in_conversation: bool = True
) -> errors.FlashbackError:
    """The chat routes' refusals in their own words: a policy block or a refused write (only
    when sending a prompt: a 403 on a read is plain access), a deleted conversation, a
    repository without AI. Anything else is left as it is."""
    details = exc.details
    code = (details.server_code or "").upper()
    if type(exc) is errors.ForbiddenError and sending:
        said = details.server_message or ""
        # A policy's 403 says so (its code or its words); any other 403 is access.
        if _POLICY_CODE in code or "polic" in said.casefold():
            return errors.PromptBlockedError(details, reason=said)
        return errors.ForbiddenError(
            details,
            message=QT_TRANSLATE_NOOP(
                "Messages", "Flashback did not let you write in this conversation."
            ),
            action=QT_TRANSLATE_NOOP(
                "Messages",
                "Only the person who started a conversation can write in it. "
                "Start a new conversation.",
            ),
        )
    if type(exc) is errors.NotFoundError and in_conversation:
        return errors.ConversationGoneError(details)
    if isinstance(exc, errors.BadRequestError) and code == "NO_AI_CONFIGURED":
        return errors.NoAiModelError(details)
    return exc


_TRANSIENT_ERRORS = (
    errors.NetworkUnreachableError,
    errors.ConnectionDroppedError,
    errors.RequestTimeoutError,
)
