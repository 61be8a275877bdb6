"""Fault injection: make chosen requests fail or stall on purpose.

A test plans faults on a FaultPlan (method + path, how many times); the server
asks the plan for a fault on every request and hands it to ``apply_fault``,
which is the single place that knows how each kind of fault behaves. New
kinds get a field on Fault and a branch in ``apply_fault``; nothing else in
the server has to change.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from http import HTTPStatus

from starlette.types import ASGIApp, Receive, Scope, Send


@dataclass(frozen=True)
class Fault:
    """What to do instead of (or before) the real handler.

    With ``status`` set, the server answers with that status and ``body``
    (default: a JSON ErrorBody naming the status). With ``status`` None, it
    only waits ``delay_s`` and then runs the real handler.
    """

    status: int | None = None
    body: str | bytes | None = None
    content_type: str = "application/json"
    delay_s: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # 1xx cannot end an HTTP exchange, so the range starts at 200.
        if self.status is not None and not 200 <= self.status <= 599:
            raise ValueError(f"status must be between 200 and 599, not {self.status}")
        if self.delay_s < 0:
            raise ValueError("delay_s must not be negative")

    def response_body(self) -> bytes:
        """The bytes to send for a status fault."""
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return json.dumps({"success": False, "message": _reason(self.status)}).encode("utf-8")


def _reason(status: int | None) -> str:
    try:
        return HTTPStatus(status).phrase if status is not None else "Error"
    except ValueError:  # a status code Python has no name for
        return "Error"


@dataclass
class _Rule:
    method: str
    path: str
    fault: Fault
    remaining: int | None  # None: until the plan is cleared


class FaultPlan:
    """Thread-safe list of planned faults; the first matching rule wins."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[_Rule] = []

    def add(self, method: str, path: str, fault: Fault, *, times: int | None = 1) -> None:
        """Give ``fault`` to the next ``times`` requests for ``method path`` (None: all of them).

        ``path`` is either the request path (``/conversation/abc``) or the
        route's template (``/conversation/{conversationId}``), never a query string.
        """
        if times is not None and times < 1:
            raise ValueError("times must be at least 1, or None for every request")
        with self._lock:
            self._rules.append(_Rule(method.upper(), path, fault, times))

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def take(self, method: str, paths: Iterable[str]) -> Fault | None:
        """Consume one use of the first rule matching ``method`` and any of ``paths``."""
        candidates = set(paths)
        with self._lock:
            for index, rule in enumerate(self._rules):
                if rule.method == method.upper() and rule.path in candidates:
                    if rule.remaining is not None:
                        rule.remaining -= 1
                        if rule.remaining == 0:
                            del self._rules[index]
                    return rule.fault
        return None


_POLL_S = 0.05
_SHUTTING_DOWN = Fault(
    status=503, body='{"success":false,"message":"The sandbox server is shutting down"}'
)


async def apply_fault(
    fault: Fault,
    app: ASGIApp,
    scope: Scope,
    receive: Receive,
    send: Send,
    *,
    stopping: threading.Event,
) -> None:
    """Carry out ``fault`` for one request, calling ``app`` when the real answer is wanted.

    ``stopping`` cuts delays short when the server stops, so stop() never
    waits out a long delay: the request then gets a 503 instead.
    """
    if fault.delay_s > 0 and not await _sleep(fault.delay_s, stopping):
        fault = _SHUTTING_DOWN
    if fault.status is None:
        await app(scope, receive, send)
        return
    await _drain_request_body(receive)
    await _send_status(fault, fault.status, send)


async def _sleep(delay_s: float, stopping: threading.Event) -> bool:
    """Wait without blocking the loop (never time.sleep); False if the server began stopping."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + delay_s
    while not stopping.is_set():
        remaining = deadline - loop.time()
        if remaining <= 0:
            return True
        await asyncio.sleep(min(remaining, _POLL_S))
    return False


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
