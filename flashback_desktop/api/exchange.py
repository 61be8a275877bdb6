"""One request described, and its answer read: decoding, and HTTP status -> our errors.

``ApiRequest`` is what an endpoint method of ``FlashbackClient`` asks for: the method and
path, how to decode a good answer, and the sentences for its own 404s. ``decode_answer``
turns what came back (an ``Exchange``) into the decoded value or the error the person is
told (``read_answer`` lets the loop run while a big one decodes); ``transport_error`` does
the same for failures below HTTP. No I/O here.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Generic, NamedTuple, TypeVar

import httpx

from flashback_desktop.api import errors
from flashback_desktop.api.decoding import (
    Body,
    ErrorBody,
    NotJsonError,
    RefusedAnswer,
    ShapeError,
    decode_error_body,
)
from flashback_desktop.translatable import QT_TRANSLATE_NOOP, Phrase

T = TypeVar("T")

MEBIBYTE = 1024 * 1024
# Bodies above this are decoded in slices where the request can (the repository list: about
# 1,300 repositories, 1-2 ms of decoding in one go).
SLICED_BODY_BYTES = 2 * MEBIBYTE


class SessionToken:
    """Marker: use the session's credentials (with renewal) for this request."""


SESSION = SessionToken()


@dataclass(frozen=True)
class ApiRequest(Generic[T]):
    """What one endpoint sends and how its answer is read.

    ``token`` is the session's (renewed and replayed once after a 401 unless ``renew`` is
    False), a given one (pasted or limited), or None for no Authorization at all.
    ``not_found`` / ``unavailable`` are the (message, action) told for a JSON 404 and for a
    server without the route; ``refused`` is raised for a 200 that says ``success: false``.
    ``decode_in_slices``, where given, decodes a big answer as ``decode`` does, pausing at
    each ``yield`` so the client can let the window run between slices.
    """

    method: str
    path: str
    decode: Callable[[Body], T]
    json_body: Mapping[str, Any] | None = None
    params: Mapping[str, str | int] | None = None
    not_found: tuple[str, str] | None = None
    unavailable: tuple[str, str] | None = None
    token: str | SessionToken | None = SESSION
    renew: bool = True
    refused: type[errors.FlashbackError] = errors.BadRequestError
    decode_in_slices: Callable[[Body], Generator[None, None, T]] | None = None


async def read_answer(request: ApiRequest[T], exchange: Exchange) -> T:
    """``decode_answer``; a big answer in slices, letting the loop (the window) run between
    them: decoding 15 MB in one call holds the GIL for 12 ms or more, a late repaint."""
    slices = request.decode_in_slices
    if slices is None or len(exchange.body) <= SLICED_BODY_BYTES:
        return decode_answer(request, exchange)
    check_status(request, exchange)
    steps = slices(exchange.body)
    try:
        while True:
            next(steps)
            await asyncio.sleep(0)
    except StopIteration as done:
        value: T = done.value
        return value
    except ShapeError as exc:
        raise unreadable_answer(request, exchange, exc) from exc
    finally:
        steps.close()


def decode_answer(request: ApiRequest[T], exchange: Exchange) -> T:
    """The decoded answer, or the error its status, error body or shape means."""
    check_status(request, exchange)
    # Decoded here, on the loop's thread: msgspec turns 10,000 repositories into records
    # in about 10 ms, and a worker thread would not help, as it holds the GIL throughout.
    # (The client decodes such a big answer in slices, with ``decode_in_slices``.)
    try:
        return request.decode(exchange.body)
    except ShapeError as exc:
        raise unreadable_answer(request, exchange, exc) from exc


def check_status(request: ApiRequest[Any], exchange: Exchange) -> None:
    """Raise the error a status other than 2xx means, with what its error body says."""
    status, body, details, _headers = exchange
    if not 200 <= status < 300:
        try:
            error_body = decode_error_body(body)
        except ShapeError as exc:  # JSON no client should follow, whatever the status
            raise errors.UnreadableResponseError(
                _with_status(details, status, cause=str(exc))
            ) from exc
        raise _error_for_status(exchange, error_body, request.not_found, request.unavailable)


def unreadable_answer(
    request: ApiRequest[Any], exchange: Exchange, exc: ShapeError
) -> errors.FlashbackError:
    """What a 2xx answer that does not decode means: a refusal, or an unreadable answer."""
    status, body, details, _headers = exchange
    error_body = _error_body_or_none(body)
    if isinstance(exc, RefusedAnswer) or (error_body and error_body.success is False):
        return request.refused(_with_error_body(details, status, error_body))
    cause = f"not JSON: {_preview(body)}" if isinstance(exc, NotJsonError) else str(exc)
    return errors.UnreadableResponseError(_with_status(details, status, cause=cause))


class Exchange(NamedTuple):
    status: int
    body: bytearray
    details: errors.ErrorDetails
    headers: httpx.Headers


# Order matters: the first matching kind wins (a ConnectTimeout is also a TimeoutException).
_TRANSPORT_ERRORS: tuple[
    tuple[type[Exception] | tuple[type[Exception], ...], type[errors.FlashbackError]], ...
] = (
    # Never connected, so nothing was sent: the server is out of reach, not slow.
    ((httpx.ConnectTimeout, httpx.PoolTimeout), errors.NetworkUnreachableError),
    (httpx.TimeoutException, errors.RequestTimeoutError),
    (httpx.ConnectError, errors.NetworkUnreachableError),
    ((httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError), errors.ConnectionDroppedError),
    (httpx.DecodingError, errors.UnreadableResponseError),
)


def transport_error(
    exc: httpx.TransportError | httpx.DecodingError, details: errors.ErrorDetails
) -> errors.FlashbackError:
    """What a failure below HTTP means for the person."""
    found = with_cause(details, exc)
    if isinstance(exc, httpx.ProxyError):
        if "407" in str(exc):
            return errors.ProxyAuthenticationError(found)
        return errors.NetworkUnreachableError(
            found,
            message=QT_TRANSLATE_NOOP(
                "Messages", "The proxy between this computer and Flashback refused the connection."
            ),
            action=QT_TRANSLATE_NOOP(
                "Messages", "Check your network connection, or ask your IT support about the proxy."
            ),
        )
    if isinstance(exc, httpx.ConnectError) and _is_tls_failure(exc):
        return errors.TlsError(found)
    for kinds, error in _TRANSPORT_ERRORS:
        if isinstance(exc, kinds):
            return error(found)
    return errors.NetworkUnreachableError(found)


def _error_body_or_none(body: Body) -> ErrorBody | None:
    try:
        return decode_error_body(body)
    except ShapeError:
        return None


def declared_length(headers: httpx.Headers) -> int:
    """Content-Length as a number; an absurd one (not digits, thousands of them) is ignored,
    as the size cap still applies to what actually arrives."""
    value = headers.get("content-length", "").strip()
    if not (value.isascii() and value.isdigit()) or len(value) > 20:
        return 0
    return int(value)


def _preview(body: Body, limit: int = 200) -> str:
    text = body[:limit].decode("utf-8", "replace").strip()
    return repr(text) if text else "empty body"


_ERROR_BY_STATUS: dict[int, type[errors.FlashbackError]] = {
    401: errors.UnauthorizedError,
    403: errors.ForbiddenError,
    407: errors.ProxyAuthenticationError,
    408: errors.RequestTimeoutError,
    504: errors.RequestTimeoutError,
}


def _error_for_status(
    exchange: Exchange,
    error_body: ErrorBody | None,
    not_found: tuple[str, str] | None,
    unavailable: tuple[str, str] | None,
) -> errors.FlashbackError:
    status, body, details, _headers = exchange
    if error_body is None:
        found = _with_status(details, status, cause=f"not JSON: {_preview(body)}")
    else:
        found = _with_error_body(details, status, error_body)
    if status == 404:
        # The documented 404 is a JSON ErrorBody; anything else (an HTML page) means the
        # server has no such route, as production has no conversation routes.
        if error_body is None or error_body.success is not False:
            message, action = unavailable or (None, None)
            return errors.EndpointUnavailableError(found, message=message, action=action)
        message, action = not_found or (None, None)
        return errors.NotFoundError(found, message=message, action=action)
    kind = _ERROR_BY_STATUS.get(status)
    if kind is None:
        kind = errors.BadRequestError if 400 <= status < 500 else errors.ServerError
    if 300 <= status < 400:
        return errors.RedirectRefusedError(found)
    if status < 400:  # 1xx or another status no Flashback server sends
        return errors.UnreadableResponseError(
            found,
            message=QT_TRANSLATE_NOOP(
                "Messages", "Flashback answered in a way the app does not handle."
            ),
        )
    if status == 429:
        return errors.RateLimitedError(found, action=_retry_after_action(exchange.headers))
    return kind(found)


def _with_status(
    details: errors.ErrorDetails,
    status: int,
    *,
    server_message: str | None = None,
    cause: str | None = None,
) -> errors.ErrorDetails:
    return errors.ErrorDetails(
        method=details.method,
        url=details.url,
        status=status,
        server_message=server_message,
        cause=cause,
    )


def _retry_after_action(headers: httpx.Headers) -> str | None:
    """Retry-After in seconds, told in words; the HTTP-date form falls back to the default."""
    value = headers.get("retry-after", "").strip()
    # ASCII digits only ("²" passes isdigit), and few enough for int() and for words.
    if not (value.isascii() and value.isdigit()) or len(value) > 9:
        return None
    seconds = int(value)
    if seconds <= 60:
        return Phrase(
            QT_TRANSLATE_NOOP("Messages", "Wait {seconds} seconds, then try again."),
            seconds=seconds,
        )
    return Phrase(
        QT_TRANSLATE_NOOP("Messages", "Wait about {minutes} minutes, then try again."),
        minutes=round(seconds / 60),
    )


def _with_error_body(
    details: errors.ErrorDetails, status: int, error_body: ErrorBody | None
) -> errors.ErrorDetails:
    return errors.ErrorDetails(
        method=details.method,
        url=details.url,
        status=status,
        server_message=error_body.server_message if error_body else None,
        server_code=error_body.server_code if error_body else None,
    )


def with_cause(details: errors.ErrorDetails, exc: BaseException) -> errors.ErrorDetails:
    text = str(exc) or type(exc).__name__
    return errors.ErrorDetails(method=details.method, url=details.url, cause=text)


def too_large(details: errors.ErrorDetails, status: int, cap: int) -> errors.ResponseTooLargeError:
    return errors.ResponseTooLargeError(
        _with_status(details, status, cause=f"response larger than {cap // MEBIBYTE} MiB")
    )


def _is_tls_failure(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(exc)


# Server clocks the app believes (the Date header); anything else is a broken header.
_PLAUSIBLE_CLOCK = (datetime(2000, 1, 1, tzinfo=UTC), datetime(9000, 1, 1, tzinfo=UTC))


def server_clock(status: int, headers: httpx.Headers) -> datetime | None:
    """The server's own time, from the Date header of a successful answer; None when absent,
    malformed or implausible."""
    if not 200 <= status < 300:  # a proxy's or gateway's page may carry its own clock
        return None
    try:
        server_now = parsedate_to_datetime(headers.get("date", ""))
    except (TypeError, ValueError, OverflowError, IndexError):  # absent or malformed
        return None
    # A clock from another age is a broken header, and arithmetic on it could overflow.
    earliest, latest = _PLAUSIBLE_CLOCK
    return (
        server_now if server_now.tzinfo is not None and earliest <= server_now <= latest else None
    )
