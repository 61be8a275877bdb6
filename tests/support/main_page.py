"""The main window as a person sees it: what GUI tests do and read, not how it is built.

Tests ask the page (``select(name)``, ``new_conversation()``, ``created_id``) instead of
reading the window's attributes, so a redesign of the window changes this file, not every
test.
"""

from __future__ import annotations

from flashback_desktop.ui.main_window import MainWindow


class MainPage:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def select(self, name: str) -> None:
        """Choose the repository called ``name`` in the list, as a click would."""
        model = self.window.content.model
        for row in range(model.rowCount()):
            repository = model.repository_at(row)
            if repository is not None and repository.name == name:
                self.window.content.table.selectRow(row)
                return
        raise LookupError(name)

    @property
    def selected_name(self) -> str | None:
        repository = self.window.content.panel.repository
        return repository.name if repository is not None else None

    def new_conversation(self) -> None:
        """Ctrl+N, or the File menu's New Conversation."""
        self.window.content.new_conversation_action.trigger()

    @property
    def can_start_new_conversation(self) -> bool:
        return self.window.content.new_conversation_action.isEnabled()

    @property
    def created_id(self) -> str:
        """The conversation ID shown in the panel ("" when none)."""
        return self.window.content.panel.result_id.text()

    def set_lookup_delays(self, delays_s: tuple[float, ...]) -> None:
        """How long the app waits between looks for a conversation whose answer was lost."""
        service = self.window.content.creating.service
        if service is None:
            raise RuntimeError("The window has no session yet")
        service.lookup_delays_s = delays_s
