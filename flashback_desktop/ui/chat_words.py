"""What the conversation window says after a send or a refusal: one plain sentence each,
said in the window (never a dialog), and always whether the text is still in the box."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from flashback_desktop.api import errors
from flashback_desktop.i18n import message
from flashback_desktop.session import conversation_chat as chat


def outcome_text(outcome: chat.SendOutcome, *, stopped: bool = False) -> str:
    """The sentence for an outcome that is not plainly "sent", or "" for none. ``stopped``:
    the person pressed Cancel while it was being sent, so no reply is awaited."""
    stopped = stopped or isinstance(getattr(outcome, "error", None), chat.StoppedWaiting)
    if stopped and isinstance(outcome, chat.SentAfterLostAnswer | chat.NotSent | chat.Unresolved):
        return _stopped_text(outcome)
    if isinstance(outcome, chat.SentAfterLostAnswer):
        # The answer's own problem first: a 503 is not "the connection dropped".
        return QCoreApplication.translate(
            "ConversationWindow",
            "{problem} All the same, Flashback has your prompt: it was sent once. "
            "Waiting for the reply.",
        ).format(problem=message(outcome.error.message))
    if isinstance(outcome, chat.NotSent):
        return QCoreApplication.translate(
            "ConversationWindow",
            "{problem} Flashback does not have your prompt, so it was not sent. "
            "Your text is still in the box: press Send when you are ready.",
        ).format(problem=message(outcome.error.message))
    if isinstance(outcome, chat.Unresolved):  # never a blind "try again"
        return QCoreApplication.translate(
            "ConversationWindow",
            "Flashback did not confirm your prompt, and the app could not check whether it "
            "arrived. Your text is still in the box. Press Refresh to see whether it is in the "
            "conversation before you send it again.",
        )
    if isinstance(outcome, chat.Blocked):  # the error's own sentence carries the reason
        return f"{message(outcome.error.message)}\n{message(outcome.error.action)}"
    return ""


def _stopped_text(outcome: chat.SentAfterLostAnswer | chat.NotSent | chat.Unresolved) -> str:
    """After Cancel while the prompt was on its way, once the messages were read."""
    if isinstance(outcome, chat.SentAfterLostAnswer):
        return QCoreApplication.translate(
            "ConversationWindow",
            "You stopped waiting, but Flashback has your prompt: it was sent once. "
            "Press Refresh later to see the reply.",
        )
    if isinstance(outcome, chat.NotSent):  # not yet: the server may still be working on it
        return QCoreApplication.translate(
            "ConversationWindow",
            "You stopped waiting. Your prompt is not in the conversation yet, but it may still "
            "arrive. Your text is still in the box. Press Refresh in a moment to see whether it "
            "is in the conversation before you send it again.",
        )
    return QCoreApplication.translate(  # Unresolved: the messages could not be read
        "ConversationWindow",
        "You stopped waiting, and the app could not check whether Flashback got your prompt. "
        "Your text is still in the box. Press Refresh to see whether it is in the conversation "
        "before you send it again.",
    )


def refusal_text(exc: errors.FlashbackError, *, text_kept: bool) -> str:
    """Why Flashback said no (or could not be asked), and that nothing was lost."""
    if isinstance(exc, errors.EndpointUnavailableError):  # its own words name the feature
        return f"{message(exc.message)}\n{message(exc.action)}"
    if text_kept and not isinstance(exc, errors.ConversationGoneError):
        return QCoreApplication.translate(
            "ConversationWindow", "{problem} Your text is still in the box; nothing was lost."
        ).format(problem=message(exc.message))
    return f"{message(exc.message)}\n{message(exc.action)}"


def sign_in_text() -> str:
    return QCoreApplication.translate(
        "ConversationWindow",
        "Your sign-in has expired. Sign in again, then press Send: your text is still in the box.",
    )


def no_reply_text() -> str:
    return QCoreApplication.translate(
        "ConversationWindow",
        "No reply yet. The assistant may still answer: press Refresh to look again.",
    )
