"""What the X server and its window manager say about a window, as a person would see it.

A log line written before a raise proves the app tried; these read the state the window
manager keeps (``_NET_WM_STATE``, ``_NET_ACTIVE_WINDOW``) after it acted. Needs xdotool
and xprop (tests/run installs both) and a window manager (openbox under tests/run).
"""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Callable


def _run(*command: str) -> str:
    return subprocess.run(
        command, capture_output=True, text=True, timeout=10, check=False
    ).stdout.strip()


def visible_windows_of(pid: int) -> list[int]:
    """The mapped top-level windows a process owns (by ``_NET_WM_PID``)."""
    found = _run("xdotool", "search", "--onlyvisible", "--pid", str(pid))
    return [int(line) for line in found.splitlines() if line.strip().isdigit()]


def visible_windows_named(title: str) -> list[int]:
    """The mapped windows whose title is ``title`` (for programs that set no _NET_WM_PID)."""
    found = _run("xdotool", "search", "--onlyvisible", "--name", f"^{title}$")
    return [int(line) for line in found.splitlines() if line.strip().isdigit()]


def wm_state(window: int) -> set[str]:
    """The window manager's ``_NET_WM_STATE`` atoms for ``window`` (e.g. HIDDEN)."""
    text = _run("xprop", "-id", str(window), "_NET_WM_STATE")
    return {atom.removeprefix("_NET_WM_STATE_") for atom in re.findall(r"_NET_WM_STATE_\w+", text)}


def active_window() -> int | None:
    """The window the window manager says is active (``_NET_ACTIVE_WINDOW`` on the root)."""
    match = re.search(r"window id # (0x[0-9a-f]+)", _run("xprop", "-root", "_NET_ACTIVE_WINDOW"))
    return int(match.group(1), 16) if match else None


def activate(window: int) -> None:
    """Make ``window`` the active one, as a click on it would."""
    _run("xdotool", "windowactivate", "--sync", str(window))


def minimize(window: int) -> None:
    """Iconify ``window`` as the taskbar's minimise button would."""
    _run("xdotool", "windowminimize", str(window))


def wait_for(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Poll ``condition`` until true (from a test without an event loop); fail naming it."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)
