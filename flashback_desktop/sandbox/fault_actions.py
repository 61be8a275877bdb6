"""Carrying out a planned Fault for one request: ``apply_fault`` and its helpers.

Faults below HTTP (a cut body, a reset, silence, a trickle, an oversized
body, a lost answer) act on the request's real connection, which ASGI does not
expose: the server passes a lookup that finds the connection's transport.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import struct
import threading
from collections.abc import AsyncIterator, Callable, Iterator

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .faults import OVERSIZE_HEAD, OVERSIZE_MIN_BYTES, OVERSIZE_TAIL, Fault

log = logging.getLogger("flashback.sandbox")

_OVERSIZE_CHUNK = 64 * 1024  # streamed in pieces: a 1 GB body never sits in memory

# Finds the transport of the connection that carries a request (None: not found).
TransportLookup = Callable[[Scope], asyncio.Transport | None]

_POLL_S = 0.05
_SHUTTING_DOWN = Fault(
    status=503, body='{"success":false,"message":"The sandbox server is shutting down"}'
)
# SO_LINGER on, 0 s: closing the socket sends RST instead of FIN (struct linger differs on Windows).
_LINGER_RESET = struct.pack("HH" if os.name == "nt" else "ii", 1, 0)


async def apply_fault(
    fault: Fault,
    app: ASGIApp,
    scope: Scope,
    receive: Receive,
    send: Send,
    *,
    stopping: threading.Event,
    transport_of: TransportLookup | None = None,
) -> None:
    """Carry out ``fault`` for one request, calling ``app`` when the real answer is wanted.

    ``stopping`` cuts delays short when the server stops, so stop() never
    waits out a long delay: the request then gets a 503 instead. A fault that
    holds the connection (silence, a trickle, a big body) closes it instead.
    ``transport_of`` finds the request's connection, for the connection-level kinds.
    """
    if fault.delay_s > 0:
        # Like a real server that is slow to act: the request is read first, so the work
        # still happens when the client has given up waiting (a timeout, not a cancel).
        receive = await _buffered(receive)
        if not await sleep_unless_stopping(fault.delay_s, stopping):
            fault = _SHUTTING_DOWN
    if not fault.needs_connection:
        if fault.status is None:
            await app(scope, receive, send)
            return
        await _drain_request_body(receive)
        await _send_status(fault, fault.status, send)
        return
    transport = transport_of(scope) if transport_of is not None else None
    if transport is None:
        raise RuntimeError(f"fault {fault.describe()} needs the request's connection")
    wire = _Wire(transport, receive, stopping)
    async with wire.watched():
        await _apply_on_wire(fault, wire, app, scope, send)


async def _apply_on_wire(fault: Fault, wire: _Wire, app: ASGIApp, scope: Scope, send: Send) -> None:
    if fault.reset or fault.never_answer:
        await _drain_request_body(wire.receive)
        if fault.never_answer:
            await wire.disconnected()  # the client gives up, or the server stops
        await wire.close(reset=fault.reset)
        return
    if fault.lose_answer:
        await _run_and_lose_answer(wire, app, scope)
        return
    if fault.oversize_bytes is not None:
        await _drain_request_body(wire.receive)
        await _send_oversize(fault, fault.oversize_bytes, wire, send)
        return
    shaped = _ShapedBody(fault, wire, send)
    if fault.status is None:
        await app(scope, wire.receive, shaped)
    else:
        await _drain_request_body(wire.receive)
        await _send_status(fault, fault.status, shaped)


async def _run_and_lose_answer(wire: _Wire, app: ASGIApp, scope: Scope) -> None:
    """Let the handler act, swallow its answer, then reset the connection.

    The reset follows the end of the answer, not the end of the handler: work the
    handler does after answering (a reply that comes later) goes on meanwhile.
    """
    answered = asyncio.Event()

    async def swallow(message: Message) -> None:
        if message["type"] == "http.response.body" and not message.get("more_body", False):
            answered.set()

    handler = asyncio.ensure_future(app(scope, wire.receive, swallow))
    waiter = asyncio.ensure_future(answered.wait())
    await asyncio.wait({handler, waiter}, return_when=asyncio.FIRST_COMPLETED)
    waiter.cancel()
    await wire.close(reset=True)
    await handler


class _Wire:
    """The request's connection, for faults that act below HTTP."""

    def __init__(
        self, transport: asyncio.Transport, receive: Receive, stopping: threading.Event
    ) -> None:
        self.transport = transport
        self.receive = receive
        self.stopping = stopping

    @contextlib.asynccontextmanager
    async def watched(self) -> AsyncIterator[None]:
        """While inside, a server stop aborts the connection, which ends every wait on it."""
        watchdog = asyncio.create_task(self._abort_when_stopping())
        try:
            yield
        finally:
            watchdog.cancel()
            await asyncio.wait({watchdog})

    async def _abort_when_stopping(self) -> None:
        while not self.stopping.is_set():
            await asyncio.sleep(_POLL_S)
        self.transport.abort()

    def usable(self) -> bool:
        return not self.stopping.is_set() and not self.transport.is_closing()

    async def pause(self, seconds: float) -> bool:
        """Wait ``seconds``; False as soon as the client left or the server began stopping."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while self.usable():
            remaining = deadline - loop.time()
            if remaining <= 0:
                return True
            await asyncio.sleep(min(remaining, _POLL_S))
        return False

    async def close(self, *, reset: bool = False) -> None:
        """Close the connection (FIN after what was written, or RST at once) and see it gone.

        Waiting for the disconnect matters: uvicorn logs an unanswered or
        unfinished response as an error unless it saw the connection end first.
        """
        if reset:
            sock = self.transport.get_extra_info("socket")
            if sock is not None:
                with contextlib.suppress(OSError):  # the client may already be gone
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _LINGER_RESET)
            self.transport.abort()
        else:
            self.transport.close()  # flushes what was written, then FIN
        await self.disconnected()

    async def disconnected(self) -> None:
        """Return once uvicorn saw the connection end (the watchdog ends it on stop)."""
        while (await self.receive())["type"] != "http.disconnect":
            pass


class _ShapedBody:
    """Stands in for ``send``: the response start passes, the body is cut or trickled."""

    def __init__(self, fault: Fault, wire: _Wire, send: Send) -> None:
        self.fault = fault
        self.wire = wire
        self.send = send
        self.sent = 0
        self.closed = False  # the connection was closed on purpose: drop what follows

    async def __call__(self, message: Message) -> None:
        if self.closed:
            return
        if message["type"] != "http.response.body":
            await self.send(message)
            return
        body: bytes = message.get("body", b"")
        more: bool = message.get("more_body", False)
        if self.fault.cut_after_bytes is not None:
            await self._cut(self.fault.cut_after_bytes, body, more)
        elif self.fault.trickle is not None:
            await self._trickle(*self.fault.trickle, body, more)
        else:  # pragma: no cover - _apply_on_wire only shapes for the two kinds above
            await self.send(message)

    async def _cut(self, cut_after: int, body: bytes, more: bool) -> None:
        room = cut_after - self.sent
        if len(body) < room or (len(body) == room and not more):
            if not more:
                log.warning("sandbox: the body ended before the cut at %d bytes", cut_after)
            self.sent += len(body)
            await self.send({"type": "http.response.body", "body": body, "more_body": more})
            return
        await self.send({"type": "http.response.body", "body": body[:room], "more_body": True})
        self.sent += room
        self.closed = True
        await self.wire.close()

    async def _trickle(self, size: int, interval_s: float, body: bytes, more: bool) -> None:
        for chunk, last in _pieces(body, size):
            # The first piece goes out with the headers; each later one waits its turn.
            if self.sent and not await self.wire.pause(interval_s):
                self.closed = True
                await self.wire.close()
                return
            self.sent += len(chunk)
            message = {"type": "http.response.body", "body": chunk, "more_body": more or not last}
            await self.send(message)


def _pieces(body: bytes, size: int) -> Iterator[tuple[bytes, bool]]:
    if not body:
        yield b"", True
        return
    for start in range(0, len(body), size):
        yield body[start : start + size], start + size >= len(body)


async def _send_oversize(fault: Fault, size: int, wire: _Wire, send: Send) -> None:
    names = {"content-type": fault.content_type}
    if fault.declare_length:  # without it uvicorn uses chunked encoding
        names["content-length"] = str(size)
    names.update({name.lower(): value for name, value in fault.headers.items()})
    headers = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in names.items()]
    status = fault.status if fault.status is not None else 200
    await send({"type": "http.response.start", "status": status, "headers": headers})
    for chunk in _oversize_chunks(size):
        if not wire.usable():  # the client stopped reading (as a size cap should) or we stop
            await wire.close()
            return
        await send({"type": "http.response.body", "body": chunk, "more_body": True})
    await send({"type": "http.response.body", "body": b"", "more_body": False})


def _oversize_chunks(size: int) -> Iterator[bytes]:
    yield OVERSIZE_HEAD
    padding = size - OVERSIZE_MIN_BYTES
    block = b"x" * _OVERSIZE_CHUNK
    while padding > 0:
        piece = block[: min(padding, _OVERSIZE_CHUNK)]
        padding -= len(piece)
        yield piece
    yield OVERSIZE_TAIL


async def sleep_unless_stopping(delay_s: float, stopping: threading.Event) -> bool:
    """Wait without blocking the loop (never time.sleep); False if the server began stopping."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + delay_s
    while not stopping.is_set():
        remaining = deadline - loop.time()
        if remaining <= 0:
            return True
        await asyncio.sleep(min(remaining, _POLL_S))
    return False


async def _buffered(receive: Receive) -> Receive:
    """Read the whole request body now; hand it to the app later as if it were arriving."""
    messages: list[Message] = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request" or not message.get("more_body", False):
            break

    async def replay() -> Message:
        if messages:
            return messages.pop(0)
        return await receive()  # after the body: a disconnect, when the client left

    return replay


async def _drain_request_body(receive: Receive) -> None:
    # Read what the client sent so the connection stays usable for keep-alive.
    while True:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body", False):
            return


async def _send_status(fault: Fault, status: int, send: Send) -> None:
    body = fault.response_body()
    # Extra headers may replace the defaults (a wrong Content-Type is a fault too).
    names = {"content-type": fault.content_type, "content-length": str(len(body))}
    names.update({name.lower(): value for name, value in fault.headers.items()})
    headers = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in names.items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
