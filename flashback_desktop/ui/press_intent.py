"""One intent, one action: quick repeated presses of a command count once.

A person who double-clicks New Conversation, or presses Ctrl+N twice at a quick pace,
means one conversation. The guard that holds while a request is in flight does not
cover that against a fast server (it answers between the presses), so presses of the
same command for the same target within the platform's double-click interval of the
previous press belong to the same intent. Key auto-repeat (a held key) is never a new
press: its first repeat comes after the double-click interval.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication


class PressIntent:
    """Says whether a press starts a new intent or continues the previous one."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._last: tuple[str, float] | None = None  # (target, when) of the previous press

    def is_new(self, target: str) -> bool:
        """Record a press for ``target``; True when it is not part of the previous intent."""
        now = self._clock()
        interval_s = QApplication.doubleClickInterval() / 1000
        previous, self._last = self._last, (target, now)
        return previous is None or previous[0] != target or now - previous[1] >= interval_s

    def forget(self) -> None:
        """The intent ended without its result (it failed): the next press is a new one."""
        self._last = None


_ACTIVATING_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select}


class IgnoreAutoRepeat(QObject):
    """Event filter: a held Enter (or Space) on a list activates its row once, not again."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.isAutoRepeat()
            and Qt.Key(event.key()) in _ACTIVATING_KEYS
        )
