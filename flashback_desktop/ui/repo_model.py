"""The repository table's model: rows are precomputed once, so painting and sorting stay cheap."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from flashback_desktop.api.models import Repository
from flashback_desktop.translatable import QT_TRANSLATE_NOOP

ModelIndex = QModelIndex | QPersistentModelIndex

_CONTEXT = "RepositoryTableModel"
HEADERS = (
    QT_TRANSLATE_NOOP("RepositoryTableModel", "Repository"),
    QT_TRANSLATE_NOOP("RepositoryTableModel", "Workspace"),
    QT_TRANSLATE_NOOP("RepositoryTableModel", "Storage"),
    QT_TRANSLATE_NOOP("RepositoryTableModel", "AI model"),
    QT_TRANSLATE_NOOP("RepositoryTableModel", "Created"),
)
STORAGE_NAMES = {"S3": "Amazon S3", "GCS": "Google Cloud", "BLOB": "Azure Blob"}
REPOSITORY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class RepositoryRow:
    repository: Repository
    cells: tuple[str, ...]
    sort_keys: tuple[Any, ...]
    search_text: str  # name and workspace, casefolded once: a keystroke only compares


def _ai_label(repo: Repository) -> str:
    if repo.ai_configured is None:
        return ""  # the server did not say: claim nothing
    if repo.ai_configured:
        return QCoreApplication.translate("RepositoryTableModel", "Configured")
    return QCoreApplication.translate("RepositoryTableModel", "None", "no AI model")


def build_row(repo: Repository, workspace_name: str, locale: QLocale) -> RepositoryRow:
    created = ""
    created_key = ""
    if repo.created_at is not None:
        local = repo.created_at.astimezone()
        # "12 Mar 2026": the month's name in the person's language, so the day and the
        # month cannot be mistaken for each other; each language orders it its own way.
        date_format = QCoreApplication.translate(
            "RepositoryTableModel", "d MMM yyyy", "date format: Qt's QDate::toString codes"
        )
        created = locale.toString(QDate(local.year, local.month, local.day), date_format)
        created_key = local.isoformat()
    if repo.disabled:
        name = QCoreApplication.translate("RepositoryTableModel", "{name} (disabled)").format(
            name=repo.name
        )
    else:
        name = repo.name
    storage = STORAGE_NAMES.get(repo.storage_type, repo.storage_type)
    cells = (name, workspace_name, storage, _ai_label(repo), created)
    keys = (name.casefold(), workspace_name.casefold(), storage.casefold(), cells[3], created_key)
    return RepositoryRow(repo, cells, keys, f"{keys[0]}\n{keys[1]}")


def build_rows(
    repositories: Sequence[Repository], workspace_names: Mapping[str, str]
) -> list[RepositoryRow]:
    """Everything a row shows and compares, computed once; safe in a worker thread."""
    locale = QLocale()
    return [build_row(r, workspace_names.get(r.workspace_id, ""), locale) for r in repositories]


class RepositoryTableModel(QAbstractTableModel):
    """All rows, and the ones the filter lets through, both in the current sort order.

    Filtering and sorting work on precomputed keys with plain list operations (no per-row
    Python call into Qt), so a keystroke stays within a frame at 10,000 repositories.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[RepositoryRow] = []
        self._rows: list[RepositoryRow] = []
        self._row_of: dict[str, int] = {}
        self._needle = ""
        self._workspace_id: str | None = None
        self._sort_column = 0
        self._descending = False

    def set_repositories(
        self, repositories: Sequence[Repository], workspace_names: Mapping[str, str]
    ) -> None:
        self.set_rows(build_rows(repositories, workspace_names))

    def set_rows(self, rows: list[RepositoryRow]) -> None:
        """Rows from ``build_rows`` (perhaps built in a worker thread), sorted and filtered."""
        self._sort_rows(rows)
        self.beginResetModel()
        self._all = rows
        self._rows = self._filtered(rows)
        self._index_rows()
        self.endResetModel()

    def clear(self) -> None:
        self.set_repositories((), {})

    @property
    def total(self) -> int:
        """Repositories loaded, whether or not the filter shows them."""
        return len(self._all)

    def set_filter(self, text: str, workspace_id: str | None = None) -> None:
        """Show rows whose name or workspace contains ``text`` (any case), in one workspace
        or all of them."""
        needle = text.strip().casefold()
        if needle == self._needle and workspace_id == self._workspace_id:
            return
        # Typing one more letter can only narrow: search what is shown, not everything.
        narrowing = workspace_id == self._workspace_id and needle.startswith(self._needle)
        self._needle, self._workspace_id = needle, workspace_id
        self.beginResetModel()
        self._rows = self._filtered(self._rows if narrowing else self._all)
        self._index_rows()
        self.endResetModel()

    def repository_at(self, row: int) -> Repository | None:
        return self._rows[row].repository if 0 <= row < len(self._rows) else None

    def workspace_name_at(self, row: int) -> str:
        return self._rows[row].cells[1] if 0 <= row < len(self._rows) else ""

    def row_of(self, repo_id: str) -> int | None:
        return self._row_of.get(repo_id)

    def _filtered(self, rows: list[RepositoryRow]) -> list[RepositoryRow]:
        needle, workspace_id = self._needle, self._workspace_id
        if workspace_id is not None:
            rows = [row for row in rows if row.repository.workspace_id == workspace_id]
        if needle:
            rows = [row for row in rows if needle in row.search_text]
        return rows if rows is not self._all else list(rows)

    def _index_rows(self) -> None:
        self._row_of = {row.repository.id: number for number, row in enumerate(self._rows)}

    def _sort_rows(self, rows: list[RepositoryRow]) -> None:
        column = self._sort_column
        rows.sort(key=lambda row: row.sort_keys[column], reverse=self._descending)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.cells[index.column()]
        if role == REPOSITORY_ROLE:
            return row.repository
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(_CONTEXT, HEADERS[section])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        # Keep the selection on the same repository, wherever its row moves to.
        persistent = self.persistentIndexList()
        old_ids = [self._rows[index.row()].repository.id for index in persistent]
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._sort_rows(self._all)
        self._sort_rows(self._rows)
        self._index_rows()
        self.changePersistentIndexList(
            persistent,
            [
                self.index(self._row_of[repo_id], index.column())
                for index, repo_id in zip(persistent, old_ids, strict=True)
            ],
        )
        self.layoutChanged.emit()
