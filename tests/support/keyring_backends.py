"""Keyring backends that fail the way the platforms' own do, for the token store's tests.

Where keyring's backend for a platform can be imported here, the test backend subclasses it
and replaces only the operating system's API underneath (Security.framework for macOS,
win32cred for Windows), so keyring's own code wraps the failure and the store meets exactly
what keyring raises. Elsewhere the behaviour follows keyring's source line by line (cited).

None of them is ever chosen by keyring on its own: their ``priority`` raises, which is how a
keyring backend says "not for this computer" (keyring skips it as not viable).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any, NoReturn
from unittest import mock

import keyring.backends.macOS
import keyring.backends.Windows
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.backends.Windows import Persistence, WinVaultKeyring
from keyring.compat import properties

# Patching keyring's platform modules is process-wide: one stand-in call at a time.
_PATCH_LOCK = threading.RLock()

_NOT_FOR_AUTO_SELECTION = "a test backend: never chosen automatically"


class _NeverChosen:
    """Mixed in first, so keyring's backend detection finds these classes not viable."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError(_NOT_FOR_AUTO_SELECTION)


def missing_keyring() -> KeyringBackend:
    """No usable keyring: keyring's own fail.Keyring, which it picks when nothing else works."""
    return fail.Keyring()


# ---- Secret Service (GNOME Keyring, KWallet's Secret Service) ----------------------------


def _prompt_dismissed() -> Exception:
    """secretstorage's own exception where it is installed (Linux), else one like it."""
    try:
        from secretstorage.exceptions import PromptDismissedException  # noqa: PLC0415
    except ImportError:  # secretstorage is a keyring dependency on Linux only
        return RuntimeError("Prompt dismissed.")
    return PromptDismissedException("Prompt dismissed.")


class LockedSecretService(_NeverChosen, KeyringBackend):
    """A Secret Service whose unlock prompt was dismissed, or that could not show one.

    keyring's SecretService backend opens the collection before every call
    (keyring/backends/SecretService.py, get_preferred_collection):

    - a locked collection whose unlock prompt is dismissed:
      ``KeyringLocked("Failed to unlock the collection!")`` (lines 65-68);
    - no keyring yet, and the prompt to create one dismissed (or no display to show it):
      ``InitError("Failed to create the collection: Prompt dismissed..")`` from secretstorage's
      ``PromptDismissedException`` (lines 57-64). Both measured against gnome-keyring.
    """

    def __init__(self, *, has_default_collection: bool = True) -> None:
        super().__init__()
        self.has_default_collection = has_default_collection
        self.attempts = 0

    def _open_collection(self) -> NoReturn:
        self.attempts += 1
        if not self.has_default_collection:
            cause = _prompt_dismissed()
            raise keyring.errors.InitError(f"Failed to create the collection: {cause}.") from cause
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def get_password(self, service: str, username: str) -> str | None:
        self._open_collection()

    def set_password(self, service: str, username: str, password: str) -> None:
        self._open_collection()

    def delete_password(self, service: str, username: str) -> None:
        self._open_collection()


class SecretServiceThatLocks(_NeverChosen, KeyringBackend):
    """Works for ``writes_before_lock`` writes, then locks (the screen locked, say) for good."""

    def __init__(self, *, writes_before_lock: int) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self._writes_left = writes_before_lock

    def _check(self) -> None:
        if self._writes_left <= 0:
            raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def get_password(self, service: str, username: str) -> str | None:
        self._check()
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check()
        self._writes_left -= 1
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._check()
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("No such password!")


class UnreadableEntries(_NeverChosen, KeyringBackend):
    """Secrets held as bytes and read back as UTF-8, like keyring's Secret Service backend.

    keyring/backends/SecretService.py line 84: ``item.get_secret().decode('utf-8')``. An entry
    another program stored in another encoding cannot be read, and keyring lets the
    ``UnicodeDecodeError`` through unwrapped (so do the Windows and macOS backends: Windows.py
    DecodingCredential.value, macOS/api.py cfstr_to_str). Writing still works.
    """

    def __init__(self) -> None:
        super().__init__()
        self.blobs: dict[tuple[str, str], bytes] = {}

    def plant(self, service: str, username: str, blob: bytes) -> None:
        """An entry as some other program left it."""
        self.blobs[(service, username)] = blob

    def get_password(self, service: str, username: str) -> str | None:
        blob = self.blobs.get((service, username))
        return None if blob is None else blob.decode("utf-8")

    def set_password(self, service: str, username: str, password: str) -> None:
        self.blobs[(service, username)] = password.encode("utf-8")

    def delete_password(self, service: str, username: str) -> None:
        if self.blobs.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("No such password!")


class KeyringThatQuotesTheSecret(_NeverChosen, KeyringBackend):
    """A careless backend whose error text includes the secret it failed to store."""

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError(f"cannot store {password!r} for {username}")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError("No such password!")


# ---- macOS Keychain ------------------------------------------------------------------------

ERR_SEC_AUTH_FAILED = -25293  # the person clicked "Deny"
ERR_SEC_USER_CANCELED = -128  # the person cancelled the keychain's password prompt


@dataclass
class _KeychainItem:
    secret: str
    trusted: bool  # whether this app is on the item's access list (no prompt)


class KeychainStandIn:
    """Stands in for keyring.backends.macOS.api (Security.framework through ctypes).

    The error classes and ``raise_for_status`` are keyring's (macOS/api.py lines 111-138),
    under the same names. Items this app created are trusted; reading or deleting an item
    another build created (an unsigned app after an upgrade) brings the "… wants to use your
    confidential information …" prompt, answered with ``prompt_answer``.
    """

    class error:
        item_not_found = -25300
        keychain_denied = -128
        sec_auth_failed = -25293
        plist_missing = -67030
        sec_interaction_not_allowed = -25308

    class Error(Exception):
        @classmethod
        def raise_for_status(cls, status: int) -> None:
            stand_in = KeychainStandIn
            if status == 0:
                return
            if status == stand_in.error.item_not_found:
                raise stand_in.NotFound(status, "Item not found")
            if status == stand_in.error.keychain_denied:
                raise stand_in.KeychainDenied(status, "Keychain Access Denied")
            if status in (stand_in.error.sec_auth_failed, stand_in.error.plist_missing):
                raise stand_in.SecAuthFailure(
                    status,
                    "Security Auth Failure: make sure executable is signed with codesign util",
                )
            raise cls(status, "Unknown Error")

    class NotFound(Error):
        pass

    class KeychainDenied(Error):
        pass

    class SecAuthFailure(Error):
        pass

    def __init__(self, prompt_answer: int) -> None:
        self.prompt_answer = prompt_answer
        self.items: dict[tuple[str, str], _KeychainItem] = {}
        self.prompts = 0

    def _access(self, service: str, username: str) -> _KeychainItem:
        item = self.items.get((service, username))
        if item is None:
            self.Error.raise_for_status(self.error.item_not_found)
            raise AssertionError  # unreachable: raise_for_status raised
        if not item.trusted:
            self.prompts += 1
            self.Error.raise_for_status(self.prompt_answer)
            item.trusted = True  # "Always Allow"
        return item

    # The three functions keyring's macOS backend calls (api.py lines 141-184).
    def find_generic_password(
        self, kc_name: str | None, service: str, username: str, not_found_ok: bool = False
    ) -> str | None:
        if not_found_ok and (service, username) not in self.items:
            return None
        return self._access(service, username).secret

    def set_generic_password(
        self, name: str | None, service: str, username: str, password: str
    ) -> None:
        with suppress(self.NotFound):
            self.delete_generic_password(name, service, username)
        self.items[(service, username)] = _KeychainItem(password, trusted=True)  # SecItemAdd

    def delete_generic_password(self, name: str | None, service: str, username: str) -> None:
        self._access(service, username)
        del self.items[(service, username)]


class DeniedKeychain(_NeverChosen, keyring.backends.macOS.Keyring):
    """keyring's own macOS backend over a keychain where the person clicks "Deny".

    keyring maps errSecAuthFailed (-25293, what "Deny" returns) to ``SecAuthFailure`` and
    wraps it as ``KeyringError`` on read, ``PasswordSetError`` on write and
    ``PasswordDeleteError`` on delete (macOS/__init__.py lines 44-77), each ``from`` the api
    error; -128 (a cancelled password prompt) becomes ``KeyringLocked``.
    """

    def __init__(self, *, prompt_answer: int = ERR_SEC_AUTH_FAILED) -> None:
        super().__init__()
        self.keychain_api = KeychainStandIn(prompt_answer)

    def plant_from_previous_build(self, service: str, username: str, secret: str) -> None:
        """An item an earlier (differently signed) build stored: this build is not trusted."""
        self.keychain_api.items[(service, username)] = _KeychainItem(secret, trusted=False)

    @contextmanager
    def _over_stand_in(self) -> Iterator[None]:
        with (
            _PATCH_LOCK,
            mock.patch.object(keyring.backends.macOS, "api", self.keychain_api, create=True),
        ):
            yield

    def get_password(self, service: str, username: str) -> str | None:
        with self._over_stand_in():
            password: str | None = super().get_password(service, username)
        return password

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._over_stand_in():
            super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        with self._over_stand_in():
            super().delete_password(service, username)


# ---- Windows Credential Manager ------------------------------------------------------------


class PyWinTypesStandIn:
    """Stands in for pywintypes: its ``error`` as pywin32-ctypes defines it."""

    class error(Exception):
        def __init__(self, *args: Any) -> None:
            self.winerror: int | None = args[0] if len(args) > 0 else None
            self.funcname: str | None = args[1] if len(args) > 1 else None
            self.strerror: str | None = args[2] if len(args) > 2 else None
            super().__init__(*args)


@dataclass(frozen=True)
class CredWriteAttempt:
    target: str
    username: str
    blob_bytes: int
    persist: int
    accepted: bool


@dataclass
class CredentialManagerStandIn:
    """Stands in for win32cred: CredRead / CredWrite / CredDelete over a dict.

    Like pywin32-ctypes (core/ctypes/_authentication.py, ``_make_blob``) it writes a str blob
    as UTF-16-LE without a terminator, and like Windows it refuses a blob over
    CRED_MAX_CREDENTIAL_BLOB_SIZE with the opaque ``(1783, 'CredWrite', 'The stub received bad
    data.')`` (keyring issue #355).
    """

    CRED_TYPE_GENERIC = 1
    CRED_PERSIST_SESSION = 1
    CRED_PERSIST_LOCAL_MACHINE = 2
    CRED_PERSIST_ENTERPRISE = 3
    CRED_MAX_CREDENTIAL_BLOB_SIZE = 5 * 512

    credentials: dict[str, dict[str, Any]] = field(default_factory=dict)
    writes: list[CredWriteAttempt] = field(default_factory=list)

    def CredRead(self, Type: int, TargetName: str, Flags: int = 0) -> dict[str, Any]:
        found = self.credentials.get(TargetName)
        if found is None:
            raise PyWinTypesStandIn.error(1168, "CredRead", "Element not found.")
        return dict(found)

    def CredWrite(self, Credential: dict[str, Any], Flags: int = 0) -> None:
        blob = Credential["CredentialBlob"].encode("utf-16-le")
        accepted = len(blob) <= self.CRED_MAX_CREDENTIAL_BLOB_SIZE
        self.writes.append(
            CredWriteAttempt(
                Credential["TargetName"],
                Credential["UserName"],
                len(blob),
                Credential["Persist"],
                accepted,
            )
        )
        if not accepted:
            raise PyWinTypesStandIn.error(1783, "CredWrite", "The stub received bad data.")
        self.credentials[Credential["TargetName"]] = {**Credential, "CredentialBlob": blob}

    def CredDelete(self, Type: int, TargetName: str, Flags: int = 0) -> None:
        if self.credentials.pop(TargetName, None) is None:
            raise PyWinTypesStandIn.error(1168, "CredDelete", "Element not found.")


class _PersistenceOverStandIn:
    """keyring's own ``Persistence`` descriptor, run with the stand-in win32cred in place."""

    def __get__(self, backend: WindowsCredentialManager | None, owner: Any = None) -> Any:
        if backend is None:
            return self
        with backend.over_stand_in():
            return Persistence().__get__(backend, owner)

    def __set__(self, backend: WindowsCredentialManager, value: object) -> None:
        with backend.over_stand_in():
            Persistence().__set__(backend, value)


class WindowsCredentialManager(_NeverChosen, WinVaultKeyring):
    """keyring's own Windows backend (WinVaultKeyring) over a stand-in Credential Manager.

    A real subclass, so the store's ``isinstance`` check for the 2,560-byte limit and the
    ``persist`` setting meet what they would on Windows; only win32cred and pywintypes,
    which cannot load on Linux, are replaced while its methods run.
    """

    persist = _PersistenceOverStandIn()

    def __init__(self) -> None:
        self.credential_manager = CredentialManagerStandIn()
        super().__init__()

    @contextmanager
    def over_stand_in(self) -> Iterator[None]:
        with (
            _PATCH_LOCK,
            mock.patch.object(
                keyring.backends.Windows, "win32cred", self.credential_manager, create=True
            ),
            mock.patch.object(
                keyring.backends.Windows, "pywintypes", PyWinTypesStandIn, create=True
            ),
        ):
            yield

    def get_password(self, service: str, username: str) -> str | None:
        with self.over_stand_in():
            password: str | None = super().get_password(service, username)
        return password

    def set_password(self, service: str, username: str, password: str) -> None:
        with self.over_stand_in():
            super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        with self.over_stand_in():
            super().delete_password(service, username)
