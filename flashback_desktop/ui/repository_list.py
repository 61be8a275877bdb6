"""The repository list: the filter bar, the table and its pages (loading, empty, a message).

The list owns the selection and says what it is with ``repository_selected``; what to load
and when is decided by its controller (ui/main_content.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6 import QtCore
from PySide6.QtCore import QItemSelection, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from flashback_desktop.api.models import Repository
from flashback_desktop.ui import accessibility, column_fit, filter_bar, press_intent, repo_model
from flashback_desktop.ui.first_arrow import FirstArrowChooses
from flashback_desktop.ui.repo_model import RepositoryRow


class _Page:
    LOADING, EMPTY, MESSAGE, TABLE = range(4)


# A page's button: its text, and what a press does.
PageButton = tuple[str, Callable[[], object]]


class RepositoryList(QObject):
    # The repository chosen (None: none) and its workspace's name.
    repository_selected = Signal(object, str)
    activated = Signal()  # Enter or a double click on a row: start a conversation for it

    def __init__(self, window: QWidget, edit_menu: QMenu) -> None:
        super().__init__(window)
        self._selected: Repository | None = None
        self._build_filter_bar(window, edit_menu)
        self._build_table()
        self._build_pages()

    # ---- construction ----------------------------------------------------------------------

    def _build_filter_bar(self, window: QWidget, edit_menu: QMenu) -> None:
        self.filter_bar = filter_bar.FilterBar()
        self.filter_bar.changed.connect(self._apply_filter)
        self.filter_bar.down_pressed.connect(self.focus_list)
        find = QAction(self.tr("&Filter Repositories"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.filter_bar.focus)
        window.addAction(find)
        edit_menu.addAction(find)

    def _build_table(self) -> None:
        self.model = repo_model.RepositoryTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("repositoryTable")
        accessibility.describe(
            self.table,
            self.tr("Repositories"),
            self.tr(
                "The repositories you can reach. Arrow keys choose one; Enter or Ctrl+N "
                "starts a new conversation for it."
            ),
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, QtCore.Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move within it
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # one line per row: a long text is elided, never wrapped
        # A line of text and a little air, not Qt's 30 px: more rows fit a small window.
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The columns after the name: fitted to their texts once per list (see column_fit).
        self.column_fitter = column_fit.TextColumnFitter(self.table, self.model, (1, 2, 3, 4))
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.activated.connect(lambda _index: self.activated.emit())
        self._table_repeat_filter = press_intent.IgnoreAutoRepeat(self.table)
        self.table.installEventFilter(self._table_repeat_filter)  # a held Enter is one press
        self._first_arrow = FirstArrowChooses(self.table)

    def _build_pages(self) -> None:
        self.pages = QStackedWidget()
        self.loading_label = QLabel(self.tr("Loading repositories…"))
        self.empty_label = QLabel(
            self.tr(
                "No repositories yet.\nRepositories you can reach on Flashback will appear here."
            )
        )
        self.message_label = QLabel()
        self.message_label.setObjectName("pageMessage")
        self.message_label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_button = QPushButton()
        self.message_button.setObjectName("pageMessageButton")
        self.message_button.clicked.connect(self._on_message_button)
        self._message_button_handler: Callable[[], object] | None = None
        message_page = QWidget()
        message_layout = QVBoxLayout(message_page)
        message_layout.addStretch(1)
        message_layout.addWidget(self.message_label)
        message_layout.addWidget(self.message_button, 0, QtCore.Qt.AlignmentFlag.AlignHCenter)
        message_layout.addStretch(1)
        for label in (self.loading_label, self.empty_label, self.message_label):
            label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.loading_label)
        self.pages.addWidget(self.empty_label)
        self.pages.addWidget(message_page)
        self.pages.addWidget(self.table)

    # ---- what is shown ---------------------------------------------------------------------

    @property
    def repository(self) -> Repository | None:
        """The repository chosen in the list, if any."""
        return self._selected

    @property
    def has_rows(self) -> bool:
        """Any repositories loaded, whether or not the filter shows them."""
        return self.model.total > 0

    def show_loading(self) -> None:
        self.pages.setCurrentIndex(_Page.LOADING)

    def show_message(self, text: str, button: PageButton | None) -> None:
        changed = text != self.message_label.text() or self.pages.currentIndex() != _Page.MESSAGE
        self.message_label.setText(text)
        self.message_button.setVisible(button is not None)
        if button is not None:
            self.message_button.setText(button[0])
            self.message_button.setAccessibleDescription(text)  # read with the button
            self._message_button_handler = button[1]
        self.pages.setCurrentIndex(_Page.MESSAGE)
        if changed:
            accessibility.announce(self.message_label, text)

    def _on_message_button(self) -> None:
        if self._message_button_handler is not None:
            self._message_button_handler()

    def show_repositories(
        self,
        repositories: tuple[Repository, ...],
        workspace_names: Mapping[str, str],
        rows: list[RepositoryRow] | None = None,
    ) -> None:
        """A new list; the selection stays if its repository is still shown."""
        selected = self._selected.id if self._selected else None
        self.filter_bar.set_workspaces(dict(workspace_names))
        # The model keeps the header's sort order and the filter; rows arrive already in place.
        if rows is None:
            self.model.set_repositories(repositories, dict(workspace_names))
        else:
            self.model.set_rows(rows)
        # The workspace chosen may be gone (or its names failed to load): filter as shown.
        self.model.set_filter(self.filter_bar.text, self.filter_bar.workspace_id)
        self.column_fitter.fit()
        self._show_filtered(selected)

    def focus_table_unless_typing(self) -> None:
        """The first list shown (and after each sign-in): into the list, unless the person is
        typing in the filter while it loaded."""
        # The filter box may hold the focus only because nothing came before it.
        edit = self.filter_bar.filter_edit
        typing = edit.hasFocus() and bool(edit.text())
        if typing or self.filter_bar.workspace_combo.hasFocus():
            return
        if self.pages.currentWidget() is self.table:
            self.table.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        self.model.clear()

    def _apply_filter(self) -> None:
        selected = self._selected.id if self._selected else None
        self.model.set_filter(self.filter_bar.text, self.filter_bar.workspace_id)
        if self.model.total > 0:  # else a message (signed out, loading, an error) stays put
            self._show_filtered(selected)

    def show_list_page(self) -> None:
        """The table, or why it is empty."""
        if self.model.total == 0:
            self.pages.setCurrentIndex(_Page.EMPTY)
        elif self.model.rowCount() == 0:
            self.show_message(
                self.tr("No repositories match your filter."),
                button=(self.tr("Clear filter"), self.clear_filter),
            )
        else:
            self.pages.setCurrentIndex(_Page.TABLE)

    def _show_filtered(self, selected: str | None) -> None:
        """The list page; the selection stays if its row is still shown."""
        self.show_list_page()
        if not (selected and self.select_repository(selected)):
            self._select(None, "")

    def clear_filter(self) -> None:
        self.filter_bar.clear()

    def focus_list(self) -> None:
        """Down arrow in the filter box: into the list, on its first row if none is chosen."""
        if self.pages.currentWidget() is not self.table:
            return
        if not self.table.selectionModel().hasSelection() and self.model.rowCount() > 0:
            self.table.selectRow(0)
        self.table.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        self._select(self.model.repository_at(row), self.model.workspace_name_at(row))

    def _select(self, repository: Repository | None, workspace_name: str) -> None:
        self._selected = repository
        self.repository_selected.emit(repository, workspace_name)

    def select_repository(self, repo_id: str) -> bool:
        row = self.model.row_of(repo_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True
