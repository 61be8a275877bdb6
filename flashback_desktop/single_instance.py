"""One app per person and server: a second launch brings the first window forward and exits.

Two copies sharing one keyring entry would each rotate the refresh token and so sign the
other out. ``QLocalServer`` is a named pipe on Windows and a Unix socket elsewhere; the
name is derived from the user and the server, so people sharing a machine never meet.
"""

from __future__ import annotations

import getpass
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCryptographicHash, QDir, QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger("flashback.instance")

_ACTIVATE = b"activate\n"
_ACKNOWLEDGED = b"ok\n"


def instance_name(server: str, user: str | None = None) -> str:
    """A short, filesystem-safe name; hashed so no server address lands in /tmp names."""
    who = user if user is not None else getpass.getuser()
    # Qt's SHA-256, already loaded: hashlib would add a few milliseconds before the first paint.
    hashed = QCryptographicHash.hash(
        f"{who}\n{server}".encode(), QCryptographicHash.Algorithm.Sha256
    )
    digest = bytes(hashed.toHex().data()).decode()[:20]
    return f"flashback-desktop-{digest}"


class SingleInstance(QObject):
    """Claims the name for this process, or hands over to the process that holds it."""

    activation_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server: QLocalServer | None = None
        # Held for the whole run. Two launches at the same moment (a double-click) would
        # otherwise both find nobody listening, and the second would take the first's name.
        # Qt notices a lock whose process has died, so a crash leaves nothing in the way.
        self._lock = QLockFile(str(Path(QDir.tempPath()) / f"{name}.lock"))
        self._lock.setStaleLockTime(0)

    def claim(self, wait_s: float = 5.0) -> bool:
        """True when this process is the app; False when it handed over to the running one.

        Claiming takes the lock only; ``listen`` comes after the window's first paint (QtNetwork
        costs about 10 ms to load). A launch meanwhile finds the lock held and nobody
        listening yet, and keeps asking until the listener is up.
        """
        deadline = time.monotonic() + wait_s
        while not self._lock.tryLock(0):
            if self.hand_over():
                return False
            if time.monotonic() > deadline:
                # The holder is alive but never listened: run rather than leave nothing open.
                log.warning("Another copy holds the lock but does not answer; starting anyway")
                break
            time.sleep(0.1)  # the other copy is starting up: its listener comes soon
        return True

    def hand_over(self, timeout_ms: int = 1500) -> bool:
        """True when another copy is running; it has been asked to come to the front."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False  # nobody there, or a socket file left behind by a crash
        socket.write(_ACTIVATE)
        socket.waitForBytesWritten(timeout_ms)
        if not (socket.waitForReadyRead(timeout_ms) and socket.readAll().data() == _ACKNOWLEDGED):
            # Listening but not answering: still running (busy or frozen); don't start a twin.
            log.warning("The running copy did not acknowledge the hand-over")
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        """Take the name. A leftover from a copy that crashed is removed first.

        Only safe while holding the lock (``claim``), or when nobody answered ``hand_over``.
        """
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # hand_over() found nobody answering, so whatever holds the name is stale.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("Could not claim the single-instance name: %s", server.errorString())
                return False
        server.newConnection.connect(self._accept)
        self._server = server
        log.info("Listening for other launches")
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def _accept(self) -> None:
        server = self._server
        while server is not None and (connection := server.nextPendingConnection()) is not None:
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(connection.deleteLater)

    def _read(self, connection: QLocalSocket) -> None:
        if not connection.canReadLine():
            return  # the rest of the line is still on its way
        if connection.readLine().data() != _ACTIVATE:
            return
        connection.write(_ACKNOWLEDGED)
        connection.flush()
        log.info("Another launch asked for this window")
        self.activation_requested.emit()
