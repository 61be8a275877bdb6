"""Text columns as wide as their longest text, measured once per list, not on every reset.

``QHeaderView.ResizeToContents`` asks rows for their size on every model reset, so each
filter keystroke and each load paid for it (about 3.5 ms at 1,000 rows). These columns hold
a handful of distinct texts (workspace names, storage kinds, four statuses), so measuring
one row per distinct text gives the same width; dates differ only in digits and the month's
name, so a sample of them does. The header counts too: "Almacenamiento" is longer than any
storage name. A column the person resized in this run keeps their width; a width restored
from last time is kept unless the texts now need more (another language, a longer name).

Names come from other people and can be absurd: a fitted column is at most
``FITTED_CHARACTERS`` average characters wide (its texts are elided beyond that), and a
restored width wider than the screen is not kept, so a 100,000-character workspace name
never makes an 800,000 px column that is saved and comes back next time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

# Rows measured per column at most: every distinct text of the short columns, a sample of
# the dates (their widths hardly differ), so a list of 10,000 costs what one of 50 does.
MEASURED_ROWS = 50
# The widest a column is made to fit its texts, in average characters of the table's font.
FITTED_CHARACTERS = 40
SCREEN_FALLBACK_PX = 3840  # no screen to ask (a test, a headless run): a wide one


def widest_fitted(view: QAbstractItemView) -> int:
    """The most a column is widened to fit its texts: longer ones are elided."""
    return view.fontMetrics().averageCharWidth() * FITTED_CHARACTERS


def widest_kept(view: QAbstractItemView) -> int:
    """The widest a column may be restored: no column is wider than the screen."""
    screen = view.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().width() if screen is not None else SCREEN_FALLBACK_PX


class MeasuredModel(Protocol):
    """A table model that says which rows to measure a column by (the widest texts among
    the first ``MEASURED_ROWS``)."""

    def rows_with_distinct_text(self, column: int) -> Sequence[int]: ...


class TextColumnFitter(QObject):
    """Fits ``columns`` of ``table`` to their texts, leaving alone those the person resized
    (the repository list, Recent conversations)."""

    def __init__(self, table: QTableView, model: MeasuredModel, columns: Sequence[int]):
        super().__init__(table)
        self.table = table
        self.model = model
        self.columns = tuple(columns)
        self._fitting = False
        self._chosen: set[int] = set()  # resized by the person in this run
        self._restored: dict[int, int] = {}  # widths from last time: kept, or widened
        header = table.horizontalHeader()
        for column in self.columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._on_resized)

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        self._fitting = True
        try:
            for column in self.columns:
                if column in self._chosen:
                    continue
                header_width = header.sectionSizeFromContents(column).width()
                width = header_width
                for row in self.model.rows_with_distinct_text(column)[:MEASURED_ROWS]:
                    index = self.table.model().index(row, column)
                    width = max(width, self.table.sizeHintForIndex(index).width())
                # Beyond the cap the texts are elided: a name must not make the column huge.
                width = min(width, max(widest_fitted(self.table), header_width))
                # The grid line takes a pixel of the cell: without it the text would wrap.
                width += int(self.table.showGrid())
                header.resizeSection(column, max(width, self._restored.get(column, 0)))
        finally:
            self._fitting = False

    def keep_restored_widths(self) -> None:
        """The header's widths were just restored from last time: fit() keeps them as
        minimums (the saved state does not say which ones the person chose)."""
        header = self.table.horizontalHeader()
        widest = widest_kept(self.table)
        self._restored = {}
        self._fitting = True  # not the person's choice: fit() still fits these
        try:
            for column in self.columns:
                width = header.sectionSize(column)
                if width > widest:  # saved by a run that met an absurd name: fitted afresh
                    header.resizeSection(column, header.sectionSizeFromContents(column).width())
                else:
                    self._restored[column] = width
        finally:
            self._fitting = False

    def _on_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column in self.columns:
            self._chosen.add(column)
