"""How the conversation history shows times, people and token counts, in the person's locale."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from flashback_desktop.ui.dates import date_time_text, local_date_time

# These texts fill the history list's cells: they share its model's context.

# QLocale.toString takes a signed 64-bit integer; token counters may be larger than that.
_QT_INT_LIMIT = 2**63


def format_created(moment: datetime | None, locale: QLocale, *, long: bool = False) -> str:
    """The creation time in the app's one date style (as the repository list writes it),
    with the time; ``long``: the locale's full form, for a tooltip."""
    if moment is None:
        return QCoreApplication.translate("HistoryTableModel", "Unknown time")
    if long:
        return locale.toString(local_date_time(moment), QLocale.FormatType.LongFormat)
    return date_time_text(moment, locale)


def group_digits(value: int, locale: QLocale) -> str:
    """A whole number with the locale's grouping, exact at any size (never through float)."""
    if -_QT_INT_LIMIT <= value < _QT_INT_LIMIT:
        return locale.toString(value)
    text = str(abs(value))
    if not locale.numberOptions() & QLocale.NumberOption.OmitGroupSeparator:  # as Qt would
        head = len(text) % 3 or 3
        groups = [text[:head]] + [text[i : i + 3] for i in range(head, len(text), 3)]
        text = locale.groupSeparator().join(groups)
    zero = locale.zeroDigit()
    if zero != "0":  # locales with their own digits (Arabic, Bengali, …)
        text = text.translate({ord("0") + n: chr(ord(zero) + n) for n in range(10)})
    return (locale.negativeSign() if value < 0 else "") + text


def creator_label(
    created_by: str, name: str, email: str, my_user_id: str | None
) -> tuple[str, str]:
    """Who started it, in words, and a tooltip with more: "You" for the signed-in person."""
    full = " ".join(part for part in (name, f"<{email}>" if email else "") if part)
    if my_user_id and created_by == my_user_id:
        you = QCoreApplication.translate(
            "HistoryTableModel", "You", "who started a conversation: the person signed in"
        )
        return you, full or QCoreApplication.translate(
            "HistoryTableModel", "You started this conversation"
        )
    if name or email:
        return name or email, full
    if created_by:
        return QCoreApplication.translate(
            "HistoryTableModel", "Someone else"
        ), QCoreApplication.translate("HistoryTableModel", "User ID {id}").format(id=created_by)
    return QCoreApplication.translate(
        "HistoryTableModel", "Someone else"
    ), QCoreApplication.translate("HistoryTableModel", "Creator not known")
