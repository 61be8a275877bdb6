"""Where the tokens live: the operating system's keyring, or memory for this run only.

The access token and the refresh token are two entries ("access-token", "refresh-token")
under one service name per server origin. Keyring calls can block (a D-Bus round trip, an
unlock prompt), so they run in a worker thread. When the keyring fails, the pair is kept in
memory, the person is told so in one plain sentence with what to do, and the technical text
goes to the log only; the tokens are never written to a file.

How each platform reports trouble is recognised in ``keyring_errors``; a secret too long
for the platform is caught here, before writing.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import importlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from keyring.backend import KeyringBackend

from flashback_desktop.session.keyring_backend import choose_backend
from flashback_desktop.session.keyring_errors import (
    KeyringProblem,
    KeyringTrouble,
    SecretTooLong,
    classify_keyring_error,
    describe,
    nothing_to_delete,
)

log = logging.getLogger("flashback.session.keyring")

T = TypeVar("T")

ACCESS_TOKEN_ENTRY = "access-token"  # noqa: S105 - the entry's name, not a secret
REFRESH_TOKEN_ENTRY = "refresh-token"  # noqa: S105 - the entry's name, not a secret

# keyring's Windows backend turns this string into win32cred.CRED_PERSIST_LOCAL_MACHINE
# (keyring/backends/Windows.py, Persistence.__set__): kept on this PC, never roaming with a
# domain profile (keyring's default is CRED_PERSIST_ENTERPRISE).
WINDOWS_PERSIST = "local machine"


@dataclass(frozen=True, slots=True, repr=False)
class TokenPair:
    """The tokens of one sign-in. Its repr never shows them (they end up in tracebacks)."""

    access: str
    refresh: str | None

    def __repr__(self) -> str:
        refresh = "None" if self.refresh is None else "<hidden>"
        return f"TokenPair(access=<hidden>, refresh={refresh})"


# ---- limits of the platforms -----------------------------------------------------------------


@dataclass(frozen=True)
class EntryLimit:
    """The most one keyring entry can hold, measured the way the backend hands it over."""

    store: str
    encoding: str
    max_bytes: int

    def size_of(self, secret: str) -> int:
        return len(secret.encode(self.encoding, errors="surrogatepass"))


# CRED_MAX_CREDENTIAL_BLOB_SIZE is 5 * 512 bytes. keyring passes the secret as a str and
# pywin32 / pywin32-ctypes write it as UTF-16-LE without a terminator, with no length check:
# too long fails with the opaque (1783, 'CredWrite', 'The stub received bad data.').
WINDOWS_CREDENTIAL_MANAGER = EntryLimit("Windows Credential Manager", "utf-16-le", 2560)

# Only backends with a known per-entry limit are checked: (module, class, limit).
_ENTRY_LIMITS: tuple[tuple[str, str, EntryLimit], ...] = (
    ("keyring.backends.Windows", "WinVaultKeyring", WINDOWS_CREDENTIAL_MANAGER),
)


@functools.cache
def _backend_class(module: str, name: str) -> type[KeyringBackend] | None:
    """A keyring backend class, imported on first need; None where keyring lacks it."""
    try:
        found = getattr(importlib.import_module(module), name, None)
    except Exception:  # keyring's platform modules may fail to import elsewhere: no such class
        return None
    return found if isinstance(found, type) and issubclass(found, KeyringBackend) else None


def _chained(backend: KeyringBackend) -> list[KeyringBackend]:
    """The backend and, for keyring's chainer, the backends it writes through."""
    chainer = _backend_class("keyring.backends.chainer", "ChainerBackend")
    if chainer is not None and isinstance(backend, chainer):
        inner: list[KeyringBackend] = list(backend.backends)  # type: ignore[attr-defined]
        return [backend, *inner]
    return [backend]


def entry_limit(backend: KeyringBackend) -> EntryLimit | None:
    """The per-entry limit of ``backend`` (or of a backend it chains), if it has a known one."""
    for candidate in _chained(backend):
        for module, name, limit in _ENTRY_LIMITS:
            cls = _backend_class(module, name)
            if cls is not None and isinstance(candidate, cls):
                return limit
    return None


def keep_on_this_machine(backend: KeyringBackend) -> None:
    """Windows: store entries for this PC only, not roaming to the person's other domain PCs."""
    windows = _backend_class("keyring.backends.Windows", "WinVaultKeyring")
    for candidate in _chained(backend):
        if windows is not None and isinstance(candidate, windows):
            candidate.persist = WINDOWS_PERSIST  # type: ignore[attr-defined]


# ---- the stores ------------------------------------------------------------------------------


class TokenStore(Protocol):
    """Keeps one server's token pair."""

    @property
    def problem(self) -> KeyringProblem | None:
        """Set when the keyring failed and the pair lives in memory for this run only."""

    @property
    def backend_name(self) -> str: ...

    async def load(self) -> TokenPair | None: ...

    async def save(self, pair: TokenPair) -> None: ...

    async def delete(self) -> KeyringProblem | None:
        """Forget the pair; the problem when the keyring still holds it, else None."""


class MemoryTokenStore:
    """For demo mode and fast tests: never touches the person's real keyring."""

    backend_name = "memory (this run only)"

    def __init__(self) -> None:
        self._pair: TokenPair | None = None

    @property
    def problem(self) -> KeyringProblem | None:
        return None

    async def load(self) -> TokenPair | None:
        return self._pair

    async def save(self, pair: TokenPair) -> None:
        self._pair = pair

    async def delete(self) -> KeyringProblem | None:
        self._pair = None
        return None


class KeyringTokenStore:
    """The pair of one server origin, in the OS keyring, with an in-memory fallback.

    ``load`` reads the keyring every time (another copy of the app may have rotated the
    pair) until the keyring fails; from then on this run uses memory only.
    """

    def __init__(self, origin: str, backend: KeyringBackend | None = None) -> None:
        # The origin is part of the entry's name so TEST and production tokens never mix.
        self.service = f"Flashback Desktop ({origin})"
        self._backend = backend
        self._prepared = False
        self._memory: TokenPair | None = None
        self._problem: KeyringProblem | None = None
        # One keyring operation at a time, so a load never sees half of a save.
        self._keyring_lock = threading.Lock()

    @property
    def problem(self) -> KeyringProblem | None:
        return self._problem

    @property
    def backend_name(self) -> str:
        if self._backend is None:
            return "not loaded yet"
        return f"{type(self._backend).__module__}.{type(self._backend).__qualname__}"

    async def load(self) -> TokenPair | None:
        if self._problem is not None:
            return self._memory
        try:
            pair = await self._in_worker(self._read_pair)
        except Exception as exc:  # keyring backends raise many types, not only KeyringError
            self._give_up(exc, "reading the saved sign-in")
            return self._memory
        self._memory = pair
        return pair

    async def save(self, pair: TokenPair) -> None:
        self._memory = pair
        if self._problem is not None:
            return
        try:
            await self._in_worker(lambda backend: self._write_pair(backend, pair))
        except Exception as exc:
            self._give_up(exc, "saving the sign-in", pair)

    async def delete(self) -> KeyringProblem | None:
        forgotten = self._memory
        self._memory = None
        # Signing out still removes what an earlier run saved, even after trouble this run
        # (the keyring may ask to be unlocked again); only with no keyring is there nothing.
        if self._problem is not None and self._problem.trouble is KeyringTrouble.NO_BACKEND:
            return None
        try:
            await self._in_worker(self._delete_pair)
        except Exception as exc:
            return self._give_up(exc, "removing the saved sign-in", forgotten)
        return None

    # ---- in the worker thread -------------------------------------------------------------

    async def _in_worker(self, operation: Callable[[KeyringBackend], T]) -> T:
        """Run keyring calls off the GUI thread, one at a time."""

        def run() -> T:
            with self._keyring_lock:
                return operation(self._ready_backend())

        return await asyncio.to_thread(run)

    def _ready_backend(self) -> KeyringBackend:
        if self._backend is None:
            self._backend = choose_backend()  # tens of ms: never at start-up
        if not self._prepared:
            keep_on_this_machine(self._backend)
            self._prepared = True
        return self._backend

    def _read_pair(self, backend: KeyringBackend) -> TokenPair | None:
        access = backend.get_password(self.service, ACCESS_TOKEN_ENTRY)
        if access is None:
            return None  # a refresh token alone is of no use: nothing stored
        return TokenPair(access, backend.get_password(self.service, REFRESH_TOKEN_ENTRY))

    def _write_pair(self, backend: KeyringBackend, pair: TokenPair) -> None:
        try:
            self._check_length(backend, pair)  # before any write: all or nothing
        except SecretTooLong:
            self._forget_quietly(backend)  # an older pair there would be stale next run
            raise
        # The refresh token first: should the access write fail and the clean-up fail too,
        # a lone refresh entry loads as "nothing stored", never as a stale half pair.
        try:
            if pair.refresh is None:
                self._delete_entry(backend, REFRESH_TOKEN_ENTRY)  # no stale refresh token
            else:
                backend.set_password(self.service, REFRESH_TOKEN_ENTRY, pair.refresh)
            backend.set_password(self.service, ACCESS_TOKEN_ENTRY, pair.access)
        except Exception:
            self._forget_quietly(backend)  # never leave half a pair for the next run
            raise

    def _check_length(self, backend: KeyringBackend, pair: TokenPair) -> None:
        limit = entry_limit(backend)
        if limit is None:
            return
        for entry, secret in (
            (ACCESS_TOKEN_ENTRY, pair.access),
            (REFRESH_TOKEN_ENTRY, pair.refresh),
        ):
            size = 0 if secret is None else limit.size_of(secret)
            if size > limit.max_bytes:
                raise SecretTooLong(
                    f"the {entry} entry would be {size:,} bytes as {limit.encoding}; "
                    f"{limit.store} holds at most {limit.max_bytes:,} bytes per entry"
                )

    def _delete_pair(self, backend: KeyringBackend) -> None:
        self._delete_entry(backend, ACCESS_TOKEN_ENTRY)
        self._delete_entry(backend, REFRESH_TOKEN_ENTRY)

    def _delete_entry(self, backend: KeyringBackend, entry: str) -> None:
        try:
            backend.delete_password(self.service, entry)
        except Exception as exc:
            if not nothing_to_delete(exc):
                raise

    def _forget_quietly(self, backend: KeyringBackend) -> None:
        """Best effort after a failed save; the failure that matters is already on its way."""
        with contextlib.suppress(Exception):
            self._delete_pair(backend)

    # ---- back on the event loop -----------------------------------------------------------

    def _give_up(self, exc: Exception, doing: str, pair: TokenPair | None = None) -> KeyringProblem:
        """Remember the first trouble of this run and log every one, without the tokens."""
        known = (self._memory, pair)
        secrets = tuple(s for p in known if p is not None for s in (p.access, p.refresh))
        problem = KeyringProblem(classify_keyring_error(exc), describe(exc, secrets))
        if self._problem is None:
            self._problem = problem
        log.warning(
            "Keyring trouble (%s) while %s with %s: %s",
            problem.trouble.value,
            doing,
            self.backend_name,
            problem.technical,
        )
        return problem
