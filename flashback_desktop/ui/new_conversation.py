"""New Conversation: the press, one busy state, and what the outcome looks like on screen.

The decision (create; after a lost answer, look) is session/conversation_service.py's; this
controller guards the presses, shows the outcome in the panel (bound to the repository it
was asked for) and reports it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from flashback_desktop.api import errors
from flashback_desktop.api.models import Repository
from flashback_desktop.i18n import message
from flashback_desktop.session import conversation_service
from flashback_desktop.ui import long_text, press_intent, server_words
from flashback_desktop.ui.conversation_panel import ConversationPanel
from flashback_desktop.ui.error_presenter import ErrorPresenter
from flashback_desktop.ui.tasks import TaskManager

if TYPE_CHECKING:
    from flashback_desktop.session.conversation_service import ConversationService, CreateOutcome

log = logging.getLogger("flashback.ui")

CREATE_TASK = "create-conversation"


class NewConversation(QObject):
    busy_changed = Signal(bool)
    started = Signal()  # a request went out: a resume waiting for a sign-in would be a second
    created = Signal(str)
    # After "may have been created": found on the server (its ID), or still not known.
    found = Signal(str)
    unresolved = Signal()
    needs_sign_in = Signal(object, str)  # whose sign-in ran out (None: unknown), repository id
    repository_gone = Signal()  # 404: the list is out of date

    def __init__(
        self, panel: ConversationPanel, tasks: TaskManager, presenter: ErrorPresenter
    ) -> None:
        super().__init__(panel)
        self.panel = panel
        self.tasks = tasks
        self._errors = presenter
        self.service: ConversationService | None = None  # set with the session
        self.busy = False
        self._presses = press_intent.PressIntent()  # a double press is one intent

    def press(self) -> None:
        """A person's press, from any trigger: a quick second press is the same intent."""
        repository = self.panel.repository
        if repository is not None and not self._presses.is_new(repository.id):
            log.info("New Conversation pressed again at once: the same intent, ignored")
            return
        self.start()

    def start(self) -> None:
        """Synchronous guard: at most one create request at a time, whatever triggered it."""
        repository = self.panel.repository
        if self.busy or repository is None or self.service is None:
            return
        self._set_busy(True)
        self.panel.clear_result()
        self.started.emit()
        self.tasks.start(CREATE_TASK, self._create_conversation(self.service, repository))

    def _set_busy(self, busy: bool) -> None:
        """One busy state: the panel's button and the action both follow it."""
        self.busy = busy
        self.panel.set_busy(busy)
        self.busy_changed.emit(busy)

    async def _create_conversation(
        self, service: ConversationService, repository: Repository
    ) -> None:
        def checking() -> None:
            self.panel.set_busy(True, self.tr("Checking whether it was created…"))

        try:
            outcome = await service.create(repository.id, checking=checking)
            self._show_outcome(repository, outcome)
        finally:
            self._set_busy(False)

    def _show_outcome(self, repository: Repository, outcome: CreateOutcome) -> None:
        """Say what the service decided; the policy itself lives in session/."""
        if isinstance(outcome, conversation_service.Stale):
            return
        if isinstance(outcome, conversation_service.Created):
            note = (
                self.tr(
                    "The connection was interrupted, but Flashback did create this conversation."
                )
                if outcome.after_lost_answer
                else ""
            )
            self.panel.show_created(repository.id, outcome.conversation_id, note)
            signal = self.found if outcome.after_lost_answer else self.created
            signal.emit(outcome.conversation_id)
            return
        self._presses.forget()  # the next press, after the message, is a new intent
        if isinstance(outcome, conversation_service.NeedsSignIn):
            self.needs_sign_in.emit(outcome.user_id, repository.id)
        elif isinstance(outcome, conversation_service.Unresolved):
            self._report_unresolved(repository, outcome)
        else:
            self._report_create_failure(repository, outcome.error)

    def _report_unresolved(
        self, repository: Repository, outcome: conversation_service.Unresolved
    ) -> None:
        """The answer was lost and the lookup found nothing: say that, not "try again"."""
        exc = outcome.error
        headline = self.tr("Flashback may not have started a conversation for “{name}”.").format(
            name=long_text.in_sentence(server_words.repository_name(repository))
        )
        if outcome.lookup_failure is None:
            text = self.tr("{message} No new conversation has appeared in this repository.")
            action = self.tr(
                "If Flashback is only slow, it may still appear: refresh in a minute and "
                "check before trying again, so you don't start it twice."
            )
            details = exc.details.as_text()
        else:
            text = self.tr("{message} The app could not check whether it was created.")
            action = self.tr(
                "Wait a moment and refresh before trying again, so you don't start it twice."
            )
            checking = outcome.lookup_failure.details.as_text()
            details = f"{exc.details.as_text()}\n\nChecking afterwards:\n{checking}"
        self._errors.show(headline, text.format(message=message(exc.message)), action, details)
        self.unresolved.emit()

    def _report_create_failure(self, repository: Repository, exc: errors.FlashbackError) -> None:
        headline = self.tr("Flashback couldn't start a conversation for “{name}”.").format(
            name=long_text.in_sentence(server_words.repository_name(repository))
        )
        if isinstance(exc, errors.NotFoundError):
            self.repository_gone.emit()
        self._errors.show_failure(headline, exc)
