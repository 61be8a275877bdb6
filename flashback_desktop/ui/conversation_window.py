"""One conversation in its own window: its messages, a prompt box, and the reply.

The window does the showing; ConversationChat (session/conversation_chat.py) decides what
a send came to. Every request runs as a task of the app's TaskManager, so the window never
freezes; one send at a time, the box cleared only once Flashback accepted the prompt, and
an unclear outcome said as it is. One window per conversation: opening it again raises it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flashback_desktop.api import errors
from flashback_desktop.api.chat_models import ROLE_ASSISTANT, ConversationMessages
from flashback_desktop.api.models import Repository
from flashback_desktop.session import conversation_chat as chat
from flashback_desktop.session.session import Session
from flashback_desktop.ui import chat_words
from flashback_desktop.ui.accessibility import announce, describe, set_tab_order
from flashback_desktop.ui.copy_feedback import show_copied
from flashback_desktop.ui.follow_end import FollowEnd
from flashback_desktop.ui.long_text import ElidedLabel
from flashback_desktop.ui.message_delegate import MessageDelegate
from flashback_desktop.ui.message_list import MessageListView
from flashback_desktop.ui.message_model import MessageListModel
from flashback_desktop.ui.message_reader import MessageReader
from flashback_desktop.ui.model_choice import ModelChoice
from flashback_desktop.ui.prompt_sending import PromptSending
from flashback_desktop.ui.server_words import repository_name
from flashback_desktop.ui.tasks import TaskManager

log = logging.getLogger("flashback.ui")

REPLY_DEADLINE_S = 120.0  # how long the window waits for a reply before saying so
_windows: dict[str, ConversationWindow] = {}


def open_conversation(
    conversation_id: str,
    repository: Repository | None,
    *,
    session: Session,
    tasks: TaskManager,
    ask_sign_in: Callable[[], object] | None = None,
    near: QWidget | None = None,
) -> ConversationWindow:
    """Show the conversation's window, making it the first time; raise it after that."""
    window = _windows.get(conversation_id)
    new = window is None
    if window is None:
        window = ConversationWindow(conversation_id, repository, session.chat(), tasks, ask_sign_in)
        _windows[conversation_id] = window
    window.show()
    if new and near is not None:  # over the main window, on its screen (after show: some
        _place_over(window, near)  # window managers place a new window where they like)
    window.raise_()
    window.activateWindow()
    return window


def _place_over(window: QWidget, near: QWidget) -> None:
    area = near.screen().availableGeometry()
    size = window.size().boundedTo(area.size())
    window.resize(size)
    frame = QRect(QPoint(0, 0), size)
    frame.moveCenter(near.frameGeometry().center())
    frame.moveTop(max(area.top(), min(frame.top(), area.bottom() - size.height() - 40)))
    frame.moveLeft(max(area.left(), min(frame.left(), area.right() - size.width())))
    window.move(frame.topLeft())


def close_all() -> None:
    """After a sign-out: the conversations were the old sign-in's, not for the next person."""
    for window in list(_windows.values()):
        window.close()


def open_windows() -> dict[str, ConversationWindow]:
    return dict(_windows)


class ConversationWindow(QWidget):
    def __init__(
        self,
        conversation_id: str,
        repository: Repository | None,
        conversation_chat: chat.ConversationChat,
        tasks: TaskManager,
        ask_sign_in: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("conversationWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.conversation_id = conversation_id
        self.repository = repository
        self.tasks = tasks
        self.chat = conversation_chat
        self.reply_deadline_s = REPLY_DEADLINE_S
        self._ask_sign_in = ask_sign_in
        self._gone = False
        self._loaded = False  # the first read is shown, not announced message by message
        self._task = f"chat-{conversation_id}"
        self.sending = PromptSending(self)  # the send, the wait and their Cancel
        # Only an empty aiLlms list says "none": unknown (absent) still lets a person send.
        self.no_model = repository is not None and repository.ai_configured is False
        self._build()
        self.resize(720, 640)
        self._set_title("")
        self._update_controls()
        self.prompt_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.reload()
        if repository is not None and not self.no_model:
            self.tasks.start(f"{self._task}-models", self._load_models(repository))

    # ---- construction ------------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = ElidedLabel("")
        self.title_label.setObjectName("conversationTitle")
        bold = self.title_label.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.title_label.setFont(bold)
        self.model = MessageListModel(self)
        self.list = MessageListView()  # rows measured where the person looks
        self.list.setObjectName("messageList")
        self.list.setModel(self.model)
        self.delegate = MessageDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Always there, so the width does not change (and every message re-laid out) once
        # the messages fill the list.
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.follow_end = FollowEnd(self.list)
        self.list.setWordWrap(True)
        self.list.setMouseTracking(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        describe(
            self.list,
            self.tr("Messages"),
            self.tr(
                "The conversation's messages, oldest first. Ctrl+C copies the selected one; "
                "Enter shows it on its own, to select part of it."
            ),
        )
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._update_controls())
        self.list.activated.connect(self.read_message)  # Enter or a double-click
        self._build_list_buttons()
        list_buttons = QHBoxLayout()
        list_buttons.addStretch(1)
        list_buttons.addWidget(self.refresh_button)
        list_buttons.addWidget(self.copy_button)

        self._build_prompt()
        send_row = QHBoxLayout()
        send_row.addWidget(self.wait_label, 1)
        send_row.addWidget(self.cancel_button)
        send_row.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.list, 1)
        layout.addLayout(list_buttons)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.model_choice)
        layout.addWidget(self.no_model_label)
        layout.addWidget(self.prompt_edit)
        layout.addLayout(send_row)
        set_tab_order(
            self.prompt_edit,
            self.send_button,
            self.cancel_button,
            self.model_combo,
            self.list,
            self.refresh_button,
            self.copy_button,
        )
        self._build_shortcuts()

    def _build_list_buttons(self) -> None:
        self.copy_button = QPushButton(self.tr("&Copy message"))
        self.copy_button.setObjectName("copyMessageButton")
        describe(
            self.copy_button,
            self.tr("Copy message"),
            self.tr("Copies the whole text of the selected message"),
        )
        self.copy_button.clicked.connect(self.copy_selected)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setObjectName("refreshMessagesButton")
        describe(
            self.refresh_button,
            self.tr("Refresh messages"),
            self.tr("Reads this conversation's messages again (F5)"),
        )
        self.refresh_button.clicked.connect(self.reload)

    def _build_prompt(self) -> None:
        self.notice_label = QLabel()
        self.notice_label.setObjectName("chatNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice_label.setMargin(6)
        self.notice_label.setVisible(False)

        self.model_choice = ModelChoice()
        self.model_combo = self.model_choice.combo
        self.no_model_label = QLabel(
            self.tr(
                "This repository has no AI model, so it cannot answer prompts. Ask your "
                "Flashback administrator to connect an AI model to it."
            )
        )
        self.no_model_label.setObjectName("noModelLabel")
        self.no_model_label.setWordWrap(True)

        self.prompt_edit = QPlainTextEdit()
        self.prompt_edit.setObjectName("promptEdit")
        self.prompt_edit.setTabChangesFocus(True)
        self.prompt_edit.setPlaceholderText(
            self.tr("Ask about this repository… (Ctrl+Enter sends)")
        )
        self.prompt_edit.setFixedHeight(self.prompt_edit.fontMetrics().lineSpacing() * 4 + 16)
        describe(
            self.prompt_edit,
            self.tr("Your prompt"),
            self.tr("Type your question; Ctrl+Enter sends it"),
        )
        self.prompt_edit.textChanged.connect(self._update_controls)
        self.send_button = QPushButton(self.tr("&Send"))
        self.send_button.setObjectName("sendButton")
        describe(self.send_button, self.tr("Send"), self.tr("Sends your prompt (Ctrl+Enter)"))
        self.send_button.clicked.connect(self.send)
        self.wait_label = QLabel()
        self.wait_label.setObjectName("waitLabel")
        self.wait_label.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelWaitButton")
        describe(
            self.cancel_button,
            self.tr("Stop waiting"),
            self.tr("Stops waiting for the reply; Refresh shows it once it has come"),
        )
        self.cancel_button.clicked.connect(self.cancel_wait)
        self.cancel_button.setVisible(False)

    def _build_shortcuts(self) -> None:
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.send)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.reload)
        copy = QShortcut(QKeySequence.StandardKey.Copy, self.list, self.copy_selected)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)

    # ---- reading -----------------------------------------------------------------------

    def reload(self) -> None:
        if not self.tasks.is_running(f"{self._task}-load"):
            self.tasks.start(f"{self._task}-load", self._load())

    async def _load(self) -> None:
        try:
            page = await self.chat.messages(self.conversation_id)
        except errors.FlashbackError as exc:
            self._refused(exc)
            return
        self._show_messages(page)

    def _show_messages(self, page: ConversationMessages) -> None:
        first, self._loaded = not self._loaded, True
        self.follow_end.following = first or self.follow_end.at_end()
        new = self.model.set_messages(page.messages)
        self.list.set_empty_text(
            self.tr("No messages yet. Type your question below; Ctrl+Enter sends it.")
        )
        self._set_title(page.title)
        if not first:
            for item in new:
                if item.role == ROLE_ASSISTANT:
                    announce(self.list, self.tr("New reply from the assistant."))
        self._update_controls()

    def _set_title(self, title: str) -> None:
        shown = title.strip() or self.tr("New conversation")
        self.title_label.setText(shown)
        self.setWindowTitle(self.tr("{title} — Flashback Desktop").format(title=shown))
        if self.repository is not None:
            self.title_label.setToolTip(repository_name(self.repository))

    async def _load_models(self, repository: Repository) -> None:
        await self.model_choice.load(self.chat, repository)
        self._update_controls()

    # ---- sending (ui/prompt_sending.py) ----------------------------------------------------

    def send(self) -> None:
        self.sending.send()

    def cancel_wait(self) -> None:
        self.sending.cancel()

    # ---- refusals ----------------------------------------------------------------------

    def _refused(self, exc: errors.FlashbackError, *, sending: bool = False) -> None:
        log.info("Conversation %s: %s", self.conversation_id, exc)
        if isinstance(exc, errors.UnauthorizedError):
            self._needs_sign_in()
            return
        if isinstance(exc, errors.ConversationGoneError):
            self._gone = True
        text = chat_words.refusal_text(exc, text_kept=sending)
        self._say(text)
        self._update_controls()

    def _needs_sign_in(self) -> None:
        self._say(chat_words.sign_in_text())
        if self._ask_sign_in is not None:
            self._ask_sign_in()

    def _say(self, text: str, *, blocked: bool = False) -> None:
        """The window's one status line: plain text, announced, never a dialog."""
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))
        self.notice_label.setProperty("blocked", blocked)
        self.notice_label.setFrameShape(QLabel.Shape.StyledPanel if text else QLabel.Shape.NoFrame)
        if text:
            announce(self.notice_label, text)

    # ---- the rest ------------------------------------------------------------------------

    def copy_selected(self) -> None:
        rows = self.list.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        if row is None:
            return
        QGuiApplication.clipboard().setText(row.message.content)
        show_copied(self.copy_button, self.tr("Message copied."))

    def read_message(self, index: QModelIndex) -> None:
        """The message on its own, where any part of it can be selected and copied."""
        row = self.model.row_at(index.row())
        if row is not None:
            self.reader = MessageReader(row, self.delegate.open_link, self)
            self.reader.open()

    def _update_controls(self) -> None:
        has_text = bool(self.prompt_edit.toPlainText().strip())
        self.send_button.setVisible(not self.no_model)
        self.send_button.setEnabled(has_text and not self.sending.busy and not self._gone)
        self.prompt_edit.setEnabled(not self.no_model and not self._gone)
        self.no_model_label.setVisible(self.no_model)
        self.model_choice.setVisible(self.model_choice.several)
        self.copy_button.setEnabled(bool(self.list.selectionModel().selectedRows()))

    def changeEvent(self, event: QEvent) -> None:
        # Qt's Markdown reader bakes the link colour in: lay the replies out again.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.delegate.forget()
            self.list.doItemsLayout()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sending.close()
        for suffix in ("-load", "-models"):
            self.tasks.cancel(self._task + suffix)
        if _windows.get(self.conversation_id) is self:
            del _windows[self.conversation_id]
        super().closeEvent(event)
