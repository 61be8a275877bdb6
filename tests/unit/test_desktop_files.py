"""The icon files are current renderings of the SVG and readable; the desktop entry and the
AppStream metainfo pass Debian's validators and name the id the app announces itself by."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QApplication

from flashback_desktop import desktop_identity
from tests.support.real_parts import running_in_ci

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
LINUX = ROOT / "packaging" / "linux"
DESKTOP_ID = "tech.flashback.FlashbackDesktop"


def image_sizes(path: Path) -> list[int]:
    reader = QImageReader(str(path))
    assert reader.canRead(), f"Qt cannot read {path.name}: {reader.errorString()}"
    sizes = []
    for index in range(reader.imageCount()):
        assert index == 0 or reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull()
        assert image.width() == image.height()
        sizes.append(image.width())
    return sizes


def test_the_icon_files_match_the_svg() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "make_icons.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_icon_container_is_readable_at_its_sizes(qapp: QApplication) -> None:
    assert image_sizes(ICONS / "flashback-desktop.ico") == [16, 24, 32, 48, 64, 128, 256]
    assert sorted(image_sizes(ICONS / "flashback-desktop.icns")) == [
        16, 32, 32, 64, 64, 128, 256, 256, 512, 512, 1024,
    ]  # fmt: skip
    for png in (ICONS / "png").glob("*.png"):
        size = int(re.findall(r"-(\d+)\.png$", png.name)[0])
        assert image_sizes(png) == [size]


def test_the_desktop_entry_and_metainfo_name_the_apps_id() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(LINUX / f"{DESKTOP_ID}.desktop", encoding="utf-8")
    assert entry["Desktop Entry"]["Icon"] == DESKTOP_ID
    assert entry["Desktop Entry"]["Exec"] == "flashback-desktop"
    metainfo = (LINUX / f"{DESKTOP_ID}.metainfo.xml").read_text(encoding="utf-8")
    assert f"<id>{DESKTOP_ID}</id>" in metainfo
    assert f'<launchable type="desktop-id">{DESKTOP_ID}.desktop</launchable>' in metainfo
    assert desktop_identity.DESKTOP_ID == DESKTOP_ID


def test_the_app_announces_its_id_and_icon(qapp: QApplication) -> None:
    desktop_identity.apply(qapp)
    assert qapp.desktopFileName() == DESKTOP_ID
    assert sorted(s.width() for s in qapp.windowIcon().availableSizes()) == [32, 48, 256]


@pytest.mark.parametrize(
    ("tool", "args", "file"),
    [
        ("desktop-file-validate", [], f"{DESKTOP_ID}.desktop"),
        ("appstreamcli", ["validate", "--no-net"], f"{DESKTOP_ID}.metainfo.xml"),
    ],
)
def test_the_linux_desktop_files_pass_the_validators(tool: str, args: list[str], file: str) -> None:
    if shutil.which(tool) is None:
        message = f"{tool} is not installed (Debian: desktop-file-utils, appstream)"
        if running_in_ci():
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run(
        [tool, *args, str(LINUX / file)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
