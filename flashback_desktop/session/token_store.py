"""Where the bearer token lives: the operating system's keyring, or memory for this run only.

Keyring calls can block (a D-Bus round trip, an unlock prompt), so they run in a worker
thread. When no keyring works the token is kept in memory and the person is told so in
plain words; it is never written to a file.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

log = logging.getLogger("flashback.session.keyring")

T = TypeVar("T")

ACCESS_TOKEN_ENTRY = "access-token"  # noqa: S105 - the entry's name, not a secret


class KeyringTrouble(enum.Enum):
    NO_BACKEND = "no-backend"
    LOCKED = "locked"
    UNREADABLE = "unreadable"


_PLAIN_WORDS: dict[KeyringTrouble, tuple[str, str]] = {
    KeyringTrouble.NO_BACKEND: (
        "This computer has no password store the app can use, so your sign-in is kept "
        "only until you close Flashback Desktop.",
        "Ask your IT support to set up a keyring (such as GNOME Keyring or KWallet).",
    ),
    KeyringTrouble.LOCKED: (
        "Your computer's password store is locked or refused access, so your sign-in is "
        "kept only until you close Flashback Desktop.",
        "Unlock your password store when your computer asks, then sign in again.",
    ),
    KeyringTrouble.UNREADABLE: (
        "Your saved sign-in could not be read from this computer's password store, so it "
        "is kept only until you close Flashback Desktop.",
        "Sign in again. If this keeps happening, ask your IT support to check the keyring.",
    ),
}


@dataclass(frozen=True)
class KeyringProblem:
    """A keyring situation told in plain words; technical text goes only to the log."""

    trouble: KeyringTrouble
    technical: str

    @property
    def message(self) -> str:
        return _PLAIN_WORDS[self.trouble][0]

    @property
    def action(self) -> str:
        return _PLAIN_WORDS[self.trouble][1]


def classify_keyring_error(exc: BaseException) -> KeyringTrouble:
    if isinstance(exc, keyring.errors.NoKeyringError):
        return KeyringTrouble.NO_BACKEND
    if isinstance(exc, keyring.errors.KeyringLocked | keyring.errors.InitError):
        return KeyringTrouble.LOCKED
    return KeyringTrouble.UNREADABLE


class TokenStore(Protocol):
    """Keeps one server's access token."""

    @property
    def problem(self) -> KeyringProblem | None:
        """Set when the keyring failed and the token lives in memory for this run only."""

    @property
    def backend_name(self) -> str: ...

    async def load(self) -> str | None: ...

    async def save(self, token: str) -> None: ...

    async def delete(self) -> None: ...


class MemoryTokenStore:
    """For demo mode and fast tests: never touches the person's real keyring."""

    backend_name = "memory (this run only)"

    def __init__(self) -> None:
        self._token: str | None = None

    @property
    def problem(self) -> KeyringProblem | None:
        return None

    async def load(self) -> str | None:
        return self._token

    async def save(self, token: str) -> None:
        self._token = token

    async def delete(self) -> None:
        self._token = None


class KeyringTokenStore:
    """The token of one server origin, in the OS keyring, with an in-memory fallback."""

    def __init__(self, origin: str, backend: KeyringBackend | None = None) -> None:
        # The origin is part of the entry's name so TEST and production tokens never mix.
        self.service = f"Flashback Desktop ({origin})"
        self._backend = backend
        self._memory: str | None = None
        self._problem: KeyringProblem | None = None

    @property
    def problem(self) -> KeyringProblem | None:
        return self._problem

    @property
    def backend_name(self) -> str:
        if self._backend is None:
            return "not loaded yet"
        return f"{type(self._backend).__module__}.{type(self._backend).__qualname__}"

    async def load(self) -> str | None:
        if self._problem is not None:
            return self._memory
        token = await self._keyring_call(
            lambda backend: backend.get_password(self.service, ACCESS_TOKEN_ENTRY)
        )
        return token if token is not None else self._memory

    async def save(self, token: str) -> None:
        self._memory = token
        if self._problem is not None:
            return
        await self._keyring_call(
            lambda backend: backend.set_password(self.service, ACCESS_TOKEN_ENTRY, token)
        )

    async def delete(self) -> None:
        self._memory = None
        if self._problem is not None:
            return
        await self._keyring_call(self._delete_entry)

    def _delete_entry(self, backend: KeyringBackend) -> None:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):  # nothing stored
            backend.delete_password(self.service, ACCESS_TOKEN_ENTRY)

    async def _keyring_call(self, operation: Callable[[KeyringBackend], T]) -> T | None:
        """Run a keyring operation off the GUI thread; on failure, fall back to memory."""

        def run() -> T:
            if self._backend is None:
                self._backend = keyring.get_keyring()  # about 60 ms: never at start-up
            return operation(self._backend)

        try:
            return await asyncio.to_thread(run)
        except keyring.errors.KeyringError as exc:
            self._problem = KeyringProblem(
                classify_keyring_error(exc), f"{type(exc).__name__}: {exc}"
            )
            log.warning(
                "Keyring unavailable (%s); keeping the token in memory for this run",
                self._problem.technical,
            )
            return None
