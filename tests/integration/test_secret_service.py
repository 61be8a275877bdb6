"""The token store against the real Secret Service (gnome-keyring in a private D-Bus session).

tests/run starts that session; with CI=true a missing Secret Service fails these tests.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import uuid

import pytest

from flashback_desktop.session.token_store import ACCESS_TOKEN_ENTRY, KeyringTokenStore
from tests.support.memory_keyring import MemoryKeyring
from tests.support.real_parts import require_secret_service

pytestmark = pytest.mark.secret_service

READ_BACK = """
import asyncio, sys, keyring
from flashback_desktop.session.token_store import KeyringTokenStore
store = KeyringTokenStore(sys.argv[1])
print(type(keyring.get_keyring()).__module__)
print(asyncio.run(store.load()) or "")
"""


def lookup_with_secret_tool(service: str) -> str:
    result = subprocess.run(
        ["secret-tool", "lookup", "service", service, "username", ACCESS_TOKEN_ENTRY],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    return result.stdout


def test_store_read_from_another_process_and_delete(memory_keyring: MemoryKeyring) -> None:
    backend = require_secret_service()
    assert type(backend).__module__ == "keyring.backends.SecretService"
    assert not isinstance(backend, MemoryKeyring)
    origin = f"https://secret-service-test-{uuid.uuid4().hex[:8]}.example"
    token = f"test-token-{uuid.uuid4().hex}"
    store = KeyringTokenStore(origin, backend)

    asyncio.run(store.save(token))
    assert store.problem is None
    assert lookup_with_secret_tool(store.service) == token
    # A fresh process, with keyring's own backend choice, as the app would make it.
    other = subprocess.run(
        [sys.executable, "-c", READ_BACK, origin],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    chosen_backend, read_back = other.stdout.splitlines()
    assert "SecretService" in chosen_backend or "chainer" in chosen_backend
    assert read_back == token
    assert memory_keyring.entries == {}  # the in-memory test backend was never involved

    asyncio.run(store.delete())
    assert lookup_with_secret_tool(store.service) == ""
    assert asyncio.run(KeyringTokenStore(origin, backend).load()) is None
