"""A conversation's messages as a list model: one row per message, oldest first.

The text of each row (who, when, model, tokens) is made the first time the row is asked
for (painted, read out, copied) and kept: a 1,000-message conversation is stored in one
reset without formatting 1,000 dates, most of them never on screen. The delegate lays out
the body itself.
"""

from __future__ import annotations

from collections.abc import Callable
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
    if message.token_count is not None:  # has_details below says the same
        parts.append(
            QCoreApplication.translate(
                "MessageListModel", "{count} tokens", "a message's size"
            ).format(count=locale.toString(message.token_count))
        )
    return MessageRow(message, header, " · ".join(parts))


def has_details(message: Message) -> bool:
    """Whether the row has a details line (a model or a token count), without making it."""
    return bool(message.model) or message.token_count is not None


# What each role reads: from the message itself (asked for every row laid out), or from its
# texts (made when first asked for: rows painted, read out, copied).
_FROM_MESSAGE: dict[int, Callable[[Message], Any]] = {
    MESSAGE_ROLE: lambda message: message,
    Qt.ItemDataRole.DisplayRole: lambda message: message.content,
    MARKDOWN_ROLE: lambda message: message.role == ROLE_ASSISTANT,
}
_FROM_ROW: dict[int, Callable[[MessageRow], Any]] = {
    HEADER_ROLE: lambda row: row.header,
    DETAILS_ROLE: lambda row: row.details,
    Qt.ItemDataRole.AccessibleTextRole: lambda row: f"{row.header}. {row.message.content}",
}


class MessageListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._messages: list[Message] = []
        self._rows: list[MessageRow | None] = []  # made when first asked for
        self._locale = QLocale()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._messages)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._messages):
            return None
        from_message = _FROM_MESSAGE.get(role)
        if from_message is not None:
            return from_message(self._messages[row])
        from_row = _FROM_ROW.get(role)  # None: the style's roles (font, colour…), not ours
        return from_row(self._made(row)) if from_row is not None else None

    def message_at(self, row: int) -> Message:
        """The row's message (the delegate asks for every row at every layout: no Qt call)."""
        return self._messages[row]

    def row_at(self, row: int) -> MessageRow | None:
        return self._made(row) if 0 <= row < len(self._messages) else None

    def _made(self, row: int) -> MessageRow:
        made = self._rows[row]
        if made is None:
            made = self._rows[row] = build_row(self._messages[row], self._locale)
        return made

    def message_ids(self) -> set[str]:
        return {message.id for message in self._messages}

    def set_messages(self, messages: tuple[Message, ...]) -> list[Message]:
        """Show ``messages``; returns the ones that were not shown before (to announce).

        New messages at the end are appended (the view keeps its place); anything else
        resets the list.
        """
        self._locale = QLocale()
        known = self.message_ids()
        new = [m for m in messages if m.id not in known]
        shown = [message.id for message in self._messages]
        if [m.id for m in messages[: len(shown)]] == shown:
            if new:
                first = len(self._messages)
                self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
                self._messages.extend(new)
                self._rows.extend(None for _ in new)
                self.endInsertRows()
            return new
        self.beginResetModel()
        self._messages = list(messages)
        self._rows = [None] * len(messages)
        self.endResetModel()
        return new
