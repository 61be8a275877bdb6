"""The repository table's model: rows are precomputed once, so painting and sorting stay cheap."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from flashback_desktop.api.models import Repository

ModelIndex = QModelIndex | QPersistentModelIndex

HEADERS = ("Repository", "Workspace", "Storage", "AI model", "Created")
STORAGE_NAMES = {"S3": "Amazon S3", "GCS": "Google Cloud", "BLOB": "Azure Blob"}
REPOSITORY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class RepositoryRow:
    repository: Repository
    cells: tuple[str, ...]
    sort_keys: tuple[Any, ...]


def _ai_label(repo: Repository) -> str:
    if repo.ai_configured is None:
        return ""  # the server did not say: claim nothing
    return "Configured" if repo.ai_configured else "None"


def build_row(repo: Repository, workspace_name: str, locale: QLocale) -> RepositoryRow:
    created = ""
    created_key = ""
    if repo.created_at is not None:
        local = repo.created_at.astimezone()
        # "12 Mar 2026": unambiguous in every locale, unlike 12/03/2026.
        created = locale.toString(QDate(local.year, local.month, local.day), "d MMM yyyy")
        created_key = local.isoformat()
    name = repo.name + (" (disabled)" if repo.disabled else "")
    storage = STORAGE_NAMES.get(repo.storage_type, repo.storage_type)
    cells = (name, workspace_name, storage, _ai_label(repo), created)
    keys = (name.casefold(), workspace_name.casefold(), storage.casefold(), cells[3], created_key)
    return RepositoryRow(repo, cells, keys)


class RepositoryTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RepositoryRow] = []

    def set_repositories(
        self, repositories: Sequence[Repository], workspace_names: Mapping[str, str]
    ) -> None:
        locale = QLocale()
        rows = [build_row(r, workspace_names.get(r.workspace_id, ""), locale) for r in repositories]
        rows.sort(key=lambda row: row.sort_keys[0])
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def clear(self) -> None:
        self.set_repositories((), {})

    def repository_at(self, row: int) -> Repository | None:
        return self._rows[row].repository if 0 <= row < len(self._rows) else None

    def workspace_name_at(self, row: int) -> str:
        return self._rows[row].cells[1] if 0 <= row < len(self._rows) else ""

    def row_of(self, repo_id: str) -> int | None:
        for number, row in enumerate(self._rows):
            if row.repository.id == repo_id:
                return number
        return None

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
            return HEADERS[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        # Keep the selection on the same repository, wherever its row moves to.
        persistent = self.persistentIndexList()
        old_ids = [self._rows[index.row()].repository.id for index in persistent]
        self._rows.sort(
            key=lambda row: row.sort_keys[column], reverse=order == Qt.SortOrder.DescendingOrder
        )
        new_row = {row.repository.id: number for number, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent,
            [
                self.index(new_row[repo_id], index.column())
                for index, repo_id in zip(persistent, old_ids, strict=True)
            ],
        )
        self.layoutChanged.emit()
