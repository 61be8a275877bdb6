"""How the desktop recognises the app: its desktop entry's id and its window icon.

On Wayland the compositor matches a window to its ``.desktop`` file (for the dock's icon
and name) by the app id, which Qt takes from ``desktopFileName``; on X11 taskbars show
the window icon. The id is the one packaging/linux installs the entry and icons under.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication, QIcon

from flashback_desktop import resource_paths

DESKTOP_ID = "tech.flashback.FlashbackDesktop"
# Small PNGs, not the SVG: decoding them costs well under a millisecond before first paint.
WINDOW_ICON_SIZES = (32, 48, 256)


def icon_folder() -> Path | None:
    """resources/icons of this installation (checkout, bundle or wheel)."""
    folder = resource_paths.resource("icons")
    return folder if folder.is_dir() else None


def apply(app: QGuiApplication) -> None:
    app.setDesktopFileName(DESKTOP_ID)
    folder = icon_folder()
    if folder is None:  # an installation without its resources: Qt's default icon
        return
    icon = QIcon()
    for size in WINDOW_ICON_SIZES:
        path = folder / "png" / f"flashback-desktop-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    if not icon.isNull():
        app.setWindowIcon(icon)
