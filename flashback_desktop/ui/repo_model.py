"""The repository table's model: rows are precomputed once, so painting and sorting stay cheap."""

from __future__ import annotations

import asyncio
import math
from collections.abc import Mapping, Sequence
from functools import partial
from operator import attrgetter, indexOf, itemgetter
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from flashback_desktop.api.models import Repository
from flashback_desktop.clipping import clip
from flashback_desktop.translatable import QT_TRANSLATE_NOOP
from flashback_desktop.ui.dates import DateText, date_format
from flashback_desktop.ui.long_text import KEPT_CHARACTERS, bounded_tooltip
from flashback_desktop.ui.server_words import repository_name

ModelIndex = QModelIndex | QPersistentModelIndex

_CONTEXT = "RepositoryTableModel"
HEADERS = (
    QT_TRANSLATE_NOOP("RepositoryTableModel", "Repository"),
    QT_TRANSLATE_NOOP("RepositoryTableModel", "Workspace"),
    QT_TRANSLATE_NOOP("RepositoryTableModel", "Storage"),
    QT_TRANSLATE_NOOP("RepositoryTableModel", "Status"),
    QT_TRANSLATE_NOOP("RepositoryTableModel", "Created"),
)
STATUS_COLUMN = 3
STORAGE_NAMES = {"S3": "Amazon S3", "GCS": "Google Cloud", "BLOB": "Azure Blob"}
REPOSITORY_ROLE = Qt.ItemDataRole.UserRole + 1
# Plain ints: data() runs thousands of times per paint, and reading a Qt enum member costs
# more than the comparison itself.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_REPOSITORY = REPOSITORY_ROLE
_ROW_ROLES = (_TOOLTIP, _REPOSITORY)  # besides the display text


class RepositoryRow(NamedTuple):
    """One row, built straight from its record (a tuple: 10,000 are made per big list, and a
    frozen dataclass's __init__ costs several times a tuple's)."""

    repository: Repository
    cells: tuple[str, ...]
    sort_keys: tuple[Any, ...]
    search_text: str  # name and workspace, casefolded once: a keystroke only compares
    status_tip: str = ""


_new_row = partial(tuple.__new__, RepositoryRow)  # skips the NamedTuple's Python-level __new__
_CELLS = attrgetter("cells")
_ID = attrgetter("repository.id")


def status_text(repo: Repository) -> tuple[str, str]:
    """The Status cell in words (never colour alone), and its tooltip, in the person's
    language. Only a few distinct texts exist: ``build_rows`` asks once per distinct one."""
    if repo.disabled:
        return (
            QCoreApplication.translate("RepositoryTableModel", "Disabled", "repository status"),
            QCoreApplication.translate(
                "RepositoryTableModel", "An administrator has disabled this repository."
            ),
        )
    if repo.ai_configured is None:  # the server did not say: claim nothing, and say so
        return "", QCoreApplication.translate(
            "RepositoryTableModel",
            "Flashback did not say whether an AI model is set up for this repository.",
        )
    if not repo.ai_configured:
        return (
            QCoreApplication.translate("RepositoryTableModel", "No AI model"),
            QCoreApplication.translate(
                "RepositoryTableModel",
                "Conversations can be started, but they can't answer until an administrator "
                "adds an AI model.",
            ),
        )
    names = ", ".join(repo.ai_model_names)  # in the tooltip: the cell stays short
    if not names:
        tip = QCoreApplication.translate(
            "RepositoryTableModel", "An AI model is set up for this repository."
        )
    elif len(repo.ai_model_names) > 1:
        tip = QCoreApplication.translate("RepositoryTableModel", "AI models: {names}").format(
            names=names
        )
    else:
        tip = QCoreApplication.translate("RepositoryTableModel", "AI model: {name}").format(
            name=names
        )
    return QCoreApplication.translate("RepositoryTableModel", "Has an AI model"), tip


class _RowBuilder:
    """Builds rows with what many of them share worked out once: a workspace's and a storage
    kind's shown text and sort key, a status's words, a day's text. One call per row and
    few per row inside it: 10,000 rows are built per big list."""

    def __init__(self, workspace_names: Mapping[str, str]) -> None:
        self._workspace_names = workspace_names
        self._date_text = DateText(QLocale(), date_format())
        self._status_of = _StatusTexts()
        self._workspaces: dict[str, tuple[str, str]] = {}  # id: shown, casefolded
        self._storages: dict[str, tuple[str, str]] = {}  # storageType: shown, sort key

    def __call__(self, repo: Repository) -> RepositoryRow:
        created = ""
        created_key = -math.inf  # no date sorts first, ahead of the oldest
        created_at = repo.created_at  # parsed from the record's text on each read: read once
        if created_at is not None:
            created_key = created_at.timestamp()
            created = self._date_text(created_key)
        workspace_id = repo.workspace_id
        workspace = self._workspaces.get(workspace_id)
        if workspace is None:
            workspace_name = self._workspace_names.get(workspace_id, "")
            workspace = (clip(workspace_name, KEPT_CHARACTERS), workspace_name.casefold())
            self._workspaces[workspace_id] = workspace
        storage_type = repo.storage_type
        storage = self._storages.get(storage_type)
        if storage is None:
            storage_name = STORAGE_NAMES.get(storage_type, storage_type)
            storage = self._storages[storage_type] = (
                clip(storage_name, KEPT_CHARACTERS),
                storage_name.casefold(),
            )
        status, status_tip = self._status_of(repo)
        name = repository_name(repo)
        name_key = name.casefold()
        # Shown texts clipped (a name may be a million characters: the cell elides it anyway);
        # sorting and filtering use the whole names.
        cells = (
            name if len(name) <= KEPT_CHARACTERS else clip(name, KEPT_CHARACTERS),
            workspace[0],
            storage[0],
            status,
            created,
        )
        keys = (name_key, workspace[1], storage[1], status, created_key)
        return _new_row((repo, cells, keys, f"{name_key}\n{workspace[1]}", status_tip))


def build_rows(
    repositories: Sequence[Repository], workspace_names: Mapping[str, str]
) -> list[RepositoryRow]:
    """Everything a row shows and compares, computed once."""
    return list(map(_RowBuilder(workspace_names), repositories))


SortOrder = tuple[int, bool]  # the column, and whether descending


class SortedRows(list[RepositoryRow]):
    """Rows already sorted in ``order`` (before ``set_rows``): ``set_rows`` keeps that order
    when the table still shows it, instead of sorting 10,000 rows again with the reset."""

    def __init__(self, rows: list[RepositoryRow], order: SortOrder) -> None:
        super().__init__(rows)
        self.order = order


ROWS_PER_SLICE = 1000  # about 4 ms


async def build_sorted_rows_in_slices(
    repositories: Sequence[Repository], workspace_names: Mapping[str, str], order: SortOrder
) -> SortedRows:
    """``build_rows`` sorted in ``order`` (the model's ``sort_order``), on the loop's thread,
    letting the window run between slices of rows. (A worker thread did not keep it live:
    it holds the GIL for 5 ms at a time, and the window waits for the GIL several times per
    frame, so frames came 15-30 ms apart.)"""
    build = _RowBuilder(workspace_names)
    rows: list[RepositoryRow] = []
    for start in range(0, len(repositories), ROWS_PER_SLICE):
        if start:
            await asyncio.sleep(0)
        rows += map(build, repositories[start : start + ROWS_PER_SLICE])
    await asyncio.sleep(0)
    _sort(rows, order)  # 2-4 ms: a turn of its own, as showing the rows takes about 10 ms
    await asyncio.sleep(0)
    return SortedRows(rows, order)


def _sort(rows: list[RepositoryRow], order: SortOrder) -> None:
    column, descending = order
    rows.sort(key=lambda row: row.sort_keys[column], reverse=descending)


class _StatusTexts:
    """``status_text`` translated once per distinct answer, not once per row."""

    def __init__(self) -> None:
        self._known: dict[tuple[object, ...], tuple[str, str]] = {}

    def __call__(self, repo: Repository) -> tuple[str, str]:
        # The record's own fields, from which the status is worked out: reading them costs a
        # quarter of asking for the three properties per row. A few distinct keys per list.
        key = (repo.disabled_or_none, repo.ai_links)
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = status_text(repo)
        return found


class RepositoryTableModel(QAbstractTableModel):
    """All rows, and the ones the filter lets through, both in the current sort order.

    Filtering and sorting work on precomputed keys with plain list operations (no per-row
    Python call into Qt), so a keystroke stays within a frame at 10,000 repositories.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[RepositoryRow] = []
        self._rows: list[RepositoryRow] = []
        self._row_of: dict[str, int] | None = {}  # None: not asked for since the rows changed
        self._needle = ""
        self._workspace_id: str | None = None
        self._sort_column = 0
        self._descending = False

    def set_repositories(
        self, repositories: Sequence[Repository], workspace_names: Mapping[str, str]
    ) -> None:
        self.set_rows(build_rows(repositories, workspace_names))

    def set_rows(self, rows: list[RepositoryRow]) -> None:
        """Rows from ``build_rows`` or ``build_sorted_rows_in_slices``, sorted and filtered."""
        if isinstance(rows, SortedRows):
            presorted = rows.order == self.sort_order
            rows = list(rows)  # a plain list from here: its order changes with the header's
            if not presorted:
                self._sort_rows(rows)
        else:
            self._sort_rows(rows)
        self.beginResetModel()
        replaced = self._all
        self._all = rows
        self._rows = self._filtered(rows)
        self._forget_row_index()
        self.endResetModel()
        self._release_in_slices(replaced)

    def _release_in_slices(self, rows: list[RepositoryRow]) -> None:
        """Free the rows just replaced a slice at a time between events: freeing 10,000 rows
        and their records in one go holds the window for 8-10 ms."""
        if len(rows) <= ROWS_PER_SLICE:
            return

        def release_slice() -> None:
            del rows[-ROWS_PER_SLICE:]
            if rows:
                QTimer.singleShot(0, self, release_slice)

        QTimer.singleShot(0, self, release_slice)

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
        self._forget_row_index()
        self.endResetModel()

    def repository_at(self, row: int) -> Repository | None:
        return self._rows[row].repository if 0 <= row < len(self._rows) else None

    def workspace_name_at(self, row: int) -> str:
        return self._rows[row].cells[1] if 0 <= row < len(self._rows) else ""

    def row_of(self, repo_id: str) -> int | None:
        if self._row_of is not None:
            return self._row_of.get(repo_id)
        # The one look-up after the rows changed (the selection kept): a scan that stops at
        # the row costs a fraction of indexing every row (1.5-4 ms at 10,000).
        try:
            return indexOf(map(_ID, self._rows), repo_id)
        except ValueError:
            return None

    def _row_index(self) -> dict[str, int]:
        if self._row_of is None:  # built when sorting keeps a selection, not per keystroke
            rows = self._rows
            self._row_of = dict(zip(map(_ID, rows), range(len(rows)), strict=True))
        return self._row_of

    def rows_with_distinct_text(self, column: int) -> list[int]:
        """The first shown row for each distinct text in ``column`` (to size the column by),
        in row order, without a Python step per row (under a millisecond a column at 10,000)."""
        texts = list(map(itemgetter(column), map(_CELLS, self._rows)))
        # Read backwards, each text's last entry is its first row.
        first = dict(zip(reversed(texts), range(len(texts) - 1, -1, -1), strict=True))
        return sorted(first.values())

    def _filtered(self, rows: list[RepositoryRow]) -> list[RepositoryRow]:
        needle, workspace_id = self._needle, self._workspace_id
        if workspace_id is not None:
            rows = [row for row in rows if row.repository.workspace_id == workspace_id]
        if needle:
            rows = [row for row in rows if needle in row.search_text]
        return rows if rows is not self._all else list(rows)

    def _forget_row_index(self) -> None:
        self._row_of = None  # see row_of

    @property
    def sort_order(self) -> SortOrder:
        return self._sort_column, self._descending

    def _sort_rows(self, rows: list[RepositoryRow]) -> None:
        _sort(rows, self.sort_order)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The role first: a view asks for about eight per cell (font, colours, alignment...)
        # and this model answers three; the others cost no row look-up.
        if role == _DISPLAY:
            return self._rows[index.row()].cells[index.column()] if index.isValid() else None
        if role not in _ROW_ROLES or not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == _TOOLTIP:
            column = index.column()
            # Bounded: a name can be a million characters long.
            return bounded_tooltip(row.status_tip if column == STATUS_COLUMN else row.cells[column])
        if role == _REPOSITORY:
            return row.repository
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(_CONTEXT, HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section == STATUS_COLUMN:
            return QCoreApplication.translate(
                "RepositoryTableModel",
                "Whether an AI model is set up for the repository, or whether it is disabled. "
                "Empty when Flashback did not say.",
            )
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
        self._forget_row_index()
        row_of = self._row_index() if persistent else {}
        self.changePersistentIndexList(
            persistent,
            [
                self.index(row_of[repo_id], index.column())
                for index, repo_id in zip(persistent, old_ids, strict=True)
            ],
        )
        self.layoutChanged.emit()
