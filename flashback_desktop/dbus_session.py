"""No D-Bus daemon started on the app's behalf and left behind.

With no D-Bus session (a remote shell, a minimal desktop), libdbus "autolaunches" one through
``dbus-launch`` the first time Qt (accessibility, the platform theme) or a keyring backend
asks for the session bus, and that daemon outlives the app. Saying "there is no session bus"
(the ``disabled:`` address, libdbus 1.11 and later) before anything asks keeps it from
starting; everything that would have used it already copes without one (the keyring reports
"no password store", in plain words).

Linux and the BSDs only; Windows and macOS do not use a session bus here (written, not run).
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping

NO_SESSION_BUS = "disabled:"


def prevent_autolaunch(
    environ: MutableMapping[str, str] = os.environ, platform: str = sys.platform
) -> bool:
    """Mark the session bus as absent when there is none to find; True when it did so."""
    if platform.startswith(("win", "darwin")) or environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return False
    runtime_dir = environ.get("XDG_RUNTIME_DIR")
    if runtime_dir and os.path.exists(os.path.join(runtime_dir, "bus")):
        return False  # systemd's per-user bus: libdbus finds it there without launching one
    environ["DBUS_SESSION_BUS_ADDRESS"] = NO_SESSION_BUS
    return True
