"""The bundle and installers, built once per test run by the real build command.

``packaging/build.py`` runs into a temporary folder (never ``dist/``, never committed);
every test in tests/bundle uses that one build. The build takes about two minutes, so the
tests carry the ``bundle`` marker: ``tests/run -m "not bundle"`` leaves them out locally,
CI runs them (tests/run runs everything by default).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.gui.conftest import start_app  # noqa: F401 - the reference window for screenshots
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
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    if sys.platform != "linux":
        pytest.skip("the bundle tests build and install the Linux bundle")
    where = tmp_path_factory.mktemp("bundle-build")
    command = [
        sys.executable,
        str(ROOT / "packaging" / "build.py"),
        f"--dist={where / 'dist'}",
        f"--work={where / 'work'}",
    ]
    # A clean environment for PyInstaller: no test-only variables leak into the build.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    result = subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
        env=env,
    )
    output = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"packaging/build.py failed (exit {result.returncode}):\n{output[-6000:]}")
    report = json.loads((where / "dist" / "build-report.json").read_text(encoding="utf-8"))
    dist = where / "dist"
    return Built(dist, output, [dist / name for name in report["artifacts"]])


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
