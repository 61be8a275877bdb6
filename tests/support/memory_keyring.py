"""An in-memory keyring backend for fast tests; the real Secret Service has its own tests."""

from __future__ import annotations

from typing import Any

import keyring.errors
from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")

    def __repr__(self) -> str:
        return f"MemoryKeyring({len(self.entries)} entries)"

    def __getstate__(self) -> Any:  # never pickled with secrets
        return {}
