"""What the window looked like last time: its size and place, the repository table's
columns and sort order, the split between the list and Recent conversations, and the
repository that was selected.

Saved a moment after each change (so a crash loses little) and when the window closes or
hides; restored when the window is built. Wayland does not let an app place its own
window, so there only the size (and maximised state) comes back.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QByteArray, QObject, QSettings, QSize, QTimer
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QWidget

    from flashback_desktop.ui.main_content import MainContent

log = logging.getLogger("flashback.ui.window_state")

GEOMETRY_KEY = "window/geometry"
SIZE_KEY = "window/size"
MAXIMIZED_KEY = "window/maximized"
HEADER_KEY = "repositories/header"
SELECTED_KEY = "repositories/selected"
SPLITTER_KEY = "window/splitter"
SAVE_DELAY_MS = 500


def restore_geometry(window: QWidget, settings: QSettings, platform: str | None = None) -> None:
    """Size and place from last time; the app calls it before the window is first shown.

    Imported before the first paint, so Qt's enums (costly to load) are reached only here.
    """
    if (platform if platform is not None else QGuiApplication.platformName()) == "wayland":
        size = settings.value(SIZE_KEY)
        if isinstance(size, QSize) and size.isValid():
            window.resize(size)
        if settings.value(MAXIMIZED_KEY) in (True, "true"):
            window.setWindowState(window.windowState() | QtCore.Qt.WindowState.WindowMaximized)
        return
    geometry = settings.value(GEOMETRY_KEY)
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        # Qt moves a window saved on a screen that is gone back onto one that is there.
        window.restoreGeometry(geometry)


class WindowStateKeeper(QObject):
    """Restores the window's state now and keeps it saved; lives as the window's child."""

    def __init__(
        self, content: MainContent, settings: QSettings, *, platform: str | None = None
    ) -> None:
        window = content.window
        super().__init__(window)
        self.window = window
        self.content = content
        self.settings = settings
        self.platform = platform if platform is not None else QGuiApplication.platformName()
        self._selected: str | None = None
        self._selection_restored = False
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save)
        self.restore()
        header = content.table.horizontalHeader()
        header.sectionResized.connect(self._changed)
        header.sectionMoved.connect(self._changed)
        header.sortIndicatorChanged.connect(self._changed)
        content.splitter.splitterMoved.connect(self._changed)
        content.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        content.repositories_shown.connect(self._on_repositories_shown)
        window.installEventFilter(self)

    # ---- restore ---------------------------------------------------------------------------

    def restore(self) -> None:
        self._restore_geometry()
        header = self.settings.value(HEADER_KEY)
        if isinstance(header, QByteArray) and not header.isEmpty():
            restored = self.content.table.horizontalHeader().restoreState(header)
            if not restored:  # another version's columns: keep the built-in layout
                log.info("The saved column layout does not fit this version; not used")
            else:  # fitting the columns to their texts must not undo it
                self.content.column_fitter.keep_restored_widths()
        splitter = self.settings.value(SPLITTER_KEY)
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.content.splitter.restoreState(splitter)
        selected = self.settings.value(SELECTED_KEY)
        self._selected = selected if isinstance(selected, str) and selected else None

    def _restore_geometry(self) -> None:
        restore_geometry(self.window, self.settings, self.platform)

    def _on_repositories_shown(self, _count: int) -> None:
        """The first list after start: select the repository chosen last time, if still there."""
        if self._selection_restored:
            return
        self._selection_restored = True
        if self._selected is None or self.content.panel.repository is not None:
            return
        if self.content.select_repository(self._selected):
            self.content.table.scrollTo(self.content.table.currentIndex())
            log.info("Selected the repository chosen last time")

    # ---- save ------------------------------------------------------------------------------

    def _on_selection_changed(self, *_args: object) -> None:
        repository = self.content.panel.repository
        if repository is not None:  # a filter or a sign-out hiding it is not a new choice
            self._selected = repository.id
            self._changed()

    def _changed(self, *_args: object) -> None:
        self._save_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
            kind = event.type()
            if kind in (QtCore.QEvent.Type.Close, QtCore.QEvent.Type.Hide):
                self.save()
            elif kind in (QtCore.QEvent.Type.Resize, QtCore.QEvent.Type.Move):
                self._changed()
        return False

    def save(self) -> None:
        self._save_timer.stop()
        window = self.window
        self.settings.setValue(GEOMETRY_KEY, window.saveGeometry())
        normal = window.normalGeometry().size()
        self.settings.setValue(SIZE_KEY, normal if normal.isValid() else window.size())
        self.settings.setValue(MAXIMIZED_KEY, window.isMaximized())
        self.settings.setValue(HEADER_KEY, self.content.table.horizontalHeader().saveState())
        self.settings.setValue(SPLITTER_KEY, self.content.splitter.saveState())
        if self._selected is not None:
            self.settings.setValue(SELECTED_KEY, self._selected)
        self.settings.sync()
