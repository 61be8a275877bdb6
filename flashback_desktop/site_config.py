"""The administrator's system-wide default, from a small INI file IT can deploy.

    [server]
    url = https://flashback.example.com

The file is ``flashback-desktop.ini`` in the system-wide config folder (platformdirs'
``site_config_dir`` for "Flashback"): ``/etc/xdg/Flashback/`` on Linux (every folder of
``$XDG_CONFIG_DIRS``, first one wins), ``C:\\ProgramData\\Flashback\\`` on Windows,
``/Library/Application Support/Flashback/`` on macOS. It only sets a default: --server,
FLASHBACK_SERVER and the person's own setting come first (see config.choose_server).
A missing file is normal; an unreadable one is logged and ignored, so a broken deployment
cannot stop the app from starting.
"""

from __future__ import annotations

import configparser
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

log = logging.getLogger("flashback.config")

FILE_NAME = "flashback-desktop.ini"
_SECTION, _SERVER_KEY = "server", "url"


@dataclass(frozen=True)
class SystemDefaults:
    server: str | None = None
    path: Path | None = None  # the file it came from, for the log and the Settings dialog


def system_config_files() -> list[Path]:
    """Where the file may be, most important first."""
    # appauthor=False: one "Flashback" folder on every platform, not Flashback/Flashback.
    dirs = platformdirs.PlatformDirs("Flashback", appauthor=False, multipath=True)
    return [Path(folder) / FILE_NAME for folder in dirs.site_config_dir.split(os.pathsep) if folder]


def read_system_defaults(files: list[Path] | None = None) -> SystemDefaults:
    """The first readable file that sets a server; nothing when there is none."""
    for path in system_config_files() if files is None else files:
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
