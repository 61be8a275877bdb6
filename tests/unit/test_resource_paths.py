"""The one resolver of the app's own files: a checkout, the bundle, an installed wheel (that
last one in tests/integration/test_wheel_install.py, from a real wheel)."""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path

import pytest

from flashback_desktop import resource_paths

ROOT = Path(__file__).resolve().parents[2]


def test_the_package_folder_is_what_importlib_resources_answers() -> None:
    assert resource_paths._package_folder() == Path(str(files("flashback_desktop")))


def test_a_checkout_keeps_them_at_its_top() -> None:
    assert resource_paths.root() == ROOT
    assert resource_paths.resource("translations") == ROOT / "resources" / "translations"
    assert resource_paths.readme() == ROOT / "README.md"


def test_the_bundle_keeps_them_at_its_root(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_paths.resource("icons") == tmp_path / "resources" / "icons"


def test_a_package_carrying_them_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "resources").mkdir()
    monkeypatch.setattr(resource_paths, "_package_folder", lambda: tmp_path)
    monkeypatch.setattr(sys, "_MEIPASS", "/elsewhere", raising=False)
    assert resource_paths.root() == tmp_path
