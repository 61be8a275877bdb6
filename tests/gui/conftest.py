"""A real MainWindow wired to a real session against the sandbox, driven through pytest-qt."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from flashback_desktop.api.connection import ClientLimits
from flashback_desktop.config import canonical_origin
from flashback_desktop.sandbox import SandboxServer
from flashback_desktop.session.session import Session
from flashback_desktop.session.token_store import KeyringTokenStore, TokenPair
from flashback_desktop.ui.main_content import MainContent, build_main_window
from flashback_desktop.ui.main_window import MainWindow
from flashback_desktop.ui.tasks import TaskManager
from tests.conftest import FAST_LIMITS
from tests.gui.keyboard import activate
from tests.support.idle import wait_until_idle
from tests.support.main_page import MainPage
from tests.support.memory_keyring import MemoryKeyring

T = TypeVar("T")


@dataclass
class App:
    """What a GUI test drives: the window, its session, and the sandbox behind it."""

    window: MainWindow
    session: Session
    sandbox: SandboxServer
    qtbot: QtBot
    crashes: list[BaseException] = field(default_factory=list)

    @property
    def content(self) -> MainContent:
        """What fills the window's frame: the list, the panel, the actions."""
        return self.window.content

    def run(self, coroutine: Coroutine[Any, Any, T], timeout_ms: int = 10_000) -> T:
        """Run a coroutine on the qasync loop from a synchronous test."""
        task = asyncio.ensure_future(coroutine)
        self.qtbot.waitUntil(task.done, timeout=timeout_ms)
        return task.result()

    def wait_until_idle(self, timeout_ms: int = 15_000) -> None:
        """No task running, no request in flight at the sandbox, events drained."""
        wait_until_idle(self.qtbot, self.content.tasks, self.sandbox.state, timeout_ms=timeout_ms)

    def pause_between_intents(self) -> None:
        """A person's pause: the next press of New Conversation is a new intent, not a double
        press (a wait that can only make it more so on a busy machine, never flaky)."""
        self.qtbot.wait(QApplication.doubleClickInterval() + 10)

    @property
    def page(self) -> MainPage:
        """The window as a person sees it (tests/support/main_page.py)."""
        return MainPage(self.window)

    def select(self, name: str) -> None:
        self.page.select(name)


def _run_until_done(qtbot: QtBot, window: MainWindow, tasks: TaskManager) -> None:
    # The banner's next retry would start a load after the cancel, on a deleted window.
    window.content.connection_banner.stop()
    stopping = asyncio.ensure_future(tasks.cancel_all())
    qtbot.waitUntil(stopping.done, timeout=10_000)


@pytest.fixture
def start_app(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    sandbox: SandboxServer,
    memory_keyring: MemoryKeyring,
) -> Iterator[Callable[..., App]]:
    started: list[App] = []

    def start(
        *,
        signed_in: bool = True,
        limits: ClientLimits = FAST_LIMITS,
        backend: KeyringBackend | None = None,
        demo_account: tuple[str, str] | None = None,
        wait_for_repositories: bool = True,
        banner_delays_s: tuple[float, ...] | None = None,
        prepare: Callable[[MainWindow], object] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> App:
        crashes: list[BaseException] = []
        tasks = TaskManager(crashes.append)
        window = build_main_window(tasks, server_label=sandbox.url)
        if prepare is not None:  # what the app does between building and showing the window
            prepare(window)
        # pytest-qt closes and deletes the window before fixtures end: stop its tasks first,
        # as the app does on quit, so none touches a deleted widget.
        qtbot.addWidget(window, before_close_func=lambda _w: _run_until_done(qtbot, window, tasks))
        if banner_delays_s is not None:
            window.content.connection_banner.delays_s = banner_delays_s
        store = KeyringTokenStore(canonical_origin(sandbox.url), backend)
        session = Session(sandbox.url, store, limits=limits, transport=transport)
        app = App(window, session, sandbox, qtbot, crashes)
        started.append(app)
        if signed_in:  # a sign-in saved by an earlier run: real tokens from the sandbox
            login = sandbox.state.login(sandbox.state.demo_email, sandbox.state.demo_password)
            app.run(store.save(TokenPair(login["accessToken"], login["refreshToken"])))
        window.show()
        qtbot.waitExposed(window)
        # Shortcuts only reach the active window: the window manager activates it, as for a
        # person (by hand only on a bare display outside tests/run and CI).
        activate(qtbot, window)
        if signed_in and wait_for_repositories:
            with qtbot.waitSignal(window.content.repositories_shown, timeout=10_000):
                window.content.attach_session(session, demo_account)
        else:
            window.content.attach_session(session, demo_account)
        return app

    yield start
    for app in started:
        app.run(app.content.tasks.cancel_all())
        app.run(app.session.close())
        assert app.crashes == [], f"unexpected errors reached the crash handler: {app.crashes}"
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()
