"""Soak: New Conversation through the real window against the sandbox, with random faults.

A benchmark-style script, not a timed test: it prints figures and exits non-zero when a
figure that must be 0 is not (see tests/benchmarks/README.md)::

    uv run python -m tests.benchmarks.soak [--cycles 1000] [--prompt-cycles 200] [--fault-rate 0.1]

Everything runs in this one process, wired like ``flashback_desktop.app``: a QApplication,
a qasync QEventLoop as the running loop, a TaskManager whose unexpected errors go to the
CrashHandler, a real MainWindow and Session (tokens from the demo account in a
MemoryTokenStore). The sandbox serves on its own thread. Each cycle is one intent: pick a
repository, maybe plant one fault on POST /conversation, trigger New Conversation (once,
or 2-3 times rapidly like a double click), wait for what the window shows, close any
dialog, then ask the sandbox what it really created during that intent. Then prompt
cycles (``soak_prompts.py``) send prompts through the chat service, with faults on the
prompt route, and ask the sandbox what it really stored.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import faulthandler
import gc
import json
import logging
import os
import random
import resource
import statistics
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import PySide6.QtWidgets  # before qasync, so qasync binds to PySide6
import qasync
from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QDialog, QWidget

from flashback_desktop.api.connection import ClientLimits
from flashback_desktop.api.models import Repository
from flashback_desktop.logging_setup import install_redaction
from flashback_desktop.sandbox import Fault, SandboxServer
from flashback_desktop.session.session import Session
from flashback_desktop.session.token_store import MemoryTokenStore, TokenPair
from flashback_desktop.ui.crash_handler import CrashHandler
from flashback_desktop.ui.main_content import build_main_window
from flashback_desktop.ui.main_window import MainWindow
from flashback_desktop.ui.new_conversation import CREATE_TASK
from flashback_desktop.ui.tasks import TaskManager
from tests.benchmarks.soak_prompts import (
    PROMPT_TIMINGS,
    PromptCycles,
    PromptIntent,
    prompt_breakdown,
    prompt_figures,
)

# Short limits so a silent or slow server resolves in about a second, not in 30.
SOAK_LIMITS = ClientLimits(
    connect_timeout_s=1.0, read_timeout_s=1.0, deadline_s=1.0, read_retries=1, retry_backoff_s=0.05
)
# The app looks at 0, 2 and 5 s; scaled down with the deadline. The delayed fault creates
# the conversation LATE_BY_S after the client gave up, so the second look finds it with room
# to spare on a loaded 2-core machine, and the third is there as a margin.
LOOKUP_DELAYS_S = (0.0, 0.5, 1.5)
LATE_BY_S = 0.25
CONVERSATION_PATH = "/conversation"
TRIGGERS = ("button", "action", "call")  # panel button, QAction (Ctrl+N/menu), the slot
REPEAT_GAPS_S = (0.0, 0.002, 0.01)  # between the triggers of one "double click"
BASELINE_CYCLE = 100
POLL_S = 0.005
SANDBOX_IDLE_TIMEOUT_S = 10.0
EXIT_OK, EXIT_FIGURES, EXIT_ABORTED, EXIT_WATCHDOG = 0, 1, 2, 3

SUCCESS, FOUND, UNRESOLVED, FAILURE = "created", "found", "unresolved", "failure"
SIGN_IN, NO_OUTCOME = "sign-in asked", "no outcome"
OUTCOMES = (SUCCESS, FOUND, UNRESOLVED, FAILURE, SIGN_IN, NO_OUTCOME)

_GATEWAY_HTML = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)
# Qt messages the offscreen platform always prints; everything else is reported.
_QT_NOISE = ("This plugin does not support propagateSizeHints",)


class SoakError(Exception):
    """The soak could not go on: a cycle got no outcome in time, or the setup failed."""


# ---------------------------------------------------------------- faults


@dataclass(frozen=True)
class FaultKind:
    name: str
    build: Callable[[random.Random], Fault]


def _json(payload: dict[str, object]) -> str:
    return json.dumps(payload, separators=(",", ":"))


FAULT_KINDS: tuple[FaultKind, ...] = (
    FaultKind("500", lambda _: Fault(status=500)),
    FaultKind(
        "502 HTML", lambda _: Fault(status=502, body=_GATEWAY_HTML, content_type="text/html")
    ),
    FaultKind("503", lambda _: Fault(status=503)),
    FaultKind("504", lambda _: Fault(status=504)),
    FaultKind(
        "400",
        lambda _: Fault(
            status=400,
            body=_json({"success": False, "message": "repoId must be a non-empty string"}),
        ),
    ),
    FaultKind("429", lambda _: Fault(status=429, headers={"Retry-After": "30"})),
    FaultKind("200 invalid JSON", lambda _: Fault(status=200, body='{"success":true,"conver')),
    FaultKind("200 no conversationId", lambda _: Fault(status=200, body='{"success":true}')),
    # The real handler runs (the conversation IS created); its answer is cut short.
    FaultKind("cut body", lambda rng: Fault(cut_after_bytes=rng.randint(0, 60))),
    # Before the handler: nothing is created, the connection is reset.
    FaultKind("reset", lambda _: Fault(reset=True)),
    FaultKind("never answer", lambda _: Fault(never_answer=True)),
    # Created after the client gave up: the lookup must find it.
    FaultKind("delay past deadline", lambda _: Fault(delay_s=SOAK_LIMITS.deadline_s + LATE_BY_S)),
)


# ---------------------------------------------------------------- what happened


@dataclass
class Intent:
    """One cycle: one person meaning to start one conversation."""

    cycle: int
    repo_id: str
    fault: str | None
    trigger: str
    repeats_fired: int = 0  # extra triggers fired while the first create was in flight
    repeats_skipped: int = 0  # the create had already finished: a second click, not a double
    outcome: str = NO_OUTCOME
    shown_id: str | None = None
    created: tuple[str, ...] = ()  # conversations the sandbox created during this intent
    posts: int = 0  # POST /conversation requests the sandbox received during this intent
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


@dataclass
class Snapshot:
    cycle: int
    rss_kib: int
    widgets: int
    objects: int


@dataclass
class Results:
    options: argparse.Namespace
    intents: list[Intent] = field(default_factory=list)
    elapsed_s: float = 0.0
    aborted: str | None = None
    server_ids: set[str] = field(default_factory=set)
    unattributed: set[str] = field(default_factory=set)
    manager_tasks: list[str] = field(default_factory=list)
    loop_tasks: list[str] = field(default_factory=list)
    dialogs_left: int = 0
    baseline: Snapshot | None = None
    final: Snapshot | None = None
    errors_logged: list[str] = field(default_factory=list)
    prompts: list[PromptIntent] = field(default_factory=list)
    prompt_conversations: set[str] = field(default_factory=set)  # where the prompts went
    qt_warnings: Counter[str] = field(default_factory=Counter)


class Progress:
    """What the watchdog prints when it fires."""

    def __init__(self) -> None:
        self.cycle = 0
        self.stage = "starting"


# ---------------------------------------------------------------- measuring


def rss_kib() -> int:
    """Resident set size now (VmRSS); the peak from getrusage where /proc is missing."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def snapshot(cycle: int) -> Snapshot:
    gc.collect()
    return Snapshot(
        cycle, rss_kib(), len(PySide6.QtWidgets.QApplication.allWidgets()), len(gc.get_objects())
    )


class ErrorCounter(logging.Handler):
    """Counts ERROR and CRITICAL records from any logger (app, sandbox, uvicorn, asyncio)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        first_line = (record.getMessage().splitlines() or [""])[0]
        self.messages.append(f"{record.name}: {first_line}"[:200])


def configure_logging(log_file: Path | None) -> ErrorCounter:
    install_redaction()  # the log file must not hold the tokens the soak signs in with
    counter = ErrorCounter()
    root = logging.getLogger()
    root.addHandler(counter)
    root.setLevel(logging.WARNING)
    if log_file is not None:
        handler = logging.FileHandler(log_file, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return counter


async def wait_until(predicate: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise SoakError(f"{what} (waited {timeout_s:g} s)")
        await asyncio.sleep(POLL_S)


# ---------------------------------------------------------------- the window's signals


class Recorder:
    """What the window said during the current intent."""

    def __init__(self, window: MainWindow) -> None:
        self.events: list[tuple[str, str]] = []
        self.dialogs: list[QWidget] = []
        self.seen = asyncio.Event()
        window.content.conversation_created.connect(lambda cid: self._add(SUCCESS, cid))
        window.content.conversation_found.connect(lambda cid: self._add(FOUND, cid))
        window.content.creation_unresolved.connect(lambda: self._add(UNRESOLVED, ""))
        window.content.dialog_opened.connect(self._dialog_opened)

    def reset(self) -> None:
        self.events.clear()
        self.seen.clear()

    def _add(self, kind: str, value: str) -> None:
        self.events.append((kind, value))
        self.seen.set()

    def _dialog_opened(self, dialog: QWidget) -> None:
        self.dialogs.append(dialog)
        self._add("dialog", type(dialog).__name__)

    def outcome(self) -> tuple[str, str | None, list[str]]:
        """The outcome kind, the conversation ID shown, and anything contradictory."""
        problems: list[str] = []
        terminal = [(kind, value) for kind, value in self.events if kind != "dialog"]
        dialogs = [value for kind, value in self.events if kind == "dialog"]
        if len(terminal) > 1:
            problems.append(f"more than one outcome signal: {terminal}")
        if terminal:
            kind, value = terminal[0]
            wants_dialog = kind == UNRESOLVED
            if wants_dialog != bool(dialogs):
                problems.append(f"{kind} with dialogs {dialogs}")
            return kind, value or None, problems
        if dialogs == ["ErrorDialog"]:
            return FAILURE, None, problems
        if "SignInDialog" in dialogs:
            return SIGN_IN, None, problems
        problems.append(f"no outcome; dialogs {dialogs}")
        return NO_OUTCOME, None, problems


# ---------------------------------------------------------------- the soak


class Soak:
    def __init__(self, options: argparse.Namespace, progress: Progress) -> None:
        self.options = options
        self.progress = progress
        self.rng = random.Random(options.seed)  # noqa: S311 - replayable, not cryptographic
        self.results = Results(options)
        self.sandbox = SandboxServer()
        self.tasks: TaskManager | None = None
        self.window: MainWindow | None = None
        self.session: Session | None = None
        self.recorder: Recorder | None = None
        self.repositories: list[Repository] = []

    # -- set-up and tear-down, as in flashback_desktop.app

    async def run(self) -> Results:
        started = time.monotonic()
        try:
            await self._start()
            await self._cycles()
            await self._prompt_cycles()
        except SoakError as exc:
            self.results.aborted = f"cycle {self.progress.cycle}: {exc}"
        try:
            await self._measure_end()
        except SoakError as exc:
            self.results.aborted = self.results.aborted or f"at the end: {exc}"
        finally:
            self.results.elapsed_s = time.monotonic() - started
            await self._stop()
        return self.results

    async def _start(self) -> None:
        self.progress.stage = "starting the sandbox"
        await asyncio.to_thread(self.sandbox.start)
        state = self.sandbox.state
        signed_in = state.login(state.demo_email, state.demo_password)
        store = MemoryTokenStore()
        await store.save(TokenPair(signed_in["accessToken"], signed_in["refreshToken"]))
        self.session = Session(self.sandbox.url, store, limits=SOAK_LIMITS)

        window: MainWindow | None = None
        crash_handler = CrashHandler(lambda: window, None)
        crash_handler.install(asyncio.get_running_loop())
        self.tasks = TaskManager(crash_handler)
        window = self.window = build_main_window(
            self.tasks, server_label=self.sandbox.url, demo=True
        )
        self.recorder = Recorder(window)
        painted: list[bool] = []
        window.first_painted.connect(lambda: painted.append(True))
        shown: list[int] = []
        window.content.repositories_shown.connect(shown.append)

        self.progress.stage = "showing the window"
        window.show()
        await wait_until(lambda: bool(painted), 10.0, "the window was never painted")
        self.progress.stage = "loading repositories"
        window.content.attach_session(self.session)
        assert window.content.creating.service is not None
        window.content.creating.service.lookup_delays_s = LOOKUP_DELAYS_S
        await wait_until(lambda: bool(shown), 20.0, "the repositories were never shown")
        rows = (
            window.content.model.repository_at(row)
            for row in range(window.content.model.rowCount())
        )
        # The sandbox refuses only repositories outside the person's workspaces (403), and
        # those are not listed; a disabled one is skipped as a person could not use it.
        self.repositories = [repo for repo in rows if repo is not None and not repo.disabled]
        if not self.repositories:
            raise SoakError("no repository to create conversations in")

    async def _stop(self) -> None:
        self.progress.stage = "stopping"
        if self.tasks is not None:
            await self.tasks.cancel_all()
        if self.session is not None:
            await self.session.close()
        await asyncio.to_thread(self.sandbox.stop)
        if self.window is not None:
            self.window.hide()
            self.window.deleteLater()

    # -- the cycles

    async def _cycles(self) -> None:
        cycles: int = self.options.cycles
        baseline_at = BASELINE_CYCLE if cycles >= 2 * BASELINE_CYCLE else max(1, cycles // 10)
        started = time.monotonic()
        for number in range(1, cycles + 1):
            self.progress.cycle = number
            self.results.intents.append(await self._cycle(number))
            if number == baseline_at:
                await asyncio.sleep(0.05)  # let deferred deletions run first
                self.results.baseline = snapshot(number)
            if number % 100 == 0 or number == cycles:
                print(
                    f"soak: cycle {number}/{cycles}, {time.monotonic() - started:.1f} s, "
                    f"RSS {rss_kib() / 1024:.1f} MiB",
                    file=sys.stderr,
                    flush=True,
                )

    async def _cycle(self, number: int) -> Intent:
        window, recorder = self._window(), self._recorder()
        state = self.sandbox.state
        repo = self.rng.choice(self.repositories)
        self.progress.stage = f"selecting {repo.name!r}"
        window.content.select_repository(repo.id)
        selected = window.content.panel.repository
        if selected is None or selected.id != repo.id:
            raise SoakError(f"could not select repository {repo.name!r}")
        kind = self.rng.choice(FAULT_KINDS) if self.rng.random() < self.options.fault_rate else None
        presses = 1 + (
            self.rng.choice((1, 2)) if self.rng.random() < self.options.double_click_rate else 0
        )
        intent = Intent(number, repo.id, kind.name if kind else None, self.rng.choice(TRIGGERS))
        before = self._conversation_ids(repo.id)
        posts_before = state.request_count("POST", CONVERSATION_PATH)
        if kind is not None:
            state.faults.add("POST", CONVERSATION_PATH, kind.build(self.rng), times=1)

        self.progress.stage = f"New Conversation ({intent.fault or 'no fault'})"
        recorder.reset()
        started = time.monotonic()
        self._trigger(intent.trigger)
        if not window.content.tasks.is_running(CREATE_TASK) and not recorder.seen.is_set():
            raise SoakError(f"trigger {intent.trigger!r} did not start a New Conversation")
        for _ in range(presses - 1):
            await asyncio.sleep(self.rng.choice(REPEAT_GAPS_S))
            if window.content.tasks.is_running(CREATE_TASK):
                self._trigger(self.rng.choice(TRIGGERS))
                intent.repeats_fired += 1
            else:
                intent.repeats_skipped += 1
        try:
            await asyncio.wait_for(recorder.seen.wait(), self.options.cycle_timeout)
        except TimeoutError as exc:
            raise SoakError(
                f"no outcome within {self.options.cycle_timeout:g} s after New Conversation "
                f"(fault: {intent.fault or 'none'}, repository {repo.name!r}, "
                f"signals so far: {recorder.events})"
            ) from exc
        await wait_until(
            lambda: not window.content.tasks.is_running(CREATE_TASK),
            self.options.cycle_timeout,
            "the create task kept running after its outcome was shown",
        )
        intent.seconds = time.monotonic() - started
        intent.outcome, intent.shown_id, intent.problems = recorder.outcome()
        self._close_dialogs()

        self.progress.stage = "waiting for the sandbox to finish"
        await self._sandbox_idle()
        intent.created = tuple(sorted(self._conversation_ids(repo.id) - before))
        intent.posts = state.request_count("POST", CONVERSATION_PATH) - posts_before
        if kind is not None and intent.posts == 0:
            state.faults.clear()  # never let it spill into the next intent
        self._check(intent)
        return intent

    async def _prompt_cycles(self) -> None:
        """Prompts through the chat service, on the same loop and session as the window."""
        count: int = self.options.prompt_cycles
        if self.session is None or count == 0:
            return
        self.progress.stage = "prompt cycles"
        chat = self.session.chat(PROMPT_TIMINGS)
        cycles = PromptCycles(
            chat, self.sandbox, self.rng, deadline_s=SOAK_LIMITS.deadline_s, idle=self._sandbox_idle
        )
        self.results.prompt_conversations = set(cycles.conversations)
        started = time.monotonic()
        self.results.prompts = await cycles.run(
            count, self.options.fault_rate, self.options.double_click_rate
        )
        print(
            f"soak: {count} prompt cycles, {time.monotonic() - started:.1f} s",
            file=sys.stderr,
            flush=True,
        )

    def _trigger(self, how: str) -> None:
        window = self._window()
        if how == "button":
            window.content.panel.new_button.click()  # disabled: ignored, as a mouse would be
        elif how == "action":
            window.content.new_conversation_action.trigger()  # the menu item and Ctrl+N
        else:
            window.content.start_new_conversation()  # what a click that slipped through would reach

    def _close_dialogs(self) -> None:
        """Close every dialog the window opened, announced or not (a crash dialog is not)."""
        recorder = self._recorder()
        for dialog in self._window().findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        recorder.dialogs.clear()

    def _check(self, intent: Intent) -> None:
        """Hold what the window showed against what the sandbox did."""
        window = self._window()
        created = set(intent.created)
        if intent.outcome in (SUCCESS, FOUND):
            if intent.shown_id not in created:
                where = "on the server" if intent.shown_id in self._all_ids() else "anywhere"
                intent.problems.append(
                    f"{intent.outcome} {intent.shown_id} was not created by this intent "
                    f"(exists {where})"
                )
            if window.content.panel.result_id.text() != intent.shown_id:
                intent.problems.append(
                    f"the panel shows {window.content.panel.result_id.text()!r}, "
                    f"the signal said {intent.shown_id!r}"
                )
        elif created:
            intent.problems.append(
                f"{len(created)} created on the server, shown as {intent.outcome}"
            )
        if intent.posts > 1:
            intent.problems.append(f"{intent.posts} POST /conversation requests for one intent")
        if intent.fault is not None and intent.posts == 0:
            intent.problems.append("the planted fault was never used: no request was sent")
        if not window.content.panel.new_button.isEnabled():
            intent.problems.append("New Conversation stayed disabled after the outcome")

    # -- the sandbox's side

    def _in_flight(self) -> int:
        """Requests the sandbox is still handling (a delayed create, a connection held open)."""
        server = self.sandbox._server  # no public accessor: see tests/benchmarks/README.md
        return len(server.server_state.tasks) if server is not None else 0

    async def _sandbox_idle(self) -> None:
        await wait_until(
            lambda: self._in_flight() == 0,
            SANDBOX_IDLE_TIMEOUT_S,
            "the sandbox still had requests in flight",
        )

    def _conversation_ids(self, repo_id: str) -> set[str]:
        return {c["id"] for c in self.sandbox.state.conversations_for(repo_id)}

    def _all_ids(self) -> set[str]:
        ids: set[str] = set()
        for repo in self.sandbox.state.repos:
            ids |= self._conversation_ids(repo["id"])
        return ids

    # -- the end

    async def _measure_end(self) -> None:
        results = self.results
        self.progress.stage = "measuring"
        if self.window is None:
            return
        await self._sandbox_idle()
        driver = asyncio.current_task()

        def others() -> list[asyncio.Task[object]]:
            return [t for t in asyncio.all_tasks() if t is not driver and not t.done()]

        # A task that ends by itself within a couple of seconds is not a leak; one that
        # lives on is. Nothing here cancels anything before counting.
        with contextlib.suppress(SoakError):
            await wait_until(lambda: not others(), 2.0, "tasks still alive")
        results.loop_tasks = sorted(t.get_name() for t in others())
        manager: dict[str, asyncio.Task[object]] = self._window().content.tasks._tasks
        results.manager_tasks = sorted(name for name, task in manager.items() if not task.done())
        self._close_dialogs()
        await asyncio.sleep(0.05)  # deferred deletions of the closed dialogs
        results.dialogs_left = sum(
            1 for dialog in self._window().findChildren(QDialog) if dialog.isVisible()
        )
        results.final = snapshot(len(results.intents))
        results.server_ids = self._all_ids() - results.prompt_conversations
        attributed = {cid for intent in results.intents for cid in intent.created}
        results.unattributed = results.server_ids - attributed

    def _window(self) -> MainWindow:
        if self.window is None:
            raise SoakError("the window is not up")
        return self.window

    def _recorder(self) -> Recorder:
        if self.recorder is None:
            raise SoakError("the window is not up")
        return self.recorder


# ---------------------------------------------------------------- the report


@dataclass
class Figure:
    label: str
    value: str
    must_be_zero: bool = False
    ok: bool = True


def environment() -> str:
    python = ".".join(str(part) for part in sys.version_info[:3])
    cpus = os.cpu_count() or 0
    qt = f"PySide6 {PySide6.__version__}"
    platform = os.environ.get("QT_QPA_PLATFORM", "?")
    return f"Python {python}, {qt}, {sys.platform}, {cpus} CPUs, QPA {platform}"


def _must_be_zero(label: str, count: int) -> Figure:
    return Figure(label, str(count), must_be_zero=True, ok=count == 0)


def _mib(kib: int) -> str:
    return f"{kib / 1024:.1f} MiB"


def figures(results: Results) -> list[Figure]:
    intents = results.intents
    outcomes = Counter(intent.outcome for intent in intents)
    shown = {i.shown_id for i in intents if i.outcome == SUCCESS and i.shown_id}
    resolved = {i.shown_id for i in intents if i.outcome == FOUND and i.shown_id}
    unaccounted = results.server_ids - shown - resolved
    phantom = (shown | resolved) - results.server_ids
    duplicates = sum(max(0, len(i.created) - 1) for i in intents)
    extra_posts = sum(max(0, i.posts - 1) for i in intents)
    contradicted = sum(
        1
        for i in intents
        if (i.outcome in (SUCCESS, FOUND) and i.shown_id not in i.created)
        or (i.outcome not in (SUCCESS, FOUND) and i.created)
    )
    other_problems = sum(1 for i in intents if i.problems) - contradicted
    seconds = sorted(i.seconds for i in intents) or [0.0]
    options = results.options
    rows = [
        Figure("cycles (intents)", f"{len(intents)} of {options.cycles}"),
        Figure("fault rate / seed", f"{options.fault_rate:g} / {options.seed}"),
        Figure("faulted intents", str(sum(1 for i in intents if i.fault))),
        Figure(
            "double clicks (extra triggers in flight)",
            f"{sum(1 for i in intents if i.repeats_fired)} "
            f"({sum(i.repeats_fired for i in intents)} extra, "
            f"{sum(i.repeats_skipped for i in intents)} too late)",
        ),
        Figure("conversations on the server", str(len(results.server_ids))),
        Figure("successes shown", str(outcomes[SUCCESS])),
        Figure('"may have been created" outcomes', str(outcomes[FOUND] + outcomes[UNRESOLVED])),
        Figure("  resolved by the lookup (found)", str(outcomes[FOUND])),
        Figure("  unresolved (dialog)", str(outcomes[UNRESOLVED])),
        Figure("plain failures shown (dialog)", str(outcomes[FAILURE])),
        _must_be_zero("sign-in asked / no outcome", outcomes[SIGN_IN] + outcomes[NO_OUTCOME]),
        _must_be_zero("duplicates per intent", duplicates),
        _must_be_zero("POST requests beyond 1 per intent", extra_posts),
        _must_be_zero("on the server, not accounted for", len(unaccounted)),
        _must_be_zero("shown, not on the server", len(phantom)),
        _must_be_zero("created outside any intent", len(results.unattributed)),
        _must_be_zero("outcomes the server contradicts", contradicted),
        _must_be_zero("other per-intent problems", other_problems),
        _must_be_zero("tasks alive in the TaskManager", len(results.manager_tasks)),
        _must_be_zero("tasks alive in asyncio (not the driver)", len(results.loop_tasks)),
        _must_be_zero("dialogs left open", results.dialogs_left),
        _must_be_zero("errors logged (ERROR/CRITICAL)", len(results.errors_logged)),
    ]
    rows += [
        _must_be_zero(label, count) if zero else Figure(label, str(count))
        for label, count, zero in prompt_figures(results.prompts)
    ]
    base, final = results.baseline, results.final
    if base is not None and final is not None:
        span = max(1, final.cycle - base.cycle)
        growth = final.rss_kib - base.rss_kib
        rows += [
            Figure(f"RSS at cycle {base.cycle}", _mib(base.rss_kib)),
            Figure(f"RSS at cycle {final.cycle}", _mib(final.rss_kib)),
            Figure(
                "RSS growth",
                f"{growth / 1024:+.1f} MiB ({growth / span * 100 / 1024:+.2f} MiB per 100)",
            ),
            Figure("Qt widgets alive (baseline -> end)", f"{base.widgets} -> {final.widgets}"),
            Figure("Python objects (baseline -> end)", f"{base.objects} -> {final.objects}"),
        ]
    rows += [
        Figure(
            "cycle time median / p95 / max",
            f"{statistics.median(seconds):.3f} / {seconds[int(0.95 * (len(seconds) - 1))]:.3f}"
            f" / {seconds[-1]:.3f} s",
        ),
        Figure("Qt warnings (not offscreen noise)", str(sum(results.qt_warnings.values()))),
        Figure("elapsed", f"{results.elapsed_s:.1f} s"),
    ]
    return rows


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(row[c])) for row in [header, *rows]) for c in range(len(header))]

    def line(row: Sequence[str]) -> str:
        cells = [
            str(cell).ljust(widths[c]) if c == 0 else str(cell).rjust(widths[c])
            for c, cell in enumerate(row)
        ]
        return "  ".join(cells).rstrip()

    return [line(header), "  ".join("-" * w for w in widths), *(line(row) for row in rows)]


def breakdown(results: Results) -> list[str]:
    """Outcomes per planted fault, with how many conversations the server really created."""
    names = ["(none)", *(kind.name for kind in FAULT_KINDS)]
    shown = (SUCCESS, FOUND, UNRESOLVED, FAILURE)
    rows = []
    for name in names:
        group = [i for i in results.intents if (i.fault or "(none)") == name]
        if not group:
            continue
        outcomes = Counter(i.outcome for i in group)
        rows.append(
            [
                name,
                str(len(group)),
                *(str(outcomes[o]) for o in shown),
                str(sum(len(i.created) for i in group)),
            ]
        )
    return _table(["fault on POST /conversation", "intents", *shown, "on server"], rows)


def render(results: Results) -> str:
    rows = figures(results)
    table = _table(
        ["figure", "value", "check"],
        [
            [
                f.label,
                f.value,
                ("ok" if f.ok else "FAIL") + " (must be 0)" if f.must_be_zero else "",
            ]
            for f in rows
        ],
    )
    lines = [
        "Flashback Desktop soak: New Conversation through the GUI, prompts through the chat "
        "service, against the sandbox",
        environment(),
        "",
        *table,
        "",
        *breakdown(results),
    ]
    if results.prompts:
        header, *rows_by_fault = prompt_breakdown(results.prompts)
        lines += ["", *_table(header, rows_by_fault)]
    problems = [(i.cycle, p) for i in results.intents for p in i.problems]
    problems += [(i.cycle, f"prompt: {p}") for i in results.prompts for p in i.problems]
    if problems:
        lines += ["", f"problems ({len(problems)}, first 20):"]
        lines += [f"  cycle {cycle}: {problem}" for cycle, problem in problems[:20]]
    details = [
        ("tasks alive in the TaskManager", results.manager_tasks),
        ("tasks alive in asyncio", results.loop_tasks),
        ("errors logged", results.errors_logged[:10]),
        ("Qt warnings", [f"{n} x {m}" for m, n in results.qt_warnings.most_common(5)]),
    ]
    for title, items in details:
        if items:
            lines += ["", f"{title}:", *(f"  {item}" for item in items)]
    failed = [f.label for f in rows if not f.ok]
    lines.append("")
    if failed:
        lines.append(f"FAIL: {', '.join(failed)}")
    if results.aborted:
        done = len(results.intents)
        lines.append(f"ABORTED (the figures cover the {done} intents before it): {results.aborted}")
    elif not failed:
        lines.append("PASS: every must-be-0 figure is 0")
    return "\n".join(lines)


def exit_code(results: Results) -> int:
    if results.aborted:
        return EXIT_ABORTED
    return EXIT_OK if all(f.ok for f in figures(results)) else EXIT_FIGURES


# ---------------------------------------------------------------- the process


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.soak",
        description="New Conversation cycles through the GUI against the sandbox, with faults.",
    )
    parser.add_argument("--cycles", type=int, default=1000)
    parser.add_argument(
        "--prompt-cycles", type=int, default=200, help="prompts sent through the chat service"
    )
    parser.add_argument("--fault-rate", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=None, help="default: a random one (printed)")
    parser.add_argument(
        "--double-click-rate", type=float, default=0.1, help="intents triggered 2-3 times"
    )
    parser.add_argument(
        "--cycle-timeout", type=float, default=20.0, help="seconds one intent may take"
    )
    parser.add_argument(
        "--max-seconds", type=float, default=None, help="watchdog (default 120 + 1 per cycle)"
    )
    parser.add_argument("--log", type=Path, default=None, help="write the app's log here (INFO)")
    options = parser.parse_args(argv)
    if options.cycles < 1:
        parser.error("--cycles must be at least 1")
    if options.prompt_cycles < 0:
        parser.error("--prompt-cycles must not be negative")
    for name in ("fault_rate", "double_click_rate"):
        if not 0.0 <= getattr(options, name) <= 1.0:
            parser.error(f"--{name.replace('_', '-')} must be between 0 and 1")
    if options.seed is None:
        options.seed = random.SystemRandom().randrange(1_000_000)
    if options.max_seconds is None:
        options.max_seconds = 120.0 + 1.0 * options.cycles + 2.0 * options.prompt_cycles
    return options


def start_watchdog(seconds: float, progress: Progress) -> threading.Timer:
    """Never hang: after ``seconds`` print where it stuck, every thread's stack, and exit."""

    def fire() -> None:
        print(
            f"soak: WATCHDOG: gave up after {seconds:g} s at cycle {progress.cycle} "
            f"({progress.stage})",
            file=sys.stderr,
            flush=True,
        )
        faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
        os._exit(EXIT_WATCHDOG)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    return timer


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    errors = configure_logging(options.log)
    qt_warnings: Counter[str] = Counter()

    def on_qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        serious = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        if kind in serious and not any(noise in message for noise in _QT_NOISE):
            qt_warnings[message[:200]] += 1

    qInstallMessageHandler(on_qt_message)
    progress = Progress()
    watchdog = start_watchdog(options.max_seconds, progress)
    print(
        f"soak: {options.cycles} cycles, fault rate {options.fault_rate:g}, seed {options.seed}",
        file=sys.stderr,
        flush=True,
    )
    app = PySide6.QtWidgets.QApplication.instance() or PySide6.QtWidgets.QApplication([sys.argv[0]])
    if not isinstance(app, PySide6.QtWidgets.QApplication):
        raise RuntimeError("another kind of Qt application object already exists")
    app.setQuitOnLastWindowClosed(False)  # as in the app: nothing quits behind our back
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        with loop:
            results: Results = loop.run_until_complete(Soak(options, progress).run())
    finally:
        asyncio.set_event_loop(None)
        watchdog.cancel()
        qInstallMessageHandler(None)
    results.errors_logged = list(errors.messages)
    results.qt_warnings = qt_warnings
    print(render(results), flush=True)
    return exit_code(results)


if __name__ == "__main__":
    sys.exit(main())
