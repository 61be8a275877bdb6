"""The selected repository, the New Conversation button, and the result area."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
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

# Marked for lupdate under this class's context; shown with self.tr.
NO_MODEL_HINT = QT_TRANSLATE_NOOP(
    "ConversationPanel",
    "This repository has no AI model yet: a conversation can be started, but it won't be "
    "able to answer until an administrator adds a model.",
)


class ConversationPanel(QWidget):
    new_conversation_requested = Signal()
    repository_changed = Signal(object)  # the Repository selected now, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repository: Repository | None = None
        self._busy = False

        self.selection_label = QLabel(self.tr("Select a repository to start a conversation."))
        self.selection_label.setObjectName("selectionLabel")
        self.selection_label.setTextFormat(Qt.TextFormat.RichText)
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

        self.result_caption = QLabel(self.tr("✓ Conversation created:"))
        self.result_id = QLineEdit()
        self.result_id.setObjectName("conversationIdField")
        self.result_id.setReadOnly(True)
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
        self.result_row.setVisible(False)
        self.note_label = QLabel()
        self.note_label.setObjectName("resultNote")
        self.note_label.setWordWrap(True)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(self.selection_label, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.result_row)
        layout.addWidget(self.note_label)
        set_tab_order(self.new_button, self.result_id, self.copy_button)
        self._update_button()

    @property
    def repository(self) -> Repository | None:
        return self._repository

    @property
    def created_id(self) -> str:
        """The ID shown in the result area, or "" when there is none."""
        return self.result_id.text() if self.result_row.isVisibleTo(self) else ""

    def set_repository(self, repository: Repository | None, workspace_name: str = "") -> None:
        self._repository = repository
        if repository is None:
            self.selection_label.setText(self.tr("Select a repository to start a conversation."))
            self.hint_label.setVisible(False)
        else:
            where = f" · {workspace_name}" if workspace_name else ""
            self.selection_label.setText(f"<b>{_escape(repository.name)}</b>{_escape(where)}")
            # Only an empty aiLlms list says "none"; an absent one says nothing at all.
            # A hint, not a block: the API creates conversations without a model.
            no_model = repository.ai_configured is False
            if no_model and not self.hint_label.isVisibleTo(self):
                announce(self.hint_label, self.tr(NO_MODEL_HINT))
            self.hint_label.setText(self.tr(NO_MODEL_HINT))
            self.hint_label.setVisible(no_model)
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

    def show_created(self, conversation_id: str) -> None:
        """Show the ID and put the focus on it, so Ctrl+C copies it and a reader says it."""
        self.result_id.setText(conversation_id)
        self.result_row.setVisible(True)
        self.set_note(None)
        self.result_id.setFocus(Qt.FocusReason.OtherFocusReason)
        self.result_id.selectAll()
        announce(
            self.result_id,
            self.tr("Conversation created. Its ID is {id}.").format(id=conversation_id),
        )

    def set_note(self, text: str | None) -> None:
        """A sentence under the result, e.g. how it was found after an interruption."""
        self.note_label.setText(text or "")
        self.note_label.setVisible(bool(text))
        if text:
            announce(self.note_label, text)

    def clear_result(self) -> None:
        self.result_id.clear()
        self.result_row.setVisible(False)
        self.set_note(None)

    def copy_id(self) -> None:
        if self.result_id.text():
            QGuiApplication.clipboard().setText(self.result_id.text())

    def _update_button(self) -> None:
        self.new_button.setEnabled(self._repository is not None and not self._busy)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
