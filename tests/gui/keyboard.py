"""Driving the app as a keyboard user does: every key goes to the widget that has focus.

Nothing here clicks or calls the app's methods; a test that uses only these helpers proves
the flow works with the keyboard alone.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.support.real_parts import require_window_manager


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def receiver() -> QWidget:
    """Where a real key goes: an open menu holds the keyboard, else the focus widget."""
    return QApplication.activePopupWidget() or focus()


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key, as the person presses it, shortcuts included."""
    QTest.keyClick(receiver(), key, modifier)


def type_text(text: str) -> None:
    QTest.keyClicks(receiver(), text)


def wait_for_focus(qtbot: QtBot, widget: QWidget, timeout_ms: int = 10_000) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=timeout_ms)


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Wait until the window manager has activated a newly shown window, as for a person.

    Only with no window manager (a bare display outside tests/run) is it done by hand.
    """
    if require_window_manager() is None:
        window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
