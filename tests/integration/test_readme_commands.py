"""The README's commands work as written: a person pastes them on a stock machine.

Command 1 is also run for real, in a fresh clone with the system's own Python, when
``FLASHBACK_TEST_README_COMMAND=1`` (it downloads uv and the locked packages).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from flashback_desktop.startup_checks import (
    NO_GRAPHICAL_SESSION,
    QT_GUI_LIBRARIES,
    QT_XCB_LIBRARIES,
)
from tests.support.app_process import run_app

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SYSTEM_PYTHON = Path("/usr/bin/python3")


def section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def code_blocks(text: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL)


def commands(text: str) -> list[str]:
    """The commands of the text's sh blocks, continuation lines joined, comments left out."""
    lines = "\n".join(code_blocks(text)).replace("\\\n", " ").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def command_1() -> str:
    return commands(section("Two commands"))[0]


def test_command_1_installs_nothing_into_the_systems_python() -> None:
    """PEP 668 (Debian 12, Ubuntu 24.04): pip may only install into a virtual environment."""
    steps = [shlex.split(step) for step in command_1().split("&&")]
    assert steps[0][:3] == ["python3", "-m", "venv"]
    venv = steps[0][3]
    for step in steps[1:]:
        if "pip" in " ".join(step):
            assert step[0].startswith(f"{venv}/bin/"), f"pip outside the venv: {step}"
    assert steps[-1][-2:] == ["flashback-desktop", "--demo"]
    assert f"/{venv}/" in (ROOT / ".gitignore").read_text(encoding="utf-8")


def test_command_2_is_what_ci_runs() -> None:
    assert commands(section("Two commands"))[1] == "tests/run"
    assert "tests/run" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_it_says_command_1_needs_a_desktop_and_which_libraries_qt_needs() -> None:
    text = section("Two commands")
    assert "desktop session" in text
    assert NO_GRAPHICAL_SESSION in " ".join(text.split())
    install_lines = commands(text)[2:]
    apt = next(line for line in install_lines if line.startswith("sudo apt install"))
    dnf = next(line for line in install_lines if line.startswith("sudo dnf install"))
    known_apt = {library.apt for library in (*QT_GUI_LIBRARIES, *QT_XCB_LIBRARIES)}
    known_dnf = {library.dnf for library in (*QT_GUI_LIBRARIES, *QT_XCB_LIBRARIES)}
    for needed in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"):
        assert needed in apt.split()
    assert "libegl1" in apt.split()
    assert set(apt.split()[3:]) <= known_apt | {"python3-venv"}  # the app names the same ones
    assert {"xcb-util-cursor", "xcb-util-wm", "libxkbcommon-x11"} <= set(dnf.split())
    assert set(dnf.split()[3:]) <= known_dnf


def test_the_demo_server_commands_work_from_a_checkout() -> None:
    """The server command, then the app against it, as the README gives them."""
    text = section("The demo server")
    server_command, app_command = commands(text)[:2]
    server = shlex.split(server_command)
    assert server[0] == ".venv/bin/python"  # the project's environment command 1 made
    app = shlex.split(app_command)
    assert app[0] == ".venv/bin/flashback-desktop"
    assert app[1] == "--server"
    port = server[server.index("--port") + 1]
    assert app[2] == f"http://127.0.0.1:{port}"
    for words in ("Ctrl+Q", "Ctrl+C", "at every", "LANGUAGE=es"):
        assert words in text, words

    # This interpreter is the project's environment: run the command with port 0.
    server[server.index("--port") + 1] = "0"
    with subprocess.Popen(
        [sys.executable, *server[1:]],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None
            url = process.stdout.readline().strip().removeprefix("URL=")
            assert url.startswith("http://127.0.0.1:"), url
            result = run_app("--server", url, "--exit-after", "repos-loaded")
            assert result.returncode == 3, result.stderr  # it reached the server: sign in
            assert "SignInDialog" in result.stderr
        finally:
            process.terminate()
            process.wait(timeout=30)


@pytest.mark.skipif(
    os.environ.get("FLASHBACK_TEST_README_COMMAND") != "1",
    reason="set FLASHBACK_TEST_README_COMMAND=1 (downloads uv and the locked packages)",
)
def test_command_1_for_real_with_the_systems_python() -> None:
    if not SYSTEM_PYTHON.exists():
        pytest.skip("no /usr/bin/python3 here")
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "clone"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        env = {**os.environ, "PATH": f"{SYSTEM_PYTHON.parent}:/bin"}
        env.pop("VIRTUAL_ENV", None)
        result = subprocess.run(
            ["bash", "-c", f"{command_1()} --exit-after first-paint"],
            cwd=clone,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        assert result.returncode == 0, result.stderr
