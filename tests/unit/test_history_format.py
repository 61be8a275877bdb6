"""Times, people and token counts as the conversation history shows them."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale

from flashback_desktop.ui.dates import local_date_time
from flashback_desktop.ui.history_format import creator_label, format_created, group_digits

ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)
ARABIC = QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt)


@pytest.mark.parametrize(
    ("value", "english", "german"),
    [
        (0, "0", "0"),
        (999, "999", "999"),
        (1234, "1,234", "1.234"),
        (2**63 - 1, "9,223,372,036,854,775,807", "9.223.372.036.854.775.807"),
        (2**63, "9,223,372,036,854,775,808", "9.223.372.036.854.775.808"),
        (2**64 + 1, "18,446,744,073,709,551,617", "18.446.744.073.709.551.617"),
        (10**40, "10" + ",000" * 13, "10" + ".000" * 13),
    ],
)
def test_grouping_is_exact_at_any_size(value: int, english: str, german: str) -> None:
    assert group_digits(value, ENGLISH) == english
    assert group_digits(value, GERMAN) == german


def test_big_numbers_match_qt_where_qt_can_format_them() -> None:
    # Below 2^63 Qt formats; above it we do: the two must look alike at the seam.
    below, above = group_digits(2**63 - 1, ARABIC), group_digits(2**63, ARABIC)
    assert len(below) == len(above)
    assert above[0] == ARABIC.toString(9)  # the locale's own digits
    assert ARABIC.groupSeparator() in above


def test_a_locale_without_grouping_gets_none() -> None:
    plain = QLocale(ENGLISH)
    plain.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    assert group_digits(1234, plain) == "1234"
    assert group_digits(2**70, plain) == str(2**70)


def test_created_time_is_this_computers_local_time_in_the_locale() -> None:
    moment = datetime(2026, 3, 12, 21, 5, tzinfo=UTC)
    local = moment.astimezone()
    expected = f"{local.day} {GERMAN.monthName(local.month, GERMAN.FormatType.ShortFormat)} "
    assert format_created(moment, GERMAN) == expected + local.strftime("%Y %H:%M")
    assert str(local.year) in format_created(moment, GERMAN, long=True)
    assert format_created(None, GERMAN) == "Unknown time"


def test_the_creator() -> None:
    assert creator_label("u1", "Ana Ruiz", "ana@x.org", "u1") == ("You", "Ana Ruiz <ana@x.org>")
    assert creator_label("u2", "Ben Okafor", "ben@x.org", "u1")[0] == "Ben Okafor"
    assert creator_label("u2", "", "ben@x.org", "u1")[0] == "ben@x.org"
    assert creator_label("u2", "", "", "u1") == ("Someone else", "User ID u2")
    assert creator_label("u2", "", "", None)[0] == "Someone else"  # profile not loaded yet


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 2, 28, 20, 0, tzinfo=UTC),  # 1 March in Kolkata, 21:00 in Berlin
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # 02:30 in Berlin, summer time
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC),  # 02:30 again, standard time
    ],
)
@pytest.mark.parametrize("zone", ["Europe/Berlin", "Asia/Kolkata"])
def test_the_tooltip_and_the_cell_show_one_local_time(
    moment: datetime, zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One conversion to local time (ui/dates.py), the hour the clocks go back included."""
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        local = moment.astimezone()  # worked out without Qt
        shown = local_date_time(moment)
        assert shown.toSecsSinceEpoch() == int(moment.timestamp())
        assert shown.date().day() == local.day
        assert shown.time().hour() == local.hour
        assert local.strftime("%H:%M") in format_created(moment, GERMAN)
        assert str(local.day) in format_created(moment, GERMAN, long=True)
    finally:
        monkeypatch.undo()
        time.tzset()
