"""Text columns as wide as their longest text, measured once per list, not on every reset.

``QHeaderView.ResizeToContents`` asks rows for their size on every model reset, so each
filter keystroke and each load paid for it (about 3.5 ms at 1,000 rows). These columns hold
a handful of distinct texts (workspace names, storage kinds, four statuses), so measuring
one row per distinct text gives the same width; dates differ only in digits and the month's
name, so a sample of them does. The header counts too: "Almacenamiento" is longer than any
storage name. A column the person resized in this run keeps their width; a width restored
from last time is kept unless the texts now need more (another language, a longer name).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHeaderView, QTableView

from flashback_desktop.ui.repo_model import RepositoryTableModel

# Rows measured per column at most: every distinct text of the short columns, a sample of
# the dates (their widths hardly differ), so a list of 10,000 costs what one of 50 does.
MEASURED_ROWS = 50


class TextColumnFitter(QObject):
    def __init__(self, table: QTableView, model: RepositoryTableModel, columns: Sequence[int]):
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
                width = header.sectionSizeFromContents(column).width()
                for row in self.model.rows_with_distinct_text(column)[:MEASURED_ROWS]:
                    width = max(
                        width, self.table.sizeHintForIndex(self.model.index(row, column)).width()
                    )
                # The grid line takes a pixel of the cell: without it the text would wrap.
                width += int(self.table.showGrid())
                header.resizeSection(column, max(width, self._restored.get(column, 0)))
        finally:
            self._fitting = False

    def keep_restored_widths(self) -> None:
        """The header's widths were just restored from last time: fit() keeps them as
        minimums (the saved state does not say which ones the person chose)."""
        header = self.table.horizontalHeader()
        self._restored = {column: header.sectionSize(column) for column in self.columns}

    def _on_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column in self.columns:
            self._chosen.add(column)
