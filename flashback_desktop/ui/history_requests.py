"""Recent conversations' requests: pages (the first, Load more, the newest) and deletes.

HistoryRequests owns the rows (the model), how many the server has, and what is under way;
the panel (ui/history_panel.py) shows them, keeps the selection and says what happened.
Every answer is checked against the repository it was asked for (``_generation``): a page
for the repository selected a moment ago never lands in the list of the one selected now.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Signal

from flashback_desktop.api import errors
from flashback_desktop.api.models import ConversationPage, Repository
from flashback_desktop.ui.history_model import HistoryRow, HistoryTableModel, build_row
from flashback_desktop.ui.tasks import TaskManager

if TYPE_CHECKING:  # the session brings httpx and keyring: load them after the first paint
    from flashback_desktop.session.session import Session

log = logging.getLogger("flashback.ui")

PAGE_SIZE = 20
LOAD_TASK = "history-load"
NEWEST_TASK = "history-newest"
DELETE_TASK = "history-delete"


class HistoryRequests(QObject):
    """Asks the session for one repository's conversations, a page at a time, and deletes."""

    busy_changed = Signal()  # a page load or a delete started or ended
    loading_started = Signal()
    rows_changed = Signal()  # a page or the newest conversations are in the model
    load_failed = Signal(object)  # the FlashbackError; the list is as it was
    # The conversation's HistoryRow, and None (deleted) or the FlashbackError (NotFoundError:
    # it had already gone).
    delete_answered = Signal(object, object)

    def __init__(self, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.session: Session | None = None
        self.page_size = PAGE_SIZE
        self.model = HistoryTableModel(self)
        self.repository: Repository | None = None
        self.total = 0  # how many the server has, as far as it is known
        self.loading = False
        self._generation = 0  # bumped whenever the list starts over
        self._deleting: set[str] = set()

    def is_deleting(self, conversation_id: str) -> bool:
        return conversation_id in self._deleting

    # ---- which repository ----------------------------------------------------------------

    def set_repository(self, repository: Repository | None) -> bool:
        """Start over for this repository (and ask for its first page); False when it is the
        one already shown, which keeps the list as it is."""
        same = (repository and repository.id) == (self.repository and self.repository.id)
        self.repository = repository
        if same:  # the table re-selects it after a refresh: keep what is shown
            return False
        # Whatever was under way belongs to the repository shown before: drop it.
        self._generation += 1
        self.tasks.cancel(LOAD_TASK)
        self.tasks.cancel(NEWEST_TASK)
        self.loading = False
        self.total = 0
        self.model.clear()
        self.busy_changed.emit()
        if repository is not None:
            self._load(skip=0)
        return True

    def reload(self) -> None:
        """Fetch the newest page again; what is shown stays until the answer arrives."""
        if self.repository is None:
            return
        self._generation += 1
        self.tasks.cancel(NEWEST_TASK)
        self._load(skip=0, replace=True)

    # ---- loading -----------------------------------------------------------------------

    def load_more(self) -> None:
        if self.repository is None or self.loading:
            return
        self._load(skip=self.model.rowCount())

    def _load(self, *, skip: int, replace: bool = False) -> None:
        session, repository = self.session, self.repository
        if session is None or repository is None:
            return
        self.loading = True
        self.loading_started.emit()
        self.tasks.start(LOAD_TASK, self._fetch(session, repository, skip, replace))

    async def _fetch(
        self, session: Session, repository: Repository, skip: int, replace: bool
    ) -> None:
        generation = self._generation
        try:
            page = await session.list_conversations(repository.id, take=self.page_size, skip=skip)
        except errors.FlashbackError as exc:
            if generation == self._generation:
                log.warning("Loading conversations failed: %s", exc)
                self.load_failed.emit(exc)
            return
        finally:
            if generation == self._generation:
                self.loading = False
                self.busy_changed.emit()
        if generation != self._generation:
            log.info("A late page of conversations for another repository was ignored")
            return
        if replace:
            self.model.clear()
        added = self.model.append(self._rows(page))
        # A server whose total promises more than it sends must not offer Load more forever.
        self.total = page.total if added or skip == 0 else self.model.rowCount()
        self.rows_changed.emit()

    def _rows(self, page: ConversationPage) -> list[HistoryRow]:
        # The default, read per page (it may change while the app runs); i18n.locale_for made
        # it from Qt's own data for the language, so German groups digits the German way.
        locale = QLocale()
        profile = self.session.profile if self.session is not None else None
        my_id = profile.id if profile is not None else None
        return [build_row(conversation, locale, my_id) for conversation in page.conversations]

    # ---- a new conversation ------------------------------------------------------------

    def conversation_created(self, conversation_id: str) -> None:
        """Put it at the top: ask for the newest page and add what is not shown yet.

        The signal carries only the ID, and the repository may have changed since the
        click, so the server says whether it belongs here.
        """
        session, repository = self.session, self.repository
        if session is None or repository is None or conversation_id in self.model:
            return
        self.tasks.start(NEWEST_TASK, self._fetch_newest(session, repository))

    async def _fetch_newest(self, session: Session, repository: Repository) -> None:
        generation = self._generation
        try:
            page = await session.list_conversations(repository.id, take=self.page_size)
        except errors.FlashbackError as exc:
            log.warning("Loading the newest conversations failed: %s", exc)
            return  # the list stays as it was; a refresh shows it
        if generation != self._generation:
            return
        rows = self._rows(page)
        shown = [n for n, row in enumerate(rows) if row.conversation.id in self.model]
        if self.model.rowCount() and not shown:
            self.model.clear()  # more new ones than a page: start again from the newest
            self.model.append(rows)
        else:
            self.model.prepend(rows[: shown[0]] if shown else rows)
        self.total = max(page.total, self.model.rowCount())
        self.rows_changed.emit()

    # ---- delete ------------------------------------------------------------------------

    def delete(self, row: HistoryRow) -> None:
        """Soft delete: it leaves every list, but the server keeps it."""
        if self.session is None:
            return
        conversation_id = row.conversation.id
        self._deleting.add(conversation_id)
        self.busy_changed.emit()
        self.tasks.start(f"{DELETE_TASK}-{conversation_id}", self._send_delete(self.session, row))

    async def _send_delete(self, session: Session, row: HistoryRow) -> None:
        conversation_id = row.conversation.id
        signed_in = session.generation  # a sign-out meanwhile: the answer is not the next person's
        error: errors.FlashbackError | None = None
        try:
            await session.delete_conversation(conversation_id, hard=False)
        except errors.NotFoundError as exc:
            log.info("Conversation %s was already gone", conversation_id)
            error = exc
        except errors.FlashbackError as exc:
            log.warning("Deleting conversation %s failed: %s", conversation_id, exc)
            error = exc
        else:
            log.info("Deleted conversation %s", conversation_id)
        finally:
            self._deleting.discard(conversation_id)
            self.busy_changed.emit()
        if session.generation == signed_in:  # it names the conversation: not after a sign-out
            self.delete_answered.emit(row, error)

    def remove(self, conversation_id: str) -> None:
        """Take a deleted conversation out of the list (and out of the total)."""
        if self.model.remove(conversation_id):
            self.total = max(self.total - 1, self.model.rowCount())
