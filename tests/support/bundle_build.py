"""The bundle build of a test run, started in the background as soon as the run begins.

``packaging/build.py`` takes about two minutes of mostly one core, while the rest of the
suite mostly keeps one core busy too. So when the run has bundle tests, the build starts
when collection ends (at a lower priority than the tests), the bundle tests are moved to
the end of the run, and tests/bundle/conftest.py's ``built`` fixture waits for this one
build. A run of the bundle tests alone waits for it at once: nothing changes there.

The build is not measured by coverage (it runs PyInstaller, not the app), and PyInstaller's
cache lives in the build's own folder, not in the run's private HOME, which the secret
audit reads file by file at the end.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MARKER = "bundle"


@dataclass
class BundleBuild:
    where: Path
    process: subprocess.Popen[str]
    log: Path

    @property
    def dist(self) -> Path:
        return self.where / "dist"

    def wait(self, timeout_s: float) -> tuple[int, str]:
        """The build's exit status and everything it printed."""
        try:
            code = self.process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            self.stop()
            code = -1
        return code, self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


_started: list[BundleBuild] = []  # this run's one build, once started


def build_env(where: Path) -> dict[str, str]:
    """The run's environment without test-only or coverage variables, and PyInstaller's
    cache inside the build's folder."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "COVERAGE", "COV_CORE"))
    }
    env["PYINSTALLER_CONFIG_DIR"] = str(where / "pyinstaller-cache")
    return env


def start(where: Path) -> BundleBuild:
    """Run packaging/build.py into ``where`` (dist/ and work/), niced, in the background."""
    log = where / "build.log"
    command = [
        sys.executable,
        str(ROOT / "packaging" / "build.py"),
        f"--dist={where / 'dist'}",
        f"--work={where / 'work'}",
    ]
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            env=build_env(where),
            # The tests keep their timing; the build takes what is left of the machine.
            preexec_fn=(lambda: os.nice(10)) if hasattr(os, "nice") else None,  # noqa: PLW1509
        )
    return BundleBuild(where, process, log)


def current() -> BundleBuild | None:
    return _started[0] if _started else None


def collected(config: pytest.Config, items: list[pytest.Item]) -> None:
    """With bundle tests in the run: start the build now, and run those tests last."""
    if sys.platform != "linux" or config.option.collectonly:
        return
    bundle = [item for item in items if item.get_closest_marker(MARKER)]
    if not bundle or _started:
        return
    others = [item for item in items if not item.get_closest_marker(MARKER)]
    items[:] = others + bundle
    _started.append(start(Path(tempfile.mkdtemp(prefix="bundle-build-"))))


def session_finished() -> None:
    """An interrupted run leaves no build behind."""
    for build in _started:
        build.stop()
