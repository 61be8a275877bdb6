"""The one place unexpected exceptions end up: the log, then a crash dialog.

Installed for ``sys.excepthook`` (exceptions in Qt slots), ``threading.excepthook`` and the
asyncio loop's exception handler; the task manager reports failed tasks here too.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from flashback_desktop.ui.error_dialog import ErrorDialog
from flashback_desktop.ui.error_presenter import ErrorPresenter

log = logging.getLogger("flashback.crash")


def crash_dialog(parent: QWidget | None, exc: BaseException, log_path: str | None) -> ErrorDialog:
    where = (
        "\n\n"
        + QCoreApplication.translate("CrashDialog", "The app's log is at: {path}").format(
            path=log_path
        )
        if log_path
        else ""
    )
    details = "".join(traceback.format_exception(exc)) + where  # the dialog redacts it
    dialog = ErrorDialog(
        parent,
        headline=QCoreApplication.translate(
            "CrashDialog", "Something unexpected went wrong in Flashback Desktop."
        ),
        message=QCoreApplication.translate(
            "CrashDialog",
            "The app ran into a problem it did not expect. Your data on Flashback is safe.",
        ),
        action=QCoreApplication.translate(
            "CrashDialog",
            "You can keep working. If this happens again, copy the details and send them "
            "to your IT support.",
        )
        + where,
        details=details,
    )
    dialog.setObjectName("crashDialog")
    return dialog


class _Relay(QObject):
    """Carries an exception to the GUI thread, from whichever thread it was raised in."""

    crashed = Signal(object)


class CrashHandler:
    def __init__(self, parent: Callable[[], QWidget | None], log_path: str | None) -> None:
        self._parent = parent
        self._log_path = log_path
        self.errors = ErrorPresenter(parent)
        # Built on the GUI thread; queued, so the dialog opens from the GUI thread's event
        # loop, never inside the failing code path (a timer started from a worker thread
        # would belong to that thread and never fire).
        self._relay = _Relay()
        self._relay.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def __call__(self, exc: BaseException) -> None:
        log.critical("Unexpected error", exc_info=exc)
        self._relay.crashed.emit(exc)

    def _show(self, exc: BaseException) -> None:
        self.errors.open(crash_dialog(self._parent(), exc, self._log_path))

    def install(self, loop: asyncio.AbstractEventLoop) -> None:
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook
        loop.set_exception_handler(self._loop_exception_handler)

    def _excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        self(exc.with_traceback(tb))

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self(args.exc_value)

    def _loop_exception_handler(
        self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]
    ) -> None:
        exc = context.get("exception")
        if isinstance(exc, BaseException):
            self(exc)
        else:
            log.error("Event loop error: %s", context.get("message"))
