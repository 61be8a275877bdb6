"""The single-instance hand-over inside one process: claim, hand over, acknowledge, stale names."""

from __future__ import annotations

import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from pytestqt.qtbot import QtBot

from flashback_desktop.single_instance import SingleInstance, instance_name


def unique_name() -> str:
    return instance_name(f"http://127.0.0.1/{uuid.uuid4()}")


SECOND_LAUNCH = """
import sys
from PySide6.QtCore import QCoreApplication
from flashback_desktop.single_instance import SingleInstance
app = QCoreApplication([])
print(SingleInstance(sys.argv[1]).hand_over())
"""

# Claims the name, says whether it got it, and if so stays a moment to answer a hand-over.
RACING_LAUNCH = """
import sys, time
from PySide6.QtCore import QCoreApplication
from flashback_desktop.single_instance import SingleInstance
app = QCoreApplication([])
instance = SingleInstance(sys.argv[1])
claimed = instance.claim() and instance.listen()
print(claimed, flush=True)
end = time.monotonic() + 4
while claimed and time.monotonic() < end:
    app.processEvents()
    time.sleep(0.01)
instance.close()
"""


def second_launch(name: str) -> subprocess.Popen[str]:
    """What a second start of the app does first, in a process of its own."""
    return subprocess.Popen(
        [sys.executable, "-c", SECOND_LAUNCH, name], stdout=subprocess.PIPE, text=True
    )


def test_names_differ_by_user_and_server_and_hide_both() -> None:
    names = {
        instance_name("https://a.example", "ana"),
        instance_name("https://a.example", "ben"),
        instance_name("https://b.example", "ana"),
    }
    assert len(names) == 3
    assert all("example" not in name and "ana" not in name for name in names)


@pytest.mark.usefixtures("qapp")
def test_nobody_running_means_no_hand_over() -> None:
    assert SingleInstance(unique_name()).hand_over(timeout_ms=200) is False


def test_a_second_launch_is_acknowledged_and_asks_for_the_window(qtbot: QtBot) -> None:
    name = unique_name()
    first = SingleInstance(name)
    assert first.listen()
    try:
        with qtbot.waitSignal(first.activation_requested, timeout=20_000):
            second = second_launch(name)
        # The first copy keeps its event loop running while the second waits for the answer.
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)
        output, _ = second.communicate()
    finally:
        first.close()
    assert output.strip() == "True"
    assert second.returncode == 0
    assert SingleInstance(name).hand_over(timeout_ms=200) is False  # closed: name is free


@pytest.mark.usefixtures("qapp")
@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_a_name_left_behind_by_a_crash_is_taken_over() -> None:
    name = unique_name()
    leftover = Path(QDir.tempPath()) / name
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(leftover))  # bound, never listening, never removed: what a crash leaves
    stale.close()
    try:
        assert SingleInstance(name).hand_over(timeout_ms=200) is False
        claimed = SingleInstance(name)
        assert claimed.listen()
        claimed.close()
    finally:
        leftover.unlink(missing_ok=True)


def test_two_launches_at_the_same_moment_make_one_app() -> None:
    """A double-click: both start before either listens; the lock lets only one run."""
    name = unique_name()
    launches = [
        subprocess.Popen(
            [sys.executable, "-c", RACING_LAUNCH, name], stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    answers = sorted(launch.communicate(timeout=60)[0].strip() for launch in launches)
    assert answers == ["False", "True"]
