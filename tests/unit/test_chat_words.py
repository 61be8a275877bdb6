"""What the conversation window says after Cancel while a prompt was on its way: whatever
the reading of the messages came to, never "waiting for the reply" (nobody waits now)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from flashback_desktop.api import errors
from flashback_desktop.session import conversation_chat as chat
from flashback_desktop.session.conversation_service import Click
from flashback_desktop.ui.chat_words import outcome_text

TURN = chat.PromptTurn("c1", "Hello", Click(datetime.now(UTC), 0.0), None)


@pytest.mark.parametrize("error", [chat.StoppedWaiting(), errors.ConnectionDroppedError()])
def test_sent_after_a_cancel_says_sent_once_and_refresh(error: errors.FlashbackError) -> None:
    # A ConnectionDroppedError with stopped=True: the POST failed just before the Cancel.
    words = outcome_text(chat.SentAfterLostAnswer(TURN, error), stopped=True)
    assert "it was sent once" in words
    assert "Press Refresh later" in words
    assert "Waiting for the reply" not in words


def test_the_person_s_stop_is_said_even_when_the_window_did_not_pass_it() -> None:
    not_yet = outcome_text(chat.NotSent(chat.StoppedWaiting()))
    assert not_yet.startswith("You stopped waiting")
    assert "does not have your prompt" not in not_yet  # it may still be on its way
    assert "before you send it again" in not_yet
    unknown = outcome_text(chat.Unresolved(chat.StoppedWaiting(), errors.ServerError()))
    assert "could not check whether Flashback got your prompt" in unknown
    assert "before you send it again" in unknown


def test_a_lost_answer_without_a_cancel_keeps_its_own_words() -> None:
    words = outcome_text(chat.SentAfterLostAnswer(TURN, errors.ConnectionDroppedError()))
    assert words.startswith("The connection to Flashback dropped")


@pytest.mark.parametrize(
    "error",
    [errors.ServerError(), errors.UnreadableResponseError(), errors.RequestTimeoutError()],
)
def test_not_sent_names_the_answer_s_own_problem(error: errors.FlashbackError) -> None:
    # A 500, an unreadable answer or a timeout is not "the connection dropped".
    words = outcome_text(chat.NotSent(error))
    assert words.startswith(str(error.message).split(".")[0])
    assert "connection dropped" not in words
    assert "was not sent" in words
    assert "still in the box" in words
