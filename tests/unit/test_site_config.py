"""The administrator's system-wide default file."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from flashback_desktop.site_config import (
    FILE_NAME,
    SystemDefaults,
    read_system_defaults,
    system_config_files,
)


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    path.write_text(text, encoding="utf-8")
    return path


def test_the_server_comes_from_the_server_section(tmp_path: Path) -> None:
    path = write(tmp_path, "[server]\nurl = https://flashback.corp.example\n")
    assert read_system_defaults([path]) == SystemDefaults("https://flashback.corp.example", path)


def test_the_first_file_that_sets_a_server_wins(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / FILE_NAME
    empty = write(tmp_path / "a", "[server]\nurl =\n")
    first = write(tmp_path / "b", "[server]\nurl = https://b.example\n")
    later = write(tmp_path / "c", "[server]\nurl = https://c.example\n")
    assert read_system_defaults([missing, empty, first, later]).server == "https://b.example"


def test_no_file_means_no_default(tmp_path: Path) -> None:
    assert read_system_defaults([tmp_path / FILE_NAME]) == SystemDefaults()


def test_a_broken_file_is_ignored_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = write(tmp_path / "a", "this is not [an ini file\n")
    fine = write(tmp_path / "b", "[server]\nurl = https://b.example\n")
    with caplog.at_level(logging.WARNING, logger="flashback.config"):
        assert read_system_defaults([broken, fine]).server == "https://b.example"
    assert str(broken) in caplog.text


linux_only = pytest.mark.skipif(sys.platform != "linux", reason="XDG folders are Linux's")


@linux_only
def test_on_linux_the_files_are_in_every_xdg_config_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_DIRS", "/opt/corp/xdg:/etc/xdg")
    assert system_config_files() == [
        Path("/opt/corp/xdg/Flashback") / FILE_NAME,
        Path("/etc/xdg/Flashback") / FILE_NAME,
    ]


@linux_only
def test_the_file_is_found_through_xdg_config_dirs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "Flashback", "[server]\nurl = https://xdg.example\n")
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path))
    assert read_system_defaults().server == "https://xdg.example"
