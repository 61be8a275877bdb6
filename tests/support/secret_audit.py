"""Where secrets must never be: searching texts and folders, for one test and the whole run.

The whole-run audit (wired up in tests/conftest.py) writes a DEBUG log of the entire suite,
collects every token the sandboxes issued plus the passwords tests typed, and at the end
searches that log and the private HOME/XDG folders tests/run made for all of them.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path

from flashback_desktop.sandbox.data import DEMO_PASSWORD

# A password a test types into the real dialog; the audit looks for it everywhere.
PLANTED_PASSWORD = "planted-Password-7f3a9c"

_XDG_FOLDERS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")


def leaks(secret: str, texts: Iterable[str], folders: Iterable[Path]) -> list[str]:
    """Where the secret was found: "text N" or a file path. Empty when it is nowhere."""
    found = [f"text {number}" for number, text in enumerate(texts) if secret in text]
    needle = secret.encode()
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and not path.is_symlink() and needle in path.read_bytes():
                found.append(str(path))
    return found


def xdg_folders() -> list[Path]:
    """The app's config, data, state and cache folders, as the environment sets them."""
    return [Path(os.environ[name]) for name in _XDG_FOLDERS if os.environ.get(name)]


def private_world() -> bool:
    """True under tests/run, whose HOME and XDG folders are throwaway: safe to search."""
    return bool(os.environ.get("_FLASHBACK_TESTS_TMP"))


class SuiteSecretAudit:
    """Collects the run's secrets and, at the end, says where any of them leaked."""

    def __init__(self) -> None:
        self.secrets: set[str] = {PLANTED_PASSWORD, DEMO_PASSWORD}
        self.log_file: Path | None = None
        self._handler: logging.Handler | None = None

    def add(self, secrets: Iterable[str]) -> None:
        self.secrets.update(secret for secret in secrets if secret)

    def start_debug_log(self, folder: Path) -> None:
        """Every log record of the run at DEBUG (httpx and httpcore too), already redacted."""
        folder.mkdir(parents=True, exist_ok=True)
        self.log_file = folder / "whole-suite-debug.log"
        self._handler = logging.FileHandler(self.log_file, encoding="utf-8")
        self._handler.setLevel(logging.DEBUG)
        self._handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        root = logging.getLogger()
        root.addHandler(self._handler)
        root.setLevel(logging.DEBUG)
        for name in ("flashback", "httpx", "httpcore"):
            logging.getLogger(name).setLevel(logging.DEBUG)
        logging.getLogger("qasync").setLevel(logging.INFO)  # its per-callback lines add nothing

    def log_size_kb(self) -> int:
        return self.log_file.stat().st_size // 1024 if self.log_file else 0

    def findings(self) -> dict[str, list[str]]:
        """Leaked secret (shown by its first 6 characters only) → where it was found."""
        if self._handler is not None:
            self._handler.flush()
        folders = [Path(os.environ["HOME"]), *xdg_folders()]
        texts = self._file_texts(folders)
        found: dict[str, list[str]] = {}
        for secret in self.secrets:
            places = [path for path, text in texts if secret in text]
            if places:
                found[f"{secret[:6]}…"] = places
        return found

    @staticmethod
    def _file_texts(folders: Iterable[Path]) -> list[tuple[str, str]]:
        """Each file once, decoded leniently: keyring files are binary, logs are text."""
        seen: dict[Path, str] = {}
        for folder in folders:
            for path in folder.rglob("*") if folder.is_dir() else ():
                if path.is_file() and not path.is_symlink() and path not in seen:
                    seen[path] = path.read_bytes().decode("utf-8", "replace")
        return [(str(path), text) for path, text in seen.items()]
