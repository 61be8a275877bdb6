"""A real forward HTTP proxy on 127.0.0.1, for tests of corporate-network set-ups.

It tunnels ``CONNECT host:port`` (HTTPS through a proxy) and forwards plain
absolute-URI requests (``GET http://host:port/path``), one request per
client connection. It counts what it handled per target ``host:port``, and
can demand proxy credentials, answering ``407 Proxy Authentication Required``
with ``Proxy-Authenticate: Basic realm="corp"`` to anyone without them.
Standard library only: socketserver threads, with a clean stop.
"""

from __future__ import annotations

import base64
import collections
import contextlib
import selectors
import socket
import socketserver
import threading
from urllib.parse import urlsplit

_HEAD_LIMIT = 64 * 1024
_POLL_S = 0.05
_IO_TIMEOUT_S = 10.0
# Hop-by-hop headers (RFC 9110 7.6.1) and the proxy's own: never passed on.
_HOP_HEADERS = {
    "connection",
    "keep-alive",
    "proxy-authorization",
    "proxy-authenticate",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
}
_407_BODY = b"<html><body><h1>407 Proxy Authentication Required</h1></body></html>"


class _Refused(Exception):
    """The request cannot be served; carries the status line to answer with."""


class HttpProxy:
    """A forward proxy in a thread: a context manager, or start() and stop().

    ``demand_auth`` (settable while running) makes every request without the
    right ``Proxy-Authorization`` get a 407; ``credentials`` is the
    ``(user, password)`` that passes (None: nothing passes).
    """

    def __init__(
        self,
        *,
        demand_auth: bool = False,
        credentials: tuple[str, str] | None = None,
        hosts: dict[str, str] | None = None,
    ) -> None:
        self.demand_auth = demand_auth
        self.credentials = credentials
        # Like the proxy's own /etc/hosts: lets a test give the server a name that is not
        # loopback to the app (so the proxy applies) yet ends at a sandbox on this machine.
        self.hosts = dict(hosts or {})
        self._lock = threading.Lock()
        self._handled: collections.Counter[str] = collections.Counter()
        self._rejected: collections.Counter[str] = collections.Counter()
        self._server: _ProxyServer | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------ lifecycle

    def start(self) -> None:
        if self._server is not None:
            raise RuntimeError("the proxy is already running")
        server = _ProxyServer(self)
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": _POLL_S},
            name=f"test-http-proxy-{server.server_address[1]}",
            daemon=True,
        )
        self._server = server
        self._thread.start()

    def stop(self) -> None:
        """Stop accepting, end every open tunnel, join all threads; again does nothing."""
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is None or thread is None:
            return
        server.stopping.set()
        server.shutdown()  # the accept loop
        server.hang_up_all()  # wakes handlers blocked in recv()
        server.server_close()  # joins the handler threads (block_on_close)
        thread.join()

    def __enter__(self) -> HttpProxy:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # ------------------------------------------------------------ what tests read

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the proxy is not running")
        port: int = self._server.server_address[1]
        return port

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``; give it to a client as its proxy."""
        return f"http://127.0.0.1:{self.port}"

    def url_with_credentials(self, user: str, password: str) -> str:
        return f"http://{user}:{password}@127.0.0.1:{self.port}"

    def handled(self, target: str | None = None) -> int:
        """Connections tunnelled or forwarded to ``target`` (``host:port`` or a URL), or all."""
        with self._lock:
            return self._count(self._handled, target)

    def rejected(self, target: str | None = None) -> int:
        """Requests answered with 407 for ``target``, or all."""
        with self._lock:
            return self._count(self._rejected, target)

    def reset_counts(self) -> None:
        with self._lock:
            self._handled.clear()
            self._rejected.clear()

    @staticmethod
    def _count(counter: collections.Counter[str], target: str | None) -> int:
        if target is None:
            return sum(counter.values())
        return counter[host_port(target)]

    # ------------------------------------------------------------ used by the handler

    def _note(self, target: str, *, rejected: bool) -> None:
        with self._lock:
            (self._rejected if rejected else self._handled)[target] += 1

    def _authorized(self, headers: dict[str, str]) -> bool:
        if not self.demand_auth:
            return True
        if self.credentials is None:
            return False
        user, password = self.credentials
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        return headers.get("proxy-authorization", "") == f"Basic {token}"


def host_port(target: str) -> str:
    """``host:port`` of a URL (default ports filled in) or of an authority as given."""
    if "://" not in target:
        return target
    parts = urlsplit(target)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    host = parts.hostname or ""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _split_authority(authority: str) -> tuple[str, int]:
    host, _, port = authority.rpartition(":")
    if not host or not port.isdigit():
        raise _Refused("400 Bad Request")
    return host.strip("[]"), int(port)


class _ProxyServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    block_on_close = True  # server_close() waits for the handler threads

    def __init__(self, proxy: HttpProxy) -> None:
        self.proxy = proxy
        self.stopping = threading.Event()
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _Handler)

    def track(self, sock: socket.socket, *, add: bool) -> None:
        with self._open_lock:
            (self._open.add if add else self._open.discard)(sock)

    def hang_up_all(self) -> None:
        with self._open_lock:
            for sock in self._open:
                with contextlib.suppress(OSError):  # already gone
                    sock.shutdown(socket.SHUT_RDWR)


class _Handler(socketserver.BaseRequestHandler):
    server: _ProxyServer
    request: socket.socket

    def handle(self) -> None:
        self.request.settimeout(_IO_TIMEOUT_S)
        self.server.track(self.request, add=True)
        try:
            if self.server.stopping.is_set():  # accepted just as stop() hung up on everyone
                return
            self._serve_one()
        except _Refused as refused:
            self._answer(str(refused))
        except OSError:
            pass  # the client or the target went away: nothing left to tell anyone
        finally:
            self.server.track(self.request, add=False)

    def _serve_one(self) -> None:
        head, rest = self._read_head()
        if head is None:
            return
        request_line, headers = _parse_head(head)
        method, target, _version = request_line
        authority = target if method == "CONNECT" else _forward_authority(target)
        proxy = self.server.proxy
        if not proxy._authorized(headers):
            proxy._note(authority, rejected=True)
            self._answer_407()
            return
        host, port = _split_authority(authority)
        host = proxy.hosts.get(host, host)
        try:
            upstream = socket.create_connection((host, port), timeout=_IO_TIMEOUT_S)
        except OSError as exc:
            raise _Refused("502 Bad Gateway") from exc
        with upstream:
            self.server.track(upstream, add=True)
            try:
                proxy._note(authority, rejected=False)
                if method == "CONNECT":
                    self.request.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                    if rest:
                        upstream.sendall(rest)
                else:
                    upstream.sendall(_origin_request(method, target, headers))
                    self._pass_body(headers, rest, upstream)
                self._relay(upstream)
            finally:
                self.server.track(upstream, add=False)

    def _read_head(self) -> tuple[bytes | None, bytes]:
        data = b""
        while b"\r\n\r\n" not in data:
            if len(data) > _HEAD_LIMIT:
                raise _Refused("431 Request Header Fields Too Large")
            chunk = self.request.recv(65536)
            if not chunk:
                return None, b""
            data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        return head, rest

    def _pass_body(self, headers: dict[str, str], rest: bytes, upstream: socket.socket) -> None:
        # Test clients send Content-Length bodies; chunked uploads are out of scope.
        if "chunked" in headers.get("transfer-encoding", "").lower():
            raise _Refused("501 Not Implemented")
        remaining = int(headers.get("content-length", "0") or "0")
        while remaining > 0:
            chunk = rest or self.request.recv(min(remaining, 65536))
            rest = b""
            if not chunk:
                return
            upstream.sendall(chunk[:remaining])
            remaining -= len(chunk)

    def _relay(self, upstream: socket.socket) -> None:
        """Copy bytes both ways until either side closes or the proxy stops."""
        with selectors.DefaultSelector() as selector:
            selector.register(self.request, selectors.EVENT_READ, upstream)
            selector.register(upstream, selectors.EVENT_READ, self.request)
            while not self.server.stopping.is_set():
                for key, _ in selector.select(timeout=_POLL_S):
                    source: socket.socket = key.fileobj  # type: ignore[assignment]
                    target: socket.socket = key.data
                    data = source.recv(65536)
                    if not data:
                        return
                    target.sendall(data)

    def _answer_407(self) -> None:
        self.request.sendall(
            b"HTTP/1.1 407 Proxy Authentication Required\r\n"
            b'Proxy-Authenticate: Basic realm="corp"\r\n'
            b"Content-Type: text/html\r\n"
            b"Content-Length: " + str(len(_407_BODY)).encode() + b"\r\n"
            b"Connection: close\r\n\r\n" + _407_BODY
        )

    def _answer(self, status_line: str) -> None:
        line = f"HTTP/1.1 {status_line}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        with contextlib.suppress(OSError):  # the client may be gone already
            self.request.sendall(line.encode())


def _parse_head(head: bytes) -> tuple[tuple[str, str, str], dict[str, str]]:
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3:
        raise _Refused("400 Bad Request")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if not colon:
            raise _Refused("400 Bad Request")
        headers[name.strip().lower()] = value.strip()
    return (parts[0].upper(), parts[1], parts[2]), headers


def _forward_authority(target: str) -> str:
    parts = urlsplit(target)
    if parts.scheme != "http" or not parts.hostname:
        raise _Refused("400 Bad Request")  # only absolute http:// URIs are forwarded
    return host_port(target)


def _origin_request(method: str, target: str, headers: dict[str, str]) -> bytes:
    """The request as the origin server expects it: a path, not a URL; one request only."""
    parts = urlsplit(target)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    kept = {name: value for name, value in headers.items() if name not in _HOP_HEADERS}
    kept["host"] = parts.netloc.rpartition("@")[2]
    kept["connection"] = "close"  # the origin ends the response by closing: relay until then
    lines = [f"{method} {path} HTTP/1.1", *(f"{name}: {value}" for name, value in kept.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
