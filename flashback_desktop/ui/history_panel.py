"""Recent conversations of the selected repository, newest first: the view.

It shows the list and its states, keeps the selection, asks before deleting and says what
happened; the requests (pages, the newest, deletes) are HistoryRequests'
(ui/history_requests.py).
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
from flashback_desktop.api.models import Repository
from flashback_desktop.i18n import message
from flashback_desktop.ui.accessibility import announce, describe, set_tab_order
from flashback_desktop.ui.column_fit import TextColumnFitter
from flashback_desktop.ui.copy_feedback import show_copied
from flashback_desktop.ui.error_presenter import ErrorPresenter
from flashback_desktop.ui.first_arrow import FirstArrowChooses
from flashback_desktop.ui.history_format import group_digits
from flashback_desktop.ui.history_model import COLUMN_TITLE, HistoryRow
from flashback_desktop.ui.history_requests import HistoryRequests
from flashback_desktop.ui.tasks import TaskManager

if TYPE_CHECKING:  # the session brings httpx and keyring: load them after the first paint
    from flashback_desktop.session.session import Session

log = logging.getLogger("flashback.ui")


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
        self._errors = presenter  # opens and reports its error dialogs
        self.requests = HistoryRequests(tasks, self)
        self.model = self.requests.model  # the rows are the requests'; the view shows them
        self.confirm_dialog: QMessageBox | None = None
        self._build()
        self.requests.busy_changed.connect(self._update_buttons)
        self.requests.loading_started.connect(self._loading_started)
        self.requests.rows_changed.connect(self._rows_arrived)
        self.requests.load_failed.connect(self._fetch_failed)
        self.requests.delete_answered.connect(self._delete_answered)
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
        self._first_arrow = FirstArrowChooses(self.table)  # the first Down: the newest
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setMinimumHeight(120)
        self.table.setWordWrap(False)  # one line per row: long texts are elided, never wrapped
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        # Fitted to their texts within bounds (a name from the server can be any length),
        # except those the person resized; the title takes what is left.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMN_TITLE, QHeaderView.ResizeMode.Stretch)
        fitted = [c for c in range(self.model.columnCount()) if c != COLUMN_TITLE]
        self.column_fitter = TextColumnFitter(self.table, self.model, fitted)
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
        self.load_more_button.clicked.connect(self.requests.load_more)
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

    # ---- which repository (the requests are HistoryRequests') ------------------------

    @property
    def session(self) -> Session | None:
        return self.requests.session

    @session.setter
    def session(self, session: Session | None) -> None:
        self.requests.session = session

    @property
    def repository(self) -> Repository | None:
        return self.requests.repository

    def set_repository(self, repository: Repository | None) -> None:
        """Show this repository's conversations; the same one again keeps the list as is."""
        if not self.requests.set_repository(repository):
            return
        self.status_label.clear()
        if repository is None:
            self._show_message(self._choose_text())

    def reload(self) -> None:
        """Fetch the newest page again; what is shown stays until the answer arrives."""
        self.requests.reload()

    def conversation_created(self, conversation_id: str) -> None:
        """Put it at the top, if the server says it belongs to this repository."""
        self.requests.conversation_created(conversation_id)

    # ---- answers -----------------------------------------------------------------------

    def _loading_started(self) -> None:
        if self.model.rowCount() == 0:
            self._show_message(self.tr("Loading conversations…"))
        self.status_label.clear()
        self._update_buttons()

    def _rows_arrived(self) -> None:
        self._show_rows()
        self.page_shown.emit(self.model.rowCount())

    def _fetch_failed(self, exc: errors.FlashbackError) -> None:
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
            self.open_requested.emit(row.conversation.id, self.repository)

    def conversation_id_to_copy(self) -> str:
        """What the window's Ctrl+C copies while the focus is in this panel."""
        row = self.selected_row()
        return row.conversation.id if row is not None else ""

    def ask_delete_selected(self) -> None:
        """Ask first, naming the conversation; nothing is sent unless the person agrees."""
        row = self.selected_row()
        if row is None or self.requests.is_deleting(row.conversation.id):
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
                self.requests.delete(row)

        dialog.finished.connect(answered)
        self.confirm_dialog = dialog
        dialog.open()  # never exec(): that would re-enter the event loop
        self.dialog_opened.emit(dialog)

    def _delete_answered(self, row: HistoryRow, error: errors.FlashbackError | None) -> None:
        conversation_id = row.conversation.id
        if isinstance(error, errors.NotFoundError):
            self._removed(conversation_id, self.tr("That conversation had already been deleted."))
        elif error is not None:
            self._errors.show_failure(
                self.tr("Flashback couldn't delete the conversation {name}.").format(name=row.name),
                error,
            )
        else:
            self._removed(
                conversation_id,
                self.tr("Deleted the conversation {name}.").format(name=row.name),
            )

    def _removed(self, conversation_id: str, note: str) -> None:
        row = self.model.row_of(conversation_id)
        if row is not None:  # still this repository's list
            # The view stays where it was, and nothing is selected: selecting the neighbour
            # would leave it one Enter away from a second deletion.
            scrolled = self.table.verticalScrollBar().value()
            self.requests.remove(conversation_id)
            self.table.selectionModel().clear()
            self.table.verticalScrollBar().setValue(scrolled)
            self._set_status(note)
            self._show_rows()
        self.conversation_deleted.emit(conversation_id)

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
            self.column_fitter.fit()
            self.pages.setCurrentIndex(_Page.TABLE)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        shown = self.model.rowCount()
        selected = self.selected_row()
        total, loading = self.requests.total, self.requests.loading
        self.load_more_button.setVisible(shown > 0 and shown < total)
        self.load_more_button.setEnabled(not loading)
        self.load_more_button.setText(
            self.tr("Loading…") if loading and shown else self.tr("Load &more")
        )
        self.copy_button.setEnabled(selected is not None)
        self.open_button.setEnabled(selected is not None)
        deletable = selected is not None and not self.requests.is_deleting(selected.conversation.id)
        self.delete_button.setEnabled(deletable)
        self.copy_action.setEnabled(selected is not None)
        self.delete_action.setEnabled(deletable)
        if shown:
            locale = QLocale()
            shown_text = locale.toString(shown)
            total_text = group_digits(max(total, shown), locale)  # any size of total
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
