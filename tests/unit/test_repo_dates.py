"""The Created column's dates: Qt's rendering of the (translatable) format, without its cost
(the cost is measured by tests/benchmarks/scale.py: no time limit lives in the suite)."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, QLocale

from flashback_desktop.ui.dates import DateText
from tests.support.app_process import run_python

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


DST_PROBE = """
import sys, time
from PySide6.QtCore import QDate, QLocale
from flashback_desktop.ui.dates import DateText
locale = QLocale("en_GB")
text = DateText(locale, "d MMM yyyy")
wrong = []
# Every 10 minutes for two years: every day's start and every change of the clocks.
for step in range(0, 2 * 366 * 144):
    moment = 1_700_000_000 + step * 600 + 7
    local = time.localtime(moment)
    expected = locale.toString(QDate(local.tm_year, local.tm_mon, local.tm_mday), "d MMM yyyy")
    if text(moment) != expected:
        wrong.append((moment, text(moment), expected))
print(len(wrong), wrong[:3])
"""


@pytest.mark.parametrize(
    "zone",
    [
        "Europe/Berlin",  # an hour forward and back
        "America/St_Johns",  # -3:30, with summer time
        "Australia/Lord_Howe",  # the clocks move by half an hour
        "Asia/Kathmandu",  # +5:45, no summer time
        "Pacific/Apia",  # summer time on the far side of the date line
    ],
)
def test_the_local_day_across_changes_of_the_clocks(zone: str) -> None:
    """The day's text is worked out once per local day, with the offset of each UTC day;
    on a day the clocks change, every moment still falls on its own local day."""
    done = run_python(["-c", DST_PROBE], env={"TZ": zone})
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("0 "), done.stdout
