"""The real main window and session against the hostile server (``tests/support/hostile_server``).

Import the fixtures into a test module: ``from tests.support.hostile_app import hostile,
start_hostile_app  # noqa: F401``.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from flashback_desktop import logging_setup
from flashback_desktop.config import canonical_origin
from flashback_desktop.session.session import Session
from flashback_desktop.session.token_store import KeyringTokenStore, TokenPair
from flashback_desktop.ui.main_content import MainContent, build_main_window
from flashback_desktop.ui.main_window import MainWindow
from flashback_desktop.ui.tasks import TaskManager
from tests.conftest import FAST_LIMITS, SUITE_AUDIT
from tests.support.hostile_server import HostileServer
from tests.support.main_page import MainPage
from tests.support.memory_keyring import MemoryKeyring

T = TypeVar("T")


@dataclass
class HostileApp:
    window: MainWindow
    session: Session
    store: KeyringTokenStore
    server: HostileServer
    qtbot: QtBot
    crashes: list[BaseException] = field(default_factory=list)

    @property
    def content(self) -> MainContent:
        """What fills the window's frame: the list, the panel, the actions."""
        return self.window.content

    def run(self, coroutine: Coroutine[Any, Any, T], timeout_ms: int = 10_000) -> T:
        task = asyncio.ensure_future(coroutine)
        self.qtbot.waitUntil(task.done, timeout=timeout_ms)
        return task.result()

    @property
    def page(self) -> MainPage:
        """The window as a person sees it (tests/support/main_page.py)."""
        return MainPage(self.window)

    def select(self, repo_id: str) -> None:
        self.page.select_id(repo_id)


@pytest.fixture
def app_log(tmp_path: Path) -> Iterator[Path]:
    """The app's own logging set-up, at DEBUG as with --debug, into a file under tmp_path."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    names = ("httpx", "httpcore", "qasync")
    library_levels = {name: logging.getLogger(name).level for name in names}
    for name in names:  # as in the app: no level but what setup_logging gives them
        logging.getLogger(name).setLevel(logging.NOTSET)
    log_file = logging_setup.setup_logging(tmp_path / "logs", debug=True)
    assert log_file is not None
    yield log_file
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
            root.removeHandler(handler)
    root.setLevel(level)
    for name, previous in library_levels.items():
        logging.getLogger(name).setLevel(previous)


def log_text(log_file: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return log_file.read_text(encoding="utf-8", errors="replace")


@pytest.fixture
def hostile() -> Iterator[HostileServer]:
    with HostileServer() as server:
        yield server
    SUITE_AUDIT.add(server.issued)


@pytest.fixture
def start_hostile_app(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    hostile: HostileServer,
    memory_keyring: MemoryKeyring,
) -> Iterator[Callable[..., HostileApp]]:
    started: list[HostileApp] = []

    def start(
        *,
        saved: TokenPair | None = None,
        signed_in: bool = True,
        wait_for_repositories: bool = True,
        prepare: Callable[[MainWindow], object] | None = None,
    ) -> HostileApp:
        """``saved``: the pair an earlier run left in the keyring (fresh tokens by default)."""
        crashes: list[BaseException] = []
        tasks = TaskManager(crashes.append)
        window = build_main_window(tasks, server_label=hostile.url)
        if prepare is not None:
            prepare(window)

        def stop_tasks(_window: object) -> None:
            # The banner's next retry would start a load after the cancel, on a deleted window.
            window.content.connection_banner.stop()
            stopping = asyncio.ensure_future(tasks.cancel_all())
            qtbot.waitUntil(stopping.done, timeout=10_000)

        qtbot.addWidget(window, before_close_func=stop_tasks)
        store = KeyringTokenStore(canonical_origin(hostile.url))
        session = Session(hostile.url, store, limits=FAST_LIMITS)
        app = HostileApp(window, session, store, hostile, qtbot, crashes)
        started.append(app)
        if saved is None and signed_in:
            tokens = hostile.new_tokens()
            saved = TokenPair(tokens["accessToken"], tokens["refreshToken"])
        if saved is not None:
            app.run(store.save(saved))
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)
        if signed_in and wait_for_repositories:
            with qtbot.waitSignal(window.content.repositories_shown, timeout=10_000):
                window.content.attach_session(session)
        else:
            window.content.attach_session(session)
        return app

    yield start
    for app in started:
        app.run(app.content.tasks.cancel_all())
        app.run(app.session.close())
        if app.crashes:  # one line each: a RecursionError's traceback is no use here
            found = [f"{type(exc).__name__}: {str(exc)[:200]}" for exc in app.crashes]
            pytest.fail(f"network input reached the crash handler: {found}", pytrace=False)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()
