"""Target 3: 1,000 and 10,000 repositories: showing them, filtering, sorting.

::

    uv run python -m tests.benchmarks.scale [--sizes 1000 10000]

In this one process, offscreen unless ``QT_QPA_PLATFORM`` says otherwise, with a real
MainWindow and Session on a qasync loop, like the app. The session's client gets its
answers from an in-process httpx transport that hands out the fixed payload
(``tests.benchmarks.payload``), so "response received" is a moment this script sees.

For each size:

- **Response to rows shown**: from the moment the transport hands over the GET /repo
  response to the first paint of the table's viewport with rows in it; everything the app
  does in between (decoding into records, the model, the view) is in it.
  The floor is ``json.loads`` alone on the same body, timed in the same process right
  before each load (floor, load, floor, load, ...). A breakdown by stage, calling the same
  functions directly on the loaded window, shows where the time goes.
- **Filter keystrokes**: a fixed sequence of realistic typing into ``MainWindow.filter_edit``
  (``QTest.keyClick``; backspaces, Ctrl+A and Delete included), each timed from the key
  press through ``processEvents`` (so the table's repaint is in it), p50/p99/max.
- **Sorting**: ``table.sortByColumn`` on every column, ascending and descending, with a
  row selected, each timed through ``processEvents``; p50 and max.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx
import PySide6.QtWidgets  # before qasync, so qasync binds to PySide6
import qasync
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from flashback_desktop.api.models import decode_repositories
from flashback_desktop.sandbox.data import DEMO_USER_ID, SandboxState
from flashback_desktop.session.session import Session
from flashback_desktop.session.token_store import MemoryTokenStore, TokenPair
from flashback_desktop.ui.main_content import build_main_window
from flashback_desktop.ui.main_window import MainWindow
from flashback_desktop.ui.tasks import TaskManager
from tests.benchmarks.common import (
    Report,
    Row,
    bench_argument_parser,
    environment,
    median,
    ms,
    percentile,
    ratio_text,
    status,
    table,
    use_offscreen_by_default,
)
from tests.benchmarks.payload import repos_body

SIZES = (1_000, 10_000)
LOAD_RUNS = {1_000: 9, 10_000: 5}
# x json.loads of the same body: typed decoding must beat the standard parse alone.
SHOWN_LIMITS = {1_000: 1.0, 10_000: 0.5}
SHOWN_LIMIT_OTHER = 1.0
KEYSTROKE_LIMIT_S = 0.016  # one frame, at p99
SORT_LIMIT_S = 0.050  # three frames, worst column
BASE_URL = "http://127.0.0.1:9"  # never dialled: the transport answers
JSON_HEADERS = {"content-type": "application/json; charset=utf-8"}
# Realistic typing: names, a workspace, corrections, select-all and delete.
TYPING: tuple[tuple[str, Any], ...] = (
    ("type", "invoices 2025"),
    ("backspace", 13),
    ("type", "finance"),
    ("clear", None),
    ("type", "contracts emea"),
    ("backspace", 4),
    ("type", "apac"),
    ("clear", None),
    ("type", "q3"),
    ("backspace", 2),
)
TYPING_ROUNDS = 2


# ---------------------------------------------------------------- the server side


class ServedTransport(httpx.AsyncBaseTransport):
    """Answers the three start-up requests in-process; notes when /repo's answer left."""

    def __init__(self, body: bytes, fixture: Fixture) -> None:
        self.body = body
        self.fixture = fixture
        self.repos_sent_at: float | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.rstrip("/")
        if path.endswith("/repo"):
            self.repos_sent_at = time.perf_counter()
            return httpx.Response(200, content=self.body, headers=JSON_HEADERS)
        if path.endswith("/workspace"):
            return httpx.Response(200, content=self.fixture.workspaces, headers=JSON_HEADERS)
        if path.endswith("/user/profile"):
            return httpx.Response(200, content=self.fixture.profile, headers=JSON_HEADERS)
        return httpx.Response(404, content=b"Cannot GET " + path.encode())


@dataclass(frozen=True)
class Fixture:
    token: str
    workspaces: bytes
    profile: bytes
    workspace_names: dict[str, str]


def make_fixture() -> Fixture:
    state = SandboxState(repos=[])
    user = next(u for u in state.users if u["id"] == DEMO_USER_ID)
    workspaces = state.workspaces_for(DEMO_USER_ID)
    return Fixture(
        token=state.demo_token,
        workspaces=json.dumps({"success": True, "workspaces": workspaces}).encode(),
        profile=json.dumps({"success": True, "data": state.profile(user)}).encode(),
        workspace_names={w["id"]: w["name"] for w in workspaces},
    )


# ---------------------------------------------------------------- watching paints


class PaintWatcher(QObject):
    """Notes every paint of a widget; ``wanted`` says which paints count as "shown"."""

    def __init__(self, widget: PySide6.QtWidgets.QWidget, wanted: Callable[[], bool]) -> None:
        super().__init__()
        self.wanted = wanted
        self.paints = 0
        self.shown_at: float | None = None
        self.shown = asyncio.Event()
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
            if self.shown_at is None and self.wanted():
                self.shown_at = time.perf_counter()
                self.shown.set()
        return False


# ---------------------------------------------------------------- response to rows shown


@dataclass
class Loaded:
    seconds: float  # /repo response handed over -> table painted with rows
    to_signal: float  # ... -> repositories_shown
    window: MainWindow
    session: Session
    tasks: TaskManager
    watcher: PaintWatcher


async def load_once(body: bytes, fixture: Fixture, count: int) -> Loaded:
    transport = ServedTransport(body, fixture)
    store = MemoryTokenStore()
    await store.save(TokenPair(fixture.token, None))
    session = Session(BASE_URL, store, transport=transport)
    crashes: list[BaseException] = []
    tasks = TaskManager(crashes.append)
    window = build_main_window(tasks, server_label=BASE_URL)
    painted = asyncio.Event()
    window.first_painted.connect(painted.set)
    window.show()
    await asyncio.wait_for(painted.wait(), 30)
    signalled: list[float] = []
    window.content.repositories_shown.connect(lambda _n: signalled.append(time.perf_counter()))
    watcher = PaintWatcher(window.content.table.viewport(), lambda: bool(signalled))
    window.content.attach_session(session)
    try:
        await asyncio.wait_for(watcher.shown.wait(), 120)
    except TimeoutError as exc:
        raise RuntimeError(f"rows never shown; crashes: {crashes}") from exc
    if crashes:
        raise RuntimeError(f"the window crashed: {crashes[0]!r}")
    if window.content.model.rowCount() != count or transport.repos_sent_at is None:
        raise RuntimeError(
            f"expected {count} rows, the table has {window.content.model.rowCount()}"
        )
    assert watcher.shown_at is not None
    return Loaded(
        watcher.shown_at - transport.repos_sent_at,
        signalled[0] - transport.repos_sent_at,
        window,
        session,
        tasks,
        watcher,
    )


async def close(loaded: Loaded) -> None:
    await loaded.tasks.cancel_all()
    await loaded.session.close()
    loaded.window.hide()
    loaded.window.deleteLater()
    await asyncio.sleep(0.01)


def time_loads(body: bytes) -> float:
    started = time.perf_counter()
    json.loads(body)
    return time.perf_counter() - started


@dataclass
class SizeResult:
    count: int
    body_bytes: int
    floors: list[float] = field(default_factory=list)
    loads: list[float] = field(default_factory=list)
    to_signal: list[float] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)
    gc_seconds: list[float] = field(default_factory=list)
    gc_full: list[int] = field(default_factory=list)
    keystrokes: list[float] = field(default_factory=list)
    keystroke_repaints: int = 0
    keystroke_rows: list[int] = field(default_factory=list)
    workspace_switches: list[float] = field(default_factory=list)
    sorts: dict[str, list[float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def shown_limit(self) -> float:
        return SHOWN_LIMITS.get(self.count, SHOWN_LIMIT_OTHER)

    @property
    def shown_ratio(self) -> float:
        return median(self.loads) / median(self.floors)

    @property
    def all_sorts(self) -> list[float]:
        return [value for values in self.sorts.values() for value in values]


async def measure_loads(result: SizeResult, body: bytes, fixture: Fixture, runs: int) -> Loaded:
    """Alternate the floor and the real load; keep the last window for the rest."""
    last: Loaded | None = None
    for _ in range(runs):
        if last is not None:
            await close(last)
        gc.collect()
        result.floors.append(time_loads(body))
        gc.collect()
        with GcClock() as clock:
            last = await load_once(body, fixture, result.count)
        result.gc_seconds.append(clock.seconds)
        result.gc_full.append(clock.full)
        result.loads.append(last.seconds)
        result.to_signal.append(last.to_signal)
    assert last is not None
    # Nothing of the session may run once the asyncio loop is no longer being driven.
    await last.tasks.cancel_all()
    await last.session.close()
    return last


# ---------------------------------------------------------------- stage breakdown


def stage_breakdown(
    window: MainWindow, body: bytes, fixture: Fixture, runs: int = 3
) -> dict[str, float]:
    """The load's stages called one by one on the loaded window (medians, seconds)."""
    app = QApplication.instance()
    assert app is not None
    timings: dict[str, list[float]] = {}

    def timed(name: str, work: Callable[[], Any]) -> Any:
        started = time.perf_counter()
        value = work()
        timings.setdefault(name, []).append(time.perf_counter() - started)
        return value

    show = window.content.loader.show
    for _ in range(runs):
        gc.collect()
        timed("json.loads (the floor, for comparison)", functools.partial(json.loads, body))
        repos = timed("decode_repositories (msgspec)", functools.partial(decode_repositories, body))
        timed(
            "model.set_repositories (rows, sort)",
            functools.partial(
                window.content.model.set_repositories, repos, fixture.workspace_names
            ),
        )
        timed(
            "window._show_repositories (model + view)",  # the loader's show, named as before
            functools.partial(show, repos, fixture.workspace_names),
        )
        del repos
        timed("viewport repaint", lambda: window.content.table.viewport().repaint())
        timed("processEvents after", app.processEvents)
    return {name: median(values) for name, values in timings.items()}


class GcClock:
    """Time spent in the cyclic garbage collector, from gc.callbacks."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.full = 0  # generation-2 collections
        self.collections = 0
        self._started = 0.0

    def __enter__(self) -> GcClock:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc_info: object) -> None:
        gc.callbacks.remove(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
            return
        self.seconds += time.perf_counter() - self._started
        self.collections += 1
        self.full += info.get("generation") == 2


# ---------------------------------------------------------------- keystrokes and sorting


def keystrokes(result: SizeResult, window: MainWindow, watcher: PaintWatcher) -> None:
    app = QApplication.instance()
    content = getattr(window, "content", None)
    edit = getattr(content, "filter_edit", None)
    if edit is None or app is None:
        result.notes.append("MainContent.filter_edit does not exist: keystrokes not measured")
        return
    edit.setFocus()
    app.processEvents()

    def press(key: Any, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        paints = watcher.paints
        started = time.perf_counter()
        QTest.keyClick(edit, key, modifier)
        app.processEvents()
        result.keystrokes.append(time.perf_counter() - started)
        result.keystroke_repaints += watcher.paints > paints
        result.keystroke_rows.append(window.content.model.rowCount())

    for _ in range(TYPING_ROUNDS):
        for action, argument in TYPING:
            if action == "type":
                for char in argument:
                    press(char)
            elif action == "backspace":
                for _ in range(argument):
                    press(Qt.Key.Key_Backspace)
            else:
                press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
                press(Qt.Key.Key_Delete)
    if edit.text():
        result.notes.append(f"the filter box still holds {edit.text()!r} after the sequence")
    combo = getattr(window, "workspace_combo", None)
    if combo is not None:
        for index in [*range(1, combo.count()), 0]:
            started = time.perf_counter()
            combo.setCurrentIndex(index)
            app.processEvents()
            result.workspace_switches.append(time.perf_counter() - started)


def sorting(result: SizeResult, window: MainWindow, rounds: int = 2) -> None:
    app = QApplication.instance()
    assert app is not None
    model = window.content.model
    window.content.table.selectRow(min(5, model.rowCount() - 1))  # a selection must follow its row
    app.processEvents()
    orders = (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)
    for _ in range(rounds):
        for column in range(model.columnCount()):
            name = str(model.headerData(column, Qt.Orientation.Horizontal))
            for order in orders:
                started = time.perf_counter()
                window.content.table.sortByColumn(column, order)
                app.processEvents()
                result.sorts.setdefault(name, []).append(time.perf_counter() - started)
    window.content.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    app.processEvents()


# ---------------------------------------------------------------- the report


def size_lines(result: SizeResult) -> list[str]:
    n = f"{result.count:,}"
    lines = [
        "",
        f"== {n} repositories ({result.body_bytes / 1e6:.1f} MB body) ==",
        f"response to rows shown: p50 {ms(median(result.loads))}, max {ms(max(result.loads))} "
        f"({len(result.loads)} loads); to repositories_shown: p50 "
        f"{ms(median(result.to_signal))}",
        f"json.loads alone (floor): p50 {ms(median(result.floors))}, max {ms(max(result.floors))}",
        f"ratio {ratio_text(result.shown_ratio)} (target <= {result.shown_limit}x): "
        f"{status(result.shown_ratio <= result.shown_limit)}",
        "",
        f"  of which in the cyclic garbage collector: p50 {ms(median(result.gc_seconds))} "
        f"({median(result.gc_full):.0f} full collections per load)",
        "",
        "where the time goes (each stage called directly on the loaded window, median of 3):",
        *table(
            ["stage", "time"],
            [[stage, ms(seconds)] for stage, seconds in result.stages.items()],
        ),
    ]
    if result.keystrokes:
        k = result.keystrokes
        lines += [
            "",
            f"filter keystrokes ({len(k)}): p50 {ms(median(k))}, p99 {ms(percentile(k, 99))}, "
            f"max {ms(max(k))} (target p99 <= {ms(KEYSTROKE_LIMIT_S)}: "
            f"{status(percentile(k, 99) <= KEYSTROKE_LIMIT_S)}); the table repainted in "
            f"{result.keystroke_repaints} of them; rows shown ranged "
            f"{min(result.keystroke_rows)}-{max(result.keystroke_rows)}",
        ]
    if result.workspace_switches:
        w = result.workspace_switches
        lines.append(f"workspace choice ({len(w)} switches): p50 {ms(median(w))}, max {ms(max(w))}")
    if result.sorts:
        s = result.all_sorts
        lines += [
            "",
            f"sorting ({len(s)} sorts, every column both ways, twice): p50 {ms(median(s))}, "
            f"max {ms(max(s))} (target max <= {ms(SORT_LIMIT_S)}: "
            f"{status(max(s) <= SORT_LIMIT_S)})",
            *table(
                ["column", "p50", "max"],
                [[name, ms(median(v)), ms(max(v))] for name, v in result.sorts.items()],
            ),
        ]
    lines += [f"note: {note}" for note in result.notes]
    return lines


def report_rows(result: SizeResult) -> list[Row]:
    n = f"{result.count:,}"
    rows = [
        Row(
            "3",
            f"{n} repos: response to rows shown",
            f"p50 {ms(median(result.loads))}",
            f"json.loads {ms(median(result.floors))}",
            ratio_text(result.shown_ratio),
            f"<= {result.shown_limit}x",
            status(result.shown_ratio <= result.shown_limit),
        )
    ]
    k = result.keystrokes
    rows.append(
        Row(
            "3",
            f"{n} repos: filter keystroke",
            f"p50 {ms(median(k))}, p99 {ms(percentile(k, 99))}" if k else "not measured",
            "one frame",
            "",
            f"p99 <= {ms(KEYSTROKE_LIMIT_S)}",
            status(percentile(k, 99) <= KEYSTROKE_LIMIT_S) if k else "n/a",
        )
    )
    s = result.all_sorts
    rows.append(
        Row(
            "3",
            f"{n} repos: sort by a column",
            f"p50 {ms(median(s))}, max {ms(max(s))}" if s else "not measured",
            "three frames",
            "",
            f"max <= {ms(SORT_LIMIT_S)}",
            status(max(s) <= SORT_LIMIT_S) if s else "n/a",
        )
    )
    return rows


# ---------------------------------------------------------------- the process


def run_size(loop: asyncio.AbstractEventLoop, count: int, fixture: Fixture) -> SizeResult:
    body = repos_body(count)
    result = SizeResult(count, len(body))
    runs = LOAD_RUNS.get(count, 5)
    print(f"scale: {count:,} repositories, {runs} loads", file=sys.stderr, flush=True)
    loaded = loop.run_until_complete(measure_loads(result, body, fixture, runs))
    result.stages = stage_breakdown(loaded.window, body, fixture)
    keystrokes(result, loaded.window, loaded.watcher)
    sorting(result, loaded.window)
    loaded.window.hide()
    loaded.window.deleteLater()
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = bench_argument_parser(
        "python -m tests.benchmarks.scale",
        "Target 3: rows shown vs json.loads, filter keystrokes and sorting at scale.",
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    options = parser.parse_args(argv)
    use_offscreen_by_default()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    fixture = make_fixture()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    results: list[SizeResult] = []
    try:
        with loop:
            for count in options.sizes:
                results.append(run_size(loop, count, fixture))
    finally:
        asyncio.set_event_loop(None)
    lines = ["Scale: rows shown, filtering and sorting (target 3)", environment()]
    for result in results:
        lines += size_lines(result)
    print("\n".join(lines))
    report = Report()
    for result in results:
        for row in report_rows(result):
            report.add(row)
    report.write_json(options.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
