"""Shared fixtures: the sandbox over loopback, an in-memory keyring, a qasync loop for GUI tests."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

# Under tests/run Qt uses Xvfb (xcb); a bare `pytest` falls back to the offscreen platform.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import PySide6.QtWidgets  # PySide6 must be imported before qasync
import pytest
import pytest_asyncio
import qasync
from keyring.backend import KeyringBackend
from pytestqt.qtbot import QtBot

from flashback_desktop.api.client import FlashbackClient
from flashback_desktop.api.connection import ClientLimits
from flashback_desktop.logging_setup import install_redaction
from flashback_desktop.sandbox import SandboxServer
from tests.support import bundle_build
from tests.support.memory_keyring import MemoryKeyring
from tests.support.secret_audit import SuiteSecretAudit, private_world

# Short enough that timeout tests stay quick, long enough for a loaded 2-core machine.
FAST_LIMITS = ClientLimits(
    connect_timeout_s=2.0, read_timeout_s=5.0, deadline_s=8.0, read_retries=1, retry_backoff_s=0.05
)

install_redaction()

SUITE_AUDIT = SuiteSecretAudit()


def pytest_sessionstart(session: pytest.Session) -> None:
    """Under tests/run, log the whole run at DEBUG into the app's log folder."""
    if private_world():
        SUITE_AUDIT.start_debug_log(Path(os.environ["XDG_STATE_HOME"]) / "Flashback Desktop")


@pytest.hookimpl(trylast=True)  # after -m and -k have deselected
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The bundle is built in the background from now on; its tests run last."""
    bundle_build.collected(config, items)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """After the whole run: no issued token or typed password in any log or app folder."""
    bundle_build.session_finished()
    if not private_world():
        return
    found = SUITE_AUDIT.findings()
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(
            f"secret audit: {len(SUITE_AUDIT.secrets)} secrets searched in the run's DEBUG "
            f"log ({SUITE_AUDIT.log_size_kb()} KB) and the private HOME/XDG folders: "
            + ("none found" if not found else f"LEAKED {found}"),
            red=bool(found),
        )
    if found:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test starts with an empty in-memory keyring, never the person's real one."""
    previous: KeyringBackend = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def no_unexpected_errors_logged(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """An ERROR or CRITICAL from the app's own loggers fails the test that caused it."""
    yield
    errors = [
        f"{r.name}: {r.getMessage()}"
        for r in caplog.get_records("call")
        if r.levelno >= logging.ERROR and r.name.startswith("flashback")
    ]
    assert errors == [], "unexpected errors were logged"


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer() as server:
        yield server
    SUITE_AUDIT.add(server.state.issued_secrets())


@pytest_asyncio.fixture
async def client(sandbox: SandboxServer) -> AsyncIterator[FlashbackClient]:
    api = FlashbackClient(sandbox.url, credentials=sandbox.state.demo_token, limits=FAST_LIMITS)
    yield api
    await api.aclose()


@pytest.fixture
def qasync_loop(
    qapp: PySide6.QtWidgets.QApplication, qtbot: QtBot
) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop over pytest-qt's QApplication; tasks advance inside qtbot.waitUntil."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    # As asyncio's own run_forever does (qasync's does not): an async generator left
    # unfinished, such as a response stream the app stopped reading, is closed by a task on
    # the loop, not by the garbage collector, which cannot await its clean-up.
    hooks = sys.get_asyncgen_hooks()
    sys.set_asyncgen_hooks(
        firstiter=loop._asyncgen_firstiter_hook,
        finalizer=loop._asyncgen_finalizer_hook,
    )
    yield loop
    leftovers = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in leftovers:
        task.cancel()
    if leftovers:
        qtbot.waitUntil(lambda: all(task.done() for task in leftovers), timeout=5000)
    # Close the async generators still open now, so none is finalised on a closed loop later.
    closing = asyncio.ensure_future(loop.shutdown_asyncgens())
    qtbot.waitUntil(closing.done, timeout=5000)
    # stop() would quit pytest-qt's QApplication; mark the loop stopped instead, then close it
    # (which also shuts down its thread executor).
    loop._QEventLoop__is_running = False
    loop.close()
    sys.set_asyncgen_hooks(*hooks)
    asyncio.set_event_loop(None)
    # qasync marked itself as the running loop; later pytest-asyncio tests need none running.
    asyncio.events._set_running_loop(None)
