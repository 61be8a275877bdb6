"""The real program in a process of its own, as a person or a script starts it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence


def _environment(extra: Mapping[str, str] | None) -> dict[str, str]:
    # A server chosen in the caller's shell would override what the test sets up.
    inherited = {k: v for k, v in os.environ.items() if k != "FLASHBACK_SERVER"}
    return {**inherited, **(extra or {})}


def run_python(
    arguments: Sequence[str], env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python <arguments>`` with this interpreter; output captured, two minutes at most."""
    return subprocess.run(
        [sys.executable, *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=_environment(env),
    )


def run_app(*args: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m flashback_desktop <args>``."""
    return run_python(["-m", "flashback_desktop", *args], env)
