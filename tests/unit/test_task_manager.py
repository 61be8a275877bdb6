"""TaskManager without Qt: one task per name, failures to the crash handler, cancel on quit."""

from __future__ import annotations

import asyncio
import logging

import pytest

from flashback_desktop.ui.tasks import TaskManager

pytestmark = pytest.mark.asyncio


async def test_a_task_of_the_same_name_replaces_the_running_one() -> None:
    crashes: list[BaseException] = []
    tasks = TaskManager(crashes.append)
    first = tasks.start("load", asyncio.sleep(10))
    second = tasks.start("load", asyncio.sleep(0, result="done"))
    assert await second == "done"
    await asyncio.gather(first, return_exceptions=True)
    assert first.cancelled()
    assert tasks.running() == []
    assert crashes == []  # a cancelled task is not a crash


async def test_an_unexpected_failure_goes_to_the_crash_handler(
    caplog: pytest.LogCaptureFixture,
) -> None:
    crashes: list[BaseException] = []
    tasks = TaskManager(crashes.append)
    failure = RuntimeError("a bug")

    async def broken() -> None:
        raise failure

    task = tasks.start("broken", broken())
    await asyncio.gather(task, return_exceptions=True)
    await asyncio.sleep(0)  # the done callback runs on the next turn of the loop
    assert crashes == [failure]
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR] == [
        "Task 'broken' failed"
    ]
    caplog.clear()  # expected here: the autouse check is for errors nobody asked for


async def test_cancel_and_cancel_all_let_finally_blocks_run() -> None:
    tasks = TaskManager(lambda exc: None)
    cleaned: list[str] = []

    async def holds(name: str) -> None:
        try:
            await asyncio.sleep(10)
        finally:
            cleaned.append(name)

    one = tasks.start("one", holds("one"))
    tasks.start("two", holds("two"))
    tasks.start("three", holds("three"))
    await asyncio.sleep(0)  # all three are inside their try
    tasks.cancel("one")
    await asyncio.gather(one, return_exceptions=True)
    assert cleaned == ["one"]
    assert not tasks.is_running("one")
    assert sorted(tasks.running()) == ["three", "two"]
    await tasks.cancel_all()
    assert sorted(cleaned) == ["one", "three", "two"]
    assert tasks.running() == []
    tasks.cancel("gone")  # nothing of that name: nothing happens
