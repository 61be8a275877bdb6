"""What the bundle must carry for a real desktop, what it must leave out, its size, and the
glibc floor the build measured (and the README states)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.bundle.conftest import ROOT, Built

pytestmark = pytest.mark.bundle

# Listed here on their own, not read from packaging/bundle_rules.py, so a wrong rule there
# shows up as a failure here. Why each is needed: packaging/README.md.
REQUIRED_PLUGINS = (
    "platforms/libqxcb.so",  # X11 sessions
    "platforms/libqwayland.so",  # Wayland sessions
    "platforms/libqoffscreen.so",  # --self-test and CI
    "wayland-shell-integration/libxdg-shell.so",  # how Wayland compositors place windows
    "wayland-decoration-client/libadwaita.so",  # title bars on GNOME/Wayland
    "platformthemes/libqxdgdesktopportal.so",  # dark/light scheme from the desktop
    "xcbglintegrations/libqxcb-glx-integration.so",
    "xcbglintegrations/libqxcb-egl-integration.so",
    "platforminputcontexts/libcomposeplatforminputcontextplugin.so",  # dead keys: ñ, ü
    "platforminputcontexts/libibusplatforminputcontextplugin.so",
    "imageformats/libqsvg.so",  # the icon is an SVG
    "iconengines/libqsvgicon.so",
)
REQUIRED_TRANSLATIONS = ("qtbase_de.qm", "qtbase_es.qm")  # the app ships en, es, de
# Present in PySide6-Essentials, unused by the app: their presence means the rules failed.
FORBIDDEN = (
    "libQt6Qml",
    "libQt6Quick",
    "libQt6Pdf",
    "libQt6VirtualKeyboard",
    "libQt6Designer",
    "libqgtk3",  # the GTK theme plugin would drag the build machine's GTK in
    "libqeglfs",
    "libqvnc",
    "libstdc++",  # taken from the system: a copy breaks newer GPU drivers
    "libfontconfig",
    "libgtk-3",
)


def qt_dir(built: Built) -> Path:
    return built.bundle / "_internal" / "PySide6" / "Qt"


def test_the_plugins_a_real_desktop_needs_are_there(built: Built) -> None:
    plugins = qt_dir(built) / "plugins"
    present = sorted(p.relative_to(plugins).as_posix() for p in plugins.rglob("*.so"))
    print("plugins:", *present, sep="\n  ")
    missing = [name for name in REQUIRED_PLUGINS if not (plugins / name).is_file()]
    assert missing == []


def test_qt_translations_only_for_the_shipped_languages(built: Built) -> None:
    translations = sorted(p.name for p in (qt_dir(built) / "translations").glob("*.qm"))
    assert translations == sorted(REQUIRED_TRANSLATIONS)


def test_unused_qt_parts_and_desktop_libraries_are_left_out(built: Built) -> None:
    names = [p.name for p in built.bundle.rglob("*")]
    found = sorted(n for n in names if n.startswith(FORBIDDEN))
    assert found == []
    assert not (qt_dir(built) / "qml").exists()


def test_dynamically_loaded_parts_are_collected(built: Built) -> None:
    internal = built.bundle / "_internal"
    # keyring finds its backends through the entry points in its metadata.
    entry_points = next(internal.glob("keyring-*.dist-info")) / "entry_points.txt"
    assert "SecretService = keyring.backends.SecretService" in entry_points.read_text()
    cacert = internal / "certifi" / "cacert.pem"
    assert cacert.stat().st_size > 100_000
    assert (internal / "resources" / "icons" / "flashback-desktop.svg").is_file()
    # The app's own catalogues, where i18n.TRANSLATIONS_DIR points in the bundle.
    catalogues = sorted(p.name for p in (internal / "resources" / "translations").glob("*.qm"))
    assert catalogues == ["flashback_desktop_de.qm", "flashback_desktop_es.qm"]
    # Help → User guide reads the README's section where ui/user_guide.py looks (_MEIPASS).
    assert "\n## User guide\n" in (internal / "README.md").read_text(encoding="utf-8")
    guides = sorted(p.name for p in (internal / "resources" / "guide").glob("*.md"))
    assert guides == ["user-guide.de.md", "user-guide.es.md"]
    assert not [p for p in built.bundle.rglob("*") if p.is_symlink() and not p.exists()]


def test_size_and_file_count_stay_within_the_budget(built: Built) -> None:
    files = [p for p in built.bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)
    budget = json.loads((ROOT / "packaging" / "size-budget.json").read_text())["platforms"]
    linux = budget["linux"]
    print(
        f"bundle: {size / 1e6:.1f} MB in {len(files)} files "
        f"(budget {linux['max_bytes'] / 1e6:.1f} MB, {linux['max_files']} files)"
    )
    assert size <= linux["max_bytes"]
    assert len(files) <= linux["max_files"]
    assert f"bundle size: {size / 1e6:.1f} MB in {len(files)} files" in built.output


def test_the_build_prints_the_glibc_floor_that_the_readme_states(built: Built) -> None:
    match = re.search(r"newest glibc symbol version needed: GLIBC_(\d+\.\d+)", built.output)
    assert match, built.output[-3000:]
    floor = match[1]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    supported = readme.split("## Supported Linux systems", 1)[-1].split("\n## ", 1)[0]
    assert f"glibc {floor}" in supported, f"README's supported systems do not say glibc {floor}"
