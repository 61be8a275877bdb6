"""A benchmark-only keyring backend: the access token comes from an environment variable.

Start-up benchmarks run the real app process, which reads its sign-in from the keyring.
Pointing ``PYTHON_KEYRING_BACKEND`` at ``tests.benchmarks.env_keyring.EnvKeyring`` (with the
repository root on ``PYTHONPATH``) gives it the sandbox's token without writing any file or
touching the person's keyring: ``access-token`` reads ``FLASHBACK_BENCH_ACCESS_TOKEN``,
``refresh-token`` is not there. Writes and deletes are kept in memory for the life of the
process. ``FLASHBACK_BENCH_KEYRING_DELAY_S`` makes every call take that long, like a trip to
a real keyring service (default 0).

This module imports only keyring's base class, so loading it costs what loading a real
backend would, no more.
"""

from __future__ import annotations

import os
import time

import keyring.errors
from keyring.backend import KeyringBackend

TOKEN_ENV_VAR = "FLASHBACK_BENCH_ACCESS_TOKEN"
DELAY_ENV_VAR = "FLASHBACK_BENCH_KEYRING_DELAY_S"
ACCESS_ENTRY = "access-token"  # flashback_desktop.session.token_store.ACCESS_TOKEN_ENTRY


class EnvKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self._written: dict[tuple[str, str], str | None] = {}
        self.delay_s = float(os.environ.get(DELAY_ENV_VAR) or 0)
        self.calls = 0

    def get_password(self, service: str, username: str) -> str | None:
        self._wait()
        if (service, username) in self._written:
            return self._written[(service, username)]
        if username == ACCESS_ENTRY:
            return os.environ.get(TOKEN_ENV_VAR) or None
        return None  # the refresh token, and anything else: not stored

    def set_password(self, service: str, username: str, password: str) -> None:
        self._wait()
        self._written[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.get_password(service, username) is None:
            raise keyring.errors.PasswordDeleteError("not found")
        self._written[(service, username)] = None

    def _wait(self) -> None:
        self.calls += 1
        if self.delay_s > 0:
            time.sleep(self.delay_s)
