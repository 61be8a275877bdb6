"""The conversation history's table model: newest first, as the server sends them.

Rows are built once when a page arrives (texts, tooltips), so painting only looks them up.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from flashback_desktop.api.models import Conversation
from flashback_desktop.clipping import clip
from flashback_desktop.translatable import QT_TRANSLATE_NOOP
from flashback_desktop.ui.history_format import creator_label, format_created, group_digits
from flashback_desktop.ui.long_text import KEPT_CHARACTERS, bounded_tooltip, in_sentence

ModelIndex = QModelIndex | QPersistentModelIndex

HEADERS = (
    QT_TRANSLATE_NOOP("HistoryTableModel", "Created"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Title"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Started by"),
    # Plain words for token counts: how much text went to the AI model and came back.
    QT_TRANSLATE_NOOP("HistoryTableModel", "Sent to AI"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "AI replies"),
)
HEADER_TIPS = (
    "",
    "",
    "",
    QT_TRANSLATE_NOOP(
        "HistoryTableModel",
        "How much text was sent to the AI model, counted in tokens (pieces of words)",
    ),
    QT_TRANSLATE_NOOP(
        "HistoryTableModel",
        "How much text the AI model wrote back, counted in tokens (pieces of words)",
    ),
)
COLUMN_TITLE = 1
NUMBER_COLUMNS = frozenset({3, 4})
UNTITLED = QT_TRANSLATE_NOOP("HistoryTableModel", "Untitled")
CONVERSATION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_TEXT_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
    )
)


@dataclass(frozen=True, slots=True)
class HistoryRow:
    conversation: Conversation
    cells: tuple[str, ...]
    tooltips: tuple[str, ...]

    @property
    def name(self) -> str:
        """How a sentence names this conversation: its title, else when it was started."""
        if self.conversation.title:
            return QCoreApplication.translate(
                "HistoryTableModel", "“{title}”", "a conversation's title, quoted"
            ).format(title=in_sentence(self.conversation.title))
        return QCoreApplication.translate(
            "HistoryTableModel", "started {when}", "a conversation without a title"
        ).format(when=self.cells[0])


def build_row(conversation: Conversation, locale: QLocale, my_user_id: str | None) -> HistoryRow:
    created = format_created(conversation.created_at, locale)
    who, who_tip = creator_label(
        conversation.created_by,
        conversation.creator_name,
        conversation.creator_email,
        my_user_id,
    )
    tokens_in = group_digits(conversation.tokens_in, locale)
    tokens_out = group_digits(conversation.tokens_out, locale)
    cells = (
        created,
        clip(conversation.title, KEPT_CHARACTERS)
        or QCoreApplication.translate("HistoryTableModel", UNTITLED),
        clip(who, KEPT_CHARACTERS),
        tokens_in,
        tokens_out,
    )
    id_tip = QCoreApplication.translate("HistoryTableModel", "Conversation ID {id}").format(
        id=conversation.id
    )
    title_tip = conversation.title or QCoreApplication.translate(
        "HistoryTableModel", "No title yet"
    )
    tooltips = (
        f"{format_created(conversation.created_at, locale, long=True)}\n{id_tip}",
        f"{title_tip}\n{id_tip}",
        who_tip,
        QCoreApplication.translate(
            "HistoryTableModel", "{count} tokens sent to the AI model"
        ).format(count=tokens_in),
        QCoreApplication.translate(
            "HistoryTableModel", "{count} tokens received from the AI model"
        ).format(count=tokens_out),
    )
    return HistoryRow(conversation, cells, tooltips)


class HistoryTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryRow] = []
        self._ids: set[str] = set()
        self._untitled_font = QFont()
        self._untitled_font.setItalic(True)

    # ---- changes -----------------------------------------------------------------------

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._ids = [], set()
        self.endResetModel()

    def append(self, rows: Iterable[HistoryRow]) -> int:
        """Add older rows at the end, skipping any already shown; returns how many were new."""
        fresh = self._unseen(rows)
        if fresh:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()
        return len(fresh)

    def prepend(self, rows: Sequence[HistoryRow]) -> int:
        """Add newer rows (newest first) at the top; returns how many were new."""
        fresh = self._unseen(rows)
        if fresh:
            self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
            self._rows[:0] = fresh
            self.endInsertRows()
        return len(fresh)

    def remove(self, conversation_id: str) -> bool:
        row = self.row_of(conversation_id)
        if row is None:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._ids.discard(conversation_id)
        self.endRemoveRows()
        return True

    def _unseen(self, rows: Iterable[HistoryRow]) -> list[HistoryRow]:
        fresh = []
        for row in rows:
            if row.conversation.id not in self._ids:
                self._ids.add(row.conversation.id)
                fresh.append(row)
        return fresh

    # ---- lookups -----------------------------------------------------------------------

    def __contains__(self, conversation_id: object) -> bool:
        return conversation_id in self._ids

    def row_at(self, row: int) -> HistoryRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, conversation_id: str) -> int | None:
        if conversation_id not in self._ids:
            return None
        return next(n for n, row in enumerate(self._rows) if row.conversation.id == conversation_id)

    def ids(self) -> list[str]:
        return [row.conversation.id for row in self._rows]

    def rows_with_distinct_text(self, column: int) -> list[int]:
        """One row per distinct text in ``column``, the longest first: a column is sized by
        the first few (``column_fit.MEASURED_ROWS``), and counts and names vary in length."""
        first: dict[str, int] = {}
        for number, row in enumerate(self._rows):
            first.setdefault(row.cells[column], number)
        return sorted(first.values(), key=lambda number: -len(self._rows[number].cells[column]))

    # ---- Qt ----------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in _TEXT_ROLES:  # a tooltip bounded: a title can be any length
            return bounded_tooltip(row.tooltips[column]) if role == _TOOLTIP else row.cells[column]
        if role == CONVERSATION_ID_ROLE:
            return row.conversation.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBER_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == COLUMN_TITLE and not row.conversation.title:
            return self._untitled_style(role)
        return None

    def _untitled_style(self, role: int) -> Any:
        """ "Untitled" is dim and italic, in whatever colours the palette has."""
        if role == Qt.ItemDataRole.ForegroundRole:
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole:
            return self._untitled_font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("HistoryTableModel", HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and HEADER_TIPS[section]:
            return QCoreApplication.translate("HistoryTableModel", HEADER_TIPS[section])
        return None
