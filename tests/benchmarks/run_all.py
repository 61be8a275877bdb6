"""Run every performance benchmark and print one summary table.

::

    uv run python -m tests.benchmarks.run_all [--only startup scale ...]

Each benchmark runs in a process of its own (``python -m tests.benchmarks.<name> --json``)
and prints its own report as it goes; the summary table comes last. Benchmarks are
reports, not gates: the exit status is 0 whatever the figures say, and 1 only when a
script crashed or wrote no figures. The soak (``tests.benchmarks.soak``) is not part of
this run; it checks correctness, not speed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from tests.benchmarks.common import (
    PYTHON,
    REPO_ROOT,
    Row,
    environment,
    read_rows,
    scratch_dir,
    summary_lines,
    use_offscreen_by_default,
)

BENCHMARKS = ("startup", "scale", "responsiveness", "memory", "conversation_view")


def run(name: str, json_path: Path) -> tuple[list[Row], str | None]:
    """Run one benchmark; its rows, or what went wrong."""
    command = [PYTHON, "-m", f"tests.benchmarks.{name}", "--json", str(json_path)]
    print(f"\n$ python -m tests.benchmarks.{name}", flush=True)
    started = time.monotonic()
    done = subprocess.run(command, cwd=REPO_ROOT, check=False)
    print(f"({name}: {time.monotonic() - started:.0f} s)", flush=True)
    if done.returncode != 0:
        return [], f"tests.benchmarks.{name} exited with {done.returncode}"
    if not json_path.exists():
        return [], f"tests.benchmarks.{name} wrote no figures"
    return read_rows(json_path), None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.run_all",
        description="Run the performance benchmarks and print one summary table.",
    )
    parser.add_argument("--only", nargs="+", choices=BENCHMARKS, default=list(BENCHMARKS))
    options = parser.parse_args(argv)
    use_offscreen_by_default()
    started = time.monotonic()
    subprocess.run([PYTHON, "-m", "tests.benchmarks.payload"], cwd=REPO_ROOT, check=False)
    rows: list[Row] = []
    crashes: list[str] = []
    with scratch_dir() as scratch:
        for name in options.only:
            found, problem = run(name, scratch / f"{name}.json")
            rows += found
            if problem is not None:
                crashes.append(problem)
    rows.sort(key=lambda row: row.target)  # stable: each target keeps its scripts' order
    lines = [
        "",
        "=" * 100,
        "Summary (figures are medians unless they say p99 or max; ratios are figure / baseline)",
        environment(),
        "",
        *summary_lines(rows),
        "",
        "result: pass or FAIL against the issue's target; report = shown for information "
        "(10,000 at target 4,",
        "        spawn-to-moment views of targets 1 and 2); n/a = not measured.",
        f"total time: {time.monotonic() - started:.0f} s",
    ]
    lines += [f"CRASHED: {crash}" for crash in crashes]
    print("\n".join(lines))
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
