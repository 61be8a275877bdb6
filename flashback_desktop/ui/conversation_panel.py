"""The selected repository, the New Conversation button, and the result area.

The result belongs to the repository it was created in: the panel keeps which one, and
shows it (and offers it to copy) only while that repository is selected.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flashback_desktop.api.models import Repository
from flashback_desktop.translatable import QT_TRANSLATE_NOOP
from flashback_desktop.ui.accessibility import announce, describe, set_tab_order
from flashback_desktop.ui.copy_feedback import show_copied
from flashback_desktop.ui.long_text import ElidedLabel
from flashback_desktop.ui.server_words import repository_name

# Marked for lupdate under this class's context; shown with self.tr.
NO_MODEL_HINT = QT_TRANSLATE_NOOP(
    "ConversationPanel",
    "This repository has no AI model yet: a conversation can be started, but it won't be "
    "able to answer until an administrator adds a model.",
)
DISABLED_HINT = QT_TRANSLATE_NOOP(
    "ConversationPanel",
    "An administrator has disabled this repository. Ask them to enable it again if you need it.",
)


class ConversationPanel(QWidget):
    new_conversation_requested = Signal()
    repository_changed = Signal(object)  # the Repository selected now, or None
    open_requested = Signal(str, object)  # conversation ID, its Repository

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repository: Repository | None = None
        self._busy = False
        # (repository ID, conversation ID, note): the one result, and where it was created.
        self._result: tuple[str, str, str] | None = None

        self.selection_label = ElidedLabel(self.tr("Select a repository to start a conversation."))
        self.selection_label.setObjectName("selectionLabel")
        bold = self.selection_label.font()
        bold.setBold(True)
        self.selection_label.setFont(bold)
        self.new_button = QPushButton(self.tr("&New Conversation"))
        self.new_button.setObjectName("newConversationButton")
        self.new_button.setToolTip(
            self.tr("Start a new AI conversation for the selected repository (Ctrl+N)")
        )
        describe(
            self.new_button,
            self.tr("New Conversation"),
            self.tr("Starts a new AI conversation for the selected repository"),
        )
        self.new_button.clicked.connect(self.new_conversation_requested)

        self.hint_label = QLabel()
        self.hint_label.setObjectName("aiHintLabel")
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hint_label.setVisible(False)

        self._build_result()
        top = QHBoxLayout()
        top.addWidget(self.selection_label, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.result_row)
        layout.addWidget(self.note_label)
        layout.addWidget(self.explanation_label)
        set_tab_order(self.new_button, self.result_id, self.copy_button, self.open_button)
        self._update_button()

    def _build_result(self) -> None:
        self.result_caption = QLabel(self.tr("✓ Conversation created:"))
        self.result_id = QLineEdit()
        self.result_id.setObjectName("conversationIdField")
        self.result_id.setReadOnly(True)
        self.result_id.installEventFilter(self)  # Ctrl+C in the field: show "Copied" too
        describe(
            self.result_id,
            self.tr("New conversation ID"),
            self.tr("The ID of the conversation just created; Ctrl+C copies it"),
        )
        self.result_caption.setBuddy(self.result_id)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("copyIdButton")
        self.copy_button.setToolTip(self.tr("Copy the conversation ID"))
        describe(
            self.copy_button,
            self.tr("Copy conversation ID"),
            self.tr("Copies the new conversation's ID to the clipboard"),
        )
        self.copy_button.clicked.connect(self.copy_id)
        self.result_row = QWidget()
        result_layout = QHBoxLayout(self.result_row)
        result_layout.setContentsMargins(0, 0, 0, 0)
        result_layout.addWidget(self.result_caption)
        result_layout.addWidget(self.result_id, 1)
        result_layout.addWidget(self.copy_button)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("openConversationButton")
        describe(
            self.open_button,
            self.tr("Open conversation"),
            self.tr("Opens the new conversation to talk in it (Enter on the ID)"),
        )
        self.open_button.clicked.connect(self.open_created)
        self.result_id.returnPressed.connect(self.open_created)
        result_layout.addWidget(self.open_button)
        self.result_row.setVisible(False)
        self.note_label = QLabel()
        self.note_label.setObjectName("resultNote")
        self.note_label.setWordWrap(True)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setVisible(False)
        # What a conversation is, and what its ID is for: said once, in plain words.
        self.explanation_label = QLabel(
            self.tr(
                "A conversation is a chat with an AI model about the files in this "
                "repository. Its ID is the code that names it: copy it to open or mention "
                "this conversation elsewhere."
            )
        )
        self.explanation_label.setObjectName("conversationExplanation")
        self.explanation_label.setWordWrap(True)
        # Help text, not news: a little smaller and dimmer than the rest.
        small = self.explanation_label.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.explanation_label.setFont(small)
        self.explanation_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

    @property
    def repository(self) -> Repository | None:
        return self._repository

    @property
    def created_id(self) -> str:
        """The ID created in the selected repository, or "" when there is none."""
        result = self._shown_result()
        return result[1] if result is not None else ""

    def set_repository(self, repository: Repository | None, workspace_name: str = "") -> None:
        self._repository = repository
        if repository is None:
            self.selection_label.setText(self.tr("Select a repository to start a conversation."))
            self.hint_label.setVisible(False)
        else:
            name = repository_name(repository)
            self.selection_label.setText(f"{name} · {workspace_name}" if workspace_name else name)
            # Only an empty aiLlms list says "none"; an absent one says nothing at all.
            # A hint, not a block: the API creates conversations without a model.
            hint = ""
            if repository.disabled:
                hint = self.tr(DISABLED_HINT)
            elif repository.ai_configured is False:
                hint = self.tr(NO_MODEL_HINT)
            if hint and (hint != self.hint_label.text() or not self.hint_label.isVisibleTo(self)):
                announce(self.hint_label, hint)
            self.hint_label.setText(hint)
            self.hint_label.setVisible(bool(hint))
        self._show_result()
        self._update_button()
        self.repository_changed.emit(repository)

    def set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        if busy:
            text = text or self.tr("Starting conversation…")
            self.new_button.setText(text)
            announce(self.new_button, text)
        else:
            self.new_button.setText(self.tr("&New Conversation"))
        self._update_button()

    def show_created(self, repository_id: str, conversation_id: str, note: str = "") -> None:
        """Keep the new ID for its repository. If that one is still selected, show it and
        put the focus on it, so Ctrl+C copies it and a reader says it."""
        self._result = (repository_id, conversation_id, note)
        if not self._show_result():
            return  # another repository was selected meanwhile: shown when it is again
        self.result_id.setFocus(Qt.FocusReason.OtherFocusReason)
        self.result_id.selectAll()
        announce(
            self.result_id,
            self.tr("Conversation created. Its ID is {id}.").format(id=conversation_id),
        )
        if note:
            announce(self.note_label, note)

    def open_created(self) -> None:
        result = self._shown_result()
        if result is not None:
            self.open_requested.emit(result[1], self._repository)

    def clear_result(self) -> None:
        self._result = None
        self._show_result()

    def copy_id(self) -> None:
        if self.created_id:
            QGuiApplication.clipboard().setText(self.created_id)
            show_copied(self.copy_button, self.tr("Conversation ID copied."))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.result_id
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Copy)
            and self.result_id.hasSelectedText()
        ):
            show_copied(self.copy_button, self.tr("Conversation ID copied."))
        return super().eventFilter(watched, event)

    def _shown_result(self) -> tuple[str, str, str] | None:
        repository, result = self._repository, self._result
        if result is None or repository is None or repository.id != result[0]:
            return None
        return result

    def _show_result(self) -> bool:
        """The result row shows the selected repository's result, or is hidden."""
        result = self._shown_result()
        self.result_id.setText(result[1] if result else "")
        self.result_row.setVisible(result is not None)
        note = result[2] if result else ""
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
        return result is not None

    def _update_button(self) -> None:
        self.new_button.setEnabled(self._repository is not None and not self._busy)
