"""One home for every background task the window starts.

Holding a reference keeps a task from being garbage-collected mid-flight; the done callback
logs any failure and hands unexpected ones to the crash handler; ``cancel_all`` runs on quit.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger("flashback.tasks")

CrashHandler = Callable[[BaseException], None]


class TaskManager:
    def __init__(self, on_unexpected_error: CrashHandler) -> None:
        self._on_unexpected_error = on_unexpected_error
        self._tasks: dict[str, asyncio.Task[Any]] = {}

    def start(self, name: str, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Start a named task; a running task of the same name is cancelled first."""
        previous = self._tasks.pop(name, None)
        if previous is not None and not previous.done():
            log.debug("Cancelling the previous %r task", name)
            previous.cancel()
        task = asyncio.ensure_future(coroutine)
        task.set_name(name)
        self._tasks[name] = task
        task.add_done_callback(self._finished)
        return task

    def cancel(self, name: str) -> None:
        """Cancel the task of that name, if one is running; its finally blocks still run."""
        task = self._tasks.get(name)
        if task is not None and not task.done():
            log.debug("Cancelling the %r task", name)
            task.cancel()

    def is_running(self, name: str) -> bool:
        task = self._tasks.get(name)
        return task is not None and not task.done()

    def running(self) -> list[str]:
        """Names of the tasks still running (tests wait for none before "nothing happened")."""
        return [name for name, task in self._tasks.items() if not task.done()]

    async def cancel_all(self) -> None:
        tasks = [task for task in self._tasks.values() if not task.done()]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        self._tasks.clear()

    def _finished(self, task: asyncio.Task[Any]) -> None:
        if self._tasks.get(task.get_name()) is task:
            del self._tasks[task.get_name()]
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            log.error("Task %r failed", task.get_name(), exc_info=exc)
            self._on_unexpected_error(exc)
