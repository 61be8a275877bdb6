"""Dates and numbers in the person's language even when the system locale lies about it.

With LANGUAGE=es (or de) and LC_ALL=C, as on a desktop whose formats were never set, Qt's
system locale calls itself es_ES but names months in English and writes dates the C way.
The app's one date style must still say "2 ene 2026" and group digits the Spanish way.
Each case runs in its own process: the system locale is read once per process.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = """
from datetime import UTC, datetime
from PySide6.QtCore import QCoreApplication, QLocale
app = QCoreApplication([])
from flashback_desktop import i18n
from flashback_desktop.api.models import decode_repositories
from flashback_desktop.ui.dates import date_time_text
from flashback_desktop.ui.history_format import group_digits
from flashback_desktop.ui.repo_model import build_rows
i18n.install()
moment = datetime(2026, 1, 2, 10, 0, tzinfo=UTC)
body = b'{"success": true, "repos": [{"id": "r", "name": "n", "workspaceId": "w", ' \
    b'"storageType": "S3", "createdAt": "2026-01-02T10:00:00Z", "disabled": false}]}'
row = build_rows(list(decode_repositories(body)), {})[0]
print(row.cells[4])
print(date_time_text(moment, QLocale()).split(" ")[1])
print(group_digits(1234567, QLocale()))
print(QLocale().toString(7654321))  # the default itself, as every QLocale() sees it
"""


@pytest.mark.parametrize(
    ("language", "month", "digits"), [("es", "ene", "1.234.567"), ("de", "Jan.", "1.234.567")]
)
def test_month_names_and_digits_follow_the_language_not_the_c_formats(
    language: str, month: str, digits: str
) -> None:
    env = {**os.environ, "LANGUAGE": language, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "TZ": "UTC"}
    env.pop("DISPLAY", None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    listed, history_month, grouped, default = result.stdout.split("\n")[:4]
    assert month in listed.split(" "), listed
    assert history_month == month
    assert grouped == digits
    assert default == "7.654.321"  # every QLocale() of the app, not only the dates
