"""The bundle and installers, built once per test run by the real build command.

``packaging/build.py`` runs into a temporary folder (never ``dist/``, never committed);
every test in tests/bundle uses that one build. The build takes about two minutes, so it
starts in the background when collection ends and these tests run last
(tests/support/bundle_build.py). They carry the ``bundle`` marker: ``tests/run -m "not
bundle"`` leaves them out locally, CI runs them (tests/run runs everything by default).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.gui.conftest import start_app  # noqa: F401 - the reference window for screenshots
from tests.support import bundle_build
from tests.support.real_parts import running_in_ci

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 900


@dataclass(frozen=True)
class Built:
    dist: Path
    output: str  # everything build.py printed
    artifacts: list[Path]

    @property
    def bundle(self) -> Path:
        return self.dist / "flashback-desktop"

    @property
    def launcher(self) -> Path:
        return self.bundle / "flashback-desktop"

    def artifact(self, suffix: str) -> Path:
        matching = [path for path in self.artifacts if path.name.endswith(suffix)]
        assert len(matching) == 1, f"no single {suffix} among {self.artifacts}"
        return matching[0]


@pytest.fixture(scope="session")
def built() -> Built:
    if sys.platform != "linux":
        pytest.skip("the bundle tests build and install the Linux bundle")
    build = bundle_build.current()
    if build is None:  # not started at collection (a plugin reordered the run, say)
        build = bundle_build.start(Path(tempfile.mkdtemp(prefix="bundle-build-")))
    code, output = build.wait(BUILD_TIMEOUT_S)
    if code != 0:
        pytest.fail(f"packaging/build.py failed (exit {code}):\n{output[-6000:]}")
    report = json.loads((build.dist / "build-report.json").read_text(encoding="utf-8"))
    return Built(build.dist, output, [build.dist / name for name in report["artifacts"]])


def bundle_env(**extra: str) -> dict[str, str]:
    """The test run's environment for a bundled process, without the venv's Python paths."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME") and not k.startswith("PYTEST")
    }
    env.update(extra)
    return env


def require_root_and_dpkg() -> None:
    """Installing a .deb needs root and dpkg: in CI their absence fails the test."""
    missing = []
    if os.geteuid() != 0:
        missing.append("root")
    if subprocess.run(["which", "dpkg"], capture_output=True, check=False).returncode != 0:
        missing.append("dpkg")
    if not missing:
        return
    message = f"installing the .deb needs {' and '.join(missing)}"
    if running_in_ci():
        pytest.fail(f"{message} (required in CI)", pytrace=False)
    pytest.skip(message)
