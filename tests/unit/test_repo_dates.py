"""The Created column's dates: Qt's rendering of the (translatable) format, without its cost."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, QLocale

from flashback_desktop.ui.repo_model import _DateText

MOMENTS = [
    datetime(2026, 1, 2, 9, 30, tzinfo=UTC),
    datetime(2025, 5, 31, 23, 59, tzinfo=UTC),
    datetime(2019, 12, 9, 0, 1, tzinfo=UTC),
    datetime(2031, 9, 15, 12, 0, tzinfo=UTC),
]
FORMATS = [
    "d MMM yyyy",  # the source
    "d. MMM yyyy",  # German
    "dd/MM/yy",
    "d 'de' MMMM 'de' yyyy",  # quoted words
    "MMMM d, yyyy",
    "'d''' d M",  # a quote inside quotes and out
]


@pytest.mark.parametrize("date_format", FORMATS)
@pytest.mark.parametrize("name", ["en_GB", "es_ES", "de_DE", "fr_FR", "ja_JP"])
def test_the_same_text_as_qlocale(name: str, date_format: str) -> None:
    locale = QLocale(name)
    text = _DateText(locale, date_format)
    for moment in MOMENTS:
        local = time.localtime(moment.timestamp())
        day = QDate(local.tm_year, local.tm_mon, local.tm_mday)
        assert text(moment.timestamp()) == locale.toString(day, date_format), moment


def test_far_faster_than_asking_qlocale_for_each_row() -> None:
    """The point of _DateText: 10,000 rows must not cost a QLocale.toString each (about 4x
    here; the best of five runs each, so a busy machine does not decide)."""
    locale = QLocale("de_DE")
    stamps = [1_700_000_000 + n * 3_600 for n in range(5_000)]
    text = _DateText(locale, "d. MMM yyyy")

    def ours() -> list[str]:
        return [text(stamp) for stamp in stamps]

    def theirs() -> list[str]:
        days = (datetime.fromtimestamp(stamp).astimezone() for stamp in stamps)
        return [locale.toString(QDate(d.year, d.month, d.day), "d. MMM yyyy") for d in days]

    assert ours() == theirs()
    assert best_of_five(ours) * 2 < best_of_five(theirs)


def best_of_five(run: Callable[[], object]) -> float:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)
