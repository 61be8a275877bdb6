"""Proof that the whole-run secret audit (tests/conftest.py) can fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.secret_audit import PLANTED_PASSWORD, SuiteSecretAudit


@pytest.fixture
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        (tmp_path / name).mkdir()
        monkeypatch.setenv(name, str(tmp_path / name))
    return tmp_path


def test_clean_folders_have_no_findings(private_folders: Path) -> None:
    (private_folders / "XDG_STATE_HOME" / "app.log").write_text("GET /repo -> 200\n")
    audit = SuiteSecretAudit()
    audit.add(["issued-token-0123456789"])
    assert audit.findings() == {}


def test_a_token_in_a_log_and_a_password_in_a_binary_file_are_found(
    private_folders: Path,
) -> None:
    token = "issued-token-0123456789"
    log = private_folders / "XDG_STATE_HOME" / "Flashback Desktop" / "log" / "app.log"
    log.parent.mkdir(parents=True)
    log.write_text(f"sending Bearer {token}\n")
    keyring_file = private_folders / "XDG_DATA_HOME" / "keyrings" / "test.keyring"
    keyring_file.parent.mkdir(parents=True)
    keyring_file.write_bytes(b"\xff\xfe\x00" + PLANTED_PASSWORD.encode() + b"\x80\x81")
    audit = SuiteSecretAudit()
    audit.add([token])
    found = audit.findings()
    assert found == {
        f"{token[:6]}…": [str(log)],
        f"{PLANTED_PASSWORD[:6]}…": [str(keyring_file)],
    }
