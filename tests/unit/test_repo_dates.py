"""The Created column's dates: Qt's rendering of the (translatable) format, without its cost
(the cost is measured by tests/benchmarks/scale.py: no time limit lives in the suite)."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, QLocale

from flashback_desktop.ui.dates import DateText

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
    text = DateText(locale, date_format)
    for moment in MOMENTS:
        local = time.localtime(moment.timestamp())
        day = QDate(local.tm_year, local.tm_mon, local.tm_mday)
        assert text(moment.timestamp()) == locale.toString(day, date_format), moment
