"""The main window: repositories, New Conversation, sign-in and sign-out.

Click handlers are plain slots that guard synchronously and hand the work to the task
manager, so a double click, Ctrl+N or Enter while a request is in flight does nothing.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from flashback_desktop.api import errors
from flashback_desktop.api.models import Repository
from flashback_desktop.logging_setup import redact
from flashback_desktop.ui.conversation_panel import ConversationPanel
from flashback_desktop.ui.error_dialog import ErrorDialog
from flashback_desktop.ui.repo_model import RepositoryTableModel
from flashback_desktop.ui.sign_in_dialog import SignInDialog
from flashback_desktop.ui.tasks import TaskManager

if TYPE_CHECKING:  # the session brings httpx and keyring: load them after the first paint
    from flashback_desktop.session.session import Session

log = logging.getLogger("flashback.ui")

LOAD_TASK = "load-repositories"
CREATE_TASK = "create-conversation"
SIGN_IN_TASK = "sign-in"
SIGN_OUT_TASK = "sign-out"

_SIGN_IN_REJECTED = (
    "Flashback did not accept this token. Check that you copied all of it, or ask for a new one."
)


def _plain(exc: BaseException) -> str:
    if isinstance(exc, errors.FlashbackError):
        return f"{exc.message}\n{exc.action}"
    return str(exc)


class _Page:
    LOADING, EMPTY, MESSAGE, TABLE = range(4)


class MainWindow(QMainWindow):
    first_painted = Signal()
    closed = Signal()
    repositories_shown = Signal(int)
    conversation_created = Signal(str)
    dialog_opened = Signal(QWidget)

    def __init__(self, tasks: TaskManager, *, server_label: str, demo: bool = False) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.tasks = tasks
        self.session: Session | None = None
        self.server_label = server_label
        self.demo = demo
        self._painted = False
        self._creating = False
        self._loading = False
        self._sign_in_dialog: SignInDialog | None = None
        self._workspace_names: dict[str, str] = {}
        self.setWindowTitle("Flashback Desktop — Demo" if demo else "Flashback Desktop")
        self.resize(900, 600)
        self._build_actions()
        self._build_widgets()
        self._show_message("Connecting to Flashback…", button=None)

    # ---- construction ----------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.new_conversation_action = QAction("New Conversation", self)
        self.new_conversation_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_conversation_action.triggered.connect(self.start_new_conversation)
        self.refresh_action = QAction("Refresh", self)
        self.refresh_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Refresh), QKeySequence("Ctrl+R")]
        )
        self.refresh_action.triggered.connect(self.refresh)
        self.sign_out_action = QAction("Sign out", self)
        self.sign_out_action.triggered.connect(self.sign_out)
        quit_action = QAction("Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (self.new_conversation_action, self.refresh_action, quit_action):
            self.addAction(action)
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.new_conversation_action)
        file_menu.addAction(self.refresh_action)
        file_menu.addSeparator()
        file_menu.addAction(self.sign_out_action)
        file_menu.addAction(quit_action)

    def _build_widgets(self) -> None:
        self.user_label = QLabel("Not signed in")
        self.user_label.setObjectName("userLabel")
        self.refresh_button = QToolButton()
        self.refresh_button.setDefaultAction(self.refresh_action)
        self.refresh_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.sign_out_button = QToolButton()
        self.sign_out_button.setDefaultAction(self.sign_out_action)
        header = QHBoxLayout()
        header.addWidget(self.user_label, 1)
        header.addWidget(self.refresh_button)
        header.addWidget(self.sign_out_button)

        self.notice = QLabel()
        self.notice.setObjectName("noticeBanner")
        self.notice.setWordWrap(True)
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice.setMargin(6)
        self.notice.setVisible(False)

        self._build_table()
        self._build_pages()
        self.panel = ConversationPanel()
        self.panel.new_conversation_requested.connect(self.start_new_conversation)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(header)
        layout.addWidget(self.notice)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.panel)
        self.setCentralWidget(central)
        self.statusBar().showMessage(
            f"Demo mode: {self.server_label}" if self.demo else f"Server: {self.server_label}"
        )
        self._update_actions()

    def _build_table(self) -> None:
        self.model = RepositoryTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("repositoryTable")
        self.table.setAccessibleName("Repositories")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.activated.connect(lambda _index: self.start_new_conversation())

    def _build_pages(self) -> None:
        self.pages = QStackedWidget()
        self.loading_label = QLabel("Loading repositories…")
        self.empty_label = QLabel(
            "No repositories yet.\nRepositories you can reach on Flashback will appear here."
        )
        self.message_label = QLabel()
        self.message_label.setObjectName("pageMessage")
        self.message_label.setWordWrap(True)
        self.message_button = QPushButton()
        self.message_button.setObjectName("pageMessageButton")
        self.message_button.clicked.connect(self._on_message_button)
        self._message_button_handler: Any = None
        message_page = QWidget()
        message_layout = QVBoxLayout(message_page)
        message_layout.addStretch(1)
        message_layout.addWidget(self.message_label)
        message_layout.addWidget(self.message_button, 0, Qt.AlignmentFlag.AlignHCenter)
        message_layout.addStretch(1)
        for label in (self.loading_label, self.empty_label, self.message_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.loading_label)
        self.pages.addWidget(self.empty_label)
        self.pages.addWidget(message_page)
        self.pages.addWidget(self.table)

    # ---- start-up --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def attach_session(self, session: Session) -> None:
        """Called by the app once the window is on screen and the session is built."""
        self.session = session
        self.tasks.start(LOAD_TASK, self._start_session())

    async def _start_session(self) -> None:
        session = self._require_session()
        self._show_keyring_notice()
        if not await session.restore():
            self._show_signed_out()
            self.ask_sign_in()
            return
        await self._load_everything()

    # ---- repositories ----------------------------------------------------------------------

    def refresh(self) -> None:
        if self.session is None or not self.session.signed_in or self._loading:
            return
        self.tasks.start(LOAD_TASK, self._load_everything())

    async def _load_everything(self) -> None:
        session = self._require_session()
        self._loading = True
        self.pages.setCurrentIndex(_Page.LOADING)
        self._update_actions()
        try:
            workspaces, repositories, profile = await asyncio.gather(
                session.client.list_workspaces(),
                session.client.list_repositories(),
                session.load_profile(),
                return_exceptions=True,
            )
        finally:
            self._loading = False
            self._update_actions()
        failures = [r for r in (repositories, workspaces, profile) if isinstance(r, BaseException)]
        for failure in failures:
            if not isinstance(failure, errors.FlashbackError):
                raise failure  # a bug, not a network problem: the crash handler reports it
        if any(isinstance(f, errors.UnauthorizedError) for f in failures):
            log.info("Loading repositories needs a new sign-in")
            self._show_signed_out()
            self.ask_sign_in(errors.UnauthorizedError.default_message)
            return
        if isinstance(repositories, BaseException):
            log.warning("Loading repositories failed: %s", repositories)
            self._show_message(_plain(repositories), button=("Try again", self.refresh))
            return
        if isinstance(workspaces, BaseException):  # names are a nicety; rows still help
            log.warning("Loading workspace names failed: %s", workspaces)
            workspaces = ()
        if isinstance(profile, BaseException):
            log.warning("Loading the profile failed: %s", profile)
            self.user_label.setText("Signed in")
        else:
            self.user_label.setText(f"Signed in as {profile.display_name} ({profile.email})")
        self._workspace_names = {w.id: w.name for w in workspaces}
        self._show_repositories(repositories)

    def _show_repositories(self, repositories: tuple[Repository, ...]) -> None:
        selected = self.panel.repository.id if self.panel.repository else None
        self.model.set_repositories(repositories, self._workspace_names)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.pages.setCurrentIndex(_Page.TABLE if repositories else _Page.EMPTY)
        if not (selected and self.select_repository(selected)):
            self.panel.set_repository(None)
        log.info("Showing %d repositories", len(repositories))
        self._update_actions()
        self.repositories_shown.emit(len(repositories))

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        self.panel.set_repository(self.model.repository_at(row), self.model.workspace_name_at(row))
        self._update_actions()

    def select_repository(self, repo_id: str) -> bool:
        row = self.model.row_of(repo_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    # ---- new conversation ------------------------------------------------------------------

    def start_new_conversation(self) -> None:
        """Synchronous guard: at most one create request at a time, whatever triggered it."""
        repository = self.panel.repository
        if self._creating or repository is None or self.session is None:
            return
        self._creating = True
        self.panel.set_busy(True)
        self.panel.clear_result()
        self._update_actions()
        self.tasks.start(CREATE_TASK, self._create_conversation(repository))

    async def _create_conversation(self, repository: Repository) -> None:
        session = self._require_session()
        try:
            created = await session.client.create_conversation(repository.id)
        except errors.FlashbackError as exc:
            log.warning("Creating a conversation for repository %s failed: %s", repository.id, exc)
            self._report_create_failure(repository, exc)
        else:
            log.info("Created conversation %s", created.conversation_id)
            self.panel.show_created(created.conversation_id)
            self.conversation_created.emit(created.conversation_id)
        finally:
            self._creating = False
            self.panel.set_busy(False)
            self._update_actions()

    def _report_create_failure(self, repository: Repository, exc: errors.FlashbackError) -> None:
        headline = f"Flashback couldn't start a conversation for “{repository.name}”."
        message, action = exc.message, exc.action
        primary: str | None = None
        on_primary: Any = None
        if isinstance(exc, errors.UnauthorizedError):
            primary, on_primary = "Sign in again", lambda: self.ask_sign_in(exc.message)
        elif isinstance(exc, errors.NotFoundError):
            self.refresh()
        elif isinstance(exc, errors.RequestTimeoutError | errors.ConnectionDroppedError):
            message = f"{exc.message} The conversation may or may not have been created."
            action = "Wait a moment, then refresh before trying again, so you don't start it twice."
        dialog = self.show_error(headline, message, action, exc.details.as_text(), primary)
        if on_primary is not None:
            dialog.primary_chosen.connect(on_primary)

    # ---- sign-in and sign-out --------------------------------------------------------------

    @property
    def sign_in_dialog(self) -> SignInDialog | None:
        return self._sign_in_dialog

    def ask_sign_in(self, reason: str | None = None) -> None:
        if self._sign_in_dialog is not None:
            self._sign_in_dialog.raise_()
            self._sign_in_dialog.activateWindow()
            return
        dialog = SignInDialog(self, server=self.server_label, reason=reason)
        dialog.token_entered.connect(self._on_token_entered)
        dialog.finished.connect(self._on_sign_in_closed)
        self._sign_in_dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _on_sign_in_closed(self, _result: int) -> None:
        if self._sign_in_dialog is not None:
            self._sign_in_dialog.deleteLater()
        self._sign_in_dialog = None

    def _on_token_entered(self, token: str) -> None:
        if self.tasks.is_running(SIGN_IN_TASK) or self._sign_in_dialog is None:
            return
        self.tasks.start(SIGN_IN_TASK, self._sign_in(self._sign_in_dialog, token))

    async def _sign_in(self, dialog: SignInDialog, token: str) -> None:
        session = self._require_session()
        dialog.set_busy(True)
        try:
            await session.sign_in_with_token(token)
        except errors.UnauthorizedError:
            dialog.show_error(_SIGN_IN_REJECTED)
            return
        except errors.FlashbackError as exc:
            log.warning("Sign-in failed: %s", exc)
            dialog.show_error(f"{exc.message} {exc.action}")
            return
        finally:
            dialog.set_busy(False)
        dialog.accept()
        self._show_keyring_notice()
        await self._load_everything()

    def sign_out(self) -> None:
        if self.session is None or self.tasks.is_running(SIGN_OUT_TASK):
            return
        self.tasks.start(SIGN_OUT_TASK, self._sign_out())

    async def _sign_out(self) -> None:
        await self._require_session().sign_out()
        self._show_signed_out()
        self.ask_sign_in()

    def _show_signed_out(self) -> None:
        self.model.clear()
        self.panel.set_repository(None)
        self.panel.clear_result()
        self.user_label.setText("Not signed in")
        self._show_message("You are not signed in.", button=("Sign in", self.ask_sign_in))

    # ---- shared helpers --------------------------------------------------------------------

    def show_error(
        self, headline: str, message: str, action: str, details: str, primary: str | None = None
    ) -> ErrorDialog:
        dialog = ErrorDialog(
            self,
            headline=headline,
            message=message,
            action=action,
            details=redact(details),
            primary_action=primary,
        )
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _show_message(self, text: str, button: tuple[str, Any] | None) -> None:
        self.message_label.setText(text)
        self.message_button.setVisible(button is not None)
        if button is not None:
            self.message_button.setText(button[0])
            self._message_button_handler = button[1]
        self.pages.setCurrentIndex(_Page.MESSAGE)
        self._update_actions()

    def _on_message_button(self) -> None:
        if self._message_button_handler is not None:
            self._message_button_handler()

    def _show_keyring_notice(self) -> None:
        problem = self.session.keyring_problem if self.session else None
        self.notice.setVisible(problem is not None)
        if problem is not None:
            self.notice.setText(f"{problem.message} {problem.action}")

    def _update_actions(self) -> None:
        signed_in = self.session is not None and self.session.signed_in
        self.refresh_action.setEnabled(signed_in and not self._loading)
        self.sign_out_action.setEnabled(signed_in)
        self.new_conversation_action.setEnabled(
            self.panel.repository is not None and not self._creating
        )

    def _require_session(self) -> Session:
        if self.session is None:
            raise RuntimeError("The window has no session yet")
        return self.session

    def closeEvent(self, event: QCloseEvent) -> None:
        log.info("Main window closed")
        super().closeEvent(event)
        self.closed.emit()
