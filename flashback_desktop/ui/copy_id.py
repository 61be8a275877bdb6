"""Ctrl+C outside a text field: the conversation ID on offer goes to the clipboard.

The focused widget (or one containing it) is asked first through
``conversation_id_to_copy()``, so Recent conversations copies its selected one; else the
new conversation's ID in the panel.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from flashback_desktop.ui import accessibility
from flashback_desktop.ui.conversation_panel import ConversationPanel
from flashback_desktop.ui.history_panel import HistoryPanel


class CopyConversationId(QObject):
    def __init__(
        self, window: QWidget, action: QAction, panel: ConversationPanel, history: HistoryPanel
    ) -> None:
        super().__init__(window)
        self._action = action
        self._panel = panel
        self._history = history
        action.triggered.connect(self.copy)
        history.copy_offer_changed.connect(self.update)
        # A widget gaining focus may offer one. There are widgets, so there is a QApplication.
        cast(QApplication, QApplication.instance()).focusChanged.connect(self.update)

    def copy(self) -> None:
        """Ctrl+C outside a text field: the conversation ID shown goes to the clipboard.

        A widget that has the focus (or contains it) and offers ``conversation_id_to_copy()``
        is asked first, so a list of conversations copies its selected one.
        """

        focus = QApplication.focusWidget()
        if focus is not None and self._history.isAncestorOf(focus) and self._id_on_offer():
            self._history.copy_selected_id()  # shows and says "copied" where it was copied
            return
        conversation_id = self._id_on_offer()
        if conversation_id:
            QGuiApplication.clipboard().setText(conversation_id)
            accessibility.announce(self._panel.result_id, self.tr("Conversation ID copied."))
        elif self._panel.created_id:
            self._panel.copy_id()

    def _id_on_offer(self) -> str:
        """The ID the focused widget (or one containing it) offers to copy, if any."""

        widget = QApplication.focusWidget()
        while widget is not None:
            offer = getattr(widget, "conversation_id_to_copy", None)
            if callable(offer):
                return str(offer() or "")
            widget = widget.parentWidget()
        return ""

    def update(self, *_focus: object) -> None:
        """Enabled when there is an ID to copy; disabled, Ctrl+C stays the focus widget's."""
        self._action.setEnabled(bool(self._panel.created_id or self._id_on_offer()))
