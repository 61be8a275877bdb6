"""One date style across the app: "12 Mar 2026" in the local time zone, the month named
the way the person's language names it, so day and month cannot be mistaken for each
other as in 12/03/2026. The repository list shows the day; Recent conversations adds the
time, in the locale's short time format."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime


class DateText:
    """ "12 Mar 2026" in the local time zone, the way the person's language writes it (the
    format is translatable: "d. MMM yyyy" in German), with the month's name, so day and
    month cannot be mistaken for each other as in 12/03/2026.

    The format is read once into parts and the month names are asked of QLocale once; each
    row then only joins strings, with the local date from ``time.localtime``: about 6x
    faster per row than ``astimezone`` plus ``QLocale.toString``, which counts at 10,000
    rows. It prints what ``QLocale.toString(date, format)`` prints for the codes below.
    """

    def __init__(self, locale: QLocale, date_format: str) -> None:
        short = ("", *(locale.monthName(m, QLocale.FormatType.ShortFormat) for m in range(1, 13)))
        long = ("", *(locale.monthName(m, QLocale.FormatType.LongFormat) for m in range(1, 13)))
        fields: dict[str, Callable[[time.struct_time], str]] = {
            "d": lambda t: str(t.tm_mday),
            "dd": lambda t: f"{t.tm_mday:02}",
            "M": lambda t: str(t.tm_mon),
            "MM": lambda t: f"{t.tm_mon:02}",
            "MMM": lambda t: short[t.tm_mon],
            "MMMM": lambda t: long[t.tm_mon],
            "yy": lambda t: f"{t.tm_year % 100:02}",
            "yyyy": lambda t: str(t.tm_year),
        }
        self._parts = [
            part if isinstance(part, str) else fields[part[0]] for part in _date_parts(date_format)
        ]
        self._known: dict[tuple[int, int, int], str] = {}  # many repositories share a day
        # The local time's offset on each UTC day (None: the clocks change that day), and the
        # text of each local day by its number: most rows then cost two look-ups and no
        # time.localtime, which alone takes longer than the rest of a row's date.
        self._offsets: dict[float, int | None] = {}
        self._by_day: dict[float, str] = {}

    def __call__(self, timestamp: float) -> str:
        utc_day = timestamp // _DAY
        offset = self._offsets.get(utc_day, _UNKNOWN)
        if offset is _UNKNOWN:
            offset = self._offsets[utc_day] = _steady_offset(utc_day * _DAY)
        if offset is None:
            return self._text(timestamp)
        local_day = (timestamp + offset) // _DAY
        text = self._by_day.get(local_day)
        if text is None:
            text = self._by_day[local_day] = self._text(timestamp)
        return text

    def _text(self, timestamp: float) -> str:
        local = time.localtime(timestamp)
        day = (local.tm_year, local.tm_mon, local.tm_mday)
        text = self._known.get(day)
        if text is None:
            text = self._known[day] = "".join(
                part if isinstance(part, str) else part(local) for part in self._parts
            )
        return text


_DAY = 86400
_UNKNOWN = 1 << 40  # no offset is this large: not worked out yet


def _steady_offset(day_start: float) -> int | None:
    """The local time's offset from UTC all through the UTC day from ``day_start``, or None
    when it changes that day (or the C library cannot say, for a date far off)."""
    try:
        first = time.localtime(day_start).tm_gmtoff
        last = time.localtime(day_start + _DAY - 1).tm_gmtoff
    except (OverflowError, OSError, ValueError):
        return None
    return first if first == last else None


_DATE_CODES = {"d": ("d", "dd"), "M": ("M", "MM", "MMM", "MMMM"), "y": ("yy", "yyyy")}


def _date_parts(date_format: str) -> list[str | tuple[str]]:
    """A Qt date format ("d MMM yyyy", "d. MMM yyyy", "d 'de' MMMM") as literal strings and
    one-tuples of field codes. Day names are not offered: the Created column has none."""
    parts: list[str | tuple[str]] = []
    i, quoted = 0, False
    while i < len(date_format):
        char = date_format[i]
        if char == "'":
            if date_format.startswith("''", i):  # '' is a quote, inside quotes or out
                parts.append("'")
                i += 2
            else:
                quoted = not quoted
                i += 1
            continue
        run = len(date_format) - i - len(date_format[i:].lstrip(char))
        usable = [code for code in _DATE_CODES.get(char, ()) if len(code) <= run]
        code = usable[-1] if usable and not quoted else char
        parts.append((code,) if usable and not quoted else code)
        i += len(code)
    return parts


def date_format() -> str:
    """The Created column's format in the person's language (Qt's QDate::toString codes)."""
    return QCoreApplication.translate(
        "RepositoryTableModel", "d MMM yyyy", "date format: Qt's QDate::toString codes"
    )


@lru_cache(maxsize=8)
def _date_text_for(locale_name: str, date_format: str) -> DateText:
    return DateText(QLocale(locale_name), date_format)


def date_text(moment: datetime, locale: QLocale) -> str:
    """The day of ``moment`` in the app's date style."""
    return _date_text_for(locale.name(), date_format())(moment.timestamp())


def local_time(moment: datetime) -> time.struct_time:
    """``moment`` in this computer's time zone: every time shown goes through here (or, per
    row, ``DateText``, with the same ``time.localtime``)."""
    return time.localtime(moment.timestamp())


def local_date_time(moment: datetime) -> QDateTime:
    """``moment`` in this computer's time zone, as Qt's formats want it."""
    local = local_time(moment)
    # The hour a clock goes back is there twice: the C library knows which one it was.
    resolution = QDateTime.TransitionResolution
    return QDateTime(
        QDate(local.tm_year, local.tm_mon, local.tm_mday),
        QTime(local.tm_hour, local.tm_min, local.tm_sec),
        resolution.PreferDaylightSaving if local.tm_isdst > 0 else resolution.PreferStandard,
    )


def date_time_text(moment: datetime, locale: QLocale) -> str:
    """The day and the time of ``moment``: "4 Dec 2026 14:07" ("2:07 PM" in English)."""
    local = local_time(moment)
    clock = QTime(local.tm_hour, local.tm_min)
    hour = locale.toString(clock, locale.timeFormat(QLocale.FormatType.ShortFormat))
    return QCoreApplication.translate(
        "RepositoryTableModel", "{date} {time}", "a day and a time of day, e.g. 4 Dec 2026 14:07"
    ).format(date=date_text(moment, locale), time=hour)
