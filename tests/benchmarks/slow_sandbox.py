"""A benchmark sandbox in its own process whose POST /conversation is slow.

``python -m tests.benchmarks.slow_sandbox --port 0 --repos N --create-delay 2.0`` serves N
generated repositories like ``python -m flashback_desktop.sandbox --repos N`` and prints the
same ``URL=`` ... ``TOKEN=`` lines, with one difference: every POST /conversation waits
``--create-delay`` seconds before the real handler runs (``Fault(delay_s=...)``). Faults
can only be planted in-process, hence this small wrapper. It serves until its standard
input closes or it gets SIGTERM.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from flashback_desktop.sandbox import Fault, SandboxServer
from flashback_desktop.sandbox.__main__ import announcement
from flashback_desktop.sandbox.data import SandboxState, make_repos


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.slow_sandbox")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--repos", type=int, required=True)
    parser.add_argument("--create-delay", type=float, default=2.0)
    options = parser.parse_args(argv)
    state = SandboxState(repos=make_repos(options.repos))
    state.faults.add("POST", "/conversation", Fault(delay_s=options.create_delay), times=None)
    server = SandboxServer("127.0.0.1", options.port, state=state)
    server.start()
    try:
        for line in announcement(server.url, state):
            print(line, flush=True)
        sys.stdin.read()  # until the benchmark closes it (SIGTERM ends us at once)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
