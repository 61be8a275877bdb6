"""The repository list as a person sees it: the rows, the filter box, the workspace choice,
and what shows instead of the list (loading, empty, a message).

A part of ``MainPage`` (tests/support/main_page.py): tests reach it as ``app.page``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QTableView
from pytestqt.qtbot import QtBot
from pytestqt.wait_signal import SignalBlocker

from flashback_desktop.ui.main_content import MainContent

TIMEOUT_MS = 10_000


class RepositoryListPart:
    """Mixed into MainPage; ``_content`` is the window's content."""

    @property
    def _content(self) -> MainContent:
        raise NotImplementedError

    # ---- the repository list -------------------------------------------------------------

    def select(self, name: str) -> None:
        """Choose the repository called ``name`` in the list, as a click would."""
        model = self._content.model
        for row in range(model.rowCount()):
            repository = model.repository_at(row)
            if repository is not None and repository.name == name:
                self._content.table.selectRow(row)
                return
        raise LookupError(name)

    def select_id(self, repo_id: str) -> None:
        """Choose the repository whose ID is ``repo_id`` (names may repeat or be hostile)."""
        row = self._content.model.row_of(repo_id)
        if row is None:
            raise LookupError(repo_id)
        self._content.table.selectRow(row)

    def fit_columns_as_after_a_restart(self) -> None:
        """Fit the columns as the first load after a start does: restored widths kept unless
        the texts need more, nothing chosen by the person in this run yet."""
        fitter = self._content.column_fitter
        fitter.keep_restored_widths()
        fitter._chosen.clear()
        fitter.fit()

    def select_row(self, row: int) -> None:
        self._content.table.selectRow(row)

    @property
    def selected_name(self) -> str | None:
        repository = self._content.panel.repository
        return repository.name if repository is not None else None

    def selected_rows(self) -> list[int]:
        return [index.row() for index in self._content.table.selectionModel().selectedRows()]

    @property
    def list_view(self) -> QTableView:
        """The repository list itself (to focus it, press keys in it, read its columns)."""
        return self._content.table

    @property
    def row_count(self) -> int:
        """Rows the list shows now (after the filter)."""
        return self._content.model.rowCount()

    @property
    def repository_total(self) -> int:
        """Repositories the list holds, filtered out or not."""
        return self._content.model.total

    @property
    def column_count(self) -> int:
        return self._content.model.columnCount()

    def names(self) -> list[str]:
        """The first column, top to bottom, as shown."""
        model = self._content.model
        return [str(model.index(row, 0).data()) for row in range(model.rowCount())]

    def cell(self, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self._content.model.index(row, column).data(role)

    def header(self, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self._content.model.headerData(column, Qt.Orientation.Horizontal, role)

    def row_of(self, repo_id: str) -> int | None:
        return self._content.model.row_of(repo_id)

    def workspace_at(self, row: int) -> str:
        return self._content.model.workspace_name_at(row)

    @property
    def filter_box(self) -> QLineEdit:
        return self._content.filter_edit

    def filter(self, text: str) -> None:
        """Put ``text`` in the filter box (as pasting would; type it with qtbot for keys)."""
        self._content.filter_edit.setText(text)

    @property
    def workspace_box(self) -> QComboBox:
        return self._content.workspace_combo

    def workspaces(self) -> list[str]:
        combo = self._content.workspace_combo
        return [combo.itemText(i) for i in range(combo.count())]

    @property
    def showing(self) -> str:
        """What the list area shows: "list", "loading", "empty" or "message"."""
        content = self._content
        shown = content.pages.currentWidget()
        pages = {
            "list": content.table,
            "loading": content.loading_label,
            "empty": content.empty_label,
        }
        return next((name for name, widget in pages.items() if shown is widget), "message")

    @property
    def list_message(self) -> str:
        """The sentence shown instead of the list ("" while the list shows)."""
        return self._content.message_label.text() if self.showing == "message" else ""

    @property
    def list_message_button(self) -> QAbstractButton:
        """The button under that sentence (Try again, Sign in…)."""
        return self._content.message_button

    @property
    def empty_text(self) -> str:
        return self._content.empty_label.text()

    def wait_repositories_shown(self, qtbot: QtBot, timeout: int = TIMEOUT_MS) -> SignalBlocker:
        """The list has been filled with the server's answer; ``.args[0]`` is the count."""
        return qtbot.waitSignal(self._content.repositories_shown, timeout=timeout)
