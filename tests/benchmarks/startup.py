"""Targets 1 and 2: process start to the first painted window, and to the filled list.

::

    uv run python -m tests.benchmarks.startup [--runs 15]

Every figure is the whole process's wall time, spawn to exit, seen from here, for:

- **bare**: ``tests/benchmarks/bare_window.py``, an empty QMainWindow that quits at its
  first paint (the baseline);
- **app first paint**: ``python -m flashback_desktop --demo --exit-after first-paint``;
- **app repos loaded**: ``python -m flashback_desktop --server URL --exit-after
  repos-loaded`` against a sandbox in its own process serving 100 repositories
  (``python -m flashback_desktop.sandbox --port 0 --repos 100``). The app reads its token
  from the keyring: ``PYTHON_KEYRING_BACKEND`` points at ``tests.benchmarks.env_keyring``,
  which hands it the sandbox's token from an environment variable, no file written.

The kinds alternate (bare, app, app, bare, app, app, ...), so a busy moment on the shared
machine hurts them alike; one discarded warm-up round goes first. Medians and p90 are
reported, and the ratios of the medians. The onedir bundle is measured the same way when
``dist/flashback-desktop/flashback-desktop`` exists (with ``dist/bare-window/bare-window`` as
its baseline when that exists too).
"""

from __future__ import annotations

import contextlib
import math
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from tests.benchmarks.common import (
    APP_STACK_SCRIPT,
    BARE_WINDOW_SCRIPT,
    BUNDLE_APP,
    BUNDLE_BARE,
    PYTHON,
    STACK_FLOOR_SCRIPT,
    Report,
    Row,
    SandboxProcess,
    bench_argument_parser,
    child_env,
    environment,
    median,
    ms,
    percentile,
    ratio_text,
    run_timed,
    scratch_dir,
    status,
    table,
    use_offscreen_by_default,
)
from tests.benchmarks.env_keyring import TOKEN_ENV_VAR

FIRST_PAINT_LIMIT = 1.3
REPOS_LOADED_LIMIT = 3.0
APP_STACK_LIMIT = 0.8  # x the stack floor: the app's own way of starting the same stack
SANDBOX_REPOS = 100
PROFILE_RUNS = 5
BARE_MARKER = "bare-window: first paint"
APP_PAINT_MARKER = "startup: first paint"
APP_SHOWN_MARKER = "startup: repositories shown"


@dataclass
class Kind:
    name: str
    command: list[str]
    env: dict[str, str]
    marker: str | None = None  # a stderr line that says the moment has come
    seconds: list[float] = field(default_factory=list)
    marks: list[float] = field(default_factory=list)  # spawn to the marker line
    phases: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    failures: list[str] = field(default_factory=list)

    def run(self, keep: bool) -> None:
        result = run_timed(self.command, self.env, marker=self.marker)
        if result.returncode != 0:
            self.failures.append(f"exit {result.returncode}: {result.stderr.strip()[-300:]}")
            return
        if not keep:
            return
        self.seconds.append(result.seconds)
        if result.marked_at is not None:
            self.marks.append(result.marked_at)
        for line in result.stderr.splitlines():
            # --profile-startup: "startup: first paint 245.3 ms (+1.6 ms)"
            if line.startswith("startup: "):
                head = line.removeprefix("startup: ").split(" (+")[0].removesuffix(" ms")
                name, _, value = head.rpartition(" ")
                with contextlib.suppress(ValueError):
                    self.phases[name].append(float(value))

    @property
    def p50(self) -> float:
        return median(self.seconds)

    @property
    def p90(self) -> float:
        return percentile(self.seconds, 90)

    def cells(self) -> list[str]:
        fails = f", {len(self.failures)} failed" if self.failures else ""
        return [self.name, f"{len(self.seconds)}{fails}", ms(self.p50), ms(self.p90)]


def app_command(*args: str) -> list[str]:
    return [PYTHON, "-m", "flashback_desktop", *args]


def has_profile_option() -> bool:
    shown = subprocess.run(
        app_command("--help"), capture_output=True, text=True, check=False, timeout=30
    )
    return "--profile-startup" in shown.stdout


def alternate(kinds: Sequence[Kind], runs: int, progress: Callable[[str], None]) -> None:
    for kind in kinds:  # warm-up: file cache, .pyc files; not kept
        kind.run(keep=False)
    for number in range(1, runs + 1):
        for kind in kinds:
            kind.run(keep=True)
        if number % 5 == 0 or number == runs:
            progress(f"startup: round {number}/{runs}")


def _progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = bench_argument_parser(
        "python -m tests.benchmarks.startup",
        "Targets 1 and 2: process start to first paint, and to the filled repository list.",
    )
    parser.add_argument("--runs", type=int, default=15, help="measured runs of each kind")
    parser.add_argument(
        "--profile-runs",
        type=int,
        default=PROFILE_RUNS,
        help="extra runs with --profile-startup for the phase breakdown (0: none)",
    )
    options = parser.parse_args(argv)
    use_offscreen_by_default()
    report = Report()
    with scratch_dir() as scratch, SandboxProcess(SANDBOX_REPOS, scratch) as sandbox:
        env = child_env(scratch)
        app_env = child_env(scratch, {TOKEN_ENV_VAR: sandbox.token})
        bare_command = [PYTHON, str(BARE_WINDOW_SCRIPT)]
        first_paint_command = app_command("--demo", "--exit-after", "first-paint")
        loaded_command = app_command("--server", sandbox.url, "--exit-after", "repos-loaded")
        bare = Kind("bare window (baseline)", bare_command, env, BARE_MARKER)
        first_paint = Kind("app --demo, first paint", first_paint_command, env)
        loaded = Kind(f"app --server, {SANDBOX_REPOS} repos shown", loaded_command, app_env)
        interpreter = Kind("python -c pass (reference)", [PYTHON, "-c", "pass"], env)
        # Both stacks ask the machine's own keyring (no benchmark backend from the
        # environment): choosing it is part of what they compare.
        real_keyring = {k: v for k, v in env.items() if k != "PYTHON_KEYRING_BACKEND"}
        floor = Kind("stack floor (reference)", [PYTHON, str(STACK_FLOOR_SCRIPT)], real_keyring)
        app_stack = Kind("app's own stack start", [PYTHON, str(APP_STACK_SCRIPT)], real_keyring)
        kinds = [bare, first_paint, loaded, interpreter, floor, app_stack]
        alternate(kinds, options.runs, _progress)
        # The same, with --profile-startup: when each phase ended, and when the first-paint
        # line reached us (spawn to paint, without the exit that the figures above include).
        profiled: list[Kind] = []
        if options.profile_runs > 0 and has_profile_option():
            profiled = [
                Kind("bare window (baseline)", bare_command, env, BARE_MARKER),
                Kind(
                    "app --demo --profile-startup",
                    [*first_paint_command, "--profile-startup"],
                    env,
                    APP_PAINT_MARKER,
                ),
                Kind(
                    "app --server --profile-startup",
                    [*loaded_command, "--profile-startup"],
                    app_env,
                    APP_SHOWN_MARKER,
                ),
            ]
            alternate(profiled, options.profile_runs, _progress)
        bundle_lines = measure_bundle(options.runs, env, report)

    r1 = first_paint.p50 / bare.p50
    r2 = loaded.p50 / bare.p50
    r_stack = app_stack.p50 / floor.p50
    lines = [
        "Start-up: whole process, spawn to exit (targets 1 and 2)",
        environment(),
        f"{options.runs} measured runs of each kind, alternating, after one warm-up round",
        "",
        *table(["kind", "runs", "median", "p90"], [k.cells() for k in kinds]),
    ]
    lines += [
        f"  {kind.name}: run failed: {failure}" for kind in kinds for failure in kind.failures[:3]
    ]
    lines += [
        "",
        f"target 1 (source): first paint {ms(first_paint.p50)} (p90 {ms(first_paint.p90)}) vs "
        f"bare {ms(bare.p50)} (p90 {ms(bare.p90)}): {ratio_text(r1)}, target <= "
        f"{FIRST_PAINT_LIMIT}x: {status(r1 <= FIRST_PAINT_LIMIT)}",
        f"target 2: {SANDBOX_REPOS} repos shown {ms(loaded.p50)} (p90 {ms(loaded.p90)}) vs "
        f"bare {ms(bare.p50)}: {ratio_text(r2)}, target <= {REPOS_LOADED_LIMIT}x: "
        f"{status(r2 <= REPOS_LOADED_LIMIT)}",
        f"  the interpreter alone (python -c pass) takes {ms(interpreter.p50)} of each",
        f"  the stack alone (stack_floor.py: PySide6, qasync, httpx.AsyncClient, keyring, an "
        f"empty window; no request) takes {ms(floor.p50)}: {ratio_text(floor.p50 / bare.p50)} "
        "the bare window, the least target 2 can be on this stack",
        f"  the same stack started the app's way (app_stack.py: window first, client and "
        f"keyring backend in a worker thread) takes {ms(app_stack.p50)}: "
        f"{ratio_text(r_stack)} the stack floor, target <= {APP_STACK_LIMIT}x: "
        f"{status(r_stack <= APP_STACK_LIMIT)}",
        *bundle_lines,
    ]
    report.rows[:0] = [
        Row(
            "1",
            "first paint, from source (spawn to exit)",
            f"{ms(first_paint.p50)} (p90 {ms(first_paint.p90)})",
            f"bare {ms(bare.p50)} (p90 {ms(bare.p90)})",
            ratio_text(r1),
            f"<= {FIRST_PAINT_LIMIT}x",
            status(r1 <= FIRST_PAINT_LIMIT) if not math.isnan(r1) else "n/a",
        ),
        Row(
            "2",
            f"{SANDBOX_REPOS} repos shown, sandbox process (spawn to exit)",
            f"{ms(loaded.p50)} (p90 {ms(loaded.p90)})",
            f"bare {ms(bare.p50)}",
            ratio_text(r2),
            f"<= {REPOS_LOADED_LIMIT}x",
            status(r2 <= REPOS_LOADED_LIMIT) if not math.isnan(r2) else "n/a",
        ),
    ]
    report.rows[2:2] = [
        Row(
            "2",
            "stack floor: core dependencies + empty window (reference)",
            f"{ms(floor.p50)} (p90 {ms(floor.p90)})",
            f"bare {ms(bare.p50)}",
            ratio_text(floor.p50 / bare.p50),
            f"<= {REPOS_LOADED_LIMIT}x",
            "report",
        ),
        Row(
            "2",
            "app's own stack start (app_stack.py)",
            f"{ms(app_stack.p50)} (p90 {ms(app_stack.p90)})",
            f"stack floor {ms(floor.p50)}",
            ratio_text(r_stack),
            f"<= {APP_STACK_LIMIT}x",
            status(r_stack <= APP_STACK_LIMIT) if not math.isnan(r_stack) else "n/a",
        ),
    ]
    if profiled:
        lines += profile_lines(profiled, report)
    print("\n".join(lines))
    report.write_json(options.json)
    return 0


def profile_lines(profiled: Sequence[Kind], report: Report) -> list[str]:
    bare, first_paint, loaded = profiled
    runs = len(bare.seconds)
    lines = [
        "",
        f"Spawn to the moment itself, without the exit ({runs} runs each, alternating, "
        "timed when the child's stderr line arrived):",
    ]
    rows = [
        [kind.name, str(len(kind.marks)), ms(median(kind.marks)), ms(median(kind.seconds))]
        for kind in profiled
    ]
    lines += table(["kind", "runs", "to the moment", "to exit"], rows)
    base = median(bare.marks)
    limits = ((first_paint, "1", FIRST_PAINT_LIMIT), (loaded, "2", REPOS_LOADED_LIMIT))
    for kind, target, limit in limits:
        ratio = median(kind.marks) / base
        report.add(
            Row(
                target,
                f"{kind.name.split(' --profile')[0]}: spawn to the moment (no exit)",
                ms(median(kind.marks)),
                f"bare {ms(base)}",
                ratio_text(ratio),
                f"<= {limit}x",
                "report",
            )
        )
    for kind in (first_paint, loaded):
        lines += ["", f"{kind.name}: when each phase ended (median, ms since app import):"]
        lines += [
            f"  {phase:<26} {median(values):7.1f} ms" for phase, values in kind.phases.items()
        ]
    return lines


def measure_bundle(runs: int, env: dict[str, str], report: Report) -> list[str]:
    if not BUNDLE_APP.exists():
        report.add(
            Row("1", "first paint, onedir bundle", "not built yet", "", "n/a", "<= 1.3x", "n/a")
        )
        return ["bundle: not built yet (no dist/flashback-desktop/flashback-desktop)"]
    command = [str(BUNDLE_APP), "--demo", "--exit-after", "first-paint"]
    app = Kind("bundle, first paint", command, env)
    kinds = [app]
    bare: Kind | None = None
    if BUNDLE_BARE.exists():
        bare = Kind("bundle bare window", [str(BUNDLE_BARE)], env)
        kinds.insert(0, bare)
    alternate(kinds, runs, _progress)
    lines = ["", *table(["bundle kind", "runs", "median", "p90"], [k.cells() for k in kinds])]
    if bare is None:
        lines.append("bundle baseline: not built (no dist/bare-window/bare-window); no ratio")
        report.add(
            Row(
                "1",
                "first paint, onedir bundle",
                f"{ms(app.p50)} (p90 {ms(app.p90)})",
                "bare bundle not built",
                "n/a",
                f"<= {FIRST_PAINT_LIMIT}x",
                "n/a",
            )
        )
        return lines
    ratio = app.p50 / bare.p50
    lines.append(
        f"target 1 (bundle): {ms(app.p50)} vs bare bundle {ms(bare.p50)}: {ratio_text(ratio)}"
    )
    report.add(
        Row(
            "1",
            "first paint, onedir bundle",
            f"{ms(app.p50)} (p90 {ms(app.p90)})",
            f"bare bundle {ms(bare.p50)}",
            ratio_text(ratio),
            f"<= {FIRST_PAINT_LIMIT}x",
            status(ratio <= FIRST_PAINT_LIMIT),
        )
    )
    return lines


if __name__ == "__main__":
    sys.exit(main())
