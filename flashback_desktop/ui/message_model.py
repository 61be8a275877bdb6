"""A conversation's messages as a list model: one row per message, oldest first.

The text of each row (who, when, model, tokens) is made once when the messages arrive, so
painting 1,000 rows only reads strings; the delegate lays out the body itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from flashback_desktop.api.chat_models import ROLE_ASSISTANT, ROLE_USER, Message
from flashback_desktop.ui.dates import date_time_text

MESSAGE_ROLE = Qt.ItemDataRole.UserRole + 1  # the Message itself
HEADER_ROLE = Qt.ItemDataRole.UserRole + 2  # "You · 4 Dec 2026 14:07"
DETAILS_ROLE = Qt.ItemDataRole.UserRole + 3  # "gpt-4o · 120 tokens", or ""
MARKDOWN_ROLE = Qt.ItemDataRole.UserRole + 4  # True: render the body as Markdown


@dataclass(frozen=True, slots=True)
class MessageRow:
    message: Message
    header: str
    details: str

    @property
    def markdown(self) -> bool:
        """Only the assistant's replies are Markdown; what a person typed is shown as typed."""
        return self.message.role == ROLE_ASSISTANT


def author(message: Message) -> str:
    if message.role == ROLE_USER:
        return QCoreApplication.translate("MessageListModel", "You")
    if message.role == ROLE_ASSISTANT:
        return QCoreApplication.translate("MessageListModel", "Assistant")
    return QCoreApplication.translate("MessageListModel", "System")


@lru_cache(maxsize=4096)
def _minute_text(minute: int, locale_name: str) -> str:
    """The app's date and time for a minute: many messages share one, and 1,000 rows then
    cost a few milliseconds, not a frame or two."""
    return date_time_text(datetime.fromtimestamp(minute * 60, UTC), QLocale(locale_name))


def build_row(message: Message, locale: QLocale) -> MessageRow:
    created = message.created_at
    who = author(message)
    header = (
        QCoreApplication.translate(
            "MessageListModel", "{author} · {when}", "who wrote a message, and when"
        ).format(author=who, when=_minute_text(int(created.timestamp()) // 60, locale.name()))
        if created is not None
        else who
    )
    parts = [message.model] if message.model else []
    if message.token_count is not None:
        parts.append(
            QCoreApplication.translate(
                "MessageListModel", "{count} tokens", "a message's size"
            ).format(count=locale.toString(message.token_count))
        )
    return MessageRow(message, header, " · ".join(parts))


class MessageListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MessageRow] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.header}. {row.message.content}"
        values = {
            Qt.ItemDataRole.DisplayRole: row.message.content,
            MESSAGE_ROLE: row.message,
            HEADER_ROLE: row.header,
            DETAILS_ROLE: row.details,
            MARKDOWN_ROLE: row.markdown,
        }
        return values.get(role)

    def row_at(self, row: int) -> MessageRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def message_ids(self) -> set[str]:
        return {row.message.id for row in self._rows}

    def set_messages(self, messages: tuple[Message, ...]) -> list[Message]:
        """Show ``messages``; returns the ones that were not shown before (to announce).

        New messages at the end are appended (the view keeps its place); anything else
        resets the list.
        """
        locale = QLocale()
        known = self.message_ids()
        new = [m for m in messages if m.id not in known]
        shown = [row.message.id for row in self._rows]
        if [m.id for m in messages[: len(shown)]] == shown:
            if new:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
                self._rows.extend(build_row(m, locale) for m in new)
                self.endInsertRows()
            return new
        self.beginResetModel()
        self._rows = [build_row(m, locale) for m in messages]
        self.endResetModel()
        return new
