"""A loopback HTTP server that answers every request with the same bytes, written by hand.

For answers no well-behaved server framework would send: a Content-Encoding that lies,
header values that are absurd, bodies that are not what their headers say. The status
line, headers and body go out exactly as given; the connection closes after each answer.
"""

from __future__ import annotations

import socket
import socketserver
import threading
from types import TracebackType


def answer(status: str, body: bytes, headers: dict[str, str] | None = None) -> bytes:
    """Raw HTTP/1.1 bytes; Content-Length is added unless ``headers`` set their own."""
    fields = {"Content-Type": "application/json", "Connection": "close", **(headers or {})}
    if not any(name.lower() == "content-length" for name in fields):
        fields["Content-Length"] = str(len(body))
    head = "".join(f"{name}: {value}\r\n" for name, value in fields.items())
    return f"HTTP/1.1 {status}\r\n{head}\r\n".encode("latin-1") + body


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return 0


class CannedHttpServer:
    """``with CannedHttpServer(raw) as server:`` then talk to ``server.url``."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self.requests = 0
        outer = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                sock: socket.socket = self.request
                received = b""
                while b"\r\n\r\n" not in received:
                    chunk = sock.recv(65536)
                    if not chunk:
                        return
                    received += chunk
                head, _, received = received.partition(b"\r\n\r\n")
                # Read the request body first: closing with unread data sends a reset, which
                # can destroy the answer before the client has read it.
                length = _content_length(head)
                while len(received) < length:
                    chunk = sock.recv(65536)
                    if not chunk:
                        return
                    received += chunk
                outer.requests += 1
                sock.sendall(outer.raw)
                sock.shutdown(socket.SHUT_WR)
                while sock.recv(65536):  # until the client hangs up
                    pass

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        # A short poll: shutdown() waits for the next one (0.5 s by default), once per test.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> CannedHttpServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
