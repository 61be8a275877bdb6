"""The .deb installs with dpkg, its launcher passes --self-test, and purging it leaves nothing
in /opt; the .tar.gz holds the bundle with its desktop entry and icons."""

from __future__ import annotations

import os
import subprocess
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.bundle.conftest import Built, bundle_env, require_root_and_dpkg

pytestmark = pytest.mark.bundle

PACKAGE = "flashback-desktop"
APP_ID = "tech.flashback.FlashbackDesktop"
INSTALLED = (
    Path("/opt/flashback-desktop/flashback-desktop"),
    Path(f"/usr/share/applications/{APP_ID}.desktop"),
    Path(f"/usr/share/metainfo/{APP_ID}.metainfo.xml"),
    Path(f"/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg"),
    Path(f"/usr/share/icons/hicolor/48x48/apps/{APP_ID}.png"),
    Path(f"/usr/share/icons/hicolor/256x256/apps/{APP_ID}.png"),
)
LAUNCHER = Path("/usr/bin/flashback-desktop")
DPKG_LOCK_WAIT_S = 120


def dpkg(*args: str) -> subprocess.CompletedProcess[str]:
    """dpkg, waiting while another apt/dpkg run on this machine holds the lock."""
    deadline = time.monotonic() + DPKG_LOCK_WAIT_S
    while True:
        result = subprocess.run(
            ["dpkg", *args],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        if "lock" not in result.stderr or time.monotonic() > deadline:
            return result
        time.sleep(2)


def installed_version() -> str | None:
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status} ${Version}", PACKAGE],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not result.stdout.startswith("install ok installed"):
        return None
    return result.stdout.split()[-1]


@pytest.fixture
def clean_machine() -> Iterator[set[str]]:
    """No earlier copy installed; yields what /opt held before. Purges again afterwards."""
    require_root_and_dpkg()
    if installed_version() is not None:
        dpkg("--purge", PACKAGE)
    opt_before = {p.name for p in Path("/opt").iterdir()} if Path("/opt").exists() else set()
    yield opt_before
    if installed_version() is not None:  # a failed test must not leave the package behind
        dpkg("--purge", PACKAGE)


def test_the_deb_installs_runs_and_purges_without_a_trace(
    built: Built, clean_machine: set[str]
) -> None:
    deb = built.artifact(".deb")
    install = dpkg("-i", str(deb))
    assert install.returncode == 0, install.stdout + install.stderr
    assert installed_version() == "0.1.0"
    for path in INSTALLED:
        assert path.is_file(), f"{path} was not installed"
    assert LAUNCHER.is_symlink()
    assert os.readlink(LAUNCHER) == "/opt/flashback-desktop/flashback-desktop"

    env = bundle_env(PATH="/usr/bin:/bin")  # the installed launcher, found on the PATH
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    run = subprocess.run(
        [PACKAGE, "--self-test"], capture_output=True, text=True, timeout=120, check=False, env=env
    )
    print(run.stdout)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.splitlines()[-1] == "self-test: all 7 checks passed"

    purge = dpkg("--purge", PACKAGE)
    assert purge.returncode == 0, purge.stdout + purge.stderr
    assert installed_version() is None
    opt_after = {p.name for p in Path("/opt").iterdir()} if Path("/opt").exists() else set()
    assert opt_after == clean_machine  # nothing left behind in /opt
    assert not Path("/opt/flashback-desktop").exists()
    assert not LAUNCHER.is_symlink()
    assert not LAUNCHER.exists()
    assert not any(path.exists() for path in INSTALLED)


def test_the_deb_declares_what_it_needs_from_the_system(built: Built) -> None:
    require_root_and_dpkg()
    fields = subprocess.run(
        ["dpkg-deb", "--field", str(built.artifact(".deb")), "Depends", "Architecture"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    depends = fields.split("Depends:", 1)[1].split("\n")[0]
    # dpkg-shlibdeps' version floor for the C library, from the bundle's own symbols.
    assert "libc6 (>= 2." in depends
    for package in ("libxkbcommon0", "libfontconfig1", "libdbus-1-3", "ca-certificates"):
        assert package in depends
    # Libraries the bundle carries itself do not become dependencies.
    assert "libssl3" not in depends
    assert "libxcb-cursor0" not in depends


def test_the_tarball_holds_the_bundle_and_its_desktop_files(built: Built) -> None:
    with tarfile.open(built.artifact(".tar.gz")) as archive:
        members = {m.name: m for m in archive.getmembers()}
    launcher = members["flashback-desktop/flashback-desktop"]
    assert launcher.mode & 0o111  # executable
    assert launcher.uid == 0
    for name in (
        f"flashback-desktop/share/applications/{APP_ID}.desktop",
        f"flashback-desktop/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        "flashback-desktop/_internal/certifi/cacert.pem",
    ):
        assert name in members
