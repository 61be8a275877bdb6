"""Unexpected exceptions reach the log and a crash dialog with copyable details."""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from flashback_desktop.logging_setup import register_secret
from flashback_desktop.ui.crash_handler import CrashHandler
from flashback_desktop.ui.error_dialog import ErrorDialog
from flashback_desktop.ui.tasks import TaskManager


def open_crash_dialogs() -> list[ErrorDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ErrorDialog) and w.objectName() == "crashDialog" and w.isVisible()
    ]


def test_an_exception_in_a_slot_reaches_the_dialog_and_the_log(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    parent = QWidget()
    qtbot.addWidget(parent)
    handler = CrashHandler(lambda: None, "~/logs/flashback-desktop.log")
    handler.install(qasync_loop)
    secret = "crash-secret-in-message-1234"
    register_secret(secret)
    try:
        raise RuntimeError(f"boom {secret}")
    except RuntimeError as exc:
        handler(exc)
    qtbot.waitUntil(lambda: bool(open_crash_dialogs()), timeout=5000)
    dialog = open_crash_dialogs()[0]
    assert "RuntimeError" in dialog.details_text
    assert secret not in dialog.details_text
    assert "~/logs/flashback-desktop.log" in dialog.details_text
    assert "Something unexpected went wrong" in dialog.headline_label.text()
    assert any(r.levelno == logging.CRITICAL for r in caplog.records)
    dialog.reject()
    assert not open_crash_dialogs()
    caplog.clear()  # this test provoked the error on purpose


class _Button(QObject):
    """A real signal wired to a real slot, as the window's buttons are."""

    pressed = Signal()


@pytest.fixture
def installed_handler(
    qasync_loop: asyncio.AbstractEventLoop, monkeypatch: pytest.MonkeyPatch
) -> CrashHandler:
    """The handler installed as the app installs it (restored after the test)."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    handler = CrashHandler(lambda: None, "~/logs/flashback-desktop.log")
    handler.install(qasync_loop)
    return handler


def _boom() -> None:
    raise LookupError("our bug, on purpose")


def _in_a_slot(qtbot: QtBot, _handler: CrashHandler, _loop: asyncio.AbstractEventLoop) -> None:
    button = _Button()
    button.pressed.connect(_boom)
    button.pressed.emit()  # PySide reports the slot's exception through sys.excepthook


def _in_a_task(qtbot: QtBot, handler: CrashHandler, _loop: asyncio.AbstractEventLoop) -> None:
    async def failing() -> None:
        await asyncio.sleep(0)
        _boom()

    tasks = TaskManager(handler)  # wired as the app wires it
    task = tasks.start("failing", failing())
    qtbot.waitUntil(task.done, timeout=5000)


def _in_a_thread(qtbot: QtBot, _handler: CrashHandler, _loop: asyncio.AbstractEventLoop) -> None:
    thread = threading.Thread(target=_boom, name="worker")
    thread.start()
    thread.join(timeout=5)


def _in_the_event_loop(
    qtbot: QtBot, _handler: CrashHandler, loop: asyncio.AbstractEventLoop
) -> None:
    loop.call_soon(_boom)  # a callback, not a task: only the loop's handler sees it


@pytest.mark.qt_no_exception_capture  # pytest-qt would take sys.excepthook for itself
@pytest.mark.parametrize(
    "raise_it", [_in_a_slot, _in_a_task, _in_a_thread, _in_the_event_loop], ids=lambda f: f.__name__
)
def test_an_exception_anywhere_reaches_the_log_and_the_dialog_through_the_installed_hooks(
    raise_it: Callable[[QtBot, CrashHandler, asyncio.AbstractEventLoop], None],
    installed_handler: CrashHandler,
    qasync_loop: asyncio.AbstractEventLoop,
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    raise_it(qtbot, installed_handler, qasync_loop)
    qtbot.waitUntil(lambda: bool(open_crash_dialogs()), timeout=5000)
    dialog = open_crash_dialogs()[0]
    assert "LookupError: our bug, on purpose" in dialog.details_text
    assert [r.exc_info[1] for r in caplog.records if r.levelno == logging.CRITICAL and r.exc_info]
    dialog.reject()
    caplog.clear()  # this test provoked the error on purpose
