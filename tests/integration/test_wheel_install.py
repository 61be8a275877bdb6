"""A wheel built with ``uv build`` (from its sdist, as uv does) and installed into a fresh
virtual environment carries the app's own files: --self-test passes there, Spanish is
translated, the user guide and the icons are found inside the installed package (issue 16,
"Resources that travel").

uv runs with ``--no-cache`` (the wheel holds the sandbox's demo password: none is left in a
cache the secret audit searches; building fetches hatchling from PyPI). The wheel is
installed without its dependencies: they come from the project's environment through a
``.pth`` line, which adds its site-packages but not the editable install's own ``.pth``,
so the checkout is not importable from the fresh venv.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "FLASHBACK_SERVER")}
    return subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, timeout=180, check=False,
        env={**clean, **env},
    )  # fmt: skip


@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    uv = shutil.which("uv")
    assert uv, "uv builds the wheel; it is on PATH wherever tests/run runs"
    work = tmp_path_factory.mktemp("wheel")
    built = _run([uv, "build", "--no-cache", "--out-dir", str(work / "dist")], ROOT)
    assert built.returncode == 0, built.stderr
    (wheel,) = (work / "dist").glob("flashback_desktop-*.whl")
    venv = work / "venv"
    made = _run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)], work)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    install = ["pip", "install", "--quiet", "--no-cache", "--offline", "--no-deps"]
    installed = _run([uv, *install, "--python", str(python), str(wheel)], work)
    assert installed.returncode == 0, installed.stderr
    site = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], work
    )
    deps = sysconfig.get_paths()["purelib"]  # the project's environment (locked versions)
    Path(site.stdout.strip(), "project_dependencies.pth").write_text(deps + "\n", encoding="utf-8")
    return venv


def test_the_installed_wheel_passes_its_self_test_with_its_own_resources(
    wheel_venv: Path,
) -> None:
    done = _run([str(wheel_venv / "bin" / "flashback-desktop"), "--self-test"], wheel_venv)
    assert done.returncode == 0, done.stdout + done.stderr
    (resources,) = [line for line in done.stdout.splitlines() if " resources: " in line]
    assert resources.startswith("ok")
    assert str(wheel_venv) in resources  # found inside the installed package, not the checkout


PROBE = """
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
import flashback_desktop
from flashback_desktop import i18n
from flashback_desktop.desktop_identity import icon_folder
from flashback_desktop.ui.user_guide import load_user_guide
print(flashback_desktop.__file__)
print(i18n.install())
print(i18n.message("This repository no longer exists on Flashback."))
print(load_user_guide().splitlines()[0])
print(load_user_guide(language="en").splitlines()[0])
print(icon_folder())
"""


def test_the_installed_wheel_speaks_spanish_and_finds_its_guide_and_icons(
    wheel_venv: Path,
) -> None:
    done = _run([str(wheel_venv / "bin" / "python"), "-c", PROBE], wheel_venv, LANGUAGE="es")
    assert done.returncode == 0, done.stderr
    package, language, sentence, guide, english, icons = done.stdout.splitlines()
    assert package.startswith(str(wheel_venv))  # the wheel's copy, not the checkout
    assert language == "es"
    assert sentence == "Este repositorio ya no existe en Flashback."
    assert guide != english
    assert english == "## User guide"
    assert icons.startswith(str(wheel_venv))
