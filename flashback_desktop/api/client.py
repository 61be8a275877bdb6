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
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import quote

import httpx

from flashback_desktop.api import errors
from flashback_desktop.api.chat_models import (
    AiModel,
    ConversationMessages,
    PromptAccepted,
    decode_ai_models,
)
from flashback_desktop.api.connection import ClientLimits, http_client
from flashback_desktop.api.credentials import Bearer, Credentials, FixedToken
from flashback_desktop.api.exchange import (
    ApiRequest,
    Exchange,
    SessionToken,
    declared_length,
    read_answer,
    server_clock,
    too_large,
    transport_error,
    with_cause,
)
from flashback_desktop.api.models import (
    MFA_AUTHENTICATOR_APP,
    ConversationPage,
    CreatedConversation,
    LoginResult,
    MfaStatus,
    Repository,
    UserProfile,
    Workspace,
    decode_acknowledgement,
    decode_repositories,
    decode_repositories_in_slices,
    decode_workspaces,
)
from flashback_desktop.api.refusals import (
    CONVERSATION_NOT_FOUND,
    CONVERSATIONS_UNAVAILABLE,
    PROMPTS_UNAVAILABLE,
    REPO_NOT_FOUND,
    prompt_refusal,
)
from flashback_desktop.config import ServerUrlError, normalise_server_url
from flashback_desktop.logging_setup import forget_secret, register_secret

log = logging.getLogger("flashback.api")

T = TypeVar("T")


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
        self._http = http_client(self.base_url, self.limits, transport)

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
        return await self._call(
            ApiRequest(
                "GET", "repo", decode_repositories, decode_in_slices=decode_repositories_in_slices
            )
        )

    async def create_conversation(self, repo_id: str) -> CreatedConversation:
        return await self._call(
            ApiRequest(
                "POST",
                "conversation",
                CreatedConversation.decode,
                json_body={"repoId": repo_id},
                not_found=REPO_NOT_FOUND,
                unavailable=CONVERSATIONS_UNAVAILABLE,
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
                unavailable=CONVERSATIONS_UNAVAILABLE,
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
                not_found=CONVERSATION_NOT_FOUND,
                unavailable=CONVERSATIONS_UNAVAILABLE,
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
                    not_found=CONVERSATION_NOT_FOUND,
                    unavailable=PROMPTS_UNAVAILABLE,
                )
            )
        except errors.FlashbackError as exc:
            raise prompt_refusal(exc, sending=True) from exc

    async def conversation_messages(self, conversation_id: str) -> ConversationMessages:
        """The whole history, oldest first (the official client never pages it either)."""
        try:
            return await self._call(
                ApiRequest(
                    "GET",
                    _conversation_path(conversation_id, "messages"),
                    ConversationMessages.decode,
                    not_found=CONVERSATION_NOT_FOUND,
                    unavailable=PROMPTS_UNAVAILABLE,
                )
            )
        except errors.FlashbackError as exc:
            raise prompt_refusal(exc, sending=False) from exc

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
                        not_found=REPO_NOT_FOUND,
                    )
                )
            except errors.FlashbackError as exc:
                if attempt == self.limits.read_retries or not errors.is_transient(exc):
                    raise prompt_refusal(exc, sending=False, in_conversation=False) from exc
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
        return await read_answer(request, exchange)

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


def _register_tokens(result: LoginResult) -> None:
    register_secret(result.access_token)
    register_secret(result.refresh_token)


def _conversation_path(conversation_id: str, route: str) -> str:
    # The id goes into the path: encoded, so it cannot reach another route.
    return f"conversation/{quote(conversation_id, safe='')}/{route}"


_TRANSIENT_ERRORS = (
    errors.NetworkUnreachableError,
    errors.ConnectionDroppedError,
    errors.RequestTimeoutError,
)
