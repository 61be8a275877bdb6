"""What stops the app before its window can exist, said plainly instead of Qt's abort.

Without a graphical session, or with one of Qt's system libraries missing, creating the
QApplication aborts the process (exit 134) with a hint that misleads (it names
xcb-cursor even when there is no display at all). These checks run first and print one
line that says what is wrong and, for libraries, which packages to install. No Qt here.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

NO_GRAPHICAL_SESSION = "no graphical session: DISPLAY and WAYLAND_DISPLAY are not set"


@dataclass(frozen=True)
class SystemLibrary:
    soname: str
    apt: str  # Debian, Ubuntu, Mint
    dnf: str  # Fedora, RHEL


# What PySide6's QtGui and its X11 (xcb) platform plugin load from the system (readelf -d).
QT_GUI_LIBRARIES = (
    SystemLibrary("libEGL.so.1", "libegl1", "libglvnd-egl"),
    SystemLibrary("libGL.so.1", "libgl1", "libglvnd-glx"),
    SystemLibrary("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    SystemLibrary("libfreetype.so.6", "libfreetype6", "freetype"),
    SystemLibrary("libglib-2.0.so.0", "libglib2.0-0", "glib2"),
    SystemLibrary("libgthread-2.0.so.0", "libglib2.0-0", "glib2"),
    SystemLibrary("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    SystemLibrary("libX11.so.6", "libx11-6", "libX11"),
)
QT_XCB_LIBRARIES = (
    SystemLibrary("libxcb.so.1", "libxcb1", "libxcb"),
    SystemLibrary("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    SystemLibrary("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    SystemLibrary("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    SystemLibrary("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    SystemLibrary("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    SystemLibrary("libxcb-util.so.1", "libxcb-util1", "xcb-util"),
    SystemLibrary("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    SystemLibrary("libxcb-render.so.0", "libxcb-render0", "libxcb"),
    SystemLibrary("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    SystemLibrary("libxcb-shm.so.0", "libxcb-shm0", "libxcb"),
    SystemLibrary("libxcb-sync.so.1", "libxcb-sync1", "libxcb"),
    SystemLibrary("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb"),
    SystemLibrary("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
    SystemLibrary("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    SystemLibrary("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
)
_BY_SONAME = {library.soname: library for library in (*QT_GUI_LIBRARIES, *QT_XCB_LIBRARIES)}


def _is_unix_desktop(platform: str) -> bool:
    return platform not in ("win32", "darwin")


def _qt_platform(environment: Mapping[str, str]) -> str:
    return environment.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip().lower()


def no_graphical_session(environment: Mapping[str, str], platform: str) -> bool:
    """True when Qt would look for an X11 or Wayland display and there is none."""
    if not _is_unix_desktop(platform):
        return False
    if _qt_platform(environment) not in ("", "xcb", "wayland", "wayland-egl"):
        return False  # offscreen, vnc, eglfs…: Qt needs no display server
    return not (environment.get("DISPLAY") or environment.get("WAYLAND_DISPLAY"))


def uses_xcb(environment: Mapping[str, str], platform: str) -> bool:
    """Whether Qt will start on X11 (xcb): asked for, or the only display there is."""
    if not _is_unix_desktop(platform):
        return False
    chosen = _qt_platform(environment)
    if chosen:
        return chosen == "xcb"
    return bool(environment.get("DISPLAY")) and not environment.get("WAYLAND_DISPLAY")


def missing_libraries(
    libraries: Sequence[SystemLibrary], load: Callable[[str], object] = ctypes.CDLL
) -> list[SystemLibrary]:
    """The libraries the dynamic loader cannot find (each one is loaded, as Qt would)."""
    missing = []
    for library in libraries:
        try:
            load(library.soname)
        except OSError:
            missing.append(library)
    return missing


def xcb_plugin_problem(
    plugin: Path, load: Callable[[str], object] = ctypes.CDLL
) -> list[SystemLibrary] | None:
    """The system libraries Qt's X11 plugin lacks ([] when it loads), None without the plugin.

    Loading the plugin loads what it needs, as Qt is about to: one call when all is well
    (about as cheap as Qt's own load moments later); each library is tried only after a
    failure, to name them all at once.
    """
    if not plugin.is_file():
        return None
    try:
        load(str(plugin))
    except OSError:
        return missing_libraries((*QT_GUI_LIBRARIES, *QT_XCB_LIBRARIES), load)
    return []


def libraries_named_in(error: BaseException) -> list[SystemLibrary]:
    """The known libraries an ImportError names ("libEGL.so.1: cannot open shared object")."""
    found = re.findall(r"(lib[\w.+-]+\.so(?:\.\d+)*)", str(error))
    return [_BY_SONAME[name] for name in dict.fromkeys(found) if name in _BY_SONAME]


def install_advice(missing: Sequence[SystemLibrary]) -> str:
    """One line: what is missing and the apt and dnf commands that install it."""
    names = ", ".join(library.soname for library in missing)
    apt = " ".join(dict.fromkeys(library.apt for library in missing))
    dnf = " ".join(dict.fromkeys(library.dnf for library in missing))
    return (
        f"Qt cannot start: these system libraries are missing or cannot be loaded: {names}. "
        f"Install them with "
        f"'sudo apt install {apt}' (Debian, Ubuntu) or 'sudo dnf install {dnf}' (Fedora)."
    )
