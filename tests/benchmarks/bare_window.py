"""The start-up baseline: a bare PySide6 window, an empty QMainWindow, gone at its first paint.

``python tests/benchmarks/bare_window.py`` does nothing but create a QApplication, show an
empty QMainWindow of the app's size (900 x 600) and quit as soon as it has painted once,
which is what ``flashback-desktop --exit-after first-paint`` does with the real window.
Benchmarks time the whole process, spawn to exit, and read its peak RSS. At its first
paint it writes one line, ``bare-window: first paint``, to stderr, so the time to the
paint alone can be seen from outside too.

It imports nothing from this repository, so the same file can be frozen into a bundle
(``dist/bare-window/bare-window``) for the bundle baseline.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QMainWindow


class BareWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self._painted = False
        self.setWindowTitle("Bare window")
        self.resize(900, 600)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # Benchmarks note when this line arrives: spawn to first paint, without the exit.
            sys.stderr.write("bare-window: first paint\n")
            sys.stderr.flush()
            QTimer.singleShot(0, QApplication.quit)


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = BareWindow()
    window.show()
    code = app.exec()
    window.hide()
    return code


if __name__ == "__main__":
    sys.exit(main())
