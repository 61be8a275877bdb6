"""What a route's refusal means, in words: routes only some servers offer, a conversation or
repository that is gone, and the chat routes' own refusals (a policy block, a refused write,
no AI model)."""

from __future__ import annotations

from flashback_desktop.api import errors
from flashback_desktop.translatable import QT_TRANSLATE_NOOP

CONVERSATIONS_UNAVAILABLE = (
    QT_TRANSLATE_NOOP("Messages", "This Flashback server does not offer conversations."),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Conversations are only available on some Flashback servers. "
        "Ask your IT department which server to use.",
    ),
)
CONVERSATION_NOT_FOUND = (
    "This conversation no longer exists on Flashback.",
    "It may have been deleted already. Refresh the list to see the current conversations.",
)
REPO_NOT_FOUND = (
    QT_TRANSLATE_NOOP("Messages", "This repository no longer exists on Flashback."),
    QT_TRANSLATE_NOOP(
        "Messages", "The repository list has been refreshed. Pick another repository."
    ),
)

PROMPTS_UNAVAILABLE = (
    QT_TRANSLATE_NOOP("Messages", "This Flashback server does not offer talking in conversations."),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Sending prompts is only available on some Flashback servers. "
        "Ask your IT department which server to use.",
    ),
)


_POLICY_CODE = "POLICY"


def prompt_refusal(
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
