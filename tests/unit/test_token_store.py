"""Token store states, each against a backend that really behaves that way.

The failing backends (tests/support/keyring_backends.py) raise what keyring raises on each
platform; the normal path against the real Secret Service is in
tests/integration/test_secret_service.py.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend

from flashback_desktop.session.keyring_errors import (
    KeyringProblem,
    KeyringTrouble,
    classify_keyring_error,
)
from flashback_desktop.session.token_store import (
    ACCESS_TOKEN_ENTRY,
    REFRESH_TOKEN_ENTRY,
    WINDOWS_CREDENTIAL_MANAGER,
    KeyringTokenStore,
    MemoryTokenStore,
    TokenPair,
    entry_limit,
)
from tests.support.keyring_backends import (
    ERR_SEC_USER_CANCELED,
    CredentialManagerStandIn,
    DeniedKeychain,
    KeychainStandIn,
    KeyringThatQuotesTheSecret,
    LockedSecretService,
    PyWinTypesStandIn,
    SecretServiceThatLocks,
    UnreadableEntries,
    WindowsCredentialManager,
    missing_keyring,
)
from tests.support.memory_keyring import MemoryKeyring

ORIGIN = "https://test.flashback.example"
SERVICE = f"Flashback Desktop ({ORIGIN})"
LIMIT = WINDOWS_CREDENTIAL_MANAGER.max_bytes  # 2,560 bytes as UTF-16-LE


def secret(kind: str) -> str:
    """A token nobody would mistake for a word, and that no log redaction pattern matches."""
    return f"{kind}-{uuid.uuid4().hex}"


def fresh_pair() -> TokenPair:
    return TokenPair(secret("acc"), secret("ref"))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty home, working directory and XDG dirs: anything written lands here."""
    monkeypatch.chdir(tmp_path)
    for variable in (
        "HOME",
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "XDG_STATE_HOME",
        "XDG_CACHE_HOME",
        "APPDATA",
        "LOCALAPPDATA",
    ):
        monkeypatch.setenv(variable, str(tmp_path))
    return tmp_path


def files_under(root: Path) -> list[Path]:
    return [Path(folder) / name for folder, _, names in os.walk(root) for name in names]


def assert_never_shown(pair: TokenPair, texts: list[str]) -> None:
    for text in texts:
        assert pair.access not in text
        assert pair.refresh is None or pair.refresh not in text


def logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        f"{record.getMessage()} {record.exc_text or ''} {record.args!r}"
        for record in caplog.records
    ]


# ---- the pair and the normal path ------------------------------------------------------------


def test_pair_repr_never_shows_the_tokens() -> None:
    pair = fresh_pair()
    assert repr(pair) == "TokenPair(access=<hidden>, refresh=<hidden>)"
    assert str(TokenPair(pair.access, None)) == "TokenPair(access=<hidden>, refresh=None)"
    assert_never_shown(pair, [repr(pair), str(pair), f"{[pair]}", f"{pair!r}"])


@pytest.mark.asyncio
async def test_two_entries_round_trip_and_delete(memory_keyring: MemoryKeyring) -> None:
    store = KeyringTokenStore(ORIGIN, memory_keyring)
    assert await store.load() is None
    pair = fresh_pair()
    await store.save(pair)
    assert memory_keyring.entries == {
        (SERVICE, ACCESS_TOKEN_ENTRY): pair.access,
        (SERVICE, REFRESH_TOKEN_ENTRY): pair.refresh,
    }
    assert await KeyringTokenStore(ORIGIN, memory_keyring).load() == pair
    await store.delete()
    assert memory_keyring.entries == {}
    await store.delete()  # deleting twice is fine: already signed out
    assert store.problem is None


@pytest.mark.asyncio
async def test_saving_without_refresh_removes_a_stale_refresh_entry(
    memory_keyring: MemoryKeyring,
) -> None:
    store = KeyringTokenStore(ORIGIN, memory_keyring)
    await store.save(fresh_pair())
    only_access = TokenPair(secret("acc"), None)
    await store.save(only_access)
    assert memory_keyring.entries == {(SERVICE, ACCESS_TOKEN_ENTRY): only_access.access}
    assert await KeyringTokenStore(ORIGIN, memory_keyring).load() == only_access
    assert store.problem is None


@pytest.mark.asyncio
async def test_a_refresh_entry_alone_counts_as_nothing_stored(
    memory_keyring: MemoryKeyring,
) -> None:
    memory_keyring.entries[(SERVICE, REFRESH_TOKEN_ENTRY)] = secret("ref")
    assert await KeyringTokenStore(ORIGIN, memory_keyring).load() is None


@pytest.mark.asyncio
async def test_load_reads_the_keyring_again_after_another_copy_rotated_the_pair(
    memory_keyring: MemoryKeyring,
) -> None:
    ours = KeyringTokenStore(ORIGIN, memory_keyring)
    await ours.save(fresh_pair())
    rotated = fresh_pair()
    await KeyringTokenStore(ORIGIN, memory_keyring).save(rotated)  # the other copy of the app
    assert await ours.load() == rotated
    await KeyringTokenStore(ORIGIN, memory_keyring).delete()  # signed out over there
    assert await ours.load() is None


@pytest.mark.asyncio
async def test_servers_never_share_a_pair(memory_keyring: MemoryKeyring) -> None:
    await KeyringTokenStore(ORIGIN, memory_keyring).save(fresh_pair())
    assert await KeyringTokenStore("https://backend.flashback.tech", memory_keyring).load() is None


@pytest.mark.asyncio
async def test_default_backend_is_whatever_keyring_chose(memory_keyring: MemoryKeyring) -> None:
    store = KeyringTokenStore(ORIGIN)
    assert store.backend_name == "not loaded yet"
    await store.save(fresh_pair())
    assert "MemoryKeyring" in store.backend_name
    assert len(memory_keyring.entries) == 2


@pytest.mark.asyncio
async def test_memory_store_for_demo_mode(memory_keyring: MemoryKeyring) -> None:
    store = MemoryTokenStore()
    pair = fresh_pair()
    await store.save(pair)
    assert await store.load() == pair
    assert memory_keyring.entries == {}  # demo mode never touches the keyring
    await store.delete()
    assert await store.load() is None
    assert store.problem is None


# ---- every keyring situation -----------------------------------------------------------------


@dataclass
class Situation:
    """A backend in one situation, prepared so that the store meets it on first use."""

    backend: KeyringBackend
    trouble: KeyringTrouble
    technical: str  # part of the log text that shows the situation was recognised
    pair: TokenPair


def _missing() -> Situation:
    return Situation(missing_keyring(), KeyringTrouble.NO_BACKEND, "NoKeyringError", fresh_pair())


def _locked() -> Situation:
    return Situation(
        LockedSecretService(),
        KeyringTrouble.LOCKED,
        "Failed to unlock the collection!",
        fresh_pair(),
    )


def _locked_with_no_keyring_yet() -> Situation:
    return Situation(
        LockedSecretService(has_default_collection=False),
        KeyringTrouble.LOCKED,
        "Prompt dismissed",
        fresh_pair(),
    )


def _denied() -> Situation:
    backend = DeniedKeychain()  # the person clicks "Deny"
    backend.plant_from_previous_build(SERVICE, ACCESS_TOKEN_ENTRY, secret("old"))
    return Situation(backend, KeyringTrouble.DENIED, "-25293", fresh_pair())


def _keychain_prompt_cancelled() -> Situation:
    backend = DeniedKeychain(prompt_answer=ERR_SEC_USER_CANCELED)
    backend.plant_from_previous_build(SERVICE, ACCESS_TOKEN_ENTRY, secret("old"))
    return Situation(backend, KeyringTrouble.LOCKED, "-128", fresh_pair())


def _unreadable() -> Situation:
    backend = UnreadableEntries()
    backend.plant(SERVICE, ACCESS_TOKEN_ENTRY, "café".encode("latin-1"))
    return Situation(backend, KeyringTrouble.UNREADABLE, "UnicodeDecodeError", fresh_pair())


def _too_long() -> Situation:
    # JWTs with many claims: 1,300 ASCII characters are 2,600 bytes as UTF-16.
    pair = TokenPair(secret("acc"), secret("ref") + "x" * 1300)
    return Situation(WindowsCredentialManager(), KeyringTrouble.TOO_LONG, "2,560", pair)


SITUATIONS: dict[str, Callable[[], Situation]] = {
    "no keyring": _missing,
    "locked, unlock prompt dismissed": _locked,
    "no keyring yet, create prompt dismissed": _locked_with_no_keyring_yet,
    "macOS: Deny clicked": _denied,
    "macOS: keychain password prompt cancelled": _keychain_prompt_cancelled,
    "entry unreadable": _unreadable,
    "secret too long for Windows": _too_long,
}


@pytest.mark.asyncio
@pytest.mark.parametrize("make", SITUATIONS.values(), ids=SITUATIONS.keys())
async def test_keyring_trouble_keeps_the_pair_in_memory_only(
    make: Callable[[], Situation], home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    situation = make()
    store = KeyringTokenStore(ORIGIN, situation.backend)
    if situation.trouble is not KeyringTrouble.TOO_LONG:  # too long shows only on saving
        assert await store.load() is None
    await store.save(situation.pair)

    problem = store.problem
    assert problem is not None
    assert problem.trouble is situation.trouble
    assert "only until you close Flashback Desktop" in problem.message
    assert problem.action
    assert situation.technical in problem.technical
    assert await store.load() == situation.pair  # usable for this run
    # ... never written to a file anywhere under the (temporary) home ...
    assert files_under(home) == []
    # ... and never shown in the log, the problem or a repr.
    warnings = [r for r in caplog.records if r.name == "flashback.session.keyring"]
    assert warnings
    assert all(r.levelno == logging.WARNING for r in warnings)
    assert any(situation.technical in r.getMessage() for r in warnings)
    texts = [*logged(caplog), repr(problem), problem.technical, repr(store.problem)]
    assert_never_shown(situation.pair, texts)

    await store.delete()
    assert await store.load() is None


def test_plain_words_differ_for_every_situation() -> None:
    words = [KeyringProblem(t, "") for t in KeyringTrouble]
    assert len({p.message for p in words}) == len(KeyringTrouble)
    assert len({p.action for p in words}) == len(KeyringTrouble)
    for problem in words:
        assert "only until you close Flashback Desktop" in problem.message
        for jargon in ("backend", "D-Bus", "UTF", "bytes", "exception", "error"):
            assert jargon not in problem.message + problem.action


@pytest.mark.asyncio
async def test_after_trouble_the_keyring_is_left_alone_until_sign_out() -> None:
    backend = LockedSecretService()
    store = KeyringTokenStore(ORIGIN, backend)
    assert await store.load() is None
    assert backend.attempts == 1
    pair = fresh_pair()
    await store.save(pair)
    assert await store.load() == pair
    assert backend.attempts == 1  # no unlock prompt after every request
    # Signing out still tries to remove what an earlier run saved.
    await store.delete()
    assert backend.attempts == 2
    assert store.problem is not None
    assert store.problem.trouble is KeyringTrouble.LOCKED


@pytest.mark.asyncio
async def test_with_no_keyring_sign_out_does_not_try_again() -> None:
    store = KeyringTokenStore(ORIGIN, missing_keyring())
    await store.save(fresh_pair())
    await store.delete()
    assert await store.load() is None
    assert store.problem is not None
    assert store.problem.trouble is KeyringTrouble.NO_BACKEND


# ---- too long for Windows Credential Manager -------------------------------------------------


def test_the_windows_like_backend_really_fails_opaquely_on_a_long_secret() -> None:
    backend = WindowsCredentialManager()
    with pytest.raises(PyWinTypesStandIn.error) as raised:
        backend.set_password(SERVICE, REFRESH_TOKEN_ENTRY, "x" * (LIMIT // 2 + 1))
    assert raised.value.args == (1783, "CredWrite", "The stub received bad data.")
    assert classify_keyring_error(raised.value) is KeyringTrouble.TOO_LONG


@pytest.mark.asyncio
async def test_too_long_is_caught_before_any_write() -> None:
    backend = WindowsCredentialManager()
    manager: CredentialManagerStandIn = backend.credential_manager
    store = KeyringTokenStore(ORIGIN, backend)
    # 1,281 ASCII characters: 1,281 bytes as UTF-8, but 2,562 as the UTF-16 Windows stores.
    pair = TokenPair(secret("acc"), "r" * (LIMIT // 2 + 1))
    await store.save(pair)
    assert store.problem is not None
    assert store.problem.trouble is KeyringTrouble.TOO_LONG
    assert "refresh-token entry would be 2,562 bytes" in store.problem.technical
    assert manager.writes == []  # not even the (short) access token was written
    assert await store.load() == pair


@pytest.mark.asyncio
async def test_exactly_at_the_limit_is_stored() -> None:
    backend = WindowsCredentialManager()
    store = KeyringTokenStore(ORIGIN, backend)
    pair = TokenPair("a" * (LIMIT // 2), "r" * (LIMIT // 2))
    await store.save(pair)
    assert store.problem is None
    assert all(write.accepted for write in backend.credential_manager.writes)
    assert await KeyringTokenStore(ORIGIN, backend).load() == pair


@pytest.mark.asyncio
async def test_a_rotated_pair_too_long_for_windows_removes_the_stale_one() -> None:
    backend = WindowsCredentialManager()
    store = KeyringTokenStore(ORIGIN, backend)
    await store.save(fresh_pair())
    writes_before = len(backend.credential_manager.writes)
    longer = TokenPair("é" * (LIMIT // 2 + 1), secret("ref"))  # 2 bytes each in UTF-16 too
    await store.save(longer)
    assert store.problem is not None
    assert store.problem.trouble is KeyringTrouble.TOO_LONG
    assert len(backend.credential_manager.writes) == writes_before  # nothing oversized sent
    assert backend.credential_manager.credentials == {}  # next run signs in afresh
    assert await store.load() == longer


def test_only_backends_with_a_known_limit_are_checked(memory_keyring: MemoryKeyring) -> None:
    assert entry_limit(WindowsCredentialManager()) is WINDOWS_CREDENTIAL_MANAGER
    assert entry_limit(memory_keyring) is None
    assert entry_limit(DeniedKeychain()) is None
    assert entry_limit(missing_keyring()) is None


@pytest.mark.asyncio
async def test_long_secrets_are_fine_where_there_is_no_limit(
    memory_keyring: MemoryKeyring,
) -> None:
    store = KeyringTokenStore(ORIGIN, memory_keyring)
    pair = TokenPair("a" * 5000, "r" * 5000)
    await store.save(pair)
    assert store.problem is None
    assert await KeyringTokenStore(ORIGIN, memory_keyring).load() == pair


# ---- Windows: this machine only ------------------------------------------------------------


@pytest.mark.asyncio
async def test_windows_entries_stay_on_this_machine() -> None:
    backend = WindowsCredentialManager()
    manager = backend.credential_manager
    assert backend.persist == manager.CRED_PERSIST_ENTERPRISE  # keyring's default: roaming
    store = KeyringTokenStore(ORIGIN, backend)
    await store.save(fresh_pair())
    assert backend.persist == manager.CRED_PERSIST_LOCAL_MACHINE
    assert manager.writes
    assert {write.persist for write in manager.writes} == {manager.CRED_PERSIST_LOCAL_MACHINE}
    assert {c["Persist"] for c in manager.credentials.values()} == {
        manager.CRED_PERSIST_LOCAL_MACHINE
    }


@pytest.mark.asyncio
async def test_through_keyrings_chainer_the_windows_rules_still_apply(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    windows = WindowsCredentialManager()
    monkeypatch.setattr(ChainerBackend, "backends", [windows])
    store = KeyringTokenStore(ORIGIN, ChainerBackend())
    await store.save(TokenPair(secret("acc"), "r" * LIMIT))
    assert windows.persist == windows.credential_manager.CRED_PERSIST_LOCAL_MACHINE
    assert store.problem is not None
    assert store.problem.trouble is KeyringTrouble.TOO_LONG
    assert windows.credential_manager.writes == []


# ---- failures part-way, and secrets in error text --------------------------------------------


@pytest.mark.asyncio
async def test_failure_between_the_two_writes_keeps_the_whole_pair_in_memory(
    home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    backend = SecretServiceThatLocks(writes_before_lock=1)  # locks between the two writes
    store = KeyringTokenStore(ORIGIN, backend)
    pair = fresh_pair()
    await store.save(pair)
    assert store.problem is not None
    assert store.problem.trouble is KeyringTrouble.LOCKED
    assert await store.load() == pair
    # Could not undo; a lone refresh entry loads as "nothing stored", never as half a pair.
    assert backend.entries == {(SERVICE, REFRESH_TOKEN_ENTRY): pair.refresh}
    assert files_under(home) == []
    assert_never_shown(pair, logged(caplog))


@pytest.mark.asyncio
async def test_a_secret_quoted_in_a_backend_error_is_cut_out(
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = KeyringTokenStore(ORIGIN, KeyringThatQuotesTheSecret())
    pair = fresh_pair()
    await store.save(pair)
    assert store.problem is not None
    assert "cannot store '[hidden]'" in store.problem.technical
    assert_never_shown(pair, [store.problem.technical, repr(store.problem), *logged(caplog)])


# ---- how each platform's report is recognised ------------------------------------------------


def _raised_from(outer: BaseException, cause: BaseException) -> BaseException:
    outer.__cause__ = cause
    return outer


def _secretstorage_error(name: str) -> BaseException:
    exceptions = pytest.importorskip("secretstorage.exceptions")
    error: BaseException = getattr(exceptions, name)("from secretstorage")
    return error


@pytest.mark.parametrize(
    ("make", "trouble"),
    [
        # keyring/backends/fail.py
        (lambda: keyring.errors.NoKeyringError("No recommended backend"), "NO_BACKEND"),
        # SecretService.py get_preferred_collection; kwallet.py get_password
        (lambda: keyring.errors.KeyringLocked("Failed to unlock the item!"), "LOCKED"),
        (lambda: keyring.errors.KeyringLocked("Failed to unlock the keyring!"), "LOCKED"),
        (
            lambda: keyring.errors.InitError("Failed to create the collection: Prompt dismissed.."),
            "LOCKED",
        ),
        (
            lambda: _raised_from(
                keyring.errors.InitError("Failed to create the collection: gone."),
                _secretstorage_error("SecretServiceNotAvailableException"),
            ),
            "NO_BACKEND",
        ),
        (lambda: _secretstorage_error("SecretServiceNotAvailableException"), "NO_BACKEND"),
        (lambda: _secretstorage_error("LockedException"), "LOCKED"),
        # kwallet.py: the wallet could not be opened at all; the open prompt was cancelled
        (lambda: keyring.errors.InitError("Failed to open keyring: no kwalletd."), "NO_BACKEND"),
        (lambda: keyring.errors.PasswordSetError("Cancelled by user"), "LOCKED"),
        # macOS/__init__.py, wrapping api errors (status, text)
        (
            lambda: _raised_from(
                keyring.errors.KeyringError("Can't get password from keychain: ..."),
                KeychainStandIn.SecAuthFailure(-25293, "Security Auth Failure"),
            ),
            "DENIED",
        ),
        (
            lambda: _raised_from(
                keyring.errors.KeyringError("Can't get password from keychain: ..."),
                KeychainStandIn.Error(-25308, "Unknown Error"),
            ),
            "LOCKED",
        ),
        # Windows.py lets pywintypes.error through
        (lambda: PyWinTypesStandIn.error(5, "CredRead", "Access is denied."), "DENIED"),
        (lambda: PyWinTypesStandIn.error(1312, "CredWrite", "No logon session."), "NO_BACKEND"),
        (lambda: PyWinTypesStandIn.error(1783, "CredWrite", "The stub..."), "TOO_LONG"),
        # anything else: could not read or save
        (lambda: UnicodeDecodeError("utf-8", b"\xe9", 0, 1, "invalid"), "UNREADABLE"),
        (lambda: keyring.errors.KeyringError("something new"), "UNREADABLE"),
    ],
)
def test_what_keyring_raises_is_recognised(make: Callable[[], BaseException], trouble: str) -> None:
    assert classify_keyring_error(make()) is KeyringTrouble[trouble]


@pytest.mark.asyncio
async def test_deleting_what_is_not_there_is_not_trouble() -> None:
    # macOS wraps "item not found" (-25300) as PasswordDeleteError too: that one is harmless.
    keychain = DeniedKeychain()
    store = KeyringTokenStore(ORIGIN, keychain)
    await store.delete()
    assert store.problem is None
    windows = WindowsCredentialManager()  # PasswordDeleteError(service) when not found
    store = KeyringTokenStore(ORIGIN, windows)
    await store.delete()
    assert store.problem is None
