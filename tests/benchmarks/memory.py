"""Target 5: peak RSS with 10,000 repositories loaded, against a bare window's.

::

    uv run python -m tests.benchmarks.memory [--runs 3] [--repos 10000]

Each figure is one child process's peak resident set (``ru_maxrss`` from ``wait4``):

- **bare**: ``tests/benchmarks/bare_window.py`` (an empty QMainWindow, gone at first paint);
- **app, first paint**: ``python -m flashback_desktop --demo --exit-after first-paint``, for
  reference: what the app costs before any data;
- **app, N repos**: ``python -m flashback_desktop --server URL --exit-after repos-loaded``
  against ``python -m flashback_desktop.sandbox --port 0 --repos N`` in its own process, the
  token handed over through ``tests.benchmarks.env_keyring``.

The kinds alternate; medians are reported. Then a child process
(``tests/benchmarks/memory_stages.py``) walks through the load's stages by hand and reports
the resident set after each one and the peak so far, to show where the memory goes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from tests.benchmarks.common import (
    BARE_WINDOW_SCRIPT,
    PYTHON,
    REPO_ROOT,
    STACK_FLOOR_SCRIPT,
    Report,
    Row,
    SandboxProcess,
    bench_argument_parser,
    child_env,
    environment,
    median,
    ratio_text,
    run_timed,
    scratch_dir,
    status,
    table,
    use_offscreen_by_default,
)
from tests.benchmarks.env_keyring import TOKEN_ENV_VAR
from tests.benchmarks.payload import repos_body

REPOS = 10_000
RUNS = 3
LIMIT = 2.0
STAGES_SCRIPT = Path(__file__).with_name("memory_stages.py")


def mib(kib: float) -> str:
    return f"{kib / 1024:.1f} MiB"


# ---------------------------------------------------------------- the stages, in a child


def stage_lines(count: int, env: dict[str, str], scratch: Path) -> list[str]:
    body_file = scratch / f"repos-{count}.json"
    body_file.write_bytes(repos_body(count))  # made here: making it there would raise its peak
    done = subprocess.run(
        [PYTHON, str(STAGES_SCRIPT), str(body_file)],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if done.returncode != 0:
        return [f"stage walk failed: {done.stderr.strip()[-500:]}"]
    marks = json.loads(done.stdout.strip().splitlines()[-1])
    rows = []
    previous = 0
    for stage, rss, peak in marks:
        rows.append([stage, mib(rss), f"{(rss - previous) / 1024:+.1f} MiB", mib(peak)])
        previous = rss
    return [
        "",
        f"Where the memory goes: the load's stages by hand, {count:,} repositories, one process",
        "(not the app's own path, so only roughly the same peak):",
        *table(["after", "RSS", "change", "peak so far"], rows),
    ]


# ---------------------------------------------------------------- the report


def main(argv: Sequence[str] | None = None) -> int:
    parser = bench_argument_parser(
        "python -m tests.benchmarks.memory",
        "Target 5: peak RSS with 10,000 repositories loaded vs a bare window.",
    )
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--repos", type=int, default=REPOS)
    options = parser.parse_args(argv)
    use_offscreen_by_default()
    with scratch_dir() as scratch, SandboxProcess(options.repos, scratch) as sandbox:
        env = child_env(scratch)
        app_env = child_env(scratch, {TOKEN_ENV_VAR: sandbox.token})
        app = [PYTHON, "-m", "flashback_desktop"]
        kinds = {
            "bare window (baseline)": ([PYTHON, str(BARE_WINDOW_SCRIPT)], env),
            "app --demo, first paint (reference)": (
                [*app, "--demo", "--exit-after", "first-paint"],
                env,
            ),
            f"app, {options.repos:,} repos loaded": (
                [*app, "--server", sandbox.url, "--exit-after", "repos-loaded"],
                app_env,
            ),
            "stack floor: core dependencies + empty window (reference)": (
                [PYTHON, str(STACK_FLOOR_SCRIPT)],
                env,
            ),
        }
        peaks: dict[str, list[int]] = {name: [] for name in kinds}
        failures: list[str] = []
        for number in range(options.runs):
            for name, (command, kind_env) in kinds.items():
                result = run_timed(command, kind_env, timeout_s=120)
                if result.returncode == 0:
                    peaks[name].append(result.maxrss_kib)
                else:
                    failures.append(f"{name}: exit {result.returncode}: {result.stderr[-300:]}")
            print(f"memory: round {number + 1}/{options.runs}", file=sys.stderr, flush=True)
        breakdown = stage_lines(options.repos, env, scratch)
    bare_name, _reference, loaded_name, floor_name = kinds
    bare, loaded = median(peaks[bare_name]), median(peaks[loaded_name])
    floor = median(peaks[floor_name])
    ratio = loaded / bare
    lines = [
        "Memory: peak RSS of each process (target 5)",
        environment(),
        f"{options.runs} runs of each kind, alternating; sandbox with {options.repos:,} "
        "repositories in its own process",
        "",
        *table(
            ["kind", "runs", "median peak RSS", "min", "max"],
            [
                [name, str(len(v)), mib(median(v)), mib(min(v)), mib(max(v))]
                for name, v in peaks.items()
                if v
            ],
        ),
        *(f"run failed: {failure}" for failure in failures),
        "",
        f"target 5: {mib(loaded)} vs bare {mib(bare)}: {ratio_text(ratio)} "
        f"(target <= {LIMIT}x): {status(ratio <= LIMIT)}",
        f"  the stack alone (stack_floor.py, no data) peaks at {mib(floor)}: "
        f"{ratio_text(floor / bare)} the bare window, before any repository is loaded",
        *breakdown,
    ]
    print("\n".join(lines))
    report = Report()
    report.add(
        Row(
            "5",
            f"peak RSS, {options.repos:,} repos loaded",
            mib(loaded),
            f"bare {mib(bare)}",
            ratio_text(ratio),
            f"<= {LIMIT}x",
            status(ratio <= LIMIT),
        )
    )
    report.add(
        Row(
            "5",
            "stack floor: core dependencies + empty window (reference)",
            mib(floor),
            f"bare {mib(bare)}",
            ratio_text(floor / bare),
            f"<= {LIMIT}x",
            "report",
        )
    )
    report.write_json(options.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
