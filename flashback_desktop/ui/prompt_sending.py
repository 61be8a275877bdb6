"""A conversation window's send and wait: the prompt on its way, then the reply awaited,
with Cancel at both steps, and what the send came to said in the window.

ConversationChat (session/) decides what a send came to; this module only shows it. While
the prompt is on its way (a slow server), Cancel gives up waiting for Flashback's answer and
the chat reads the messages to say whether the prompt arrived: it was sent (the box is
cleared), or it is not there yet or nobody can tell (the text stays, and Refresh is the
way to look before sending again: a server still working on it may store it later). It is
never sent again by itself. While the reply is awaited, Cancel just stops waiting. Closing
the window cancels everything and shows nothing.

Private parts of the window (``_say``, ``_load`` …) are used here on purpose: this is the
window's own flow, kept apart only so each file stays small.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from flashback_desktop.api import errors
from flashback_desktop.session import conversation_chat as chat
from flashback_desktop.ui import chat_words
from flashback_desktop.ui.accessibility import announce, describe

if TYPE_CHECKING:
    from flashback_desktop.ui.conversation_window import ConversationWindow


class PromptSending(QObject):
    """One send at a time for its window; the window's Send and Cancel come here."""

    def __init__(self, window: ConversationWindow) -> None:
        super().__init__(window)
        self.window = window
        self.busy = False  # synchronous guard: one send in flight, whatever triggered it
        self._stopping = False  # Cancel was pressed while the prompt was on its way
        self._closed = False  # the window is gone: nothing more to show
        self._wait_ends = 0.0  # monotonic time the reply wait gives up, while waiting
        self._task = f"chat-{window.conversation_id}-send"
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._show_wait)

    def send(self) -> None:
        """Synchronous guard first: a second Ctrl+Enter while one is on its way does nothing."""
        w = self.window
        text = w.prompt_edit.toPlainText()
        if self.busy or w._gone or w.no_model or not text.strip():
            return
        self.busy = True
        self._stopping = False
        w._say("")
        w.prompt_edit.setReadOnly(True)  # what is sent is what the box shows
        w._update_controls()
        describe(
            w.cancel_button,
            self.tr("Stop waiting"),
            self.tr("Stops waiting for Flashback's answer, then checks whether it has your prompt"),
        )
        self._show_state(self.tr("Sending…"), can_cancel=True, say=True)
        w.tasks.start(self._task, self._send(text))

    def cancel(self) -> None:
        """Cancel: stop waiting for the reply, or for the answer to the prompt on its way."""
        w = self.window
        if not w.tasks.is_running(self._task):
            return
        if self._wait_ends > 0:  # Flashback has the prompt: only the reply is given up
            w.tasks.cancel(self._task)
            w._say(self._stopped_waiting())
            return
        if self._stopping:
            return
        self._stopping = True
        w.chat.stop_waiting(w.conversation_id)  # the send settles by reading the messages
        text = self.tr("Stopped waiting. Checking whether Flashback got your prompt…")
        self._show_state(text, can_cancel=False, say=True)

    def close(self) -> None:
        """The window closes: stop everything, show nothing (the window is going away)."""
        self._closed = True
        self._countdown.stop()
        self.window.tasks.cancel(self._task)

    async def _send(self, text: str) -> None:
        w = self.window
        try:
            outcome = await w.chat.send(w.conversation_id, text, w.model_choice.chosen())
            await self._settled(outcome)
        finally:
            self.busy = False
            self._wait_ends = 0.0
            if not self._closed:  # a closed window's widgets may be deleted already
                self._countdown.stop()
                w.prompt_edit.setReadOnly(False)
                self._show_state("")
                w._update_controls()

    async def _settled(self, outcome: chat.SendOutcome) -> None:
        w = self.window
        words = chat_words.outcome_text(outcome, stopped=self._stopping)
        if self._stopping and isinstance(outcome, chat.Sent):  # its answer came with the Cancel
            words = self._stopped_waiting()
        w._say(words, blocked=isinstance(outcome, chat.Blocked))
        if isinstance(outcome, chat.Sent | chat.SentAfterLostAnswer):
            w.prompt_edit.clear()  # Flashback has it: only now is the box emptied
            if self._stopping:  # the person stopped waiting: show the prompt, not the wait
                await w._load()
                return
            await self._show_turn(outcome.turn, getattr(outcome, "reply", None))
        elif isinstance(outcome, chat.NeedsSignIn):
            w._needs_sign_in()
        elif isinstance(outcome, chat.Failed):
            w._refused(outcome.error, sending=True)

    async def _show_turn(self, turn: chat.PromptTurn, reply: object) -> None:
        w = self.window
        await w._load()  # the prompt, and the reply if the POST brought it
        if reply is not None:  # the service said the answer plainly carried it
            return
        if self._stopping:  # Cancel pressed while the prompt was being shown: no wait
            w._say(self._stopped_waiting())
            return
        describe(
            w.cancel_button,
            self.tr("Stop waiting"),
            self.tr("Stops waiting for the reply; Refresh shows it once it has come"),
        )
        self._wait_ends = time.monotonic() + w.reply_deadline_s
        self._countdown.start()
        self._show_wait()
        try:
            waited = await w.chat.wait_for_reply(turn, w.reply_deadline_s)
        except errors.FlashbackError as exc:
            w._refused(exc)
            return
        if waited.messages is not None:
            w._show_messages(waited.messages)
        if waited.reply is None:
            w._say(chat_words.no_reply_text())

    def _stopped_waiting(self) -> str:
        """Cancel once Flashback has the prompt: the reply is not awaited any more."""
        return self.tr("Stopped waiting. Press Refresh later to see the reply.")

    def _show_wait(self) -> None:
        left = max(0, round(self._wait_ends - time.monotonic()))
        text = self.tr("Waiting for the reply… (gives up in {seconds} s)").format(seconds=left)
        self._show_state(text, can_cancel=True)

    def _show_state(self, text: str, *, can_cancel: bool = False, say: bool = False) -> None:
        """The line beside Send; ``say`` announces it (a new state, not a countdown's tick)."""
        w = self.window
        w.wait_label.setText(text)
        if not can_cancel and w.cancel_button.hasFocus():
            w.prompt_edit.setFocus()  # focus never vanishes with the button
        w.cancel_button.setVisible(can_cancel)
        if say and text:
            announce(w.wait_label, text)
