"""The real program, started as a person or a script would start it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from flashback_desktop import __version__


def run_app(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flashback_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_version() -> None:
    result = run_app("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_demo_mode_loads_the_repositories_and_takes_a_screenshot(tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    result = run_app("--demo", "--exit-after", "repos-loaded", "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 10_000  # a real picture of a filled window, not a blank one


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
