"""The main window's frame: title, size, the "Starting…" page, first paint, close, front.

Only this is loaded before the first paint, so the window appears about as fast as an empty
one would. Its content (the list, New Conversation, sign-in) is built by
``ui/main_content.py``, which app.py imports once the frame has painted (ARCHITECTURE.md,
Start-up).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

# Only what the bare frame needs is imported here: PySide6 builds each class's enums on first
# use (the Qt namespace alone takes about 25 ms).
from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

from flashback_desktop.config import PRODUCTION_SERVER, canonical_origin

if TYPE_CHECKING:  # for the annotation only: the frame must not load its content
    from flashback_desktop.ui.main_content import MainContent

log = logging.getLogger("flashback.ui")


def _server_name(url: str) -> str:
    """ "staging.example.com:8443" for a title: the server as its sign-in is kept (its
    origin: the default port left out, however the address was written), without the
    scheme. Anything else (a test's label) as it is."""
    scheme, separator, server = canonical_origin(url).partition("://")
    return server if separator and scheme in ("https", "http") and server else url


class MainWindow(QMainWindow):
    first_painted = Signal()
    closed = Signal()
    # Another launch asked for the app: the content raises any dialog it has open.
    brought_to_front = Signal()
    content: MainContent  # what MainContent sets when it fills the frame, after the paint

    def __init__(self, *, server_label: str, demo: bool = False) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.server_label = server_label
        self.demo = demo
        self.painted = False
        self.built = False  # until MainContent has filled the frame
        # Translated already: app.py installs the translators before the frame is built.
        # Two windows on two servers must not look alike: the title names any but production.
        if demo:
            self.setWindowTitle(self.tr("Flashback Desktop — Demo"))
        elif _server_name(server_label) == _server_name(PRODUCTION_SERVER):
            self.setWindowTitle(self.tr("Flashback Desktop"))
        else:
            self.setWindowTitle(
                self.tr("Flashback Desktop — {server}").format(server=_server_name(server_label))
            )
        self.resize(900, 680)  # room for a list and several recent conversations below it
        # Centred by stretches: touching the Qt namespace costs about 25 ms before the paint.
        starting = QWidget()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Starting Flashback Desktop…")))
        row.addStretch(1)
        column = QVBoxLayout(starting)
        column.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        self.setCentralWidget(starting)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            self.first_painted.emit()

    def bring_to_front(self) -> None:
        """Another launch asked for the app: show this window (and any dialog) on top."""
        log.info("Bringing the window to the front for another launch")
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        self.brought_to_front.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        log.info("Main window closed")
        super().closeEvent(event)
        self.closed.emit()
