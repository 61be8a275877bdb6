"""Recent conversations as a person sees them: the rows, Copy ID, Open, Delete…, Load
more, and what the panel says."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QTableView
from pytestqt.qtbot import QtBot
from pytestqt.wait_signal import SignalBlocker

from flashback_desktop.ui.history_panel import HistoryPanel

TIMEOUT_MS = 10_000


class HistoryPage:
    def __init__(self, panel: HistoryPanel) -> None:
        self._panel = panel

    # ---- what a person reads -------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return self._panel.model.rowCount()

    def cell(self, row: int, column: int = 0, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self._panel.model.index(row, column).data(role)

    def headers(self) -> list[str]:
        model = self._panel.model
        return [
            str(model.headerData(column, Qt.Orientation.Horizontal))
            for column in range(model.columnCount())
        ]

    def ids(self) -> list[str]:
        """The conversation IDs of the rows, top to bottom."""
        return self._panel.model.ids()

    @property
    def count_text(self) -> str:
        """ "20 of 45"."""
        return self._panel.count_label.text()

    @property
    def count_label(self) -> QLabel:
        """The label itself, for what a screen reader is told."""
        return self._panel.count_label

    @property
    def page_size(self) -> int:
        """How many conversations one Load more asks for."""
        return self._panel.requests.page_size

    @property
    def showing(self) -> str:
        """ "list" while the rows show, else "message" (a sentence, maybe Try again)."""
        return "list" if self._panel.pages.currentWidget() is self._panel.table else "message"

    @property
    def status(self) -> str:
        return self._panel.status_label.text()

    @property
    def message(self) -> str:
        return self._panel.message_label.text()

    @property
    def column_count(self) -> int:
        return self._panel.model.columnCount()

    @property
    def status_label(self) -> QLabel:
        """The label itself, for checks of how it renders (plain text)."""
        return self._panel.status_label

    @property
    def selected_id(self) -> str | None:
        row = self._panel.selected_row()
        return row.conversation.id if row is not None else None

    def asking_to_delete(self) -> bool:
        """The "Delete the conversation …?" question is open."""
        return self._panel.confirm_dialog is not None

    @property
    def delete_question(self) -> QMessageBox | None:
        """ "Delete the conversation …?" while it is open."""
        return self._panel.confirm_dialog

    # ---- what a person does --------------------------------------------------------------

    @property
    def table(self) -> QTableView:
        """The list itself (to select a row, focus it, press keys in it)."""
        return self._panel.table

    def select_row(self, row: int) -> None:
        self._panel.table.selectRow(row)

    def select(self, conversation_id: str) -> bool:
        return self._panel.select_conversation(conversation_id)

    @property
    def copy_button(self) -> QPushButton:
        return self._panel.copy_button

    @property
    def delete_button(self) -> QPushButton:
        return self._panel.delete_button

    @property
    def open_button(self) -> QPushButton:
        return self._panel.open_button

    @property
    def load_more_button(self) -> QPushButton:
        return self._panel.load_more_button

    @property
    def retry_button(self) -> QPushButton:
        return self._panel.retry_button

    @property
    def copy_action(self) -> QAction:
        """Copy ID in the list's context menu."""
        return self._panel.copy_action

    def load_more(self) -> None:
        """What Load more does."""
        self._panel.requests.load_more()

    def reload(self) -> None:
        """What Refresh does to the list."""
        self._panel.reload()

    def ask_delete(self) -> None:
        """Delete… on the selected row (the button's and the key's path)."""
        self._panel.ask_delete_selected()

    # ---- waits -----------------------------------------------------------------------------

    def wait_page_shown(self, qtbot: QtBot, timeout: int = TIMEOUT_MS) -> SignalBlocker:
        return qtbot.waitSignal(self._panel.page_shown, timeout=timeout)

    def wait_load_failed(self, qtbot: QtBot, timeout: int = TIMEOUT_MS) -> SignalBlocker:
        return qtbot.waitSignal(self._panel.load_failed, timeout=timeout)

    def wait_deleted(self, qtbot: QtBot, timeout: int = TIMEOUT_MS) -> SignalBlocker:
        return qtbot.waitSignal(self._panel.conversation_deleted, timeout=timeout)

    def wait_dialog(self, qtbot: QtBot, timeout: int = 5000) -> SignalBlocker:
        """A dialog the panel opens (the delete question, an error); ``.args[0]`` is it."""
        return qtbot.waitSignal(self._panel.dialog_opened, timeout=timeout)

    @property
    def widget(self) -> HistoryPanel:
        """The panel itself, for layout and accessibility checks."""
        return self._panel
