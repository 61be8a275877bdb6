"""A native crash leaves its trace in the log folder and is told on the next start; Qt's own
warnings reach the app's log (issue 16, "Borrowed from qutebrowser").

Each runs in a process of its own: pytest keeps faulthandler and Qt's message handler for
itself, and a segmentation fault must not take the test run with it.
"""

from __future__ import annotations

import signal
from pathlib import Path

from flashback_desktop.crash_log import CRASH_FILE, PREVIOUS_CRASH_FILE
from tests.support.app_process import run_app, run_python

CRASH = """
import faulthandler
from flashback_desktop import app, crash_log
crash_log.enable(app.log_directory())
def inside_qt():
    faulthandler._sigsegv()  # as a fault in a native library would
inside_qt()
"""


def test_a_native_crash_is_kept_in_the_log_folder_and_told_at_the_next_start(
    tmp_path: Path,
) -> None:
    env = {"XDG_STATE_HOME": str(tmp_path / "state"), "LANGUAGE": "en"}
    crashed = run_python(["-c", CRASH], env)
    assert crashed.returncode == -signal.SIGSEGV, crashed.stderr
    (log_dir,) = (tmp_path / "state").rglob("log")
    trace = (log_dir / CRASH_FILE).read_text(encoding="utf-8")
    assert "Segmentation fault" in trace
    assert "inside_qt" in trace  # the Python stack at the moment of the crash

    started = run_app("--demo", "--exit-after", "repos-loaded", env=env)
    assert started.returncode == 0, started.stderr
    log = (log_dir / "flashback-desktop.log").read_text(encoding="utf-8")
    assert "The previous run of Flashback Desktop stopped unexpectedly" in log
    assert "inside_qt" in log
    assert (log_dir / PREVIOUS_CRASH_FILE).read_text(encoding="utf-8") == trace
    assert (log_dir / CRASH_FILE).read_text(encoding="utf-8") == ""  # this run ended cleanly

    again = run_app("--demo", "--exit-after", "repos-loaded", env=env)
    assert again.returncode == 0, again.stderr
    log = (log_dir / "flashback-desktop.log").read_text(encoding="utf-8")
    assert log.count("stopped unexpectedly") == 1  # told once, not at every start


QT_WARNING = """
import logging, sys
from PySide6.QtCore import qInstallMessageHandler, qWarning
logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(name)s: %(message)s")
earlier = []
qInstallMessageHandler(lambda kind, context, message: earlier.append(message))
from flashback_desktop import crash_log
crash_log.route_qt_messages()
qWarning("QWidget::setLayout: a probe warning")
print("earlier handler saw:", earlier)
"""


def test_qt_warnings_reach_the_log_and_the_handler_that_was_there_before() -> None:
    done = run_python(["-c", QT_WARNING])
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "WARNING flashback.qt: QWidget::setLayout: a probe warning",
        "earlier handler saw: ['QWidget::setLayout: a probe warning']",
    ]
