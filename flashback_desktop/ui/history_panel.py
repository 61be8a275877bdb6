"""Recent conversations of the selected repository: newest first, a page at a time.

Every answer is checked against the repository it was asked for (``_generation``): a page
for the repository selected a moment ago never lands in the list of the one selected now.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from flashback_desktop.api import errors
from flashback_desktop.api.models import ConversationPage, Repository
from flashback_desktop.i18n import message
from flashback_desktop.ui.accessibility import announce, describe, set_tab_order
from flashback_desktop.ui.column_fit import widest_fitted
from flashback_desktop.ui.copy_feedback import show_copied
from flashback_desktop.ui.dates import named_locale
from flashback_desktop.ui.error_presenter import ErrorPresenter
from flashback_desktop.ui.history_format import group_digits
from flashback_desktop.ui.history_model import (
    COLUMN_TITLE,
    HistoryRow,
    HistoryTableModel,
    build_row,
)
from flashback_desktop.ui.tasks import TaskManager

if TYPE_CHECKING:  # the session brings httpx and keyring: load them after the first paint
    from flashback_desktop.session.session import Session

log = logging.getLogger("flashback.ui")

PAGE_SIZE = 20
LOAD_TASK = "history-load"
NEWEST_TASK = "history-newest"
DELETE_TASK = "history-delete"


class _Page:
    MESSAGE, TABLE = range(2)


class HistoryPanel(QWidget):
    """The list, its states (loading, empty, error with retry), Load more, copy and delete."""

    # Rows shown after a page or a refresh arrived (also 0 for "no conversations yet").
    page_shown = Signal(int)
    load_failed = Signal()
    conversation_deleted = Signal(str)
    dialog_opened = Signal(QWidget)
    # The selection changed: what conversation_id_to_copy() offers may be different now.
    copy_offer_changed = Signal()
    open_requested = Signal(str, object)  # conversation ID, its Repository

    def __init__(
        self, tasks: TaskManager, presenter: ErrorPresenter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.tasks = tasks
        self._errors = presenter  # opens and reports its error dialogs
        self.session: Session | None = None
        self.page_size = PAGE_SIZE
        self.confirm_dialog: QMessageBox | None = None
        self._repository: Repository | None = None
        self._generation = 0  # bumped whenever the list starts over
        self._total = 0
        self._loading = False
        self._deleting: set[str] = set()
        self._build()
        self._show_message(self._choose_text())

    # ---- construction ------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel(self.tr("Recent conversations"))
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.count_label = QLabel()
        self.count_label.setObjectName("historyCount")
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.count_label)
        self._build_table()
        self._build_pages()
        footer = self._build_footer()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addLayout(footer)
        # The list, then its buttons; "Try again" stands in for the list when loading failed.
        set_tab_order(
            self.retry_button,
            self.table,
            self.load_more_button,
            self.copy_button,
            self.open_button,
            self.delete_button,
        )

    def _build_table(self) -> None:
        self.model = HistoryTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        describe(
            self.table,
            self.tr("Recent conversations"),
            self.tr(
                "Conversations of the selected repository, newest first. "
                "Ctrl+C copies the selected conversation's ID; Delete deletes it."
            ),
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the buttons below
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setMinimumHeight(120)
        self.table.setWordWrap(False)  # one line per row: long texts are elided, never wrapped
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        # Fitted to their texts by _fit_columns, within bounds (a name from the server can be
        # any length); the title takes what is left.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMN_TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        # No shortcut of its own: Ctrl+C is the window's Copy Conversation ID, which asks
        # conversation_id_to_copy() (two actions on one key would be ambiguous to Qt).
        self.copy_action = QAction(self.tr("&Copy ID"), self.table)
        self.copy_action.triggered.connect(self.copy_selected_id)
        self.delete_action = QAction(self.tr("&Delete…"), self.table)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.ask_delete_selected)
        self.table.addActions([self.copy_action, self.delete_action])
        self.table.activated.connect(lambda _index: self.open_selected())  # Enter, double-click

    def _build_pages(self) -> None:
        self.message_label = QLabel()
        self.message_label.setObjectName("historyMessage")
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.retry_button = QPushButton(self.tr("&Try again"))
        self.retry_button.setObjectName("historyRetryButton")
        describe(
            self.retry_button,
            self.tr("Try loading the conversations again"),
            self.tr("Asks Flashback for this repository's conversations again"),
        )
        self.retry_button.clicked.connect(self.reload)
        message_page = QWidget()
        message_layout = QVBoxLayout(message_page)
        message_layout.addStretch(1)
        message_layout.addWidget(self.message_label)
        message_layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        message_layout.addStretch(1)
        self.pages = QStackedWidget()
        self.pages.addWidget(message_page)
        self.pages.addWidget(self.table)

    def _build_footer(self) -> QHBoxLayout:
        self.status_label = QLabel()
        self.status_label.setObjectName("historyStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # names conversations
        # Named more fully than their short texts: several lists have Copy and Delete.
        self.load_more_button = QPushButton(self.tr("Load &more"))
        self.load_more_button.setObjectName("historyLoadMoreButton")
        self.load_more_button.setToolTip(self.tr("Show older conversations"))
        describe(
            self.load_more_button,
            self.tr("Load more conversations"),
            self.tr("Show older conversations"),
        )
        self.load_more_button.clicked.connect(self.load_more)
        self.copy_button = QPushButton(self.tr("Cop&y ID"))
        self.copy_button.setObjectName("historyCopyButton")
        self.copy_button.setToolTip(
            self.tr("Copy the selected conversation's ID (Ctrl+C in the list)")
        )
        describe(
            self.copy_button,
            self.tr("Copy the selected conversation's ID"),
            self.tr("Copies the ID of the conversation selected in the list"),
        )
        self.copy_button.clicked.connect(self.copy_selected_id)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.setObjectName("historyDeleteButton")
        self.delete_button.setToolTip(
            self.tr("Delete the selected conversation (Delete in the list)")
        )
        describe(
            self.delete_button,
            self.tr("Delete conversation"),
            self.tr("Deletes the selected conversation after asking you"),
        )
        self.delete_button.clicked.connect(self.ask_delete_selected)
        footer = QHBoxLayout()
        footer.addWidget(self.status_label, 1)
        footer.addWidget(self.load_more_button)
        footer.addWidget(self.copy_button)
        self.open_button = QPushButton(self.tr("O&pen"))  # Alt+O is the new ID's Open
        self.open_button.setObjectName("historyOpenButton")
        describe(
            self.open_button,
            self.tr("Open conversation"),
            self.tr("Opens the selected conversation (Enter or double-click in the list)"),
        )
        self.open_button.clicked.connect(self.open_selected)
        footer.addWidget(self.open_button)
        footer.addWidget(self.delete_button)
        return footer

    # ---- which repository ----------------------------------------------------------------

    @property
    def repository(self) -> Repository | None:
        return self._repository

    def set_repository(self, repository: Repository | None) -> None:
        """Show this repository's conversations; the same one again keeps the list as is."""
        same = (repository and repository.id) == (self._repository and self._repository.id)
        self._repository = repository
        if same:  # the table re-selects it after a refresh: keep what is shown
            return
        self._start_over()
        if repository is None:
            self._show_message(self._choose_text())
        else:
            self._load(skip=0)

    def reload(self) -> None:
        """Fetch the newest page again; what is shown stays until the answer arrives."""
        if self._repository is None:
            return
        self._generation += 1
        self.tasks.cancel(NEWEST_TASK)
        self._load(skip=0, replace=True)

    def _start_over(self) -> None:
        # Whatever was under way belongs to the repository shown before: drop it.
        self._generation += 1
        self.tasks.cancel(LOAD_TASK)
        self.tasks.cancel(NEWEST_TASK)
        self._loading = False
        self._total = 0
        self.model.clear()
        self.status_label.clear()
        self._update_buttons()

    # ---- loading -----------------------------------------------------------------------

    def load_more(self) -> None:
        if self._repository is None or self._loading:
            return
        self._load(skip=self.model.rowCount())

    def _load(self, *, skip: int, replace: bool = False) -> None:
        session, repository = self.session, self._repository
        if session is None or repository is None:
            return
        self._loading = True
        if self.model.rowCount() == 0:
            self._show_message(self.tr("Loading conversations…"))
        self.status_label.clear()
        self._update_buttons()
        self.tasks.start(LOAD_TASK, self._fetch(session, repository, skip, replace))

    async def _fetch(
        self, session: Session, repository: Repository, skip: int, replace: bool
    ) -> None:
        generation = self._generation
        try:
            page = await session.list_conversations(repository.id, take=self.page_size, skip=skip)
        except errors.FlashbackError as exc:
            if generation == self._generation:
                self._fetch_failed(exc)
            return
        finally:
            if generation == self._generation:
                self._loading = False
                self._update_buttons()
        if generation != self._generation:
            log.info("A late page of conversations for another repository was ignored")
            return
        if replace:
            self.model.clear()
        added = self.model.append(self._rows(page))
        # A server whose total promises more than it sends must not offer Load more forever.
        self._total = page.total if added or skip == 0 else self.model.rowCount()
        self._show_rows()
        self.page_shown.emit(self.model.rowCount())

    def _fetch_failed(self, exc: errors.FlashbackError) -> None:
        log.warning("Loading conversations failed: %s", exc)
        if self.model.rowCount() == 0:
            text = self.tr("Conversations could not be loaded. {message}\n{action}").format(
                message=message(exc.message), action=message(exc.action)
            )
            self._show_message(text, retry=True)
            announce(self.message_label, text)
        else:
            self._set_status(
                self.tr("Older conversations could not be loaded. {message}").format(
                    message=message(exc.message)
                )
            )
        self.load_failed.emit()

    def _rows(self, page: ConversationPage) -> list[HistoryRow]:
        # The default, read per page (it may change while the app runs), with Qt's own data
        # for its name: the system locale may group digits the C way in German.
        locale = named_locale(QLocale())
        profile = self.session.profile if self.session is not None else None
        my_id = profile.id if profile is not None else None
        return [build_row(conversation, locale, my_id) for conversation in page.conversations]

    # ---- a new conversation ------------------------------------------------------------

    def conversation_created(self, conversation_id: str) -> None:
        """Put it at the top: ask for the newest page and add what is not shown yet.

        The signal carries only the ID, and the repository may have changed since the
        click, so the server says whether it belongs here.
        """
        session, repository = self.session, self._repository
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
        self._total = max(page.total, self.model.rowCount())
        self._show_rows()
        self.page_shown.emit(self.model.rowCount())

    # ---- copy and delete ---------------------------------------------------------------

    def selected_row(self) -> HistoryRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_conversation(self, conversation_id: str) -> bool:
        row = self.model.row_of(conversation_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def copy_selected_id(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        QGuiApplication.clipboard().setText(row.conversation.id)
        self._set_status(self.tr("Conversation ID copied."))  # said aloud there
        show_copied(self.copy_button, "")

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_requested.emit(row.conversation.id, self._repository)

    def conversation_id_to_copy(self) -> str:
        """What the window's Ctrl+C copies while the focus is in this panel."""
        row = self.selected_row()
        return row.conversation.id if row is not None else ""

    def ask_delete_selected(self) -> None:
        """Ask first, naming the conversation; nothing is sent unless the person agrees."""
        row = self.selected_row()
        if row is None or row.conversation.id in self._deleting:
            return
        dialog = QMessageBox(self)
        dialog.setObjectName("deleteConversationDialog")
        dialog.setIcon(QMessageBox.Icon.Question)
        dialog.setWindowTitle(self.tr("Delete conversation"))
        dialog.setTextFormat(Qt.TextFormat.PlainText)  # the title is the server's, not markup
        dialog.setText(self.tr("Delete the conversation {name}?").format(name=row.name))
        dialog.setInformativeText(self.tr("It will no longer appear in the list of conversations."))
        delete = dialog.addButton(self.tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = dialog.addButton(QMessageBox.StandardButton.Cancel)
        dialog.setDefaultButton(cancel)  # Enter must not delete by accident
        dialog.setEscapeButton(cancel)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            self.confirm_dialog = None
            if dialog.clickedButton() is delete:
                self._delete(row)

        dialog.finished.connect(answered)
        self.confirm_dialog = dialog
        dialog.open()  # never exec(): that would re-enter the event loop
        self.dialog_opened.emit(dialog)

    def _delete(self, row: HistoryRow) -> None:
        if self.session is None:
            return
        conversation_id = row.conversation.id
        self._deleting.add(conversation_id)
        self._update_buttons()
        self.tasks.start(f"{DELETE_TASK}-{conversation_id}", self._send_delete(self.session, row))

    async def _send_delete(self, session: Session, row: HistoryRow) -> None:
        conversation_id = row.conversation.id
        try:
            await session.delete_conversation(conversation_id, hard=False)
        except errors.NotFoundError:
            log.info("Conversation %s was already gone", conversation_id)
            self._removed(conversation_id, self.tr("That conversation had already been deleted."))
        except errors.FlashbackError as exc:
            log.warning("Deleting conversation %s failed: %s", conversation_id, exc)
            self._show_error(
                self.tr("Flashback couldn't delete the conversation {name}.").format(name=row.name),
                exc,
            )
        else:
            log.info("Deleted conversation %s", conversation_id)
            self._removed(
                conversation_id,
                self.tr("Deleted the conversation {name}.").format(name=row.name),
            )
        finally:
            self._deleting.discard(conversation_id)
            self._update_buttons()

    def _removed(self, conversation_id: str, note: str) -> None:
        row = self.model.row_of(conversation_id)
        if row is not None:  # still this repository's list
            # The view stays where it was, and nothing is selected: selecting the neighbour
            # would leave it one Enter away from a second deletion.
            scrolled = self.table.verticalScrollBar().value()
            self.model.remove(conversation_id)
            self.table.selectionModel().clear()
            self.table.verticalScrollBar().setValue(scrolled)
            self._total = max(self._total - 1, self.model.rowCount())
            self._set_status(note)
            self._show_rows()
        self.conversation_deleted.emit(conversation_id)

    def _show_error(self, headline: str, exc: errors.FlashbackError) -> None:
        self._errors.show_failure(headline, exc)

    def _context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid():
            self.table.selectRow(index.row())
        if self.selected_row() is None:
            return
        menu = QMenu(self.table)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.copy_action)
        menu.addAction(self.delete_action)
        menu.popup(self.table.viewport().mapToGlobal(position))

    # ---- what is shown -----------------------------------------------------------------

    def _choose_text(self) -> str:
        return self.tr("Select a repository to see its recent conversations.")

    def _set_status(self, text: str) -> None:
        """A note under the list; said aloud, since the focus is elsewhere (list, dialog)."""
        self.status_label.setText(text)
        announce(self.status_label, text)

    def _show_message(self, text: str, *, retry: bool = False) -> None:
        self.message_label.setText(text)
        self.retry_button.setVisible(retry)
        self.pages.setCurrentIndex(_Page.MESSAGE)
        self._update_buttons()

    def _show_rows(self) -> None:
        if self.model.rowCount() == 0:
            self._show_message(self.tr("No conversations yet.\nStart one with New Conversation."))
        else:
            self._fit_columns()
            self.pages.setCurrentIndex(_Page.TABLE)
        self._update_buttons()

    def _fit_columns(self) -> None:
        """Each column but the title as wide as its header and its widest text, up to
        ``widest_fitted``: longer texts are elided (the tooltip has them)."""
        header = self.table.horizontalHeader()
        widest = widest_fitted(self.table)
        for column in range(self.model.columnCount()):
            if column == COLUMN_TITLE:
                continue
            width = header.sectionSizeFromContents(column).width()
            for row in range(self.model.rowCount()):
                hint = self.table.sizeHintForIndex(self.model.index(row, column)).width()
                width = max(width, min(hint, widest))
            header.resizeSection(column, width + int(self.table.showGrid()))

    def _update_buttons(self, *_args: object) -> None:
        shown = self.model.rowCount()
        selected = self.selected_row()
        self.load_more_button.setVisible(shown > 0 and shown < self._total)
        self.load_more_button.setEnabled(not self._loading)
        self.load_more_button.setText(
            self.tr("Loading…") if self._loading and shown else self.tr("Load &more")
        )
        self.copy_button.setEnabled(selected is not None)
        self.open_button.setEnabled(selected is not None)
        deletable = selected is not None and selected.conversation.id not in self._deleting
        self.delete_button.setEnabled(deletable)
        self.copy_action.setEnabled(selected is not None)
        self.delete_action.setEnabled(deletable)
        if shown:
            locale = named_locale(QLocale())
            shown_text = locale.toString(shown)
            total_text = group_digits(max(self._total, shown), locale)  # any size of total
            self.count_label.setText(
                self.tr("{shown} of {total}", "conversations shown of all").format(
                    shown=shown_text, total=total_text
                )
            )
            # Said with what it counts: "20 of 45" alone means little to a listener.
            self.count_label.setAccessibleName(
                self.tr("{shown} of {total} conversations shown").format(
                    shown=shown_text, total=total_text
                )
            )
        else:
            self.count_label.clear()
            self.count_label.setAccessibleName("")
        self.copy_offer_changed.emit()
