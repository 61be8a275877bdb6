"""Unexpected exceptions reach the log and a crash dialog with copyable details."""

from __future__ import annotations

import asyncio
import logging
import sys
import threading

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from flashback_desktop.logging_setup import register_secret
from flashback_desktop.ui.crash_handler import CrashHandler
from flashback_desktop.ui.error_dialog import ErrorDialog


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
