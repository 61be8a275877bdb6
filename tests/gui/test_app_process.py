"""The real program, started as a person or a script would start it."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from flashback_desktop import __version__
from flashback_desktop.config import canonical_origin
from flashback_desktop.sandbox import SandboxServer
from flashback_desktop.session.token_store import KeyringTokenStore, TokenPair
from tests.support.app_process import run_app, run_python
from tests.support.real_parts import require_real_display, require_secret_service
from tests.support.x11 import (
    activate,
    active_window,
    minimize,
    visible_windows_named,
    visible_windows_of,
    wait_for,
    wm_state,
)


def test_version() -> None:
    result = run_app("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


@dataclass(frozen=True)
class DemoRun:
    result: subprocess.CompletedProcess[str]
    shot: Path


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> DemoRun:
    """One demo start to the loaded list, with a screenshot and the start-up profile: the
    tests below each read their part of it (a start costs seconds)."""
    shot = tmp_path_factory.mktemp("demo") / "window.png"
    result = run_app(
        "--demo", "--exit-after", "repos-loaded", "--screenshot", str(shot), "--profile-startup"
    )
    return DemoRun(result, shot)


def test_demo_mode_loads_the_repositories_and_takes_a_screenshot(demo_run: DemoRun) -> None:
    assert demo_run.result.returncode == 0, demo_run.result.stderr
    assert demo_run.shot.stat().st_size > 10_000  # a real picture of a filled window


def test_first_paint(tmp_path: Path) -> None:
    result = run_app("--demo", "--exit-after", "first-paint")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("server", ["http://flashback.example.com", "not a url"])
def test_an_unsafe_server_is_refused_with_a_plain_message(server: str) -> None:
    result = run_app("--server", server, "--exit-after", "first-paint")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("flashback-desktop: ")


def test_without_a_saved_token_the_sign_in_dialog_is_needed(tmp_path: Path) -> None:
    """No token for this server: --exit-after stops with status 3 instead of hanging."""
    env = {
        "FLASHBACK_SERVER": "https://127.0.0.1:9",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    result = run_app("--exit-after", "repos-loaded", env=env)
    assert result.returncode == 3, result.stderr
    assert "SignInDialog" in result.stderr


def test_a_second_launch_brings_the_first_window_forward(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    """One app per person and server: the second launch starts no second session."""
    require_real_display()
    backend = require_secret_service()
    store = KeyringTokenStore(canonical_origin(sandbox.url), backend)
    login = sandbox.state.login(sandbox.state.demo_email, sandbox.state.demo_password)
    asyncio.run(store.save(TokenPair(login["accessToken"], login["refreshToken"])))
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    command = [sys.executable, "-m", "flashback_desktop", "--server", sandbox.url]
    with (tmp_path / "first.err").open("w") as first_err:
        first = subprocess.Popen(command, env=env, stderr=first_err)
    try:
        wait_for(lambda: sandbox.state.request_count("GET", "/repo") == 1, 60, "the first window")
        wait_for(lambda: len(visible_windows_of(first.pid)) == 1, 30, "the first window shown")
        (window,) = visible_windows_of(first.pid)
        minimize(window)  # the person minimised it, then forgot it was running
        wait_for(lambda: "HIDDEN" in wm_state(window), 10, "the window manager to minimise it")
        second = run_app("--server", sandbox.url, env={"XDG_STATE_HOME": str(tmp_path / "state")})
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stderr
        # What the window manager shows afterwards, not what the app meant to do.
        wait_for(lambda: "HIDDEN" not in wm_state(window), 10, "the window to be shown again")
        wait_for(lambda: active_window() == window, 10, "the window to be the active one")

        # Covered by another program's window, which the person is using: the same.
        title = f"another-program-{uuid.uuid4().hex}"
        cover = ["xmessage", "-title", title, "-geometry", "1200x900+0+0", "another program"]
        with subprocess.Popen(cover) as other:
            try:
                wait_for(lambda: bool(visible_windows_named(title)), 10, "the other window")
                activate(visible_windows_named(title)[0])
                wait_for(lambda: active_window() != window, 10, "the other window to be active")
                again = run_app(
                    "--server", sandbox.url, env={"XDG_STATE_HOME": str(tmp_path / "state")}
                )
                assert again.returncode == 0, again.stderr
                wait_for(lambda: active_window() == window, 10, "the window to come forward")
            finally:
                other.kill()
        assert first.poll() is None  # the first copy is still running
        assert sandbox.state.request_count("GET", "/repo") == 1
        assert sandbox.state.request_count("GET", "/user/profile") == 1
        assert sandbox.state.request_count("POST", "/user/refresh") == 0
    finally:
        first.kill()  # like a crash: the single-instance socket is left behind
        first.wait(timeout=30)

    third = run_app("--server", sandbox.url, "--exit-after", "repos-loaded", env=env)
    assert third.returncode == 0, third.stderr  # the stale socket did not block it
    asyncio.run(store.delete())


def test_profile_startup_names_each_phase_in_order(demo_run: DemoRun) -> None:
    result = demo_run.result
    assert result.returncode == 0, result.stderr
    phases = [
        match.group(1)
        for line in result.stderr.splitlines()
        if (match := re.match(r"startup: (.+) [\d.]+ ms \(\+[\d.]+ ms\)$", line))
    ]
    assert phases == [
        "Qt ready",
        "single instance claimed",
        "window shown",
        "first paint",
        "logging ready",
        "window built",
        "session ready",
        "repositories shown",
    ]


# Runs the app to its first paint in this process, then names the modules it had executed.
# A module bound lazily but never used would be in sys.modules without having run.
# What was loaded before the app (coverage's measurement, when tests/run measures the
# subprocess) does not count.
FIRST_PAINT_MODULES = """
import sys, types
before = set(sys.modules)
from flashback_desktop.app import main
code = main(["--demo", "--exit-after", "first-paint"])
loaded = {
    name for name, module in sys.modules.items()
    if type(module) is types.ModuleType and name not in before
}
print(code, " ".join(sorted(loaded)))
"""


def test_the_window_paints_before_the_heavy_modules_load() -> None:
    """Shell first: none of these is needed to show the frame, and each costs start-up time."""
    result = run_python(["-c", FIRST_PAINT_MODULES])
    code, _, names = result.stdout.strip().partition(" ")
    assert code == "0", result.stderr
    loaded = set(names.split())
    assert "flashback_desktop.ui.main_window" in loaded  # the check itself sees modules
    heavy = {
        "asyncio",
        "qasync",
        "httpx",
        "keyring",
        "platformdirs",
        "configparser",
        "PySide6.QtNetwork",
        "flashback_desktop.api.errors",
        "flashback_desktop.api.models",
        "flashback_desktop.logging_setup",
        "flashback_desktop.ui.repo_model",
        "flashback_desktop.ui.sign_in_flow",
        "flashback_desktop.ui.tasks",
    }
    assert loaded & heavy == set()
