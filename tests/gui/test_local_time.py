"""Every time on screen is this computer's local time, in zones far from UTC.

The moments chosen cross midnight: in Los Angeles 03:30 UTC on 1 March is still the
evening of 28 February; in Kolkata 20:00 UTC on 28 February is already 1 March. A date
taken from the UTC text, or a time zone read once and cached, shows the wrong day.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from flashback_desktop.sandbox import SandboxServer
from flashback_desktop.sandbox.messages import iso
from tests.gui.conftest import App
from tests.support.sandbox_data import repo_id_named


@dataclass(frozen=True)
class Zone:
    name: str
    moment: datetime  # the moment whose local date is not its UTC date
    local_day: int  # its day of the month there
    local_time: str  # its wall-clock time there, 24-hour
    noon_that_day: datetime  # noon there, on the local day (UTC)
    noon_utc_day: datetime  # noon there, on the moment's UTC day (UTC)


ZONES = [
    Zone(
        "America/Los_Angeles",
        datetime(2026, 3, 1, 3, 30, tzinfo=UTC),
        28,
        "19:30",
        datetime(2026, 2, 28, 20, 0, tzinfo=UTC),
        datetime(2026, 3, 1, 20, 0, tzinfo=UTC),
    ),
    Zone(
        "Asia/Kolkata",
        datetime(2026, 2, 28, 20, 0, tzinfo=UTC),
        1,
        "01:30",
        datetime(2026, 3, 1, 6, 30, tzinfo=UTC),
        datetime(2026, 2, 28, 6, 30, tzinfo=UTC),
    ),
]


@pytest.fixture(params=ZONES, ids=lambda zone: zone.name)
def zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Zone]:
    """TZ pinned for the app (Python's and Qt's local time both follow the C library's)."""
    monkeypatch.setenv("TZ", request.param.name)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def created_at(sandbox: SandboxServer, name: str, moment: datetime) -> None:
    repo = next(r for r in sandbox.state.repos if r["name"] == name)
    repo["createdAt"] = iso(moment)


def repo_cell(app: App, name: str) -> str:
    row = app.page.row_of(repo_id_named(app.sandbox, name))
    assert row is not None
    return str(app.page.cell(row, 4))


def test_the_repository_list_shows_the_local_day(
    zone: Zone, sandbox: SandboxServer, start_app: Callable[..., App]
) -> None:
    # Two neighbours at local noon give the right and the wrong day in the list's own format.
    created_at(sandbox, "Contracts 2026", zone.moment)
    created_at(sandbox, "Marketing assets", zone.noon_that_day)
    created_at(sandbox, "Brand guidelines", zone.noon_utc_day)
    app = start_app()
    assert time.localtime(zone.moment.timestamp()).tm_mday == zone.local_day  # TZ took
    shown = repo_cell(app, "Contracts 2026")
    assert shown == repo_cell(app, "Marketing assets")
    assert shown != repo_cell(app, "Brand guidelines")
    assert str(zone.local_day) in shown


def test_recent_conversations_show_the_local_day_and_time(
    zone: Zone, start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    repo_id = repo_id_named(app.sandbox, "Contracts 2026")
    conversation = app.sandbox.state.add_conversation(repo_id, created_at=zone.moment)
    with app.page.history.wait_page_shown(qtbot):
        app.select("Contracts 2026")
    assert app.page.history.ids() == [conversation]
    shown = str(app.page.history.cell(0, 0))
    hour, minute = zone.local_time.split(":")
    twelve_hour = f"{int(hour) % 12 or 12}:{minute}"
    assert zone.local_time in shown or twelve_hour in shown, shown
    assert str(zone.local_day) in shown.replace(zone.local_time, ""), shown
    utc_time = zone.moment.strftime("%H:%M")
    assert utc_time not in shown, shown
