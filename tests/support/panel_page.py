"""The New Conversation panel as a person sees it: the selected repository, the button,
the created ID with Copy and Open, the hints."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPushButton

from flashback_desktop.ui.conversation_panel import ConversationPanel
from flashback_desktop.ui.long_text import ElidedLabel


class PanelPage:
    def __init__(self, panel: ConversationPanel) -> None:
        self._panel = panel

    # ---- what a person presses -----------------------------------------------------------

    @property
    def new_button(self) -> QPushButton:
        """The panel's New Conversation button (to click, focus or read its label)."""
        return self._panel.new_button

    def click_new(self) -> None:
        """A real click on the panel's New Conversation button."""
        self._panel.new_button.click()

    def can_start(self) -> bool:
        return self._panel.new_button.isEnabled()

    @property
    def new_button_text(self) -> str:
        return self._panel.new_button.text()

    @property
    def copy_button(self) -> QPushButton:
        return self._panel.copy_button

    def copy(self) -> None:
        """A click on the created ID's Copy button."""
        self._panel.copy_button.click()

    def copy_id(self) -> None:
        """What Copy ID does for the panel (the action's path, not a click)."""
        self._panel.copy_id()

    @property
    def open_button(self) -> QPushButton:
        return self._panel.open_button

    # ---- what a person reads ---------------------------------------------------------------

    @property
    def repository_name(self) -> str | None:
        """The repository the panel is for (None when nothing is selected)."""
        repository = self._panel.repository
        return repository.name if repository is not None else None

    @property
    def repository_id(self) -> str | None:
        repository = self._panel.repository
        return repository.id if repository is not None else None

    @property
    def selection_text(self) -> str:
        return self._panel.selection_label.text()

    @property
    def selection_label(self) -> ElidedLabel:
        """The label itself, for checks of how it renders (plain text, eliding)."""
        return self._panel.selection_label

    @property
    def created_id(self) -> str:
        """The conversation ID shown in the panel ("" when none)."""
        return self._panel.result_id.text()

    @property
    def created_id_box(self) -> QLineEdit:
        """The read-only box with the created ID (to focus, select, press Ctrl+C in)."""
        return self._panel.result_id

    def created_shown(self) -> bool:
        """The "Conversation created" row is on screen (within the panel)."""
        return self._panel.result_row.isVisibleTo(self._panel)

    def hint_shown(self) -> bool:
        return self._panel.hint_label.isVisible()

    @property
    def hint(self) -> str:
        """The hint under the button ("" when hidden)."""
        label = self._panel.hint_label
        return label.text() if label.isVisibleTo(self._panel.window()) else ""

    @property
    def note(self) -> str:
        """The note beside a created ID ("" when hidden)."""
        label = self._panel.note_label
        return label.text() if label.isVisibleTo(self._panel.window()) else ""

    @property
    def explanation(self) -> str:
        """The sentence that says what a conversation and its ID are ("" when hidden)."""
        label = self._panel.explanation_label
        return label.text() if label.isVisibleTo(self._panel.window()) else ""

    @property
    def widget(self) -> ConversationPanel:
        """The panel itself, for layout and accessibility checks."""
        return self._panel
