"""Token store states, each against a backend that really behaves that way."""

from __future__ import annotations

from pathlib import Path

import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from flashback_desktop.session.token_store import (
    ACCESS_TOKEN_ENTRY,
    KeyringTokenStore,
    KeyringTrouble,
    MemoryTokenStore,
)
from tests.support.memory_keyring import MemoryKeyring

ORIGIN = "https://test.flashback.example"


class LockedKeyring(MemoryKeyring):
    """Behaves like a Secret Service whose unlock prompt was dismissed."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")


class BrokenKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringError("entry could not be decoded")


@pytest.mark.asyncio
async def test_round_trip_and_entry_name(memory_keyring: MemoryKeyring) -> None:
    store = KeyringTokenStore(ORIGIN, memory_keyring)
    assert await store.load() is None
    await store.save("tok-1")
    assert memory_keyring.entries == {
        (f"Flashback Desktop ({ORIGIN})", ACCESS_TOKEN_ENTRY): "tok-1"
    }
    assert await KeyringTokenStore(ORIGIN, memory_keyring).load() == "tok-1"
    await store.delete()
    assert memory_keyring.entries == {}
    await store.delete()  # deleting twice is fine: already signed out
    assert store.problem is None


@pytest.mark.asyncio
async def test_servers_never_share_a_token(memory_keyring: MemoryKeyring) -> None:
    await KeyringTokenStore(ORIGIN, memory_keyring).save("test-token")
    assert await KeyringTokenStore("https://backend.flashback.tech", memory_keyring).load() is None


@pytest.mark.asyncio
async def test_default_backend_is_whatever_keyring_chose(memory_keyring: MemoryKeyring) -> None:
    store = KeyringTokenStore(ORIGIN)
    await store.save("tok")
    assert "MemoryKeyring" in store.backend_name
    assert memory_keyring.entries


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("backend", "trouble"),
    [
        (fail.Keyring(), KeyringTrouble.NO_BACKEND),
        (LockedKeyring(), KeyringTrouble.LOCKED),
        (BrokenKeyring(), KeyringTrouble.UNREADABLE),
    ],
)
async def test_keyring_trouble_keeps_the_token_in_memory_only(
    backend: KeyringBackend,
    trouble: KeyringTrouble,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    for variable in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(tmp_path))
    store = KeyringTokenStore(ORIGIN, backend)
    assert await store.load() is None
    await store.save("secret-token-in-memory")
    assert store.problem is not None
    assert store.problem.trouble is trouble
    assert "only until you close" in store.problem.message
    assert store.problem.action
    assert await store.load() == "secret-token-in-memory"  # usable for this run
    # ... and never written to a file anywhere under the (temporary) home.
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert not any(b"secret-token-in-memory" in p.read_bytes() for p in written), written
    await store.delete()
    assert await store.load() is None


@pytest.mark.asyncio
async def test_memory_store_for_demo_mode(memory_keyring: MemoryKeyring) -> None:
    store = MemoryTokenStore()
    await store.save("demo")
    assert await store.load() == "demo"
    assert memory_keyring.entries == {}  # demo mode never touches the keyring
    await store.delete()
    assert await store.load() is None
