"""The main window as a person sees it: what GUI tests do and read, not how it is built.

Tests ask the page (``select(name)``, ``new_conversation()``, ``created_id``) instead of
reading the window's attributes, so a redesign of the window changes the pages in
tests/support, not every test. The parts have their own pages: ``panel`` (New
Conversation), ``history`` (Recent conversations), ``sign_in_dialog``. Signals are waits:
``with page.wait_repositories_shown(qtbot): ...``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QMenu,
    QSplitter,
)
from pytestqt.qtbot import QtBot
from pytestqt.wait_signal import SignalBlocker

from flashback_desktop.ui.error_dialog import ErrorDialog
from flashback_desktop.ui.main_content import MainContent
from flashback_desktop.ui.main_window import MainWindow
from tests.support.history_page import HistoryPage
from tests.support.menus_page import MenusPage
from tests.support.panel_page import PanelPage
from tests.support.repository_list_page import RepositoryListPart
from tests.support.sign_in_page import SignInDialogPage

TIMEOUT_MS = 10_000


def _plain(text: str) -> str:
    """A menu or button label as read: no mnemonic ampersand, no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…")


class MainPage(RepositoryListPart):
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    @property
    def _content(self) -> MainContent:
        return self.window.content

    # ---- the parts ---------------------------------------------------------------------------

    @property
    def panel(self) -> PanelPage:
        return PanelPage(self._content.panel)

    @property
    def history(self) -> HistoryPage:
        return HistoryPage(self._content.history)

    @property
    def menus(self) -> MenusPage:
        """What the File and Help menus open (Settings, About, the user guide)."""
        return MenusPage(self._content)

    @property
    def sign_in_dialog(self) -> SignInDialogPage | None:
        """The sign-in dialog while it is open, else None."""
        dialog = self._content.sign_in_dialog
        return SignInDialogPage(dialog) if dialog is not None else None

    def wait_sign_in_dialog(self, qtbot: QtBot, timeout: int = TIMEOUT_MS) -> SignInDialogPage:
        """Wait until the sign-in dialog is open and shown."""
        qtbot.waitUntil(lambda: self._content.sign_in_dialog is not None, timeout=timeout)
        dialog = self.sign_in_dialog
        assert dialog is not None
        qtbot.waitUntil(dialog.dialog.isVisible, timeout=timeout)
        return dialog

    def wait_sign_in_dialog_closed(self, qtbot: QtBot, timeout: int = 5000) -> None:
        qtbot.waitUntil(lambda: self._content.sign_in_dialog is None, timeout=timeout)

    # ---- the header: who is signed in ------------------------------------------------------

    @property
    def user_text(self) -> str:
        return self._content.user_label.text()

    @property
    def user_label(self) -> QLabel:
        """The label itself, for checks of how it renders (plain text, eliding)."""
        return self._content.user_label

    def sign_in_offered(self) -> bool:
        """The header's Sign in button is there (not hidden; true before the window shows)."""
        return not self._content.sign_in_button.isHidden()

    def sign_out_offered(self) -> bool:
        return not self._content.sign_out_button.isHidden()

    @property
    def sign_in_button(self) -> QAbstractButton:
        return self._content.sign_in_button

    @property
    def sign_out_button(self) -> QAbstractButton:
        return self._content.sign_out_button

    @property
    def refresh_button(self) -> QAbstractButton:
        return self._content.refresh_button

    def notice_shown(self) -> bool:
        return self._content.notice.isVisible()

    @property
    def notice(self) -> str:
        """The header's notice ("" when hidden)."""
        return self._content.notice.text() if self.notice_shown() else ""

    # ---- the connection banner -------------------------------------------------------------

    def banner_shown(self) -> bool:
        return self._content.connection_banner.isVisible()

    @property
    def banner(self) -> str:
        """The offline banner's sentence ("" when hidden)."""
        banner = self._content.connection_banner
        return banner.label.text() if self.banner_shown() else ""

    @property
    def banner_retry_button(self) -> QAbstractButton:
        return self._content.connection_banner.retry_button

    def show_banner_for(self, reason: str) -> None:
        """The banner as after a failed attempt to reach the server (``reason`` is its text)."""
        self._content.connection_banner.attempt_failed(reason)

    def set_banner_delays(self, delays_s: tuple[float, ...]) -> None:
        """How long the banner waits before each retry (short in tests)."""
        self._content.connection_banner.delays_s = delays_s

    def retry_now(self) -> None:
        """A click on the banner's Retry now."""
        self._content.connection_banner.retry_button.click()

    # ---- actions (menus and shortcuts) -------------------------------------------------

    def new_conversation(self) -> None:
        """Ctrl+N, or the File menu's New Conversation."""
        self._content.new_conversation_action.trigger()

    def start_new_conversation_regardless(self) -> None:
        """What a press that slipped past a disabled button or action reaches."""
        self._content.start_new_conversation()

    def can_start_new_conversation(self) -> bool:
        return self._content.new_conversation_action.isEnabled()

    @property
    def new_conversation_action(self) -> QAction:
        return self._content.new_conversation_action

    def refresh(self) -> None:
        """F5, or View → Refresh."""
        self._content.refresh_action.trigger()

    @property
    def refresh_action(self) -> QAction:
        return self._content.refresh_action

    def copy_id(self) -> None:
        """Edit → Copy ID."""
        self._content.copy_id_action.trigger()

    def can_copy_id(self) -> bool:
        return self._content.copy_id_action.isEnabled()

    def sign_in(self) -> None:
        """File → Sign in…"""
        self._content.sign_in_action.trigger()

    def can_sign_in(self) -> bool:
        return self._content.sign_in_action.isEnabled()

    def sign_out(self) -> None:
        """File → Sign out."""
        self._content.sign_out_action.trigger()

    def menu_action(self, menu: str, item: str) -> QAction:
        """An item of the menu bar by the words a person reads ("File", "Settings")."""
        for top in self.window.menuBar().actions():
            items = top.menu()
            if not isinstance(items, QMenu) or _plain(top.text()) != menu:
                continue
            for action in items.actions():
                if _plain(action.text()) == item:
                    return action
        raise LookupError(f"{menu} → {item}")

    def choose(self, menu: str, item: str) -> None:
        """Choose a menu item by its words (the action's trigger, as a click on it)."""
        self.menu_action(menu, item).trigger()

    # ---- created, found, dialogs -----------------------------------------------------------

    @property
    def created_id(self) -> str:
        """The conversation ID shown in the panel ("" when none)."""
        return self._content.panel.result_id.text()

    def wait_created(self, qtbot: QtBot, timeout: int = TIMEOUT_MS) -> SignalBlocker:
        """A conversation was created; ``.args[0]`` is its ID."""
        return qtbot.waitSignal(self._content.conversation_created, timeout=timeout)

    def tell_created(self, conversation_id: str) -> None:
        """What the window tells its parts when a conversation was created (here: one made
        elsewhere, which Recent conversations must place, or not, by its repository)."""
        self._content.conversation_created.emit(conversation_id)

    def on_found(self, callback: Callable[[str], object]) -> None:
        """Call ``callback`` with the ID of each conversation found after a lost answer."""
        self._content.conversation_found.connect(callback)

    def wait_found(self, qtbot: QtBot, timeout: int = TIMEOUT_MS) -> SignalBlocker:
        """A conversation whose answer was lost was found; ``.args[0]`` is its ID."""
        return qtbot.waitSignal(self._content.conversation_found, timeout=timeout)

    def wait_dialog(self, qtbot: QtBot, timeout: int = TIMEOUT_MS) -> SignalBlocker:
        """The window opened a dialog (an error, a question); ``.args[0]`` is it."""
        return qtbot.waitSignal(self._content.dialog_opened, timeout=timeout)

    def show_error(self, headline: str, text: str, action: str, details: str) -> ErrorDialog:
        """Open an error dialog as the window opens every one (its one presenter)."""
        return self._content.show_error(headline, text, action, details)

    @property
    def splitter(self) -> QSplitter:
        """The handle between the repository list and Recent conversations."""
        return self._content.splitter

    def open_conversation(self, conversation_id: str) -> None:
        """Open a conversation of the selected repository in its own window."""
        self._content.open_conversation(conversation_id, self._content.panel.repository)

    def set_lookup_delays(self, delays_s: tuple[float, ...]) -> None:
        """How long the app waits between looks for a conversation whose answer was lost."""
        service = self._content.creating.service
        if service is None:
            raise RuntimeError("The window has no session yet")
        service.lookup_delays_s = delays_s
