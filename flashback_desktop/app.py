"""Composition root: QApplication, the qasync loop, the session and the window.

The window is shown first; httpx, the keyring and the sandbox are loaded after the first
paint, so start-up feels instant.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from flashback_desktop import __version__
from flashback_desktop.command_line import Options, parse_args
from flashback_desktop.config import ServerChoice, ServerUrlError, choose_server
from flashback_desktop.startup_profile import StartupProfile  # first: it starts the clock

if TYPE_CHECKING:
    import asyncio

    from PySide6.QtWidgets import QApplication

    from flashback_desktop.sandbox import SandboxServer
    from flashback_desktop.session.session import Session
    from flashback_desktop.single_instance import SingleInstance
    from flashback_desktop.ui.main_content import MainContent
    from flashback_desktop.ui.main_window import MainWindow

log = logging.getLogger("flashback.app")

APP_NAME = "Flashback Desktop"
ORG_NAME = "Flashback"
EXIT_OK, EXIT_USAGE, EXIT_NEEDS_PERSON, EXIT_STUCK = 0, 2, 3, 4
EXIT_AFTER_LIMIT_S = 60.0
FIRST_PAINT_WAIT_S = 2.0  # the content is built after the first paint, or after this
DEMO_SERVER = "demo"  # stands for the built-in sandbox, whose address is chosen at start


def log_directory() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, ORG_NAME))


def _make_application() -> QApplication:
    """The QApplication, named, with the desktop identity and the translations installed."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    if not isinstance(app, QApplication):
        raise RuntimeError("Another kind of Qt application object already exists")
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    from flashback_desktop import desktop_identity

    desktop_identity.apply(app)  # the desktop entry's id (Wayland app id) and window icon
    app.setQuitOnLastWindowClosed(False)  # quitting goes through our own clean shutdown
    # Before the frame: its title and "Starting…" are translated too (only .qm files load).
    from flashback_desktop import i18n

    i18n.install()
    return app


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(sys.argv[1:] if argv is None else argv)
    from flashback_desktop.dbus_session import prevent_autolaunch

    prevent_autolaunch()  # before Qt or the keyring could start a D-Bus daemon that stays
    if options.self_test:  # before anything else starts: it needs no display or network
        from flashback_desktop.self_test import run_self_test

        return run_self_test(options.require_keyring)
    profile = StartupProfile(options.profile_startup)
    from flashback_desktop.crash_log import route_qt_messages

    route_qt_messages()  # Qt's warnings reach the log IT reads (the terminal until it is set up)
    problem = _cannot_start_qt()
    if problem is not None:
        _report_not_starting(problem, options)
        return EXIT_USAGE
    app = _make_application()
    profile.mark("Qt ready")

    server_url = DEMO_SERVER
    choice: ServerChoice | None = None
    if not options.demo:
        choice = _choose_server(options)
        if choice is None:
            return EXIT_USAGE
        server_url = choice.base_url

    instance = _claim_single_instance(server_url, options)
    if instance is None:
        return EXIT_OK
    profile.mark("single instance claimed")
    try:
        window = _show_window_frame(options, server_url, profile)
        if options.exit_after == "first-paint":
            return _leave_now(window, options)
        # Everything below loads after the first paint: logging, asyncio and qasync, the
        # window's content, then (in a worker thread) httpx and the keyring.
        log_file = _setup_logging(options.debug)
        profile.mark("logging ready")
        # PySide6 is loaded, so qasync binds to it and not to another Qt binding.
        import asyncio

        import qasync

        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        try:
            with loop:
                exit_code: int = loop.run_until_complete(
                    _run(
                        options,
                        server_url,
                        log_file=log_file,
                        instance=instance,
                        profile=profile,
                        window=window,
                        choice=choice,
                    )
                )
                return exit_code
        finally:
            asyncio.set_event_loop(None)
    finally:
        instance.close()


def _cannot_start_qt() -> str | None:
    """Why Qt would abort (no display, system libraries missing), in one line; else None."""
    from flashback_desktop import startup_checks as checks

    if checks.no_graphical_session(os.environ, sys.platform):
        return checks.NO_GRAPHICAL_SESSION
    try:
        import PySide6.QtWidgets  # noqa: F401 - fails when QtGui's system libraries are missing
    except ImportError as exc:
        missing = checks.libraries_named_in(exc)
        if not missing:
            raise
        return checks.install_advice(missing)
    if checks.uses_xcb(os.environ, sys.platform):
        from PySide6.QtCore import QLibraryInfo

        plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
        lacking = checks.xcb_plugin_problem(plugins / "platforms" / "libqxcb.so")
        if lacking:
            return checks.install_advice(lacking)
    return None


def _choose_server(options: Options) -> ServerChoice | None:
    """The server to use; None when its address is refused (the person has been told)."""
    from PySide6.QtCore import QSettings

    from flashback_desktop import i18n
    from flashback_desktop.preferences import saved_server
    from flashback_desktop.site_config import read_system_defaults

    system = read_system_defaults()
    try:
        return choose_server(
            options.server,
            os.environ,
            saved_server(QSettings()),
            system.server,
            str(system.path) if system.path else None,
        )
    except ServerUrlError as exc:
        _refuse_server(i18n.message(exc.message), options)
        return None


def _report_not_starting(problem: str, options: Options) -> None:
    """One line on the terminal, and the same in the log file (for IT, after the fact)."""
    print(f"flashback-desktop: {problem}", file=sys.stderr)
    _setup_logging(options.debug)
    log.info("Not starting: %s", problem)  # INFO: the file only, the terminal has it already


def _refuse_server(problem: str, options: Options) -> None:
    """The terminal line, the log, and (for a person at a screen) a dialog."""
    _report_not_starting(problem, options)
    if options.exit_after is None:  # a script waits for no click
        from flashback_desktop.ui.startup_error_dialog import show_startup_error

        show_startup_error(problem)


def _show_window_frame(options: Options, server_url: str, profile: StartupProfile) -> MainWindow:
    """Show the window's empty frame and wait for it to paint, before anything heavy loads.

    This runs before the asyncio loop exists, so a local Qt event loop does the waiting. A
    window that never paints (started minimised, say) holds nothing up for long.
    """
    from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer

    from flashback_desktop.ui.main_window import MainWindow
    from flashback_desktop.ui.window_state import restore_geometry

    demo_label = QCoreApplication.translate("App", "built-in demo server")
    window = MainWindow(server_label=demo_label if options.demo else server_url, demo=options.demo)
    window.first_painted.connect(lambda: profile.mark("first paint"))
    waiting = QEventLoop()
    window.first_painted.connect(waiting.quit)
    limit_s = EXIT_AFTER_LIMIT_S if options.exit_after == "first-paint" else FIRST_PAINT_WAIT_S
    QTimer.singleShot(int(limit_s * 1000), waiting.quit)
    restore_geometry(window, QSettings())  # before showing it, so it never jumps
    window.show()
    profile.mark("window shown")
    if not window.painted:
        waiting.exec()
    return window


def _leave_now(window: MainWindow, options: Options) -> int:
    """--exit-after first-paint: the frame has painted (or never will); save it and go."""
    if not window.painted:
        print("flashback-desktop: the window did not paint within the time limit", file=sys.stderr)
        return EXIT_STUCK
    code = EXIT_OK if _save_screenshot(window, options) else EXIT_USAGE
    window.hide()
    return code


def _save_screenshot(window: MainWindow, options: Options) -> bool:
    if options.screenshot is None or window.grab().save(str(options.screenshot)):
        return True
    print(f"flashback-desktop: could not save {options.screenshot}", file=sys.stderr)
    return False


def _claim_single_instance(server_url: str, options: Options) -> SingleInstance | None:
    """None when another copy for this person and server runs: it has been brought forward."""
    from flashback_desktop.config import canonical_origin
    from flashback_desktop.single_instance import SingleInstance, instance_name

    # Named like the keyring entry: two spellings of one server are one app.
    key = server_url if server_url == DEMO_SERVER else canonical_origin(server_url)
    instance = SingleInstance(instance_name(key))
    if not instance.claim():
        _setup_logging(options.debug)  # the usual set-up waits for the first paint
        log.info("Flashback Desktop is already running; brought its window to the front")
        print(
            "flashback-desktop: already running; brought its window to the front",
            file=sys.stderr,
        )
        return None
    return instance


def _setup_logging(debug: bool) -> Path | None:
    from flashback_desktop import crash_log
    from flashback_desktop.logging_setup import setup_logging

    crash_log.enable(log_directory())  # from here a native crash leaves its trace there
    log_file = setup_logging(log_directory(), debug=debug)
    crash_log.report_previous_crash()
    return log_file


async def _run(
    options: Options,
    server_url: str,
    *,
    log_file: Path | None,
    instance: SingleInstance,
    profile: StartupProfile,
    window: MainWindow,
    choice: ServerChoice | None = None,
) -> int:
    import asyncio

    # Everything slow happens in a worker thread: importing httpx and the keyring and loading
    # the certificate store take about half a second, which would freeze the window on the
    # GUI thread. run_in_executor starts it now, before the content's modules are imported,
    # so it overlaps importing and building the window's content (which leave the session's
    # modules to this thread: ui/main_content.py imports them for annotations only).
    built = _start_session_build(options, server_url)

    from PySide6.QtCore import QSettings

    # The content, once, after the first paint (ui/main_window.py is the frame alone).
    from flashback_desktop.ui.crash_handler import CrashHandler
    from flashback_desktop.ui.main_content import MainContent
    from flashback_desktop.ui.tasks import TaskManager
    from flashback_desktop.ui.window_state import WindowStateKeeper

    loop = asyncio.get_running_loop()
    finished: asyncio.Future[int] = loop.create_future()

    def finish(code: int) -> None:
        if not finished.done():
            finished.set_result(code)

    if choice is not None:
        log.info("Using the Flashback server %s (%s)", choice.base_url, choice.source)
    crash_handler = CrashHandler(lambda: window, str(log_file) if log_file else None)
    crash_handler.install(loop)
    tasks = TaskManager(crash_handler)
    content = MainContent(window, tasks)
    content.server_choice = choice
    WindowStateKeeper(content, QSettings())  # the window keeps it as a child
    profile.mark("window built")
    _connect_exit_after(window, content, options, finish)
    instance.activation_requested.connect(window.bring_to_front)
    instance.listen()  # from now on another launch hands over instead of waiting
    window.closed.connect(lambda: finish(EXIT_OK))
    content.repositories_shown.connect(lambda _count: profile.mark("repositories shown"))
    if not window.isVisible():  # closed before its content was built
        finish(EXIT_OK)

    sandbox = None
    session = None
    try:
        # Awaited even when the window was closed meanwhile: what it built must be closed.
        session, sandbox = await _build_session(built)
        profile.mark("session ready")
        if not finished.done():
            demo_account = (
                (sandbox.state.demo_email, sandbox.state.demo_password) if sandbox else None
            )
            content.attach_session(session, demo_account)
        return await finished
    finally:
        await tasks.cancel_all()
        if session is not None:
            await session.close()
        if sandbox is not None:
            await asyncio.to_thread(sandbox.stop)
        window.hide()
        window.deleteLater()
        log.info("Flashback Desktop stopped")


def _connect_exit_after(
    window: MainWindow, content: MainContent, options: Options, finish: Callable[[int], None]
) -> None:
    """--exit-after: leave right after the chosen moment, or fail clearly if a person is needed."""
    import asyncio

    moment = options.exit_after
    if moment != "repos-loaded":  # first-paint was handled before the loop started
        return

    def reached() -> None:
        finish(EXIT_OK if _save_screenshot(window, options) else EXIT_USAGE)

    content.repositories_shown.connect(lambda _count: reached())

    def needs_person(dialog: object) -> None:
        print(
            f"flashback-desktop: stopped before {moment}: a dialog needs a person "
            f"({type(dialog).__name__})",
            file=sys.stderr,
        )
        finish(EXIT_NEEDS_PERSON)

    content.dialog_opened.connect(needs_person)
    asyncio.get_running_loop().call_later(EXIT_AFTER_LIMIT_S, lambda: finish(EXIT_STUCK))


def _start_session_build(
    options: Options, server_url: str
) -> asyncio.Future[tuple[Session, SandboxServer | None]]:
    """The worker thread starts at once (``asyncio.to_thread`` would wait for the loop)."""
    import asyncio
    import gc

    gc.freeze()  # the window so far: see _build_session; the imports below trigger collections

    loop = asyncio.get_running_loop()
    return loop.run_in_executor(None, _build_session_off_thread, options, server_url)


async def _build_session(
    built: asyncio.Future[tuple[Session, SandboxServer | None]],
) -> tuple[Session, SandboxServer | None]:
    """The session from ``built`` (see ``_run``), signed in to the sandbox in demo mode."""
    import gc

    session, sandbox = await built
    # What start-up made (modules, classes, the window: about 55,000 objects) lives as long
    # as the app. Frozen, the collector no longer walks it in every full collection, which
    # took 25-40 ms on the GUI thread (a frozen window) while a long list loaded; now 5 ms.
    gc.freeze()
    if sandbox is not None:
        log.info("Demo mode: signing in to the built-in sandbox at %s", sandbox.url)
        await session.sign_in_with_password(sandbox.state.demo_email, sandbox.state.demo_password)
    return session, sandbox


def _build_session_off_thread(
    options: Options, server_url: str
) -> tuple[Session, SandboxServer | None]:
    from flashback_desktop.config import canonical_origin
    from flashback_desktop.session.session import Session
    from flashback_desktop.session.token_store import KeyringTokenStore, MemoryTokenStore

    # httpcore loads its asyncio backend on the first request, on the GUI thread: load it now.
    with contextlib.suppress(ImportError):
        importlib.import_module("anyio._backends._asyncio")
    if options.demo:
        from flashback_desktop.sandbox import DEMO_REPLY_DELAY_S, SandboxServer

        sandbox = SandboxServer()
        sandbox.state.seed_demo_history()  # something to see under Recent conversations
        sandbox.state.reply_delay_s = DEMO_REPLY_DELAY_S  # the demo assistant "thinks"
        sandbox.start()
        return Session(sandbox.url, MemoryTokenStore()), sandbox
    store = KeyringTokenStore(canonical_origin(server_url))
    return Session(server_url, store), None
