"""The stack floor built the app's own way: compared with ``stack_floor.py`` (issue 18).

``python tests/benchmarks/app_stack.py`` does what ``stack_floor.py`` does (PySide6, qasync,
an HTTP client, the keyring backend, an empty 900 x 600 window that quits at its first
paint, no request, no data), the way ``flashback_desktop.app`` does it: the window is
shown first, and the client and the keyring backend are built in a worker thread at the
same time, with the app's own pieces: ``FlashbackClient`` (httpx without its command-line
tool, one TLS context) and ``choose_backend`` (the platform's usual keyring backend
without importing every other). It writes ``app-stack: ready`` to stderr once both the
window has painted and the stack is built, then quits.
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QMainWindow

MARKER = "app-stack: ready"


class Window(QMainWindow):
    def __init__(self, painted: asyncio.Event) -> None:
        super().__init__()
        self._painted = painted
        self.setWindowTitle("App stack")
        self.resize(900, 600)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._painted.set()


def build_stack() -> Any:
    """In a worker thread, as app.py builds the session."""
    from flashback_desktop.api.client import FlashbackClient  # noqa: PLC0415 - in the worker
    from flashback_desktop.session.keyring_backend import choose_backend  # noqa: PLC0415

    client = FlashbackClient("http://127.0.0.1:9")
    choose_backend()
    return client


async def start(loop: asyncio.AbstractEventLoop) -> None:
    painted = asyncio.Event()
    window = Window(painted)
    building = loop.run_in_executor(None, build_stack)  # submitted at once, like app.py
    window.show()
    await painted.wait()
    client = await building
    sys.stderr.write(MARKER + "\n")
    sys.stderr.flush()
    await client.aclose()
    window.hide()


def main() -> int:
    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(start(loop))
    QTimer.singleShot(0, app.quit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
