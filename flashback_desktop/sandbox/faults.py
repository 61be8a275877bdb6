"""Fault injection: make chosen requests fail or stall on purpose.

A test plans faults on a FaultPlan (method + path, how many times); the server
asks the plan for a fault on every request and hands it to
``fault_actions.apply_fault``, which is the single place that knows how each
kind of fault behaves. New kinds get a field on Fault here and a branch in
``apply_fault``; nothing else in the server has to change.

The plan is an in-process API only (``SandboxState.faults``): no route or
network control surface can switch a fault on.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from http import HTTPStatus

# The oversized body is valid JSON: a Flashback-shaped answer padded to size.
OVERSIZE_HEAD = b'{"success":true,"repos":[],"padding":"'
OVERSIZE_TAIL = b'"}'
OVERSIZE_MIN_BYTES = len(OVERSIZE_HEAD) + len(OVERSIZE_TAIL)


@dataclass(frozen=True)
class Fault:
    """What to do instead of (or before) the real handler.

    With ``status`` set, the server answers with that status and ``body``
    (default: a JSON ErrorBody naming the status). With ``status`` None, it
    only waits ``delay_s`` and then runs the real handler.

    At most one connection-level kind may be set; ``delay_s`` still comes first:

    - ``cut_after_bytes``: the answer (the status fault's, or the real
      handler's) declares its full Content-Length, but only its first N body
      bytes are sent before the connection is closed.
    - ``reset``: the request is read, then the TCP connection is reset (RST),
      with no response at all.
    - ``never_answer``: the request is read and never answered, until the
      client gives up or the server stops (then the connection is closed).
    - ``lose_answer``: the real handler runs (the server acts: a prompt is
      stored, a conversation created), then the connection is reset before a
      byte of its answer is sent: "accepted, but the answer was lost".
    - ``trickle=(size, interval_s)``: the answer's body goes out ``size``
      bytes at a time, ``interval_s`` apart.
    - ``oversize_bytes``: a valid JSON body of exactly that many bytes
      (status 200 unless ``status`` says otherwise), streamed; with
      ``declare_length`` False it has no Content-Length (chunked encoding).
    """

    status: int | None = None
    body: str | bytes | None = None
    content_type: str = "application/json"
    delay_s: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    cut_after_bytes: int | None = None
    reset: bool = False
    never_answer: bool = False
    lose_answer: bool = False
    trickle: tuple[int, float] | None = None
    oversize_bytes: int | None = None
    declare_length: bool = True

    def __post_init__(self) -> None:
        # 1xx cannot end an HTTP exchange, so the range starts at 200.
        if self.status is not None and not 200 <= self.status <= 599:
            raise ValueError(f"status must be between 200 and 599, not {self.status}")
        if self.delay_s < 0:
            raise ValueError("delay_s must not be negative")
        kinds = self._connection_kinds()
        if len(kinds) > 1:
            raise ValueError(f"{' and '.join(kinds)} cannot be combined in one Fault")
        if (self.reset or self.never_answer or self.lose_answer) and (
            self.status is not None or self.body is not None or self.headers
        ):
            raise ValueError(
                f"{kinds[0]} sends no response: status, body and headers make no sense"
            )
        self._check_cut()
        self._check_trickle()
        self._check_oversize()

    def _connection_kinds(self) -> list[str]:
        flags = {
            "cut_after_bytes": self.cut_after_bytes is not None,
            "reset": self.reset,
            "never_answer": self.never_answer,
            "lose_answer": self.lose_answer,
            "trickle": self.trickle is not None,
            "oversize_bytes": self.oversize_bytes is not None,
        }
        return [name for name, on in flags.items() if on]

    def _check_cut(self) -> None:
        if self.cut_after_bytes is None:
            return
        if self.cut_after_bytes < 0:
            raise ValueError("cut_after_bytes must not be negative")
        # With a status fault the body is known now: a cut past its end would cut nothing.
        if self.status is not None and self.cut_after_bytes >= len(self.response_body()):
            raise ValueError("cut_after_bytes must be shorter than the body it cuts")

    def _check_trickle(self) -> None:
        if self.trickle is None:
            return
        size, interval_s = self.trickle
        if size < 1:
            raise ValueError("trickle needs at least 1 byte per chunk")
        if interval_s < 0:
            raise ValueError("trickle's interval must not be negative")

    def _check_oversize(self) -> None:
        if self.oversize_bytes is None:
            if not self.declare_length:
                raise ValueError("declare_length only applies to oversize_bytes")
            return
        if self.body is not None:
            raise ValueError("oversize_bytes generates its own body: leave body unset")
        if self.oversize_bytes < OVERSIZE_MIN_BYTES:
            raise ValueError(f"oversize_bytes must be at least {OVERSIZE_MIN_BYTES} (valid JSON)")

    @property
    def needs_connection(self) -> bool:
        """True for the kinds that act on the connection rather than on HTTP."""
        return bool(self._connection_kinds())

    def describe(self) -> str:
        """A short label for the log, e.g. ``status 503`` or ``reset``."""
        parts = [f"delay {self.delay_s:g} s"] if self.delay_s else []
        if self.status is not None:
            parts.append(f"status {self.status}")
        if self.cut_after_bytes is not None:
            parts.append(f"cut after {self.cut_after_bytes} bytes")
        if self.reset:
            parts.append("reset")
        if self.never_answer:
            parts.append("never answer")
        if self.lose_answer:
            parts.append("lose the answer")
        if self.trickle is not None:
            parts.append(f"trickle {self.trickle[0]} bytes every {self.trickle[1]:g} s")
        if self.oversize_bytes is not None:
            length = "declared" if self.declare_length else "undeclared"
            parts.append(f"oversize {self.oversize_bytes} bytes ({length})")
        return ", ".join(parts) or "no-op"

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
