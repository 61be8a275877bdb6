"""The sandbox's HTTP side: Flashback-compatible routes on Starlette, served by uvicorn.

Behaviour follows flashback-api/openapi.yaml, and where the contract is
silent it copies what a Node/Express server does (HTML "Cannot GET /x"
404 pages, a tolerated trailing slash), because that is what the real
Flashback backend answers with.

Request flow: ``SandboxApp`` (count, then maybe a fault) -> Starlette
routing -> ``routes.Endpoints``, or ``chat_routes.ChatEndpoints`` for prompts,
messages, AI models and policies. Auth is checked first on every authenticated route.
A limited (pre-MFA) token passes only on the routes that sign-in needs
(profile, MFA status and verification, logout); elsewhere it gets 403 MFA_REQUIRED.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import os
import socket
import threading
import time
from collections.abc import Sequence

import uvicorn
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Match, Route
from starlette.types import Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from .chat_routes import ChatEndpoints
from .data import ApiError, SandboxState
from .fault_actions import apply_fault
from .routes import Endpoints
from .web import (
    NoSuchRoute,
    json_response,
)

log = logging.getLogger("flashback.sandbox")

_MAX_BODY_BYTES = 1_000_000
_START_TIMEOUT_S = 10.0
_STOP_TIMEOUT_S = 10.0
_GRACEFUL_SHUTDOWN_S = 2  # in-flight requests (a long delay fault) get this long at stop()

_EXPRESS_404 = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Error</title>
</head>
<body>
<pre>{message}</pre>
</body>
</html>
"""


# ---------------------------------------------------------------- responses


def express_not_found(method: str, path: str) -> Response:
    """The 404 page Express's final handler sends for a route it does not have."""
    body = _EXPRESS_404.format(message=html.escape(f"Cannot {method} {path}"))
    headers = {"Content-Security-Policy": "default-src 'none'", "X-Content-Type-Options": "nosniff"}
    return Response(body, status_code=404, media_type="text/html; charset=utf-8", headers=headers)


def _request_path(request: Request) -> str:
    raw = request.scope.get("raw_path")
    return raw.decode("latin-1") if isinstance(raw, bytes) and raw else request.url.path


def _on_api_error(request: Request, exc: Exception) -> Response:
    if isinstance(exc, ApiError):
        return json_response(exc.body(), exc.status)
    return _on_crash(request, exc)


def _on_missing_route(request: Request, exc: Exception) -> Response:
    return express_not_found(request.method, _request_path(request))


def _on_http_exception(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, HTTPException):
        return _on_crash(request, exc)
    if exc.status_code in (404, 405):  # Express answers a wrong method with 404 too
        return express_not_found(request.method, _request_path(request))
    return json_response({"success": False, "message": exc.detail}, exc.status_code)


def _on_crash(request: Request, exc: Exception) -> Response:
    # uvicorn still logs the traceback: Starlette re-raises after this response.
    return json_response({"success": False, "message": "Internal server error"}, 500)


# ---------------------------------------------------------------- ASGI app


def _route_template(routes: Sequence[BaseRoute], scope: Scope) -> str | None:
    for route in routes:
        match, _ = route.matches(scope)
        if match is not Match.NONE and isinstance(route, Route):
            return route.path
    return None


class SandboxApp:
    """Outermost layer: every request is counted, then faulted or passed on."""

    def __init__(
        self, app: Starlette, state: SandboxState, stopping: threading.Event | None = None
    ) -> None:
        self.app = app
        self.state = state
        # Set by SandboxServer.stop(): cut delays (faults, the demo assistant's) short.
        self.stopping = stopping if stopping is not None else threading.Event()
        # Set by SandboxServer.start(): connection-level faults find their transport there.
        self.uvicorn_server: uvicorn.Server | None = None

    def transport_of(self, scope: Scope) -> asyncio.Transport | None:
        """The transport of the connection carrying this request (ASGI does not expose it)."""
        client = scope.get("client")
        if self.uvicorn_server is None or client is None:
            return None
        # uvicorn keeps its live protocol objects here; each knows its peer's address.
        for connection in self.uvicorn_server.server_state.connections:
            if getattr(connection, "client", None) == tuple(client):
                transport: asyncio.Transport | None = getattr(connection, "transport", None)
                return transport
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if len(path) > 1 and path.endswith("/"):  # Express routing is not strict about it
            scope = {**scope, "path": path[:-1]}
        method: str = scope["method"]
        keys = {scope["path"]}
        template = _route_template(self.app.routes, scope)
        if template is not None:
            keys.add(template)
        names = (name.decode("latin-1") for name, _value in scope.get("headers", ()))
        self.state.request_started()  # before it is counted: idle never misses it
        try:
            self.state.record_request(method, keys, names)
            fault = self.state.faults.take(method, keys)
            if fault is None:
                await self.app(scope, receive, send)
                return
            log.info("sandbox: fault on %s %s: %s", method, scope["path"], fault.describe())
            await apply_fault(
                fault,
                self.app,
                scope,
                receive,
                send,
                stopping=self.stopping,
                transport_of=self.transport_of,
            )
        finally:
            self.state.request_finished()


def build_app(state: SandboxState) -> SandboxApp:
    """The sandbox as an ASGI application bound to ``state``."""
    stopping = threading.Event()
    app = Starlette(
        routes=Endpoints(state).routes() + ChatEndpoints(state, stopping).routes(),
        exception_handlers={
            ApiError: _on_api_error,
            NoSuchRoute: _on_missing_route,
            HTTPException: _on_http_exception,
            Exception: _on_crash,
        },
        max_body_size=_MAX_BODY_BYTES,
    )
    app.router.redirect_slashes = False  # a redirect is not what Express does
    return SandboxApp(app, state, stopping)


# ---------------------------------------------------------------- the server thread


def _bind(host: str, port: int) -> socket.socket:
    """A listening socket, bound before uvicorn starts so port 0 yields a known port."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    infos.sort(key=lambda info: info[0] != socket.AF_INET)  # "localhost": prefer 127.0.0.1
    family, _, _, _, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        if os.name != "nt":  # on Windows SO_REUSEADDR would let others steal the port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


def _url(scheme: str, host: str, port: int) -> str:
    return f"{scheme}://[{host}]:{port}" if ":" in host else f"{scheme}://{host}:{port}"


class SandboxServer:
    """The sandbox on uvicorn in a daemon thread: a context manager, or start() and stop().

    ``tls`` is ``(certfile, keyfile)`` in PEM to serve HTTPS (tests use a
    trustme certificate); by default the sandbox speaks plain HTTP.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        state: SandboxState | None = None,
        tls: tuple[str | os.PathLike[str], str | os.PathLike[str]] | None = None,
        date_header: bool = True,
    ) -> None:
        self.host = host
        self.date_header = date_header  # False: answers carry no Date (some proxies strip it)
        self.requested_port = port
        self.state = state if state is not None else SandboxState()
        self.tls = tls
        self._app = build_app(self.state)
        self._lock = threading.Lock()
        self._server: _QuickStopServer | None = None
        self._thread: threading.Thread | None = None
        self._url: str | None = None

    @property
    def url(self) -> str:
        """Base URL without a trailing slash, e.g. ``http://127.0.0.1:43125`` (https with tls)."""
        if self._url is None:
            raise RuntimeError("the sandbox server has not been started")
        return self._url

    def _config(self) -> uvicorn.Config:
        certfile, keyfile = self.tls if self.tls is not None else (None, None)
        return uvicorn.Config(
            self._app,
            interface="asgi3",
            http=H11Protocol,  # explicit classes, not "auto": fewer hidden imports for bundles
            ws="none",
            lifespan="off",
            log_config=None,  # leave the host application's logging alone
            log_level="warning",
            access_log=False,
            server_header=False,
            date_header=self.date_header,
            proxy_headers=False,  # nothing sits in front of the sandbox
            headers=[("X-Powered-By", "Express")],
            timeout_graceful_shutdown=_GRACEFUL_SHUTDOWN_S,
            ssl_certfile=certfile,
            ssl_keyfile=keyfile,
        )

    def start(self) -> None:
        """Start serving; returns once the socket accepts connections."""
        with self._lock:
            if self._thread is not None:
                raise RuntimeError("the sandbox server is already running")
            self._app.stopping.clear()
            sock = _bind(self.host, self.requested_port)
            port = sock.getsockname()[1]
            server = _QuickStopServer(self._config())
            self._app.uvicorn_server = server
            errors: list[BaseException] = []
            thread = threading.Thread(
                target=_serve,
                args=(server, sock, errors),
                name=f"flashback-sandbox-{port}",
                daemon=True,
            )
            thread.start()
            try:
                _wait_until_started(server, thread, errors)
            except BaseException:
                server.should_exit = True
                thread.join(_STOP_TIMEOUT_S)
                sock.close()
                raise
            self._server, self._thread = server, thread
            self._url = _url("https" if self.tls is not None else "http", self.host, port)
        log.info("sandbox listening on %s", self._url)

    def stop(self) -> None:
        """Shut down gracefully and join the thread; calling it again does nothing."""
        with self._lock:
            server, thread = self._server, self._thread
            self._server = self._thread = None
        if server is None or thread is None:
            return
        self._app.stopping.set()
        server.request_exit()
        thread.join(_STOP_TIMEOUT_S)
        if thread.is_alive():
            log.warning("sandbox server slow to stop; forcing it")
            server.force_exit = True
            thread.join(_STOP_TIMEOUT_S)
        if thread.is_alive():
            raise RuntimeError("the sandbox server thread did not stop")
        log.info("sandbox stopped")

    def __enter__(self) -> SandboxServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


class _QuickStopServer(uvicorn.Server):
    """uvicorn's server, stopping in milliseconds rather than about 0.2 s.

    uvicorn notices ``should_exit`` at its next 0.1 s tick and then pauses a fixed 0.1 s in
    its shutdown; with a sandbox per test that is minutes of a test run. Here stop() wakes
    the loop at once, and the shutdown waits only as long as connections and tasks are
    still open (up to the graceful timeout, as uvicorn does), then cancels what is left.
    """

    _loop: asyncio.AbstractEventLoop | None = None
    _wake: asyncio.Event | None = None

    async def main_loop(self) -> None:
        self._loop, self._wake = asyncio.get_running_loop(), asyncio.Event()
        counter = 0
        while not await self.on_tick(counter):  # on_tick also keeps the Date header current
            counter = (counter + 1) % 864_000
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=0.1)

    def request_exit(self) -> None:
        """From any thread: stop now."""
        self.should_exit = True
        loop, wake = self._loop, self._wake
        if loop is not None and wake is not None:
            with contextlib.suppress(RuntimeError):  # the loop has ended already
                loop.call_soon_threadsafe(wake.set)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        for server in self.servers:
            server.close()
        for sock in sockets or []:
            sock.close()
        for connection in list(self.server_state.connections):
            connection.shutdown()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + (self.config.timeout_graceful_shutdown or 0)
        state = self.server_state
        while (state.connections or state.tasks) and not self.force_exit:
            if loop.time() >= deadline:
                log.warning(
                    "sandbox: cancelling %d task(s) still running at stop", len(state.tasks)
                )
                break
            await asyncio.sleep(0.005)
        for task in state.tasks:
            task.cancel()
        for server in self.servers:
            await server.wait_closed()


def _serve(server: uvicorn.Server, sock: socket.socket, errors: list[BaseException]) -> None:
    # Off the main thread uvicorn installs no signal handlers, which is what we want.
    try:
        asyncio.run(server.serve(sockets=[sock]))
    except BaseException as exc:  # uvicorn reports startup failures with SystemExit
        errors.append(exc)
        log.error("sandbox server stopped with an error: %r", exc)
    finally:
        sock.close()


def _wait_until_started(
    server: uvicorn.Server, thread: threading.Thread, errors: list[BaseException]
) -> None:
    deadline = time.monotonic() + _START_TIMEOUT_S
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("the sandbox server failed to start") from (
                errors[0] if errors else None
            )
        if time.monotonic() > deadline:
            raise RuntimeError(f"the sandbox server did not start within {_START_TIMEOUT_S:.0f} s")
        time.sleep(0.01)
