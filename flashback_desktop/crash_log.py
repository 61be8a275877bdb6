"""What the log folder keeps of crashes Python cannot report itself, and of Qt's own warnings.

A crash inside Qt or another native library (a segmentation fault, an abort) kills the
process before any Python handler runs, so the log ends mid-sentence. ``faulthandler`` writes
each thread's Python stack to ``native-crash.log`` in the log folder at that moment; the next
start finds the file not empty, keeps it as ``native-crash.previous.log`` and says so in the
log in one plain sentence (IT reads that log). A clean run leaves the file empty.

Qt prints its warnings to the terminal, where nobody sees them on an office computer:
``route_qt_messages`` sends them to the app's log instead (after whatever handler was there
before, so pytest-qt still sees them in tests). The idea is qutebrowser's.
"""

from __future__ import annotations

import faulthandler
import logging
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QMessageLogContext, QtMsgType

log = logging.getLogger("flashback.crash_log")
qt_log = logging.getLogger("flashback.qt")

CRASH_FILE = "native-crash.log"
PREVIOUS_CRASH_FILE = "native-crash.previous.log"

_file: TextIO | None = None  # kept open: faulthandler writes to its descriptor at the crash
_previous: Path | None = None  # the last run's trace, when it crashed


def enable(log_dir: Path) -> None:
    """Start recording native crashes in ``log_dir``; set aside the last run's, if any.

    Left alone when faulthandler is already on (a developer's PYTHONFAULTHANDLER, pytest).
    """
    global _file, _previous  # noqa: PLW0603 - one crash file per process
    if faulthandler.is_enabled() or _file is not None:
        return
    crash_file = log_dir / CRASH_FILE
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        if crash_file.is_file() and crash_file.stat().st_size > 0:
            _previous = crash_file.replace(log_dir / PREVIOUS_CRASH_FILE)
        _file = crash_file.open("w", encoding="utf-8")
    except OSError:  # a read-only home must not stop the app; the log says so already
        return
    faulthandler.enable(_file, all_threads=True)


def report_previous_crash() -> None:
    """Once logging is set up: the sentence about the last run's crash, and its trace."""
    global _previous  # noqa: PLW0603
    if _previous is None:
        return
    try:
        trace = _previous.read_text(encoding="utf-8", errors="replace")
    except OSError:
        trace = ""
    log.warning(
        "The previous run of Flashback Desktop stopped unexpectedly (a crash outside Python). "
        "What it was doing is kept in %s:\n%s",
        _previous,
        trace.strip()[:20_000],
    )
    _previous = None


_QT_LEVELS = {"QtDebugMsg": logging.DEBUG, "QtInfoMsg": logging.INFO}


def route_qt_messages() -> None:
    """Qt's debug output, warnings and errors go to the log (logger ``flashback.qt``)."""
    from PySide6.QtCore import qInstallMessageHandler  # noqa: PLC0415 - Qt is loaded by now

    previous: Callable[[QtMsgType, QMessageLogContext, str], object] | None = None

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if previous is not None:
            previous(kind, context, message)
        level = _QT_LEVELS.get(kind.name, logging.WARNING)
        if kind.name in ("QtCriticalMsg", "QtFatalMsg"):
            level = logging.ERROR
        if context.category in ("", "default"):
            qt_log.log(level, "%s", message)
        else:
            qt_log.log(level, "%s: %s", context.category, message)

    previous = qInstallMessageHandler(handler)
