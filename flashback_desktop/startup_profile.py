"""--profile-startup: when each start-up phase ended, so a slow start can be pinned down.

Times count from when this module was imported, which ``app`` does first; the interpreter's
own start before that (about 20 ms here) is not included.
"""

from __future__ import annotations

import logging
import sys
import time

STARTED = time.perf_counter()

log = logging.getLogger("flashback.startup")


class StartupProfile:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._previous = STARTED
        self._seen: set[str] = set()

    def mark(self, phase: str) -> None:
        """Note that ``phase`` has just ended (only the first time, for repeated signals)."""
        if not self.enabled or phase in self._seen:
            return
        self._seen.add(phase)
        now = time.perf_counter()
        line = (
            f"startup: {phase} {(now - STARTED) * 1000:.1f} ms "
            f"(+{(now - self._previous) * 1000:.1f} ms)"
        )
        self._previous = now
        sys.stderr.write(line + "\n")  # for people and benchmarks; the log has it too
        sys.stderr.flush()
        log.info("%s", line)
