"""What the benchmark scripts share: statistics, the report rows, child processes, a sandbox.

Benchmarks print figures; they are not timed tests and never fail on a slow figure. Each
script prints its own report and, with ``--json FILE``, writes its summary rows there for
``run_all``.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import json
import math
import os
import queue
import signal
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import TracebackType

import PySide6

REPO_ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
BARE_WINDOW_SCRIPT = REPO_ROOT / "tests" / "benchmarks" / "bare_window.py"
STACK_FLOOR_SCRIPT = REPO_ROOT / "tests" / "benchmarks" / "stack_floor.py"
APP_STACK_SCRIPT = REPO_ROOT / "tests" / "benchmarks" / "app_stack.py"
BUNDLE_APP = REPO_ROOT / "dist" / "flashback-desktop" / "flashback-desktop"
BUNDLE_BARE = REPO_ROOT / "dist" / "bare-window" / "bare-window"
KEYRING_BACKEND = "tests.benchmarks.env_keyring.EnvKeyring"


# ---------------------------------------------------------------- statistics


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile: the smallest value with at least p % of the values at or below."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def ratio_text(ratio: float) -> str:
    return "n/a" if math.isnan(ratio) else f"{ratio:.2f}x"


# ---------------------------------------------------------------- report rows


@dataclass
class Row:
    """One line of the summary: a figure, what it is compared with, and the target."""

    target: str  # "1", "2", "3a", ...
    name: str
    figure: str
    baseline: str
    ratio: str
    limit: str
    status: str  # "pass", "FAIL", "report" (no target of its own), "n/a" (not measured)
    note: str = ""


def status(ok: bool) -> str:
    return "pass" if ok else "FAIL"


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)

    def add(self, row: Row) -> None:
        self.rows.append(row)

    def write_json(self, path: Path | None) -> None:
        if path is not None:
            path.write_text(json.dumps([asdict(row) for row in self.rows], indent=1))


def read_rows(path: Path) -> list[Row]:
    return [Row(**item) for item in json.loads(path.read_text())]


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A Markdown table padded to line up in a terminal too."""
    widths = [max(len(str(row[c])) for row in [header, *rows]) for c in range(len(header))]

    def line(row: Sequence[str]) -> str:
        return "| " + " | ".join(str(cell).ljust(widths[c]) for c, cell in enumerate(row)) + " |"

    return [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)]


def summary_lines(rows: Sequence[Row]) -> list[str]:
    return table(
        ["#", "measure", "figure", "baseline (same run)", "ratio", "target", "result"],
        [[r.target, r.name, r.figure, r.baseline, r.ratio, r.limit, r.status] for r in rows],
    )


def environment() -> str:
    python = ".".join(str(part) for part in sys.version_info[:3])
    platform = os.environ.get("QT_QPA_PLATFORM", "(default)")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"Python {python}, PySide6 {PySide6.__version__}, {sys.platform}, "
        f"{os.cpu_count()} CPUs, QPA {platform}, load average {load}"
    )


def use_offscreen_by_default() -> None:
    """Run Qt offscreen unless the caller chose a platform (e.g. xcb under xvfb-run).

    Also writes the bytecode an installed app has (see ``compile_bytecode``).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    compile_bytecode()


def compile_bytecode() -> None:
    """Write .pyc files for the project and its packages, as an installed app has them.

    pip compiles at install time and PyInstaller bundles bytecode, but uv does not compile
    and these machines set PYTHONDONTWRITEBYTECODE, so without this every measured start
    compiles its sources again: far more of them for the app than for the bare window,
    which skews every start-up ratio, and compiling holds the GIL for up to ~100 ms at a
    time, which shows up as frozen-window gaps. Later runs only compare timestamps.
    """
    folders = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    folders.add(str(REPO_ROOT / "flashback_desktop"))
    folders.add(str(REPO_ROOT / "tests"))
    for folder in sorted(folders):
        compileall.compile_dir(folder, quiet=2, workers=0)


# ---------------------------------------------------------------- child processes


def child_env(scratch: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment every measured child gets, the bare window and the app alike.

    Settings, logs and the single-instance name go to a scratch place, so a benchmark never
    touches the person's own settings or meets an app the other engineer is running.
    """
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        folder = scratch / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    runtime = scratch / "runtime"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    user = f"flashback-bench-{os.getpid()}"  # the single-instance name is per user and server
    env["USER"] = env["LOGNAME"] = user
    env["PYTHONPATH"] = os.pathsep.join(
        part for part in (str(REPO_ROOT), os.environ.get("PYTHONPATH", "")) if part
    )
    env["PYTHON_KEYRING_BACKEND"] = KEYRING_BACKEND
    env.pop("FLASHBACK_SERVER", None)
    if extra:
        env.update(extra)
    return env


@contextlib.contextmanager
def scratch_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="flashback-bench-") as folder:
        yield Path(folder)


@dataclass
class Run:
    seconds: float  # wall time from spawn to exit, seen by the parent
    returncode: int
    maxrss_kib: int  # the child's peak resident set (ru_maxrss of wait4)
    stderr: str
    marked_at: float | None = None  # spawn to the first stderr line holding the marker


def run_timed(
    command: Sequence[str],
    env: Mapping[str, str],
    timeout_s: float = 60.0,
    marker: str | None = None,
) -> Run:
    """Spawn, wait for the exit, and time it; wait4 also gives this child's own peak RSS.

    With ``marker``, also note when the child's first stderr line containing it arrived.
    """
    lines: list[tuple[float, str]] = []
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        env=dict(env),
        cwd=REPO_ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    stream = process.stderr
    assert stream is not None

    def read() -> None:  # drained as it comes, so a chatty child never blocks on the pipe
        for raw in stream:
            lines.append((time.perf_counter(), raw.decode("utf-8", "replace")))

    reader = threading.Thread(target=read, name="child-stderr", daemon=True)
    reader.start()
    killer = threading.Timer(timeout_s, process.kill)
    killer.daemon = True
    killer.start()
    try:
        _pid, wait_status, usage = os.wait4(process.pid, 0)
    finally:
        killer.cancel()
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(wait_status)
    process.returncode = code  # reaped by wait4: Popen must not wait for it again
    reader.join(5)
    stream.close()
    marked = next((at - started for at, line in lines if marker and marker in line), None)
    text = "".join(line for _, line in lines)
    return Run(seconds, code, int(usage.ru_maxrss), text, marked)


# ---------------------------------------------------------------- a sandbox of its own


@dataclass
class SandboxInfo:
    url: str
    email: str
    password: str
    token: str


class SandboxProcess:
    """A sandbox server in its own process, so its work never competes for this one's GIL.

    ``python -m flashback_desktop.sandbox --port 0 --repos N`` by default; ``module`` picks
    another entry point with the same ``URL=`` ... ``TOKEN=`` lines.
    """

    def __init__(
        self,
        repos: int | None,
        scratch: Path,
        *,
        module: str = "flashback_desktop.sandbox",
        extra_args: Sequence[str] = (),
        start_timeout_s: float = 60.0,
        extra_keys: Sequence[str] = (),
    ) -> None:
        sized = ["--repos", str(repos)] if repos is not None else []  # None: the demo data
        self.command = [PYTHON, "-m", module, "--port", "0", *sized, *extra_args]
        self.scratch = scratch
        self.start_timeout_s = start_timeout_s
        self.log_path = scratch / f"sandbox-{repos if repos is not None else 'demo'}.log"
        self._process: subprocess.Popen[str] | None = None
        self.info: SandboxInfo | None = None
        self.extra_keys = tuple(extra_keys)  # more KEY=value lines to wait for
        self.extra: dict[str, str] = {}

    def __enter__(self) -> SandboxInfo:
        log = self.log_path.open("w")
        self._process = subprocess.Popen(
            self.command,
            env=child_env(self.scratch),
            cwd=REPO_ROOT,
            stdin=subprocess.PIPE,  # closing it tells the benchmark sandbox to stop
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
        log.close()
        lines: queue.Queue[str | None] = queue.Queue()
        stdout = self._process.stdout
        assert stdout is not None

        def read() -> None:
            for line in stdout:
                lines.put(line.rstrip("\n"))
            lines.put(None)

        threading.Thread(target=read, name="sandbox-stdout", daemon=True).start()
        found: dict[str, str] = {}
        deadline = time.monotonic() + self.start_timeout_s
        while not {"URL", "EMAIL", "PASSWORD", "TOKEN", *self.extra_keys} <= found.keys():
            try:
                line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                line = None
            if line is None:
                self.__exit__(None, None, None)
                raise RuntimeError(
                    f"the sandbox did not start; its log: {self.log_path.read_text()[-2000:]}"
                )
            key, _, value = line.partition("=")
            found[key] = value
        self.info = SandboxInfo(found["URL"], found["EMAIL"], found["PASSWORD"], found["TOKEN"])
        self.extra = {key: found[key] for key in self.extra_keys}
        return self.info

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        process = self._process
        if process is None:
            return
        self._process = None
        # One SIGTERM only: the sandbox's handler is not safe against a second signal.
        with contextlib.suppress(OSError):
            process.send_signal(signal.SIGTERM)
        if process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def bench_argument_parser(prog: str, description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--json", type=Path, default=None, help="write the summary rows here")
    return parser
