"""A list that stays at its newest (last) row while rows arrive, as chat apps do, until
the person scrolls away from the end; back at the end, it follows again.

It follows the scroll bar's range as layouts change it, rather than scrolling once when
rows arrive: the layout that gives new rows their heights comes after them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractScrollArea

_SLACK = 4  # pixels from the end that still count as "at the end"


class FollowEnd(QObject):
    def __init__(self, view: QAbstractScrollArea) -> None:
        super().__init__(view)
        self._bar = view.verticalScrollBar()
        self.following = True
        self._pinning = False
        self._bar.rangeChanged.connect(lambda _low, high: self._pin_to(high))
        self._bar.valueChanged.connect(lambda _value: self._moved())

    def at_end(self) -> bool:
        return self._bar.value() >= self._bar.maximum() - _SLACK

    def _pin_to(self, end: int) -> None:
        if self.following:
            self._pinning = True
            self._bar.setValue(end)
            self._pinning = False

    def _moved(self) -> None:
        if not self._pinning:  # the person's keys, wheel or drag
            self.following = self.at_end()
