"""The administrator's system-wide default, from a small INI file IT can deploy.

    [server]
    url = https://flashback.example.com

The file is ``flashback-desktop.ini`` in the system-wide config folder for "Flashback":
``/etc/xdg/Flashback/`` on Linux (every folder of ``$XDG_CONFIG_DIRS``, first one wins),
``C:\\ProgramData\\Flashback\\`` on Windows,
``/Library/Application Support/Flashback/`` on macOS. It only sets a default: --server,
FLASHBACK_SERVER and the person's own setting come first (see config.choose_server).
A missing file is normal; an unreadable one is logged and ignored, so a broken deployment
cannot stop the app from starting.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("flashback.config")

FILE_NAME = "flashback-desktop.ini"
_SECTION, _SERVER_KEY = "server", "url"


@dataclass(frozen=True)
class SystemDefaults:
    server: str | None = None
    path: Path | None = None  # the file it came from, for the log and the Settings dialog


def system_config_files() -> list[Path]:
    """Where the file may be, most important first.

    The folders platformdirs' ``site_config_dir`` names, worked out here because this runs
    before the window's first paint and importing platformdirs costs about 20 ms there.
    """
    if sys.platform == "win32":
        folders = [os.environ.get("PROGRAMDATA") or r"C:\ProgramData"]
    elif sys.platform == "darwin":
        folders = ["/Library/Application Support"]
    else:
        folders = (os.environ.get("XDG_CONFIG_DIRS", "").strip() or "/etc/xdg").split(os.pathsep)
    return [Path(folder) / "Flashback" / FILE_NAME for folder in folders if folder]


def read_system_defaults(files: list[Path] | None = None) -> SystemDefaults:
    """The first readable file that sets a server; nothing when there is none."""
    candidates = system_config_files() if files is None else files
    present = [path for path in candidates if path.exists()]
    if not present:
        return SystemDefaults()  # the usual case: configparser (~10 ms) is never loaded
    import configparser

    for path in present:
        parser = configparser.ConfigParser(interpolation=None)
        try:
            with path.open(encoding="utf-8") as handle:
                parser.read_file(handle)
        except FileNotFoundError:
            continue
        except (OSError, UnicodeDecodeError, configparser.Error) as exc:
            log.warning("Ignoring the system-wide settings file %s: %s", path, exc)
            continue
        server = parser.get(_SECTION, _SERVER_KEY, fallback="").strip()
        if server:
            return SystemDefaults(server, path)
    return SystemDefaults()
