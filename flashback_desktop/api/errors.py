"""One hierarchy for everything that can go wrong talking to Flashback.

Each error carries a plain sentence for people (``message``), what they can do about it
(``action``), and technical ``details`` for the Details box and the log. Nothing here may
hold a token: details are built from the method, the URL (which never carries secrets),
the status and the server's own message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from flashback_desktop.clipping import clip
from flashback_desktop.translatable import QT_TRANSLATE_NOOP, Phrase


@dataclass(frozen=True)
class ErrorDetails:
    """What support needs to know; shown under "Details" and written to the log."""

    method: str = ""
    url: str = ""
    status: int | None = None
    server_message: str | None = None
    server_code: str | None = None  # the body's error_code, e.g. INVALID_PASSWORD
    cause: str | None = None
    occurred_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def as_text(self) -> str:
        lines = [f"Time: {self.occurred_at.isoformat(timespec='seconds')}"]
        if self.method or self.url:
            lines.append(f"Request: {self.method} {self.url}".rstrip())
        if self.status is not None:
            lines.append(f"Status: {self.status}")
        if self.server_message:
            lines.append(f"Server said: {self.server_message}")
        if self.server_code:
            lines.append(f"Error code: {self.server_code}")
        if self.cause:
            lines.append(f"Cause: {self.cause}")
        return "\n".join(lines)


class FlashbackError(Exception):
    """Base class. Subclasses set the default plain-language message and action."""

    default_message = QT_TRANSLATE_NOOP(
        "Messages", "Something went wrong while talking to Flashback."
    )
    default_action = QT_TRANSLATE_NOOP(
        "Messages", "Try again in a moment. If it keeps happening, contact your IT support."
    )

    def __init__(
        self,
        details: ErrorDetails | None = None,
        *,
        message: str | None = None,
        action: str | None = None,
    ) -> None:
        self.details = details or ErrorDetails()
        self.message = message or self.default_message
        self.action = action or self.default_action
        # False when the failure came before the request itself went out (renewing the
        # sign-in failed, say): then the server cannot have acted on it.
        self.request_sent = True
        super().__init__(self.message)

    def __str__(self) -> str:
        return f"{type(self).__name__}: {self.message} [{self.details.as_text()}]"


class BadRequestError(FlashbackError):
    default_message = QT_TRANSLATE_NOOP("Messages", "Flashback did not accept the request.")
    default_action = QT_TRANSLATE_NOOP(
        "Messages", "Check your selection and try again. If it keeps happening, contact support."
    )


class UnauthorizedError(FlashbackError):
    default_message = QT_TRANSLATE_NOOP(
        "Messages", "Your sign-in has expired or is no longer valid."
    )
    default_action = QT_TRANSLATE_NOOP("Messages", "Sign in again to continue.")


class SignInRefusedError(FlashbackError):
    """/user/login said no; the documented ``error_code`` picks the sentence."""

    default_message = QT_TRANSLATE_NOOP(
        "Messages", "Flashback did not accept this email address and password."
    )
    default_action = QT_TRANSLATE_NOOP("Messages", "Check both and try again.")


# The documented /user/login error codes, in words for the person at the keyboard.
SIGN_IN_REFUSALS: dict[str, tuple[str, str]] = {
    "USER_NOT_FOUND": (
        QT_TRANSLATE_NOOP("Messages", "There is no Flashback account with this email address."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Check the spelling, or ask your Flashback administrator which address your "
            "account uses.",
        ),
    ),
    "INVALID_PASSWORD": (
        QT_TRANSLATE_NOOP("Messages", "That password is not right for this account."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Type it again, checking that Caps Lock is off. If you have forgotten it, reset it "
            "on the Flashback website.",
        ),
    ),
    "USER_INACTIVE": (
        QT_TRANSLATE_NOOP("Messages", "This Flashback account has been switched off."),
        QT_TRANSLATE_NOOP("Messages", "Ask your Flashback administrator to switch it back on."),
    ),
    "NO_PASSWORD_SET": (
        QT_TRANSLATE_NOOP(
            "Messages",
            "This account signs in through Google, GitHub or Microsoft, so it has no Flashback "
            "password.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Sign in on the Flashback website, copy an access token there, and choose "
            "“Use an access token instead” here.",
        ),
    ),
}


class MfaCodeRejectedError(FlashbackError):
    default_message = QT_TRANSLATE_NOOP("Messages", "That code was not accepted.")
    default_action = QT_TRANSLATE_NOOP(
        "Messages", "Codes change every 30 seconds: type the code your authenticator app shows now."
    )


class MfaTimedOutError(FlashbackError):
    default_message = QT_TRANSLATE_NOOP(
        "Messages", "The two-step sign-in took too long, so it has to start again."
    )
    default_action = QT_TRANSLATE_NOOP(
        "Messages", "Type your email and password again, then the new code from your app."
    )


class ForbiddenError(FlashbackError):
    default_message = QT_TRANSLATE_NOOP("Messages", "You don't have access to this workspace.")
    default_action = QT_TRANSLATE_NOOP("Messages", "Ask your workspace administrator to add you.")


class NotFoundError(FlashbackError):
    default_message = QT_TRANSLATE_NOOP(
        "Messages", "Flashback could not find what the app asked for; it may have been removed."
    )
    default_action = QT_TRANSLATE_NOOP("Messages", "Refresh the list, then try again.")


class ConversationGoneError(NotFoundError):
    """The conversation was deleted (or never existed): a JSON 404 from its routes."""

    default_message = QT_TRANSLATE_NOOP(
        "Messages", "This conversation no longer exists on Flashback."
    )
    default_action = QT_TRANSLATE_NOOP(
        "Messages", "It may have been deleted. Go back to the list and start a new conversation."
    )


class EndpointUnavailableError(FlashbackError):
    """The server has no such route (an HTML 404): e.g. conversations outside TEST."""

    default_message = QT_TRANSLATE_NOOP(
        "Messages", "This server does not offer what the app asked for."
    )
    default_action = QT_TRANSLATE_NOOP(
        "Messages",
        "Check that the app is set to the right Flashback server, or ask your IT department "
        "which server to use.",
    )


class PromptBlockedError(ForbiddenError):
    """An organisation's policy refused the prompt (a 403 that says so); nothing was stored."""

    default_message = QT_TRANSLATE_NOOP(
        "Messages", "Your organisation's policy blocked this prompt."
    )
    default_action = QT_TRANSLATE_NOOP(
        "Messages",
        "Your text is still in the box: change it and send it again, or ask your Flashback "
        "administrator about the policy.",
    )

    def __init__(self, details: ErrorDetails | None = None, *, reason: str = "") -> None:
        self.reason = plain_reason(reason)
        message = None
        if self.reason:
            message = Phrase(
                QT_TRANSLATE_NOOP(
                    "Messages", "Your organisation's policy blocked this prompt: {reason}"
                ),
                reason=self.reason,
            )
        super().__init__(details, message=message)


# A server's reason, shown inside our sentence: one paragraph, and not a page of it.
REASON_MAX_CHARS = 300


def plain_reason(text: str) -> str:
    """``text`` on one line, without control characters, at most ``REASON_MAX_CHARS`` long."""
    flat = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return clip(flat, REASON_MAX_CHARS, within=True)


class NoAiModelError(BadRequestError):
    """The repository has no AI model configured (400 NO_AI_CONFIGURED)."""

    default_message = QT_TRANSLATE_NOOP(
        "Messages", "This repository has no AI model, so it cannot answer prompts."
    )
    default_action = QT_TRANSLATE_NOOP(
        "Messages", "Ask your Flashback administrator to connect an AI model to this repository."
    )


class RateLimitedError(FlashbackError):
    default_message = QT_TRANSLATE_NOOP(
        "Messages", "Flashback is receiving too many requests right now."
    )
    default_action = QT_TRANSLATE_NOOP("Messages", "Wait a minute, then try again.")


class ServerError(FlashbackError):
    default_message = QT_TRANSLATE_NOOP("Messages", "Flashback had a problem on its side.")
    default_action = QT_TRANSLATE_NOOP(
        "Messages", "Try again in a few minutes. If it keeps happening, contact support."
    )


class NetworkUnreachableError(FlashbackError):
    default_message = QT_TRANSLATE_NOOP(
        "Messages", "Flashback can't be reached from this computer."
    )
    default_action = QT_TRANSLATE_NOOP(
        "Messages", "Check your internet or VPN connection, then try again."
    )


class RequestTimeoutError(FlashbackError):
    default_message = QT_TRANSLATE_NOOP("Messages", "Flashback took too long to answer.")
    default_action = QT_TRANSLATE_NOOP(
        "Messages", "Check your connection and try again in a moment."
    )


class TlsError(FlashbackError):
    default_message = QT_TRANSLATE_NOOP(
        "Messages", "The connection to Flashback could not be verified as secure."
    )
    default_action = QT_TRANSLATE_NOOP(
        "Messages",
        "Do not continue on this network. Contact your IT support: "
        "the server's certificate is not trusted by this computer.",
    )


class UnreadableResponseError(FlashbackError):
    default_message = QT_TRANSLATE_NOOP(
        "Messages", "Flashback sent an answer the app could not understand."
    )
    default_action = QT_TRANSLATE_NOOP(
        "Messages", "Try again in a moment. If it keeps happening, contact support."
    )


class ResponseTooLargeError(UnreadableResponseError):
    default_message = QT_TRANSLATE_NOOP(
        "Messages", "Flashback sent far more data than expected, so the app stopped reading it."
    )
    default_action = QT_TRANSLATE_NOOP(
        "Messages", "Try again later. If it keeps happening, contact support."
    )


class InsecureServerError(FlashbackError):
    default_message = QT_TRANSLATE_NOOP(
        "Messages", "The app refused to send your sign-in over an unprotected connection."
    )
    default_action = QT_TRANSLATE_NOOP(
        "Messages", "Ask your IT department for the server's https:// address."
    )


class ConnectionDroppedError(FlashbackError):
    default_message = QT_TRANSLATE_NOOP(
        "Messages", "The connection to Flashback dropped before it answered."
    )
    default_action = QT_TRANSLATE_NOOP("Messages", "Check your connection and try again.")


class ProxyAuthenticationError(FlashbackError):
    default_message = QT_TRANSLATE_NOOP(
        "Messages",
        "The proxy on your network asks Flashback Desktop to sign in to it, which the app "
        "cannot do.",
    )
    default_action = QT_TRANSLATE_NOOP(
        "Messages",
        "Ask your IT support to let Flashback Desktop reach Flashback without a proxy "
        "password (proxies that need NTLM, Kerberos or a password are not supported).",
    )


class RedirectRefusedError(FlashbackError):
    """A 3xx: never followed, so the sign-in cannot travel to another address."""

    default_message = QT_TRANSLATE_NOOP(
        "Messages",
        "The Flashback server sent the app on to another address, which it does not follow "
        "so that your sign-in stays safe.",
    )
    default_action = QT_TRANSLATE_NOOP(
        "Messages", "Ask your IT support whether the Flashback server's address has changed."
    )


def may_have_been_processed(exc: FlashbackError) -> bool:
    """True when the server may have acted on the request although no answer says so.

    The request went out, but the answer was lost or unreadable: a timeout or a dropped
    connection after sending, a gateway's 502 or 504, a 2xx the app could not read. A
    refused connection, a 408 (the server never got the whole request) or any status
    the server chose on purpose mean it did nothing.
    """
    status = exc.details.status
    if not exc.request_sent:
        return False
    if isinstance(exc, RequestTimeoutError):
        return status != 408
    if isinstance(exc, ServerError):
        return status in (502, 504)
    if isinstance(exc, UnreadableResponseError):
        return status is None or 200 <= status < 300
    return isinstance(exc, ConnectionDroppedError)


# Statuses that say "not now" rather than "no": a read is worth trying again after them.
TRANSIENT_STATUSES = frozenset({408, 502, 503, 504})


def is_transient(exc: FlashbackError) -> bool:
    """Worth trying again by itself later: the network or the server should come back."""
    if isinstance(exc, ServerError):
        return exc.details.status in TRANSIENT_STATUSES
    return isinstance(exc, NetworkUnreachableError | RequestTimeoutError | ConnectionDroppedError)


# Any 4xx the server chose to give /user/login is a "no" to these credentials.
SIGN_IN_REFUSED_BY = (
    UnauthorizedError,
    BadRequestError,
    ForbiddenError,
    NotFoundError,
)


def sign_in_refusal(exc: FlashbackError) -> SignInRefusedError:
    """/user/login's documented error codes get their own sentences."""
    code = exc.details.server_code
    if code in SIGN_IN_REFUSALS:
        message, action = SIGN_IN_REFUSALS[code]
        return SignInRefusedError(exc.details, message=message, action=action)
    return SignInRefusedError(exc.details)
