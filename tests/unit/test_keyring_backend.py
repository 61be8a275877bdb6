"""The app's keyring backend choice: keyring's own order, without importing every backend."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import keyring
import keyring.core
import pytest
from keyring.backends import fail, null

from flashback_desktop.session import keyring_backend
from flashback_desktop.session.keyring_backend import choose_backend, usual_backend
from tests.support.memory_keyring import MemoryKeyring
from tests.support.real_parts import secret_service_expected

MEMORY = f"{MemoryKeyring.__module__}.{MemoryKeyring.__qualname__}"


@pytest.fixture
def keyring_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """keyring's config file in a private folder (keyring reads XDG_CONFIG_HOME on Linux),
    and no backend set yet, as at the app's start (conftest sets it back afterwards)."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    path = keyring.core._config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return Path(path)


def test_a_backend_already_set_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    assert isinstance(choose_backend(), MemoryKeyring)  # the suite's, set by conftest


def test_the_environment_variable_wins(
    keyring_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring_config.write_text("[backend]\ndefault-keyring=keyring.backends.null.Keyring\n")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", MEMORY)
    chosen = choose_backend()
    assert isinstance(chosen, MemoryKeyring)
    assert keyring.get_keyring() is chosen  # every later keyring call agrees


def test_the_config_file_is_honoured(keyring_config: Path) -> None:
    keyring_config.write_text("[backend]\ndefault-keyring=keyring.backends.null.Keyring\n")
    assert isinstance(choose_backend(), null.Keyring)


def test_without_either_an_unusable_usual_backend_falls_back_to_keyring_discovery(
    keyring_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # fail.Keyring says "not recommended" (priority 0), as an unusable backend does.
    monkeypatch.setitem(
        keyring_backend.USUAL_BACKENDS, "linux", ("keyring.backends.fail", "Keyring")
    )
    assert usual_backend("linux") is None
    discovered = type(keyring.core._detect_backend())
    assert type(choose_backend()) is discovered
    assert usual_backend("plan9") is None


def test_the_usual_backend_is_chosen_without_importing_the_others() -> None:
    """In a fresh process: the same pick as keyring's discovery, and no macOS backend."""
    script = """
import json, sys
from flashback_desktop.session.keyring_backend import choose_backend
chosen = type(choose_backend())
loaded = sorted(m for m in sys.modules if m.startswith("keyring.backends."))
import keyring.core
discovered = type(keyring.core._detect_backend())
print(json.dumps([chosen.__qualname__, chosen.__module__, discovered.__module__, loaded]))
"""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=environment,
    )
    assert done.returncode == 0, done.stderr
    name, module, discovered, loaded = json.loads(done.stdout)
    assert "keyring.backends.macOS" not in loaded
    assert "keyring.backends.macOS.api" not in loaded
    if secret_service_expected():
        assert (module, name) == ("keyring.backends.SecretService", "Keyring")
    if module != fail.Keyring.__module__:
        assert module == discovered
