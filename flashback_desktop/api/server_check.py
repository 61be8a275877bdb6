""" "Test connection": is there a Flashback server at this address?

A reachable Flashback server is one that answers ``GET /user/profile`` without a token
with 401: every Flashback route needs a sign-in, and the API has no public health route
(openapi.yaml). That request carries no Authorization header, and it is sent by a client
of its own, so the sign-in of the server in use can never travel to the address tested.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from flashback_desktop.api import errors
from flashback_desktop.api.client import FlashbackClient
from flashback_desktop.api.connection import ClientLimits
from flashback_desktop.config import ServerUrlError, normalise_server_url
from flashback_desktop.translatable import QT_TRANSLATE_NOOP

# A person is waiting for the answer: no retries, and a shorter deadline than requests have.
CHECK_LIMITS = ClientLimits(
    connect_timeout_s=8.0, read_timeout_s=10.0, deadline_s=15.0, read_retries=0
)


class Verdict(enum.Enum):
    REACHABLE = "reachable"
    NOT_FLASHBACK = "not a Flashback server"
    UNREACHABLE = "cannot connect"
    CERTIFICATE = "certificate problem"
    SERVER_TROUBLE = "server trouble"
    INVALID_ADDRESS = "invalid address"


@dataclass(frozen=True)
class ServerCheck:
    verdict: Verdict
    # Plain words for the dialog, a sentence each: the window translates each one
    # (i18n.message); the error's own sentences are the client's, already marked.
    sentences: tuple[str, ...]
    details: str = ""  # for the log and a tooltip: method, URL, status, cause; never a token

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.REACHABLE

    @property
    def message(self) -> str:
        """The sentences in English, for the log and tests."""
        return " ".join(self.sentences)


_NOT_FLASHBACK = QT_TRANSLATE_NOOP(
    "Messages", "Something answered at this address, but it is not a Flashback server."
)


async def check_server(url: str, *, limits: ClientLimits = CHECK_LIMITS) -> ServerCheck:
    try:
        base_url = normalise_server_url(url)
    except ServerUrlError as exc:
        return ServerCheck(Verdict.INVALID_ADDRESS, (exc.message,))
    client = FlashbackClient(base_url, limits=limits)  # its own: it holds no token
    try:
        await client.ask_without_sign_in()
    except errors.FlashbackError as exc:
        return _verdict_for(exc)
    finally:
        await client.aclose()
    return ServerCheck(
        Verdict.NOT_FLASHBACK,
        (
            _NOT_FLASHBACK,
            QT_TRANSLATE_NOOP(
                "Messages", "It answered without asking for a sign-in, which Flashback never does."
            ),
        ),
    )


def _verdict_for(exc: errors.FlashbackError) -> ServerCheck:
    details = exc.details.as_text()
    if isinstance(exc, errors.UnauthorizedError):
        return ServerCheck(
            Verdict.REACHABLE,
            (
                QT_TRANSLATE_NOOP(
                    "Messages", "Flashback answered at this address. After saving, sign in to it."
                ),
            ),
            details,
        )
    if isinstance(exc, errors.TlsError):
        return ServerCheck(
            Verdict.CERTIFICATE,
            (
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The server's certificate is not trusted by this computer, so the app will "
                    "not use it. Ask your IT support to check the address or install their "
                    "certificate.",
                ),
            ),
            details,
        )
    gateway_timeout = isinstance(exc, errors.RequestTimeoutError) and exc.details.status
    if isinstance(exc, errors.ServerError | errors.RateLimitedError) or gateway_timeout:
        return ServerCheck(
            Verdict.SERVER_TROUBLE,
            (
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The server answered, but reported a problem of its own. It may be "
                    "Flashback having trouble: try again in a few minutes.",
                ),
            ),
            details,
        )
    if isinstance(
        exc,
        errors.NetworkUnreachableError
        | errors.RequestTimeoutError
        | errors.ConnectionDroppedError
        | errors.ProxyAuthenticationError,
    ):
        return ServerCheck(
            Verdict.UNREACHABLE,
            (
                QT_TRANSLATE_NOOP("Messages", "Could not connect to this address."),
                exc.message,
                exc.action,
            ),
            details,
        )
    if isinstance(exc, errors.RedirectRefusedError):
        return ServerCheck(
            Verdict.NOT_FLASHBACK,
            (
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "This address sends the app on to another one. Use the Flashback server's "
                    "own address, which your IT department can give you.",
                ),
            ),
            details,
        )
    return ServerCheck(
        Verdict.NOT_FLASHBACK,
        (
            _NOT_FLASHBACK,
            QT_TRANSLATE_NOOP("Messages", "Check the address with your IT department."),
        ),
        details,
    )
