"""The main window's content: repositories, New Conversation, sign-in and sign-out.

Built once the frame (ui/main_window.py) has painted: app.py imports this module then.
Click handlers are plain slots that guard synchronously and hand the work to the task
manager, so a double click, Ctrl+N or Enter while a request is in flight does nothing.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QSplitter,
    QWidget,
)

from flashback_desktop.api.models import Repository
from flashback_desktop.config import ServerChoice
from flashback_desktop.i18n import message
from flashback_desktop.session import conversation_service
from flashback_desktop.ui import (
    account_header,
    app_menus,
    connection_banner,
    content_layout,
    conversation_panel,
    copy_id,
    error_dialog,
    history_panel,
    long_text,
    new_conversation,
    repository_list,
    repository_loading,
    sign_in_flow,
    window_actions,
)
from flashback_desktop.ui.error_presenter import ErrorPresenter
from flashback_desktop.ui.main_window import MainWindow
from flashback_desktop.ui.repository_loading import LOAD_TASK
from flashback_desktop.ui.sign_in_dialog import SignInDialog
from flashback_desktop.ui.tasks import TaskManager

if TYPE_CHECKING:
    from flashback_desktop.session.session import Session, SignOutResult

log = logging.getLogger("flashback.ui")

SIGN_OUT_TASK = "sign-out"


@dataclass(frozen=True)
class _AfterSignIn:
    user_id: str
    callback: Callable[[], None]


class MainContent(QObject):
    """Everything inside the frame: actions and menus, the list, the panel, the sign-in flow."""

    repositories_shown = Signal(int)
    conversation_created = Signal(str)
    # After "may have been created": found on the server (its ID), or still not known.
    conversation_found = Signal(str)
    creation_unresolved = Signal()
    dialog_opened = Signal(QWidget)
    server_choice: ServerChoice | None = None  # set by the app; Settings and About show it

    def __init__(self, window: MainWindow, tasks: TaskManager) -> None:
        super().__init__(window)
        self.window = window
        self.tasks = tasks
        self.session: Session | None = None
        # What to carry on with after the next sign-in, if the same person signs in.
        self._after_sign_in: _AfterSignIn | None = None
        self._sign_in_expired_shown = False
        # Until the saved sign-in has been read (and the first list loaded): neither
        # "Not signed in" nor Sign out would be true yet.
        self._connecting = True
        self.sign_in_flow = sign_in_flow.SignInFlow(window, tasks, server_label=window.server_label)
        self.sign_in_flow.signed_in.connect(self._on_signed_in)
        self.sign_in_flow.cancelled.connect(self._on_sign_in_cancelled)
        self.sign_in_flow.dialog_opened.connect(self.dialog_opened)
        # Every error dialog of the window, Recent conversations' too, opens here.
        self.errors = ErrorPresenter(lambda: window)
        self.errors.dialog_opened.connect(self.dialog_opened)
        self._build_actions()
        self._build_widgets()
        self.repos.show_message(self.tr("Connecting to Flashback…"), button=None)
        self._focus_list_when_shown = True  # the first list shown, and after each sign-in
        window.brought_to_front.connect(self.sign_in_flow.raise_dialog)
        window.content = self
        window.built = True

    # ---- construction ----------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.actions = actions = window_actions.WindowActions(self.window)
        # Under the names the window had for them (tests, the soak and the benchmarks).
        self.new_conversation_action = actions.new_conversation
        self.refresh_action, self.copy_id_action = actions.refresh, actions.copy_id
        self.sign_in_action, self.sign_out_action = actions.sign_in, actions.sign_out
        self.edit_menu = actions.edit_menu
        actions.new_conversation.triggered.connect(self.start_new_conversation)
        actions.refresh.triggered.connect(self.refresh)
        actions.sign_out.triggered.connect(self.sign_out)
        # Not connected directly: triggered(bool) would become the reason.
        actions.sign_in.triggered.connect(self._on_sign_in_action)
        # Settings in File, and Help.
        self.app_menus = app_menus.AppMenus(self, actions.file_menu, before=actions.quit)

    def _build_widgets(self) -> None:
        self.header = account_header.AccountHeader(self.actions)
        # Under the names the window had for them (tests, the soak and the benchmarks).
        self.user_label, self.notice = self.header.user_label, self.header.notice
        self.refresh_button = self.header.refresh_button
        self.sign_in_button = self.header.sign_in_button
        self.sign_out_button = self.header.sign_out_button
        self._build_list()
        self.connection_banner = connection_banner.ConnectionBanner()
        self.connection_banner.retry_requested.connect(self.refresh)
        self.loader = repository_loading.RepositoryLoader(
            self.repos, self.connection_banner, self.tasks
        )
        self.loader.loading_changed.connect(self._update_actions)
        self.loader.answered.connect(self._on_load_answered)
        self.loader.reached.connect(self._on_load_reached)
        self.loader.needs_sign_in.connect(self._sign_in_expired)
        self.loader.shown.connect(self._on_list_shown)

        self.panel = conversation_panel.ConversationPanel()
        self.panel.new_conversation_requested.connect(self.start_new_conversation)
        self._build_new_conversation()

        self.window.setCentralWidget(
            content_layout.central_widget(
                self.header, self.connection_banner, self.repos, self._build_history_splitter()
            )
        )
        # A widget, not a message: a menu's status tips would erase a message for good.
        self.server_status = long_text.ElidedLabel(
            self.tr("Demo mode: {server}").format(server=self.window.server_label)
            if self.window.demo
            else self.tr("Server: {server}").format(server=self.window.server_label)
        )
        self.server_status.setObjectName("serverStatus")
        self.window.statusBar().addWidget(self.server_status, 1)
        self.copier = copy_id.CopyConversationId(
            self.window, self.copy_id_action, self.panel, self.history
        )
        content_layout.set_tab_order(
            self.header, self.connection_banner, self.repos, self.panel, self.history
        )
        self._update_actions()

    def _build_list(self) -> None:
        self.repos = repository_list.RepositoryList(self.window, self.edit_menu)
        self.repos.repository_selected.connect(self._on_repository_selected)
        self.repos.activated.connect(self.start_new_conversation)
        # The list's parts under the names the window had for them (tests, window_state).
        self.model, self.table, self.pages = self.repos.model, self.repos.table, self.repos.pages
        self.filter_bar, self.column_fitter = self.repos.filter_bar, self.repos.column_fitter
        self.filter_edit = self.filter_bar.filter_edit
        self.workspace_combo = self.filter_bar.workspace_combo
        self.message_label, self.message_button = (
            self.repos.message_label,
            self.repos.message_button,
        )
        self.loading_label, self.empty_label = self.repos.loading_label, self.repos.empty_label

    def _build_new_conversation(self) -> None:
        self.creating = new_conversation.NewConversation(self.panel, self.tasks, self.errors)
        self.creating.busy_changed.connect(self._on_create_busy)
        self.creating.started.connect(self._forget_after_sign_in)
        self.creating.created.connect(self.conversation_created)
        self.creating.found.connect(self.conversation_found)
        self.creating.unresolved.connect(self.creation_unresolved)
        self.creating.needs_sign_in.connect(self._on_create_needs_sign_in)
        self.creating.repository_gone.connect(self.refresh)

    def _build_history_splitter(self) -> QSplitter:
        """Recent conversations, wired; below the list (ui/content_layout.py lays them out)."""
        self.history = history_panel.HistoryPanel(self.tasks, self.errors)
        self.history.dialog_opened.connect(self.dialog_opened)  # its delete confirmation
        self.history.open_requested.connect(self.open_conversation)
        self.panel.open_requested.connect(self.open_conversation)
        self.panel.repository_changed.connect(self.history.set_repository)
        for created in (self.conversation_created, self.conversation_found):
            created.connect(self.history.conversation_created)
        self.repositories_shown.connect(lambda _count: self.history.reload())
        self.splitter = content_layout.history_splitter(self.pages, self.panel, self.history)
        return self.splitter

    # ---- start-up --------------------------------------------------------------------------

    def attach_session(self, session: Session, demo_account: tuple[str, str] | None = None) -> None:
        """Called by the app once the window is on screen and the session is built."""
        self.session = session
        # Creates conversations and decides what a lost answer means (session/).
        self.creating.service = conversation_service.ConversationService(session)
        self.history.session = session
        self.loader.session = session
        self.sign_in_flow.session = session
        self.sign_in_flow.demo_account = demo_account
        self.tasks.start(LOAD_TASK, self._start_session())

    async def _start_session(self) -> None:
        session = self._require_session()
        self._show_keyring_notice()
        try:
            if not await session.restore():
                self._connecting = False
                self._show_signed_out()
                note = session.restore_note  # a saved sign-in that could not be read, say
                self.ask_sign_in(message(note) if note else None)
                return
            await self._load_everything()
        finally:
            if self._connecting:  # a start that ended early must not leave "Connecting…"
                self._connecting = False
                self._show_profile()

    # ---- repositories ----------------------------------------------------------------------

    def refresh(self) -> None:
        self.loader.refresh()

    async def _load_everything(self) -> bool:
        return await self.loader.load()

    def _on_load_answered(self) -> None:
        self._connecting = False  # whatever the answer, it is known now
        self._show_profile()

    def _on_load_reached(self) -> None:
        self._show_profile()
        self._show_keyring_notice()  # a renewal on the way may have met keyring trouble

    def _on_list_shown(self, count: int) -> None:
        if self._focus_list_when_shown:
            self._focus_list_when_shown = False
            self.repos.focus_table_unless_typing()
        log.info("Showing %d repositories", count)
        self.repositories_shown.emit(count)

    def select_repository(self, repo_id: str) -> bool:
        return self.repos.select_repository(repo_id)

    def _on_repository_selected(self, repository: Repository | None, workspace_name: str) -> None:
        self.panel.set_repository(repository, workspace_name)
        self._update_actions()

    # ---- new conversation ------------------------------------------------------------------

    def start_new_conversation(self) -> None:
        self.creating.press()

    def _on_create_busy(self, busy: bool) -> None:
        self._update_actions()
        if not busy:
            self._show_keyring_notice()  # a renewal on the way may have met keyring trouble

    def _on_create_needs_sign_in(self, user_id: str | None, repo_id: str) -> None:
        if user_id is not None:  # nothing was created (auth is checked first): carry on later
            self.after_next_sign_in(user_id, lambda: self._resume_create(repo_id))
        self._sign_in_expired()

    def _resume_create(self, repo_id: str) -> None:
        if self.select_repository(repo_id):
            log.info("Resuming the New Conversation the sign-in interrupted")
            self.creating.start()  # not a press: the press that asked was before the sign-in

    # ---- sign-in and sign-out --------------------------------------------------------------

    @property
    def sign_in_dialog(self) -> SignInDialog | None:
        return self.sign_in_flow.dialog

    def ask_sign_in(self, reason: str | None = None) -> None:
        self.sign_in_flow.ask(reason)

    def _on_sign_in_action(self) -> None:
        # Not connected directly: triggered(bool) would become the reason.
        if self._sign_in_expired_shown:
            self._ask_sign_in_again()
        else:
            self.ask_sign_in()

    def _sign_in_expired(self) -> None:
        """The session ran out and could not be renewed: keep everything shown, ask again."""
        self.connection_banner.stop()  # Flashback answered: reaching it is not the problem
        self._sign_in_expired_shown = True
        self._show_profile()
        if self.repos.has_rows:
            self.repos.show_list_page()  # not a loading page that never ends
        else:
            self.repos.show_message(
                self.tr("Your sign-in has expired."),
                button=(self.tr("Sign in"), self._ask_sign_in_again),
            )
        self._update_actions()
        self._ask_sign_in_again()

    def _ask_sign_in_again(self) -> None:
        """The same person, whose sign-in ran out: their email is filled in."""
        profile = self.session.profile if self.session else None
        self.sign_in_flow.ask(
            self.tr(
                "Your sign-in has expired. Sign in again and Flashback Desktop will carry on "
                "where you left off."
            ),
            email=profile.email if profile is not None else "",
        )

    def after_next_sign_in(self, user_id: str, callback: Callable[[], None]) -> None:
        """Carry on with ``callback`` once ``user_id`` has signed in again and the list loaded.

        Forgotten when the sign-in is cancelled, fails to load, or is someone else's."""
        self._after_sign_in = _AfterSignIn(user_id, callback)

    def _forget_after_sign_in(self) -> None:
        self._after_sign_in = None

    def _on_sign_in_cancelled(self) -> None:
        self._forget_after_sign_in()  # carrying on later, unasked, would surprise the person

    def _on_signed_in(self) -> None:
        self._sign_in_expired_shown = False
        self._show_keyring_notice()
        self._show_profile()
        self._focus_list_when_shown = True
        self.tasks.start(LOAD_TASK, self._load_then_resume())

    async def _load_then_resume(self) -> None:
        """After a sign-in: reload, then carry on with what it interrupted, if anything.

        Only this load may resume: a retry minutes later must not create anything unasked.
        """
        loaded = await self._load_everything()
        # Read after the load: a press meanwhile has replaced what was waiting.
        pending, self._after_sign_in = self._after_sign_in, None
        if not loaded or pending is None:
            return
        profile = self.session.profile if self.session else None
        if profile is not None and pending.user_id == profile.id:
            pending.callback()

    def sign_out(self) -> None:
        if self.session is None or self.tasks.is_running(SIGN_OUT_TASK):
            return
        self.tasks.start(SIGN_OUT_TASK, self._sign_out())

    async def _sign_out(self) -> None:
        # What was under way belonged to the old sign-in: its answers must not show up now
        # (Session.sign_out bumps its generation before its first await).
        self.connection_banner.stop()
        self.tasks.cancel(LOAD_TASK)
        result: SignOutResult = await self._require_session().sign_out()
        self._forget_after_sign_in()
        self._sign_in_expired_shown = False
        self._show_signed_out()
        self.header.show_signed_out_notice(result)
        self.ask_sign_in()

    def _show_signed_out(self) -> None:
        self.connection_banner.stop()  # nothing to load until someone signs in
        # They belonged to the old sign-in. None is open if their module was never loaded
        # (see open_conversation): importing it here would freeze the sign-out.
        windows = sys.modules.get("flashback_desktop.ui.conversation_window")
        if windows is not None:
            windows.close_all()
        self.repos.clear()  # and with it the selection
        self.panel.clear_result()
        # Nothing of theirs stays: the repository, its conversations' titles, a page on its way.
        self.panel.set_repository(None)  # and so Recent conversations (repository_changed)
        self._show_profile()
        self.repos.show_message(
            self.tr("You are not signed in."), button=(self.tr("Sign in"), self.ask_sign_in)
        )

    def _show_profile(self) -> None:
        self.header.show_profile(
            self.session, connecting=self._connecting, expired=self._sign_in_expired_shown
        )
        self._update_actions()

    # ---- shared helpers --------------------------------------------------------------------

    def show_error(
        self, headline: str, text: str, action: str, details: str
    ) -> error_dialog.ErrorDialog:
        return self.errors.show(headline, text, action, details)

    def _show_keyring_notice(self) -> None:
        self.header.show_keyring_notice(self.session)

    def _update_actions(self) -> None:
        signed_in = self.session is not None and self.session.signed_in
        self.refresh_action.setEnabled(signed_in and not self.loader.loading)
        self.sign_out_action.setEnabled(signed_in and not self._connecting)
        # The header offers one of the two, and neither while the answer is not known.
        needs_sign_in = not signed_in or self._sign_in_expired_shown
        self.sign_in_action.setEnabled(needs_sign_in and not self._connecting)
        self.header.offer(
            sign_in=needs_sign_in and not self._connecting,
            sign_out=signed_in and not needs_sign_in and not self._connecting,
        )
        self.new_conversation_action.setEnabled(
            self.panel.repository is not None and not self.creating.busy
        )
        self.copier.update()

    def open_conversation(self, conversation_id: str, repository: Repository | None) -> None:
        """Its own window (ui/conversation_window.py); an expired sign-in asks here."""
        # Imported on first use: it brings the client and the chat service (httpx, Markdown).
        from flashback_desktop.ui.conversation_window import open_conversation  # noqa: PLC0415

        if self.session is not None:
            open_conversation(
                conversation_id,
                repository,
                session=self.session,
                tasks=self.tasks,
                ask_sign_in=self._sign_in_expired,
                near=self.window,
            )

    def _require_session(self) -> Session:
        if self.session is None:
            raise RuntimeError("The window has no session yet")
        return self.session


def build_main_window(tasks: TaskManager, *, server_label: str, demo: bool = False) -> MainWindow:
    """The frame with its content at once (tests, benchmarks, the self-test); the app builds
    the content only after the frame has painted."""
    window = MainWindow(server_label=server_label, demo=demo)
    MainContent(window, tasks)
    return window
