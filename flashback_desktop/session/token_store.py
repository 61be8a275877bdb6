"""Where the tokens live: the operating system's keyring, or memory for this run only.

The access token and the refresh token are two entries ("access-token", "refresh-token")
under one service name per server origin. Keyring calls can block (a D-Bus round trip, an
unlock prompt), so they run in a worker thread. When the keyring fails, the pair is kept in
memory, the person is told so in one plain sentence with what to do, and the technical text
goes to the log only; the tokens are never written to a file.

How each platform reports trouble is recognised from what keyring really raises (see
``classify_keyring_error``); a secret too long for the platform is caught before writing.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import functools
import importlib
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol, TypeVar

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from flashback_desktop.session.keyring_backend import choose_backend
from flashback_desktop.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger("flashback.session.keyring")

T = TypeVar("T")

ACCESS_TOKEN_ENTRY = "access-token"  # noqa: S105 - the entry's name, not a secret
REFRESH_TOKEN_ENTRY = "refresh-token"  # noqa: S105 - the entry's name, not a secret

# keyring's Windows backend turns this string into win32cred.CRED_PERSIST_LOCAL_MACHINE
# (keyring/backends/Windows.py, Persistence.__set__): kept on this PC, never roaming with a
# domain profile (keyring's default is CRED_PERSIST_ENTERPRISE).
WINDOWS_PERSIST = "local machine"

_HIDDEN = "[hidden]"


@dataclass(frozen=True, slots=True, repr=False)
class TokenPair:
    """The tokens of one sign-in. Its repr never shows them (they end up in tracebacks)."""

    access: str
    refresh: str | None

    def __repr__(self) -> str:
        refresh = "None" if self.refresh is None else "<hidden>"
        return f"TokenPair(access=<hidden>, refresh={refresh})"


class KeyringTrouble(enum.Enum):
    NO_BACKEND = "no-backend"
    LOCKED = "locked"
    DENIED = "denied"
    UNREADABLE = "unreadable"
    TOO_LONG = "too-long"


# For office staff: what happened, that the sign-in still works until Flashback Desktop is
# closed, and what to do. The technical text goes to the log, never here.
_PLAIN_WORDS: dict[KeyringTrouble, tuple[str, str]] = {
    KeyringTrouble.NO_BACKEND: (
        QT_TRANSLATE_NOOP(
            "Messages",
            "This computer has no password store that Flashback Desktop can use, so your "
            "sign-in is kept only until you close Flashback Desktop.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "You can keep working. To stay signed in next time, ask your IT support to set up "
            "a password store (keyring) on this computer.",
        ),
    ),
    KeyringTrouble.LOCKED: (
        QT_TRANSLATE_NOOP(
            "Messages",
            "Your computer's password store stayed locked, so your sign-in is kept only until "
            "you close Flashback Desktop.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "You can keep working. Next time your computer asks to unlock its password store, "
            "enter your computer password instead of closing the request.",
        ),
    ),
    KeyringTrouble.DENIED: (
        QT_TRANSLATE_NOOP(
            "Messages",
            "Flashback Desktop was not allowed to use your computer's password store, so your "
            "sign-in is kept only until you close Flashback Desktop.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "You can keep working. Next time your computer asks whether Flashback Desktop may "
            "use it, choose “Always Allow”. If it does not ask, contact your IT support.",
        ),
    ),
    KeyringTrouble.UNREADABLE: (
        QT_TRANSLATE_NOOP(
            "Messages",
            "Your computer's password store could not read or save your sign-in, so it is "
            "kept only until you close Flashback Desktop.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "You can keep working. If this happens every time you open Flashback Desktop, ask "
            "your IT support to check this computer's password store.",
        ),
    ),
    KeyringTrouble.TOO_LONG: (
        QT_TRANSLATE_NOOP(
            "Messages",
            "Your sign-in is longer than this computer's password store can hold, so it is "
            "kept only until you close Flashback Desktop.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "You can keep working, but you will need to sign in again next time. If this keeps "
            "happening, tell your IT support.",
        ),
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


class _SecretTooLong(keyring.errors.PasswordSetError):
    """Raised before writing, instead of the platform's opaque error."""


# ---- recognising what keyring raises ---------------------------------------------------------

# macOS (keyring/backends/macOS/api.py, Error.raise_for_status): errors carry the OSStatus as
# args[0]; keyring wraps them (macOS/__init__.py): KeychainDenied (-128) as KeyringLocked,
# anything else (SecAuthFailure -25293 included) as KeyringError / PasswordSetError /
# PasswordDeleteError "... keychain: (status, text)", raised from the api error.
_MACOS_API_ERRORS = frozenset({"Error", "NotFound", "KeychainDenied", "SecAuthFailure"})
_MACOS_ITEM_NOT_FOUND = -25300  # errSecItemNotFound
_MACOS_STATUS: dict[int, KeyringTrouble] = {
    -25293: KeyringTrouble.DENIED,  # errSecAuthFailed: "Deny" on "… wants to use … keychain"
    -128: KeyringTrouble.LOCKED,  # errSecUserCanceled: the unlock prompt was cancelled
    -25308: KeyringTrouble.LOCKED,  # errSecInteractionNotAllowed: locked, no prompt possible
}

# Windows: keyring lets pywintypes.error (winerror, funcname, strerror) through unwrapped.
_WINDOWS_ERRORS: dict[int, KeyringTrouble] = {
    1783: KeyringTrouble.TOO_LONG,  # RPC_X_BAD_STUB_DATA from CredWrite: blob over the limit
    5: KeyringTrouble.DENIED,  # ERROR_ACCESS_DENIED
    1312: KeyringTrouble.NO_BACKEND,  # ERROR_NO_SUCH_LOGON_SESSION: no credential set here
}

# secretstorage (under keyring's Secret Service backend), by qualified class name so this
# works where secretstorage is not installed (Windows, macOS).
_SECRETSTORAGE: dict[str, KeyringTrouble] = {
    "secretstorage.exceptions.PromptDismissedException": KeyringTrouble.LOCKED,
    "secretstorage.exceptions.LockedException": KeyringTrouble.LOCKED,
    "secretstorage.exceptions.SecretServiceNotAvailableException": KeyringTrouble.NO_BACKEND,
}

# KWallet (keyring/backends/kwallet.py): the wallet's open prompt was cancelled on a write.
_KWALLET_CANCELLED = "Cancelled by user"


def _exception_chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and what caused it (``raise ... from``, or raised while handling)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _macos_status(exc: BaseException) -> int | None:
    if type(exc).__name__ not in _MACOS_API_ERRORS or len(exc.args) < 2:
        return None
    status = exc.args[0]
    return status if type(status) is int and isinstance(exc.args[1], str) else None


def _windows_error(exc: BaseException) -> int | None:
    winerror = getattr(exc, "winerror", None)
    return winerror if type(winerror) is int else None


def _recognise_link(link: BaseException) -> KeyringTrouble | None:
    """What one exception of the chain says on its own: ours, keyring's fail, or a platform's."""
    if isinstance(link, _SecretTooLong):
        return KeyringTrouble.TOO_LONG
    if isinstance(link, keyring.errors.NoKeyringError):  # keyring's fail.Keyring
        return KeyringTrouble.NO_BACKEND
    status = _macos_status(link)
    if status is not None and status in _MACOS_STATUS:
        return _MACOS_STATUS[status]
    winerror = _windows_error(link)
    if winerror is not None and winerror in _WINDOWS_ERRORS:
        return _WINDOWS_ERRORS[winerror]
    names = (f"{cls.__module__}.{cls.__qualname__}" for cls in type(link).__mro__)
    return next((_SECRETSTORAGE[name] for name in names if name in _SECRETSTORAGE), None)


def _recognise_wrapping(exc: BaseException) -> KeyringTrouble | None:
    """What keyring's own exception types say, when no platform detail was recognised."""
    # Secret Service: "Failed to unlock the collection!" / "... the item!"; KWallet: "Failed
    # to unlock the keyring!"; libsecret: IS_LOCKED. All mean a dismissed unlock prompt.
    if any(isinstance(link, keyring.errors.KeyringLocked) for link in _exception_chain(exc)):
        return KeyringTrouble.LOCKED
    if isinstance(exc, keyring.errors.InitError):
        # Secret Service with no keyring yet and its "create" prompt dismissed (or no display
        # to show it): "Failed to create the collection: Prompt dismissed..". Otherwise the
        # store could not be opened at all.
        dismissed = "Prompt dismissed" in str(exc)
        return KeyringTrouble.LOCKED if dismissed else KeyringTrouble.NO_BACKEND
    kwallet_write = keyring.errors.PasswordSetError | keyring.errors.PasswordDeleteError
    if isinstance(exc, kwallet_write) and str(exc) == _KWALLET_CANCELLED:
        return KeyringTrouble.LOCKED
    return None


def _recognise(exc: BaseException) -> KeyringTrouble | None:
    """The trouble a platform reported, when it is one we know; None otherwise."""
    for link in _exception_chain(exc):
        trouble = _recognise_link(link)
        if trouble is not None:
            return trouble
    return _recognise_wrapping(exc)


def classify_keyring_error(exc: BaseException) -> KeyringTrouble:
    """Which keyring situation an exception from a keyring call means.

    Anything not recognised (a decoding failure, an unknown platform error) counts as
    UNREADABLE: the store could not read or save the sign-in.
    """
    return _recognise(exc) or KeyringTrouble.UNREADABLE


def _nothing_to_delete(exc: BaseException) -> bool:
    """Whether a failed delete only means the entry was not there (already signed out)."""
    if not isinstance(exc, keyring.errors.PasswordDeleteError) or _recognise(exc) is not None:
        return False
    # macOS wraps every api error as PasswordDeleteError; only "not found" is harmless.
    statuses = {_macos_status(link) for link in _exception_chain(exc)} - {None}
    return statuses <= {_MACOS_ITEM_NOT_FOUND}


def _describe(exc: BaseException, secrets: tuple[str | None, ...]) -> str:
    """Technical text for the log, with any secret a backend quoted cut out."""
    text = " <- ".join(f"{type(link).__name__}: {link}" for link in _exception_chain(exc))
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, _HIDDEN)
    return text


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
        except _SecretTooLong:
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
                raise _SecretTooLong(
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
            if not _nothing_to_delete(exc):
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
        problem = KeyringProblem(classify_keyring_error(exc), _describe(exc, secrets))
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
