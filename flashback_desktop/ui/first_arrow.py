"""A list's first arrow key chooses the row its focus is on.

Qt puts a table's focus on its first row when the table gets the keyboard, without choosing
that row; its own Down then moves on and chooses the second. For a person the first row,
the one marked, is the one the first Down chooses. Both lists (repositories, Recent
conversations) install ``FirstArrowChooses``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTableView

_ARROWS = (Qt.Key.Key_Down, Qt.Key.Key_Up)


class FirstArrowChooses(QObject):
    """With nothing chosen in ``table``, Down or Up chooses the row its focus is on."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or not isinstance(watched, QTableView):
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() not in _ARROWS or modifiers != Qt.KeyboardModifier.NoModifier:
            return False
        if watched.selectionModel().hasSelection() or watched.model().rowCount() == 0:
            return False
        current = watched.currentIndex()
        watched.selectRow(current.row() if current.isValid() else 0)
        return True
