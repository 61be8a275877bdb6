"""Problems found before the window exists reach the person who started the app.

The real program runs in a process of its own, as a person or a desktop menu starts it.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import PySide6
import pytest

from flashback_desktop import startup_checks
from flashback_desktop.startup_checks import (
    NO_GRAPHICAL_SESSION,
    install_advice,
    libraries_named_in,
    no_graphical_session,
    uses_xcb,
    xcb_plugin_problem,
)
from tests.support.app_process import run_app
from tests.support.real_parts import require_real_display

NO_DISPLAY = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}
DIALOG_TITLE = "Flashback Desktop cannot start"


def test_without_a_graphical_session_one_plain_line_and_no_abort() -> None:
    result = run_app("--demo", env=NO_DISPLAY)
    assert result.returncode == 2, result.stderr  # not 134, Qt's abort
    assert result.stderr.strip() == f"flashback-desktop: {NO_GRAPHICAL_SESSION}"


def test_a_broken_qt_library_is_named_with_the_packages_to_install(tmp_path: Path) -> None:
    """The dynamic loader finds an unusable libxcb-cursor first, as if it were missing: Qt
    itself would abort (exit 134) with a hint; the app names the packages instead."""
    require_real_display()
    (tmp_path / "libxcb-cursor.so.0").write_bytes(b"")  # not a library
    result = run_app(
        "--demo", "--exit-after", "first-paint", env={"LD_LIBRARY_PATH": str(tmp_path)}
    )
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "libxcb-cursor.so.0" in lines[0]
    assert "sudo apt install libxcb-cursor0" in lines[0]
    assert "sudo dnf install xcb-util-cursor" in lines[0]


def test_an_unusable_system_wide_file_is_named(tmp_path: Path) -> None:
    site = tmp_path / "xdg" / "Flashback" / "flashback-desktop.ini"
    site.parent.mkdir(parents=True)
    site.write_text("[server]\nurl = http://flashback.corp.example\n", encoding="utf-8")
    env = {"XDG_CONFIG_DIRS": str(tmp_path / "xdg"), "XDG_STATE_HOME": str(tmp_path / "state")}
    result = run_app("--exit-after", "first-paint", env=env)
    assert result.returncode == 2
    assert str(site) in result.stderr
    assert "plain http" in result.stderr
    log = next((tmp_path / "state").rglob("*.log")).read_text(encoding="utf-8")
    assert str(site) in log


def _window_titles(display: str) -> str:
    tree = subprocess.run(
        ["xwininfo", "-root", "-tree"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "DISPLAY": display},
        timeout=30,
    )
    return tree.stdout


def test_a_refused_server_address_is_shown_in_a_dialog_and_logged(tmp_path: Path) -> None:
    """Started from a menu there is no terminal: the address problem needs a window."""
    display = require_real_display()
    if shutil.which("xwininfo") is None:
        pytest.skip("xwininfo (x11-utils) is not installed")
    env = {
        **os.environ,
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "LANGUAGE": "en",
        "FLASHBACK_SERVER": "",
    }
    command = [sys.executable, "-m", "flashback_desktop", "--server", "http://flashback.example"]
    errors = tmp_path / "stderr.txt"
    with errors.open("w", encoding="utf-8") as stderr:
        app = subprocess.Popen(command, env=env, stderr=stderr)
    try:
        deadline = time.monotonic() + 60
        while DIALOG_TITLE not in _window_titles(display):
            assert app.poll() is None, f"exited without a dialog: {errors.read_text()}"
            assert time.monotonic() < deadline, "no dialog appeared"
            time.sleep(0.2)
        log = next((tmp_path / "state").rglob("*.log")).read_text(encoding="utf-8")
        assert "plain http" in log
        if shutil.which("xdotool"):  # a person presses Enter on Close: the app ends
            subprocess.run(
                ["xdotool", "search", "--name", DIALOG_TITLE, "windowactivate", "--sync"],
                env={**os.environ, "DISPLAY": display},
                check=False,
                capture_output=True,
                timeout=30,
            )
            subprocess.run(
                ["xdotool", "key", "Return"],
                env={**env, "DISPLAY": display},
                check=True,
                timeout=30,
            )
            assert app.wait(timeout=30) == 2
            assert "plain http" in errors.read_text(encoding="utf-8")
    finally:
        if app.poll() is None:
            app.kill()
        app.wait(timeout=30)


# ---- the checks themselves ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environment", "platform", "expected"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_what_counts_as_no_graphical_session(
    environment: dict[str, str], platform: str, expected: bool
) -> None:
    assert no_graphical_session(environment, platform) is expected


def test_xcb_is_checked_only_where_qt_will_use_it() -> None:
    assert uses_xcb({"DISPLAY": ":0"}, "linux")
    assert not uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "w", "QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not uses_xcb({"DISPLAY": ":0"}, "win32")


def _qxcb_plugin() -> Path:
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        pytest.skip("this PySide6 has no X11 plugin")
    return plugin


def test_the_real_plugin_loads_here() -> None:
    assert xcb_plugin_problem(_qxcb_plugin()) == []


def test_a_missing_library_is_named_with_its_packages() -> None:
    """As on a stock Ubuntu desktop without libxcb-cursor0: the dynamic loader fails."""
    plugin = _qxcb_plugin()

    def loader_without_xcb_cursor(name: str) -> object:
        if name == str(plugin) or name == "libxcb-cursor.so.0":
            raise OSError("libxcb-cursor.so.0: cannot open shared object file")
        return ctypes.CDLL(name)

    missing = xcb_plugin_problem(plugin, loader_without_xcb_cursor)
    assert [library.soname for library in missing or []] == ["libxcb-cursor.so.0"]
    advice = install_advice(missing or [])
    assert "sudo apt install libxcb-cursor0" in advice
    assert "sudo dnf install xcb-util-cursor" in advice


def test_an_import_error_of_qt_names_the_package() -> None:
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    assert [library.apt for library in libraries_named_in(error)] == ["libegl1"]
    assert libraries_named_in(ImportError("No module named 'PySide6'")) == []


def test_every_library_has_both_package_names() -> None:
    for library in (*startup_checks.QT_GUI_LIBRARIES, *startup_checks.QT_XCB_LIBRARIES):
        assert library.soname.startswith("lib")
        assert library.apt
        assert library.dnf
