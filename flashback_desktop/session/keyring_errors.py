"""What a keyring failure means, told in plain words.

Each platform reports trouble its own way (macOS OSStatus codes, Windows error numbers,
secretstorage's exception classes, keyring's own wrappers); ``classify_keyring_error``
recognises them from what keyring really raises. ``KeyringProblem`` carries the person's
sentence and what to do; the technical text (``describe``, secrets cut out) goes only to
the log. The stores themselves are in ``token_store``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass

import keyring.errors

from flashback_desktop.translatable import QT_TRANSLATE_NOOP

_HIDDEN = "[hidden]"


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


class SecretTooLong(keyring.errors.PasswordSetError):
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
    if isinstance(link, SecretTooLong):
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


def nothing_to_delete(exc: BaseException) -> bool:
    """Whether a failed delete only means the entry was not there (already signed out)."""
    if not isinstance(exc, keyring.errors.PasswordDeleteError) or _recognise(exc) is not None:
        return False
    # macOS wraps every api error as PasswordDeleteError; only "not found" is harmless.
    statuses = {_macos_status(link) for link in _exception_chain(exc)} - {None}
    return statuses <= {_MACOS_ITEM_NOT_FOUND}


def describe(exc: BaseException, secrets: tuple[str | None, ...]) -> str:
    """Technical text for the log, with any secret a backend quoted cut out."""
    text = " <- ".join(f"{type(link).__name__}: {link}" for link in _exception_chain(exc))
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, _HIDDEN)
    return text
