"""The least any app on this stack does before it can show a list: the floor of target 2.

``python tests/benchmarks/stack_floor.py`` imports the project's core dependencies
(PySide6, qasync, httpx, keyring), starts a qasync loop, builds an ``httpx.AsyncClient``,
asks keyring for its backend, then shows an empty QMainWindow (900 x 600) and quits at its
first paint, writing ``stack-floor: first paint`` to stderr. It sends no request and
reads no data, so a real app that lists repositories can only be slower. Compared with
``bare_window.py`` in the same run it says how much of target 2's budget the chosen stack
takes by itself; ``memory.py`` reads its peak RSS for target 5 the same way.

It imports nothing from this repository.
"""

from __future__ import annotations

import asyncio
import sys

import httpx
import keyring
import qasync
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QMainWindow

MARKER = "stack-floor: first paint"


class FloorWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self._painted = False
        self.setWindowTitle("Stack floor")
        self.resize(900, 600)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            sys.stderr.write(MARKER + "\n")
            sys.stderr.flush()
            QTimer.singleShot(0, QApplication.quit)


async def build_stack() -> None:
    async with httpx.AsyncClient():
        keyring.get_keyring()


def main() -> int:
    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(build_stack())
        window = FloorWindow()
        window.show()
        loop.run_until_complete(_until_closed())
        window.hide()
    return 0


async def _until_closed() -> None:
    done = asyncio.Event()
    QApplication.instance().aboutToQuit.connect(done.set)  # type: ignore[union-attr]
    await done.wait()


if __name__ == "__main__":
    sys.exit(main())
