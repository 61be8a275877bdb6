"""Wait until the app is idle, so a test can then assert that nothing (more) happened.

A fixed wait before "nothing happened" proves little: on a busy machine the thing that
should not happen may simply not have happened *yet*. Idle means all of these at once,
several event-loop turns in a row:

- no task running in the window's TaskManager, and no other asyncio task on the loop;
- no request in flight at the sandbox (received and not yet fully answered);
- Qt's posted events drained (a queued signal could start the next task).

Only then may a test count what reached the sandbox. Timers the app arms on purpose
for later (a banner's retry in seconds) are not "in flight": a test about those drives
them itself.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from flashback_desktop.sandbox.data import SandboxState
    from flashback_desktop.ui.tasks import TaskManager

# Idle must hold over this many consecutive checks (each one event-loop turn apart), so a
# task that a just-finished one schedules through a queued signal or call_soon is seen.
_STEADY_CHECKS = 3


def busy_reasons(tasks: TaskManager | None, state: SandboxState | None) -> list[str]:
    """What still keeps the app from being idle (empty when it is idle)."""
    reasons = [f"task {name!r}" for name in (tasks.running() if tasks is not None else [])]
    try:
        loop = asyncio.get_event_loop_policy().get_event_loop()
    except RuntimeError:
        loop = None
    if loop is not None and not loop.is_closed():
        current = asyncio.current_task(loop) if loop.is_running() else None
        others = [t for t in asyncio.all_tasks(loop) if t is not current and not t.done()]
        reasons += [f"asyncio task {t.get_name()!r}" for t in others]
    if state is not None and (in_flight := state.requests_in_flight()):
        reasons.append(f"{in_flight} request(s) in flight at the sandbox")
    return reasons


def wait_until_idle(
    qtbot: QtBot,
    tasks: TaskManager | None,
    state: SandboxState | None,
    *,
    timeout_ms: int = 15_000,
) -> None:
    """Let the event loop turn until the app and the sandbox are idle (see module docstring)."""
    steady = 0

    def idle() -> bool:
        nonlocal steady
        QCoreApplication.sendPostedEvents()
        steady = steady + 1 if not busy_reasons(tasks, state) else 0
        return steady >= _STEADY_CHECKS

    try:
        qtbot.waitUntil(idle, timeout=timeout_ms)
    except AssertionError as exc:
        raise AssertionError(f"never idle: {busy_reasons(tasks, state)}") from exc
