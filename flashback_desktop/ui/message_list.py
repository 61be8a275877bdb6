"""The list of a conversation's messages: rows measured where a person looks.

A row's height comes from its laid-out Markdown, and laying out 1,000 replies at once froze
the window for half a second. So every layout is one quick pass over heights that are
known or estimated (``ui/message_sizes.py``), after the rows that will be on screen were
measured; the other rows are measured a few milliseconds at a time while the window is
idle, newest first, and one more layout takes them in. Then, still while idle, the rows
just above and below the screen are laid out ahead, so scrolling finds them ready. What
is on screen stays in place while rows above it change height: the top row keeps its
position, or the list stays at its end. Scrolling onto rows that were laid out with an
estimate lays out again first, so a row is never shown at a guessed height.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemDelegate, QListView, QWidget

from flashback_desktop.ui.message_delegate import MessageDelegate
from flashback_desktop.ui.message_sizes import KEPT_DOCUMENTS

IDLE_SLICE_S = 0.002  # work while idle: a slice at a time, short enough not to be felt
IDLE_EVERY_MS = 4  # and at most one slice this often, so input and painting come first
MEASURE_WHILE_IDLE = True  # tests turn it off to see rows measured only where looked at
AHEAD_ROWS = 16  # at most this many rows above and below the screen laid out ahead
AHEAD_AFTER_MS = 150  # once scrolling pauses this long (not between a scroll's frames)
_AT_END_SLACK = 4  # pixels from the end that still count as "at the end" (as FollowEnd)

# (row, its top in the viewport) to keep in place, or None: stay at the end.
_Anchor = tuple[int, int] | None


class MessageListView(QListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._laying_out = False
        self._empty_text = ""
        self._next_unmeasured = -1  # the idle measuring goes from here towards the top
        self._idle = QTimer(self)
        self._idle.setInterval(IDLE_EVERY_MS)
        self._idle.timeout.connect(self._work_while_idle)
        self._paused = QTimer(self)  # scrolling has paused: lay out the rows ahead
        self._paused.setSingleShot(True)
        self._paused.setInterval(AHEAD_AFTER_MS)
        self._paused.timeout.connect(self._work_soon)
        self._again = QTimer(self)  # a layout soon (after a paint found an estimated row)
        self._again.setSingleShot(True)
        self._again.setInterval(0)
        self._again.timeout.connect(self.doItemsLayout)
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._scrolled())

    def set_empty_text(self, text: str) -> None:
        """What the list says in its middle while it has no messages ("" says nothing)."""
        self._empty_text = text
        self.viewport().update()

    def empty_text_shown(self) -> str:
        """The sentence on screen now: only while there are no rows."""
        model = self.model()
        return self._empty_text if model is not None and model.rowCount() == 0 else ""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        text = self.empty_text_shown()
        if text:  # a new conversation is not a blank box: say what to do next
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            area = self.viewport().rect().adjusted(24, 24, -24, -24)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
            painter.end()

    @property
    def measuring(self) -> bool:
        """Rows are still being measured or laid out ahead while idle (tests wait)."""
        return self._idle.isActive()

    def _delegate(self) -> MessageDelegate | None:
        delegate = self.itemDelegate()
        return delegate if isinstance(delegate, MessageDelegate) else None

    def setItemDelegate(self, delegate: QAbstractItemDelegate) -> None:
        super().setItemDelegate(delegate)
        if isinstance(delegate, MessageDelegate):
            delegate.painted_unmeasured.connect(self._again.start)

    # ---- layout --------------------------------------------------------------------------

    def doItemsLayout(self) -> None:
        """Qt's one-pass layout, with the rows to be shown measured first, and the view kept
        where it was."""
        delegate = self._delegate()
        if delegate is None or self.model() is None or self._laying_out:
            super().doItemsLayout()
            return
        self._laying_out = True
        try:
            anchor = self._anchor()
            delegate.start_layout()
            self._measure_around(delegate, anchor)
            delegate.commit_layout()
            super().doItemsLayout()  # asks every row's sizeHint: known or estimated, cheap
            self._restore(anchor)
        finally:
            self._laying_out = False
        if delegate.estimated_rows:
            self._next_unmeasured = self.model().rowCount() - 1
        self._work_soon()

    def _anchor(self) -> _Anchor:
        bar = self.verticalScrollBar()
        if bar.value() >= bar.maximum() - _AT_END_SLACK:
            return None
        top = self.indexAt(QPoint(0, 0))
        return (top.row(), self.visualRect(top).top()) if top.isValid() else None

    def _restore(self, anchor: _Anchor) -> None:
        bar = self.verticalScrollBar()
        if anchor is None:
            bar.setValue(bar.maximum())
            return
        row, top = anchor
        index = self.model().index(row, 0)
        if index.isValid():
            bar.setValue(bar.value() + self.visualRect(index).top() - top)

    def _measure_around(self, delegate: MessageDelegate, anchor: _Anchor) -> None:
        """Measure the rows the layout will show, and a page above them (where a person
        reading back scrolls next)."""
        rows = self.model().rowCount()
        page = max(1, self.viewport().height())
        if anchor is None:  # the end: its screen (the page above comes while idle)
            self._measure(delegate, range(rows - 1, -1, -1), page)
        else:
            row, top = anchor  # top <= 0: the row may start above the edge
            row = min(row, rows - 1)  # the rows may have changed since that layout
            self._measure(delegate, range(row, rows), page - top)
            self._measure(delegate, range(row - 1, -1, -1), page)

    def _measure(self, delegate: MessageDelegate, rows: range, pixels: int) -> None:
        model, covered = self.model(), 0
        for row in rows:
            if covered >= pixels:
                return
            covered += delegate.measure(model.index(row, 0))

    # ---- what the person looks at -----------------------------------------------------

    def _scrolled(self) -> None:
        """Onto rows laid out with an estimate: measure them and lay out again first."""
        delegate = self._delegate()
        if self._laying_out or delegate is None:
            return
        if delegate.estimated_rows and any(
            row in delegate.estimated_rows for row in self.visible_rows()
        ):
            self.doItemsLayout()
        self._paused.start()  # the rows ahead, once the scrolling pauses

    def _work_soon(self) -> None:
        if MEASURE_WHILE_IDLE and not self._idle.isActive():
            self._idle.start()

    def _work_while_idle(self) -> None:
        """One slice: measure rows not measured yet (newest first); once all are, one
        layout (a tick of its own) takes them in; then lay out the rows around the screen."""
        delegate = self._delegate()
        model = self.model()
        if delegate is None or model is None:
            self._idle.stop()
            return
        deadline = time.perf_counter() + IDLE_SLICE_S
        row = min(self._next_unmeasured, model.rowCount() - 1)
        if row >= 0:
            while row >= 0 and time.perf_counter() < deadline:
                delegate.measure(model.index(row, 0), keep=False)
                row -= 1
            self._next_unmeasured = row
        elif delegate.estimated_rows:
            self.doItemsLayout()  # every height known: the scroll bar is exact too from now on
        elif self._paused.isActive() or self._lay_out_ahead(delegate, deadline):
            self._idle.stop()  # all done, or the person is scrolling: until it pauses

    def _lay_out_ahead(self, delegate: MessageDelegate, deadline: float) -> bool:
        """Documents for the rows on screen and around it; True when all are ready."""
        shown = self.visible_rows()
        if not shown:
            return True
        ahead = min(len(shown), AHEAD_ROWS, (KEPT_DOCUMENTS - len(shown)) // 3)
        above = range(shown.start - 1, max(-1, shown.start - 1 - ahead), -1)
        below = range(shown.stop, min(self.model().rowCount(), shown.stop + ahead))
        for rows in (shown, above, below):
            for row in rows:
                if time.perf_counter() >= deadline:
                    return False
                delegate.prepare(self.model().index(row, 0))
        return True

    def visible_rows(self) -> range:
        """The rows at least partly on screen."""
        first = self.indexAt(QPoint(0, 0)).row()
        last = self.indexAt(QPoint(0, self.viewport().height() - 1)).row()
        if first < 0:
            return range(0)
        return range(first, (last if last >= 0 else self.model().rowCount() - 1) + 1)
