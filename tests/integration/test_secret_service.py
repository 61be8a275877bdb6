"""The token store against the real Secret Service (gnome-keyring in a private D-Bus session).

tests/run starts that session; with CI=true a missing Secret Service fails these tests. The
locked cases start their own gnome-keyring, in a nested private session with no display, so
the unlock prompt really cannot be answered.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from flashback_desktop.session.keyring_errors import KeyringTrouble
from flashback_desktop.session.token_store import (
    ACCESS_TOKEN_ENTRY,
    REFRESH_TOKEN_ENTRY,
    KeyringTokenStore,
    TokenPair,
)
from tests.support.memory_keyring import MemoryKeyring
from tests.support.real_parts import require_secret_service, secret_service_expected

pytestmark = pytest.mark.secret_service

REPO_ROOT = Path(__file__).resolve().parents[2]

# Another copy of the app: keyring's own backend choice; it reads the pair, then rotates the
# refresh token (the new one comes on stdin: secrets never go on a command line).
READ_AND_ROTATE = """
import asyncio, json, sys
from flashback_desktop.session.token_store import KeyringTokenStore, TokenPair
store = KeyringTokenStore(sys.argv[1])
pair = asyncio.run(store.load())
asyncio.run(store.save(TokenPair(pair.access, sys.stdin.read().strip())))
problem = store.problem.trouble.value if store.problem else None
print(json.dumps({"backend": store.backend_name, "access": pair.access,
                  "refresh": pair.refresh, "problem": problem}))
"""


def lookup_with_secret_tool(service: str, entry: str) -> str:
    result = subprocess.run(
        ["secret-tool", "lookup", "service", service, "username", entry],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    return result.stdout


def entries_with_secret_tool(service: str) -> list[str]:
    """The entry names stored under ``service`` (secret-tool prints attributes on stderr)."""
    result = subprocess.run(
        ["secret-tool", "search", "--all", "service", service],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    prefix = "attribute.username = "
    lines = (result.stdout + result.stderr).splitlines()
    return sorted(line.removeprefix(prefix) for line in lines if line.startswith(prefix))


def test_pair_round_trip_rotation_by_another_process_and_delete(
    memory_keyring: MemoryKeyring,
) -> None:
    backend = require_secret_service()
    assert type(backend).__module__ == "keyring.backends.SecretService"
    assert not isinstance(backend, MemoryKeyring)
    origin = f"https://secret-service-test-{uuid.uuid4().hex[:8]}.example"
    pair = TokenPair(f"access-{uuid.uuid4().hex}", f"refresh-{uuid.uuid4().hex}")
    store = KeyringTokenStore(origin, backend)

    asyncio.run(store.save(pair))
    assert store.problem is None
    # Two entries under one service, as any other Secret Service client sees them.
    assert entries_with_secret_tool(store.service) == [ACCESS_TOKEN_ENTRY, REFRESH_TOKEN_ENTRY]
    assert lookup_with_secret_tool(store.service, ACCESS_TOKEN_ENTRY) == pair.access
    assert lookup_with_secret_tool(store.service, REFRESH_TOKEN_ENTRY) == pair.refresh
    assert backend.get_password(store.service, REFRESH_TOKEN_ENTRY) == pair.refresh

    # A fresh process, with keyring's own backend choice, reads the pair and rotates it.
    rotated_refresh = f"refresh-{uuid.uuid4().hex}"
    other = subprocess.run(
        [sys.executable, "-c", READ_AND_ROTATE, origin],
        input=rotated_refresh,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=REPO_ROOT,
    )
    seen = json.loads(other.stdout)
    assert "SecretService" in seen["backend"] or "chainer" in seen["backend"]
    assert (seen["access"], seen["refresh"], seen["problem"]) == (pair.access, pair.refresh, None)
    # This store reads the keyring again, so it sees the rotation rather than its own copy.
    assert asyncio.run(store.load()) == TokenPair(pair.access, rotated_refresh)
    assert lookup_with_secret_tool(store.service, REFRESH_TOKEN_ENTRY) == rotated_refresh
    assert memory_keyring.entries == {}  # the in-memory test backend was never involved

    asyncio.run(store.delete())
    assert store.problem is None
    assert entries_with_secret_tool(store.service) == []
    assert lookup_with_secret_tool(store.service, ACCESS_TOKEN_ENTRY) == ""
    assert backend.get_password(store.service, REFRESH_TOKEN_ENTRY) is None
    assert asyncio.run(KeyringTokenStore(origin, backend).load()) is None


# ---- a locked gnome-keyring, for real -------------------------------------------------------

# Runs inside its own dbus-run-session: starts gnome-keyring, then meets it locked with no
# display for the prompt. "no-keyring-yet": no login keyring exists, so the prompt to create
# one is dismissed. "locked": a keyring with a saved pair, locked (as after a screen lock).
LOCKED_KEYRING = """
import asyncio, json, subprocess, sys, time
from contextlib import closing
import secretstorage
from flashback_desktop.session.token_store import KeyringTokenStore, TokenPair

mode, origin = sys.argv[1], sys.argv[2]
access, refresh = sys.stdin.read().split()
command = ["gnome-keyring-daemon", "--foreground", "--components=secrets"]
if mode == "locked":
    command.append("--unlock")
daemon = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
daemon.stdin.write(b"throwaway-keyring-password" if mode == "locked" else b"")
daemon.stdin.close()
try:
    deadline = time.monotonic() + 20
    while True:
        with closing(secretstorage.dbus_init()) as bus:
            if secretstorage.check_service_availability(bus):
                break
        if time.monotonic() > deadline:
            sys.exit("gnome-keyring did not come up")
        time.sleep(0.05)
    if mode == "locked":
        asyncio.run(KeyringTokenStore(origin).save(TokenPair("earlier-access", "earlier-refresh")))
        with closing(secretstorage.dbus_init()) as bus:
            collection = secretstorage.get_default_collection(bus)
            collection.lock()
            assert collection.is_locked()
    store = KeyringTokenStore(origin)
    loaded = asyncio.run(store.load())
    pair = TokenPair(access, refresh)
    asyncio.run(store.save(pair))
    print(json.dumps({
        "backend": store.backend_name,
        "loaded_first": loaded is not None,
        "trouble": store.problem.trouble.value if store.problem else None,
        "technical": store.problem.technical if store.problem else None,
        "message": store.problem.message if store.problem else None,
        "kept": asyncio.run(store.load()) == pair,
    }))
finally:
    daemon.terminate()
    daemon.wait(timeout=10)
"""


def _require_tools() -> None:
    missing = [
        tool for tool in ("dbus-run-session", "gnome-keyring-daemon") if not shutil.which(tool)
    ]
    if missing:
        message = f"needs {', '.join(missing)}"
        if secret_service_expected():
            pytest.fail(f"{message} (required in CI and under tests/run)", pytrace=False)
        pytest.skip(message)


@pytest.mark.parametrize(
    ("mode", "technical"),
    [
        ("no-keyring-yet", "Failed to create the collection: Prompt dismissed"),
        ("locked", "Failed to unlock the collection!"),
    ],
)
def test_a_locked_gnome_keyring_keeps_the_pair_in_memory_only(
    mode: str, technical: str, tmp_path: Path
) -> None:
    _require_tools()
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "XAUTHORITY"}
        and not name.startswith(("GNOME_KEYRING", "XDG_"))
    }
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(tmp_path / name.lower())
    env["XDG_RUNTIME_DIR"] = str(tmp_path / "run")
    for folder in {env[name] for name in env if name == "HOME" or name.startswith("XDG_")}:
        Path(folder).mkdir(mode=0o700, exist_ok=True)
    access, refresh = f"access-{uuid.uuid4().hex}", f"refresh-{uuid.uuid4().hex}"
    origin = f"https://locked-test-{uuid.uuid4().hex[:8]}.example"

    result = subprocess.run(
        ["dbus-run-session", "--", sys.executable, "-c", LOCKED_KEYRING, mode, origin],
        input=f"{access} {refresh}",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=REPO_ROOT,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert "SecretService" in report["backend"]
    assert report["loaded_first"] is False
    assert report["trouble"] == KeyringTrouble.LOCKED.value
    assert technical in report["technical"]
    assert "only until you close Flashback Desktop" in report["message"]
    assert report["kept"] is True
    # The warning went to stderr without the tokens, and no file holds them.
    assert "Keyring trouble (locked)" in result.stderr
    assert access not in result.stderr
    assert refresh not in result.stderr
    for path in tmp_path.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert access.encode() not in content, path
            assert refresh.encode() not in content, path
